"""Very large companies: the start plan stands for the teams, with the hand-made bound.

The size limit is lowered here so that small companies take the same path as a company
of 20,000 would (measured in benchmarks/suite.py, not in tests).
"""

from __future__ import annotations

import importlib
import threading
import time
from itertools import pairwise
from pathlib import Path

import pytest
from instances import network_report, random_company
from solving import by_work

from crossteam import network
from crossteam.checks import verify
from crossteam.checks.objective import team_objective_terms
from crossteam.checks.teams import check_teams
from crossteam.io.example_workbook import write_example
from crossteam.io.reader import load_workbook
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    Plan,
    SolveStatus,
    StopReason,
    TeamAssignment,
)
from crossteam.planner import PreviousPlan, SolveOptions, Stage, solve
from crossteam.planner.bounds import team_objective_bound
from crossteam.planner.start import starting_plan

large_module = importlib.import_module("crossteam.planner.large")
TEAMS_ONLY = SolveOptions(time_limit_seconds=10, workers=2, plan_rotation=False)


@pytest.fixture
def tiny_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(large_module, "MODEL_VARIABLE_LIMIT", 10)


def test_size_estimate_grows_with_teams_and_stays_under_the_limit_at_1000() -> None:
    small = random_company(100, 5, 10, seed=1)
    large = random_company(400, 5, 40, seed=1)
    gaps = len(network_report(small).gap_weights())
    assert large_module.team_model_size(small, TEAMS_ONLY, gaps) < large_module.team_model_size(
        large, TEAMS_ONLY, gaps
    )
    assert large_module.team_model_size(large, TEAMS_ONLY, gaps) < large_module.MODEL_VARIABLE_LIMIT


@pytest.mark.usefixtures("tiny_limit")
def test_a_very_large_company_gets_the_checked_start_plan_and_a_bound() -> None:
    instance = random_company(120, 6, 12, seed=4)
    report = network_report(instance)
    plan = solve(instance, report, TEAMS_ONLY)
    checks = verify(instance, plan)
    assert checks.passed, checks.failures
    assert plan.status is SolveStatus.FEASIBLE and plan.stop_reason is StopReason.SIZE_LIMIT
    assert plan.notes == (large_module.LARGE_NOTE,)
    terms = team_objective_terms(instance, report.gap_weights(), plan)
    assert plan.objective_terms == terms
    assert plan.objective == pytest.approx(sum(terms.values()))
    assert plan.bound == pytest.approx(team_objective_bound(instance, report.gap_weights()))
    assert plan.gap is not None and plan.gap >= 0
    assert plan.planned_teams and plan.time_limit_seconds == TEAMS_ONLY.time_limit_seconds


@pytest.mark.usefixtures("tiny_limit")
def test_a_re_plan_of_a_very_large_company_is_refused_with_its_size() -> None:
    instance = random_company(120, 6, 12, seed=4)
    report = network_report(instance)
    first = solve(instance, report, TEAMS_ONLY)
    checks = verify(instance, first)
    assert checks.passed, checks.failures
    again = solve(instance, report, TEAMS_ONLY, previous=PreviousPlan.of(first, weight=1000))
    assert again.status is SolveStatus.NO_SOLUTION and again.stop_reason is StopReason.SIZE_LIMIT
    variables = large_module.team_model_size(instance, TEAMS_ONLY, len(report.gap_weights()))
    refusal = large_module.REPAIR_TOO_LARGE.format(variables=variables, limit=10)
    assert again.explanation == (refusal,)
    assert not again.teams and again.planned_teams


@pytest.mark.usefixtures("tiny_limit")
def test_a_start_plan_that_breaks_a_hard_rule_goes_to_the_solver() -> None:
    # the greedy does not read hard diversify rules, so its plan breaks this one and the
    # model, small as it really is, must repair it
    rule = BalanceRule(attribute="department", mode=BalanceMode.DIVERSIFY, hard=True)
    instance = random_company(120, 6, 12, seed=4).model_copy(update={"balance_rules": (rule,)})
    plan = solve(instance, network_report(instance), TEAMS_ONLY)
    checks = verify(instance, plan)
    assert checks.passed, checks.failures
    assert large_module.LARGE_NOTE not in plan.notes
    assert plan.stop_reason is not StopReason.SIZE_LIMIT


@pytest.mark.usefixtures("tiny_limit")
def test_rotation_is_planned_after_the_teams_for_the_pairs_they_leave_silent(
    tmp_path: Path,
) -> None:
    write_example(tmp_path / "company.xlsx", 120, 8, seed=1)
    instance = load_workbook(tmp_path / "company.xlsx")
    plan = solve(
        instance, network.analyse(instance), SolveOptions(time_limit_seconds=10, workers=2)
    )
    checks = verify(instance, plan)
    assert checks.passed, checks.failures
    assert plan.teams and plan.rotation
    assert plan.notes == (large_module.LARGE_NOTE, large_module.LARGE_ROTATION_NOTE)
    assert plan.bound is None and plan.planned_rotation
    assert {"bridging", "diversity", "rotation_fairness"} <= set(plan.objective_terms)


