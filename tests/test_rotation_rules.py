"""Each rotation rule module alone on a tiny hand-made instance: a feasible instance is
feasible and its plan keeps the rule (re-checked by ``check_rotation``), and an instance
that breaks the rule is infeasible, while it would be feasible without the rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest
from instances import rotation_instance as instance
from ortools.sat.python import cp_model

from crossteam.checks.rotation import check_rotation
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
from crossteam.planner.context import ModelContext
from crossteam.planner.groups import RuleGroups
from crossteam.planner.rotation import RotationModel, build_rotation, rotation_facts
from crossteam.planner.rotation.bridges import add_bridges
from crossteam.planner.rotation.classes import rotator_classes
from crossteam.planner.rotation.critical_skills import add_critical_skills
from crossteam.planner.rotation.fairness import add_fairness
from crossteam.planner.rotation.host_capacity import add_host_capacity
from crossteam.planner.rotation.learning import add_learning
from crossteam.planner.rotation.min_on_site import add_min_on_site
from crossteam.planner.rotation.rotate_to import add_rotate_to
from crossteam.planner.rotation.stints import add_stint_rules
from crossteam.planner.rotation.variables import StintLoad, stint_load

FEASIBLE = (cp_model.OPTIMAL, cp_model.FEASIBLE)

AddRule = Callable[[RotationModel, StintLoad, ModelContext], None]
"""A rule module's ``add_*`` function, called the way ``build_rotation`` calls it."""


def staff(department: str, count: int, **fields: Any) -> list[Employee]:
    return [
        Employee(employee_id=f"{department}{i}", department=department, **fields)
        for i in range(count)
    ]


def rotation_rule(kind: RuleKind, employee: str, target: str) -> Rule:
    return Rule(kind=kind, employee_id=employee, target=target, targets=(target,))


class Tiny:
    """The rotation variables of a tiny instance, and only the rules a test adds."""

    def __init__(
        self, problem: PlanningInput, gaps: Iterable[tuple[str, str]], *, explain: bool = False
    ) -> None:
        self.problem = problem
        self.ctx = ModelContext(instance=problem, gap_weights={pair_key(*g): 3.0 for g in gaps})
        facts = rotation_facts(problem)
        partners: dict[str, set[str]] = {d.name: set() for d in problem.departments}
        for a, b in self.ctx.gap_weights:
            partners[a].add(b)
            partners[b].add(a)
        classes, groups = rotator_classes(facts, partners, aggregate=True)
        groups_of_rules = RuleGroups(self.ctx.model, explain=explain)
        self.rotation = RotationModel(facts, classes, groups, groups_of_rules)
        self.rotation.add_variables(self.ctx.model)
        self.load = stint_load(self.rotation)

    @property
    def model(self) -> cp_model.CpModel:
        return self.ctx.model

    def add(self, *rules: AddRule) -> Tiny:
        for add_rule in rules:
            add_rule(self.rotation, self.load, self.ctx)
        return self

    def demand(self, stints: int, host: str | None = None) -> Tiny:
        """At least ``stints`` stints (to ``host`` only, when given)."""
        starts = [v for (_, h, _), v in self.rotation.starts.items() if host in (None, h)]
        self.model.add(sum(starts) >= stints)
        return self

    def solve(self) -> tuple[cp_model.CpSolverStatus, tuple[RotationStint, ...]]:
        """Solve deterministically; a plan found is read out with ``extract``."""
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_deterministic_time = 5
        status = solver.solve(self.model)
        stints = self.rotation.extract(solver) if status in FEASIBLE else ()
        return status, stints

    def checked(self, *rules: str) -> tuple[RotationStint, ...]:
        """Solve, assert a plan exists and that ``check_rotation`` passes ``rules`` on it."""
        status, stints = self.solve()
        assert status in FEASIBLE
        results = check_rotation(self.problem, Plan(status=SolveStatus.FEASIBLE, rotation=stints))
        for name in rules:
            of_rule = [r for r in results if r.rule == name]
            assert of_rule and all(r.passed for r in of_rule), of_rule
        return stints


