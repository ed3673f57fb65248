"""solve(): the whole run, from instance to a checked plan, with run control."""

from __future__ import annotations

import importlib
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from instances import company, network_report, person, random_company
from ortools.sat.python import cp_model
from solving import by_work

from crossteam.checks import verify
from crossteam.models import (
    Period,
    Plan,
    PlanningInput,
    Rule,
    RuleKind,
    Settings,
    SkillNeed,
    SolveStatus,
    StopReason,
    TeamSpec,
)
from crossteam.planner import BASELINE, Progress, SolveOptions, Stage, solve
from crossteam.planner.bounds import team_objective_bound
from crossteam.planner.explain import EXPLAIN_INTERRUPTED
from crossteam.planner.options import DETERMINISTIC_PER_SECOND
from crossteam.planner.search import CEILING_NOTE, START_NOTE

QUICK = by_work(0.5, rotation=False)
"""Teams only, the search bounded by work (the clock a distant safety net): what the tests
assert of a plan (optimal, proven infeasible, its objective) cannot flip on a loaded machine."""
CLOCK = SolveOptions(time_limit_seconds=5, workers=2, plan_rotation=False, repeatable=False)
"""Teams only, on the clock alone: for the tests of runs that are not repeatable."""


def planned(instance: PlanningInput, options: SolveOptions = QUICK) -> Plan:
    plan = solve(instance, network_report(instance), options)
    report = verify(instance, plan)
    assert report.passed, report.failures
    return plan


def test_small_company_gets_a_plan_that_passes_every_check() -> None:
    instance = random_company(60, 5, 6, seed=3)
    plan = planned(instance)
    assert plan.has_solution
    assert {t.team for t in plan.teams} == {t.name for t in instance.teams}
    assert plan.objective is not None and plan.bound is not None
    assert plan.objective <= plan.bound + 1e-6


def test_objective_is_reported_in_user_units_and_adds_up_from_its_parts() -> None:
    instance = random_company(40, 4, 4, seed=5)
    plan = planned(instance)
    assert plan.objective == pytest.approx(sum(plan.objective_terms.values()))
    # diversity counts whole departments, so its value is an integer number of them
    assert plan.objective_terms["diversity"] == int(plan.objective_terms["diversity"])


def test_teams_bridge_a_silent_pair_when_they_can() -> None:
    people = [person(f"a{i}", "A") for i in range(3)] + [person(f"b{i}", "B") for i in range(3)]
    instance = company(people, (TeamSpec(name="T", min_size=2, max_size=2),))
    plan = planned(instance)
    (team,) = plan.teams
    assert {m[0] for m in team.members} == {"a", "b"}
    assert plan.objective_terms["bridging"] > 0


def test_a_skill_nobody_has_makes_the_plan_infeasible_and_names_it() -> None:
    people = [person(f"p{i}", "A" if i % 2 else "B", {"sql": 2}) for i in range(6)]
    need = SkillNeed(skill="cobol", min_level=4)
    spec = TeamSpec(name="Voice", count=1, min_size=2, max_size=3, skill_needs=(need,))
    instance = company(people, (spec,))
    plan = solve(instance, network_report(instance), QUICK)
    assert plan.status is SolveStatus.INFEASIBLE
    assert plan.stop_reason is StopReason.PRECHECK
    assert any("cobol" in reason and "'Voice'" in reason for reason in plan.explanation)


def test_conflict_only_the_solver_sees_is_explained_with_the_rules_involved() -> None:
    # two people in A, one in B: two teams of two from two departments cannot both form
    people = [person("a1", "A"), person("a2", "A"), person("a3", "A"), person("b1", "B")]
    spec = TeamSpec(name="Pair", count=2, min_size=2, max_size=2, min_departments=2)
    instance = company(people, (spec,))
    plan = solve(instance, network_report(instance), QUICK)
    assert plan.status is SolveStatus.INFEASIBLE
    assert plan.stop_reason is StopReason.PROVEN
    text = " ".join(plan.explanation)
    assert "at least 2 departments" in text


def together(a: str, b: str, row: int = 2) -> Rule:
    return Rule(kind=RuleKind.TOGETHER, employee_id=a, target=b, targets=(b,), row=row)


