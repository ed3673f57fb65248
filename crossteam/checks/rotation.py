"""Re-verify every rotation rule from ``plan.rotation`` alone, without the planner's code.

Rules about one employee give one passing result when everyone complies, and one failing
result per employee who does not; rules about a department give one result per department;
each Rules row gives its own result.
"""

from __future__ import annotations

import math
from collections import defaultdict

from crossteam.models import (
    CheckResult,
    DepartmentName,
    EmployeeId,
    Plan,
    PlanningInput,
    RuleKind,
)
from crossteam.models.wording import counted


def check_rotation(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    """Every rotation rule of ``instance`` re-verified on ``plan.rotation``."""
    if not plan.has_solution:
        return []
    if not plan.planned_rotation or (not instance.periods and not plan.rotation):
        # rotation not planned (--no-rotation, no Periods sheet): its Rules rows are not
        # applicable, rather than passed or left out unseen
        return [
            CheckResult(
                rule=f"rule {rule.kind.value}",
                subject=rule.employee_id,
                passed=True,
                detail="not applicable: rotation not planned"
                + (f" (Rules row {rule.row})" if rule.row else ""),
                applicable=False,
            )
            for rule in instance.rules_of(
                RuleKind.ROTATE_TO, RuleKind.NOT_ROTATE_TO, RuleKind.NO_ROTATION
            )
        ]
    order = {p.label: p.index for p in instance.periods}
    labels = [p.label for p in sorted(instance.periods, key=lambda p: p.index)]
    results: list[CheckResult] = []

    unknown = [
        f"{s.employee_id} in {s.department} during {s.period}"
        for s in plan.rotation
        if s.employee_id not in instance.employee_by_id
        or s.period not in order
        or s.department not in instance.department_by_name
    ]
    nobody = not plan.rotation
    results += _per_employee("rotation references", {"": unknown}, "employee, period, host", nobody)
    known = [
        s
        for s in plan.rotation
        if s.employee_id in instance.employee_by_id
        and s.period in order
        and s.department in instance.department_by_name
    ]

    # host of each employee in each period, and whether someone is in two places at once
    where: dict[EmployeeId, dict[str, DepartmentName]] = defaultdict(dict)
    doubled: dict[str, list[str]] = defaultdict(list)
    for s in known:
        if s.period in where[s.employee_id]:
            doubled[s.employee_id].append(s.period)
        where[s.employee_id][s.period] = s.department
    results += _per_employee("one host per period", doubled, "listed twice in", nobody)

    ineligible: dict[str, list[str]] = {}
    own_home: dict[str, list[str]] = {}
    closed: dict[str, list[str]] = {}
    bad_length: dict[str, list[str]] = {}
    repeated: dict[str, list[str]] = {}
    too_many: dict[str, list[str]] = {}
    stint = instance.settings.stint_periods
    most = instance.settings.max_rotations_per_employee
    barred = {r.employee_id for r in instance.rules_of(RuleKind.NO_ROTATION)}
    for employee_id, hosts in where.items():
        employee = instance.employee_by_id[employee_id]
        why = [
            text
            for broken, text in (
                (not employee.available, "not available"),
                (not employee.rotation_eligible, "not rotation-eligible"),
                (employee_id in barred, "has a no_rotation rule"),
            )
            if broken
        ]
        if why:
            ineligible[employee_id] = why
        at_home = sorted({d for d in hosts.values() if d == employee.department})
        if at_home:
            own_home[employee_id] = at_home
        cannot = sorted({d for d in hosts.values() if not instance.department_by_name[d].can_host})
        if cannot:
            closed[employee_id] = cannot
        runs = _runs(hosts, labels)
        lengths = [f"{host} for {counted(n, 'period')}" for host, n in runs if n != stint]
        if lengths:
            bad_length[employee_id] = lengths
        visits: dict[DepartmentName, int] = defaultdict(int)
        for host, _ in runs:
            visits[host] += 1
        twice = sorted(host for host, n in visits.items() if n > 1)
        if twice:
            repeated[employee_id] = twice
        if len(runs) > most:
            too_many[employee_id] = [f"{counted(len(runs), 'stint')}, at most {most}"]
    results += _per_employee("rotation eligibility", ineligible, "", nobody)
    results += _per_employee("never the home department", own_home, "rotates to", nobody)
    results += _per_employee("hosts with can_host", closed, "rotates to", nobody)
    stint_rule = f"stint of {counted(stint, 'consecutive period')}"
    results += _per_employee(stint_rule, bad_length, "", nobody)
    results += _per_employee("never the same host twice", repeated, "returns to", nobody)
    results += _per_employee("stints per employee", too_many, "", nobody)

    hosted: dict[tuple[DepartmentName, str], int] = defaultdict(int)
    away: dict[tuple[DepartmentName, str], set[EmployeeId]] = defaultdict(set)
    for employee_id, hosts in where.items():
        home = instance.employee_by_id[employee_id].department
        for period, host in hosts.items():
            hosted[host, period] += 1
            away[home, period].add(employee_id)
    for department in instance.departments:
        name = department.name
        over = [
            f"{hosted[name, p]} in {p}"
            for p in labels
            if hosted[name, p] > department.host_capacity
        ]
        results.append(
            CheckResult(
                rule="host capacity",
                subject=name,
                passed=not over,
                detail=f"at most {department.host_capacity} per period; "
                + (", ".join(over) if over else "respected"),
            )
        )
        members = [instance.employee_by_id[i] for i in instance.members_of[name]]
        available = {e.employee_id for e in members if e.available}
        floor = math.ceil(department.min_on_site * department.headcount - 1e-9)
        short = [
            f"{len(available - away[name, p])} in {p}"
            for p in labels
            if away[name, p] and len(available - away[name, p]) < floor
        ]
        results.append(
            CheckResult(
                rule="min_on_site",
                subject=name,
                passed=not short,
                detail=f"at least {floor} of {department.headcount} available at home; "
                + (", ".join(short) if short else "respected"),
            )
        )
        for skill in department.critical_skills:
            holders = {e.employee_id for e in members if e.available and skill in e.skills}
            gone = [p for p in labels if holders and holders <= away[name, p]]
            results.append(
                CheckResult(
                    rule="critical skills at home",
                    subject=f"{name}: {skill}",
                    passed=not gone,
                    detail=f"every holder away in {', '.join(gone)}"
                    if gone
                    else "a holder stays home in every period"
                    if holders
                    else "not applicable: matches nobody (nobody available holds it)",
                    applicable=bool(holders),
                )
            )

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
                rule=f"rule {rule.kind.value}",
                subject=rule.employee_id,
                passed=passed,
                detail=(f"target {rule.target}; " if rule.target else "")
                + (f"rotates to {', '.join(sorted(visited))}" if visited else "no rotation")
                + (f" (Rules row {rule.row})" if rule.row else ""),
            )
        )
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
    rule: str, failures: dict[str, list[str]], verb: str, nobody: bool
) -> list[CheckResult]:
    """One passing result when nobody fails (not applicable when ``nobody`` rotates), else
    one failing result per employee."""
    failing = {subject: items for subject, items in failures.items() if items}
    if not failing and nobody:
        return [
            CheckResult(
                rule=rule,
                passed=True,
                detail="not applicable: matches nobody (nobody rotates)",
                applicable=False,
            )
        ]
    if not failing:
        return [CheckResult(rule=rule, passed=True, detail="every rotating employee")]
    return [
        CheckResult(
            rule=rule,
            subject=subject,
            passed=False,
            detail=" ".join(part for part in (verb, ", ".join(items)) if part),
        )
        for subject, items in sorted(failing.items())
    ]