def stint_rules(rotation: RotationModel, load: StintLoad, ctx: ModelContext) -> None:
    add_stint_rules(rotation, load, ctx.model)


def rotate_to(rotation: RotationModel, load: StintLoad, ctx: ModelContext) -> None:
    add_rotate_to(rotation, ctx.model)


def host_capacity(rotation: RotationModel, load: StintLoad, ctx: ModelContext) -> None:
    add_host_capacity(rotation, load, ctx.model)


def min_on_site(rotation: RotationModel, load: StintLoad, ctx: ModelContext) -> None:
    add_min_on_site(rotation, load, ctx.model)


def critical_skills(rotation: RotationModel, load: StintLoad, ctx: ModelContext) -> None:
    add_critical_skills(rotation, load, ctx.model)


def learning(rotation: RotationModel, load: StintLoad, ctx: ModelContext) -> None:
    add_learning(rotation, ctx)


def alone_in(hosts: str, *, closed: str = "", **settings: Any) -> PlanningInput:
    """One rotator, A0 (A1 may not rotate); roomy ``hosts`` whose people stay, of which
    the ``closed`` ones cannot host."""
    policy: dict[str, dict[str, Any]] = {"A": {"min_on_site": 0.5}}
    policy |= {h: {"host_capacity": 4, "can_host": h not in closed} for h in hosts}
    people = [*staff("A", 1), Employee(employee_id="A1", department="A", rotation_eligible=False)]
    people += [p for h in hosts for p in staff(h, 1, rotation_eligible=False)]
    return instance(people, policy=policy, **settings)


# the stint rules


def test_a_person_does_up_to_max_rotations_stints() -> None:
    problem = alone_in("BCD", periods=3, max_rotations_per_employee=2)
    tiny = Tiny(problem, [("A", "B"), ("A", "C"), ("A", "D")]).add(stint_rules).demand(2)
    stints = tiny.checked(
        "stints per employee", "one host per period", "stint of 1 consecutive period"
    )
    assert {s.employee_id for s in stints} == {"A0"}


def test_more_stints_than_max_rotations_are_infeasible() -> None:
    problem = alone_in("BCD", periods=3, max_rotations_per_employee=2)
    gaps = [("A", "B"), ("A", "C"), ("A", "D")]
    tiny = Tiny(problem, gaps)
    # three hosts, three periods: without the rule the counts would allow three
    tiny.model.add(sum(tiny.rotation.sent.values()) >= 3)
    assert tiny.solve()[0] in FEASIBLE
    ruled = Tiny(problem, gaps).add(stint_rules)
    ruled.model.add(sum(ruled.rotation.sent.values()) >= 3)
    assert ruled.solve()[0] == cp_model.INFEASIBLE


def test_a_person_does_one_stint_at_a_time() -> None:
    # two stints of two periods each do not fit in two periods, though two hosts are open
    problem = alone_in("BC", periods=2, stint_periods=2, max_rotations_per_employee=2)
    gaps = [("A", "B"), ("A", "C")]
    Tiny(problem, gaps).add(stint_rules).demand(1).checked("stint of 2 consecutive periods")
    assert Tiny(problem, gaps).demand(2).solve()[0] in FEASIBLE
    assert Tiny(problem, gaps).add(stint_rules).demand(2).solve()[0] == cp_model.INFEASIBLE


def test_who_goes_and_when_they_go_agree() -> None:
    problem = alone_in("B", periods=2)
    tiny = Tiny(problem, [("A", "B")]).add(stint_rules)
    tiny.model.add(sum(tiny.rotation.sent.values()) == 1)
    assert tiny.checked()
    tiny.model.add(sum(tiny.rotation.starts.values()) == 0)
    assert tiny.solve()[0] == cp_model.INFEASIBLE


# no repeat host: the domain of the variables


