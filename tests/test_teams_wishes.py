"""Repeat teammates, team wishes and the programme limit in the team model.

Every solve is re-checked by the solver-independent checker (``solving.solved``), and the
objective the checker counts from the member lists is compared with the solver's.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from command import run
from instances import company, network_report, person, random_company
from solving import by_work, solved

from crossteam.checks import verify
from crossteam.checks.objective import team_objective_terms
from crossteam.checks.repeats import repeated_pairs
from crossteam.io.example_workbook import write_example
from crossteam.io.reader import load_workbook
from crossteam.models import (
    Department,
    HistoryEntry,
    Period,
    Plan,
    PlanningInput,
    Preference,
    ProgrammeKind,
    RepeatPolicy,
    Rule,
    RuleKind,
    SolveStatus,
    StopReason,
    TeamAssignment,
    TeamSpec,
)
from crossteam.planner import SolveOptions, solve
from crossteam.planner.bounds import team_objective_bound
from crossteam.planner.pool import cohorts
from crossteam.planner.start import starting_plan

large_module = importlib.import_module("crossteam.planner.large")
TEAMS = by_work(1.0, rotation=False)
BOTH = by_work(1.0)


def base_company(seed: int = 1) -> PlanningInput:
    return random_company(40, 5, 5, seed=seed, team_size=(5, 8))


def team_history(plan: Plan, period: str = "Q1") -> tuple[HistoryEntry, ...]:
    """``plan``'s teams as History rows of ``period``."""
    return tuple(
        HistoryEntry(employee_id=e, period=period, kind=ProgrammeKind.TEAM, target=t.team)
        for t in plan.teams
        for e in t.members
    )


def with_past(
    instance: PlanningInput, history: tuple[HistoryEntry, ...], **settings: object
) -> PlanningInput:
    periods = tuple(dict.fromkeys(h.period for h in history))
    return instance.validated_with(
        history=history,
        history_periods=periods,
        settings=instance.settings.model_copy(update=settings),
    )


def repeats(instance: PlanningInput, plan: Plan) -> int:
    """Pairs of earlier teammates together again, each once per earlier team shared."""
    return sum(len(p.earlier) for p in repeated_pairs(instance, plan))


def assert_objective_counted(instance: PlanningInput, plan: Plan) -> dict[str, float]:
    """The checker's count of the team objective equals the solver's, term by term."""
    counted = team_objective_terms(instance, network_report(instance).gap_weights(), plan)
    for term, value in plan.objective_terms.items():
        assert counted[term] == pytest.approx(value), term
    assert sum(counted.values()) == pytest.approx(plan.objective)
    return counted


# repeat teammates


def test_forbid_keeps_every_earlier_team_apart() -> None:
    instance = base_company()
    first = solved(instance, TEAMS)
    past = team_history(first)
    assert repeats(with_past(instance, past, repeat_teammates=RepeatPolicy.ALLOW), first) > 0
    forbid = with_past(instance, past, repeat_teammates=RepeatPolicy.FORBID)
    plan = solved(forbid, TEAMS)
    assert repeats(forbid, plan) == 0
    results = [r for r in verify(forbid, plan).results if r.rule == "repeat teammates (forbid)"]
    assert len(results) == len(instance.teams) and all(r.passed for r in results)
    assert_objective_counted(forbid, plan)


def test_the_checker_fails_a_forbidden_repeat_naming_the_pair() -> None:
    instance = base_company()
    first = solved(instance, TEAMS)
    forbid = with_past(instance, team_history(first), repeat_teammates=RepeatPolicy.FORBID)
    failed = verify(forbid, first).failures
    assert failed and all(r.rule == "repeat teammates (forbid)" for r in failed)
    team = first.teams[0]
    detail = next(r.detail for r in failed if r.subject == team.team)
    assert f"{team.members[0]} and {team.members[1]} ({team.team} in Q1)" in detail


