"""What the command line says about a result, in rich markup: the audit's line, a plan's
summary, a re-plan's account and the alternatives found."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.markup import escape

from crossteam.models.wording import counted

if TYPE_CHECKING:
    from pathlib import Path

    from crossteam.models import PlanningInput, Problem
    from crossteam.models.sweep import SweepResult
    from crossteam.next_round import NextRound
    from crossteam.pipeline import PlanOutcome, PlanRequest
    from crossteam.review import ReviewResult

REPEAT_WARNING = (
    "this plan may not repeat: the clock, not the work limit, ended a stage (see the notes "
    "on Run Info); a longer --time-limit lets the same input give the same plan"
)


def audit_line(summary: dict[str, Any]) -> str:
    """One line of ``audit``'s key figures, from its JSON."""
    ei = summary["ei_index"]
    ei_text = "no ties to measure an E-I index" if ei is None else f"E-I index {ei:+.3f}"
    return (
        f"{summary['employees']} employees, {summary['departments']} departments, "
        f"{summary['interactions']} tied pairs; {ei_text}; "
        f"{len(summary['gap_pairs'])} department pairs never talk."
    )


def no_plan_lines(outcome: PlanOutcome) -> list[str]:
    """Why there is no plan, one reason a line."""
    plan = outcome.plan
    return [
        f"[red]No plan[/red] ({plan.status.value}):",
        *(f"  - {escape(reason)}" for reason in plan.explanation),
    ]


def plan_lines(outcome: PlanOutcome, *, stopped: bool, repeatable_asked: bool) -> list[str]:
    """A planned run's summary, its re-plan or alternatives, and how it ended."""
    lines = [summary_line(outcome), *wishes_lines(outcome)]
    if outcome.review is not None and outcome.previous is not None:
        lines.append(repair_line(outcome.review, review=outcome.previous.review))
    lines += alternatives_lines(outcome)
    if stopped:
        lines.append("Interrupted: the best plan found so far was written.")
    elif repeatable_asked and not outcome.repeatable:
        lines.append(f"[yellow]note[/yellow] {escape(REPEAT_WARNING)}")
    return lines


def summary_line(outcome: PlanOutcome) -> str:
    """Teams, stints, gap, silent pairs bridged and checks, in one line."""
    plan, checks, effect = outcome.plan, outcome.checks, outcome.effect
    assert checks is not None and effect is not None  # a plan was found and assessed
    gap = f"{plan.gap:.1%}" if plan.gap is not None else "-"
    silent = len(effect.before.gap_pairs), len(effect.after.gap_pairs)
    return (
        f"{plan.status.value.capitalize()} plan: {counted(len(plan.teams), 'team')}, "
        f"{counted(len(plan.rotation), 'period')} away on rotation; gap to bound {gap}; "
        f"{plan.silent_pairs_text(*silent)}; "
        f"checks {'all passed' if checks.passed else f'{len(checks.failures)} FAILED'}"
        + (f" ({len(checks.not_applicable)} not applicable)." if checks.not_applicable else ".")
    )


def wishes_lines(outcome: PlanOutcome) -> list[str]:
    """Wishes granted, per kind somebody placed ranked, and teammates repeated from History
    (the Summary sheet says more)."""
    lines = [
        f"Wishes ({figures.kind.value}): {figures.first_choice} of {figures.ranked} got their "
        f"first choice, {figures.top_two} a top-two choice"
        + (f", mean rank {figures.mean_rank:.1f}." if figures.mean_rank is not None else ".")
        for figures in (outcome.wishes.rotation, outcome.wishes.team)
        if figures.ranked
    ]
    if outcome.repeats:
        lines.append(f"{counted(len(outcome.repeats), 'teammate pair')} repeated from History.")
    return lines


