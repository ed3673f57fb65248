"""Alternative plans: within the tolerance, different enough, verified, and compared on a sheet."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from instances import company, network_report, person
from plan_samples import sample_run_info
from solving import by_work

from crossteam import network
from crossteam.alternatives import (
    NOTHING_TO_VARY,
    AlternativesResult,
    assignment_difference,
    plan_alternatives,
)
from crossteam.checks import verify
from crossteam.io.plan_layout import (
    ALTERNATIVE_TEAMS,
    ALTERNATIVES,
    ALTERNATIVES_COLUMNS,
    SUMMARY,
)
from crossteam.io.plan_writer import write_plan
from crossteam.io.reader import load_workbook
from crossteam.models import Plan, PlanningInput, SolveStatus, TeamAssignment, TeamSpec
from crossteam.planner import SolveOptions

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "company.xlsx"
TOLERANCE = 0.05
QUICK = by_work(0.5)
"""The work a 5 s repeatable run takes, the clock only a distant safety net, so that the
tolerance and difference asserted cannot flip on a loaded machine."""


@pytest.fixture(scope="module")
def example() -> PlanningInput:
    return load_workbook(EXAMPLE)


@pytest.fixture(scope="module")
def three(example: PlanningInput) -> AlternativesResult:
    """Three plans of the bundled example, 5 s per solve."""
    return plan_alternatives(example, network.analyse(example), QUICK, 3, tolerance=TOLERANCE)


def _plan(**teams: tuple[str, ...]) -> Plan:
    return Plan(
        status=SolveStatus.FEASIBLE,
        teams=tuple(TeamAssignment(team=t.replace("_", "-"), members=m) for t, m in teams.items()),
    )


def _six(*specs: TeamSpec) -> PlanningInput:
    people = [person(f"e{i}", f"d{i % 3}") for i in range(1, 7)]
    return company(people, specs)


# ---------------------------------------------------------------------------- the example


def test_three_plans_of_the_example_are_valid_within_tolerance_and_differ(
    example: PlanningInput, three: AlternativesResult
) -> None:
    assert len(three.plans) == 3
    assert three.achieved, three.notes
    best = three.plans[0].objective
    assert best is not None
    for plan in three.plans:
        assert plan.has_solution
        assert verify(example, plan).passed
        assert plan.objective is not None and plan.objective >= (1 - TOLERANCE) * best
    for a, b in combinations(three.plans, 2):
        assert assignment_difference(example, a, b) >= 0.30


def test_summaries_agree_with_the_plans(example: PlanningInput, three: AlternativesResult) -> None:
    best = three.plans[0].objective
    assert best is not None
    for summary, plan in zip(three.summaries, three.plans, strict=True):
        assert summary.objective == plan.objective
        assert summary.share_of_best == pytest.approx(summary.objective / best)
        assert summary.teams == plan.teams
        assert summary.checks_passed and summary.within_tolerance and summary.distinct
        for other, share in summary.difference_to.items():
            expected = assignment_difference(example, plan, three.plans[other - 1])
            assert share == pytest.approx(expected, abs=1e-4)


def test_alternatives_keep_the_rotation_of_plan_one(three: AlternativesResult) -> None:
    first = three.plans[0]
    assert first.rotation
    assert all(plan.rotation == first.rotation for plan in three.plans[1:])


def write_first_plan(
    tmp_path: Path, example: PlanningInput, three: AlternativesResult, **extra: Any
) -> Path:
    """The best plan's workbook, with ``extra`` keywords for write_plan."""
    first = three.plans[0]
    path = tmp_path / "plan.xlsx"
    write_plan(
        path,
        example,
        first,
        effect=network.compare(example, first),
        checks=verify(example, first),
        run_info=sample_run_info(),
        **extra,
    )
    return path


def test_alternatives_sheet_compares_every_plan(
    tmp_path: Path, example: PlanningInput, three: AlternativesResult
) -> None:
    path = write_first_plan(tmp_path, example, three, alternatives=three.summaries)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == [SUMMARY, ALTERNATIVES, ALTERNATIVE_TEAMS]
    rows = list(book[ALTERNATIVES].iter_rows(values_only=True))
    header = rows[0]
    assert header == (
        *ALTERNATIVES_COLUMNS,
        "difference_to_1",
        "difference_to_2",
        "difference_to_3",
    )
    assert [r[0] for r in rows[1:]] == [1, 2, 3]
    matrix = [r[len(ALTERNATIVES_COLUMNS) :] for r in rows[1:]]
    for i, j in combinations(range(3), 2):
        assert matrix[i][j] == matrix[j][i] >= 0.30
    assert all(matrix[i][i] is None for i in range(3))
    assert [r[header.index("objective")] for r in rows[1:]] == list(three.objectives)
    members = list(book[ALTERNATIVE_TEAMS].iter_rows(min_row=2, values_only=True))
    assert len(members) == sum(len(t.members) for p in three.plans for t in p.teams)
    assert {(r[0], r[1], r[2]) for r in members} == {
        (n, t.team, m) for n, p in enumerate(three.plans, 1) for t in p.teams for m in t.members
    }


