"""The plain sentences that open a plan workbook's Summary: what a manager can forward as
it is (what was planned, which silent departments it connects, who is affected, what to
review). The figures for analysts follow them on the sheet.

Department and team names appear here as the input spells them; people appear only as
counts, never by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final

from crossteam import i18n
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
    """The Summary's opening sentences in the current language, in reading order;
    ``wishes`` (those the plan grants) and ``repeats`` (teammate pairs repeated from
    History) are told when given and the input has wishes or History."""
    silent = plan.silent_pairs_text(len(effect.before.gap_pairs), len(effect.after.gap_pairs))
    return [
        _what_is_planned(plan),
        _how_good(plan),
        i18n.t("output.summary.silent_pairs", silent=f"{silent[0].upper()}{silent[1:]}"),
        _priorities(instance, effect),
        *_people(instance, plan),
        *(_wishes(instance, plan, wishes, repeats) if wishes is not None else ()),
        _to_review(checks, input_name),
    ]


def _what_is_planned(plan: Plan) -> str:
    members = sum(len(t.members) for t in plan.teams)
    rotating = len({s.employee_id for s in plan.rotation})
    teams = (
        i18n.t(
            "output.summary.forms_teams",
            teams=i18n.counted(len(plan.teams), "team"),
            people=i18n.counted(members, "person"),
        )
        if plan.teams
        else i18n.t("output.summary.forms_no_team")
    )
    rotation = (
        i18n.t(
            "output.summary.rotates",
            people=i18n.counted(rotating, "person"),
            periods=i18n.counted(len(plan.rotation), "period"),
        )
        if plan.rotation
        else i18n.t("output.summary.rotates_nobody")
    )
    if not plan.planned_rotation:
        return i18n.t("output.summary.plan_teams_only", teams=teams)
    if not plan.planned_teams:
        return i18n.t("output.summary.plan_rotation_only", rotation=rotation)
    return i18n.t("output.summary.plan_both", teams=teams, rotation=rotation)


def _how_good(plan: Plan) -> str:
    if plan.status is SolveStatus.OPTIMAL:
        return i18n.t("output.summary.optimal")
    return i18n.t("output.summary.feasible")


def _pair_name(a: DepartmentName, b: DepartmentName) -> str:
    return f"{a} – {b}"


def _one_after_another(clauses: Iterable[str]) -> str:
    """Clauses in a row: "a; b" in English; in Japanese, sentences "a。b"."""
    return ("。" if i18n.current() is i18n.Language.JA else "; ").join(clauses)


def _by_what(bridge: BridgedPair | None) -> str:
    """ " by team Alpha and 1 rotation", " by 15 teams (A, B, C...)", or "" when nothing
    bridged the pair (Japanese: "チーム「Alpha」とローテーション1件により")."""
    if bridge is None:
        return ""
    teams = bridge.teams
    named = ""
    if len(teams) == 1:
        named = i18n.t("output.summary.by_team", team=teams[0])
    elif 1 < len(teams) <= TEAMS_NAMED:
        named = i18n.t("output.summary.by_teams", teams=i18n.listed(teams))
    elif teams:  # "15 teams (A, B, C...)": the count first, then a few of them
        shown = i18n.listed(teams[:TEAMS_NAMED])
        named = i18n.t("output.summary.by_many_teams", count=len(teams), teams=shown)
    rotations = ""
    if bridge.rotations:  # a stint of two periods is one rotation, of one person
        rotations = i18n.counted(len({s.employee_id for s in bridge.rotations}), "rotation")
    if named and rotations:
        return i18n.t("output.summary.by_both", teams=named, rotations=rotations)
    return i18n.t("output.summary.by_one", what=named or rotations) if named or rotations else ""


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
        return i18n.t("output.summary.pair_empty", pair=name)
    if was.kind is GapKind.TIED:
        return i18n.t("output.summary.pair_tied", pair=name)
    by = _by_what(bridged.get(key))
    if was.kind is GapKind.ZERO and now.kind is GapKind.ZERO:
        return i18n.t("output.summary.pair_still_silent", pair=name)
    if was.kind is GapKind.ZERO:
        return i18n.t("output.summary.pair_connected", pair=name, by=by)
    if by:
        return i18n.t("output.summary.pair_strengthened", pair=name, by=by)
    return i18n.t("output.summary.pair_unchanged", pair=name)


def _heaviest(pair: BridgedPair) -> str:
    name = _pair_name(pair.department_a, pair.department_b)
    by = _by_what(pair)
    return i18n.t("output.summary.heaviest_pair", pair=name, by=by) if by else name


def _priorities(instance: PlanningInput, effect: PlanEffect) -> str:
    """The Priorities sheet's pairs, weightiest first, and what the plan does for each."""
    bridged = {(p.department_a, p.department_b): p for p in effect.bridged}
    if not instance.priorities:
        silent = [p for p in effect.bridged if p.kind_before is GapKind.ZERO]
        heaviest = sorted(silent, key=lambda p: (-p.gap_weight, p.department_a, p.department_b))
        if not heaviest:
            return i18n.t("output.summary.no_priorities")
        named = _one_after_another(_heaviest(p) for p in heaviest[:TOP_BRIDGED])
        return i18n.t("output.summary.no_priorities_heaviest", pairs=named)
    before = {(p.department_a, p.department_b): p for p in effect.before.pairs}
    after = {(p.department_a, p.department_b): p for p in effect.after.pairs}
    ranked = sorted(instance.priorities, key=lambda p: (-p.weight, p.department_a, p.department_b))
    described = _one_after_another(
        _priority(p, before, after, bridged) for p in ranked[:PAIRS_NAMED]
    )
    more = len(ranked) - PAIRS_NAMED
    rest = i18n.t("output.summary.priorities_more", more=more) if more > 0 else ""
    return i18n.t("output.summary.priorities", pairs=described, rest=rest)


