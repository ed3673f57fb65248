"""A 12-scenario sweep on a 1,000-employee example: the local engine on 2 processes against
the same scenarios one after the other in this process, and what a cluster would give.

Usage: python benchmarks/bench_sweep.py [--employees 1000] [--departments 20]
[--time-limit 10] [--deterministic-limit D] [--processes 2] [--engine local] [--seed 0]

The grid varies the bridging weight (3 values), the diversity weight (2) and the seed (2).
Each scenario solves with one solver thread. With a wall-clock limit every scenario takes
about the limit whatever the load, so the ratio shows how well the engine overlaps them,
and the objectives show what sharing the cores costs in plan quality; with
``--deterministic-limit`` (and a generous ``--time-limit``) every scenario does a fixed
amount of work, so the ratio shows the throughput the cores really give.

The cluster estimate: W single-threaded workers, each with a core of its own, run N
scenarios in ceil(N / W) rounds, each as long as the slowest scenario run alone, plus
the engine's start-up (the overhead printed here also holds the cost of processes
sharing too few cores, so it overstates a cluster's).
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
import time
from pathlib import Path

from crossteam.io.example_workbook import write_example
from crossteam.io.grid_reader import read_grid
from crossteam.io.reader import load_workbook
from crossteam.models.sweep import ScenarioResult
from crossteam.network import analyse
from crossteam.sweep import build_grid, run_sweep, solve_scenario


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=1000)
    parser.add_argument("--departments", type=int, default=20)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--deterministic-limit", type=float, default=None)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "company.xlsx"
        write_example(workbook, args.employees, args.departments, args.seed)
        instance = load_workbook(workbook)
        limits = f"  time_limit_seconds: {args.time_limit}\n"
        if args.deterministic_limit is not None:
            limits += f"  deterministic_time_limit: {args.deterministic_limit}\n"
        grid_path = Path(folder) / "grid.yaml"
        grid_path.write_text(
            "vary:\n" + limits + "  weight_bridging: [5, 10, 20]\n"
            "  weight_diversity: [1, 3]\n  random_seed: [0, 1]\n",
            encoding="utf-8",
        )
        grid = build_grid(read_grid(grid_path), instance)
    n = len(grid.scenarios)
    print(
        f"{args.employees} employees, {args.departments} departments, {len(instance.teams)} "
        f"teams, {len(instance.periods)} periods; {n} scenarios, time limit "
        f"{args.time_limit:g} s, deterministic limit {args.deterministic_limit}"
    )

    started = time.monotonic()
    report = analyse(instance)
    one_by_one: list[tuple[ScenarioResult, float]] = []
    for scenario in grid.scenarios:
        began = time.monotonic()
        one_by_one.append((solve_scenario(instance, report, scenario), time.monotonic() - began))
    sequential = time.monotonic() - started

    started = time.monotonic()
    swept = run_sweep(instance, grid, engine=args.engine, processes=args.processes)
    parallel = time.monotonic() - started

    print(f"\n{'scenario':<44} {'one by one':>22} {f'{args.engine} x{args.processes}':>22}")
    for (alone, seconds), together in zip(one_by_one, swept.scenarios, strict=True):
        print(f"{alone.name:<44} {_figures(alone, seconds):>22} {_figures(together):>22}")
    task_seconds = [seconds for _, seconds in one_by_one]
    # what the engine adds to a perfect split of the one-by-one work: processes starting,
    # inputs sent, and scenarios waiting for a core the machine does not have
    startup = max(0.0, parallel - sum(task_seconds) / args.processes)
    print(
        f"\nin sequence: {sequential:.1f} s; {args.engine} engine on {args.processes} "
        f"processes: {parallel:.1f} s; ratio {sequential / parallel:.2f}"
    )
    print(
        f"per scenario (solve, checks, network comparison): mean "
        f"{statistics.fmean(task_seconds):.1f} s, max {max(task_seconds):.1f} s; "
        f"engine overhead beyond a perfect split about {startup:.1f} s"
    )
    print(
        "expected on a cluster of W single-threaded workers with a core each "
        "(rounds x slowest scenario, plus the engine's start-up):"
    )
    for workers in (2, 4, 12, 48):
        rounds = math.ceil(n / workers)
        print(f"  W={workers:>2}: {rounds} round(s), about {rounds * max(task_seconds):.0f} s")


def _figures(result: ScenarioResult, seconds: float | None = None) -> str:
    if not result.has_plan:
        return f"{result.status or 'failed'}"
    gap = f"{result.gap:.1%}" if result.gap is not None else "-"
    took = seconds if seconds is not None else result.seconds
    return f"{result.objective:,.0f} gap {gap} {took:.0f}s"


if __name__ == "__main__":
    main()
