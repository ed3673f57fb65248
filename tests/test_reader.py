"""The workbook reader: every parsing rule, and every kind of bad input at its exact cell."""

from __future__ import annotations

import hashlib
import shutil
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill
from soffice import convert
from workbooks import Sheets, company, drop_column, put, write_workbook

from crossteam.errors import InputError
from crossteam.io import schema
from crossteam.io.reader import ReadResult, load_workbook, read_workbook
from crossteam.models import BalanceMode, PlanningInput, Problem, RuleKind


def read(tmp_path: Path, sheets: Sheets) -> ReadResult:
    return read_workbook(write_workbook(tmp_path / "input.xlsx", sheets))


def valid(tmp_path: Path, sheets: Sheets) -> PlanningInput:
    result = read(tmp_path, sheets)
    assert not result.errors, [e.render() for e in result.errors]
    assert result.instance is not None
    return result.instance


def only_error(result: ReadResult) -> Problem:
    assert result.instance is None
    assert len(result.errors) == 1, [e.render() for e in result.errors]
    return result.errors[0]


def warnings_about(result: ReadResult, text: str) -> list[Problem]:
    return [w for w in result.warnings if text in w.message]


# -- a valid company --------------------------------------------------------------------


def test_valid_company_reads_every_sheet(tmp_path: Path) -> None:
    instance = valid(tmp_path, company())
    assert [e.employee_id for e in instance.employees] == [f"E{i}" for i in range(1, 8)]
    e2 = instance.employee_by_id["E2"]
    assert (e2.department, e2.role, e2.location, e2.rotation_eligible) == (
        "Sales",
        "Rep",
        "Osaka",
        False,
    )
    assert instance.employee_by_id["E4"].available is False
    assert instance.employee_by_id["E3"].skills == {"Python": 5}
    assert instance.skills == ("Negotiation", "Python")
    assert [p.label for p in instance.periods] == ["2027-Q1", "2027-Q2"]
    assert instance.settings.time_limit_seconds == 5
    assert instance.has_interactions_sheet


def test_source_records_path_hash_and_size(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "input.xlsx", company())
    source = load_workbook(path).source
    assert source is not None
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert source.size_bytes == path.stat().st_size
    assert Path(source.path) == path.resolve()


def test_load_workbook_raises_input_error_listing_every_problem(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Skills", 2, "level", 9)
    put(sheets, "Teams", 2, "count", "two")
    path = write_workbook(tmp_path / "input.xlsx", sheets)
    with pytest.raises(InputError) as raised:
        load_workbook(path)
    assert [p.cell for p in raised.value.problems] == ["C2", "B2"]


# -- names, headers and layout ------------------------------------------------------------


def test_headers_match_whatever_case_separators_and_order(tmp_path: Path) -> None:
    sheets = company()
    employees = sheets["Employees"]
    employees[0] = ["Employee ID", "NAME", "Department", "Role", "Location", "Available",
                    "Rotation-Eligible", "Tenure"]  # fmt: skip
    sheets["Employees"] = [[row[2], row[0], *row[3:], row[1]] for row in employees]
    sheets["team skills"] = sheets.pop("TeamSkills")
    sheets["EMPLOYEES"] = sheets.pop("Employees")
    instance = valid(tmp_path, sheets)
    assert instance.employee_by_id["E1"].name == "Sato Hana"
    assert instance.employee_by_id["E1"].department == "Sales"
    assert instance.team_by_name["Voice-1"].skill_needs[0].skill == "Python"


def test_headers_and_attributes_match_without_separators(tmp_path: Path) -> None:
    sheets = company()
    sheets["Employees"][0][0] = "EmployeeID"
    sheets["Teams"][0][2:4] = ["MinSize", "max size"]
    sheets["Employees"][0].append("Previous Team")
    for row in sheets["Employees"][1:]:
        row.append("Alpha")
    sheets["Balance"].append(["previousteam", "different", 1, None])
    instance = valid(tmp_path, sheets)
    assert instance.employees[0].employee_id == "E1"
    assert instance.team_by_name["Voice-1"].min_size == 2
    assert instance.balance_rules[-1].attribute == "previous_team"


@pytest.mark.parametrize("key", [schema.match_key, schema.look_alike_key])
def test_every_sheet_and_column_name_or_alias_means_one_thing(key: Callable[[str], str]) -> None:
    sheet_keys = [key(n) for sheet in schema.SHEETS for n in (sheet.name, *sheet.aliases)]
    assert len(sheet_keys) == len(set(sheet_keys))
    for sheet in schema.SHEETS:
        meanings: dict[str, set[str]] = {}
        for column in sheet.columns:
            for name in (column.name, *column.aliases):
                meanings.setdefault(key(name), set()).add(column.name)
        assert all(len(columns) == 1 for columns in meanings.values()), sheet.name


def test_sheet_name_without_separators_is_found(tmp_path: Path) -> None:
    sheets = company()
    sheets["teamskills"] = sheets.pop("TeamSkills")
    assert valid(tmp_path, sheets).team_by_name["Voice-2"].skill_needs


def test_japanese_sheet_names_and_headers(tmp_path: Path) -> None:
    sheets: Sheets = {
        "社員": [
            ["社員ID", "氏名", "部署", "役職", "所在地"],
            ["S1", "佐藤 花", "営業部", "部長", "東京"],
            ["S2", "鈴木 健", "開発部", "技術者", "大阪"],
        ],
        "スキル": [["社員ID", "スキル", "レベル"], ["S2", "Python", 4]],
        "交流": [["社員A", "社員B", "重み"], ["S1", "S2", 2]],
        "部署": [["部署", "最低在籍率"], ["営業部", "50%"]],
        "チーム": [["チーム", "最小人数", "最大人数"], ["改善", 2, 2]],
        "チームスキル": [["チーム", "スキル", "最低レベル"], ["改善", "Python", 3]],
        "期間": [["期間"], ["上期"], ["下期"]],
        "ルール": [["ルール", "社員ID", "対象"], ["together", "S1", "S2"]],
        "設定": [["設定", "値"], ["random_seed", 7]],
    }
    instance = valid(tmp_path, sheets)
    s1 = instance.employee_by_id["S1"]
    assert (s1.name, s1.department, s1.role, s1.location) == ("佐藤 花", "営業部", "部長", "東京")
    assert instance.employee_by_id["S2"].skills == {"Python": 4}
    assert instance.interactions[0].weight == 2
    assert instance.department_by_name["営業部"].min_on_site == 0.5
    assert instance.teams[0].skill_needs[0].min_level == 3
    assert [p.label for p in instance.periods] == ["上期", "下期"]
    assert instance.rules[0].targets == ("S2",)
    assert instance.settings.random_seed == 7


def test_header_below_a_title_row_is_found(tmp_path: Path) -> None:
    sheets = company()
    sheets["Employees"] = [["Staff list, April 2027"], [], *sheets["Employees"]]
    instance = valid(tmp_path, sheets)
    assert instance.employee_by_id["E1"].row == 4


def test_empty_and_formatted_but_empty_rows_are_skipped(tmp_path: Path) -> None:
    sheets = company()
    sheets["Employees"].insert(3, [None, "   ", None])
    path = write_workbook(tmp_path / "input.xlsx", sheets)
    workbook = openpyxl.load_workbook(path)
    for column in "ABCDEFGH":
        workbook["Employees"][f"{column}20"].fill = PatternFill("solid", fgColor="FFFF00")
    workbook.save(path)
    instance = load_workbook(path)
    assert len(instance.employees) == 7


def test_extra_column_on_another_sheet_is_a_warning_naming_it(tmp_path: Path) -> None:
    sheets = company()
    sheets["Interactions"][0].append("Comment")
    result = read(tmp_path, sheets)
    assert result.instance is not None
    (warning,) = warnings_about(result, "not one crossteam reads")
    assert (warning.sheet, warning.row, warning.column, warning.cell) == (
        "Interactions",
        1,
        "Comment",
        "D1",
    )


def test_extra_employee_columns_become_attributes_and_unused_ones_are_warned(
    tmp_path: Path,
) -> None:
    sheets = company()
    sheets["Employees"][0].append("Previous Team")
    for row in sheets["Employees"][1:]:
        row.append("Alpha")
    result = read(tmp_path, sheets)
    assert result.instance is not None
    e1 = result.instance.employee_by_id["E1"]
    assert e1.attributes["tenure"] == 12.0  # numbers stay numbers (Balance "balance" mode)
    assert e1.attributes["previous_team"] == "Alpha"
    assert e1.attributes["location"] == "Tokyo"
    assert e1.attributes["name"] == "Sato Hana"
    unused = warnings_about(result, "no Balance rule uses it")
    assert [w.column for w in unused] == ["Previous Team"]  # tenure is used by a rule


def test_unknown_sheet_is_a_warning_and_instructions_is_ignored(tmp_path: Path) -> None:
    sheets = company()
    sheets["Instructions"] = [["How to fill this workbook"]]
    sheets["Skils"] = [["employee_id", "skill", "level"]]
    result = read(tmp_path, sheets)
    assert [w.sheet for w in warnings_about(result, "not a sheet crossteam reads")] == ["Skils"]


def test_sheet_names_and_headers_in_look_alike_letters_are_read_with_a_warning(
    tmp_path: Path,
) -> None:
    """Found by the property test: a Settings sheet named with a Cyrillic Ѕ was ignored with
    only a warning (its settings silently lost), and a header with a Cyrillic р made an
    error naming no row."""
    sheets = company()
    sheets["Ѕettings"] = sheets.pop("Settings")  # CYRILLIC CAPITAL LETTER DZE
    sheets["Ѕettings"][1] = ["time_limit_seconds", 7]
    sheets["Periods"][0][0] = "рeriod"  # CYRILLIC SMALL LETTER ER
    sheets["Teams"][0][0] = "tеam"  # CYRILLIC SMALL LETTER IE
    result = read(tmp_path, sheets)
    instance = result.instance
    assert instance is not None, [e.render() for e in result.errors]
    assert instance.settings.time_limit_seconds == 7
    assert [p.label for p in instance.periods] == ["2027-Q1", "2027-Q2"]
    assert "Voice-1" in instance.team_by_name
    told = {(w.sheet, w.cell): w.message for w in warnings_about(result, "look-alike letters")}
    assert told.keys() == {("Ѕettings", None), ("Periods", "A1"), ("Teams", "A1")}
    assert "read as the Settings sheet" in told["Ѕettings", None]
    assert "CYRILLIC SMALL LETTER ER" in told["Periods", "A1"]
    assert not warnings_about(result, "not a sheet crossteam reads")


def test_two_sheets_for_one_part_of_the_contract_is_an_error(tmp_path: Path) -> None:
    sheets = company()
    sheets["社員"] = sheets["Employees"]
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.row) == ("社員", None)
    assert "second Employees sheet" in error.message


