"""The Pareto front and the changes against the baseline, on hand-made scenario records."""

from __future__ import annotations

import pytest

from crossteam.models import RotationStint, SolveStatus, TeamAssignment
from crossteam.models.sweep import ScenarioResult
from crossteam.sweep.front import (
    changed_share,
    compare_scenarios,
    criteria_used,
    pareto_efficient,
)

CRITERIA = ("silent_pairs_bridged", "departments_per_team", "skill_depth")


def scenario(
    index: int,
    bridged: int,
    departments: float,
    depth: float | None,
    *,
    teams: tuple[TeamAssignment, ...] = (),
    rotation: tuple[RotationStint, ...] = (),
) -> ScenarioResult:
    return ScenarioResult(
        scenario=index,
        name=f"s{index}",
        status=SolveStatus.OPTIMAL,
        silent_pairs_bridged=bridged,
        departments_per_team=departments,
        skill_depth=depth,
        teams=teams,
        rotation=rotation,
    )


def failed(index: int) -> ScenarioResult:
    return ScenarioResult(scenario=index, name=f"s{index}", failure="worker died", attempts=3)


def test_a_scenario_worse_or_equal_on_every_criterion_is_off_the_front() -> None:
    results = [
        scenario(0, 5, 4.0, 10),
        scenario(1, 6, 4.0, 10),  # dominates 0
        scenario(2, 4, 5.0, 10),  # best departments
        scenario(3, 4, 3.0, 12),  # best depth
        scenario(4, 4, 3.0, 9),  # dominated by 3
    ]
    assert pareto_efficient(results, CRITERIA) == {1, 2, 3}


def test_identical_scenarios_are_both_on_the_front() -> None:
    results = [scenario(0, 5, 4.0, 10), scenario(1, 5, 4.0, 10)]
    assert pareto_efficient(results, CRITERIA) == {0, 1}


def test_failed_and_planless_scenarios_are_never_on_the_front() -> None:
    infeasible = ScenarioResult(scenario=2, name="s2", status=SolveStatus.INFEASIBLE)
    results = [scenario(0, 1, 1.0, 1), failed(1), infeasible]
    assert pareto_efficient(results, CRITERIA) == {0}


def test_a_criterion_some_plan_lacks_is_left_out_for_the_whole_sweep() -> None:
    results = [scenario(0, 5, 4.0, None), scenario(1, 5, 3.0, 20), failed(2)]
    assert criteria_used(results) == ("silent_pairs_bridged", "departments_per_team")
    marked, criteria = compare_scenarios(results)
    assert criteria == ("silent_pairs_bridged", "departments_per_team")
    assert [r.pareto for r in marked] == [True, False, False]


def team(name: str, *members: str) -> TeamAssignment:
    return TeamAssignment(team=name, members=members)


def test_changed_share_counts_assignments_in_either_plan_but_not_both() -> None:
    stint = RotationStint(employee_id="e5", period="Q1", department="Sales")
    base = scenario(0, 1, 1.0, 1, teams=(team("A", "e1", "e2"), team("B", "e3")))
    moved = scenario(
        1, 1, 1.0, 1, teams=(team("A", "e1", "e3"), team("B", "e2")), rotation=(stint,)
    )
    # base {e1A, e2A, e3B}; moved {e1A, e3A, e2B, stint}: 5 of 6 differ
    assert changed_share(moved, base) == pytest.approx(5 / 6)
    assert changed_share(base, moved) == changed_share(moved, base)
    assert changed_share(base, base) == 0.0


def test_changes_are_against_scenario_zero_and_unknown_without_its_plan() -> None:
    base = scenario(0, 1, 1.0, 1, teams=(team("A", "e1"),))
    other = scenario(1, 1, 1.0, 1, teams=(team("A", "e2"),))
    marked, _ = compare_scenarios([base, other])
    assert [r.changed_share for r in marked] == [0.0, 1.0]
    marked, _ = compare_scenarios([failed(0), other])
    assert [r.changed_share for r in marked] == [None, None]
