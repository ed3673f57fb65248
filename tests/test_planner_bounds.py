"""The hand-made bound on the team objective: worked by hand once, never below an optimum."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from instances import company, network_report, person, random_company
from solving import by_work, solved

from crossteam import network
from crossteam.io.example_workbook import write_example
from crossteam.io.reader import load_workbook
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    Plan,
    PlanningInput,
    Settings,
    SolveStatus,
    StopReason,
    TeamSpec,
)
from crossteam.planner import BASELINE, SolveOptions, bounds
from crossteam.planner.bounds import team_objective_bound
from crossteam.planner.cutoff import Cutoff
from crossteam.planner.model import build_model

DIVERSIFY = BalanceRule(attribute="department", mode=BalanceMode.DIVERSIFY)


def planned(instance: PlanningInput, work: float = 1.0) -> Plan:
    """``instance``'s teams planned (and checked) within ``work`` units of solver work."""
    return solved(instance, by_work(work, rotation=False))


def three_a_one_b() -> PlanningInput:
    people = [person("a1", "A"), person("a2", "A"), person("a3", "A"), person("b1", "B")]
    spec = TeamSpec(name="T", min_size=2, max_size=2)
    return company(people, (spec,), balance_rules=(DIVERSIFY,))


def test_bound_worked_by_hand() -> None:
    instance = three_a_one_b()
    gaps = network_report(instance).gap_weights()
    assert gaps == {("A", "B"): 3.0}  # no ties: a silent pair, zero-tie gap weight 3
    # bridging: 10 x 3 = 30. The team of 2 aims at round(0.75 x 2) = 2 of A and
    # round(0.25 x 2) = 1 of B. With a of A and b of B (a + b <= 2), departments present
    # less deviations: a=1,b=1 gives 2 - 1 = 1; a=2,b=0 gives 1 - 1 = 0; a=2,b=1 does not
    # fit. Best 1. No skill needs, so no depth: 30 + 1 = 31.
    assert team_objective_bound(instance, gaps) == pytest.approx(31.0)


def test_a_plan_that_reaches_the_bound_is_reported_optimal_for_that_reason() -> None:
    instance = three_a_one_b()
    plan = planned(instance)
    assert plan.objective == pytest.approx(31.0)
    assert plan.bound == pytest.approx(31.0)
    assert plan.status is SolveStatus.OPTIMAL and plan.stop_reason is StopReason.PROVEN


def test_zero_bridging_weight_leaves_only_the_team_terms() -> None:
    instance = three_a_one_b().model_copy(update={"settings": Settings(weight_bridging=0)})
    assert team_objective_bound(instance, network_report(instance).gap_weights()) == 1.0


@pytest.mark.parametrize("seed", range(6))
def test_bound_is_never_below_a_proven_optimum(seed: int) -> None:
    # small companies the solver proves optimal, with and without diversify, with
    # department limits and skill depth: the hand-made bound must stay above each optimum
    base = random_company(60, 4, 3, seed=seed, team_size=(3, 5))
    rules = (DIVERSIFY,) if seed % 2 else ()
    specs = tuple(
        s.model_copy(update={"max_per_department": 2 if seed % 3 == 0 else None})
        for s in base.team_specs
    )
    teams = tuple(team for spec in specs for team in spec.expand())
    instance = base.model_copy(update={"balance_rules": rules, "team_specs": specs, "teams": teams})
    plan = planned(instance, work=2.0)
    assert plan.status is SolveStatus.OPTIMAL
    assert plan.objective is not None
    ceiling = team_objective_bound(instance, network_report(instance).gap_weights())
    assert plan.objective <= ceiling + 1e-9


