"""One planning run: pre-checks, one CP-SAT model for teams and rotation, search, plan.

Teams and rotation share the model (and its "covered" boolean per department pair), so a
rotation is worth most where no team bridges the pair. When the model has no solution,
it is rebuilt with an assumption literal per rule group to name the rules in conflict.
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from ortools.sat.python import cp_model

from crossteam.checks.objective import team_objective_terms
from crossteam.checks.teams import check_teams
from crossteam.models import (
    DepartmentName,
    Employee,
    EmployeeId,
    NetworkReport,
    Plan,
    PlanningInput,
    SolveStatus,
    StopReason,
    Team,
    TeamAssignment,
    TeamName,
)
from crossteam.planner import rotation as rotation_part
from crossteam.planner.balance import add_balance_rules
from crossteam.planner.blocks import improve_by_blocks, without_pairs_held
from crossteam.planner.bounds import depth_ceiling, team_objective_bound
from crossteam.planner.candidates import EXACT, VARIABLE_BUDGET, choose_candidates, exact_size
from crossteam.planner.ceiling import Capacity, bridging_ceiling, capacity, pairs_ceiling
from crossteam.planner.context import (
    OBJECTIVE_SCALE,
    DepartmentPairKey,
    ModelContext,
    pair_key,
)
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff, OutOfTime, Stopped, WallCuts, solve_until
from crossteam.planner.department_level import (
    Budget,
    DepartmentPlan,
    Mix,
    Weights,
    plan_departments,
)
from crossteam.planner.greedy import dealt_teams, greedy_teams
from crossteam.planner.groups import RuleGroups
from crossteam.planner.local_search import improve_teams, plan_value
from crossteam.planner.options import INTERLEAVE_BATCH, Progress, SolveOptions, Stage
from crossteam.planner.pool import cohorts, named_in_rules
from crossteam.planner.prechecks import check_teams_possible, team_rule_warnings
from crossteam.planner.stability import (
    PreviousPlan,
    add_rotation_stays,
    add_team_stays,
    hint_stays,
    personal_rotators,
    previous_counts,
)
from crossteam.planner.teams import (
    TeamModel,
    build_teams,
    interchangeable_teams,
    symmetry_weights,
)

RESTRICTED_NOTE = (
    "Large company: each team drew its skilled members from a few candidate groups and "
    "each department pair could be bridged by a few candidate teams; the bound is that "
    "of this restricted model"
)
RESTRICTED_CEILING_NOTE = (
    "Large company: each team drew its skilled members from a few candidate groups and "
    "each department pair could be bridged by a few candidate teams; the bound is "
    "crossteam's own for the whole problem (docs/model.md, 'Bound'), below the solver's"
)
CEILING_NOTE = (
    "The bound is crossteam's own (docs/model.md, 'Bound'), which was tighter than the "
    "solver's when the search stopped"
)
START_NOTE = (
    "The search ended before it improved on the starting plan (greedy and local search), "
    "so that plan is given; a longer time limit lets the solver improve and bound it"
)
REPAIR_START_NOTE = (
    "The search ended before it improved on the previous plan repaired with the fewest "
    "changes, so that plan is given; a longer time limit lets the solver improve it"
)
REPAIR_TOO_LARGE = (
    "This company is too large to re-plan against a previous plan (its team model would "
    "have about {variables:,} variables, more than {limit:,}; docs/model.md, 'Very large "
    "companies'): plan it afresh without --previous or --review"
)
LARGE_NOTE = (
    "Very large company: the team model would need more memory and time than a laptop "
    "has (docs/model.md, 'Very large companies'), so the teams are the start plan "
    "(greedy and local search), planned again block of teams by block of teams as time "
    "allowed, every rule checked; the bound is crossteam's own"
)
LARGE_STOPPED_NOTE = "Interrupted: the teams found so far are given; the rotation was not planned"
LARGE_ROTATION_NOTE = (
    "Very large company: the rotation was planned after the teams, for the department "
    "pairs they leave silent; with the teams not searched, the plan has no bound"
)
MODEL_VARIABLE_LIMIT = 200_000
"""Largest team model (estimated variables, ``team_model_size``) given to the solver. At
20,000 people / 2,000 teams (about 380,000) it took 9.8 GB and 100 s before its search
began; at 5,000 / 450 (about 132,000) 1.1 GB."""
DEPARTMENT_SHARE = 0.4
"""Share of the time limit the department-level model (bound and plan) may take; of the
deterministic limit, when one is set, so that the run repeats."""
WORK_PER_SECOND = 0.5
"""CP-SAT's deterministic time the department-level model does per second of wall clock on
a 2-core laptop (measured: 9.3 units in 31.5 s of column generation, 30.8 in 62.5 s of its
integer plan on two workers): its share of a deterministic limit is turned into work this
way."""
REPEATABLE_WORK_PER_SECOND = 0.2
"""Deterministic time the department-level model of a repeatable run is given per second
of its share of the time limit, when no deterministic limit is set: well below
``WORK_PER_SECOND``, as a busy machine does less (on a 300-person example at load average
4, 0.5 units a second of a 10 s limit took it past its safety net,
``DEPARTMENT_WALL_SHARE``, at 6 s), so that its work, not the clock, ends it."""
DEPARTMENT_WALL_SHARE = 0.6
"""Share of the wall-clock time limit after which the department-level model stops anyway:
a safety net on a slow or busy machine."""
HINT_SHARE = 0.2
"""Share of the time limit the full hint may take (the solve that fills in all but x)."""
HINT_LINGER = 2.0
"""Seconds the full hint's solve may go on after a stop: it gives the start plan, which
the stop then keeps (on 1,000 people it takes 1-2 s in all)."""
PREPARATION_GRACE = 10.0
"""Seconds past the time limit the stages before the search (greedy, local search, the
model) may run before the run gives up: they used to run to the end however long, and a
start plan a little late beats none (1,500 people planned in 3 s need about 4 s to get
there on 2 cores), but a model that would take minutes is not waited for."""
BOUND_SHARE = 0.2
"""Share of the time limit the hand-made bound may take; a looser valid one stands after."""
EXPLAIN_SHARE = 0.25
"""Share of the time limit the explanation of an infeasible model gets at least, when the
search has used up the rest."""
INTERRUPTED_REASON = "The run was interrupted before any plan was found"
MODEL_TIME_REASON = (
    "No plan was found within the limit ({seconds:g} s): the model was still being built "
    "{grace:g} s after it (teams that may take very many sizes cost most); try a longer "
    "--time-limit or a smaller max_size"
)
REPEAT_NOTE = (
    "This run may not repeat: the wall clock ended {stages} before the work limit did (the "
    "machine was slower or busier than the time limit allows for); with a longer "
    "--time-limit, or the setting deterministic_time_limit, the work limits end the run "
    "and it repeats"
)
EXPLAIN_TIME = "No plan meets every rule, and the rules in conflict were not found in time"
EXPLAIN_INTERRUPTED = (
    "No plan meets every rule; the run was interrupted before the rules in conflict were found"
)


@dataclass
class PlanningModel:
    """The model of one run and the parts that read a plan back from it."""

    ctx: ModelContext
    groups: RuleGroups
    teams: TeamModel | None
    rotation: Any | None
    """The rotation engineer's ``RotationModel`` (``extract(solver)``), when planned."""
    restricted: bool = False
    """The team model was restricted to candidates (its bound is not the full problem's)."""
    ceiling: float | None = None
    """A bound on the objective worked out without the solver (``bounds``), if known."""
    previous: PreviousPlan | None = None
    """The plan a re-plan repairs (``stability``): hinted, and kept where it can be."""


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
    (``silent_pairs_ceiling``).
    """
    started = time.monotonic()
    cutoff = Cutoff(stop, started + options.time_limit_seconds + PREPARATION_GRACE)
    announce = on_stage or _silent
    cuts = WallCuts()
    try:
        plan = _solve(
            instance, report, options,
            on_progress=on_progress, announce=announce, cutoff=cutoff, whole=whole, cuts=cuts,
            previous=previous,
        )  # fmt: skip
    except Stopped:
        return Plan(
            status=SolveStatus.NO_SOLUTION, stop_reason=StopReason.INTERRUPTED,
            explanation=(INTERRUPTED_REASON,), seconds=time.monotonic() - started,
            seed=options.seed, workers=options.threads,
            time_limit_seconds=options.time_limit_seconds,
        )  # fmt: skip
    plan = repeat_verdict(plan, options, cuts)
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
        *(rotation_part.rotation_warnings(instance) if rotation else []),
    ]


def _silent(stage: Stage) -> None:
    """No one listens to the stages."""


def repeat_verdict(plan: Plan, options: SolveOptions, cuts: WallCuts) -> Plan:
    """``plan`` with whether the run repeats (``Plan.repeatable``), and a note saying why
    not when it was meant to: a stage the wall clock ended, rather than its work limit."""
    if not options.by_work:
        return plan.model_copy(
            update={"repeatable": False, "deterministic_time_limit": options.work_limit}
        )
    if plan.stop_reason is StopReason.TIME_LIMIT:
        cuts.add("the search" if plan.has_solution else "the preparation")
    stopped = plan.stop_reason is StopReason.INTERRUPTED
    notes = plan.notes
    if cuts.stages and not stopped:
        stages = " and ".join(cuts.stages)
        notes = (*notes, REPEAT_NOTE.format(stages=stages))
    return plan.model_copy(
        update={
            "repeatable": not cuts.stages and not stopped,
            "deterministic_time_limit": options.work_limit,
            "notes": notes,
        }
    )


def _solve(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    *,
    on_progress: Callable[[Progress], None] | None,
    announce: Callable[[Stage], None],
    cutoff: Cutoff,
    whole: bool,
    cuts: WallCuts,
    previous: PreviousPlan | None = None,
) -> Plan:
    """``solve`` without the ceiling; ``cuts`` hears the stages the wall clock ended.

    Raises:
        Stopped: the run was asked to stop before the search kept a plan.
    """
    started = time.monotonic()
    stop = cutoff.stop
    instance = within_headcount(instance)
    with_teams = options.plan_teams and bool(instance.teams)
    with_rotation = options.plan_rotation and bool(instance.periods)
    run = {
        "seed": options.seed,
        "workers": options.threads,
        "time_limit_seconds": options.time_limit_seconds,
        "planned_teams": with_teams,
        "planned_rotation": with_rotation,
    }
    if not with_teams and not with_rotation:
        return Plan(
            status=SolveStatus.OPTIMAL, objective=0.0, bound=0.0, gap=0.0,
            stop_reason=StopReason.NOTHING_TO_PLAN, **run,
        )  # fmt: skip
    reasons = check_teams_possible(instance) if with_teams else []
    if with_rotation:
        reasons += rotation_part.precheck_rotation(instance)
    if reasons:
        return Plan(
            status=SolveStatus.INFEASIBLE, stop_reason=StopReason.PRECHECK,
            explanation=tuple(reasons), seconds=time.monotonic() - started, **run,
        )  # fmt: skip

    start = None
    department = None
    if previous is not None and with_teams:
        variables = team_model_size(instance, options, len(report.gap_weights()))
        if variables > MODEL_VARIABLE_LIMIT:
            too_large = REPAIR_TOO_LARGE.format(variables=variables, limit=MODEL_VARIABLE_LIMIT)
            return Plan(
                status=SolveStatus.NO_SOLUTION, stop_reason=StopReason.SIZE_LIMIT,
                explanation=(too_large,), seconds=time.monotonic() - started, **run,
            )  # fmt: skip
        start = previous.start(instance)
    elif with_teams and options.formulation.greedy_start:
        announce(Stage.START)
        start = starting_plan(instance, report, cutoff)
        cutoff.raise_if_stopped()
        if cutoff.expired:
            cuts.add("the start plan")
        if start is None:  # the time limit passed before the greedy plan was done
            return Plan(
                status=SolveStatus.NO_SOLUTION, stop_reason=StopReason.TIME_LIMIT,
                explanation=(_no_solution_reason(StopReason.TIME_LIMIT, options),),
                seconds=time.monotonic() - started, **run,
            )  # fmt: skip
        large = (
            _large_company_plan(
                instance, report, options, start, started, on_progress, announce, cutoff, cuts
            )
            if whole
            else None
        )
        if large is not None:
            return large.model_copy(
                update={**run, "planned_rotation": with_rotation and large.planned_rotation}
            )
        if options.formulation.department_level:
            announce(Stage.DEPARTMENTS)
            department = _department_plan(
                instance, report, options, start, rotation=with_rotation, stop=stop, cuts=cuts
            )
            cutoff.raise_if_stopped()
    build = partial(
        build_model, instance, report, options,
        teams=with_teams, rotation=with_rotation, cutoff=cutoff, on_stage=announce, cuts=cuts,
        previous=previous,
    )  # fmt: skip
    try:
        built = build(start=start, department=department)
    except OutOfTime:
        late = MODEL_TIME_REASON.format(seconds=options.time_limit_seconds, grace=PREPARATION_GRACE)
        return Plan(
            status=SolveStatus.NO_SOLUTION, stop_reason=StopReason.TIME_LIMIT,
            explanation=(late,), seconds=time.monotonic() - started, **run,
        )  # fmt: skip
    # the department-level plan, filled with people, starts the search when it beats the
    # start plan on what departments decide (bridging, departments present, diversify) and,
    # filled, on the whole objective
    better = department is not None and (department.value or 0) > (department.start_value or 0)
    mixes = department.mixes if better and department is not None else None
    announce(Stage.SEARCH)
    solver, status, found = _search(
        built, options, start, started, on_progress, stop, mixes, cuts=cuts
    )
    if status == cp_model.INFEASIBLE and built.restricted:
        # the greedy start broke a hard rule, so the restriction built around it may be
        # what leaves no plan: try the exact model before declaring the rules impossible
        built = build(cutoff=Cutoff(stop))
        announce(Stage.SEARCH)
        solver, status, found = _search(
            built, options, start, started, on_progress, stop, cuts=cuts
        )
    seconds = time.monotonic() - started

    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _plan(built, (solver, status), solver, options, stop, seconds, run)
    if status == cp_model.INFEASIBLE:
        announce(Stage.EXPLAIN)
        # the explanation is held to the time limit itself, not to the preparation's grace
        limit = Cutoff(stop, started + options.time_limit_seconds)
        explanation = explain(
            instance, report, options,
            teams=with_teams, rotation=with_rotation, cutoff=limit, cuts=cuts,
        )  # fmt: skip
        return Plan(
            status=SolveStatus.INFEASIBLE, stop_reason=StopReason.PROVEN,
            explanation=tuple(explanation), seconds=time.monotonic() - started, **run,
        )  # fmt: skip
    if status == cp_model.MODEL_INVALID:
        raise RuntimeError(f"the planning model is invalid: {built.ctx.model.validate()}")
    if found is not None:
        # the search ended before its first solution: the start plan stands, and is valid
        return _plan(built, (solver, status), found, options, stop, seconds, run)
    stopped = _stop_reason(solver, options, stop)
    return Plan(
        status=SolveStatus.NO_SOLUTION, stop_reason=stopped, seconds=seconds,
        explanation=(_no_solution_reason(stopped, options),), **run,
    )  # fmt: skip


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


def team_model_size(instance: PlanningInput, options: SolveOptions, gap_pairs: int) -> int:
    """Variables the team model will have, about: per team one per cohort and two per
    department, plus the seats and bridges candidate restriction keeps."""
    pool = cohorts(instance, aggregate=options.formulation.aggregate)
    departments = len({g.department for g in pool})
    seats = min(exact_size(instance, pool, gap_pairs), VARIABLE_BUDGET)
    return len(instance.teams) * (len(pool) + 2 * departments) + seats


def _large_company_plan(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    start: Mapping[TeamName, list[EmployeeId]],
    started: float,
    on_progress: Callable[[Progress], None] | None,
    announce: Callable[[Stage], None],
    cutoff: Cutoff,
    cuts: WallCuts,
) -> Plan | None:
    """For a team model above ``MODEL_VARIABLE_LIMIT``: the start plan as the teams, with
    the hand-made bound, and the rotation (if asked) planned alone for the department
    pairs the teams leave silent. ``None`` when the model is small enough, or when the
    start plan breaks a rule (the solver must then repair it). Stopped once the blocks
    have begun, it gives the teams it has (the rotation is then not planned)."""
    gap_weights = report.gap_weights()
    variables = team_model_size(instance, options, len(gap_weights))
    if variables <= MODEL_VARIABLE_LIMIT:
        return None
    order = {e.employee_id: i for i, e in enumerate(instance.employees)}
    teams = tuple(
        TeamAssignment(team=t.name, members=tuple(sorted(start[t.name], key=order.__getitem__)))
        for t in instance.teams
    )
    plan = Plan(status=SolveStatus.FEASIBLE, teams=teams, planned_teams=True)
    if not all(result.passed for result in check_teams(instance, plan)):
        return None
    rotating = options.plan_rotation and bool(instance.periods)
    share = 0.5 if rotating else 1.0  # the rotation, planned after, needs time too
    announce(Stage.BOUND)
    limit = options.time_limit_seconds
    within = _bound_cutoff(cutoff, options)
    bound: float | None = team_objective_bound(instance, gap_weights, cutoff=within)
    if options.by_work and within.expired:
        cuts.add("the bound")
    stop = cutoff.stop

    def block_done(value: float, improved: int) -> None:
        if on_progress is not None and bound is not None and not rotating:
            seconds = time.monotonic() - started
            on_progress(Progress(value, bound, _gap(value, bound), seconds, improved + 1))

    announce(Stage.BLOCKS)
    teams, _ = improve_by_blocks(
        instance, report, options, teams,
        # repeatable, the blocks' time and work are fixed in advance, and the clock is a
        # safety net at the time limit
        variables=variables, deadline=started + (limit if options.by_work else share * limit),
        solve=partial(solve, whole=False), stop=stop, on_block=block_done,
        repeatable_seconds=share * limit if options.by_work else None,
        on_wall_cut=partial(cuts.add, "the blocks"),
    )  # fmt: skip
    plan = plan.model_copy(update={"teams": teams})
    terms = team_objective_terms(instance, gap_weights, plan)
    notes = [LARGE_NOTE]
    rotation: Plan | None = None
    if rotating and cutoff.stopped:
        rotating = False
        notes.append(LARGE_STOPPED_NOTE)
    if rotating:
        # pairs a team bridges are worth nothing more to a rotation
        left = without_pairs_held(report, instance, (t.members for t in teams))
        remaining = max(0.1, limit - (time.monotonic() - started))
        alone = replace(options, plan_teams=False, time_limit_seconds=remaining)
        if options.by_work and options.work_limit is not None:
            # its work is its share of the run's, whatever the blocks took on the clock
            alone = replace(alone, deterministic_time_limit=(1 - share) * options.work_limit)
        rotation = solve(instance, left, alone, on_progress=on_progress, on_stage=announce,
                         stop=stop, whole=False)  # fmt: skip
        if options.by_work and not rotation.repeatable and not cutoff.stopped:
            cuts.add("the rotation")
        if not rotation.has_solution and rotation.stop_reason is StopReason.INTERRUPTED:
            rotating, rotation = False, None
            notes.append(LARGE_STOPPED_NOTE)
        elif not rotation.has_solution:
            return rotation.model_copy(update={"seconds": time.monotonic() - started})
        else:
            terms = {k: terms.get(k, 0.0) + rotation.objective_terms.get(k, 0.0)
                     for k in {*terms, *rotation.objective_terms}}  # fmt: skip
            notes.append(LARGE_ROTATION_NOTE)
            bound = None
    objective = sum(terms.values())
    seconds = time.monotonic() - started
    if on_progress is not None and rotation is None:
        gap = _gap(objective, bound) if bound is not None else None
        on_progress(Progress(objective, bound or objective, gap, seconds, solutions=1))
    stopped = StopReason.INTERRUPTED if cutoff.stopped else StopReason.SIZE_LIMIT
    return Plan(
        status=SolveStatus.FEASIBLE,
        objective=objective,
        bound=bound,
        gap=_gap(objective, bound) if bound is not None else None,
        seconds=seconds,
        stop_reason=rotation.stop_reason if rotation is not None else stopped,
        teams=teams,
        rotation=rotation.rotation if rotation is not None else (),
        planned_rotation=rotation is not None,
        objective_terms=terms,
        notes=tuple(notes),
    )


def _department_plan(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    start: Mapping[TeamName, list[EmployeeId]],
    *,
    rotation: bool,
    stop: threading.Event | None,
    cuts: WallCuts,
) -> DepartmentPlan:
    """The department-level model's bound and plan, seeded with the start plan's mixes."""
    department_of = {e.employee_id: e.department for e in instance.employees}
    limit = options.time_limit_seconds
    budget = Budget(DEPARTMENT_SHARE * limit, seconds=DEPARTMENT_WALL_SHARE * limit)
    if options.by_work or options.deterministic_time_limit is not None:
        # its share of the deterministic limit, when one is set (as before repeatable runs
        # existed), or of the time limit turned into work at a rate a busy machine keeps
        # up, with the clock as a safety net
        work = DEPARTMENT_SHARE * (
            WORK_PER_SECOND * options.deterministic_time_limit
            if options.deterministic_time_limit is not None
            else REPEATABLE_WORK_PER_SECOND * limit
        )
        budget = Budget(work, repeatable=True, seconds=budget.seconds)
    plan = plan_departments(
        instance,
        Weights.of(instance, report.gap_weights()),
        {team: [department_of[e] for e in members] for team, members in start.items()},
        reach=rotation_part.rotation_reach(instance) if rotation else None,
        budget=budget,
        stop=stop,
        # with rotation, its plan filled with people has not beaten the start plan (whose
        # rotation is aimed at the pairs its teams leave silent): the search gets the time
        integer_plan=not rotation,
    )
    if options.by_work and budget.wall_cut:
        cuts.add("the department-level model")
    return plan


def starting_plan(
    instance: PlanningInput, report: NetworkReport, cutoff: Cutoff = NO_CUTOFF
) -> dict[TeamName, list[EmployeeId]] | None:
    """The better of the team-by-team greedy and the dealt one (by the local search's own
    value: bridging, departments per team, diversify by department), then improved.

    At the ``cutoff``'s deadline: the greedy plan done by then, as far as it was improved;
    ``None`` when not even one greedy plan was done.

    Raises:
        Stopped: the run was asked to stop.
    """
    gap_weights = report.gap_weights()
    built = []
    for form in (greedy_teams, dealt_teams):
        try:
            built.append(form(instance, gap_weights, cutoff))
        except OutOfTime:
            break
    if not built:
        return None
    best = max(built, key=lambda plan: plan_value(instance, gap_weights, plan))
    return improve_teams(instance, gap_weights, best, cutoff)


def build_model(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    *,
    teams: bool,
    rotation: bool,
    explain: bool = False,
    start: Mapping[TeamName, list[EmployeeId]] | None = None,
    department: DepartmentPlan | None = None,
    cutoff: Cutoff = NO_CUTOFF,
    on_stage: Callable[[Stage], None] | None = None,
    cuts: WallCuts | None = None,
    previous: PreviousPlan | None = None,
) -> PlanningModel:
    """The whole model: teams and rotation register their bridges before ``finish``.

    With a ``start`` plan, a large team model is restricted around it (see ``candidates``).
    A ``department`` plan's bound tightens the hand-made one, which gets ``BOUND_SHARE``
    of the time limit, within the ``cutoff`` (its own work limit alone in a repeatable
    run: ``cuts`` hears when the clock ended it all the same). A ``previous`` plan adds the
    ``stability`` part; its teams keep their names, so teams of one spec are no longer
    interchangeable (no symmetry breaking).

    Raises:
        Stopped: the run was asked to stop.
    """
    announce = on_stage or _silent
    announce(Stage.MODEL)
    ctx = ModelContext(instance=instance, gap_weights=report.gap_weights(), cutoff=cutoff)
    groups = RuleGroups(ctx.model, explain=explain)
    team_model = None
    candidates = EXACT
    formulation = options.formulation
    if previous is not None:
        formulation = replace(formulation, symmetry=False)
    if teams:
        pool = cohorts(instance, aggregate=formulation.aggregate)
        if start is not None:
            candidates = choose_candidates(instance, pool, sorted(ctx.gap_weights), start)
        team_model = build_teams(ctx, pool, groups, formulation, candidates)
        add_balance_rules(team_model, groups)
        if previous is not None:
            add_team_stays(team_model, previous)
    rotation_model = None
    if rotation:
        rotation_model = rotation_part.build_rotation(
            ctx,
            explain=explain,
            aggregate=formulation.aggregate,
            personal=personal_rotators(previous, instance),
            cutoff=cutoff,
        )
        if previous is not None:
            add_rotation_stays(rotation_model, ctx, previous)
    ctx.finish()
    if options.formulation.tight:
        _cap_department_bridges(ctx, capacity(instance, teams=teams, rotation=rotation))
    ceiling = None
    if (teams or rotation_model is not None) and not explain and options.formulation.own_bound:
        announce(Stage.BOUND)
        within = _bound_cutoff(cutoff, options)
        if teams:
            scaled = team_objective_bound(
                instance, ctx.gap_weights, rotation=rotation, cutoff=within
            )
            if department is not None:
                scaled = min(scaled, department.bound + depth_ceiling(instance))
            scaled *= OBJECTIVE_SCALE
        else:
            found = bridging_ceiling(
                instance, ctx.gap_weights, teams=False, rotation=True, cutoff=within
            )
            scaled = float(found.scaled)
        cutoff.raise_if_stopped()
        if cuts is not None and options.by_work and within.expired:
            cuts.add("the bound")
        if rotation_model is not None:
            scaled += rotation_model.objective_ceiling(instance.settings)
        # every term is a whole multiple of its coefficient, so the objective is a whole
        # multiple of their greatest common divisor: round the bound down to one
        step = math.gcd(*(c for terms in ctx.objective_terms.values() for c, _ in terms))
        if math.isfinite(scaled) and step > 0:
            ceiling = math.floor(scaled / step + 1e-9) * step / OBJECTIVE_SCALE
    return PlanningModel(
        ctx,
        groups,
        team_model,
        rotation_model,
        candidates.restricted,
        ceiling=ceiling,
        previous=previous,
    )


def _bound_cutoff(cutoff: Cutoff, options: SolveOptions) -> Cutoff:
    """When the hand-made bound must give up: at ``BOUND_SHARE`` of the time limit, or, in
    a run that repeats, at its own work limit (``bounds.KNAPSACK_WORK``, the ceilings'
    effort) alone, with the run's deadline as a safety net: a bound cut by the clock
    would end the search at another point."""
    if options.by_work:
        return cutoff
    return cutoff.within(BOUND_SHARE * options.time_limit_seconds)


def _cap_department_bridges(ctx: ModelContext, cap: Capacity) -> None:
    """Redundant rows the LP cannot see: the pairs bridged at one department are at most
    what its people can bridge (``ceiling``), by teams and by rotation together."""
    reach = cap.rotation
    at: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    for (a, b), covered in ctx.covered.items():
        at[a].append(covered)
        at[b].append(covered)
    for department, held in at.items():
        most = cap.team_partners.get(department, 0)
        if reach is not None:
            most += reach.send.get(department, 0) + reach.host.get(department, 0)
        if most < len(held):
            ctx.model.add(sum(held) <= most)


def _search(
    built: PlanningModel,
    options: SolveOptions,
    start: Mapping[TeamName, list[EmployeeId]] | None,
    started: float,
    on_progress: Callable[[Progress], None] | None,
    stop: threading.Event | None,
    mixes: Mapping[TeamName, Mix] | None = None,
    *,
    cuts: WallCuts,
) -> tuple[cp_model.CpSolver, Any, cp_model.CpSolver | None]:
    """Hint the start (if any) and search until a limit, the proof, or ``stop``.

    With the department-level plan's ``mixes``, the start is the better of the greedy
    plan and those mixes filled with people.

    Returns the search's solver and status, and the solver holding the start plan in full
    (``None`` without a start, or when the start breaks a hard rule).
    """
    found = None
    if built.previous is not None:
        found = hint_previous(built, built.previous, options, stop, cuts)
    elif start is not None and built.teams is not None:
        found = hint_start(built, start, options, stop, cuts)
        filled = fill_mixes(built, mixes, options, stop, cuts) if mixes else None
        if filled is not None and (found is None or filled.objective_value > found.objective_value):
            found = filled
        if found is not None:
            _hint_solution(built.ctx.model, found)
    solver = _solver(
        options,
        time_limit=options.time_limit_seconds - (time.monotonic() - started),
        work=options.work_limit,
    )
    if options.repeatable:
        # the workers interleave their work in batches of fixed size: deterministic, and
        # the same whatever the number of workers (CP-SAT's interleave_search)
        solver.parameters.interleave_search = True
        solver.parameters.interleave_batch_size = INTERLEAVE_BATCH
    _lean_presolve(solver)
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
    watch = _Watch(
        on_progress, stop, started, built.ceiling, stop_at_ceiling=not options.repeatable
    )
    return solver, _run(solver, built.ctx.model, watch, stop), found


def _run(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    watch: _Watch,
    stop: threading.Event | None,
) -> Any:
    """The search itself: until a limit, the proof, or ``stop``."""
    return solve_until(solver, model, Cutoff(stop), watch)


def hint_start(
    built: PlanningModel,
    start: Mapping[TeamName, list[EmployeeId]],
    options: SolveOptions,
    stop: threading.Event | None = None,
    cuts: WallCuts | None = None,
) -> cp_model.CpSolver | None:
    """Hint a starting plan in full: CP-SAT makes far more of a complete hint.

    The team decisions come from ``start``; every other variable from solving a copy of the
    model with those decisions fixed, which is quick (all else follows from them or is easy
    to choose). When the start breaks a hard rule (or ``stop`` ends that solve) the copy
    has no solution and only the team decisions are hinted.
    """
    assert built.teams is not None
    model = built.ctx.model
    model.clear_hints()  # type: ignore[no-untyped-call]
    built.teams.hint(_ordered_like_model(built.teams, start) if built.teams.ordered else start)
    _hint_rotation_around(built, (members for members in start.values()))
    fixed = model.clone()
    hinted = dict(
        zip(model.proto.solution_hint.vars, model.proto.solution_hint.values, strict=True)
    )
    for var in [*built.teams.x.values(), *built.teams.fill.values()]:
        fixed.add(fixed.get_int_var_from_proto_index(var.index) == hinted[var.index])
    solver = _complete(fixed, options, stop, cuts)
    if solver is not None:
        _hint_solution(model, solver)
    return solver


def hint_previous(
    built: PlanningModel,
    previous: PreviousPlan,
    options: SolveOptions,
    stop: threading.Event | None = None,
    cuts: WallCuts | None = None,
) -> cp_model.CpSolver | None:
    """Hint the previous plan in full: its teams and stints (seats it lost refilled where
    a team would break its needs, ``PreviousPlan.start``), the rest of the model completed
    for the whole objective with those assignments held. When that start breaks a rule (a
    lock into a full team, a department that can spare fewer), it is first repaired by a
    quick solve of a copy of the model whose objective is the ``stability`` part alone,
    so the fewest changes. ``None`` when neither finds a plan in its time (the previous
    plan is then hinted as it is)."""
    model = built.ctx.model
    instance = built.ctx.instance
    model.clear_hints()  # type: ignore[no-untyped-call]
    if built.teams is not None:
        built.teams.hint(previous.start(instance))
    if built.rotation is not None:
        sent, starts = previous_counts(built.rotation, previous, instance)
        rotation_part.hint_counts(built.rotation, model, sent, starts)
    hint_stays(model, previous, instance, built.teams, built.rotation)
    hinted = dict(
        zip(model.proto.solution_hint.vars, model.proto.solution_hint.values, strict=True)
    )
    # a partial hint is not enough: at 1,000 people the solver did not complete it in
    # its time (305 changes for one person made unavailable); held fixed, it completes
    # in about a second
    found = _complete_held(built, options, stop, cuts, lambda var: hinted[var.index])
    if found is None and built.teams is not None and built.rotation is not None:
        # most often the stints no longer fit (a department can spare fewer): the teams
        # held, the rotation is planned around them for the whole objective
        found = _complete_held(
            built, options, stop, cuts, lambda var: hinted[var.index], teams=True
        )
    if found is None:
        repair = model.clone()
        repair.maximize(built.ctx.objective("stability"))
        repaired = _complete(repair, options, stop, cuts, repair=True)
        if repaired is None:
            return None
        # the repair leaves what the stability part does not weigh (pairs covered,
        # balance) anywhere: a hint so valued reads as a poor plan the search leaves at
        # once. So the other variables are completed for the whole objective
        found = _complete_held(built, options, stop, cuts, repaired.value) or repaired
    _hint_solution(model, found)
    return found


def _complete_held(
    built: PlanningModel,
    options: SolveOptions,
    stop: threading.Event | None,
    cuts: WallCuts | None,
    value: Callable[[cp_model.IntVar], int],
    *,
    teams: bool = False,
) -> cp_model.CpSolver | None:
    """The model solved for its whole objective with every team and stint count held at
    ``value`` (only the team counts with ``teams``): quick, as all else follows from them."""
    fixed = built.ctx.model.clone()
    decisions = [
        *(built.teams.x.values() if built.teams is not None else ()),
        *(built.teams.fill.values() if built.teams is not None else ()),
        *(built.rotation.sent.values() if built.rotation is not None and not teams else ()),
        *(built.rotation.starts.values() if built.rotation is not None and not teams else ()),
    ]
    for var in decisions:
        fixed.add(fixed.get_int_var_from_proto_index(var.index) == value(var))
    return _complete(fixed, options, stop, cuts)


def fill_mixes(
    built: PlanningModel,
    mixes: Mapping[TeamName, Mix],
    options: SolveOptions,
    stop: threading.Event | None = None,
    cuts: WallCuts | None = None,
) -> cp_model.CpSolver | None:
    """The department-level plan filled with people: the model with every team's members
    per department fixed to its mix (teams of one spec in their symmetry order), solved;
    ``None`` when no people fit those mixes (skills held by too few, Rules)."""
    tm = built.teams
    assert tm is not None
    weight = symmetry_weights(tm)
    ordered = dict(mixes)
    if tm.ordered:
        for teams in interchangeable_teams(tm):
            dealt = sorted(
                (mixes[t.name] for t in teams),
                key=lambda mix: sum(weight[d] * n for d, n in mix),
                reverse=True,
            )
            ordered.update({t.name: mix for t, mix in zip(teams, dealt, strict=True)})
    model = built.ctx.model
    model.clear_hints()  # type: ignore[no-untyped-call]  # the start plan's, which these mixes contradict
    seated = _people_for(built.ctx.instance, ordered)
    tm.hint(seated)
    _hint_rotation_around(built, seated.values())
    fixed = model.clone()
    for (team, department), count in tm.count.items():
        wanted = dict(ordered.get(team, ())).get(department, 0)
        fixed.add(fixed.get_int_var_from_proto_index(count.index) == wanted)
    return _complete(fixed, options, stop, cuts)


def _people_for(
    instance: PlanningInput, mixes: Mapping[TeamName, Mix]
) -> dict[TeamName, list[EmployeeId]]:
    """People for each team's mix, a first guess to hint: the team's skill needs seated
    first from the holders in its departments, then anyone of the department; people the
    Rules name are left to the solver."""
    named = named_in_rules(instance)
    free: dict[DepartmentName, list[Employee]] = defaultdict(list)
    for e in instance.available_employees:
        if e.employee_id not in named:
            free[e.department].append(e)
    seated: dict[TeamName, list[EmployeeId]] = {}
    for team in instance.teams:
        wanted = dict(mixes.get(team.name, ()))
        members: list[EmployeeId] = []
        for need in team.skill_needs:
            for _ in range(need.min_count):
                holder = next(
                    (
                        e
                        for d, n in wanted.items()
                        if n
                        for e in free[d]
                        if e.skills.get(need.skill, 0) >= need.min_level
                    ),
                    None,
                )
                if holder is not None:
                    free[holder.department].remove(holder)
                    wanted[holder.department] -= 1
                    members.append(holder.employee_id)
        for d, n in wanted.items():
            taken, free[d] = free[d][:n], free[d][n:]
            members.extend(e.employee_id for e in taken)
        seated[team.name] = members
    return seated


def _hint_rotation_around(built: PlanningModel, teams: Iterable[Iterable[str]]) -> None:
    """Hint the rotation with its greedy plan aimed at the gap pairs these ``teams`` leave
    silent (each team as its members, or its members' departments)."""
    if built.rotation is None:
        return
    department_of = {e.employee_id: e.department for e in built.ctx.instance.employees}
    held: set[DepartmentPairKey] = set()
    for members in teams:
        present = sorted({department_of.get(m, m) for m in members})
        held.update(pair_key(a, b) for i, a in enumerate(present) for b in present[i + 1 :])
    rotation_part.hint_rotation(built.rotation, built.ctx, held)


def _complete(
    model: cp_model.CpModel,
    options: SolveOptions,
    stop: threading.Event | None,
    cuts: WallCuts | None = None,
    *,
    repair: bool = False,
) -> cp_model.CpSolver | None:
    """Solve a copy of the model whose team decisions are (mostly) fixed: quick, as all
    else follows from them or is easy to choose. It has ``HINT_SHARE`` of the time limit
    and of the work limit; ``cuts`` hears when the clock ended it before its work did. With
    ``repair`` the hint may break a rule, and the solver mends it first (``repair_hint``)."""
    work = HINT_SHARE * options.work_limit if options.work_limit is not None else None
    workers = options.workers if repair else 1
    solver = _solver(
        options, time_limit=options.time_limit_seconds * HINT_SHARE, workers=workers, work=work
    )
    _lean_presolve(solver)
    solver.parameters.symmetry_level = 0
    # a repair's hint is most of the answer: presolve must not lose it (see ``_search``)
    solver.parameters.keep_all_feasible_solutions_in_presolve = repair
    hinted_status = solve_until(solver, model, Cutoff(stop), linger=HINT_LINGER)
    if _cut_by_clock(solver, hinted_status, work, stop) and cuts is not None:
        cuts.add("the start plan's completion")
    if hinted_status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return solver


def _cut_by_clock(
    solver: cp_model.CpSolver, status: Any, work: float | None, stop: threading.Event | None
) -> bool:
    """Whether the wall clock ended a solve bounded by ``work`` before its work did (a
    proof, or a stop, is not the clock)."""
    if work is None or status in (cp_model.OPTIMAL, cp_model.INFEASIBLE):
        return False
    return not (stop is not None and stop.is_set()) and solver.deterministic_time < 0.99 * work


def _hint_solution(model: cp_model.CpModel, solver: cp_model.CpSolver) -> None:
    """Hint every variable of ``model`` with a solution of a copy of it."""
    model.clear_hints()  # type: ignore[no-untyped-call]
    for index, value in enumerate(solver.response_proto.solution):
        model.add_hint(model.get_int_var_from_proto_index(index), value)


def _lean_presolve(solver: cp_model.CpSolver) -> None:
    """Skip the presolve steps that cost most on large team models and gain them least
    (measured on 1,000 people: the search starts in about half the time)."""
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.find_big_linear_overlap = False


def _ordered_like_model(
    tm: TeamModel, plan: Mapping[TeamName, list[EmployeeId]]
) -> dict[TeamName, list[EmployeeId]]:
    """The greedy's teams of one spec re-dealt so that their symmetry keys do not increase."""
    weight = symmetry_weights(tm)
    weight_of = {e: weight[c.department] for c in tm.classes for e in c.members}
    ordered = dict(plan)
    for teams in interchangeable_teams(tm):

        def key(members: list[EmployeeId]) -> int:
            return sum(weight_of[m] for m in members)

        dealt = sorted((plan[t.name] for t in teams), key=key, reverse=True)
        ordered.update({t.name: members for t, members in zip(teams, dealt, strict=True)})
    return ordered


def explain(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    *,
    teams: bool,
    rotation: bool,
    cutoff: Cutoff = NO_CUTOFF,
    cuts: WallCuts | None = None,
) -> list[str]:
    """Rule groups that cannot all hold: the model rebuilt with an assumption literal per
    group of team rules and of rotation rules, CP-SAT's sufficient set of them, then cut
    down one group at a time while time allows (CP-SAT alone often blames every group).

    It has what is left of the ``cutoff``'s deadline, but at least ``EXPLAIN_SHARE`` of
    the time limit, and ends on its stop with what it found so far. In a run that repeats
    it has the search's work limit too, which ends it before the clock does (``cuts``
    hears when the clock did), so that the same rules are named every time.
    """
    limit = options.time_limit_seconds
    now = time.monotonic()
    deadline = cutoff.deadline if math.isfinite(cutoff.deadline) else now + limit
    within = replace(cutoff, deadline=max(deadline, now + EXPLAIN_SHARE * limit))
    try:
        built = build_model(
            instance, report, options, teams=teams, rotation=rotation, explain=True, cutoff=within
        )
    except Stopped:
        return [EXPLAIN_INTERRUPTED]
    except OutOfTime:
        return [EXPLAIN_TIME]
    model = built.ctx.model
    model.clear_objective()  # type: ignore[no-untyped-call]  # only feasibility matters here
    words = {lit.index: reason for reason, lit in built.groups.literals.items()}
    if built.rotation is not None:
        words.update({lit.index: text for lit, text in built.rotation.assumptions})
    work = _Work(options.work_limit if options.by_work else None)
    core = _infeasible_core(model, list(words), options, within, work)
    if core is None:
        _note_explain_cut(cuts, within, work)
        return [EXPLAIN_INTERRUPTED if within.stopped else EXPLAIN_TIME]
    for index in list(core):
        if within.reached() or work.spent_all:
            break
        smaller = _infeasible_core(model, [i for i in core if i != index], options, within, work)
        if smaller is not None:
            core = smaller
    _note_explain_cut(cuts, within, work)
    if not core:
        return ["No plan meets every rule (the basic team and rotation limits conflict)"]
    return ["No plan meets all of these rules together:", *(f"- {words[i]}" for i in core)]


@dataclass
class _Work:
    """Deterministic time a stage of several solves may use (``None``: no limit), and
    what its solves used so far."""

    limit: float | None
    spent: float = 0.0

    @property
    def left(self) -> float | None:
        return None if self.limit is None else max(0.0, self.limit - self.spent)

    @property
    def spent_all(self) -> bool:
        return self.limit is not None and self.spent >= 0.99 * self.limit


def _note_explain_cut(cuts: WallCuts | None, within: Cutoff, work: _Work) -> None:
    """The clock, not the work, ended a repeatable explanation: it may name other rules."""
    if cuts is not None and work.limit is not None and within.expired and not work.spent_all:
        cuts.add("the explanation")


def _infeasible_core(
    model: cp_model.CpModel,
    assumed: list[int],
    options: SolveOptions,
    cutoff: Cutoff,
    work: _Work | None = None,
) -> list[int] | None:
    """A subset of ``assumed`` (literal indices) proven infeasible together, or ``None``;
    within ``work``'s deterministic time, when it has a limit."""
    model.clear_assumptions()
    model.add_assumptions([model.get_bool_var_from_proto_index(i) for i in assumed])
    left = work.left if work is not None else None
    if left is not None and left <= 0:
        return None
    solver = _solver(options, time_limit=max(0.1, cutoff.seconds_left), workers=1, work=left)
    status = solve_until(solver, model, Cutoff(cutoff.stop))
    if work is not None:
        work.spent += solver.deterministic_time
    if status != cp_model.INFEASIBLE:
        return None
    found = set(solver.sufficient_assumptions_for_infeasibility())
    return [i for i in assumed if i in found]


class _Watch(cp_model.CpSolverSolutionCallback):
    """Reports each improvement and stops the search when asked, or when a plan reaches
    the hand-made bound (``ceiling``, user units): no plan can be better.

    Not at the ceiling in a repeatable run (``stop_at_ceiling`` off): ortools 9.15 aborts
    the process ("Check failed: solution->size() == postsolve_mapping.size()") when a
    callback stops an interleaved search on two workers that keeps all feasible solutions
    in presolve; the work limit ends that search instead, and the plan is still called
    optimal when it reaches the ceiling (``_plan``)."""

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
                    gap=_gap(objective, bound),
                    seconds=time.monotonic() - self.started,
                    solutions=self.solutions,
                )
            )
        if self.stop is not None and self.stop.is_set():
            self.stop_search()