def test_blocks_of_teams_planned_again_keep_every_rule_and_never_lose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = importlib.import_module("crossteam.planner.blocks")
    write_example(tmp_path / "company.xlsx", 150, 8, seed=2)
    instance = load_workbook(tmp_path / "company.xlsx")
    assert instance.rules and instance.balance_rules  # rules that blocks must carry over
    report = network.analyse(instance)
    gaps = report.gap_weights()
    variables = large_module.team_model_size(instance, TEAMS_ONLY, len(gaps))
    # about three teams a block, a second or more each
    monkeypatch.setattr(blocks, "BLOCK_VARIABLES", 3 * variables // len(instance.teams))
    monkeypatch.setattr(blocks, "MIN_BLOCK_SECONDS", 1.0)
    start = starting_plan(instance, report)
    order = {e.employee_id: i for i, e in enumerate(instance.employees)}
    teams = tuple(
        TeamAssignment(team=t.name, members=tuple(sorted(start[t.name], key=order.__getitem__)))
        for t in instance.teams
    )
    before = Plan(status=SolveStatus.FEASIBLE, teams=teams, planned_teams=True)
    assert all(r.passed for r in check_teams(instance, before))

    heard: list[tuple[float, int]] = []
    after, improved = blocks.improve_by_blocks(
        instance, report, TEAMS_ONLY, teams,
        variables=variables, deadline=time.monotonic() + 12, solve=solve,
        on_block=lambda value, done: heard.append((value, done)),
    )  # fmt: skip

    plan = Plan(status=SolveStatus.FEASIBLE, teams=after, planned_teams=True)
    assert all(r.passed for r in check_teams(instance, plan))
    assert [t.team for t in after] == [t.name for t in instance.teams]
    value = sum(team_objective_terms(instance, gaps, plan).values())
    start_value = sum(team_objective_terms(instance, gaps, before).values())
    assert value >= start_value
    assert (improved > 0) == (value > start_value)
    # progress after every block: the whole objective never falls, and ends at the plan's
    assert len(heard) >= 2 and heard[-1] == (pytest.approx(value), improved)
    assert all(a[0] <= b[0] for a, b in pairwise(heard))


@pytest.mark.usefixtures("tiny_limit")
def test_a_stop_during_the_blocks_keeps_the_teams_and_plans_no_rotation(tmp_path: Path) -> None:
    write_example(tmp_path / "company.xlsx", 120, 8, seed=1)
    instance = load_workbook(tmp_path / "company.xlsx")
    stop = threading.Event()

    def on_stage(stage: Stage) -> None:
        if stage is Stage.BLOCKS:
            stop.set()  # as a Ctrl-C would, once the checked start plan stands

    options = SolveOptions(time_limit_seconds=10, workers=2)
    plan = solve(instance, network.analyse(instance), options, on_stage=on_stage, stop=stop)
    assert plan.status is SolveStatus.FEASIBLE and plan.stop_reason is StopReason.INTERRUPTED
    assert plan.teams and plan.rotation == () and not plan.planned_rotation
    assert large_module.LARGE_STOPPED_NOTE in plan.notes
    checks = verify(instance, plan)
    assert checks.passed, checks.failures


@pytest.mark.usefixtures("tiny_limit")
def test_a_stop_before_the_rotation_has_a_plan_keeps_the_teams(tmp_path: Path) -> None:
    write_example(tmp_path / "company.xlsx", 120, 8, seed=1)
    instance = load_workbook(tmp_path / "company.xlsx")
    stop = threading.Event()
    seen: list[Stage] = []

    def on_stage(stage: Stage) -> None:
        seen.append(stage)
        if stage is Stage.MODEL and Stage.BLOCKS in seen:
            stop.set()  # a Ctrl-C once the rotation's model is being built, after the blocks

    options = SolveOptions(time_limit_seconds=10, workers=2)
    plan = solve(instance, network.analyse(instance), options, on_stage=on_stage, stop=stop)
    assert Stage.BLOCKS in seen and stop.is_set()
    assert plan.status is SolveStatus.FEASIBLE and plan.stop_reason is StopReason.INTERRUPTED
    assert plan.teams and plan.rotation == () and not plan.planned_rotation
    assert large_module.LARGE_STOPPED_NOTE in plan.notes
    checks = verify(instance, plan)
    assert checks.passed, checks.failures


def test_a_block_is_sized_by_its_own_people_when_the_whole_model_has_more_cohorts() -> None:
    blocks = importlib.import_module("crossteam.planner.blocks")
    instance = random_company(400, 5, 40, seed=1)
    teams = len(instance.teams)
    seats = max(t.max_size for t in instance.teams)
    # a whole model of 5,000 variables a team (as wishes split 50,000 people into 3,318
    # cohorts): a block of its few dozen people's teams is far smaller than that
    size = blocks.block_size(instance, 5_000 * teams, 0)
    assert size > blocks.BLOCK_VARIABLES // 5_000
    assert size * (size * seats + 2 * 5) <= blocks.BLOCK_VARIABLES
    # a cheap whole model: the whole model's figure stands (every team in one block here)
    assert blocks.block_size(instance, 10 * teams, 0) == teams


def test_a_solve_given_a_start_searches_from_it_and_never_returns_less() -> None:
    # a block's search starts from its teams as they are: with a tiny amount of work the
    # plan is that start or better, not what a search from the block's own greedy finds
    instance = random_company(120, 6, 12, seed=4)
    report = network_report(instance)
    gaps = report.gap_weights()
    searched = solve(instance, report, by_work(1.0, rotation=False), whole=False)
    given = {t.team: list(t.members) for t in searched.teams}
    plan = solve(instance, report, by_work(0.01, rotation=False), whole=False, start=given)
    assert verify(instance, plan).passed
    value = sum(team_objective_terms(instance, gaps, plan).values())
    assert value >= sum(team_objective_terms(instance, gaps, searched).values()) - 1e-6
