"""Plain-language reasons, found by cheap counting before any model is built, why no
rotation plan can exist, and settings that leave the rotation nothing to plan."""

from __future__ import annotations

from collections import defaultdict

from crossteam.models import (
    Department,
    DepartmentName,
    Employee,
    EmployeeId,
    PlanningInput,
    RuleKind,
)
from crossteam.models.wishes import ProgrammeKind
from crossteam.models.wording import counted
from crossteam.planner.rotation.facts import RotationFacts, required_on_site, rotation_facts


def rotation_warnings(instance: PlanningInput) -> list[str]:
    """Settings that leave the rotation nothing to plan, though planning may go on."""
    periods = len(instance.periods)
    stint = instance.settings.stint_periods
    if periods and stint > periods:
        return [
            f"Settings: stint_periods is {stint} but the Periods sheet has only "
            f"{counted(periods, 'period')}: no stint fits, so nobody rotates"
        ]
    return []


def precheck_rotation(instance: PlanningInput) -> list[str]:
    """Plain-language reasons why no rotation plan can exist; empty when none is obvious.

    Cheap counting only: rotate_to rules that cannot be honoured (whoever they name, and
    whichever host), and more required stints than a host or a home department allows.
    """
    facts = rotation_facts(instance)
    periods = len(facts.period_labels)
    reasons: list[str] = []
    into: dict[DepartmentName, int] = defaultdict(int)
    out_of: dict[DepartmentName, int] = defaultdict(int)
    for employee_id, hosts in sorted(facts.must_visit.items()):
        employee = instance.employee_by_id[employee_id]
        home = instance.department_by_name[employee.department]
        must = f"{employee_id} must rotate to {', '.join(sorted(hosts))} (rotate_to)"
        if not periods:
            reasons.append(f"{must}, but the workbook has no periods to rotate in")
            continue
        why = _person_cannot(facts, employee, home, len(hosts))
        reasons += [f"{must}, but {employee_id} {text}" for text in why]
        for host_name in sorted(hosts):
            why = _host_cannot(facts, employee, home, instance.department_by_name[host_name])
            reasons += [
                f"{employee_id} must rotate to {host_name} (rotate_to), but {text}" for text in why
            ]
            into[host_name] += 1
        out_of[home.name] += len(hosts)
    return reasons + _too_many_required(facts, into, out_of) + _barred_by_history(facts)


def _person_cannot(
    facts: RotationFacts, employee: Employee, home: Department, required: int
) -> list[str]:
    """Why ``employee`` cannot do the ``required`` stints their rotate_to rules ask."""
    periods = len(facts.period_labels)
    most = facts.max_stints
    person = [
        (not employee.available, "is not available"),
        (not employee.rotation_eligible, "is not rotation-eligible"),
        (employee.employee_id in facts.excluded, "also has a no_rotation rule"),
        (most == 0, "may do no stint (max_rotations_per_employee is 0)"),
        (
            0 < most < required,
            f"may do at most {counted(most, 'stint')} (max_rotations_per_employee)",
        ),
        (
            required * facts.stint > periods,
            f"needs {counted(required, 'stint')} of {counted(facts.stint, 'period')} but "
            f"there are only {counted(periods, 'period')}",
        ),
        (
            facts.release[home.name] == 0,
            f"belongs to {home.name}, which cannot release anyone: min_on_site "
            f"{home.min_on_site:.0%} of {home.headcount} keeps "
            f"{required_on_site(home.min_on_site, home.headcount)} at home",
        ),
    ]
    person += [
        (
            skill in employee.skills and facts.holders[home.name, skill] == 1,
            f"is the only available holder of {skill}, a critical skill of {home.name}",
        )
        for skill in home.critical_skills
    ]
    return [why for broken, why in person if broken]


def _host_cannot(
    facts: RotationFacts, employee: Employee, home: Department, host: Department
) -> list[str]:
    """Why ``employee`` cannot do a stint in ``host``."""
    barred = facts.barred.get(employee.employee_id, frozenset())
    where = [
        (host.name == home.name, "that is their own department"),
        (host.name in barred, "a not_rotate_to rule forbids it"),
        (not host.can_host, f"{host.name} cannot host (can_host is no)"),
        (host.can_host and host.host_capacity == 0, f"{host.name} has host_capacity 0"),
    ]
    return [why for broken, why in where if broken]


def _too_many_required(
    facts: RotationFacts, into: dict[DepartmentName, int], out_of: dict[DepartmentName, int]
) -> list[str]:
    """More required stints ``into`` a host or ``out_of`` a home than the horizon allows."""
    periods = len(facts.period_labels)
    departments = facts.instance.department_by_name
    reasons: list[str] = []
    for host_name, needed in sorted(into.items()):
        host = departments[host_name]
        most = host.host_capacity * facts.sequential if host.can_host else 0
        if 0 < most < needed:
            reasons.append(
                f"rotate_to rules send {counted(needed, 'person', 'people')} to {host_name}, "
                f"which can host at most {counted(most, 'stint')} over "
                f"{counted(periods, 'period')} (host_capacity {host.host_capacity}, "
                f"stint_periods {facts.stint})"
            )
    for home_name, needed in sorted(out_of.items()):
        most = facts.release[home_name] * facts.sequential
        if 0 < most < needed:
            reasons.append(
                f"rotate_to rules send {counted(needed, 'stint')} out of {home_name}, which can "
                f"release at most {most} over {counted(periods, 'period')} without going below "
                "min_on_site"
            )
    return reasons


def _barred_by_history(facts: RotationFacts) -> list[str]:
    """Under ``repeat_host`` forbid, rotate_to rules naming a host their employee visited
    in History (and whether any host is left to them at all)."""
    instance = facts.instance
    visited = facts.past.barred
    reasons: list[str] = []
    for rule in instance.rules_of(RuleKind.ROTATE_TO):
        employee_id = rule.employee_id
        seen = visited.get(employee_id, frozenset())
        for host in sorted(set(rule.targets) & seen):
            reasons.append(
                f"{employee_id} must rotate to {host} ({_rules_row(rule.row)}), but "
                f"{employee_id} already rotated to {host} "
                f"({_history_rows(instance, employee_id, {host})}) and repeat_host is forbid"
                f"{_none_left(facts, employee_id)}: set repeat_host to allow in Settings, or "
                "remove the rotate_to row or the History rows"
            )
    return reasons


def _none_left(facts: RotationFacts, employee_id: EmployeeId) -> str:
    """Words for when every host ``employee_id`` may visit is in their History."""
    employee = facts.instance.employee_by_id[employee_id]
    barred = facts.barred.get(employee_id, frozenset())
    hosts = {d for d in facts.hosts_open() if d != employee.department and d not in barred}
    if not hosts <= facts.past.barred.get(employee_id, frozenset()):
        return ""
    return (
        f"; every host {employee_id} may visit ({', '.join(sorted(hosts))}) is in their "
        f"History ({_history_rows(facts.instance, employee_id, hosts)})"
    )


def _rules_row(row: int | None) -> str:
    return f"Rules row {row}" if row is not None else "Rules sheet"


def _history_rows(instance: PlanningInput, employee_id: EmployeeId, hosts: set[str]) -> str:
    """ "History row(s) n, m" of the counted rotation rows of ``employee_id`` in ``hosts``."""
    rows = sorted(
        h.row
        for h in instance.counted_history
        if h.employee_id == employee_id
        and h.kind is ProgrammeKind.ROTATION
        and h.target in hosts
        and h.row is not None
    )
    if not rows:
        return "History sheet"
    return f"History {'rows' if len(rows) > 1 else 'row'} {', '.join(map(str, rows))}"
