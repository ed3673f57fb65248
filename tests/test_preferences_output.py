"""Wishes granted and teammates repeated, as the checker counts them and as the plan
workbook (Preferences sheet, Summary) and ``plan --json`` show them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from plan_samples import sample_checks, sample_instance, sample_plan, sample_run_info

from crossteam import network
from crossteam.checks.preferences import wish_report
from crossteam.checks.repeats import repeated_pairs
from crossteam.io.plan_writer import write_plan
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


# ---------------------------------------------------------------------------- the workbook


def written(path: Path, instance: PlanningInput, plan: Plan) -> openpyxl.Workbook:
    """The plan workbook of ``plan``, with its wishes and repeats, as the command writes it."""
    write_plan(
        path,
        instance,
        plan,
        effect=network.compare(instance, plan),
        checks=sample_checks(),
        run_info=sample_run_info(),
        wishes=wish_report(instance, plan),
        repeats=len(repeated_pairs(instance, plan)),
    )
    return openpyxl.load_workbook(path)


def summary_table(book: openpyxl.Workbook, name: str) -> dict[str, tuple[object, ...]]:
    sheet = book["Summary"]
    table = sheet.tables[name]
    rows = [[c.value for c in row] for row in sheet[table.ref]]
    return {str(row[0]): tuple(row[1:]) for row in rows[1:]}


WISHES = (
    wish("E5", ROTATION, "Support", 1),
    wish("E5", ROTATION, "Finance", 2),
    wish("E8", ROTATION, "Sales", 1),
    wish("E8", ROTATION, "Support", 3),
    wish("E6", ROTATION, "=Sales", 1, "Sales"),  # as written, a formula-like target
    wish("E4", TEAM, "Alpha", 1),
    wish("E4", TEAM, "Beta", 2),
)


def test_preferences_sheet_has_a_row_per_person_and_kind_with_wishes_got_and_rank(
    tmp_path: Path,
) -> None:
    book = written(tmp_path / "plan.xlsx", with_wishes(*WISHES), sample_plan())
    rows = [[c.value for c in row] for row in book["Preferences"].iter_rows()]
    assert rows[0] == [
        "employee_id",
        "name",
        "department",
        "kind",
        "wishes",
        "got",
        "rank_got",
    ]
    assert rows[1:] == [
        ["E5", "@SUM(1,1)", "Development", "rotation", "1 Support; 2 Finance", "Finance", 2],
        ["E6", "-2+3", "Support", "rotation", "1 =Sales", None, None],
        ["E8", "Kato Mai", "Finance", "rotation", "1 Sales; 3 Support", "Support", 3],
        ["E4", "+1+1", "Sales", "team", "1 Alpha; 2 Beta", "Beta", 2],
    ]
    # text from the input stays literal text, never a formula
    cell = book["Preferences"]["E3"]
    assert (cell.value, cell.data_type) == ("1 =Sales", "s")


def test_summary_gains_the_figures_of_wishes_and_repeats(tmp_path: Path) -> None:
    instance = with_history(with_wishes(*WISHES))
    book = written(tmp_path / "plan.xlsx", instance, sample_plan())
    figures = summary_table(book, "Wishes")
    assert figures["placed people who ranked (rotators; team members)"] == (2, 1)
    assert figures["got a ranked choice"] == (2, 1)
    assert figures["first choice, share"] == (0, 0)
    assert figures["mean rank granted"] == (2.5, 2)
    assert figures["ranked but not placed (no rotation; no team)"] == (1, 0)
    assert figures["teammate pairs repeated from History"] == (None, 3)
    sentences = " ".join(str(c.value) for c in book["Summary"]["A"][:12] if c.value)
    assert "Of the 2 people rotating who ranked hosts" in sentences
    assert "1 person who ranked hosts does not rotate" in sentences
    assert "3 teammate pairs of this plan were teammates before" in sentences


def test_without_wishes_or_history_the_workbook_has_no_preferences_or_wish_figures(
    tmp_path: Path,
) -> None:
    book = written(tmp_path / "plan.xlsx", sample_instance(), sample_plan())
    assert "Preferences" not in book.sheetnames
    assert "Wishes" not in book["Summary"].tables
    sentences = " ".join(str(c.value) for c in book["Summary"]["A"][:12] if c.value)
    assert "Preferences sheet" not in sentences
    assert "teammates before" not in sentences


def test_a_writer_not_given_the_wishes_shows_no_uncounted_figures(tmp_path: Path) -> None:
    instance = with_history(with_wishes(*WISHES))
    plan = sample_plan()
    write_plan(
        tmp_path / "plan.xlsx",
        instance,
        plan,
        effect=network.compare(instance, plan),
        checks=sample_checks(),
        run_info=sample_run_info(),
    )
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    assert "Preferences" not in book.sheetnames
    assert "Wishes" not in book["Summary"].tables


def test_history_alone_adds_only_the_repeat_figure(tmp_path: Path) -> None:
    book = written(tmp_path / "plan.xlsx", with_history(), sample_plan())
    assert "Preferences" not in book.sheetnames
    assert summary_table(book, "Wishes") == {"teammate pairs repeated from History": (None, 3)}


def test_the_terminal_tells_wishes_granted_and_repeats() -> None:
    from crossteam import network
    from crossteam.messages import wishes_lines
    from crossteam.pipeline import PlanRequest, Searched, assess
    from crossteam.planner import SolveOptions

    instance = with_history(with_wishes(*WISHES))
    report = network.analyse(instance)
    outcome = assess(PlanRequest(instance, report, SolveOptions()), Searched(plan=sample_plan()))
    assert wishes_lines(outcome) == [
        "Wishes (rotation): 0 of 2 got their first choice, 1 a top-two choice, mean rank 2.5.",
        "Wishes (team): 0 of 1 got their first choice, 1 a top-two choice, mean rank 2.0.",
        "3 teammate pairs repeated from History.",
    ]
    plain = assess(
        PlanRequest(sample_instance(), report, SolveOptions()), Searched(plan=sample_plan())
    )
    assert wishes_lines(plain) == []
