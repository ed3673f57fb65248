"""``run_sweep``: every scenario of a grid planned on an engine, compared, in one result."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Final

from crossteam import i18n, network
from crossteam.errors import InputError
from crossteam.models import PlanningInput, Problem
from crossteam.models.sweep import ScenarioResult, SweepResult
from crossteam.sweep.engines import run_dask, run_local
from crossteam.sweep.front import compare_scenarios
from crossteam.sweep.grid import Grid

ENGINES: Final = ("local", "dask")
"""``local``: a process pool, nothing to install; ``dask``: the ``distributed`` extra."""


def run_sweep(
    instance: PlanningInput,
    grid: Grid,
    *,
    engine: str = "local",
    address: str | None = None,
    processes: int = 2,
    on_progress: Callable[[int, int], None] | None = None,
    stop: threading.Event | None = None,
) -> SweepResult:
    """Plan every scenario of ``grid`` on ``engine`` and compare them.

    Args:
        instance: The base instance each scenario changes.
        grid: From ``build_grid``; scenario 0 is the baseline for ``changed_share``.
        engine: ``local`` (a process pool) or ``dask`` (a Dask cluster).
        address: A Dask scheduler (``tcp://host:8786``); without it, ``dask`` starts a
            local cluster. Only for ``dask``.
        processes: Worker processes of the pool or local cluster (each solves with one
            thread); ignored when ``address`` names a cluster, whose workers are counted.
        on_progress: Called with (scenarios done, scenarios in all) after each one.
        stop: Once set (on Ctrl-C), no further scenario starts; those running finish and
            the rest are reported as not run.

    Returns:
        One ``ScenarioResult`` per scenario in grid order, each a plan or a failure with
        its reason, the Pareto-efficient ones marked.

    Raises:
        InputError: an unknown engine, ``address`` without dask, ``processes`` below 1,
            the dask extra missing, or a scheduler that cannot be reached.
    """
    _check_arguments(engine, address, processes)
    started = time.monotonic()
    report = network.analyse(instance)
    total = len(grid.scenarios)
    results: dict[int, ScenarioResult] = {}

    def collect(result: ScenarioResult) -> None:
        results[result.scenario] = result
        if on_progress is not None:
            on_progress(len(results), total)

    stop = stop if stop is not None else threading.Event()
    if engine == "local":
        workers = run_local(instance, report, grid.scenarios, processes, collect, stop)
    else:
        workers = run_dask(instance, report, grid.scenarios, processes, address, collect, stop)
    missing = [s.index for s in grid.scenarios if s.index not in results]
    if missing:  # the engines answer for every scenario; this would be a bug in one
        bug = f"the {engine} engine returned no result for scenarios {missing}"  # not shown: a bug
        raise RuntimeError(bug)
    ordered, criteria = compare_scenarios([results[s.index] for s in grid.scenarios])
    return SweepResult(
        scenarios=ordered,
        keys=grid.keys,
        criteria=criteria,
        engine=engine,
        processes=max(workers, 1),
        address=address,
        seconds=round(time.monotonic() - started, 3),
    )


def _check_arguments(engine: str, address: str | None, processes: int) -> None:
    problems = []
    if engine not in ENGINES:
        problems.append(
            i18n.t("terminal.engine_unknown", engine=engine, engines=i18n.listed(ENGINES))
        )
    if address is not None and engine != "dask":
        problems.append(i18n.t("terminal.address_without_dask"))
    if processes < 1:
        problems.append(i18n.t("terminal.processes_too_few", processes=processes))
    if problems:
        raise InputError([Problem(message=m) for m in problems])
