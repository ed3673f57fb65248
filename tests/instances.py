"""Small planning instances built directly in code, for the planner and checker tests.

``random_company`` is a seeded company generator: departments of uneven size whose people
talk mostly inside their department and to a few neighbouring departments, so that many
department pairs have no tie at all (the gaps the planner should bridge). ``network_report``
derives gap weights the way the audit does for zero-tie pairs, without importing it.
"""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations
from typing import Any

from crossteam.models import (
    BalanceRule,
    Department,
    DepartmentPair,
    Employee,
    GapKind,
    Interaction,
    NetworkReport,
    Period,
    PlanningInput,
    Rule,
    Settings,
    SkillNeed,
    TeamSpec,
)

SKILLS = ("python", "sql", "design", "sales", "finance", "support", "legal", "ml")
ROLES = ("analyst", "engineer", "manager", "specialist")
LOCATIONS = ("tokyo", "osaka", "remote")


def company(
    employees: list[Employee],
    specs: tuple[TeamSpec, ...] = (),
    *,
    interactions: tuple[Interaction, ...] = (),
    balance_rules: tuple[BalanceRule, ...] = (),
    rules: tuple[Rule, ...] = (),
    settings: Settings | None = None,
) -> PlanningInput:
    """A validated instance around ``employees``; departments are taken from them."""
    headcount = Counter(e.department for e in employees)
    departments = tuple(
        Department(name=d, headcount=n, min_on_site=0.8, host_capacity=2)
        for d, n in sorted(headcount.items())
    )
    return PlanningInput(
        employees=tuple(employees),
        departments=departments,
        interactions=interactions,
        has_interactions_sheet=bool(interactions),
        team_specs=specs,
        teams=tuple(team for spec in specs for team in spec.expand()),
        balance_rules=balance_rules,
        rules=rules,
        settings=settings or Settings(),
        skills=tuple(sorted({s for e in employees for s in e.skills})),
    )


def person(
    employee_id: str, department: str, skills: dict[str, int] | None = None, **attributes: str
) -> Employee:
    """An available employee; keyword arguments become Employees columns."""
    return Employee(
        employee_id=employee_id,
        department=department,
        skills=skills or {},
        attributes=dict(attributes),
    )


def random_company(
    employees: int,
    departments: int,
    teams: int,
    *,
    seed: int = 0,
    team_size: tuple[int, int] | None = None,
    skill_needs: int = 1,
    settings: Settings | None = None,
) -> PlanningInput:
    """A seeded company with ``teams`` teams (in specs of up to 5) that need skills."""
    rng = random.Random(seed)
    names = [f"D{d:02d}" for d in range(departments)]
    sizes = [rng.uniform(0.5, 2.0) for _ in names]
    people: list[Employee] = []
    for i in range(employees):
        department = rng.choices(names, weights=sizes)[0] if i >= departments else names[i]
        held = rng.sample(SKILLS, rng.randint(0, 3))
        people.append(
            Employee(
                employee_id=f"E{i:05d}",
                department=department,
                available=rng.random() > 0.05,
                skills={s: rng.randint(1, 5) for s in held},
                attributes={"role": rng.choice(ROLES), "location": rng.choice(LOCATIONS)},
            )
        )
    available = sum(e.available for e in people)
    low, high = team_size or (max(2, available // teams - 2), max(3, available // teams))
    specs: list[TeamSpec] = []
    left = teams
    while left:
        count = min(left, rng.randint(1, 5))
        needs = tuple(
            SkillNeed(skill=s, min_level=rng.randint(1, 3), min_count=1)
            for s in rng.sample(SKILLS, skill_needs)
        )
        specs.append(
            TeamSpec(
                name=f"T{len(specs):03d}",
                count=count,
                min_size=low,
                max_size=high,
                min_departments=min(2, departments),
                skill_needs=needs,
            )
        )
        left -= count
    return company(
        people,
        tuple(specs),
        interactions=_interactions(people, names, rng),
        settings=settings,
    )


def _interactions(
    people: list[Employee], names: list[str], rng: random.Random
) -> tuple[Interaction, ...]:
    """Ties inside departments and to the two next departments in a ring: the rest is silent."""
    by_department: dict[str, list[str]] = {d: [] for d in names}
    for e in people:
        by_department[e.department].append(e.employee_id)
    ties: set[tuple[str, str]] = set()
    for k, d in enumerate(names):
        own = by_department[d]
        neighbours = [names[(k + step) % len(names)] for step in (1, 2) if len(names) > step]
        for a in own:
            partners = rng.sample(own, min(3, len(own)))
            for n in neighbours:
                if by_department[n] and rng.random() < 0.3:
                    partners.append(rng.choice(by_department[n]))
            ties.update((min(a, b), max(a, b)) for b in partners if a != b)
    return tuple(Interaction(employee_a=a, employee_b=b) for a, b in sorted(ties))


def network_report(instance: PlanningInput) -> NetworkReport:
    """Department pairs with their ties; zero-tie pairs carry ``zero_tie_gap_weight``."""
    department_of = {e.employee_id: e.department for e in instance.employees}
    tied: Counter[tuple[str, str]] = Counter()
    for i in instance.interactions:
        a, b = department_of[i.employee_a], department_of[i.employee_b]
        if a != b:
            tied[min(a, b), max(a, b)] += 1
    headcount = {d.name: d.headcount for d in instance.departments}
    gap = instance.settings.zero_tie_gap_weight
    pairs = tuple(
        DepartmentPair(
            department_a=a,
            department_b=b,
            tied_pairs=tied[a, b],
            weight=float(tied[a, b]),
            density=tied[a, b] / (headcount[a] * headcount[b]),
            kind=GapKind.ZERO if tied[a, b] == 0 else GapKind.TIED,
            gap_weight=gap if tied[a, b] == 0 else 0.0,
        )
        for a, b in combinations(sorted(headcount), 2)
    )
    return NetworkReport(pairs=pairs)


def rotation_instance(
    people: list[Employee],
    *,
    periods: int = 2,
    period_label: str = "P",
    min_on_site: float = 0.5,
    rules: tuple[Rule, ...] = (),
    policy: dict[str, dict[str, Any]] | None = None,
    **settings: Any,
) -> PlanningInput:
    """Departments from ``people`` (``min_on_site``, host_capacity 1 unless ``policy``),
    periods labelled ``P1``, ``P2``... (or another ``period_label``)."""
    headcount = Counter(e.department for e in people)
    departments = tuple(
        Department(
            name=d,
            headcount=n,
            **{"min_on_site": min_on_site, "host_capacity": 1, **(policy or {}).get(d, {})},
        )
        for d, n in sorted(headcount.items())
    )
    return PlanningInput(
        employees=tuple(people),
        departments=departments,
        periods=tuple(Period(label=f"{period_label}{p + 1}", index=p) for p in range(periods)),
        rules=rules,
        settings=Settings(**settings),
        skills=tuple(sorted({s for e in people for s in e.skills})),
    )
