"""Plain-language reasons, found by cheap counting before any model is built, why no
rotation plan can exist, and settings that leave the rotation nothing to plan."""

from __future__ import annotations

from collections import defaultdict

from crossteam import i18n
from crossteam.models import (
    Department,
    DepartmentName,
    Employee,
    EmployeeId,
    PlanningInput,
    RuleKind,
)
from crossteam.models.wishes import ProgrammeKind
from crossteam.planner.rotation.facts import RotationFacts, required_on_site, rotation_facts


def rotation_warnings(instance: PlanningInput) -> list[str]:
    """Settings that leave the rotation nothing to plan, though planning may go on."""
    periods = len(instance.periods)
    stint = instance.settings.stint_periods
    if periods and stint > periods:
        return [
            i18n.t("checks.stint_too_long", stint=stint, periods=i18n.counted(periods, "period"))
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
        must = i18n.listed(sorted(hosts))
        if not periods:
            reasons.append(i18n.t("checks.rotate_to_no_periods", employee=employee_id, hosts=must))
            continue
        why = _person_cannot(facts, employee, home, len(hosts))
        reasons += [
            i18n.t("checks.rotate_to_person", employee=employee_id, hosts=must, why=text)
            for text in why
        ]
        for host_name in sorted(hosts):
            why = _host_cannot(facts, employee, home, instance.department_by_name[host_name])
            reasons += [
                i18n.t("checks.rotate_to_host", employee=employee_id, host=host_name, why=text)
                for text in why
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
        (not employee.available, i18n.t("checks.person_unavailable")),
        (not employee.rotation_eligible, i18n.t("checks.person_not_eligible")),
        (employee.employee_id in facts.excluded, i18n.t("checks.person_no_rotation")),
        (most == 0, i18n.t("checks.person_no_stint")),
        (
            0 < most < required,
            i18n.t("checks.person_few_stints", stints=i18n.counted(most, "stint")),
        ),
        (
            required * facts.stint > periods,
            i18n.t(
                "checks.person_too_few_periods",
                stints=i18n.counted(required, "stint"),
                stint=i18n.counted(facts.stint, "period"),
                periods=i18n.counted(periods, "period"),
            ),
        ),
        (
            facts.release[home.name] == 0,
            i18n.t(
                "checks.person_home_cannot_release",
                home=home.name,
                share=home.min_on_site,
                headcount=home.headcount,
                kept=required_on_site(home.min_on_site, home.headcount),
            ),
        ),
    ]
    person += [
        (
            skill in employee.skills and facts.holders[home.name, skill] == 1,
            i18n.t("checks.person_only_holder", skill=skill, home=home.name),
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
        (host.name == home.name, i18n.t("checks.host_is_home")),
        (host.name in barred, i18n.t("checks.host_barred")),
        (not host.can_host, i18n.t("checks.host_cannot_host", host=host.name)),
        (
            host.can_host and host.host_capacity == 0,
            i18n.t("checks.host_no_capacity", host=host.name),
        ),
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
                i18n.t(
                    "checks.too_many_into",
                    people=i18n.counted(needed, "person"),
                    host=host_name,
                    stints=i18n.counted(most, "stint"),
                    periods=i18n.counted(periods, "period"),
                    capacity=host.host_capacity,
                    stint=facts.stint,
                )
            )
    for home_name, needed in sorted(out_of.items()):
        most = facts.release[home_name] * facts.sequential
        if 0 < most < needed:
            reasons.append(
                i18n.t(
                    "checks.too_many_out_of",
                    stints=i18n.counted(needed, "stint"),
                    home=home_name,
                    most=most,
                    periods=i18n.counted(periods, "period"),
                )
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
            fields = {
                "employee": employee_id,
                "host": host,
                "rules": _rules_row(rule.row),
                "history": _history_rows(instance, employee_id, {host}),
            }
            left = _none_left(facts, employee_id)
            reasons.append(
                i18n.t("checks.repeat_host_barred", **fields)
                if left is None
                else i18n.t("checks.repeat_host_none_left", left=left, **fields)
            )
    return reasons


def _none_left(facts: RotationFacts, employee_id: EmployeeId) -> str | None:
    """Words for when every host ``employee_id`` may visit is in their History."""
    employee = facts.instance.employee_by_id[employee_id]
    barred = facts.barred.get(employee_id, frozenset())
    hosts = {d for d in facts.hosts_open() if d != employee.department and d not in barred}
    if not hosts <= facts.past.barred.get(employee_id, frozenset()):
        return None
    return i18n.t(
        "checks.every_host_visited",
        employee=employee_id,
        hosts=i18n.listed(sorted(hosts)),
        history=_history_rows(facts.instance, employee_id, hosts),
    )


def _rules_row(row: int | None) -> str:
    return i18n.t("checks.rules_row", rows=row) if row is not None else i18n.t("checks.rules_sheet")


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
        return i18n.t("checks.history_sheet")
    shown = i18n.listed(map(str, rows))
    if len(rows) > 1:
        return i18n.t("checks.history_rows", rows=shown)
    return i18n.t("checks.history_row", rows=shown)
