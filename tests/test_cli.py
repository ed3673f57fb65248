"""The command line as users and scripts meet it: exit codes, JSON, files written or not."""

from __future__ import annotations

import json
import math
import re
import zipfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, NoReturn
from unittest.mock import ANY

import openpyxl
import pytest
import typer
import typer.rich_utils
from command import digest, run
from typer.core import TyperGroup, TyperOption
from workbooks import Sheets, company, put, write_workbook

from crossteam.checks import verify
from crossteam.cli import app
from crossteam.io import cells
from crossteam.io.example_workbook import write_example
from crossteam.io.plan_reader import read_plan
from crossteam.io.plan_writer import REVIEW_HEADER_ROW
from crossteam.io.reader import load_workbook
from crossteam.models import RuleKind
from crossteam.planner import usable_cores


@pytest.fixture(scope="module")
def example_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("example") / "company.xlsx"
    write_example(path, employees=60, departments=6, seed=3)
    return path


def test_validate_json_lists_every_problem_with_its_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = company()
    put(sheets, "Employees", 3, "department", None)
    put(sheets, "Skills", 2, "level", 9)
    path = write_workbook(tmp_path / "bad.xlsx", sheets)
    before = digest(path)

    code, out, err = run(capsys, "validate", str(path), "--json")

    assert code == 2
    payload = json.loads(out)
    assert payload["valid"] is False
    places = {(e["sheet"], e["row"], e["column"]) for e in payload["errors"]}
    assert ("Employees", 3, "department") in places
    assert ("Skills", 2, "level") in places
    assert "Employees!C3 (department)" in err
    assert digest(path) == before


def test_validate_accepts_a_good_workbook(
    example_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "validate", str(example_path), "--json")
    assert code == 0
    assert json.loads(out)["valid"] is True


def test_not_a_workbook_exits_2_with_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.xlsx"
    path.write_text("employee_id,department\n1,Sales\n", encoding="utf-8")
    for command in ("validate", "audit", "plan"):
        code, out, err = run(capsys, command, str(path), "--json")
        assert code == 2, command
        assert "Traceback" not in err
        assert "xlsx" in err
        json.loads(out)  # exactly one JSON object


