"""Placeholder until the team checks land (being written now)."""

from crossteam.models import CheckResult, Plan, PlanningInput


def check_teams(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    return []
