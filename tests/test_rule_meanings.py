"""Every rule kind and Balance mode means one thing in the model and in the checker.

On tiny companies every possible plan is tried: the model, with its decisions fixed to
that plan, has a solution exactly when the solver-independent checker passes every rule,
and the penalty a soft Balance rule costs in the model is the checker's. So the words of
docs/model.md and docs/rotation.md, which the checker follows, are what the model does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import product

import pytest
from instances import company, network_report, person, rotation_instance
from ortools.sat.python import cp_model

from crossteam.checks.rotation import check_rotation
from crossteam.checks.teams import balance_penalty, check_teams
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    Employee,
    Plan,
    PlanningInput,
    RotationStint,
    Rule,
    RuleKind,
    SolveStatus,
    TeamAssignment,
    TeamSpec,
)
from crossteam.planner import Formulation, SolveOptions
from crossteam.planner.model import PlanningModel, build_model

EXACT = SolveOptions(
    workers=1,
    formulation=Formulation(
        aggregate=False,  # one cohort per person: a seat variable per person and team
        symmetry=False,  # every ordering of the teams is a plan of its own here
        greedy_start=False,
        own_bound=False,
        department_level=False,
    ),
)
SPEC = TeamSpec(name="T", count=2, min_size=1, max_size=2)
TEAMS = ("T-1", "T-2")

Members = dict[str, tuple[str, ...]]


def staff() -> list[Employee]:
    """Five people over three departments; ages whose team means never fall within 2 % of
    half a standard deviation from the pool's, where the model's rounding could tell."""
    rows = [
        ("p1", "A", "tokyo", "25", "x"),
        ("p2", "A", "tokyo", "31", "y"),
        ("p3", "B", "osaka", "44", "x"),
        ("p4", "B", "tokyo", "61", "z"),
        ("p5", "C", "osaka", "37", "y"),
    ]
    return [
        person(i, d, location=loc, age=age, previous_team=prev) for i, d, loc, age, prev in rows
    ]


def rule(kind: RuleKind, who: str, target: str) -> Rule:
    targets = TEAMS if target == "T" else (target,)
    return Rule(kind=kind, employee_id=who, target=target, targets=targets, row=2)


def team_plans(people: list[str]) -> Iterator[Members]:
    """Every way to seat ``people`` in the two teams of one to two members (or nowhere)."""
    for places in product((None, *TEAMS), repeat=len(people)):
        members = {t: tuple(p for p, at in zip(people, places, strict=True) if at == t)
                   for t in TEAMS}  # fmt: skip
        if all(SPEC.min_size <= len(m) <= SPEC.max_size for m in members.values()):
            yield members


def as_plan(members: Members) -> Plan:
    teams = tuple(TeamAssignment(team=t, members=m) for t, m in members.items())
    return Plan(status=SolveStatus.FEASIBLE, teams=teams, planned_rotation=False)


def model_of(instance: PlanningInput, *, teams: bool = True) -> PlanningModel:
    report = network_report(instance)
    return build_model(instance, report, EXACT, teams=teams, rotation=not teams)


def fixed_solve(built: PlanningModel, values: Mapping[int, int]) -> cp_model.CpSolver | None:
    """The model with the variables of ``values`` (proto index -> value) fixed, solved to
    optimality; ``None`` when it has no solution."""
    model = built.ctx.model.clone()
    for index, value in values.items():
        model.add(model.get_int_var_from_proto_index(index) == value)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return solver


def seats(built: PlanningModel, members: Members) -> dict[int, int]:
    """Each person's seat in each team, as the model's variables (proto index -> 0 or 1)."""
    tm = built.teams
    assert tm is not None
    team_of = {p: t for t, people in members.items() for p in people}
    return {
        var.index: int(team_of.get(c.members[0]) == team)
        for c in tm.classes
        for (team, index), var in tm.x.items()
        if index == c.index
    }


def agreement(instance: PlanningInput) -> tuple[int, int]:
    """Plans the model and the checker both accept, and both refuse; fails on the first
    plan they judge differently."""
    built = model_of(instance)
    people = [e.employee_id for e in instance.employees]
    accepted = refused = 0
    for members in team_plans(people):
        checked = check_teams(instance, as_plan(members))
        passed = all(r.passed for r in checked)
        solved = fixed_solve(built, seats(built, members)) is not None
        failing = [r.detail for r in checked if not r.passed]
        assert solved == passed, (members, failing)
        accepted += passed
        refused += not passed
    return accepted, refused


def test_without_rules_the_model_and_the_checker_accept_every_plan() -> None:
    accepted, refused = agreement(company(staff(), (SPEC,)))
    assert accepted > 0 and refused == 0


@pytest.mark.parametrize(
    "team_rule",
    [
        rule(RuleKind.TOGETHER, "p1", "p3"),
        rule(RuleKind.APART, "p1", "p2"),
        rule(RuleKind.IN_TEAM, "p4", "T-1"),
        rule(RuleKind.IN_TEAM, "p4", "T"),
        rule(RuleKind.NOT_IN_TEAM, "p5", "T-2"),
        rule(RuleKind.NOT_IN_TEAM, "p5", "T"),
    ],
    ids=lambda r: f"{r.kind.value}-{r.target}",
)
def test_each_team_rule_refuses_exactly_the_plans_the_checker_fails(team_rule: Rule) -> None:
    accepted, refused = agreement(company(staff(), (SPEC,), rules=(team_rule,)))
    assert accepted > 0 and refused > 0


def test_together_refuses_every_plan_that_leaves_either_person_out() -> None:
    instance = company(staff(), (SPEC,), rules=(rule(RuleKind.TOGETHER, "p1", "p3"),))
    built = model_of(instance)
    people = [e.employee_id for e in instance.employees]
    for members in team_plans(people):
        placed = {p for m in members.values() for p in m}
        if not {"p1", "p3"} <= placed:
            assert fixed_solve(built, seats(built, members)) is None, members
            (result,) = [r for r in check_teams(instance, as_plan(members)) if "together" in r.rule]
            assert not result.passed and "no team" in result.detail


BALANCE_RULES = [
    ("location", BalanceMode.DIVERSIFY, None),
    ("location", BalanceMode.CLUSTER, None),
    ("age", BalanceMode.BALANCE, None),
    ("location", BalanceMode.NO_LONE, "osaka"),
    ("location", BalanceMode.NO_LONE, None),
    ("previous_team", BalanceMode.DIFFERENT, None),
]
BALANCE_IDS = [
    f"{mode.value}-{attribute}-{value or 'any'}" for attribute, mode, value in BALANCE_RULES
]


@pytest.mark.parametrize(("attribute", "mode", "value"), BALANCE_RULES, ids=BALANCE_IDS)
def test_each_hard_balance_mode_refuses_exactly_the_plans_the_checker_fails(
    attribute: str, mode: BalanceMode, value: str | None
) -> None:
    hard = BalanceRule(attribute=attribute, mode=mode, hard=True, value=value, row=2)
    accepted, refused = agreement(company(staff(), (SPEC,), balance_rules=(hard,)))
    assert accepted > 0 and refused > 0


@pytest.mark.parametrize(("attribute", "mode", "value"), BALANCE_RULES, ids=BALANCE_IDS)
def test_each_soft_balance_mode_costs_in_the_model_what_the_checker_counts(
    attribute: str, mode: BalanceMode, value: str | None
) -> None:
    soft = BalanceRule(attribute=attribute, mode=mode, weight=2.0, value=value, row=2)
    instance = company(staff(), (SPEC,), balance_rules=(soft,))
    built = model_of(instance)
    by_id = instance.employee_by_id
    penalties = set()
    for members in team_plans([e.employee_id for e in instance.employees]):
        solver = fixed_solve(built, seats(built, members))
        assert solver is not None, members  # a soft rule refuses no plan
        cost = -sum(c * solver.value(v) for c, v in built.ctx.objective_terms["balance"]) / 1000
        people = {t: [by_id[p] for p in m] for t, m in members.items()}
        expected = soft.weight * balance_penalty(instance, soft, people)
        # balance measures in hundredths of a standard deviation, rounded per member
        assert cost == pytest.approx(expected, abs=0.05), members
        penalties.add(round(expected, 2))
    assert len(penalties) > 1  # the rule tells some plans from others


# ---------------------------------------------------------------------------- rotation


def rotation_company(rules: tuple[Rule, ...]) -> PlanningInput:
    """A, B and C of two, two and one people (C releases nobody); a2 and b2 stay home;
    no ties, so every department pair is a gap worth bridging."""
    people = [
        Employee(employee_id="a1", department="A"),
        Employee(employee_id="a2", department="A", rotation_eligible=False),
        Employee(employee_id="b1", department="B"),
        Employee(employee_id="b2", department="B", rotation_eligible=False),
        Employee(employee_id="c1", department="C"),
    ]
    return rotation_instance(people, periods=2, min_on_site=0.5, rules=rules)


Stints = dict[str, tuple[str, int] | None]
"""Each rotator's stint: (host, period position), or ``None`` at home."""


