"""What the command line says about a result, in rich markup: the audit's line, a plan's
summary, a re-plan's account and the alternatives found."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.markup import escape

from crossteam import i18n

if TYPE_CHECKING:
    from pathlib import Path

    from crossteam.models import PlanningInput, Problem
    from crossteam.models.sweep import SweepResult
    from crossteam.models.ties import SourceReport, TiesResult
    from crossteam.models.wish_figures import WishFigures
    from crossteam.next_round import NextRound
    from crossteam.pipeline import PlanOutcome, PlanRequest
    from crossteam.review import ReviewResult


def _warning(text: str) -> str:
    return f"[yellow]{i18n.t('common.warning')}[/yellow] {escape(text)}"


def audit_line(summary: dict[str, Any]) -> str:
    """One line of ``audit``'s key figures, from its JSON."""
    ei = summary["ei_index"]
    ei_text = i18n.t("terminal.audit_no_ei") if ei is None else i18n.t("terminal.audit_ei", ei=ei)
    return i18n.t(
        "terminal.audit",
        employees=summary["employees"],
        departments=summary["departments"],
        interactions=summary["interactions"],
        ei=ei_text,
        gaps=len(summary["gap_pairs"]),
    )


def no_plan_lines(outcome: PlanOutcome) -> list[str]:
    """Why there is no plan, one reason a line."""
    plan = outcome.plan
    status = i18n.t(f"terminal.status.{plan.status.value}")
    return [
        f"[red]{i18n.t('terminal.no_plan')}[/red] ({status}):",
        *(f"  - {escape(reason)}" for reason in plan.explanation),
    ]


def plan_lines(outcome: PlanOutcome, *, stopped: bool, repeatable_asked: bool) -> list[str]:
    """A planned run's summary, its re-plan or alternatives, and how it ended."""
    lines = [summary_line(outcome), *wishes_lines(outcome)]
    if outcome.review is not None and outcome.previous is not None:
        lines.append(repair_line(outcome.review, review=outcome.previous.review))
    lines += alternatives_lines(outcome)
    if stopped:
        lines.append(i18n.t("terminal.interrupted_written"))
    elif repeatable_asked and not outcome.repeatable:
        note = i18n.t("terminal.repeat_warning")
        lines.append(f"[yellow]{i18n.t('common.note')}[/yellow] {escape(note)}")
    return lines


def summary_line(outcome: PlanOutcome) -> str:
    """Teams, stints, gap, silent pairs bridged and checks, in one line."""
    plan, checks, effect = outcome.plan, outcome.checks, outcome.effect
    assert checks is not None and effect is not None  # a plan was found and assessed
    silent = len(effect.before.gap_pairs), len(effect.after.gap_pairs)
    if checks.passed:
        verdict = i18n.t("terminal.checks_passed")
    else:
        verdict = i18n.t("terminal.checks_failed", failed=len(checks.failures))
    figures = {
        "plan": i18n.t(f"terminal.plan.{plan.status.value}"),
        "teams": i18n.counted(len(plan.teams), "team"),
        "periods": i18n.counted(len(plan.rotation), "period"),
        "gap": f"{plan.gap:.1%}" if plan.gap is not None else "-",
        "silent": plan.silent_pairs_text(*silent),
        "checks": verdict,
    }
    if checks.not_applicable:
        return i18n.t(
            "terminal.plan_summary_not_applicable",
            not_applicable=len(checks.not_applicable),
            **figures,
        )
    return i18n.t("terminal.plan_summary", **figures)


def wishes_lines(outcome: PlanOutcome) -> list[str]:
    """Wishes granted, per kind somebody placed ranked, and teammates repeated from History
    (the Summary sheet says more)."""
    lines = [
        _wishes_line(figures)
        for figures in (outcome.wishes.rotation, outcome.wishes.team)
        if figures.ranked
    ]
    if outcome.repeats:
        pairs = i18n.counted(len(outcome.repeats), "teammate pair")
        lines.append(i18n.t("terminal.repeats", pairs=pairs))
    return lines


def _wishes_line(figures: WishFigures) -> str:
    granted = {
        "kind": i18n.name(figures.kind.value),
        "first": figures.first_choice,
        "ranked": figures.ranked,
        "top_two": figures.top_two,
    }
    if figures.mean_rank is None:
        return i18n.t("terminal.wishes", **granted)
    return i18n.t("terminal.wishes_mean", mean_rank=figures.mean_rank, **granted)


def repair_line(result: ReviewResult, *, review: bool) -> str:
    """How far a re-plan followed the decisions (``review``) and the previous plan."""
    stats = result.stats
    decided = (
        i18n.t(
            "terminal.decisions_honoured",
            locks_honoured=stats.locks_honoured,
            locks=stats.locks,
            removes_honoured=stats.removes_honoured,
            removes=stats.removes,
        )
        if review
        else ""
    )
    figures = {
        "changed": stats.others_changed,
        "others": i18n.counted(stats.others, "other assignment"),
        "share": stats.changed_share,
        "changes": i18n.counted(len(result.changes), "change"),
    }
    if len(result.changes) == 1:
        changed = i18n.t("terminal.others_changed", **figures)
    else:
        changed = i18n.t("terminal.others_changed_many", **figures)
    label = i18n.t("terminal.review_label") if review else i18n.t("terminal.repair_label")
    return f"{label}{decided}{changed}"


