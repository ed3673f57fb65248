"""Teammate pairs of a plan who were teammates before, counted from History.

Like the rule checks, this shares no code with the planner. It is what ``plan --json``
reports as ``repeats``, what the Checks sheet verifies under ``repeat_teammates forbid``,
and what the avoid cost counts (one unit per pair and earlier team they shared).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from crossteam.models import (
    EmployeeId,
    PeriodLabel,
    Plan,
    PlanningInput,
    ProgrammeKind,
    TeamName,
)


@dataclass(frozen=True)
class RepeatedPair:
    """Two members of one plan team who shared ``earlier`` teams in History."""

    employee_a: EmployeeId
    employee_b: EmployeeId
    team: TeamName
    earlier: tuple[tuple[PeriodLabel, TeamName], ...]
    """(period, team) of each earlier team they shared, in History's period order."""


def repeated_pairs(instance: PlanningInput, plan: Plan) -> list[RepeatedPair]:
    """Every pair of teammates in ``plan`` who were teammates in the History that counts
    (``PlanningInput.counted_history``), sorted by team then ids."""
    shared: dict[tuple[EmployeeId, EmployeeId], list[tuple[PeriodLabel, TeamName]]]
    shared = defaultdict(list)
    earlier: dict[tuple[PeriodLabel, TeamName], set[EmployeeId]] = defaultdict(set)
    for h in instance.counted_history:
        if h.kind is ProgrammeKind.TEAM:
            earlier[h.period, h.target].add(h.employee_id)
    order = {label: i for i, label in enumerate(instance.history_periods)}
    for (period, team), people in sorted(earlier.items(), key=lambda i: (order[i[0][0]], i[0][1])):
        members = sorted(people)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                shared[a, b].append((period, team))
    found: list[RepeatedPair] = []
    for assignment in plan.teams:
        members = sorted(set(assignment.members))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) in shared:
                    found.append(RepeatedPair(a, b, assignment.team, tuple(shared[a, b])))
    return sorted(found, key=lambda p: (p.team, p.employee_a, p.employee_b))
