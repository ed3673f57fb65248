"""Balance rules in the team model: each mode as a hard rule or a weighted penalty.

Definitions (shared with the checker in words only, see docs/model.md):
- diversify: a team of size s should hold round(share_v x s) members of each value v
  (share_v = the value's share of the available people); penalty sum |count - target|;
  hard: every count between floor and ceil of share_v x s.
- cluster: members share one value (a cell may list several, comma-separated); penalty
  members not holding the team's most common value.
- balance: team means of a numeric column near the pool mean; penalty |sum of (value -
  mean)| / standard deviation; hard: each team mean within half a standard deviation.
- no_lone: no team holds exactly one member with the value (any value when blank);
  penalty one per lone member.
- different: no two members share a value; penalty the members beyond the first.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable
from functools import partial

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.models import QUOTABLE_ATTRIBUTES, BalanceMode, BalanceRule, Team
from crossteam.planner.groups import RuleGroups
from crossteam.planner.pool import Cohort
from crossteam.planner.teams import LinearExpr, TeamModel

BALANCE_SCALE = 100
"""Numeric values are measured in hundredths of the pool's standard deviation."""


def balance_reason(rule: BalanceRule) -> str:
    where = (
        i18n.t("checks.balance_row", row=rule.row)
        if rule.row is not None
        else i18n.t("checks.balance")
    )
    # the value of a personal column (a name, a salary) stays on its Balance row
    if rule.value and rule.attribute in QUOTABLE_ATTRIBUTES:
        return i18n.t(
            "checks.group.balance_value",
            where=where,
            mode=rule.mode,
            attribute=rule.attribute,
            value=rule.value,
        )
    return i18n.t("checks.group.balance", where=where, mode=rule.mode, attribute=rule.attribute)


def cluster_values(text: str | None) -> set[str]:
    return {v.strip() for v in (text or "").split(",") if v.strip()}


def add_balance_rules(tm: TeamModel, groups: RuleGroups) -> None:
    """Every Balance rule of the instance, hard or soft.

    Raises:
        Stopped: the run was asked to stop (``tm.ctx.cutoff``).
        OutOfTime: ``tm.ctx.cutoff``'s deadline passed before the rules were built.
    """
    builders: dict[BalanceMode, Callable[[TeamModel, Team, BalanceRule, Penalty], None]] = {
        BalanceMode.DIVERSIFY: _diversify,
        BalanceMode.CLUSTER: _cluster,
        BalanceMode.BALANCE: _balance,
        BalanceMode.NO_LONE: _no_lone,
        BalanceMode.DIFFERENT: _different,
    }
    settings = tm.ctx.instance.settings
    for rule in tm.ctx.instance.balance_rules:
        penalty = Penalty(tm, rule, groups, settings.weight_balance)
        for team in tm.teams:
            tm.ctx.cutoff.check()  # a diversify rule costs a row per size a team may take
            builders[rule.mode](tm, team, rule, penalty)
        if rule.mode is BalanceMode.DIVERSIFY and not rule.hard:
            _diversify_supply(tm, rule, penalty, all_seated=not groups.explain)


class Penalty:
    """Where one rule's shortfalls go: a hard limit of zero, or the weighted objective."""

    def __init__(self, tm: TeamModel, rule: BalanceRule, groups: RuleGroups, scale: float):
        self.tm = tm
        self.rule = rule
        self.guard = groups(balance_reason(rule)) if rule.hard else []
        self.weight = rule.weight * scale
        self.by_value: dict[str, list[tuple[LinearExpr, LinearExpr]]] = defaultdict(list)
        """Per value of a soft diversify rule: each team's (deviation, target)."""

    @property
    def model(self) -> cp_model.CpModel:
        return self.tm.ctx.model

    def at_most(self, expr: LinearExpr, limit: int, ub: int, name: str) -> None:
        """``expr <= limit`` when hard; otherwise pay for every unit above ``limit``."""
        if self.rule.hard:
            self.model.add(expr <= limit).only_enforce_if(self.guard)
            return
        excess = self.model.new_int_var(0, ub, name)
        self.model.add(excess >= expr - limit)
        self.pay(excess)

    def pay(self, expr: LinearExpr, per_unit: float = 1.0) -> None:
        self.tm.ctx.add_objective("balance", -self.weight * per_unit, expr)


