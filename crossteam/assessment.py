"""A plan assessed: every rule re-verified from the plan itself by the solver-independent
checker, and the plan's effect on the department network measured."""

from __future__ import annotations

from crossteam import network
from crossteam.checks import verify
from crossteam.models import CheckReport, NetworkReport, Plan, PlanEffect, PlanningInput


def assess_plan(
    instance: PlanningInput, plan: Plan, before: NetworkReport | None = None
) -> tuple[CheckReport, PlanEffect]:
    """The checks of ``plan`` and the network before and after it.

    Args:
        instance: The instance ``plan`` was planned for.
        plan: A plan with a solution.
        before: ``instance``'s network report when it is at hand; else analysed anew.
    """
    return verify(instance, plan), network.compare(instance, plan, before=before)