def test_a_column_given_twice_is_an_error_at_the_second_header(tmp_path: Path) -> None:
    sheets = company()
    sheets["Periods"][0].append("Period")
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell, error.column) == ("Periods", "B1", "Period")
    assert "appears twice (first in column A)" in error.message


def test_values_in_a_column_without_header_are_warned_once(tmp_path: Path) -> None:
    sheets = company()
    sheets["Interactions"][2].extend([None, "note"])
    sheets["Interactions"][3].extend([None, "note"])
    result = read(tmp_path, sheets)
    assert result.instance is not None
    (warning,) = warnings_about(result, "no header")
    assert (warning.sheet, warning.cell, warning.column) == ("Interactions", "E3", None)


def test_merged_cells_are_warned_at_their_first_cell(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "input.xlsx", company())
    workbook = openpyxl.load_workbook(path)
    workbook["Employees"].merge_cells("C2:C3")
    workbook.save(path)
    result = read_workbook(path)
    (warning,) = warnings_about(result, "merged")
    assert (warning.sheet, warning.cell, warning.column) == ("Employees", "C2", "department")
    error = only_error(result)  # the merged-away cell reads as blank
    assert (error.cell, error.column) == ("C3", "department")


def test_rows_after_a_thousand_empty_rows_are_not_read_and_it_is_said(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "input.xlsx", company())
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Periods"]
    for row in range(10, 1_200):
        sheet.cell(row, 1).fill = PatternFill("solid", fgColor="FFFF00")
    sheet.cell(1_300, 1, "2099-Q1")
    workbook.save(path)
    result = read_workbook(path)
    assert result.instance is not None
    assert [p.label for p in result.instance.periods] == ["2027-Q1", "2027-Q2"]
    (warning,) = warnings_about(result, "reading stopped")
    assert (warning.sheet, warning.row) == ("Periods", 1_009)


# -- cell values --------------------------------------------------------------------------


def test_numeric_ids_become_text_everywhere(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Employees", 2, "employee_id", 123)
    put(sheets, "Employees", 3, "employee_id", 456.0)
    put(sheets, "Interactions", 2, "employee_a", "123")
    put(sheets, "Interactions", 2, "employee_b", 456)
    put(sheets, "Interactions", 4, "employee_a", 456)
    put(sheets, "Interactions", 4, "employee_b", 123)
    put(sheets, "Rules", 2, "employee_id", 123.0)
    put(sheets, "Rules", 2, "target", "456")
    put(sheets, "Skills", 2, "employee_id", 123)
    instance = valid(tmp_path, sheets)
    assert instance.employees[0].employee_id == "123"
    assert instance.employees[1].employee_id == "456"
    assert instance.interactions[0].employee_a == "123"
    assert instance.rules[0].targets == ("456",)
    assert instance.employee_by_id["123"].skills == {"Negotiation": 4}


def test_ids_keep_their_text_exactly_apart_from_surrounding_spaces(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Employees", 2, "employee_id", "  e-001 ")
    put(sheets, "Skills", 2, "employee_id", "e-001")
    put(sheets, "Interactions", 2, "employee_a", "e-001")
    put(sheets, "Interactions", 4, "employee_b", "e-001")
    put(sheets, "Rules", 2, "employee_id", "e-001")
    assert valid(tmp_path, sheets).employees[0].employee_id == "e-001"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("yes", True), ("Y", True), ("true", True), (1, True), ("はい", True), (True, True),
        ("no", False), ("n", False), ("FALSE", False), (0, False), ("いいえ", False),
        (False, False),
    ],
)  # fmt: skip
def test_yes_no_forms(tmp_path: Path, cell: object, expected: bool) -> None:
    sheets = company()
    put(sheets, "Employees", 2, "available", cell)
    assert valid(tmp_path, sheets).employee_by_id["E1"].available is expected


@pytest.mark.parametrize("cell", [0.8, "80%", " 80 % "])
def test_shares_accept_fractions_and_percentages(tmp_path: Path, cell: object) -> None:
    sheets = company()
    put(sheets, "Departments", 2, "min_on_site", cell)
    assert valid(tmp_path, sheets).department_by_name["Sales"].min_on_site == pytest.approx(0.8)


