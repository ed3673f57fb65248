"""The capacity ceiling: most silent pairs the departments' people can bridge."""

from __future__ import annotations

import pytest
from instances import company, network_report, person, random_company, rotation_instance
from solving import by_work, solved

from crossteam.models import (
    Department,
    Period,
    Plan,
    PlanningInput,
    Settings,
    SolveStatus,
    TeamSpec,
    pair_key,
    pairs_among,
)
from crossteam.planner import SolveOptions
from crossteam.planner.ceiling import bridging_ceiling, capacity, pairs_ceiling
from crossteam.planner.model import build_model


def planned(instance: PlanningInput, *, rotation: bool = False) -> Plan:
    """``instance`` planned (and checked) within two units of solver work."""
    return solved(instance, by_work(2.0, rotation=rotation))


def bridged(instance: PlanningInput, plan: Plan) -> int:
    """Silent pairs the plan connects, counted from its member lists and stints."""
    department = {e.employee_id: e.department for e in instance.employees}
    held = set()
    for team in plan.teams:
        held.update(pairs_among(department[m] for m in team.members))
    for stint in plan.rotation:
        held.add(pair_key(department[stint.employee_id], stint.department))
    return len(held & set(network_report(instance).gap_pairs))


def singletons(departments: int) -> list:
    return [person(f"p{d}", f"D{d}") for d in range(departments)]


def test_five_one_person_departments_and_one_team_of_three_bridge_three_pairs() -> None:
    # by hand: ten silent pairs. Each one-person department is in at most one team, so it
    # meets at most 2 others; the team of 3 holds at most 3 departments, whose 3 pairs are
    # all that can be bridged (the seats row: 3 presences in all, 2 partners each)
    instance = company(singletons(5), (TeamSpec(name="T", min_size=3, max_size=3),))
    pairs = list(network_report(instance).gap_pairs)
    assert len(pairs) == 10
    assert pairs_ceiling(instance, pairs, teams=True, rotation=False) == 3
    plan = planned(instance)
    assert bridged(instance, plan) == 3


def test_the_team_capacity_of_a_department_counts_its_people_and_the_team_sizes() -> None:
    people = [*singletons(2), person("q1", "Q"), person("q2", "Q"), person("q3", "Q")]
    specs = (
        TeamSpec(name="Big", min_size=2, max_size=4),
        TeamSpec(name="S", min_size=2, max_size=2),
    )
    cap = capacity(company(people, specs), teams=True, rotation=False)
    # one person: the largest team only (4 - 1); three people: both teams (3 + 1)
    assert cap.team_partners == {"D0": 3, "D1": 3, "Q": 4}
    assert cap.team_presences == {"D0": 1, "D1": 1, "Q": 2}
    assert cap.seats == 3 + 2  # three departments at most in the team of 4, two in the other


def test_nobody_available_means_no_team_can_bridge_the_department() -> None:
    people = [*singletons(3), person("x", "X").model_copy(update={"available": False})]
    instance = company(people, (TeamSpec(name="T", min_size=3, max_size=4),))
    pairs = list(network_report(instance).gap_pairs)
    assert len(pairs) == 6
    assert pairs_ceiling(instance, pairs, teams=True, rotation=False) == 3


def test_rotation_adds_what_departments_can_send_and_host() -> None:
    # A (10 people, min_on_site 0.8) releases 2 per period; B, C, D are one-person
    # departments that can each host 1 per period but send nobody. Over one period: A
    # sends 2 stints, so at most 2 of its 3 silent pairs; B-C, B-D, C-D nobody can bridge.
    people = [person(f"a{i}", "A") for i in range(10)] + singletons(3)
    policy = {d: {"min_on_site": 0.8} for d in ("A", "D0", "D1", "D2")}
    instance = rotation_instance(people, periods=1, policy=policy)
    reach = capacity(instance, teams=False, rotation=True).rotation
    assert reach is not None
    assert reach.send == {"A": 2} and reach.host == dict.fromkeys(("A", "D0", "D1", "D2"), 1)
    pairs = list(network_report(instance).gap_pairs)
    assert len(pairs) == 6
    assert pairs_ceiling(instance, pairs, teams=False, rotation=True) == 2
    # two periods: 4 stints from A, but only three partners to reach
    longer = rotation_instance(people, periods=2, policy=policy)
    assert pairs_ceiling(longer, pairs, teams=False, rotation=True) == 3
    plan = planned(longer, rotation=True)
    assert bridged(longer, plan) == 3


def test_a_pair_is_counted_once_however_many_ways_could_bridge_it() -> None:
    people = [person(f"a{i}", "A") for i in range(10)] + [person(f"b{i}", "B") for i in range(10)]
    departments = (
        Department(name="A", headcount=10, min_on_site=0.5, host_capacity=3),
        Department(name="B", headcount=10, min_on_site=0.5, host_capacity=3),
    )
    instance = company(people, (TeamSpec(name="T", count=3, min_size=2, max_size=4),))
    instance = instance.with_changes(
        departments=departments, periods=(Period(label="P1", index=0),)
    )
    gaps = network_report(instance).gap_weights()
    found = bridging_ceiling(instance, gaps, teams=True, rotation=True)
    assert found.proven and found.value == pytest.approx(10 * 3.0)


@pytest.mark.parametrize("seed", range(6))
def test_the_ceiling_is_never_below_what_a_proven_optimum_bridges(seed: int) -> None:
    # many departments, few small teams: capacity binds, and the optimum cannot exceed it
    instance = random_company(48, 12, 3, seed=seed, team_size=(3, 4), skill_needs=0)
    plan = planned(instance)
    assert plan.status is SolveStatus.OPTIMAL
    gaps = network_report(instance).gap_weights()
    ceiling = bridging_ceiling(instance, gaps, teams=True, rotation=False)
    assert plan.objective_terms["bridging"] <= ceiling.value + 1e-9
    pairs = list(network_report(instance).gap_pairs)
    assert bridged(instance, plan) <= pairs_ceiling(instance, pairs, teams=True, rotation=False)
    assert plan.silent_pairs_ceiling == pairs_ceiling(instance, pairs, teams=True, rotation=False)


def test_the_ceiling_makes_the_bound_tell_the_truth_where_capacity_binds() -> None:
    # twelve one-person departments and two teams of three: 66 silent pairs, but the
    # teams can bridge only 2 x 3. Without the ceiling the bound counted all 66.
    settings = Settings(weight_diversity=0)
    specs = (TeamSpec(name="T", count=2, min_size=3, max_size=3),)
    instance = company(singletons(12), specs, settings=settings)
    report = network_report(instance)
    options = SolveOptions(time_limit_seconds=10, workers=2, plan_rotation=False)
    built = build_model(instance, report, options, teams=True, rotation=False)
    assert built.ceiling == pytest.approx(6 * 10 * 3.0)
    plan = planned(instance)
    assert plan.status is SolveStatus.OPTIMAL and plan.gap == 0
    assert plan.objective == pytest.approx(built.ceiling)
