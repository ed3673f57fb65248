"""The planning instance: everything a workbook says, validated and cross-referenced.

Downstream code (network analysis, planners, checks, writers) reads these objects only;
it never re-parses a cell or re-resolves an id. Ids are text; defaults are applied; each
team spec's ``count`` is already expanded into concrete teams.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from functools import cached_property
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from crossteam.models.limits import MAX_COUNT, MAX_TIE_WEIGHT, MAX_WEIGHT
from crossteam.models.problems import Problem
from crossteam.models.settings import Settings
from crossteam.models.validated import validated_copy
from crossteam.models.wishes import (
    HistoryEntry,
    Preference,
    ProgrammeKind,
    counted_history,
)

EmployeeId = str
DepartmentName = str
TeamName = str
SkillName = str
PeriodLabel = str
AttributeValue = str | float

MIN_LEVEL = 1
MAX_LEVEL = 5

QUOTABLE_ATTRIBUTES = frozenset({"department", "role", "location"})
"""Employees columns whose values a message may quote. The name and every extra column
(a salary, a previous team, a grade) may be personal: messages name their column and
cells, never their values (docs/limits.md)."""


def meets_level(levels: Mapping[SkillName, int], skill: SkillName, min_level: int) -> bool:
    """Whether someone with skill ``levels`` (skill -> level) holds ``skill`` at
    ``min_level`` or above: the one test of "this person meets this skill need". A skill
    not held counts as level 0, so it meets no level from ``MIN_LEVEL`` up."""
    return levels.get(skill, 0) >= min_level


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class Employee(_Frozen):
    employee_id: EmployeeId = Field(min_length=1)
    name: str = ""
    department: DepartmentName = Field(min_length=1)
    role: str = ""
    location: str = ""
    available: bool = True
    rotation_eligible: bool = True
    emails: tuple[str, ...] = ()
    """The Employees ``email`` cell's addresses, case-folded (tie sources match on them)."""
    person_id: str = ""
    """The Employees ``person_id`` cell: an analytics tool's (hashed) id for the person."""
    skills: dict[SkillName, int] = Field(
        default_factory=dict,
        description="Skill -> level 1-5 (absent = not held)",  # not shown: JSON schema
    )
    attributes: dict[str, AttributeValue] = Field(
        default_factory=dict,
        description=(
            "Every Employees column by its normalised header (role, location and extra "
            "columns), for Balance rules; blank cells are absent"  # not shown: JSON schema
        ),
    )
    row: int | None = Field(
        default=None,
        description="Excel row on the Employees sheet",  # not shown: JSON schema
    )

    def attribute_text(self, attribute: str) -> str | None:
        """The value of an Employees column as text (``3.0`` -> ``"3"``), ``None`` when blank.

        ``attribute`` is a normalised header: a field (department, role...) or an extra
        column. Balance rules and their checks read attributes through this one door.
        """
        value = getattr(self, attribute, None) if attribute in _TEXT_FIELDS else None
        if value in (None, ""):
            value = self.attributes.get(attribute)
        if value is None or value == "":
            return None
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def meets(self, skill: SkillName, min_level: int) -> bool:
        """Whether this employee holds ``skill`` at ``min_level`` or above (``meets_level``)."""
        return meets_level(self.skills, skill, min_level)


_TEXT_FIELDS = frozenset({"employee_id", "name", "department", "role", "location"})


class Interaction(_Frozen):
    """An undirected tie; ``employee_a < employee_b`` (checked by ``PlanningInput``, in the
    loop over ties it makes anyway: a validator of its own, called once per tie, took 40 %
    of building a million of them); repeated rows are summed."""

    employee_a: EmployeeId
    employee_b: EmployeeId
    weight: float = Field(default=1.0, gt=0, le=MAX_TIE_WEIGHT)


class Department(_Frozen):
    """A department with its rotation policy resolved (Settings defaults applied)."""

    name: DepartmentName
    headcount: int = Field(
        ge=0,
        description="Employees in it, available or not",  # not shown: JSON schema
    )
    min_on_site: float = Field(ge=0, le=1)
    host_capacity: int = Field(ge=0, le=MAX_COUNT)
    can_host: bool = True
    critical_skills: tuple[SkillName, ...] = ()


class Priority(_Frozen):
    """A department pair whose link matters most; ``department_a < department_b``."""

    department_a: DepartmentName
    department_b: DepartmentName
    weight: float = Field(default=1.0, gt=0, le=MAX_WEIGHT)


class SkillNeed(_Frozen):
    skill: SkillName
    min_level: int = Field(default=1, ge=MIN_LEVEL, le=MAX_LEVEL)
    min_count: int = Field(default=1, ge=1, le=MAX_COUNT)

    def met_by(self, employee: Employee) -> bool:
        """Whether ``employee`` counts towards this need: holds its skill at its
        ``min_level`` or above (``Employee.meets``)."""
        return employee.meets(self.skill, self.min_level)

    def holders(self, people: Iterable[Employee]) -> int:
        """How many of ``people`` count towards this need; it is met when this reaches
        ``min_count``."""
        return sum(self.met_by(p) for p in people)


