"""The team-formation part of the CP-SAT model (the formulation is in docs/model.md).

Decision: ``x[t, c]``, how many people of class ``c`` (see ``pool``) join team ``t``.
Derived: ``count[t, d]`` people of department ``d`` in ``t``, and ``present[t, d]`` tied to
it both ways. Bridging literals ``bridge[t, a, b]`` register with the shared context, which
counts each department pair once however many teams (or rotations) bridge it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from ortools.sat.python import cp_model

from crossteam.models import (
    MAX_LEVEL,
    DepartmentName,
    EmployeeId,
    RuleKind,
    Team,
    TeamAssignment,
    TeamName,
)
from crossteam.planner.context import ModelContext
from crossteam.planner.groups import RuleGroups
from crossteam.planner.options import Formulation
from crossteam.planner.pool import PeopleClass

LinearExpr = cp_model.LinearExprT


@dataclass
class TeamModel:
    """The team variables of one model, and how to read a plan back from them."""

    ctx: ModelContext
    classes: tuple[PeopleClass, ...]
    x: dict[tuple[TeamName, int], cp_model.IntVar] = field(default_factory=dict)
    count: dict[tuple[TeamName, DepartmentName], LinearExpr] = field(default_factory=dict)
    present: dict[tuple[TeamName, DepartmentName], cp_model.IntVar] = field(default_factory=dict)

    @property
    def teams(self) -> tuple[Team, ...]:
        return self.ctx.instance.teams

    def members(self, team: Team, where: Callable[[PeopleClass], bool]) -> LinearExpr:
        """How many members of ``team`` belong to a class that satisfies ``where``."""
        return cp_model.LinearExpr.sum(
            [
                self.x[team.name, c.index]
                for c in self.classes
                if (team.name, c.index) in self.x and where(c)
            ]
        )

    def size(self, team: Team) -> LinearExpr:
        return self.members(team, lambda _: True)

    def class_counts(
        self, assignment: Mapping[TeamName, Iterable[EmployeeId]]
    ) -> dict[tuple[TeamName, int], int]:
        """``x`` values of a plan given as members per team."""
        class_of = {e: c.index for c in self.classes for e in c.members}
        counts: dict[tuple[TeamName, int], int] = defaultdict(int)
        for team, members in assignment.items():
            for e in members:
                counts[team, class_of[e]] += 1
        return counts

    def hint(self, assignment: Mapping[TeamName, Iterable[EmployeeId]]) -> None:
        """Hint every ``x`` from a plan (members per team); others are derived by the caller."""
        counts = self.class_counts(assignment)
        for key, var in self.x.items():
            self.ctx.model.add_hint(var, counts.get(key, 0))

    def extract(self, solver: cp_model.CpSolver) -> tuple[TeamAssignment, ...]:
        """Members of each team: each class hands out its people in input order."""
        queue = {c.index: list(c.members) for c in self.classes}
        order = {e.employee_id: i for i, e in enumerate(self.ctx.instance.employees)}
        plan: list[TeamAssignment] = []
        for team in self.teams:
            members: list[EmployeeId] = []
            for c in self.classes:
                var = self.x.get((team.name, c.index))
                taken = solver.value(var) if var is not None else 0
                members.extend(queue[c.index][:taken])
                del queue[c.index][:taken]
            members.sort(key=order.__getitem__)
            plan.append(TeamAssignment(team=team.name, members=tuple(members)))
        return tuple(plan)


def build_teams(
    ctx: ModelContext,
    classes: tuple[PeopleClass, ...],
    groups: RuleGroups,
    formulation: Formulation,
    *,
    bridge_teams: Mapping[tuple[DepartmentName, DepartmentName], frozenset[TeamName]] | None = None,
) -> TeamModel:
    """Add the team variables, hard rules and objective parts (except Balance) to ``ctx``.

    ``bridge_teams`` restricts which teams may earn each gap pair (None: every team); a
    restriction makes teams of one spec differ, so symmetry is then left unbroken.
    """
    tm = TeamModel(ctx, classes)
    _add_assignment(tm, groups)
    for team in tm.teams:
        _add_team_shape(tm, team, groups, tight=formulation.tight)
        _add_skills(tm, team, groups)
        _add_bridging(tm, team, bridge_teams, tight=formulation.tight)
    _add_rules(tm, groups)
    if formulation.symmetry and bridge_teams is None:
        _break_symmetry(tm)
    return tm


def _add_assignment(tm: TeamModel, groups: RuleGroups) -> None:
    """Variables ``x``; nobody in two teams; everyone in one under assign_everyone."""
    model = tm.ctx.model
    settings = tm.ctx.instance.settings
    for c in tm.classes:
        for team in tm.teams:
            cap = min(c.size, team.max_size, team.max_per_department or team.max_size)
            tm.x[team.name, c.index] = model.new_int_var(0, cap, f"x[{team.name}|{c.index}]")
        seats = [tm.x[team.name, c.index] for team in tm.teams]
        model.add(sum(seats) <= c.size).only_enforce_if(
            groups("Each person joins at most one team")
        )
        if settings.assign_everyone:
            model.add(sum(seats) >= c.size).only_enforce_if(
                groups("Settings: assign_everyone = yes (every available person joins a team)")
            )


def _add_team_shape(tm: TeamModel, team: Team, groups: RuleGroups, *, tight: bool) -> None:
    """Size, departments present (tied both ways to the counts), diversity."""
    model = tm.ctx.model
    size = tm.size(team)
    model.add_linear_constraint(size, team.min_size, team.max_size).only_enforce_if(
        groups(f"Team '{team.spec}' has {team.min_size} to {team.max_size} members")
    )
    departments = sorted({c.department for c in tm.classes})
    limit = team.max_per_department
    present = []
    for d in departments:
        count = tm.members(team, lambda c, d=d: c.department == d)
        available = sum(c.size for c in tm.classes if c.department == d)
        # the cap that ties present to count; max_per_department only when it is not itself
        # under an assumption literal, or the explanation could not name it
        cap = min(available, team.max_size, limit if limit and not groups.explain else available)
        y = model.new_bool_var(f"present[{team.name}|{d}]")
        model.add(count >= y)
        if tight:
            model.add(count <= cap * y)
        if limit is not None:
            model.add(count <= limit).only_enforce_if(
                groups(f"Team '{team.spec}' takes at most {limit} per department")
            )
        tm.count[team.name, d] = count
        tm.present[team.name, d] = y
        present.append(y)
    if tight:
        # redundant for the solver's LP: each present department needs a seat
        model.add(sum(present) <= min(team.max_size, len(present)))
    model.add(sum(present) >= team.min_departments).only_enforce_if(
        groups(f"Team '{team.spec}' needs members from at least {team.min_departments} departments")
    )
    tm.ctx.add_objective("diversity", tm.ctx.instance.settings.weight_diversity, sum(present))


def _add_skills(tm: TeamModel, team: Team, groups: RuleGroups) -> None:
    """TeamSkills minimums (hard), and skill depth: each level above the minimum covered."""
    model = tm.ctx.model
    depth_from: dict[str, int] = {}
    for need in team.skill_needs:
        holders = tm.members(team, lambda c, n=need: c.meets(n.skill, n.min_level))
        model.add(holders >= need.min_count).only_enforce_if(
            groups(
                f"Team '{team.spec}' needs {need.min_count} member(s) with {need.skill} "
                f"at level {need.min_level} or more"
            )
        )
        depth_from[need.skill] = max(depth_from.get(need.skill, 0), need.min_level)
    weight = tm.ctx.instance.settings.weight_skill_depth
    for skill, floor in depth_from.items():
        previous = None
        for level in range(floor + 1, MAX_LEVEL + 1):
            if not any(c.meets(skill, level) for c in tm.classes):
                break
            covered = model.new_bool_var(f"depth[{team.name}|{skill}|{level}]")
            model.add(tm.members(team, lambda c, s=skill, v=level: c.meets(s, v)) >= covered)
            if previous is not None:
                model.add_implication(covered, previous)
            previous = covered
            tm.ctx.add_objective("skill_depth", weight, covered)


def _add_bridging(
    tm: TeamModel,
    team: Team,
    bridge_teams: Mapping[tuple[DepartmentName, DepartmentName], frozenset[TeamName]] | None,
    *,
    tight: bool,
) -> None:
    """One literal per gap pair this team may bridge, with per-team caps the LP cannot see."""
    model = tm.ctx.model
    departments = [d for (t, d) in tm.present if t == team.name]
    most = min(team.max_size, len(departments))
    bridges: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    every: list[cp_model.IntVar] = []
    for pair in tm.ctx.gap_weights:
        a, b = pair
        if (team.name, a) not in tm.present or (team.name, b) not in tm.present:
            continue
        if bridge_teams is not None and team.name not in bridge_teams.get(pair, frozenset()):
            continue
        z = model.new_bool_var(f"bridge[{team.name}|{a}|{b}]")
        model.add_implication(z, tm.present[team.name, a])
        model.add_implication(z, tm.present[team.name, b])
        tm.ctx.add_bridge(a, b, z)
        bridges[a].append(z)
        bridges[b].append(z)
        every.append(z)
    if not tight:
        return
    for d, literals in bridges.items():
        model.add(sum(literals) <= (most - 1) * tm.present[team.name, d])
    if every:
        model.add(sum(every) <= most * (most - 1) // 2)


def _add_rules(tm: TeamModel, groups: RuleGroups) -> None:
    """Rules together / apart / in_team / not_in_team (people named there are classes of one)."""
    model = tm.ctx.model
    instance = tm.ctx.instance
    class_of = {e: c.index for c in tm.classes for e in c.members}

    def seat(team: TeamName, employee: EmployeeId) -> LinearExpr:
        index = class_of.get(employee)
        return tm.x[team, index] if index is not None else 0

    for rule in instance.rules_of(
        RuleKind.TOGETHER, RuleKind.APART, RuleKind.IN_TEAM, RuleKind.NOT_IN_TEAM
    ):
        guard = groups(rule_reason(rule.kind, rule.employee_id, rule.target, rule.row))
        who = rule.employee_id
        if rule.kind is RuleKind.IN_TEAM:
            model.add(sum(seat(t, who) for t in rule.targets) == 1).only_enforce_if(guard)
        elif rule.kind is RuleKind.NOT_IN_TEAM:
            model.add(sum(seat(t, who) for t in rule.targets) == 0).only_enforce_if(guard)
        else:
            for other in rule.targets:
                for team in tm.teams:
                    a, b = seat(team.name, who), seat(team.name, other)
                    if rule.kind is RuleKind.TOGETHER:
                        model.add(a == b).only_enforce_if(guard)
                    else:
                        model.add(a + b <= 1).only_enforce_if(guard)


def rule_reason(kind: RuleKind, employee: EmployeeId, target: str | None, row: int | None) -> str:
    """A Rules row in plain words, as explanations name it."""
    where = f"Rules row {row}" if row is not None else "Rules"
    words = {
        RuleKind.TOGETHER: f"{employee} must be in the same team as {target}",
        RuleKind.APART: f"{employee} must not be in the same team as {target}",
        RuleKind.IN_TEAM: f"{employee} must be in team '{target}'",
        RuleKind.NOT_IN_TEAM: f"{employee} must not be in team '{target}'",
    }
    return f"{where}: {words[kind]}"


def interchangeable_teams(tm: TeamModel) -> list[list[Team]]:
    """Teams of one spec that no rule names: any permutation of them is the same plan."""
    named = {t for r in tm.ctx.instance.rules for t in r.targets}
    by_spec: dict[TeamName, list[Team]] = defaultdict(list)
    for team in tm.teams:
        if team.name not in named:
            by_spec[team.spec].append(team)
    return [teams for teams in by_spec.values() if len(teams) > 1]


def symmetry_key(
    department_counts: Mapping[DepartmentName, LinearExpr], order: list[DepartmentName]
) -> LinearExpr:
    """The key that orders interchangeable teams: a weighted count of their departments."""
    return sum((i + 1) * department_counts.get(d, 0) for i, d in enumerate(order))


def _break_symmetry(tm: TeamModel) -> None:
    """Teams of one spec are interchangeable: keep only orderings with non-increasing key."""
    order = sorted({c.department for c in tm.classes})
    for teams in interchangeable_teams(tm):
        keys = [symmetry_key({d: tm.count[t.name, d] for d in order}, order) for t in teams]
        for first, second in pairwise(keys):
            tm.ctx.model.add(first >= second)
