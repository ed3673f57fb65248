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

from crossteam import i18n
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
from crossteam.models.wording import runs
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
    """How many available people hold a skill, when too few do."""
    if n == 0:
        return i18n.t("checks.nobody_available_has_it")
    if n == 1:
        return i18n.t("checks.only_one_has_it", count=n)
    return i18n.t("checks.only_some_have_it", count=n)


def _skill_supply(instance: PlanningInput) -> list[str]:
    available = instance.available_employees
    reasons: list[str] = []
    demand: dict[tuple[str, int], int] = defaultdict(int)
    for spec in instance.team_specs:
        for need in spec.skill_needs:
            supply = need.holders(available)
            if supply < need.min_count:
                fields = {
                    "team": spec.name,
                    "members": i18n.counted(need.min_count, "member"),
                    "skill": need.skill,
                    "level": need.min_level,
                    "people": _people(supply),
                }
                reasons.append(
                    i18n.t("checks.team_needs_skill", **fields)
                    if spec.count == 1
                    else i18n.t("checks.teams_each_need_skill", count=spec.count, **fields)
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
                i18n.t(
                    "checks.teams_together_need_skill",
                    wanted=wanted,
                    skill=skill,
                    level=level,
                    people=_people(supply),
                )
            )
    return reasons


def _headcount(instance: PlanningInput) -> list[str]:
    available = len(instance.available_employees)
    seats = sum(t.min_size for t in instance.teams)
    reasons: list[str] = []
    if seats > available:
        count = len(instance.teams)
        members = i18n.counted(seats, "member")
        people = i18n.counted(available, "person_is")
        reasons.append(
            i18n.t("checks.team_needs_seats", members=members, available=people)
            if count == 1
            else i18n.t("checks.teams_need_seats", count=count, members=members, available=people)
        )
    most = sum(t.max_size for t in instance.teams)
    if instance.settings.assign_everyone and most < available:
        reasons.append(
            i18n.t(
                "checks.everyone_exceeds_seats",
                members=i18n.counted(most, "member"),
                available=i18n.counted(available, "person_is"),
            )
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
        i18n.t(
            "checks.earlier_team_too_large",
            reason=past.reason,
            count=len(past.members),
            teams=i18n.counted(teams, "team"),
        )
        for past in earlier
        if instance.settings.assign_everyone and len(past.members) > teams
    ]
    for group in _tied_groups(instance):
        inside = set(group)
        for past in earlier:
            met = [e for e in past.members if e in inside]
            if len(met) > 1:
                reasons.append(
                    i18n.t(
                        "checks.together_met_before",
                        where=_together_where(instance, group),
                        ids=_ids(group),
                        met=_ids(met),
                        reason=past.reason,
                    )
                )
    return reasons


def _department_rules(instance: PlanningInput) -> list[str]:
    staffed = {e.department for e in instance.available_employees}
    reasons: list[str] = []
    for spec in instance.team_specs:
        if spec.min_departments > len(staffed):
            reasons.append(
                i18n.t(
                    "checks.team_needs_departments",
                    team=spec.name,
                    departments=i18n.counted(spec.min_departments, "department"),
                    staffed=_staffed(staffed),
                )
            )
        if spec.min_departments > spec.max_size:
            reasons.append(
                i18n.t(
                    "checks.team_too_small_for_departments",
                    team=spec.name,
                    departments=i18n.counted(spec.min_departments, "department"),
                    members=i18n.counted(spec.max_size, "member"),
                )
            )
        limit = spec.max_per_department
        if limit is not None and limit * len(staffed) < spec.min_size:
            reasons.append(
                i18n.t(
                    "checks.team_needs_more_departments",
                    team=spec.name,
                    members=i18n.counted(spec.min_size, "member"),
                    limit=limit,
                    staffed=_staffed(staffed),
                )
            )
    return reasons


def _staffed(staffed: set[DepartmentName]) -> str:
    """ "3 departments have" (anyone available), in the right number."""
    return i18n.counted(len(staffed), "department_has")


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
                    i18n.t("checks.together_and_apart", employee=rule.employee_id, other=other)
                )
    allowed: dict[EmployeeId, set[TeamName]] = {}
    for rule in instance.rules_of(RuleKind.IN_TEAM):
        who = rule.employee_id
        if not by_id[who].available:
            reasons.append(i18n.t("checks.in_team_unavailable", employee=who, team=rule.target))
        allowed[who] = allowed.get(who, set(rule.targets)) & set(rule.targets)
        if not allowed[who]:
            reasons.append(i18n.t("checks.in_two_teams", employee=who))
    for rule in instance.rules_of(RuleKind.NOT_IN_TEAM):
        who = rule.employee_id
        if who in allowed and allowed[who] and allowed[who] <= set(rule.targets):
            reasons.append(i18n.t("checks.in_and_not_in_team", employee=who, team=rule.target))
    return reasons