def test_the_plan_workbook_has_no_alternatives_sheet_unless_given(
    tmp_path: Path, example: PlanningInput, three: AlternativesResult
) -> None:
    path = write_first_plan(tmp_path, example, three)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert ALTERNATIVES not in names and ALTERNATIVE_TEAMS not in names


# ---------------------------------------------------------------------------- honest report


def test_when_no_other_team_is_possible_the_shortfall_is_reported() -> None:
    # six people and one team of exactly six: every plan is the same plan
    instance = _six(TeamSpec(name="All", min_size=6, max_size=6))
    options = SolveOptions(time_limit_seconds=2, workers=1, plan_rotation=False)
    result = plan_alternatives(instance, network_report(instance), options, 2, tolerance=0.05)
    assert len(result.plans) == 2
    assert not result.achieved
    assert result.summaries[1].within_tolerance
    assert not result.summaries[1].distinct
    assert result.summaries[1].difference_to == {1: 0.0}
    # too similar: retried barring more (60, 75, 90 %), and no further
    assert result.summaries[1].attempts == 3
    assert any("differs from an earlier plan in only 0%" in note for note in result.notes)


def test_without_teams_to_vary_plan_one_comes_alone_with_a_note() -> None:
    instance = _six(TeamSpec(name="All", min_size=6, max_size=6))
    options = SolveOptions(time_limit_seconds=2, workers=1, plan_teams=False)
    result = plan_alternatives(instance, network_report(instance), options, 3, tolerance=0.05)
    assert len(result.plans) == len(result.summaries) == 1
    assert not result.achieved
    assert result.notes == (NOTHING_TO_VARY,)


def test_fewer_than_one_plan_is_refused() -> None:
    instance = _six(TeamSpec(name="All", min_size=6, max_size=6))
    with pytest.raises(ValueError, match="at least 1"):
        plan_alternatives(instance, network_report(instance), QUICK, 0, tolerance=0.05)


# ---------------------------------------------------------------------------- difference


def test_renaming_teams_of_one_spec_is_no_difference() -> None:
    instance = _six(TeamSpec(name="Squad", count=2, min_size=2, max_size=3))
    a = _plan(Squad_1=("e1", "e2", "e3"), Squad_2=("e4", "e5", "e6"))
    b = _plan(Squad_1=("e4", "e5", "e6"), Squad_2=("e1", "e2", "e3"))
    assert assignment_difference(instance, a, b) == 0.0


def test_moving_people_between_teams_counts_the_moved_share() -> None:
    instance = _six(TeamSpec(name="Squad", count=2, min_size=2, max_size=3))
    a = _plan(Squad_1=("e1", "e2", "e3"), Squad_2=("e4", "e5", "e6"))
    swapped = _plan(Squad_1=("e1", "e2", "e4"), Squad_2=("e3", "e5", "e6"))
    assert assignment_difference(instance, a, swapped) == pytest.approx(2 / 6)


def test_difference_is_the_mean_of_both_directions() -> None:
    instance = _six(TeamSpec(name="Squad", count=2, min_size=2, max_size=3))
    a = _plan(Squad_1=("e1", "e2", "e3"), Squad_2=("e4", "e5", "e6"))
    half = _plan(Squad_1=("e1", "e2", "e3"), Squad_2=())
    # half of a's assignments are gone; none of half's: (0.5 + 0) / 2
    assert assignment_difference(instance, a, half) == pytest.approx(0.25)
    assert assignment_difference(instance, half, a) == pytest.approx(0.25)


def test_swapping_members_between_different_specs_is_a_full_difference() -> None:
    instance = _six(
        TeamSpec(name="Alpha", min_size=3, max_size=3),
        TeamSpec(name="Beta", min_size=3, max_size=3),
    )
    a = _plan(Alpha=("e1", "e2", "e3"), Beta=("e4", "e5", "e6"))
    b = _plan(Alpha=("e4", "e5", "e6"), Beta=("e1", "e2", "e3"))
    assert assignment_difference(instance, a, b) == 1.0