def small_forbid(**settings: object) -> PlanningInput:
    """Nine people in three departments, three teams of three; ``a1``, ``b1``, ``c1`` and
    ``a2`` were one team in Q1."""
    people = [person(f"{d}{i}", d.upper()) for d in "abc" for i in (1, 2, 3)]
    spec = TeamSpec(name="T", count=3, min_size=2, max_size=4)
    instance = company(people, (spec,))
    history = tuple(
        HistoryEntry(employee_id=e, period="Q1", kind=ProgrammeKind.TEAM, target="Old")
        for e in ("a1", "b1", "c1", "a2")
    )
    return with_past(instance, history, **{"repeat_teammates": RepeatPolicy.FORBID, **settings})


def test_an_earlier_team_larger_than_the_teams_cannot_be_kept_apart_when_all_are_seated() -> None:
    instance = small_forbid(assign_everyone=True)
    plan = solve(instance, network_report(instance), TEAMS)
    assert plan.status is SolveStatus.INFEASIBLE and plan.stop_reason is StopReason.PRECHECK
    (reason,) = plan.explanation
    assert "repeat_teammates = forbid: earlier team 'Old' in Q1" in reason
    assert "assign_everyone" in reason and "3 teams" in reason
    # not everyone seated: one of the four stays out, and it is feasible
    relaxed = small_forbid(assign_everyone=False)
    plan = solved(relaxed, TEAMS)
    assert repeats(relaxed, plan) == 0


def test_a_together_rule_on_earlier_teammates_is_refused_before_the_model_under_forbid() -> None:
    together = Rule(kind=RuleKind.TOGETHER, employee_id="a1", target="b1", targets=("b1",), row=2)
    instance = small_forbid().validated_with(rules=(together,))
    plan = solve(instance, network_report(instance), TEAMS)
    assert plan.status is SolveStatus.INFEASIBLE and plan.stop_reason is StopReason.PRECHECK
    (reason,) = plan.explanation
    assert reason.startswith("Rules row 2: a1, b1 must all be in one team (together)")
    assert "repeat_teammates = forbid: earlier team 'Old' in Q1" in reason


def test_in_team_rules_seating_earlier_teammates_together_are_explained_under_forbid() -> None:
    rules = tuple(
        Rule(kind=RuleKind.IN_TEAM, employee_id=e, target="T-1", targets=("T-1",), row=row)
        for row, e in ((2, "a1"), (3, "b1"))
    )
    instance = small_forbid().validated_with(rules=rules)
    plan = solve(instance, network_report(instance), TEAMS)
    assert plan.status is SolveStatus.INFEASIBLE and plan.stop_reason is not StopReason.PRECHECK
    assert set(plan.explanation[1:]) == {
        "- Rules row 2: a1 must be in team 'T-1'",
        "- Rules row 3: b1 must be in team 'T-1'",
        "- Settings: repeat_teammates = forbid: earlier team 'Old' in Q1 (History: a1, b1, c1, "
        "a2) may have at most one member per team",
    }


def test_avoid_repeats_fewer_pairs_than_allow_and_counts_them_as_the_checker() -> None:
    instance = base_company(seed=2)
    first = solved(instance, TEAMS)
    past = team_history(first)
    allow = with_past(instance, past, repeat_teammates=RepeatPolicy.ALLOW)
    avoid = with_past(instance, past, repeat_teammates=RepeatPolicy.AVOID)
    allowed = solved(allow, TEAMS)
    avoided = solved(avoid, TEAMS)
    assert repeats(avoid, avoided) < repeats(allow, allowed)
    assert_objective_counted(allow, allowed)
    assert_objective_counted(avoid, avoided)