def _ids(ids: list[EmployeeId]) -> str:
    shown = i18n.listed(ids[:LISTED_IDS])
    if len(ids) <= LISTED_IDS:
        return shown
    return i18n.t("checks.and_more", ids=shown, more=len(ids) - LISTED_IDS)


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
        where = _rules_where(rule.row)
        for who in (rule.employee_id, *rule.targets):
            if not by_id[who].available:
                yield i18n.t(
                    "checks.together_unavailable",
                    where=where,
                    employee=rule.employee_id,
                    targets=i18n.listed(rule.targets),
                    absent=who,
                )
    if not instance.teams:
        return
    for group in _tied_groups(instance):
        where = _together_where(instance, group)
        why = _no_team_for(instance, group)
        reasons = [why] if why is not None else []
        for text in [*reasons, *_apart_within(instance, group)]:
            yield i18n.t(
                "checks.together_group_cannot",
                where=where,
                ids=_ids(group),
                count=len(group),
                why=text,
            )


def _rules_where(row: int | None) -> str:
    """ "Rules row 7", or the Rules sheet when a rule has no row."""
    return i18n.t("checks.rules_row", rows=row) if row is not None else i18n.t("checks.rules")


def _together_where(instance: PlanningInput, group: list[EmployeeId]) -> str:
    """The Rules rows of the together rules that tie ``group``: "Rules rows 7-9"."""
    rows = sorted(
        {
            r.row
            for r in instance.rules_of(RuleKind.TOGETHER)
            if r.employee_id in group and r.row is not None
        }
    )
    if not rows:
        return i18n.t("checks.rules")
    if len(rows) > 1:
        return i18n.t("checks.rules_rows", rows=_spans(rows))
    return i18n.t("checks.rules_row", rows=_spans(rows))


def _no_team_for(instance: PlanningInput, group: list[EmployeeId]) -> str | None:
    """Why no team can hold ``group`` whole, or ``None`` when one can: its size, then
    ``max_per_department``, then ``min_departments``, then the group's in_team and
    not_in_team rules, each narrowing the teams the one before left."""
    by_id = instance.employee_by_id
    largest = max(t.max_size for t in instance.teams)
    if len(group) > largest:
        return i18n.t("checks.no_team_that_large", members=i18n.counted(largest, "member"))
    per_department = Counter(by_id[e].department for e in group)
    teams = [t for t in instance.teams if _holds(t.max_size, t.max_per_department, per_department)]
    if not teams:
        department, most = per_department.most_common(1)[0]
        return i18n.t("checks.no_team_per_department", most=most, department=department)
    # the group's departments count towards min_departments; others need a seat each
    spread = len(per_department)
    teams = [t for t in teams if len(group) + max(0, t.min_departments - spread) <= t.max_size]
    if not teams:
        return i18n.t(
            "checks.no_team_min_departments", departments=i18n.counted(spread, "department")
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
        if rows:
            return i18n.t("checks.no_team_by_rows", rows=_spans(rows))
        return i18n.t("checks.no_team_by_rules")
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
                yield i18n.t(
                    "checks.must_be_apart",
                    employee=rule.employee_id,
                    other=other,
                    where=_rules_where(rule.row),
                )


def _spans(rows: list[int]) -> str:
    """Sorted row numbers as runs: [9, 10, 11, 14] -> "9-11, 14"."""
    return i18n.listed(runs(rows))


def _holds(size: int, limit: int | None, per_department: Counter[str]) -> bool:
    return sum(per_department.values()) <= size and (
        limit is None or max(per_department.values()) <= limit
    )


def _balance_matching_nobody(instance: PlanningInput) -> Iterator[tuple[BalanceRule, str]]:
    """Balance rules no available employee can match: a no_lone value nobody available
    holds (with the closest value held, for a typo), or a column blank for everyone."""
    available = instance.available_employees
    for rule in instance.balance_rules:
        where = (
            i18n.t("checks.balance_row", row=rule.row)
            if rule.row is not None
            else i18n.t("checks.balance")
        )
        kind = i18n.t("checks.hard") if rule.hard else i18n.t("checks.soft")
        held = _held(available, rule.attribute)
        if not held:
            yield (
                rule,
                i18n.t(
                    "checks.balance_column_blank",
                    where=where,
                    kind=kind,
                    mode=rule.mode,
                    attribute=rule.attribute,
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
        close = _did_you_mean(rule, held)
        why = (
            i18n.t("checks.only_unavailable_have_it")
            if only_away
            else i18n.t("checks.nobody_has_it_close", close=close)
            if close is not None
            else i18n.t("checks.nobody_has_it")
        )
        yield (
            rule,
            i18n.t(
                "checks.no_lone_matches_nobody",
                where=where,
                kind=kind,
                attribute=rule.attribute,
                value=rule.value.strip(),
                why=why,
            ),
        )


def _held(people: list[Employee] | tuple[Employee, ...], attribute: str) -> set[str]:
    return {text for e in people if (text := e.attribute_text(attribute)) is not None}


def _did_you_mean(rule: BalanceRule, held: set[str]) -> str | None:
    """A held value close to the rule's ("Sapporo"), in a column that may be quoted."""
    if rule.attribute not in SUGGESTED_COLUMNS or rule.value is None:
        return None
    by_key = {value.casefold(): value for value in sorted(held)}
    close = difflib.get_close_matches(rule.value.strip().casefold(), list(by_key), n=1)
    return by_key[close[0]] if close else None
