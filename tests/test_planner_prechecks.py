"""Pre-checks: plain-language reasons, found before any model is built."""

from __future__ import annotations

from instances import company, person

from crossteam.models import Employee, Rule, RuleKind, Settings, SkillNeed, TeamSpec
from crossteam.planner.prechecks import check_teams_possible


def four_people() -> list[Employee]:
    return [
        person("a1", "A", {"python": 3}),
        person("a2", "A"),
        person("b1", "B"),
        person("b2", "B"),
    ]


def test_a_feasible_workbook_has_no_reasons() -> None:
    spec = TeamSpec(name="T", count=2, min_size=2, max_size=2, min_departments=2)
    assert check_teams_possible(company(four_people(), (spec,))) == []


def test_skill_nobody_has_is_named_with_team_skill_and_level() -> None:
    need = SkillNeed(skill="Python", min_level=4)
    instance = company(
        four_people(), (TeamSpec(name="Voice-2", min_size=2, max_size=3, skill_needs=(need,)),)
    )
    (reason,) = check_teams_possible(instance)
    assert reason == (
        "Team 'Voice-2' needs 1 member(s) with Python at level 4 or more, but nobody "
        "available has it"
    )


def test_skill_demand_over_all_teams_beyond_supply_is_reported() -> None:
    need = SkillNeed(skill="python", min_level=3)
    spec = TeamSpec(name="T", count=2, min_size=1, max_size=2, skill_needs=(need,))
    reasons = check_teams_possible(company(four_people(), (spec,)))
    assert any("together need 2" in r and "only 1 available person has it" in r for r in reasons)


def test_more_minimum_seats_than_people() -> None:
    spec = TeamSpec(name="T", count=3, min_size=2, max_size=2)
    (reason,) = check_teams_possible(company(four_people(), (spec,)))
    assert "at least 6 members" in reason and "only 4 people are available" in reason


def test_assign_everyone_with_too_few_seats() -> None:
    spec = TeamSpec(name="T", min_size=1, max_size=3)
    instance = company(four_people(), (spec,), settings=Settings(assign_everyone=True))
    (reason,) = check_teams_possible(instance)
    assert "assign_everyone" in reason and "at most 3" in reason


def test_min_departments_beyond_departments_available() -> None:
    spec = TeamSpec(name="T", min_size=3, max_size=4, min_departments=3)
    (reason,) = check_teams_possible(company(four_people(), (spec,)))
    assert "at least 3 departments" in reason and "only 2 departments" in reason


def test_max_per_department_times_departments_below_min_size() -> None:
    spec = TeamSpec(name="T", min_size=3, max_size=4, max_per_department=1)
    (reason,) = check_teams_possible(company(four_people(), (spec,)))
    assert "at most 1 per department" in reason


def test_together_and_apart_on_one_pair_contradict() -> None:
    rules = (
        Rule(kind=RuleKind.TOGETHER, employee_id="a1", target="b1", targets=("b1",)),
        Rule(kind=RuleKind.APART, employee_id="b1", target="a1", targets=("a1",)),
    )
    spec = TeamSpec(name="T", min_size=2, max_size=2)
    (reason,) = check_teams_possible(company(four_people(), (spec,), rules=rules))
    assert "b1 and a1 must be both together and apart" in reason


def test_in_team_of_two_different_teams_contradicts() -> None:
    rules = tuple(
        Rule(kind=RuleKind.IN_TEAM, employee_id="a1", target=t, targets=(t,))
        for t in ("T-1", "T-2")
    )
    spec = TeamSpec(name="T", count=2, min_size=1, max_size=2)
    (reason,) = check_teams_possible(company(four_people(), (spec,), rules=rules))
    assert "a1 must be in two different teams" in reason


def test_in_team_with_an_unavailable_person_contradicts() -> None:
    people = [*four_people()[:3], four_people()[3].model_copy(update={"available": False})]
    rule = Rule(kind=RuleKind.IN_TEAM, employee_id="b2", target="T", targets=("T",))
    spec = TeamSpec(name="T", min_size=1, max_size=2)
    (reason,) = check_teams_possible(company(people, (spec,), rules=(rule,)))
    assert "b2 must be in team 'T' but is not available" in reason


def test_in_team_and_not_in_team_for_the_same_team_contradict() -> None:
    rules = (
        Rule(kind=RuleKind.IN_TEAM, employee_id="a1", target="T", targets=("T",)),
        Rule(kind=RuleKind.NOT_IN_TEAM, employee_id="a1", target="T", targets=("T",)),
    )
    spec = TeamSpec(name="T", min_size=1, max_size=2)
    (reason,) = check_teams_possible(company(four_people(), (spec,), rules=rules))
    assert "a1" in reason and "'T'" in reason


def test_a_spec_with_several_teams_is_named_once() -> None:
    need = SkillNeed(skill="cobol")
    spec = TeamSpec(name="Voice", count=2, min_size=1, max_size=2, skill_needs=(need,))
    (reason,) = check_teams_possible(company(four_people(), (spec,)))
    assert reason.startswith("Each of the 2 teams 'Voice' needs 1 member(s) with cobol")
