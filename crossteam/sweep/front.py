"""Comparing scenarios: what each changes against the baseline, and the Pareto front.

The front maximises three figures of a plan (``CRITERIA``): silent department pairs it
bridges, departments per team and skill depth. A scenario is on the front when no other
scenario is at least as good on every one and better on one. A criterion that some plan
lacks (skill depth with ``weight_skill_depth`` 0) is left out for the whole sweep.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from crossteam.models.sweep import ScenarioResult

CRITERIA: Final = ("silent_pairs_bridged", "departments_per_team", "skill_depth")


def criteria_used(results: Sequence[ScenarioResult]) -> tuple[str, ...]:
    """The criteria every scenario with a plan has a figure for."""
    planned = [r for r in results if r.has_plan]
    return tuple(c for c in CRITERIA if planned and all(getattr(r, c) is not None for r in planned))


def pareto_efficient(results: Sequence[ScenarioResult], criteria: Sequence[str]) -> set[int]:
    """Scenario numbers of the plans no other plan dominates on ``criteria``."""
    planned = [r for r in results if r.has_plan]
    if not criteria:
        return {r.scenario for r in planned}
    points = {r.scenario: tuple(float(getattr(r, c)) for c in criteria) for r in planned}

    def dominates(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        return all(x >= y for x, y in zip(a, b, strict=True)) and a != b

    return {
        s for s, point in points.items() if not any(dominates(o, point) for o in points.values())
    }


def assignments(result: ScenarioResult) -> set[tuple[str, ...]]:
    """A plan as a set: each (employee, team) and each (employee, period, host) stint."""
    placed = {("team", m, t.team) for t in result.teams for m in t.members}
    stints = {("stint", s.employee_id, s.period, s.department) for s in result.rotation}
    return placed | stints


def changed_share(result: ScenarioResult, baseline: ScenarioResult) -> float | None:
    """Share of assignments that differ from the baseline's: ``|A xor B| / |A or B|``
    (0 the same plan, 1 nothing in common); ``None`` unless both have a plan."""
    if not (result.has_plan and baseline.has_plan):
        return None
    mine, theirs = assignments(result), assignments(baseline)
    union = mine | theirs
    return len(mine ^ theirs) / len(union) if union else 0.0


def compare_scenarios(
    results: Sequence[ScenarioResult],
) -> tuple[tuple[ScenarioResult, ...], tuple[str, ...]]:
    """``results`` (in grid order) with ``changed_share`` against scenario 0 and ``pareto``
    filled in, and the criteria the front was drawn on."""
    criteria = criteria_used(results)
    front = pareto_efficient(results, criteria)
    baseline = results[0]
    marked = tuple(
        r.model_copy(
            update={"changed_share": changed_share(r, baseline), "pareto": r.scenario in front}
        )
        for r in results
    )
    return marked, criteria