def test_nobody_goes_to_the_same_host_twice() -> None:
    problem = alone_in("B", periods=3, max_rotations_per_employee=3)
    Tiny(problem, [("A", "B")]).add(stint_rules).demand(1).checked("never the same host twice")
    assert Tiny(problem, [("A", "B")]).add(stint_rules).demand(2).solve()[0] == cp_model.INFEASIBLE


# the Rules sheet: rotate_to


def test_rotate_to_sends_the_employee_to_the_host() -> None:
    problem = alone_in("BC", rules=(rotation_rule(RuleKind.ROTATE_TO, "A0", "C"),))
    stints = Tiny(problem, [("A", "B")]).add(stint_rules, rotate_to).checked("rule rotate_to")
    assert {s.department for s in stints if s.employee_id == "A0"} == {"C"}


def test_rotate_to_a_host_that_cannot_host_is_infeasible() -> None:
    rules = (rotation_rule(RuleKind.ROTATE_TO, "A0", "B"),)
    problem = alone_in("BC", closed="B", rules=rules)
    gaps = [("A", "B"), ("A", "C")]
    assert Tiny(problem, gaps).add(stint_rules).solve()[0] in FEASIBLE
    assert Tiny(problem, gaps).add(stint_rules, rotate_to).solve()[0] == cp_model.INFEASIBLE


def test_rotate_to_is_one_rule_group_when_explaining() -> None:
    problem = alone_in("B", rules=(rotation_rule(RuleKind.ROTATE_TO, "A0", "B"),))
    tiny = Tiny(problem, [("A", "B")], explain=True).add(rotate_to)
    assert [words for _, words in tiny.rotation.assumptions] == [
        "A0 must rotate to B (rotate_to rule)"
    ]


# host_capacity, min_on_site, critical_skills


def two_homes_one_host(capacity: int) -> PlanningInput:
    policy: dict[str, dict[str, Any]] = {
        "A": {"min_on_site": 0.5},
        "C": {"min_on_site": 0.5},
        "B": {"min_on_site": 1.0, "host_capacity": capacity},
    }
    return instance(staff("A", 2) + staff("C", 2) + staff("B", 1), periods=1, policy=policy)


def test_a_host_takes_up_to_its_capacity() -> None:
    tiny = Tiny(two_homes_one_host(2), [("A", "B"), ("B", "C")]).add(stint_rules, host_capacity)
    tiny.demand(2, host="B").checked("host capacity")


def test_more_rotators_than_host_capacity_are_infeasible() -> None:
    problem, gaps = two_homes_one_host(1), [("A", "B"), ("B", "C")]
    assert Tiny(problem, gaps).add(stint_rules).demand(2, host="B").solve()[0] in FEASIBLE
    ruled = Tiny(problem, gaps).add(stint_rules, host_capacity).demand(2, host="B")
    assert ruled.solve()[0] == cp_model.INFEASIBLE


def four_in_a(min_on_site: float, **a_policy: Any) -> PlanningInput:
    """Four people in A, two roomy hosts that send nobody, one period."""
    policy: dict[str, dict[str, Any]] = {"A": {"min_on_site": min_on_site, **a_policy}}
    policy |= {h: {"min_on_site": 1.0, "host_capacity": 4} for h in "BC"}
    people = [
        Employee(employee_id=f"A{i}", department="A", skills={"payroll": 3} if i < 2 else {})
        for i in range(4)
    ]
    return instance(people + staff("B", 1) + staff("C", 1), periods=1, policy=policy)


def test_a_department_sends_up_to_its_release() -> None:
    tiny = Tiny(four_in_a(0.5), [("A", "B"), ("A", "C")]).add(stint_rules, min_on_site)
    tiny.demand(2).checked("min_on_site")


