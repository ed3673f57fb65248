"""``analyse``: the whole network report of one planning instance."""

from __future__ import annotations

import math

import numpy as np

from crossteam import i18n
from crossteam.models import DepartmentStats, NetworkReport, PersonStats, PlanningInput
from crossteam.network.centrality import betweenness, constraint
from crossteam.network.gaps import block_density, department_pairs
from crossteam.network.graph import EmployeeGraph, FloatArray, IntArray, build_graph
from crossteam.network.partition import (
    algebraic_connectivity,
    louvain_labels,
    normalised_mutual_information,
    partition_modularity,
)

BOUNDARY_SPANNER_BREADTH = 2
"""Other departments a person must be tied to to count as a boundary spanner."""


def ei_index(external: float, internal: float) -> float | None:
    """Krackhardt and Stern's E-I index, ``(E - I) / (E + I)``; None when both are 0."""
    total = external + internal
    return (external - internal) / total if total > 0 else None


def _sole_links(graph: EmployeeGraph) -> dict[int, list[int]]:
    """Person -> other departments all of whose ties with the person's department are theirs."""
    ties = graph.person_department_ties.tocoo()
    own = graph.department_of[ties.row]
    block = graph.tie_counts[own, ties.col]
    sole = (ties.col != own) & (ties.data == block)
    links: dict[int, list[int]] = {}
    for person, department in zip(ties.row[sole].tolist(), ties.col[sole].tolist(), strict=True):
        links.setdefault(person, []).append(department)
    return links


def _betweenness_sources(graph: EmployeeGraph, instance: PlanningInput) -> IntArray | None:
    settings = instance.settings
    if graph.people <= max(settings.betweenness_exact_max, settings.betweenness_samples):
        return None
    rng = np.random.default_rng(settings.random_seed)
    return np.sort(rng.choice(graph.people, size=settings.betweenness_samples, replace=False))


def _breadth(graph: EmployeeGraph) -> IntArray:
    ties = graph.person_department_ties.tocoo()
    other = ties.col != graph.department_of[ties.row]
    return np.bincount(ties.row[other], minlength=graph.people)


def _people(
    graph: EmployeeGraph, breadth: IntArray, between: FloatArray, constraints: FloatArray
) -> tuple[PersonStats, ...]:
    sole = _sole_links(graph)
    names = graph.departments
    # Plain Python lists: indexing numpy arrays one element at a time is slow
    departments = graph.department_of.tolist()
    degrees = np.diff(graph.binary_adjacency.indptr).tolist()
    breadths = breadth.tolist()
    betweenness_values = between.tolist()
    constraint_values = [None if math.isnan(c) else c for c in constraints.tolist()]
    return tuple(
        PersonStats(
            employee_id=employee_id,
            department=names[departments[i]],
            degree=degrees[i],
            breadth=breadths[i],
            betweenness=betweenness_values[i],
            constraint=constraint_values[i],
            boundary_spanner=breadths[i] >= BOUNDARY_SPANNER_BREADTH,
            sole_link_to=tuple(names[d] for d in sole.get(i, ())),
        )
        for i, employee_id in enumerate(graph.employee_ids)
    )


def _departments(
    graph: EmployeeGraph, density: FloatArray, breadth: IntArray
) -> tuple[DepartmentStats, ...]:
    counts = graph.tie_counts
    weights = graph.weight_totals
    internal = np.diag(counts)
    external = counts.sum(axis=1) - internal
    internal_weight = np.diag(weights)
    external_weight = weights.sum(axis=1) - internal_weight
    tied_departments = (counts > 0).sum(axis=1) - (internal > 0)
    spanners = np.bincount(
        graph.department_of[breadth >= BOUNDARY_SPANNER_BREADTH], minlength=len(graph.departments)
    )
    return tuple(
        DepartmentStats(
            department=name,
            headcount=int(graph.headcount[a]),
            internal_ties=int(internal[a]),
            external_ties=int(external[a]),
            ei_index=ei_index(float(external[a]), float(internal[a])),
            weighted_ei_index=ei_index(float(external_weight[a]), float(internal_weight[a])),
            internal_density=float(density[a, a]),
            breadth=int(tied_departments[a]),
            zero_tie_departments=int(len(graph.departments) - 1 - tied_departments[a]),
            boundary_spanners=int(spanners[a]),
        )
        for a, name in enumerate(graph.departments)
    )


def _notes(instance: PlanningInput, graph: EmployeeGraph, sampled: bool) -> tuple[str, ...]:
    notes = []
    if not instance.has_interactions_sheet:
        notes.append(i18n.t("explain.no_interactions_sheet"))
    empty = sorted({d.name for d in instance.departments} - set(graph.departments))
    if empty:
        notes.append(i18n.t("explain.empty_departments", departments=i18n.listed(empty)))
    if sampled:
        notes.append(
            i18n.t(
                "explain.betweenness_sampled",
                samples=instance.settings.betweenness_samples,
                exact=instance.settings.betweenness_exact_max,
            )
        )
    return tuple(notes)


def analyse_graph(instance: PlanningInput, graph: EmployeeGraph) -> NetworkReport:
    """The report of ``graph``, with ``instance``'s settings and priorities."""
    settings = instance.settings
    pairs, organisation, threshold = department_pairs(graph, settings, instance.priorities)
    density = block_density(graph)
    counts = graph.tie_counts
    weights = graph.weight_totals
    sources = _betweenness_sources(graph, instance)
    breadth = _breadth(graph)
    between = betweenness(graph.binary_adjacency, sources)
    constraints = constraint(graph.adjacency(weighted=True))
    if graph.ties:
        labels = louvain_labels(graph, settings.random_seed)
        communities = int(labels.max()) + 1
        nmi: float | None = normalised_mutual_information(labels, graph.department_of)
    else:
        communities, nmi = 0, None
    return NetworkReport(
        pairs=pairs,
        employees=graph.people,
        departments=graph.departments,
        interactions=graph.ties,
        interaction_weight=float(graph.weight.sum()),
        has_interactions_sheet=instance.has_interactions_sheet,
        ei_index=ei_index(float(np.triu(counts, 1).sum()), float(np.trace(counts))),
        weighted_ei_index=ei_index(float(np.triu(weights, 1).sum()), float(np.trace(weights))),
        modularity=partition_modularity(counts),
        communities=communities,
        community_nmi=nmi,
        algebraic_connectivity=algebraic_connectivity(density),
        between_department_density=organisation,
        weak_threshold=threshold,
        betweenness_sampled=sources is not None,
        betweenness_sources=graph.people if sources is None else len(sources),
        per_department=_departments(graph, density, breadth),
        people=_people(graph, breadth, between, constraints),
        notes=_notes(instance, graph, sources is not None),
    )


def analyse(instance: PlanningInput) -> NetworkReport:
    """Graphs, gaps and every metric of the organisation in ``instance``."""
    return analyse_graph(instance, build_graph(instance))
