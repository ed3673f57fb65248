"""Every team rule re-verified from the plan's member lists alone.

Nothing here comes from the planner: the rules are read again from the instance and
counted on the plan, so a modelling mistake shows up as a failed check.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable

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
from crossteam.models.wording import counted

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


REPEAT_RULE = "repeat teammates"


def _repeat_teammates(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    """Earlier teammates (team History that counts) in one team again: under forbid one
    result per team, failed naming the pairs; otherwise one informative result. None
    without team History, so that plans without it are checked as before."""
    if not any(h.kind is ProgrammeKind.TEAM for h in instance.counted_history):
        return []
    policy = instance.settings.repeat_teammates
    pairs = repeated_pairs(instance, plan)
    if policy is not RepeatPolicy.FORBID:
        detail = (
            f"{counted(len(pairs), 'pair')} of earlier teammates in one team again "
            f"(repeat_teammates = {policy.value})"
        )
        return [_result(REPEAT_RULE, "all teams", True, detail)]
    results = []
    for t in plan.teams:
        met = [
            f"{p.employee_a} and {p.employee_b} ({', '.join(f'{n} in {w}' for w, n in p.earlier)})"
            for p in pairs
            if p.team == t.team
        ]
        detail = "met before: " + "; ".join(met) if met else "no earlier teammates together"
        results.append(_result(f"{REPEAT_RULE} (forbid)", t.team, not met, detail))
    return results


def _result(
    rule: str, subject: str, passed: bool, detail: str, *, applicable: bool = True
) -> CheckResult:
    return CheckResult(
        rule=rule, subject=subject, passed=passed, detail=detail, applicable=applicable
    )


NOT_PLANNED = "not applicable: teams not planned"


def _not_planned(instance: PlanningInput) -> list[CheckResult]:
    """Teams not planned (``--no-teams``, no Teams sheet): each team Rules row and Balance
    row is not applicable, rather than passed or left out unseen."""
    rules = instance.rules_of(
        RuleKind.TOGETHER, RuleKind.APART, RuleKind.IN_TEAM, RuleKind.NOT_IN_TEAM
    )
    results = [
        _result(
            f"rule {r.kind.value}", f"row {r.row}" if r.row is not None else r.employee_id,
            True, NOT_PLANNED, applicable=False,
        )
        for r in rules
    ]  # fmt: skip
    results += [
        _result(
            f"balance {r.mode.value} on {r.attribute}" + (" (hard)" if r.hard else ""),
            f"row {r.row}" if r.row is not None else r.attribute,
            True, NOT_PLANNED, applicable=False,
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
            "known employees", "all teams", not unknown,
            f"unknown: {', '.join(unknown)}" if unknown else "all on the Employees sheet",
        ),
        _result(
            "only available people", "all teams", not away,
            f"not available: {', '.join(away)}" if away else "every member is available",
        ),
    ]  # fmt: skip


def _every_team_formed(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    wanted = [t.name for t in instance.teams]
    formed = Counter(t.team for t in plan.teams)
    missing = [t for t in wanted if formed[t] == 0]
    extra = [t for t in formed if t not in set(wanted)]
    twice = [t for t, n in formed.items() if n > 1]
    labelled = (("missing", missing), ("not on the Teams sheet", extra), ("listed twice", twice))
    problems = [f"{label}: {', '.join(names)}" for label, names in labelled if names]
    formed_all = f"all {len(wanted)} teams formed" if len(wanted) != 1 else "the team formed"
    detail = "; ".join(problems) or formed_all
    return [_result("every team formed", "all teams", not problems, detail)]


def _one_team_each(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    seats = Counter(e for t in plan.teams for e in t.members)
    twice = sorted(e for e, n in seats.items() if n > 1)
    results = [
        _result(
            "at most one team per person", "all teams", not twice,
            f"in several teams: {', '.join(twice)}" if twice else "nobody is in two teams",
        )
    ]  # fmt: skip
    if instance.settings.assign_everyone:
        left = [e.employee_id for e in instance.available_employees if e.employee_id not in seats]
        results.append(
            _result(
                "assign_everyone", "all teams", not left,
                f"in no team: {', '.join(left)}" if left else "every available person is in a team",
            )
        )  # fmt: skip
    return results


def _team_shape(name: TeamName, team: Team, people: list[Employee]) -> list[CheckResult]:
    size = len(people)
    per_department = Counter(p.department for p in people)
    results = [
        _result(
            "team size", name, team.min_size <= size <= team.max_size,
            f"{counted(size, 'member')} (allowed {team.min_size}-{team.max_size})",
        ),
        _result(
            "min_departments", name, len(per_department) >= team.min_departments,
            f"{counted(len(per_department), 'department')} (at least {team.min_departments})",
        ),
    ]  # fmt: skip
    if team.max_per_department is not None:
        crowded = {d: n for d, n in per_department.items() if n > team.max_per_department}
        detail = ", ".join(f"{d}: {n}" for d, n in sorted(crowded.items()))
        results.append(
            _result(
                "max_per_department", name, not crowded,
                f"over {team.max_per_department}: {detail}" if crowded
                else f"at most {max(per_department.values(), default=0)} per department",
            )
        )  # fmt: skip
    for need in team.skill_needs:
        holders = need.holders(people)
        results.append(
            _result(
                "team skills", name, holders >= need.min_count,
                f"{counted(holders, 'member')} with {need.skill} at level {need.min_level} or more "
                f"(needs {need.min_count})",
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
        where = ", ".join(f"{e} in {team_of.get(e) or 'no team'}" for e in named)
        subject = f"row {rule.row}" if rule.row is not None else who
        results.append(
            _result(f"rule {rule.kind.value}", subject, passed, f"target {rule.target}: {where}")
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
    subject = f"row {rule.row}" if rule.row is not None else rule.attribute
    name = f"balance {rule.mode.value} on {rule.attribute}" + (" (hard)" if rule.hard else "")
    nobody = _matches_nobody(instance, rule)
    if nobody is not None:
        return _result(
            name, subject, True, f"not applicable: matches nobody ({nobody})", applicable=False
        )
    if rule.hard:
        detail = f"broken in {'; '.join(broken)}" if broken else "holds in every team"
        return _result(name, subject, not broken, detail)
    return _result(
        name, subject, True, f"soft, weight {rule.weight:g}: penalty {penalty:.2f} "
        f"({counted(len(broken), 'team')} off target)",
    )  # fmt: skip


def _listed(rule: BalanceRule, values: list[str], what: str) -> str:
    """Values breaking a rule, as a check shows them: listed for QUOTABLE_ATTRIBUTES,
    counted otherwise ("2 values" and ``what``), as the column may be personal (a name, a
    salary)."""
    if rule.attribute in QUOTABLE_ATTRIBUTES:
        return ", ".join(values)
    return f"{counted(len(values), 'value')}{what}"


def _matches_nobody(instance: PlanningInput, rule: BalanceRule) -> str | None:
    """Why no available employee can ever count for ``rule``, or ``None`` when someone can."""
    held = set(_texts(list(instance.available_employees), rule.attribute))
    if not held:
        return f"no available employee has a value in {rule.attribute}"
    if rule.mode is BalanceMode.NO_LONE and rule.value and rule.value.strip():
        wanted = rule.value.strip()
        if all(v.casefold() != wanted.casefold() for v in held):
            return f"no available employee has {rule.attribute} = {wanted!r}"
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
            f"{v} {counts[v]} (aim {share * size:.1f})"
            for v, share in sorted(shares.items())
            if not math.floor(share * size) <= counts[v] <= math.ceil(share * size)
        ]
        penalty += sum(abs(counts[v] - math.floor(s * size + 0.5)) for v, s in shares.items())
        if off:
            broken.append(f"{team}: {_listed(rule, off, ' off target')}")
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
            alone = len(people) - most
            share = "shares" if alone == 1 else "share"
            broken.append(f"{team}: {counted(alone, 'member')} {share} no value with the rest")
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
            broken.append(f"{team}: mean {team_mean:.2f} vs {mean:.2f} (within {spread / 2:.2f})")
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
            broken.append(f"{team}: one member with {_listed(rule, sorted(lone), '')}")
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
            broken.append(f"{team}: {_listed(rule, shared, ' shared')}")
    return penalty, broken