def test_going_below_min_on_site_is_infeasible() -> None:
    problem, gaps = four_in_a(0.5), [("A", "B"), ("A", "C")]
    # each host alone may take the release; together they would take more
    assert Tiny(problem, gaps).add(stint_rules).demand(3).solve()[0] in FEASIBLE
    ruled = Tiny(problem, gaps).add(stint_rules, min_on_site).demand(3)
    assert ruled.solve()[0] == cp_model.INFEASIBLE


def test_a_holder_of_a_critical_skill_stays_home() -> None:
    problem = four_in_a(0.0, critical_skills=("payroll",))
    tiny = Tiny(problem, [("A", "B"), ("A", "C")]).add(stint_rules, critical_skills).demand(3)
    stints = tiny.checked("critical skills at home")
    assert len({s.employee_id for s in stints} & {"A0", "A1"}) == 1


def test_every_holder_of_a_critical_skill_away_is_infeasible() -> None:
    problem, gaps = four_in_a(0.0, critical_skills=("payroll",)), [("A", "B"), ("A", "C")]
    assert Tiny(problem, gaps).add(stint_rules).demand(4).solve()[0] in FEASIBLE
    ruled = Tiny(problem, gaps).add(stint_rules, critical_skills).demand(4)
    assert ruled.solve()[0] == cp_model.INFEASIBLE


# the objective parts


@pytest.mark.parametrize("part", ["bridges", "senders"])
def test_a_bridge_or_a_sender_needs_a_stint(part: str) -> None:
    problem = alone_in("B", periods=1)
    tiny = Tiny(problem, [("A", "B")]).add(stint_rules)
    add_bridges(tiny.rotation, tiny.load, tiny.ctx)
    add_fairness(tiny.rotation, tiny.load, tiny.ctx)
    literal = {"bridges": tiny.rotation.bridges, "senders": tiny.rotation.senders}[part]
    assert len(literal) == 1
    tiny.model.add(sum(literal.values()) == 1)
    assert {s.department for s in tiny.checked()} == {"B"}
    tiny.model.add(sum(tiny.rotation.starts.values()) == 0)
    assert tiny.solve()[0] == cp_model.INFEASIBLE


def test_learning_sends_the_stint_where_there_is_most_to_learn() -> None:
    # sql is common in C and not in A or B: one stint, and learning alone chooses C
    people = staff("A", 2) + staff("B", 1) + staff("C", 1, skills={"sql": 2})
    policy: dict[str, dict[str, Any]] = {h: {"min_on_site": 1.0} for h in "BC"}
    problem = instance(people, periods=1, policy=policy)
    tiny = Tiny(problem, [("A", "B"), ("A", "C")]).add(stint_rules, min_on_site, learning)
    tiny.model.maximize(tiny.ctx.objective("learning"))
    stints = tiny.checked("min_on_site")
    assert [(s.employee_id[0], s.department) for s in stints] == [("A", "C")]


# the greedy hint


def test_the_greedy_hint_keeps_every_rule() -> None:
    people = [
        Employee(employee_id=f"A{i}", department="A", skills={"payroll": 3} if i < 2 else {})
        for i in range(4)
    ]
    people += staff("B", 3) + staff("C", 3)
    policy: dict[str, dict[str, Any]] = {
        "A": {"min_on_site": 0.25, "critical_skills": ("payroll",)},
        "B": {"host_capacity": 2},
    }
    rules = (rotation_rule(RuleKind.ROTATE_TO, "B0", "C"),)
    problem = instance(people, periods=3, policy=policy, rules=rules, max_rotations_per_employee=2)
    ctx = ModelContext(
        instance=problem, gap_weights={pair_key("A", "B"): 3.0, pair_key("A", "C"): 2.0}
    )
    rotation = build_rotation(ctx)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.fix_variables_to_their_hinted_value = True
    assert solver.solve(ctx.model) in FEASIBLE
    stints = rotation.extract(solver)
    assert stints
    results = check_rotation(problem, Plan(status=SolveStatus.FEASIBLE, rotation=stints))
    assert all(r.passed for r in results), [r for r in results if not r.passed]
