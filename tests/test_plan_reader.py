"""Reading a plan workbook back: teams, rotation and review decisions, checked cell by cell."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from plan_samples import sample_instance, sample_plan, write_sample
from workbooks import company, write_workbook

from crossteam.errors import InputError
from crossteam.io.plan_reader import read_plan, read_review
from crossteam.models import (
    Problem,
    ReviewDecision,
    RotationStint,
    SolveStatus,
    TeamAssignment,
)


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return write_sample(tmp_path / "plan.xlsx")


def edit(path: Path, sheet: str, changes: dict[str, object]) -> Path:
    """Change cells as a user would in Excel (text stays text) and save in place."""
    workbook = openpyxl.load_workbook(path)
    for ref, value in changes.items():
        cell = workbook[sheet][ref]
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
    workbook.save(path)
    return path


def problems_of(path: Path, read: object = read_plan) -> tuple[Problem, ...]:
    with pytest.raises(InputError) as raised:
        read(path, sample_instance())  # type: ignore[operator]
    return raised.value.problems


def test_written_plan_reads_back_to_the_same_teams_and_rotation(plan_path: Path) -> None:
    plan = read_plan(plan_path, sample_instance())
    assert plan.status is SolveStatus.FEASIBLE
    assert plan.teams == sample_plan().teams
    assert plan.rotation == sample_plan().rotation


def test_hand_edited_teams_are_read_in_sheet_order(plan_path: Path) -> None:
    edit(plan_path, "Teams", {"A2": "Beta", "A6": "Alpha"})
    plan = read_plan(plan_path, sample_instance())
    assert plan.teams == (
        TeamAssignment(team="Beta", members=("E1", "E4")),
        TeamAssignment(team="Alpha", members=("E2", "E3", "E7")),
    )


def test_unknown_employee_is_named_at_its_cell(plan_path: Path) -> None:
    edit(plan_path, "Teams", {"B3": "E99"})
    (problem,) = problems_of(plan_path)
    assert (problem.sheet, problem.row, problem.column, problem.cell) == (
        "Teams",
        3,
        "employee_id",
        "B3",
    )
    assert "E99" in problem.message


def test_unknown_team_and_missing_employee_are_each_reported(plan_path: Path) -> None:
    edit(plan_path, "Teams", {"A4": "Gamma", "B5": None})
    problems = problems_of(plan_path)
    assert [(p.cell, p.column) for p in problems] == [("A4", "team"), ("B5", "employee_id")]
    assert "Gamma" in problems[0].message
    assert "missing" in problems[1].message


def test_employee_listed_twice_in_a_team_is_a_problem(plan_path: Path) -> None:
    edit(plan_path, "Teams", {"B3": "E1"})
    (problem,) = problems_of(plan_path)
    assert problem.cell == "B3"
    assert "twice" in problem.message


def test_rotation_with_unknown_period_or_department_names_the_cell(plan_path: Path) -> None:
    edit(plan_path, "Rotation", {"E1": "P9", "D3": "Marketing"})
    problems = problems_of(plan_path)
    assert {(p.cell, p.column) for p in problems} == {("E1", "P9"), ("D3", "P1")}
    assert any("unknown period" in p.message for p in problems)
    assert any("Marketing" in p.message for p in problems)


def test_rotation_edited_by_hand_gives_the_new_stints(plan_path: Path) -> None:
    edit(plan_path, "Rotation", {"E2": "Sales", "E3": None})
    plan = read_plan(plan_path, sample_instance())
    assert plan.rotation == (
        RotationStint(employee_id="E5", period="P1", department="Finance"),
        RotationStint(employee_id="E5", period="P2", department="Sales"),
        RotationStint(employee_id="E8", period="P1", department="Support"),
    )


def test_plan_with_only_a_teams_sheet_has_no_rotation(plan_path: Path) -> None:
    workbook = openpyxl.load_workbook(plan_path)
    del workbook["Rotation"]
    workbook.save(plan_path)
    plan = read_plan(plan_path, sample_instance())
    assert plan.rotation == ()
    assert len(plan.teams) == 2


def test_workbook_without_plan_sheets_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    workbook.save(path)
    (problem,) = problems_of(path)
    assert "Teams" in problem.message


def test_an_input_workbook_given_as_a_plan_is_told_as_such(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "input.xlsx", company())  # it has a Teams sheet too
    (problem,) = problems_of(path)
    assert "looks like an input workbook" in problem.message
    assert "employee_id" not in problem.message


def test_ids_with_invisible_or_full_width_characters_read_as_the_id(plan_path: Path) -> None:
    edit(plan_path, "Teams", {"B2": "E1\u200b", "B3": "Ｅ２"})
    plan = read_plan(plan_path, sample_instance())
    assert plan.teams == sample_plan().teams


def test_an_unknown_id_with_an_invisible_character_is_quoted_escaped(plan_path: Path) -> None:
    edit(plan_path, "Teams", {"B3": "E99\u200b"})
    (problem,) = problems_of(plan_path)
    assert "E99\\u200b (read as E99)" in problem.message


def test_a_name_in_the_employee_id_column_is_not_quoted(plan_path: Path) -> None:
    edit(plan_path, "Teams", {"B3": "kato mai"})
    (problem,) = problems_of(plan_path)
    assert problem.cell == "B3"
    assert "name of employee E8" in problem.message
    assert "kato" not in problem.message.casefold()


def test_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("team,employee_id\nAlpha,E1\n")
    assert problems_of(path)


def test_review_decisions_are_read_with_their_assignment_and_row(plan_path: Path) -> None:
    edit(
        plan_path,
        "Review",
        {"H2": "lock", "I2": "=must stay", "H5": " Remove ", "H8": "KEEP"},
    )
    assert read_review(plan_path, sample_instance()) == (
        ReviewDecision(
            kind="team",
            employee_id="E1",
            team="Alpha",
            decision="lock",
            comment="=must stay",
            row=2,
        ),
        ReviewDecision(kind="team", employee_id="E4", team="Beta", decision="remove", row=5),
        ReviewDecision(
            kind="rotation",
            employee_id="E8",
            period="P1",
            department="Support",
            decision="keep",
            row=8,
        ),
    )


def test_review_without_decisions_reads_as_none(plan_path: Path) -> None:
    assert read_review(plan_path, sample_instance()) == ()


def test_bad_decision_word_is_named_at_its_cell(plan_path: Path) -> None:
    edit(plan_path, "Review", {"H3": "maybe", "H4": "lock"})
    (problem,) = problems_of(plan_path, read_review)
    assert (problem.sheet, problem.row, problem.column, problem.cell) == (
        "Review",
        3,
        "decision",
        "H3",
    )
    assert "maybe" in problem.message


def test_review_decision_on_unknown_host_department_is_a_problem(plan_path: Path) -> None:
    edit(plan_path, "Review", {"H7": "lock", "D7": "Marketing"})
    (problem,) = problems_of(plan_path, read_review)
    assert (problem.cell, problem.column) == ("D7", "host_department")


def test_workbook_without_review_sheet_is_refused_for_review(plan_path: Path) -> None:
    workbook = openpyxl.load_workbook(plan_path)
    del workbook["Review"]
    workbook.save(plan_path)
    (problem,) = problems_of(plan_path, read_review)
    assert "Review" in problem.message


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_plan_resaved_by_libreoffice_reads_back_the_same(plan_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "resaved"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(plan_path),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    plan = read_plan(out / plan_path.name, sample_instance())
    assert (plan.teams, plan.rotation) == (sample_plan().teams, sample_plan().rotation)
