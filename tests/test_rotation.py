"""The rotation model: each rule with a feasible and an infeasible tiny instance, the shared
bridging term, pre-checks and explanations. Every solve is re-checked by ``verify``."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from instances import rotation_instance as instance
from ortools.sat.python import cp_model

from crossteam.checks import verify
from crossteam.io.example_workbook import write_example
from crossteam.io.reader import load_workbook
from crossteam.models import (
    Employee,
    Plan,
    PlanningInput,
    RotationStint,
    Rule,
    RuleKind,
    SolveStatus,
    pair_key,
)
from crossteam.network import analyse
from crossteam.planner import SolveOptions, solve
from crossteam.planner.context import ModelContext
from crossteam.planner.prechecks import precheck_rotation, rotation_warnings
from crossteam.planner.rotation import (
    balanced_colouring,
    build_rotation,
    explain_rotation_assumptions,
)


def staff(department: str, count: int, **fields: Any) -> list[Employee]:
    return [
        Employee(employee_id=f"{department}{i}", department=department, **fields)
        for i in range(count)
    ]


def rule(kind: RuleKind, employee: str, target: str | None = None) -> Rule:
    return Rule(kind=kind, employee_id=employee, target=target, targets=(target,) if target else ())


def every_pair(problem: PlanningInput) -> dict[tuple[str, str], float]:
    names = [d.name for d in problem.departments]
    return {pair_key(a, b): 3.0 for a, b in combinations(names, 2)}


def plan_rotation(
    problem: PlanningInput,
    gap_weights: dict[tuple[str, str], float] | None = None,
    *,
    team_bridged: tuple[tuple[str, str], ...] = (),
) -> tuple[cp_model.CpSolverStatus, tuple[RotationStint, ...]]:
    """Solve rotation alone (plus forced team bridges); re-check any plan found."""
    ctx = ModelContext(instance=problem, gap_weights=gap_weights or every_pair(problem))
    rotation = build_rotation(ctx)
    for a, b in team_bridged:
        team = ctx.model.new_bool_var(f"team_bridge[{a}|{b}]")
        ctx.model.add(team == 1)
        ctx.add_bridge(a, b, team)
    ctx.finish()
    solver = cp_model.CpSolver()
    # bounded by work, not the clock, so that the optimality asserted below cannot flip on
    # a loaded machine; the wall limit is a safety net only
    solver.parameters.max_deterministic_time = 5
    solver.parameters.max_time_in_seconds = 300
    solver.parameters.num_workers = 2
    status = solver.solve(ctx.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return status, ()
    stints = rotation.extract(solver)
    report = verify(problem, Plan(status=SolveStatus.FEASIBLE, rotation=stints))
    assert report.passed, report.failures
    return status, stints


def hosts_of(stints: tuple[RotationStint, ...]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in stints:
        out.setdefault(s.employee_id, set()).add(s.department)
    return out


def bridged(problem: PlanningInput, stints: tuple[RotationStint, ...]) -> set[tuple[str, str]]:
    home = {e.employee_id: e.department for e in problem.employees}
    return {pair_key(home[s.employee_id], s.department) for s in stints}


def test_every_gap_pair_is_bridged_when_capacity_allows() -> None:
    problem = instance(staff("A", 4) + staff("B", 4) + staff("C", 4), periods=2)
    status, stints = plan_rotation(problem)
    assert status == cp_model.OPTIMAL
    assert bridged(problem, stints) == set(every_pair(problem))


def test_stint_covers_consecutive_periods_in_one_host() -> None:
    problem = instance(staff("A", 4) + staff("B", 4), periods=4, stint_periods=2)
    _, stints = plan_rotation(problem)
    assert stints
    for employee, hosts in hosts_of(stints).items():
        periods = sorted(int(s.period[1:]) for s in stints if s.employee_id == employee)
        assert len(hosts) == 1
        assert len(periods) == 2 and periods[1] == periods[0] + 1


def test_stint_longer_than_the_horizon_leaves_no_rotation() -> None:
    problem = instance(staff("A", 4) + staff("B", 4), periods=2, stint_periods=3)
    status, stints = plan_rotation(problem)
    assert status == cp_model.OPTIMAL and stints == ()


@pytest.mark.parametrize(("most", "hosts"), [(1, 1), (2, 2)])
def test_one_person_does_at_most_max_rotations_in_distinct_hosts(most: int, hosts: int) -> None:
    # only A0 may rotate: B and C keep everyone at home
    people = staff("A", 1) + staff("B", 2)
    people += staff("C", 2)
    problem = instance(
        people,
        periods=3,
        max_rotations_per_employee=most,
        policy={"A": {"min_on_site": 0.0}, "B": {"min_on_site": 1.0}, "C": {"min_on_site": 1.0}},
    )
    _, stints = plan_rotation(problem)
    assert len(hosts_of(stints)["A0"]) == hosts
    assert len(stints) == hosts


@pytest.mark.parametrize("stint", [1, 2])
def test_several_stints_per_person_are_shared_out_without_overlap_or_repeats(stint: int) -> None:
    # only A0 and A1 may rotate, both at once; four stints fit, so each does two
    policy = {d: {"min_on_site": 1.0} for d in "BCDEF"} | {"A": {"min_on_site": 0.5}}
    people = [*staff("A", 2), *staff("A", 4, rotation_eligible=False)[2:]]
    people += [p for d in "BCDEF" for p in staff(d, 2)]
    problem = instance(
        people, periods=2 * stint, policy=policy, stint_periods=stint, max_rotations_per_employee=2
    )
    gaps = {pair_key("A", d): 3.0 for d in "BCDEF"}
    status, stints = plan_rotation(problem, gaps)
    assert status == cp_model.OPTIMAL
    assert len(bridged(problem, stints)) == 4
    assert Counter(s.employee_id for s in stints) == {"A0": 2 * stint, "A1": 2 * stint}


def test_the_stint_goes_to_the_member_with_most_to_learn() -> None:
    people = [
        Employee(employee_id="A0", department="A", skills={"sql": 3}),
        Employee(employee_id="A1", department="A"),
        *staff("B", 2, skills={"sql": 2}),
    ]
    policy = {"B": {"min_on_site": 1.0}}
    _, stints = plan_rotation(instance(people, periods=1, policy=policy))
    assert {s.employee_id for s in stints} == {"A1"}


def test_min_on_site_limits_people_away_per_period() -> None:
    policy: dict[str, dict[str, Any]] = {
        "A": {"min_on_site": 0.75, "host_capacity": 4},
        "B": {"host_capacity": 4},
    }
    problem = instance(staff("A", 4) + staff("B", 1), periods=1, policy=policy)
    _, stints = plan_rotation(problem)
    assert sum(1 for s in stints if s.employee_id.startswith("A")) <= 1


def test_department_at_full_min_on_site_sends_nobody() -> None:
    policy = {"A": {"min_on_site": 1.0}}
    problem = instance(staff("A", 3) + staff("B", 3), periods=2, policy=policy)
    _, stints = plan_rotation(problem)
    assert stints and all(s.employee_id.startswith("B") for s in stints)


def test_unavailable_people_do_not_count_as_on_site() -> None:
    # four people, two unavailable: 0.5 x 4 = 2 must be at home, so nobody of A can go
    people = staff("A", 2) + staff("A", 2, available=False)
    people = [p.model_copy(update={"employee_id": f"A{i}"}) for i, p in enumerate(people)]
    problem = instance(people + staff("B", 2), periods=2)
    _, stints = plan_rotation(problem)
    assert all(s.employee_id.startswith("B") for s in stints)


def test_host_capacity_and_can_host_are_respected() -> None:
    policy: dict[str, dict[str, Any]] = {"B": {"host_capacity": 0}, "C": {"can_host": False}}
    problem = instance(staff("A", 4) + staff("B", 4) + staff("C", 4), periods=2, policy=policy)
    _, stints = plan_rotation(problem)
    assert {s.department for s in stints} == {"A"}


def test_ineligible_unavailable_and_no_rotation_people_stay_home() -> None:
    people = [
        *staff("A", 1, available=False),
        Employee(employee_id="A1", department="A", rotation_eligible=False),
        Employee(employee_id="A2", department="A"),
        *staff("B", 2),
    ]
    problem = instance(
        people, rules=(rule(RuleKind.NO_ROTATION, "A2"),), policy={"A": {"min_on_site": 0.0}}
    )
    _, stints = plan_rotation(problem)
    assert not any(s.employee_id.startswith("A") for s in stints)


def test_rotate_to_sends_the_employee_even_where_no_gap_is() -> None:
    problem = instance(
        staff("A", 2) + staff("B", 2) + staff("C", 2),
        rules=(rule(RuleKind.ROTATE_TO, "A1", "C"),),
    )
    status, stints = plan_rotation(problem, {pair_key("A", "B"): 3.0})
    assert status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    assert "C" in hosts_of(stints)["A1"]


def test_rotate_to_a_host_that_cannot_host_is_infeasible_and_prechecked() -> None:
    problem = instance(
        staff("A", 2) + staff("B", 2),
        rules=(rule(RuleKind.ROTATE_TO, "A1", "B"),),
        policy={"B": {"can_host": False}},
    )
    status, _ = plan_rotation(problem)
    assert status == cp_model.INFEASIBLE
    reasons = precheck_rotation(problem)
    assert any("A1" in r and "B cannot host" in r for r in reasons)


def test_not_rotate_to_keeps_the_employee_out_of_that_host() -> None:
    # A0 is the only one who may leave A, and the only gap partner is B
    problem = instance(
        staff("A", 2) + staff("B", 2),
        rules=(rule(RuleKind.NOT_ROTATE_TO, "A0", "B"), rule(RuleKind.NO_ROTATION, "A1")),
        policy={"B": {"min_on_site": 1.0}},
    )
    _, stints = plan_rotation(problem)
    assert stints == ()


@pytest.mark.parametrize(("critical", "travellers"), [((), {"A0", "A1"}), (("payroll",), {"A1"})])
def test_last_holder_of_a_critical_skill_stays_home(
    critical: tuple[str, ...], travellers: set[str]
) -> None:
    # A-B and A-C are both worth a stint; only A can send, and A0 alone holds payroll
    people = [Employee(employee_id="A0", department="A", skills={"payroll": 3}), *staff("A", 2)[1:]]
    people += staff("B", 2) + staff("C", 2)
    policy: dict[str, dict[str, Any]] = {
        "A": {"min_on_site": 0.0, "critical_skills": critical},
        "B": {"min_on_site": 1.0},
        "C": {"min_on_site": 1.0},
    }
    problem = instance(people, periods=1, policy=policy)
    gaps = {pair_key("A", "B"): 3.0, pair_key("A", "C"): 3.0}
    _, stints = plan_rotation(problem, gaps)
    assert {s.employee_id for s in stints} == travellers


def test_pair_bridged_by_a_team_sends_the_rotation_elsewhere() -> None:
    # one stint possible (A releases one person, one period); A-B is worth more than A-C
    policy = {"A": {"min_on_site": 0.5}, "B": {"min_on_site": 1.0}, "C": {"min_on_site": 1.0}}
    problem = instance(staff("A", 2) + staff("B", 2) + staff("C", 2), periods=1, policy=policy)
    gaps = {pair_key("A", "B"): 3.0, pair_key("A", "C"): 1.0}
    _, alone = plan_rotation(problem, gaps)
    _, with_team = plan_rotation(problem, gaps, team_bridged=(("A", "B"),))
    assert {s.department for s in alone} == {"B"}
    assert {s.department for s in with_team} == {"C"}


def test_aggregated_classes_never_send_one_person_twice() -> None:
    problem = instance(staff("A", 10) + staff("B", 10) + staff("C", 10), periods=4)
    _, stints = plan_rotation(problem)
    per_person = Counter(s.employee_id for s in stints)
    assert stints and max(per_person.values()) == 1


def test_explanation_names_the_impossible_rotate_to_rule() -> None:
    problem = instance(
        staff("A", 2) + staff("B", 2),
        rules=(rule(RuleKind.ROTATE_TO, "A1", "B"),),
        policy={"A": {"min_on_site": 1.0}},
    )
    ctx = ModelContext(instance=problem, gap_weights=every_pair(problem))
    rotation = build_rotation(ctx, explain=True)
    ctx.finish()
    ctx.model.add_assumptions([literal for literal, _ in rotation.assumptions])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(ctx.model) == cp_model.INFEASIBLE
    words = explain_rotation_assumptions(
        rotation, solver.sufficient_assumptions_for_infeasibility()
    )
    assert any("A1 must rotate to B" in w for w in words)


@pytest.mark.parametrize(
    ("people", "rules", "settings", "policy", "expected"),
    [
        (staff("A", 4, available=False)[:1], (), {}, {}, "is not available"),
        (staff("A", 4, rotation_eligible=False)[:1], (), {}, {}, "not rotation-eligible"),
        ([], ((RuleKind.NO_ROTATION, None),), {}, {}, "no_rotation"),
        ([], (), {"max_rotations_per_employee": 0}, {}, "max_rotations_per_employee is 0"),
        ([], (), {"stint_periods": 5}, {}, "only 2 periods"),
        ([], (), {}, {"A": {"min_on_site": 1.0}}, "A, which cannot release anyone"),
        ([], (), {}, {"B": {"host_capacity": 0}}, "B has host_capacity 0"),
    ],
)
def test_precheck_names_why_a_rotate_to_rule_cannot_hold(
    people: list[Employee],
    rules: tuple[tuple[RuleKind, str | None], ...],
    settings: dict[str, Any],
    policy: dict[str, dict[str, Any]],
    expected: str,
) -> None:
    everyone = people + staff("A", 4)[len(people) :] + staff("B", 4)
    problem = instance(
        everyone,
        rules=(rule(RuleKind.ROTATE_TO, "A0", "B"), *(rule(k, "A0", t) for k, t in rules)),
        policy=policy,
        **settings,
    )
    reasons = precheck_rotation(problem)
    assert any(expected in r and "A0" in r for r in reasons), reasons


def test_precheck_counts_required_stints_against_host_capacity() -> None:
    rules = tuple(rule(RuleKind.ROTATE_TO, f"A{i}", "B") for i in range(3))
    problem = instance(staff("A", 8) + staff("B", 4), periods=2, rules=rules)
    reasons = precheck_rotation(problem)
    assert any("send 3 people to B" in r for r in reasons), reasons


def test_precheck_is_silent_on_a_workable_instance() -> None:
    problem = instance(staff("A", 4) + staff("B", 4), rules=(rule(RuleKind.ROTATE_TO, "A0", "B"),))
    assert precheck_rotation(problem) == []


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> PlanningInput:
    path = Path(tmp_path_factory.mktemp("company")) / "company.xlsx"
    write_example(path, employees=150, departments=10, seed=0, periods=4)
    return load_workbook(path)


def test_solve_plans_rotation_of_a_generated_company_without_violations(
    generated: PlanningInput,
) -> None:
    options = SolveOptions(time_limit_seconds=5, workers=2, plan_teams=False)
    plan = solve(generated, analyse(generated), options)
    assert plan.has_solution and plan.rotation
    assert verify(generated, plan).passed, verify(generated, plan).failures
    required = {(r.employee_id, r.target) for r in generated.rules_of(RuleKind.ROTATE_TO)}
    assert required <= {(s.employee_id, s.department) for s in plan.rotation}


def test_solve_plans_teams_and_rotation_in_one_model(generated: PlanningInput) -> None:
    plan = solve(generated, analyse(generated), SolveOptions(time_limit_seconds=8, workers=2))
    assert plan.has_solution and plan.teams and plan.rotation
    assert verify(generated, plan).passed, verify(generated, plan).failures
    assert {"bridging", "rotation_fairness"} <= set(plan.objective_terms)


def test_solve_names_an_impossible_rotation_rule(generated: PlanningInput) -> None:
    someone = next(e for e in generated.employees if not e.available)
    host = next(d.name for d in generated.departments if d.name != someone.department)
    impossible = rule(RuleKind.ROTATE_TO, someone.employee_id, host)
    problem = generated.model_copy(update={"rules": (*generated.rules, impossible)})
    plan = solve(problem, analyse(problem), SolveOptions(time_limit_seconds=5, workers=2))
    assert not plan.has_solution
    assert any(
        someone.employee_id in line and "is not available" in line for line in plan.explanation
    )


@pytest.mark.parametrize("seed", range(20))
def test_balanced_colouring_gives_everyone_a_valid_share(seed: int) -> None:
    # random (host, period) multigraphs within the bounds the model enforces
    rng = random.Random(seed)
    people, most = rng.randint(1, 6), rng.randint(1, 3)
    hosts, periods = [f"H{i}" for i in range(rng.randint(1, 8))], range(rng.randint(1, 6))
    load: Counter[object] = Counter()
    edges: list[tuple[str, int]] = []
    for _ in range(200):
        host, period = rng.choice(hosts), rng.choice(periods)
        if load[host] < people and load[period] < people and len(edges) < most * people:
            load.update([host, period])
            edges.append((host, period))
    colours = balanced_colouring(edges, people, most)
    assert set(colours) <= set(range(people))
    assert max(Counter(colours).values(), default=0) <= most
    for index in (0, 1):
        assert len({(edge[index], c) for edge, c in zip(edges, colours, strict=True)}) == len(edges)


def test_a_stint_longer_than_the_periods_plans_no_rotation_and_says_why() -> None:
    problem = instance([*staff("A", 4), *staff("B", 4)], periods=2, stint_periods=3)
    (warning,) = rotation_warnings(problem)
    assert warning == (
        "Settings: stint_periods is 3 but the Periods sheet has only 2 periods: no stint "
        "fits, so nobody rotates"
    )
    assert precheck_rotation(problem) == []  # no rule needs a stint: a plan, without rotation
    plan = solve(problem, analyse(problem), SolveOptions(time_limit_seconds=5, workers=1))
    assert plan.has_solution and plan.rotation == ()
    assert plan.notes[0] == warning
    assert verify(problem, plan).passed


def test_a_stint_that_fits_the_periods_warns_of_nothing() -> None:
    problem = instance([*staff("A", 4), *staff("B", 4)], periods=3, stint_periods=3)
    assert rotation_warnings(problem) == []
