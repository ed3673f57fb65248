"""The command line as users and scripts meet it: exit codes, JSON, files written or not."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from workbooks import company, put, write_workbook

from crossteam.checks import verify
from crossteam.cli import main
from crossteam.io.example import write_example
from crossteam.io.plan_reader import read_plan
from crossteam.io.reader import load_workbook
from crossteam.models import RuleKind


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code), out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (hard_typo, "matches nobody: no available employee has it; did you mean 'Osaka'?"),
        (together_with_unavailable, "E001 must be in the same team as E0"),
    ],
    ids=["hard-balance-typo", "together-with-unavailable"],
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
    header = [c.value for c in sheet[1]]
    kind, decision = header.index("kind"), header.index("decision")
    employee = header.index("employee_id")
    # people the workbook's own Rules pin are left alone: removing them cannot be honoured
    ruled = {r.employee_id for r in load_workbook(example_path).rules}
    team_rows = [
        r
        for r in sheet.iter_rows(min_row=2)
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
