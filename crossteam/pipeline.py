"""The application layer: one company planned, start to finish, the same way for every caller.

``plan_company`` solves (a plain plan, a re-plan of a previous plan, or alternatives),
re-verifies the plan with the solver-independent checker, measures its effect on the
network and, for a command's run, records how the run was made. ``plan``, ``sweep``,
``--alternatives`` and ``--review``/``--previous`` all go through it. Its two halves,
``search`` and ``assess``, are public so that the command line can run the search in a
worker thread (its own stays free to hear Ctrl-C) and show the checks as a stage.
"""

from __future__ import annotations

import platform
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

from pydantic import BaseModel, ConfigDict, Field

from crossteam import i18n
from crossteam.alternatives import AlternativesResult, plan_alternatives
from crossteam.assessment import assess_plan, wishes_and_repeats
from crossteam.checks.repeats import RepeatedPair
from crossteam.models import (
    CheckReport,
    NetworkReport,
    Plan,
    PlanEffect,
    PlanningInput,
    RunInfo,
)
from crossteam.models.previous import PreviousPlanRead
from crossteam.models.wish_figures import WishReport
from crossteam.planner import Progress, SolveOptions, Stage, solve
from crossteam.review import ReviewResult, replan

VERSIONED_PACKAGES = ("crossteam", "ortools", "networkx", "openpyxl", "pydantic", "numpy", "scipy")
"""The packages whose versions Run Info records."""


@dataclass(frozen=True)
class AlternativesAsked:
    """``--alternatives K``: K plans within ``tolerance`` (a share) of the best."""

    count: int
    tolerance: float


@dataclass(frozen=True)
class RunStart:
    """What a command knows of its run before planning, for Run Info."""

    command: str
    input_path: str
    started_at: str
    """UTC time the run started, ISO 8601."""
    started: float
    """``time.monotonic()`` at the start, to measure the wall time."""


@dataclass(frozen=True)
class PlanRequest:
    """One company to plan and how.

    ``report`` is the network the planner weighs gaps by. When it was analysed on this
    very instance (``report_is_before``), it is also the "before" of the plan's effect;
    a sweep shares one report between scenarios that may vary analysis settings, so its
    effect is measured against the scenario's own analysis.
    """

    instance: PlanningInput
    report: NetworkReport
    options: SolveOptions
    previous: PreviousPlanRead | None = None
    alternatives: AlternativesAsked | None = None
    notes: tuple[str, ...] = ()
    """The run's own notes (cores capped), put before the planner's."""
    run: RunStart | None = None
    """Given by a command: the outcome then holds Run Info."""
    report_is_before: bool = True


class Searched(BaseModel):
    """The search's result: the plan, and the re-plan or alternatives it came from."""

    model_config = ConfigDict(frozen=True)

    plan: Plan
    review: ReviewResult | None = None
    alternatives: AlternativesResult | None = None


class PlanOutcome(BaseModel):
    """A company planned: the plan, its checks and effect (``None`` without a plan), how
    the run was made, and the re-plan or alternatives it came from."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    plan: Plan
    checks: CheckReport | None = None
    effect: PlanEffect | None = None
    run_info: RunInfo | None = None
    review: ReviewResult | None = None
    """With a previous plan."""
    alternatives: AlternativesResult | None = None
    """With --alternatives."""
    previous: PreviousPlanRead | None = None
    wishes: WishReport = Field(default_factory=WishReport)
    """The Preferences sheet's wishes granted."""
    repeats: tuple[RepeatedPair, ...] = ()
    """Teammate pairs repeated from History."""

    @property
    def notes(self) -> tuple[str, ...]:
        """What the run notes: its own (cores capped), then the planner's."""
        return self.plan.notes

    @property
    def has_plan(self) -> bool:
        return self.plan.has_solution

    @property
    def repeatable(self) -> bool:
        """Whether the run repeats: its plan's, and with alternatives every plan's, verdict."""
        plans = self.alternatives.plans if self.alternatives is not None else (self.plan,)
        return all(p.repeatable for p in plans)


