"""Local search on a team plan: more bridged, never a broken rule, people in Rules fixed."""

from __future__ import annotations

import threading

from instances import company, network_report, person, random_company

from crossteam.checks.teams import check_teams
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    Plan,
    PlanningInput,
    Rule,
    RuleKind,
    SolveStatus,
    TeamAssignment,
    TeamSpec,
)
from crossteam.planner.cutoff import Cutoff
from crossteam.planner.greedy import greedy_teams
from crossteam.planner.local_search import improve_teams


def as_plan(members: dict[str, list[str]]) -> Plan:
    teams = tuple(TeamAssignment(team=t, members=tuple(m)) for t, m in members.items())
    return Plan(status=SolveStatus.FEASIBLE, teams=teams)


def bridged(instance: PlanningInput, members: dict[str, list[str]]) -> float:
    gaps = network_report(instance).gap_weights()
    department = {e.employee_id: e.department for e in instance.employees}
    pairs = set()
    for people in members.values():
        ds = sorted({department[m] for m in people})
        pairs |= {(a, b) for i, a in enumerate(ds) for b in ds[i + 1 :]}
    return sum(w for p, w in gaps.items() if p in pairs)


def test_a_free_person_from_a_new_department_takes_a_duplicate_seat() -> None:
    people = [person("a1", "A"), person("a2", "A"), person("b1", "B")]
    instance = company(people, (TeamSpec(name="T", min_size=2, max_size=2),))
    better = improve_teams(instance, network_report(instance).gap_weights(), {"T": ["a1", "a2"]})
    assert sorted(m[0] for m in better["T"]) == ["a", "b"]


def test_search_never_loses_bridging_and_keeps_every_rule() -> None:
    instance = random_company(300, 16, 20, seed=8)
    gaps = network_report(instance).gap_weights()
    start = greedy_teams(instance, gaps)
    better = improve_teams(instance, gaps, start)
    assert bridged(instance, better) >= bridged(instance, start)
    assert not [r for r in check_teams(instance, as_plan(better)) if not r.passed]


def test_people_named_in_rules_stay_where_they_are() -> None:
    people = [person("a1", "A"), person("a2", "A"), person("b1", "B")]
    rule = Rule(kind=RuleKind.IN_TEAM, employee_id="a2", target="T", targets=("T",))
    instance = company(people, (TeamSpec(name="T", min_size=2, max_size=2),), rules=(rule,))
    better = improve_teams(instance, network_report(instance).gap_weights(), {"T": ["a1", "a2"]})
    assert "a2" in better["T"]


def test_hard_balance_rules_leave_the_plan_as_it_was() -> None:
    people = [person("a1", "A"), person("a2", "A"), person("b1", "B")]
    rule = BalanceRule(attribute="department", mode=BalanceMode.CLUSTER, hard=True)
    instance = company(people, (TeamSpec(name="T", min_size=2, max_size=2),), balance_rules=(rule,))
    start = {"T": ["a1", "a2"]}
    assert improve_teams(instance, network_report(instance).gap_weights(), start) == start


def test_a_stopped_search_gives_back_the_plan_it_has() -> None:
    people = [person("a1", "A"), person("a2", "A"), person("b1", "B")]
    instance = company(people, (TeamSpec(name="T", min_size=2, max_size=2),))
    gaps = network_report(instance).gap_weights()
    stop = threading.Event()
    stop.set()
    # the move the search makes when let run (the test above) is not made once stopped
    assert improve_teams(instance, gaps, {"T": ["a1", "a2"]}, Cutoff(stop)) == {"T": ["a1", "a2"]}
    assert improve_teams(instance, gaps, {"T": ["a1", "a2"]}) != {"T": ["a1", "a2"]}
