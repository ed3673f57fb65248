"""Scenario sweeps: many plans of one instance with settings varied, run on a process pool
or a Dask cluster, compared on a Pareto front (docs/sweep.md).

An application layer like ``cli``: it wires io, network, planner and checks together.
"""

from crossteam.models.sweep import ScenarioResult, SweepResult
from crossteam.sweep.front import CRITERIA
from crossteam.sweep.grid import Grid, Scenario, build_grid, scenario_instance
from crossteam.sweep.run import ENGINES, run_sweep
from crossteam.sweep.scenario import solve_scenario

__all__ = [
    "CRITERIA",
    "ENGINES",
    "Grid",
    "Scenario",
    "ScenarioResult",
    "SweepResult",
    "build_grid",
    "run_sweep",
    "scenario_instance",
    "solve_scenario",
]