def team_names(spec: TeamName, count: int) -> tuple[TeamName, ...]:
    """The names of the concrete teams of the spec ``spec`` with ``count`` teams: its own
    name when ``count`` is 1, else ``spec-1`` ... ``spec-count``."""
    if count == 1:
        return (spec,)
    return tuple(f"{spec}-{i}" for i in range(1, count + 1))


class TeamSpec(_Frozen):
    """A row of the Teams sheet, before ``count`` is expanded."""

    name: TeamName
    count: int = Field(default=1, ge=1, le=MAX_COUNT)
    min_size: int = Field(ge=1, le=MAX_COUNT)
    max_size: int = Field(ge=1, le=MAX_COUNT)
    min_departments: int = Field(default=1, ge=1, le=MAX_COUNT)
    max_per_department: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    skill_needs: tuple[SkillNeed, ...] = ()

    @model_validator(mode="after")
    def _sizes(self) -> Self:
        if self.min_size > self.max_size:
            raise ValueError(
                f"min_size {self.min_size} is larger "
                f"than max_size {self.max_size}"  # not shown: reader invariant
            )
        return self

    def expand(self, own_needs: Mapping[TeamName, Sequence[SkillNeed]] = {}) -> tuple[Team, ...]:
        """The concrete teams of this spec, named by ``team_names``; ``own_needs`` adds
        TeamSkills rows that name one concrete team to the spec's needs."""
        return tuple(
            Team(
                name=name,
                spec=self.name,
                min_size=self.min_size,
                max_size=self.max_size,
                min_departments=self.min_departments,
                max_per_department=self.max_per_department,
                skill_needs=(*self.skill_needs, *own_needs.get(name, ())),
            )
            for name in team_names(self.name, self.count)
        )


class Team(_Frozen):
    """One concrete team to form: a spec with ``count`` = 3 gives three of these."""

    name: TeamName
    spec: TeamName
    min_size: int
    max_size: int
    min_departments: int
    max_per_department: int | None
    skill_needs: tuple[SkillNeed, ...]


class BalanceMode(StrEnum):
    DIVERSIFY = "diversify"
    CLUSTER = "cluster"
    BALANCE = "balance"
    NO_LONE = "no_lone"
    DIFFERENT = "different"


class BalanceRule(_Frozen):
    attribute: str = Field(
        description="Normalised Employees header, e.g. 'department'",  # not shown: JSON schema
    )
    mode: BalanceMode
    hard: bool = False
    weight: float = Field(
        default=1.0,
        ge=0,
        le=MAX_WEIGHT,
        description="Penalty weight when soft",  # not shown: JSON schema
    )
    value: str | None = None
    row: int | None = None


class RuleKind(StrEnum):
    TOGETHER = "together"
    APART = "apart"
    IN_TEAM = "in_team"
    NOT_IN_TEAM = "not_in_team"
    ROTATE_TO = "rotate_to"
    NOT_ROTATE_TO = "not_rotate_to"
    NO_ROTATION = "no_rotation"


RULE_TARGET: dict[RuleKind, str | None] = {
    RuleKind.TOGETHER: "employee",
    RuleKind.APART: "employee",
    RuleKind.IN_TEAM: "team",
    RuleKind.NOT_IN_TEAM: "team",
    RuleKind.ROTATE_TO: "department",
    RuleKind.NOT_ROTATE_TO: "department",
    RuleKind.NO_ROTATION: None,
}
"""What each rule's ``target`` names."""


class Rule(_Frozen):
    """A Rules row. For in_team / not_in_team the target is a concrete team name; a spec
    name with ``count`` > 1 is expanded by the reader into ``in_team`` meaning any of its
    teams (see ``targets``)."""

    kind: RuleKind
    employee_id: EmployeeId
    target: str | None = None
    targets: tuple[str, ...] = Field(
        default=(),
        description=(
            "Resolved targets: team names for team rules (several when a spec "
            "with count > 1 is named), one employee id or department otherwise"  # not shown: schema
        ),
    )
    note: str = ""
    row: int | None = None


class Period(_Frozen):
    label: PeriodLabel
    index: int = Field(ge=0)


class SourceFile(_Frozen):
    path: str
    sha256: str
    size_bytes: int


