"""The search's start, hinted in full: the start plan, the department-level plan filled with
people, or a re-plan's previous plan, every other variable completed by a quick solve."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.models import (
    DepartmentName,
    DepartmentPairKey,
    Employee,
    EmployeeId,
    PlanningInput,
    TeamName,
    pairs_among,
)
from crossteam.planner.cutoff import Cutoff, WallCuts, solve_until
from crossteam.planner.department_level import Mix
from crossteam.planner.model import PlanningModel
from crossteam.planner.options import SolveOptions
from crossteam.planner.pool import named_in_rules
from crossteam.planner.rotation import hint_counts, hint_rotation
from crossteam.planner.search import cut_by_clock, lean_presolve, new_solver
from crossteam.planner.stability import PreviousPlan, hint_stays, previous_counts
from crossteam.planner.teams import TeamModel, interchangeable_teams, symmetry_weights

HINT_SHARE = 0.2
"""Share of the time limit the full hint may take (the solve that fills in all but x)."""
HINT_LINGER = 1.0
"""Seconds the full hint's solve may go on after a stop: it gives the start plan, which
the stop then keeps (on 1,000 people it takes 1-2 s in all). One second, not more: the
check and the writing of a 1,000-person plan take another 1.5-2 s, and a run must end
within 5 s of Ctrl-C whatever the stage."""


def hint_best_start(
    built: PlanningModel,
    options: SolveOptions,
    start: Mapping[TeamName, list[EmployeeId]] | None,
    mixes: Mapping[TeamName, Mix] | None,
    stop: threading.Event | None,
    cuts: WallCuts,
) -> cp_model.CpSolver | None:
    """Hint the start of the search, if any: a re-plan's previous plan, or else the better
    of the ``start`` plan and the department-level plan's ``mixes`` filled with people.

    Returns the solver holding the start in full (``None`` without a start, or when the
    start breaks a hard rule).
    """
    if built.previous is not None:
        return hint_previous(built, built.previous, options, stop, cuts)
    if built.teams is None and built.rotation is not None and built.rotation.sent:
        return hint_rotation_start(built, options, stop, cuts)
    if start is None or built.teams is None:
        return None
    found = hint_start(built, start, options, stop, cuts)
    filled = fill_mixes(built, mixes, options, stop, cuts) if mixes else None
    if filled is not None and (found is None or filled.objective_value > found.objective_value):
        found = filled
    if found is not None:
        hint_solution(built.ctx.model, found)
    return found


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
    decisions = [*built.teams.x.values(), *built.teams.fill.values()]
    return _hint_completed(model, decisions, options, stop, cuts)


def hint_rotation_start(
    built: PlanningModel,
    options: SolveOptions,
    stop: threading.Event | None = None,
    cuts: WallCuts | None = None,
) -> cp_model.CpSolver | None:
    """Rotation alone: hint its greedy plan in full, as a team start is hinted.

    The greedy hint gives who goes where and when (``sent`` and ``starts``); every other
    variable (the bridges, the ``covered`` pairs, the objective parts) comes from solving a
    copy of the model with those fixed. Without it the search starts from the counts alone
    and, at 1,000 people with wishes, ended with 40 % less bridged than the greedy plan.
    """
    assert built.rotation is not None
    decisions = [*built.rotation.sent.values(), *built.rotation.starts.values()]
    return _hint_completed(built.ctx.model, decisions, options, stop, cuts)


def _hint_completed(
    model: cp_model.CpModel,
    decisions: Iterable[cp_model.IntVar],
    options: SolveOptions,
    stop: threading.Event | None,
    cuts: WallCuts | None,
) -> cp_model.CpSolver | None:
    """Complete ``model``'s hint: solve a copy with the hinted ``decisions`` fixed, and
    hint every variable from its solution (``None``, and the hint as it was, when the
    copy has none: the hint breaks a hard rule, or ``stop`` ended it)."""
    hinted = dict(
        zip(model.proto.solution_hint.vars, model.proto.solution_hint.values, strict=True)
    )
    fixed = model.clone()
    for var in decisions:
        if var.index in hinted:
            fixed.add(fixed.get_int_var_from_proto_index(var.index) == hinted[var.index])
    solver = complete(fixed, options, stop, cuts)
    if solver is not None:
        hint_solution(model, solver)
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
        hint_counts(built.rotation, model, sent, starts)
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
        repaired = complete(repair, options, stop, cuts, repair=True)
        if repaired is None:
            return None
        # the repair leaves what the stability part does not weigh (pairs covered,
        # balance) anywhere: a hint so valued reads as a poor plan the search leaves at
        # once. So the other variables are completed for the whole objective
        found = _complete_held(built, options, stop, cuts, repaired.value) or repaired
    hint_solution(model, found)
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
    return complete(fixed, options, stop, cuts)


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
    return complete(fixed, options, stop, cuts)


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
                    (e for d, n in wanted.items() if n for e in free[d] if need.met_by(e)),
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
        held.update(pairs_among(department_of.get(m, m) for m in members))
    hint_rotation(built.rotation, built.ctx, held)


def complete(
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
    solver = new_solver(
        options, time_limit=options.time_limit_seconds * HINT_SHARE, workers=workers, work=work
    )
    lean_presolve(solver)
    solver.parameters.symmetry_level = 0
    # a repair's hint is most of the answer: presolve must not lose it (see ``search``)
    solver.parameters.keep_all_feasible_solutions_in_presolve = repair
    hinted_status = solve_until(solver, model, Cutoff(stop), linger=HINT_LINGER)
    if cut_by_clock(solver, hinted_status, work, stop) and cuts is not None:
        cuts.add(i18n.t("checks.stage.completion"))
    if hinted_status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return solver


def hint_solution(model: cp_model.CpModel, solver: cp_model.CpSolver) -> None:
    """Hint every variable of ``model`` with a solution of a copy of it."""
    model.clear_hints()  # type: ignore[no-untyped-call]
    for index, value in enumerate(solver.response_proto.solution):
        model.add_hint(model.get_int_var_from_proto_index(index), value)


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