def test_a_together_pair_is_placed_even_where_leaving_it_out_scores_more() -> None:
    # one team of two: two people of different departments bridge a silent pair and count
    # two departments; a1 and a2, both of A, count one and bridge nothing
    people = [person("a1", "A"), person("a2", "A"), person("b1", "B"), person("c1", "C")]
    spec = TeamSpec(name="T", min_size=2, max_size=2)
    free = planned(company(people, (spec,)))
    assert set(free.teams[0].members) != {"a1", "a2"}
    bound = planned(company(people, (spec,), rules=(together("a1", "a2"),)))
    assert bound.teams[0].members == ("a1", "a2")
    assert bound.objective is not None and free.objective is not None
    assert bound.objective < free.objective


def test_a_together_pair_no_team_can_take_is_explained_with_its_rules_row() -> None:
    # the one team of two needs a python holder, and neither of the pair holds it
    people = [person("a1", "A"), person("b1", "B"), person("c1", "C", {"python": 2})]
    spec = TeamSpec(name="T", min_size=2, max_size=2, skill_needs=(SkillNeed(skill="python"),))
    instance = company(people, (spec,), rules=(together("a1", "b1", 7),))
    plan = solve(instance, network_report(instance), QUICK)
    assert plan.status is SolveStatus.INFEASIBLE and plan.stop_reason is StopReason.PROVEN
    assert plan.explanation[0] == "No plan meets all of these rules together:"
    assert "- Rules row 7: a1 must be in a team, the same team as b1" in plan.explanation
    assert "- Team 'T' needs 1 member with python at level 1 or more" in plan.explanation


def test_one_worker_with_a_seed_and_a_deterministic_limit_repeats_exactly() -> None:
    instance = random_company(120, 6, 12, seed=11)
    options = SolveOptions(
        time_limit_seconds=30, workers=1, seed=7, deterministic_time_limit=0.5, plan_rotation=False
    )
    first, second = planned(instance, options), planned(instance, options)
    assert first.teams == second.teams
    assert first.objective == second.objective
    assert first.stop_reason in (StopReason.DETERMINISTIC_LIMIT, StopReason.PROVEN)


def test_a_repeatable_run_derives_its_work_limit_from_the_time_limit() -> None:
    options = SolveOptions(time_limit_seconds=10)
    assert options.repeatable and options.by_work  # the default
    assert options.work_limit == DETERMINISTIC_PER_SECOND * 10
    assert replace(options, deterministic_time_limit=3.0).work_limit == 3.0
    free = replace(options, repeatable=False)
    assert free.work_limit is None and not free.by_work
    # one worker with a deterministic limit repeats as it did before ``repeatable``
    assert replace(free, workers=1, deterministic_time_limit=3.0).by_work


def test_two_runs_with_every_core_and_the_repeatable_default_give_identical_plans() -> None:
    # every core (workers 0), interleaved; a small work limit and a generous clock, so
    # that the work limit, not the machine's load, ends the search
    instance = random_company(150, 8, 15, seed=12)
    options = SolveOptions(
        time_limit_seconds=120, deterministic_time_limit=2.0, plan_rotation=False
    )
    assert options.repeatable and options.workers == 0
    first, second = planned(instance, options), planned(instance, options)
    assert first.teams == second.teams and first.objective == second.objective
    assert first.repeatable and second.repeatable
    assert first.deterministic_time_limit == 2.0
    assert first.stop_reason in (StopReason.DETERMINISTIC_LIMIT, StopReason.PROVEN)