def _values(tm: TeamModel, rule: BalanceRule) -> list[str]:
    return sorted({text for g in tm.cohorts if (text := g.texts[rule.attribute]) is not None})


def _holding(tm: TeamModel, team: Team, attribute: str, value: str) -> LinearExpr:
    if attribute == "department":
        return tm.count[team.name, value]
    return tm.members(team, lambda g: g.texts[attribute] == value)


def _diversify(tm: TeamModel, team: Team, rule: BalanceRule, penalty: Penalty) -> None:
    model = tm.ctx.model
    pool = sum(g.size for g in tm.cohorts)
    sizes = range(team.min_size, team.max_size + 1)
    counts, targets, deviations = [], [], []
    for value in _values(tm, rule):
        share = sum(g.size for g in tm.cohorts if g.texts[rule.attribute] == value) / pool
        count = _holding(tm, team, rule.attribute, value)
        name = f"{team.name}|{rule.attribute}={value}"
        if rule.hard:
            low = _by_size(tm, team, [math.floor(share * s) for s in sizes], f"low[{name}]")
            high = _by_size(tm, team, [math.ceil(share * s) for s in sizes], f"high[{name}]")
            model.add(count >= low).only_enforce_if(penalty.guard)
            model.add(count <= high).only_enforce_if(penalty.guard)
            continue
        table = [math.floor(share * s + 0.5) for s in sizes]
        if not any(table):
            deviation: LinearExpr = count  # aiming at none: every member is off target
        else:
            target = _by_size(tm, team, table, f"target[{name}]")
            deviation = model.new_int_var(0, team.max_size, f"deviation[{name}]")
            _at_least_distance(model, deviation, count - target)
        counts.append(count)
        targets.append(table)
        deviations.append(deviation)
        penalty.by_value[value].append((deviation, _by_size(tm, team, table, f"aim[{name}]")))
    if not deviations:
        return
    penalty.pay(sum(deviations))
    # redundant for the LP, which could otherwise spread fractional members on target: the
    # deviations add up to at least the gap between members counted and seats aimed at
    aimed = _by_size(
        tm, team, [sum(column) for column in zip(*targets, strict=True)], f"aimed[{team.name}]"
    )
    model.add(sum(deviations) >= sum(counts) - aimed)
    model.add(sum(deviations) >= aimed - sum(counts))


def _diversify_supply(
    tm: TeamModel, rule: BalanceRule, penalty: Penalty, *, all_seated: bool
) -> None:
    """Redundant rows the LP does not find alone: a value's deviations over all teams add
    up to at least the seats aimed at it beyond the people holding it and, when everyone
    is seated (assign_everyone, unless an explanation may drop that rule), the people
    beyond the seats. On the peer task (benchmarks/peer.py) the root bound fell from 764
    to 628 against an optimum of 441, and the proof came a second sooner."""
    everyone = all_seated and tm.ctx.instance.settings.assign_everyone
    for value, parts in penalty.by_value.items():
        holding = sum(g.size for g in tm.cohorts if g.texts[rule.attribute] == value)
        total = cp_model.LinearExpr.sum([d for d, _ in parts])
        aimed = cp_model.LinearExpr.sum([a for _, a in parts])
        tm.ctx.model.add(total >= aimed - holding)
        if everyone:
            tm.ctx.model.add(total >= holding - aimed)


def _at_least_distance(
    model: cp_model.CpModel, deviation: cp_model.IntVar, expr: LinearExpr
) -> None:
    """``deviation >= |expr|`` as two linear rows, which is all a paid deviation needs (the
    objective pushes it down to ``|expr|``). The LP reads these rows directly, where it
    barely uses an abs equality: on the 1,000-person example the bound then fell below a
    2 % gap after about 30 s of search, against 46 s before its first move (docs/model.md)."""
    model.add(deviation >= expr)
    model.add(deviation >= -expr)


def _by_size(tm: TeamModel, team: Team, table: list[int], name: str) -> LinearExpr:
    """``table[size - min_size]`` for the team's size, linear in one boolean per size (which
    the LP reads far better than an element constraint); a constant when the table is flat."""
    if len(set(table)) == 1:
        return table[0]
    return cp_model.LinearExpr.weighted_sum(tm.size_is(team), table)


