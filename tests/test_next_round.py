"""``crossteam next-round``: the input workbook as it is, with the plan appended to History."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path

import openpyxl
import pytest
from command import digest, run
from openpyxl.styles import PatternFill
from openpyxl.worksheet.table import Table
from openpyxl.worksheet.worksheet import Worksheet

from crossteam.checks import verify
from crossteam.cli import main
from crossteam.io.example_workbook import write_example
from crossteam.io.plan_reader import read_plan
from crossteam.io.reader import load_workbook
from crossteam.models import Plan, PlanningInput, ProgrammeKind
from crossteam.next_round import HistoryRow, append_history, next_round

HEADERS = ["employee_id", "period", "kind", "target"]


def with_settings(path: Path, **settings: object) -> None:
    """Set ``settings`` on the Settings sheet of the workbook at ``path``."""
    book = openpyxl.load_workbook(path)
    sheet = book["Settings"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in settings:
            row[1].value = settings.pop(str(row[0].value))
    for name, value in settings.items():
        sheet.append([name, value])
    book.save(path)


def edited(source: Path, target: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    book = openpyxl.load_workbook(source)
    edit(book)
    book.save(target)
    return target


@pytest.fixture(scope="module")
def company(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small company with teams and rotation periods, planned quickly and by work."""
    path = tmp_path_factory.mktemp("company") / "company.xlsx"
    write_example(path, employees=40, departments=5, seed=3)
    with_settings(path, deterministic_time_limit=0.5, time_limit_seconds=300)
    return path


