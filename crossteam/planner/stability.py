"""A re-plan's "stays where it was" part: the previous plan repaired with few changes.

After the input changed (someone left or is away) or a manager reviewed a plan, the new
plan should change as little of the previous one as it can, in one solve. The model gets
one soft part, ``stability``: ``weight_stability`` (Settings) for each team assignment and
each rotation stint of the previous plan that the new plan loses, and for each one it
gains. A move is both (twice the weight), a join or a leave once, a kept assignment
nothing; one a manager asked to keep weighs ``KEEP_FACTOR`` times more when lost. So a
bridging gain changes the plan only where it outweighs the changes it needs. The previous
plan is hinted, completed by a quick solve of the changes alone (``hints.hint_previous``).

People stay aggregated: per team and class of interchangeable people the model counts how
many previous members stay (``TeamModel.stays``), per class, host and start how many
previous stints are kept (``RotationModel.stays``), and the plan is read back giving those
seats to the people who had them. See docs/review.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial

from ortools.sat.python import cp_model

from crossteam.models import (
    KEEP_FACTOR,
    DepartmentName,
    Employee,
    EmployeeId,
    Plan,
    PlanningInput,
    RotationStint,
    RuleKind,
    Team,
    TeamName,
)
from crossteam.planner.context import ModelContext
from crossteam.planner.rotation import RotationModel, StintStay
from crossteam.planner.teams import Stay, TeamModel

PART = "stability"
"""The objective part's name (``Plan.objective_terms``): minus the weighted changes."""

StintStart = tuple[EmployeeId, DepartmentName, int | None]
"""A previous stint: employee, host, and its first period's position in the input's
periods (``None`` when its periods no longer fit them)."""


