"""The Japanese template (``crossteam template --lang ja``): Japanese sheet names, headers,
instructions, examples and dropdown words, read back as the English template is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from command import run
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from workbooks import as_written

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.i18n.catalogue import MESSAGES, NAMES
from crossteam.io import schema
from crossteam.io.example_workbook import write_example
from crossteam.io.input_writer import Row, input_tables, write_input
from crossteam.io.reader import read_workbook
from crossteam.io.template import EXAMPLES, INSTRUCTIONS, write_template
from crossteam.models import (
    BalanceMode,
    PlanningInput,
    ProgrammeKind,
    RuleKind,
    Settings,
)
from crossteam.models.settings import RepeatPolicy
from crossteam.synthetic import generate_company

JA = i18n.Language.JA


@pytest.fixture(scope="module")
def japanese_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template_ja") / "テンプレート.xlsx"
    with i18n.using(JA):
        write_template(path)
    return path


@pytest.fixture(scope="module")
def book(japanese_path: Path) -> Workbook:
    return openpyxl.load_workbook(japanese_path)


def _validation(book: Workbook, sheet: schema.Sheet, column: str) -> DataValidation:
    ws = book[NAMES[sheet.name]]
    letter = openpyxl.utils.get_column_letter(sheet.columns.index(sheet.column(column)) + 1)
    found = [dv for dv in ws.data_validations.dataValidation if f"{letter}2" in dv.sqref]
    assert len(found) == 1
    return found[0]


def _words(validation: DataValidation) -> list[str]:
    assert validation.type == "list"
    return str(validation.formula1).strip('"').split(",")


def _rows(book: Workbook, sheet: str) -> list[tuple[object, ...]]:
    return [tuple(v for v in row if v is not None) for row in book[sheet].values]


def test_sheets_are_named_in_japanese_in_the_english_order(book: Workbook) -> None:
    assert book.sheetnames == ["説明", "記入例", *(NAMES[sheet.name] for sheet in schema.SHEETS)]
    assert book.sheetnames[2:5] == ["社員", "スキル", "交流"]


@pytest.mark.parametrize("sheet", schema.SHEETS, ids=lambda s: s.name)
def test_each_sheet_has_its_japanese_headers_wide_enough_with_a_japanese_note(
    book: Workbook, sheet: schema.Sheet
) -> None:
    ws = book[NAMES[sheet.name]]
    headers = [cell.value for cell in ws[1]]
    assert headers == [NAMES[column.name] for column in sheet.columns]
    assert ws.max_row == 1 and ws.freeze_panes == "A2"
    for index, header in enumerate(headers, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        # East Asian characters take two columns each, and the dropdown arrow its room
        assert ws.column_dimensions[letter].width >= i18n.width(str(header)) + 2
        note = ws[f"{letter}1"].comment.text
        assert "形式：" in note and "Format" not in note


def test_the_employee_id_note_reads_required_meaning_format_and_other_names(
    book: Workbook,
) -> None:
    note = book["社員"]["A1"].comment.text
    assert note == (
        "必須です。社員ごとに異なる ID。\n"
        "形式：文字列（123 のような数値は文字列の 123 として読みます）。\n"
        "別名：employee_id, 社員番号, id, 従業員id"
    )


def test_dropdowns_offer_the_japanese_words(book: Workbook) -> None:
    assert _words(_validation(book, schema.EMPLOYEES, "available")) == ["はい", "いいえ"]
    rule = _validation(book, schema.RULES, "rule")
    assert _words(rule) == [NAMES[kind.value] for kind in RuleKind]
    assert _words(rule)[:2] == ["同じチーム", "別のチーム"] and rule.errorStyle == "stop"
    mode = _validation(book, schema.BALANCE, "mode")
    assert _words(mode) == ["多様化", "集約", "平均化", "孤立回避", "全員異なる"]
    kind = _validation(book, schema.PREFERENCES, "kind")
    assert _words(kind) == ["ローテーション", "チーム"]
    assert _words(_validation(book, schema.BALANCE, "attribute"))[:2] == ["氏名", "部署"]
    department = _validation(book, schema.PRIORITIES, "department_a")
    assert department.formula1 == "'部署'!$A$2:$A$1048576"
    assert department.error == "部署A列：一方の部署"


def test_the_setting_dropdown_lists_every_setting_by_its_japanese_name(book: Workbook) -> None:
    source = str(_validation(book, schema.SETTINGS, "setting").formula1)
    sheet, cells = source.split("!")
    assert sheet.strip("'") == "説明"
    names = [row[0].value for row in book["説明"][cells.replace("$", "")]]
    assert names == [NAMES[name] for name in Settings.model_fields]
    assert "制限時間（秒）" in names and "言語" in names


def test_instructions_are_japanese_with_each_settings_default_meaning_and_range(
    book: Workbook,
) -> None:
    rows = list(book["説明"].iter_rows(values_only=True))
    assert rows[0][0] == "crossteam 入力ブック"
    assert (
        rows[1][0]
        == "このブックの各シートに記入し、crossteam validate FILE.xlsx で確認してください。"
    )
    settings = {row[0]: row[1:4] for row in rows if row[0] in NAMES.values()}
    assert settings["制限時間（秒）"] == (
        "60.0",
        "1回の求解にかける時間の上限（秒）",
        "0 より大きい、604,800 以下",
    )
    assert settings["全員をチームに配属"][0] == "いいえ"
    assert settings["乱数シード"][2] == "0から2,147,483,647まで"
    assert settings["同じメンバーとの再編成"][0] == "回避"
    assert settings["同じメンバーとの再編成"][2] == "禁止、回避、許可"
    assert settings["決定的時間の上限"][0] == "（なし）"
    assert settings["代替案の許容幅"][2] == "0 以上、1 未満"
    for name in Settings.model_fields:
        with i18n.using(JA):
            assert settings[NAMES[name]][1] == i18n.t(f"template.setting.{name}")
    rules = {row[0]: row[1:3] for row in rows if row[0] in {NAMES[k.value] for k in RuleKind}}
    assert rules["別のチーム"][0] == "社員"
    assert rules["ローテーションしない"][0] == "（なし）"
    assert rules["指定部署へローテーション"][1].startswith("対象の部署へローテーションします")


def test_instructions_name_every_sheet_and_column_in_japanese_and_the_english_as_aliases(
    book: Workbook,
) -> None:
    rows = list(book["説明"].iter_rows(values_only=True))
    sheets = {row[0]: row for row in rows if len(row) > 3 and row[1] in ("はい", "いいえ")}
    assert sheets["社員"][1:4] == (
        "はい",
        "社員1人につき1行。ほかの列は属性になり、バランスのルールで使えます。",
        "Employees, 従業員, 社員一覧",
    )
    text = " ".join(str(v) for row in rows for v in row if v is not None)
    for sheet in schema.SHEETS:
        assert NAMES[sheet.name] in text and sheet.name in text
        for column in sheet.columns:
            assert NAMES[column.name] in text and column.name in text
    assert "Instructions" not in text and "Fill in" not in text


def test_the_examples_sheet_shows_japanese_rows_under_japanese_headers(book: Workbook) -> None:
    rows = _rows(book, "記入例")
    assert rows[0] == ("記入例：各シートの行の書き方",)
    for sheet in schema.SHEETS:
        at = rows.index((NAMES[sheet.name],))
        assert rows[at + 1] == tuple(NAMES[column.name] for column in sheet.columns)
        shown = rows[at + 2 : at + 2 + len(sheet.examples_ja)]
        assert shown == [tuple(v for v in row if v != "") for row in sheet.examples_ja]
    assert ("E001", "佐藤 花子", "営業部", "営業担当", "東京", "はい", "はい") in rows


def test_the_japanese_examples_use_the_catalogues_words() -> None:
    (rule,) = schema.RULES.examples_ja
    assert i18n.canonical(str(rule[0]), among=[kind.value for kind in RuleKind]) == "apart"
    (balance,) = schema.BALANCE.examples_ja
    assert i18n.canonical(str(balance[1]), among=[m.value for m in BalanceMode]) == "no_lone"
    assert i18n.canonical(str(balance[0]), among=["location"]) == "location"
    kinds = [row[1] for row in schema.PREFERENCES.examples_ja]
    assert [i18n.canonical(str(k), among=list(ProgrammeKind)) for k in kinds] == [
        "rotation",
        "team",
    ]
    settings = [str(row[0]) for row in schema.SETTINGS.examples_ja]
    assert [i18n.canonical(s, among=Settings.model_fields) for s in settings] == [
        "time_limit_seconds",
        "assign_everyone",
    ]
    for sheet in schema.SHEETS:
        assert len(sheet.examples_ja) == len(sheet.examples), sheet.name
        assert all(len(row) == len(sheet.columns) for row in sheet.examples_ja), sheet.name


def test_every_sheet_and_column_is_read_by_its_japanese_name() -> None:
    for sheet in schema.SHEETS:
        keys = {schema.match_key(alias) for alias in sheet.aliases}
        assert schema.match_key(NAMES[sheet.name]) in keys, sheet.name
        for column in sheet.columns:
            keys = {schema.match_key(alias) for alias in column.aliases}
            assert schema.match_key(NAMES[column.name]) in keys, (sheet.name, column.name)


def test_every_dropdown_word_and_setting_has_a_japanese_name() -> None:
    words = [
        *(kind.value for kind in RuleKind),
        *(mode.value for mode in BalanceMode),
        *(policy.value for policy in RepeatPolicy),
        *(kind.value for kind in ProgrammeKind),
        "hard",
        "yes",
        "no",
        *Settings.model_fields,
    ]
    assert [word for word in words if word not in NAMES] == []
    settings = [NAMES[name] for name in Settings.model_fields]
    assert len(set(settings)) == len(settings), "each setting its own Japanese name"


def test_setting_descriptions_are_the_catalogues_english() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description == MESSAGES[f"template.setting.{name}"].en


def test_the_blank_japanese_template_asks_for_employees_only(japanese_path: Path) -> None:
    result = read_workbook(japanese_path)
    assert [e.sheet for e in result.errors] == ["社員"]
    assert result.warnings == ()


def test_japanese_examples_left_on_the_sheets_are_refused(
    japanese_path: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(japanese_path)
    for sheet in (schema.EMPLOYEES, schema.RULES):
        ws = book[NAMES[sheet.name]]
        ws.delete_rows(2, ws.max_row)
        for example in sheet.examples_ja:
            ws.append(list(example))
    path = tmp_path / "examples_left.xlsx"
    book.save(path)
    result = read_workbook(path)
    assert result.instance is None
    refused = {(e.sheet, e.row) for e in result.errors if e.row is not None}
    assert refused == {("社員", 2), ("社員", 3), ("ルール", 2)}


def _company() -> PlanningInput:
    """A Japanese company with a hard Balance rule and non-default repeat words, so that
    every kind of dropdown word is written."""
    company = generate_company(40, 5, seed=3, japanese=True)
    hard = company.balance_rules[0].model_copy(update={"hard": True})
    settings = company.settings.model_copy(
        update={"repeat_teammates": RepeatPolicy.FORBID, "repeat_host": RepeatPolicy.ALLOW}
    )
    return company.with_changes(balance_rules=(hard, *company.balance_rules[1:]), settings=settings)


_WORD_COLUMNS = {"rule", "mode", "kind", "setting", "weight", "value"}
"""Columns whose words the Japanese template's dropdowns (or its Instructions) spell in
Japanese: rule kinds, Balance modes and ``hard``, kinds, setting names and their words."""


def _in_japanese(sheet: schema.Sheet, row: Row) -> Iterator[object]:
    """A row of ``input_tables`` as a Japanese user fills it in from the dropdowns."""
    names = [column.name for column in sheet.columns]
    for index, value in enumerate(row):
        column = names[index] if index < len(names) else ""
        if isinstance(value, bool):
            yield NAMES["yes" if value else "no"]
        elif column in _WORD_COLUMNS and isinstance(value, str) and value in NAMES:
            yield NAMES[value]
        else:
            yield value


def _filled(template: Path, target: Path, company: PlanningInput, japanese: bool) -> Path:
    """The template filled with ``company``, each word as the template's dropdowns offer
    it (yes/no and the rest in English, or in Japanese)."""
    book = openpyxl.load_workbook(template)
    for sheet, _, rows in input_tables(company, japanese=japanese):
        ws = book[NAMES[sheet.name] if japanese else sheet.name]
        for row in rows:
            values = (
                _in_japanese(sheet, row)
                if japanese
                else ("yes" if v is True else "no" if v is False else v for v in row)
            )
            ws.append(list(values))
    book.save(target)
    return target


def test_a_japanese_template_filled_in_japanese_reads_as_the_english_one_without_warning(
    japanese_path: Path, tmp_path: Path
) -> None:
    """Needs the reader to read the Japanese dropdown words (``i18n.canonical``)."""
    company = _company()
    english_template = tmp_path / "template.xlsx"
    write_template(english_template)
    english = read_workbook(_filled(english_template, tmp_path / "en.xlsx", company, False))
    assert english.errors == () and english.warnings == ()
    japanese_book = _filled(japanese_path, tmp_path / "ja.xlsx", company, True)
    rules = [row[0].value for row in openpyxl.load_workbook(japanese_book)["ルール"]["A2:A3"]]
    assert all(rule in NAMES.values() for rule in rules)
    japanese = read_workbook(japanese_book)
    assert [p.render() for p in japanese.errors] == []
    assert [p.render() for p in japanese.warnings] == []
    assert japanese.instance is not None and english.instance is not None
    assert as_written(japanese.instance) == as_written(english.instance) == company


def test_template_command_with_lang_ja_writes_the_japanese_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "blank.xlsx"
    code, _, _ = run(capsys, "template", str(out), "--lang", "ja")
    assert code == 0
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[:3] == ["説明", "記入例", "社員"]


def test_example_command_with_lang_ja_writes_a_japanese_company(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "company.xlsx"
    code, _, _ = run(capsys, "example", str(out), "--employees", "40", "--lang", "ja")
    assert code == 0
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[0] == "社員"
    header, first, *_ = book["社員"].iter_rows(max_row=2, values_only=True)
    assert header[:3] == ("社員ID", "氏名", "部署")
    assert not str(first[1]).isascii(), "a Japanese name"


def test_write_input_in_japanese_writes_the_catalogues_names(tmp_path: Path) -> None:
    path = tmp_path / "ja.xlsx"
    write_input(generate_company(30, 3, seed=1), path, japanese=True)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[:2] == ["社員", "スキル"]
    for sheet in schema.SHEETS:
        if NAMES[sheet.name] in book.sheetnames:
            header = next(book[NAMES[sheet.name]].iter_rows(max_row=1, values_only=True))
            wanted = [
                NAMES[column.name]
                for column in sheet.columns
                if column.name not in schema.CONTACT_COLUMNS  # written when given
            ]
            assert list(header[: len(wanted)]) == wanted, sheet.name


def test_write_example_follows_the_run_language(tmp_path: Path) -> None:
    with i18n.using(JA):
        write_example(tmp_path / "ja.xlsx", 30, 3, seed=1)
    write_example(tmp_path / "en.xlsx", 30, 3, seed=1)
    assert openpyxl.load_workbook(tmp_path / "ja.xlsx", read_only=True).sheetnames[0] == "社員"
    assert openpyxl.load_workbook(tmp_path / "en.xlsx", read_only=True).sheetnames[0] == "Employees"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"employees": 10, "departments": 2}, "例の会社の社員数は20名以上です（指定：10）"),
        ({"employees": 150, "departments": 0}, "部署数は1以上にしてください（指定：0）"),
        (
            {"employees": 150, "departments": 10, "periods": 0},
            "期間数は1以上にしてください（指定：0）",
        ),
        ({"employees": 50, "departments": 20}, "社員50名では、1部署3名以上で20部署を作れません"),
        ({"employees": 150, "departments": 10, "teams": 40}, "チーム数を減らしてください"),
    ],
)
def test_impossible_example_sizes_are_refused_in_japanese(
    arguments: dict[str, int], message: str
) -> None:
    with i18n.using(JA), pytest.raises(InputError) as refused:
        generate_company(**arguments)
    assert message in str(refused.value.problems[0].message)


def test_the_english_template_is_unchanged_by_the_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "en.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[:3] == [INSTRUCTIONS, EXAMPLES, "Employees"]
    first = [row[0] for row in book[INSTRUCTIONS].iter_rows(max_row=2, values_only=True)]
    assert first == [
        "crossteam input workbook",
        "Fill in the sheets of this workbook, then check it with: crossteam validate FILE.xlsx",
    ]