def repair_line(result: ReviewResult, *, review: bool) -> str:
    """How far a re-plan followed the decisions (``review``) and the previous plan."""
    stats = result.stats
    decided = (
        f"{stats.locks_honoured}/{stats.locks} locks and {stats.removes_honoured}/"
        f"{stats.removes} removes honoured; "
        if review
        else ""
    )
    return (
        f"{'Review' if review else 'Repair'}: {decided}{stats.others_changed} of {stats.others} "
        f"other {'assignment' if stats.others == 1 else 'assignments'} changed "
        f"({stats.changed_share:.0%}); {counted(len(result.changes), 'change')} in all, "
        f"{'its reason' if len(result.changes) == 1 else 'each with its reason'} on the "
        "Changes sheet."
    )


def alternatives_lines(outcome: PlanOutcome) -> list[str]:
    """Each alternative against the best and the earlier plans, then the search's notes."""
    alternated = outcome.alternatives
    if alternated is None:
        return []
    lines = []
    for a in alternated.summaries[1:]:
        least = min(d for n, d in a.difference_to.items() if n < a.number)
        lines.append(
            f"Alternative {a.number}: objective {a.objective:,.1f} "
            f"({a.share_of_best:.1%} of the best), differs from earlier plans in at "
            f"least {least:.0%} of team assignments; see the Alternatives sheet."
        )
    return lines + [f"[yellow]{escape(note)}[/yellow]" for note in alternated.notes]


def valid_line(instance: PlanningInput, warnings: tuple[Problem, ...]) -> str:
    """What ``validate`` found in a valid input."""
    return (
        f"Valid: {counted(len(instance.employees), 'employee')}, "
        f"{counted(len(instance.departments), 'department')}, "
        f"{counted(len(instance.teams), 'team')}, {counted(len(instance.periods), 'period')}, "
        f"{counted(len(warnings), 'warning')}."
    )


def planning_line(request: PlanRequest, base: Path | None) -> str | None:
    """The line before a search for alternatives or a re-plan of ``base``."""
    if request.alternatives is not None:
        asked = request.alternatives
        return f"Planning {counted(asked.count, 'plan')} within {asked.tolerance:.0%} of the best."
    previous = request.previous
    if previous is None:
        return None
    decided = sum(d.decision is not None for d in previous.decisions)
    with_decisions = f" with {counted(decided, 'review decision')}" if previous.review else ""
    return f"Re-planning {escape(str(base))}{with_decisions}, with as few changes as possible."


def sweep_lines(result: SweepResult) -> list[str]:
    """How many scenarios were planned and are Pareto-efficient, then each failure."""
    total = len(result.scenarios)
    failed = [s for s in result.scenarios if s.failure]
    efficient = [s for s in result.scenarios if s.pareto]
    return [
        f"{total - len(failed)} of {counted(total, 'scenario')} planned in "
        f"{result.seconds:.0f}s; {len(efficient)} Pareto-efficient.",
        *(
            f"[red]scenario {s.scenario} ({escape(s.name)}) failed[/red]: {escape(s.failure or '')}"
            for s in failed
        ),
    ]


def cut_cells_line(cut: list[str], most: int, mark: str) -> str:
    """The cells cut to ``most`` characters (Excel's limit), ending with ``mark``."""
    shown = ", ".join(cut[:5]) + (f" and {len(cut) - 5:,} more" if len(cut) > 5 else "")
    return (
        f"[yellow]warning[/yellow] {counted(len(cut), 'cell')} held "
        f"more than the {most:,} characters Excel allows and "
        f"{'were' if len(cut) != 1 else 'was'} cut, ending with {mark}: {escape(shown)}"
    )


def next_round_lines(added: NextRound) -> list[str]:
    """What ``next-round`` added to History, and what to heed before the next plan."""
    teams = (
        f"{counted(added.team_rows, 'team row')} (period {escape(repr(added.team_period))})"
        if added.team_period is not None
        else "no team row"
    )
    return [
        *(f"[yellow]warning[/yellow] {escape(w)}" for w in added.warnings),
        f"History gains {teams} and {counted(added.rotation_rows, 'rotation row')}: plan the "
        "next round from this workbook.",
    ]
