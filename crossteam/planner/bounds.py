"""A bound on the team objective worked out by hand, for when the solver's LP is too slow.

At 5,000 people the solver's first LP takes longer than the time limit, and its bound is
then the sum of each objective term at its largest (every team with a member of every
department it has seats for), far above any plan. This bound relaxes the problem
differently: teams no longer compete for people, so each team can be bounded on its own.

- bridging: the capacity ceiling (``ceiling``): the heaviest set of gap pairs the
  departments' people can bridge, each department within its team (and, with rotation,
  its send and host) capacity;
- per team, departments present (diversity) less the soft "diversify the department"
  deviations: the best split of the team's seats over departments, found exactly by a
  knapsack over departments for each size the team may take;
- skill depth: every level the model could count is covered;
- every other Balance penalty at zero, its best.

With rotation in the model, the rotation's own terms are bounded by
``RotationModel.objective_ceiling`` (every department that can send does; every stint a
class may take goes where it learns most). It is as exact in its rounding as the model:
each weight is rounded as ``ModelContext`` rounds it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

from crossteam.models import MAX_LEVEL, BalanceMode, DepartmentName, PlanningInput, Team
from crossteam.planner.ceiling import bridging_ceiling
from crossteam.planner.context import OBJECTIVE_SCALE, DepartmentPairKey

KNAPSACK_CELLS = 3_000_000
"""Largest knapsack (departments x seats x members per department) solved per team shape;
beyond it a looser bound (each department at its best whatever seats it takes) is used."""
ROUNDS = 200
"""Subgradient steps on the prices of people (see ``_priced_mix``)."""


def _scaled(weight: float) -> int:
    """A weight as the model's objective holds it (see ``ModelContext.add_objective``)."""
    return round(weight * OBJECTIVE_SCALE)


def team_objective_bound(
    instance: PlanningInput,
    gap_weights: Mapping[DepartmentPairKey, float],
    *,
    rotation: bool = False,
) -> float:
    """An upper bound on the team model's objective (user units), valid for every plan.
    With ``rotation``, its bridging term lets rotations bridge too (a rotator may bridge to
    a department nobody of which is available for a team); the rotation's own terms are
    ``RotationModel.objective_ceiling``."""
    settings = instance.settings
    pool = instance.available_employees
    headcount = Counter(e.department for e in pool)
    bridging = bridging_ceiling(instance, gap_weights, teams=True, rotation=rotation).scaled
    rules = [
        _scaled(rule.weight * settings.weight_balance)
        for rule in instance.balance_rules
        if rule.mode is BalanceMode.DIVERSIFY and rule.attribute == "department" and not rule.hard
    ]
    shapes: Counter[tuple[int, int, int | None]] = Counter(
        (t.min_size, t.max_size, t.max_per_department) for t in instance.teams
    )
    mix = _priced_mix(
        shapes,
        headcount,
        _scaled(settings.weight_diversity),
        rules,
        everyone=settings.assign_everyone,
    )
    return (bridging + mix) / OBJECTIVE_SCALE + depth_ceiling(instance)


def depth_ceiling(instance: PlanningInput) -> float:
    """Most the skill-depth term can add (user units): every level above each team's
    minimum covered, up to the highest anyone available holds."""
    top: dict[str, int] = {}
    for e in instance.available_employees:
        for skill, level in e.skills.items():
            top[skill] = max(top.get(skill, 0), level)
    depth = _scaled(instance.settings.weight_skill_depth)
    return sum(depth * _depth_levels(team, top) for team in instance.teams) / OBJECTIVE_SCALE


Shape = tuple[int, int, int | None]
"""A team's (min_size, max_size, max_per_department): all a team's mix depends on."""


