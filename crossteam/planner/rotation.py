"""Job-rotation stints in the shared CP-SAT model: who spends which periods in which host.

Who goes where is an integer count per class of interchangeable employees (same home,
same critical skills held, same personal rules) and host; when they go is an integer
count of stints of ``stint_periods`` periods per timing group (same home and critical
skills), host and start. The counts decompose into people exactly with one stint per
person, and with several one-period stints per person; several longer stints per person
make every employee a group of one. See ``docs/rotation.md``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from crossteam.models import (
    Department,
    DepartmentName,
    Employee,
    EmployeeId,
    PlanningInput,
    RotationStint,
    RuleKind,
    Settings,
    SkillName,
)
from crossteam.models.wording import counted
from crossteam.planner.context import OBJECTIVE_SCALE, ModelContext, pair_key
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff, solve_until

COMMON_SKILL_SHARE = 1 / 3
"""A skill is common in a department when at least this share of its members hold it."""

DIRECTIONS_EFFORT = 0.25
"""Deterministic-time limit of the small model that orients the gap pairs for the hint."""

_FLOAT_SLACK = 1e-9
"""Guards ceil() against float noise: 0.8 x 10 must give 8, not 9."""


def required_on_site(min_on_site: float, headcount: int) -> int:
    """People a department keeps at home in every period: ceil(min_on_site x headcount)."""
    return math.ceil(min_on_site * headcount - _FLOAT_SLACK)


@dataclass(frozen=True)
class _Facts:
    """What the model, its greedy hint and the pre-checks read from the instance."""

    instance: PlanningInput
    period_labels: tuple[str, ...]
    stint: int
    max_stints: int
    release: dict[DepartmentName, int]
    """Most people of a department away at once without going below min_on_site."""
    holders: dict[tuple[DepartmentName, SkillName], int]
    """Available holders of each critical skill of each department."""
    common_skills: dict[DepartmentName, frozenset[SkillName]]
    must_visit: dict[EmployeeId, frozenset[DepartmentName]]
    barred: dict[EmployeeId, frozenset[DepartmentName]]
    excluded: frozenset[EmployeeId]
    """Employees with a no_rotation rule."""

    @property
    def starts(self) -> range:
        """Periods (positions) where a stint can start and still fit."""
        return range(max(0, len(self.period_labels) - self.stint + 1))

    def can_rotate(self, employee: Employee) -> bool:
        return (
            employee.available
            and employee.rotation_eligible
            and employee.employee_id not in self.excluded
        )

    def hosts_open(self) -> tuple[DepartmentName, ...]:
        return tuple(
            d.name for d in self.instance.departments if d.can_host and d.host_capacity > 0
        )


def _facts(instance: PlanningInput) -> _Facts:
    by_id = instance.employee_by_id
    must: dict[EmployeeId, set[DepartmentName]] = defaultdict(set)
    barred: dict[EmployeeId, set[DepartmentName]] = defaultdict(set)
    for rule in instance.rules_of(RuleKind.ROTATE_TO):
        must[rule.employee_id].update(rule.targets)
    for rule in instance.rules_of(RuleKind.NOT_ROTATE_TO):
        barred[rule.employee_id].update(rule.targets)
    release: dict[DepartmentName, int] = {}
    holders: dict[tuple[DepartmentName, SkillName], int] = {}
    common: dict[DepartmentName, frozenset[SkillName]] = {}
    for department in instance.departments:
        members = [by_id[i] for i in instance.members_of[department.name]]
        available = [e for e in members if e.available]
        floor = required_on_site(department.min_on_site, department.headcount)
        release[department.name] = max(0, len(available) - floor)
        for skill in department.critical_skills:
            holders[department.name, skill] = sum(1 for e in available if skill in e.skills)
        counts: dict[SkillName, int] = defaultdict(int)
        for e in members:
            for skill in e.skills:
                counts[skill] += 1
        common[department.name] = frozenset(
            s for s, n in counts.items() if n >= COMMON_SKILL_SHARE * len(members)
        )
    periods = sorted(instance.periods, key=lambda p: p.index)
    return _Facts(
        instance=instance,
        period_labels=tuple(p.label for p in periods),
        stint=instance.settings.stint_periods,
        max_stints=instance.settings.max_rotations_per_employee,
        release=release,
        holders=holders,
        common_skills=common,
        must_visit={e: frozenset(d) for e, d in must.items()},
        barred={e: frozenset(d) for e, d in barred.items()},
        excluded=frozenset(r.employee_id for r in instance.rules_of(RuleKind.NO_ROTATION)),
    )


@dataclass(frozen=True)
class RotationReach:
    """What rotation can bridge over the whole horizon, per department (``rotation_reach``)."""

    send: dict[DepartmentName, int]
    """Most stints a department sends: its release x (periods // stint_periods), and no
    more than its rotatable people x ``max_rotations_per_employee``."""
    host: dict[DepartmentName, int]
    """Most stints a department hosts: ``host_capacity`` x (periods // stint_periods)."""
    ways: frozenset[tuple[DepartmentName, DepartmentName]]
    """(home, host) pairs some stint could take: home can send and host can host."""


def rotation_reach(instance: PlanningInput) -> RotationReach:
    """The capacities the rotation model's bridge caps use (``_cap_bridges``), for bounds."""
    facts = _facts(instance)
    sequential = len(facts.period_labels) // facts.stint if facts.starts else 0
    rotatable: dict[DepartmentName, int] = defaultdict(int)
    for e in instance.employees:
        if facts.can_rotate(e):
            rotatable[e.department] += 1
    send = {
        d: most
        for d, people in rotatable.items()
        if (most := min(facts.release[d] * sequential, people * facts.max_stints)) > 0
    }
    hosts = facts.hosts_open()
    host = {d: instance.department_by_name[d].host_capacity * sequential for d in hosts}
    host = {d: n for d, n in host.items() if n > 0}
    ways = frozenset((a, b) for a in send for b in host if a != b)
    return RotationReach(send=send, host=host, ways=ways)


@dataclass(frozen=True)
class RotatorClass:
    """Interchangeable rotators: same home, same critical skills held, same personal rules."""

    home: DepartmentName
    group: int
    """Index of the timing group whose stints this class's members take."""
    members: tuple[EmployeeId, ...]
    skills: frozenset[SkillName]
    """The home department's critical skills they hold."""
    hosts: tuple[DepartmentName, ...]
    required_hosts: frozenset[DepartmentName]

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class TimingGroup:
    """Rotators whose stints are timed together: same home and same critical skills.

    Who goes where (the classes) and when (the group's starts) decompose into people
    exactly (``RotationModel._share_out``); where they would not (several stints of more
    than one period per person), every group is one person.
    """

    home: DepartmentName
    critical: frozenset[SkillName]
    size: int
    hosts: tuple[DepartmentName, ...]


_TimingKey = tuple[DepartmentName, frozenset[SkillName], EmployeeId]
"""Home, critical skills held, and the employee when they are timed alone ("" if not)."""


def _classes(
    facts: _Facts,
    gap_partners: dict[DepartmentName, set[DepartmentName]],
    aggregate: bool,
    personal: Collection[EmployeeId] = frozenset(),
) -> tuple[list[RotatorClass], list[TimingGroup]]:
    """Group rotatable employees; candidate hosts bridge a gap or are required by a rule.
    The people in ``personal`` are classes of their own, as those a rule names."""
    instance = facts.instance
    open_hosts = facts.hosts_open()
    by_key: dict[tuple[_TimingKey, frozenset[SkillName], EmployeeId], list[Employee]] = defaultdict(
        list
    )
    for e in instance.employees:
        if not facts.can_rotate(e):
            continue
        critical = instance.department_by_name[e.department].critical_skills
        relevant = frozenset(s for s in e.skills if s in critical)
        own = (
            e.employee_id in facts.must_visit
            or e.employee_id in facts.barred
            or e.employee_id in personal
        )
        # Several stints per person stay exact in aggregate only for one-period stints
        # (see RotationModel._share_out); a personal rule then needs its own timing too.
        several = facts.max_stints > 1
        alone = not aggregate or (several and (facts.stint > 1 or own))
        timing = (e.department, relevant, e.employee_id if alone else "")
        by_key[timing, relevant, e.employee_id if alone or own else ""].append(e)
    classes: list[RotatorClass] = []
    groups: list[TimingGroup] = []
    group_of: dict[_TimingKey, int] = {}
    for (timing, relevant, _), members in by_key.items():
        home = members[0].department
        first = members[0].employee_id
        required = facts.must_visit.get(first, frozenset())
        barred = facts.barred.get(first, frozenset())
        hosts = tuple(
            d
            for d in open_hosts
            if d != home and d not in barred and (d in gap_partners[home] or d in required)
        )
        if not hosts:
            continue
        if timing not in group_of:
            group_of[timing] = len(groups)
            groups.append(TimingGroup(home, timing[1], 0, ()))
        index = group_of[timing]
        group = groups[index]
        groups[index] = TimingGroup(
            home,
            group.critical,
            group.size + len(members),
            tuple(d for d in open_hosts if d in hosts or d in group.hosts),
        )
        classes.append(
            RotatorClass(
                home=home,
                group=index,
                members=tuple(e.employee_id for e in members),
                skills=relevant,
                hosts=hosts,
                required_hosts=required,
            )
        )
    return classes, groups


@dataclass(frozen=True)
class StintStay:
    """Previous rotators of one class who may keep their stint to ``host`` starting at
    ``start`` (a re-plan, see ``stability``): ``var`` of ``members`` keep it."""

    class_index: int
    host: DepartmentName
    start: int
    members: tuple[EmployeeId, ...]
    var: cp_model.IntVar


@dataclass
class RotationModel:
    """The rotation variables of a shared model, and how to read a plan out of them."""

    facts: _Facts
    classes: list[RotatorClass]
    groups: list[TimingGroup]
    sent: dict[tuple[int, DepartmentName], cp_model.IntVar] = field(default_factory=dict)
    """``(class index, host)`` -> members of the class who do a stint there."""
    starts: dict[tuple[int, DepartmentName, int], cp_model.IntVar] = field(default_factory=dict)
    """``(group index, host, start position)`` -> stints of the group starting then."""
    bridges: dict[tuple[DepartmentName, DepartmentName], cp_model.IntVar] = field(
        default_factory=dict
    )
    """``(home, host)`` -> some stint goes from home to host."""
    senders: dict[DepartmentName, cp_model.IntVar] = field(default_factory=dict)
    assumptions: list[tuple[cp_model.IntVar, str]] = field(default_factory=list)
    """Rule groups enforced by an assumption literal (``explain=True``), in plain words."""
    stays: list[StintStay] = field(default_factory=list)
    """A re-plan's previous stints that may be kept (``stability``); given out first."""

    def objective_ceiling(self, settings: Settings) -> int:
        """Most the rotation's own terms can add (scaled units, as the objective holds them):
        every department that can send does, and each home sends as many stints as its
        people and its release allow (``release x periods / stint`` period-aways), each to
        the host it learns most in, or the hosts take as many as their capacity allows at
        the best gain of all, whichever is less. Bridging is left out: the team bound
        counts every pair."""
        facts = self.facts
        fairness = round(settings.weight_rotation_fairness * OBJECTIVE_SCALE) * len(self.senders)
        people: dict[DepartmentName, int] = defaultdict(int)
        gain: dict[DepartmentName, int] = defaultdict(int)
        for c in self.classes:
            people[c.home] += facts.max_stints * c.size
            best = max((_learning(facts, c, h) for h in c.hosts), default=0)
            gain[c.home] = max(gain[c.home], best)
        periods = len(facts.period_labels)
        learning = sum(
            min(n, facts.release[home] * periods // facts.stint) * gain[home]
            for home, n in people.items()
        )
        # and no more stints than the hosts can take, each at the best gain anywhere
        hosts = {h for c in self.classes for h in c.hosts}
        departments = facts.instance.department_by_name
        seats = sum(departments[h].host_capacity * periods // facts.stint for h in hosts)
        learning = min(learning, seats * max(gain.values(), default=0))
        return fairness + round(settings.weight_learning * OBJECTIVE_SCALE) * learning

    def extract(self, solver: cp_model.CpSolver) -> tuple[RotationStint, ...]:
        """One stint per employee and period away, sorted by employee then period.

        The model counts stints per class and group; who takes which one is chosen here,
        giving each stint to the member with most to learn in the host.
        """
        stints = [
            (group, host, start)
            for (group, host, start), var in self.starts.items()
            for _ in range(solver.value(var))
        ]
        demand = {key: solver.value(var) for key, var in self.sent.items()}
        kept = [(stay, solver.value(stay.var)) for stay in self.stays]
        labels = self.facts.period_labels
        out = [
            RotationStint(employee_id=employee, period=labels[p], department=host)
            for employee, host, start in self._share_out(stints, demand, kept)
            for p in range(start, start + self.facts.stint)
        ]
        position = {label: i for i, label in enumerate(labels)}
        return tuple(sorted(out, key=lambda s: (s.employee_id, position[s.period])))

    def _share_out(
        self,
        stints: list[tuple[int, DepartmentName, int]],
        demand: dict[tuple[int, DepartmentName], int],
        kept: Sequence[tuple[StintStay, int]] = (),
    ) -> list[tuple[EmployeeId, DepartmentName, int]]:
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
        facts = self.facts
        by_id = facts.instance.employee_by_id

        def gain(member: EmployeeId, host: DepartmentName) -> int:
            return len(facts.common_skills[host] - by_id[member].skills.keys())

        starts: dict[tuple[int, DepartmentName], list[int]] = defaultdict(list)
        for group, host, start in stints:
            starts[group, host].append(start)
        out: list[tuple[EmployeeId, DepartmentName, int]] = []
        given: dict[int, set[EmployeeId]] = defaultdict(set)
        if facts.max_stints == 1:
            # a re-plan's kept stints first, each to its previous rotator and start
            demand = dict(demand)
            for stay, count in kept:
                group = self.classes[stay.class_index].group
                for member in stay.members[:count]:
                    out.append((member, stay.host, stay.start))
                    given[stay.class_index].add(member)
                    demand[stay.class_index, stay.host] -= 1
                    starts[group, stay.host].remove(stay.start)
        for index, c in enumerate(self.classes):
            wanted = [(h, demand[index, h]) for h in c.hosts if demand[index, h]]
            if facts.max_stints == 1:
                free = set(c.members) - given[index]
                # hosts with most to learn first, each taking its best-suited free members
                for host, count in sorted(wanted, key=lambda w: -len(facts.common_skills[w[0]])):
                    chosen = sorted(free, key=lambda m: (-gain(m, host), c.members.index(m)))
                    for member in chosen[:count]:
                        free.discard(member)
                        out.append((member, host, starts[c.group, host].pop()))
                continue
            edges = [(h, start) for h, _ in wanted for start in starts[c.group, h]]
            colours = _balanced_colouring(edges, c.size, facts.max_stints)
            hosts_of: dict[int, list[DepartmentName]] = defaultdict(list)
            for (host, _), x in zip(edges, colours, strict=True):
                hosts_of[x].append(host)
            # each colour is one person's stints: match them greedily by what they learn
            matches = sorted(
                (
                    (-sum(gain(m, h) for h in hosts_of[x]), x, i)
                    for x in hosts_of
                    for i, m in enumerate(c.members)
                )
            )
            person: dict[int, EmployeeId] = {}
            for _, x, i in matches:
                if x not in person and c.members[i] not in person.values():
                    person[x] = c.members[i]
            out += [(person[x], h, start) for (h, start), x in zip(edges, colours, strict=True)]
        return out


def _balanced_colouring(
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


def explain_rotation_assumptions(rotation: RotationModel, core: Iterable[int]) -> list[str]:
    """Plain words for the rotation rule groups among the literal indices of an infeasible core.

    ``core`` is ``CpSolver.sufficient_assumptions_for_infeasibility()`` after solving a model
    built with ``build_rotation(ctx, explain=True)`` and ``model.add_assumptions`` on
    ``[literal for literal, _ in rotation.assumptions]``; indices of other modules are ignored.
    """
    words = {literal.index: text for literal, text in rotation.assumptions}
    return [words[i] for i in core if i in words]


class _Tally:
    """Running totals of the greedy start, one per constraint of the model."""

    def __init__(
        self, facts: _Facts, classes: Sequence[RotatorClass], groups: Sequence[TimingGroup]
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


def _learning(facts: _Facts, c: RotatorClass, host: DepartmentName) -> int:
    """Skills common in the host that are not common at the rotator's home.

    Measured per home department, not per person: a per-person count splits every
    department into a class per skill profile, which tripled the model and left a 17 %
    gap at the 2,000-employee benchmark (docs/rotation.md).
    """
    return len(facts.common_skills[host] - facts.common_skills[c.home])


def _bridge_directions(
    facts: _Facts,
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
    sequential = len(facts.period_labels) // facts.stint
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
    solver.parameters.catch_sigint_signal = False  # the CLI handles Ctrl-C (see solve._solver)
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = DIRECTIONS_EFFORT
    if solve_until(solver, model, cutoff) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {}
    return {pair_key(*way): way[1] for way, var in chosen.items() if solver.value(var)}


def _greedy(
    facts: _Facts,
    classes: Sequence[RotatorClass],
    groups: Sequence[TimingGroup],
    gap_weights: dict[tuple[str, str], float],
    cutoff: Cutoff = NO_CUTOFF,
) -> _Tally:
    """Required stints first, then one stint per gap pair by weight, then learning stints.

    Raises:
        Stopped: the run was asked to stop.
    """
    tally = _Tally(facts, classes, groups)
    for index, c in enumerate(classes):
        for host in sorted(c.required_hosts):
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
                -_learning(facts, classes[option[0]], option[1]),
            )
        )
        for index, host in options:
            if tally.try_place(index, host):
                break
    learning_options = [
        (i, host) for i, c in enumerate(classes) for host in c.hosts if _learning(facts, c, host)
    ]
    learning_options.sort(key=lambda option: -_learning(facts, classes[option[0]], option[1]))
    for index, host in learning_options:
        cutoff.raise_if_stopped()
        while tally.try_place(index, host):
            pass
    return tally


def build_rotation(
    ctx: ModelContext,
    *,
    explain: bool = False,
    aggregate: bool = True,
    personal: Collection[EmployeeId] = frozenset(),
    cutoff: Cutoff = NO_CUTOFF,
) -> RotationModel:
    """Add rotation stints, their rules, bridges and objective parts to ``ctx.model``.

    Args:
        ctx: the shared model; call before ``ctx.finish()``.
        explain: enforce rule groups (rotate_to rules, min_on_site, host capacity,
            critical skills) under assumption literals listed in ``assumptions``, for an
            explanation solve when the plain model is infeasible.
        aggregate: group interchangeable employees into classes (the default); False
            gives one class per employee, the straightforward baseline the benchmark
            compares against.
        personal: employees who are classes of their own (a re-plan's previous rotators
            when each may do several stints, so that each keeps their own).
        cutoff: the run's stop, heard while the greedy hint is made.

    Raises:
        Stopped: the run was asked to stop.
    """
    facts = _facts(ctx.instance)
    model = ctx.model
    settings = ctx.instance.settings
    gap_partners: dict[DepartmentName, set[DepartmentName]] = defaultdict(set)
    for a, b in ctx.gap_weights:
        gap_partners[a].add(b)
        gap_partners[b].add(a)
    classes, groups = (
        _classes(facts, gap_partners, aggregate, personal)
        if facts.max_stints and facts.starts
        else ([], [])
    )
    rotation = RotationModel(facts=facts, classes=classes, groups=groups)
    department_by_name = ctx.instance.department_by_name
    group_literals: dict[str, cp_model.IntVar] = {}

    def enforce(constraint: cp_model.Constraint, words: str) -> None:
        """With ``explain``, one assumption literal per rule group (all its periods)."""
        if not explain:
            return
        if words not in group_literals:
            group_literals[words] = model.new_bool_var(f"assume[{words}]")
            rotation.assumptions.append((group_literals[words], words))
        constraint.only_enforce_if(group_literals[words])

    learning: list[cp_model.LinearExprT] = []
    arrivals: dict[tuple[int, DepartmentName], list[cp_model.IntVar]] = defaultdict(list)
    for index, c in enumerate(classes):
        for host in c.hosts:
            var = model.new_int_var(0, c.size, f"sent[{c.members[0]}+{c.size - 1}|{host}]")
            rotation.sent[index, host] = var
            arrivals[c.group, host].append(var)
            if gain := _learning(facts, c, host):
                learning.append(gain * var)
        model.add(sum(rotation.sent[index, host] for host in c.hosts) <= facts.max_stints * c.size)

    group_away: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    hosted: dict[tuple[DepartmentName, int], list[cp_model.IntVar]] = defaultdict(list)
    away: dict[tuple[DepartmentName, int], list[cp_model.IntVar]] = defaultdict(list)
    critical_away: dict[tuple[DepartmentName, SkillName, int], list[cp_model.IntVar]] = defaultdict(
        list
    )
    home_host: dict[tuple[DepartmentName, DepartmentName], list[cp_model.IntVar]] = defaultdict(
        list
    )
    for g, group in enumerate(groups):
        for host in group.hosts:
            upper = min(
                group.size, department_by_name[host].host_capacity, facts.release[group.home]
            )
            timed = [
                model.new_int_var(0, upper, f"starts[{group.home}#{g}|{host}|{p}]")
                for p in facts.starts
            ]
            # who goes to the host (classes) equals when they go (the group's starts)
            model.add(sum(arrivals[g, host]) == sum(timed))
            home_host[group.home, host] += timed
            for start, var in zip(facts.starts, timed, strict=True):
                rotation.starts[g, host, start] = var
                for t in range(start, start + facts.stint):
                    group_away[g, t].append(var)
                    hosted[host, t].append(var)
                    away[group.home, t].append(var)
                    for skill in group.critical:
                        critical_away[group.home, skill, t].append(var)
        if facts.max_stints > 1:
            for t in range(len(facts.period_labels)):
                model.add(sum(group_away[g, t]) <= group.size)

    # a rule's employee is a class of one, or in no class when they cannot rotate at all
    class_of = {c.members[0]: i for i, c in enumerate(classes) if c.required_hosts}
    for employee, hosts in sorted(facts.must_visit.items()):
        for host in sorted(hosts):
            words = f"{employee} must rotate to {host} (rotate_to rule)"
            index = class_of.get(employee, -1)
            if index >= 0 and host in classes[index].hosts:
                enforce(model.add(rotation.sent[index, host] >= 1), words)
            else:
                enforce(model.add_bool_or([]), words)
    for (host, _), terms in hosted.items():
        capacity = department_by_name[host].host_capacity
        enforce(
            model.add(sum(terms) <= capacity),
            f"{host} hosts at most {counted(capacity, 'rotator')} per period (host_capacity)",
        )
    for (home, _), terms in away.items():
        department = department_by_name[home]
        enforce(
            model.add(sum(terms) <= facts.release[home]),
            f"{home} keeps {department.min_on_site:.0%} of its "
            f"{counted(department.headcount, 'person', 'people')} at home in every period "
            "(min_on_site)",
        )
    for (home, skill, _), terms in critical_away.items():
        enforce(
            model.add(sum(terms) <= max(0, facts.holders[home, skill] - 1)),
            f"{home} keeps someone with {skill} at home in every period (critical_skills)",
        )

    sent_from: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    for (home, host), terms in home_host.items():
        sent_from[home] += terms
        if pair_key(home, host) in ctx.gap_weights:
            bridge = model.new_bool_var(f"rotation_bridge[{home}|{host}]")
            model.add(sum(terms) >= bridge)
            rotation.bridges[home, host] = bridge
            ctx.add_bridge(home, host, bridge)
    _cap_bridges(rotation, facts, department_by_name, model)
    for home, terms in sent_from.items():
        sender = model.new_bool_var(f"sends_rotator[{home}]")
        model.add(sum(terms) >= sender)
        rotation.senders[home] = sender
        ctx.add_objective("rotation_fairness", settings.weight_rotation_fairness, sender)
    if learning:
        ctx.add_objective("learning", settings.weight_learning, sum(learning))

    hint_rotation(rotation, ctx, cutoff=cutoff)
    return rotation


def _cap_bridges(
    rotation: RotationModel,
    facts: _Facts,
    department_by_name: dict[DepartmentName, Department],
    model: cp_model.CpModel,
) -> None:
    """Redundant caps the LP cannot see once presolve turns the bridge links into clauses.

    A host holds at most ``host_capacity`` stints at a time, so at most capacity x
    (periods // stint_periods) stints, hence bridges, over the horizon; a home department
    likewise sends at most its release x (periods // stint_periods), and no more than
    its rotatable people x ``max_rotations_per_employee``. Without these the bound stays
    at "every gap pair bridged".
    """
    sequential = len(facts.period_labels) // facts.stint
    rotatable: dict[DepartmentName, int] = defaultdict(int)
    for c in rotation.classes:
        rotatable[c.home] += c.size
    into: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    out_of: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    for (home, host), bridge in rotation.bridges.items():
        into[host].append(bridge)
        out_of[home].append(bridge)
    for (home, host), bridge in rotation.bridges.items():
        # one direction is enough to bridge a pair; the LP must not count both
        if home < host and (host, home) in rotation.bridges:
            model.add(bridge + rotation.bridges[host, home] <= 1)
    for host, bridges in into.items():
        model.add(sum(bridges) <= department_by_name[host].host_capacity * sequential)
    for home, bridges in out_of.items():
        most = min(facts.release[home] * sequential, rotatable[home] * facts.max_stints)
        model.add(sum(bridges) <= most)


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
    hint_counts(rotation, ctx.model, tally.sent, tally.starts)


def hint_counts(
    rotation: RotationModel,
    model: cp_model.CpModel,
    sent: Mapping[tuple[int, DepartmentName], int],
    starts: Mapping[tuple[int, DepartmentName, int], int],
) -> None:
    """Hint every rotation variable from stint counts: ``sent`` per (class, host) and
    ``starts`` per (group, host, start); bridges and senders follow from them."""
    for who, var in rotation.sent.items():
        model.add_hint(var, sent.get(who, 0))
    for when, var in rotation.starts.items():
        model.add_hint(var, starts.get(when, 0))
    reached: dict[DepartmentName, set[DepartmentName]] = defaultdict(set)
    for (index, host), count in sent.items():
        if count:
            reached[rotation.classes[index].home].add(host)
    for (home, host), bridge in rotation.bridges.items():
        # at most one direction per pair, as the model asks
        both = home > host and (host, home) in rotation.bridges and home in reached[host]
        model.add_hint(bridge, int(host in reached[home] and not both))
    for home, sender in rotation.senders.items():
        model.add_hint(sender, int(bool(reached[home])))
    for literal, _ in rotation.assumptions:
        model.add_hint(literal, 1)


def rotation_warnings(instance: PlanningInput) -> list[str]:
    """Settings that leave the rotation nothing to plan, though planning may go on."""
    periods = len(instance.periods)
    stint = instance.settings.stint_periods
    if periods and stint > periods:
        return [
            f"Settings: stint_periods is {stint} but the Periods sheet has only "
            f"{counted(periods, 'period')}: no stint fits, so nobody rotates"
        ]
    return []


def precheck_rotation(instance: PlanningInput) -> list[str]:
    """Plain-language reasons why no rotation plan can exist; empty when none is obvious.

    Cheap counting only: rotate_to rules that cannot be honoured (whoever they name, and
    whichever host), and more required stints than a host or a home department allows.
    """
    facts = _facts(instance)
    periods = len(facts.period_labels)
    # stints one slot can hold one after another over the horizon
    sequential = periods // facts.stint
    by_id = instance.employee_by_id
    reasons: list[str] = []
    into: dict[DepartmentName, int] = defaultdict(int)
    out_of: dict[DepartmentName, int] = defaultdict(int)
    for employee_id, hosts in sorted(facts.must_visit.items()):
        employee = by_id[employee_id]
        home = instance.department_by_name[employee.department]
        must = f"{employee_id} must rotate to {', '.join(sorted(hosts))} (rotate_to)"
        if not periods:
            reasons.append(f"{must}, but the workbook has no periods to rotate in")
            continue
        person = [
            (not employee.available, "is not available"),
            (not employee.rotation_eligible, "is not rotation-eligible"),
            (employee_id in facts.excluded, "also has a no_rotation rule"),
            (facts.max_stints == 0, "may do no stint (max_rotations_per_employee is 0)"),
            (
                0 < facts.max_stints < len(hosts),
                f"may do at most {counted(facts.max_stints, 'stint')} (max_rotations_per_employee)",
            ),
            (
                len(hosts) * facts.stint > periods,
                f"needs {counted(len(hosts), 'stint')} of {counted(facts.stint, 'period')} but "
                f"there are only {counted(periods, 'period')}",
            ),
            (
                facts.release[home.name] == 0,
                f"belongs to {home.name}, which cannot release anyone: min_on_site "
                f"{home.min_on_site:.0%} of {home.headcount} keeps "
                f"{required_on_site(home.min_on_site, home.headcount)} at home",
            ),
        ]
        person += [
            (
                skill in employee.skills and facts.holders[home.name, skill] == 1,
                f"is the only available holder of {skill}, a critical skill of {home.name}",
            )
            for skill in home.critical_skills
        ]
        reasons += [f"{must}, but {employee_id} {why}" for broken, why in person if broken]
        for host_name in sorted(hosts):
            host = instance.department_by_name[host_name]
            where = [
                (host_name == home.name, "that is their own department"),
                (host_name in facts.barred.get(employee_id, ()), "a not_rotate_to rule forbids it"),
                (not host.can_host, f"{host_name} cannot host (can_host is no)"),
                (host.can_host and host.host_capacity == 0, f"{host_name} has host_capacity 0"),
            ]
            reasons += [
                f"{employee_id} must rotate to {host_name} (rotate_to), but {why}"
                for broken, why in where
                if broken
            ]
            into[host_name] += 1
        out_of[home.name] += len(hosts)
    for host_name, needed in sorted(into.items()):
        host = instance.department_by_name[host_name]
        most = host.host_capacity * sequential if host.can_host else 0
        if 0 < most < needed:
            reasons.append(
                f"rotate_to rules send {counted(needed, 'person', 'people')} to {host_name}, "
                f"which can host at most {counted(most, 'stint')} over "
                f"{counted(periods, 'period')} (host_capacity {host.host_capacity}, "
                f"stint_periods {facts.stint})"
            )
    for home_name, needed in sorted(out_of.items()):
        most = facts.release[home_name] * sequential
        if 0 < most < needed:
            reasons.append(
                f"rotate_to rules send {counted(needed, 'stint')} out of {home_name}, which can "
                f"release at most {most} over {counted(periods, 'period')} without going below "
                "min_on_site"
            )
    return reasons
