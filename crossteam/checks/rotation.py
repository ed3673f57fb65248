"""Placeholder until the rotation checks land (being written now)."""

from crossteam.models import CheckResult, Plan, PlanningInput


def check_rotation(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    return []
