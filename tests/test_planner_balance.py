"""Balance rules in the model: hard ones hold, soft ones cost what the checker reports."""

from __future__ import annotations

import pytest
from instances import company, person
from solving import solved

from crossteam.checks import verify
from crossteam.models import BalanceMode, BalanceRule, Employee, Plan, PlanningInput, TeamSpec
from crossteam.planner.balance import balance_reason

TWO_TEAMS = (TeamSpec(name="T", count=2, min_size=3, max_size=3),)


def staff() -> list[Employee]:
    """Six people over two departments, two offices, with an age and a previous team."""
    rows = [
        ("p1", "A", "tokyo", "25", "x"),
        ("p2", "A", "tokyo", "30", "x"),
        ("p3", "A", "osaka", "55", "y"),
        ("p4", "B", "tokyo", "60", "y"),
        ("p5", "B", "osaka", "28", "z"),
        ("p6", "B", "osaka", "50", "z"),
    ]
    return [
        person(i, d, location=loc, age=age, previous_team=prev) for i, d, loc, age, prev in rows
    ]


def values(plan: Plan, instance: PlanningInput, attribute: str) -> list[list[str | None]]:
    by_id = instance.employee_by_id
    return [[by_id[m].attribute_text(attribute) for m in t.members] for t in plan.teams]


def hard(attribute: str, mode: BalanceMode, value: str | None = None) -> BalanceRule:
    return BalanceRule(attribute=attribute, mode=mode, hard=True, value=value, row=2)


def test_hard_cluster_keeps_each_team_in_one_office() -> None:
    instance = company(staff(), TWO_TEAMS, balance_rules=(hard("location", BalanceMode.CLUSTER),))
    plan = solved(instance)
    assert all(len(set(v)) == 1 for v in values(plan, instance, "location"))


def test_hard_different_forbids_two_members_from_one_previous_team() -> None:
    rule = hard("previous_team", BalanceMode.DIFFERENT)
    instance = company(staff(), TWO_TEAMS, balance_rules=(rule,))
    plan = solved(instance)
    assert all(len(set(v)) == len(v) for v in values(plan, instance, "previous_team"))


def test_hard_no_lone_never_leaves_one_member_alone_with_the_value() -> None:
    rule = hard("location", BalanceMode.NO_LONE, value="Osaka")
    instance = company(staff(), TWO_TEAMS, balance_rules=(rule,))
    plan = solved(instance)
    assert all(v.count("osaka") != 1 for v in values(plan, instance, "location"))


def test_hard_diversify_mirrors_the_pool_in_each_team() -> None:
    instance = company(
        staff(), TWO_TEAMS, balance_rules=(hard("department", BalanceMode.DIVERSIFY),)
    )
    plan = solved(instance)
    # the pool is half A, half B: a team of 3 holds 1 or 2 of each
    assert all(1 <= v.count("A") <= 2 for v in values(plan, instance, "department"))


def test_hard_balance_keeps_team_mean_ages_near_the_pool_mean() -> None:
    instance = company(staff(), TWO_TEAMS, balance_rules=(hard("age", BalanceMode.BALANCE),))
    plan = solved(instance)
    means = [sum(float(a) for a in v) / len(v) for v in values(plan, instance, "age")]
    assert max(means) - min(means) < 20  # all young with all old would be 30 apart


def test_soft_rule_is_met_when_nothing_else_is_at_stake() -> None:
    rule = BalanceRule(attribute="location", mode=BalanceMode.CLUSTER, weight=5.0)
    instance = company(staff(), TWO_TEAMS, balance_rules=(rule,))
    plan = solved(instance)
    assert plan.objective_terms.get("balance", 0.0) == pytest.approx(0.0)
    check = next(r for r in verify(instance, plan).results if r.rule.startswith("balance"))
    assert "penalty 0.00" in check.detail


def test_soft_penalty_in_the_objective_matches_the_checker() -> None:
    rule = BalanceRule(attribute="department", mode=BalanceMode.DIVERSIFY, weight=2.0)
    spec = (TeamSpec(name="T", count=2, min_size=2, max_size=3),)
    instance = company(staff(), spec, balance_rules=(rule,))
    plan = solved(instance)
    check = next(r for r in verify(instance, plan).results if r.rule.startswith("balance"))
    penalty = float(check.detail.split("penalty ")[1].split()[0])
    assert plan.objective_terms.get("balance", 0.0) == pytest.approx(-2.0 * penalty)


def test_the_reason_of_a_hard_rule_quotes_the_value_of_a_shared_column_only() -> None:
    shared = BalanceRule(attribute="location", mode=BalanceMode.NO_LONE, hard=True, value="Osaka")
    personal = shared.model_copy(update={"attribute": "salary", "value": "ZZSECRET", "row": 4})
    assert "Osaka" in balance_reason(shared)
    assert "ZZSECRET" not in balance_reason(personal)
    assert "Balance row 4" in balance_reason(personal)
