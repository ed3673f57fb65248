"""The team checker finds each kind of broken rule in a hand-made plan."""

from __future__ import annotations

from instances import company, person

from crossteam.checks.teams import check_teams
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    CheckResult,
    Employee,
    Plan,
    PlanningInput,
    Rule,
    RuleKind,
    Settings,
    SkillNeed,
    SolveStatus,
    TeamAssignment,
    TeamSpec,
)

NEED = SkillNeed(skill="python", min_level=3)
SPEC = TeamSpec(name="T", count=2, min_size=2, max_size=3, min_departments=2,
                max_per_department=2, skill_needs=(NEED,))  # fmt: skip


def staff() -> list[Employee]:
    return [
        person("a1", "A", {"python": 4}, location="tokyo"),
        person("a2", "A", location="tokyo"),
        person("a3", "A", location="osaka"),
        person("b1", "B", {"python": 3}, location="osaka"),
        person("b2", "B", location="tokyo"),
        person("c1", "C").model_copy(update={"available": False}),
    ]


def instance_with(**extra: object) -> PlanningInput:
    return company(staff(), (SPEC,), **extra)  # type: ignore[arg-type]


def plan(*teams: tuple[str, ...]) -> Plan:
    assigned = tuple(TeamAssignment(team=f"T-{i + 1}", members=m) for i, m in enumerate(teams))
    return Plan(status=SolveStatus.FEASIBLE, teams=assigned)


GOOD = plan(("a1", "b2"), ("a2", "b1"))


def failed(results: list[CheckResult]) -> set[str]:
    return {r.rule for r in results if not r.passed}


def test_a_plan_within_every_rule_passes_every_check() -> None:
    results = check_teams(instance_with(), GOOD)
    assert results and not failed(results)


def test_no_results_without_a_plan() -> None:
    assert check_teams(instance_with(), Plan(status=SolveStatus.INFEASIBLE)) == []


def test_size_skills_and_departments_are_checked_per_team() -> None:
    results = check_teams(instance_with(), plan(("a1", "b2"), ("a2", "a3", "b2")))
    assert failed(results) == {"team skills", "at most one team per person"}
    results = check_teams(instance_with(), plan(("a1", "b1"), ("a2",)))
    assert {"team size", "min_departments", "team skills"} <= failed(results)


def test_max_per_department_is_checked() -> None:
    spec = SPEC.model_copy(update={"max_per_department": 1})
    instance = company(staff(), (spec,))
    results = check_teams(instance, plan(("a1", "a2", "b2"), ("a3", "b1")))
    bad = [r for r in results if not r.passed]
    assert [(r.rule, r.subject) for r in bad] == [("max_per_department", "T-1")]
    assert "A: 2" in bad[0].detail


def test_unavailable_unknown_missing_and_extra_teams_are_caught() -> None:
    results = check_teams(instance_with(), plan(("a1", "c1"), ("b1", "zz"), ("a2", "b2")))
    assert {"only available people", "known employees", "every team formed"} <= failed(results)


def test_assign_everyone_names_who_is_left_out() -> None:
    instance = instance_with(settings=Settings(assign_everyone=True))
    result = next(r for r in check_teams(instance, GOOD) if r.rule == "assign_everyone")
    assert not result.passed and "a3" in result.detail


def test_each_kind_of_rule_is_checked() -> None:
    rules = tuple(
        Rule(kind=k, employee_id=w, target=t, targets=(t,), row=row)
        for row, (k, w, t) in enumerate(
            [
                (RuleKind.TOGETHER, "a1", "a2"),
                (RuleKind.APART, "a1", "b2"),
                (RuleKind.IN_TEAM, "b1", "T-1"),
                (RuleKind.NOT_IN_TEAM, "a2", "T-2"),
            ],
            start=2,
        )
    )
    results = check_teams(instance_with(rules=rules), GOOD)
    assert failed(results) == {
        "rule together", "rule apart", "rule in_team", "rule not_in_team"
    }  # fmt: skip


def test_a_together_rule_fails_unless_both_people_are_placed_in_one_team() -> None:
    rules = (Rule(kind=RuleKind.TOGETHER, employee_id="a2", target="b1", targets=("b1",), row=7),)
    instance = instance_with(rules=rules)

    def together(plan: Plan) -> CheckResult:
        return next(r for r in check_teams(instance, plan) if r.rule == "rule together")

    both = together(plan(("a1", "b2"), ("a2", "b1")))
    assert both.passed and both.detail == "target b1: a2 in T-2, b1 in T-2"
    one = together(plan(("a1", "a2"), ("b1", "b2")))
    assert not one.passed and one.detail == "target b1: a2 in T-1, b1 in T-2"
    only_one_placed = together(plan(("a1", "b2"), ("a3", "b1")))
    assert not only_one_placed.passed
    assert only_one_placed.detail == "target b1: a2 in no team, b1 in T-2"
    neither = together(plan(("a1", "b2"), ("a3",)))
    assert not neither.passed and neither.detail == "target b1: a2 in no team, b1 in no team"


