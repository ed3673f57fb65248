"""The learning part of the objective: each stint earns the skills common in its host
that are not common at home (``learning_gain``)."""

from __future__ import annotations

from crossteam.planner.context import ModelContext
from crossteam.planner.rotation.classes import learning_gain
from crossteam.planner.rotation.variables import RotationModel


def add_learning(rotation: RotationModel, ctx: ModelContext) -> None:
    """Weigh every (class, host) count by what a stint there teaches."""
    facts, classes = rotation.facts, rotation.classes
    learning = [
        gain * var
        for (index, host), var in rotation.sent.items()
        if (gain := learning_gain(facts, classes[index], host))
    ]
    if learning:
        ctx.add_objective("learning", ctx.instance.settings.weight_learning, sum(learning))
