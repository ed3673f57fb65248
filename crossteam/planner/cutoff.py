"""When a stage of a run must give up: on Ctrl-C or SIGTERM (``stop``), or at its deadline.

CP-SAT stops itself at its time limit, and a watcher thread stops it on ``stop``. The
stages in pure Python (greedy, local search, the hand-made bound, the rotation's hint)
ask a ``Cutoff`` often instead: an anytime stage keeps what it has, any other raises.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model


class Stopped(Exception):
    """The run was asked to stop (Ctrl-C or SIGTERM) before this stage finished."""


class OutOfTime(Exception):
    """The stage ran past its deadline before it had anything to give."""


@dataclass(frozen=True)
class Cutoff:
    """The run's stop event and the moment (``time.monotonic()``) a stage must end by."""

    stop: threading.Event | None = None
    deadline: float = math.inf

    @property
    def stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def reached(self) -> bool:
        """Stopped, or past the deadline: an anytime stage returns what it has."""
        return self.stopped or self.expired

    def check(self) -> None:
        """Raise ``Stopped`` or ``OutOfTime`` when the stage must give up.

        Raises:
            Stopped: the run was asked to stop.
            OutOfTime: the deadline has passed.
        """
        if self.stopped:
            raise Stopped
        if self.expired:
            raise OutOfTime

    def raise_if_stopped(self) -> None:
        """Raise ``Stopped`` when the run was asked to stop (a deadline is not checked)."""
        if self.stopped:
            raise Stopped

    def within(self, seconds: float) -> Cutoff:
        """The same stop, with a deadline at most ``seconds`` from now."""
        return replace(self, deadline=min(self.deadline, time.monotonic() + seconds))

    @property
    def seconds_left(self) -> float:
        return max(0.0, self.deadline - time.monotonic())


@dataclass
class WallCuts:
    """The stages of a run bounded by work that the wall clock ended all the same, as a
    safety net: such a run may not repeat. Empty when work limits and proofs ended them."""

    stages: list[str] = field(default_factory=list)

    def add(self, stage: str) -> None:
        if stage not in self.stages:
            self.stages.append(stage)


NO_CUTOFF = Cutoff()
"""A stage run with no stop and no deadline (tests, benchmarks, the library's defaults)."""


def solve_until(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    cutoff: Cutoff,
    callback: cp_model.CpSolverSolutionCallback | None = None,
    *,
    linger: float = 0.0,
) -> cp_model.CpSolverStatus:
    """``solver.solve(model)`` that also ends on ``cutoff.stop`` and at ``cutoff.deadline``.

    A watcher thread asks the solver to stop every 0.1 s once ``stop`` has been set for
    ``linger`` seconds (a solve about to give something worth keeping may finish): a
    request made while the solver is still setting up may not outlive its start.
    """
    if math.isfinite(cutoff.deadline):
        params = solver.parameters
        params.max_time_in_seconds = max(0.05, min(params.max_time_in_seconds, cutoff.seconds_left))
    stop = cutoff.stop
    if stop is None:
        return solver.solve(model, callback)
    done = threading.Event()

    def watcher() -> None:
        stopped_at: float | None = None
        while not done.wait(0.1):
            if stop.is_set():
                stopped_at = stopped_at if stopped_at is not None else time.monotonic()
                if time.monotonic() - stopped_at >= linger:
                    solver.stop_search()

    thread = threading.Thread(target=watcher, name="crossteam-stop-watcher", daemon=True)
    thread.start()
    try:
        if stop.is_set() and not linger:
            solver.stop_search()
        return solver.solve(model, callback)
    finally:
        done.set()
        thread.join()
