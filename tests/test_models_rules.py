"""The domain rules written once in ``crossteam.models``, each on hand-made cases."""

from __future__ import annotations

import pytest
from instances import company, person, random_company
from pydantic import ValidationError

from crossteam.models import (
    PlanningInput,
    Rule,
    RuleKind,
    Settings,
    SkillNeed,
    TeamSpec,
    meets_level,
    pair_key,
    pairs_among,
    team_names,
    validated_copy,
)

# ------------------------------------------------------------- skill need met by an employee


def test_an_employee_meets_a_level_at_or_above_it_and_never_a_skill_not_held() -> None:
    holder = person("p1", "A", {"python": 3})
    assert holder.meets("python", 3)  # at the level
    assert holder.meets("python", 1)  # above it
    assert not holder.meets("python", 4)  # below it
    assert not holder.meets("sql", 1)  # not held: level 0, below every level from 1


def test_a_class_of_people_meets_a_level_by_the_same_rule_as_one_person() -> None:
    levels = {"python": 3, "sql": 1}
    for skill, level in [("python", 3), ("python", 4), ("sql", 1), ("design", 1)]:
        expected = person("p1", "A", levels).meets(skill, level)
        assert meets_level(levels, skill, level) is expected
    assert meets_level(levels, "python", 3) and not meets_level({}, "python", 1)


def test_a_skill_need_counts_the_people_who_hold_its_skill_at_its_level() -> None:
    need = SkillNeed(skill="python", min_level=3, min_count=2)
    people = [
        person("p1", "A", {"python": 5}),
        person("p2", "A", {"python": 3}),
        person("p3", "B", {"python": 2}),
        person("p4", "B", {"sql": 5}),
    ]
    assert [need.met_by(p) for p in people] == [True, True, False, False]
    assert need.holders(people) == 2
    assert need.holders(p for p in people if p.department == "B") == 0
    assert need.holders([]) == 0


# ---------------------------------------------------------------------------- pair key


def test_a_pair_key_is_the_two_names_in_sorted_order_either_way_round() -> None:
    assert pair_key("Sales", "Finance") == ("Finance", "Sales")
    assert pair_key("Finance", "Sales") == ("Finance", "Sales")
    assert pair_key("a", "B") == ("B", "a")  # sorted as text: capitals first
    assert pair_key("Sales", "Sales") == ("Sales", "Sales")


def test_pairs_among_departments_are_each_distinct_pair_once_in_sorted_order() -> None:
    assert list(pairs_among(["C", "A", "B", "A"])) == [("A", "B"), ("A", "C"), ("B", "C")]
    assert all(pair_key(*pair) == pair for pair in pairs_among(["z", "y", "x", "w"]))
    assert list(pairs_among(["A", "A"])) == []  # one department ties no pair
    assert list(pairs_among([])) == []


# ------------------------------------------------------------------------ team expansion


def test_a_spec_of_one_team_keeps_its_name_and_more_are_numbered_from_one() -> None:
    assert team_names("Launch", 1) == ("Launch",)
    assert team_names("Launch", 3) == ("Launch-1", "Launch-2", "Launch-3")


def test_expanding_a_spec_names_its_teams_so_and_adds_needs_to_the_named_team_only() -> None:
    python = SkillNeed(skill="python")
    sql = SkillNeed(skill="sql", min_level=2)
    spec = TeamSpec(name="Ops", count=2, min_size=2, max_size=4, skill_needs=(python,))
    teams = spec.expand({"Ops-2": (sql,), "Other": (sql,)})
    assert [t.name for t in teams] == list(team_names("Ops", 2))
    assert all(t.spec == "Ops" and (t.min_size, t.max_size) == (2, 4) for t in teams)
    assert [t.skill_needs for t in teams] == [(python,), (python, sql)]
    single = spec.model_copy(update={"count": 1}).expand()
    assert [t.name for t in single] == ["Ops"]


# ---------------------------------------------------- a validated instance with changes


def instance() -> PlanningInput:
    return company(
        [person("a1", "A"), person("a2", "A"), person("b1", "B")],
        (TeamSpec(name="T", count=2, min_size=1, max_size=2),),
    )


def test_a_validated_copy_is_what_validating_its_dump_again_gives() -> None:
    base = random_company(30, 4, 2, seed=1)
    rule = Rule(kind=RuleKind.APART, employee_id="E00000", target="E00001", targets=("E00001",))
    changed = base.validated_with(rules=(*base.rules, rule))
    dumped = base.model_copy(update={"rules": (*base.rules, rule)}).model_dump()
    assert changed == PlanningInput.model_validate(dumped)
    assert changed.rules[-1] == rule and base.rules == changed.rules[:-1]


def test_a_validated_copy_refuses_changes_that_break_a_cross_reference() -> None:
    lost = Rule(kind=RuleKind.IN_TEAM, employee_id="a1", target="T-3", targets=("T-3",))
    with pytest.raises(ValidationError, match="unknown target T-3"):
        instance().validated_with(rules=(lost,))
    # the unvalidated copy, for changes the planner derives, takes it as it is
    assert instance().with_changes(rules=(lost,)).rules == (lost,)


def test_a_validated_copy_builds_its_lookups_from_its_own_fields() -> None:
    base = instance()
    assert set(base.employee_by_id) == {"a1", "a2", "b1"}  # cached on the original
    fewer = base.validated_with(employees=base.employees[:2], departments=base.departments[:1])
    assert set(fewer.employee_by_id) == {"a1", "a2"}
    assert set(fewer.members_of) == {"A"}


def test_any_frozen_model_is_copied_with_its_own_field_checks() -> None:
    settings = Settings()
    assert validated_copy(settings, weight_bridging=4) == Settings(weight_bridging=4)
    with pytest.raises(ValidationError):
        validated_copy(settings, weight_bridging=-1)
    with pytest.raises(ValidationError, match="min_size 5 is larger than max_size 2"):
        validated_copy(TeamSpec(name="T", min_size=1, max_size=2), min_size=5)
