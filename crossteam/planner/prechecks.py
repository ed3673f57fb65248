"""Cheap checks that explain, in plain words, why no team plan can exist.

They run before the model is built and catch most impossible workbooks: skills nobody
has, more seats than people, rules that contradict each other. An empty list means
nothing obvious is wrong (the solver may still prove infeasibility).
"""

from __future__ import annotations

from collections import defaultdict

from crossteam.models import EmployeeId, PlanningInput, RuleKind, TeamName


def check_teams_possible(instance: PlanningInput) -> list[str]:
    """Every reason found that the Teams sheet cannot be met."""
    return [
        *_skill_supply(instance),
        *_headcount(instance),
        *_department_rules(instance),
        *_contradictory_rules(instance),
    ]


def _people(n: int) -> str:
    return (
        "nobody available has it"
        if n == 0
        else f"only {n} available {'person has' if n == 1 else 'people have'} it"
    )


def _skill_supply(instance: PlanningInput) -> list[str]:
    available = instance.available_employees
    reasons: list[str] = []
    demand: dict[tuple[str, int], int] = defaultdict(int)
    for spec in instance.team_specs:
        who = (
            f"Team '{spec.name}'"
            if spec.count == 1
            else f"Each of the {spec.count} teams '{spec.name}'"
        )
        for need in spec.skill_needs:
            supply = sum(e.skills.get(need.skill, 0) >= need.min_level for e in available)
            if supply < need.min_count:
                reasons.append(
                    f"{who} needs {need.min_count} member(s) with {need.skill} at level "
                    f"{need.min_level} or more, but {_people(supply)}"
                )
    for team in instance.teams:
        for need in team.skill_needs:
            demand[need.skill, need.min_level] += need.min_count
    # a person sits in one team only: everyone needing level L or more draws on one supply
    for (skill, level), _ in sorted(demand.items()):
        wanted = sum(n for (s, lv), n in demand.items() if s == skill and lv >= level)
        supply = sum(e.skills.get(skill, 0) >= level for e in available)
        if 0 < supply < wanted:
            reasons.append(
                f"The teams together need {wanted} members with {skill} at level {level} or "
                f"more, but {_people(supply)}"
            )
    return reasons


def _headcount(instance: PlanningInput) -> list[str]:
    available = len(instance.available_employees)
    seats = sum(t.min_size for t in instance.teams)
    reasons: list[str] = []
    if seats > available:
        reasons.append(
            f"The {len(instance.teams)} teams need at least {seats} members in all, but only "
            f"{available} people are available"
        )
    most = sum(t.max_size for t in instance.teams)
    if instance.settings.assign_everyone and most < available:
        reasons.append(
            f"Settings: assign_everyone = yes, but the teams hold at most {most} members and "
            f"{available} people are available"
        )
    return reasons


def _department_rules(instance: PlanningInput) -> list[str]:
    staffed = {e.department for e in instance.available_employees}
    reasons: list[str] = []
    for spec in instance.team_specs:
        if spec.min_departments > len(staffed):
            reasons.append(
                f"Team '{spec.name}' needs members from at least {spec.min_departments} "
                f"departments, but only {len(staffed)} departments have anyone available"
            )
        if spec.min_departments > spec.max_size:
            reasons.append(
                f"Team '{spec.name}' needs {spec.min_departments} departments but holds at most "
                f"{spec.max_size} members"
            )
        limit = spec.max_per_department
        if limit is not None and limit * len(staffed) < spec.min_size:
            reasons.append(
                f"Team '{spec.name}' needs {spec.min_size} members with at most {limit} per "
                f"department, but only {len(staffed)} departments have anyone available"
            )
    return reasons


def _contradictory_rules(instance: PlanningInput) -> list[str]:
    by_id = instance.employee_by_id
    reasons: list[str] = []
    together = {
        frozenset((r.employee_id, o))
        for r in instance.rules_of(RuleKind.TOGETHER)
        for o in r.targets
    }
    for rule in instance.rules_of(RuleKind.APART):
        for other in rule.targets:
            if frozenset((rule.employee_id, other)) in together:
                reasons.append(
                    f"Rules: {rule.employee_id} and {other} must be both together and apart"
                )
    allowed: dict[EmployeeId, set[TeamName]] = {}
    for rule in instance.rules_of(RuleKind.IN_TEAM):
        who = rule.employee_id
        if not by_id[who].available:
            reasons.append(f"Rules: {who} must be in team '{rule.target}' but is not available")
        allowed[who] = allowed.get(who, set(rule.targets)) & set(rule.targets)
        if not allowed[who]:
            reasons.append(f"Rules: {who} must be in two different teams (in_team rules)")
    for rule in instance.rules_of(RuleKind.NOT_IN_TEAM):
        who = rule.employee_id
        if who in allowed and allowed[who] and allowed[who] <= set(rule.targets):
            reasons.append(
                f"Rules: {who} must be in team '{rule.target}' (in_team) and must not be in it "
                f"(not_in_team)"
            )
    return reasons
