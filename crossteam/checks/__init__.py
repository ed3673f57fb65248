"""Solver-independent re-verification of a plan: every rule, checked from the plan itself.

It shares no code with the planners, so a modelling bug cannot hide here too.
"""

from crossteam.checks.programmes import check_programmes
from crossteam.checks.rotation import check_rotation
from crossteam.checks.teams import check_teams
from crossteam.models import CheckReport, Plan, PlanningInput


def verify(instance: PlanningInput, plan: Plan) -> CheckReport:
    """Every rule of ``instance`` re-verified on ``plan``: one result per rule and subject."""
    return CheckReport(
        results=(
            *check_teams(instance, plan),
            *check_rotation(instance, plan),
            *check_programmes(instance, plan),
        )
    )


__all__ = ["verify"]
