"""Wishes and the past in the team model: repeat teammates and team preferences.

Both are counted by cohort: ``pool`` puts people with the same earlier teams and the same
team wishes together, so ``members of earlier team G in team t`` and ``seats granted to a
wish of p points`` are sums of seat variables. Nothing is added when there is nothing for
them (no counted History, ``allow``, no team wish, a weight of zero).
"""

from __future__ import annotations

from functools import partial
from itertools import pairwise

from ortools.sat.python import cp_model

from crossteam.models import RepeatPolicy, Team
from crossteam.planner.earlier_teams import EarlierTeam, earlier_teams
from crossteam.planner.groups import RuleGroups
from crossteam.planner.pool import Cohort
from crossteam.planner.teams import LinearExpr, TeamModel


def add_repeat_teammates(tm: TeamModel, groups: RuleGroups) -> None:
    """Per team and earlier team G (people available now): under forbid at most one
    member of G, under avoid ``weight_repeat_teammates`` per pair of them, n(n-1)/2 for n
    members of G (each pair once per earlier team it shared, as
    ``checks.repeats.repeated_pairs`` counts)."""
    settings = tm.ctx.instance.settings
    forbid = settings.repeat_teammates is RepeatPolicy.FORBID
    for index, past in enumerate(earlier_teams(tm.ctx.instance)):
        for team in tm.teams:
            met = tm.members(team, partial(_was_in, index))
            if forbid:
                tm.ctx.model.add(met <= 1).only_enforce_if(groups(past.reason))
                continue
            most = min(len(past.members), team.max_size)
            if most >= 2:
                pairs = _pairs(tm, team, past, met, most)
                tm.ctx.add_objective("repeat_teammates", -settings.weight_repeat_teammates, pairs)


def _pairs(tm: TeamModel, team: Team, past: EarlierTeam, met: LinearExpr, most: int) -> LinearExpr:
    """n(n-1)/2 for ``met`` = n, in unary: ``seat[j]`` is true when at least j of them are
    in the team (each implies the one before), so n = sum of seats and the j-th adds j - 1
    pairs. Exact in every solution (the seats of one n are unique), and linear with
    increasing costs, which the LP reads as it is."""
    model = tm.ctx.model
    name = f"{team.name}|{past.period}|{past.team}"
    seats = [model.new_bool_var(f"met[{name}|{j}]") for j in range(1, most + 1)]
    for earlier, later in pairwise(seats):
        model.add_implication(later, earlier)
    model.add(sum(seats) == met)
    return cp_model.LinearExpr.weighted_sum(seats, list(range(most)))


def add_team_wishes(tm: TeamModel) -> None:
    """``weight_preference`` x points of each seat granted to a team wish (the cohort's
    ``wishes``: ``rank_points`` of the rank the person gave that team)."""
    weight = tm.ctx.instance.settings.weight_preference
    for team in tm.teams:
        points = sorted({p for g in tm.cohorts for t, p in g.wishes if t == team.name and p})
        for p in points:
            granted = tm.members(team, partial(_wishes, team.name, p))
            tm.ctx.add_objective("preference", weight * p, granted)


def _was_in(index: int, cohort: Cohort) -> bool:
    """Whether ``cohort``'s people were in earlier team ``index`` (a ``members`` filter)."""
    return index in cohort.earlier


def _wishes(team: str, points: int, cohort: Cohort) -> bool:
    """Whether a seat in ``team`` earns ``cohort``'s people ``points`` (a ``members``
    filter)."""
    return (team, points) in cohort.wishes
