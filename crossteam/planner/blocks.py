"""Very large companies: improve the start plan block of teams by block of teams.

The whole team model of a very large company does not fit a laptop (``large``,
``MODEL_VARIABLE_LIMIT``), but a block of a few hundred of its teams does. Each block is
planned again as a company of its own: its teams, the people the plan seats in them and a
share of the people it seats nowhere, the Rules that stay inside the block, and the gap
pairs no team outside the block bridges. A block's new teams are kept only if every team
rule still holds on the whole plan and the whole plan's objective, counted from its member
lists, goes up; otherwise the block stays as it was. Nobody moves between blocks.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from crossteam.checks.objective import team_objective_terms
from crossteam.checks.teams import check_teams
from crossteam.models import (
    RULE_TARGET,
    NetworkReport,
    Plan,
    PlanningInput,
    Preference,
    ProgrammeKind,
    SolveStatus,
    Team,
    TeamAssignment,
    pair_key,
    pairs_among,
)
from crossteam.planner.options import Progress, SolveOptions, Stage

BLOCK_VARIABLES = 60_000
"""About how many model variables one block may have (a few seconds to build)."""
MIN_BLOCK_SECONDS = 8.0
"""A block gets at least this much time (about what 60,000 variables take to build and
start searching on 2 cores), or is not tried."""


class SolvePart(Protocol):
    """``planner.solve`` of a part of a larger plan (``whole=False``): a block, or the
    rotation planned after the teams."""

    def __call__(
        self,
        instance: PlanningInput,
        report: NetworkReport,
        options: SolveOptions,
        *,
        on_progress: Callable[[Progress], None] | None = None,
        on_stage: Callable[[Stage], None] | None = None,
        stop: threading.Event | None = None,
        start: Mapping[str, list[str]] | None = None,
    ) -> Plan: ...


def improve_by_blocks(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    teams: tuple[TeamAssignment, ...],
    *,
    variables: int,
    deadline: float,
    solve: SolvePart,
    stop: threading.Event | None = None,
    on_block: Callable[[float, int], None] | None = None,
    repeatable_seconds: float | None = None,
    on_wall_cut: Callable[[], None] = lambda: None,
) -> tuple[tuple[TeamAssignment, ...], int]:
    """``teams`` improved block by block until ``deadline`` (``time.monotonic()``); also
    how many blocks were improved. ``variables`` is the whole team model's estimated size.
    ``on_block`` hears the whole plan's objective and the blocks improved after each block.

    With ``repeatable_seconds`` the blocks tried and each one's time (and work) are fixed in
    advance from it, not from the clock, so that the run repeats; the ``deadline`` is then
    a safety net, and ``on_wall_cut`` hears when it ended the blocks (or a block's search)
    before their work did."""
    current = {t.team: t.members for t in teams}
    seated = {e for members in current.values() for e in members}
    free = [e.employee_id for e in instance.available_employees if e.employee_id not in seated]
    size = block_size(instance, variables, len(free))
    blocks = [instance.teams[i : i + size] for i in range(0, len(instance.teams), size)]
    tried = len(blocks)
    if repeatable_seconds is not None:
        tried = min(len(blocks), int(repeatable_seconds // MIN_BLOCK_SECONDS))
    gap_weights = report.gap_weights()
    value = _value(instance, gap_weights, current)
    improved = 0
    for index, block in enumerate(blocks[:tried]):
        # an equal share of the time left, but enough to build and search a block: when
        # time is short, the blocks left at the end are not planned again
        left = deadline - time.monotonic()
        if stop is not None and stop.is_set():
            break
        if left < MIN_BLOCK_SECONDS:
            if repeatable_seconds is not None:
                on_wall_cut()
            break
        if repeatable_seconds is not None:
            alone = options.share(repeatable_seconds / tried / options.time_limit_seconds)
        else:
            seconds = max(MIN_BLOCK_SECONDS, left / (tried - index))
            alone = replace(options, time_limit_seconds=seconds)
        spare = free[index :: len(blocks)]
        sub, sub_report = _block_company(instance, report, current, block, spare)
        # the search starts from the block's teams as they are: it has them to beat
        here = {t.name: list(current[t.name]) for t in block}
        planned = solve(sub, sub_report, replace(alone, plan_rotation=False), stop=stop, start=here)
        stopped = stop is not None and stop.is_set()
        if repeatable_seconds is not None and not planned.repeatable and not stopped:
            on_wall_cut()
        if not planned.has_solution:
            continue
        candidate = dict(current)
        candidate.update({t.team: t.members for t in planned.teams})
        better = _value(instance, gap_weights, candidate)
        if better > value + 1e-9 and _valid(instance, candidate):
            current, value = candidate, better
            improved += 1
        if on_block is not None:
            on_block(value, improved)
    order = {e.employee_id: i for i, e in enumerate(instance.employees)}
    return (
        tuple(
            TeamAssignment(
                team=t.name, members=tuple(sorted(current[t.name], key=order.__getitem__))
            )
            for t in instance.teams
        ),
        improved,
    )


def block_size(instance: PlanningInput, variables: int, free: int) -> int:
    """Teams per block: as many as keep the block's model near ``BLOCK_VARIABLES``.

    A team costs the block about what it costs the whole model (``variables`` per team),
    but never more than one variable per person of the block (its cohorts are at most its
    people) and two per department: where wishes or History split the whole company into
    thousands of cohorts (3,318 at 50,000 people), a block of a few dozen teams has only
    its own few hundred people, and the whole model's figure would cut it to 17 teams."""
    teams = len(instance.teams)
    whole = max(1, variables // max(1, teams))
    seats = max((t.max_size for t in instance.teams), default=1)
    departments = len({e.department for e in instance.available_employees})

    def cost(size: int) -> int:
        people = size * seats + -(-free * size // max(1, teams))
        return size * min(whole, people + 2 * departments)

    size = 1
    while size < teams and cost(size + 1) <= BLOCK_VARIABLES:
        size += 1
    return size


def _plan(members: dict[str, tuple[str, ...]]) -> Plan:
    return Plan(
        status=SolveStatus.FEASIBLE,
        teams=tuple(TeamAssignment(team=t, members=m) for t, m in members.items()),
        planned_teams=True,
    )


def _value(
    instance: PlanningInput,
    gap_weights: dict[tuple[str, str], float],
    members: dict[str, tuple[str, ...]],
) -> float:
    return sum(team_objective_terms(instance, gap_weights, _plan(members)).values())


def _valid(instance: PlanningInput, members: dict[str, tuple[str, ...]]) -> bool:
    return all(result.passed for result in check_teams(instance, _plan(members)))


def _block_company(
    instance: PlanningInput,
    report: NetworkReport,
    current: dict[str, tuple[str, ...]],
    block: Sequence[Team],
    spare: list[str],
) -> tuple[PlanningInput, NetworkReport]:
    """The block as a company of its own, and the network report it is planned against."""
    names = {t.name for t in block}
    people = {e for t in block for e in current[t.name]} | set(spare)

    # a rule's targets outside the block are out of reach there: a team rule keeps its
    # targets inside (an in_team person already sits in one of them), a rotation rule goes
    rules = []
    for r in instance.rules:
        kind = RULE_TARGET[r.kind]
        if r.employee_id not in people or kind not in ("team", "employee"):
            continue
        within = names if kind == "team" else people
        targets = tuple(t for t in r.targets if t in within)
        if targets:
            rules.append(r.model_copy(update={"targets": targets}))
    sub = instance.with_changes(
        employees=tuple(e for e in instance.employees if e.employee_id in people),
        teams=tuple(block),
        rules=tuple(rules),
        preferences=_block_wishes(instance, people, names),
        interactions=(),
        periods=(),
    )
    # pairs a team outside the block bridges are worth nothing more inside it
    outside = [members for team, members in current.items() if team not in names]
    sub_report = without_pairs_held(report, instance, outside)
    return sub, sub_report


def _block_wishes(
    instance: PlanningInput, people: set[str], names: set[str]
) -> tuple[Preference, ...]:
    """The team wishes of the block's people for the block's teams: the whole company's
    (a wish for a spec names each of its hundreds of teams) made every block's start and
    model weigh 50,000 people's wishes, 15 s of a block's 8 at 50,000 people. (Should
    nobody of the block give the company's largest rank, its wishes earn fewer points in
    the block's model than in the whole objective; the block is kept only if the whole
    objective goes up, so that can only make a block gain less.)"""
    kept = []
    for p in instance.preferences:
        if p.kind is not ProgrammeKind.TEAM or p.employee_id not in people:
            continue
        targets = tuple(t for t in p.targets if t in names)
        if targets:
            kept.append(p.model_copy(update={"targets": targets}))
    return tuple(kept)


def without_pairs_held(
    report: NetworkReport, instance: PlanningInput, teams: Iterable[Iterable[str]]
) -> NetworkReport:
    """``report`` with no gap weight left on the department pairs that one of ``teams``
    (member lists) already holds: another team or a rotation earns nothing more there."""
    by_id = instance.employee_by_id
    held: set[tuple[str, str]] = set()
    for members in teams:
        held.update(pairs_among(by_id[e].department for e in members))
    return report.model_copy(
        update={
            "pairs": tuple(
                p.model_copy(update={"gap_weight": 0.0})
                if pair_key(p.department_a, p.department_b) in held
                else p
                for p in report.pairs
            )
        }
    )
