"""The rotation-fairness part of the objective: each department that sends a rotator."""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from crossteam.models import DepartmentName
from crossteam.planner.context import ModelContext
from crossteam.planner.rotation.variables import RotationModel, StintLoad


def add_fairness(rotation: RotationModel, load: StintLoad, ctx: ModelContext) -> None:
    """One sender literal per home department, true only if one of its people rotates."""
    model = ctx.model
    weight = ctx.instance.settings.weight_rotation_fairness
    sent_from: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    for (home, _), terms in load.home_host.items():
        sent_from[home] += terms
    for home, terms in sent_from.items():
        sender = model.new_bool_var(f"sends_rotator[{home}]")
        model.add(sum(terms) >= sender)
        rotation.senders[home] = sender
        ctx.add_objective("rotation_fairness", weight, sender)
