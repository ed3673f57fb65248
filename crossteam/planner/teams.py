"""The team-formation part of the CP-SAT model (the formulation is in docs/model.md).

Decisions (see ``pool``): ``x[t, c]``, people of class ``c`` who join team ``t`` for their
skills, and ``fill[t, g]``, other people of cohort ``g`` who join it. Derived:
``count[t, d]`` people of department ``d`` in ``t``, and ``present[t, d]`` tied to it both
ways. Bridging literals ``bridge[t, a, b]`` register with the shared context, which
counts each department pair once however many teams (or rotations) bridge it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.models import (
    MAX_LEVEL,
    DepartmentName,
    EmployeeId,
    RuleKind,
    Team,
    TeamAssignment,
    TeamName,
)
from crossteam.planner.candidates import EXACT, Candidates
from crossteam.planner.context import ModelContext
from crossteam.planner.groups import RuleGroups
from crossteam.planner.options import Formulation
from crossteam.planner.pool import Cohort, PeopleClass

LinearExpr = cp_model.LinearExpr | int


@dataclass(frozen=True)
class Stay:
    """Previous members of one team in one class who may stay in it (a re-plan, see
    ``stability``): ``var`` of ``members`` stay, taken in their order."""

    team: TeamName
    class_index: int
    members: tuple[EmployeeId, ...]
    var: cp_model.IntVar


@dataclass
class TeamModel:
    """The team variables of one model, and how to read a plan back from them."""

    ctx: ModelContext
    cohorts: tuple[Cohort, ...]
    ordered: bool
    """Teams of one spec are ordered by a key (``symmetry_weights``): symmetry broken."""
    x: dict[tuple[TeamName, int], cp_model.IntVar] = field(default_factory=dict)
    """Skilled members: people of class ``c`` in team ``t`` who count towards its needs."""
    fill: dict[tuple[TeamName, int], cp_model.IntVar] = field(default_factory=dict)
    """Fillers: people of cohort ``g`` in team ``t`` whose skills do not count there."""
    size: dict[TeamName, cp_model.IntVar] = field(default_factory=dict)
    count: dict[tuple[TeamName, DepartmentName], cp_model.IntVar] = field(default_factory=dict)
    present: dict[tuple[TeamName, DepartmentName], cp_model.IntVar] = field(default_factory=dict)
    size_choice: dict[TeamName, list[cp_model.IntVar]] = field(default_factory=dict)
    stays: list[Stay] = field(default_factory=list)
    """A re-plan's previous members who may stay (``stability``); seated first."""
    previous_team: dict[EmployeeId, TeamName] = field(default_factory=dict)
    """A re-plan's previous team of each person: the other seats prefer them too."""

    def size_is(self, team: Team) -> list[cp_model.IntVar]:
        """One boolean per possible size of ``team`` (created on first use)."""
        if team.name not in self.size_choice:
            model = self.ctx.model
            sizes = range(team.min_size, team.max_size + 1)
            choice = [model.new_bool_var(f"size_is[{team.name}|{s}]") for s in sizes]
            model.add_exactly_one(choice)
            model.add(self.size[team.name] == cp_model.LinearExpr.weighted_sum(choice, sizes))
            self.size_choice[team.name] = choice
        return self.size_choice[team.name]

    @property
    def teams(self) -> tuple[Team, ...]:
        return self.ctx.instance.teams

    @property
    def classes(self) -> list[PeopleClass]:
        return [c for g in self.cohorts for c in g.classes]

    @property
    def departments(self) -> list[DepartmentName]:
        return sorted({g.department for g in self.cohorts})

    def members(self, team: Team, where: Callable[[Cohort], bool]) -> LinearExpr:
        """How many members of ``team`` belong to a cohort that satisfies ``where``."""
        return cp_model.LinearExpr.sum(
            [var for g in self.cohorts if where(g) for var in self.seats(team, g)]
        )

    def seats(self, team: Team, cohort: Cohort) -> list[cp_model.IntVar]:
        """The variables that seat people of ``cohort`` in ``team``."""
        found = [self.x[k] for c in cohort.classes if (k := (team.name, c.index)) in self.x]
        if (team.name, cohort.index) in self.fill:
            found.append(self.fill[team.name, cohort.index])
        return found

    def skilled(self, team: Team, skill: str, level: int) -> LinearExpr:
        """Members of ``team`` who count as holding ``skill`` at ``level`` or more."""
        return cp_model.LinearExpr.sum(
            [
                self.x[key]
                for c in self.classes
                if c.meets(skill, level) and (key := (team.name, c.index)) in self.x
            ]
        )

    def hint(self, assignment: Mapping[TeamName, Iterable[EmployeeId]]) -> None:
        """Hint the team decisions from a plan (members per team); the caller completes
        the rest. A member counts as skilled where the team can use their skills."""
        class_of = {e: c for c in self.classes for e in c.members}
        values: dict[int, int] = defaultdict(int)
        for team, members in assignment.items():
            for e in members:
                c = class_of[e]
                var = self.x.get((team, c.index))
                values[(var if var is not None else self.fill[team, c.cohort]).index] += 1
        for var in [*self.x.values(), *self.fill.values()]:
            self.ctx.model.add_hint(var, values[var.index])

    def extract(self, solver: cp_model.CpSolver) -> tuple[TeamAssignment, ...]:
        """Members of each team: a re-plan's staying members first (``stays``), then the
        skilled seats from their class, then fillers from whoever of the cohort is left;
        each seat prefers a previous member of the team, then someone who had no team,
        then input order."""
        left = {c.index: list(c.members) for c in self.classes}
        seated: dict[TeamName, list[EmployeeId]] = {t.name: [] for t in self.teams}
        skilled = {key: solver.value(var) for key, var in self.x.items()}
        fillers = {key: solver.value(var) for key, var in self.fill.items()}
        cohort_of = {c.index: c.cohort for c in self.classes}
        for stay in self.stays:
            for e in stay.members[: solver.value(stay.var)]:
                key = (stay.team, stay.class_index)
                if skilled.get(key, 0) > 0:
                    skilled[key] -= 1
                else:
                    fillers[stay.team, cohort_of[stay.class_index]] -= 1
                seated[stay.team].append(e)
                left[stay.class_index].remove(e)
        for (team, index), taken in skilled.items():
            chosen = sorted(left[index], key=self._preference(team))[:taken]
            seated[team].extend(chosen)
            taken_now = set(chosen)
            left[index] = [e for e in left[index] if e not in taken_now]
        for (team, g), wanted in fillers.items():
            if not wanted:
                continue
            pool = [e for c in self.cohorts[g].classes for e in left[c.index]]
            chosen_fillers = set(sorted(pool, key=self._preference(team))[:wanted])
            seated[team].extend(chosen_fillers)
            for c in self.cohorts[g].classes:
                left[c.index] = [e for e in left[c.index] if e not in chosen_fillers]
        order = {e.employee_id: i for i, e in enumerate(self.ctx.instance.employees)}
        return tuple(
            TeamAssignment(
                team=t.name, members=tuple(sorted(seated[t.name], key=order.__getitem__))
            )
            for t in self.teams
        )

    def _preference(self, team: TeamName) -> Callable[[EmployeeId], int]:
        """Sort key of the people a seat of ``team`` may take: its previous members, then
        people who had no team (another team's member may yet stay there), then the rest;
        stable, so input order decides within each (and alone, outside a re-plan)."""
        previous = self.previous_team

        def rank(employee: EmployeeId) -> int:
            was = previous.get(employee)
            return 0 if was == team else 1 if was is None else 2

        return rank


