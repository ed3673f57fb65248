"""A fast greedy plan: the solver's starting point, and the yardstick the model must beat.

It first seats the people of in_team rules, then each together group (a together rule
places both people) where most seats are left. Team by team, it then seats the skills
each team needs, then fills seats from the department that bridges the most
still-silent department pairs with the people already in the team (a new department
otherwise, and one short of its soft "diversify the department" target), taking the
least-skilled person there so that skilled people stay free for later teams (someone of
that department who ranked the team, when there is one: a granted wish costs the mix
nothing). It honours
the Rules where it can, seats no earlier teammates together (under ``repeat_teammates``
forbid never; under avoid only when nobody else fits) and ignores the other Balance rules;
the solver repairs what it misses.

Two orders of filling: ``greedy_teams`` fills one team after the other, so the first teams
bridge most; ``dealt_teams`` deals one seat per team in turn, as cards are dealt, so that
every team gets a like share of each department (what a diversify rule asks for, and
what the last teams of a team-by-team fill miss when everyone must be seated).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator

from crossteam.models import (
    BalanceMode,
    DepartmentName,
    DepartmentPairKey,
    Employee,
    EmployeeId,
    PlanningInput,
    RepeatPolicy,
    RuleKind,
    Team,
    TeamName,
    pair_key,
    pairs_among,
)
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff
from crossteam.planner.earlier_teams import clashes, kept_apart, team_wish_points


def seat_targets(instance: PlanningInput) -> dict[TeamName, int]:
    """Team sizes that use the available people: everyone at minimum, then one more each."""
    targets = {t.name: t.min_size for t in instance.teams}
    spare = len(instance.available_employees) - sum(targets.values())
    growing = [t for t in instance.teams if t.max_size > t.min_size]
    while spare > 0 and growing:
        for team in list(growing):
            if spare == 0:
                break
            targets[team.name] += 1
            spare -= 1
            if targets[team.name] == team.max_size:
                growing.remove(team)
    return targets


class _Greedy:
    def __init__(
        self,
        instance: PlanningInput,
        gap_weights: dict[DepartmentPairKey, float],
        cutoff: Cutoff = NO_CUTOFF,
    ):
        self.instance = instance
        self.cutoff = cutoff
        self.gap_weights = gap_weights
        self.covered: set[DepartmentPairKey] = set()
        # free people per department, by id: membership and removal in constant time
        self.free: dict[DepartmentName, dict[EmployeeId, Employee]] = defaultdict(dict)
        self.banned: dict[EmployeeId, set[TeamName]] = defaultdict(set)
        self.apart: dict[EmployeeId, set[EmployeeId]] = defaultdict(set)
        self.partners: dict[EmployeeId, set[EmployeeId]] = defaultdict(set)
        self.earlier = kept_apart(instance)
        # under forbid a repeat is never seated; under avoid only when nobody else fits
        self.strict = instance.settings.repeat_teammates is RepeatPolicy.FORBID
        self.plan: dict[TeamName, list[EmployeeId]] = {t.name: [] for t in instance.teams}
        self.order = {e.employee_id: i for i, e in enumerate(instance.employees)}
        self.targets = seat_targets(instance)
        self.aims = _diversify_aims(instance, self.targets)
        self._read_rules()
        # least skilled first (Employees order among equals), so that a department's
        # candidates are its free people in order, without sorting them at every seat
        # and per department and skill, the free people holding it (a seat for a skill
        # need weighs only them, not every free person of every department)
        self.holders: dict[DepartmentName, dict[str, dict[EmployeeId, Employee]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        for e in sorted(instance.available_employees, key=lambda e: len(e.skills)):
            self.free[e.department][e.employee_id] = e
            for skill in e.skills:
                self.holders[e.department][skill][e.employee_id] = e
        self.wishes = team_wish_points(instance)
        # per department, the people with team wishes, in the same order
        self.wishers: dict[DepartmentName, list[Employee]] = defaultdict(list)
        for e in sorted(instance.available_employees, key=lambda e: len(e.skills)):
            if e.employee_id in self.wishes:
                self.wishers[e.department].append(e)

    def _read_rules(self) -> None:
        for rule in self.instance.rules:
            who = rule.employee_id
            if rule.kind is RuleKind.NOT_IN_TEAM:
                self.banned[who].update(rule.targets)
            elif rule.kind is RuleKind.IN_TEAM:
                # the greedy seats them in their first target team, before anyone else
                others = (t.name for t in self.instance.teams if t.name != rule.targets[0])
                self.banned[who].update(others)
            elif rule.kind is RuleKind.APART:
                for other in rule.targets:
                    self.apart[who].add(other)
                    self.apart[other].add(who)
            elif rule.kind is RuleKind.TOGETHER:
                for other in rule.targets:
                    self.partners[who].add(other)
                    self.partners[other].add(who)

    def _group(self, e: Employee) -> list[Employee] | None:
        """``e`` and everyone tied to it by together rules, or None if one is not free."""
        group, todo = {e.employee_id}, [e.employee_id]
        while todo:
            for other in self.partners[todo.pop()] - group:
                group.add(other)
                todo.append(other)
        by_id = self.instance.employee_by_id
        # in Employees order, not the set's (which changes with the hash seed)
        people = [by_id[i] for i in sorted(group, key=self.order.__getitem__)]
        if any(p.employee_id not in self.free[p.department] for p in people):
            return None
        return people

    def _fits(
        self, team: Team, members: list[EmployeeId], people: list[Employee], *, apart: bool
    ) -> bool:
        """Whether ``people`` may join ``team`` (of ``members``); with ``apart``, none of
        them meets an earlier teammate there."""
        by_id = self.instance.employee_by_id
        if len(members) + len(people) > team.max_size:
            return False
        for p in people:
            if team.name in self.banned[p.employee_id] or self.apart[p.employee_id] & set(members):
                return False
            if apart and clashes(self.earlier, p.employee_id, members):
                return False
        if team.max_per_department is not None:
            per: dict[DepartmentName, int] = defaultdict(int)
            for m in [*(by_id[m] for m in members), *people]:
                per[m.department] += 1
            if max(per.values()) > team.max_per_department:
                return False
        return True

    def _seat(self, team: Team, members: list[EmployeeId], people: list[Employee]) -> None:
        for p in people:
            del self.free[p.department][p.employee_id]
            for skill in p.skills:
                del self.holders[p.department][skill][p.employee_id]
            members.append(p.employee_id)

    def _score(self, team: Team, department: DepartmentName, present: Counter[str]) -> float:
        settings = self.instance.settings
        # the soft diversify penalty falls by one below the team's aim, rises by one above
        diversify = sum(
            weight * (1 if present[department] < aims[team.name].get(department, 0) else -1)
            for weight, aims in self.aims
        )
        if present[department]:
            return diversify
        bridged = sum(
            self.gap_weights.get(key, 0.0)
            for other in present
            if (key := pair_key(department, other)) not in self.covered
        )
        return settings.weight_bridging * bridged + settings.weight_diversity + diversify

    def _pick(self, team: Team, members: list[EmployeeId], need: tuple[str, int] | None) -> bool:
        """Seat the best person (with the needed skill, if any); False when nobody fits.
        Among departments that score alike, the one with most free people goes first.

        Raises:
            Stopped: the run was asked to stop.
            OutOfTime: the cutoff's deadline passed (a half-formed plan is no start).
        """
        by_id = self.instance.employee_by_id
        present = Counter(by_id[m].department for m in members)
        ranked = sorted(
            self.free, key=lambda d: (-self._score(team, d, present), -len(self.free[d]))
        )
        for apart in (True,) if self.strict or not self.earlier else (True, False):
            for department in ranked:
                self.cutoff.check()  # a seat nobody fits may weigh every free person
                for e in self._candidates(team, department, None if need is None else need[0]):
                    if need is not None and not e.meets(*need):
                        continue
                    people = self._group(e)
                    if people is not None and self._fits(team, members, people, apart=apart):
                        self._seat(team, members, people)
                        return True
        return False

    def _candidates(
        self, team: Team, department: DepartmentName, skill: str | None
    ) -> Iterator[Employee]:
        """The free people of ``department`` (holding ``skill``, if any) in the order they
        are tried for ``team``: those who ranked it, most points first, then everyone,
        least skilled first."""
        free = self.free[department] if skill is None else self.holders[department][skill]
        wished = [
            e
            for e in self.wishers.get(department, ())
            if e.employee_id in free and self.wishes[e.employee_id].get(team.name)
        ]
        wished.sort(key=lambda e: -self.wishes[e.employee_id][team.name])
        yield from wished
        # the caller stops at the first it seats, so the dict does not change under us
        yield from free.values()

    def form(self, *, dealt: bool) -> dict[TeamName, list[EmployeeId]]:
        by_id = self.instance.employee_by_id
        for rule in self.instance.rules_of(RuleKind.IN_TEAM):
            e = by_id[rule.employee_id]
            team = self.instance.team_by_name[rule.targets[0]]
            people = self._group(e) if e.available else None
            if people is not None and self._fits(
                team, self.plan[team.name], people, apart=self.strict
            ):
                self._seat(team, self.plan[team.name], people)
        self._seat_together()
        for team in self.instance.teams:
            members = self.plan[team.name]
            for need in team.skill_needs:
                held = need.holders(by_id[m] for m in members)
                for _ in range(need.min_count - held):
                    if not self._pick(team, members, (need.skill, need.min_level)):
                        break
            if not dealt:
                self._fill(team)
        if dealt:
            open_teams = [t for t in self.instance.teams if self._short(t)]
            while open_teams:
                open_teams = [t for t in open_teams if self._short(t) and self._fill(t, seats=1)]
        return self.plan

    def _seat_together(self) -> None:
        """Seat each together group not seated yet (a together rule places both people) in
        the team with most seats to fill that can take it, the first such among equals."""
        by_id = self.instance.employee_by_id
        for rule in self.instance.rules_of(RuleKind.TOGETHER):
            e = by_id[rule.employee_id]
            people = self._group(e) if e.available else None
            if people is None:
                continue  # seated already (or someone of the group cannot be)
            room = sorted(
                self.instance.teams,
                key=lambda t: -(self.targets[t.name] - len(self.plan[t.name])),
            )
            team = next(
                (t for t in room if self._fits(t, self.plan[t.name], people, apart=self.strict)),
                None,
            )
            if team is not None:
                self._seat(team, self.plan[team.name], people)

    def _short(self, team: Team) -> bool:
        return len(self.plan[team.name]) < self.targets[team.name]

    def _fill(self, team: Team, seats: int | None = None) -> bool:
        """Seat up to ``seats`` more people in ``team`` (to its target size when None);
        False when nobody fits. The pairs the team bridges then count as covered."""
        members = self.plan[team.name]
        wanted = self.targets[team.name] - len(members) if seats is None else seats
        seated = True
        for _ in range(wanted):
            if not (seated := self._pick(team, members, None)):
                break
        by_id = self.instance.employee_by_id
        self.covered.update(pairs_among(by_id[m].department for m in members))
        return seated


def _diversify_aims(
    instance: PlanningInput, targets: dict[TeamName, int]
) -> list[tuple[float, dict[TeamName, dict[DepartmentName, int]]]]:
    """Per soft diversify rule on the department: its weight, and each team's aim per
    department at the team's target size (round half up of share x size, as the model)."""
    rules = [
        rule
        for rule in instance.balance_rules
        if rule.mode is BalanceMode.DIVERSIFY and rule.attribute == "department" and not rule.hard
    ]
    if not rules:
        return []
    pool = instance.available_employees
    shares = {d: n / len(pool) for d, n in Counter(e.department for e in pool).items()}
    aims = {
        team: {d: math.floor(share * size + 0.5) for d, share in shares.items()}
        for team, size in targets.items()
    }
    weight = instance.settings.weight_balance
    return [(rule.weight * weight, aims) for rule in rules]


def greedy_teams(
    instance: PlanningInput,
    gap_weights: dict[DepartmentPairKey, float],
    cutoff: Cutoff = NO_CUTOFF,
) -> dict[TeamName, list[EmployeeId]]:
    """Members per team, one team filled after the other; may miss rules the greedy cannot
    see (most Balance rules). Raises ``Stopped`` or ``OutOfTime`` at the ``cutoff``."""
    return _Greedy(instance, gap_weights, cutoff).form(dealt=False)


def dealt_teams(
    instance: PlanningInput,
    gap_weights: dict[DepartmentPairKey, float],
    cutoff: Cutoff = NO_CUTOFF,
) -> dict[TeamName, list[EmployeeId]]:
    """Members per team, one seat per team in turn after the skill needs are seated.
    Raises ``Stopped`` or ``OutOfTime`` at the ``cutoff``."""
    return _Greedy(instance, gap_weights, cutoff).form(dealt=True)
