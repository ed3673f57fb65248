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
- team wishes: each person with one seated in the team they ranked best, as far as the
  seats go (``preference_ceiling``);
- every other Balance penalty, and the cost of repeat teammates, at zero, its best.

With rotation in the model, the rotation's own terms are bounded by
``RotationModel.objective_ceiling`` (every department that can send does; every stint a
class may take goes where it learns most). It is as exact in its rounding as the model:
each weight is rounded as ``ModelContext`` rounds it.

The knapsacks never outgrow the company: a team holds at most the available people (and
at most ``max_per_department`` of each department), whatever its ``max_size`` says. When
they would still cost more than ``KNAPSACK_WORK``, or the cutoff comes before the first
subgradient step ends, a looser bound stands (each team with every department it has
seats for, no deviation): it is valid too.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

from crossteam.models import (
    MAX_LEVEL,
    BalanceMode,
    DepartmentName,
    DepartmentPairKey,
    PlanningInput,
    Team,
)
from crossteam.models.limits import OBJECTIVE_SCALE
from crossteam.planner.ceiling import bridging_ceiling
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff
from crossteam.planner.earlier_teams import team_wish_points

KNAPSACK_WORK = 30_000_000
"""Most knapsack cells (departments x seats x members per department, over every size of
every team shape and every subgradient step) worked through: about 2 s in Python. The
steps stop there; when not even one fits, the looser bound stands."""
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
    cutoff: Cutoff = NO_CUTOFF,
) -> float:
    """An upper bound on the team model's objective (user units), valid for every plan.
    With ``rotation``, its bridging term lets rotations bridge too (a rotator may bridge to
    a department nobody of which is available for a team); the rotation's own terms are
    ``RotationModel.objective_ceiling``. At the ``cutoff`` the lowest bound found so far
    is given (a looser one when none was)."""
    settings = instance.settings
    pool = instance.available_employees
    headcount = Counter(e.department for e in pool)
    found = bridging_ceiling(instance, gap_weights, teams=True, rotation=rotation, cutoff=cutoff)
    bridging = found.scaled
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
        cutoff=cutoff,
    )
    return (
        (bridging + mix) / OBJECTIVE_SCALE + depth_ceiling(instance) + preference_ceiling(instance)
    )


def preference_ceiling(instance: PlanningInput) -> float:
    """Most the team-wish term can add (user units): every available person with team
    wishes seated in their best-ranked team, the best of them first while the teams'
    seats last."""
    weight = instance.settings.weight_preference
    points = team_wish_points(instance)
    best = sorted(
        (
            max(_scaled(weight * p) for p in points[e.employee_id].values())
            for e in instance.available_employees
            if points.get(e.employee_id)
        ),
        reverse=True,
    )
    seats = sum(t.max_size for t in instance.teams)
    return sum(best[:seats]) / OBJECTIVE_SCALE


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
    cutoff: Cutoff = NO_CUTOFF,
) -> float:
    """Most that departments present less diversify deviations can add over all teams.

    Teams compete for the people of each department: a Lagrangian relaxation puts a price
    on each department's people (``price x (people - members seated)`` is added, at least
    zero for any plan; any sign under assign_everyone, when it is exactly zero), and then
    bounds each team alone, with the price taken from each member's value. Every price
    gives a valid bound; a few subgradient steps look for a low one, the lowest is kept.
    With zero prices this is each team on its own. The steps end at ``KNAPSACK_WORK`` or
    the ``cutoff``; before the first has ended, ``_loose_mix`` stands.
    """
    departments = sorted(headcount)
    if not departments or not shapes:
        return 0.0
    sizes = {shape: _sizes(shape, headcount) for shape in shapes}
    if any(not fits for fits in sizes.values()):
        return math.inf  # no team of some shape can be filled: no plan to bound
    work = _work(sizes, headcount)
    rounds = min(ROUNDS, KNAPSACK_WORK // max(1, work))
    loose = _loose_mix(shapes, sizes, headcount, diversity)
    if rounds == 0 or cutoff.reached():
        return loose
    pool = sum(headcount.values())
    tables = {
        shape: _tables(fits, departments, headcount, pool, diversity, rules, shape[2])
        for shape, fits in sizes.items()
    }
    price = dict.fromkeys(departments, 0.0)
    best = loose
    step = float(max(diversity, sum(rules), 1))
    for _ in range(rounds):
        if cutoff.reached():
            break
        value = sum(price[d] * headcount[d] for d in departments)
        seated = dict.fromkeys(departments, 0)
        for shape, count in shapes.items():
            gained, counts = _best_team(tables[shape], departments, price)
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


def _sizes(shape: Shape, headcount: Mapping[DepartmentName, int]) -> range:
    """The sizes a team of ``shape`` can take with these people: never more than the
    available people, at most ``max_per_department`` of each (empty when it cannot be
    filled at its ``min_size``)."""
    low, high, limit = shape
    most = sum(min(n, limit or n) for n in headcount.values())
    return range(low, min(high, most) + 1)


def _work(sizes: Mapping[Shape, range], headcount: Mapping[DepartmentName, int]) -> int:
    """Knapsack cells one subgradient step works through: one team of each shape, every
    size it may take (counted only until it passes ``KNAPSACK_WORK``)."""
    work = 0
    for (_, _, limit), fits in sizes.items():
        for size in fits:
            work += sum(min(n, size, limit or size) + 1 for n in headcount.values()) * (size + 1)
            if work > KNAPSACK_WORK:
                return work
    return work


def _loose_mix(
    shapes: Mapping[Shape, int],
    sizes: Mapping[Shape, range],
    headcount: Mapping[DepartmentName, int],
    diversity: int,
) -> float:
    """Every team holds a member of as many departments as it has seats for, and no
    deviation costs anything: valid for every plan, and quick whatever the sizes."""
    staffed = sum(1 for n in headcount.values() if n)
    return float(
        sum(count * diversity * min(sizes[shape][-1], staffed) for shape, count in shapes.items())
    )


Tables = dict[int, list[list[int]]]
"""Per team size: per department (sorted), the value of 0, 1, 2... of its members."""


def _tables(
    sizes: range,
    departments: list[DepartmentName],
    headcount: Mapping[DepartmentName, int],
    pool: int,
    diversity: int,
    rules: list[int],
    limit: int | None,
) -> Tables:
    tables: Tables = {}
    for size in sizes:
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
