"""host_capacity: a department hosts at most so many rotators in every period."""

from __future__ import annotations

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.planner.rotation.variables import RotationModel, StintLoad


def add_host_capacity(rotation: RotationModel, load: StintLoad, model: cp_model.CpModel) -> None:
    """At most ``host_capacity`` stints under way in a host in any period."""
    department_by_name = rotation.facts.instance.department_by_name
    for (host, _), terms in load.hosted.items():
        capacity = department_by_name[host].host_capacity
        rotators = i18n.counted(capacity, "rotator")
        words = i18n.t("checks.group.host_capacity", host=host, rotators=rotators)
        model.add(sum(terms) <= capacity).only_enforce_if(rotation.rule_groups(words))
