"""The model context's last check: CP-SAT never sees an objective that could overflow."""

from __future__ import annotations

from pathlib import Path

import pytest
from ortools.sat.python import cp_model

from crossteam import network
from crossteam.errors import InputError
from crossteam.io.example_workbook import write_example
from crossteam.io.reader import load_workbook
from crossteam.models import Settings
from crossteam.models.limits import MAX_COUNT, MAX_WEIGHT, OBJECTIVE_LIMIT, OBJECTIVE_SCALE
from crossteam.planner import SolveOptions, solve
from crossteam.planner.context import objective_reach


def test_the_reach_counts_each_coefficient_times_its_variables_largest_magnitude() -> None:
    model = cp_model.CpModel()
    x = model.new_int_var(-20, 10, "x")
    y = model.new_bool_var("y")
    model.maximize(3 * x + 5 * ~y + 2)  # ~y is 1 - y: the offset becomes 7
    assert objective_reach(model) == 7 + 3 * 20 + 5 * 1


def test_one_weight_times_one_count_is_exact() -> None:
    assert MAX_WEIGHT * OBJECTIVE_SCALE * MAX_COUNT <= OBJECTIVE_LIMIT * OBJECTIVE_SCALE == 2**53


@pytest.mark.parametrize("priority", [None, MAX_WEIGHT], ids=["the example's", "largest"])
def test_weights_an_instance_built_in_code_brings_are_refused_before_the_solver(
    priority: float | None,
    tmp_path: Path,
) -> None:
    """Such an instance skips the reader's check (models.extent): the planner's holds, with
    a message, where CP-SAT would have called the model invalid (a sum too large) or
    refused an integer (one coefficient, 1e21, beyond 64 bits)."""
    path = tmp_path / "company.xlsx"
    write_example(path, employees=60, departments=6, seed=3)
    instance = load_workbook(path)
    settings = Settings.model_validate(
        {
            **instance.settings.model_dump(),
            "weight_bridging": MAX_WEIGHT,
            "zero_tie_gap_weight": MAX_WEIGHT,
        }
    )
    priorities = tuple(
        p.model_copy(update={"weight": priority or p.weight}) for p in instance.priorities
    )
    loud = instance.with_changes(settings=settings, priorities=priorities)
    with pytest.raises(InputError, match="objective could reach") as refused:
        solve(loud, network.analyse(loud), SolveOptions(time_limit_seconds=2, workers=1))
    assert refused.value.problems[0].sheet == "Settings"
