"""The JSON shapes of ``audit --json`` and of ``plan --json``'s ``metrics``."""

from __future__ import annotations

from typing import Any

from crossteam.models import NetworkReport, PlanEffect


def audit_json(report: NetworkReport) -> dict[str, Any]:
    """Every figure of the contract's ``audit --json``, plus the rest of the report.

    Per-person figures are summarised (boundary spanners, single points of failure):
    the full list belongs in the workbook, not on stdout.
    """
    return {
        "employees": report.employees,
        "departments": len(report.departments),
        "interactions": report.interactions,
        "interaction_weight": report.interaction_weight,
        "has_interactions_sheet": report.has_interactions_sheet,
        "ei_index": report.ei_index,
        "weighted_ei_index": report.weighted_ei_index,
        "modularity": report.modularity,
        "communities": report.communities,
        "community_nmi": report.community_nmi,
        "algebraic_connectivity": report.algebraic_connectivity,
        "between_department_density": report.between_department_density,
        "weak_threshold": report.weak_threshold,
        "gap_pairs": [list(pair) for pair in report.gap_pairs],
        "gaps": [pair.model_dump(mode="json") for pair in report.ranked_gaps],
        "per_department": [d.model_dump(mode="json") for d in report.per_department],
        "boundary_spanners": [p.employee_id for p in report.people if p.boundary_spanner],
        "single_points_of_failure": [
            {
                "employee_id": p.employee_id,
                "department": p.department,
                "sole_link_to": list(p.sole_link_to),
            }
            for p in report.people
            if p.single_point_of_failure
        ],
        "betweenness_sampled": report.betweenness_sampled,
        "betweenness_sources": report.betweenness_sources,
        "notes": list(report.notes),
    }


def effect_json(effect: PlanEffect) -> dict[str, Any]:
    """``before`` and ``after`` as ``audit_json`` gives them, and the pairs bridged."""
    return {
        "before": audit_json(effect.before),
        "after": audit_json(effect.after),
        "bridged_pairs": [pair.model_dump(mode="json") for pair in effect.bridged],
    }
