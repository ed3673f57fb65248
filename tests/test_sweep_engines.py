"""Sweep engines on real worker processes: a Dask LocalCluster and the local process pool
give the figures of a one-by-one run, and a worker killed mid-sweep loses no scenario."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time

import pytest
from sweep_company import company, six_scenarios, solve_one_by_one

from crossteam.checks import verify
from crossteam.errors import InputError
from crossteam.models import Plan, PlanningInput
from crossteam.models.sweep import SweepResult
from crossteam.sweep import Grid, engines, run_sweep
from crossteam.sweep.engines import STOPPED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> PlanningInput:
    return company(tmp_path_factory.mktemp("company"))


@pytest.fixture(scope="module")
def grid(tmp_path_factory: pytest.TempPathFactory, instance: PlanningInput) -> Grid:
    return six_scenarios(tmp_path_factory.mktemp("grid"), instance)


@pytest.fixture(scope="module")
def one_by_one(instance: PlanningInput, grid: Grid) -> list[tuple[PlanningInput, Plan]]:
    plans = solve_one_by_one(instance, grid)
    for planned, plan in plans:
        assert plan.has_solution
        assert verify(planned, plan).passed
    return plans


def assert_same_as_one_by_one(
    result: SweepResult, one_by_one: list[tuple[PlanningInput, Plan]]
) -> None:
    assert [s.scenario for s in result.scenarios] == list(range(len(one_by_one)))
    assert not result.failed, [(s.scenario, s.failure) for s in result.failed]
    for scenario, (_, plan) in zip(result.scenarios, one_by_one, strict=True):
        assert scenario.checks_passed is True, scenario.check_failures
        assert scenario.status == plan.status
        assert scenario.objective == plan.objective
        assert scenario.bound == plan.bound
        assert scenario.teams == plan.teams
        assert scenario.rotation == plan.rotation
    # the grid is not degenerate: its scenarios lead to different plans
    assert len({s.teams for s in result.scenarios}) > 1


def test_dask_local_cluster_gives_the_figures_of_a_one_by_one_run(
    instance: PlanningInput, grid: Grid, one_by_one: list[tuple[PlanningInput, Plan]]
) -> None:
    pytest.importorskip("distributed")
    progress: list[tuple[int, int]] = []
    result = run_sweep(
        instance, grid, engine="dask", processes=2, on_progress=lambda *p: progress.append(p)
    )
    assert result.engine == "dask"
    assert progress == [(done, 6) for done in range(1, 7)]
    assert_same_as_one_by_one(result, one_by_one)


def test_dask_worker_killed_mid_sweep_loses_no_scenario(
    instance: PlanningInput, grid: Grid, one_by_one: list[tuple[PlanningInput, Plan]]
) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        killed: list[tuple[int, tuple[str, ...]]] = []

        def kill_a_busy_worker(done: int, total: int) -> None:
            if killed:
                return
            busy = {a: keys for a, keys in client.processing().items() if keys}
            address = next(iter(busy or client.scheduler_info()["workers"]))
            pid = client.run(os.getpid, workers=[address])[address]
            os.kill(pid, signal.SIGKILL)
            killed.append((pid, tuple(busy.get(address, ()))))

        result = run_sweep(
            instance,
            grid,
            engine="dask",
            address=cluster.scheduler_address,
            on_progress=kill_a_busy_worker,
        )
    assert killed, "no worker was killed"
    pid, lost_tasks = killed[0]
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert lost_tasks, "the killed worker was running no scenario"
    assert (result.address, result.processes) == (cluster.scheduler_address, 2)
    assert_same_as_one_by_one(result, one_by_one)


def test_local_pool_worker_killed_mid_sweep_reruns_its_scenarios(
    instance: PlanningInput, grid: Grid, one_by_one: list[tuple[PlanningInput, Plan]]
) -> None:
    killed: list[int] = []

    def kill_a_pool_worker(done: int, total: int) -> None:
        if killed:
            return
        worker = multiprocessing.active_children()[0]
        os.kill(worker.pid, signal.SIGKILL)
        killed.append(worker.pid)

    result = run_sweep(instance, grid, engine="local", on_progress=kill_a_pool_worker)
    assert killed
    assert result.engine == "local"
    # the scenarios in flight when the pool broke ran a second time; the others once
    assert max(s.attempts for s in result.scenarios) == 2
    assert min(s.attempts for s in result.scenarios) == 1
    assert_same_as_one_by_one(result, one_by_one)


def test_local_pool_reports_scenarios_whose_workers_keep_dying(
    instance: PlanningInput, grid: Grid
) -> None:
    two = Grid(scenarios=grid.scenarios[:2], keys=grid.keys)
    done = threading.Event()

    def kill_every_pool_worker() -> None:
        while not done.is_set():
            for worker in multiprocessing.active_children():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.pid, signal.SIGKILL)
            time.sleep(0.05)

    killer = threading.Thread(target=kill_every_pool_worker, daemon=True)
    killer.start()
    try:
        result = run_sweep(instance, two, engine="local")
    finally:
        done.set()
        killer.join()
    assert [s.scenario for s in result.failed] == [0, 1]
    for scenario in result.scenarios:
        assert scenario.attempts == 3
        assert scenario.failure == "its worker process died 3 times"
        assert scenario.status is None and not scenario.pareto


@pytest.mark.parametrize(
    "engine, started_at_most",
    [
        ("local", 2),  # the pool holds one scenario per process
        # a Dask stop cancels only what no worker holds yet; on a quiet machine the two
        # workers may already hold, and finish, every one of the six
        ("dask", 5),
    ],
)
def test_stop_keeps_the_scenarios_done_and_reports_the_rest_as_not_run(
    instance: PlanningInput, grid: Grid, engine: str, started_at_most: int
) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    stop = threading.Event()
    result = run_sweep(
        instance, grid, engine=engine, on_progress=lambda done, total: stop.set(), stop=stop
    )
    planned = [s for s in result.scenarios if s.has_plan]
    not_run = [s for s in result.scenarios if s.failure == STOPPED]
    assert len(planned) + len(not_run) == 6, [(s.status, s.failure) for s in result.scenarios]
    assert 1 <= len(planned) <= 1 + started_at_most
    assert all(s.checks_passed for s in planned)
    assert all(s.attempts == 0 for s in not_run)


def test_unreachable_scheduler_is_an_input_error(
    instance: PlanningInput, grid: Grid, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    # nothing listens on the port, so a second is as good as the default ten to give up
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        run_sweep(instance, grid, engine="dask", address="tcp://127.0.0.1:9")
