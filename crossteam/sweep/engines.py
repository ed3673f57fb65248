"""Where the scenarios run: a local process pool, or a Dask cluster (local or remote).

Both engines send the instance and its network report to each worker once, send each
task only its scenario, and hand every scenario's ``ScenarioResult`` to ``on_result``
as soon as it is back: a plan, or a failure that says why. No scenario is lost: a
scenario whose worker process dies is run again, up to ``RETRIES`` more times. When
``stop`` is set, no further scenario is handed to a worker: those a worker holds finish,
the others are reported as not run. Each scenario runs in the sweep's language, so that
its failures and checks read as the rest of the run.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, Final

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.models import NetworkReport, PlanningInput, Problem
from crossteam.models.sweep import ScenarioResult
from crossteam.sweep.grid import Scenario
from crossteam.sweep.scenario import solve_scenario

RETRIES: Final = 2
"""Further runs of a scenario whose worker died (Dask: ``retries`` of each task)."""
CONNECT_TIMEOUT: Final = "10s"
STOP_POLL_SECONDS: Final = 0.2

OnResult = Callable[[ScenarioResult], None]


def __getattr__(name: str) -> str:
    """``STOPPED``: the failure of a scenario the sweep never started, in the current
    language."""
    if name == "STOPPED":
        return i18n.t("terminal.sweep_stopped")
    raise AttributeError(name)


def failed(scenario: Scenario, attempts: int, reason: str) -> ScenarioResult:
    """The record of a scenario that gave no result, with the reason."""
    return ScenarioResult(
        scenario=scenario.index,
        name=scenario.name,
        changes=scenario.changes,
        failure=reason,
        attempts=attempts,
    )


# ---------------------------------------------------------------------------- local pool

_worker_input: tuple[PlanningInput, NetworkReport] | None = None
"""Set once in each pool process by ``_start_worker``, so tasks carry only a scenario."""


def _start_worker(instance: PlanningInput, report: NetworkReport) -> None:
    global _worker_input
    _worker_input = (instance, report)
    # Ctrl-C reaches the whole process group; the parent decides (``stop``), and a
    # scenario already running ends at its own time limit with its plan
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _solve_in_worker(scenario: Scenario, language: i18n.Language) -> ScenarioResult:
    assert _worker_input is not None, "the pool initializer did not run"  # not shown: a bug
    return solve_scenario(*_worker_input, scenario, language=language)


def run_local(
    instance: PlanningInput,
    report: NetworkReport,
    scenarios: Sequence[Scenario],
    processes: int,
    on_result: OnResult,
    stop: threading.Event,
) -> int:
    """Run ``scenarios`` on a pool of ``processes`` worker processes; returns how many
    processes a pool had.

    At most ``processes`` scenarios are in flight, so when a worker dies (the pool is then
    broken as a whole) only those are charged an attempt; they go first on a new pool.
    """
    pending = deque(scenarios)
    language = i18n.current()
    workers = min(processes, len(pending))
    attempts: Counter[int] = Counter()
    # Not fork: forking a process that holds solver or network threads can deadlock. A
    # fork server imports crossteam once and forks each worker from that single-threaded
    # process, which starts a pool several seconds sooner than spawning fresh interpreters.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["crossteam.sweep.engines"])
    while pending and not stop.is_set():
        with ProcessPoolExecutor(
            max_workers=min(workers, len(pending)),
            mp_context=context,
            initializer=_start_worker,
            initargs=(instance, report),
        ) as pool:
            running: dict[Future[ScenarioResult], Scenario] = {}
            broken = False
            while running or (pending and not broken and not stop.is_set()):
                while pending and not broken and not stop.is_set() and len(running) < processes:
                    scenario = pending.popleft()
                    try:
                        running[pool.submit(_solve_in_worker, scenario, language)] = scenario
                    except BrokenProcessPool:
                        pending.appendleft(scenario)
                        broken = True
                        break
                    attempts[scenario.index] += 1
                if not running:
                    break
                done, _ = wait(running, timeout=STOP_POLL_SECONDS, return_when=FIRST_COMPLETED)
                for future in done:
                    scenario = running.pop(future)
                    tries = attempts[scenario.index]
                    error = future.exception()
                    if error is None:
                        on_result(future.result().model_copy(update={"attempts": tries}))
                    elif not isinstance(error, BrokenProcessPool):
                        on_result(failed(scenario, tries, f"{type(error).__name__}: {error}"))
                    elif tries <= RETRIES:
                        broken = True
                        pending.appendleft(scenario)
                    else:
                        broken = True
                        died = i18n.t("terminal.worker_died", tries=tries)
                        on_result(failed(scenario, tries, died))
    for scenario in pending:
        stopped = i18n.t("terminal.sweep_stopped")
        on_result(failed(scenario, attempts[scenario.index], stopped))
    return workers


# ---------------------------------------------------------------------------- Dask


def run_dask(
    instance: PlanningInput,
    report: NetworkReport,
    scenarios: Sequence[Scenario],
    processes: int,
    address: str | None,
    on_result: OnResult,
    stop: threading.Event,
) -> int:
    """Run ``scenarios`` on the Dask scheduler at ``address``, or on a new local cluster of
    ``processes`` single-threaded worker processes; returns how many workers the cluster
    had when the sweep started.

    The instance and report are scattered to every worker once; each task is retried
    ``RETRIES`` times, and the scheduler itself re-runs a task whose worker died.
    """
    distributed = _import_distributed()
    with _dask_client(distributed, address, processes) as client:
        # broadcast: a copy on every worker survives the death of any one of them
        shared = client.scatter([instance, report], broadcast=True, hash=False)
        workers = len(client.scheduler_info()["workers"])
        run = uuid.uuid4().hex[:8]
        futures = {
            client.submit(
                solve_scenario,
                *shared,
                scenario,
                language=i18n.current(),
                key=f"crossteam-scenario-{scenario.index}-{run}",
                retries=RETRIES,
                pure=False,
            ): scenario
            for scenario in scenarios
        }
        with _cancel_on_stop(client, list(futures), stop):
            for future in distributed.as_completed(futures):
                scenario = futures[future]
                if future.status == "finished":
                    on_result(future.result())
                elif future.status == "error":
                    error = future.exception()
                    on_result(failed(scenario, 1 + RETRIES, f"{type(error).__name__}: {error}"))
                elif stop.is_set():
                    on_result(failed(scenario, 0, i18n.t("terminal.sweep_stopped")))
                else:
                    reason = i18n.t("terminal.task_dropped", status=future.status)
                    on_result(failed(scenario, 1, reason))
    return workers


@contextmanager
def _cancel_on_stop(client: Any, futures: list[Any], stop: threading.Event) -> Iterator[None]:
    """Once ``stop`` is set, cancel the tasks no worker has started; running ones finish."""
    finished = threading.Event()

    def watch() -> None:
        while not finished.is_set():
            if stop.wait(STOP_POLL_SECONDS):
                running = {key for keys in client.processing().values() for key in keys}
                client.cancel([f for f in futures if not f.done() and f.key not in running])
                return

    watcher = threading.Thread(target=watch, name="crossteam-sweep-stop", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        finished.set()
        watcher.join()


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise InputError([Problem(message=i18n.t("terminal.dask_missing"))]) from None
    return distributed


@contextmanager
def _dask_client(distributed: Any, address: str | None, processes: int) -> Iterator[Any]:
    if address is not None:
        try:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise InputError(
                [Problem(message=i18n.t("terminal.dask_unreachable", address=address, error=error))]
            ) from None
        with client:
            yield client
        return
    with (
        distributed.LocalCluster(
            n_workers=processes,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client