@pytest.mark.parametrize(("employees", "departments", "seed"), [(40, 4, 1), (60, 5, 2), (80, 6, 3)])
def test_bound_with_rotation_is_never_below_a_proven_optimum(
    employees: int, departments: int, seed: int, tmp_path: Path
) -> None:
    # example companies with periods: teams and rotation in one model, solved to optimality
    write_example(tmp_path / "company.xlsx", employees, departments, seed=seed)
    instance = load_workbook(tmp_path / "company.xlsx")
    report = network.analyse(instance)
    options = by_work(3.0)
    plan = solved(instance, options, report=report)
    assert plan.status is SolveStatus.OPTIMAL and plan.rotation
    built = build_model(instance, report, options, teams=True, rotation=True)
    assert built.ceiling is not None and built.rotation is not None
    assert plan.objective is not None and plan.objective <= built.ceiling + 1e-9
    # the rotation's own terms are bounded too, not left out
    own = plan.objective_terms.get("rotation_fairness", 0) + plan.objective_terms.get("learning", 0)
    assert 0 < own <= built.rotation.objective_ceiling(instance.settings) / 1000


def test_teams_competing_for_scarce_people_lower_the_bound() -> None:
    # two teams of two; A has one person, B three. Alone, each team would hold both
    # departments (2 + 2 = 4), but only one team can have the one A: at most 2 + 1 = 3.
    people = [person("a1", "A"), person("b1", "B"), person("b2", "B"), person("b3", "B")]
    settings = Settings(weight_bridging=0)
    instance = company(
        people, (TeamSpec(name="T", count=2, min_size=2, max_size=2),), settings=settings
    )
    report = network_report(instance)
    assert 3.0 <= team_objective_bound(instance, report.gap_weights()) < 3.05
    # the objective counts whole departments, so the bound rounds down to a whole one
    options = SolveOptions(time_limit_seconds=5, workers=1, plan_rotation=False)
    built = build_model(instance, report, options, teams=True, rotation=False)
    assert built.ceiling == 3.0
    plan = planned(instance)
    assert plan.objective == 3.0 and plan.status is SolveStatus.OPTIMAL


def test_the_baseline_formulation_has_only_the_solvers_bound() -> None:
    instance = three_a_one_b()
    report = network_report(instance)
    options = SolveOptions(time_limit_seconds=5, workers=1, formulation=BASELINE)
    built = build_model(instance, report, options, teams=True, rotation=False)
    assert built.ceiling is None
    final = build_model(instance, report, SolveOptions(), teams=True, rotation=False)
    assert final.ceiling == 31.0


def with_sizes(instance: PlanningInput, max_size: int, count: int = 2) -> PlanningInput:
    spec = TeamSpec(name="T", count=count, min_size=2, max_size=max_size)
    return instance.model_copy(update={"team_specs": (spec,), "teams": spec.expand()})


def test_an_absurd_max_size_bounds_as_the_people_available_do() -> None:
    # a team never holds more than the 60 people available: max_size 100000 allows no
    # other plan, and must neither change the bound nor make it work through 100000 sizes
    base = random_company(60, 6, 3, seed=4, team_size=(3, 5))
    gaps = network_report(base).gap_weights()
    absurd = team_objective_bound(with_sizes(base, 100_000), gaps)
    assert absurd == team_objective_bound(with_sizes(base, 60), gaps)
    headcount = {d: 10 for d in "ABCDEF"}
    sizes = {(2, 100_000, None): bounds._sizes((2, 100_000, None), headcount)}
    assert sizes[2, 100_000, None] == range(2, 61)
    assert bounds._work(sizes, headcount) <= bounds.KNAPSACK_WORK


def test_beyond_the_work_budget_the_looser_bound_stands_and_still_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    instance = three_a_one_b()
    gaps = network_report(instance).gap_weights()
    exact = team_objective_bound(instance, gaps)
    monkeypatch.setattr(bounds, "KNAPSACK_WORK", 1)
    loose = team_objective_bound(instance, gaps)
    # each team with every department it has seats for (2 departments, diversity 1), no
    # deviation: 30 + 2, one above the exact 31, and still above every plan
    assert loose == pytest.approx(32.0) and loose > exact
    assert planned(instance).objective <= loose


def test_a_stopped_bound_gives_the_looser_bound_at_once() -> None:
    instance = three_a_one_b()
    gaps = network_report(instance).gap_weights()
    stop = threading.Event()
    stop.set()
    assert team_objective_bound(instance, gaps, cutoff=Cutoff(stop)) == pytest.approx(32.0)
