"""Re-verify every rotation rule from ``plan.rotation`` alone, without the planner's code.

Rules about one employee give one passing result when everyone complies, and one failing
result per employee who does not; rules about a department give one result per department;
each Rules row gives its own result.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from crossteam import i18n
from crossteam.i18n.catalogue import MESSAGES
from crossteam.models import (
    CheckResult,
    Department,
    DepartmentName,
    EmployeeId,
    Plan,
    PlanningInput,
    RotationStint,
    RuleKind,
)
from crossteam.models.settings import RepeatPolicy
from crossteam.models.wishes import ProgrammeKind, visited_hosts

REPEAT_HOST = MESSAGES["checks.rule.repeat_host"].en
"""The check that nobody rotates to a host they visited in History (``repeat_host``), in
English (the rule column shows it in the run's language)."""


def check_rotation(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    """Every rotation rule of ``instance`` re-verified on ``plan.rotation``."""
    if not plan.has_solution:
        return []
    if not plan.planned_rotation or (not instance.periods and not plan.rotation):
        return _not_applicable(instance)
    labels = [p.label for p in sorted(instance.periods, key=lambda p: p.index)]
    nobody = not plan.rotation
    known, unknown = _known_stints(instance, plan)
    results = _per_employee(
        i18n.t("checks.rule.rotation_references"), {"": unknown}, _unknown_stints, nobody
    )
    where, doubled = _hosts_per_period(known)
    results += _per_employee(i18n.t("checks.rule.one_host_per_period"), doubled, _twice, nobody)
    results += _employee_rules(instance, where, labels, nobody)
    hosted, away = _hosted_and_away(instance, where)
    for department in instance.departments:
        results.append(_host_capacity(department, hosted, labels))
        results.append(_min_on_site(instance, department, away, labels))
        results += _critical_skills(instance, department, away, labels)
    results += _rules_rows(instance, where)
    return results + _repeat_hosts(instance, where)


_Hosts = dict[str, DepartmentName]
"""Where one employee is, per period label."""


_Detail = Callable[[str], str]
"""A failing result's detail from its listed items (dates, hosts)."""


def _unknown_stints(items: str) -> str:
    return i18n.t("checks.unknown_stints", items=items)


def _twice(items: str) -> str:
    return i18n.t("checks.listed_twice", items=items)


def _rotates_to(items: str) -> str:
    return i18n.t("checks.rotates_to", items=items)


def _returns_to(items: str) -> str:
    return i18n.t("checks.returns_to", items=items)


def _with_row(text: str, row: int | None) -> str:
    """``text`` and the Rules row it comes from, when it has one."""
    return i18n.t("checks.with_rules_row", text=text, row=row) if row else text


_EmployeeRule = Callable[[PlanningInput, EmployeeId, _Hosts, list[str]], list[str]]
"""How one employee breaks a rule (empty when they keep it): the instance, the employee,
their host per period and the period labels in order."""


def _not_applicable(instance: PlanningInput) -> list[CheckResult]:
    """Rotation not planned (--no-rotation, no Periods sheet): its Rules rows are not
    applicable, rather than passed or left out unseen."""
    return [
        CheckResult(
            rule=i18n.t("checks.rule.rule_kind", kind=rule.kind.value),
            subject=rule.employee_id,
            passed=True,
            detail=_with_row(i18n.t("checks.rotation_not_planned"), rule.row),
            applicable=False,
        )
        for rule in instance.rules_of(
            RuleKind.ROTATE_TO, RuleKind.NOT_ROTATE_TO, RuleKind.NO_ROTATION
        )
    ]


def _known_stints(instance: PlanningInput, plan: Plan) -> tuple[list[RotationStint], list[str]]:
    """The stints whose employee, period and host the instance knows, and the others."""
    periods = {p.label for p in instance.periods}
    known: list[RotationStint] = []
    unknown: list[str] = []
    for s in plan.rotation:
        if (
            s.employee_id in instance.employee_by_id
            and s.period in periods
            and s.department in instance.department_by_name
        ):
            known.append(s)
        else:
            unknown.append(
                i18n.t(
                    "checks.stint_in", employee=s.employee_id, host=s.department, period=s.period
                )
            )
    return known, unknown


def _hosts_per_period(
    known: list[RotationStint],
) -> tuple[dict[EmployeeId, _Hosts], dict[str, list[str]]]:
    """The host of each employee in each period, and the periods someone is listed twice."""
    where: dict[EmployeeId, _Hosts] = defaultdict(dict)
    doubled: dict[str, list[str]] = defaultdict(list)
    for s in known:
        if s.period in where[s.employee_id]:
            doubled[s.employee_id].append(s.period)
        where[s.employee_id][s.period] = s.department
    return where, doubled


def _employee_rules(
    instance: PlanningInput, where: dict[EmployeeId, _Hosts], labels: list[str], nobody: bool
) -> list[CheckResult]:
    """The rules about one rotating employee, each checked on everyone who rotates."""
    stint = instance.settings.stint_periods
    length = i18n.counted(stint, "consecutive_period")
    rules: list[tuple[str, _Detail | None, _EmployeeRule]] = [
        (i18n.t("checks.rule.rotation_eligibility"), None, _ineligible),
        (i18n.t("checks.rule.never_home"), _rotates_to, _own_home),
        (i18n.t("checks.rule.hosts_can_host"), _rotates_to, _closed_hosts),
        (i18n.t("checks.rule.stint_length", periods=length), None, _wrong_lengths),
        (i18n.t("checks.rule.never_same_host"), _returns_to, _repeated_hosts),
        (i18n.t("checks.rule.stints_per_employee"), None, _too_many_stints),
    ]
    results: list[CheckResult] = []
    for rule, detail, broken in rules:
        failures = {e: broken(instance, e, hosts, labels) for e, hosts in where.items()}
        results += _per_employee(rule, failures, detail, nobody)
    return results


def _ineligible(
    instance: PlanningInput, employee_id: EmployeeId, hosts: _Hosts, labels: list[str]
) -> list[str]:
    employee = instance.employee_by_id[employee_id]
    barred = {r.employee_id for r in instance.rules_of(RuleKind.NO_ROTATION)}
    return [
        text
        for broken, text in (
            (not employee.available, i18n.t("checks.not_available")),
            (not employee.rotation_eligible, i18n.t("checks.not_rotation_eligible")),
            (employee_id in barred, i18n.t("checks.has_no_rotation_rule")),
        )
        if broken
    ]


def _own_home(
    instance: PlanningInput, employee_id: EmployeeId, hosts: _Hosts, labels: list[str]
) -> list[str]:
    home = instance.employee_by_id[employee_id].department
    return sorted({d for d in hosts.values() if d == home})


def _closed_hosts(
    instance: PlanningInput, employee_id: EmployeeId, hosts: _Hosts, labels: list[str]
) -> list[str]:
    return sorted({d for d in hosts.values() if not instance.department_by_name[d].can_host})


def _wrong_lengths(
    instance: PlanningInput, employee_id: EmployeeId, hosts: _Hosts, labels: list[str]
) -> list[str]:
    stint = instance.settings.stint_periods
    runs = _runs(hosts, labels)
    return [
        i18n.t("checks.host_for", host=host, periods=i18n.counted(n, "period"))
        for host, n in runs
        if n != stint
    ]


def _repeated_hosts(
    instance: PlanningInput, employee_id: EmployeeId, hosts: _Hosts, labels: list[str]
) -> list[str]:
    visits: dict[DepartmentName, int] = defaultdict(int)
    for host, _ in _runs(hosts, labels):
        visits[host] += 1
    return sorted(host for host, n in visits.items() if n > 1)


def _too_many_stints(
    instance: PlanningInput, employee_id: EmployeeId, hosts: _Hosts, labels: list[str]
) -> list[str]:
    most = instance.settings.max_rotations_per_employee
    runs = _runs(hosts, labels)
    stints = i18n.counted(len(runs), "stint")
    return [i18n.t("checks.stints_over", stints=stints, most=most)] if len(runs) > most else []


def _hosted_and_away(
    instance: PlanningInput, where: dict[EmployeeId, _Hosts]
) -> tuple[
    dict[tuple[DepartmentName, str], int], dict[tuple[DepartmentName, str], set[EmployeeId]]
]:
    """Rotators in each host and people away from each home, per period."""
    hosted: dict[tuple[DepartmentName, str], int] = defaultdict(int)
    away: dict[tuple[DepartmentName, str], set[EmployeeId]] = defaultdict(set)
    for employee_id, hosts in where.items():
        home = instance.employee_by_id[employee_id].department
        for period, host in hosts.items():
            hosted[host, period] += 1
            away[home, period].add(employee_id)
    return hosted, away


def _host_capacity(
    department: Department, hosted: dict[tuple[DepartmentName, str], int], labels: list[str]
) -> CheckResult:
    name = department.name
    over = [
        i18n.t("checks.count_in_period", count=hosted[name, p], period=p)
        for p in labels
        if hosted[name, p] > department.host_capacity
    ]
    return CheckResult(
        rule=i18n.t("checks.rule.host_capacity"),
        subject=name,
        passed=not over,
        detail=i18n.t(
            "checks.host_capacity", capacity=department.host_capacity, found=_respected(over)
        ),
    )


def _respected(over: list[str]) -> str:
    """The periods that break a department's limit, or that none does."""
    return i18n.listed(over) if over else i18n.t("checks.respected")


def _min_on_site(
    instance: PlanningInput,
    department: Department,
    away: dict[tuple[DepartmentName, str], set[EmployeeId]],
    labels: list[str],
) -> CheckResult:
    name = department.name
    members = [instance.employee_by_id[i] for i in instance.members_of[name]]
    available = {e.employee_id for e in members if e.available}
    floor = math.ceil(department.min_on_site * department.headcount - 1e-9)
    short = [
        i18n.t("checks.count_in_period", count=len(available - away[name, p]), period=p)
        for p in labels
        if away[name, p] and len(available - away[name, p]) < floor
    ]
    return CheckResult(
        rule=i18n.name("min_on_site"),
        subject=name,
        passed=not short,
        detail=i18n.t(
            "checks.min_on_site",
            floor=floor,
            headcount=department.headcount,
            found=_respected(short),
        ),
    )


def _critical_skills(
    instance: PlanningInput,
    department: Department,
    away: dict[tuple[DepartmentName, str], set[EmployeeId]],
    labels: list[str],
) -> list[CheckResult]:
    name = department.name
    members = [instance.employee_by_id[i] for i in instance.members_of[name]]
    results: list[CheckResult] = []
    for skill in department.critical_skills:
        holders = {e.employee_id for e in members if e.available and skill in e.skills}
        gone = [p for p in labels if holders and holders <= away[name, p]]
        results.append(
            CheckResult(
                rule=i18n.t("checks.rule.critical_skills"),
                subject=f"{name}: {skill}",
                passed=not gone,
                detail=i18n.t("checks.every_holder_away", periods=i18n.listed(gone))
                if gone
                else i18n.t("checks.holder_stays_home")
                if holders
                else i18n.t("checks.no_holder"),
                applicable=bool(holders),
            )
        )
    return results


def _rules_rows(instance: PlanningInput, where: dict[EmployeeId, _Hosts]) -> list[CheckResult]:
    """One result per rotation row of the Rules sheet."""
    results: list[CheckResult] = []
    for rule in instance.rules_of(RuleKind.ROTATE_TO, RuleKind.NOT_ROTATE_TO, RuleKind.NO_ROTATION):
        visited = set(where.get(rule.employee_id, {}).values())
        if rule.kind is RuleKind.ROTATE_TO:
            passed = set(rule.targets) <= visited
        elif rule.kind is RuleKind.NOT_ROTATE_TO:
            passed = not set(rule.targets) & visited
        else:
            passed = not visited
        results.append(
            CheckResult(
                rule=i18n.t("checks.rule.rule_kind", kind=rule.kind.value),
                subject=rule.employee_id,
                passed=passed,
                detail=_with_row(_rotation_of(rule.target, visited), rule.row),
            )
        )
    return results


def _rotation_of(target: str | None, visited: set[DepartmentName]) -> str:
    """Where a Rules row's employee rotates, after the row's target when it has one."""
    went = _rotates_to(i18n.listed(sorted(visited))) if visited else i18n.t("checks.no_rotation")
    return i18n.t("checks.target_then", target=target, went=went) if target else went


def _repeat_hosts(instance: PlanningInput, where: dict[EmployeeId, _Hosts]) -> list[CheckResult]:
    """Under ``repeat_host`` forbid, one result per person with rotation rows in counted
    History: no stint in a host they visited there. Not applicable under allow, or when
    ``history_periods`` counts no rotation row; nothing at all without rotation History."""
    if not any(h.kind is ProgrammeKind.ROTATION for h in instance.history):
        return []
    visited = visited_hosts(instance.counted_history)
    if instance.settings.repeat_host is not RepeatPolicy.FORBID or not visited:
        detail = (
            i18n.t("checks.repeat_host_allowed", policy=instance.settings.repeat_host.value)
            if visited
            else i18n.t("checks.no_counted_rotation")
        )
        rule = i18n.t("checks.rule.repeat_host")
        return [CheckResult(rule=rule, passed=True, detail=detail, applicable=False)]
    results: list[CheckResult] = []
    for employee_id, hosts in sorted(visited.items()):
        again = sorted(set(where.get(employee_id, {}).values()) & hosts)
        detail = (
            i18n.t("checks.rotates_again", hosts=i18n.listed(again))
            if again
            else i18n.t("checks.not_again", hosts=i18n.listed(sorted(hosts)))
        )
        rule = i18n.t("checks.rule.repeat_host")
        results.append(CheckResult(rule=rule, subject=employee_id, passed=not again, detail=detail))
    return results


def _runs(hosts: dict[str, DepartmentName], labels: list[str]) -> list[tuple[DepartmentName, int]]:
    """Maximal runs of consecutive periods in one host: (host, length) in period order."""
    runs: list[tuple[DepartmentName, int]] = []
    previous: DepartmentName | None = None
    for label in labels:
        host = hosts.get(label)
        if host is not None and host == previous:
            runs[-1] = (host, runs[-1][1] + 1)
        elif host is not None:
            runs.append((host, 1))
        previous = host
    return runs


def _per_employee(
    rule: str, failures: dict[str, list[str]], detail: _Detail | None, nobody: bool
) -> list[CheckResult]:
    """One passing result when nobody fails (not applicable when ``nobody`` rotates), else
    one failing result per employee."""
    failing = {subject: items for subject, items in failures.items() if items}
    if not failing and nobody:
        return [
            CheckResult(
                rule=rule,
                passed=True,
                detail=i18n.t("checks.nobody_rotates"),
                applicable=False,
            )
        ]
    if not failing:
        return [CheckResult(rule=rule, passed=True, detail=i18n.t("checks.every_rotating"))]
    return [
        CheckResult(
            rule=rule,
            subject=subject,
            passed=False,
            detail=i18n.listed(items) if detail is None else detail(i18n.listed(items)),
        )
        for subject, items in sorted(failing.items())
    ]
