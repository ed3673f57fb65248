"""The planning task of a synthetic company: department policies, priorities, team specs
and skill needs, rules and settings, chosen so that a plan always exists."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NoReturn

import numpy as np

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.models import Problem, team_names
from crossteam.synthetic.catalogue import (
    FALLBACK_NEED,
    NOTES,
    PRIORITY_KINDS,
    RULES_PER_EMPLOYEES,
    TEAM_KINDS,
)
from crossteam.synthetic.organisation import Organisation, SkillRow, split

EMPLOYEES_PER_TEAM = 10
SKILL_SUPPLY_FACTOR = 3
"""Every team skill need is met at least this many times over by the available people."""


def refuse(message: str) -> NoReturn:
    """Refuse sizes no company can have, as an input error (exit code 2 on the command line)."""
    raise InputError([Problem(message=message)])


DepartmentRow = tuple[str, float, int, bool, str | None]
PriorityRow = tuple[str, str, int]
TeamRow = tuple[str, int, int, int, int, int | None]
TeamSkillRow = tuple[str, str, int, int]
RuleRow = tuple[str, str, str | None, str]


def department_policies(
    rng: np.random.Generator, org: Organisation, skills: list[SkillRow]
) -> list[DepartmentRow]:
    """Departments rows; a critical skill only where at least three people hold it."""
    holders: dict[tuple[int, str], int] = {}
    for person, skill, _ in skills:
        key = (int(org.department_of[person]), skill)
        holders[key] = holders.get(key, 0) + 1
    rows: list[DepartmentRow] = []
    for d, kind in enumerate(org.kinds):
        min_on_site = float(rng.choice([0.7, 0.75, 0.8, 0.85]))
        host_capacity = int(rng.integers(1, 4))
        critical = kind.skills[0]
        wants_critical = rng.random() < 1 / 3 and holders.get((d, critical), 0) >= 3
        rows.append(
            (
                org.department_names[d],
                min_on_site,
                host_capacity,
                kind.can_host,
                org.skill(critical) if wants_critical else None,
            )
        )
    return rows


def priorities(org: Organisation) -> list[PriorityRow]:
    """Customer-facing departments to product development and planning, where present."""
    index = org.first_of_kind()
    return [
        (org.department_names[index[a]], org.department_names[index[b]], weight)
        for a, b, weight in PRIORITY_KINDS
        if a in index and b in index
    ]


def team_specs(
    org: Organisation, skills: list[SkillRow], teams: int | None, japanese: bool
) -> tuple[list[TeamRow], list[TeamSkillRow]]:
    """Teams and TeamSkills rows: a few specs with ``count`` > 1, seats for at most the
    available people, and skill needs met ``SKILL_SUPPLY_FACTOR`` times over."""
    available = int(org.available.sum())
    largest = max(kind.max_size for kind in TEAM_KINDS)
    wanted = (
        teams
        if teams is not None
        else min(max(1, round(org.size / EMPLOYEES_PER_TEAM)), max(1, available // largest))
    )
    if wanted < 1:
        refuse(i18n.t("template.example.teams", teams=wanted))
    kinds = TEAM_KINDS[: min(len(TEAM_KINDS), max(1, wanted // 3))]
    counts = split(
        wanted,
        [1 / math.sqrt(i + 1) for i in range(len(kinds))],
        2 if wanted >= 2 * len(kinds) else 1,
    )
    seats = sum(count * kind.max_size for kind, count in zip(kinds, counts, strict=True))
    if seats > available:
        refuse(
            i18n.t(
                "template.example.seats",
                teams=i18n.counted(wanted, "team_has"),
                seats=seats,
                employees=i18n.counted(available, "employee_is"),
            )
        )

    departments = len(org.kinds)
    supply: dict[str, list[int]] = {}
    for person, skill, level in skills:
        if org.available[person]:
            supply.setdefault(skill, []).append(level)
    supply_levels = {skill: np.array(levels) for skill, levels in supply.items()}
    demand: dict[str, list[tuple[int, int]]] = {}

    spec_rows: list[TeamRow] = []
    need_rows: list[TeamSkillRow] = []
    for kind, count in zip(kinds, counts, strict=True):
        name = kind.ja if japanese else kind.en
        spec_rows.append(
            (
                name,
                count,
                kind.min_size,
                kind.max_size,
                min(kind.min_departments, departments),
                max(kind.max_per_department, math.ceil(kind.max_size / departments)),
            )
        )
        needs = _book_needs(kind.needs, count, supply_levels, demand) or _book_needs(
            (FALLBACK_NEED,), count, supply_levels, demand
        )
        need_rows.extend(
            (name, org.skill(skill), level, per_team) for skill, level, per_team in needs
        )
    return spec_rows, need_rows


def _book_needs(
    candidates: Sequence[tuple[str, int, int]],
    count: int,
    supply: dict[str, np.ndarray],
    demand: dict[str, list[tuple[int, int]]],
) -> list[tuple[str, int, int]]:
    """The candidate needs the available people can meet for ``count`` teams, each at the
    highest level up to the one asked for; books them in ``demand``."""
    booked: list[tuple[str, int, int]] = []
    for skill, level, per_team in candidates:
        if skill not in supply:
            continue
        amount = count * per_team
        for candidate in range(level, 0, -1):
            trial = [*demand.get(skill, []), (candidate, amount)]
            if _supply_suffices(supply[skill], trial):
                demand[skill] = trial
                booked.append((skill, candidate, per_team))
                break
    return booked


def _supply_suffices(levels: np.ndarray, needs: list[tuple[int, int]]) -> bool:
    """Whether people at each level outnumber, ``SKILL_SUPPLY_FACTOR`` times, the seats
    needing that level or above (Hall's condition for nested sets of qualified people)."""
    return all(
        np.count_nonzero(levels >= floor)
        >= SKILL_SUPPLY_FACTOR * sum(amount for level, amount in needs if level >= floor)
        for floor in range(1, 6)
    )


def rules(
    rng: np.random.Generator,
    org: Organisation,
    policies: list[DepartmentRow],
    spec_rows: list[TeamRow],
    skills: list[SkillRow],
    japanese: bool,
) -> list[RuleRow]:
    """A few rules of every kind, each about a different available employee, so that they
    never contradict each other and all can hold together."""
    draw = _RuleDraw(rng, org, japanese)
    draw.team_rules(spec_rows)
    draw.rotation_rules(policies, skills)
    return draw.rows


class _RuleDraw:
    """Rules drawn one person at a time from a shuffled list of the available people."""

    def __init__(self, rng: np.random.Generator, org: Organisation, japanese: bool) -> None:
        self.rng = rng
        self.org = org
        self.japanese = japanese
        self.per_kind = max(1, org.size // RULES_PER_EMPLOYEES)
        self.department: list[int] = org.department_of.tolist()
        self.count = len(org.kinds)
        self.candidates: list[int] = rng.permutation(np.flatnonzero(org.available)).tolist()
        self.taken: set[int] = set()
        self.available_in = np.bincount(org.department_of[org.available], minlength=self.count)
        self.rows: list[RuleRow] = []

    def take(self, accept: Callable[[int], bool] = lambda _: True) -> int | None:
        """The next person not yet in a rule whom ``accept`` accepts."""
        person = next((p for p in self.candidates if p not in self.taken and accept(p)), None)
        if person is not None:
            self.taken.add(person)
        return person

    def add(self, kind: str, person: int | None, target: str | None) -> None:
        if person is not None:
            note = NOTES[kind][int(self.japanese)]
            self.rows.append((kind, self.org.ids[person], target, note))

    def add_pair(self, kind: str, same_department: bool) -> None:
        """together pairs people of two departments; apart, two colleagues."""
        department = self.department
        first = self.take(lambda p: not same_department or self.available_in[department[p]] >= 2)
        if first is None:
            return
        home = department[first]
        partner = self.take(lambda p: (department[p] == home) == same_department)
        if partner is not None:
            self.add(kind, first, self.org.ids[partner])

    def team_rules(self, spec_rows: list[TeamRow]) -> None:
        """together, apart, in_team (each concrete team in turn), not_in_team (a spec)."""
        teams = [t for name, team_count, *_ in spec_rows for t in team_names(name, team_count)]
        specs = [row[0] for row in spec_rows]
        for i in range(self.per_kind):
            self.add_pair("together", same_department=False)
            self.add_pair("apart", same_department=True)
            if i < len(teams):
                self.add("in_team", self.take(), teams[i])
            self.add("not_in_team", self.take(), specs[i % len(specs)])

    def rotation_rules(self, policies: list[DepartmentRow], skills: list[SkillRow]) -> None:
        """rotate_to: only eligible people whose home can spare them and who do not hold
        the skill their home may keep as critical, into hosts with room for them; then
        not_rotate_to and no_rotation."""
        org, department, count = self.org, self.department, self.count
        # unavailable people are not on site, so only available ones can be spared
        headcount = np.bincount(org.department_of, minlength=count)
        spare = [
            int(self.available_in[d] - math.ceil(policies[d][1] * headcount[d] - 1e-9))
            for d in range(count)
        ]
        hosted = [0] * count
        critical = {p for p, skill, _ in skills if skill == org.kinds[department[p]].skills[0]}
        for _ in range(self.per_kind):
            person = self.take(
                lambda p: (
                    bool(org.rotation_eligible[p])
                    and spare[department[p]] > 0
                    and p not in critical
                )
            )
            if person is None:
                break
            home = department[person]
            hosts = [
                d
                for d in range(count)
                if d != home and policies[d][3] and hosted[d] < policies[d][2]
            ]
            if not hosts:
                break
            host = hosts[int(self.rng.integers(len(hosts)))]
            spare[home] -= 1
            hosted[host] += 1
            self.add("rotate_to", person, org.department_names[host])
        for _ in range(self.per_kind):
            person = self.take()
            if person is not None and count > 1:
                others = [d for d in range(count) if d != department[person]]
                target = others[int(self.rng.integers(len(others)))]
                self.add("not_rotate_to", person, org.department_names[target])
            self.add("no_rotation", self.take(), None)


def period_label(index: int, japanese: bool) -> str:
    year, quarter = 2027 + index // 4, index % 4 + 1
    return f"{year}年度第{quarter}四半期" if japanese else f"{year}-Q{quarter}"