def build_teams(
    ctx: ModelContext,
    cohorts: tuple[Cohort, ...],
    groups: RuleGroups,
    formulation: Formulation,
    candidates: Candidates = EXACT,
) -> TeamModel:
    """Add the team variables, hard rules and objective parts (except Balance) to ``ctx``.

    ``candidates`` may restrict which classes a team draws skilled members from and which
    teams may earn each gap pair; a restriction makes teams of one spec differ, so their
    symmetry is then left unbroken.

    Raises:
        Stopped: the run was asked to stop (``ctx.cutoff``).
        OutOfTime: ``ctx.cutoff``'s deadline passed before the model was built.
    """
    tm = TeamModel(ctx, cohorts, ordered=formulation.symmetry and not candidates.restricted)
    _add_assignment(tm, groups, candidates.skill_classes)
    for team in tm.teams:
        ctx.cutoff.check()
        _add_team_shape(tm, team, groups, tight=formulation.tight)
        _add_skills(tm, team, groups)
        _add_bridging(tm, team, candidates.bridge_teams, tight=formulation.tight)
    _add_rules(tm, groups)
    if tm.ordered:
        _break_symmetry(tm)
    return tm


def _add_assignment(
    tm: TeamModel, groups: RuleGroups, allowed: Mapping[TeamName, frozenset[int]] | None
) -> None:
    """Seats by class and cohort; nobody in two teams; everyone seated under assign_everyone."""
    model = tm.ctx.model
    everyone = tm.ctx.instance.settings.assign_everyone
    once = i18n.t("checks.group.one_team_each")
    all_in = i18n.t("checks.group.assign_everyone")
    for g in tm.cohorts:
        seats: list[cp_model.IntVar] = []
        for team in tm.teams:
            cap = min(team.max_size, team.max_per_department or team.max_size)
            if not g.alone:
                var = model.new_int_var(0, min(g.size, cap), f"fill[{team.name}|{g.index}]")
                tm.fill[team.name, g.index] = var
                seats.append(var)
            for c in g.classes:
                usable = allowed is None or c.index in allowed.get(team.name, frozenset())
                if g.alone or (c.skilled_for(team) and usable):
                    var = model.new_int_var(0, min(c.size, cap), f"x[{team.name}|{c.index}]")
                    tm.x[team.name, c.index] = var
                    seats.append(var)
        for c in g.classes:
            skilled = [v for t in tm.teams if (v := tm.x.get((t.name, c.index))) is not None]
            if len(skilled) > 1 and not g.alone:
                model.add(sum(skilled) <= c.size).only_enforce_if(groups(once))
        model.add(sum(seats) <= g.size).only_enforce_if(groups(once))
        if everyone:
            model.add(sum(seats) >= g.size).only_enforce_if(groups(all_in))


