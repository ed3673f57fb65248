"""The greedy start the search is hinted with: required stints first, then one stint per
gap pair by weight (oriented by a small model of the problem without its calendar),
then stints to ranked hosts, first choices first, then stints for learning. Only a
class's own hosts are used, so hosts barred by History stay out of the hint."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from ortools.sat.python import cp_model

from crossteam.models import DepartmentName, SkillName, pair_key
from crossteam.planner.context import ModelContext
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff, solve_until
from crossteam.planner.rotation.classes import RotatorClass, TimingGroup, learning_gain
from crossteam.planner.rotation.facts import RotationFacts
from crossteam.planner.rotation.variables import RotationModel

DIRECTIONS_EFFORT = 0.25
"""Deterministic-time limit of the small model that orients the gap pairs for the hint."""


class _Tally:
    """Running totals of the greedy start, one per constraint of the model."""

    def __init__(
        self, facts: RotationFacts, classes: Sequence[RotatorClass], groups: Sequence[TimingGroup]
    ) -> None:
        self.facts = facts
        self.classes = classes
        self.groups = groups
        self.sent: dict[tuple[int, DepartmentName], int] = defaultdict(int)
        self.starts: dict[tuple[int, DepartmentName, int], int] = defaultdict(int)
        self.class_stints: dict[int, int] = defaultdict(int)
        self.group_away: dict[tuple[int, int], int] = defaultdict(int)
        self.hosted: dict[tuple[DepartmentName, int], int] = defaultdict(int)
        self.away: dict[tuple[DepartmentName, int], int] = defaultdict(int)
        self.critical_away: dict[tuple[DepartmentName, SkillName, int], int] = defaultdict(int)

    def fits(self, index: int, host: DepartmentName, start: int) -> bool:
        facts, c = self.facts, self.classes[index]
        group = self.groups[c.group]
        if self.class_stints[index] >= facts.max_stints * c.size:
            return False
        if self.sent[index, host] >= c.size:
            return False
        capacity = facts.instance.department_by_name[host].host_capacity
        for t in range(start, start + facts.stint):
            if self.group_away[c.group, t] >= group.size or self.hosted[host, t] >= capacity:
                return False
            if self.away[c.home, t] >= facts.release[c.home]:
                return False
            for skill in group.critical:
                if self.critical_away[c.home, skill, t] >= facts.holders[c.home, skill] - 1:
                    return False
        return True

    def place(self, index: int, host: DepartmentName, start: int) -> None:
        c = self.classes[index]
        self.sent[index, host] += 1
        self.starts[c.group, host, start] += 1
        self.class_stints[index] += 1
        for t in range(start, start + self.facts.stint):
            self.group_away[c.group, t] += 1
            self.hosted[host, t] += 1
            self.away[c.home, t] += 1
            for skill in self.groups[c.group].critical:
                self.critical_away[c.home, skill, t] += 1

    def try_place(self, index: int, host: DepartmentName) -> bool:
        """Place a stint where host and home have most room left; False if nowhere."""
        facts, home = self.facts, self.classes[index].home
        capacity = facts.instance.department_by_name[host].host_capacity

        def room(start: int) -> int:
            return min(
                capacity - self.hosted[host, t] + facts.release[home] - self.away[home, t]
                for t in range(start, start + facts.stint)
            )

        fitting = [start for start in facts.starts if self.fits(index, host, start)]
        if not fitting:
            return False
        self.place(index, host, max(fitting, key=room))
        return True


def _bridge_directions(
    facts: RotationFacts,
    classes: Sequence[RotatorClass],
    gap_weights: dict[tuple[str, str], float],
    tally: _Tally,
    cutoff: Cutoff = NO_CUTOFF,
) -> dict[tuple[DepartmentName, DepartmentName], DepartmentName]:
    """Which end of each gap pair should host, so that the stints bridge the most weight.

    The rotation problem without its calendar: each pair is bridged in one direction or
    not at all, a host takes at most its capacity x (periods // stint_periods) stints and
    a home sends at most its release x the same (and no more than its people may do).
    With one-period stints the calendar adds nothing (the stints can then be spread over
    the periods like the colours of a bipartite edge colouring), so this small model is
    the heart of the problem; taking pairs in order instead strands later pairs.
    """
    sequential = facts.sequential
    department_by_name = facts.instance.department_by_name
    can_reach: set[tuple[DepartmentName, DepartmentName]] = {
        (c.home, host) for c in classes for host in c.hosts
    }
    rotatable: dict[DepartmentName, int] = defaultdict(int)
    for c in classes:
        rotatable[c.home] += c.size
    reached = {(classes[i].home, host) for (i, host), n in tally.sent.items() if n}
    model = cp_model.CpModel()
    chosen: dict[tuple[DepartmentName, DepartmentName], cp_model.IntVar] = {}
    weight_of: dict[tuple[DepartmentName, DepartmentName], int] = {}
    for (a, b), weight in gap_weights.items():
        if (a, b) in reached or (b, a) in reached:
            continue
        ways = [(home, host) for home, host in ((a, b), (b, a)) if (home, host) in can_reach]
        for way in ways:
            chosen[way] = model.new_bool_var(f"{way[0]}>{way[1]}")
            weight_of[way] = round(weight * 1000)
        model.add_at_most_one(chosen[way] for way in ways)
    into: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    out_of: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    for (home, host), var in chosen.items():
        into[host].append(var)
        out_of[home].append(var)
    for host, arriving in into.items():
        used = sum(n for (_, h, _), n in tally.starts.items() if h == host)
        model.add(sum(arriving) <= department_by_name[host].host_capacity * sequential - used)
    for home, leaving in out_of.items():
        used = sum(n for i, n in tally.class_stints.items() if classes[i].home == home)
        most = min(facts.release[home] * sequential, rotatable[home] * facts.max_stints)
        model.add(sum(leaving) <= most - used)
    model.maximize(sum(weight_of[way] * var for way, var in chosen.items()))
    solver = cp_model.CpSolver()
    solver.parameters.catch_sigint_signal = False  # the CLI handles Ctrl-C (see search.new_solver)
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = DIRECTIONS_EFFORT
    if solve_until(solver, model, cutoff) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {}
    return {pair_key(*way): way[1] for way, var in chosen.items() if solver.value(var)}


def _greedy(
    facts: RotationFacts,
    classes: Sequence[RotatorClass],
    groups: Sequence[TimingGroup],
    gap_weights: dict[tuple[str, str], float],
    cutoff: Cutoff = NO_CUTOFF,
) -> _Tally:
    """Required stints first, then one stint per gap pair by weight, then wished stints,
    then learning stints.

    Raises:
        Stopped: the run was asked to stop.
    """
    tally = _Tally(facts, classes, groups)
    for index, c in enumerate(classes):
        for host in sorted(c.required_hosts & set(c.hosts)):
            tally.try_place(index, host)
    by_home: dict[DepartmentName, list[int]] = defaultdict(list)
    for index, c in enumerate(classes):
        by_home[c.home].append(index)
    chosen = _bridge_directions(facts, classes, gap_weights, tally, cutoff)
    # the pairs the orientation chose first: the others only use what room is left
    for (a, b), _ in sorted(gap_weights.items(), key=lambda kv: (kv[0] not in chosen, -kv[1])):
        cutoff.raise_if_stopped()
        if any(tally.sent[i, b] for i in by_home[a]) or any(tally.sent[i, a] for i in by_home[b]):
            continue
        options = [(i, b) for i in by_home[a] if b in classes[i].hosts] + [
            (i, a) for i in by_home[b] if a in classes[i].hosts
        ]
        # the direction the orientation chose first, then the most to learn
        options.sort(
            key=lambda option: (
                option[1] != chosen.get((a, b)),
                -learning_gain(facts, classes[option[0]], option[1]),
            )
        )
        for index, host in options:
            if tally.try_place(index, host):
                break
    _place_wishes(tally, cutoff)
    learning_options = [
        (i, host)
        for i, c in enumerate(classes)
        for host in c.hosts
        if learning_gain(facts, c, host)
    ]
    # among equal gains, people with fewer stints in History first
    learning_options.sort(
        key=lambda option: (
            -learning_gain(facts, classes[option[0]], option[1]),
            classes[option[0]].past_stints,
        )
    )
    for index, host in learning_options:
        cutoff.raise_if_stopped()
        while tally.try_place(index, host):
            pass
    return tally


def _place_wishes(tally: _Tally, cutoff: Cutoff) -> None:
    """Stints to ranked hosts, all first choices before any second choice; among equal
    ranks, people with fewer stints in History first."""
    wished = [
        (rank, c.past_stints, index, host)
        for index, c in enumerate(tally.classes)
        for host, rank in c.ranks
        if host in c.hosts
    ]
    for _, _, index, host in sorted(wished):
        cutoff.raise_if_stopped()
        while tally.try_place(index, host):
            pass


def hint_rotation(
    rotation: RotationModel,
    ctx: ModelContext,
    held: Collection[tuple[DepartmentName, DepartmentName]] = (),
    cutoff: Cutoff = NO_CUTOFF,
) -> None:
    """Hint every rotation variable with the greedy plan (CP-SAT prefers complete hints),
    aimed at the gap pairs no team holds: ``held`` are the pairs the teams bridge (keys as
    ``pair_key`` makes them), whose weight a stint would not earn again."""
    open_pairs = {k: w for k, w in ctx.gap_weights.items() if k not in held}
    tally = _greedy(rotation.facts, rotation.classes, rotation.groups, open_pairs, cutoff)
    rotation.hint(ctx.model, tally.sent, tally.starts)


def hint_counts(
    rotation: RotationModel,
    model: cp_model.CpModel,
    sent: Mapping[tuple[int, DepartmentName], int],
    starts: Mapping[tuple[int, DepartmentName, int], int],
) -> None:
    """Hint every rotation variable from stint counts (``RotationModel.hint``)."""
    rotation.hint(model, sent, starts)
