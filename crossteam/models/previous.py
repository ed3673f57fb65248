"""A plan workbook read back for a re-plan: what ``--previous`` and ``--review`` hand to the
planner. Light on purpose (models only), so that a command can read and refuse a plan file
before any solver library loads."""

from __future__ import annotations

from dataclasses import dataclass

from crossteam.models.input_changes import InputChanges
from crossteam.models.plan import Plan
from crossteam.models.review import LeftOut, ReviewDecision


@dataclass(frozen=True)
class PreviousPlanRead:
    """A plan to repair (``--previous``) or re-plan with a manager's decisions
    (``--review``), as its reader found it for this input."""

    plan: Plan
    changes: InputChanges
    decisions: tuple[ReviewDecision, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    review: bool = False
    """The decisions were read and are honoured (``--review``)."""
