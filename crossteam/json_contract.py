"""The contract's JSON: what ``validate``, ``audit``, ``plan`` and ``sweep`` print with
``--json``, built from their results in one place (keys: docs and the interface spec).

Each function returns plain dicts and lists in the order the keys are printed; the
command line only serialises them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from crossteam.models import NetworkReport, PlanEffect, Problem
from crossteam.models.sweep import SweepResult
from crossteam.models.ties import SourceReport

UNMATCHED_LISTED = 20
"""Addresses or ids that matched nobody listed per source in ``ties --json``."""

if TYPE_CHECKING:  # the solver's side loads only when a plan is made
    from crossteam.checks.repeats import RepeatedPair
    from crossteam.models.ties import TiesResult
    from crossteam.next_round import NextRound
    from crossteam.pipeline import PlanOutcome
    from crossteam.review import ReviewResult

JsonObject = dict[str, Any]


def validity_json(
    valid: bool, errors: tuple[Problem, ...], warnings: tuple[Problem, ...]
) -> JsonObject:
    """``validate --json``, and what any command prints for an input it refuses."""
    return {
        "valid": valid,
        "errors": [p.as_json() for p in errors],
        "warnings": [p.as_json() for p in warnings],
    }


def failure_json(message: str, exit_code: int) -> JsonObject:
    """What a run asked for JSON prints when it failed before it could print its own."""
    return {"error": message, "exit_code": exit_code}


def audit_json(report: NetworkReport) -> JsonObject:
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


def effect_json(effect: PlanEffect) -> JsonObject:
    """``before`` and ``after`` as ``audit_json`` gives them, and the pairs bridged."""
    return {
        "before": audit_json(effect.before),
        "after": audit_json(effect.after),
        "bridged_pairs": [pair.model_dump(mode="json") for pair in effect.bridged],
    }


def plan_json(outcome: PlanOutcome, report: NetworkReport) -> JsonObject:
    """``plan --json``: the plan, how it was found, and, with a plan, its effect and checks
    (``report``: the network before it); without one, the explanation."""
    plan = outcome.plan
    payload: JsonObject = {
        "status": plan.status.value,
        "stop_reason": plan.stop_reason.value if plan.stop_reason else None,
        "objective": plan.objective,
        "bound": plan.bound,
        "gap": plan.gap,
        "seconds": round(plan.seconds, 3),
        "teams": [{"team": t.team, "members": list(t.members)} for t in plan.teams],
        "rotation": [s.model_dump() for s in plan.rotation],
        "objective_terms": plan.objective_terms,
        "notes": list(outcome.notes),
        "repeatable": outcome.repeatable,
        "deterministic_time_limit": plan.deterministic_time_limit,
        "preferences": outcome.wishes.as_json(),
        "repeats": repeats_json(outcome.repeats),
        **_replan_json(outcome),
        **_alternatives_json(outcome),
    }
    if outcome.effect is None or outcome.checks is None:
        payload["explanation"] = list(plan.explanation)
        payload["metrics"] = {"before": audit_json(report)}
        return payload
    effect = effect_json(outcome.effect)
    before, after = len(outcome.effect.before.gap_pairs), len(outcome.effect.after.gap_pairs)
    checks = outcome.checks
    return {
        **payload,
        "metrics": {"before": effect["before"], "after": effect["after"]},
        "bridged_pairs": effect["bridged_pairs"],
        "checks": {
            "passed": checks.passed,
            "failures": [r.model_dump() for r in checks.failures],
            "not_applicable": [r.model_dump() for r in checks.not_applicable],
        },
        "silent_pairs": {
            "before": before,
            "bridged": before - after,
            "at_most": plan.silent_pairs_ceiling,
        },
    }


def repeats_json(repeats: Iterable[RepeatedPair]) -> list[JsonObject]:
    """``plan --json``'s ``repeats``: each teammate pair of the plan who shared an earlier
    team in History, with the (period, team) of each team they shared."""
    return [
        {
            "employee_a": r.employee_a,
            "employee_b": r.employee_b,
            "team": r.team,
            "earlier": [{"period": period, "team": team} for period, team in r.earlier],
        }
        for r in repeats
    ]


def _replan_json(outcome: PlanOutcome) -> JsonObject:
    """``review`` (or ``repair``) and ``changes`` of a re-plan, and ``input_changes``."""
    previous, reviewed = outcome.previous, outcome.review
    payload: JsonObject = {}
    if reviewed is not None and previous is not None:
        payload["review" if previous.review else "repair"] = repair_json(reviewed)
        payload["changes"] = [c.model_dump(mode="json") for c in reviewed.changes]
    if previous is not None:
        payload["input_changes"] = previous.changes.as_json()
    return payload


def repair_json(result: ReviewResult) -> JsonObject:
    """How far a re-plan followed the decisions and the previous plan."""
    stats = result.stats
    return {
        "locks": stats.locks,
        "locks_honoured": stats.locks_honoured,
        "removes": stats.removes,
        "removes_honoured": stats.removes_honoured,
        "other_assignments": stats.others,
        "other_assignments_changed": stats.others_changed,
        "changed_share": round(stats.changed_share, 4),
        # kept for readers of the JSON of the rounds it replaced: a re-plan is one solve
        "rounds": 1,
    }


def _alternatives_json(outcome: PlanOutcome) -> JsonObject:
    alternated = outcome.alternatives
    if alternated is None:
        return {}
    return {
        "alternatives": [
            {
                "number": a.number,
                "objective": a.objective,
                "share_of_best": round(a.share_of_best, 4),
                "within_tolerance": a.within_tolerance,
                "differs_enough": a.distinct,
                "checks_passed": a.checks_passed,
                "teams": [{"team": t.team, "members": list(t.members)} for t in a.teams],
                "difference_to": {str(n): d for n, d in a.difference_to.items()},
            }
            for a in alternated.summaries
        ],
        "alternatives_notes": list(alternated.notes),
    }


def next_round_json(output: str, added: NextRound) -> JsonObject:
    """``next-round --json``: the workbook written and what History gained."""
    return {
        "output": output,
        "team_rows": added.team_rows,
        "rotation_rows": added.rotation_rows,
        "team_period": added.team_period,
        "warnings": list(added.warnings),
    }


def ties_json(result: TiesResult, output: str) -> JsonObject:
    """``ties --json``: per source what it gave, the ties, the silent department pairs
    before planning, and the workbook written."""
    return {
        "sources": [source_json(report) for report in result.found.reports],
        "pairs": len(result.found.interactions),
        "total_weight": round(sum(tie.weight for tie in result.found.interactions), 6),
        "gap_pairs": [list(pair) for pair in result.gap_pairs],
        "output": output,
    }


def source_json(report: SourceReport) -> JsonObject:
    """What one tie source gave (never anything of a message's or meeting's content)."""
    return {
        "file": report.file,
        "kind": report.kind.value,
        "rows_read": report.rows_read,
        "skipped": dict(sorted(report.skipped.items())),
        "people_matched": len(report.matched),
        "not_matched": len(report.unmatched),
        "not_matched_top": [
            {"value": value, "count": count}
            for value, count in report.unmatched.most_common(UNMATCHED_LISTED)
        ],
        "pairs": report.pairs,
        "total_weight": round(report.total_weight, 6),
        "first_day": report.first_day.isoformat() if report.first_day else None,
        "last_day": report.last_day.isoformat() if report.last_day else None,
    }


def sweep_json(result: SweepResult) -> JsonObject:
    """The sweep as one JSON object: how it ran, then every scenario with its plan."""
    return {
        "engine": result.engine,
        "processes": result.processes,
        "address": result.address,
        "seconds": result.seconds,
        "keys": list(result.keys),
        "criteria": list(result.criteria),
        "failed": [s.scenario for s in result.failed],
        "pareto": [s.scenario for s in result.scenarios if s.pareto],
        "scenarios": [s.model_dump(mode="json") for s in result.scenarios],
    }
