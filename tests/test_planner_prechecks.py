"""Pre-checks: plain-language reasons, found before any model is built."""

from __future__ import annotations

from instances import company, person

from crossteam.models import (
    BalanceMode,
    BalanceRule,
    Employee,
    PlanningInput,
    Rule,
    RuleKind,
    Settings,
    SkillNeed,
    TeamSpec,
)
from crossteam.planner.prechecks import check_teams_possible, team_rule_warnings


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
        "Team 'Voice-2' needs 1 member with Python at level 4 or more, but nobody available has it"
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
    assert reason.startswith("Each of the 2 teams 'Voice' needs 1 member with cobol")


def together(a: str, b: str, row: int) -> Rule:
    return Rule(kind=RuleKind.TOGETHER, employee_id=a, target=b, targets=(b,), row=row)


def chained(people: int, max_size: int, max_per_department: int | None = None) -> PlanningInput:
    """``people`` in department A then B (alternating), tied into one chain of together
    rules (rows 2, 3, ...), and two teams of at most ``max_size``."""
    staff = [person(f"p{i}", "AB"[i % 2]) for i in range(people)]
    rules = tuple(together(f"p{i}", f"p{i + 1}", i + 2) for i in range(people - 1))
    spec = TeamSpec(
        name="T", count=2, min_size=1, max_size=max_size, max_per_department=max_per_department
    )
    return company(staff, (spec,), rules=rules)


def test_a_together_chain_longer_than_every_team_is_impossible() -> None:
    (reason,) = check_teams_possible(chained(5, max_size=4))
    assert reason == (
        "Rules rows 2-5: p0, p1, p2, p3, p4 must all be in one team (together: 5 people), "
        "but no team holds more than 4 members"
    )


def test_a_together_chain_that_fits_a_team_is_fine() -> None:
    assert check_teams_possible(chained(4, max_size=4)) == []


def test_a_together_group_no_team_can_hold_within_max_per_department() -> None:
    # four people, two of each department, in teams of four taking one per department
    (reason,) = check_teams_possible(chained(4, max_size=4, max_per_department=1))
    assert "p0, p1, p2, p3 must all be in one team" in reason
    assert "2 of them are in A" in reason and "max_per_department" in reason


def test_a_long_group_lists_ten_ids_and_counts_the_rest() -> None:
    (reason,) = check_teams_possible(chained(13, max_size=8))
    assert "p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 3 more" in reason
    assert "together: 13 people" in reason and "Rules rows 2-13" in reason


def test_together_with_someone_unavailable_is_impossible() -> None:
    people = [*four_people()[:3], four_people()[3].model_copy(update={"available": False})]
    spec = TeamSpec(name="T", count=2, min_size=1, max_size=2)
    instance = company(people, (spec,), rules=(together("a1", "b2", 7),))
    (reason,) = check_teams_possible(instance)
    assert reason == (
        "Rules row 7: a1 must be in the same team as b2 (together), but b2 is not available"
    )


def test_a_together_pair_of_one_department_in_teams_needing_more_departments_is_impossible() -> (
    None
):
    # a1 and a2 take both seats of a two-seat team that needs two departments
    spec = TeamSpec(name="T", count=2, min_size=1, max_size=2, min_departments=2)
    instance = company(four_people(), (spec,), rules=(together("a1", "a2", 5),))
    (reason,) = check_teams_possible(instance)
    assert reason == (
        "Rules row 5: a1, a2 must all be in one team (together: 2 people), but no team can "
        "hold them: they come from 1 department, and every team that could take them "
        "needs members from more departments than its seats left allow (min_departments)"
    )
    bigger = spec.model_copy(update={"max_size": 3})
    assert check_teams_possible(company(four_people(), (bigger,), rules=instance.rules)) == []


def test_in_team_and_not_in_team_rules_of_a_together_group_can_leave_no_team() -> None:
    spec = TeamSpec(name="T", count=2, min_size=1, max_size=3)
    rules = (
        together("a1", "b1", 2),
        Rule(kind=RuleKind.IN_TEAM, employee_id="a1", target="T-1", targets=("T-1",), row=3),
        Rule(kind=RuleKind.NOT_IN_TEAM, employee_id="b1", target="T-1", targets=("T-1",), row=4),
    )
    (reason,) = check_teams_possible(company(four_people(), (spec,), rules=rules))
    assert reason == (
        "Rules row 2: a1, b1 must all be in one team (together: 2 people), but the in_team / "
        "not_in_team rows 3-4 of their people leave no team that can hold them all"
    )
    allowed = (*rules[:2], rules[2].model_copy(update={"target": "T-2", "targets": ("T-2",)}))
    assert check_teams_possible(company(four_people(), (spec,), rules=allowed)) == []


