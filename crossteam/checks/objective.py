"""The team objective of a plan, counted from its member lists as docs/model.md defines it.

Like the rule checks, this shares no code with the planner: it lets the tests compare the
solver's objective with an independent count, and gives a plan made without the solver
(the start plan of a company too large to model in time) its objective.

The terms, in the user's units, each weight rounded to thousandths as the model does:

- bridging: ``weight_bridging`` x gap weight of each gap pair some team holds both
  departments of, counted once;
- diversity: ``weight_diversity`` x distinct departments per team;
- balance: minus ``weight x weight_balance`` x each soft Balance rule's penalty (the
  checker's measure; for the numeric ``balance`` mode the model rounds each member's
  value to hundredths of a standard deviation, so the two may differ slightly there);
- skill_depth: ``weight_skill_depth`` per level above a team's highest minimum in a
  needed skill that a member reaches, up to the first level nobody available has;
- preference (with team wishes): ``weight_preference`` x ``rank_points`` of each member
  seated in a team they ranked (the team part; the rotation's is counted apart);
- repeat_teammates (``avoid``, with team History): minus ``weight_repeat_teammates`` per
  pair of teammates and earlier team they shared (``repeats.repeated_pairs``).
"""

from __future__ import annotations

from collections.abc import Mapping

from crossteam.checks.repeats import repeated_pairs
from crossteam.checks.teams import balance_penalty
from crossteam.models import (
    MAX_LEVEL,
    DepartmentName,
    Plan,
    PlanningInput,
    ProgrammeKind,
    RepeatPolicy,
    largest_rank,
    pair_key,
    pairs_among,
    rank_points,
    ranked,
)

SCALE = 1000
"""The model keeps weights in thousandths (integers for CP-SAT)."""


def _rounded(weight: float) -> float:
    return round(weight * SCALE) / SCALE


def team_objective_terms(
    instance: PlanningInput,
    gap_weights: Mapping[tuple[DepartmentName, DepartmentName], float],
    plan: Plan,
) -> dict[str, float]:
    """Each team term of ``plan``'s objective (rotation terms are not counted)."""
    settings = instance.settings
    by_id = instance.employee_by_id
    members = {t.team: [by_id[e] for e in t.members if e in by_id] for t in plan.teams}
    held: set[tuple[DepartmentName, DepartmentName]] = set()
    departments = 0
    for people in members.values():
        present = {p.department for p in people}
        departments += len(present)
        held.update(pairs_among(present))
    bridging = sum(
        _rounded(settings.weight_bridging * w)
        for (a, b), w in gap_weights.items()
        if pair_key(a, b) in held
    )
    balance = -sum(
        _rounded(rule.weight * settings.weight_balance) * balance_penalty(instance, rule, members)
        for rule in instance.balance_rules
        if not rule.hard
    )
    top: dict[str, int] = {}
    for e in instance.available_employees:
        for skill, level in e.skills.items():
            top[skill] = max(top.get(skill, 0), level)
    levels = 0
    for team in instance.teams:
        floors: dict[str, int] = {}
        for need in team.skill_needs:
            floors[need.skill] = max(floors.get(need.skill, 0), need.min_level)
        people = members.get(team.name, [])
        for skill, floor in floors.items():
            # levels held by someone available have no gap below the highest of them
            best = max((p.skills.get(skill, 0) for p in people), default=0)
            levels += max(0, min(best, top.get(skill, 0), MAX_LEVEL) - floor)
    return {
        "bridging": bridging,
        "diversity": _rounded(settings.weight_diversity) * departments,
        "balance": balance,
        "skill_depth": _rounded(settings.weight_skill_depth) * levels,
        **_wishes_and_past(instance, plan),
    }


def _wishes_and_past(instance: PlanningInput, plan: Plan) -> dict[str, float]:
    """The team-wish and repeat-teammate terms, each only when there is something for it
    (a team wish; team History under avoid)."""
    settings = instance.settings
    terms: dict[str, float] = {}
    if any(p.kind is ProgrammeKind.TEAM for p in instance.preferences):
        wishes = ranked(instance.preferences, ProgrammeKind.TEAM)
        most = largest_rank(instance.preferences, ProgrammeKind.TEAM)
        terms["preference"] = sum(
            _rounded(settings.weight_preference * rank_points(rank, most))
            for t in plan.teams
            for e in t.members
            if (rank := wishes.get(e, {}).get(t.team)) is not None
        )
    past = any(h.kind is ProgrammeKind.TEAM for h in instance.counted_history)
    if past and settings.repeat_teammates is RepeatPolicy.AVOID:
        shared = sum(len(pair.earlier) for pair in repeated_pairs(instance, plan))
        terms["repeat_teammates"] = -_rounded(settings.weight_repeat_teammates) * shared
    return terms
