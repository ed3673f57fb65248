"""The model context's last check: CP-SAT never sees an objective that could overflow."""

from __future__ import annotations

from pathlib import Path

import pytest
from ortools.sat.python import cp_model

from crossteam import network
from crossteam.errors import InputError
from crossteam.io.example import write_example
from crossteam.io.reader import load_workbook
from crossteam.models import Settings
from crossteam.models.limits import MAX_WEIGHT
from crossteam.planner import SolveOptions, solve
from crossteam.planner.context import objective_reach


def test_the_reach_counts_each_coefficient_times_its_variables_largest_magnitude() -> None:
    model = cp_model.CpModel()
    x = model.new_int_var(-20, 10, "x")
    y = model.new_bool_var("y")
    model.maximize(3 * x + 5 * ~y + 2)  # ~y is 1 - y: the offset becomes 7
    assert objective_reach(model) == 7 + 3 * 20 + 5 * 1


def test_weights_an_instance_built_in_code_brings_are_refused_before_the_solver(
    tmp_path: Path,
) -> None:
    """Such an instance skips the reader's check (models.extent): the planner's holds, with
    a message, where CP-SAT would have called the model invalid."""
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
    loud = instance.with_changes(settings=settings)
    with pytest.raises(InputError, match="objective could reach") as refused:
        solve(loud, network.analyse(loud), SolveOptions(time_limit_seconds=2, workers=1))
    assert refused.value.problems[0].sheet == "Settings"