def test_percent_formatted_cell_is_a_share(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "input.xlsx", company())
    workbook = openpyxl.load_workbook(path)
    cell = workbook["Departments"]["B2"]
    cell.value = 0.6
    cell.number_format = "0%"
    workbook.save(path)
    assert load_workbook(path).department_by_name["Sales"].min_on_site == pytest.approx(0.6)


def test_formula_results_are_read_and_unsaved_formulas_are_errors(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "input.xlsx", company())
    workbook = openpyxl.load_workbook(path)
    workbook["Teams"]["C2"] = "=1+1"  # openpyxl saves no result, as a script would
    workbook.save(path)
    error = only_error(read_workbook(path))
    assert (error.sheet, error.cell, error.column) == ("Teams", "C2", "min_size")
    assert "without a saved result" in error.message


def test_excel_error_cell_is_an_error_at_the_cell(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Interactions", 3, "weight", "#DIV/0!")
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Interactions", "C3")
    assert "#DIV/0!" in error.message


def test_overlong_cell_is_an_error_at_the_cell(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Employees", 5, "name", "x" * 10_001)
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell, error.column) == ("Employees", "B5", "name")


def test_period_labels_typed_as_dates_read_as_iso_dates(tmp_path: Path) -> None:
    sheets = company()
    sheets["Periods"] = [["period"], [datetime(2027, 4, 1)], [2028]]
    assert [p.label for p in valid(tmp_path, sheets).periods] == ["2027-04-01", "2028"]


# -- skills -------------------------------------------------------------------------------


def test_wide_skills_matrix(tmp_path: Path) -> None:
    sheets = company()
    sheets["Skills"] = [
        ["Employee ID", "Name", "Python", "Negotiation", "Excel"],
        ["E1", "Sato Hana", None, 4, 2],
        ["E3", "Tanaka Yui", 5, None, None],
        ["E5", "Kato Mei", 2.0, None, None],
    ]
    result = read(tmp_path, sheets)
    assert result.instance is not None
    by_id = result.instance.employee_by_id
    assert by_id["E1"].skills == {"Negotiation": 4, "Excel": 2}
    assert by_id["E3"].skills == {"Python": 5}
    assert by_id["E6"].skills == {}
    assert result.instance.skills == ("Excel", "Negotiation", "Python")
    assert [w.column for w in warnings_about(result, "not a skill")] == ["Name"]


def test_wide_skills_level_out_of_range_is_located(tmp_path: Path) -> None:
    sheets = company()
    sheets["Skills"] = [["employee_id", "Python", "SQL"], ["E1", 3, 0]]
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.row, error.column, error.cell) == ("Skills", 2, "SQL", "C2")
    assert "between 1 and 5" in error.message


def test_repeated_skill_keeps_the_higher_level_with_a_warning(tmp_path: Path) -> None:
    sheets = company()
    sheets["Skills"].append(["E3", "Python", 3])
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert result.instance.employee_by_id["E3"].skills == {"Python": 5}
    (warning,) = warnings_about(result, "already has skill")
    assert (warning.sheet, warning.row) == ("Skills", 5)


# -- interactions, departments, priorities ------------------------------------------------


def test_interactions_are_ordered_summed_and_default_to_weight_one(tmp_path: Path) -> None:
    sheets = company()
    sheets["Interactions"].append(["E4", "E4", 2])
    result = read(tmp_path, sheets)
    assert result.instance is not None
    ties = {(i.employee_a, i.employee_b): i.weight for i in result.instance.interactions}
    assert ties == {("E1", "E2"): 5.0, ("E3", "E4"): 1.0, ("E5", "E6"): 1.0}
    (warning,) = warnings_about(result, "themselves")
    assert (warning.sheet, warning.row) == ("Interactions", 6)


def test_departments_take_settings_defaults_where_blank_or_absent(tmp_path: Path) -> None:
    sheets = company()
    sheets["Settings"] += [["default_min_on_site", "60%"], ["default_host_capacity", 4]]
    instance = valid(tmp_path, sheets)
    sales, development, support = instance.departments
    assert (sales.min_on_site, sales.host_capacity, sales.critical_skills) == (
        0.5,
        1,
        ("Negotiation",),
    )
    assert (development.min_on_site, development.host_capacity, development.can_host) == (
        0.75,
        4,
        False,
    )
    assert (support.min_on_site, support.host_capacity, support.headcount) == (0.6, 4, 3)


def test_department_row_without_employees_is_a_warning(tmp_path: Path) -> None:
    sheets = company()
    sheets["Departments"].append(["Legal", 0.5, 1, "yes", None])
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert "Legal" not in result.instance.department_by_name
    (warning,) = warnings_about(result, "no employee is in department Legal")
    assert (warning.sheet, warning.row, warning.column) == ("Departments", 4, "department")


def test_priorities_are_put_in_canonical_order(tmp_path: Path) -> None:
    (priority,) = valid(tmp_path, company()).priorities
    assert (priority.department_a, priority.department_b, priority.weight) == (
        "Development",
        "Support",
        2.0,
    )


# -- teams, balance, rules, settings ------------------------------------------------------


def test_team_count_expands_names_and_skill_needs(tmp_path: Path) -> None:
    instance = valid(tmp_path, company())
    assert [t.name for t in instance.teams] == ["Voice-1", "Voice-2", "Solo"]
    assert all(t.spec == "Voice" and t.skill_needs for t in instance.teams[:2])
    assert [s.name for s in instance.team_specs] == ["Voice", "Solo"]
    assert instance.team_specs[0].skill_needs[0].min_count == 1


@pytest.mark.parametrize(
    ("min_size", "max_size", "expected"),
    [(None, None, (3, 8)), (None, 2, (2, 2)), (10, None, (10, 10)), (4, None, (4, 8))],
)
def test_blank_team_sizes_take_defaults(
    tmp_path: Path, min_size: int | None, max_size: int | None, expected: tuple[int, int]
) -> None:
    sheets = company()
    put(sheets, "Teams", 3, "min_size", min_size)
    put(sheets, "Teams", 3, "max_size", max_size)
    solo = valid(tmp_path, sheets).team_by_name["Solo"]
    assert (solo.min_size, solo.max_size) == expected


def test_team_rules_name_a_spec_or_one_expanded_team(tmp_path: Path) -> None:
    sheets = company()
    sheets["Rules"].append(["not_in_team", "E4", "Voice-2", None])
    sheets["TeamSkills"].append(["Voice-1", "Negotiation", 1, 1])
    instance = valid(tmp_path, sheets)
    in_team, not_in_team = instance.rules_of(RuleKind.IN_TEAM, RuleKind.NOT_IN_TEAM)
    assert in_team.targets == ("Voice-1", "Voice-2")
    assert not_in_team.targets == ("Voice-2",)
    assert [n.skill for n in instance.team_by_name["Voice-1"].skill_needs] == [
        "Python",
        "Negotiation",
    ]
    assert [n.skill for n in instance.team_by_name["Voice-2"].skill_needs] == ["Python"]


def test_balance_rules_resolve_attributes_modes_and_hard_weights(tmp_path: Path) -> None:
    sheets = company()
    sheets["Balance"].append(["Department", "Diversify", None, None])
    no_lone, balance, diversify = valid(tmp_path, sheets).balance_rules
    assert (no_lone.attribute, no_lone.mode, no_lone.value, no_lone.hard) == (
        "location",
        BalanceMode.NO_LONE,
        "Osaka",
        False,
    )
    assert (balance.attribute, balance.hard) == ("tenure", True)
    assert (diversify.attribute, diversify.mode, diversify.weight) == (
        "department",
        BalanceMode.DIVERSIFY,
        1.0,
    )


