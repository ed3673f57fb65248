"""Wishes granted and teammates repeated, as the checker counts them and as the plan
workbook (Preferences sheet, Summary) and ``plan --json`` show them."""

from __future__ import annotations

import pytest
from plan_samples import sample_instance, sample_plan

from crossteam.checks.preferences import wish_report
from crossteam.models import (
    HistoryEntry,
    Plan,
    PlanningInput,
    Preference,
    ProgrammeKind,
    RotationStint,
    SolveStatus,
    TeamAssignment,
)

ROTATION, TEAM = ProgrammeKind.ROTATION, ProgrammeKind.TEAM


def wish(
    employee_id: str, kind: ProgrammeKind, target: str, rank: int, *targets: str
) -> Preference:
    return Preference(
        employee_id=employee_id,
        kind=kind,
        target=target,
        targets=targets or (target,),
        rank=rank,
    )


def with_wishes(*wishes: Preference, instance: PlanningInput | None = None) -> PlanningInput:
    return (instance or sample_instance()).validated_with(preferences=wishes)


def rotating(*stints: tuple[str, str, str]) -> Plan:
    return Plan(
        status=SolveStatus.FEASIBLE,
        rotation=tuple(RotationStint(employee_id=e, period=p, department=d) for e, p, d in stints),
    )


# ---------------------------------------------------------------------------- figures


def test_rotation_figures_count_first_top_two_any_and_mean_rank() -> None:
    instance = with_wishes(
        # E1 gets their first choice, E2 their second, E3 their third, E4 nothing ranked
        wish("E1", ROTATION, "Finance", 1),
        wish("E1", ROTATION, "Support", 2),
        wish("E2", ROTATION, "Sales", 1),
        wish("E2", ROTATION, "Finance", 2),
        wish("E3", ROTATION, "Sales", 1),
        wish("E3", ROTATION, "Finance", 2),
        wish("E3", ROTATION, "Development", 3),
        wish("E4", ROTATION, "Support", 1),
        # E7 ranked but does not rotate
        wish("E7", ROTATION, "Sales", 1),
    )
    plan = rotating(
        ("E1", "P1", "Support"),
        ("E1", "P2", "Finance"),  # the first choice in a later stint still counts
        ("E2", "P1", "Finance"),
        ("E3", "P1", "Development"),
        ("E4", "P1", "Finance"),
        ("E5", "P1", "Sales"),  # rotates without wishes: not counted
    )
    figures = wish_report(instance, plan).rotation
    assert figures.ranked == 4
    assert (figures.first_choice, figures.top_two, figures.any_choice) == (1, 2, 3)
    assert figures.mean_rank == pytest.approx((1 + 2 + 3) / 3, abs=1e-4)
    assert figures.not_placed == 1
    assert figures.as_json()["first_choice_share"] == 0.25
    assert figures.as_json()["any_choice_share"] == 0.75


def test_team_wish_for_a_spec_is_granted_by_any_team_of_the_spec() -> None:
    instance = with_wishes(
        wish("E1", TEAM, "Squad", 1, "Alpha", "Beta"),  # a spec of two teams
        wish("E4", TEAM, "Alpha", 1),
        wish("E4", TEAM, "Beta", 2),
        wish("E5", TEAM, "Alpha", 1),  # in no team
    )
    plan = Plan(
        status=SolveStatus.FEASIBLE,
        teams=(
            TeamAssignment(team="Alpha", members=("E2", "E3")),
            TeamAssignment(team="Beta", members=("E1", "E4")),
        ),
    )
    report = wish_report(instance, plan)
    figures = report.team
    assert (figures.ranked, figures.first_choice, figures.top_two) == (2, 1, 2)
    assert figures.mean_rank == 1.5
    assert figures.not_placed == 1
    got = {o.employee_id: (o.got, o.rank_got) for o in report.people}
    assert got == {"E1": (("Beta",), 1), "E4": (("Beta",), 2), "E5": ((), None)}
    assert report.rotation.ranked == 0


def test_nobody_ranked_gives_zero_counts_and_no_shares_or_mean() -> None:
    report = wish_report(sample_instance(), sample_plan())
    for figures in (report.rotation, report.team):
        assert figures.ranked == figures.any_choice == figures.not_placed == 0
        assert figures.mean_rank is None
        assert figures.as_json()["first_choice_share"] is None
    assert report.people == ()


