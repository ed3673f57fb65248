"""The whole CP-SAT model of one run: teams and rotation share it (and its "covered"
boolean per department pair), with redundant rows and a bound worked out by hand."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.models import DepartmentName, EmployeeId, NetworkReport, PlanningInput, TeamName
from crossteam.models.limits import OBJECTIVE_SCALE
from crossteam.planner.balance import add_balance_rules
from crossteam.planner.bounds import depth_ceiling, preference_ceiling, team_objective_bound
from crossteam.planner.candidates import EXACT, Candidates, choose_candidates
from crossteam.planner.ceiling import Capacity, bridging_ceiling, capacity
from crossteam.planner.context import ModelContext
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff, WallCuts
from crossteam.planner.department_level import DepartmentPlan
from crossteam.planner.groups import RuleGroups
from crossteam.planner.options import Formulation, SolveOptions, Stage, silent
from crossteam.planner.pool import cohorts
from crossteam.planner.programmes import add_programme_limit, limited_people
from crossteam.planner.rotation import RotationModel, build_rotation
from crossteam.planner.stability import (
    PreviousPlan,
    add_rotation_stays,
    add_team_stays,
    personal_rotators,
)
from crossteam.planner.team_wishes import add_repeat_teammates, add_team_wishes
from crossteam.planner.teams import TeamModel, build_teams

BOUND_SHARE = 0.2
"""Share of the time limit the hand-made bound may take; a looser valid one stands after."""


@dataclass
class PlanningModel:
    """The model of one run and the parts that read a plan back from it."""

    ctx: ModelContext
    groups: RuleGroups
    teams: TeamModel | None
    rotation: RotationModel | None
    """The rotation's variables (``extract(solver)``), when planned."""
    restricted: bool = False
    """The team model was restricted to candidates (its bound is not the full problem's)."""
    ceiling: float | None = None
    """A bound on the objective worked out without the solver (``bounds``), if known."""
    previous: PreviousPlan | None = None
    """The plan a re-plan repairs (``stability``): hinted, and kept where it can be."""


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
    announce = on_stage or silent
    announce(Stage.MODEL)
    ctx = ModelContext(instance=instance, gap_weights=report.gap_weights(), cutoff=cutoff)
    groups = RuleGroups(ctx.model, explain=explain)
    team_model = None
    candidates = EXACT
    formulation = options.formulation
    if previous is not None:
        formulation = replace(formulation, symmetry=False)
    limited = limited_people(instance, teams=teams, rotation=rotation)
    if teams:
        team_model, candidates = _add_teams(ctx, groups, formulation, start, previous, limited)
    rotation_model = None
    if rotation:
        rotation_model = build_rotation(
            ctx,
            explain=explain,
            aggregate=formulation.aggregate,
            personal={*personal_rotators(previous, instance), *limited},
            cutoff=cutoff,
        )
        if previous is not None:
            add_rotation_stays(rotation_model, ctx, previous)
    if team_model is not None and rotation_model is not None:
        add_programme_limit(team_model, rotation_model, limited, groups)
    ctx.finish()
    if options.formulation.tight:
        _cap_department_bridges(ctx, capacity(instance, teams=teams, rotation=rotation))
    ceiling = None
    if (teams or rotation_model is not None) and not explain and options.formulation.own_bound:
        announce(Stage.BOUND)
        ceiling = _own_ceiling(ctx, options, teams, rotation, rotation_model, department, cuts)
    return PlanningModel(
        ctx,
        groups,
        team_model,
        rotation_model,
        candidates.restricted,
        ceiling=ceiling,
        previous=previous,
    )


def _add_teams(
    ctx: ModelContext,
    groups: RuleGroups,
    formulation: Formulation,
    start: Mapping[TeamName, list[EmployeeId]] | None,
    previous: PreviousPlan | None,
    limited: frozenset[EmployeeId],
) -> tuple[TeamModel, Candidates]:
    """The team part of the model (restricted around a ``start`` plan), its Balance rules,
    repeat teammates and team wishes and, for a re-plan, what keeping the ``previous``
    teams is worth. The ``limited`` people (``programmes``) are cohorts of their own."""
    instance = ctx.instance
    pool = cohorts(instance, aggregate=formulation.aggregate, personal=limited)
    candidates = EXACT
    if start is not None:
        candidates = choose_candidates(instance, pool, sorted(ctx.gap_weights), start)
    team_model = build_teams(ctx, pool, groups, formulation, candidates)
    add_balance_rules(team_model, groups)
    add_repeat_teammates(team_model, groups)
    add_team_wishes(team_model)
    if previous is not None:
        add_team_stays(team_model, previous)
    return team_model, candidates


def _own_ceiling(
    ctx: ModelContext,
    options: SolveOptions,
    teams: bool,
    rotation: bool,
    rotation_model: RotationModel | None,
    department: DepartmentPlan | None,
    cuts: WallCuts | None,
) -> float | None:
    """The hand-made bound on the objective (user units), rounded down to a value the
    objective can take; ``None`` when it is not finite.

    Raises:
        Stopped: the run was asked to stop.
    """
    instance = ctx.instance
    cutoff = ctx.cutoff
    within = bound_cutoff(cutoff, options)
    if teams:
        scaled = team_objective_bound(instance, ctx.gap_weights, rotation=rotation, cutoff=within)
        if department is not None:
            ceilings = depth_ceiling(instance) + preference_ceiling(instance)
            scaled = min(scaled, department.bound + ceilings)
        scaled *= OBJECTIVE_SCALE
    else:
        found = bridging_ceiling(
            instance, ctx.gap_weights, teams=False, rotation=True, cutoff=within
        )
        scaled = float(found.scaled)
    cutoff.raise_if_stopped()
    if cuts is not None and options.by_work and within.expired:
        cuts.add(i18n.t("checks.stage.bound"))
    if rotation_model is not None:
        scaled += rotation_model.objective_ceiling(instance.settings)
    # every term is a whole multiple of its coefficient, so the objective is a whole
    # multiple of their greatest common divisor: round the bound down to one
    step = math.gcd(*(c for terms in ctx.objective_terms.values() for c, _ in terms))
    if math.isfinite(scaled) and step > 0:
        return math.floor(scaled / step + 1e-9) * step / OBJECTIVE_SCALE
    return None


def bound_cutoff(cutoff: Cutoff, options: SolveOptions) -> Cutoff:
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