@pytest.fixture(scope="module")
def planned(company: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "plan.xlsx"
    with pytest.raises(SystemExit) as done:
        main(["plan", str(company), "-o", str(path), "--workers", "1"])
    assert done.value.code == 0
    instance = load_workbook(company)
    assert verify(instance, read_plan(path, instance)).passed
    return path


def rows(sheet: Worksheet) -> list[list[object]]:
    return [[c.value for c in row] for row in sheet.iter_rows()]


def cells(sheet: Worksheet) -> Iterator[tuple[object, ...]]:
    """Each cell's value, type and look (styles compare by their text: openpyxl's proxies
    of them do not compare by value)."""
    for row in sheet.iter_rows():
        for c in row:
            look = (repr(c.font), repr(c.fill), repr(c.border), repr(c.alignment))
            yield (c.coordinate, c.value, c.data_type, c.number_format, *look)


def assert_same_sheets(before: Path, after: Path, *, but: str = "History") -> None:
    """Every sheet of ``before`` but ``but`` is in ``after`` unchanged, in the same place:
    values, types, formats, fonts, fills, widths, merged cells and validations."""
    old, new = openpyxl.load_workbook(before), openpyxl.load_workbook(after)
    kept = [t for t in old.sheetnames if t != but]
    assert [t for t in new.sheetnames if t != but] == kept
    for title in kept:
        a, b = old[title], new[title]
        assert list(cells(a)) == list(cells(b)), title
        assert {k: d.width for k, d in a.column_dimensions.items()} == {
            k: d.width for k, d in b.column_dimensions.items()
        }
        assert a.merged_cells.ranges == b.merged_cells.ranges
        assert [v.sqref for v in a.data_validations.dataValidation] == [
            v.sqref for v in b.data_validations.dataValidation
        ]
        assert a.freeze_panes == b.freeze_panes


def expected_rows(instance: PlanningInput, plan: Plan, team_period: str) -> list[list[object]]:
    order = {p.label: p.index for p in instance.periods}
    teams: list[list[object]] = [
        [m, team_period, "team", t.team] for t in plan.teams for m in t.members
    ]
    stints: list[list[object]] = [
        [s.employee_id, s.period, "rotation", s.department]
        for s in sorted(plan.rotation, key=lambda s: order[s.period])
    ]
    return teams + stints


# ---------------------------------------------------------------------------- the command


def test_next_round_appends_the_plan_to_history_and_keeps_the_rest(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, plan_before = digest(company), digest(planned)
    out = tmp_path / "next.xlsx"

    code, stdout, err = run(
        capsys, "next-round", str(company), str(planned), "-o", str(out), "--json"
    )

    assert code == 0, err
    instance = load_workbook(company)
    plan = read_plan(planned, instance)
    assert plan.teams and plan.rotation
    history = openpyxl.load_workbook(out)["History"]
    assert rows(history) == [HEADERS, *expected_rows(instance, plan, "round 1")]
    assert openpyxl.load_workbook(out).sheetnames[-1] == "History"
    assert_same_sheets(company, out)
    assert (digest(company), digest(planned)) == (before, plan_before)
    payload = json.loads(stdout)
    assert payload == {
        "output": str(out),
        "team_rows": sum(len(t.members) for t in plan.teams),
        "rotation_rows": len(plan.rotation),
        "team_period": "round 1",
        "warnings": payload["warnings"],
    }
    # only the example's own rotate_to rule is warned of (its person now visited the host)
    assert all(w.startswith("Rules row") for w in payload["warnings"])
    # the next round reads it back: History is the plan
    later = load_workbook(out)
    assert {(h.employee_id, h.period, h.kind, h.target) for h in later.history} == {
        (m, "round 1", ProgrammeKind.TEAM, t.team) for t in plan.teams for m in t.members
    } | {(s.employee_id, s.period, ProgrammeKind.ROTATION, s.department) for s in plan.rotation}
    assert "History gains" in err
    for name in (e.name for e in instance.employees):
        assert name not in err


def test_next_round_refuses_to_overwrite_without_force(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "next.xlsx"
    out.write_bytes(b"keep me")
    args = ("next-round", str(company), str(planned), "-o", str(out))
    code, _, err = run(capsys, *args)
    assert code == 2
    assert "--force" in err
    assert out.read_bytes() == b"keep me"
    code, _, _ = run(capsys, *args, "--force")
    assert code == 0
    assert "History" in openpyxl.load_workbook(out).sheetnames


@pytest.mark.parametrize("target", ["input", "plan"])
def test_next_round_refuses_to_write_over_its_input_or_plan(
    company: Path,
    planned: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    target: str,
) -> None:
    source = tmp_path / "company.xlsx"
    source.write_bytes(company.read_bytes())
    plan = tmp_path / "plan.xlsx"
    plan.write_bytes(planned.read_bytes())
    before = digest(source), digest(plan)
    out = source if target == "input" else plan
    code, _, err = run(capsys, "next-round", str(source), str(plan), "-o", str(out), "--force")
    assert code == 2
    assert "would overwrite an input file" in err
    assert (digest(source), digest(plan)) == before


def test_period_option_names_the_teams_period(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "next.xlsx"
    code, stdout, _ = run(
        capsys,
        "next-round",
        str(company),
        str(planned),
        "-o",
        str(out),
        "--period",
        "2027 Q2 teams",
        "--json",
    )
    assert code == 0
    assert json.loads(stdout)["team_period"] == "2027 Q2 teams"
    team_periods = {
        r[1] for r in rows(openpyxl.load_workbook(out)["History"])[1:] if r[2] == "team"
    }
    assert team_periods == {"2027 Q2 teams"}


@pytest.mark.parametrize("blank", ["", "   ", "\u200b"])
def test_a_blank_period_is_a_usage_error(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], blank: str
) -> None:
    out = tmp_path / "next.xlsx"
    args = ("next-round", str(company), str(planned), "-o", str(out), "--period", blank)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert "give a period label" in err
    assert not out.exists()


def test_the_default_round_counts_the_team_periods_history_holds(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = load_workbook(company)
    someone = instance.employees[0].employee_id

    def two_rounds(book: openpyxl.Workbook) -> None:
        sheet = book.create_sheet("History")
        sheet.append(HEADERS)
        sheet.append([someone, "2026-Q3", "team", "Old-1"])
        sheet.append([someone, "2026-Q3", "rotation", instance.departments[0].name])
        sheet.append([someone, "round 3", "team", "Old-2"])  # the label round 3 is taken

    source = edited(company, tmp_path / "company.xlsx", two_rounds)
    out = tmp_path / "next.xlsx"
    code, stdout, _ = run(capsys, "next-round", str(source), str(planned), "-o", str(out), "--json")
    assert code == 0
    assert json.loads(stdout)["team_period"] == "round 4"
    written = rows(openpyxl.load_workbook(out)["History"])
    assert written[:4] == [
        HEADERS,
        [someone, "2026-Q3", "team", "Old-1"],
        [someone, "2026-Q3", "rotation", instance.departments[0].name],
        [someone, "round 3", "team", "Old-2"],
    ]
    assert {r[1] for r in written[4:] if r[2] == "team"} == {"round 4"}


def test_japanese_history_headers_are_written_under(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = load_workbook(company)
    someone = instance.employees[0].employee_id

    def japanese_history(book: openpyxl.Workbook) -> None:
        sheet = book.create_sheet("履歴", 1)
        sheet.append(["履歴 (記入例の下から)"])  # a title above the header
        sheet.append(["対象", "種別", "社員番号", "期間", "メモ"])
        sheet.append(["Old-1", "team", someone, "2026-Q3", "kept"])

    source = edited(company, tmp_path / "company.xlsx", japanese_history)
    out = tmp_path / "next.xlsx"
    code, _, err = run(capsys, "next-round", str(source), str(planned), "-o", str(out))
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == openpyxl.load_workbook(source).sheetnames
    written = rows(book["履歴"])
    assert written[:3] == [
        ["履歴 (記入例の下から)", None, None, None, None],
        ["対象", "種別", "社員番号", "期間", "メモ"],
        ["Old-1", "team", someone, "2026-Q3", "kept"],
    ]
    plan = read_plan(planned, instance)
    assert [[r[2], r[3], r[1], r[0], r[4]] for r in written[3:]] == [
        [*row, None] for row in expected_rows(instance, plan, "round 2")
    ]
    assert_same_sheets(source, out, but="履歴")


def test_a_rotation_period_already_in_history_is_warned_of(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = load_workbook(company)
    someone = instance.employees[0].employee_id
    first = instance.periods[0].label

    def visited(book: openpyxl.Workbook) -> None:
        sheet = book.create_sheet("History")
        sheet.append(HEADERS)
        sheet.append([someone, first, "rotation", instance.departments[0].name])

    source = edited(company, tmp_path / "company.xlsx", visited)
    out = tmp_path / "next.xlsx"
    code, stdout, err = run(
        capsys, "next-round", str(source), str(planned), "-o", str(out), "--json"
    )
    assert code == 0
    (warning,) = [w for w in json.loads(stdout)["warnings"] if not w.startswith("Rules")]
    assert f"History already has rotation in 1 period ('{first}')" in warning
    assert "Periods sheet" in warning
    assert "warning" in err and someone not in warning


def test_a_plan_of_another_company_is_refused(
    planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.xlsx"
    write_example(other, employees=40, departments=5, seed=4)
    out = tmp_path / "next.xlsx"
    code, stdout, err = run(
        capsys, "next-round", str(other), str(planned), "-o", str(out), "--json"
    )
    assert code == 2
    assert "is a plan of another company's workbook" in err
    assert json.loads(stdout)["valid"] is False
    assert not out.exists()


def test_an_invalid_input_exits_2_naming_the_cell(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def bad_history(book: openpyxl.Workbook) -> None:
        sheet = book.create_sheet("History")
        sheet.append(HEADERS)
        sheet.append(["E1", "2026-Q3", "holiday", "Sales"])

    source = edited(company, tmp_path / "company.xlsx", bad_history)
    out = tmp_path / "next.xlsx"
    code, _, err = run(capsys, "next-round", str(source), str(planned), "-o", str(out))
    assert code == 2
    assert "History!C2 (kind)" in err
    assert not out.exists()


def test_a_period_option_history_already_has_teams_in_is_warned_of(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = load_workbook(company)

    def one_round(book: openpyxl.Workbook) -> None:
        sheet = book.create_sheet("History")
        sheet.append(HEADERS)
        sheet.append([instance.employees[0].employee_id, "Q1", "team", "Old-1"])

    source = edited(company, tmp_path / "company.xlsx", one_round)
    out = tmp_path / "next.xlsx"
    args = ("next-round", str(source), str(planned), "-o", str(out), "--json", "--period", "Q1")
    code, stdout, _ = run(capsys, *args)
    assert code == 0
    (warning,) = [w for w in json.loads(stdout)["warnings"] if not w.startswith("Rules")]
    assert "History already has teams in period 'Q1'" in warning


def test_an_excel_table_on_history_grows_to_hold_the_new_rows(
    company: Path, planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = load_workbook(company)

    def as_table(book: openpyxl.Workbook) -> None:
        sheet = book.create_sheet("History")
        sheet.append(HEADERS)
        sheet.append([instance.employees[0].employee_id, "Q1", "team", "Old-1"])
        sheet.add_table(Table(displayName="PastRounds", ref="A1:D2"))

    source = edited(company, tmp_path / "company.xlsx", as_table)
    out = tmp_path / "next.xlsx"
    code, _, _ = run(capsys, "next-round", str(source), str(planned), "-o", str(out))
    assert code == 0
    sheet = openpyxl.load_workbook(out)["History"]
    assert sheet.tables["PastRounds"].ref == f"A1:D{sheet.max_row}"
    assert sheet.max_row > 2


# ---------------------------------------------------------------------------- the rows


def test_a_plan_without_teams_has_no_team_period(company: Path, planned: Path) -> None:
    instance = load_workbook(company)
    plan = read_plan(planned, instance).model_copy(update={"teams": ()})
    added = next_round(instance, plan, None)
    assert added.team_period is None
    assert added.team_rows == 0
    assert added.rotation_rows == len(plan.rotation)


ROWS = (
    HistoryRow("E1", "round 1", ProgrammeKind.TEAM, "=Voice-1"),
    HistoryRow("007", "2027-Q1", ProgrammeKind.ROTATION, "Sales"),
)


def test_an_empty_history_sheet_gets_english_headers_then_the_rows() -> None:
    book = openpyxl.Workbook()
    book.active.title = "history"
    append_history(book, ROWS)
    assert book.sheetnames == ["history"]
    assert rows(book["history"]) == [
        HEADERS,
        ["E1", "round 1", "team", "=Voice-1"],
        ["007", "2027-Q1", "rotation", "Sales"],
    ]
    # text stays text: a team name like a formula, an id like a number
    assert {c.data_type for c in book["history"][2]} == {"s"}
    assert book["history"]["A3"].value == "007"


def test_rows_follow_the_last_filled_row_not_formatting_below_it() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "History"
    sheet.append(HEADERS)
    sheet.append(["E9", "Q1", "team", "Old"])
    sheet["A40"].fill = PatternFill("solid", fgColor="FFFF00")  # formatted, empty
    sheet["F3"] = "a note beside History's columns"
    append_history(book, ROWS)
    assert rows(sheet)[2:4] == [
        ["E1", "round 1", "team", "=Voice-1", None, "a note beside History's columns"],
        ["007", "2027-Q1", "rotation", "Sales", None, None],
    ]


def test_the_docs_explain_the_command() -> None:
    root = Path(__file__).resolve().parents[1]
    assert "docs/next-round.md" in (root / "README.md").read_text(encoding="utf-8")
    doc = (root / "docs" / "next-round.md").read_text(encoding="utf-8")
    for words in ("round N", "--period", "--force", "Preferences", "repeats", "team_period"):
        assert words in doc


# ---------------------------------------------------------------------------- end to end


def test_plan_next_round_plan_repeats_no_host_and_no_teammates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "company.xlsx"
    source.write_bytes(Path(str(files("crossteam") / "data" / "example.xlsx")).read_bytes())
    with_settings(
        source, deterministic_time_limit=1, time_limit_seconds=600, repeat_teammates="forbid"
    )
    first = tmp_path / "plan-1.xlsx"
    code, _, err = run(capsys, "plan", str(source), "-o", str(first), "--workers", "1")
    assert code == 0, err
    following = tmp_path / "company-2.xlsx"
    code, _, err = run(capsys, "next-round", str(source), str(first), "-o", str(following))
    assert code == 0, err

    def next_quarter(book: openpyxl.Workbook) -> None:
        """What HR edits for the next round: new period labels, and last round's Rules
        out (met; a rotate_to or together again would contradict History)."""
        for row in book["Periods"].iter_rows(min_row=2):
            row[0].value = f"{row[0].value} (round 2)"
        book["Rules"].delete_rows(2, book["Rules"].max_row)

    edited(following, following, next_quarter)
    second = tmp_path / "plan-2.xlsx"
    code, out, err = run(
        capsys, "plan", str(following), "-o", str(second), "--workers", "1", "--json"
    )
    assert code == 0, err
    payload = json.loads(out)
    assert payload["checks"]["passed"] is True
    assert payload["repeats"] == []
    before = read_plan(first, load_workbook(source))
    earlier = {
        frozenset((a, b)) for t in before.teams for a in t.members for b in t.members if a != b
    }
    for team in payload["teams"]:
        members = team["members"]
        assert not any(frozenset((a, b)) in earlier for a in members for b in members if a != b)
    visited = {(s.employee_id, s.department) for s in before.rotation}
    assert visited
    assert not visited & {(s["employee_id"], s["department"]) for s in payload["rotation"]}


def test_rules_the_new_history_makes_impossible_under_forbid_are_warned_of(
    company: Path,
) -> None:
    from crossteam.models import RepeatPolicy, RotationStint, Rule, RuleKind, TeamAssignment

    base = load_workbook(company)
    a, b, c = base.employees[:3]
    host = next(d.name for d in base.departments if d.name != a.department)
    rules = (
        Rule(
            kind=RuleKind.ROTATE_TO, employee_id=a.employee_id, target=host, targets=(host,), row=7
        ),
        Rule(
            kind=RuleKind.TOGETHER,
            employee_id=b.employee_id,
            target=c.employee_id,
            targets=(c.employee_id,),
            row=8,
        ),
    )
    forbid = base.settings.model_copy(update={"repeat_teammates": RepeatPolicy.FORBID})
    instance = base.validated_with(rules=rules, settings=forbid)
    plan = Plan(
        status="feasible",
        teams=(TeamAssignment(team=base.teams[0].name, members=(b.employee_id, c.employee_id)),),
        rotation=(
            RotationStint(employee_id=a.employee_id, period=base.periods[0].label, department=host),
        ),
    )
    warnings = next_round(instance, plan, None).warnings
    assert any(w.startswith("Rules row 7: rotate_to") and "repeat_host" in w for w in warnings)
    assert any(w.startswith("Rules row 8: together") and "repeat_teammates" in w for w in warnings)
    for word in (a.name, b.name, c.name):
        assert all(word not in w for w in warnings)  # rows, never names

    # allowed repeats, or a plan that keeps the rules' people apart, warn of nothing
    allowed = forbid.model_copy(
        update={"repeat_teammates": RepeatPolicy.ALLOW, "repeat_host": RepeatPolicy.ALLOW}
    )
    assert not next_round(instance.validated_with(settings=allowed), plan, None).warnings
    apart = plan.model_copy(update={"teams": (), "rotation": ()})
    assert not next_round(instance, apart, None).warnings