ProgressHook = Callable[[Progress], None]
StageHook = Callable[[Stage], None]


def plan_company(
    request: PlanRequest,
    *,
    on_progress: ProgressHook | None = None,
    on_stage: StageHook | None = None,
    stop: threading.Event | None = None,
) -> PlanOutcome:
    """Plan ``request``'s company, re-verify the plan and measure its effect.

    Args:
        request: The instance, its network report, the solve options and what to plan.
        on_progress: Called with the search's progress.
        on_stage: Called as each stage of the planner starts.
        stop: Once set, the search ends and hands back the best plan found so far.

    Returns:
        The outcome; without a plan (``has_plan`` false), its plan says why.
    """
    return assess(request, search(request, on_progress=on_progress, on_stage=on_stage, stop=stop))


def search(
    request: PlanRequest,
    *,
    on_progress: ProgressHook | None = None,
    on_stage: StageHook | None = None,
    stop: threading.Event | None = None,
) -> Searched:
    """The solve ``request`` asks for: alternatives, a re-plan, or one plan."""
    instance, report, options = request.instance, request.report, request.options
    if request.alternatives is not None:
        alternated = plan_alternatives(
            instance,
            report,
            options,
            request.alternatives.count,
            tolerance=request.alternatives.tolerance,
            on_progress=on_progress,
            on_stage=on_stage,
            stop=stop,
        )
        return Searched(plan=_noted(alternated.best, request), alternatives=alternated)
    previous = request.previous
    if previous is not None:
        reviewed = replan(
            instance,
            report,
            previous.plan,
            previous.decisions,
            options,
            input_changes=previous.changes,
            left_out=previous.left_out,
            on_progress=on_progress,
            on_stage=on_stage,
            stop=stop,
        )
        return Searched(plan=_noted(reviewed.plan, request), review=reviewed)
    plan = solve(instance, report, options, on_progress=on_progress, on_stage=on_stage, stop=stop)
    return Searched(plan=_noted(plan, request))


def _noted(plan: Plan, request: PlanRequest) -> Plan:
    if not request.notes:
        return plan
    return plan.model_copy(update={"notes": (*request.notes, *plan.notes)})


def assess(request: PlanRequest, searched: Searched) -> PlanOutcome:
    """The searched plan re-verified, its effect measured and, for a command, its run
    recorded; a search without a plan is handed on as it is."""
    plan = searched.plan
    wishes, repeats = wishes_and_repeats(request.instance, plan)
    outcome = PlanOutcome(
        plan=plan,
        review=searched.review,
        alternatives=searched.alternatives,
        previous=request.previous,
        wishes=wishes,
        repeats=repeats,
    )
    if not plan.has_solution:
        return outcome
    before = request.report if request.report_is_before else None
    checks, effect = assess_plan(request.instance, plan, before)
    run_info = run_info_of(request, plan) if request.run is not None else None
    return outcome.model_copy(update={"checks": checks, "effect": effect, "run_info": run_info})


def run_info_of(request: PlanRequest, plan: Plan) -> RunInfo:
    """How the run that made ``plan`` was made: what an auditor needs to repeat it."""
    run, options, instance = request.run, request.options, request.instance
    assert run is not None
    return RunInfo(
        command=run.command,
        input_path=run.input_path,
        input_sha256=instance.source.sha256 if instance.source else "",
        employees=len(instance.employees),
        started_at=run.started_at,
        seed=options.seed,
        time_limit_seconds=options.time_limit_seconds,
        deterministic_time_limit=plan.deterministic_time_limit,
        repeatable=options.repeatable,
        workers=options.workers,
        plan_teams=options.plan_teams,
        plan_rotation=options.plan_rotation,
        wall_seconds=round(time.monotonic() - run.started, 3),
        versions=versions(),
        platform=platform.platform(),
    )


def versions() -> dict[str, str]:
    """Python's version and each of ``VERSIONED_PACKAGES``'s (``not installed`` if so)."""
    out = {"python": platform.python_version()}
    for package in VERSIONED_PACKAGES:
        try:
            out[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            out[package] = i18n.t("terminal.not_installed")
    return out