@pytest.mark.parametrize(("met_again", "shared"), [(2, 1), (4, 2)])
def test_the_avoid_cost_is_one_weight_per_pair_and_earlier_team_shared(
    met_again: int, shared: int
) -> None:
    # all four earlier teammates seated in three teams: at least one pair meets again;
    # the first ``met_again`` of them were one team in Q2 as well
    instance = small_forbid(
        assign_everyone=True, repeat_teammates=RepeatPolicy.AVOID, weight_repeat_teammates=7.0
    )
    again = instance.history + tuple(
        h.model_copy(update={"period": "Q2", "target": "Older"})
        for h in instance.history[:met_again]
    )
    instance = with_past(instance, again)
    plan = solved(instance, by_work(2.0, rotation=False))
    assert plan.status is SolveStatus.OPTIMAL
    counted = assert_objective_counted(instance, plan)
    # one pair meets again: with two of them in Q2, one of the others; with all four,
    # whichever pair it is shared both teams
    assert len(repeated_pairs(instance, plan)) == 1
    assert repeats(instance, plan) == shared
    assert counted["repeat_teammates"] == pytest.approx(-7.0 * shared)
    assert plan.objective_terms["repeat_teammates"] == pytest.approx(-7.0 * shared)


def test_no_history_or_allow_leaves_the_pool_and_the_plan_as_they_were() -> None:
    instance = base_company()
    first = solved(instance, TEAMS)
    allow = with_past(instance, team_history(first), repeat_teammates=RepeatPolicy.ALLOW)
    assert cohorts(allow) == cohorts(instance)
    assert solved(allow, TEAMS).teams == first.teams
    assert not [r for r in verify(instance, first).results if "repeat" in r.rule]
    assert [r.passed for r in verify(allow, first).results if "repeat" in r.rule] == [True]


def test_the_start_plan_keeps_earlier_teammates_apart_under_forbid_and_avoid() -> None:
    instance = base_company()
    past = team_history(solved(instance, TEAMS))
    found = {}
    for policy in RepeatPolicy:
        case = with_past(instance, past, repeat_teammates=policy)
        start = starting_plan(case, network_report(case))
        assert start is not None
        teams = tuple(TeamAssignment(team=t, members=tuple(m)) for t, m in start.items())
        found[policy] = repeats(case, Plan(status=SolveStatus.FEASIBLE, teams=teams))
    # forbid seats fewer people (five teams hold at most five of each earlier team);
    # avoid seats as many as allow, and repeats only where seats force it
    assert found[RepeatPolicy.FORBID] == 0
    assert found[RepeatPolicy.AVOID] < found[RepeatPolicy.ALLOW]


@pytest.fixture
def tiny_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(large_module, "MODEL_VARIABLE_LIMIT", 10)


@pytest.mark.usefixtures("tiny_limit")
def test_a_very_large_company_keeps_earlier_teammates_apart_without_the_model() -> None:
    instance = random_company(120, 6, 12, seed=4)
    quick = SolveOptions(time_limit_seconds=5, workers=2, plan_rotation=False)
    first = solve(instance, network_report(instance), quick)
    assert first.stop_reason is StopReason.SIZE_LIMIT
    forbid = with_past(instance, team_history(first), repeat_teammates=RepeatPolicy.FORBID)
    plan = solve(forbid, network_report(forbid), quick)
    checks = verify(forbid, plan)
    assert checks.passed, checks.failures
    # the greedy start and local search kept them apart: no fall back to the full model
    assert plan.stop_reason is StopReason.SIZE_LIMIT
    assert repeats(forbid, plan) == 0


# team wishes


def wishing(instance: PlanningInput, weight: float = 1.0) -> PlanningInput:
    """Everyone available ranks two teams: first the team after theirs in turn, then the
    one after that (so first choices spread evenly over the teams)."""
    names = [t.name for t in instance.teams]
    wishes = []
    for i, e in enumerate(instance.available_employees):
        for rank in (1, 2):
            team = names[(i + rank) % len(names)]
            wishes.append(
                Preference(
                    employee_id=e.employee_id,
                    kind=ProgrammeKind.TEAM,
                    target=team,
                    targets=(team,),
                    rank=rank,
                )
            )
    settings = instance.settings.model_copy(update={"weight_preference": weight})
    return instance.validated_with(preferences=tuple(wishes), settings=settings)


