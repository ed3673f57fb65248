"""How many silent department pairs a plan can bridge at most: the capacity ceiling.

Real organisations have many small departments, and the silent pairs sit on them. A
department's available people are its capacity: each can join at most (team size - 1)
other departments through a team; through rotation, a department sends at most its
release (headcount above ``min_on_site``) per period and hosts at most its
``host_capacity`` per period. Every pair bridged uses one unit at each of its two
departments, so the pairs a plan bridges form a b-matching of the department graph
within these capacities. The best such b-matching, solved exactly as a small integer
program over the department pairs, bounds the bridging term of every plan: it is the
bound the solver's LP cannot see, and what a planner wants to know ("at most 147 of 220
can be bridged by these teams").

The b-matching per pair chooses how it is bridged: by a team (one unit of team capacity
at both ends), or by a rotation from one end to the other (one stint sent, one hosted).
Two more rows tighten it: a department present in ``m`` teams has at most
``m x (largest team - 1)`` team partners, and all departments' presences together fill at
most the seats of all teams (each team holds at most as many departments as members).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from crossteam.models import DepartmentName, DepartmentPairKey, PlanningInput
from crossteam.models.limits import OBJECTIVE_SCALE
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff, solve_until
from crossteam.planner.rotation import RotationReach, rotation_reach

EFFORT = 2.0
"""Deterministic-time limit of the b-matching solve. It is proven optimal in a few
milliseconds on 40 departments; a larger one stopped early still gives a valid bound
(CP-SAT's own bound on it), and so does one stopped by a cutoff."""


@dataclass(frozen=True)
class Capacity:
    """What each department can spend on bridging pairs, per way of bridging."""

    team_partners: dict[DepartmentName, int] = field(default_factory=dict)
    """Most departments it can share a team with: over the teams it can be in (at most
    one per available person), each team's ``max_size - 1``."""
    team_presences: dict[DepartmentName, int] = field(default_factory=dict)
    """Most teams it can be present in: its available people, at most the teams."""
    largest_team: int = 0
    seats: int = 0
    """Most department presences all teams hold together: per team, its ``max_size``
    (at most the number of departments with someone available)."""
    rotation: RotationReach | None = None


def capacity(instance: PlanningInput, *, teams: bool, rotation: bool) -> Capacity:
    """Each department's capacity to bridge, for the parts planned."""
    partners: dict[DepartmentName, int] = {}
    presences: dict[DepartmentName, int] = {}
    largest = seats = 0
    if teams and instance.teams:
        available: dict[DepartmentName, int] = {}
        for e in instance.available_employees:
            available[e.department] = available.get(e.department, 0) + 1
        sizes = sorted((t.max_size for t in instance.teams), reverse=True)
        largest = sizes[0]
        seats = sum(min(s, len(available)) for s in sizes)
        for department, people in available.items():
            presences[department] = min(people, len(sizes))
            partners[department] = sum(s - 1 for s in sizes[: presences[department]])
    reach = rotation_reach(instance) if rotation and instance.periods else None
    return Capacity(partners, presences, largest, seats, reach)


@dataclass(frozen=True)
class Ceiling:
    """The most a plan can bridge, within the departments' capacities."""

    scaled: int
    """Most the bridging term can add, in the model's scaled objective units (each pair's
    coefficient rounded as ``ModelContext.add_objective`` rounds it)."""
    proven: bool
    """The b-matching was solved to optimality (else ``scaled`` is its solver's bound)."""

    @property
    def value(self) -> float:
        """The same in the user's units."""
        return self.scaled / OBJECTIVE_SCALE


def bridging_ceiling(
    instance: PlanningInput,
    gap_weights: Mapping[DepartmentPairKey, float],
    *,
    teams: bool,
    rotation: bool,
    cutoff: Cutoff = NO_CUTOFF,
) -> Ceiling:
    """Most the bridging term (``weight_bridging`` x gap weight per pair bridged) can add."""
    weight = instance.settings.weight_bridging
    coefficients = {
        pair: c for pair, w in gap_weights.items() if (c := round(weight * w * OBJECTIVE_SCALE))
    }
    return _b_matching(capacity(instance, teams=teams, rotation=rotation), coefficients, cutoff)


def pairs_ceiling(
    instance: PlanningInput,
    pairs: list[DepartmentPairKey],
    *,
    teams: bool,
    rotation: bool,
    cutoff: Cutoff = NO_CUTOFF,
) -> int:
    """Most of ``pairs`` (for example the silent ones) that any plan can bridge."""
    cap = capacity(instance, teams=teams, rotation=rotation)
    found = _b_matching(cap, dict.fromkeys(pairs, 1), cutoff)
    return found.scaled


def _b_matching(
    cap: Capacity, coefficients: Mapping[DepartmentPairKey, int], cutoff: Cutoff = NO_CUTOFF
) -> Ceiling:
    """The heaviest set of pairs, each bridged one way, within the capacities (the
    solver's bound on it when the ``cutoff`` ends the solve early)."""
    model = cp_model.CpModel()
    ways: dict[DepartmentPairKey, list[cp_model.IntVar]] = {}
    team_of: dict[DepartmentName, list[cp_model.IntVar]] = {}
    sent: dict[DepartmentName, list[cp_model.IntVar]] = {}
    hosted: dict[DepartmentName, list[cp_model.IntVar]] = {}
    reach = cap.rotation
    for pair in coefficients:
        a, b = pair
        options: list[cp_model.IntVar] = []
        if cap.team_partners.get(a) and cap.team_partners.get(b):
            together = model.new_bool_var(f"team[{a}|{b}]")
            team_of.setdefault(a, []).append(together)
            team_of.setdefault(b, []).append(together)
            options.append(together)
        for home, host in ((a, b), (b, a)):
            if reach is not None and (home, host) in reach.ways:
                visit = model.new_bool_var(f"rotation[{home}>{host}]")
                sent.setdefault(home, []).append(visit)
                hosted.setdefault(host, []).append(visit)
                options.append(visit)
        if options:
            model.add(sum(options) <= 1)
            ways[pair] = options
    if not ways:
        return Ceiling(0, True)
    presences = []
    for department, literals in team_of.items():
        present = model.new_int_var(0, cap.team_presences[department], f"teams[{department}]")
        presences.append(present)
        model.add(sum(literals) <= cap.team_partners[department])
        model.add(sum(literals) <= (cap.largest_team - 1) * present)
    if presences:
        model.add(sum(presences) <= cap.seats)
    if reach is not None:
        for home, literals in sent.items():
            model.add(sum(literals) <= reach.send[home])
        for host, literals in hosted.items():
            model.add(sum(literals) <= reach.host[host])
    model.maximize(sum(coefficients[pair] * sum(options) for pair, options in ways.items()))
    solver = cp_model.CpSolver()
    solver.parameters.catch_sigint_signal = False  # the CLI handles Ctrl-C (search.new_solver)
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = EFFORT
    status = solve_until(solver, model, cutoff)
    if status == cp_model.OPTIMAL:
        return Ceiling(round(solver.objective_value), True)
    # every coefficient is a whole number: the objective is too, so the bound rounds down
    bound = solver.best_objective_bound
    if not math.isfinite(bound):
        return Ceiling(sum(coefficients[p] for p in ways), False)
    return Ceiling(math.floor(bound + 1e-6), False)