def test_a_repeatable_run_the_clock_ends_says_it_may_not_repeat(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a machine far slower than the time limit allows for: the search gets a tenth of a
    # second of wall clock for its work, and the clock, a safety net, ends it
    search = search_module._run

    def slow_machine(solver: cp_model.CpSolver, *args: object) -> object:
        solver.parameters.max_time_in_seconds = 0.1
        return search(solver, *args)

    monkeypatch.setattr(search_module, "_run", slow_machine)
    instance = random_company(300, 10, 30, seed=12)
    plan = planned(instance, SolveOptions(time_limit_seconds=60, deterministic_time_limit=50))
    assert plan.stop_reason is StopReason.TIME_LIMIT
    assert not plan.repeatable
    (note,) = [n for n in plan.notes if n.startswith("This run may not repeat")]
    assert "the search" in note


def test_a_run_on_the_clock_alone_is_not_called_repeatable() -> None:
    instance = random_company(60, 5, 6, seed=2)
    plan = planned(instance, CLOCK)
    assert not plan.repeatable and plan.deterministic_time_limit is None
    assert not [n for n in plan.notes if "repeat" in n]


def test_progress_is_reported_in_user_units() -> None:
    instance = random_company(60, 5, 6, seed=2)
    seen: list[Progress] = []
    plan = solve(instance, network_report(instance), QUICK, on_progress=seen.append)
    assert seen
    assert seen[-1].objective == pytest.approx(plan.objective)
    assert all(p.objective <= p.bound + 1e-6 for p in seen)


def test_a_stop_request_ends_the_search_with_the_best_plan_so_far() -> None:
    instance = random_company(400, 12, 40, seed=4)
    stop = threading.Event()
    stop.set()  # as if Ctrl-C came at once: the search stops at its first chance
    options = SolveOptions(time_limit_seconds=60, workers=2, plan_rotation=False)
    plan = solve(instance, network_report(instance), options, stop=stop)
    assert plan.stop_reason is StopReason.INTERRUPTED
    assert plan.seconds < 60
    if plan.has_solution:
        assert verify(instance, plan).passed


def test_nothing_to_plan_without_teams_or_with_teams_switched_off() -> None:
    instance = random_company(30, 3, 3, seed=1)
    options = SolveOptions(time_limit_seconds=5, workers=1, plan_teams=False, plan_rotation=False)
    plan = solve(instance, network_report(instance), options)
    assert plan.stop_reason is StopReason.NOTHING_TO_PLAN
    assert plan.teams == ()


def test_assign_everyone_seats_every_available_person() -> None:
    instance = random_company(
        50, 4, 5, seed=9, team_size=(8, 12), settings=Settings(assign_everyone=True)
    )
    plan = planned(instance)
    seated = {e for t in plan.teams for e in t.members}
    assert seated == {e.employee_id for e in instance.available_employees}


def test_baseline_formulation_finds_a_plan_as_good_on_a_tiny_company() -> None:
    instance = random_company(30, 3, 3, seed=6)
    final = planned(instance)
    baseline = planned(
        instance,
        SolveOptions(time_limit_seconds=5, workers=2, plan_rotation=False, formulation=BASELINE),
    )
    assert final.status is SolveStatus.OPTIMAL and baseline.status is SolveStatus.OPTIMAL
    assert final.objective == pytest.approx(baseline.objective)


def test_options_from_settings_keep_settings_unless_overridden() -> None:
    settings = Settings(time_limit_seconds=12, random_seed=3, workers=1)
    options = SolveOptions.from_settings(settings, time_limit_seconds=None, seed=9)
    assert (options.time_limit_seconds, options.seed, options.workers) == (12, 9, 1)
    assert SolveOptions(workers=0).threads >= 1


def test_teams_and_rotation_share_one_model_and_pass_every_check(tmp_path: Path) -> None:
    from crossteam import network
    from crossteam.io.example_workbook import write_example
    from crossteam.io.reader import load_workbook

    write_example(tmp_path / "company.xlsx", 120, 8, seed=1)
    instance = load_workbook(tmp_path / "company.xlsx")
    report = network.analyse(instance)
    options = SolveOptions(time_limit_seconds=10, workers=2)
    plan = solve(instance, report, options)
    assert plan.has_solution and plan.teams and plan.rotation
    assert {"bridging", "diversity", "rotation_fairness"} <= set(plan.objective_terms)
    checks = verify(instance, plan)
    assert checks.passed, checks.failures


def test_impossible_rotation_rule_is_explained() -> None:
    people = [person(f"a{i}", "A") for i in range(3)] + [person(f"b{i}", "B") for i in range(3)]
    rule = Rule(kind=RuleKind.ROTATE_TO, employee_id="a0", target="B", targets=("B",))
    instance = company(people, rules=(rule,), settings=Settings(default_host_capacity=0))
    instance = instance.model_copy(
        update={
            "periods": (Period(label="Q1", index=0),),
            "departments": tuple(
                d.model_copy(update={"host_capacity": 0}) for d in instance.departments
            ),
        }
    )
    plan = solve(instance, network_report(instance), SolveOptions(time_limit_seconds=5, workers=1))
    assert plan.status is SolveStatus.INFEASIBLE
    assert any("a0" in reason for reason in plan.explanation)


def test_the_start_plan_stands_when_the_search_ends_before_its_first_solution(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search_module, "_run", lambda *_: cp_model.UNKNOWN)
    instance = random_company(80, 5, 8, seed=12)
    # on the clock: the stand-in search has no deterministic time to read
    plan = planned(instance, CLOCK)
    assert plan.status is SolveStatus.FEASIBLE
    # no bound from the solver: the hand-made one stands in, and the notes say both
    ceiling = team_objective_bound(instance, network_report(instance).gap_weights())
    assert plan.bound == pytest.approx(ceiling) and plan.objective is not None
    assert plan.gap == pytest.approx((ceiling - plan.objective) / plan.objective)
    assert plan.notes == (CEILING_NOTE, START_NOTE)


def test_explanation_is_cut_down_to_the_rules_that_conflict() -> None:
    people = [person(f"a{i}", "A") for i in range(4)] + [person(f"b{i}", "B") for i in range(4)]
    spec = TeamSpec(name="T", count=2, min_size=3, max_size=4, max_per_department=2)
    rules = tuple(
        Rule(kind=RuleKind.IN_TEAM, employee_id=f"a{i}", target="T-1", targets=("T-1",), row=i + 2)
        for i in range(3)
    )
    instance = company(people, (spec,), rules=rules)
    plan = solve(instance, network_report(instance), QUICK)
    assert plan.status is SolveStatus.INFEASIBLE
    assert plan.explanation == (
        "No plan meets all of these rules together:",
        "- Team 'T' takes at most 2 per department",
        "- Rules row 2: a0 must be in team 'T-1'",
        "- Rules row 3: a1 must be in team 'T-1'",
        "- Rules row 4: a2 must be in team 'T-1'",
    )


solve_module = importlib.import_module("crossteam.planner.solve")
search_module = importlib.import_module("crossteam.planner.search")


def stopping_at(stage: Stage, stop: threading.Event, heard: list[Stage]) -> Callable[[Stage], None]:
    """An ``on_stage`` that records every stage and sets ``stop`` when ``stage`` begins,
    as a Ctrl-C at that moment would."""

    def on_stage(started: Stage) -> None:
        heard.append(started)
        if started is stage:
            stop.set()

    return on_stage


def test_stages_are_announced_as_they_begin() -> None:
    heard: list[Stage] = []
    instance = random_company(40, 4, 4, seed=5)
    plan = solve(instance, network_report(instance), QUICK, on_stage=heard.append)
    assert plan.has_solution
    assert heard == [Stage.START, Stage.DEPARTMENTS, Stage.MODEL, Stage.BOUND, Stage.SEARCH]


@pytest.mark.parametrize("stage", [Stage.START, Stage.DEPARTMENTS, Stage.MODEL, Stage.BOUND])
def test_a_stop_before_the_search_ends_the_run_without_a_plan(stage: Stage) -> None:
    instance = random_company(60, 5, 6, seed=3)
    stop, heard = threading.Event(), []
    on_stage = stopping_at(stage, stop, heard)
    plan = solve(instance, network_report(instance), QUICK, on_stage=on_stage, stop=stop)
    assert plan.status is SolveStatus.NO_SOLUTION
    assert plan.stop_reason is StopReason.INTERRUPTED
    assert plan.explanation == (solve_module.INTERRUPTED_REASON,)
    assert heard[-1] is stage  # nothing began after the stop
    assert not verify(instance, plan).results  # no plan, nothing to check


def test_a_stop_while_explaining_says_the_explanation_was_cut_short() -> None:
    people = [person(f"a{i}", "A") for i in range(4)] + [person(f"b{i}", "B") for i in range(4)]
    spec = TeamSpec(name="T", count=2, min_size=3, max_size=4, max_per_department=2)
    rules = tuple(
        Rule(kind=RuleKind.IN_TEAM, employee_id=f"a{i}", target="T-1", targets=("T-1",), row=i + 2)
        for i in range(3)
    )
    instance = company(people, (spec,), rules=rules)
    stop, heard = threading.Event(), []
    on_stage = stopping_at(Stage.EXPLAIN, stop, heard)
    plan = solve(instance, network_report(instance), QUICK, on_stage=on_stage, stop=stop)
    assert plan.status is SolveStatus.INFEASIBLE
    assert plan.explanation == (EXPLAIN_INTERRUPTED,)


def test_teams_are_never_larger_than_the_people_they_can_hold() -> None:
    instance = random_company(60, 5, 2, seed=3)
    limited = TeamSpec(name="L", min_size=2, max_size=100_000, max_per_department=2)
    free = TeamSpec(name="F", min_size=2, max_size=100_000)
    absurd = instance.model_copy(
        update={"team_specs": (limited, free), "teams": (*limited.expand(), *free.expand())}
    )
    held = solve_module.within_headcount(absurd)
    available = Counter(e.department for e in instance.available_employees)
    two_each = sum(min(n, 2) for n in available.values())
    assert [t.max_size for t in held.teams] == [two_each, sum(available.values())]
    assert two_each < sum(available.values()) < 100_000
    assert solve_module.within_headcount(instance) is instance
    plan = planned(absurd)  # checked against the sizes as given
    assert plan.has_solution
