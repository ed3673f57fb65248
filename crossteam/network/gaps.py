"""Department pairs: zero-tie, weak and tied, and what bridging each is worth."""

from __future__ import annotations

import numpy as np

from crossteam.models import (
    DepartmentName,
    DepartmentPair,
    GapKind,
    Priority,
    Settings,
    pair_key,
)
from crossteam.network.graph import EmployeeGraph, FloatArray


def block_density(graph: EmployeeGraph) -> FloatArray:
    """D x D tied pairs / possible pairs; the diagonal is within-department density."""
    headcount = graph.headcount.astype(np.float64)
    possible = np.outer(headcount, headcount)
    np.fill_diagonal(possible, headcount * (headcount - 1) / 2)
    return np.divide(graph.tie_counts, possible, out=np.zeros_like(possible), where=possible > 0)


def between_department_density(graph: EmployeeGraph) -> float:
    """Tied pairs across departments / employee pairs in different departments."""
    headcount = graph.headcount.astype(np.float64)
    possible = (headcount.sum() ** 2 - np.sum(headcount**2)) / 2
    across = float(np.triu(graph.tie_counts, 1).sum())
    return across / possible if possible > 0 else 0.0


def priority_weights(
    priorities: tuple[Priority, ...],
) -> dict[tuple[DepartmentName, DepartmentName], float]:
    """Priority weight per pair (a < b); a pair listed twice keeps its larger weight."""
    weights: dict[tuple[DepartmentName, DepartmentName], float] = {}
    for p in priorities:
        key = pair_key(p.department_a, p.department_b)
        weights[key] = max(weights.get(key, 0.0), p.weight)
    return weights


def gap_weight(
    kind: GapKind, density: float, threshold: float, priority: float, settings: Settings
) -> float:
    """The documented gap weight (see ``crossteam.models.network``)."""
    if kind is GapKind.ZERO:
        return settings.zero_tie_gap_weight * priority
    if kind is GapKind.WEAK:
        return settings.weak_tie_gap_weight * (1 - density / threshold) * priority
    return 0.0


def department_pairs(
    graph: EmployeeGraph, settings: Settings, priorities: tuple[Priority, ...]
) -> tuple[tuple[DepartmentPair, ...], float, float]:
    """Every pair of departments with people, classified and weighted.

    Returns:
        The pairs (``department_a < department_b``), the organisation's
        between-department density, and the weak-tie density threshold.
    """
    density = block_density(graph)
    organisation = between_department_density(graph)
    threshold = settings.weak_tie_ratio * organisation
    wanted = priority_weights(priorities)
    names = graph.departments
    first, second = np.triu_indices(len(names), 1)
    pairs = []
    for a, b in zip(first.tolist(), second.tolist(), strict=True):
        tied = int(graph.tie_counts[a, b])
        pair_density = float(density[a, b])
        if tied == 0:
            kind = GapKind.ZERO
        elif pair_density < threshold:
            kind = GapKind.WEAK
        else:
            kind = GapKind.TIED
        priority = wanted.get((names[a], names[b]), 1.0)
        pairs.append(
            DepartmentPair(
                department_a=names[a],
                department_b=names[b],
                tied_pairs=tied,
                weight=float(graph.weight_totals[a, b]),
                density=pair_density,
                kind=kind,
                priority=priority,
                gap_weight=gap_weight(kind, pair_density, threshold, priority, settings),
            )
        )
    return tuple(pairs), organisation, threshold
