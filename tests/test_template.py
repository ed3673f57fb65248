"""The blank input workbook: built from the schema, with dropdowns, and valid as written."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from soffice import convert

from crossteam.io import schema
from crossteam.io.input_writer import input_tables
from crossteam.io.reader import read_workbook
from crossteam.io.template import EXAMPLES, INSTRUCTIONS, write_template
from crossteam.models import BalanceMode, ProgrammeKind, RuleKind, Settings
from crossteam.synthetic import generate_company


@pytest.fixture(scope="module")
def template_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.xlsx"
    write_template(path)
    return path


@pytest.fixture(scope="module")
def workbook(template_path: Path) -> Workbook:
    return openpyxl.load_workbook(template_path)


def _validation(workbook: Workbook, sheet: schema.Sheet, column: str) -> DataValidation | None:
    """The data validation covering the first data cell of ``column``, if any."""
    ws = workbook[sheet.name]
    letter = openpyxl.utils.get_column_letter(sheet.columns.index(sheet.column(column)) + 1)
    return next((dv for dv in ws.data_validations.dataValidation if f"{letter}2" in dv.sqref), None)


def _list_words(validation: DataValidation | None) -> list[str]:
    assert validation is not None and validation.type == "list"
    formula = validation.formula1
    assert formula.startswith('"') and formula.endswith('"')
    return formula.strip('"').split(",")


def _range_values(workbook: Workbook, reference: str) -> list[object]:
    sheet, cells = reference.split("!")
    ws = workbook[sheet.strip("'")]
    return [row[0].value for row in ws[cells.replace("$", "")]]


def test_instructions_and_examples_come_first_then_every_schema_sheet_in_order(
    workbook: Workbook,
) -> None:
    sheets = [sheet.name for sheet in schema.SHEETS]
    assert workbook.sheetnames == [INSTRUCTIONS, EXAMPLES, *sheets]


@pytest.mark.parametrize("sheet", schema.SHEETS, ids=lambda s: s.name)
def test_each_sheet_has_exactly_its_schema_headers_bold_and_frozen(
    workbook: Workbook, sheet: schema.Sheet
) -> None:
    ws = workbook[sheet.name]
    headers = [cell.value for cell in ws[1]]
    assert headers == [column.name for column in sheet.columns]
    assert all(cell.font.bold for cell in ws[1])
    assert ws.freeze_panes == "A2"
    last = openpyxl.utils.get_column_letter(len(sheet.columns))
    # a table needs a row under its header: the first, empty one
    assert [table.ref for table in ws.tables.values()] == [f"A1:{last}2"]


@pytest.mark.parametrize("sheet", schema.SHEETS, ids=lambda s: s.name)
def test_each_sheet_starts_empty_and_fits_its_headers(
    workbook: Workbook, sheet: schema.Sheet
) -> None:
    ws = workbook[sheet.name]
    assert ws.max_row == 1
    for index, column in enumerate(sheet.columns, start=1):
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(index)].width
        assert width >= len(column.name)


def test_the_examples_sheet_shows_every_sheet_with_its_headers_and_examples(
    workbook: Workbook,
) -> None:
    rows = [tuple(c for c in row if c is not None) for row in workbook[EXAMPLES].values]
    assert "never reads this sheet" in str(rows[1][0])
    for sheet in schema.SHEETS:
        at = rows.index((sheet.name,))
        assert rows[at + 1] == tuple(column.name for column in sheet.columns)
        shown = rows[at + 2 : at + 2 + len(sheet.examples)]
        # a blank example cell ("") reads back as an empty cell
        assert shown == [tuple(v for v in example if v != "") for example in sheet.examples]


def test_instructions_name_every_sheet_column_rule_mode_and_alias(workbook: Workbook) -> None:
    text = " ".join(
        str(cell.value) for row in workbook[INSTRUCTIONS].iter_rows() for cell in row if cell.value
    )
    for sheet in schema.SHEETS:
        assert sheet.name in text
        for column in sheet.columns:
            assert column.name in text
            assert all(alias in text for alias in column.aliases)
    assert all(kind.value in text for kind in RuleKind)
    assert all(mode.value in text for mode in BalanceMode)


def test_instructions_list_every_setting_with_its_default_and_description(
    workbook: Workbook,
) -> None:
    rows = {
        row[0]: row[1:3]
        for row in workbook[INSTRUCTIONS].iter_rows(values_only=True)
        if row[0] in Settings.model_fields
    }
    assert set(rows) == set(Settings.model_fields)
    defaults = Settings()
    assert rows["time_limit_seconds"][0] == str(defaults.time_limit_seconds)
    assert rows["assign_everyone"][0] == "no"
    assert rows["deterministic_time_limit"][0] == "(none)"
    for name, field in Settings.model_fields.items():
        assert rows[name][1] == field.description


def test_instructions_give_the_range_of_every_number(workbook: Workbook) -> None:
    rows = list(workbook[INSTRUCTIONS].iter_rows(values_only=True))
    ranges = {row[0]: row[3] for row in rows if row[0] in Settings.model_fields}
    assert ranges["random_seed"] == "0 to 2,147,483,647"
    assert ranges["time_limit_seconds"] == "more than 0, up to 604,800"
    assert ranges["weight_bridging"] == "0 to 1,000,000"
    assert ranges["alternatives_tolerance"] == "at least 0, below 1"
    assert ranges["assign_everyone"] == "yes or no"
    formats = {(row[0], row[1]): row[3] for row in rows if row[0] in SHEET_NAMES}
    assert formats["Interactions", "weight"] == "number, at most 1,000,000,000"
    assert formats["Teams", "max_size"] == "whole number, at most 1,000,000"
    assert formats["Balance", "weight"] == "number from 0 to 1,000,000, or the word hard"


SHEET_NAMES = {sheet.name for sheet in schema.SHEETS}


@pytest.mark.parametrize(
    ("sheet", "column"),
    [
        (sheet, column.name)
        for sheet in schema.SHEETS
        for column in sheet.columns
        if column.kind is schema.Kind.YES_NO
    ],
    ids=str,
)
def test_yes_no_columns_have_a_yes_no_dropdown(
    workbook: Workbook, sheet: schema.Sheet, column: str
) -> None:
    assert _list_words(_validation(workbook, sheet, column)) == ["yes", "no"]


def test_rule_and_mode_dropdowns_offer_exactly_the_words_and_refuse_others(
    workbook: Workbook,
) -> None:
    rule = _validation(workbook, schema.RULES, "rule")
    mode = _validation(workbook, schema.BALANCE, "mode")
    assert _list_words(rule) == [kind.value for kind in RuleKind]
    assert _list_words(mode) == [mode.value for mode in BalanceMode]
    assert rule is not None and rule.errorStyle == "stop"


@pytest.mark.parametrize("sheet", [schema.PREFERENCES, schema.HISTORY], ids=lambda s: s.name)
def test_preferences_and_history_have_their_headers_and_a_kind_dropdown(
    workbook: Workbook, sheet: schema.Sheet
) -> None:
    headers = [cell.value for cell in workbook[sheet.name][1]]
    assert headers == [column.name for column in sheet.columns]
    kind = _validation(workbook, sheet, "kind")
    assert _list_words(kind) == [k.value for k in ProgrammeKind]
    # 異動, ローテーション and チーム are read too: other words warn, never refuse
    assert kind is not None and kind.errorStyle == "warning"


def test_instructions_explain_ranks_history_and_the_repeat_words(workbook: Workbook) -> None:
    lines = [
        " | ".join(str(v) for v in row if v is not None)
        for row in workbook[INSTRUCTIONS].iter_rows(values_only=True)
    ]
    text = "\n".join(lines)
    assert "rank 1 is a person's first choice" in text
    assert "R + 1 - r points" in text
    assert "History: what people did in earlier rounds" in text
    assert "repeat_teammates | avoid |" in text
    assert text.count("| forbid, avoid, allow") == 2  # repeat_teammates and repeat_host


def test_setting_dropdown_lists_every_setting_name(workbook: Workbook) -> None:
    validation = _validation(workbook, schema.SETTINGS, "setting")
    assert validation is not None
    assert _range_values(workbook, validation.formula1) == list(Settings.model_fields)


@pytest.mark.parametrize(
    ("sheet", "column"),
    [
        (schema.EMPLOYEES, "department"),
        (schema.PRIORITIES, "department_a"),
        (schema.PRIORITIES, "department_b"),
    ],
    ids=str,
)
def test_department_columns_offer_the_departments_sheet_list(
    workbook: Workbook, sheet: schema.Sheet, column: str
) -> None:
    validation = _validation(workbook, sheet, column)
    assert validation is not None and validation.type == "list"
    assert validation.formula1.replace("'", "") == "Departments!$A$2:$A$1048576"
    # Departments may be named on Employees alone: other names warn, never refuse.
    assert validation.errorStyle == "warning"


def test_the_blank_template_asks_for_employees_and_nothing_else(template_path: Path) -> None:
    result = read_workbook(template_path)
    assert [e.render() for e in result.errors] == [
        "Employees: the Employees sheet lists no employees: add one row per employee under "
        "its header"
    ]
    assert result.warnings == ()


def fill(template_path: Path, target: Path, *, examples_above: bool = False) -> Path:
    """The template filled with a 40-person company; ``examples_above``: with the schema's
    examples left under each header, as an older template had them."""
    company = generate_company(40, 5, seed=3)
    workbook = openpyxl.load_workbook(template_path)
    tables = {sheet.name: rows for sheet, _, rows in input_tables(company)}
    for sheet in schema.SHEETS:
        ws = workbook[sheet.name]
        ws.delete_rows(2, ws.max_row)
        for row in [*(sheet.examples if examples_above else ()), *tables.get(sheet.name, ())]:
            ws.append(["yes" if v is True else "no" if v is False else v for v in row])
    workbook.save(target)
    return target


def test_a_filled_template_plans_only_its_own_rows_beside_the_examples_sheet(
    template_path: Path, tmp_path: Path
) -> None:
    result = read_workbook(fill(template_path, tmp_path / "filled.xlsx"))
    assert result.errors == ()
    assert result.instance is not None
    company = generate_company(40, 5, seed=3)
    assert len(result.instance.employees) == 40
    example_names = {example[1] for example in schema.EMPLOYEES.examples}
    assert not example_names & {e.name for e in result.instance.employees}
    assert len(result.instance.departments) == 5
    assert [p.label for p in result.instance.periods] == [p.label for p in company.periods]


def test_a_company_filled_in_under_an_older_templates_examples_is_refused_at_each(
    template_path: Path, tmp_path: Path
) -> None:
    path = fill(template_path, tmp_path / "old.xlsx", examples_above=True)
    result = read_workbook(path)
    assert result.instance is None
    refused = {(e.sheet, e.row) for e in result.errors}
    assert refused == {
        (sheet.name, row) for sheet in schema.SHEETS for row in range(2, 2 + len(sheet.examples))
    }
    assert all("template's example" in e.message for e in result.errors)


def test_template_filled_with_a_company_validates_and_keeps_its_dropdowns(
    template_path: Path, tmp_path: Path
) -> None:
    filled = fill(template_path, tmp_path / "filled.xlsx")
    result = read_workbook(filled)
    assert result.errors == ()
    assert result.instance is not None
    assert len(result.instance.employees) == 40
    assert len(result.instance.departments) == 5
    assert _validation(openpyxl.load_workbook(filled), schema.RULES, "rule") is not None


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_template_resaved_by_libreoffice_keeps_dropdowns_and_validates(
    template_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "resaved"
    convert(template_path, "xlsx", out, tmp_path)
    resaved = out / template_path.name
    workbook = openpyxl.load_workbook(resaved)
    assert _list_words(_validation(workbook, schema.RULES, "rule")) == [k.value for k in RuleKind]
    assert _validation(workbook, schema.SETTINGS, "setting") is not None
    assert [e.sheet for e in read_workbook(resaved).errors] == ["Employees"]
