"""What the rotation model, its greedy hint and its pre-checks read from the instance."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from crossteam.models import (
    DepartmentName,
    Employee,
    EmployeeId,
    PlanningInput,
    RuleKind,
    SkillName,
)
from crossteam.planner.rotation.past import RotationPast, rotation_past

COMMON_SKILL_SHARE = 1 / 3
"""A skill is common in a department when at least this share of its members hold it."""

_FLOAT_SLACK = 1e-9
"""Guards ceil() against float noise: 0.8 x 10 must give 8, not 9."""


def required_on_site(min_on_site: float, headcount: int) -> int:
    """People a department keeps at home in every period: ceil(min_on_site x headcount)."""
    return math.ceil(min_on_site * headcount - _FLOAT_SLACK)


@dataclass(frozen=True)
class RotationFacts:
    """What the model, its greedy hint and the pre-checks read from the instance."""

    instance: PlanningInput
    period_labels: tuple[str, ...]
    stint: int
    max_stints: int
    release: dict[DepartmentName, int]
    """Most people of a department away at once without going below min_on_site."""
    holders: dict[tuple[DepartmentName, SkillName], int]
    """Available holders of each critical skill of each department."""
    common_skills: dict[DepartmentName, frozenset[SkillName]]
    must_visit: dict[EmployeeId, frozenset[DepartmentName]]
    barred: dict[EmployeeId, frozenset[DepartmentName]]
    excluded: frozenset[EmployeeId]
    """Employees with a no_rotation rule."""
    past: RotationPast = field(default_factory=RotationPast)
    """The Preferences and History sheets as the rotation uses them (``past``)."""

    @property
    def starts(self) -> range:
        """Periods (positions) where a stint can start and still fit."""
        return range(max(0, len(self.period_labels) - self.stint + 1))

    @property
    def sequential(self) -> int:
        """Stints one slot can hold one after another over the horizon."""
        return len(self.period_labels) // self.stint

    def can_rotate(self, employee: Employee) -> bool:
        return (
            employee.available
            and employee.rotation_eligible
            and employee.employee_id not in self.excluded
        )

    def hosts_open(self) -> tuple[DepartmentName, ...]:
        return tuple(
            d.name for d in self.instance.departments if d.can_host and d.host_capacity > 0
        )


def rotation_facts(instance: PlanningInput) -> RotationFacts:
    """The facts of ``instance``: its rotation rules, and per department its release,
    critical-skill holders and common skills."""
    by_id = instance.employee_by_id
    must: dict[EmployeeId, set[DepartmentName]] = defaultdict(set)
    barred: dict[EmployeeId, set[DepartmentName]] = defaultdict(set)
    for rule in instance.rules_of(RuleKind.ROTATE_TO):
        must[rule.employee_id].update(rule.targets)
    for rule in instance.rules_of(RuleKind.NOT_ROTATE_TO):
        barred[rule.employee_id].update(rule.targets)
    release: dict[DepartmentName, int] = {}
    holders: dict[tuple[DepartmentName, SkillName], int] = {}
    common: dict[DepartmentName, frozenset[SkillName]] = {}
    for department in instance.departments:
        members = [by_id[i] for i in instance.members_of[department.name]]
        available = [e for e in members if e.available]
        floor = required_on_site(department.min_on_site, department.headcount)
        release[department.name] = max(0, len(available) - floor)
        for skill in department.critical_skills:
            holders[department.name, skill] = sum(1 for e in available if skill in e.skills)
        counts: dict[SkillName, int] = defaultdict(int)
        for e in members:
            for skill in e.skills:
                counts[skill] += 1
        common[department.name] = frozenset(
            s for s, n in counts.items() if n >= COMMON_SKILL_SHARE * len(members)
        )
    periods = sorted(instance.periods, key=lambda p: p.index)
    return RotationFacts(
        instance=instance,
        period_labels=tuple(p.label for p in periods),
        stint=instance.settings.stint_periods,
        max_stints=instance.settings.max_rotations_per_employee,
        release=release,
        holders=holders,
        common_skills=common,
        must_visit={e: frozenset(d) for e, d in must.items()},
        barred={e: frozenset(d) for e, d in barred.items()},
        excluded=frozenset(r.employee_id for r in instance.rules_of(RuleKind.NO_ROTATION)),
        past=rotation_past(instance),
    )


@dataclass(frozen=True)
class RotationReach:
    """What rotation can bridge over the whole horizon, per department (``rotation_reach``)."""

    send: dict[DepartmentName, int]
    """Most stints a department sends: its release x (periods // stint_periods), and no
    more than its rotatable people x ``max_rotations_per_employee``."""
    host: dict[DepartmentName, int]
    """Most stints a department hosts: ``host_capacity`` x (periods // stint_periods)."""
    ways: frozenset[tuple[DepartmentName, DepartmentName]]
    """(home, host) pairs some stint could take: home can send and host can host."""


def rotation_reach(instance: PlanningInput) -> RotationReach:
    """The capacities the rotation model's bridge caps use (``bridges.cap_bridges``), for bounds."""
    facts = rotation_facts(instance)
    sequential = facts.sequential if facts.starts else 0
    rotatable: dict[DepartmentName, int] = defaultdict(int)
    for e in instance.employees:
        if facts.can_rotate(e):
            rotatable[e.department] += 1
    send = {
        d: most
        for d, people in rotatable.items()
        if (most := min(facts.release[d] * sequential, people * facts.max_stints)) > 0
    }
    hosts = facts.hosts_open()
    host = {d: instance.department_by_name[d].host_capacity * sequential for d in hosts}
    host = {d: n for d, n in host.items() if n > 0}
    ways = frozenset((a, b) for a in send for b in host if a != b)
    return RotationReach(send=send, host=host, ways=ways)