class PlanningInput(_Frozen):
    """A complete, validated planning instance."""

    employees: tuple[Employee, ...]
    departments: tuple[Department, ...]
    interactions: tuple[Interaction, ...] = ()
    has_interactions_sheet: bool = False
    priorities: tuple[Priority, ...] = ()
    team_specs: tuple[TeamSpec, ...] = ()
    teams: tuple[Team, ...] = ()
    balance_rules: tuple[BalanceRule, ...] = ()
    periods: tuple[Period, ...] = ()
    rules: tuple[Rule, ...] = ()
    preferences: tuple[Preference, ...] = ()
    history: tuple[HistoryEntry, ...] = Field(
        default=(),
        description=(
            "History rows of known employees (others are warned of)"  # not shown: JSON schema
        ),
    )
    history_periods: tuple[PeriodLabel, ...] = Field(
        default=(),
        description=(
            "Every History period, earliest first (by date when all are dates, "
            "else in order of first appearance)"  # not shown: JSON schema
        ),
    )
    settings: Settings = Field(default_factory=Settings)
    skills: tuple[SkillName, ...] = Field(
        default=(),
        description="Every skill named, sorted",  # not shown: JSON schema
    )
    warnings: tuple[Problem, ...] = ()
    source: SourceFile | None = None

    @model_validator(mode="after")
    def _cross_references(self) -> Self:
        ids = {e.employee_id for e in self.employees}
        if len(ids) != len(self.employees):
            raise ValueError(
                "employee ids are not unique"  # not shown: reader invariant
            )
        departments = {d.name for d in self.departments}
        for e in self.employees:
            if e.department not in departments:
                raise ValueError(
                    f"employee {e.employee_id}: "
                    f"unknown department {e.department}"  # not shown: reader invariant
                )
        for i in self.interactions:
            if i.employee_a not in ids or i.employee_b not in ids:
                raise ValueError(
                    f"interaction {i.employee_a}-{i.employee_b}: "
                    "unknown employee"  # not shown: reader invariant
                )
            if not i.employee_a < i.employee_b:
                raise ValueError(
                    f"interaction {i.employee_a}-{i.employee_b}: "
                    "employee_a must sort before employee_b"  # not shown: reader invariant
                )
        for p in self.priorities:
            if p.department_a not in departments or p.department_b not in departments:
                raise ValueError(
                    f"priority {p.department_a}-{p.department_b}: "
                    "unknown department"  # not shown: reader invariant
                )
        team_names = {t.name for t in self.teams}
        if len(team_names) != len(self.teams):
            raise ValueError(
                "team names are not unique"  # not shown: reader invariant
            )
        for r in self.rules:
            if r.employee_id not in ids:
                raise ValueError(
                    f"rule {r.kind}: unknown "
                    f"employee {r.employee_id}"  # not shown: reader invariant
                )
            kind = RULE_TARGET[r.kind]
            known = {"employee": ids, "team": team_names, "department": departments}
            if kind is not None and not set(r.targets) <= known[kind]:
                raise ValueError(
                    f"rule {r.kind} for {r.employee_id}: "
                    f"unknown target {r.target}"  # not shown: reader invariant
                )
        for wish in self.preferences:
            targets = departments if wish.kind is ProgrammeKind.ROTATION else team_names
            if wish.employee_id not in ids or not wish.targets or not set(wish.targets) <= targets:
                raise ValueError(
                    f"preference of {wish.employee_id}: "
                    "unknown employee or target"  # not shown: reader invariant
                )
        periods = set(self.history_periods)
        for h in self.history:
            if h.employee_id not in ids or h.period not in periods:
                raise ValueError(
                    f"history of {h.employee_id}: "
                    "unknown employee or period"  # not shown: reader invariant
                )
        return self

    def with_changes(self, **changes: object) -> PlanningInput:
        """A copy with ``changes``, not validated again: for changes the planner derives
        from a valid instance (a sub-company, tighter sizes). Unlike ``model_copy``, it
        forgets the cached lookups below, which ``model_copy`` would carry over from this
        instance even when the employees or teams they are built from change. Changes
        that come from outside (added rules, a scenario) go through ``validated_with``."""
        copy = self.model_copy(update=changes)
        for name in _CACHED_LOOKUPS:
            copy.__dict__.pop(name, None)
        return copy

    def validated_with(self, **changes: object) -> PlanningInput:
        """A copy with ``changes``, validated again (``validated_copy``): its
        cross-references are checked and its lookups built afresh.

        Raises:
            pydantic.ValidationError: the changes make an invalid instance.
        """
        return validated_copy(self, **changes)

    @cached_property
    def employee_by_id(self) -> dict[EmployeeId, Employee]:
        return {e.employee_id: e for e in self.employees}

    @cached_property
    def department_by_name(self) -> dict[DepartmentName, Department]:
        return {d.name: d for d in self.departments}

    @cached_property
    def team_by_name(self) -> dict[TeamName, Team]:
        return {t.name: t for t in self.teams}

    @cached_property
    def available_employees(self) -> tuple[Employee, ...]:
        return tuple(e for e in self.employees if e.available)

    @cached_property
    def members_of(self) -> dict[DepartmentName, tuple[EmployeeId, ...]]:
        """Employee ids of each department (all, available or not), in input order."""
        out: dict[DepartmentName, list[EmployeeId]] = {d.name: [] for d in self.departments}
        for e in self.employees:
            out[e.department].append(e.employee_id)
        return {d: tuple(v) for d, v in out.items()}

    @cached_property
    def counted_history(self) -> tuple[HistoryEntry, ...]:
        """The History entries that count under ``history_periods`` (``counted_history``)."""
        return counted_history(self.history, self.history_periods, self.settings.history_periods)

    def rules_of(self, *kinds: RuleKind) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.kind in kinds)


_CACHED_LOOKUPS = tuple(
    name for name, value in vars(PlanningInput).items() if isinstance(value, cached_property)
)
