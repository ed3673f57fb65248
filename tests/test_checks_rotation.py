"""The rotation checker: a compliant plan passes every rule; each broken rule is named."""

from __future__ import annotations

from typing import Any

import pytest
from instances import rotation_instance

from crossteam.checks.rotation import check_rotation
from crossteam.models import (
    Employee,
    Plan,
    PlanningInput,
    RotationStint,
    Rule,
    RuleKind,
    SolveStatus,
)


def company(
    rules: tuple[Rule, ...] = (), policy: dict[str, dict[str, Any]] | None = None, **settings: Any
) -> PlanningInput:
    """A and B with four people each, C with two; A0 unavailable, A1 not eligible."""
    people = [
        Employee(employee_id="A0", department="A", available=False),
        Employee(employee_id="A1", department="A", rotation_eligible=False),
        Employee(employee_id="A2", department="A", skills={"payroll": 2}),
        Employee(employee_id="A3", department="A"),
        *(Employee(employee_id=f"B{i}", department="B") for i in range(4)),
        *(Employee(employee_id=f"C{i}", department="C") for i in range(2)),
    ]
    return rotation_instance(
        people,
        periods=4,
        period_label="Q",
        min_on_site=0.25,
        rules=rules,
        policy=policy,
        **settings,
    )


def stints(*rows: tuple[str, str, str]) -> Plan:
    return Plan(
        status=SolveStatus.FEASIBLE,
        rotation=tuple(RotationStint(employee_id=e, period=p, department=d) for e, p, d in rows),
    )


def failed(problem: PlanningInput, plan: Plan) -> set[str]:
    return {r.rule for r in check_rotation(problem, plan) if not r.passed}


def test_compliant_plan_passes_every_rule() -> None:
    problem = company(
        rules=(Rule(kind=RuleKind.ROTATE_TO, employee_id="A2", target="B", targets=("B",)),)
    )
    plan = stints(("A2", "Q1", "B"), ("B0", "Q1", "A"), ("B1", "Q2", "C"), ("C0", "Q3", "B"))
    results = check_rotation(problem, plan)
    assert results and all(r.passed for r in results)
    assert {"host capacity", "min_on_site", "rule rotate_to"} <= {r.rule for r in results}


def test_nothing_to_check_without_periods_or_stints() -> None:
    problem = company().model_copy(update={"periods": ()})
    assert check_rotation(problem, stints()) == []


def test_rotation_rules_are_not_applicable_when_rotation_is_not_planned() -> None:
    rules = (
        Rule(kind=RuleKind.ROTATE_TO, employee_id="A2", target="B", targets=("B",), row=5),
        Rule(kind=RuleKind.NO_ROTATION, employee_id="B1", row=6),
    )
    teams_only = stints().model_copy(update={"planned_rotation": False})
    results = check_rotation(company(rules=rules), teams_only)
    assert [(r.rule, r.subject, r.applicable, r.passed) for r in results] == [
        ("rule rotate_to", "A2", False, True),
        ("rule no_rotation", "B1", False, True),
    ]
    assert results[0].detail == "not applicable: rotation not planned (Rules row 5)"


@pytest.mark.parametrize(
    ("rows", "rule"),
    [
        ((("A0", "Q1", "B"),), "rotation eligibility"),
        ((("A1", "Q1", "B"),), "rotation eligibility"),
        ((("A2", "Q1", "A"),), "never the home department"),
        ((("A2", "Q1", "B"), ("A2", "Q1", "C")), "one host per period"),
        ((("A2", "Q1", "B"), ("A2", "Q3", "B")), "never the same host twice"),
        ((("A2", "Q1", "B"), ("A3", "Q1", "B")), "host capacity"),
        (
            (("B0", "Q1", "A"), ("B1", "Q1", "C"), ("B2", "Q1", "A"), ("B3", "Q1", "C")),
            "min_on_site",
        ),
        ((("A2", "Q9", "B"),), "rotation references"),
        ((("Z9", "Q1", "B"),), "rotation references"),
        ((("A2", "Q1", "Nowhere"),), "rotation references"),
    ],
)
def test_each_broken_rule_is_named(rows: tuple[tuple[str, str, str], ...], rule: str) -> None:
    assert rule in failed(company(), stints(*rows))


