"""Reading a plan workbook back: teams, rotation and review decisions, checked cell by cell."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from plan_samples import sample_instance, sample_plan, write_sample
from soffice import convert
from workbooks import company, write_workbook

from crossteam.errors import InputError
from crossteam.io.plan_layout import INPUT_BASIS
from crossteam.io.plan_reader import ANOTHER_COMPANY_SHARE, read_plan, read_plan_for, read_review
from crossteam.io.plan_writer import REVIEW_HEADER_ROW
from crossteam.models import (
    DepartmentChange,
    PlanningInput,
    Problem,
    ReviewDecision,
    RotationStint,
    Rule,
    RuleKind,
    SolveStatus,
    SourceFile,
    TeamAssignment,
)

R = REVIEW_HEADER_ROW - 1
"""Review rows lie this much lower than they did when the table began on row 1."""


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
        {
            f"H{2 + R}": "lock",
            f"I{2 + R}": "=must stay",
            f"H{5 + R}": " Remove ",
            f"H{8 + R}": "KEEP",
        },
    )
    assert read_review(plan_path, sample_instance()) == (
        ReviewDecision(
            kind="team",
            employee_id="E1",
            team="Alpha",
            decision="lock",
            comment="=must stay",
            row=2 + R,
        ),
        ReviewDecision(kind="team", employee_id="E4", team="Beta", decision="remove", row=5 + R),
        ReviewDecision(
            kind="rotation",
            employee_id="E8",
            period="P1",
            department="Support",
            decision="keep",
            row=8 + R,
        ),
    )


def test_review_without_decisions_reads_as_none(plan_path: Path) -> None:
    assert read_review(plan_path, sample_instance()) == ()


def test_bad_decision_word_is_named_at_its_cell(plan_path: Path) -> None:
    edit(plan_path, "Review", {f"H{3 + R}": "maybe", f"H{4 + R}": "lock"})
    (problem,) = problems_of(plan_path, read_review)
    assert (problem.sheet, problem.row, problem.column, problem.cell) == (
        "Review",
        3 + R,
        "decision",
        f"H{3 + R}",
    )
    assert "maybe" in problem.message


def test_review_decision_on_unknown_host_department_is_a_problem(plan_path: Path) -> None:
    edit(plan_path, "Review", {f"H{7 + R}": "lock", f"D{7 + R}": "Marketing"})
    (problem,) = problems_of(plan_path, read_review)
    assert (problem.cell, problem.column) == (f"D{7 + R}", "host_department")


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
    # 14 %, below the threshold) and E6, whom the plan names nowhere, has left (its Input
    # Basis knows everyone)
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
    assert changes.removed == ("E6",) and changes.name_changed == ()
    assert changes.has_basis and changes.named_differing == 1
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
    edit(plan_path, "Review", {f"H{3 + R}": "lock"})  # E2 in Alpha
    later = another_version(departments={"E2": "Support"})
    assert read_plan_for(plan_path, later).changes.department_changed  # accepted without review
    with pytest.raises(InputError) as raised:
        read_plan_for(plan_path, later, review=True)
    (problem,) = raised.value.problems
    assert (problem.sheet, problem.row) == ("Review", 3 + R)
    assert "E2 has a lock decision" in problem.message and "someone else" in problem.message


def test_review_decisions_come_with_the_plan(plan_path: Path) -> None:
    edit(plan_path, "Review", {f"H{5 + R}": "remove"})
    found = read_plan_for(plan_path, sample_instance(), review=True)
    assert found.decisions == (
        ReviewDecision(kind="team", employee_id="E4", team="Beta", decision="remove", row=5 + R),
    )


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_plan_resaved_by_libreoffice_reads_back_the_same(plan_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "resaved"
    convert(plan_path, "xlsx", out, tmp_path)
    plan = read_plan(out / plan_path.name, sample_instance())
    assert (plan.teams, plan.rotation) == (sample_plan().teams, sample_plan().rotation)


def later_version(instance: PlanningInput) -> PlanningInput:
    """``instance`` as a later workbook of the same company (another SHA-256)."""
    source = SourceFile(path="/data/company-v2.xlsx", sha256="cd" * 32, size_bytes=99)
    copy = instance.model_copy(update={"source": source})
    return PlanningInput.model_validate(copy.model_dump())


def test_everyone_and_every_sheet_are_compared_with_the_plans_input_basis(
    plan_path: Path,
) -> None:
    base = sample_instance()
    employees = tuple(
        e.model_copy(
            update={"available": e.employee_id != "E3", "rotation_eligible": e.employee_id != "E5"}
        )
        for e in base.employees
    )
    joiner = base.employees[0].model_copy(update={"employee_id": "E9", "name": "New Joiner"})
    alpha, beta = base.teams
    together = Rule(kind=RuleKind.TOGETHER, employee_id="E1", target="E4", targets=("E4",))
    later = later_version(
        base.model_copy(
            update={
                "employees": (*employees, joiner),
                "departments": tuple(
                    d.model_copy(update={"headcount": 3}) if d.name == "Sales" else d
                    for d in base.departments
                ),
                "teams": (alpha.model_copy(update={"max_size": 3}), beta),
                "rules": (together,),
                "settings": base.settings.model_copy(update={"weight_bridging": 20.0}),
            }
        )
    )

    changes = read_plan_for(plan_path, later).changes

    assert changes.has_basis
    assert (changes.now_unavailable, changes.no_longer_eligible) == (("E3",), ("E5",))
    assert changes.added == ("E9",) and changes.removed == ()
    parts = {p.part: p for p in changes.parts}
    assert parts["Teams"].changed == ("Alpha",)
    assert parts["Rules"].added == ("together E1 E4",)
    assert parts["Settings"].changed == ("weight_bridging",)
    assert "Departments" not in parts  # a headcount is the Employees sheet's
    summary = changes.summary()
    for words in ("1 now unavailable (E3)", "1 new in the input (E9)", "Teams: 1 changed (Alpha)"):
        assert words in summary
    assert "New Joiner" not in summary


def test_without_an_input_basis_the_people_the_plan_names_are_compared(
    plan_path: Path,
) -> None:
    workbook = openpyxl.load_workbook(plan_path)
    del workbook[INPUT_BASIS]
    workbook.save(plan_path)
    base = sample_instance()
    employees = tuple(
        e.model_copy(update={"available": e.employee_id != "E3"}) for e in base.employees
    )
    later = later_version(base.model_copy(update={"employees": employees}))

    changes = read_plan_for(plan_path, later).changes

    assert not changes.has_basis
    assert changes.now_unavailable == ("E3",)
    assert changes.parts == ()


def test_a_team_no_longer_in_the_input_is_left_out_with_its_reason(plan_path: Path) -> None:
    base = sample_instance()
    later = later_version(base.model_copy(update={"teams": base.teams[:1]}))

    found = read_plan_for(plan_path, later)

    assert [t.team for t in found.plan.teams] == ["Alpha"]
    assert [(g.employee_id, g.team, g.reason) for g in found.left_out] == [
        ("E4", "Beta", "team 'Beta' is no longer in the input"),
        ("E7", "Beta", "team 'Beta' is no longer in the input"),
    ]


def test_people_no_longer_in_the_input_are_listed_as_left_out(plan_path: Path) -> None:
    found = read_plan_for(plan_path, another_version(without=("E8",)))
    assert {(g.kind, g.period, g.department) for g in found.left_out} == {
        ("rotation", "P1", "Support"),
        ("rotation", "P2", "Support"),
    }
    assert {g.reason for g in found.left_out} == {"E8 is no longer in the input"}


def test_a_comment_without_a_decision_is_read_to_be_carried_over(plan_path: Path) -> None:
    edit(plan_path, "Review", {f"I{3 + R}": "ask again in June"})
    assert read_review(plan_path, sample_instance()) == (
        ReviewDecision(
            kind="team", employee_id="E2", team="Alpha", comment="ask again in June", row=3 + R
        ),
    )


def test_a_review_table_on_the_first_row_is_read_too(plan_path: Path) -> None:
    # plans written before the Review sheet had instructions
    workbook = openpyxl.load_workbook(plan_path)
    table = [
        [c.value for c in row] for row in workbook["Review"].iter_rows(min_row=REVIEW_HEADER_ROW)
    ]
    del workbook["Review"]
    sheet = workbook.create_sheet("Review")
    for row in table:
        sheet.append(row)
    sheet["H3"] = "remove"
    workbook.save(plan_path)

    assert read_review(plan_path, sample_instance()) == (
        ReviewDecision(kind="team", employee_id="E2", team="Alpha", decision="remove", row=3),
    )
