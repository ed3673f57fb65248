"""Improve a team plan by single-person moves, before CP-SAT sees it.

Bridging is a covering problem: a pair counts once, so what a team is worth depends on
every other team. CP-SAT's generic neighbourhoods improve a greedy plan slowly on large
companies; this search makes the moves that matter directly: replace a member with a free
person from another department, or swap two members of different departments between two
teams, whenever the plan then scores more on bridging, departments per team and soft
"diversify the department" Balance rules together. People named in the Rules never move,
skill needs stay met, department limits hold, no move puts earlier teammates together
(under ``repeat_teammates`` forbid or avoid); with a hard Balance rule the search does not
run (it cannot see those rules). It is deterministic: a fixed number of passes, no clock;
only a cutoff (Ctrl-C, or the run's time limit) ends it early, with the plan it has.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from crossteam.models import (
    BalanceMode,
    DepartmentName,
    DepartmentPairKey,
    Employee,
    EmployeeId,
    PlanningInput,
    Team,
    TeamName,
    pair_key,
)
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff
from crossteam.planner.earlier_teams import clashes, kept_apart
from crossteam.planner.pool import named_in_rules

PASSES = 4
"""Most sweeps over every team and member."""
EVALUATIONS = 100_000
"""Most moves weighed in all (a few seconds at 1,000 people): bounds the time, not the clock."""


class _Plan:
    """Members per team with the counts a move needs: departments per team, teams per pair."""

    def __init__(
        self,
        instance: PlanningInput,
        gap_weights: Mapping[DepartmentPairKey, float],
        members: Mapping[TeamName, list[EmployeeId]],
    ) -> None:
        self.instance = instance
        self.by_id = instance.employee_by_id
        # with bridging weighed at zero, no move needs to know which pairs are bridged
        self.gap = gap_weights if instance.settings.weight_bridging else {}
        self.settings = instance.settings
        self.members = {t: list(m) for t, m in members.items()}
        self.evaluations = 0
        self.departments = {
            t: Counter(self.by_id[e].department for e in m) for t, m in self.members.items()
        }
        self.cover: Counter[DepartmentPairKey] = Counter()
        for counts in self.departments.values():
            self.cover.update(self._pairs(list(counts)))
        self.targets = _department_targets(instance)
        self.earlier = kept_apart(instance)
        seated = {e for m in self.members.values() for e in m}
        fixed = named_in_rules(instance)
        # free people who may move in, per department, by id
        self.free: dict[DepartmentName, dict[EmployeeId, Employee]] = defaultdict(dict)
        for e in instance.available_employees:
            if e.employee_id not in seated and e.employee_id not in fixed:
                self.free[e.department][e.employee_id] = e

    def _pairs(self, departments: list[DepartmentName]) -> list[DepartmentPairKey]:
        if not self.gap:
            return []
        return [
            key
            for i, a in enumerate(departments)
            for b in departments[i + 1 :]
            if (key := pair_key(a, b)) in self.gap
        ]

    def gain(self, team: TeamName, leaving: DepartmentName, coming: DepartmentName) -> float:
        """Objective change when one member of ``leaving`` makes way for one of ``coming``."""
        self.evaluations += 1
        if leaving == coming:
            return 0.0
        counts = self.departments[team]
        lost = counts[leaving] == 1
        new = counts[coming] == 0
        others = [d for d in counts if d not in (leaving, coming)]
        value = 0.0
        if lost and self.gap:
            value -= sum(
                self.gap[k] for d in others if (k := pair_key(leaving, d)) in self.gap
                and self.cover[k] == 1
            )  # fmt: skip
            if not new and (k := pair_key(leaving, coming)) in self.gap and self.cover[k] == 1:
                value -= self.gap[k]
        if new and self.gap:
            value += sum(
                self.gap[k] for d in others if (k := pair_key(coming, d)) in self.gap
                and self.cover[k] == 0
            )  # fmt: skip
            if not lost and (k := pair_key(leaving, coming)) in self.gap and self.cover[k] == 0:
                value += self.gap[k]
        bridging = self.settings.weight_bridging * value
        diversity = self.settings.weight_diversity * (int(new) - int(lost))
        return bridging + diversity - self._diversify_cost(team, leaving, coming)

    def _diversify_cost(
        self, team: TeamName, leaving: DepartmentName, coming: DepartmentName
    ) -> float:
        """Change of the soft diversify-by-department penalty (weighted) for the move."""
        counts = self.departments[team]
        size = len(self.members[team])
        cost = 0.0
        for weight, shares in self.targets:
            aim = {d: math.floor(shares.get(d, 0.0) * size + 0.5) for d in (leaving, coming)}
            cost += weight * (
                abs(counts[leaving] - 1 - aim[leaving])
                - abs(counts[leaving] - aim[leaving])
                + abs(counts[coming] + 1 - aim[coming])
                - abs(counts[coming] - aim[coming])
            )
        return cost

    def value(self) -> float:
        """What this search maximises, for the whole plan: bridging, departments per team
        and the soft diversify-by-department penalties."""
        settings = self.settings
        bridging = sum(self.gap[k] for k, n in self.cover.items() if n > 0)
        diversity = sum(len(+counts) for counts in self.departments.values())
        penalty = sum(
            weight
            * sum(
                abs(counts[d] - math.floor(share * len(self.members[team]) + 0.5))
                for d, share in shares.items()
            )
            for weight, shares in self.targets
            for team, counts in self.departments.items()
        )
        return settings.weight_bridging * bridging + settings.weight_diversity * diversity - penalty

    def clashes(self, team: TeamName, person: EmployeeId, leaving: EmployeeId) -> bool:
        """Whether ``person`` would meet an earlier teammate in ``team`` once ``leaving``
        has left it."""
        others = (m for m in self.members[team] if m != leaving)
        return clashes(self.earlier, person, others)

    def move(self, team: TeamName, out: EmployeeId, into: EmployeeId) -> None:
        before = list(self.departments[team])
        self.cover.subtract(self._pairs(before))
        self.members[team][self.members[team].index(out)] = into
        self.departments[team][self.by_id[out].department] -= 1
        self.departments[team][self.by_id[into].department] += 1
        self.departments[team] = +self.departments[team]
        self.cover.update(self._pairs(list(self.departments[team])))


def _department_targets(instance: PlanningInput) -> list[tuple[float, dict[DepartmentName, float]]]:
    """Weight and pool shares of each soft diversify rule on the department."""
    pool = instance.available_employees
    shares = {d: n / len(pool) for d, n in Counter(e.department for e in pool).items()}
    weight = instance.settings.weight_balance
    return [
        (rule.weight * weight, shares)
        for rule in instance.balance_rules
        if rule.mode is BalanceMode.DIVERSIFY and rule.attribute == "department"
    ]


def _can_leave(plan: _Plan, team: Team, e: Employee) -> bool:
    """The team still meets every skill need without ``e``."""
    for need in team.skill_needs:
        if need.met_by(e):
            held = need.holders(plan.by_id[m] for m in plan.members[team.name])
            if held - 1 < need.min_count:
                return False
    return True


def _fits(plan: _Plan, team: Team, leaving: DepartmentName, coming: DepartmentName) -> bool:
    counts = plan.departments[team.name]
    after = counts[coming] + (0 if coming == leaving else 1)
    if team.max_per_department is not None and after > team.max_per_department:
        return False
    distinct = len(counts) + (counts[coming] == 0) - (counts[leaving] == 1)
    return distinct >= team.min_departments


def plan_value(
    instance: PlanningInput,
    gap_weights: Mapping[DepartmentPairKey, float],
    members: Mapping[TeamName, list[EmployeeId]],
) -> float:
    """The value ``improve_teams`` maximises, of the plan ``members``."""
    return _Plan(instance, gap_weights, members).value()


def improve_teams(
    instance: PlanningInput,
    gap_weights: Mapping[DepartmentPairKey, float],
    members: Mapping[TeamName, list[EmployeeId]],
    cutoff: Cutoff = NO_CUTOFF,
) -> dict[TeamName, list[EmployeeId]]:
    """A plan at least as good as ``members`` for bridging and diversity; the one reached
    so far when the ``cutoff`` comes (every move keeps the plan valid)."""
    if any(rule.hard for rule in instance.balance_rules):
        return {t: list(m) for t, m in members.items()}
    plan = _Plan(instance, gap_weights, members)
    fixed = named_in_rules(instance)
    teams = instance.teams
    for _ in range(PASSES):
        improved = False
        for team in teams:
            if plan.evaluations > EVALUATIONS:
                break
            for out in list(plan.members[team.name]):
                if cutoff.reached():
                    return plan.members
                person = plan.by_id[out]
                if out in fixed or not _can_leave(plan, team, person):
                    continue
                improved |= _replace(plan, team, person) or _swap(plan, team, person, teams, fixed)
        if not improved:
            break
    return plan.members


def _replace(plan: _Plan, team: Team, out: Employee) -> bool:
    """Give ``out``'s seat to the free person whose department gains most (the least
    skilled there who meets no earlier teammate)."""
    best, chosen = 0.0, None
    for department, people in plan.free.items():
        if not people or not _fits(plan, team, out.department, department):
            continue
        gain = plan.gain(team.name, out.department, department)
        if gain > best and (choice := _newcomer(plan, team, out, people.values())) is not None:
            best, chosen = gain, choice
    if chosen is None:
        return False
    del plan.free[chosen.department][chosen.employee_id]
    plan.free[out.department][out.employee_id] = out
    plan.move(team.name, out.employee_id, chosen.employee_id)
    return True


def _newcomer(
    plan: _Plan, team: Team, out: Employee, people: Iterable[Employee]
) -> Employee | None:
    """The least skilled of ``people`` who may take ``out``'s seat in ``team``."""
    fitting = [p for p in people if not plan.clashes(team.name, p.employee_id, out.employee_id)]
    return min(fitting, key=lambda p: len(p.skills), default=None)