def _cluster(tm: TeamModel, team: Team, rule: BalanceRule, penalty: Penalty) -> None:
    model = tm.ctx.model
    values = sorted(set().union(*(cluster_values(g.texts[rule.attribute]) for g in tm.cohorts)))
    pick = {v: model.new_bool_var(f"cluster[{team.name}|{rule.attribute}={v}]") for v in values}
    if not values:
        penalty.at_most(tm.size[team.name], 0, team.max_size, f"unclustered[{team.name}]")
        return
    model.add_exactly_one(pick.values())
    # members outside the picked value: counted against the rule
    for v, picked in pick.items():
        outside = tm.members(team, partial(_outside, rule.attribute, v))
        if rule.hard:
            model.add(outside == 0).only_enforce_if([picked, *penalty.guard])
            continue
        missing = model.new_int_var(0, team.max_size, f"unclustered[{team.name}|{v}]")
        model.add(missing >= outside).only_enforce_if(picked)
        penalty.pay(missing)


def _balance(tm: TeamModel, team: Team, rule: BalanceRule, penalty: Penalty) -> None:
    numbers = {g.index: _number(g.texts[rule.attribute]) for g in tm.cohorts}
    pool = [n for g in tm.cohorts for n in [numbers[g.index]] * g.size if n is not None]
    if len(pool) < 2 or statistics.pstdev(pool) == 0:
        return
    mean, spread = statistics.fmean(pool), statistics.pstdev(pool)
    scaled = {
        i: round((n - mean) / spread * BALANCE_SCALE) for i, n in numbers.items() if n is not None
    }
    seats = [
        (var, scaled[g.index]) for g in tm.cohorts if g.index in scaled for var in tm.seats(team, g)
    ]
    total = cp_model.LinearExpr.weighted_sum([v for v, _ in seats], [w for _, w in seats])
    counted = cp_model.LinearExpr.sum([v for v, _ in seats])
    if rule.hard:
        # within half a standard deviation, less the rounding of each member's value
        slack = BALANCE_SCALE // 2 - 1
        tm.ctx.model.add(total <= slack * counted).only_enforce_if(penalty.guard)
        tm.ctx.model.add(total >= -slack * counted).only_enforce_if(penalty.guard)
        return
    # no more than max_size members, each at most the farthest value from the mean
    ub = max(abs(s) for s in scaled.values()) * team.max_size
    deviation = tm.ctx.model.new_int_var(0, ub, f"imbalance[{team.name}|{rule.attribute}]")
    _at_least_distance(tm.ctx.model, deviation, total)
    penalty.pay(deviation, 1 / BALANCE_SCALE)


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _no_lone(tm: TeamModel, team: Team, rule: BalanceRule, penalty: Penalty) -> None:
    model = tm.ctx.model
    wanted = rule.value.strip().casefold() if rule.value else None
    for value in _values(tm, rule):
        if wanted is not None and value.casefold() != wanted:
            continue
        count = _holding(tm, team, rule.attribute, value)
        name = f"{team.name}|{rule.attribute}={value}"
        many = model.new_bool_var(f"several[{name}]")
        lone = 0 if rule.hard else model.new_bool_var(f"lone[{name}]")
        # count is 0, or at least 2 (many), or exactly 1 and paid for (lone)
        model.add(count >= 2 * many + lone).only_enforce_if(penalty.guard)
        model.add(count <= team.max_size * many + lone).only_enforce_if(penalty.guard)
        if not rule.hard:
            model.add(many + lone <= 1)
            penalty.pay(lone)


def _different(tm: TeamModel, team: Team, rule: BalanceRule, penalty: Penalty) -> None:
    for value in _values(tm, rule):
        count = _holding(tm, team, rule.attribute, value)
        penalty.at_most(count, 1, team.max_size, f"repeated[{team.name}|{rule.attribute}={value}]")


def _outside(attribute: str, value: str, cohort: Cohort) -> bool:
    """Whether ``cohort``'s ``attribute`` cell lists no ``value`` (a cluster rule's filter)."""
    return value not in cluster_values(cohort.texts[attribute])
