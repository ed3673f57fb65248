"""People's wishes and the past: the Preferences and History sheets.

A *preference* is a ranked wish of one person for a rotation host or a team (rank 1 =
first choice). A *history entry* says what one person did in one earlier period: a team
(rows with the same period and team were teammates) or a rotation stint in a host.

What counts is defined here once, for the planner, the checker and the writers alike:
``rank_points`` (the rank-to-score mapping of the objective) and ``counted_history`` (the
entries within ``history_periods``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crossteam.models.limits import MAX_COUNT

EmployeeId = str
PeriodLabel = str


class ProgrammeKind(StrEnum):
    """What a wish or a history row is about: a rotation host or a team."""

    ROTATION = "rotation"
    TEAM = "team"


class _Frozen(BaseModel):
    model_config = ConfigDict(
        frozen=True, use_attribute_docstrings=True, extra="forbid", allow_inf_nan=False
    )


class Preference(_Frozen):
    """A Preferences row: ``employee_id`` ranks ``target`` ``rank`` among their wishes of
    ``kind`` (1 = first choice)."""

    employee_id: EmployeeId = Field(min_length=1)
    kind: ProgrammeKind
    target: str = Field(min_length=1)
    """As written: a department, team or spec"""
    targets: tuple[str, ...] = ()
    """Resolved: the department for rotation; the concrete team names for team (several when a spec
    with count > 1 is named)"""
    rank: int = Field(ge=1, le=MAX_COUNT)
    row: int | None = None


class HistoryEntry(_Frozen):
    """A History row: in ``period``, ``employee_id`` was in team ``target`` (``kind`` team)
    or rotated to the host department ``target`` (``kind`` rotation). The target need not
    exist any more (teams are re-formed, departments renamed)."""

    employee_id: EmployeeId = Field(min_length=1)
    period: PeriodLabel = Field(min_length=1)
    kind: ProgrammeKind
    target: str = Field(min_length=1)
    row: int | None = None


def rank_points(rank: int, most: int) -> int:
    """The points a wish of ``rank`` earns when it is granted: ``most + 1 - rank``, where
    ``most`` is the largest rank anyone gave for that kind; so a first choice earns
    ``most`` points, the last ranked choice 1, and anything unranked 0. The objective adds
    ``weight_preference`` per point (docs/workbook.md)."""
    return max(0, most + 1 - rank)


def largest_rank(preferences: Iterable[Preference], kind: ProgrammeKind) -> int:
    """The largest rank given for ``kind`` (0 when nobody ranked anything of it)."""
    return max((p.rank for p in preferences if p.kind is kind), default=0)


def ranked(
    preferences: Iterable[Preference], kind: ProgrammeKind
) -> dict[EmployeeId, dict[str, int]]:
    """Each person's wishes of ``kind``: resolved target -> its best (lowest) rank."""
    out: dict[EmployeeId, dict[str, int]] = defaultdict(dict)
    for p in preferences:
        if p.kind is not kind:
            continue
        for target in p.targets or (p.target,):
            known = out[p.employee_id].get(target)
            out[p.employee_id][target] = p.rank if known is None else min(known, p.rank)
    return dict(out)


def counted_history(
    history: Sequence[HistoryEntry],
    periods: Sequence[PeriodLabel],
    last: int | None,
) -> tuple[HistoryEntry, ...]:
    """The entries that count: of each kind, those in the ``last`` periods (in the order
    of ``periods``) in which that kind has entries; all when ``last`` is None."""
    if last is None:
        return tuple(history)
    order = {label: i for i, label in enumerate(periods)}
    kept: set[tuple[ProgrammeKind, PeriodLabel]] = set()
    for kind in ProgrammeKind:
        used = sorted({h.period for h in history if h.kind is kind}, key=lambda p: order[p])
        kept.update((kind, p) for p in used[len(used) - last :] if last > 0)
    return tuple(h for h in history if (h.kind, h.period) in kept)


def past_teams(
    history: Iterable[HistoryEntry],
) -> dict[tuple[PeriodLabel, str], tuple[EmployeeId, ...]]:
    """The earlier teams: (period, team name) -> its members, in row order (once each)."""
    out: dict[tuple[PeriodLabel, str], list[EmployeeId]] = defaultdict(list)
    for h in history:
        if h.kind is ProgrammeKind.TEAM and h.employee_id not in out[h.period, h.target]:
            out[h.period, h.target].append(h.employee_id)
    return {key: tuple(members) for key, members in out.items()}


def visited_hosts(history: Iterable[HistoryEntry]) -> dict[EmployeeId, frozenset[str]]:
    """The host departments each person rotated to in ``history``."""
    out: dict[EmployeeId, set[str]] = defaultdict(set)
    for h in history:
        if h.kind is ProgrammeKind.ROTATION:
            out[h.employee_id].add(h.target)
    return {e: frozenset(hosts) for e, hosts in out.items()}
