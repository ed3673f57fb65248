"""Very large companies, whose team model would not fit a laptop: the start plan as the
teams, improved block by block, with crossteam's own bound, and the rotation planned after
them for the department pairs they leave silent (docs/model.md, 'Very large companies')."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import partial

from crossteam import i18n
from crossteam.checks.objective import team_objective_terms
from crossteam.checks.teams import check_teams
from crossteam.i18n.catalogue import MESSAGES
from crossteam.models import (
    EmployeeId,
    NetworkReport,
    Plan,
    PlanningInput,
    SolveStatus,
    StopReason,
    TeamAssignment,
    TeamName,
)
from crossteam.planner.blocks import SolvePart, improve_by_blocks, without_pairs_held
from crossteam.planner.bounds import team_objective_bound
from crossteam.planner.candidates import VARIABLE_BUDGET, exact_size
from crossteam.planner.cutoff import Cutoff, WallCuts
from crossteam.planner.model import bound_cutoff
from crossteam.planner.options import Progress, SolveOptions, Stage
from crossteam.planner.pool import cohorts
from crossteam.planner.programmes import without_team_members
from crossteam.planner.search import relative_gap

MODEL_VARIABLE_LIMIT = 200_000
"""Largest team model (estimated variables, ``team_model_size``) given to the solver. At
20,000 people / 2,000 teams (about 380,000) it took 9.8 GB and 100 s before its search
began; at 5,000 / 450 (about 132,000) 1.1 GB."""
REPAIR_TOO_LARGE = MESSAGES["checks.repair_too_large"].en
LARGE_NOTE = MESSAGES["checks.note.large"].en
LARGE_STOPPED_NOTE = MESSAGES["checks.note.large_stopped"].en
LARGE_ROTATION_NOTE = MESSAGES["checks.note.large_rotation"].en
"""These four in English (the plan says them in the run's language)."""

Teams = tuple[TeamAssignment, ...]


def team_model_size(instance: PlanningInput, options: SolveOptions, gap_pairs: int) -> int:
    """Variables the team model will have, about: per team one per cohort and two per
    department, plus the seats and bridges candidate restriction keeps."""
    pool = cohorts(instance, aggregate=options.formulation.aggregate)
    departments = len({g.department for g in pool})
    seats = min(exact_size(instance, pool, gap_pairs), VARIABLE_BUDGET)
    return len(instance.teams) * (len(pool) + 2 * departments) + seats


def too_large_to_repair(
    instance: PlanningInput, options: SolveOptions, gap_pairs: int
) -> str | None:
    """Why a re-plan of this company cannot be searched (its team model is above
    ``MODEL_VARIABLE_LIMIT``), or ``None`` when it can."""
    variables = team_model_size(instance, options, gap_pairs)
    if variables > MODEL_VARIABLE_LIMIT:
        return i18n.t("checks.repair_too_large", variables=variables, limit=MODEL_VARIABLE_LIMIT)
    return None


@dataclass
class LargeCompany:
    """One run's stages for a very large company, and what they share."""

    instance: PlanningInput
    report: NetworkReport
    options: SolveOptions
    started: float
    """``time.monotonic()`` when the run began."""
    on_progress: Callable[[Progress], None] | None
    announce: Callable[[Stage], None]
    cutoff: Cutoff
    cuts: WallCuts
    solve_part: SolvePart
    """``planner.solve`` of a block, or of the rotation alone."""

    def plan(self, start: Mapping[TeamName, list[EmployeeId]]) -> Plan | None:
        """For a team model above ``MODEL_VARIABLE_LIMIT``: the start plan as the teams,
        with the hand-made bound, and the rotation (if asked) planned alone for the
        department pairs the teams leave silent. ``None`` when the model is small enough,
        or when the start plan breaks a rule (the solver must then repair it). Stopped once
        the blocks have begun, it gives the teams it has (the rotation is then not
        planned)."""
        variables = team_model_size(self.instance, self.options, len(self.report.gap_weights()))
        if variables <= MODEL_VARIABLE_LIMIT:
            return None
        order = {e.employee_id: i for i, e in enumerate(self.instance.employees)}
        teams = tuple(
            TeamAssignment(team=t.name, members=tuple(sorted(start[t.name], key=order.__getitem__)))
            for t in self.instance.teams
        )
        plan = Plan(status=SolveStatus.FEASIBLE, teams=teams, planned_teams=True)
        if not all(result.passed for result in check_teams(self.instance, plan)):
            return None
        bound = self._bound()
        teams = self._blocks(teams, variables, bound)
        plan = plan.model_copy(update={"teams": teams})
        return self._with_rotation(plan, bound)

    @property
    def rotating(self) -> bool:
        return self.options.plan_rotation and bool(self.instance.periods)

    @property
    def share(self) -> float:
        """Share of the time limit the teams may take: the rotation, planned after, needs
        time too."""
        return 0.5 if self.rotating else 1.0

    def _bound(self) -> float | None:
        self.announce(Stage.BOUND)
        within = bound_cutoff(self.cutoff, self.options)
        gap_weights = self.report.gap_weights()
        bound: float | None = team_objective_bound(self.instance, gap_weights, cutoff=within)
        if self.options.by_work and within.expired:
            self.cuts.add(i18n.t("checks.stage.bound"))
        return bound

    def _blocks(self, teams: Teams, variables: int, bound: float | None) -> Teams:
        """The teams improved block by block in their share of the time."""
        options, started = self.options, self.started
        rotating = self.rotating

        def block_done(value: float, improved: int) -> None:
            if self.on_progress is not None and bound is not None and not rotating:
                seconds = time.monotonic() - started
                progress = Progress(value, bound, relative_gap(value, bound), seconds, improved + 1)
                self.on_progress(progress)

        self.announce(Stage.BLOCKS)
        limit, share = options.time_limit_seconds, self.share
        better, _ = improve_by_blocks(
            self.instance, self.report, options, teams,
            # repeatable, the blocks' time and work are fixed in advance, and the clock is a
            # safety net at the time limit
            variables=variables, deadline=started + (limit if options.by_work else share * limit),
            solve=self.solve_part, stop=self.cutoff.stop, on_block=block_done,
            repeatable_seconds=share * limit if options.by_work else None,
            on_wall_cut=partial(self.cuts.add, i18n.t("checks.stage.blocks")),
        )  # fmt: skip
        return better

    def _with_rotation(self, plan: Plan, bound: float | None) -> Plan:
        """The plan of these teams, with the rotation planned after them when asked."""
        terms = team_objective_terms(self.instance, self.report.gap_weights(), plan)
        notes = [i18n.t("checks.note.large")]
        rotation: Plan | None = None
        if self.rotating and self.cutoff.stopped:
            notes.append(i18n.t("checks.note.large_stopped"))
        elif self.rotating:
            rotation = self._rotation(plan.teams)
            if not rotation.has_solution and rotation.stop_reason is StopReason.INTERRUPTED:
                rotation = None
                notes.append(i18n.t("checks.note.large_stopped"))
            elif not rotation.has_solution:
                return rotation.model_copy(update={"seconds": time.monotonic() - self.started})
            else:
                terms = {k: terms.get(k, 0.0) + rotation.objective_terms.get(k, 0.0)
                         for k in {*terms, *rotation.objective_terms}}  # fmt: skip
                notes.append(i18n.t("checks.note.large_rotation"))
                bound = None
        objective = sum(terms.values())
        seconds = time.monotonic() - self.started
        gap = relative_gap(objective, bound) if bound is not None else None
        if self.on_progress is not None and rotation is None:
            self.on_progress(Progress(objective, bound or objective, gap, seconds, solutions=1))
        stopped = StopReason.INTERRUPTED if self.cutoff.stopped else StopReason.SIZE_LIMIT
        return Plan(
            status=SolveStatus.FEASIBLE,
            objective=objective,
            bound=bound,
            gap=gap,
            seconds=seconds,
            stop_reason=rotation.stop_reason if rotation is not None else stopped,
            teams=plan.teams,
            rotation=rotation.rotation if rotation is not None else (),
            planned_rotation=rotation is not None,
            objective_terms=terms,
            notes=tuple(notes),
        )

    def _rotation(self, teams: Teams) -> Plan:
        """The rotation alone, for the department pairs ``teams`` leave silent, in the
        time (and the share of the work) the teams left it."""
        options = self.options
        # pairs a team bridges are worth nothing more to a rotation
        left = without_pairs_held(self.report, self.instance, (t.members for t in teams))
        remaining = max(0.1, options.time_limit_seconds - (time.monotonic() - self.started))
        alone = replace(options, plan_teams=False, time_limit_seconds=remaining)
        if options.by_work and options.work_limit is not None:
            # its work is its share of the run's, whatever the blocks took on the clock
            alone = replace(alone, deterministic_time_limit=(1 - self.share) * options.work_limit)
        # under a limit of one programme, the people the teams seat stay home
        rotation = self.solve_part(
            without_team_members(self.instance, teams), left, alone,
            on_progress=self.on_progress, on_stage=self.announce, stop=self.cutoff.stop,
        )  # fmt: skip
        if options.by_work and not rotation.repeatable and not self.cutoff.stopped:
            self.cuts.add(i18n.t("checks.stage.rotation"))
        return rotation
