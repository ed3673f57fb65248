"""The plans a search starts from: the greedy plan improved by local search, and the
department-level model's bound and plan, seeded with that plan's mixes."""

from __future__ import annotations

import threading
from collections.abc import Mapping

from crossteam import i18n
from crossteam.models import EmployeeId, NetworkReport, PlanningInput, TeamName
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff, OutOfTime, WallCuts
from crossteam.planner.department_level import Budget, DepartmentPlan, Weights, plan_departments
from crossteam.planner.earlier_teams import team_wish_points
from crossteam.planner.greedy import dealt_teams, greedy_teams
from crossteam.planner.local_search import improve_teams, plan_value
from crossteam.planner.options import SolveOptions
from crossteam.planner.rotation import rotation_reach

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


def starting_plan(
    instance: PlanningInput, report: NetworkReport, cutoff: Cutoff = NO_CUTOFF
) -> dict[TeamName, list[EmployeeId]] | None:
    """The better of the team-by-team greedy and the dealt one (by the local search's own
    value: bridging, departments per team, diversify by department; and granted team
    wishes, which the local search does not move for), then improved.

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
    points = team_wish_points(instance)
    best = max(
        built,
        key=lambda plan: (
            plan_value(instance, gap_weights, plan) + wish_value(instance, plan, points)
        ),
    )
    return improve_teams(instance, gap_weights, best, cutoff)


def wish_value(
    instance: PlanningInput,
    members: Mapping[TeamName, list[EmployeeId]],
    points: Mapping[EmployeeId, Mapping[TeamName, int]],
) -> float:
    """The team-wish term of the plan ``members`` (user units, as the objective counts it),
    from ``team_wish_points``."""
    return instance.settings.weight_preference * sum(
        points.get(e, {}).get(team, 0) for team, people in members.items() for e in people
    )


def department_plan(
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
        reach=rotation_reach(instance) if rotation else None,
        budget=budget,
        stop=stop,
        # with rotation, its plan filled with people has not beaten the start plan (whose
        # rotation is aimed at the pairs its teams leave silent): the search gets the time
        integer_plan=not rotation,
    )
    if options.by_work and budget.wall_cut:
        cuts.add(i18n.t("checks.stage.department_model"))
    return plan
