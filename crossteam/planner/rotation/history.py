"""The fairness over History (``rotation_history``): people and departments who rotated
less before come first. Per stint of a person who did k stints in counted History,
``weight_rotation_history x (K - k) / K`` (K the most anyone did); per department that
sends a rotator, ``weight_rotation_history x (M - r) / M`` (r its stints in History per
member, M the most of any department). Only when counted History has rotation rows."""

from __future__ import annotations

from crossteam.planner.context import ModelContext
from crossteam.planner.rotation.past import sender_weight, stint_weight
from crossteam.planner.rotation.variables import RotationModel

PART = "rotation_history"


def add_history_fairness(rotation: RotationModel, ctx: ModelContext) -> None:
    """Per-stint terms by the class's past stints, per-sender terms by the department's."""
    past = rotation.facts.past
    if not past.person_fair:
        return
    settings = ctx.instance.settings
    for index, c in enumerate(rotation.classes):
        stints = [rotation.sent[index, host] for host in c.hosts]
        ctx.add_objective(PART, stint_weight(settings, past, c.members[0]), sum(stints))
    for home, sender in rotation.senders.items():
        ctx.add_objective(PART, sender_weight(settings, past, home), sender)