def _solver(
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


def _gap(objective: float, bound: float) -> float:
    """Relative distance to the bound, CP-SAT's way (scaled units, at least 1)."""
    return abs(bound - objective) / max(1.0, abs(objective))


def _stop_reason(
    solver: cp_model.CpSolver, options: SolveOptions, stop: threading.Event | None
) -> StopReason:
    if stop is not None and stop.is_set():
        return StopReason.INTERRUPTED
    limit = options.work_limit
    if limit is not None and solver.deterministic_time >= 0.99 * limit:
        return StopReason.DETERMINISTIC_LIMIT
    return StopReason.TIME_LIMIT


def _no_solution_reason(stopped: StopReason, options: SolveOptions) -> str:
    if stopped is StopReason.INTERRUPTED:
        return "The search was interrupted before any plan was found"
    return (
        f"No plan was found within the limit ({options.time_limit_seconds:g} s); the rules "
        f"may be very tight: try a longer --time-limit"
    )


def _plan(
    built: PlanningModel,
    search: tuple[cp_model.CpSolver, Any],
    found: cp_model.CpSolver,
    options: SolveOptions,
    stop: threading.Event | None,
    seconds: float,
    run: dict[str, Any],
) -> Plan:
    """The plan held by ``found``, with the bound and stop reason of the ``search`` (the
    same solver, unless the search ended before improving on the start plan)."""
    searched, status = search
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
        notes.append(RESTRICTED_CEILING_NOTE if built.restricted else CEILING_NOTE)
    elif built.restricted:
        notes.append(RESTRICTED_NOTE)
    optimal = (found is searched and status == cp_model.OPTIMAL) or (
        bound is not None and objective >= bound - 0.5  # the plan reaches the bound
    )
    terms = {part: value / OBJECTIVE_SCALE for part, value in scaled.items()}
    if found is not searched:
        notes.append(REPAIR_START_NOTE if built.previous is not None else START_NOTE)
    return Plan(
        status=SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE,
        objective=objective / OBJECTIVE_SCALE,
        bound=bound / OBJECTIVE_SCALE if bound is not None else None,
        gap=0.0 if optimal else _gap(objective, bound) if bound is not None else None,
        seconds=seconds,
        stop_reason=StopReason.PROVEN if optimal else _stop_reason(searched, options, stop),
        teams=built.teams.extract(found) if built.teams is not None else (),
        rotation=built.rotation.extract(found) if built.rotation is not None else (),
        objective_terms=terms,
        notes=tuple(notes),
        **run,
    )
