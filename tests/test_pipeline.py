"""The application layer used directly: a company planned, re-verified and measured in one
call, its run recorded, its JSON the contract's, and its exit code mapped."""

from __future__ import annotations

import json

import pytest
from instances import company, network_report, person

from crossteam.checks import verify
from crossteam.console import EXIT_INTERRUPTED, EXIT_NO_PLAN, EXIT_OK, plan_exit_code
from crossteam.json_contract import plan_json
from crossteam.models import PlanningInput, SolveStatus, TeamSpec
from crossteam.pipeline import PlanOutcome, PlanRequest, RunStart, plan_company
from crossteam.planner import SolveOptions

QUICK = SolveOptions(time_limit_seconds=30, workers=1, seed=0, deterministic_time_limit=5.0)


def _six(*specs: TeamSpec) -> PlanningInput:
    """Six people in three departments that never talk."""
    return company([person(f"e{i}", f"d{i % 3}") for i in range(1, 7)], specs)


@pytest.fixture(scope="module")
def mixed() -> tuple[PlanRequest, PlanOutcome]:
    instance = _six(TeamSpec(name="Mix", count=2, min_size=3, max_size=3, min_departments=3))
    run = RunStart("crossteam plan six.xlsx", "six.xlsx", "2026-01-01T00:00:00+00:00", 0.0)
    request = PlanRequest(instance, network_report(instance), QUICK, notes=("a note",), run=run)
    return request, plan_company(request)


def test_a_plan_outcome_holds_the_plan_its_checks_and_its_effect(
    mixed: tuple[PlanRequest, PlanOutcome],
) -> None:
    request, outcome = mixed
    assert outcome.has_plan and outcome.checks is not None and outcome.effect is not None
    assert outcome.checks.passed
    assert verify(request.instance, outcome.plan).passed  # re-checked here too
    assert sorted(len({m[1:] for m in t.members}) for t in outcome.plan.teams) == [3, 3]
    # every team mixes the three departments: no silent pair is left
    assert len(outcome.effect.before.gap_pairs) == 3
    assert outcome.effect.after.gap_pairs == ()


def test_the_run_notes_come_first_and_the_run_is_recorded(
    mixed: tuple[PlanRequest, PlanOutcome],
) -> None:
    _, outcome = mixed
    assert outcome.notes[0] == "a note"
    assert outcome.plan.notes == outcome.notes
    info = outcome.run_info
    assert info is not None
    assert (info.command, info.input_path, info.employees) == (
        "crossteam plan six.xlsx",
        "six.xlsx",
        6,
    )
    assert (info.seed, info.workers, info.deterministic_time_limit) == (0, 1, 5.0)


def test_the_outcome_json_has_the_contract_keys(mixed: tuple[PlanRequest, PlanOutcome]) -> None:
    request, outcome = mixed
    payload = json.loads(json.dumps(plan_json(outcome, request.report), allow_nan=False))
    assert set(payload) >= {"status", "objective", "bound", "gap", "seconds", "teams"}
    assert set(payload) >= {"rotation", "metrics", "checks", "notes", "bridged_pairs"}
    assert payload["checks"]["passed"] is True
    assert set(payload["metrics"]) == {"before", "after"}
    assert payload["silent_pairs"]["bridged"] == 3
    assert "explanation" not in payload


def test_no_plan_has_no_checks_an_explanation_and_exit_1() -> None:
    instance = _six(TeamSpec(name="Wide", min_size=3, max_size=3, min_departments=4))
    request = PlanRequest(instance, network_report(instance), QUICK)
    outcome = plan_company(request)
    assert outcome.plan.status is SolveStatus.INFEASIBLE
    assert outcome.checks is None and outcome.effect is None and outcome.run_info is None
    assert outcome.plan.explanation
    payload = plan_json(outcome, request.report)
    assert payload["explanation"] == list(outcome.plan.explanation)
    assert set(payload["metrics"]) == {"before"}
    assert plan_exit_code(outcome, stopped=False) == EXIT_NO_PLAN
    assert plan_exit_code(outcome, stopped=True) == EXIT_INTERRUPTED


def test_a_plan_exits_0_and_a_stopped_run_130(mixed: tuple[PlanRequest, PlanOutcome]) -> None:
    _, outcome = mixed
    assert plan_exit_code(outcome, stopped=False) == EXIT_OK
    assert plan_exit_code(outcome, stopped=True) == EXIT_INTERRUPTED
