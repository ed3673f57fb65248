"""run_sweep's arguments and the sweep's JSON form (the engines run in test_sweep_engines)."""

from __future__ import annotations

import json
import sys

import pytest

from crossteam.errors import InputError
from crossteam.json_contract import sweep_json
from crossteam.models import Department, Employee, PlanningInput, SolveStatus, TeamAssignment
from crossteam.models.sweep import ScenarioResult, SweepResult
from crossteam.sweep import Grid, Scenario, run_sweep

TINY = PlanningInput(
    employees=(Employee(employee_id="e1", department="A"),),
    departments=(Department(name="A", headcount=1, min_on_site=0.8, host_capacity=2),),
)
ONE_SCENARIO = Grid(scenarios=(Scenario(0, "baseline", {}),), keys=())


def test_bad_arguments_are_all_reported_before_anything_runs() -> None:
    with pytest.raises(InputError) as raised:
        run_sweep(TINY, ONE_SCENARIO, engine="ray", address="tcp://x:1", processes=0)
    messages = [p.message for p in raised.value.problems]
    assert len(messages) == 3
    assert "unknown engine 'ray'" in messages[0]
    assert "--engine dask" in messages[1]
    assert "at least 1" in messages[2]


def test_dask_engine_without_the_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import now fails
    with pytest.raises(InputError, match=r"crossteam\[distributed\]"):
        run_sweep(TINY, ONE_SCENARIO, engine="dask")


def test_sweep_json_lists_every_scenario_with_its_plan_and_the_failures() -> None:
    planned = ScenarioResult(
        scenario=0,
        name="base",
        changes={"weight_bridging": 5},
        status=SolveStatus.OPTIMAL,
        objective=12.5,
        pareto=True,
        teams=(TeamAssignment(team="T", members=("e1",)),),
    )
    lost = ScenarioResult(scenario=1, name="more", failure="its worker process died 3 times")
    result = SweepResult(
        scenarios=(planned, lost),
        keys=("weight_bridging",),
        criteria=("silent_pairs_bridged",),
        engine="local",
        processes=2,
        seconds=3.5,
    )
    payload = json.loads(json.dumps(sweep_json(result)))
    assert payload["failed"] == [1]
    assert payload["pareto"] == [0]
    assert payload["keys"] == ["weight_bridging"]
    first, second = payload["scenarios"]
    assert first["status"] == "optimal"
    assert first["changes"] == {"weight_bridging": 5}
    assert first["teams"] == [{"team": "T", "members": ["e1"]}]
    assert second["failure"] == "its worker process died 3 times"
    assert second["status"] is None
