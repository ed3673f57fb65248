"""``max_programmes_per_employee`` re-verified from the plan: a team and a rotation count
one programme each, however many stints the rotation has."""

from __future__ import annotations

from collections import Counter

from crossteam import i18n
from crossteam.models import CheckResult, Plan, PlanningInput


def check_programmes(instance: PlanningInput, plan: Plan) -> list[CheckResult]:
    """One result for the whole plan: who takes more programmes than the limit. None
    without a limit, so that plans without one are checked as before."""
    limit = instance.settings.max_programmes_per_employee
    if limit is None or not plan.has_solution:
        return []
    taken: Counter[str] = Counter()
    for e in {e for t in plan.teams for e in t.members}:
        taken[e] += 1
    for e in {s.employee_id for s in plan.rotation}:
        taken[e] += 1
    over = sorted(e for e, n in taken.items() if n > limit)
    both = sum(1 for n in taken.values() if n > 1)
    detail = (
        i18n.t("checks.programmes_over", limit=limit, ids=i18n.listed(over))
        if over
        else i18n.t("checks.programmes_within", limit=limit, both=both)
    )
    return [
        CheckResult(
            rule=i18n.t("checks.rule.programmes"),
            subject=i18n.t("checks.all_employees"),
            passed=not over,
            detail=detail,
        )
    ]
