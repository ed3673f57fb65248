"""The objective's extent: a bound, from the instance alone, of what CP-SAT checks in the model
the planner builds, so that weights the reader accepts never make the solver refuse a model."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from solving import by_work, solved

from crossteam import network
from crossteam.errors import InputError
from crossteam.io.example_workbook import write_example
from crossteam.io.reader import load_workbook
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    PlanningInput,
    Settings,
    objective_extent,
)
from crossteam.models.limits import MAX_WEIGHT, OBJECTIVE_LIMIT, OBJECTIVE_SCALE
from crossteam.planner import PreviousPlan, SolveOptions
from crossteam.planner.context import objective_reach
from crossteam.planner.model import build_model

WEIGHTS = (
    "weight_bridging",
    "weight_diversity",
    "weight_balance",
    "weight_skill_depth",
    "weight_rotation_fairness",
    "weight_learning",
    "weight_stability",
)


@pytest.fixture(scope="module")
def every_term(tmp_path_factory: pytest.TempPathFactory) -> PlanningInput:
    """The example company (teams, skills, rotation) with a soft Balance rule of every mode,
    one of them on a numeric column, so that every part of the objective has terms."""
    path = tmp_path_factory.mktemp("extent") / "company.xlsx"
    write_example(path, employees=60, departments=6, seed=3)
    base = load_workbook(path)
    rng = random.Random(4)
    employees = tuple(
        e.model_copy(update={"attributes": {**e.attributes, "tenure": float(rng.randint(0, 30))}})
        for e in base.employees
    )
    rules = (
        BalanceRule(attribute="location", mode=BalanceMode.DIVERSIFY, weight=2),
        BalanceRule(attribute="role", mode=BalanceMode.CLUSTER, weight=0.5),
        BalanceRule(attribute="tenure", mode=BalanceMode.BALANCE, weight=3),
        BalanceRule(attribute="location", mode=BalanceMode.NO_LONE, weight=1),
        BalanceRule(attribute="role", mode=BalanceMode.DIFFERENT, weight=1.5),
    )
    return base.with_changes(employees=employees, balance_rules=rules)


def with_weights(instance: PlanningInput, **weights: float) -> PlanningInput:
    settings = Settings.model_validate({**instance.settings.model_dump(), **weights})
    return instance.with_changes(settings=settings)


@pytest.mark.parametrize(
    "weights",
    [
        {},
        {name: 1000.0 for name in WEIGHTS},
        {"weight_balance": 1e4, "weight_learning": 0.002},
        {"weight_bridging": 0.0, "zero_tie_gap_weight": 5e4},
    ],
    ids=["defaults", "all at 1000", "balance heavy", "bridging off"],
)
def test_the_extent_bounds_what_cp_sat_checks_in_the_model(
    every_term: PlanningInput, weights: dict[str, float]
) -> None:
    instance = with_weights(every_term, **weights)
    report = network.analyse(instance)
    built = build_model(instance, report, SolveOptions(), teams=True, rotation=True)
    parts = {part for part, terms in built.ctx.objective_terms.items() if terms}
    assert parts >= {"diversity", "balance", "rotation_fairness", "learning"}
    reach = objective_reach(built.ctx.model)
    extent = objective_extent(instance)
    assert reach <= extent.total * OBJECTIVE_SCALE
    assert extent.fits


@pytest.mark.parametrize("weight", [25.0, 1000.0])
def test_the_extent_bounds_a_replan_with_every_assignment_kept(
    every_term: PlanningInput, weight: float
) -> None:
    instance = with_weights(every_term, weight_stability=weight)
    report = network.analyse(instance)
    options = by_work(0.5)
    first = solved(instance, options, report=report)
    teams = [("team", m, t.team) for t in first.teams for m in t.members]
    stints = [("rotation", s.employee_id, s.department) for s in first.rotation]
    previous = PreviousPlan.of(first, weight, kept=[*teams, *stints])
    built = build_model(instance, report, options, teams=True, rotation=True, previous=previous)
    assert built.ctx.objective_terms["stability"]
    assert objective_reach(built.ctx.model) <= objective_extent(instance).total * OBJECTIVE_SCALE


def test_weights_at_the_cell_maximum_can_pass_the_objective_limit(
    every_term: PlanningInput,
) -> None:
    loud = with_weights(every_term, weight_bridging=MAX_WEIGHT, zero_tie_gap_weight=MAX_WEIGHT)
    extent = objective_extent(loud)
    assert not extent.fits
    assert extent.largest == "bridging"
    assert extent.total > OBJECTIVE_LIMIT
    assert "lower the weights" in extent.message()


def test_the_extent_grows_with_each_weight(every_term: PlanningInput) -> None:
    base = objective_extent(every_term).parts
    for name, part in [
        ("weight_bridging", "bridging"),
        ("weight_diversity", "diversity"),
        ("weight_balance", "balance"),
        ("weight_skill_depth", "skill_depth"),
        ("weight_rotation_fairness", "rotation_fairness"),
        ("weight_learning", "learning"),
        ("weight_stability", "stability"),
    ]:
        grown = objective_extent(with_weights(every_term, **{name: 500.0})).parts
        assert grown[part] > base[part], name
        assert all(grown[p] == base[p] for p in base if p != part), name


def test_the_reader_refuses_what_the_planner_would(tmp_path: Path) -> None:
    """The same weights through a workbook: an error at a cell, never a solver error."""
    path = tmp_path / "company.xlsx"
    write_example(path, employees=60, departments=6, seed=3)
    import openpyxl

    book = openpyxl.load_workbook(path)
    book["Settings"].append(["weight_bridging", MAX_WEIGHT])
    book["Settings"].append(["zero_tie_gap_weight", MAX_WEIGHT])
    book.save(path)
    with pytest.raises(InputError) as refused:
        load_workbook(path)
    [problem] = refused.value.problems
    assert problem.sheet == "Settings" and problem.cell is not None
    assert "objective could reach" in problem.message


def test_the_extent_bounds_the_repeat_cost_of_team_history_under_avoid(
    every_term: PlanningInput,
) -> None:
    from crossteam.models import HistoryEntry, ProgrammeKind, RepeatPolicy

    people = [e.employee_id for e in every_term.employees if e.available]
    # two earlier rounds of teams of six, so that every team can hold repeated pairs
    history = tuple(
        HistoryEntry(
            employee_id=who,
            period=period,
            kind=ProgrammeKind.TEAM,
            target=f"old-{i // 6}",
        )
        for period, order in (("Q1", people), ("Q2", people[3:] + people[:3]))
        for i, who in enumerate(order)
    )
    avoid = every_term.settings.model_copy(
        update={"repeat_teammates": RepeatPolicy.AVOID, "weight_repeat_teammates": 1000.0}
    )
    instance = every_term.validated_with(
        history=history, history_periods=("Q1", "Q2"), settings=avoid
    )
    built = build_model(
        instance, network.analyse(instance), SolveOptions(), teams=True, rotation=True
    )
    assert built.ctx.objective_terms["repeat_teammates"]
    extent = objective_extent(instance)
    assert objective_reach(built.ctx.model) <= extent.total * OBJECTIVE_SCALE
    # the part grows with its weight, and is nothing under allow
    assert extent.parts["repeat_teammates"] > objective_extent(every_term).parts["repeat_teammates"]
    allowed = avoid.model_copy(update={"repeat_teammates": RepeatPolicy.ALLOW})
    assert (
        objective_extent(instance.validated_with(settings=allowed)).parts["repeat_teammates"] == 0
    )
