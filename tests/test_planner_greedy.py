"""The greedy start: a plan within the rules it can see, and bridges where it can."""

from __future__ import annotations

from instances import company, network_report, person, random_company

from crossteam.checks import verify
from crossteam.models import Plan, Rule, RuleKind, SolveStatus, TeamAssignment, TeamSpec
from crossteam.planner.greedy import greedy_teams, seat_targets


def as_plan(members: dict[str, list[str]]) -> Plan:
    teams = tuple(TeamAssignment(team=t, members=tuple(m)) for t, m in members.items())
    return Plan(status=SolveStatus.FEASIBLE, teams=teams)


def test_greedy_plan_of_a_random_company_passes_the_team_checks() -> None:
    instance = random_company(200, 8, 20, seed=21)
    plan = as_plan(greedy_teams(instance, network_report(instance).gap_weights()))
    report = verify(instance, plan)
    assert report.passed, report.failures


def test_greedy_honours_rules() -> None:
    people = [person(f"a{i}", "A") for i in range(4)] + [person(f"b{i}", "B") for i in range(4)]
    rules = (
        Rule(kind=RuleKind.TOGETHER, employee_id="a0", target="b3", targets=("b3",)),
        Rule(kind=RuleKind.APART, employee_id="a1", target="a2", targets=("a2",)),
        Rule(kind=RuleKind.IN_TEAM, employee_id="b0", target="T-2", targets=("T-2",)),
    )
    instance = company(people, (TeamSpec(name="T", count=2, min_size=4, max_size=4),), rules=rules)
    plan = as_plan(greedy_teams(instance, network_report(instance).gap_weights()))
    report = verify(instance, plan)
    assert report.passed, report.failures


def test_greedy_spreads_seats_up_to_the_people_available() -> None:
    people = [person(f"a{i}", "A") for i in range(7)]
    instance = company(people, (TeamSpec(name="T", count=2, min_size=2, max_size=5),))
    assert sorted(seat_targets(instance).values()) == [3, 4]


def test_greedy_bridges_silent_pairs_with_new_departments_first() -> None:
    people = [person(f"{d}{i}", d) for d in "ABCD" for i in range(2)]
    instance = company(people, (TeamSpec(name="T", count=2, min_size=4, max_size=4),))
    plan = greedy_teams(instance, network_report(instance).gap_weights())
    assert all(len({m[0] for m in members}) == 4 for members in plan.values())
