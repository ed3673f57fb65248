"""The team model's hard rules: each holds in the solved plan, checked independently."""

from __future__ import annotations

from instances import company, person
from solving import solved

from crossteam.models import (
    Employee,
    Plan,
    Rule,
    RuleKind,
    SkillNeed,
    TeamSpec,
)


def six_people() -> list[Employee]:
    return [
        person("a1", "A", {"python": 5}),
        person("a2", "A", {"python": 2}),
        person("a3", "A"),
        person("b1", "B", {"sql": 3}),
        person("b2", "B"),
        person("c1", "C"),
    ]


def team_of(plan: Plan, employee: str) -> str | None:
    return next((t.team for t in plan.teams if employee in t.members), None)


def rule(kind: RuleKind, who: str, target: str) -> Rule:
    return Rule(kind=kind, employee_id=who, target=target, targets=(target,))


TWO_PAIRS = (TeamSpec(name="T", count=2, min_size=2, max_size=2),)


def test_together_puts_both_in_one_team() -> None:
    instance = company(six_people(), TWO_PAIRS, rules=(rule(RuleKind.TOGETHER, "a1", "a2"),))
    plan = solved(instance)
    assert team_of(plan, "a1") == team_of(plan, "a2")


def test_apart_keeps_two_people_in_different_teams() -> None:
    spec = (TeamSpec(name="T", count=2, min_size=3, max_size=3),)
    instance = company(six_people(), spec, rules=(rule(RuleKind.APART, "b1", "b2"),))
    plan = solved(instance)
    assert team_of(plan, "b1") != team_of(plan, "b2")


def test_in_team_and_not_in_team_place_people() -> None:
    rules = (rule(RuleKind.IN_TEAM, "a3", "T-2"), rule(RuleKind.NOT_IN_TEAM, "c1", "T-1"))
    plan = solved(company(six_people(), TWO_PAIRS, rules=rules))
    assert team_of(plan, "a3") == "T-2"
    assert team_of(plan, "c1") != "T-1"


def test_skill_needs_are_met_at_their_level() -> None:
    need = SkillNeed(skill="python", min_level=4)
    spec = (TeamSpec(name="Dev", min_size=2, max_size=2, skill_needs=(need,)),)
    plan = solved(company(six_people(), spec))
    assert "a1" in plan.teams[0].members


def test_max_per_department_and_min_departments_hold() -> None:
    spec = (TeamSpec(name="T", min_size=4, max_size=4, min_departments=3, max_per_department=2),)
    plan = solved(company(six_people(), spec))
    departments = [m[0] for m in plan.teams[0].members]
    assert len(set(departments)) >= 3
    assert max(departments.count(d) for d in set(departments)) <= 2


def test_unavailable_people_are_never_seated() -> None:
    people = [*six_people(), person("c2", "C").model_copy(update={"available": False})]
    plan = solved(company(people, (TeamSpec(name="T", count=2, min_size=3, max_size=4),)))
    assert all("c2" not in t.members for t in plan.teams)


def test_skill_depth_prefers_the_stronger_holder() -> None:
    # a1 (python 5) or a2 (python 2) meets the need; depth counts levels 3-5 covered
    need = SkillNeed(skill="python", min_level=2)
    spec = (TeamSpec(name="Dev", min_size=1, max_size=1, skill_needs=(need,)),)
    plan = solved(company(six_people(), spec))
    assert plan.teams[0].members == ("a1",)
    assert plan.objective_terms["skill_depth"] > 0
