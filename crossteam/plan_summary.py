"""The plain sentences that open a plan workbook's Summary: what a manager can forward as
it is (what was planned, which silent departments it connects, who is affected, what to
review). The figures for analysts follow them on the sheet.

Department and team names appear here as the input spells them; people appear only as
counts, never by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final

from crossteam.models import (
    BridgedPair,
    CheckReport,
    DepartmentName,
    DepartmentPair,
    GapKind,
    Plan,
    PlanEffect,
    PlanningInput,
    Priority,
    ProgrammeKind,
    SolveStatus,
)
from crossteam.models.wish_figures import WishFigures, WishReport
from crossteam.models.wording import counted

PAIRS_NAMED: Final = 10
"""Priority pairs named one by one; the Gaps sheet lists the rest."""
TOP_BRIDGED: Final = 3
"""Without priorities, the silent pairs of most gap weight that the plan connects."""
TEAMS_NAMED: Final = 3
DEPARTMENTS_NAMED: Final = 12
"""Departments named one by one in a sentence about people; the largest counts first
when there are more."""


def summary_sentences(
    instance: PlanningInput,
    plan: Plan,
    effect: PlanEffect,
    checks: CheckReport,
    input_name: str,
    wishes: WishReport | None = None,
    repeats: int = 0,
) -> list[str]:
    """The Summary's opening sentences, in reading order; ``wishes`` (those the plan
    grants) and ``repeats`` (teammate pairs repeated from History) are told when given and
    the input has wishes or History."""
    silent = plan.silent_pairs_text(len(effect.before.gap_pairs), len(effect.after.gap_pairs))
    return [
        _what_is_planned(plan),
        _how_good(plan),
        f"{silent[0].upper()}{silent[1:]}.",
        _priorities(instance, effect),
        *_people(instance, plan),
        *(_wishes(instance, plan, wishes, repeats) if wishes is not None else ()),
        _to_review(checks, input_name),
    ]


def _what_is_planned(plan: Plan) -> str:
    members = sum(len(t.members) for t in plan.teams)
    rotating = len({s.employee_id for s in plan.rotation})
    teams = (
        f"forms {counted(len(plan.teams), 'team')} ({counted(members, 'person', 'people')} in all)"
        if plan.teams
        else "forms no team"
    )
    rotation = (
        f"puts {counted(rotating, 'person', 'people')} on rotation "
        f"({counted(len(plan.rotation), 'period')} away from home in all)"
        if plan.rotation
        else "puts nobody on rotation"
    )
    if not plan.planned_rotation:
        return f"This plan {teams}; rotation was not planned."
    if not plan.planned_teams:
        return f"This plan {rotation}; teams were not planned."
    return f"This plan {teams} and {rotation}."


def _how_good(plan: Plan) -> str:
    if plan.status is SolveStatus.OPTIMAL:
        return "It is the best plan possible under these rules and settings (optimal)."
    return (
        "It is the best plan found within the time limit (feasible): the solver figures "
        "below say how much better a plan could be at most."
    )


def _pair_name(a: DepartmentName, b: DepartmentName) -> str:
    return f"{a} – {b}"


def _by_what(bridge: BridgedPair | None) -> str:
    """ " by team Alpha and 1 rotation", " by 15 teams (A, B, C...)", or "" when nothing
    bridged the pair."""
    if bridge is None:
        return ""
    parts = []
    teams = bridge.teams
    if len(teams) == 1:
        parts.append(f"team {teams[0]}")
    elif 1 < len(teams) <= TEAMS_NAMED:
        parts.append(f"teams {', '.join(teams)}")
    elif teams:  # "15 teams (A, B, C...)": the count first, then a few of them
        parts.append(f"{len(teams):,} teams ({', '.join(teams[:TEAMS_NAMED])}...)")
    if bridge.rotations:  # a stint of two periods is one rotation, of one person
        parts.append(counted(len({s.employee_id for s in bridge.rotations}), "rotation"))
    return f" by {' and '.join(parts)}" if parts else ""


def _priority(
    priority: Priority,
    before: dict[tuple[str, str], DepartmentPair],
    after: dict[tuple[str, str], DepartmentPair],
    bridged: dict[tuple[str, str], BridgedPair],
) -> str:
    key = (priority.department_a, priority.department_b)
    name = _pair_name(*key)
    was, now = before.get(key), after.get(key)
    if was is None or now is None:
        return f"{name}: one of them has no one in it"
    if was.kind is GapKind.TIED:
        return f"{name}: talking already"
    by = _by_what(bridged.get(key))
    if was.kind is GapKind.ZERO and now.kind is GapKind.ZERO:
        return f"{name}: silent, still silent"
    if was.kind is GapKind.ZERO:
        return f"{name}: silent, connected{by}"
    return f"{name}: weakly tied, strengthened{by}" if by else f"{name}: weakly tied, unchanged"


def _priorities(instance: PlanningInput, effect: PlanEffect) -> str:
    """The Priorities sheet's pairs, weightiest first, and what the plan does for each."""
    bridged = {(p.department_a, p.department_b): p for p in effect.bridged}
    if not instance.priorities:
        silent = [p for p in effect.bridged if p.kind_before is GapKind.ZERO]
        heaviest = sorted(silent, key=lambda p: (-p.gap_weight, p.department_a, p.department_b))
        text = "No department pair is marked as a priority (Priorities sheet)"
        if heaviest:
            named = "; ".join(
                _pair_name(p.department_a, p.department_b) + _by_what(p)
                for p in heaviest[:TOP_BRIDGED]
            )
            text += f". The silent pairs connected that weigh most: {named}"
        return f"{text}."
    before = {(p.department_a, p.department_b): p for p in effect.before.pairs}
    after = {(p.department_a, p.department_b): p for p in effect.after.pairs}
    ranked = sorted(instance.priorities, key=lambda p: (-p.weight, p.department_a, p.department_b))
    described = "; ".join(_priority(p, before, after, bridged) for p in ranked[:PAIRS_NAMED])
    more = len(ranked) - PAIRS_NAMED
    rest = f"; {more:,} more on the Gaps sheet" if more > 0 else ""
    return f"Priority pairs (Priorities sheet, weightiest first): {described}{rest}."