def alternatives_lines(outcome: PlanOutcome) -> list[str]:
    """Each alternative against the best and the earlier plans, then the search's notes."""
    alternated = outcome.alternatives
    if alternated is None:
        return []
    lines = []
    for a in alternated.summaries[1:]:
        least = min(d for n, d in a.difference_to.items() if n < a.number)
        lines.append(
            i18n.t(
                "terminal.alternative",
                number=a.number,
                objective=a.objective,
                share=a.share_of_best,
                least=least,
            )
        )
    return lines + [f"[yellow]{escape(note)}[/yellow]" for note in alternated.notes]


def valid_line(instance: PlanningInput, warnings: tuple[Problem, ...]) -> str:
    """What ``validate`` found in a valid input."""
    return i18n.t(
        "terminal.valid",
        employees=i18n.counted(len(instance.employees), "employee"),
        departments=i18n.counted(len(instance.departments), "department"),
        teams=i18n.counted(len(instance.teams), "team"),
        periods=i18n.counted(len(instance.periods), "period"),
        warnings=i18n.counted(len(warnings), "warning"),
    )


def planning_line(request: PlanRequest, base: Path | None) -> str | None:
    """The line before a search for alternatives or a re-plan of ``base``."""
    if request.alternatives is not None:
        asked = request.alternatives
        return i18n.t(
            "terminal.planning_alternatives",
            plans=i18n.counted(asked.count, "plan"),
            tolerance=asked.tolerance,
        )
    previous = request.previous
    if previous is None:
        return None
    path = escape(str(base))
    if not previous.review:
        return i18n.t("terminal.replanning", path=path)
    decided = sum(d.decision is not None for d in previous.decisions)
    decisions = i18n.counted(decided, "review decision")
    return i18n.t("terminal.replanning_decisions", path=path, decisions=decisions)


def sweep_start_line(total: int, engine: str) -> str:
    scenarios = i18n.counted(total, "scenario")
    return i18n.t("terminal.sweeping", scenarios=scenarios, engine=escape(engine))


def sweep_progress_line(done: int, of: int) -> str:
    scenarios = i18n.counted(of, "scenario")
    return f"  {i18n.t('terminal.sweep_progress', done=done, scenarios=scenarios)}"


def sweep_lines(result: SweepResult) -> list[str]:
    """How many scenarios were planned and are Pareto-efficient, then each failure."""
    total = len(result.scenarios)
    failed = [s for s in result.scenarios if s.failure]
    efficient = [s for s in result.scenarios if s.pareto]
    swept = i18n.t(
        "terminal.swept",
        planned=total - len(failed),
        scenarios=i18n.counted(total, "scenario"),
        seconds=result.seconds,
        efficient=len(efficient),
    )
    return [
        swept,
        *(
            f"[red]{i18n.t('terminal.scenario_failed', scenario=s.scenario, name=escape(s.name))}"
            f"[/red]: {escape(s.failure or '')}"
            for s in failed
        ),
    ]


def cut_cells_line(cut: list[str], most: int, mark: str) -> str:
    """The cells cut to ``most`` characters (Excel's limit), ending with ``mark``."""
    shown = i18n.listed(cut[:5])
    if len(cut) > 5:
        shown = i18n.t("terminal.and_more", shown=shown, more=len(cut) - 5)
    cells = i18n.counted(len(cut), "cell")
    if len(cut) == 1:
        return _warning(i18n.t("terminal.cut_cell", cells=cells, most=most, mark=mark, shown=shown))
    return _warning(i18n.t("terminal.cut_cells", cells=cells, most=most, mark=mark, shown=shown))


def next_round_lines(added: NextRound) -> list[str]:
    """What ``next-round`` added to History, and what to heed before the next plan."""
    if added.team_period is not None:
        rows = i18n.counted(added.team_rows, "team row")
        teams = i18n.t("terminal.team_rows_in", rows=rows, period=added.team_period)
    else:
        teams = i18n.t("terminal.no_team_row")
    rotations = i18n.counted(added.rotation_rows, "rotation row")
    return [
        *(_warning(w) for w in added.warnings),
        escape(i18n.t("terminal.history_gains", teams=teams, rotations=rotations)),
    ]


def ties_source_line(report: SourceReport) -> str:
    """What one tie source gave, in one line (the Ties Report has the detail)."""
    return escape(
        i18n.t(
            "ties_command.source_line",
            file=report.file,
            kind=i18n.t(f"ties_command.kind.{report.kind.value}"),
            rows=report.rows_read,
            skipped=sum(report.skipped.values()),
            matched=len(report.matched),
            unmatched=len(report.unmatched),
            pairs=report.pairs,
        )
    )


def ties_lines(result: TiesResult) -> list[str]:
    """``crossteam ties``'s account: each source, then the ties and the silent pairs."""
    return [
        *(ties_source_line(report) for report in result.found.reports),
        i18n.t(
            "ties_command.result_line",
            ties=i18n.counted(len(result.found.interactions), "tie"),
            gaps=len(result.gap_pairs),
        ),
    ]
