"""Cheap checks that explain, in plain words, why no team plan can exist.

They run before the model is built and catch most impossible workbooks: skills nobody
has, more seats than people, rules that contradict each other or can never hold (a
``together`` group no team can hold whole (its size, ``max_per_department``,
``min_departments``, its people's in_team and not_in_team rules), with someone
unavailable, or with an apart rule inside it; under ``repeat_teammates`` forbid, an earlier
team larger than the number of teams when ``assign_everyone`` seats everyone, or a
together group holding two of its people; a hard Balance
rule that matches nobody). An empty list means nothing obvious is wrong (the solver may
still prove infeasibility). A soft rule that matches nobody only earns a warning
(``team_rule_warnings``): it cannot make planning impossible, but it is most likely a typo.

The rotation's pre-checks are beside these, in ``prechecks/rotation.py``.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterator

from crossteam.models import (
    BalanceMode,
    BalanceRule,
    DepartmentName,
    Employee,
    EmployeeId,
    PlanningInput,
    RepeatPolicy,
    RuleKind,
    TeamName,
)
from crossteam.models.wording import counted, runs
from crossteam.planner.earlier_teams import earlier_teams

SUGGESTED_COLUMNS = frozenset({"department", "role", "location"})
"""Employees columns whose values a message may suggest ("did you mean Sapporo?"): the
categories every workbook has. Other columns may hold personal data, never echoed."""
LISTED_IDS = 10
"""Most employee ids a message lists before "and N more"."""


def check_teams_possible(instance: PlanningInput) -> list[str]:
    """Every reason found that the Teams sheet cannot be met."""
    return [
        *_skill_supply(instance),
        *_headcount(instance),
        *_department_rules(instance),
        *_contradictory_rules(instance),
        *_together_groups(instance),
        *_earlier_teammates(instance),
        *(text for rule, text in _balance_matching_nobody(instance) if rule.hard),
    ]


def team_rule_warnings(instance: PlanningInput) -> list[str]:
    """Soft rules that match nobody: planning goes on, but the rule does nothing."""
    return [text for rule, text in _balance_matching_nobody(instance) if not rule.hard]


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
            supply = need.holders(available)
            if supply < need.min_count:
                reasons.append(
                    f"{who} needs {counted(need.min_count, 'member')} with {need.skill} at level "
                    f"{need.min_level} or more, but {_people(supply)}"
                )
    for team in instance.teams:
        for need in team.skill_needs:
            demand[need.skill, need.min_level] += need.min_count
    # a person sits in one team only: everyone needing level L or more draws on one supply
    for (skill, level), _ in sorted(demand.items()):
        wanted = sum(n for (s, lv), n in demand.items() if s == skill and lv >= level)
        supply = sum(e.meets(skill, level) for e in available)
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
        count = len(instance.teams)
        teams = "The team needs" if count == 1 else f"The {count} teams need"
        reasons.append(
            f"{teams} at least {counted(seats, 'member')} in all, but only "
            f"{counted(available, 'person is', 'people are')} available"
        )
    most = sum(t.max_size for t in instance.teams)
    if instance.settings.assign_everyone and most < available:
        reasons.append(
            "Settings: assign_everyone = yes, but the teams hold at most "
            f"{counted(most, 'member')} and "
            f"{counted(available, 'person is', 'people are')} available"
        )
    return reasons


def _earlier_teammates(instance: PlanningInput) -> list[str]:
    """Under repeat_teammates forbid: an earlier team with more people available than
    there are teams when assign_everyone seats them all (two would have to meet again),
    and a together group holding two people of one earlier team."""
    if instance.settings.repeat_teammates is not RepeatPolicy.FORBID:
        return []
    earlier = earlier_teams(instance)
    teams = len(instance.teams)
    reasons = [
        f"{past.reason}, but all {len(past.members)} are available and must join a team "
        f"(Settings: assign_everyone = yes) while there are only {counted(teams, 'team')}"
        for past in earlier
        if instance.settings.assign_everyone and len(past.members) > teams
    ]
    for group in _tied_groups(instance):
        inside = set(group)
        for past in earlier:
            met = [e for e in past.members if e in inside]
            if len(met) > 1:
                reasons.append(
                    f"{_together_where(instance, group)}: {_ids(group)} must all be in one "
                    f"team (together), but {_ids(met)} were teammates before: {past.reason}"
                )
    return reasons


def _department_rules(instance: PlanningInput) -> list[str]:
    staffed = {e.department for e in instance.available_employees}
    reasons: list[str] = []
    for spec in instance.team_specs:
        if spec.min_departments > len(staffed):
            reasons.append(
                f"Team '{spec.name}' needs members from at least "
                f"{counted(spec.min_departments, 'department')}, but only {_staffed(staffed)}"
            )
        if spec.min_departments > spec.max_size:
            reasons.append(
                f"Team '{spec.name}' needs {counted(spec.min_departments, 'department')} but holds "
                f"at most {counted(spec.max_size, 'member')}"
            )
        limit = spec.max_per_department
        if limit is not None and limit * len(staffed) < spec.min_size:
            reasons.append(
                f"Team '{spec.name}' needs {counted(spec.min_size, 'member')} with at most {limit} "
                f"per department, but only {_staffed(staffed)}"
            )
    return reasons


def _staffed(staffed: set[DepartmentName]) -> str:
    """ "3 departments have anyone available", in the right number."""
    return f"{counted(len(staffed), 'department has', 'departments have')} anyone available"


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


def _ids(ids: list[EmployeeId]) -> str:
    shown = ", ".join(ids[:LISTED_IDS])
    return shown if len(ids) <= LISTED_IDS else f"{shown} and {len(ids) - LISTED_IDS} more"


def _tied_groups(instance: PlanningInput) -> list[list[EmployeeId]]:
    """The people tied by chains of together rules, each group in Employees order (two or
    more people a group; whoever is named in no together rule is in none)."""
    parent: dict[EmployeeId, EmployeeId] = {}

    def root(e: EmployeeId) -> EmployeeId:
        parent.setdefault(e, e)
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    for rule in instance.rules_of(RuleKind.TOGETHER):
        for other in rule.targets:
            parent[root(other)] = root(rule.employee_id)
    groups: dict[EmployeeId, list[EmployeeId]] = defaultdict(list)
    for e in instance.employees:
        if e.employee_id in parent:
            groups[root(e.employee_id)].append(e.employee_id)
    return list(groups.values())


def _together_groups(instance: PlanningInput) -> Iterator[str]:
    """Together rules naming someone unavailable, and groups no team can hold whole."""
    by_id = instance.employee_by_id
    for rule in instance.rules_of(RuleKind.TOGETHER):
        where = f"Rules row {rule.row}" if rule.row is not None else "Rules"
        for who in (rule.employee_id, *rule.targets):
            if not by_id[who].available:
                yield (
                    f"{where}: {rule.employee_id} must be in the same team as "
                    f"{', '.join(rule.targets)} (together), but {who} is not available"
                )
    if not instance.teams:
        return
    for group in _tied_groups(instance):
        where = _together_where(instance, group)
        named = f"{where}: {_ids(group)} must all be in one team (together: {len(group)} people)"
        why = _no_team_for(instance, group)
        if why is not None:
            yield f"{named}, but {why}"
        yield from (f"{named}, but {text}" for text in _apart_within(instance, group))


def _together_where(instance: PlanningInput, group: list[EmployeeId]) -> str:
    """The Rules rows of the together rules that tie ``group``: "Rules rows 7-9"."""
    rows = sorted(
        {
            r.row
            for r in instance.rules_of(RuleKind.TOGETHER)
            if r.employee_id in group and r.row is not None
        }
    )
    return f"Rules {'rows' if len(rows) > 1 else 'row'} {_spans(rows)}" if rows else "Rules"


def _no_team_for(instance: PlanningInput, group: list[EmployeeId]) -> str | None:
    """Why no team can hold ``group`` whole, or ``None`` when one can: its size, then
    ``max_per_department``, then ``min_departments``, then the group's in_team and
    not_in_team rules, each narrowing the teams the one before left."""
    by_id = instance.employee_by_id
    largest = max(t.max_size for t in instance.teams)
    if len(group) > largest:
        return f"no team holds more than {counted(largest, 'member')}"
    per_department = Counter(by_id[e].department for e in group)
    teams = [t for t in instance.teams if _holds(t.max_size, t.max_per_department, per_department)]
    if not teams:
        department, most = per_department.most_common(1)[0]
        return (
            f"no team can hold them: {most} of them are in {department} and every team "
            f"large enough takes fewer per department (max_per_department)"
        )
    # the group's departments count towards min_departments; others need a seat each
    spread = len(per_department)
    teams = [t for t in teams if len(group) + max(0, t.min_departments - spread) <= t.max_size]
    if not teams:
        return (
            f"no team can hold them: they come from "
            f"{counted(spread, 'department')}, "
            f"and every team that could take them needs members from more departments "
            f"than its seats left allow (min_departments)"
        )
    members = set(group)
    ruled = [
        r
        for r in instance.rules_of(RuleKind.IN_TEAM, RuleKind.NOT_IN_TEAM)
        if r.employee_id in members
    ]
    for rule in ruled:
        inside = rule.kind is RuleKind.IN_TEAM
        teams = [t for t in teams if (t.name in rule.targets) == inside]
    if not teams:
        rows = sorted({r.row for r in ruled if r.row is not None})
        named = f"rows {_spans(rows)}" if rows else "rules"
        return (
            f"the in_team / not_in_team {named} of their people leave no team that can "
            f"hold them all"
        )
    return None


def _apart_within(instance: PlanningInput, group: list[EmployeeId]) -> Iterator[str]:
    """Apart rules between two people of one together group, other than a pair also
    named together directly (``_contradictory_rules`` names that one)."""
    members = set(group)
    direct = {
        frozenset((r.employee_id, o))
        for r in instance.rules_of(RuleKind.TOGETHER)
        for o in r.targets
    }
    for rule in instance.rules_of(RuleKind.APART):
        for other in rule.targets:
            pair = frozenset((rule.employee_id, other))
            if rule.employee_id in members and other in members and pair not in direct:
                where = f"Rules row {rule.row}" if rule.row is not None else "Rules"
                yield f"{rule.employee_id} and {other} must be apart ({where}: apart)"


def _spans(rows: list[int]) -> str:
    """Sorted row numbers as runs: [9, 10, 11, 14] -> "9-11, 14"."""
    return ", ".join(runs(rows))


def _holds(size: int, limit: int | None, per_department: Counter[str]) -> bool:
    return sum(per_department.values()) <= size and (
        limit is None or max(per_department.values()) <= limit
    )


def _balance_matching_nobody(instance: PlanningInput) -> Iterator[tuple[BalanceRule, str]]:
    """Balance rules no available employee can match: a no_lone value nobody available
    holds (with the closest value held, for a typo), or a column blank for everyone."""
    available = instance.available_employees
    for rule in instance.balance_rules:
        where = f"Balance row {rule.row}" if rule.row is not None else "Balance"
        kind = "hard" if rule.hard else "soft"
        held = _held(available, rule.attribute)
        if not held:
            yield (
                rule,
                (
                    f"{where}: the {kind} {rule.mode} rule on {rule.attribute} matches nobody: "
                    f"no available employee has a value in that column"
                ),
            )
            continue
        if rule.mode is not BalanceMode.NO_LONE or not rule.value:
            continue
        wanted = rule.value.strip().casefold()
        if any(value.casefold() == wanted for value in held):
            continue
        away = _held([e for e in instance.employees if not e.available], rule.attribute)
        only_away = any(value.casefold() == wanted for value in away)
        why = (
            "only people who are not available have it"
            if only_away
            else "no available employee has it" + _did_you_mean(rule, held)
        )
        yield (
            rule,
            (
                f"{where}: the {kind} no_lone rule on {rule.attribute} = {rule.value.strip()!r} "
                f"matches nobody: {why}"
            ),
        )


def _held(people: list[Employee] | tuple[Employee, ...], attribute: str) -> set[str]:
    return {text for e in people if (text := e.attribute_text(attribute)) is not None}


def _did_you_mean(rule: BalanceRule, held: set[str]) -> str:
    """ "; did you mean 'Sapporo'?" for a close value of a column that may be quoted."""
    if rule.attribute not in SUGGESTED_COLUMNS or rule.value is None:
        return ""
    by_key = {value.casefold(): value for value in sorted(held)}
    close = difflib.get_close_matches(rule.value.strip().casefold(), list(by_key), n=1)
    return f"; did you mean {by_key[close[0]]!r}?" if close else ""
