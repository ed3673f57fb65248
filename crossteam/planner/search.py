"""The CP-SAT search of one run: its solvers and parameters, the watch that reports progress
and stops it, why it stopped, and the plan read back from it."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import TypedDict

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.i18n.catalogue import MESSAGES
from crossteam.models import Plan, SolveStatus, StopReason
from crossteam.models.limits import OBJECTIVE_SCALE
from crossteam.planner.cutoff import Cutoff, solve_until
from crossteam.planner.model import PlanningModel
from crossteam.planner.options import INTERLEAVE_BATCH, Progress, SolveOptions

CEILING_NOTE = MESSAGES["checks.note.ceiling"].en
"""The note of a plan bounded by crossteam's own bound, in English (the plan says it in
the run's language)."""
START_NOTE = MESSAGES["checks.note.start_plan"].en
"""The note of a plan that is the start plan, in English (as ``CEILING_NOTE``)."""


class RunFacts(TypedDict):
    """What every plan of a run says about the run itself."""

    seed: int
    workers: int
    time_limit_seconds: float
    planned_teams: bool
    planned_rotation: bool


def search(
    built: PlanningModel,
    options: SolveOptions,
    started: float,
    on_progress: Callable[[Progress], None] | None,
    stop: threading.Event | None,
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    """Search the (hinted) model until a limit, the proof, or ``stop``, with what is left
    of the time limit since ``started``; the solver and its status."""
    solver = new_solver(
        options,
        time_limit=options.time_limit_seconds - (time.monotonic() - started),
        work=options.work_limit,
    )
    if options.repeatable:
        # the workers interleave their work in batches of fixed size: deterministic, and
        # the same whatever the number of workers (CP-SAT's interleave_search)
        solver.parameters.interleave_search = True
        solver.parameters.interleave_batch_size = INTERLEAVE_BATCH
    lean_presolve(solver)
    # no LP cutting planes: the redundant rows of the model (and the bound worked out by
    # hand) already give the LP most of what cuts add, and cut rounds cost time. Measured
    # on 2 cores, one run each way: the peer task proven optimal in 2.6 s (5.3 s with
    # cuts), the 150-person example in 2.4 s (4.2 s); at 1,000 and 5,000 people the 60 s
    # gap was the same (0.70 % vs 0.73 %; 0.53 % vs 0.61 %)
    solver.parameters.cut_level = 0
    # presolve may otherwise transform the model so that the complete hint no longer fits
    # and the search starts from scratch: measured on a 1,000-person realistic company, the
    # hinted start (4,814.6) was lost and the search ended at 4,736 after 60 s; kept, the
    # search starts from it
    solver.parameters.keep_all_feasible_solutions_in_presolve = True
    watch = Watch(on_progress, stop, started, built.ceiling, stop_at_ceiling=not options.repeatable)
    return solver, _run(solver, built.ctx.model, watch, stop)


def _run(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    watch: Watch,
    stop: threading.Event | None,
) -> cp_model.CpSolverStatus:
    """The search itself: until a limit, the proof, or ``stop``."""
    return solve_until(solver, model, Cutoff(stop), watch)


class Watch(cp_model.CpSolverSolutionCallback):
    """Reports each improvement and stops the search when asked, or when a plan reaches
    the hand-made bound (``ceiling``, user units): no plan can be better.

    Not at the ceiling in a repeatable run (``stop_at_ceiling`` off): ortools 9.15 aborts
    the process ("Check failed: solution->size() == postsolve_mapping.size()") when a
    callback stops an interleaved search on two workers that keeps all feasible solutions
    in presolve; the work limit ends that search instead, and the plan is still called
    optimal when it reaches the ceiling (``searched_plan``)."""

    def __init__(
        self,
        on_progress: Callable[[Progress], None] | None,
        stop: threading.Event | None,
        started: float,
        ceiling: float | None = None,
        *,
        stop_at_ceiling: bool = True,
    ) -> None:
        super().__init__()
        self.on_progress = on_progress
        self.stop_at_ceiling = stop_at_ceiling
        self.stop = stop
        self.started = started
        """``time.monotonic()`` when the run began: progress counts the preparation too."""
        self.ceiling = ceiling * OBJECTIVE_SCALE if ceiling is not None else math.inf
        self.solutions = 0

    def on_solution_callback(self) -> None:
        self.solutions += 1
        objective = self.objective_value
        if self.stop_at_ceiling and objective >= self.ceiling - 0.5:
            self.stop_search()
        if self.on_progress is not None:
            bound = min(self.best_objective_bound, self.ceiling)
            self.on_progress(
                Progress(
                    objective=objective / OBJECTIVE_SCALE,
                    bound=bound / OBJECTIVE_SCALE,
                    gap=relative_gap(objective, bound),
                    seconds=time.monotonic() - self.started,
                    solutions=self.solutions,
                )
            )
        if self.stop is not None and self.stop.is_set():
            self.stop_search()


def new_solver(
    options: SolveOptions,
    *,
    time_limit: float,
    workers: int | None = None,
    work: float | None = None,
) -> cp_model.CpSolver:
    """A solver with the run's seed and workers (or ``workers``), the wall-clock
    ``time_limit`` and, when given, ``work`` as its deterministic time limit."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    # crossteam turns Ctrl-C into ``stop`` itself; CP-SAT's own SIGINT handler would replace
    # ours during a solve and reset SIGINT to the default after it, so a Ctrl-C between two
    # solves killed the process and lost the best plan
    params.catch_sigint_signal = False
    params.max_time_in_seconds = max(time_limit, 0.1)
    params.random_seed = options.seed
    params.num_workers = workers or options.threads
    if work is not None:
        params.max_deterministic_time = max(work, 0.01)
    return solver


def lean_presolve(solver: cp_model.CpSolver) -> None:
    """Skip the presolve steps that cost most on large team models and gain them least
    (measured on 1,000 people: the search starts in about half the time)."""
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.find_big_linear_overlap = False


def cut_by_clock(
    solver: cp_model.CpSolver,
    status: cp_model.CpSolverStatus,
    work: float | None,
    stop: threading.Event | None,
) -> bool:
    """Whether the wall clock ended a solve bounded by ``work`` before its work did (a
    proof, or a stop, is not the clock)."""
    if work is None or status in (cp_model.OPTIMAL, cp_model.INFEASIBLE):
        return False
    return not (stop is not None and stop.is_set()) and solver.deterministic_time < 0.99 * work


def relative_gap(objective: float, bound: float) -> float:
    """Relative distance to the bound, CP-SAT's way (scaled units, at least 1)."""
    return abs(bound - objective) / max(1.0, abs(objective))


def stop_reason(
    solver: cp_model.CpSolver, options: SolveOptions, stop: threading.Event | None
) -> StopReason:
    """Why a search that proved nothing ended: a stop, its work limit, or the clock."""
    if stop is not None and stop.is_set():
        return StopReason.INTERRUPTED
    limit = options.work_limit
    if limit is not None and solver.deterministic_time >= 0.99 * limit:
        return StopReason.DETERMINISTIC_LIMIT
    return StopReason.TIME_LIMIT


def no_solution_reason(stopped: StopReason, options: SolveOptions) -> str:
    """The explanation of a search that ended, for ``stopped``, before any plan."""
    if stopped is StopReason.INTERRUPTED:
        return i18n.t("checks.search_interrupted")
    return i18n.t("checks.no_plan_in_time", seconds=options.time_limit_seconds)


def searched_plan(
    built: PlanningModel,
    outcome: tuple[cp_model.CpSolver, cp_model.CpSolverStatus],
    found: cp_model.CpSolver,
    options: SolveOptions,
    stop: threading.Event | None,
    seconds: float,
    run: RunFacts,
) -> Plan:
    """The plan held by ``found``, with the bound and stop reason of the search's ``outcome`` (the
    same solver, unless the search ended before improving on the start plan)."""
    searched, status = outcome
    # from the terms: a re-plan's start was found with another objective (``hint_previous``)
    scaled = {
        part: sum(c * found.value(e) for c, e in parts)
        for part, parts in built.ctx.objective_terms.items()
    }
    objective = float(sum(scaled.values()))
    bound = searched.best_objective_bound if found is searched else None
    if bound is not None and not math.isfinite(bound):
        bound = None
    notes = []
    own = built.ceiling is not None and (bound is None or built.ceiling * OBJECTIVE_SCALE < bound)
    if own:
        assert built.ceiling is not None
        bound = built.ceiling * OBJECTIVE_SCALE
        notes.append(
            i18n.t("checks.note.restricted_ceiling")
            if built.restricted
            else i18n.t("checks.note.ceiling")
        )
    elif built.restricted:
        notes.append(i18n.t("checks.note.restricted"))
    optimal = (found is searched and status == cp_model.OPTIMAL) or (
        bound is not None and objective >= bound - 0.5  # the plan reaches the bound
    )
    terms = {part: value / OBJECTIVE_SCALE for part, value in scaled.items()}
    if found is not searched:
        notes.append(
            i18n.t("checks.note.repair_start")
            if built.previous is not None
            else i18n.t("checks.note.start_plan")
        )
    return Plan(
        status=SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE,
        objective=objective / OBJECTIVE_SCALE,
        bound=bound / OBJECTIVE_SCALE if bound is not None else None,
        gap=0.0 if optimal else relative_gap(objective, bound) if bound is not None else None,
        seconds=seconds,
        stop_reason=StopReason.PROVEN if optimal else stop_reason(searched, options, stop),
        teams=built.teams.extract(found) if built.teams is not None else (),
        rotation=built.rotation.extract(found) if built.rotation is not None else (),
        objective_terms=terms,
        notes=tuple(notes),
        **run,
    )
