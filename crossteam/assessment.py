"""A plan assessed: every rule re-verified from the plan itself by the solver-independent
checker, the plan's effect on the department network measured, and the wishes it grants
and the teammates it repeats from History counted."""

from __future__ import annotations

from crossteam import network
from crossteam.checks import verify
from crossteam.checks.preferences import wish_report
from crossteam.checks.repeats import RepeatedPair, repeated_pairs
from crossteam.models import CheckReport, NetworkReport, Plan, PlanEffect, PlanningInput
from crossteam.models.wish_figures import WishReport


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


def wishes_and_repeats(
    instance: PlanningInput, plan: Plan
) -> tuple[WishReport, tuple[RepeatedPair, ...]]:
    """The Preferences sheet's wishes ``plan`` grants, and its teammate pairs who were
    teammates in History: counted from the plan itself, as the checks are."""
    return wish_report(instance, plan), tuple(repeated_pairs(instance, plan))
