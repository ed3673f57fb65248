"""The department-level model: its bound holds for every plan, its plan is a real start."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from instances import company, network_report, person, random_company, rotation_instance
from solving import by_work, solved

from crossteam.checks.teams import check_teams
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    Plan,
    PlanningInput,
    Rule,
    RuleKind,
    Settings,
    SolveStatus,
    TeamSpec,
)
from crossteam.planner import Formulation, SolveOptions
from crossteam.planner.department_level import Budget, Shape, Weights, mix_of, plan_departments
from crossteam.planner.hints import fill_mixes
from crossteam.planner.model import build_model
from crossteam.planner.rotation import rotation_reach
from crossteam.planner.start import starting_plan


def _start(instance: PlanningInput) -> dict[str, list[str]]:
    department = {e.employee_id: e.department for e in instance.employees}
    start = starting_plan(instance, network_report(instance))
    assert start is not None
    return {team: [department[e] for e in members] for team, members in start.items()}


def _department_bound(instance: PlanningInput, *, rotation: bool = False) -> float:
    found = plan_departments(
        instance,
        Weights.of(instance, network_report(instance).gap_weights()),
        _start(instance),
        reach=rotation_reach(instance) if rotation else None,
        budget=Budget(30),
        integer_plan=False,
    )
    assert found.proven
    return found.bound


def _solved(instance: PlanningInput, *, rotation: bool = False, department_level: bool) -> Plan:
    # the work a 30 s repeatable run takes, with the clock only a safety net, so that the
    # optimality and values asserted cannot flip on a loaded machine
    options = replace(
        by_work(3.0, rotation=rotation), formulation=Formulation(department_level=department_level)
    )
    return solved(instance, options)


def singletons(departments: int) -> list:
    return [person(f"p{d}", f"D{d}") for d in range(departments)]


def test_a_hand_counted_company_is_bounded_exactly() -> None:
    # six one-person departments, all silent with each other, and two teams of three: each
    # team holds three departments (3 pairs, 3 departments present), so at most 2 x 3 pairs
    # of gap weight 3 (x weight_bridging 10) and 6 departments present: 180 + 6
    specs = (TeamSpec(name="T", count=2, min_size=3, max_size=3),)
    instance = company(singletons(6), specs)
    assert len(network_report(instance).gap_pairs) == 15
    assert _department_bound(instance) == pytest.approx(2 * 3 * 30 + 6)
    plan = _solved(instance, department_level=True)
    assert plan.status is SolveStatus.OPTIMAL
    assert plan.objective == pytest.approx(186)


def test_what_mixes_cost_in_diversify_deviations_is_counted() -> None:
    # two departments of 4 and 2 people, one team of 3 diversifying the department: the
    # pool's shares aim at 2 and 1 members, so the mix (2, 1) costs nothing and is best
    people = [person(f"a{i}", "A") for i in range(4)] + [person(f"b{i}", "B") for i in range(2)]
    rules = (BalanceRule(attribute="department", mode=BalanceMode.DIVERSIFY, weight=5),)
    specs = (TeamSpec(name="T", min_size=3, max_size=3),)
    instance = company(people, specs, balance_rules=rules, settings=Settings(weight_bridging=0))
    # diversity 2, no deviation: the bound is exact
    assert _department_bound(instance) == pytest.approx(2)


@pytest.mark.parametrize(("seed", "needs"), [(0, 1), (1, 1), (3, 0), (4, 0), (5, 0)])
def test_the_bound_is_never_below_a_proven_optimum(seed: int, needs: int) -> None:
    # many departments and few small teams: the bridging capacity binds
    instance = random_company(48, 12, 3, seed=seed, team_size=(3, 4), skill_needs=needs)
    plan = _solved(instance, department_level=False)
    assert plan.status is SolveStatus.OPTIMAL
    depth = plan.objective_terms.get("skill_depth", 0.0)
    assert plan.objective - depth <= _department_bound(instance) + 1e-6


@pytest.mark.parametrize("seed", range(3))
def test_with_rotation_the_bound_is_never_below_a_proven_optimum(seed: int) -> None:
    instance = random_company(24, 8, 2, seed=seed, team_size=(3, 3), skill_needs=0)
    people = list(instance.employees)
    with_periods = rotation_instance(people, periods=1).with_changes(teams=instance.teams)
    plan = _solved(with_periods, rotation=True, department_level=False)
    assert plan.status is SolveStatus.OPTIMAL
    rotation_terms = sum(
        v
        for k, v in plan.objective_terms.items()
        if k in ("learning", "rotation_fairness", "skill_depth")
    )
    bound = _department_bound(with_periods, rotation=True)
    assert plan.objective - rotation_terms <= bound + 1e-6


def test_a_team_a_rule_puts_someone_in_holds_that_persons_department() -> None:
    people = singletons(6)
    rule = Rule(kind=RuleKind.IN_TEAM, employee_id="p5", target="T-2", targets=("T-2",), row=2)
    specs = (TeamSpec(name="T", count=2, min_size=3, max_size=3),)
    instance = company(people, specs, rules=(rule,))
    found = plan_departments(
        instance,
        Weights.of(instance, network_report(instance).gap_weights()),
        _start(instance),
        budget=Budget(30),
    )
    assert dict(found.mixes["T-2"]).get("D5") == 1
    shapes = {Shape.of(t, {"D5": 1} if t.name == "T-2" else {}) for t in instance.teams}
    assert len(shapes) == 2  # the named team is priced as a shape of its own


def test_its_plan_filled_with_people_keeps_every_mix_and_passes_every_check() -> None:
    # small departments silent with each other: the department-level plan is where the
    # last pairs come from; the people filled into it keep every mix and every rule
    instance = random_company(60, 15, 4, seed=3, team_size=(3, 5), skill_needs=1)
    report = network_report(instance)
    options = SolveOptions(time_limit_seconds=20, workers=1, plan_rotation=False)
    start = starting_plan(instance, report)
    assert start is not None
    department = {e.employee_id: e.department for e in instance.employees}
    found = plan_departments(
        instance,
        Weights.of(instance, report.gap_weights()),
        {team: [department[e] for e in members] for team, members in start.items()},
        budget=Budget(10),
    )
    assert found.value is not None and found.start_value is not None
    assert found.value >= found.start_value - 1e-6  # it starts from the greedy's mixes
    assert found.value <= found.bound + 1e-6
    built = build_model(
        instance, report, options, teams=True, rotation=False, start=start, department=found
    )
    filled = fill_mixes(built, found.mixes, options)
    assert filled is not None and built.teams is not None
    teams = built.teams.extract(filled)
    plan = Plan(status=SolveStatus.FEASIBLE, teams=teams, planned_teams=True)
    assert all(result.passed for result in check_teams(instance, plan))
    by_spec = Counter(
        (instance.team_by_name[t.team].spec, mix_of(department[m] for m in t.members))
        for t in teams
    )
    wanted = Counter((instance.team_by_name[t].spec, mix) for t, mix in found.mixes.items())
    assert by_spec == wanted


def test_mixes_count_members_per_department() -> None:
    assert mix_of(["B", "A", "B"]) == (("A", 1), ("B", 2))
