"""How far a plan granted the wishes of the Preferences sheet, counted from the plan itself.

Like the rule checks, this shares no code with the planner: a rotator's wish is granted
when any of their stints is in a host they ranked; a team member's when their team is one
they ranked, by its name or by its spec (``Preference.targets``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from crossteam.models import EmployeeId, Plan, PlanningInput, ProgrammeKind, ranked
from crossteam.models.wish_figures import RankedWish, WishFigures, WishOutcome, WishReport


def wish_report(instance: PlanningInput, plan: Plan) -> WishReport:
    """Every person's wishes against what ``plan`` gives them, and the figures of each kind."""
    order = {p.label: p.index for p in instance.periods}
    hosts: dict[EmployeeId, list[str]] = defaultdict(list)
    for stint in sorted(plan.rotation, key=lambda s: order.get(s.period, len(order))):
        if stint.department not in hosts[stint.employee_id]:
            hosts[stint.employee_id].append(stint.department)
    teams: dict[EmployeeId, list[str]] = defaultdict(list)
    for assignment in plan.teams:
        for member in assignment.members:
            if assignment.team not in teams[member]:
                teams[member].append(assignment.team)
    rotation = _outcomes(instance, ProgrammeKind.ROTATION, hosts)
    team = _outcomes(instance, ProgrammeKind.TEAM, teams)
    return WishReport(
        rotation=_figures(ProgrammeKind.ROTATION, rotation),
        team=_figures(ProgrammeKind.TEAM, team),
        people=(*rotation, *team),
    )


def _outcomes(
    instance: PlanningInput, kind: ProgrammeKind, given: Mapping[EmployeeId, Sequence[str]]
) -> list[WishOutcome]:
    """The outcome of each person with wishes of ``kind``, in Employees order."""
    wishes: dict[EmployeeId, list[RankedWish]] = defaultdict(list)
    for p in instance.preferences:
        if p.kind is kind:
            wishes[p.employee_id].append(RankedWish(rank=p.rank, target=p.target))
    ranks = ranked(instance.preferences, kind)
    outcomes = []
    for employee in instance.employees:
        person = employee.employee_id
        if person not in wishes:
            continue
        got = tuple(given.get(person, ()))
        granted = [ranks[person][g] for g in got if g in ranks[person]]
        outcomes.append(
            WishOutcome(
                employee_id=person,
                kind=kind,
                wishes=tuple(sorted(wishes[person], key=lambda w: (w.rank, w.target))),
                got=got,
                rank_got=min(granted, default=None),
            )
        )
    return outcomes


def _figures(kind: ProgrammeKind, outcomes: Sequence[WishOutcome]) -> WishFigures:
    placed = [o for o in outcomes if o.got]
    granted = [o.rank_got for o in placed if o.rank_got is not None]
    return WishFigures(
        kind=kind,
        ranked=len(placed),
        first_choice=sum(rank == 1 for rank in granted),
        top_two=sum(rank <= 2 for rank in granted),
        any_choice=len(granted),
        mean_rank=round(sum(granted) / len(granted), 4) if granted else None,
        not_placed=len(outcomes) - len(placed),
    )
