"""The small company and six-scenario grid the sweep tests share.

60 employees in 6 departments, written as a real workbook and read back, and a grid that
varies the bridging weight and the first team spec's count. Each scenario has a generous
wall-clock limit and a small deterministic one, so that the deterministic limit (or a
proof of optimality) ends every search and a scenario repeats exactly on a loaded machine.
"""

from __future__ import annotations

from pathlib import Path

from crossteam.io.example_workbook import write_example
from crossteam.io.grid_reader import read_grid
from crossteam.io.reader import load_workbook
from crossteam.models import Plan, PlanningInput
from crossteam.network import analyse
from crossteam.planner import SolveOptions, solve
from crossteam.sweep import Grid, build_grid, scenario_instance

EMPLOYEES = 60
DEPARTMENTS = 6
SEED = 1


def company(folder: Path) -> PlanningInput:
    path = folder / "company.xlsx"
    write_example(path, EMPLOYEES, DEPARTMENTS, SEED)
    return load_workbook(path)


def six_scenarios(folder: Path, instance: PlanningInput) -> Grid:
    spec = instance.team_specs[0]
    path = folder / "grid.yaml"
    path.write_text(
        "vary:\n"
        "  time_limit_seconds: 30\n"
        "  deterministic_time_limit: 1.5\n"
        "  weight_bridging: [5, 20]\n"
        f"  teams.{spec.name}.count: [{spec.count - 1}, {spec.count}, {spec.count + 1}]\n",
        encoding="utf-8",
    )
    return build_grid(read_grid(path), instance)


def solve_one_by_one(instance: PlanningInput, grid: Grid) -> list[tuple[PlanningInput, Plan]]:
    """Each scenario planned in this process, one after the other, with one worker: the
    reference a sweep engine must reproduce exactly."""
    plans = []
    for scenario in grid.scenarios:
        planned = scenario_instance(instance, scenario.changes)
        options = SolveOptions.from_settings(planned.settings, workers=1)
        plans.append((planned, solve(planned, analyse(planned), options)))
    return plans