def _counts(counts: Counter[DepartmentName], of: dict[DepartmentName, int] | None = None) -> str:
    """ "Sales 3 of 12, Support 1 of 4": departments by name, those with a count only; past
    ``DEPARTMENTS_NAMED``, the largest counts and how many more departments."""
    shown = sorted((name, count) for name, count in counts.items() if count)
    more = len(shown) - DEPARTMENTS_NAMED
    if more > 0:
        shown = sorted(shown, key=lambda item: (-item[1], item[0]))[:DEPARTMENTS_NAMED]
    text = ", ".join(
        f"{name} {count:,}" + (f" of {of[name]:,}" if of is not None else "")
        for name, count in shown
    )
    return f"{text} and {counted(more, 'more department')}" if more > 0 else text


def _nobody(names: list[DepartmentName]) -> str:
    """ "; no one from HR, Legal", the names cut to ``DEPARTMENTS_NAMED``."""
    if not names:
        return ""
    if len(names) <= DEPARTMENTS_NAMED:
        return f"; no one from {', '.join(names)}"
    return f"; no one from {len(names):,} departments ({', '.join(names[:DEPARTMENTS_NAMED])}...)"


def _people(instance: PlanningInput, plan: Plan) -> Sequence[str]:
    """Who is affected, per department: in teams (of its headcount), on rotation, hosting."""
    department = {e.employee_id: e.department for e in instance.employees}
    headcount = {d.name: d.headcount for d in instance.departments}
    sentences = []
    if plan.teams:
        in_teams = Counter(department[m] for t in plan.teams for m in t.members)
        nobody = sorted(d for d, n in headcount.items() if n and not in_teams[d])
        sentences.append(
            "In teams, by department (of its headcount): "
            f"{_counts(in_teams, headcount)}{_nobody(nobody)}."
        )
    if plan.rotation:
        rotators = {s.employee_id for s in plan.rotation}
        home = Counter(department[e] for e in rotators)
        hosted = Counter(host for _, host in {(s.employee_id, s.department) for s in plan.rotation})
        sentences.append(
            f"On rotation, people by home department: {_counts(home)}; by host department: "
            f"{_counts(hosted)}."
        )
    return sentences


def _wishes(instance: PlanningInput, plan: Plan, wishes: WishReport, repeats: int) -> Sequence[str]:
    """How far the plan grants the Preferences sheet's wishes, and how many teammates of
    History it puts together again."""
    sentences = []
    kinds = {p.kind for p in instance.preferences}
    for figures, planned in (
        (wishes.rotation, plan.planned_rotation),
        (wishes.team, plan.planned_teams),
    ):
        if figures.kind in kinds and planned:
            sentences.append(_granted(figures))
    if plan.planned_teams and any(h.kind is ProgrammeKind.TEAM for h in instance.history):
        sentences.append(
            f"{counted(repeats, 'teammate pair')} of this plan were teammates before "
            "(History sheet)."
            if repeats
            else "No two teammates of this plan were teammates before (History sheet)."
        )
    return sentences


_WHO: Final = {
    ProgrammeKind.ROTATION: ("rotating", "hosts", ("does not rotate", "do not rotate")),
    ProgrammeKind.TEAM: ("in teams", "teams", ("is in no team", "are in no team")),
}


def _granted(figures: WishFigures) -> str:
    """ "Of the 40 people rotating who ranked hosts (Preferences sheet), 25 (63%) got their
    first choice, 34 (85%) a top-two choice and 38 (95%) a ranked one (mean rank 1.4); 3
    people who ranked hosts do not rotate." """
    where, what, left = _WHO[figures.kind]
    if figures.ranked:
        text = (
            f"Of the {counted(figures.ranked, 'person', 'people')} {where} who ranked {what} "
            f"(Preferences sheet), {_share(figures, figures.first_choice)} got their first "
            f"choice, {_share(figures, figures.top_two)} a top-two choice and "
            f"{_share(figures, figures.any_choice)} a ranked one"
        )
        if figures.mean_rank is not None:
            text += f" (mean rank {figures.mean_rank:.1f})"
    else:
        text = f"Nobody {where} ranked {what} (Preferences sheet)"
    if figures.not_placed:
        verb = left[0] if figures.not_placed == 1 else left[1]
        text += f"; {counted(figures.not_placed, 'person', 'people')} who ranked {what} {verb}"
    return f"{text}."


def _share(figures: WishFigures, count: int) -> str:
    share = figures.share(count)
    return f"{count:,} ({share:.0%})" if share is not None else f"{count:,}"


def _to_review(checks: CheckReport, input_name: str) -> str:
    failed = len(checks.failures)
    verdict = (
        "Every rule was re-checked from the plan itself on the Checks sheet: all passed."
        if not failed
        else f"{counted(failed, 'check')} FAILED on the Checks sheet: read them before "
        "using this plan."
    )
    return (
        f"{verdict} To review: the Review sheet lists every assignment; mark any keep, remove "
        f"or lock (it must stay), add a comment, then re-plan with: crossteam plan "
        f"{input_name} --review THIS-FILE.xlsx. Locks are kept and other changes are as few "
        "as possible."
    )
