"""One scenario in-process: applied, solved with one worker, re-checked and measured."""

from __future__ import annotations

import pytest
from sweep_company import company

from crossteam.checks import verify
from crossteam.models import PlanningInput, SolveStatus
from crossteam.network import analyse
from crossteam.planner import SolveOptions, solve
from crossteam.sweep import Scenario, scenario_instance, solve_scenario

LIMITS = {"time_limit_seconds": 30.0, "deterministic_time_limit": 1.0}


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> PlanningInput:
    return company(tmp_path_factory.mktemp("company"))


def test_figures_are_those_of_the_plan_solved_directly(instance: PlanningInput) -> None:
    changes = {**LIMITS, "weight_diversity": 3}
    result = solve_scenario(instance, analyse(instance), Scenario(0, "diverse", changes))
    planned = scenario_instance(instance, changes)
    plan = solve(planned, analyse(planned), SolveOptions.from_settings(planned.settings, workers=1))
    assert verify(planned, plan).passed
    assert (result.status, result.objective, result.teams) == (
        plan.status,
        plan.objective,
        plan.teams,
    )
    assert result.checks_passed is True and result.check_failures == ()
    assert result.silent_pairs_before == len(analyse(planned).gap_pairs)
    # a plan only adds ties: every silent pair it ends was bridged
    assert result.silent_pairs_bridged == result.silent_pairs_before - result.silent_pairs_after
    assert result.silent_pairs_bridged > 0
    department = {e.employee_id: e.department for e in instance.employees}
    per_team = [len({department[m] for m in t.members}) for t in plan.teams]
    assert result.departments_per_team == pytest.approx(sum(per_team) / len(per_team))
    weight = planned.settings.weight_skill_depth
    assert result.skill_depth == pytest.approx(plan.objective_terms["skill_depth"] / weight)


def test_skill_depth_is_unknown_when_its_weight_is_zero(instance: PlanningInput) -> None:
    scenario = Scenario(0, "no depth", {**LIMITS, "weight_skill_depth": 0})
    result = solve_scenario(instance, analyse(instance), scenario)
    assert result.has_plan and result.checks_passed
    assert result.skill_depth is None


def test_a_gap_weight_setting_is_planned_on_its_own_network_analysis(
    instance: PlanningInput,
) -> None:
    changes = {**LIMITS, "zero_tie_gap_weight": 9.0}
    result = solve_scenario(instance, analyse(instance), Scenario(0, "heavy gaps", changes))
    planned = scenario_instance(instance, changes)
    own = solve(planned, analyse(planned), SolveOptions.from_settings(planned.settings, workers=1))
    stale = solve(
        planned, analyse(instance), SolveOptions.from_settings(planned.settings, workers=1)
    )
    assert verify(planned, own).passed and verify(planned, stale).passed
    assert own.objective != stale.objective  # the shared report would be wrong here
    assert result.objective == own.objective
    assert result.checks_passed is True


def test_an_impossible_scenario_comes_back_with_the_planners_explanation(
    instance: PlanningInput,
) -> None:
    spec = instance.team_specs[0]
    changes = {**LIMITS, f"teams.{spec.name}.count": 40}
    result = solve_scenario(instance, analyse(instance), Scenario(3, "too many", changes))
    assert result.status is SolveStatus.INFEASIBLE
    assert result.explanation
    assert result.failure is None and result.checks_passed is None
    assert result.teams == () and result.silent_pairs_bridged is None
    assert (result.scenario, result.name, result.changes) == (3, "too many", changes)