def test_rule_kinds_are_matched_like_headers(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Rules", 3, "rule", "In Team")
    put(sheets, "Rules", 5, "rule", "No-Rotation")
    kinds = [r.kind for r in valid(tmp_path, sheets).rules]
    assert kinds == [RuleKind.APART, RuleKind.IN_TEAM, RuleKind.ROTATE_TO, RuleKind.NO_ROTATION]


def test_target_of_a_rule_without_one_is_ignored_with_a_warning(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Rules", 5, "target", "Sales")
    result = read(tmp_path, sheets)
    assert result.instance is not None
    no_rotation = result.instance.rules[-1]
    assert (no_rotation.target, no_rotation.targets) == (None, ())
    (warning,) = warnings_about(result, "takes no target")
    assert (warning.sheet, warning.cell) == ("Rules", "C5")


def test_settings_are_read_by_their_type(tmp_path: Path) -> None:
    sheets = company()
    sheets["Settings"] = [
        ["Setting", "Value"],
        ["Assign everyone", "はい"],
        ["workers", 2.0],
        ["deterministic_time_limit", "12.5"],
        ["random_seed", None],
    ]
    settings = valid(tmp_path, sheets).settings
    assert settings.assign_everyone is True
    assert settings.workers == 2
    assert settings.deterministic_time_limit == 12.5
    assert settings.random_seed == 0


# -- each kind of bad input, at its exact place -------------------------------------------

Change = Callable[[Sheets], None]


def _delete_sheet(name: str) -> Change:
    return lambda sheets: sheets.pop(name) and None


def _drop(sheet: str, column: str) -> Change:
    return lambda sheets: drop_column(sheets, sheet, column)


def _put(sheet: str, row: int, column: str, value: object) -> Change:
    return lambda sheets: put(sheets, sheet, row, column, value)


def _append(sheet: str, row: list[object]) -> Change:
    return lambda sheets: sheets[sheet].append(row)


BAD_INPUTS: dict[str, tuple[Change, str, int | None, str | None, str | None, str]] = {
    # kind: (change, sheet, row, column, cell, words of the message)
    "duplicate id": (_put("Employees", 8, "employee_id", "E1"),
                     "Employees", 8, "employee_id", "A8", "already used on row 2"),
    "level out of range": (_put("Skills", 2, "level", 6),
                           "Skills", 2, "level", "C2", "between 1 and 5"),
    "level not a whole number": (_put("Skills", 3, "level", 2.5),
                                 "Skills", 3, "level", "C3", "level from 1 to 5"),
    "unknown employee in Interactions": (_put("Interactions", 3, "employee_b", "E99"),
                                         "Interactions", 3, "employee_b", "B3", "no employee E99"),
    "unknown employee in Skills": (_put("Skills", 4, "employee_id", "E77"),
                                   "Skills", 4, "employee_id", "A4", "no employee E77"),
    "unknown employee in Rules": (_put("Rules", 2, "employee_id", "E99"),
                                  "Rules", 2, "employee_id", "B2", "no employee E99"),
    "unknown target employee in Rules": (_put("Rules", 2, "target", "E42"),
                                         "Rules", 2, "target", "C2", "no employee E42"),
    "unknown team in Rules": (_put("Rules", 3, "target", "Ghost"),
                              "Rules", 3, "target", "C3", "no team Ghost"),
    "unknown department in Rules": (_put("Rules", 4, "target", "Legal"),
                                    "Rules", 4, "target", "C4", "no department Legal"),
    "rule without its target": (_put("Rules", 2, "target", None),
                                "Rules", 2, "target", "C2", "needs a target"),
    "rule naming one employee twice": (_put("Rules", 2, "target", "E1"),
                                       "Rules", 2, "target", "C2", "two different employees"),
    "unknown department in Priorities": (_put("Priorities", 2, "department_a", "Legal"),
                                         "Priorities", 2, "department_a", "A2", "Legal"),
    "misspelt department in Priorities": (_put("Priorities", 2, "department_a", "Suport"),
                                          "Priorities", 2, "department_a", "A2",
                                          "did you mean Support?"),
    "misspelt team in Rules": (_put("Rules", 3, "target", "Vioce"),
                               "Rules", 3, "target", "C3", "did you mean Voice?"),
    "department paired with itself": (_put("Priorities", 2, "department_a", "Development"),
                                      "Priorities", 2, "department_b", "B2", "with itself"),
    "repeated priority pair": (_append("Priorities", ["Development", "Support", 1]),
                               "Priorities", 3, "department_b", "B3", "already given on row 2"),
    "unknown team in TeamSkills": (_put("TeamSkills", 2, "team", "Ghost"),
                                   "TeamSkills", 2, "team", "A2", "no team Ghost"),
    "missing sheet": (_delete_sheet("Employees"),
                      "Employees", None, None, None, "no Employees sheet"),
    "missing column": (_drop("Employees", "department"),
                       "Employees", 1, "department", None, "required column department"),
    "missing column on an optional sheet": (_drop("Interactions", "employee_b"),
                                            "Interactions", 1, "employee_b", None, "missing"),
    "text where a number belongs": (_put("Teams", 2, "max_size", "five"),
                                    "Teams", 2, "max_size", "D2", "whole number"),
    "text where a weight belongs": (_put("Interactions", 2, "weight", "often"),
                                    "Interactions", 2, "weight", "C2", "must be a number"),
    "zero weight": (_put("Interactions", 2, "weight", 0),
                    "Interactions", 2, "weight", "C2", "more than 0"),
    "team count of zero": (_put("Teams", 2, "count", 0),
                           "Teams", 2, "count", "B2", "at least 1"),
    "more teams than employees": (_put("Teams", 2, "count", 10**9),
                                  "Teams", 2, "count", "B2", "than there are employees (7)"),
    "min_size above max_size": (_put("Teams", 2, "min_size", 5),
                                "Teams", 2, "min_size", "C2", "larger than max_size 3"),
    "on-site share above 1": (_put("Departments", 2, "min_on_site", 1.5),
                              "Departments", 2, "min_on_site", "B2", "between 0 and 1"),
    "on-site share below 0": (_put("Departments", 3, "min_on_site", "-10%"),
                              "Departments", 3, "min_on_site", "B3", "between 0 and 1"),
    "negative host capacity": (_put("Departments", 2, "host_capacity", -1),
                               "Departments", 2, "host_capacity", "C2", "at least 0"),
    "blank id in a row with data": (_put("Employees", 8, "employee_id", None),
                                    "Employees", 8, "employee_id", "A8", "required"),
    "blank department": (_put("Employees", 6, "department", " "),
                         "Employees", 6, "department", "C6", "required"),
    "unknown rule": (_put("Rules", 3, "rule", "split"),
                     "Rules", 3, "rule", "A3", "not a rule"),
    "unknown mode": (_put("Balance", 2, "mode", "mix"),
                     "Balance", 2, "mode", "B2", "not a mode"),
    "unknown balance attribute": (_put("Balance", 2, "attribute", "shoe size"),
                                  "Balance", 2, "attribute", "A2", "no column 'shoe size'"),
    "balance on a yes/no column": (_put("Balance", 2, "attribute", "available"),
                                   "Balance", 2, "attribute", "A2", "usable: name, department"),
    "balance mode on a text column": (_put("Balance", 3, "attribute", "role"),
                                      "Balance", 3, "mode", "B3", "needs numbers"),
    "bad balance weight": (_put("Balance", 2, "weight", "strong"),
                           "Balance", 2, "weight", "C2", "number or the word hard"),
    "bad yes/no": (_put("Employees", 2, "available", "maybe"),
                   "Employees", 2, "available", "F2", "yes or no"),
    "bad yes/no on Departments": (_put("Departments", 3, "can_host", "sometimes"),
                                  "Departments", 3, "can_host", "D3", "yes or no"),
    "date where an id belongs": (_put("Employees", 8, "employee_id", datetime(2027, 1, 2)),
                                 "Employees", 8, "employee_id", "A8", "is a date"),
    "repeated department row": (_append("Departments", ["Sales", 0.5, 1, "yes", None]),
                                "Departments", 4, "department", "A4", "already on row 2"),
    "repeated team name": (_append("Teams", ["Solo", 1, 3, 4, 1, None]),
                           "Teams", 4, "team", "A4", "already used on row 3"),
    "team name clashing with an expanded name": (_append("Teams", ["Voice-2", 1, 3, 4, 1, None]),
                                                 "Teams", 4, "team", "A4", "already used"),
    "repeated period": (_append("Periods", ["2027-Q1"]),
                        "Periods", 4, "period", "A4", "already on row 2"),
    "unknown setting": (_put("Settings", 2, "setting", "time_limit"),
                        "Settings", 2, "setting", "A2", "did you mean time_limit_seconds"),
    "setting out of range": (_put("Settings", 2, "value", -5),
                             "Settings", 2, "value", "B2", "more than 0"),
    "setting that is not a number": (_put("Settings", 2, "value", "soon"),
                                     "Settings", 2, "value", "B2", "must be a number"),
    "bad yes/no setting": (_put("Settings", 3, "value", "perhaps"),
                           "Settings", 3, "value", "B3", "yes or no"),
    "repeated setting": (_append("Settings", ["Time limit seconds", 9]),
                         "Settings", 4, "setting", "A4", "already set on row 2"),
}  # fmt: skip


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_each_kind_of_bad_input_is_located_exactly(tmp_path: Path, kind: str) -> None:
    change, sheet, row, column, cell, words = BAD_INPUTS[kind]
    sheets = company()
    change(sheets)
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.row, error.column, error.cell) == (sheet, row, column, cell)
    assert words in error.message


def test_a_file_with_several_problems_lists_them_all_in_sheet_order(tmp_path: Path) -> None:
    sheets = company()
    for change in (
        _put("Rules", 2, "rule", "split"),
        _put("Employees", 8, "employee_id", "E1"),
        _put("Employees", 2, "available", "maybe"),
        _put("Interactions", 3, "employee_b", "E99"),
        _put("Teams", 2, "max_size", "five"),
    ):
        change(sheets)
    result = read(tmp_path, sheets)
    assert result.instance is None
    assert [e.render().split(":")[0] for e in result.errors] == [
        "Employees!F2 (available)",
        "Employees!A8 (employee_id)",
        "Interactions!B3 (employee_b)",
        "Teams!D2 (max_size)",
        "Rules!A2 (rule)",
    ]


def test_a_bad_level_does_not_make_its_skill_unknown_elsewhere(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Skills", 2, "level", 7)  # the only Negotiation row; Sales needs it
    result = read(tmp_path, sheets)
    assert only_error(result).cell == "C2"
    assert not warnings_about(result, "no employee has the skill")


def test_a_bad_balance_row_still_counts_as_using_its_attribute(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Balance", 3, "mode", "average")  # the only rule on tenure
    result = read(tmp_path, sheets)
    assert only_error(result).cell == "B3"
    assert not warnings_about(result, "no Balance rule uses it")


def test_an_unreadable_skills_sheet_gives_one_error_and_no_skill_warnings(
    tmp_path: Path,
) -> None:
    sheets = company()
    drop_column(sheets, "Skills", "level")
    result = read(tmp_path, sheets)
    assert (only_error(result).sheet, only_error(result).column) == ("Skills", "level")
    assert not warnings_about(result, "no employee has the skill")


def test_a_team_skill_nobody_holds_is_a_warning_with_the_closest_skill(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "TeamSkills", 2, "skill", "Pyton")
    result = read(tmp_path, sheets)
    assert result.instance is not None
    (warning,) = warnings_about(result, "no employee has the skill Pyton")
    assert (warning.sheet, warning.cell) == ("TeamSkills", "B2")
    assert "did you mean Python?" in warning.message


def test_a_bad_cell_on_an_employee_row_does_not_hide_that_employee_elsewhere(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Employees", 2, "available", "maybe")  # E1 is referenced on four sheets
    error = only_error(read(tmp_path, sheets))
    assert error.cell == "F2"


def test_a_sheet_without_a_recognisable_header_is_one_error(tmp_path: Path) -> None:
    sheets = company()
    sheets["Teams"] = [["Teams we want"], *sheets["Teams"][1:]]
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.row, error.column) == ("Teams", None, None)
    assert "no row among the first 5 names this sheet's columns (it needs team)" in error.message


def test_empty_employees_sheet_is_an_error(tmp_path: Path) -> None:
    sheets = company()
    sheets["Employees"] = sheets["Employees"][:1]
    sheets = {"Employees": sheets["Employees"]}
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.row) == ("Employees", None)
    assert "no employees" in error.message


# -- look-alike text ----------------------------------------------------------------------


def rename(sheets: Sheets, old: str, new: str) -> None:
    """Every cell holding ``old``, on every sheet, now holds ``new``."""
    for rows in sheets.values():
        for row in rows:
            row[:] = [new if cell == old else cell for cell in row]


def differs(result: ReadResult) -> list[Problem]:
    return [p for p in (*result.errors, *result.warnings) if "differs from" in p.message]


@pytest.mark.parametrize(
    "spelling",
    ["Support\u200b", "\ufeffSupport", "Sup\u00adport", "Ｓｕｐｐｏｒｔ", " Support\u3000"],
)
def test_a_department_with_invisible_or_full_width_characters_is_the_same_one(
    tmp_path: Path, spelling: str
) -> None:
    sheets = company()
    put(sheets, "Employees", 8, "department", spelling)
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert result.instance.employee_by_id["E7"].department == "Support"
    assert result.instance.department_by_name["Support"].headcount == 3
    assert len(result.instance.departments) == 3
    assert not differs(result)


@pytest.mark.parametrize(
    ("everywhere", "one_cell"),
    [
        ("Développement", unicodedata.normalize("NFD", "Développement")),
        ("サポート", "ｻﾎﾟｰﾄ"),  # half-width katakana
    ],
)
def test_a_department_in_nfd_or_half_width_form_is_the_same_one(
    tmp_path: Path, everywhere: str, one_cell: str
) -> None:
    sheets = company()
    rename(sheets, "Support", everywhere)
    put(sheets, "Employees", 8, "department", one_cell)
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert result.instance.employee_by_id["E7"].department == everywhere
    assert result.instance.department_by_name[everywhere].headcount == 3
    assert not differs(result)


@pytest.mark.parametrize(
    ("spelling", "how"),
    [("support", "upper/lower case"), ("\u0405upport", "CYRILLIC CAPITAL LETTER DZE")],
)
def test_departments_differing_in_case_or_look_alike_letters_merge_with_a_warning(
    tmp_path: Path, spelling: str, how: str
) -> None:
    sheets = company()
    put(sheets, "Employees", 8, "department", spelling)  # E5 and E6 on rows 6-7 are Support
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert result.instance.employee_by_id["E7"].department == "Support"
    assert result.instance.department_by_name["Support"].headcount == 3
    (warning,) = differs(result)
    assert (warning.severity, warning.sheet, warning.cell) == ("warning", "Employees", "C8")
    assert "Employees!C6" in warning.message
    assert how in warning.message


def test_the_commonest_spelling_of_a_department_is_kept_wherever_it_comes_first(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Employees", 6, "department", "SUPPORT")  # first, but once against twice
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert {e.department for e in result.instance.employees} == {"Sales", "Development", "Support"}
    (warning,) = differs(result)
    assert warning.cell == "C6"
    assert "Employees!C7" in warning.message


def test_a_department_named_in_another_case_on_other_sheets_is_that_department(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Departments", 2, "department", "SALES")
    put(sheets, "Priorities", 2, "department_a", "support")
    put(sheets, "Rules", 4, "target", "sales")
    result = read(tmp_path, sheets)
    instance = result.instance
    assert instance is not None
    assert instance.department_by_name["Sales"].host_capacity == 1  # the Departments row
    (priority,) = instance.priorities
    assert {priority.department_a, priority.department_b} == {"Support", "Development"}
    assert instance.rules_of(RuleKind.ROTATE_TO)[0].targets == ("Sales",)
    places = {(w.sheet, w.cell): w.message for w in differs(result)}
    assert set(places) == {("Departments", "A2"), ("Priorities", "A2"), ("Rules", "C4")}
    assert "Employees!C2" in places["Departments", "A2"]


def test_one_department_given_two_departments_rows_in_two_cases_is_an_error(
    tmp_path: Path,
) -> None:
    sheets = company()
    sheets["Departments"].append(["sales", 0.2, 1, "yes", None])
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Departments", "A4")
    assert "already on row 2" in error.message


def test_a_required_cell_of_invisible_characters_only_is_blank_at_its_cell(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Employees", 8, "department", "\u200b")
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Employees", "C8")
    assert "invisible characters (\\u200b)" in error.message
    assert "required" in error.message


@pytest.mark.parametrize(
    ("second_id", "quoted"),
    [
        ("E1\u200b", "E1\\u200b (read as E1)"),
        ("\ufeffE1", "\\ufeffE1 (read as E1)"),
        ("E1\u2060", "E1\\u2060 (read as E1)"),
        ("Ｅ１", "Ｅ１ (read as E1)"),
    ],
)
def test_an_id_differing_only_in_invisible_or_full_width_characters_is_a_repeated_id(
    tmp_path: Path, second_id: str, quoted: str
) -> None:
    sheets = company()
    sheets["Employees"].append([second_id, "Other", "Sales", None, None, "yes", "yes", 1])
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Employees", "A9")
    assert f"employee id {quoted} is already used on row 2" in error.message


def test_an_id_in_nfd_form_is_a_repeated_id(tmp_path: Path) -> None:
    sheets = company()
    for text in ("É8", unicodedata.normalize("NFD", "É8")):
        sheets["Employees"].append([text, "Other", "Sales", None, None, "yes", "yes", 1])
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Employees", "A10")
    assert "E\\u03018 (read as É8) is already used on row 9" in error.message


@pytest.mark.parametrize(
    ("second_id", "how"),
    [("e1", "upper/lower case"), ("\u04151", "CYRILLIC CAPITAL LETTER IE")],
)
def test_ids_differing_only_in_case_or_look_alike_letters_are_an_error_naming_both(
    tmp_path: Path, second_id: str, how: str
) -> None:
    sheets = company()
    sheets["Employees"].append([second_id, "Other", "Sales", None, None, "yes", "yes", 1])
    sheets["Rules"].append(["no_rotation", second_id, None, None])
    error = only_error(read(tmp_path, sheets))  # the Rules row finds its employee
    assert (error.sheet, error.cell) == ("Employees", "A9")
    assert "Employees!A2" in error.message
    assert how in error.message


def test_references_with_invisible_or_full_width_characters_find_their_employee(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Rules", 2, "employee_id", "E1\u200b")
    put(sheets, "Interactions", 2, "employee_a", "Ｅ１")
    put(sheets, "Skills", 2, "employee_id", "\ufeffE1")
    instance = valid(tmp_path, sheets)
    assert instance.rules_of(RuleKind.APART)[0].employee_id == "E1"
    assert instance.interactions[0].employee_a == "E1"
    assert instance.interactions[0].weight == 5
    assert instance.employee_by_id["E1"].skills == {"Negotiation": 4}


def test_a_reference_differing_only_in_case_names_the_id_it_looks_like(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Rules", 2, "employee_id", "e1")
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Rules", "B2")
    assert "did you mean E1 (Employees!A2)?" in error.message
    assert "upper/lower case" in error.message


def test_an_unknown_full_width_id_is_quoted_as_typed_with_the_nearest_id(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Interactions", 2, "employee_a", "Ｅ１０")
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Interactions", "A2")
    assert "no employee Ｅ１０ (read as E10)" in error.message
    assert "did you mean E1?" in error.message


def test_a_name_typed_where_an_id_belongs_is_told_without_quoting_it(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Rules", 2, "target", "suzuki ken")
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Rules", "C2")
    assert "holds the name in Employees!B3, not an employee id" in error.message
    assert "suzuki" not in error.message.casefold()


def test_periods_differing_only_in_case_stay_two_with_a_warning_naming_both(
    tmp_path: Path,
) -> None:
    sheets = company()
    sheets["Periods"].append(["2027-q1"])
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert [p.label for p in result.instance.periods] == ["2027-Q1", "2027-Q2", "2027-q1"]
    (warning,) = differs(result)
    assert (warning.severity, warning.sheet, warning.cell) == ("warning", "Periods", "A4")
    assert "Periods!A2" in warning.message


def test_teams_differing_only_in_case_stay_two_with_a_warning_naming_both(tmp_path: Path) -> None:
    sheets = company()
    sheets["Teams"].append(["solo", None, 2, 3, None, None])
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert {"Solo", "solo"} <= {t.name for t in result.instance.teams}
    (warning,) = differs(result)
    assert (warning.sheet, warning.cell) == ("Teams", "A4")
    assert "Teams!A3" in warning.message


def test_skills_differing_only_in_case_are_one_skill_at_the_higher_level(tmp_path: Path) -> None:
    sheets = company()
    sheets["Skills"] += [["E3", "python", 3], ["E6", "PYTHON", 4]]
    put(sheets, "TeamSkills", 2, "skill", "PyThon")
    result = read(tmp_path, sheets)
    instance = result.instance
    assert instance is not None
    assert instance.skills == ("Negotiation", "Python")
    assert instance.employee_by_id["E3"].skills == {"Python": 5}
    assert instance.employee_by_id["E6"].skills == {"Python": 4}
    assert instance.team_by_name["Voice-1"].skill_needs[0].skill == "Python"
    cells = {(w.sheet, w.cell) for w in differs(result)}
    assert cells == {("Skills", "B5"), ("Skills", "B6"), ("TeamSkills", "B2")}


def test_values_of_a_balanced_column_differing_in_case_are_merged_with_a_warning(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Employees", 4, "location", "tokyo")  # E3; Tokyo is on rows 2, 6 and 8
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert result.instance.employee_by_id["E3"].location == "Tokyo"
    (warning,) = differs(result)
    assert (warning.sheet, warning.cell) == ("Employees", "E4")
    assert "'tokyo'" in warning.message
    assert "Employees!E2" in warning.message


def test_look_alike_values_of_a_personal_column_are_warned_about_by_cell_only(
    tmp_path: Path,
) -> None:
    sheets = company()
    grades = ["grade", "Senior", "SENIOR", "Junior", "Junior", "Junior", "Senior", "Junior"]
    for row, grade in zip(sheets["Employees"], grades, strict=True):
        row.append(grade)
    sheets["Balance"].append(["grade", "diversify", 1, None])
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert result.instance.employee_by_id["E2"].attributes["grade"] == "Senior"
    (warning,) = differs(result)
    assert (warning.sheet, warning.cell) == ("Employees", "I3")
    assert "Employees!I2" in warning.message
    assert "senior" not in warning.message.casefold()


def test_a_value_on_a_balance_mode_that_reads_none_is_warned_about_at_its_cell(
    tmp_path: Path,
) -> None:
    sheets = company()
    sheets["Balance"].append(["location", "cluster", 1, "Osaka"])
    sheets["Balance"].append(["location", "no_lone", 1, "Osaka"])
    result = read(tmp_path, sheets)
    assert result.instance is not None
    (warning,) = warnings_about(result, "only mode no_lone reads a value")
    assert (warning.sheet, warning.cell) == ("Balance", f"D{len(sheets['Balance']) - 1}")
    assert warning.message == (
        "only mode no_lone reads a value: this cluster rule ignores it (leave the cell blank)"
    )


def test_balance_on_a_text_column_names_the_cell_not_its_text(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Balance", 3, "attribute", "name")
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Balance", "B3")
    assert "employee E1 has text there (Employees!B2)" in error.message
    assert "Sato" not in error.message


def test_hidden_and_filtered_rows_are_read_with_a_warning_naming_them(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "input.xlsx", company())
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Employees"]
    sheet.auto_filter.ref = "A1:H8"
    for row in (3, 4, 5, 8):
        sheet.row_dimensions[row].hidden = True
    workbook.save(path)
    result = read_workbook(path)
    assert result.instance is not None
    assert len(result.instance.employees) == 7
    (warning,) = warnings_about(result, "hidden")
    assert (warning.sheet, warning.row) == ("Employees", 3)
    assert "rows 3-5, 8 are hidden (by the filter" in warning.message


def test_a_blank_id_is_the_root_and_references_to_its_person_follow_from_it(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Employees", 2, "employee_id", None)  # E1, named on four other rows
    result = read(tmp_path, sheets)
    root, follow = result.errors
    assert (root.sheet, root.cell, root.follows) == ("Employees", "A2", None)
    assert (follow.sheet, follow.cell, follow.follows) == ("Skills", "A2", "Employees!A2")
    assert "no employee E1" in follow.message
    for cell in ("Interactions!A2", "Interactions!B4", "Rules!B2"):
        assert cell in follow.message


# -- numbers and their ranges -------------------------------------------------------------

OUT_OF_RANGE: dict[str, tuple[Change, str, int, str, str, str]] = {
    # kind: (change, sheet, row, column, cell, words of the message)
    "seed beyond the solver's 32 bits": (_append("Settings", ["random_seed", 2**31]),
                                         "Settings", 4, "value", "B4",
                                         "random_seed must be at most 2,147,483,647"),
    "time limit of a million weeks": (_put("Settings", 2, "value", 6e11),
                                      "Settings", 2, "value", "B2", "at most 604,800"),
    "settings weight 1e15": (_append("Settings", ["weight_bridging", 1e15]),
                             "Settings", 4, "value", "B4",
                             "weight_bridging must be at most 1,000,000"),
    "settings weight 1e308": (_append("Settings", ["weight_balance", 1e308]),
                              "Settings", 4, "value", "B4", "at most 1,000,000"),
    "infinite setting typed as text": (_append("Settings", ["weight_learning", "inf"]),
                                       "Settings", 4, "value", "B4", "must be a number"),
    "interaction weight 1e15": (_put("Interactions", 2, "weight", 1e15),
                                "Interactions", 2, "weight", "C2",
                                "at most 1,000,000,000, not 1e+15"),
    "priority weight 1e15": (_put("Priorities", 2, "weight", 1e15),
                             "Priorities", 2, "weight", "C2", "at most 1,000,000, not 1e+15"),
    "priority weight 1e308": (_put("Priorities", 2, "weight", 1e308),
                              "Priorities", 2, "weight", "C2", "not 1e+308"),
    "balance weight 1e15": (_put("Balance", 2, "weight", 1e15),
                            "Balance", 2, "weight", "C2", "at most 1,000,000"),
    "host capacity near 1e19": (_put("Departments", 2, "host_capacity", 1e19),
                                "Departments", 2, "host_capacity", "C2",
                                "at most 1,000,000, not 1e+19"),
    "max_size near 1e19": (_put("Teams", 3, "max_size", 1e19),
                           "Teams", 3, "max_size", "D3", "at most 1,000,000"),
    "min_count near 1e19": (_put("TeamSkills", 2, "min_count", 1e19),
                            "TeamSkills", 2, "min_count", "D2", "at most 1,000,000"),
    "one pair's interactions adding up beyond the range": (
        _append("Interactions", ["E2", "E1", 1e9 - 4]),  # rows 2 and 4 hold 3 and 2
        "Interactions", 6, "weight", "C6", "E1 and E2 (rows 2 to 6) add up to 1e+09, more"),
}  # fmt: skip


@pytest.mark.parametrize("kind", list(OUT_OF_RANGE))
def test_numbers_beyond_their_range_are_errors_at_their_cell(tmp_path: Path, kind: str) -> None:
    change, sheet, row, column, cell, words = OUT_OF_RANGE[kind]
    sheets = company()
    change(sheets)
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.row, error.column, error.cell) == (sheet, row, column, cell)
    assert words in error.message


def test_a_range_message_shows_the_ids_it_names_with_unprintable_characters_escaped(
    tmp_path: Path,
) -> None:
    sheets = company()
    # a private-use character: text.clean keeps it, yet it prints as nothing
    rename(sheets, "E1", "E1\ue000")
    sheets["Interactions"].append(["E2", "E1\ue000", 1e9 - 4])  # rows 2 and 4 hold 3 and 2
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Interactions", "C6")
    assert "the weights of E1\\ue000 and E2 (rows 2 to 6) add up to" in error.message


def test_the_largest_numbers_in_range_are_read_as_given(tmp_path: Path) -> None:
    sheets = company()
    sheets["Settings"] += [["random_seed", 2**31 - 1], ["weight_diversity", 1e6]]
    put(sheets, "Interactions", 2, "weight", 1e9 - 5)  # with row 4's 2: exactly 1e9 for E1-E2
    put(sheets, "Priorities", 2, "weight", 1e6)
    instance = valid(tmp_path, sheets)
    assert instance.settings.random_seed == 2**31 - 1
    assert instance.settings.weight_diversity == 1e6
    assert {(i.employee_a, i.employee_b): i.weight for i in instance.interactions}[
        "E1", "E2"
    ] == 1e9 - 3


def test_sizes_and_capacities_above_the_headcount_are_reduced_with_a_warning(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Teams", 3, "max_size", 100_000)
    put(sheets, "Teams", 3, "max_per_department", 5_000)
    put(sheets, "Departments", 2, "host_capacity", 999)
    sheets["Settings"].append(["default_host_capacity", 50])
    result = read(tmp_path, sheets)
    instance = valid(tmp_path, sheets)
    solo = instance.team_by_name["Solo"]
    assert (solo.max_size, solo.max_per_department) == (7, 7)
    capacity = {d.name: d.host_capacity for d in instance.departments}
    assert capacity == {"Sales": 7, "Development": 7, "Support": 7}
    warned = {(w.cell, w.column) for w in warnings_about(result, "more than the 7 employees")}
    assert warned == {
        ("D3", "max_size"),
        ("F3", "max_per_department"),
        ("C2", "host_capacity"),
        ("B4", "value"),
    }


def test_a_minimum_above_the_headcount_is_warned_at_its_cell(tmp_path: Path) -> None:
    sheets = company()
    put(sheets, "Teams", 3, "min_size", 40)
    put(sheets, "Teams", 3, "max_size", 50)
    put(sheets, "TeamSkills", 2, "min_count", 12)
    result = read(tmp_path, sheets)
    solo = valid(tmp_path, sheets).team_by_name["Solo"]
    # the maximum is not reduced below the minimum: the team is told about once
    assert (solo.min_size, solo.max_size) == (40, 40)
    warned = {(w.cell, w.column) for w in warnings_about(result, "more than the 7 employees")}
    assert warned == {("C3", "min_size"), ("D3", "max_size"), ("D2", "min_count")}
    assert "a plan will say so" in warnings_about(result, "min_size 40")[0].message


def test_weights_whose_objective_could_overflow_are_refused_at_the_largest_weight(
    tmp_path: Path,
) -> None:
    sheets = company()
    sheets["Settings"] += [["weight_bridging", 1e6], ["zero_tie_gap_weight", 2e5]]
    put(sheets, "Priorities", 2, "weight", 1e5)
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell) == ("Settings", "B4")  # weight_bridging, the largest
    assert "objective could reach 2e+16" in error.message
    assert "bridging part" in error.message

    sheets["Settings"][-1][1] = 20  # the objective reaches 2e12 at most: every term is exact
    assert valid(tmp_path, sheets).settings.zero_tie_gap_weight == 20


def test_balance_numbers_too_large_to_average_are_refused_without_quoting_them(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Employees", 5, "tenure", 4.2e17)
    error = only_error(read(tmp_path, sheets))
    assert (error.sheet, error.cell, error.column) == ("Employees", "H5", "tenure")
    assert "Balance row 3 averages this column" in error.message
    assert "4.2" not in error.message


# -- files from other programs ------------------------------------------------------------


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_workbook_resaved_by_libreoffice_still_reads_the_same(tmp_path: Path) -> None:
    original = write_workbook(tmp_path / "input.xlsx", company())
    out = tmp_path / "resaved"
    convert(original, "xlsx", out, tmp_path)
    resaved = load_workbook(out / "input.xlsx")
    before = load_workbook(original)
    assert resaved.employees == before.employees
    assert resaved.interactions == before.interactions
    assert resaved.teams == before.teams
    assert resaved.rules == before.rules
    assert resaved.departments == before.departments


def test_follow_ons_of_a_blank_department_or_team_keep_errors_and_warnings_apart(
    tmp_path: Path,
) -> None:
    sheets = company()
    put(sheets, "Employees", 4, "department", None)  # both Development people
    put(sheets, "Employees", 5, "department", None)
    put(sheets, "Teams", 2, "team", None)  # Voice, named on TeamSkills and Rules
    result = read(tmp_path, sheets)
    follows = {(p.sheet, p.cell, p.severity): p.follows for p in (*result.errors, *result.warnings)}
    assert follows[("Departments", "A3", "warning")] == "Employees!C4"
    assert follows[("Priorities", "B2", "error")] == "Employees!C4"  # not folded in a warning
    assert follows[("TeamSkills", "A2", "error")] == "Teams!A2"
    (team,) = [e for e in result.errors if e.sheet == "TeamSkills"]
    assert "also at 1 more cell: Rules!C3" in team.message
    assert sum(e.follows is None for e in result.errors) == 3  # the three blank cells


# -- the template's example rows ----------------------------------------------------------


def with_template_examples(sheets: Sheets) -> Sheets:
    """``sheets`` with the template's example rows right under each header, as an older
    template left them (Employees' extra columns blank)."""
    for sheet in schema.SHEETS:
        rows = sheets.setdefault(sheet.name, [[column.name for column in sheet.columns]])
        width = len(rows[0])
        for example in reversed(sheet.examples):
            rows.insert(1, [*example, *([None] * (width - len(example)))])
    return sheets


def test_example_employees_left_in_are_refused_with_every_other_example_row(
    tmp_path: Path,
) -> None:
    sheets = company()
    # the company's own Balance, Periods and Settings rows below them equal examples too
    result = read(tmp_path, with_template_examples(sheets))
    assert result.instance is None
    refused = {(e.sheet, e.row) for e in result.errors}
    examples = {(s.name, row) for s in schema.SHEETS for row in range(2, 2 + len(s.examples))}
    assert refused == examples  # and no follow-on error of the rows read no further
    first = result.errors[0]
    assert first.render() == (
        "Employees!row 2: this row is the template's example employee E001, not one of "
        "yours: delete it (the template's Examples sheet shows what rows look like; "
        "crossteam never reads it)"
    )
    periods = [e for e in result.errors if e.sheet == "Periods"]
    assert [e.row for e in periods] == [2, 3]
    assert "left in with the example employees" in periods[0].message


def test_rows_equal_to_examples_are_read_when_no_example_employee_is_left(
    tmp_path: Path,
) -> None:
    sheets = company()
    # the company's own first Balance, Periods and Settings rows equal the template's
    assert sheets["Balance"][1] == list(schema.BALANCE.examples[0])
    assert sheets["Periods"][1:] == [list(example) for example in schema.PERIODS.examples]
    assert sheets["Settings"][2] == list(schema.SETTINGS.examples[1])
    instance = valid(tmp_path, sheets)
    assert [p.label for p in instance.periods] == ["2027-Q1", "2027-Q2"]
    assert instance.balance_rules[0].value == "Osaka"


@pytest.mark.parametrize(
    ("column", "value"),
    [("name", "Sato Hanako"), ("role", "Sales lead"), ("available", "no")],
)
def test_an_employee_differing_from_the_example_in_one_cell_is_one_of_yours(
    tmp_path: Path, column: str, value: object
) -> None:
    sheets = company()
    example = [*schema.EMPLOYEES.examples[0], None]
    sheets["Employees"].append(example)
    put(sheets, "Employees", len(sheets["Employees"]), column, value)
    instance = valid(tmp_path, sheets)
    assert "E001" in instance.employee_by_id


def test_an_employees_sheet_without_the_examples_columns_is_never_taken_for_one(
    tmp_path: Path,
) -> None:
    sheets = company()
    sheets["Employees"].append([*schema.EMPLOYEES.examples[0], None])
    for column in ("name", "role"):  # location stays: the company's Balance rule uses it
        drop_column(sheets, "Employees", column)
    instance = valid(tmp_path, sheets)
    assert instance.employee_by_id["E001"].department == "Sales"


def test_the_examples_sheet_is_never_read_nor_warned_about(tmp_path: Path) -> None:
    sheets = company()
    sheets["Examples"] = [["Employees"], list(schema.EMPLOYEES.examples[0])]
    result = read(tmp_path, sheets)
    assert result.instance is not None
    assert "E001" not in result.instance.employee_by_id
    assert not [w for w in result.warnings if w.sheet == "Examples"]
