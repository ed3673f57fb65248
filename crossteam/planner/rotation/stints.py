"""The stint rules: at most ``max_rotations_per_employee`` stints per person, the stints
counted per class (who) and per timing group (when) agree, and a person does one stint
at a time. Stint length is in the variables: a start covers ``stint_periods`` periods."""

from __future__ import annotations

from ortools.sat.python import cp_model

from crossteam.planner.rotation.variables import RotationModel, StintLoad


def add_stint_rules(rotation: RotationModel, load: StintLoad, model: cp_model.CpModel) -> None:
    """Add the stint rules of every class, then of every timing group."""
    facts = rotation.facts
    for index, c in enumerate(rotation.classes):
        model.add(sum(rotation.sent[index, host] for host in c.hosts) <= facts.max_stints * c.size)
    for g, group in enumerate(rotation.groups):
        for host in group.hosts:
            timed = [rotation.starts[g, host, p] for p in facts.starts]
            # who goes to the host (classes) equals when they go (the group's starts)
            model.add(sum(load.arrivals[g, host]) == sum(timed))
        if facts.max_stints > 1:
            for t in range(len(facts.period_labels)):
                model.add(sum(load.group_away[g, t]) <= group.size)
