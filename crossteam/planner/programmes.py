"""``max_programmes_per_employee``: a team and a rotation count one programme each; and
``weight_spread``, the cost of each person who takes both.

When the limit is below the programmes planned, or the spread has a weight, the people
who could take both (available for a team, and able to rotate) are classes of their own
on both sides: a cohort alone in the team model (``pool.cohorts(personal=...)``), a
rotator class alone in the rotation (``build_rotation(personal=...)``). Per such person,
``in team + rotates <= limit``, where
``rotates`` is true when they take any stint, however many; with a spread weight,
``both >= in team + rotates - 1`` costs ``weight_spread`` (docs/model.md).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.models import EmployeeId, PlanningInput, Rule, RuleKind, TeamAssignment
from crossteam.planner.groups import RuleGroups
from crossteam.planner.rotation import RotationModel
from crossteam.planner.rotation.facts import rotation_facts
from crossteam.planner.teams import TeamModel


def programme_reason(employee: EmployeeId, limit: int) -> str:
    """The limit on one person in plain words, as explanations name it."""
    return i18n.t(
        "checks.group.programmes",
        limit=limit,
        employee=employee,
        programmes=i18n.counted(limit, "programme"),
    )


def limited_people(
    instance: PlanningInput, *, teams: bool, rotation: bool
) -> frozenset[EmployeeId]:
    """People the limit binds, or the spread weighs: those who could take a team and a
    rotation, when both are planned and the limit is below two or ``weight_spread`` is
    above 0; none otherwise (the limit then adds nothing)."""
    settings = instance.settings
    limit = settings.max_programmes_per_employee
    binds = limit is not None and limit < int(teams) + int(rotation)
    weighs = settings.weight_spread > 0 and teams and rotation
    if not (binds or weighs) or not instance.periods:
        return frozenset()
    facts = rotation_facts(instance)
    return frozenset(e.employee_id for e in instance.available_employees if facts.can_rotate(e))


def add_programme_limit(
    tm: TeamModel, rotation: RotationModel, people: Collection[EmployeeId], groups: RuleGroups
) -> None:
    """Per person in ``people``: seated in a team plus ``rotates`` at most the limit, and
    ``weight_spread`` paid when both."""
    settings = tm.ctx.instance.settings
    limit = settings.max_programmes_per_employee
    if not people:
        return
    model = tm.ctx.model
    team_class = {c.members[0]: c.index for c in tm.classes if c.size == 1}
    sent: dict[EmployeeId, list[cp_model.IntVar]] = {}
    for index, c in enumerate(rotation.classes):
        if c.size == 1 and c.members[0] in people:
            sent[c.members[0]] = [var for (i, _), var in rotation.sent.items() if i == index]
    for e in tm.ctx.instance.available_employees:
        who = e.employee_id
        if who not in people or not sent.get(who) or who not in team_class:
            continue  # they cannot rotate, or cannot join a team: one programme at most
        seats = [v for t in tm.teams if (v := tm.x.get((t.name, team_class[who]))) is not None]
        rotates = model.new_bool_var(f"rotates[{who}]")
        for var in sent[who]:
            model.add(var <= rotates)  # a class of one sends at most one stint to a host
        if limit is not None:
            model.add(sum(seats) + rotates <= limit).only_enforce_if(
                groups(programme_reason(who, limit))
            )
        if settings.weight_spread > 0:
            both = model.new_bool_var(f"both[{who}]")
            model.add(sum(seats) + rotates <= 1 + both)
            tm.ctx.add_objective("spread", -settings.weight_spread, both)


def without_team_members(instance: PlanningInput, teams: Iterable[TeamAssignment]) -> PlanningInput:
    """``instance`` for a rotation planned after its teams (very large companies): under
    a limit of one programme, the people the teams seat do not rotate."""
    limit = instance.settings.max_programmes_per_employee
    if limit is None or limit >= 2:
        return instance
    seated = [e for t in teams for e in t.members]
    barred = tuple(Rule(kind=RuleKind.NO_ROTATION, employee_id=e) for e in seated)
    return instance.with_changes(rules=(*instance.rules, *barred))
