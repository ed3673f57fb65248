"""Who takes which counted stint: the model counts stints per class and timing group,
and these functions give them to people."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from crossteam.models import DepartmentName, EmployeeId
from crossteam.planner.rotation.classes import RotatorClass
from crossteam.planner.rotation.facts import RotationFacts

Stint = tuple[int, DepartmentName, int]
"""A counted stint: (timing group index, host, start position)."""

GivenStint = tuple[EmployeeId, DepartmentName, int]
"""A stint given to a person: (employee, host, start position)."""


@dataclass(frozen=True)
class StintStay:
    """Previous rotators of one class who may keep their stint to ``host`` starting at
    ``start`` (a re-plan, see ``stability``): ``var`` of ``members`` keep it."""

    class_index: int
    host: DepartmentName
    start: int
    members: tuple[EmployeeId, ...]
    var: cp_model.IntVar


def share_out(
    facts: RotationFacts,
    classes: Sequence[RotatorClass],
    stints: list[Stint],
    demand: dict[tuple[int, DepartmentName], int],
    kept: Sequence[tuple[StintStay, int]] = (),
) -> list[GivenStint]:
    """Give each group's stints to its members, preferring those with most to learn.

    A re-plan's ``kept`` stints (each stay and how many of its members keep theirs) go
    first to their previous rotators, at their previous start. (With several stints per
    person, ``stability`` makes each previous rotator a class of their own, whose stints
    are theirs anyway.)

    With one stint per person, each class's count per host goes to its unused members
    with the most host skills they lack. With several, the class is its whole group
    (one-period stints) or a single person, and a balanced edge colouring of the
    group's (host, period) stints gives each member at most one stint per period, per
    host, and at most ``max_rotations_per_employee`` in all.
    """
    starts: dict[tuple[int, DepartmentName], list[int]] = defaultdict(list)
    for group, host, start in stints:
        starts[group, host].append(start)
    out: list[GivenStint] = []
    given: dict[int, set[EmployeeId]] = defaultdict(set)
    if facts.max_stints == 1:
        demand = dict(demand)
        out += _give_kept(classes, kept, demand, starts, given)
    for index, c in enumerate(classes):
        wanted = [(h, demand[index, h]) for h in c.hosts if demand[index, h]]
        if facts.max_stints == 1:
            out += _one_stint_each(facts, c, wanted, starts, set(c.members) - given[index])
        else:
            out += _several_stints_each(facts, c, wanted, starts)
    return out


def _give_kept(
    classes: Sequence[RotatorClass],
    kept: Sequence[tuple[StintStay, int]],
    demand: dict[tuple[int, DepartmentName], int],
    starts: dict[tuple[int, DepartmentName], list[int]],
    given: dict[int, set[EmployeeId]],
) -> list[GivenStint]:
    """A re-plan's kept stints, each to its previous rotator and start; what they take
    leaves ``demand`` and ``starts``, and who takes them joins ``given``."""
    out: list[GivenStint] = []
    for stay, count in kept:
        group = classes[stay.class_index].group
        for member in stay.members[:count]:
            out.append((member, stay.host, stay.start))
            given[stay.class_index].add(member)
            demand[stay.class_index, stay.host] -= 1
            starts[group, stay.host].remove(stay.start)
    return out


def _gain(facts: RotationFacts, member: EmployeeId, host: DepartmentName) -> int:
    """Skills common in the host that ``member`` lacks."""
    return len(facts.common_skills[host] - facts.instance.employee_by_id[member].skills.keys())


def _one_stint_each(
    facts: RotationFacts,
    c: RotatorClass,
    wanted: list[tuple[DepartmentName, int]],
    starts: dict[tuple[int, DepartmentName], list[int]],
    free: set[EmployeeId],
) -> list[GivenStint]:
    """Hosts with most to learn first, each taking its best-suited ``free`` members."""
    out: list[GivenStint] = []
    for host, count in sorted(wanted, key=lambda w: -len(facts.common_skills[w[0]])):
        chosen = sorted(free, key=lambda m: (-_gain(facts, m, host), c.members.index(m)))
        for member in chosen[:count]:
            free.discard(member)
            out.append((member, host, starts[c.group, host].pop()))
    return out


def _several_stints_each(
    facts: RotationFacts,
    c: RotatorClass,
    wanted: list[tuple[DepartmentName, int]],
    starts: dict[tuple[int, DepartmentName], list[int]],
) -> list[GivenStint]:
    """The class's stints coloured so that each colour is one person's, then each colour
    matched greedily with the member who learns most from it."""
    edges = [(h, start) for h, _ in wanted for start in starts[c.group, h]]
    colours = balanced_colouring(edges, c.size, facts.max_stints)
    hosts_of: dict[int, list[DepartmentName]] = defaultdict(list)
    for (host, _), x in zip(edges, colours, strict=True):
        hosts_of[x].append(host)
    matches = sorted(
        (
            (-sum(_gain(facts, m, h) for h in hosts_of[x]), x, i)
            for x in hosts_of
            for i, m in enumerate(c.members)
        )
    )
    person: dict[int, EmployeeId] = {}
    for _, x, i in matches:
        if x not in person and c.members[i] not in person.values():
            person[x] = c.members[i]
    return [(person[x], h, start) for (h, start), x in zip(edges, colours, strict=True)]


def balanced_colouring(
    edges: list[tuple[DepartmentName, int]], colours: int, most: int
) -> list[int]:
    """Colour (host, period) edges so that no two of a colour share a host or a period,
    and no colour has more than ``most`` edges.

    Bipartite multigraphs with degree at most ``colours`` can be coloured so (Koenig's
    alternating paths), and balanced within one edge of each other (de Werra: swap the
    two colours on a path that has more of the larger one).
    """
    at: dict[tuple[str, object], dict[int, int]] = defaultdict(dict)
    colour = [-1] * len(edges)
    ends = [(("host", h), ("period", p)) for h, p in edges]

    def walk(start: tuple[str, object], a: int, b: int) -> list[int]:
        """The edges coloured a, b, a, ... from ``start``."""
        node, current, other = start, a, b
        path: list[int] = []
        while current in at[node]:
            edge = at[node][current]
            path.append(edge)
            node = ends[edge][1] if ends[edge][0] == node else ends[edge][0]
            current, other = other, current
        return path

    def swap(path: list[int], a: int, b: int) -> None:
        for edge in path:
            for end in ends[edge]:
                del at[end][colour[edge]]
        for edge in path:
            colour[edge] = b if colour[edge] == a else a
            for end in ends[edge]:
                at[end][colour[edge]] = edge

    for k, (u, v) in enumerate(ends):
        a = next(x for x in range(colours) if x not in at[u])
        if a in at[v]:
            b = next(x for x in range(colours) if x not in at[v])
            swap(walk(v, a, b), a, b)
        colour[k] = a
        at[u][a] = at[v][a] = k
    counts = Counter(colour)
    while max(counts.values(), default=0) > most:
        big = max(range(colours), key=lambda x: counts[x])
        small = min(range(colours), key=lambda x: counts[x])
        # a path that starts and ends with the big colour has one more of it than of small
        path = next(
            path
            for k in range(len(edges))
            if colour[k] == big
            for end in ends[k]
            if small not in at[end] and len(path := walk(end, big, small)) % 2 == 1
        )
        swap(path, big, small)
        counts = Counter(colour)
    return colour