def _priced_mix(
    shapes: Mapping[Shape, int],
    headcount: Mapping[DepartmentName, int],
    diversity: int,
    rules: list[int],
    *,
    everyone: bool,
) -> float:
    """Most that departments present less diversify deviations can add over all teams.

    Teams compete for the people of each department: a Lagrangian relaxation puts a price
    on each department's people (``price x (people - members seated)`` is added, at least
    zero for any plan; any sign under assign_everyone, when it is exactly zero), and then
    bounds each team alone, with the price taken from each member's value. Every price
    gives a valid bound; a few subgradient steps look for a low one, the lowest is kept.
    With zero prices this is each team on its own.
    """
    departments = sorted(headcount)
    if not departments or not shapes:
        return 0.0
    pool = sum(headcount.values())
    tables = {
        shape: _tables(shape, departments, headcount, pool, diversity, rules) for shape in shapes
    }
    price = dict.fromkeys(departments, 0.0)
    best = math.inf
    step = float(max(diversity, sum(rules), 1))
    for _ in range(ROUNDS):
        value = sum(price[d] * headcount[d] for d in departments)
        seated = dict.fromkeys(departments, 0)
        for shape, count in shapes.items():
            gained, counts = _best_team(tables[shape], departments, price)
            if gained == -math.inf:
                return math.inf  # no team of this shape can be filled: no plan to bound
            value += count * gained
            for d, c in counts.items():
                seated[d] += count * c
        best = min(best, value)
        # a department short of people gets dearer; one left over (cheaper, down to zero
        # unless everyone must be seated)
        slope = {d: headcount[d] - seated[d] for d in departments}
        norm = math.sqrt(sum(g * g for g in slope.values()))
        if norm == 0:
            break
        for d in departments:
            price[d] -= step * slope[d] / norm
            if not everyone:
                price[d] = max(0.0, price[d])
        step *= 0.97
    return best


Tables = dict[int, list[list[int]]]
"""Per team size: per department (sorted), the value of 0, 1, 2... of its members."""


def _tables(
    shape: Shape,
    departments: list[DepartmentName],
    headcount: Mapping[DepartmentName, int],
    pool: int,
    diversity: int,
    rules: list[int],
) -> Tables:
    low, high, limit = shape
    tables: Tables = {}
    for size in range(low, high + 1):
        rows = []
        for d in departments:
            cap = min(headcount[d], size, limit or size)
            aim = math.floor(headcount[d] / pool * size + 0.5)
            rows.append(
                [diversity * (c > 0) - sum(w * abs(c - aim) for w in rules) for c in range(cap + 1)]
            )
        tables[size] = rows
    return tables


def _best_team(
    tables: Tables, departments: list[DepartmentName], price: Mapping[DepartmentName, float]
) -> tuple[float, dict[DepartmentName, int]]:
    """The best mix of one team at these prices, over its sizes: value, members per department."""
    best: tuple[float, dict[DepartmentName, int]] = (-math.inf, {})
    for size, rows in tables.items():
        priced = [
            [v - price[d] * c for c, v in enumerate(row)]
            for d, row in zip(departments, rows, strict=True)
        ]
        value, counts = _knapsack(priced, size)
        if value > best[0]:
            best = (value, {d: c for d, c in zip(departments, counts, strict=True) if c})
    return best


def _knapsack(values: list[list[float]], seats: int) -> tuple[float, list[int]]:
    """Largest sum of ``values[d][c_d]`` with the ``c_d`` adding up to ``seats``, and the
    ``c_d`` (minus infinity when the departments cannot fill the seats)."""
    cells = sum(len(v) for v in values) * (seats + 1)
    if cells > KNAPSACK_CELLS:
        # each department at its best whatever seats it takes: looser, still valid
        picks = [max(range(len(v)), key=v.__getitem__) for v in values]
        return sum(v[c] for v, c in zip(values, picks, strict=True)), picks
    best = [0.0] + [-math.inf] * seats
    choices: list[list[int]] = []
    for options in values:
        after = [-math.inf] * (seats + 1)
        chose = [0] * (seats + 1)
        for used, value in enumerate(best):
            if value == -math.inf:
                continue
            for c, gain in enumerate(options):
                if used + c > seats:
                    break
                if value + gain > after[used + c]:
                    after[used + c] = value + gain
                    chose[used + c] = c
        best = after
        choices.append(chose)
    used = seats  # a team of this size has exactly this many members
    total = best[used]
    if total == -math.inf:
        return total, [0] * len(values)  # the departments cannot fill the seats
    picks = []
    for chose in reversed(choices):
        c = chose[used]
        picks.append(c)
        used -= c
    return total, picks[::-1]


def _depth_levels(team: Team, top: Mapping[str, int]) -> int:
    """Skill-depth literals the model makes for ``team`` (each worth one covered level):
    the levels above its highest minimum up to the highest anyone available holds."""
    floors: dict[str, int] = {}
    for need in team.skill_needs:
        floors[need.skill] = max(floors.get(need.skill, 0), need.min_level)
    return sum(max(0, min(top.get(skill, 0), MAX_LEVEL) - floor) for skill, floor in floors.items())
