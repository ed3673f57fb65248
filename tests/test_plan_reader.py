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
from crossteam.io.plan_reader import ANOTHER_COMPANY_SHARE, read_plan, read_plan_for, read_review
from crossteam.models import (
    DepartmentChange,
    PlanningInput,
    Problem,
    ReviewDecision,
    RotationStint,
    SolveStatus,
    SourceFile,
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


def another_version(
    *,
    departments: dict[str, str] | None = None,
    names: dict[str, str] | None = None,
    without: tuple[str, ...] = (),
) -> PlanningInput:
    """The sample company as its workbook might read later: other departments or names
    for some ids, some people gone, and so another SHA-256."""
    base = sample_instance(names)
    moved = departments or {}
    employees = tuple(
        e.model_copy(update={"department": moved.get(e.employee_id, e.department)})
        for e in base.employees
        if e.employee_id not in without
    )
    ties = tuple(
        i for i in base.interactions if i.employee_a not in without and i.employee_b not in without
    )
    changed = base.model_copy(
        update={
            "employees": employees,
            "interactions": ties,
            "source": SourceFile(path="/data/company-v2.xlsx", sha256="cd" * 32, size_bytes=99),
        }
    )
    return PlanningInput.model_validate(changed.model_dump())


NEW_NAMES = {e: f"Other Person {e}" for e in ("E1", "E2", "E3", "E4", "E5", "E7", "E8")}


def test_a_plan_of_this_very_input_reads_as_read_plan_does(plan_path: Path) -> None:
    found = read_plan_for(plan_path, sample_instance())
    assert found.plan == read_plan(plan_path, sample_instance())
    assert found.changes.same_input and not found.changes.differing
    assert found.decisions == ()


def test_a_plan_of_an_earlier_version_is_accepted_with_its_differences(plan_path: Path) -> None:
    # the plan names 7 people (5 in teams, E5 and E8 rotating); E2 has moved (1 of 7,
    # 14 %, below the threshold) and E6, whom the plan names nowhere, has left
    assert ANOTHER_COMPANY_SHARE == 0.2
    later = another_version(departments={"E2": "Support"}, without=("E6",))
    found = read_plan_for(plan_path, later)
    changes = found.changes
    assert not changes.same_input
    assert (changes.plan_sha256, changes.input_sha256) == ("ab" * 32, "cd" * 32)
    assert changes.people == 7
    assert changes.department_changed == (
        DepartmentChange(employee_id="E2", before="Development", after="Support"),
    )
    assert changes.removed == () and changes.name_changed == ()
    assert found.plan.teams == sample_plan().teams  # the plan itself is unchanged
    assert (
        "1 of the 7 people it names differ: 1 changed department (E2 Development -> Support)"
        in (changes.summary())
    )


def test_people_no_longer_in_the_input_are_left_out_of_the_plan(plan_path: Path) -> None:
    found = read_plan_for(plan_path, another_version(without=("E8",)))
    assert found.changes.removed == ("E8",)
    assert all(s.employee_id != "E8" for s in found.plan.rotation)
    assert found.plan.rotation == (
        RotationStint(employee_id="E5", period="P1", department="Finance"),
    )
    assert read_plan(plan_path, sample_instance()).rotation != found.plan.rotation


def test_another_companys_plan_is_refused_naming_rows_by_id_never_by_name(
    plan_path: Path,
) -> None:
    # same ids, other people: every name differs
    other = another_version(names=NEW_NAMES)
    with pytest.raises(InputError) as raised:
        read_plan_for(plan_path, other)
    summary, *rows = raised.value.problems
    assert "is a plan of another company's workbook: 7 of the 7 people" in summary.message
    assert (rows[0].sheet, rows[0].row, rows[0].column, rows[0].cell) == ("Teams", 2, "name", "C2")
    assert rows[0].message == "E1: the name differs from the input's"
    text = " ".join(p.render() for p in raised.value.problems)
    for name in [*NEW_NAMES.values(), "Sato Hana", "Suzuki Ken", "山田太郎"]:
        assert name not in text


def test_just_over_the_threshold_is_another_company(plan_path: Path) -> None:
    # 2 of the 7 people (29 %) differ: more than 20 %
    later = another_version(departments={"E2": "Support", "E7": "Sales"})
    with pytest.raises(InputError) as raised:
        read_plan_for(plan_path, later)
    assert "2 of the 7 people" in raised.value.problems[0].message


def test_a_lock_on_someone_who_differs_is_refused_at_its_review_row(plan_path: Path) -> None:
    edit(plan_path, "Review", {"H3": "lock"})  # E2 in Alpha
    later = another_version(departments={"E2": "Support"})
    assert read_plan_for(plan_path, later).changes.department_changed  # accepted without review
    with pytest.raises(InputError) as raised:
        read_plan_for(plan_path, later, review=True)
    (problem,) = raised.value.problems
    assert (problem.sheet, problem.row) == ("Review", 3)
    assert "E2 has a lock decision" in problem.message and "someone else" in problem.message


def test_review_decisions_come_with_the_plan(plan_path: Path) -> None:
    edit(plan_path, "Review", {"H5": "remove"})
    found = read_plan_for(plan_path, sample_instance(), review=True)
    assert found.decisions == (
        ReviewDecision(kind="team", employee_id="E4", team="Beta", decision="remove", row=5),
    )


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
