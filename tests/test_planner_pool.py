"""Cohorts and classes: who the model may treat as interchangeable."""

from __future__ import annotations

from instances import company, person

from crossteam.models import BalanceMode, BalanceRule, Rule, RuleKind, SkillNeed, TeamSpec
from crossteam.planner.pool import cohorts

NEED = SkillNeed(skill="python", min_level=3)
SPEC = (TeamSpec(name="T", min_size=1, max_size=3, skill_needs=(NEED,)),)


def test_same_department_and_skill_levels_share_a_class() -> None:
    people = [person("a1", "A", {"python": 4}), person("a2", "A", {"python": 4}), person("b1", "B")]
    pool = cohorts(company(people, SPEC))
    assert sorted(len(g.classes) for g in pool) == [1, 1]
    a = next(g for g in pool if g.department == "A")
    assert a.classes[0].members == ("a1", "a2")


def test_levels_below_every_asked_level_do_not_split_a_class() -> None:
    # python 1 and 2 are both "not enough" for any team: one class
    people = [person("a1", "A", {"python": 1}), person("a2", "A", {"python": 2}), person("a3", "A")]
    (a,) = cohorts(company(people, SPEC))
    assert len(a.classes) == 1 and a.size == 3


def test_levels_above_the_need_stay_apart_for_skill_depth() -> None:
    people = [person("a1", "A", {"python": 3}), person("a2", "A", {"python": 5})]
    (a,) = cohorts(company(people, SPEC))
    assert len(a.classes) == 2


def test_skills_no_team_needs_are_ignored() -> None:
    people = [person("a1", "A", {"sql": 5}), person("a2", "A", {"design": 2})]
    (a,) = cohorts(company(people, SPEC))
    assert len(a.classes) == 1


def test_balance_attributes_split_cohorts() -> None:
    people = [person("a1", "A", location="tokyo"), person("a2", "A", location="osaka")]
    rule = BalanceRule(attribute="location", mode=BalanceMode.NO_LONE)
    assert len(cohorts(company(people, SPEC, balance_rules=(rule,)))) == 2


def test_people_named_in_rules_are_alone() -> None:
    people = [person("a1", "A"), person("a2", "A"), person("a3", "A")]
    rule = Rule(kind=RuleKind.APART, employee_id="a1", target="a2", targets=("a2",))
    pool = cohorts(company(people, SPEC, rules=(rule,)))
    alone = sorted(g.classes[0].members for g in pool if g.alone)
    assert alone == [("a1",), ("a2",)]
    assert [g.size for g in pool if not g.alone] == [1]


def test_unavailable_people_are_left_out() -> None:
    people = [person("a1", "A"), person("a2", "A").model_copy(update={"available": False})]
    (a,) = cohorts(company(people, SPEC))
    assert a.size == 1


def test_the_baseline_keeps_everyone_alone() -> None:
    people = [person("a1", "A"), person("a2", "A")]
    pool = cohorts(company(people, SPEC), aggregate=False)
    assert len(pool) == 2 and all(g.alone for g in pool)