def _add_team_shape(tm: TeamModel, team: Team, groups: RuleGroups, *, tight: bool) -> None:
    """Size, departments present (tied both ways to the counts), diversity."""
    model = tm.ctx.model
    size = model.new_int_var(0, team.max_size, f"size[{team.name}]")
    model.add(size == tm.members(team, lambda _: True))
    tm.size[team.name] = size
    model.add_linear_constraint(size, team.min_size, team.max_size).only_enforce_if(
        groups(i18n.t("checks.group.size", team=team.spec, low=team.min_size, high=team.max_size))
    )
    limit = team.max_per_department
    present = []
    for d in tm.departments:
        available = sum(g.size for g in tm.cohorts if g.department == d)
        count = model.new_int_var(0, min(available, team.max_size), f"count[{team.name}|{d}]")
        model.add(count == tm.members(team, partial(_of_department, d)))
        # the cap that ties present to count; max_per_department only when it is not itself
        # under an assumption literal, or the explanation could not name it
        cap = min(available, team.max_size, limit if limit and not groups.explain else available)
        y = model.new_bool_var(f"present[{team.name}|{d}]")
        model.add(count >= y)
        if tight:
            model.add(count <= cap * y)
        if limit is not None:
            model.add(count <= limit).only_enforce_if(
                groups(i18n.t("checks.group.per_department", team=team.spec, limit=limit))
            )
        tm.count[team.name, d] = count
        tm.present[team.name, d] = y
        present.append(y)
    if tight:
        # redundant for the solver's LP: each present department needs a seat
        model.add(sum(present) <= min(team.max_size, len(present)))
    model.add(sum(present) >= team.min_departments).only_enforce_if(
        groups(i18n.t("checks.group.departments", team=team.spec, count=team.min_departments))
    )
    tm.ctx.add_objective("diversity", tm.ctx.instance.settings.weight_diversity, sum(present))


