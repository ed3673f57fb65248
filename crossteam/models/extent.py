"""How large the planning objective of an instance can grow: checked before a plan is tried.

Each cell's weight is bounded (``MAX_WEIGHT``), but the objective adds one term per team,
department pair, Balance value and rotator class, so its size grows with the company too.
``objective_extent`` bounds every part from the instance alone, the way CP-SAT checks a
model: each coefficient (a weight times ``OBJECTIVE_SCALE``, rounded) times the largest
value its variable can take, added up. The planner builds its terms so that this bound
holds (``tests/test_extent.py`` compares it with real models), and checks its model again
before solving.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from crossteam import i18n
from crossteam.models.limits import OBJECTIVE_LIMIT, OBJECTIVE_SCALE
from crossteam.models.pairs import pair_key
from crossteam.models.planning_input import (
    MAX_LEVEL,
    MIN_LEVEL,
    BalanceMode,
    BalanceRule,
    PlanningInput,
)
from crossteam.models.review import KEEP_FACTOR
from crossteam.models.settings import RepeatPolicy
from crossteam.models.wishes import ProgrammeKind, largest_rank, past_teams

BALANCE_UNIT = 0.01
"""A ``balance`` rule pays per hundredth of a standard deviation (the planner's
``BALANCE_SCALE``)."""
PART_SETTINGS: dict[str, tuple[str, ...]] = {
    "bridging": ("weight_bridging", "zero_tie_gap_weight", "weak_tie_gap_weight"),
    "diversity": ("weight_diversity",),
    "skill_depth": ("weight_skill_depth",),
    "balance": ("weight_balance",),
    "rotation_fairness": ("weight_rotation_fairness",),
    "learning": ("weight_learning",),
    "stability": ("weight_stability",),
    "preference": ("weight_preference",),
    "rotation_history": ("weight_rotation_history",),
    "repeat_teammates": ("weight_repeat_teammates",),
    "spread": ("weight_spread",),
}
"""The Settings whose size drives each objective part (Priorities and Balance weights too)."""


@dataclass(frozen=True)
class ObjectiveExtent:
    """The largest magnitude of each objective part, in the user's units."""

    parts: dict[str, float]

    @property
    def total(self) -> float:
        return sum(self.parts.values())

    @property
    def largest(self) -> str:
        return max(self.parts, key=lambda part: self.parts[part])

    @property
    def fits(self) -> bool:
        return self.total <= OBJECTIVE_LIMIT

    def message(self) -> str:
        """Why the weights are refused, in words a planner can act on."""
        return i18n.t(
            "explain.objective_too_large",
            total=self.total,
            part=i18n.t(f"explain.objective_part.{self.largest}"),
            value=self.parts[self.largest],
            limit=OBJECTIVE_LIMIT,
        )


def objective_extent(instance: PlanningInput) -> ObjectiveExtent:
    """The bound of every objective part of ``instance`` (see the module's docstring)."""
    settings = instance.settings
    departments = len(instance.departments)
    employees = len(instance.employees)
    priority = {pair_key(p.department_a, p.department_b): p.weight for p in instance.priorities}
    pairs = departments * (departments - 1) // 2
    priority_total = pairs - len(priority) + sum(priority.values())
    gap = max(settings.zero_tie_gap_weight, settings.weak_tie_gap_weight)
    # the rotation's own small models weigh gap weights without weight_bridging: at least 1
    bridging = _terms(max(settings.weight_bridging, 1.0) * gap, priority_total, pairs)
    teams = instance.teams
    seats = sum(t.max_size for t in teams)
    skill_levels = sum(
        (MAX_LEVEL - MIN_LEVEL) * len({n.skill for n in t.skill_needs}) for t in teams
    )
    parts = {
        "bridging": bridging,
        "diversity": _terms(settings.weight_diversity, departments * len(teams)),
        "skill_depth": _terms(settings.weight_skill_depth, skill_levels),
        "balance": sum(
            _balance_extent(instance, rule, seats, len(teams))
            for rule in instance.balance_rules
            if not rule.hard
        ),
        "rotation_fairness": _terms(settings.weight_rotation_fairness, departments),
        "learning": _terms(
            settings.weight_learning, employees * departments * len(instance.skills)
        ),
        # a re-plan (planner.stability): each previous assignment, kept (KEEP_FACTOR + 1
        # times the weight at most) or lost (KEEP_FACTOR times), a person holding one team
        # and so many stints; each seat and each stint gained, a stint counted per class
        # and host
        "stability": _terms(
            settings.weight_stability,
            (2 * KEEP_FACTOR + 1) * employees * (1 + settings.max_rotations_per_employee)
            + seats
            + employees * departments,
        ),
        "preference": _terms(settings.weight_preference, _wish_points(instance)),
        # per stint (a class's count per host, each up to its size) and per sender, each
        # at most the weight; only with rotation History
        "rotation_history": _terms(
            settings.weight_rotation_history,
            (employees + 1) * departments if _rotated_before(instance) else 0,
        ),
        # under avoid, per team and earlier team: a seat variable per member of it the
        # team can hold, the j-th costing j - 1 (n(n-1)/2 pairs for n of them)
        "repeat_teammates": _terms(settings.weight_repeat_teammates, *_repeat_pairs(instance)),
        # one "both" boolean per person
        "spread": _terms(settings.weight_spread, employees),
    }
    return ObjectiveExtent(parts)


