"""Every team rule re-verified from the plan's member lists alone.

Nothing here comes from the planner: the rules are read again from the instance and
counted on the plan, so a modelling mistake shows up as a failed check.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable

from crossteam import i18n
from crossteam.checks.repeats import repeated_pairs
from crossteam.models import (
    QUOTABLE_ATTRIBUTES,
    BalanceMode,
    BalanceRule,
    CheckResult,
    Employee,
    EmployeeId,
    Plan,
    PlanningInput,
    ProgrammeKind,
    RepeatPolicy,
    RuleKind,
    Team,
    TeamName,
)

Members = dict[TeamName, list[Employee]]
Measure = Callable[[PlanningInput, BalanceRule, Members], tuple[float, list[str]]]
"""A Balance mode's total penalty, and the teams that break it, each in words."""


def check_teams(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    """One result per team rule and subject (team, person, Rules row or Balance row)."""
    if not plan.has_solution:
        return []
    if not plan.planned_teams:
        return _not_planned(instance)
    results = _known_people(instance, plan)
    by_id = instance.employee_by_id
    members: Members = {t.team: [by_id[e] for e in t.members if e in by_id] for t in plan.teams}
    results += _every_team_formed(instance, plan)
    results += _one_team_each(instance, plan)
    for team in instance.teams:
        people = members.get(team.name, [])
        results += _team_shape(team.name, team, people)
    results += _rules(instance, plan)
    for rule in instance.balance_rules:
        results.append(_balance(instance, rule, members))
    results += _repeat_teammates(instance, plan)
    return results


def _repeat_teammates(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    """Earlier teammates (team History that counts) in one team again: under forbid one
    result per team, failed naming the pairs; otherwise one informative result. None
    without team History, so that plans without it are checked as before."""
    if not any(h.kind is ProgrammeKind.TEAM for h in instance.counted_history):
        return []
    policy = instance.settings.repeat_teammates
    pairs = repeated_pairs(instance, plan)
    if policy is not RepeatPolicy.FORBID:
        detail = i18n.t(
            "checks.repeat_teammates_counted",
            pairs=i18n.counted(len(pairs), "pair"),
            policy=policy.value,
        )
        return [_result(i18n.t("checks.rule.repeat_teammates"), _all_teams(), True, detail)]
    results = []
    for t in plan.teams:
        met = [
            i18n.t(
                "checks.met_pair",
                a=p.employee_a,
                b=p.employee_b,
                earlier=i18n.listed(
                    i18n.t("checks.team_in_period", team=n, period=w) for w, n in p.earlier
                ),
            )
            for p in pairs
            if p.team == t.team
        ]
        detail = (
            i18n.t("checks.met_before", pairs="; ".join(met))
            if met
            else i18n.t("checks.no_earlier_teammates")
        )
        results.append(
            _result(i18n.t("checks.rule.repeat_teammates_forbid"), t.team, not met, detail)
        )
    return results


def _result(
    rule: str, subject: str, passed: bool, detail: str, *, applicable: bool = True
) -> CheckResult:
    return CheckResult(
        rule=rule, subject=subject, passed=passed, detail=detail, applicable=applicable
    )


def _all_teams() -> str:
    return i18n.t("checks.all_teams")


def _no_team() -> str:
    return i18n.t("checks.no_team")


def _row(row: int | None, otherwise: str) -> str:
    """The subject of a Rules or Balance row: "row 7", or ``otherwise`` without a row."""
    return i18n.t("common.row", row=row) if row is not None else otherwise


def _balance_name(rule: BalanceRule) -> str:
    if rule.hard:
        return i18n.t("checks.rule.balance_hard", mode=rule.mode.value, attribute=rule.attribute)
    return i18n.t("checks.rule.balance", mode=rule.mode.value, attribute=rule.attribute)


def _not_planned(instance: PlanningInput) -> list[CheckResult]:
    """Teams not planned (``--no-teams``, no Teams sheet): each team Rules row and Balance
    row is not applicable, rather than passed or left out unseen."""
    rules = instance.rules_of(
        RuleKind.TOGETHER, RuleKind.APART, RuleKind.IN_TEAM, RuleKind.NOT_IN_TEAM
    )
    not_planned = i18n.t("checks.teams_not_planned")
    results = [
        _result(
            i18n.t("checks.rule.rule_kind", kind=r.kind.value), _row(r.row, r.employee_id),
            True, not_planned, applicable=False,
        )
        for r in rules
    ]  # fmt: skip
    results += [
        _result(
            _balance_name(r), _row(r.row, r.attribute), True, not_planned, applicable=False
        )
        for r in instance.balance_rules
    ]  # fmt: skip
    return results


def _known_people(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    by_id = instance.employee_by_id
    unknown = [e for t in plan.teams for e in t.members if e not in by_id]
    away = [e for t in plan.teams for e in t.members if e in by_id and not by_id[e].available]
    return [
        _result(
            i18n.t("checks.rule.known_employees"), _all_teams(), not unknown,
            i18n.t("checks.unknown_ids", ids=i18n.listed(unknown)) if unknown
            else i18n.t("checks.all_known"),
        ),
        _result(
            i18n.t("checks.rule.only_available"), _all_teams(), not away,
            i18n.t("checks.unavailable_ids", ids=i18n.listed(away)) if away
            else i18n.t("checks.all_available"),
        ),
    ]  # fmt: skip


def _every_team_formed(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    wanted = [t.name for t in instance.teams]
    formed = Counter(t.team for t in plan.teams)
    missing = [t for t in wanted if formed[t] == 0]
    extra = [t for t in formed if t not in set(wanted)]
    twice = [t for t, n in formed.items() if n > 1]
    labelled: tuple[tuple[list[TeamName], Callable[[str], str]], ...] = (
        (missing, lambda teams: i18n.t("checks.teams_missing", teams=teams)),
        (extra, lambda teams: i18n.t("checks.teams_not_on_sheet", teams=teams)),
        (twice, lambda teams: i18n.t("checks.teams_listed_twice", teams=teams)),
    )
    problems = [label(i18n.listed(names)) for names, label in labelled if names]
    formed_all = (
        i18n.t("checks.all_teams_formed", count=len(wanted))
        if len(wanted) != 1
        else i18n.t("checks.the_team_formed")
    )
    detail = "; ".join(problems) or formed_all
    return [_result(i18n.t("checks.rule.every_team_formed"), _all_teams(), not problems, detail)]


def _one_team_each(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    seats = Counter(e for t in plan.teams for e in t.members)
    twice = sorted(e for e, n in seats.items() if n > 1)
    results = [
        _result(
            i18n.t("checks.rule.one_team_each"), _all_teams(), not twice,
            i18n.t("checks.in_several_teams", ids=i18n.listed(twice)) if twice
            else i18n.t("checks.nobody_in_two_teams"),
        )
    ]  # fmt: skip
    if instance.settings.assign_everyone:
        left = [e.employee_id for e in instance.available_employees if e.employee_id not in seats]
        results.append(
            _result(
                i18n.t("checks.rule.assign_everyone"), _all_teams(), not left,
                i18n.t("checks.in_no_team", ids=i18n.listed(left)) if left
                else i18n.t("checks.everyone_in_a_team"),
            )
        )  # fmt: skip
    return results


def _team_shape(name: TeamName, team: Team, people: list[Employee]) -> list[CheckResult]:
    size = len(people)
    per_department = Counter(p.department for p in people)
    results = [
        _result(
            i18n.t("checks.rule.team_size"), name, team.min_size <= size <= team.max_size,
            i18n.t(
                "checks.team_size", members=i18n.counted(size, "member"),
                low=team.min_size, high=team.max_size,
            ),
        ),
        _result(
            i18n.name("min_departments"), name, len(per_department) >= team.min_departments,
            i18n.t(
                "checks.departments_present",
                departments=i18n.counted(len(per_department), "department"),
                least=team.min_departments,
            ),
        ),
    ]  # fmt: skip
    if team.max_per_department is not None:
        crowded = {d: n for d, n in per_department.items() if n > team.max_per_department}
        detail = i18n.listed(f"{d}: {n}" for d, n in sorted(crowded.items()))
        results.append(
            _result(
                i18n.name("max_per_department"), name, not crowded,
                i18n.t("checks.over_limit", limit=team.max_per_department, detail=detail)
                if crowded
                else i18n.t(
                    "checks.most_per_department", most=max(per_department.values(), default=0)
                ),
            )
        )  # fmt: skip
    for need in team.skill_needs:
        holders = need.holders(people)
        results.append(
            _result(
                i18n.t("checks.rule.team_skills"), name, holders >= need.min_count,
                i18n.t(
                    "checks.skill_holders", members=i18n.counted(holders, "member"),
                    skill=need.skill, level=need.min_level, needed=need.min_count,
                ),
            )
        )  # fmt: skip
    return results


def _rules(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    team_of: dict[EmployeeId, TeamName] = {e: t.team for t in plan.teams for e in t.members}
    results: list[CheckResult] = []
    for rule in instance.rules_of(
        RuleKind.TOGETHER, RuleKind.APART, RuleKind.IN_TEAM, RuleKind.NOT_IN_TEAM
    ):
        who = rule.employee_id
        mine = team_of.get(who)
        if rule.kind is RuleKind.IN_TEAM:
            passed = mine in rule.targets
        elif rule.kind is RuleKind.NOT_IN_TEAM:
            passed = mine not in rule.targets
        elif rule.kind is RuleKind.TOGETHER:
            # both placed, in one team: two people in no team are not together
            passed = mine is not None and all(team_of.get(o) == mine for o in rule.targets)
        else:
            passed = all(mine is None or team_of.get(o) != mine for o in rule.targets)
        named = (who, *rule.targets) if rule.kind in (RuleKind.TOGETHER, RuleKind.APART) else (who,)
        where = i18n.listed(
            i18n.t("checks.member_in_team", employee=e, team=team_of.get(e) or _no_team())
            for e in named
        )
        results.append(
            _result(
                i18n.t("checks.rule.rule_kind", kind=rule.kind.value),
                _row(rule.row, who),
                passed,
                i18n.t("checks.rule_target", target=rule.target, where=where),
            )
        )
    return results


def _measure(rule: BalanceRule) -> Measure:
    measures: dict[BalanceMode, Measure] = {
        BalanceMode.DIVERSIFY: _diversify,
        BalanceMode.CLUSTER: _cluster,
        BalanceMode.BALANCE: _balance_mean,
        BalanceMode.NO_LONE: _no_lone,
        BalanceMode.DIFFERENT: _different,
    }
    return measures[rule.mode]


def balance_penalty(instance: PlanningInput, rule: BalanceRule, members: Members) -> float:
    """The rule's penalty on the plan ``members`` (unweighted), as docs/model.md defines it."""
    return _measure(rule)(instance, rule, members)[0]


def _balance(instance: PlanningInput, rule: BalanceRule, members: Members) -> CheckResult:
    """A hard rule passes when no team breaks it; a soft one always passes, with its penalty;
    a rule no available employee matches is not applicable, whatever the plan."""
    penalty, broken = _measure(rule)(instance, rule, members)
    subject = _row(rule.row, rule.attribute)
    name = _balance_name(rule)
    nobody = _matches_nobody(instance, rule)
    if nobody is not None:
        why = i18n.t("checks.matches_nobody", why=nobody)
        return _result(name, subject, True, why, applicable=False)
    if rule.hard:
        detail = (
            i18n.t("checks.broken_in", teams="; ".join(broken))
            if broken
            else i18n.t("checks.holds_in_every_team")
        )
        return _result(name, subject, not broken, detail)
    return _result(
        name, subject, True, i18n.t(
            "checks.soft_penalty", weight=rule.weight, penalty=penalty,
            teams=i18n.counted(len(broken), "team"),
        ),
    )  # fmt: skip


def _listed(rule: BalanceRule, values: list[str], what: Callable[[str], str] | None = None) -> str:
    """Values breaking a rule, as a check shows them: listed for QUOTABLE_ATTRIBUTES,
    counted otherwise ("2 values", put into words by ``what`` when given), as the column
    may be personal (a name, a salary)."""
    if rule.attribute in QUOTABLE_ATTRIBUTES:
        return i18n.listed(values)
    counted = i18n.counted(len(values), "value")
    return counted if what is None else what(counted)


def _off_target(values: str) -> str:
    return i18n.t("checks.values_off_target", values=values)


def _shared(values: str) -> str:
    return i18n.t("checks.values_shared", values=values)


def _matches_nobody(instance: PlanningInput, rule: BalanceRule) -> str | None:
    """Why no available employee can ever count for ``rule``, or ``None`` when someone can."""
    held = set(_texts(list(instance.available_employees), rule.attribute))
    if not held:
        return i18n.t("checks.nobody_has_a_value", attribute=rule.attribute)
    if rule.mode is BalanceMode.NO_LONE and rule.value and rule.value.strip():
        wanted = rule.value.strip()
        if all(v.casefold() != wanted.casefold() for v in held):
            return i18n.t("checks.nobody_has_the_value", attribute=rule.attribute, value=wanted)
    return None


def _texts(people: list[Employee], attribute: str) -> list[str]:
    return [t for p in people if (t := p.attribute_text(attribute)) is not None]


def _diversify(
    instance: PlanningInput, rule: BalanceRule, members: Members
) -> tuple[float, list[str]]:
    pool = instance.available_employees
    shares = {v: n / len(pool) for v, n in Counter(_texts(list(pool), rule.attribute)).items()}
    penalty, broken = 0.0, []
    for team, people in members.items():
        size = len(people)
        counts = Counter(_texts(people, rule.attribute))
        off = [
            i18n.t("checks.value_off_aim", value=v, count=counts[v], aim=share * size)
            for v, share in sorted(shares.items())
            if not math.floor(share * size) <= counts[v] <= math.ceil(share * size)
        ]
        penalty += sum(abs(counts[v] - math.floor(s * size + 0.5)) for v, s in shares.items())
        if off:
            broken.append(f"{team}: {_listed(rule, off, _off_target)}")
    return penalty, broken


def _cluster(
    instance: PlanningInput, rule: BalanceRule, members: Members
) -> tuple[float, list[str]]:
    penalty, broken = 0.0, []
    for team, people in members.items():
        held = [
            {v.strip() for v in (p.attribute_text(rule.attribute) or "").split(",") if v.strip()}
            for p in people
        ]
        common = Counter(v for values in held for v in values)
        most = max(common.values(), default=0)
        penalty += len(people) - most
        if people and most < len(people):
            alone = i18n.counted(len(people) - most, "member_sharing")
            broken.append(i18n.t("checks.shares_no_value", team=team, members=alone))
    return penalty, broken


def _balance_mean(
    instance: PlanningInput, rule: BalanceRule, members: Members
) -> tuple[float, list[str]]:
    def numbers(people: list[Employee]) -> list[float]:
        out = []
        for text in _texts(people, rule.attribute):
            try:
                out.append(float(text))
            except ValueError:
                continue
        return out

    pool = numbers(list(instance.available_employees))
    if len(pool) < 2 or statistics.pstdev(pool) == 0:
        return 0.0, []
    mean, spread = statistics.fmean(pool), statistics.pstdev(pool)
    penalty, broken = 0.0, []
    for team, people in members.items():
        values = numbers(people)
        if not values:
            continue
        penalty += abs(sum(v - mean for v in values)) / spread
        team_mean = statistics.fmean(values)
        if abs(team_mean - mean) > spread / 2:
            broken.append(
                i18n.t("checks.mean_off", team=team, mean=team_mean, pool=mean, within=spread / 2)
            )
    return penalty, broken


def _no_lone(
    instance: PlanningInput, rule: BalanceRule, members: Members
) -> tuple[float, list[str]]:
    wanted = rule.value.strip().casefold() if rule.value else None
    penalty, broken = 0.0, []
    for team, people in members.items():
        counts = Counter(_texts(people, rule.attribute))
        lone = [
            v for v, n in counts.items() if n == 1 and (wanted is None or v.casefold() == wanted)
        ]
        penalty += len(lone)
        if lone:
            lone_values = _listed(rule, sorted(lone))
            broken.append(i18n.t("checks.one_member_with", team=team, values=lone_values))
    return penalty, broken


def _different(
    instance: PlanningInput, rule: BalanceRule, members: Members
) -> tuple[float, list[str]]:
    penalty, broken = 0.0, []
    for team, people in members.items():
        repeated = {v: n for v, n in Counter(_texts(people, rule.attribute)).items() if n > 1}
        penalty += sum(n - 1 for n in repeated.values())
        if repeated:
            shared = [f"{v} x{n}" for v, n in sorted(repeated.items())]
            broken.append(f"{team}: {_listed(rule, shared, _shared)}")
    return penalty, broken