def _add_skills(tm: TeamModel, team: Team, groups: RuleGroups) -> None:
    """TeamSkills minimums (hard), and skill depth: each level above the minimum covered."""
    model = tm.ctx.model
    depth_from: dict[str, int] = {}
    for need in team.skill_needs:
        holders = tm.skilled(team, need.skill, need.min_level)
        model.add(holders >= need.min_count).only_enforce_if(
            groups(
                i18n.t(
                    "checks.group.skill",
                    team=team.spec,
                    members=i18n.counted(need.min_count, "member"),
                    skill=need.skill,
                    level=need.min_level,
                )
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
            model.add(tm.skilled(team, skill, level) >= covered)
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
    """One literal per gap pair this team may bridge, with per-team caps the LP cannot see;
    none when bridging is weighed at zero (they would only slow the search)."""
    if not tm.ctx.instance.settings.weight_bridging:
        return
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
    """Rules together / apart / in_team / not_in_team (people named there are classes of one).

    ``together``: both are placed, in one team (whatever ``assign_everyone`` says);
    ``apart``: never in one team (either may be in none); ``in_team``: placed, in one of
    the target teams; ``not_in_team``: in none of them (another team, or none)."""
    model = tm.ctx.model
    instance = tm.ctx.instance
    class_of = {e: c.index for c in tm.classes for e in c.members}

    def seat(team: TeamName, employee: EmployeeId) -> LinearExpr:
        """The one person's seat (a class of one); 0 for someone not available."""
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
            if rule.kind is RuleKind.TOGETHER:
                # both are placed: the subject joins a team, and each target the same one
                model.add(sum(seat(t.name, who) for t in tm.teams) == 1).only_enforce_if(guard)
            for other in rule.targets:
                for team in tm.teams:
                    a, b = seat(team.name, who), seat(team.name, other)
                    if rule.kind is RuleKind.TOGETHER:
                        model.add(a == b).only_enforce_if(guard)
                    else:
                        model.add(a + b <= 1).only_enforce_if(guard)


def rule_reason(kind: RuleKind, employee: EmployeeId, target: str | None, row: int | None) -> str:
    """A Rules row in plain words, as explanations name it."""
    where = i18n.t("checks.rules_row", rows=row) if row is not None else i18n.t("checks.rules")
    words = {
        RuleKind.TOGETHER: i18n.t("checks.group.together", employee=employee, target=target),
        RuleKind.APART: i18n.t("checks.group.apart", employee=employee, target=target),
        RuleKind.IN_TEAM: i18n.t("checks.group.in_team", employee=employee, target=target),
        RuleKind.NOT_IN_TEAM: i18n.t("checks.group.not_in_team", employee=employee, target=target),
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


def symmetry_weights(tm: TeamModel) -> dict[DepartmentName, int]:
    """Weights of the key that orders interchangeable teams: sum of weight x count."""
    return {d: i + 1 for i, d in enumerate(tm.departments)}


def _break_symmetry(tm: TeamModel) -> None:
    """Teams of one spec are interchangeable: keep only orderings with non-increasing key."""
    weights = symmetry_weights(tm)
    for teams in interchangeable_teams(tm):
        keys = [
            cp_model.LinearExpr.weighted_sum(
                [tm.count[t.name, d] for d in weights], list(weights.values())
            )
            for t in teams
        ]
        for first, second in pairwise(keys):
            tm.ctx.model.add(first >= second)


def _of_department(department: DepartmentName, cohort: Cohort) -> bool:
    """Whether ``cohort`` belongs to ``department`` (a ``TeamModel.members`` filter)."""
    return cohort.department == department
