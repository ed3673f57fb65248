"""What the team model reads from the past and from wishes: earlier teams and team wishes.

An *earlier team* is a team of the History that counts (``PlanningInput.counted_history``)
with at least two members available now: only they can meet again. Under
``repeat_teammates`` forbid at most one of them joins each team; under avoid each pair of
them in one team costs ``weight_repeat_teammates`` (docs/model.md). A *team wish* is a
person's ranked team (Preferences kind team), worth ``rank_points`` when granted.

Both are empty when there is nothing for them (no History, allow, a weight of zero), so
the pool is then cut exactly as without them and plans stay the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from crossteam import i18n
from crossteam.models import (
    EmployeeId,
    PeriodLabel,
    PlanningInput,
    ProgrammeKind,
    RepeatPolicy,
    TeamName,
    largest_rank,
    past_teams,
    rank_points,
    ranked,
)


@dataclass(frozen=True)
class EarlierTeam:
    """A team of the History, with its members available now (two or more)."""

    period: PeriodLabel
    team: TeamName
    members: tuple[EmployeeId, ...]

    @property
    def reason(self) -> str:
        """The forbid rule on this team in plain words, as explanations name it."""
        return i18n.t(
            "checks.group.earlier_team",
            team=self.team,
            period=self.period,
            members=i18n.listed(self.members),
        )


def earlier_teams(instance: PlanningInput) -> tuple[EarlierTeam, ...]:
    """The earlier teams the plan must keep apart (forbid) or pays for meeting again
    (avoid, with a weight above zero), in History's period order, then by name; none
    under allow."""
    settings = instance.settings
    policy = settings.repeat_teammates
    if policy is RepeatPolicy.ALLOW or (
        policy is RepeatPolicy.AVOID and not settings.weight_repeat_teammates
    ):
        return ()
    available = {e.employee_id for e in instance.available_employees}
    order = {label: i for i, label in enumerate(instance.history_periods)}
    found = []
    for (period, team), members in past_teams(instance.counted_history).items():
        here = tuple(e for e in members if e in available)
        if len(here) >= 2:
            found.append(EarlierTeam(period, team, here))
    return tuple(sorted(found, key=lambda t: (order[t.period], t.team)))


def earlier_of(teams: tuple[EarlierTeam, ...]) -> dict[EmployeeId, tuple[int, ...]]:
    """Each person's earlier teams, as indices into ``teams``."""
    out: dict[EmployeeId, list[int]] = defaultdict(list)
    for index, team in enumerate(teams):
        for e in team.members:
            out[e].append(index)
    return {e: tuple(indices) for e, indices in out.items()}


def team_wish_points(instance: PlanningInput) -> dict[EmployeeId, dict[TeamName, int]]:
    """Each person's team wishes as the points a seat in each ranked team earns
    (``rank_points`` against the largest team rank anyone gave); none when
    ``weight_preference`` is zero or nobody ranked a team."""
    if not instance.settings.weight_preference:
        return {}
    most = largest_rank(instance.preferences, ProgrammeKind.TEAM)
    return {
        e: {team: rank_points(rank, most) for team, rank in wishes.items()}
        for e, wishes in ranked(instance.preferences, ProgrammeKind.TEAM).items()
    }


def kept_apart(instance: PlanningInput) -> dict[EmployeeId, frozenset[int]]:
    """Each person's earlier teams (indices into ``earlier_teams``), which the greedy
    start and the local search keep apart: under forbid, and under avoid as a heuristic
    (the solver weighs the cost); empty under allow."""
    return {e: frozenset(i) for e, i in earlier_of(earlier_teams(instance)).items()}


def clashes(
    apart: dict[EmployeeId, frozenset[int]], person: EmployeeId, members: Iterable[EmployeeId]
) -> bool:
    """Whether ``person`` shares an earlier team (``kept_apart``) with one of
    ``members``."""
    mine = apart.get(person)
    if not mine:
        return False
    return any(mine & apart.get(m, frozenset()) for m in members)