def test_audit_json_has_the_contract_keys_and_writes_a_workbook(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "audit.xlsx"
    code, out, _ = run(capsys, "audit", str(example_path), "-o", str(out_path), "--json")
    assert code == 0
    payload = json.loads(out)
    for key in ("employees", "departments", "interactions", "ei_index", "modularity"):
        assert key in payload
    assert payload["employees"] == 60
    assert all(a < b for a, b in payload["gap_pairs"])
    assert {"department", "headcount", "internal_ties", "external_ties", "ei_index"} <= set(
        payload["per_department"][0]
    )
    assert "Summary" in openpyxl.load_workbook(out_path, read_only=True).sheetnames


def test_plan_writes_a_checked_plan_and_never_touches_the_input(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(example_path)
    out_path = tmp_path / "plan.xlsx"
    args = ("plan", str(example_path), "-o", str(out_path), "--time-limit", "3", "--json")

    code, out, _ = run(capsys, *args)

    assert code == 0
    payload = json.loads(out)
    assert payload["status"] in ("optimal", "feasible")
    assert payload["checks"]["passed"] is True
    assert payload["objective"] == pytest.approx(sum(payload["objective_terms"].values()))
    assert all(isinstance(note, str) for note in payload["notes"])
    assert {"before", "after"} <= set(payload["metrics"])
    assert len(payload["metrics"]["after"]["gap_pairs"]) <= len(
        payload["metrics"]["before"]["gap_pairs"]
    )
    instance = load_workbook(example_path)
    assert len(payload["teams"]) == len(instance.teams)
    written = read_plan(out_path, instance)
    assert [list(t.members) for t in written.teams] == [t["members"] for t in payload["teams"]]
    assert verify(instance, written).passed
    assert digest(example_path) == before

    # the same command again refuses to overwrite, and --force allows it
    code, out, err = run(capsys, *args)
    assert code == 2
    assert "--force" in err
    code, _, _ = run(capsys, *args, "--force")
    assert code == 0


def test_audit_with_a_plan_reports_before_and_after(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = tmp_path / "plan.xlsx"
    code, _, _ = run(capsys, "plan", str(example_path), "-o", str(plan_path), "--time-limit", "2")
    assert code == 0
    code, out, _ = run(capsys, "audit", str(example_path), "--plan", str(plan_path), "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["after"]["interactions"] > payload["before"]["interactions"]


def test_a_skill_nobody_has_gives_exit_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = company()
    sheets["TeamSkills"].append(["Solo", "Quantum chemistry", 1, 1])
    path = write_workbook(tmp_path / "impossible.xlsx", sheets)
    out_path = tmp_path / "plan.xlsx"

    code, out, err = run(capsys, "plan", str(path), "-o", str(out_path), "--json")

    assert code == 1
    payload = json.loads(out)
    assert payload["status"] == "infeasible"
    assert any("Quantum chemistry" in reason for reason in payload["explanation"])
    assert "Quantum chemistry" in err
    assert not out_path.exists()


def edited(source: Path, target: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    """A copy of the workbook ``source`` at ``target``, changed by ``edit``."""
    book = openpyxl.load_workbook(source)
    edit(book)
    book.save(target)
    return target


def unavailable_id(book: openpyxl.Workbook) -> str:
    rows = book["Employees"].iter_rows(min_row=2, values_only=True)
    return next(str(r[0]) for r in rows if r[5] == "no")


def hard_typo(book: openpyxl.Workbook) -> None:
    book["Balance"].append(["location", "no_lone", "hard", "Osaak"])


def together_with_unavailable(book: openpyxl.Workbook) -> None:
    book["Rules"].append(["together", "E001", unavailable_id(book), None])


def free_pair(book: openpyxl.Workbook) -> tuple[str, str]:
    """Two available people of different departments whom no Rules row names."""
    named = {
        str(cell) for row in book["Rules"].iter_rows(min_row=2, values_only=True) for cell in row
    }
    rows = book["Employees"].iter_rows(min_row=2, values_only=True)
    free = [(str(r[0]), r[2]) for r in rows if r[5] != "no" and str(r[0]) not in named]
    first = free[0]
    second = next(p for p in free if p[1] != first[1])
    return first[0], second[0]


def together_in_two_teams(book: openpyxl.Workbook) -> None:
    a, b = free_pair(book)
    first, second = (
        row[0] for row in book["Teams"].iter_rows(min_row=2, max_row=3, values_only=True)
    )
    book["Rules"].append(["together", a, b, None])
    book["Rules"].append(["in_team", a, first, None])
    book["Rules"].append(["in_team", b, second, None])


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (hard_typo, "matches nobody: no available employee has it; did you mean 'Osaka'?"),
        (together_with_unavailable, "E001 must be in the same team as E0"),
        (together_in_two_teams, "of their people leave no team that can hold them all"),
    ],
    ids=["hard-balance-typo", "together-with-unavailable", "together-in-two-teams"],
)
def test_a_rule_that_can_never_hold_gives_exit_1_before_planning(
    edit: Callable[[openpyxl.Workbook], None],
    reason: str,
    example_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = edited(example_path, tmp_path / "impossible.xlsx", edit)
    out_path = tmp_path / "plan.xlsx"

    code, out, err = run(capsys, "plan", str(path), "-o", str(out_path), "--json")

    assert code == 1
    payload = json.loads(out)
    assert payload["stop_reason"] == "precheck"
    (explained,) = payload["explanation"]  # the example plans fine without the change
    assert reason in explained and explained in err
    assert "Searching" not in err
    assert not out_path.exists()


def test_a_together_pair_is_placed_in_one_team_and_its_check_passes(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pair: list[str] = []

    def together(book: openpyxl.Workbook) -> None:
        pair.extend(free_pair(book))
        book["Rules"].append(["together", *pair, "in charge of the new product"])

    path = edited(example_path, tmp_path / "pair.xlsx", together)
    row = openpyxl.load_workbook(path)["Rules"].max_row

    code, out, err = run(
        capsys, "plan", str(path), "-o", str(tmp_path / "plan.xlsx"), "--time-limit", "5", "--json"
    )

    assert code == 0, err
    payload = json.loads(out)
    (team,) = [t["team"] for t in payload["teams"] if set(pair) <= set(t["members"])]
    assert payload["checks"]["passed"]
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx", read_only=True)
    checks = {(r[0], r[1]): r for r in book["Checks"].iter_rows(min_row=2, values_only=True)}
    book.close()
    result = checks["rule together", f"row {row}"]
    assert result[2] == "pass" and f"{pair[0]} in {team}, {pair[1]} in {team}" in str(result[3])


def test_a_soft_rule_matching_nobody_warns_and_its_check_is_not_applicable(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def soft_typo(book: openpyxl.Workbook) -> None:
        book["Balance"].append(["location", "no_lone", 1, "Osaak"])

    path = edited(example_path, tmp_path / "typo.xlsx", soft_typo)
    row = openpyxl.load_workbook(path)["Balance"].max_row
    out_path = tmp_path / "plan.xlsx"

    code, out, err = run(
        capsys, "plan", str(path), "-o", str(out_path), "--time-limit", "3", "--json"
    )

    assert code == 0
    warning = f"Balance row {row}: the soft no_lone rule on location = 'Osaak' matches nobody"
    assert f"warning {warning}" in err
    payload = json.loads(out)
    assert any(note.startswith(warning) for note in payload["notes"])
    (not_applicable,) = payload["checks"]["not_applicable"]
    assert not_applicable["subject"] == f"row {row}" and not_applicable["applicable"] is False
    assert "(1 not applicable)" in err
    book = openpyxl.load_workbook(out_path, read_only=True)
    results = {(r[0], r[1]): r[2] for r in book["Checks"].iter_rows(min_row=2, values_only=True)}
    book.close()
    assert results["balance no_lone on location", f"row {row}"] == "n/a"
    instance = load_workbook(path)
    assert verify(instance, read_plan(out_path, instance)).passed


def names_in(path: Path) -> set[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    names = {str(r[1]) for r in book["Employees"].iter_rows(min_row=2, values_only=True) if r[1]}
    book.close()
    return names


def test_a_plan_knows_its_company(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = tmp_path / "plan.xlsx"
    code, _, _ = run(capsys, "plan", str(example_path), "-o", str(plan_path), "--time-limit", "2")
    assert code == 0
    # another company: the same ids, other people
    other = tmp_path / "other.xlsx"
    write_example(other, employees=60, departments=6, seed=4)
    out_path = tmp_path / "replanned.xlsx"
    for args in (
        ("audit", str(other), "--plan", str(plan_path), "--json"),
        ("plan", str(other), "--review", str(plan_path), "-o", str(out_path), "--json"),
    ):
        code, out, err = run(capsys, *args)
        assert code == 2, args
        assert f"{plan_path.name} is a plan of another company's workbook" in err
        assert "Teams!C2 (name): " in err and "the name differs from the input's" in err
        assert json.loads(out)["valid"] is False
        for name in names_in(example_path) | names_in(other):
            assert name not in err and name not in out
    assert not out_path.exists()

    # an earlier version of this input: someone placed moved department, someone joined
    book = openpyxl.load_workbook(plan_path, read_only=True)
    placed, department = next(book["Teams"].iter_rows(min_row=2, values_only=True))[1:4:2]
    book.close()

    def later_version(book: openpyxl.Workbook) -> None:
        sheet = book["Employees"]
        departments = {r[2] for r in sheet.iter_rows(min_row=2, values_only=True)}
        moved_to = sorted(departments - {department})[0]
        for row in sheet.iter_rows(min_row=2):
            if row[0].value == placed:
                row[2].value = moved_to
        sheet.append(["E999", "New Joiner", moved_to, "Analyst", "Tokyo", "yes", "yes"])

    later = edited(example_path, tmp_path / "later.xlsx", later_version)
    code, out, err = run(capsys, "audit", str(later), "--plan", str(plan_path), "--json")
    assert code == 0
    changes = json.loads(out)["input_changes"]
    assert changes["same_input"] is False
    assert [c["employee_id"] for c in changes["department_changed"]] == [placed]
    assert (changes["plan_employees"], changes["input_employees"]) == (60, 61)
    assert changes["removed"] == [] and changes["name_changed"] == []
    assert f"warning {plan_path.name}: made from another version of the input" in err
    assert f"1 changed department ({placed} {department} -> " in err


def test_output_in_a_missing_folder_is_a_clear_error(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "plan", str(example_path), "-o", str(tmp_path / "no" / "p.xlsx"))
    assert code == 2
    assert "does not exist" in err


def test_output_may_not_replace_the_input(
    example_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(example_path)
    code, _, err = run(capsys, "plan", str(example_path), "-o", str(example_path), "--force")
    assert code == 2
    assert "input" in err
    assert digest(example_path) == before


def test_template_then_example_commands_write_workbooks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(capsys, "template", str(tmp_path / "t.xlsx"))
    assert code == 0
    code, _, _ = run(
        capsys, "example", str(tmp_path / "e.xlsx"), "--employees", "40", "--departments", "4"
    )
    assert code == 0
    assert len(load_workbook(tmp_path / "e.xlsx").employees) == 40


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "plan", "--no-such-option")
    assert code == 2


def test_audit_without_interactions_says_every_pair_is_silent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = company()
    del sheets["Interactions"]
    path = write_workbook(tmp_path / "no_ties.xlsx", sheets)

    code, out, err = run(capsys, "audit", str(path), "--json")

    assert code == 0
    payload = json.loads(out)
    assert payload["ei_index"] is None
    assert len(payload["gap_pairs"]) == 3  # Sales, Development, Support: every pair
    assert "no ties" in err


def test_review_round_trip_honours_decisions_and_lists_changes(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "plan.xlsx"
    code, _, _ = run(capsys, "plan", str(example_path), "-o", str(first), "--time-limit", "3")
    assert code == 0
    book = openpyxl.load_workbook(first)
    sheet = book["Review"]
    header = [c.value for c in sheet[REVIEW_HEADER_ROW]]
    kind, decision = header.index("kind"), header.index("decision")
    employee = header.index("employee_id")
    # people the workbook's own Rules pin are left alone: removing them cannot be honoured
    ruled = {r.employee_id for r in load_workbook(example_path).rules}
    team_rows = [
        r
        for r in sheet.iter_rows(min_row=REVIEW_HEADER_ROW + 1)
        if r[kind].value == "team" and r[employee].value not in ruled
    ]
    decided = {"lock": team_rows[:3], "remove": team_rows[3:5]}
    for word, rows in decided.items():
        for row in rows:
            row[decision].value = word
    book.save(first)
    second = tmp_path / "replan.xlsx"

    code, out, err = run(
        capsys,
        "plan",
        str(example_path),
        "--review",
        str(first),
        "-o",
        str(second),
        "--time-limit",
        "3",
        "--json",
    )

    assert code == 0, err
    payload = json.loads(out)
    assert payload["review"]["locks_honoured"] == 3
    assert payload["review"]["removes_honoured"] == 2
    assert payload["review"]["changed_share"] <= 0.2
    assert payload["checks"]["passed"] is True
    changes = openpyxl.load_workbook(second, read_only=True)["Changes"]
    listed = {row[0] for row in changes.iter_rows(min_row=2, values_only=True) if row[0]}
    assert {c["employee_id"] for c in payload["changes"]} <= listed


def test_previous_repairs_a_plan_after_someone_became_unavailable(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "plan.xlsx"
    code, _, _ = run(capsys, "plan", str(example_path), "-o", str(first), "--time-limit", "3")
    assert code == 0
    ruled = {r.employee_id for r in load_workbook(example_path).rules}
    placed = next(
        str(r[1])
        for r in openpyxl.load_workbook(first, read_only=True)["Teams"].iter_rows(
            min_row=2, values_only=True
        )
        if r[1] not in ruled
    )

    def away(book: openpyxl.Workbook) -> None:
        sheet = book["Employees"]
        header = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            if str(row[0].value) == placed:
                row[header.index("available")].value = "no"

    later = edited(example_path, tmp_path / "later.xlsx", away)
    second = tmp_path / "repaired.xlsx"

    code, out, err = run(
        capsys, "plan", str(later), "--previous", str(first), "-o", str(second),
        "--time-limit", "3", "--json",
    )  # fmt: skip

    assert code == 0, err
    payload = json.loads(out)
    assert payload["input_changes"]["now_unavailable"] == [placed]
    assert f"1 now unavailable ({placed})" in err
    reasons = {(c["employee_id"], c["kind"]): c["reason"] for c in payload["changes"]}
    assert reasons[placed, "team"] == f"{placed} is now unavailable"
    assert payload["repair"]["other_assignments_changed"] <= 5
    assert payload["checks"]["passed"] is True
    assert "review" not in payload
    book = openpyxl.load_workbook(second, read_only=True)
    sheet = book["Changes"]
    cells = {str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None}
    assert {"now unavailable", placed, f"{placed} is now unavailable"} <= cells


def test_previous_and_review_together_are_a_usage_error(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.xlsx"
    code, _, err = run(
        capsys, "plan", str(example_path), "--previous", str(plan), "--review", str(plan)
    )
    assert code == 2
    assert "--previous" in err


def test_sweep_plans_every_scenario_and_writes_the_comparison(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grid = tmp_path / "grid.yaml"
    grid.write_text(
        "vary:\n  time_limit_seconds: 2\n  weight_bridging: [1, 20]\n", encoding="utf-8"
    )
    out_path = tmp_path / "sweep.xlsx"

    code, out, err = run(
        capsys, "sweep", str(example_path), "--grid", str(grid), "-o", str(out_path), "--json"
    )

    assert code == 0, err
    payload = json.loads(out)
    assert [s["status"] in ("optimal", "feasible") for s in payload["scenarios"]] == [True, True]
    assert all(s["checks_passed"] for s in payload["scenarios"])
    assert out_path.exists()


def test_sweep_with_a_bad_grid_names_the_problem(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grid = tmp_path / "grid.yaml"
    grid.write_text("vary:\n  no_such_setting: [1, 2]\n", encoding="utf-8")
    code, out, err = run(capsys, "sweep", str(example_path), "--grid", str(grid), "--json")
    assert code == 2
    assert "no_such_setting" in err
    assert json.loads(out)["valid"] is False


def test_a_teams_only_plan_is_not_held_to_the_rotation_rules(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = load_workbook(example_path)
    assert instance.rules_of(RuleKind.ROTATE_TO)  # a rule only a rotation could satisfy
    out_path = tmp_path / "teams.xlsx"

    code, out, _ = run(
        capsys,
        "plan",
        str(example_path),
        "-o",
        str(out_path),
        "--no-rotation",
        "--time-limit",
        "2",
        "--json",
    )

    assert code == 0
    payload = json.loads(out)
    assert payload["rotation"] == []
    assert payload["checks"]["passed"] is True
    written = read_plan(out_path, instance)
    assert (written.planned_teams, written.planned_rotation) == (True, False)
    assert verify(instance, written).passed
    # the same plan claimed as a full plan does break the rotate_to rule
    assert not verify(instance, written.model_copy(update={"planned_rotation": True})).passed


# -- personal data never reaches a message ------------------------------------------------

MARKER = "zzmarker"
"""Every name and salary of ``marked()`` holds it; no message or JSON output may."""


def marked() -> Sheets:
    """``company()`` made plannable, each name and a text salary column holding MARKER."""
    sheets = company()
    put(sheets, "Teams", 3, "min_size", 1)  # 2 + 2 + 1 seats for 6 available people
    del sheets["Rules"][3]  # rotate_to: E5 cannot leave Support, which keeps 80 % at home
    sheets["Employees"][0].append("salary")
    for number, row in enumerate(sheets["Employees"][1:], 1):
        row[1] = f"ZZMARKERNAME{number}"
        row.append(f"ZZMARKERSALARY{number}")
    return sheets


def _edit(*cells: tuple[str, int, str, object]) -> Callable[[Sheets], None]:
    def change(sheets: Sheets) -> None:
        for sheet, row, column, value in cells:
            put(sheets, sheet, row, column, value)

    return change


def _add(sheet: str, *rows: list[object]) -> Callable[[Sheets], None]:
    return lambda sheets: sheets[sheet].extend(rows)


PERSONAL_PATHS: dict[str, Callable[[Sheets], None]] = {
    "a bad cell on every sheet": _edit(
        ("Employees", 3, "employee_id", "E1"),
        ("Employees", 4, "available", "maybe"),
        ("Employees", 5, "name", "ZZMARKERNAME" * 1_000),
        ("Employees", 6, "salary", "=1+1"),  # a formula without a saved result
        ("Employees", 7, "department", "\u200b"),
        ("Skills", 2, "level", 9),
        ("Skills", 3, "employee_id", "E77"),
        ("Interactions", 2, "weight", "often"),
        ("Interactions", 3, "employee_b", "zzmarkername2"),  # a name for an id
        ("Departments", 2, "min_on_site", 1.5),
        ("Priorities", 2, "department_a", "Legal"),
        ("Teams", 2, "max_size", "five"),
        ("TeamSkills", 2, "team", "Ghost"),
        ("Balance", 2, "mode", "mix"),
        ("Periods", 3, "period", "2027-Q1"),
        ("Rules", 2, "rule", "split"),
        ("Rules", 3, "employee_id", "ZZMARKERNAME3"),
        ("Rules", 4, "employee_id", "E99"),
        ("Settings", 2, "setting", "time_limit"),
    ),
    "balance on the name column": _add("Balance", ["name", "balance", 1, None]),
    "balance on a text salary column": _add("Balance", ["salary", "balance", 1, None]),
    "look-alike salaries of a balanced column": lambda sheets: (
        _edit(("Employees", 3, "salary", "zzmarkersalary1"))(sheets),
        _add("Balance", ["salary", "diversify", 1, None])(sheets),
    ),
    "hard rules on personal columns": _add(
        "Balance",
        ["salary", "different", "hard", None],
        ["name", "cluster", 1, None],
        ["salary", "diversify", 2, None],
    ),
    "an impossible hard rule on a name": lambda sheets: (
        _add("Balance", ["name", "no_lone", "hard", "ZZMARKERNAME1"])(sheets),
        _add("Rules", ["in_team", "E1", "Solo", None])(sheets),
    ),
}


@pytest.mark.parametrize("path_kind", list(PERSONAL_PATHS))
def test_no_name_or_personal_cell_text_reaches_a_message_or_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], path_kind: str
) -> None:
    sheets = marked()
    PERSONAL_PATHS[path_kind](sheets)
    path = write_workbook(tmp_path / "in.xlsx", sheets)
    plan_path = tmp_path / "plan.xlsx"
    outcomes = {
        "validate": run(capsys, "validate", str(path), "--json"),
        "audit": run(capsys, "audit", str(path), "--json"),
        "plan": run(capsys, "plan", str(path), "-o", str(plan_path), "--time-limit", "5", "--json"),
    }
    for command, (code, out, err) in outcomes.items():
        assert code in (0, 1, 2), (command, err)
        strict_json(out)
        assert MARKER not in (out + err).casefold(), (command, out, err)
    if outcomes["plan"][0] == 0:
        instance = load_workbook(path)
        assert verify(instance, read_plan(plan_path, instance)).passed


def test_a_name_in_a_plan_read_back_is_not_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_workbook(tmp_path / "in.xlsx", marked())
    plan_path = tmp_path / "plan.xlsx"
    code, _, err = run(capsys, "plan", str(path), "-o", str(plan_path), "--time-limit", "5")
    assert code == 0, err
    instance = load_workbook(path)
    assert verify(instance, read_plan(plan_path, instance)).passed
    book = openpyxl.load_workbook(plan_path)
    book["Teams"]["B2"].value = "ZZMARKERNAME4"
    book.save(plan_path)

    code, out, err = run(capsys, "audit", str(path), "--plan", str(plan_path), "--json")

    assert code == 2
    assert "Teams!B2" in err
    assert "holds the name of employee" in err
    assert MARKER not in (out + err).casefold()


# -- messages a new user can act on -------------------------------------------------------


def test_a_folder_given_as_input_is_called_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "company.xlsx"
    folder.mkdir()
    for command in ("validate", "audit", "plan"):
        code, out, err = run(capsys, command, str(folder), "--json")
        assert code == 2, command
        assert "is a folder" in err
        assert "is a folder" in strict_json(out)["errors"][0]["message"]


def test_the_input_workbook_given_as_the_plan_is_called_an_input_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_workbook(tmp_path / "in.xlsx", company())
    code, _, err = run(capsys, "audit", str(path), "--plan", str(path))
    assert code == 2
    assert "looks like an input workbook" in err
    assert "no column" not in err


def test_follow_on_problems_are_counted_and_marked_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = company()
    put(sheets, "Employees", 2, "employee_id", None)  # E1, named on four other rows
    path = write_workbook(tmp_path / "in.xlsx", sheets)
    code, out, err = run(capsys, "validate", str(path), "--json")
    assert code == 2
    assert "2 problems found (1 may follow from another)" in err
    errors = strict_json(out)["errors"]
    assert [e["follows"] for e in errors] == [None, "Employees!A2"]


# -- numbers at the edges of their ranges, and strict JSON --------------------------------


def strict_json(text: str) -> Any:
    """``json.loads`` that refuses ``NaN``, ``Infinity`` and ``-Infinity``."""

    def refuse(constant: str) -> NoReturn:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def set_cells(path: Path, out: Path, cells: dict[tuple[str, str], object]) -> Path:
    book = openpyxl.load_workbook(path)
    for (sheet, ref), value in cells.items():
        book[sheet][ref] = value
    book.save(out)
    return out


def set_settings(path: Path, settings: dict[str, object]) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["Settings"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2) if row[0].value}
    for name, value in settings.items():
        if name in rows:
            rows[name][1].value = value
        else:
            sheet.append([name, value])
    book.save(path)


@pytest.fixture(scope="module")
def extreme_path(example_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with numbers at the edges of their ranges, every one of them valid: the
    largest and the smallest positive weights, a pair's ties adding up to exactly the
    largest, capacities and sizes equal to the headcount, the largest seed and counts."""
    book = openpyxl.load_workbook(example_path)
    ties = book["Interactions"]
    ties.append([ties["B2"].value, ties["A2"].value, 4e8])  # with 6e8 below: exactly 1e9
    path = tmp_path_factory.mktemp("extreme") / "extreme.xlsx"
    book.save(path)
    headcount = len(load_workbook(example_path).employees)
    set_cells(
        path,
        path,
        {
            ("Interactions", "C2"): 6e8,
            ("Interactions", "C3"): 5e-324,
            ("Interactions", "C4"): 1e9,
            ("Priorities", "C2"): 1e6,
            ("Priorities", "C3"): 5e-324,
            ("Balance", "C2"): 1e6,
            ("Departments", "C2"): headcount,
            ("Teams", "D2"): headcount,
        },
    )
    set_settings(
        path,
        {
            "random_seed": 2**31 - 1,
            "weight_bridging": 1e6,
            "weight_diversity": 1e6,
            "weight_learning": 5e-324,
            "weak_tie_ratio": 1e6,
            "betweenness_samples": 10**6,
            "max_rotations_per_employee": 10**6,
            "default_host_capacity": headcount,
        },
    )
    return path


def test_every_json_output_is_strict_json_at_the_edges_of_every_range(
    extreme_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grid = tmp_path / "grid.yaml"
    grid.write_text("scenarios:\n  - time_limit_seconds: 2\n", encoding="utf-8")
    plan_path = tmp_path / "plan.xlsx"
    runs = {
        "validate": ("validate", str(extreme_path)),
        "audit": ("audit", str(extreme_path)),
        "plan": ("plan", str(extreme_path), "-o", str(plan_path), "--time-limit", "3"),
        "audit --plan": ("audit", str(extreme_path), "--plan", str(plan_path)),
        "sweep": ("sweep", str(extreme_path), "--grid", str(grid), "--processes", "1"),
    }
    payloads = {}
    for name, args in runs.items():
        code, out, err = run(capsys, *args, "--json")
        assert code == 0, (name, err)
        payloads[name] = strict_json(out)
    instance = load_workbook(extreme_path)
    assert instance.settings.random_seed == 2**31 - 1
    assert payloads["plan"]["checks"]["passed"] is True
    assert verify(instance, read_plan(plan_path, instance)).passed
    assert payloads["audit"]["interaction_weight"] > 1e9
    assert payloads["sweep"]["scenarios"][0]["checks_passed"] is True


def test_a_figure_that_is_not_finite_is_a_bug_not_json(
    example_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from crossteam import json_contract

    real = json_contract.audit_json
    monkeypatch.setattr(json_contract, "audit_json", lambda r: {**real(r), "modularity": math.nan})

    code, out, err = run(capsys, "audit", str(example_path), "--json")

    assert code == 3
    assert "not JSON compliant" in err
    assert strict_json(out) == {"error": ANY, "exit_code": 3}  # still one strict object


def test_two_ties_of_1e308_on_one_pair_are_refused_at_their_cells(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.load_workbook(example_path)
    ties = book["Interactions"]
    ties["C2"] = 1e308
    ties.append([ties["B2"].value, ties["A2"].value, 1e308])
    path = tmp_path / "loud.xlsx"
    book.save(path)

    code, out, err = run(capsys, "audit", str(path), "--json")

    assert code == 2
    assert "RuntimeWarning" not in err
    cells = {(e["sheet"], e["cell"]) for e in strict_json(out)["errors"]}
    assert cells == {("Interactions", "C2"), ("Interactions", f"C{ties.max_row}")}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--seed", str(2**31)), "--seed"),
        (("--time-limit", "inf"), "--time-limit"),
        (("--time-limit", "nan"), "--time-limit"),
        (("--alternatives", "21"), "--alternatives"),
        (("--alternatives", "2", "--tolerance", "nan"), "--tolerance"),
        (("--tolerance", "0.1"), "only applies with --alternatives"),
    ],
)
def test_plan_options_out_of_range_are_usage_errors(
    example_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    words: str,
) -> None:
    out = tmp_path / "plan.xlsx"
    code, _, err = run(capsys, "plan", str(example_path), "-o", str(out), *args)
    assert code == 2
    assert words in " ".join(err.split())  # rich may wrap the usage box
    assert not out.exists()


def test_example_refuses_a_seed_beyond_the_solver_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "example", str(tmp_path / "e.xlsx"), "--seed", str(2**31))
    assert code == 2
    assert "--seed" in err
    assert not (tmp_path / "e.xlsx").exists()


@pytest.mark.parametrize("where", ["option", "Settings"])
def test_workers_above_the_cores_are_capped_with_a_note(
    where: str, example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = example_path
    args: tuple[str, ...] = ("--workers", "100000")
    if where == "Settings":
        source = tmp_path / "many-workers.xlsx"
        source.write_bytes(example_path.read_bytes())
        set_settings(source, {"workers": 100_000})
        args = ()
    out = tmp_path / "plan.xlsx"

    code, stdout, err = run(
        capsys, "plan", str(source), "-o", str(out), "--time-limit", "2", "--json", *args
    )

    assert code == 0, err
    cores = usable_cores()
    said = "--workers" if where == "option" else "Settings workers"
    note = f"{said} 100,000 is more than the {cores} cores"
    assert note in err
    assert any(note in n for n in strict_json(stdout)["notes"])
    run_info = dict(openpyxl.load_workbook(out, read_only=True)["Run Info"].values)
    assert run_info["workers"] == cores
    instance = load_workbook(source)
    assert verify(instance, read_plan(out, instance)).passed


def test_sweep_processes_above_the_cores_are_capped_with_a_note(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grid = tmp_path / "grid.yaml"
    grid.write_text("scenarios:\n  - time_limit_seconds: 1\n", encoding="utf-8")
    code, out, err = run(
        capsys, "sweep", str(example_path), "--grid", str(grid), "--processes", "100000", "--json"
    )
    assert code == 0, err
    assert f"--processes 100,000 is more than the {usable_cores()} cores" in err
    assert strict_json(out)["processes"] <= usable_cores()


def with_long_name(source: Path, out: Path, length: int) -> Path:
    """``source`` with the first employee's name ``length`` characters long: longer than
    Excel allows, so it is written into the sheet's XML, as another program might."""
    book = openpyxl.load_workbook(source)
    book["Employees"]["B2"] = "n" * 100
    book.save(out)
    patched = out.with_suffix(".tmp")
    with zipfile.ZipFile(out) as old, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename).replace(b"n" * 100, b"n" * length)
            new.writestr(item, data)
    patched.replace(out)
    return out


def test_a_text_cut_to_fit_a_cell_is_told_not_silent(
    example_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = with_long_name(example_path, tmp_path / "long.xlsx", 40_000)
    out = tmp_path / "plan.xlsx"

    code, _, err = run(capsys, "plan", str(source), "-o", str(out), "--time-limit", "2")
    assert code == 2  # the reader refuses cells over 10,000 characters, at the cell
    assert "Employees!B2 (name): holds 40,000 characters" in err

    monkeypatch.setattr(cells, "MAX_TEXT_LENGTH", 50_000)  # as if the reader let it pass
    code, _, err = run(capsys, "plan", str(source), "-o", str(out), "--time-limit", "2")

    assert code == 0, err
    said = " ".join(err.split())
    assert "more than the 32,767 characters Excel allows" in said and "cut, ending with …" in said
    book = openpyxl.load_workbook(out)
    listed = [
        v for f, v in book["Run Info"].iter_rows(min_row=2, values_only=True) if f == "cut_cell"
    ]
    sheet, cell = listed[0].split(":")[0].split("!")
    assert book[sheet][cell].value.endswith("…") and len(book[sheet][cell].value) == 32_767
    assert "nnnn" not in err  # the text itself is never echoed
    instance = load_workbook(source)
    assert verify(instance, read_plan(out, instance)).passed


# -- --version and --help ------------------------------------------------------------------

COMMANDS = ("template", "example", "validate", "audit", "plan", "sweep")
DANGLING = frozenset({"a", "an", "the", "and", "or", "of", "to", "with", "without", "for", "in"})
"""Words a help text cut mid-sentence would end on."""


def test_version_prints_the_installed_version_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--version")
    assert code == 0
    assert out == f"crossteam {metadata.version('crossteam')}\n"
    assert err == ""


def _helps(command: Any) -> list[str]:
    """The help texts of ``command``: its own first line and each of its parameters'."""
    texts = [(command.help or "").splitlines()[0]]
    texts += [p.help for p in command.params if isinstance(p, TyperOption) and p.help]
    return [" ".join(text.split()) for text in texts]


def _command(name: str | None) -> Any:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    return group if name is None else group.commands[name]


@pytest.mark.parametrize("name", COMMANDS)
def test_no_help_text_ends_mid_sentence(name: str) -> None:
    for text in _helps(_command(name)):
        last = text.rstrip(".)").split()[-1].casefold()
        assert last not in DANGLING, f"{name}: {text!r}"


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_help_shows_every_word_within_the_width_and_no_type_placeholders(
    name: str | None,
    width: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", width)
    code, out, _ = run(capsys, *([name] if name else []), "--help")
    assert code == 0
    assert "<bool>" not in out and "BOOLEAN" not in out
    assert "…" not in out  # nothing cut short with an ellipsis
    assert max(len(line) for line in out.splitlines()) <= width
    # each help text whole, in order, however the table wrapped it
    words = re.sub(r"[│╭╮╰╯─]", " ", out).split()
    for text in _helps(_command(name)) if name else []:
        wanted = text.split()
        at = 0
        for word in wanted:
            assert word in words[at:], f"{name}: {word!r} of {text!r} missing at {width}"
            at = words.index(word, at) + 1


LOADED_PROBE = """
import sys
from crossteam.cli import main
try:
    main()
except SystemExit as done:
    print("exit", done.code, "solver", "ortools" in sys.modules)
"""


@pytest.mark.parametrize(
    "command",
    [
        ("validate", "{bad}"),
        ("plan", "{bad}", "-o", "{out}"),
        ("audit", "{example}", "--plan", "{bad}"),
    ],
)
def test_a_refused_file_is_reported_before_the_solver_library_loads(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    # a bad file is refused in about the time Python takes to start, not after a second of
    # loading the solver: the pipeline is imported only once the files are known good
    import subprocess
    import sys

    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    example = Path(__file__).resolve().parents[1] / "examples" / "company.xlsx"
    args = [a.format(bad=bad, out=tmp_path / "out.xlsx", example=example) for a in command]
    done = subprocess.run(
        [sys.executable, "-c", LOADED_PROBE, *args], capture_output=True, text=True, check=False
    )
    assert done.stdout.split()[-4:] == ["exit", "2", "solver", "False"], done.stderr
