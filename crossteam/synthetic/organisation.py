"""Who is who in a synthetic company: departments and their sizes, people, roles, offices,
availability and skills, drawn from a seeded generator."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from crossteam.models import CompanyShape
from crossteam.synthetic.catalogue import (
    CORE_LEVEL_P,
    CORE_SKILL_P,
    CROSS_LEVEL_P,
    CROSS_SKILL_P,
    CROSS_SKILLS,
    DEPARTMENT_KINDS,
    FAMILY_EN,
    FAMILY_JA,
    GIVEN_EN,
    GIVEN_JA,
    HEAD_ROLE,
    OFFICE_P,
    OFFICES,
    SHARE_AT_MAIN_OFFICE,
    SKILLS_JA,
    DepartmentKind,
)

EmployeeRow = tuple[str, str, str, str, str, bool, bool]
"""(id, name, department, role, location, available, rotation eligible)."""

MIN_DEPARTMENT_SIZE = 3
"""Smallest department of the classic shape (the realistic shape has departments of 1)."""
MIN_EMPLOYEES = 20
SHARE_UNAVAILABLE = 0.05
SHARE_NOT_ROTATION_ELIGIBLE = 0.15

# The realistic shape. The log of department sizes is a two-piece normal, wider below the
# median than above it (standard deviations SMALL_SPREAD and LARGE_SPREAD), taken at evenly
# spaced quantiles so that every company of that many departments has the same heavy
# tail: at 1,000 people in 40 departments, several of 1-4 people, a median of about 15, a
# few of 100 or more, as in the e-mail network of a European research institution
# (docs/synthetic.md).
SMALL_SPREAD = 1.2
LARGE_SPREAD = 0.9
SIZE_JITTER = 0.15


def split(total: int, weights: Sequence[float], minimum: int) -> list[int]:
    """``total`` split in proportion to ``weights``, each part at least ``minimum``."""
    spare = total - minimum * len(weights)
    shares = np.asarray(weights, dtype=float) / float(np.sum(weights)) * spare
    parts = np.floor(shares).astype(int)
    leftover = spare - int(parts.sum())
    parts[np.argsort(parts - shares, kind="stable")[:leftover]] += 1
    return [int(p) + minimum for p in parts]


def proportional(total: int, weights: np.ndarray) -> list[int]:
    """``total`` split in proportion to ``weights``, each part at least 1 (rounded down,
    the rest given to the parts that lost most by rounding)."""
    shares = weights / weights.sum() * total
    parts = np.maximum(1, np.floor(shares)).astype(int)
    for _ in range(abs(total - int(parts.sum()))):
        if parts.sum() < total:
            parts[np.argmax(shares - parts)] += 1
        else:
            parts[np.argmin(np.where(parts > 1, shares - parts, np.inf))] -= 1
    return [int(n) for n in parts]


@dataclass(frozen=True)
class Organisation:
    """Who is who: employees by index, departments by index, in one language."""

    japanese: bool
    kinds: list[DepartmentKind]
    department_names: list[str]
    positions: np.ndarray
    members: list[np.ndarray]
    """Employee indices of each department, ascending."""
    ids: list[str]
    names: list[str]
    department_of: np.ndarray
    roles: list[str]
    offices: np.ndarray
    available: np.ndarray
    rotation_eligible: np.ndarray
    heads: np.ndarray
    """Employee index of each department's head."""

    @classmethod
    def build(
        cls,
        rng: np.random.Generator,
        employees: int,
        departments: int,
        japanese: bool,
        shape: CompanyShape = CompanyShape.CLASSIC,
    ) -> Organisation:
        catalogue = len(DEPARTMENT_KINDS)
        kinds = [DEPARTMENT_KINDS[d % catalogue] for d in range(departments)]
        copies = np.array([d // catalogue + 1 for d in range(departments)])
        names = [
            _department_name(kind, int(copy), japanese)
            for kind, copy in zip(kinds, copies, strict=True)
        ]
        # A numbered copy sits near its namesake on the map: "Sales 2" talks to "Sales".
        jitter = rng.normal(0.0, 0.07, (departments, 2)) * (copies > 1)[:, None]
        positions = np.clip(np.array([k.position for k in kinds]) + jitter, 0.0, 1.0)
        weights = np.array([k.weight for k in kinds]) * np.where(copies > 1, 0.8, 1.0)
        if shape is CompanyShape.CLASSIC:
            weights *= rng.lognormal(0.0, 0.35, departments)
            sizes = split(employees, weights.tolist(), MIN_DEPARTMENT_SIZE)
        else:
            sizes = proportional(employees, _heavy_tailed(rng, weights))
        department_of = rng.permutation(np.repeat(np.arange(departments), sizes))
        order = np.argsort(department_of, kind="stable")
        members = np.split(order, np.cumsum(sizes)[:-1])

        width = max(3, len(str(employees)))
        ids = [f"E{i + 1:0{width}d}" for i in range(employees)]
        if japanese:
            family = rng.integers(len(FAMILY_JA), size=employees)
            given = rng.integers(len(GIVEN_JA), size=employees)
            people = [f"{FAMILY_JA[f]} {GIVEN_JA[g]}" for f, g in zip(family, given, strict=True)]
        else:
            given = rng.integers(len(GIVEN_EN), size=employees)
            family = rng.integers(len(FAMILY_EN), size=employees)
            people = [f"{GIVEN_EN[g]} {FAMILY_EN[f]}" for g, f in zip(given, family, strict=True)]

        second_role = rng.random(employees) >= 0.6
        roles = [
            kinds[d].roles[int(second)][int(japanese)]
            for d, second in zip(department_of.tolist(), second_role, strict=True)
        ]
        heads = np.array([m[rng.integers(len(m))] for m in members])
        for d, head in enumerate(heads):
            roles[head] = HEAD_ROLE[int(japanese)].format(names[d])

        main_office = rng.choice(len(OFFICES), size=departments, p=OFFICE_P)
        elsewhere = rng.choice(len(OFFICES), size=employees, p=OFFICE_P)
        at_main = rng.random(employees) < SHARE_AT_MAIN_OFFICE
        offices = np.where(at_main, main_office[department_of], elsewhere)

        available = rng.random(employees) >= SHARE_UNAVAILABLE
        rotation_eligible = rng.random(employees) >= SHARE_NOT_ROTATION_ELIGIBLE
        # Heads run their department: always there, never away on rotation. This also
        # leaves every department with someone available.
        available[heads] = True
        rotation_eligible[heads] = False
        return cls(
            japanese, kinds, names, positions, members, ids, people, department_of, roles,
            offices, available, rotation_eligible, heads,
        )  # fmt: skip

    @property
    def size(self) -> int:
        return len(self.ids)

    def skill(self, name: str) -> str:
        return SKILLS_JA[name] if self.japanese else name

    def office(self, index: int) -> str:
        return OFFICES[index][int(self.japanese)]

    def second_office(self) -> str:
        """The second largest office (the largest when there is one): its people are the
        ones who risk being alone in a team."""
        counts = np.bincount(self.offices, minlength=len(OFFICES))
        ranked = np.argsort(-counts, kind="stable")
        return self.office(int(ranked[1] if counts[ranked[1]] > 0 else ranked[0]))

    def first_of_kind(self) -> dict[str, int]:
        """Department index of each kind's unnumbered department, by English kind name."""
        return {kind.en: d for d, kind in enumerate(self.kinds[: len(DEPARTMENT_KINDS)])}

    def employee_rows(self) -> list[EmployeeRow]:
        return [
            (
                self.ids[i],
                self.names[i],
                self.department_names[d],
                self.roles[i],
                self.office(o),
                bool(a),
                bool(r),
            )
            for i, (d, o, a, r) in enumerate(
                zip(
                    self.department_of.tolist(),
                    self.offices.tolist(),
                    self.available.tolist(),
                    self.rotation_eligible.tolist(),
                    strict=True,
                )
            )
        ]


def _heavy_tailed(rng: np.random.Generator, kind_weights: np.ndarray) -> np.ndarray:
    """Relative department sizes of the realistic shape: the two-piece log-normal's
    quantiles at evenly spaced points, the larger ones given to the kinds that are typically larger
    (with some chance), each jittered a little."""
    count = len(kind_weights)
    z = np.array([NormalDist().inv_cdf((k + 0.5) / count) for k in range(count)])
    quantiles = np.exp(np.where(z < 0, SMALL_SPREAD, LARGE_SPREAD) * z)
    # rank the departments by their kind's weight, shaken so that a small kind is
    # sometimes large: "Legal" is not always the smallest department
    keys = np.log(kind_weights) + rng.normal(0.0, 0.8, count)
    sizes = np.empty(count)
    sizes[np.argsort(keys, kind="stable")] = quantiles
    return sizes * rng.lognormal(0.0, SIZE_JITTER, count)


def _department_name(kind: DepartmentKind, copy: int, japanese: bool) -> str:
    if copy == 1:
        return kind.ja if japanese else kind.en
    return f"第{copy}{kind.ja}" if japanese else f"{kind.en} {copy}"


SkillRow = tuple[int, str, int]
"""(employee index, English skill name, level)."""


def draw_skills(rng: np.random.Generator, org: Organisation) -> list[SkillRow]:
    """Core skills of the department at good levels, a few cross skills at modest ones."""
    levels = np.arange(1, 6)
    rows: list[SkillRow] = []
    for kind, people in zip(org.kinds, org.members, strict=True):
        size = len(people)
        cross = tuple(s for s in CROSS_SKILLS if s not in kind.skills)
        core_held = rng.random((size, len(kind.skills))) < CORE_SKILL_P
        core_held[np.arange(size), rng.integers(len(kind.skills), size=size)] = True
        core_levels = rng.choice(levels, size=core_held.shape, p=CORE_LEVEL_P)
        cross_held = rng.random((size, len(cross))) < CROSS_SKILL_P
        cross_levels = rng.choice(levels, size=cross_held.shape, p=CROSS_LEVEL_P)
        for skills, held, level in (
            (kind.skills, core_held, core_levels),
            (cross, cross_held, cross_levels),
        ):
            for i, j in zip(*np.nonzero(held), strict=True):
                rows.append((int(people[i]), skills[j], int(level[i, j])))
    rows.sort()
    return rows
