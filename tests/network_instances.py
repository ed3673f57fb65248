"""Organisations for the network and audit tests, built directly as ``PlanningInput``.

``organisation`` takes departments and ties by employee id; ``four_departments`` is the
small graph whose figures the tests work out by hand; ``karate`` is networkx's karate
club with its two factions as departments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from crossteam.models import (
    Department,
    Employee,
    Interaction,
    PlanningInput,
    Priority,
    Settings,
)

Tie = tuple[str, str] | tuple[str, str, float]


def organisation(
    departments: Mapping[str, Sequence[str]],
    ties: Iterable[Tie] = (),
    *,
    priorities: Iterable[tuple[str, str, float]] = (),
    settings: Settings | None = None,
    has_interactions_sheet: bool = True,
    names: Mapping[str, str] | None = None,
    extra_departments: Sequence[str] = (),
) -> PlanningInput:
    """Departments name their members in order; ties are (a, b) or (a, b, weight)."""
    employees = tuple(
        Employee(employee_id=member, department=department, name=(names or {}).get(member, ""))
        for department, members in departments.items()
        for member in members
    )
    interactions = []
    for tie in ties:
        a, b = sorted(tie[:2])
        weight = tie[2] if len(tie) == 3 else 1.0
        interactions.append(Interaction(employee_a=a, employee_b=b, weight=weight))
    return PlanningInput(
        employees=employees,
        departments=tuple(
            Department(
                name=name,
                headcount=len(departments.get(name, ())),
                min_on_site=0.5,
                host_capacity=2,
            )
            for name in [*departments, *extra_departments]
        ),
        interactions=tuple(interactions),
        has_interactions_sheet=has_interactions_sheet,
        priorities=tuple(
            Priority(department_a=min(a, b), department_b=max(a, b), weight=w)
            for a, b, w in priorities
        ),
        settings=settings or Settings(),
    )


FOUR_DEPARTMENTS = {"A": ["a1", "a2", "a3"], "B": ["b1", "b2"], "C": ["c1", "c2"], "D": ["d1"]}
FOUR_TIES: list[Tie] = [
    ("a1", "a2", 2.0),  # inside A
    ("a2", "a3"),  # inside A
    ("a1", "b1", 3.0),  # A-B
    ("a3", "b1"),  # A-B: both A-B ties run through b1
    ("b1", "b2"),  # inside B
    ("b2", "c1"),  # B-C
    ("c1", "c2"),  # inside C
    ("a2", "c2"),  # A-C: the only one
    ("c2", "b1"),  # B-C
]
"""Nine ties, four inside departments (weight 5) and five across (weight 7); D talks to no one."""


def four_departments(
    *, settings: Settings | None = None, priorities: Iterable[tuple[str, str, float]] = ()
) -> PlanningInput:
    return organisation(FOUR_DEPARTMENTS, FOUR_TIES, settings=settings, priorities=priorities)


def karate() -> tuple[nx.Graph, PlanningInput]:
    """The karate club graph, and the same as an organisation ("p00".."p33")."""
    graph = nx.karate_club_graph()
    factions: dict[str, list[str]] = {}
    for node in graph:
        factions.setdefault(graph.nodes[node]["club"], []).append(f"p{node:02d}")
    ties = [(f"p{a:02d}", f"p{b:02d}", float(w)) for a, b, w in graph.edges(data="weight")]
    return graph, organisation(factions, ties)
