"""The pool of people a team can draw from, grouped so that the model counts, not lists.

A *cohort* is the available people of one department who share every attribute a
Balance rule reads; a *class* splits a cohort further by the skill levels a team need (or
the skill-depth term) can tell apart. A team draws its skilled members by class and all
others, its "fillers", by cohort: whoever the filler is does not matter to that team. So
the model has an integer per (team, cohort) plus one per (team, class skilled for that
team), which is exact: a plan in these counts can always be dealt out to real people
(each class and each cohort has enough of them) and every real plan has such counts.

People named in the Rules are cohorts of their own, seated only through their class, as
are people who could take both a team and a rotation when ``max_programmes_per_employee``
links the two (``programmes``). With History or team wishes, a cohort also shares its
earlier teams and its team wishes (``earlier_teams``), so the model counts those by cohort
too; without them the cohorts are what they were.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from crossteam.models import (
    MAX_LEVEL,
    RULE_TARGET,
    BalanceMode,
    DepartmentName,
    Employee,
    EmployeeId,
    PlanningInput,
    SkillName,
    Team,
    TeamName,
    meets_level,
)
from crossteam.planner.earlier_teams import earlier_of, earlier_teams, team_wish_points


@dataclass(frozen=True)
class PeopleClass:
    """Available people of one cohort with the same cut-down skill levels."""

    index: int
    cohort: int
    department: DepartmentName
    members: tuple[EmployeeId, ...]
    levels: dict[SkillName, int]
    """Level in each skill a team needs, cut below the lowest level asked (absent = 0)."""
    texts: dict[str, str | None]
    """Value of each attribute a Balance rule reads."""

    @property
    def size(self) -> int:
        return len(self.members)

    def meets(self, skill: SkillName, level: int) -> bool:
        """Whether this class's people hold ``skill`` at ``level`` or above."""
        return meets_level(self.levels, skill, level)

    def skilled_for(self, team: Team) -> bool:
        """Whether this class can count towards one of ``team``'s skill needs."""
        return any(self.meets(n.skill, n.min_level) for n in team.skill_needs)


@dataclass(frozen=True)
class Cohort:
    """Available people of one department with the same Balance attribute values."""

    index: int
    department: DepartmentName
    texts: dict[str, str | None]
    classes: tuple[PeopleClass, ...]
    alone: bool
    """One person named in the Rules (or every person, in the baseline): no fillers."""
    earlier: tuple[int, ...] = ()
    """Its people's earlier teams (indices into ``earlier_teams``)."""
    wishes: tuple[tuple[TeamName, int], ...] = ()
    """Its people's team wishes: (team, points a seat there earns)."""

    @property
    def size(self) -> int:
        return sum(c.size for c in self.classes)


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


_Levels = tuple[tuple[SkillName, int], ...]
_Texts = tuple[tuple[str, str | None], ...]


_Key = tuple[DepartmentName, _Texts, tuple[int, ...], tuple[tuple[TeamName, int], ...], str]
"""Department, Balance texts, earlier teams, team wishes, and the employee when alone."""


def cohorts(
    instance: PlanningInput,
    *,
    aggregate: bool = True,
    personal: Collection[EmployeeId] = frozenset(),
) -> tuple[Cohort, ...]:
    """The available employees in cohorts and classes; ``aggregate=False`` gives one
    cohort per person (the baseline formulation). People in ``personal`` are cohorts of
    their own, as those the Rules name."""
    floors = skill_floors(instance)
    attributes = sorted({rule.attribute for rule in instance.balance_rules})
    telling = _telling_values(instance)
    named = named_in_rules(instance) | set(personal)
    earlier = earlier_of(earlier_teams(instance))
    wishes = team_wish_points(instance)
    grouped: dict[_Key, dict[_Levels, list[Employee]]] = defaultdict(lambda: defaultdict(list))
    for e in instance.available_employees:
        who = e.employee_id
        levels = tuple(
            (s, e.skills.get(s, 0) if e.meets(s, floor) else 0)
            for s, floor in sorted(floors.items())
        )
        texts = tuple((a, _told(e.attribute_text(a), telling.get(a))) for a in attributes)
        alone = who if not aggregate or who in named else ""
        wished = tuple(sorted(wishes.get(who, {}).items()))
        grouped[e.department, texts, earlier.get(who, ()), wished, alone][levels].append(e)
    out: list[Cohort] = []
    index = 0
    for g, (key, by_levels) in enumerate(grouped.items()):
        department, texts, past, wished, alone = key
        classes = []
        for levels, people in by_levels.items():
            classes.append(
                PeopleClass(
                    index=index,
                    cohort=g,
                    department=department,
                    members=tuple(e.employee_id for e in people),
                    levels={s: level for s, level in levels if level},
                    texts=dict(texts),
                )
            )
            index += 1
        out.append(Cohort(g, department, dict(texts), tuple(classes), bool(alone), past, wished))
    return tuple(out)


def _telling_values(instance: PlanningInput) -> dict[str, set[str]]:
    """Attributes whose every rule is no_lone with a value: only those values tell people
    apart (as casefolded text); the others may share a cohort."""
    telling: dict[str, set[str]] = {}
    for attribute in {rule.attribute for rule in instance.balance_rules}:
        rules = [r for r in instance.balance_rules if r.attribute == attribute]
        if all(r.mode is BalanceMode.NO_LONE and r.value for r in rules):
            telling[attribute] = {r.value.strip().casefold() for r in rules if r.value}
    return telling


def _told(text: str | None, telling: set[str] | None) -> str | None:
    """``text``, or ``None`` when no rule on its attribute can tell it from a blank."""
    if telling is None or text is None or text.casefold() in telling:
        return text
    return None