def first_choices(instance: PlanningInput, plan: Plan) -> int:
    wanted = {
        p.employee_id: p.targets[0]
        for p in instance.preferences
        if p.rank == 1 and p.kind is ProgrammeKind.TEAM
    }
    return sum(1 for t in plan.teams for e in t.members if wanted.get(e) == t.team)


def test_team_wishes_grant_every_first_choice_when_the_teams_have_room() -> None:
    people = [person(f"{d}{i}", d.upper()) for d in "abcd" for i in (1, 2, 3)]
    instance = wishing(company(people, (TeamSpec(name="T", count=3, min_size=2, max_size=6),)))
    plan = solved(instance, by_work(2.0, rotation=False))
    seated = sum(len(t.members) for t in plan.teams)
    assert seated == len(people)
    assert first_choices(instance, plan) == seated
    counted = assert_objective_counted(instance, plan)
    assert counted["preference"] == pytest.approx(2 * seated)  # 2 points a first choice


def test_team_wishes_steer_seats_and_the_bound_covers_them() -> None:
    instance = base_company()
    steered = wishing(instance, weight=50.0)
    plan = solved(steered, by_work(2.0, rotation=False))
    assert first_choices(steered, plan) > first_choices(steered, solved(instance, TEAMS)) + 20
    assert_objective_counted(steered, plan)
    bound = team_objective_bound(steered, network_report(steered).gap_weights())
    assert plan.objective is not None and plan.bound is not None
    assert bound >= plan.objective and plan.bound >= plan.objective


def test_weight_zero_wishes_do_not_steer() -> None:
    instance = base_company()
    unsteered = wishing(instance, weight=0.0)
    plan = solved(unsteered, TEAMS)
    assert plan.teams == solved(instance, TEAMS).teams
    assert "preference" not in plan.objective_terms
    assert assert_objective_counted(unsteered, plan)["preference"] == 0


# max_programmes_per_employee


def rotating_company(**settings: object) -> PlanningInput:
    """Two teams of three and two periods of rotation among 12 people in three
    departments (each may send one person at a time)."""
    people = [person(f"{d}{i}", d.upper()) for d in "abc" for i in (1, 2, 3, 4)]
    spec = TeamSpec(name="T", count=2, min_size=3, max_size=3, min_departments=2)
    base = company(people, (spec,))
    departments = tuple(
        Department(name=d.name, headcount=d.headcount, min_on_site=0.75, host_capacity=1)
        for d in base.departments
    )
    return base.validated_with(
        departments=departments,
        periods=(Period(label="P1", index=0), Period(label="P2", index=1)),
        settings=base.settings.model_copy(update=settings),
    )


def programmes(plan: Plan) -> Counter[str]:
    taken: Counter[str] = Counter({e: 1 for t in plan.teams for e in t.members})
    taken.update({s.employee_id for s in plan.rotation})
    return taken


def test_without_a_limit_some_take_both_and_with_one_nobody_does() -> None:
    free = solved(rotating_company(), BOTH)
    assert max(programmes(free).values()) == 2
    assert not [r for r in verify(rotating_company(), free).results if "programmes" in r.rule]
    limited = rotating_company(max_programmes_per_employee=1)
    plan = solved(limited, BOTH)
    assert plan.rotation and plan.teams
    assert max(programmes(plan).values()) == 1
    (result,) = [r for r in verify(limited, plan).results if r.rule == "programmes per employee"]
    assert result.passed
    # and the checker fails the unlimited plan against the limit, naming who took both
    (failed,) = verify(limited, free).failures
    both = sorted(e for e, n in programmes(free).items() if n == 2)
    assert failed.rule == "programmes per employee" and both[0] in failed.detail


