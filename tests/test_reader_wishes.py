"""The Preferences and History sheets as ``crossteam validate`` and the reader meet them:
every problem at its cell, wishes resolved, History periods in order."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from command import run
from workbooks import Sheets, company, write_workbook

from crossteam.io.reader import load_workbook, read_workbook
from crossteam.models import HistoryEntry, PlanningInput, ProgrammeKind, RepeatPolicy

PREFERENCES = ["employee_id", "kind", "target", "rank"]
HISTORY = ["employee_id", "period", "kind", "target"]


def with_wishes(
    preferences: list[list[object]] | None = None, history: list[list[object]] | None = None
) -> Sheets:
    sheets = company()
    if preferences is not None:
        sheets["Preferences"] = [PREFERENCES, *preferences]
    if history is not None:
        sheets["History"] = [HISTORY, *history]
    return sheets


def read(tmp_path: Path, sheets: Sheets) -> PlanningInput:
    return load_workbook(write_workbook(tmp_path / "wishes.xlsx", sheets))


def validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sheets: Sheets
) -> tuple[int, dict[str, list[dict[str, object]]], str]:
    path = write_workbook(tmp_path / "wishes.xlsx", sheets)
    code, out, _ = run(capsys, "validate", str(path), "--json")
    _, _, err = run(capsys, "validate", str(path))
    return code, json.loads(out), err


def places(problems: list[dict[str, object]]) -> set[tuple[object, object, object]]:
    return {(p["sheet"], p["row"], p["column"]) for p in problems}


def test_bad_preferences_rows_are_each_an_error_at_their_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = with_wishes(
        [
            ["E9", "rotation", "Support", 1],  # row 2: unknown employee
            ["E1", "party", "Support", 1],  # row 3: no such kind
            ["E1", "rotation", "Suport", 1],  # row 4: unknown department
            ["E1", "rotation", None, 1],  # row 5: blank target
            ["E1", "team", "Voic", 1],  # row 6: unknown team
            ["E1", "rotation", "Support", 1.5],  # row 7: not a whole number
            ["E1", "rotation", "Support", 0],  # row 8: below 1
        ]
    )
    code, payload, err = validate(tmp_path, capsys, sheets)
    assert code == 2
    assert payload["valid"] is False
    assert places(payload["errors"]) == {
        ("Preferences", 2, "employee_id"),
        ("Preferences", 3, "kind"),
        ("Preferences", 4, "target"),
        ("Preferences", 5, "target"),
        ("Preferences", 6, "target"),
        ("Preferences", 7, "rank"),
        ("Preferences", 8, "rank"),
    }
    assert "Preferences!C4 (target): no department Suport" in err
    assert "did you mean Support?" in err
    assert "Preferences!C6 (target): no team Voic on the Teams sheet; did you mean Voice?" in err
    assert "Sato Hana" not in err


def test_a_rank_used_twice_is_an_error_at_the_second_naming_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = with_wishes(
        [
            ["E1", "rotation", "Support", 1],
            ["E1", "team", "Voice", 1],  # another kind: its own ranks
            ["E1", "rotation", "Development", 1],
        ]
    )
    code, payload, err = validate(tmp_path, capsys, sheets)
    assert code == 2
    assert places(payload["errors"]) == {("Preferences", 4, "rank")}
    assert "Preferences!D4 (rank): rank 1 is already given" in err
    assert "on row 2" in err


def test_one_target_ranked_twice_is_an_error_at_the_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = with_wishes([["E5", "team", "Voice-2", 1], ["E5", "team", "Voice-2", 2]])
    code, payload, err = validate(tmp_path, capsys, sheets)
    assert code == 2
    assert places(payload["errors"]) == {("Preferences", 3, "target")}
    assert "already ranked on row 2" in err


def test_kinds_are_read_in_any_case_and_in_japanese(tmp_path: Path) -> None:
    sheets = with_wishes(
        [
            ["E1", " Rotation", "Support", 1],
            ["E3", "異動", "Sales", 1],
            ["E5", "ローテーション", "Sales", 1],
            ["E6", "チーム", "Solo", 1],
            ["E7", "TEAM", "Solo", 2],
        ]
    )
    kinds = [p.kind for p in read(tmp_path, sheets).preferences]
    assert kinds == [ProgrammeKind.ROTATION] * 3 + [ProgrammeKind.TEAM] * 2


def test_a_team_spec_means_every_team_of_it_and_a_department_its_spelling(
    tmp_path: Path,
) -> None:
    sheets = with_wishes([["E5", "team", "Voice", 1], ["E1", "rotation", "support", 2]])
    first, second = read(tmp_path, sheets).preferences
    assert (first.target, first.targets, first.rank, first.row) == (
        "Voice",
        ("Voice-1", "Voice-2"),
        1,
        2,
    )
    assert (second.target, second.targets) == ("Support", ("Support",))


def test_wishes_that_can_never_be_granted_are_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = with_wishes(
        [
            ["E1", "rotation", "Sales", 1],  # own department
            ["E3", "rotation", "Development", 1],  # own department (which cannot host)
            ["E5", "rotation", "Development", 1],  # Development may not host
            ["E2", "rotation", "Support", 1],  # E2 is not rotation_eligible
            ["E6", "rotation", "Sales", 1],  # fine
        ]
    )
    code, payload, err = validate(tmp_path, capsys, sheets)
    assert code == 0
    warned = {p["row"] for p in payload["warnings"] if p["sheet"] == "Preferences"}
    assert warned == {2, 3, 4, 5}
    assert "own department" in err and "may not rotate" in err and "hosts nobody" in err
    assert len(read(tmp_path, sheets).preferences) == 5, "the wishes are kept"


def test_team_wishes_without_a_teams_sheet_are_warned_of_and_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = with_wishes([["E1", "team", "Voice", 1], ["E3", "rotation", "Sales", 1]])
    del sheets["Teams"], sheets["TeamSkills"]
    sheets["Rules"] = [row for row in sheets["Rules"] if row[0] != "in_team"]
    code, payload, err = validate(tmp_path, capsys, sheets)
    assert code == 0
    assert places(payload["warnings"]) >= {("Preferences", 2, "target")}
    assert "no Teams sheet" in err
    assert [p.employee_id for p in read(tmp_path, sheets).preferences] == ["E3"]


def test_japanese_headers_and_sheet_names_are_read(tmp_path: Path) -> None:
    sheets = company()
    sheets["希望"] = [["社員ID", "種別", "対象", "順位"], ["E1", "異動", "Support", 1]]
    sheets["履歴"] = [["社員番号", "期間", "種別", "対象"], ["E1", "2026上期", "チーム", "Old"]]
    instance = read(tmp_path, sheets)
    assert [(p.employee_id, p.targets, p.rank) for p in instance.preferences] == [
        ("E1", ("Support",), 1)
    ]
    assert instance.history == (
        HistoryEntry(
            employee_id="E1", period="2026上期", kind=ProgrammeKind.TEAM, target="Old", row=2
        ),
    )


def test_history_periods_are_ordered_by_date_when_every_label_is_a_date(tmp_path: Path) -> None:
    sheets = with_wishes(
        history=[
            ["E1", datetime(2026, 10, 1), "team", "Old"],
            ["E3", "2026-04-01", "team", "Old"],
            ["E5", datetime(2025, 10, 1, 9, 30), "rotation", "Sales"],
            ["E6", "2026-10-01", "team", "Old"],
        ]
    )
    instance = read(tmp_path, sheets)
    assert instance.history_periods == ("2025-10-01", "2026-04-01", "2026-10-01")
    assert [h.period for h in instance.history] == [
        "2026-10-01",
        "2026-04-01",
        "2025-10-01",
        "2026-10-01",
    ]


def test_history_periods_are_in_order_of_first_appearance_otherwise(tmp_path: Path) -> None:
    sheets = with_wishes(
        history=[
            ["E1", "2026-Q3", "team", "Old"],
            ["E3", "2026-01-01", "team", "Old"],
            ["E5", 2025, "rotation", "Sales"],
            ["E6", "2026-Q3", "team", "Old"],
        ]
    )
    assert read(tmp_path, sheets).history_periods == ("2026-Q3", "2026-01-01", "2025")


def test_history_of_people_who_left_is_one_warning_and_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = with_wishes(
        history=[
            ["E1", "P1", "team", "Old"],
            ["X1", "P1", "team", "Old"],
            ["X2", "P1", "team", "Old"],
            ["E3", "P2", "rotation", "Sales"],
            ["X1", "P2", "rotation", "Sales"],
        ]
    )
    code, payload, err = validate(tmp_path, capsys, sheets)
    assert code == 0
    left = [p for p in payload["warnings"] if p["sheet"] == "History"]
    assert len(left) == 1
    assert "3 rows name an employee who is not on the Employees sheet (rows 3-4, 6)" in str(
        left[0]["message"]
    )
    assert "History!A3 (employee_id): 3 rows name" in err
    instance = read(tmp_path, sheets)
    assert [h.employee_id for h in instance.history] == ["E1", "E3"]
    assert instance.history_periods == ("P1", "P2")


def test_bad_history_rows_are_errors_at_their_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = with_wishes(
        history=[
            ["E1", "P1", "party", "Old"],
            ["E1", None, "team", "Old"],
            ["E1", "P1", "team", None],
        ]
    )
    code, payload, err = validate(tmp_path, capsys, sheets)
    assert code == 2
    assert places(payload["errors"]) == {
        ("History", 2, "kind"),
        ("History", 3, "period"),
        ("History", 4, "target"),
    }
    assert "History!C2 (kind): 'party' is not a kind: use rotation or team" in err


def test_two_teams_in_one_period_is_a_warning_keeping_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = with_wishes(history=[["E1", "P1", "team", "Old"], ["E1", "P1", "team", "New"]])
    code, payload, err = validate(tmp_path, capsys, sheets)
    assert code == 0
    assert places(payload["warnings"]) >= {("History", 3, "target")}
    assert "History!D3 (target): this employee is also in team Old" in err
    assert len(read(tmp_path, sheets).history) == 2


def test_repeat_settings_are_read_in_any_case(tmp_path: Path) -> None:
    sheets = company()
    sheets["Settings"] += [
        ["repeat_teammates", "Forbid"],
        ["repeat_host", " ALLOW"],
        ["history_periods", 2],
        ["max_programmes_per_employee", 1],
    ]
    settings = read(tmp_path, sheets).settings
    assert settings.repeat_teammates is RepeatPolicy.FORBID
    assert settings.repeat_host is RepeatPolicy.ALLOW
    assert (settings.history_periods, settings.max_programmes_per_employee) == (2, 1)


def test_an_unknown_repeat_word_is_an_error_listing_the_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = company()
    sheets["Settings"] += [["repeat_teammates", "never"], ["history_periods", 1.5]]
    code, payload, err = validate(tmp_path, capsys, sheets)
    assert code == 2
    assert places(payload["errors"]) == {("Settings", 4, "value"), ("Settings", 5, "value")}
    assert "Settings!B4 (value): repeat_teammates 'never' is not one of forbid, avoid, allow" in err


def test_a_workbook_without_the_new_sheets_reads_as_before(tmp_path: Path) -> None:
    result = read_workbook(write_workbook(tmp_path / "plain.xlsx", company()))
    assert result.instance is not None
    instance = result.instance
    assert (instance.preferences, instance.history, instance.history_periods) == ((), (), ())
