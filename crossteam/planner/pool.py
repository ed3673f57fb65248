"""The pool of people a team can draw from, grouped into interchangeable classes.

Two available employees are interchangeable for the team model when they share the
department, every skill level a team need or the skill-depth term can tell apart, and
every attribute a Balance rule reads, and no Rules row names either of them. The model
then decides how many of a class join each team (one integer) instead of one boolean per
person and team; at 1,000 employees this shrinks the model several-fold.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from crossteam.models import (
    MAX_LEVEL,
    RULE_TARGET,
    DepartmentName,
    Employee,
    EmployeeId,
    PlanningInput,
    SkillName,
)

_ClassKey = tuple[
    DepartmentName, tuple[tuple[SkillName, int], ...], tuple[tuple[str, str | None], ...], str
]
"""Department, cut skill levels, Balance attribute values, and the id of a person kept alone."""


@dataclass(frozen=True)
class PeopleClass:
    """Available employees the team model cannot tell apart."""

    index: int
    department: DepartmentName
    members: tuple[EmployeeId, ...]
    levels: dict[SkillName, int]
    """Level in each skill a team needs, cut down to the levels that matter (0 = none)."""
    texts: dict[str, str | None]
    """Value of each attribute a Balance rule reads."""

    @property
    def size(self) -> int:
        return len(self.members)

    def meets(self, skill: SkillName, level: int) -> bool:
        return self.levels.get(skill, 0) >= level


def named_in_rules(instance: PlanningInput) -> set[EmployeeId]:
    """Employees a team rule names, as subject or as the other employee."""
    named: set[EmployeeId] = set()
    for rule in instance.rules:
        if RULE_TARGET[rule.kind] in ("team", "employee"):
            named.add(rule.employee_id)
        if RULE_TARGET[rule.kind] == "employee":
            named.update(rule.targets)
    return named


def skill_floors(instance: PlanningInput) -> dict[SkillName, int]:
    """Lowest level of each needed skill that any team can tell from having none."""
    floors: dict[SkillName, int] = {}
    for team in instance.teams:
        for need in team.skill_needs:
            floors[need.skill] = min(floors.get(need.skill, MAX_LEVEL), need.min_level)
    return floors


def people_classes(instance: PlanningInput, *, aggregate: bool = True) -> tuple[PeopleClass, ...]:
    """The available employees in classes; ``aggregate=False`` gives one class per person."""
    floors = skill_floors(instance)
    attributes = sorted({rule.attribute for rule in instance.balance_rules})
    named = named_in_rules(instance)
    groups: dict[_ClassKey, list[Employee]] = defaultdict(list)
    for e in instance.available_employees:
        levels = tuple(
            (s, level if (level := e.skills.get(s, 0)) >= floor else 0)
            for s, floor in sorted(floors.items())
        )
        texts = tuple((a, e.attribute_text(a)) for a in attributes)
        alone = not aggregate or e.employee_id in named
        key = (e.department, levels, texts, e.employee_id if alone else "")
        groups[key].append(e)
    return tuple(
        PeopleClass(
            index=i,
            department=department,
            members=tuple(e.employee_id for e in members),
            levels={s: level for s, level in levels if level},
            texts=dict(texts),
        )
        for i, ((department, levels, texts, _), members) in enumerate(groups.items())
    )
