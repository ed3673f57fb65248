"""A plan's effect on the network: the ties it makes and the gaps it bridges."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.models import (
    BridgedPair,
    DepartmentName,
    EmployeeId,
    GapKind,
    Interaction,
    NetworkReport,
    Plan,
    PlanEffect,
    PlanningInput,
    Problem,
    RotationStint,
    TeamName,
    pair_key,
    pairs_among,
)
from crossteam.network.analysis import analyse, analyse_graph
from crossteam.network.graph import build_graph

PairKey = tuple[DepartmentName, DepartmentName]


def _check_references(instance: PlanningInput, plan: Plan) -> None:
    """A plan read from a file may name people or departments the input does not have."""
    problems = [
        Problem(
            sheet=i18n.name("Teams"),
            message=i18n.t("explain.unknown_team_member", team=team.team, employee=member),
        )
        for team in plan.teams
        for member in team.members
        if member not in instance.employee_by_id
    ]
    for stint in plan.rotation:
        if stint.employee_id not in instance.employee_by_id:
            unknown = "rotator"
        elif stint.department not in instance.members_of:
            unknown = "host"
        else:
            continue
        where = {"employee": stint.employee_id, "department": stint.department}
        message = i18n.t(f"explain.unknown_{unknown}", period=stint.period, **where)
        problems.append(Problem(sheet=i18n.name("Rotation"), message=message))
    if problems:
        raise InputError(problems)


def plan_ties(instance: PlanningInput, plan: Plan) -> set[tuple[EmployeeId, EmployeeId]]:
    """The distinct employee pairs a plan ties, each ordered ``(a, b)`` with ``a < b``.

    A team ties every two of its members; a rotation stint ties the rotator to every
    member of the host department.

    Raises:
        InputError: the plan names an employee or a department the input does not have.
    """
    _check_references(instance, plan)
    ties = {pair_key(a, b) for team in plan.teams for a, b in combinations(team.members, 2)}
    for stint in plan.rotation:
        ties.update(
            pair_key(stint.employee_id, host)
            for host in instance.members_of[stint.department]
            if host != stint.employee_id
        )
    return ties


def apply_plan(instance: PlanningInput, plan: Plan) -> PlanningInput:
    """``instance`` with the plan's ties added as interactions of weight 1 each."""
    added = tuple(
        Interaction(employee_a=a, employee_b=b) for a, b in sorted(plan_ties(instance, plan))
    )
    return instance.model_copy(update={"interactions": instance.interactions + added})


def _bridging(
    instance: PlanningInput, plan: Plan
) -> tuple[dict[PairKey, list[TeamName]], dict[PairKey, list[RotationStint]]]:
    """Which teams and stints put people of each department pair together."""
    department_of = {e.employee_id: e.department for e in instance.employees}
    teams: dict[PairKey, list[TeamName]] = defaultdict(list)
    for team in plan.teams:
        for pair in pairs_among(department_of[m] for m in team.members):
            teams[pair].append(team.team)
    stints: dict[PairKey, list[RotationStint]] = defaultdict(list)
    for stint in plan.rotation:
        home = department_of[stint.employee_id]
        if home != stint.department:
            stints[pair_key(home, stint.department)].append(stint)
    return teams, stints


def compare(instance: PlanningInput, plan: Plan, before: NetworkReport | None = None) -> PlanEffect:
    """The network before and after ``plan``, and the gap pairs it bridges.

    A pair is bridged when it was zero-tie or weak before and the plan adds tied
    employee pairs across it. Pass ``before`` when ``analyse(instance)`` is at hand.
    """
    before = before if before is not None else analyse(instance)
    after = analyse_graph(instance, build_graph(instance, plan_ties(instance, plan)))
    after_pairs = {(p.department_a, p.department_b): p for p in after.pairs}
    teams, stints = _bridging(instance, plan)
    bridged = []
    for old in before.pairs:
        key = (old.department_a, old.department_b)
        new = after_pairs[key]
        if old.kind is GapKind.TIED or new.tied_pairs <= old.tied_pairs:
            continue
        bridged.append(
            BridgedPair(
                department_a=old.department_a,
                department_b=old.department_b,
                kind_before=old.kind,
                kind_after=new.kind,
                tied_pairs_before=old.tied_pairs,
                tied_pairs_after=new.tied_pairs,
                gap_weight=old.gap_weight,
                teams=tuple(teams.get(key, ())),
                rotations=tuple(stints.get(key, ())),
            )
        )
    bridged.sort(key=lambda p: (-p.gap_weight, p.department_a, p.department_b))
    return PlanEffect(before=before, after=after, bridged=tuple(bridged))