def _repeat_pairs(instance: PlanningInput) -> tuple[int, int]:
    """Pairs of earlier teammates the teams can hold at most, and the seat variables that
    count them (none unless ``repeat_teammates`` is avoid)."""
    if instance.settings.repeat_teammates is not RepeatPolicy.AVOID:
        return 0, 0
    sizes = [len(members) for members in past_teams(instance.counted_history).values()]
    held = [min(size, team.max_size) for team in instance.teams for size in sizes]
    return sum(m * (m - 1) // 2 for m in held), sum(held)


def _rotated_before(instance: PlanningInput) -> bool:
    return any(h.kind is ProgrammeKind.ROTATION for h in instance.history)


def _wish_points(instance: PlanningInput) -> int:
    """Rank points the wishes can add up to, counted per variable at its largest: per
    person, every ranked host at once (ranks are distinct, so at most R + (R - 1) + ...
    + 1 points) and every team at the most a team wish earns."""
    hosts = largest_rank(instance.preferences, ProgrammeKind.ROTATION)
    teams = largest_rank(instance.preferences, ProgrammeKind.TEAM)
    per_person = hosts * (hosts + 1) // 2 + len(instance.teams) * teams
    return len(instance.employees) * per_person


def _terms(weight: float, reach: float, count: float | None = None) -> float:
    """``count`` terms (``reach`` when not given) of coefficient ``weight``, rounded as the
    planner rounds it, whose variables add up to at most ``reach``."""
    coefficient = weight * OBJECTIVE_SCALE
    return (coefficient * reach + 0.5 * (reach if count is None else count)) / OBJECTIVE_SCALE


def _balance_extent(instance: PlanningInput, rule: BalanceRule, seats: int, teams: int) -> float:
    """A soft Balance rule's penalty at its largest: per team, every value's shortfall."""
    weight = rule.weight * instance.settings.weight_balance
    employees = len(instance.employees)
    values = _values(instance, rule)
    if rule.mode is BalanceMode.BALANCE:
        # a member's value is at most sqrt(n - 1) standard deviations from the mean
        reach = seats * (math.sqrt(max(employees - 1, 0)) / BALANCE_UNIT + 1)
        return _terms(weight * BALANCE_UNIT, reach)
    if rule.mode is BalanceMode.NO_LONE:
        return _terms(weight, values * teams)
    if rule.mode is BalanceMode.DIVERSIFY:
        # a value aimed at nobody pays for its members: up to everyone holding it
        return _terms(weight, values * seats + 2 * employees * teams)
    return _terms(weight, max(values, 1) * seats)


def _values(instance: PlanningInput, rule: BalanceRule) -> int:
    """Distinct values of the rule's attribute (a cluster cell may list several)."""
    texts = (e.attribute_text(rule.attribute) for e in instance.employees)
    found: Iterable[str] = (t for t in texts if t is not None)
    if rule.mode is BalanceMode.CLUSTER:
        found = (v.strip() for t in found for v in t.split(",") if v.strip())
    return len(set(found))
