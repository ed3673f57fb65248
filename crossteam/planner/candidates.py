"""Candidate restriction for large companies: fewer variables, at a known price.

The exact team model has a variable per (team, class skilled for it) and per (team, gap
pair). At 5,000 people and 450 teams that is over half a million variables, too many to
search in minutes on a laptop. Above ``VARIABLE_BUDGET`` the model therefore lets each
team draw its skilled members from a few classes only, and lets each gap pair be earned by
a few teams only. Every choice of the greedy start stays allowed, so the start remains a
valid plan and the search can only improve on it; but the bound is then the bound of the
restricted model, not of the full problem (the plan's ``objective_terms`` say so).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from crossteam.models import DepartmentPairKey, EmployeeId, PlanningInput, TeamName, pairs_among
from crossteam.planner.pool import Cohort

VARIABLE_BUDGET = 60_000
"""Most (team, class) plus (team, gap pair) variables the exact model may have."""
CLASSES_PER_NEED = 6
"""Skilled classes a team may draw on per skill need, when restricted."""


@dataclass(frozen=True)
class Candidates:
    """What each team may use; ``None`` means no restriction."""

    skill_classes: Mapping[TeamName, frozenset[int]] | None
    bridge_teams: Mapping[DepartmentPairKey, frozenset[TeamName]] | None

    @property
    def restricted(self) -> bool:
        return self.skill_classes is not None or self.bridge_teams is not None


EXACT = Candidates(None, None)


def exact_size(instance: PlanningInput, pool: tuple[Cohort, ...], gap_pairs: int) -> int:
    """Variables the exact model would have for team seats and bridges."""
    classes = [c for g in pool for c in g.classes]
    skilled = sum(1 for t in instance.teams for c in classes if c.skilled_for(t))
    return skilled + len(instance.teams) * gap_pairs


def choose_candidates(
    instance: PlanningInput,
    pool: tuple[Cohort, ...],
    gap_pairs: list[DepartmentPairKey],
    start: Mapping[TeamName, list[EmployeeId]],
) -> Candidates:
    """``EXACT`` when the model fits the budget; otherwise a spread of classes per team
    need and of teams per gap pair, always including what ``start`` uses."""
    if exact_size(instance, pool, len(gap_pairs)) <= VARIABLE_BUDGET:
        return EXACT
    classes = [c for g in pool for c in g.classes]
    class_of = {e: c for c in classes for e in c.members}
    skill_classes: dict[TeamName, set[int]] = defaultdict(set)
    for i, team in enumerate(instance.teams):
        for need in team.skill_needs:
            # rotate through the holders so that teams of one spec draw on different people
            holders = [c.index for c in classes if c.meets(need.skill, need.min_level)]
            for k in range(min(CLASSES_PER_NEED, len(holders))):
                skill_classes[team.name].add(holders[(i * CLASSES_PER_NEED + k) % len(holders)])
        skill_classes[team.name].update(
            class_of[e].index for e in start.get(team.name, ()) if class_of[e].skilled_for(team)
        )

    teams = [t.name for t in instance.teams]
    per_pair = max(1, (VARIABLE_BUDGET // 2) // max(1, len(gap_pairs)))
    department_of = {e: c.department for c in classes for e in c.members}
    bridge_teams: dict[DepartmentPairKey, set[TeamName]] = defaultdict(set)
    for name, members in start.items():
        for pair in pairs_among(department_of[e] for e in members):
            bridge_teams[pair].add(name)
    for j, pair in enumerate(gap_pairs):
        for k in range(min(per_pair, len(teams))):
            bridge_teams[pair].add(teams[(j * per_pair + k) % len(teams)])
    return Candidates(
        {t: frozenset(v) for t, v in skill_classes.items()},
        {p: frozenset(v) for p, v in bridge_teams.items()},
    )
