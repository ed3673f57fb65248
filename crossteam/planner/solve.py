"""One planning run: pre-checks, the start plan, one CP-SAT model for teams and rotation,
search, plan.

Each stage lives in its own module: the start plans (``start``), the model (``model``),
the hinted start (``hints``), the search (``search``), the explanation of a model with no
solution (``explain``) and the path of very large companies (``large``).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.i18n.catalogue import MESSAGES
from crossteam.models import (
    EmployeeId,
    NetworkReport,
    Plan,
    PlanningInput,
    SolveStatus,
    StopReason,
    Team,
    TeamName,
)
from crossteam.planner.ceiling import pairs_ceiling
from crossteam.planner.cutoff import Cutoff, OutOfTime, Stopped, WallCuts
from crossteam.planner.department_level import DepartmentPlan, Mix
from crossteam.planner.explain import explain
from crossteam.planner.hints import hint_best_start
from crossteam.planner.large import LargeCompany, too_large_to_repair
from crossteam.planner.model import PlanningModel, build_model
from crossteam.planner.options import Progress, SolveOptions, Stage, silent
from crossteam.planner.prechecks import (
    check_teams_possible,
    precheck_rotation,
    rotation_warnings,
    team_rule_warnings,
)
from crossteam.planner.search import (
    RunFacts,
    no_solution_reason,
    search,
    searched_plan,
    stop_reason,
)
from crossteam.planner.stability import PreviousPlan
from crossteam.planner.start import department_plan, starting_plan

PREPARATION_GRACE = 10.0
"""Seconds past the time limit the stages before the search (greedy, local search, the
model) may run before the run gives up: they used to run to the end however long, and a
start plan a little late beats none (1,500 people planned in 3 s need about 4 s to get
there on 2 cores), but a model that would take minutes is not waited for."""
INTERRUPTED_REASON = MESSAGES["checks.run_interrupted"].en
"""A run stopped before any plan, in English (the plan says it in the run's language)."""


def solve(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    on_stage: Callable[[Stage], None] | None = None,
    stop: threading.Event | None = None,
    whole: bool = True,
    previous: PreviousPlan | None = None,
    start: Mapping[TeamName, list[EmployeeId]] | None = None,
) -> Plan:
    """Plan teams and rotation for ``instance``; never raises for an impossible workbook.

    ``whole=False`` plans a block of a larger plan (``blocks``): it never takes the very
    large company path itself, whatever its size. With a ``previous`` plan, the plan
    repairs it: one search, started from it, that weighs every change against what it
    gains (``stability``).

    Returns a plan with status optimal or feasible, or infeasible / no_solution with an
    explanation in plain words. ``stop`` (set on Ctrl-C) ends whichever stage runs: the
    search with the best plan, an earlier stage with no plan (``StopReason.INTERRUPTED``).
    ``on_stage`` hears each stage as it starts. A plan of the whole company also says how
    many silent department pairs any plan of these teams and periods could bridge at most
    (``silent_pairs_ceiling``). A ``start`` (members per team, valid) is the plan the
    search starts from instead of the greedy one: a block starts from its teams as they
    are, so that its search has them to beat.
    """
    started = time.monotonic()
    cutoff = Cutoff(stop, started + options.time_limit_seconds + PREPARATION_GRACE)
    run = _Run(
        instance, report, options,
        on_progress=on_progress, announce=on_stage or silent, cutoff=cutoff, whole=whole,
        previous=previous, given=start,
    )  # fmt: skip
    try:
        plan = run.plan()
    except Stopped:
        return Plan(
            status=SolveStatus.NO_SOLUTION, stop_reason=StopReason.INTERRUPTED,
            explanation=(i18n.t("checks.run_interrupted"),), seconds=time.monotonic() - started,
            seed=options.seed, workers=options.threads,
            time_limit_seconds=options.time_limit_seconds,
        )  # fmt: skip
    plan = repeat_verdict(plan, options, run.cuts)
    if not whole:
        return plan
    warnings = rule_warnings(instance, options)
    if warnings:
        plan = plan.model_copy(update={"notes": (*warnings, *plan.notes)})
    if not plan.has_solution or cutoff.stopped:
        return plan  # stopped: the plan is wanted now, without the ceiling
    most = pairs_ceiling(
        instance,
        list(report.gap_pairs),
        teams=plan.planned_teams,
        rotation=plan.planned_rotation,
        cutoff=Cutoff(stop),
    )
    return plan.model_copy(update={"silent_pairs_ceiling": None if cutoff.stopped else most})


def rule_warnings(instance: PlanningInput, options: SolveOptions) -> list[str]:
    """Rules and settings of the parts planned that match nobody or leave nothing to plan:
    planning goes on, but they do nothing (soft Balance rules, a stint longer than the
    periods). A plan of the whole company lists them first among its notes."""
    teams = options.plan_teams and bool(instance.teams)
    rotation = options.plan_rotation and bool(instance.periods)
    return [
        *(team_rule_warnings(instance) if teams else []),
        *(rotation_warnings(instance) if rotation else []),
    ]


def repeat_verdict(plan: Plan, options: SolveOptions, cuts: WallCuts) -> Plan:
    """``plan`` with whether the run repeats (``Plan.repeatable``), and a note saying why
    not when it was meant to: a stage the wall clock ended, rather than its work limit."""
    if not options.by_work:
        return plan.model_copy(
            update={"repeatable": False, "deterministic_time_limit": options.work_limit}
        )
    if plan.stop_reason is StopReason.TIME_LIMIT:
        cuts.add(
            i18n.t("checks.stage.search")
            if plan.has_solution
            else i18n.t("checks.stage.preparation")
        )
    stopped = plan.stop_reason is StopReason.INTERRUPTED
    notes = plan.notes
    if cuts.stages and not stopped:
        stages = i18n.t("checks.stage.and").join(cuts.stages)
        notes = (*notes, i18n.t("checks.note.may_not_repeat", stages=stages))
    return plan.model_copy(
        update={
            "repeatable": not cuts.stages and not stopped,
            "deterministic_time_limit": options.work_limit,
            "notes": notes,
        }
    )


def within_headcount(instance: PlanningInput) -> PlanningInput:
    """``instance`` with no team larger than the people it can hold: those available, at
    most ``max_per_department`` of each department. A larger ``max_size`` allows no other
    plan, but would cost the model (and its bounds) a variable per size."""
    available = Counter(e.department for e in instance.available_employees)

    def most(team: Team) -> int:
        limit = team.max_per_department
        held = sum(min(n, limit or n) for n in available.values())
        return max(team.min_size, min(team.max_size, held))

    if all(t.max_size <= most(t) for t in instance.teams):
        return instance
    teams = tuple(t.model_copy(update={"max_size": most(t)}) for t in instance.teams)
    return instance.with_changes(teams=teams)


@dataclass(frozen=True)
class _Start:
    """Where the search starts: a start plan's teams and the department-level plan."""

    teams: Mapping[TeamName, list[EmployeeId]] | None = None
    department: DepartmentPlan | None = None


@dataclass
class _Run:
    """``solve`` without the ceiling, stage by stage; ``cuts`` hears the stages the wall
    clock ended. Each stage gives the plan when the run ends there.

    Raises:
        Stopped: the run was asked to stop before the search kept a plan.
    """

    instance: PlanningInput
    report: NetworkReport
    options: SolveOptions
    on_progress: Callable[[Progress], None] | None
    announce: Callable[[Stage], None]
    cutoff: Cutoff
    whole: bool
    previous: PreviousPlan | None
    given: Mapping[TeamName, list[EmployeeId]] | None = None
    cuts: WallCuts = field(default_factory=WallCuts)
    started: float = field(default_factory=time.monotonic)
    with_teams: bool = field(init=False)
    with_rotation: bool = field(init=False)
    facts: RunFacts = field(init=False)
    """What every plan of this run says about the run itself."""

    def __post_init__(self) -> None:
        self.instance = within_headcount(self.instance)
        options, instance = self.options, self.instance
        self.with_teams = options.plan_teams and bool(instance.teams)
        self.with_rotation = options.plan_rotation and bool(instance.periods)
        self.facts = RunFacts(
            seed=options.seed,
            workers=options.threads,
            time_limit_seconds=options.time_limit_seconds,
            planned_teams=self.with_teams,
            planned_rotation=self.with_rotation,
        )

    @property
    def stop(self) -> threading.Event | None:
        return self.cutoff.stop

    def plan(self) -> Plan:
        """The run's plan: pre-checks, start, model, search (or the stage it ended at)."""
        if not self.with_teams and not self.with_rotation:
            return Plan(
                status=SolveStatus.OPTIMAL, objective=0.0, bound=0.0, gap=0.0,
                stop_reason=StopReason.NOTHING_TO_PLAN, **self.facts,
            )  # fmt: skip
        reasons = check_teams_possible(self.instance) if self.with_teams else []
        if self.with_rotation:
            reasons += precheck_rotation(self.instance)
        if reasons:
            return self._ended(SolveStatus.INFEASIBLE, StopReason.PRECHECK, *reasons)
        start = self._start()
        if isinstance(start, Plan):
            return start
        try:
            built = self._build(start, self.cutoff)
        except OutOfTime:
            late = i18n.t(
                "checks.model_too_slow",
                seconds=self.options.time_limit_seconds,
                grace=PREPARATION_GRACE,
            )
            return self._ended(SolveStatus.NO_SOLUTION, StopReason.TIME_LIMIT, late)
        return self._searched(built, start)

    def _build(self, start: _Start, cutoff: Cutoff) -> PlanningModel:
        """The model of this run, around ``start`` (``model.build_model``)."""
        return build_model(
            self.instance, self.report, self.options,
            teams=self.with_teams, rotation=self.with_rotation, start=start.teams,
            department=start.department, cutoff=cutoff, on_stage=self.announce, cuts=self.cuts,
            previous=self.previous,
        )  # fmt: skip

    def _ended(self, status: SolveStatus, stopped: StopReason, *explanation: str) -> Plan:
        """The plan of a run that ended with no plan, ``explanation`` saying why."""
        return Plan(
            status=status, stop_reason=stopped, explanation=explanation,
            seconds=time.monotonic() - self.started, **self.facts,
        )  # fmt: skip

    def _start(self) -> _Start | Plan:
        """The start of the search: a re-plan's previous plan, or the greedy plan and the
        department-level plan; a plan when the run ends here."""
        instance, options = self.instance, self.options
        if self.previous is not None and self.with_teams:
            too_large = too_large_to_repair(instance, options, len(self.report.gap_weights()))
            if too_large is not None:
                return self._ended(SolveStatus.NO_SOLUTION, StopReason.SIZE_LIMIT, too_large)
            return _Start(self.previous.start(instance))
        if not (self.with_teams and options.formulation.greedy_start):
            return _Start()
        self.announce(Stage.START)
        start = (
            starting_plan(instance, self.report, self.cutoff)
            if self.given is None
            else {t: list(m) for t, m in self.given.items()}
        )
        self.cutoff.raise_if_stopped()
        if self.cutoff.expired:
            self.cuts.add(i18n.t("checks.stage.start_plan"))
        if start is None:  # the time limit passed before the greedy plan was done
            reason = no_solution_reason(StopReason.TIME_LIMIT, options)
            return self._ended(SolveStatus.NO_SOLUTION, StopReason.TIME_LIMIT, reason)
        large = self._large_company(start) if self.whole else None
        if large is not None:
            planned_rotation = self.with_rotation and large.planned_rotation
            return large.model_copy(update={**self.facts, "planned_rotation": planned_rotation})
        if not options.formulation.department_level:
            return _Start(start)
        self.announce(Stage.DEPARTMENTS)
        department = department_plan(
            instance, self.report, options, start,
            rotation=self.with_rotation, stop=self.stop, cuts=self.cuts,
        )  # fmt: skip
        self.cutoff.raise_if_stopped()
        return _Start(start, department)

    def _large_company(self, start: Mapping[TeamName, list[EmployeeId]]) -> Plan | None:
        """The very large company's plan, or ``None`` when the model fits (``large``)."""
        return LargeCompany(
            self.instance, self.report, self.options, self.started, self.on_progress,
            self.announce, self.cutoff, self.cuts, partial(solve, whole=False),
        ).plan(start)  # fmt: skip

    def _searched(self, built: PlanningModel, start: _Start) -> Plan:
        """The search's plan, or why there is none."""
        # the department-level plan, filled with people, starts the search when it beats
        # the start plan on what departments decide (bridging, departments present,
        # diversify) and, filled, on the whole objective
        department = start.department
        better = department is not None and (department.value or 0) > (department.start_value or 0)
        mixes = department.mixes if better and department is not None else None
        self.announce(Stage.SEARCH)
        solver, status, found = self._search(built, start.teams, mixes)
        if status == cp_model.INFEASIBLE and built.restricted:
            # the greedy start broke a hard rule, so the restriction built around it may be
            # what leaves no plan: try the exact model before declaring the rules impossible
            built = self._build(_Start(), Cutoff(self.stop))
            self.announce(Stage.SEARCH)
            solver, status, found = self._search(built, start.teams, None)
        seconds = time.monotonic() - self.started
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return searched_plan(
                built, (solver, status), solver, self.options, self.stop, seconds, self.facts
            )
        if status == cp_model.INFEASIBLE:
            return self._explained()
        if status == cp_model.MODEL_INVALID:
            invalid = built.ctx.model.validate()
            raise RuntimeError(f"the planning model is invalid: {invalid}")  # not shown: a bug
        if found is not None:
            # the search ended before its first solution: the start plan stands, and is valid
            return searched_plan(
                built, (solver, status), found, self.options, self.stop, seconds, self.facts
            )
        stopped = stop_reason(solver, self.options, self.stop)
        return Plan(
            status=SolveStatus.NO_SOLUTION, stop_reason=stopped, seconds=seconds,
            explanation=(no_solution_reason(stopped, self.options),), **self.facts,
        )  # fmt: skip

    def _search(
        self,
        built: PlanningModel,
        start: Mapping[TeamName, list[EmployeeId]] | None,
        mixes: Mapping[TeamName, Mix] | None,
    ) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus, cp_model.CpSolver | None]:
        """Hint the start (if any) and search: the search's solver and status, and the
        solver holding the start plan in full (``None`` without one)."""
        found = hint_best_start(built, self.options, start, mixes, self.stop, self.cuts)
        solver, status = search(built, self.options, self.started, self.on_progress, self.stop)
        return solver, status, found

    def _explained(self) -> Plan:
        """The plan of a model with no solution: the rules in conflict."""
        self.announce(Stage.EXPLAIN)
        # the explanation is held to the time limit itself, not to the preparation's grace
        limit = Cutoff(self.stop, self.started + self.options.time_limit_seconds)
        explanation = explain(
            self.instance, self.report, self.options,
            teams=self.with_teams, rotation=self.with_rotation, cutoff=limit, cuts=self.cuts,
        )  # fmt: skip
        return self._ended(SolveStatus.INFEASIBLE, StopReason.PROVEN, *explanation)
