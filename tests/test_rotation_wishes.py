"""Wishes (Preferences, kind rotation) and the past (History) in the rotation: ranked
hosts steer the stints, hosts visited in History are barred under ``repeat_host``
forbid (pre-checked when a rule asks for one), people and departments who rotated less
come first, and the bound covers the new parts. Every solve is re-checked by the
solver-independent checker, its "repeat host" check included."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from command import run
from instances import rotation_instance
from ortools.sat.python import cp_model
from solving import ROTATION_ONLY, by_work, solved

from crossteam import network
from crossteam.checks import verify
from crossteam.checks.rotation import REPEAT_HOST, check_rotation
from crossteam.io import reader
from crossteam.io.example_workbook import write_example
from crossteam.models import (
    CheckResult,
    DepartmentPair,
    Employee,
    GapKind,
    NetworkReport,
    Plan,
    PlanningInput,
    RotationStint,
    Rule,
    RuleKind,
    SolveStatus,
    StopReason,
    objective_extent,
    pair_key,
)
from crossteam.models.limits import OBJECTIVE_SCALE
from crossteam.models.wishes import HistoryEntry, Preference, ProgrammeKind
from crossteam.planner import solve
from crossteam.planner.context import ModelContext, objective_reach
from crossteam.planner.model import build_model
from crossteam.planner.prechecks import precheck_rotation
from crossteam.planner.rotation import build_rotation, rotation_facts
from crossteam.planner.rotation.classes import rotator_classes
from crossteam.planner.rotation.past import history_stints

ROTATION = ProgrammeKind.ROTATION


def staff(department: str, count: int, **fields: Any) -> list[Employee]:
    return [
        Employee(employee_id=f"{department}{i}", department=department, **fields)
        for i in range(count)
    ]


def wish(employee: str, host: str, rank: int) -> Preference:
    return Preference(employee_id=employee, kind=ROTATION, target=host, targets=(host,), rank=rank)


def visit(employee: str, period: str, host: str, row: int | None = None) -> HistoryEntry:
    return HistoryEntry(employee_id=employee, period=period, kind=ROTATION, target=host, row=row)


def with_past(
    problem: PlanningInput,
    wishes: Sequence[Preference] = (),
    history: Sequence[HistoryEntry] = (),
) -> PlanningInput:
    periods = tuple(dict.fromkeys(h.period for h in history))
    return problem.validated_with(
        preferences=tuple(wishes), history=tuple(history), history_periods=periods
    )


def gaps_report(problem: PlanningInput, gaps: Sequence[tuple[str, str]] = ()) -> NetworkReport:
    """Every department pair tied (worth nothing to bridge) except ``gaps``, silent."""
    silent = {tuple(sorted(g)) for g in gaps}
    weight = problem.settings.zero_tie_gap_weight
    names = sorted(d.name for d in problem.departments)
    return NetworkReport(
        pairs=tuple(
            DepartmentPair(
                department_a=a,
                department_b=b,
                tied_pairs=0 if (a, b) in silent else 1,
                weight=0.0 if (a, b) in silent else 1.0,
                density=0.0 if (a, b) in silent else 0.1,
                kind=GapKind.ZERO if (a, b) in silent else GapKind.TIED,
                gap_weight=weight if (a, b) in silent else 0.0,
            )
            for a, b in combinations(names, 2)
        )
    )


def planned(problem: PlanningInput, gaps: Sequence[tuple[str, str]] = ()) -> Plan:
    """Rotation alone, checked by ``verify`` (``solving.solved``)."""
    return solved(problem, ROTATION_ONLY, report=gaps_report(problem, gaps))


def hosts_of(stints: Sequence[RotationStint]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in stints:
        out.setdefault(s.employee_id, set()).add(s.department)
    return out


def repeat_checks(problem: PlanningInput, plan: Plan) -> list[CheckResult]:
    return [r for r in check_rotation(problem, plan) if r.rule == REPEAT_HOST]


def four_departments(**settings: Any) -> PlanningInput:
    """A (4 people, all free to leave) and three hosts that keep their own people home."""
    people = staff("A", 4) + staff("B", 1) + staff("C", 1) + staff("D", 1)
    policy = {d: {"host_capacity": 4, "min_on_site": 1.0} for d in "BCD"}
    return rotation_instance(people, periods=1, min_on_site=0.0, policy=policy, **settings)


# ---------------------------------------------------------------- wishes steer hosts


def test_with_spare_capacity_everyone_gets_their_first_choice() -> None:
    wishes = [wish("A0", "B", 1), wish("A0", "C", 2), wish("A1", "C", 1), wish("A1", "B", 2)]
    wishes += [wish("A2", "D", 1), wish("A3", "B", 1), wish("A3", "D", 2)]
    problem = with_past(four_departments(), wishes)
    plan = planned(problem)
    assert hosts_of(plan.rotation) == {"A0": {"B"}, "A1": {"C"}, "A2": {"D"}, "A3": {"B"}}
    assert plan.objective_terms["preference"] == pytest.approx(4 * 2)


def test_a_ranked_host_is_a_candidate_though_it_bridges_no_gap() -> None:
    # A-C is the only silent pair; A0's first choice B bridges nothing
    problem = with_past(four_departments(), [wish("A0", "B", 1)])
    assert hosts_of(planned(problem, [("A", "C")]).rotation)["A0"] == {"B"}


def test_with_weight_preference_0_wishes_do_not_steer() -> None:
    problem = with_past(four_departments(weight_preference=0.0), [wish("A0", "B", 1)])
    plan = planned(problem, [("A", "C")])
    assert "B" not in hosts_of(plan.rotation).get("A0", set())
    assert "preference" not in plan.objective_terms


def test_people_with_the_same_wishes_stay_one_class() -> None:
    wishes = [wish(f"A{i}", "B", 1) for i in range(3)] + [wish("A3", "C", 1)]
    problem = with_past(four_departments(), wishes)
    partners: dict[str, set[str]] = defaultdict(set)
    classes, _ = rotator_classes(rotation_facts(problem), partners, aggregate=True)
    assert sorted(c.members for c in classes if c.home == "A") == [("A0", "A1", "A2"), ("A3",)]


def test_an_oversubscribed_host_goes_to_first_choices_up_to_its_capacity() -> None:
    wishes = [w for i in range(3) for w in (wish(f"A{i}", "B", 1), wish(f"A{i}", "D", 2))]
    wishes += [wish("A3", "C", 1), wish("A3", "B", 2)]
    policy = {"B": {"host_capacity": 2}, "C": {"host_capacity": 4}, "D": {"host_capacity": 4}}
    people = staff("A", 4) + staff("B", 1) + staff("C", 1) + staff("D", 1)
    base = rotation_instance(people, periods=1, min_on_site=0.0, policy=policy)
    plan = planned(with_past(base, wishes))
    hosts = hosts_of(plan.rotation)
    in_b = {e for e, h in hosts.items() if "B" in h}
    assert len(in_b) == 2 and in_b <= {"A0", "A1", "A2"}
    assert hosts["A3"] == {"C"}
    assert sum(hosts[f"A{i}"] == {"D"} for i in range(3)) == 1


# ---------------------------------------------------------------- repeat_host


def test_repeat_host_forbid_sends_the_person_to_another_host() -> None:
    wishes = [wish("A0", "B", 1), wish("A0", "C", 2)]
    problem = with_past(four_departments(), wishes, [visit("A0", "Q1", "B")])
    plan = planned(problem)
    assert hosts_of(plan.rotation)["A0"] == {"C"}
    (result,) = repeat_checks(problem, plan)
    assert result.subject == "A0" and result.passed and result.applicable


def test_repeat_host_allow_lets_the_visit_happen() -> None:
    wishes = [wish("A0", "B", 1), wish("A0", "C", 2)]
    base = four_departments(repeat_host="allow")
    problem = with_past(base, wishes, [visit("A0", "Q1", "B")])
    plan = planned(problem)
    assert hosts_of(plan.rotation)["A0"] == {"B"}
    (result,) = repeat_checks(problem, plan)
    assert not result.applicable


def test_the_repeat_host_check_fails_a_plan_that_returns_to_a_visited_host() -> None:
    problem = with_past(four_departments(), history=[visit("A0", "Q1", "B")])
    stint = RotationStint(employee_id="A0", period="P1", department="B")
    plan = Plan(status=SolveStatus.FEASIBLE, rotation=(stint,), planned_rotation=True)
    (result,) = repeat_checks(problem, plan)
    assert not result.passed and result.subject == "A0" and "B" in result.detail


def test_without_rotation_history_there_is_no_repeat_host_check() -> None:
    problem = four_departments()
    assert repeat_checks(problem, planned(problem, [("A", "B")])) == []


def test_the_repeat_host_check_is_not_applicable_when_no_rotation_history_counts() -> None:
    problem = with_past(four_departments(history_periods=0), history=[visit("A0", "Q1", "B")])
    plan = planned(problem, [("A", "B")])
    assert hosts_of(plan.rotation)["A0"] == {"B"}  # nothing counts, so nothing bars B
    (result,) = repeat_checks(problem, plan)
    assert not result.applicable and "counts" in result.detail


def test_history_periods_limits_which_visits_bar_a_host() -> None:
    wishes = [wish("A0", "B", 1), wish("A0", "C", 2), wish("A0", "D", 3)]
    history = [visit("A0", "Q1", "B"), visit("A0", "Q2", "C")]
    every = planned(with_past(four_departments(), wishes, history))
    assert hosts_of(every.rotation)["A0"] == {"D"}
    latest = with_past(four_departments(history_periods=1), wishes, history)
    plan = planned(latest)
    assert hosts_of(plan.rotation)["A0"] == {"B"}  # only Q2 (C) counts
    assert [r.passed for r in repeat_checks(latest, plan)] == [True]


def rotate_to_a_visited_host(**settings: Any) -> PlanningInput:
    rule = Rule(kind=RuleKind.ROTATE_TO, employee_id="A0", target="B", targets=("B",), row=7)
    base = four_departments(**settings).validated_with(rules=(rule,))
    return with_past(base, history=[visit("A0", "Q1", "B", row=3), visit("A0", "Q2", "B", row=5)])


def test_rotate_to_a_host_visited_in_history_is_prechecked_naming_rows_and_setting() -> None:
    problem = rotate_to_a_visited_host()
    (reason,) = precheck_rotation(problem)
    assert "A0 must rotate to B (Rules row 7)" in reason
    assert "History rows 3, 5" in reason and "repeat_host to allow" in reason
    plan = solve(problem, gaps_report(problem), ROTATION_ONLY)
    assert plan.status is SolveStatus.INFEASIBLE and plan.stop_reason is StopReason.PRECHECK


def test_rotate_to_a_visited_host_is_infeasible_in_the_model_itself() -> None:
    # the pre-check off: the model, not only the pre-check, keeps the rule
    problem = rotate_to_a_visited_host()
    options = by_work(teams=False)
    built = build_model(problem, gaps_report(problem), options, teams=False, rotation=True)
    assert built.rotation is not None
    assert all("B" not in c.hosts for c in built.rotation.classes if "A0" in c.members)
    assert cp_model.CpSolver().solve(built.ctx.model) == cp_model.INFEASIBLE


def test_rotate_to_with_every_host_visited_says_none_is_left() -> None:
    rule = Rule(kind=RuleKind.ROTATE_TO, employee_id="A0", target="B", targets=("B",), row=2)
    history = [visit("A0", "Q1", "B", 4), visit("A0", "Q2", "C", 5), visit("A0", "Q3", "D", 6)]
    problem = with_past(four_departments().validated_with(rules=(rule,)), history=history)
    (reason,) = precheck_rotation(problem)
    assert "every host A0 may visit (B, C, D) is in their History (History rows 4, 5, 6)" in reason


def test_rotate_to_a_visited_host_is_fine_under_allow() -> None:
    problem = rotate_to_a_visited_host(repeat_host="allow")
    assert precheck_rotation(problem) == []
    assert hosts_of(planned(problem).rotation)["A0"] == {"B"}


def test_the_cli_stops_with_exit_1_naming_the_person_and_the_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "company.xlsx"
    write_example(path, employees=60, departments=6, seed=3)
    base = reader.load_workbook(path)
    employee, host = next(
        (e.employee_id, d.name)
        for e in base.employees
        for d in base.departments
        if d.name != e.department
        and not precheck_rotation(with_rule(base, e.employee_id, d.name, ()))
    )
    # as an HR planner would: a rotate_to row, and a History sheet saying they went there
    book = openpyxl.load_workbook(path)
    rules = book["Rules"]
    rules.append(["rotate_to", employee, host, ""])
    rule_row = rules.max_row
    past = book.create_sheet("History")
    past.append(["employee_id", "period", "kind", "target"])
    past.append([employee, "2025-Q4", "rotation", host])
    book.save(path)
    out_path = tmp_path / "plan.xlsx"
    code, out, err = run(capsys, "plan", str(path), "-o", str(out_path), "--json")
    assert code == 1
    payload = json.loads(out)
    assert payload["status"] == "infeasible" and payload["stop_reason"] == "precheck"
    (explained,) = payload["explanation"]
    assert f"{employee} must rotate to {host} (Rules row {rule_row})" in explained
    assert "History row 2" in explained and "repeat_host" in explained
    assert explained in err and not out_path.exists()


def with_rule(
    problem: PlanningInput, employee: str, host: str, history: tuple[HistoryEntry, ...]
) -> PlanningInput:
    rule = Rule(kind=RuleKind.ROTATE_TO, employee_id=employee, target=host, targets=(host,), row=99)
    return with_past(problem.validated_with(rules=(*problem.rules, rule)), history=history)


# ---------------------------------------------------------------- fairness over History


def test_history_stints_count_runs_of_consecutive_periods_in_one_host() -> None:
    history = [visit("A0", "Q1", "Old"), visit("A0", "Q2", "Old"), visit("A0", "Q3", "B")]
    history += [visit("A1", "Q1", "C")]
    problem = with_past(four_departments(repeat_host="allow"), history=history)
    assert history_stints(problem) == {"A0": 2, "A1": 1}


def test_of_two_equal_people_the_one_with_fewer_past_stints_rotates() -> None:
    # one seat in one period; A0 (first in order) rotated twice before, A1 never
    people = staff("A", 2) + staff("B", 1)
    base = rotation_instance(people, periods=1, min_on_site=0.5, policy={"B": {"min_on_site": 1}})
    history = [visit("A0", "Q1", "Old"), visit("A0", "Q2", "Gone")]
    plan = planned(with_past(base, history=history), [("A", "B")])
    assert set(hosts_of(plan.rotation)) == {"A1"}
    assert plan.objective_terms["rotation_history"] > 0


def test_the_department_that_sent_fewer_before_sends_the_one_seat() -> None:
    # A0 and C0 cannot rotate now, so only the departments' past tells A1 and C1 apart;
    # without it A1 would go, who has B's skill to learn (C already holds it)
    x = {"skills": {"x": 3}}
    people = [*staff("A", 1, rotation_eligible=False), Employee(employee_id="A1", department="A")]
    people += [*staff("C", 1, rotation_eligible=False, **x)]
    people += [Employee(employee_id="C1", department="C", **x), *staff("B", 1, **x)]
    policy = {"B": {"min_on_site": 1}, "A": {"host_capacity": 0}, "C": {"host_capacity": 0}}
    base = rotation_instance(people, periods=1, min_on_site=0.0, policy=policy)
    gaps = [("A", "B"), ("B", "C")]
    assert set(hosts_of(planned(base, gaps).rotation)) == {"A1"}
    problem = with_past(base, history=[visit("A0", "Q1", "Old")])
    assert set(hosts_of(planned(problem, gaps).rotation)) == {"C1"}


def test_with_weight_rotation_history_0_the_past_neither_weighs_nor_splits_classes() -> None:
    history = [visit("A0", "Q1", "Old"), visit("A1", "Q1", "Gone"), visit("A1", "Q2", "Old")]
    problem = with_past(four_departments(weight_rotation_history=0.0), history=history)
    partners: dict[str, set[str]] = defaultdict(set, {"A": {"B"}})
    classes, _ = rotator_classes(rotation_facts(problem), partners, aggregate=True)
    assert [c.members for c in classes if c.home == "A"] == [("A0", "A1", "A2", "A3")]
    assert "rotation_history" not in planned(problem, [("A", "B")]).objective_terms


# ---------------------------------------------------------------- the bound and the reach


@pytest.fixture(scope="module")
def wishful(tmp_path_factory: pytest.TempPathFactory) -> PlanningInput:
    """A 40-person example: every rotation-eligible person ranks three hosts, a few
    rotated before."""
    path = tmp_path_factory.mktemp("wishful") / "company.xlsx"
    write_example(path, employees=40, departments=4, seed=1)
    base = reader.load_workbook(path)
    names = [d.name for d in base.departments]
    wishes: list[Preference] = []
    history: list[HistoryEntry] = []
    ruled = {r.employee_id for r in base.rules_of(RuleKind.ROTATE_TO)}
    for k, e in enumerate(base.employees):
        others = [d for d in names if d != e.department]
        if e.rotation_eligible:
            wishes += [wish(e.employee_id, d, r + 1) for r, d in enumerate(others[k % 2 :][:3])]
        if k % 5 == 0 and e.employee_id not in ruled:
            history.append(visit(e.employee_id, "2025-Q4", others[k % len(others)]))
    return with_past(base, wishes, history)


def test_the_bound_holds_with_wishes_and_history(wishful: PlanningInput) -> None:
    report = network.analyse(wishful)
    options = by_work(2.0)
    plan = solved(wishful, options, report=report)
    assert plan.objective_terms["preference"] > 0
    assert plan.objective_terms["rotation_history"] > 0
    built = build_model(wishful, report, options, teams=True, rotation=True)
    assert built.ceiling is not None and built.rotation is not None
    assert plan.objective is not None and plan.objective <= built.ceiling + 1e-9
    assert plan.bound is not None and plan.objective <= plan.bound + 1e-9
    own = ("rotation_fairness", "learning", "preference", "rotation_history")
    earned = sum(plan.objective_terms.get(part, 0) for part in own)
    assert earned <= built.rotation.objective_ceiling(wishful.settings) / OBJECTIVE_SCALE
    assert repeat_checks(wishful, plan) and all(r.passed for r in repeat_checks(wishful, plan))
    assert verify(wishful, plan).passed


def test_the_objective_reach_covers_the_new_weights(wishful: PlanningInput) -> None:
    settings = wishful.settings.model_copy(
        update={"weight_preference": 1000.0, "weight_rotation_history": 1000.0}
    )
    heavy = wishful.validated_with(settings=settings)
    built = build_model(heavy, network.analyse(heavy), by_work(), teams=True, rotation=True)
    parts = {part for part, terms in built.ctx.objective_terms.items() if terms}
    assert {"preference", "rotation_history"} <= parts
    extent = objective_extent(heavy)
    assert objective_reach(built.ctx.model) <= extent.total * OBJECTIVE_SCALE
    assert extent.parts["preference"] > 0 and extent.parts["rotation_history"] > 0
    assert objective_extent(wishful.validated_with(history=(), history_periods=())).parts[
        "rotation_history"
    ] == pytest.approx(0)


# ---------------------------------------------------------------- hint and share-out


@pytest.mark.parametrize("most", [1, 2])
def test_the_greedy_hint_keeps_every_rule_and_the_hosts_history_bars(most: int) -> None:
    people = staff("A", 6) + staff("B", 2) + staff("C", 2) + staff("D", 2)
    policy = {d: {"host_capacity": 2} for d in "BCD"}
    base = rotation_instance(
        people, periods=3, min_on_site=0.5, policy=policy, max_rotations_per_employee=most
    )
    wishes = [wish(f"A{i}", "B", 1) for i in range(4)] + [wish("A4", "D", 1), wish("A4", "C", 2)]
    history = [visit("A0", "Q1", "B"), visit("A1", "Q1", "C"), visit("A4", "Q1", "D")]
    problem = with_past(base, wishes, history)
    ctx = ModelContext(instance=problem, gap_weights={pair_key("A", "C"): 3.0})
    rotation = build_rotation(ctx)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.fix_variables_to_their_hinted_value = True
    assert solver.solve(ctx.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    stints = rotation.extract(solver)
    hosts = hosts_of(stints)
    assert "B" in hosts["A2"] and "C" in hosts["A4"]  # wishes placed, History respected
    plan = Plan(status=SolveStatus.FEASIBLE, rotation=stints, planned_rotation=True)
    results = check_rotation(problem, plan)
    assert all(r.passed for r in results), [r for r in results if not r.passed]
    assert len(repeat_checks(problem, plan)) == 3
