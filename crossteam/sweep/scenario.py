"""One scenario, start to finish, wherever it runs: apply, solve, re-check, measure.

This is the whole task a sweep engine sends to a worker; it plans through the application
layer (``pipeline.plan_company``) and returns a small ``ScenarioResult`` (figures and the
plan's lists), never the instance or the solver.
"""

from __future__ import annotations

import statistics
from typing import Final

from crossteam import i18n, network
from crossteam.models import GapKind, NetworkReport, Plan, PlanningInput
from crossteam.models.sweep import ScenarioResult
from crossteam.pipeline import PlanRequest, plan_company
from crossteam.planner import SolveOptions
from crossteam.sweep.grid import Scenario, scenario_instance

GAP_WEIGHT_SETTINGS: Final = frozenset(
    {"weak_tie_ratio", "zero_tie_gap_weight", "weak_tie_gap_weight"}
)
"""The planner reads only gap weights from the network report; these settings change
them, so a scenario that varies one is analysed anew instead of using the shared report."""


def solve_scenario(
    instance: PlanningInput,
    report: NetworkReport,
    scenario: Scenario,
    *,
    language: i18n.Language | None = None,
) -> ScenarioResult:
    """Plan ``scenario`` on one solver worker with its own seed, re-check and measure it,
    in ``language`` (a worker process does not share its parent's; default: the current)."""
    with i18n.using(language if language is not None else i18n.current()):
        return _solved(instance, report, scenario)


def _solved(instance: PlanningInput, report: NetworkReport, scenario: Scenario) -> ScenarioResult:
    planned = scenario_instance(instance, scenario.changes)
    # the shared report is the base instance's: the scenario's effect is measured on its
    # own analysis (its settings, random_seed among them, may change the communities)
    analysed_anew = bool(GAP_WEIGHT_SETTINGS & scenario.changes.keys())
    if analysed_anew:
        report = network.analyse(planned)
    options = SolveOptions.from_settings(planned.settings, workers=1)
    outcome = plan_company(PlanRequest(planned, report, options, report_is_before=analysed_anew))
    plan = outcome.plan
    summary = ScenarioResult(
        scenario=scenario.index,
        name=scenario.name,
        changes=scenario.changes,
        status=plan.status,
        seed=options.seed,
        objective=plan.objective,
        bound=plan.bound,
        gap=plan.gap,
        seconds=plan.seconds,
        explanation=plan.explanation,
        teams=plan.teams,
        rotation=plan.rotation,
    )
    checks, effect = outcome.checks, outcome.effect
    if checks is None or effect is None:
        return summary
    return summary.model_copy(
        update={
            "silent_pairs_before": len(effect.before.gap_pairs),
            "silent_pairs_after": len(effect.after.gap_pairs),
            "silent_pairs_bridged": sum(b.kind_before is GapKind.ZERO for b in effect.bridged),
            "departments_per_team": departments_per_team(planned, plan),
            "skill_depth": skill_depth(planned, plan),
            "checks_passed": checks.passed,
            "check_failures": tuple(
                f"{r.rule} {r.subject}: {r.detail}".strip() for r in checks.failures
            ),
        }
    )


def departments_per_team(instance: PlanningInput, plan: Plan) -> float | None:
    """Mean number of distinct departments in a team; ``None`` without teams."""
    if not plan.teams:
        return None
    by_id = instance.employee_by_id
    return statistics.fmean(
        len({by_id[member].department for member in team.members}) for team in plan.teams
    )


def skill_depth(instance: PlanningInput, plan: Plan) -> float | None:
    """Skill levels above the teams' minimums covered, read back from the objective.

    ``None`` when ``weight_skill_depth`` is 0: the planner then neither counts nor seeks it.
    """
    weight = instance.settings.weight_skill_depth
    if weight <= 0 or not plan.teams:
        return None
    return round(plan.objective_terms.get("skill_depth", 0.0) / weight, 6)
