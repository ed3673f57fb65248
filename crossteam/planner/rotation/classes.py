"""Rotators grouped into classes of interchangeable people and timing groups.

Who goes where is counted per class (same home, same critical skills held, same personal
rules, same wishes and History) and host; when they go is counted per timing group (same
home and critical skills), host and start. See ``docs/rotation.md``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from crossteam.models import DepartmentName, Employee, EmployeeId, SkillName
from crossteam.planner.rotation.facts import RotationFacts


@dataclass(frozen=True)
class RotatorClass:
    """Interchangeable rotators: same home, same critical skills held, same personal rules,
    same ranked hosts, hosts visited in History and stints done in History."""

    home: DepartmentName
    group: int
    """Index of the timing group whose stints this class's members take."""
    members: tuple[EmployeeId, ...]
    skills: frozenset[SkillName]
    """The home department's critical skills they hold."""
    hosts: tuple[DepartmentName, ...]
    required_hosts: frozenset[DepartmentName]
    ranks: tuple[tuple[DepartmentName, int], ...] = ()
    """The members' ranked hosts, (host, rank) by host: their wishes."""
    past_stints: int = 0
    """Stints each member did in counted History (when the fairness over it counts)."""

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class TimingGroup:
    """Rotators whose stints are timed together: same home and same critical skills.

    Who goes where (the classes) and when (the group's starts) decompose into people
    exactly (``share_out``); where they would not (several stints of more than one
    period per person), every group is one person.
    """

    home: DepartmentName
    critical: frozenset[SkillName]
    size: int
    hosts: tuple[DepartmentName, ...]


_PastKey = tuple[tuple[tuple[DepartmentName, int], ...], frozenset[DepartmentName], int]
"""Ranked hosts, hosts barred by History and stints in History: () , {} and 0 when none."""

_TimingKey = tuple[DepartmentName, frozenset[SkillName], EmployeeId, _PastKey]
"""Home, critical skills held, the employee when they are timed alone ("" if not), and
their wishes and History when these must be timed apart (several stints each)."""

_ClassKey = tuple[_TimingKey, frozenset[SkillName], EmployeeId, _PastKey]
"""Timing, critical skills held, the employee when they are a class alone ("" if not),
and their wishes and History."""

_NO_PAST: _PastKey = ((), frozenset(), 0)


def learning_gain(facts: RotationFacts, c: RotatorClass, host: DepartmentName) -> int:
    """Skills common in the host that are not common at the rotator's home.

    Measured per home department, not per person: a per-person count splits every
    department into a class per skill profile, which tripled the model and left a 17 %
    gap at the 2,000-employee benchmark (docs/rotation.md).
    """
    return len(facts.common_skills[host] - facts.common_skills[c.home])


def rotator_classes(
    facts: RotationFacts,
    gap_partners: dict[DepartmentName, set[DepartmentName]],
    aggregate: bool,
    personal: Collection[EmployeeId] = frozenset(),
) -> tuple[list[RotatorClass], list[TimingGroup]]:
    """Group rotatable employees; candidate hosts bridge a gap, are required by a rule or
    ranked by the class, and are neither barred by a rule nor (under ``repeat_host``
    forbid) visited in History. The people in ``personal`` are classes of their own, as
    those a rule names."""
    open_hosts = facts.hosts_open()
    classes: list[RotatorClass] = []
    groups: list[TimingGroup] = []
    group_of: dict[_TimingKey, int] = {}
    for (timing, relevant, _, past), members in _class_members(facts, aggregate, personal).items():
        home = members[0].department
        first = members[0].employee_id
        required = facts.must_visit.get(first, frozenset())
        barred = facts.barred.get(first, frozenset()) | past[1]
        wished = {host for host, _ in past[0]}
        hosts = tuple(
            d
            for d in open_hosts
            if d != home
            and d not in barred
            and (d in gap_partners[home] or d in required or d in wished)
        )
        if not hosts:
            continue
        if timing not in group_of:
            group_of[timing] = len(groups)
            groups.append(TimingGroup(home, timing[1], 0, ()))
        index = group_of[timing]
        group = groups[index]
        groups[index] = TimingGroup(
            home,
            group.critical,
            group.size + len(members),
            tuple(d for d in open_hosts if d in hosts or d in group.hosts),
        )
        classes.append(
            RotatorClass(
                home=home,
                group=index,
                members=tuple(e.employee_id for e in members),
                skills=relevant,
                hosts=hosts,
                required_hosts=required,
                ranks=past[0],
                past_stints=past[2],
            )
        )
    return classes, groups


def _class_members(
    facts: RotationFacts, aggregate: bool, personal: Collection[EmployeeId]
) -> dict[_ClassKey, list[Employee]]:
    """The rotatable employees of each class, in the order the classes are first met."""
    instance = facts.instance
    hosts = frozenset(facts.hosts_open())
    by_key: dict[_ClassKey, list[Employee]] = defaultdict(list)
    for e in instance.employees:
        if not facts.can_rotate(e):
            continue
        critical = instance.department_by_name[e.department].critical_skills
        relevant = frozenset(s for s in e.skills if s in critical)
        own = (
            e.employee_id in facts.must_visit
            or e.employee_id in facts.barred
            or e.employee_id in personal
        )
        # Several stints per person stay exact in aggregate only for one-period stints
        # (see share_out); a personal rule then needs its own timing too.
        several = facts.max_stints > 1
        alone = not aggregate or (several and (facts.stint > 1 or own))
        past = _past_key(facts, e, hosts)
        # with several stints each, a timing group must be one class (share_out)
        timing = (
            e.department,
            relevant,
            e.employee_id if alone else "",
            past if several else _NO_PAST,
        )
        by_key[timing, relevant, e.employee_id if alone or own else "", past].append(e)
    return by_key


def _past_key(facts: RotationFacts, e: Employee, hosts: frozenset[DepartmentName]) -> _PastKey:
    """What of the wishes and History sets ``e`` apart from the others: the open ``hosts``
    they ranked (their own department or one that cannot host is no wish to plan for) or
    History bars them from, and their stints in History when these are weighed."""
    past = facts.past
    ranks = past.wishes.get(e.employee_id, {})
    wishes = tuple(sorted((h, r) for h, r in ranks.items() if h in hosts and h != e.department))
    stints = past.stints.get(e.employee_id, 0) if past.person_fair else 0
    return wishes, past.barred.get(e.employee_id, frozenset()) & hosts, stints