def test_ranked_but_nothing_granted_has_no_mean_rank() -> None:
    instance = with_wishes(wish("E5", ROTATION, "Sales", 1))
    figures = wish_report(instance, rotating(("E5", "P1", "Support"))).rotation
    assert (figures.ranked, figures.any_choice, figures.mean_rank) == (1, 0, None)
    assert figures.as_json()["top_two_share"] == 0.0


# ---------------------------------------------------------------------------- plan --json

HISTORY = (
    HistoryEntry(employee_id="E1", period="Q1", kind=TEAM, target="Tigers"),
    HistoryEntry(employee_id="E2", period="Q1", kind=TEAM, target="Tigers"),
    HistoryEntry(employee_id="E7", period="Q1", kind=TEAM, target="Lions"),
    HistoryEntry(employee_id="E1", period="Q2", kind=TEAM, target="Bears"),
    HistoryEntry(employee_id="E2", period="Q2", kind=TEAM, target="Bears"),
    HistoryEntry(employee_id="E3", period="Q2", kind=TEAM, target="Bears"),
    HistoryEntry(employee_id="E5", period="Q2", kind=ROTATION, target="Finance"),
)


def with_history(instance: PlanningInput | None = None) -> PlanningInput:
    return (instance or sample_instance()).validated_with(
        history=HISTORY, history_periods=("Q1", "Q2")
    )


def planned_json(instance: PlanningInput, plan: Plan) -> dict[str, object]:
    """``plan --json`` of ``plan`` as the pipeline assesses it."""
    from crossteam import network
    from crossteam.json_contract import plan_json
    from crossteam.pipeline import PlanRequest, Searched, assess
    from crossteam.planner import SolveOptions

    report = network.analyse(instance)
    outcome = assess(PlanRequest(instance, report, SolveOptions()), Searched(plan=plan))
    return plan_json(outcome, report)


def test_plan_json_reports_repeated_pairs_with_their_earlier_teams() -> None:
    payload = planned_json(with_history(), sample_plan())
    # Alpha is E1, E2, E3: E1-E2 shared Tigers (Q1) and Bears (Q2), E1-E3 and E2-E3 Bears
    assert payload["repeats"] == [
        {
            "employee_a": "E1",
            "employee_b": "E2",
            "team": "Alpha",
            "earlier": [{"period": "Q1", "team": "Tigers"}, {"period": "Q2", "team": "Bears"}],
        },
        {
            "employee_a": "E1",
            "employee_b": "E3",
            "team": "Alpha",
            "earlier": [{"period": "Q2", "team": "Bears"}],
        },
        {
            "employee_a": "E2",
            "employee_b": "E3",
            "team": "Alpha",
            "earlier": [{"period": "Q2", "team": "Bears"}],
        },
    ]


def test_plan_json_reports_preference_figures_of_both_kinds() -> None:
    instance = with_wishes(
        wish("E5", ROTATION, "Support", 1),
        wish("E5", ROTATION, "Finance", 2),
        wish("E8", ROTATION, "Support", 1),
        wish("E4", TEAM, "Alpha", 1),
        wish("E4", TEAM, "Beta", 2),
    )
    payload = planned_json(instance, sample_plan())
    preferences = payload["preferences"]
    assert isinstance(preferences, dict)
    assert preferences["rotation"] == {
        "ranked": 2,
        "first_choice": 1,
        "first_choice_share": 0.5,
        "top_two": 2,
        "top_two_share": 1.0,
        "any_choice": 2,
        "any_choice_share": 1.0,
        "mean_rank": 1.5,
        "not_placed": 0,
    }
    assert preferences["team"]["top_two"] == 1
    assert preferences["team"]["mean_rank"] == 2.0


def test_plan_json_always_has_preferences_and_repeats_and_keeps_its_keys() -> None:
    payload = planned_json(sample_instance(), sample_plan())
    assert payload["repeats"] == []
    preferences = payload["preferences"]
    assert isinstance(preferences, dict)
    assert preferences["rotation"]["ranked"] == 0
    assert preferences["team"]["mean_rank"] is None
    assert {"status", "teams", "rotation", "metrics", "checks", "bridged_pairs"} <= set(payload)


def test_plan_json_without_a_plan_still_has_preferences_and_repeats() -> None:
    instance = with_wishes(wish("E5", ROTATION, "Support", 1))
    payload = planned_json(instance, Plan(status=SolveStatus.INFEASIBLE))
    assert payload["repeats"] == []
    preferences = payload["preferences"]
    assert isinstance(preferences, dict)
    assert preferences["rotation"]["not_placed"] == 1
    assert "explanation" in payload
