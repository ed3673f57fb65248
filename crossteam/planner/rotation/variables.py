"""The rotation variables of a shared model, keyed by class, timing group, host and start,
with how to read a plan out of them (``extract``) and how to hint them (``hint``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from crossteam.models import DepartmentName, RotationStint, Settings, SkillName
from crossteam.models.limits import OBJECTIVE_SCALE
from crossteam.models.wishes import rank_points
from crossteam.planner.groups import RuleGroups
from crossteam.planner.rotation.classes import RotatorClass, TimingGroup, learning_gain
from crossteam.planner.rotation.facts import RotationFacts
from crossteam.planner.rotation.past import sender_weight, stint_weight
from crossteam.planner.rotation.share_out import StintStay, share_out


@dataclass
class RotationModel:
    """The rotation variables of a shared model, and how to read a plan out of them."""

    facts: RotationFacts
    classes: list[RotatorClass]
    groups: list[TimingGroup]
    rule_groups: RuleGroups
    """The rotation's rule groups, enforced by literals only in an explanation model."""
    sent: dict[tuple[int, DepartmentName], cp_model.IntVar] = field(default_factory=dict)
    """``(class index, host)`` -> members of the class who do a stint there."""
    starts: dict[tuple[int, DepartmentName, int], cp_model.IntVar] = field(default_factory=dict)
    """``(group index, host, start position)`` -> stints of the group starting then."""
    bridges: dict[tuple[DepartmentName, DepartmentName], cp_model.IntVar] = field(
        default_factory=dict
    )
    """``(home, host)`` -> some stint goes from home to host."""
    senders: dict[DepartmentName, cp_model.IntVar] = field(default_factory=dict)
    stays: list[StintStay] = field(default_factory=list)
    """A re-plan's previous stints that may be kept (``stability``); given out first."""

    @property
    def assumptions(self) -> list[tuple[cp_model.IntVar, str]]:
        """Rule groups enforced by an assumption literal (``explain=True``), in plain words."""
        return [(literal, words) for words, literal in self.rule_groups.literals.items()]

    def add_variables(self, model: cp_model.CpModel) -> None:
        """The counts of who goes where (``sent``), then of when (``starts``).

        No repeat host lives here, in the domain of ``sent``: a class sends at most its
        size to one host, each stint there taken by a different member (``share_out``).
        """
        facts = self.facts
        for index, c in enumerate(self.classes):
            for host in c.hosts:
                name = f"sent[{c.members[0]}+{c.size - 1}|{host}]"
                self.sent[index, host] = model.new_int_var(0, c.size, name)
        department_by_name = facts.instance.department_by_name
        for g, group in enumerate(self.groups):
            for host in group.hosts:
                upper = min(
                    group.size, department_by_name[host].host_capacity, facts.release[group.home]
                )
                for p in facts.starts:
                    name = f"starts[{group.home}#{g}|{host}|{p}]"
                    self.starts[g, host, p] = model.new_int_var(0, upper, name)

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
            best = max((learning_gain(facts, c, h) for h in c.hosts), default=0)
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
        learning *= round(settings.weight_learning * OBJECTIVE_SCALE)
        return fairness + learning + self._past_ceiling(settings)

    def _past_ceiling(self, settings: Settings) -> int:
        """Most the parts of wishes and History can add (scaled units): each member takes
        as many stints as allowed to the hosts that earn most, or the hosts take as many
        as their capacity allows at the most any stint earns, whichever is less; and
        every department that can send does."""
        facts, past = self.facts, self.facts.past
        if not past.wishes and not past.person_fair:
            return 0
        periods = len(facts.period_labels)
        departments = facts.instance.department_by_name
        hosts = {h for c in self.classes for h in c.hosts}
        seats = sum(departments[h].host_capacity * periods // facts.stint for h in hosts)
        per_point = round(settings.weight_preference * OBJECTIVE_SCALE)
        people = 0
        best = 0
        for c in self.classes:
            points = {h: rank_points(r, past.most_rank) for h, r in c.ranks if h in c.hosts}
            per_stint = round(stint_weight(settings, past, c.members[0]) * OBJECTIVE_SCALE)
            earns = sorted(
                (per_point * points.get(h, 0) + per_stint for h in c.hosts),
                reverse=True,
            )
            people += c.size * sum(earns[: facts.max_stints])
            best = max([best, *earns[:1]])
        senders = sum(
            round(sender_weight(settings, past, home) * OBJECTIVE_SCALE) for home in self.senders
        )
        return min(people, seats * best) + senders

    def extract(self, solver: cp_model.CpSolver) -> tuple[RotationStint, ...]:
        """One stint per employee and period away, sorted by employee then period.

        The model counts stints per class and group; who takes which one is chosen here
        (``share_out``), giving each stint to the member with most to learn in the host.
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
            for employee, host, start in share_out(self.facts, self.classes, stints, demand, kept)
            for p in range(start, start + self.facts.stint)
        ]
        position = {label: i for i, label in enumerate(labels)}
        return tuple(sorted(out, key=lambda s: (s.employee_id, position[s.period])))

    def hint(
        self,
        model: cp_model.CpModel,
        sent: Mapping[tuple[int, DepartmentName], int],
        starts: Mapping[tuple[int, DepartmentName, int], int],
    ) -> None:
        """Hint every rotation variable from stint counts: ``sent`` per (class, host) and
        ``starts`` per (group, host, start); bridges and senders follow from them."""
        for who, var in self.sent.items():
            model.add_hint(var, sent.get(who, 0))
        for when, var in self.starts.items():
            model.add_hint(var, starts.get(when, 0))
        reached: dict[DepartmentName, set[DepartmentName]] = defaultdict(set)
        for (index, host), count in sent.items():
            if count:
                reached[self.classes[index].home].add(host)
        for (home, host), bridge in self.bridges.items():
            # at most one direction per pair, as the model asks
            both = home > host and (host, home) in self.bridges and home in reached[host]
            model.add_hint(bridge, int(host in reached[home] and not both))
        for home, sender in self.senders.items():
            model.add_hint(sender, int(bool(reached[home])))
        for literal, _ in self.assumptions:
            model.add_hint(literal, 1)


Vars = list[cp_model.IntVar]


@dataclass
class StintLoad:
    """The start variables gathered the ways the rules count them, in the model's order."""

    arrivals: dict[tuple[int, DepartmentName], Vars] = field(
        default_factory=lambda: defaultdict(list)
    )
    """``(group, host)`` -> the ``sent`` counts of the group's classes to the host."""
    group_away: dict[tuple[int, int], Vars] = field(default_factory=lambda: defaultdict(list))
    """``(group, period)`` -> the group's stints under way then."""
    hosted: dict[tuple[DepartmentName, int], Vars] = field(
        default_factory=lambda: defaultdict(list)
    )
    """``(host, period)`` -> stints the host holds then."""
    away: dict[tuple[DepartmentName, int], Vars] = field(default_factory=lambda: defaultdict(list))
    """``(home, period)`` -> stints of the home's people under way then."""
    critical_away: dict[tuple[DepartmentName, SkillName, int], Vars] = field(
        default_factory=lambda: defaultdict(list)
    )
    """``(home, critical skill, period)`` -> stints of its holders under way then."""
    home_host: dict[tuple[DepartmentName, DepartmentName], Vars] = field(
        default_factory=lambda: defaultdict(list)
    )
    """``(home, host)`` -> every stint from home to host."""


def stint_load(rotation: RotationModel) -> StintLoad:
    """The variables of ``rotation`` gathered per group, host, home and period."""
    load = StintLoad()
    for (index, host), var in rotation.sent.items():
        load.arrivals[rotation.classes[index].group, host].append(var)
    stint = rotation.facts.stint
    for (g, host, start), var in rotation.starts.items():
        group = rotation.groups[g]
        load.home_host[group.home, host].append(var)
        for t in range(start, start + stint):
            load.group_away[g, t].append(var)
            load.hosted[host, t].append(var)
            load.away[group.home, t].append(var)
            for skill in group.critical:
                load.critical_away[group.home, skill, t].append(var)
    return load