def rotation_plans(instance: PlanningInput, people: list[str]) -> Iterator[Stints]:
    homes = {e.employee_id: e.department for e in instance.employees}
    departments = [d.name for d in instance.departments]
    for choice in product(range(1 + 2 * len(departments)), repeat=len(people)):
        stints: Stints = {}
        for who, pick in zip(people, choice, strict=True):
            if pick == 0:
                stints[who] = None
                continue
            host, period = departments[(pick - 1) // 2], (pick - 1) % 2
            if host == homes[who]:
                break  # listed once, as home: the checker's own rule is tested elsewhere
            stints[who] = (host, period)
        else:
            yield stints


def rotation_values(built: PlanningModel, stints: Stints) -> dict[int, int] | None:
    """The rotation variables of ``stints``, or ``None`` when the model has none for it
    (a person or a host it never considers)."""
    rm = built.rotation
    assert rm is not None
    values: dict[int, int] = {}
    index_of = {c.members[0]: i for i, c in enumerate(rm.classes)}
    for who, stint in stints.items():
        if who not in index_of:
            if stint is not None:
                return None
            continue
        i = index_of[who]
        group = rm.classes[i].group
        if stint is not None and (i, stint[0]) not in rm.sent:
            return None
        for (c, host), var in rm.sent.items():
            if c == i:
                values[var.index] = int(stint is not None and stint[0] == host)
        for (g, host, start), var in rm.starts.items():
            if g == group:
                values[var.index] = int(stint == (host, start))
    return values


def as_rotation(instance: PlanningInput, stints: Stints) -> Plan:
    labels = [p.label for p in sorted(instance.periods, key=lambda p: p.index)]
    rotation = tuple(
        RotationStint(employee_id=who, period=labels[stint[1]], department=stint[0])
        for who, stint in stints.items()
        if stint is not None
    )
    return Plan(status=SolveStatus.FEASIBLE, rotation=rotation, planned_teams=False)


@pytest.mark.parametrize(
    "rotation_rule",
    [
        None,
        Rule(kind=RuleKind.ROTATE_TO, employee_id="a1", target="C", targets=("C",), row=2),
        Rule(kind=RuleKind.NOT_ROTATE_TO, employee_id="a1", target="B", targets=("B",), row=2),
        Rule(kind=RuleKind.NO_ROTATION, employee_id="b1", row=2),
    ],
    ids=lambda r: r.kind.value if r else "no rule",
)
def test_each_rotation_rule_refuses_exactly_the_plans_the_checker_fails(
    rotation_rule: Rule | None,
) -> None:
    instance = rotation_company((rotation_rule,) if rotation_rule else ())
    built = model_of(instance, teams=False)
    accepted = refused = 0
    for stints in rotation_plans(instance, ["a1", "b1", "c1"]):
        checked = check_rotation(instance, as_rotation(instance, stints))
        passed = all(r.passed for r in checked)
        values = rotation_values(built, stints)
        solved = values is not None and fixed_solve(built, values) is not None
        assert solved == passed, (stints, [r.detail for r in checked if not r.passed])
        accepted += passed
        refused += not passed
    assert accepted > 0 and refused > 0