def test_a_limit_of_two_adds_nothing() -> None:
    free = solved(rotating_company(), BOTH)
    two = solved(rotating_company(max_programmes_per_employee=2), BOTH)
    assert (two.teams, two.rotation, two.objective) == (free.teams, free.rotation, free.objective)


def test_in_team_and_rotate_to_on_one_person_with_a_limit_of_one_is_explained() -> None:
    rules = (
        Rule(kind=RuleKind.IN_TEAM, employee_id="a1", target="T-1", targets=("T-1",), row=2),
        Rule(kind=RuleKind.ROTATE_TO, employee_id="a1", target="B", targets=("B",), row=3),
    )
    instance = rotating_company(max_programmes_per_employee=1).validated_with(rules=rules)
    plan = solve(instance, network_report(instance), BOTH)
    assert plan.status is SolveStatus.INFEASIBLE
    text = " | ".join(plan.explanation)
    assert "max_programmes_per_employee = 1: a1" in text
    assert "Rules row 2" in text


@pytest.mark.usefixtures("tiny_limit")
def test_a_very_large_company_rotates_nobody_its_teams_seat_under_a_limit_of_one() -> None:
    base = random_company(120, 15, 4, seed=4, team_size=(3, 4))
    periods = (Period(label="P1", index=0), Period(label="P2", index=1))
    quick = SolveOptions(time_limit_seconds=6, workers=2)

    def both(limit: int | None) -> int:
        settings = base.settings.model_copy(update={"max_programmes_per_employee": limit})
        instance = base.validated_with(periods=periods, settings=settings)
        plan = solve(instance, network_report(instance), quick)
        checks = verify(instance, plan)
        assert checks.passed, checks.failures
        # the teams came from the start plan, the rotation after them
        assert large_module.LARGE_ROTATION_NOTE in plan.notes and plan.rotation
        return sum(1 for n in programmes(plan).values() if n > 1)

    assert both(None) > 0
    assert both(1) == 0


def test_the_cli_stops_with_exit_1_when_a_together_row_meets_forbidden_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As an HR planner would meet it: last round's together row left in the workbook,
    History saying the two were teammates, and repeat_teammates set to forbid."""
    path = tmp_path / "company.xlsx"
    write_example(path, employees=60, departments=6, seed=3)
    first, second = (e.employee_id for e in load_workbook(path).available_employees[:2])
    book = openpyxl.load_workbook(path)
    book["Rules"].append(["together", first, second, ""])
    rule_row = book["Rules"].max_row
    past = book.create_sheet("History")
    past.append(["employee_id", "period", "kind", "target"])
    past.append([first, "round 1", "team", "Old"])
    past.append([second, "round 1", "team", "Old"])
    book["Settings"].append(["repeat_teammates", "forbid"])
    book.save(path)
    out_path = tmp_path / "plan.xlsx"

    code, out, err = run(capsys, "plan", str(path), "-o", str(out_path), "--json")

    assert code == 1, err
    payload = json.loads(out)
    assert payload["status"] == "infeasible"
    explained = " ".join(payload["explanation"])
    assert f"Rules row {rule_row}" in explained
    assert "repeat_teammates = forbid" in explained and "earlier team 'Old'" in explained
    assert first in explained and second in explained
    assert not out_path.exists()
    for name in (e.name for e in load_workbook(path).employees):
        assert name not in err


def test_a_spread_weight_gives_programmes_to_people_with_none_first() -> None:
    free = solved(rotating_company(), BOTH)
    spread = rotating_company(weight_spread=50.0)
    plan = solved(spread, BOTH)

    def both(p: Plan) -> int:
        return sum(1 for n in programmes(p).values() if n == 2)

    assert both(free) > 0
    assert both(plan) < both(free)
    assert plan.rotation and plan.teams
    # the cost the plan reports is the count of people with both, counted from the plan
    assert plan.objective_terms.get("spread", 0.0) == -50.0 * both(plan)
    assert verify(spread, plan).passed