@dataclass(frozen=True)
class PreviousPlan:
    """The plan a re-plan repairs, and what a change of it costs."""

    teams: Mapping[EmployeeId, TeamName]
    """Each previous team member's team."""
    stints: tuple[RotationStint, ...]
    weight: float
    """``weight_stability``: the cost of an assignment gained or lost."""
    kept: frozenset[tuple[str, EmployeeId, str]] = field(default_factory=frozenset)
    """Assignments whose loss weighs ``KEEP_FACTOR`` times: ("team", employee, team) and
    ("rotation", employee, host)."""

    @classmethod
    def of(
        cls, plan: Plan, weight: float, kept: Iterable[tuple[str, EmployeeId, str]] = ()
    ) -> PreviousPlan:
        teams = {m: t.team for t in plan.teams for m in t.members}
        return cls(teams, plan.rotation, weight, frozenset(kept))

    def factor(self, kind: str, employee: EmployeeId, place: str) -> int:
        return KEEP_FACTOR if (kind, employee, place) in self.kept else 1

    def start(self, instance: PlanningInput) -> dict[TeamName, list[EmployeeId]]:
        """The previous teams of those who can still be seated, in the teams the input
        still has: the start of the re-plan (its hint, and what a restricted model keeps)."""
        available = {e.employee_id for e in instance.available_employees}
        start: dict[TeamName, list[EmployeeId]] = {t.name: [] for t in instance.teams}
        lost: dict[TeamName, list[EmployeeId]] = defaultdict(list)
        for employee, team in self.teams.items():
            if employee in available and team in start:
                start[team].append(employee)
            elif team in start:
                lost[team].append(employee)
        self._follow_team_rules(instance, start, lost)
        _refill(instance, start, lost)
        return start

    def _follow_team_rules(
        self,
        instance: PlanningInput,
        start: dict[TeamName, list[EmployeeId]],
        lost: dict[TeamName, list[EmployeeId]],
    ) -> None:
        """Apply to ``start`` the team Rules (a manager's locks and removes among them): an
        ``in_team`` with one team moves its person there, a ``not_in_team`` takes them out;
        a team then over its ``max_size`` lets go of members not kept, the last first."""
        available = {e.employee_id for e in instance.available_employees}
        placed_by_rule: set[EmployeeId] = set()
        for rule in instance.rules:
            who, targets = rule.employee_id, rule.targets
            if rule.kind is RuleKind.NOT_IN_TEAM:
                for team in targets:
                    if who in start.get(team, ()):
                        start[team].remove(who)
                        lost[team].append(who)
            elif rule.kind is RuleKind.IN_TEAM and len(targets) == 1 and who in available:
                (team,) = targets
                if team not in start or who in start[team]:
                    placed_by_rule.add(who)
                    continue
                for was, members in start.items():
                    if who in members:
                        members.remove(who)
                        lost[was].append(who)  # their seat may need a refill
                start[team].append(who)
                placed_by_rule.add(who)
        for team, members in start.items():
            spare = [
                m
                for m in reversed(members)
                if m not in placed_by_rule and self.factor("team", m, team) == 1
            ]
            while len(members) > instance.team_by_name[team].max_size and spare:
                members.remove(spare.pop(0))

    @property
    def rotators(self) -> frozenset[EmployeeId]:
        return frozenset(s.employee_id for s in self.stints)

    def stint_starts(self, instance: PlanningInput) -> list[StintStart]:
        """Each previous stint: a run of ``stint_periods`` consecutive periods in one host.
        Periods the input no longer has, and runs that do not split into whole stints,
        give stints that cannot be kept (start ``None``)."""
        ordered = sorted(instance.periods, key=lambda p: p.index)
        position = {p.label: i for i, p in enumerate(ordered)}
        length = instance.settings.stint_periods
        found: dict[tuple[EmployeeId, DepartmentName], list[int | None]] = defaultdict(list)
        for s in self.stints:
            found[s.employee_id, s.department].append(position.get(s.period))
        out: list[StintStart] = []
        for (employee, host), periods in found.items():
            known = sorted(p for p in periods if p is not None)
            lost = len(periods) - len(known)
            out += [(employee, host, None)] * -(-lost // length)
            for run in _runs(known):
                whole, rest = divmod(len(run), length)
                out += [(employee, host, run[k * length]) for k in range(whole)]
                if rest:
                    out.append((employee, host, None))
        return out


def _refill(
    instance: PlanningInput,
    start: dict[TeamName, list[EmployeeId]],
    lost: Mapping[TeamName, list[EmployeeId]],
) -> None:
    """Refill, in ``start``, the seats of people a team ``lost`` (unavailable, gone) where
    the team would otherwise break its size or skill needs: each with someone without a
    team, of the lost person's department if possible (so department counts and mixes
    hold), holding most of the skills the team needs. A start that holds its rules lets
    the repair solve begin from it at once instead of searching for one (measured on
    1,000 people: 305 changes after the repair's 4 s for one person made unavailable)."""
    named = {r.employee_id for r in instance.rules} | {t for r in instance.rules for t in r.targets}
    placed = {m for members in start.values() for m in members}
    free = [e for e in instance.available_employees if e.employee_id not in placed | named]
    everyone = {e.employee_id: e for e in instance.employees}
    for team_name, gone in lost.items():
        team = instance.team_by_name[team_name]
        for person in gone:
            members = [everyone[m] for m in start[team_name]]
            short = len(members) < team.min_size or any(
                n.holders(members) < n.min_count for n in team.skill_needs
            )
            if not short or not free:
                continue
            was = everyone.get(person)
            department = was.department if was is not None else None

            chosen = min(free, key=partial(_fit, department=department, team=team))
            free.remove(chosen)
            start[team_name].append(chosen.employee_id)


def _fit(employee: Employee, department: DepartmentName | None, team: Team) -> tuple[bool, int]:
    """Sort key of a refill: the lost person's department first, then most needs met."""
    needs = sum(n.met_by(employee) for n in team.skill_needs)
    return (employee.department != department, -needs)


def _runs(positions: list[int]) -> list[list[int]]:
    """Sorted positions split into runs of consecutive ones."""
    runs: list[list[int]] = []
    for p in positions:
        if runs and runs[-1][-1] == p - 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def add_team_stays(tm: TeamModel, previous: PreviousPlan) -> None:
    """The team half of the ``stability`` part (see the module's docstring).

    ``stay`` (per team, class and weight) counts previous members who stay. They sit in
    the team's skilled seats of their class or in its fillers of their cohort: what the
    skilled seats cannot hold (``over``) comes out of the fillers, and out of what the
    class has left once every team's skilled seats are taken, so that the counts always
    deal out to the very people who stay.
    """
    ctx, model = tm.ctx, tm.ctx.model
    classes = {c.index: c for c in tm.classes}
    class_of = {e: c.index for c in tm.classes for e in c.members}
    held: dict[tuple[TeamName, int, int], list[EmployeeId]] = defaultdict(list)
    lost_at_most = 0
    for employee, team in previous.teams.items():
        factor = previous.factor("team", employee, team)
        lost_at_most += factor
        index = class_of.get(employee)
        if index is not None and team in ctx.instance.team_by_name:
            held[team, index, factor].append(employee)
    tm.previous_team = dict(previous.teams)
    kept: list[cp_model.LinearExpr | int] = []
    by_seat: dict[tuple[TeamName, int], list[cp_model.IntVar]] = defaultdict(list)
    # the heavier stays first: they are dealt out first
    for (team, index, factor), members in sorted(held.items(), key=lambda kv: -kv[0][2]):
        var = model.new_int_var(0, len(members), f"stay[{team}|{index}|{factor}]")
        tm.stays.append(Stay(team, index, tuple(members), var))
        by_seat[team, index].append(var)
        kept.append((factor + 1) * var)
    over_of_cohort: dict[tuple[TeamName, int], list[cp_model.LinearExpr | int]] = defaultdict(list)
    over_of_class: dict[int, list[cp_model.LinearExpr | int]] = defaultdict(list)
    for (team, index), stays in by_seat.items():
        c = classes[index]
        staying = sum(stays)
        skilled = tm.x.get((team, index))
        if (team, c.cohort) not in tm.fill:  # a class of one named in the Rules
            model.add(staying <= (skilled if skilled is not None else 0))
            continue
        over: cp_model.LinearExpr | int = staying
        if skilled is not None:
            over = model.new_int_var(0, c.size, f"stay_over[{team}|{index}]")
            model.add(over >= staying - skilled)
        over_of_cohort[team, c.cohort].append(over)
        over_of_class[index].append(over)
    for (team, g), overs in over_of_cohort.items():
        model.add(sum(overs) <= tm.fill[team, g])
    for index, overs in over_of_class.items():
        seats = [v for t in tm.teams if (v := tm.x.get((t.name, index))) is not None]
        model.add(sum(seats) + sum(overs) <= classes[index].size)
    gained = sum(tm.size.values())
    ctx.add_objective(PART, previous.weight, sum(kept) - gained - lost_at_most)


def add_rotation_stays(rm: RotationModel, ctx: ModelContext, previous: PreviousPlan) -> None:
    """The rotation half of the ``stability`` part: a kept stint has its rotator, host and
    start (``keep_stint`` counts them per class, host, start and weight)."""
    model, instance = ctx.model, ctx.instance
    held: dict[tuple[int, DepartmentName, int, int], list[EmployeeId]] = defaultdict(list)
    lost_at_most = 0
    for employee, host, start, index in _placed(rm, previous.stint_starts(instance)):
        factor = previous.factor("rotation", employee, host)
        lost_at_most += factor
        if index is not None and start is not None:
            held[index, host, start, factor].append(employee)
    by_host: dict[tuple[int, DepartmentName], list[cp_model.IntVar]] = defaultdict(list)
    by_start: dict[tuple[int, DepartmentName, int], list[cp_model.IntVar]] = defaultdict(list)
    kept: list[cp_model.LinearExpr | int] = []
    for (index, host, start, factor), members in sorted(held.items(), key=lambda kv: -kv[0][3]):
        var = model.new_int_var(0, len(members), f"keep_stint[{index}|{host}|{start}|{factor}]")
        rm.stays.append(StintStay(index, host, start, tuple(members), var))
        by_host[index, host].append(var)
        by_start[rm.classes[index].group, host, start].append(var)
        kept.append((factor + 1) * var)
    for key, stays in by_host.items():
        model.add(sum(stays) <= rm.sent[key])
    for at, stays in by_start.items():
        model.add(sum(stays) <= rm.starts[at])
    gained = sum(rm.sent.values())
    ctx.add_objective(PART, previous.weight, sum(kept) - gained - lost_at_most)


def _placed(
    rm: RotationModel, stints: Iterable[StintStart]
) -> Iterable[tuple[EmployeeId, DepartmentName, int | None, int | None]]:
    """Each previous stint with its rotator's class, ``None`` (and start ``None``) when
    the model has no such stint: the rotator cannot rotate now, or not to that host."""
    class_of = {m: i for i, c in enumerate(rm.classes) for m in c.members}
    for employee, host, start in stints:
        index = class_of.get(employee)
        if index is None or start is None:
            yield employee, host, start, index
            continue
        group = rm.classes[index].group
        fits = (index, host) in rm.sent and (group, host, start) in rm.starts
        yield employee, host, start if fits else None, index if fits else None


def previous_counts(
    rm: RotationModel, previous: PreviousPlan, instance: PlanningInput
) -> tuple[dict[tuple[int, DepartmentName], int], dict[tuple[int, DepartmentName, int], int]]:
    """The previous stints the model can hold, as counts to hint (``hint_counts``)."""
    sent: dict[tuple[int, DepartmentName], int] = defaultdict(int)
    starts: dict[tuple[int, DepartmentName, int], int] = defaultdict(int)
    for _, host, start, index in _placed(rm, previous.stint_starts(instance)):
        if index is not None and start is not None:
            sent[index, host] += 1
            starts[rm.classes[index].group, host, start] += 1
    return sent, starts


def hint_stays(
    model: cp_model.CpModel,
    previous: PreviousPlan,
    instance: PlanningInput,
    teams: TeamModel | None,
    rotation: RotationModel | None,
) -> None:
    """Hint every stay as the previous plan has it (all who can stay, stay): without
    these the search starts from no one staying and climbs slowly back to the previous
    plan (measured on the bundled example: 13 changes left after 2 s on the same input)."""
    if teams is not None:
        start = previous.start(instance)
        for stay in teams.stays:
            seated = set(start.get(stay.team, ()))
            model.add_hint(stay.var, sum(m in seated for m in stay.members))
    if rotation is not None:
        for stint in rotation.stays:
            model.add_hint(stint.var, len(stint.members))


def personal_rotators(previous: PreviousPlan | None, instance: PlanningInput) -> Collection[str]:
    """Previous rotators who must be classes of their own so that each keeps their own
    stints: only when a person may do several (one stint each is dealt out exactly)."""
    if previous is None or instance.settings.max_rotations_per_employee <= 1:
        return frozenset()
    return previous.rotators
