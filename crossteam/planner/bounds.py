"""A bound on the team objective worked out by hand, for when the solver's LP is too slow.

At 5,000 people the solver's first LP takes longer than the time limit, and its bound is
then the sum of each objective term at its largest (every team with a member of every
department it has seats for), far above any plan. This bound relaxes the problem
differently: teams no longer compete for people, so each team can be bounded on its own.

- bridging: every gap pair whose departments both have available people is bridged;
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
from crossteam.planner.context import OBJECTIVE_SCALE, DepartmentPairKey

KNAPSACK_CELLS = 3_000_000
"""Largest knapsack (departments x seats x members per department) solved per team shape;
beyond it a looser bound (the best departments taken one seat each) is used."""


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
    With ``rotation``, its bridging term counts every gap pair (a rotator may bridge to a
    department nobody of which is available for a team); the rotation's own terms are
    ``RotationModel.objective_ceiling``."""
    settings = instance.settings
    pool = instance.available_employees
    headcount = Counter(e.department for e in pool)
    bridging = sum(
        _scaled(settings.weight_bridging * w)
        for (a, b), w in gap_weights.items()
        if rotation or (headcount[a] and headcount[b])
    )
    rules = [
        _scaled(rule.weight * settings.weight_balance)
        for rule in instance.balance_rules
        if rule.mode is BalanceMode.DIVERSIFY and rule.attribute == "department" and not rule.hard
    ]
    shares = {d: n / len(pool) for d, n in headcount.items()} if pool else {}
    diversity = _scaled(settings.weight_diversity)
    depth = _scaled(settings.weight_skill_depth)
    top: dict[str, int] = {}
    for e in pool:
        for skill, level in e.skills.items():
            top[skill] = max(top.get(skill, 0), level)
    shapes: dict[tuple[int, int, int | None], int] = {}
    total = bridging
    for team in instance.teams:
        key = (team.min_size, team.max_size, team.max_per_department)
        if key not in shapes:
            shapes[key] = _best_mix(team, headcount, shares, diversity, rules)
        total += shapes[key] + depth * _depth_levels(team, top)
    return total / OBJECTIVE_SCALE


def _best_mix(
    team: Team,
    headcount: Mapping[DepartmentName, int],
    shares: Mapping[DepartmentName, float],
    diversity: int,
    rules: list[int],
) -> int:
    """Most that departments present less diversify deviations can add to one team, over
    the sizes it may take (scaled units)."""
    best = None
    for size in range(team.min_size, team.max_size + 1):
        # what each department adds with c of its members in the team, for c = 0..cap
        values = []
        for d, n in headcount.items():
            cap = min(n, size, team.max_per_department or size)
            aim = math.floor(shares[d] * size + 0.5)
            values.append(
                [diversity * (c > 0) - sum(w * abs(c - aim) for w in rules) for c in range(cap + 1)]
            )
        value = _knapsack(values, size)
        best = value if best is None else max(best, value)
    return best if best is not None else 0


def _knapsack(values: list[list[int]], seats: int) -> int:
    """Largest sum of ``values[d][c_d]`` with the ``c_d`` adding up to at most ``seats``
    (at most: a relaxation of "exactly", so the bound holds either way)."""
    cells = sum(len(v) for v in values) * (seats + 1)
    if cells > KNAPSACK_CELLS:
        # each department counted at its best whatever seats it takes: looser, still valid
        return sum(max(v) for v in values)
    none = -(10**18)
    best = [0] + [none] * seats
    for options in values:
        after = [none] * (seats + 1)
        for used, value in enumerate(best):
            if value == none:
                continue
            for c, gain in enumerate(options):
                if used + c > seats:
                    break
                if value + gain > after[used + c]:
                    after[used + c] = value + gain
        best = after
    return max(best)


def _depth_levels(team: Team, top: Mapping[str, int]) -> int:
    """Skill-depth literals the model makes for ``team`` (each worth one covered level):
    the levels above its highest minimum up to the highest anyone available holds."""
    floors: dict[str, int] = {}
    for need in team.skill_needs:
        floors[need.skill] = max(floors.get(need.skill, 0), need.min_level)
    return sum(max(0, min(top.get(skill, 0), MAX_LEVEL) - floor) for skill, floor in floors.items())