def _swap(
    plan: _Plan, team: Team, out: Employee, teams: tuple[Team, ...], fixed: set[EmployeeId]
) -> bool:
    """Swap ``out`` with a member of another team when both teams gain together."""
    for other in teams:
        if other.name == team.name:
            continue
        if plan.evaluations > EVALUATIONS:
            return False
        if out.department in plan.departments[other.name]:
            continue  # a swap pays when both teams gain a department
        for partner_id in plan.members[other.name]:
            partner = plan.by_id[partner_id]
            if partner.department in plan.departments[team.name] or partner_id in fixed:
                continue  # only a new department can make the swap worth it
            if plan.clashes(team.name, partner_id, out.employee_id) or plan.clashes(
                other.name, out.employee_id, partner_id
            ):
                continue
            if not (
                _fits(plan, team, out.department, partner.department)
                and _fits(plan, other, partner.department, out.department)
                and _can_leave(plan, other, partner)
            ):
                continue
            here = plan.gain(team.name, out.department, partner.department)
            if here <= 0:
                continue
            plan.move(team.name, out.employee_id, partner_id)
            there = plan.gain(other.name, partner.department, out.department)
            if here + there > 0:
                plan.move(other.name, partner_id, out.employee_id)
                return True
            plan.move(team.name, partner_id, out.employee_id)
    return False