def _counts(counts: Counter[DepartmentName], of: dict[DepartmentName, int] | None = None) -> str:
    """ "Sales 3 of 12, Support 1 of 4": departments by name, those with a count only; past
    ``DEPARTMENTS_NAMED``, the largest counts and how many more departments."""
    shown = sorted((name, count) for name, count in counts.items() if count)
    more = len(shown) - DEPARTMENTS_NAMED
    if more > 0:
        shown = sorted(shown, key=lambda item: (-item[1], item[0]))[:DEPARTMENTS_NAMED]
    text = i18n.listed(
        i18n.t("output.summary.count", department=name, count=count)
        if of is None
        else i18n.t("output.summary.count_of", department=name, count=count, total=of[name])
        for name, count in shown
    )
    if more > 0:
        others = i18n.counted(more, "more department")
        return i18n.t("output.summary.and_more", named=text, more=others)
    return text


def _nobody(names: list[DepartmentName]) -> str:
    """ "; no one from HR, Legal", the names cut to ``DEPARTMENTS_NAMED``."""
    if not names:
        return ""
    if len(names) <= DEPARTMENTS_NAMED:
        return i18n.t("output.summary.nobody_from", departments=i18n.listed(names))
    shown = i18n.listed(names[:DEPARTMENTS_NAMED])
    return i18n.t("output.summary.nobody_from_many", count=len(names), departments=shown)


def _people(instance: PlanningInput, plan: Plan) -> Sequence[str]:
    """Who is affected, per department: in teams (of its headcount), on rotation, hosting."""
    department = {e.employee_id: e.department for e in instance.employees}
    headcount = {d.name: d.headcount for d in instance.departments}
    sentences = []
    if plan.teams:
        in_teams = Counter(department[m] for t in plan.teams for m in t.members)
        nobody = sorted(d for d, n in headcount.items() if n and not in_teams[d])
        sentences.append(
            i18n.t(
                "output.summary.in_teams",
                counts=_counts(in_teams, headcount),
                nobody=_nobody(nobody),
            )
        )
    if plan.rotation:
        rotators = {s.employee_id for s in plan.rotation}
        home = Counter(department[e] for e in rotators)
        hosted = Counter(host for _, host in {(s.employee_id, s.department) for s in plan.rotation})
        sentences.append(
            i18n.t("output.summary.on_rotation", home=_counts(home), hosted=_counts(hosted))
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
        pairs = i18n.counted(repeats, "teammate pair")
        sentences.append(
            i18n.t("output.summary.repeats", pairs=pairs)
            if repeats
            else i18n.t("output.summary.no_repeats")
        )
    return sentences


def _granted(figures: WishFigures) -> str:
    """ "Of the 40 people rotating who ranked hosts (Preferences sheet), 25 (63%) got their
    first choice, 34 (85%) a top-two choice and 38 (95%) a ranked one (mean rank 1.4); 3
    people who ranked hosts do not rotate." """
    kind = figures.kind.value
    rest = ""
    if figures.not_placed:
        number = "one" if figures.not_placed == 1 else "many"
        rest = i18n.t(
            f"output.summary.not_placed_{number}.{kind}",
            people=i18n.counted(figures.not_placed, "person"),
        )
    if not figures.ranked:
        return i18n.t(f"output.summary.nobody_ranked.{kind}", rest=rest)
    shares = {
        "ranked": i18n.counted(figures.ranked, "person"),
        "first": _share(figures, figures.first_choice),
        "top_two": _share(figures, figures.top_two),
        "any": _share(figures, figures.any_choice),
        "rest": rest,
    }
    if figures.mean_rank is None:
        return i18n.t(f"output.summary.granted.{kind}", **shares)
    return i18n.t(f"output.summary.granted_mean.{kind}", mean=figures.mean_rank, **shares)


def _share(figures: WishFigures, count: int) -> str:
    share = figures.share(count)
    if share is None:
        return i18n.t("output.summary.share_unknown", count=count)
    return i18n.t("output.summary.share", count=count, share=share)


def _to_review(checks: CheckReport, input_name: str) -> str:
    failed = len(checks.failures)
    verdict = (
        i18n.t("output.summary.all_passed")
        if not failed
        else i18n.t("output.summary.failed", failed=i18n.counted(failed, "check"))
    )
    return i18n.t("output.summary.to_review", verdict=verdict, input=input_name)
