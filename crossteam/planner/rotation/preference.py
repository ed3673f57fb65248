"""The preference part of the objective: each stint to a host its rotator ranked earns
``weight_preference`` per rank point (``rank_points``: a first choice earns the largest
rank anyone gave, the last ranked choice 1). The teams' wishes add to the same part."""

from __future__ import annotations

from crossteam.models.wishes import rank_points
from crossteam.planner.context import ModelContext
from crossteam.planner.rotation.classes import RotatorClass
from crossteam.planner.rotation.variables import RotationModel

PART = "preference"
"""The objective part of granted wishes, shared with the teams."""


def wish_points(c: RotatorClass, most: int) -> dict[str, int]:
    """The points a stint of the class earns in each host it ranked."""
    return {host: rank_points(rank, most) for host, rank in c.ranks}


def add_preference(rotation: RotationModel, ctx: ModelContext) -> None:
    """Weigh every (class, host) count by the rank points of that host for the class."""
    most = rotation.facts.past.most_rank
    granted = [
        points * var
        for (index, host), var in rotation.sent.items()
        if (points := wish_points(rotation.classes[index], most).get(host, 0))
    ]
    if granted:
        ctx.add_objective(PART, ctx.instance.settings.weight_preference, sum(granted))
