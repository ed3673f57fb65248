"""The cutoff every planning stage hears: the run's stop (Ctrl-C, SIGTERM) and a deadline."""

from __future__ import annotations

import math
import threading
import time

import pytest
from ortools.sat.python import cp_model

from crossteam.planner.cutoff import NO_CUTOFF, Cutoff, OutOfTime, Stopped, solve_until


def stopped() -> threading.Event:
    stop = threading.Event()
    stop.set()
    return stop


def test_no_cutoff_is_never_reached() -> None:
    assert not NO_CUTOFF.reached()
    NO_CUTOFF.check()
    assert math.isinf(NO_CUTOFF.seconds_left)


def test_a_stop_is_reached_and_raises_stopped() -> None:
    cutoff = Cutoff(stopped())
    assert cutoff.reached() and cutoff.stopped
    with pytest.raises(Stopped):
        cutoff.check()
    with pytest.raises(Stopped):
        cutoff.raise_if_stopped()


def test_a_deadline_passed_raises_out_of_time_but_is_no_stop() -> None:
    cutoff = Cutoff(threading.Event(), deadline=time.monotonic() - 1)
    assert cutoff.reached() and not cutoff.stopped and cutoff.seconds_left == 0
    with pytest.raises(OutOfTime):
        cutoff.check()
    cutoff.raise_if_stopped()  # a deadline alone does not stop the run


def test_within_keeps_the_stop_and_the_earlier_deadline() -> None:
    stop = threading.Event()
    soon = Cutoff(stop, deadline=time.monotonic() + 1000).within(1)
    assert soon.stop is stop and soon.seconds_left <= 1
    later = Cutoff(stop, deadline=time.monotonic() + 1).within(1000)
    assert later.seconds_left <= 1


def small_model() -> tuple[cp_model.CpModel, cp_model.IntVar]:
    model = cp_model.CpModel()
    x = model.new_int_var(0, 10, "x")
    model.maximize(x)
    return model, x


def test_solve_until_without_a_cutoff_solves_as_the_solver_does() -> None:
    model, x = small_model()
    solver = cp_model.CpSolver()
    assert solve_until(solver, model, NO_CUTOFF) == cp_model.OPTIMAL
    assert solver.value(x) == 10


def test_solve_until_holds_the_solver_to_the_deadline() -> None:
    model, _ = small_model()
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 600
    solve_until(solver, model, Cutoff(deadline=time.monotonic() + 30))
    assert solver.parameters.max_time_in_seconds <= 30
    solve_until(solver, model, Cutoff(deadline=time.monotonic() - 5))
    assert solver.parameters.max_time_in_seconds == pytest.approx(0.05)