def test_an_apart_rule_inside_a_together_chain_is_impossible() -> None:
    spec = TeamSpec(name="T", count=2, min_size=1, max_size=3)
    apart = Rule(kind=RuleKind.APART, employee_id="b2", target="a1", targets=("a1",), row=4)
    rules = (together("a1", "b1", 2), together("b1", "b2", 3), apart)
    (reason,) = check_teams_possible(company(four_people(), (spec,), rules=rules))
    assert reason == (
        "Rules rows 2-3: a1, b1, b2 must all be in one team (together: 3 people), but b2 and "
        "a1 must be apart (Rules row 4: apart)"
    )


def located(*places: str, available: bool = True) -> list[Employee]:
    prefix = "e" if available else "away"
    return [
        person(f"{prefix}{i}", "AB"[i % 2], location=place).model_copy(
            update={"available": available}
        )
        for i, place in enumerate(places)
    ]


def no_lone(value: str, *, hard: bool, attribute: str = "location") -> BalanceRule:
    weight = {"hard": True} if hard else {"weight": 1.0}
    return BalanceRule(attribute=attribute, mode=BalanceMode.NO_LONE, value=value, row=4, **weight)


SPEC = TeamSpec(name="T", min_size=1, max_size=3)


def test_a_hard_no_lone_on_a_value_nobody_has_is_impossible_and_suggests_the_closest() -> None:
    people = located("Tokyo", "Sapporo", "Osaka", "Sapporo")
    instance = company(people, (SPEC,), balance_rules=(no_lone("Saporo", hard=True),))
    (reason,) = check_teams_possible(instance)
    assert reason == (
        "Balance row 4: the hard no_lone rule on location = 'Saporo' matches nobody: no "
        "available employee has it; did you mean 'Sapporo'?"
    )
    assert team_rule_warnings(instance) == []


def test_a_soft_rule_matching_nobody_is_a_warning_not_a_reason() -> None:
    people = located("Tokyo", "Sapporo")
    instance = company(people, (SPEC,), balance_rules=(no_lone("Saporo", hard=False),))
    assert check_teams_possible(instance) == []
    (warning,) = team_rule_warnings(instance)
    assert warning.startswith("Balance row 4: the soft no_lone rule on location = 'Saporo'")
    assert warning.endswith("did you mean 'Sapporo'?")


def test_a_value_is_matched_as_the_planner_matches_it_case_aside() -> None:
    people = located("Tokyo", "Sapporo")
    instance = company(people, (SPEC,), balance_rules=(no_lone(" sapporo", hard=True),))
    assert check_teams_possible(instance) == []


def test_a_value_only_unavailable_people_hold_is_named_as_such() -> None:
    people = [*located("Tokyo", "Tokyo"), *located("Nagoya", available=False)]
    instance = company(people, (SPEC,), balance_rules=(no_lone("Nagoya", hard=True),))
    (reason,) = check_teams_possible(instance)
    assert reason.endswith("matches nobody: only people who are not available have it")


def test_a_column_blank_for_everyone_matches_nobody_whatever_the_mode() -> None:
    rule = BalanceRule(attribute="shift", mode=BalanceMode.DIFFERENT, hard=True, row=3)
    instance = company(four_people(), (SPEC,), balance_rules=(rule,))
    (reason,) = check_teams_possible(instance)
    assert reason == (
        "Balance row 3: the hard different rule on shift matches nobody: no available "
        "employee has a value in that column"
    )


def test_values_of_a_column_that_may_be_personal_are_never_suggested() -> None:
    people = [person("e1", "A", nickname="Hanako"), person("e2", "B", nickname="Hanako")]
    rule = no_lone("Hanak", hard=True, attribute="nickname")
    (reason,) = check_teams_possible(company(people, (SPEC,), balance_rules=(rule,)))
    assert "Hanako" not in reason and "did you mean" not in reason