def test_stints_per_employee_counts_runs_not_periods() -> None:
    plan = stints(("A2", "Q1", "B"), ("A2", "Q2", "C"))
    assert failed(company(), plan) == {"stints per employee"}
    assert failed(company(max_rotations_per_employee=2), plan) == set()


def test_stint_length_must_equal_stint_periods() -> None:
    problem = company(stint_periods=2)
    assert "stint of 2 consecutive periods" in failed(problem, stints(("A2", "Q1", "B")))
    assert failed(problem, stints(("A2", "Q1", "B"), ("A2", "Q2", "B"))) == set()


def test_min_on_site_does_not_count_unavailable_people_at_home() -> None:
    # A: 4 people, one unavailable; min_on_site 0.5 keeps 2 home, so only one may leave
    problem = company(policy={"A": {"min_on_site": 0.5, "host_capacity": 1}})
    plan = stints(("A2", "Q1", "B"), ("A3", "Q1", "C"))
    assert failed(problem, plan) == {"min_on_site"}
    assert failed(problem, stints(("A2", "Q1", "B"), ("A3", "Q2", "C"))) == set()


def test_host_that_cannot_host_is_flagged() -> None:
    problem = company(policy={"B": {"can_host": False}})
    assert "hosts with can_host" in failed(problem, stints(("A2", "Q1", "B")))


def test_critical_skill_holder_must_stay_home() -> None:
    problem = company(policy={"A": {"min_on_site": 0.0, "critical_skills": ("payroll",)}})
    assert failed(problem, stints(("A2", "Q1", "B"))) == {"critical skills at home"}
    assert failed(problem, stints(("A3", "Q1", "B"))) == set()


@pytest.mark.parametrize(
    ("kind", "target", "rows", "passes"),
    [
        (RuleKind.ROTATE_TO, "C", (("A2", "Q1", "B"),), False),
        (RuleKind.ROTATE_TO, "C", (("A2", "Q1", "C"),), True),
        (RuleKind.NOT_ROTATE_TO, "B", (("A2", "Q1", "B"),), False),
        (RuleKind.NOT_ROTATE_TO, "B", (("A2", "Q1", "C"),), True),
        (RuleKind.NO_ROTATION, None, (("A2", "Q1", "C"),), False),
        (RuleKind.NO_ROTATION, None, (("A3", "Q1", "C"),), True),
    ],
)
def test_rules_rows_are_checked_one_by_one(
    kind: RuleKind, target: str | None, rows: tuple[tuple[str, str, str], ...], passes: bool
) -> None:
    rule = Rule(kind=kind, employee_id="A2", target=target, targets=(target,) if target else ())
    problem = company(rules=(rule,))
    result = next(r for r in check_rotation(problem, stints(*rows)) if r.rule == f"rule {kind}")
    assert result.passed is passes and result.subject == "A2"


def test_with_nobody_rotating_the_rules_about_rotators_are_not_applicable() -> None:
    problem = company(policy={"C": {"critical_skills": ("audit",)}})
    results = check_rotation(problem, stints())
    by_rule = {r.rule: r for r in results}
    for rule in ("rotation eligibility", "stint of 1 consecutive period", "stints per employee"):
        assert by_rule[rule].status == "n/a", rule
        assert by_rule[rule].detail == "not applicable: matches nobody (nobody rotates)"
    # nobody holds C's critical skill: nothing to keep at home
    assert by_rule["critical skills at home"].status == "n/a"
    # a department's own limits do apply, rotation or not
    assert by_rule["host capacity"].status == "pass"


def test_with_someone_rotating_the_same_rules_pass() -> None:
    results = check_rotation(company(), stints(("B1", "Q1", "A")))
    assert {r.status for r in results if r.rule == "rotation eligibility"} == {"pass"}
