"""The greedy start: a plan within the rules it can see, and bridges where it can."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable

import pytest
from instances import company, network_report, person, random_company

from crossteam.checks import verify
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    Plan,
    PlanningInput,
    Preference,
    ProgrammeKind,
    Rule,
    RuleKind,
    Settings,
    SolveStatus,
    TeamAssignment,
    TeamSpec,
)
from crossteam.planner.cutoff import Cutoff, OutOfTime, Stopped
from crossteam.planner.greedy import dealt_teams, greedy_teams, seat_targets
from crossteam.planner.local_search import plan_value


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


def _diversify_task(seed: int = 0) -> PlanningInput:
    """24 A, 12 B, 6 C and 6 D into 6 teams of 8, department diversified, everyone seated,
    no bridging: the only plan without penalty gives each team 4 A, 2 B, 1 C and 1 D."""
    sizes = (("A", 24), ("B", 12), ("C", 6), ("D", 6))
    people = [person(f"{d}{i}", d) for d, n in sizes for i in range(n)]
    rule = BalanceRule(attribute="department", mode=BalanceMode.DIVERSIFY)
    settings = Settings(assign_everyone=True, weight_bridging=0)
    spec = TeamSpec(name="T", count=6, min_size=8, max_size=8)
    return company(people, (spec,), balance_rules=(rule,), settings=settings)


def test_dealt_plan_gives_every_team_its_share_of_each_department() -> None:
    instance = _diversify_task()
    plan = dealt_teams(instance, network_report(instance).gap_weights())
    report = verify(instance, as_plan(plan))
    assert report.passed, report.failures
    for members in plan.values():
        assert Counter(m[0] for m in members) == {"A": 4, "B": 2, "C": 1, "D": 1}


def test_team_by_team_greedy_reads_the_soft_diversify_rule() -> None:
    instance = _diversify_task()
    plan = greedy_teams(instance, network_report(instance).gap_weights())
    # the first team is filled before the others; once every department is in, the rule
    # (not the order of the departments) says which take the last seats
    first = plan[instance.teams[0].name]
    assert Counter(m[0] for m in first) == {"A": 4, "B": 2, "C": 1, "D": 1}


def test_dealt_plan_of_a_random_company_with_rules_passes_the_team_checks() -> None:
    instance = random_company(200, 8, 20, seed=5)
    plan = as_plan(dealt_teams(instance, network_report(instance).gap_weights()))
    report = verify(instance, plan)
    assert report.passed, report.failures


def test_plan_value_counts_bridging_departments_and_diversify_once_each() -> None:
    people = [person(f"{d}{i}", d) for d in "ABC" for i in range(2)]
    rule = BalanceRule(attribute="department", mode=BalanceMode.DIVERSIFY)
    instance = company(
        people, (TeamSpec(name="T", count=2, min_size=3, max_size=3),), balance_rules=(rule,)
    )
    gaps = network_report(instance).gap_weights()
    plan = {"T-1": ["A0", "A1", "B0"], "T-2": ["B1", "C0", "C1"]}
    # each department is a third of the pool: aim round(1/3 x 3) = 1 of each per team;
    # T-1 is off by 1 (A) + 0 (B) + 1 (C), T-2 likewise; pairs A-B and B-C are bridged
    bridged = gaps.get(("A", "B"), 0.0) + gaps.get(("B", "C"), 0.0)
    settings = instance.settings
    expected = settings.weight_bridging * bridged + settings.weight_diversity * 4 - 4
    assert plan_value(instance, gaps, plan) == pytest.approx(expected)
    assert bridged > 0  # the pairs are silent in this company, so bridging is counted


@pytest.mark.parametrize("form", [greedy_teams, dealt_teams])
def test_greedy_gives_up_at_the_cutoff(form: object) -> None:
    instance = random_company(200, 8, 20, seed=21)
    gaps = network_report(instance).gap_weights()
    stop = threading.Event()
    stop.set()
    with pytest.raises(Stopped):
        form(instance, gaps, Cutoff(stop))  # type: ignore[operator]
    with pytest.raises(OutOfTime):
        form(instance, gaps, Cutoff(deadline=time.monotonic() - 1))  # type: ignore[operator]


@pytest.mark.parametrize("form", [greedy_teams, dealt_teams])
def test_greedy_seats_who_ranked_the_team_among_the_department_s_people(
    form: Callable[..., dict[str, list[str]]],
) -> None:
    # the last of each department ranked a team: without the wishes the first (least
    # skilled, then in Employees order) would be seated
    people = [person(f"{d}{i}", d.upper()) for d in "ab" for i in range(4)]
    wishes = tuple(
        Preference(employee_id=e, kind=ProgrammeKind.TEAM, target=t, targets=(t,), rank=1)
        for e, t in (("a3", "Y"), ("b3", "X"))
    )
    specs = tuple(TeamSpec(name=n, min_size=2, max_size=2) for n in "XY")
    instance = company(people, specs).validated_with(preferences=wishes)
    plan = form(instance, network_report(instance).gap_weights())
    assert "b3" in plan["X"] and "a3" in plan["Y"]
    assert verify(instance, as_plan(plan)).passed