def test_rules_and_balance_rows_are_not_applicable_when_teams_are_not_planned() -> None:
    rules = (Rule(kind=RuleKind.TOGETHER, employee_id="a2", target="b1", targets=("b1",), row=7),)
    balance = (BalanceRule(attribute="location", mode=BalanceMode.CLUSTER, hard=True, row=3),)
    instance = instance_with(rules=rules, balance_rules=balance)
    rotation_only = Plan(status=SolveStatus.FEASIBLE, planned_teams=False)
    results = check_teams(instance, rotation_only)
    assert [(r.rule, r.subject, r.applicable, r.passed) for r in results] == [
        ("rule together", "row 7", False, True),
        ("balance cluster on location (hard)", "row 3", False, True),
    ]
    assert {r.detail for r in results} == {"not applicable: teams not planned"}


def test_hard_balance_fails_and_soft_balance_passes_with_its_penalty() -> None:
    hard = BalanceRule(attribute="location", mode=BalanceMode.CLUSTER, hard=True, row=2)
    soft = BalanceRule(attribute="location", mode=BalanceMode.CLUSTER, weight=2, row=3)
    results = check_teams(instance_with(balance_rules=(hard, soft)), GOOD)
    by_subject = {r.subject: r for r in results if r.rule.startswith("balance")}
    assert not by_subject["row 2"].passed and "T-2" in by_subject["row 2"].detail
    assert by_subject["row 3"].passed and "penalty 1.00" in by_subject["row 3"].detail


def test_different_no_lone_diversify_and_balance_modes() -> None:
    people = [
        person("a1", "A", {"python": 4}, prev="x", age="20"),
        person("a2", "A", prev="x", age="22"),
        person("b1", "B", {"python": 3}, prev="y", age="60"),
        person("b2", "B", prev="z", age="62"),
    ]
    rules = tuple(
        BalanceRule(attribute=a, mode=m, hard=True, value=v, row=i)
        for i, (a, m, v) in enumerate(
            [
                ("prev", BalanceMode.DIFFERENT, None),
                ("prev", BalanceMode.NO_LONE, "Y"),
                ("department", BalanceMode.DIVERSIFY, None),
                ("age", BalanceMode.BALANCE, None),
            ]
        )
    )
    instance = company(people, (SPEC,), balance_rules=rules)
    bad = plan(("a1", "a2"), ("b1", "b2"))  # x twice, lone y, one department, young vs old
    good = plan(("a1", "b2"), ("a2", "b1"))
    assert sum(not r.passed for r in check_teams(instance, bad) if r.rule.startswith("bal")) == 4
    balance = [r for r in check_teams(instance, good) if r.rule.startswith("balance")]
    assert [r.passed for r in balance] == [True, False, True, True]  # y is still alone


def test_broken_balance_rules_quote_values_of_shared_columns_only() -> None:
    people = [
        person("a1", "A", salary="ZZSECRET", location="Tokyo"),
        person("a2", "A", salary="ZZSECRET", location="Tokyo"),
        person("b1", "B", salary="ZZOTHER", location="Osaka"),
        person("b2", "B", salary="ZZOTHER", location="Osaka"),
    ]
    modes = (BalanceMode.DIFFERENT, BalanceMode.NO_LONE, BalanceMode.DIVERSIFY)
    rules = tuple(
        BalanceRule(attribute=attribute, mode=mode, hard=True, row=row)
        for row, (attribute, mode) in enumerate(
            (attribute, mode) for attribute in ("salary", "location") for mode in modes
        )
    )
    instance = company(people, (SPEC,), balance_rules=rules)
    split = plan(("a1", "a2"), ("b1", "b2"))  # a value twice in a team, off the mix
    lone = plan(("a1", "a2", "b1"), ("b2",))  # one member alone with a value
    broken = {
        r.subject: r.detail
        for p in (split, lone)
        for r in check_teams(instance, p)
        if r.rule.startswith("balance") and not r.passed
    }
    assert set(broken) == {f"row {row}" for row in range(6)}
    for row in (0, 1, 2):  # salary: a personal column
        assert "ZZ" not in broken[f"row {row}"]
    for row in (3, 4, 5):  # location: its values help and are no one's own
        assert "Tokyo" in broken[f"row {row}"] or "Osaka" in broken[f"row {row}"]


def test_a_balance_rule_matching_nobody_is_not_applicable_rather_than_passed() -> None:
    typo = BalanceRule(
        attribute="location", mode=BalanceMode.NO_LONE, value="sapporo", hard=True, row=4
    )
    blank = BalanceRule(attribute="shift", mode=BalanceMode.DIFFERENT, row=5)
    held = BalanceRule(attribute="location", mode=BalanceMode.NO_LONE, value=" OSAKA", hard=True)
    results = check_teams(instance_with(balance_rules=(typo, blank, held)), GOOD)
    balance = {r.subject: r for r in results if r.rule.startswith("balance")}
    assert balance["row 4"].status == "n/a" and balance["row 4"].passed
    assert balance["row 4"].detail == (
        "not applicable: matches nobody (no available employee has location = 'sapporo')"
    )
    assert balance["row 5"].status == "n/a"
    assert "no available employee has a value in shift" in balance["row 5"].detail
    # osaka is held (case and spaces aside): an ordinary check, which this plan breaks
    breaking = [
        r for r in results if r.rule == "balance no_lone on location (hard)" and r.applicable
    ]
    assert [r.status for r in breaking] == ["fail"]
