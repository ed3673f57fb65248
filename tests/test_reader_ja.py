"""The reader in Japanese: each broken workbook of the reader's tests gives the same problems
at the same sheet, row, column and cell in English and in Japanese, worded in Japanese;
Japanese dropdown values and setting names read as the English ones; and the run's
language is settled from the workbook unless the user asked for one."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from test_reader import BAD_INPUTS, Change
from test_reader_wishes import HISTORY, PREFERENCES
from workbooks import Sheets, company, put, write_workbook

from crossteam import i18n
from crossteam.i18n import catalogue
from crossteam.io import schema
from crossteam.io.reader import ReadResult, read_workbook
from crossteam.models import BalanceMode, Problem, RepeatPolicy, RuleKind

EN, JA = i18n.Language.EN, i18n.Language.JA
SHEET_NAMES = [sheet.name for sheet in schema.SHEETS]
_PHRASE = re.compile(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")
"""Two English words side by side, as the catalogue scan finds them."""


def _rows(sheet: str, rows: list[list[object]]) -> Change:
    return lambda sheets: sheets.__setitem__(sheet, rows)


def _both(*changes: Change) -> Change:
    def change(sheets: Sheets) -> None:
        for each in changes:
            each(sheets)

    return change


BROKEN: dict[str, Change] = {
    **{kind: change for kind, (change, _, row, *_) in BAD_INPUTS.items() if row is not None},
    "bad preferences rows": _rows(
        "Preferences",
        [
            PREFERENCES,
            ["E9", "rotation", "Support", 1],
            ["E1", "party", "Support", 1],
            ["E1", "rotation", "Suport", 1],
            ["E1", "rotation", None, 1],
            ["E1", "team", "Voic", 1],
            ["E1", "rotation", "Support", 1.5],
            ["E1", "rotation", "Support", 0],
            ["E2", "rotation", "Support", 1],
            ["E2", "rotation", "Development", 1],
            ["E2", "rotation", "Sales", 2],
        ],
    ),
    "bad history rows": _rows(
        "History",
        [
            HISTORY,
            ["E1", "P1", "party", "Old"],
            ["E1", None, "team", "Old"],
            ["E1", "P1", "team", None],
            ["E1", "P2", "team", "Old"],
            ["E1", "P2", "team", "New"],
            ["E99", "P1", "team", "Old"],
        ],
    ),
    "bad repeat word and history periods": lambda sheets: sheets["Settings"].extend(
        [["repeat_teammates", "never"], ["history_periods", 1.5]]
    ),
    "unknown employee after a blank id": _both(
        lambda sheets: put(sheets, "Employees", 8, "employee_id", None),
        lambda sheets: sheets["Skills"].extend([["E7", "Python", 1], ["E7", "Negotiation", 2]]),
    ),
    "department in another case": lambda sheets: put(
        sheets, "Employees", 7, "department", "support"
    ),
    "skill nobody holds": lambda sheets: put(sheets, "TeamSkills", 2, "skill", "Pyhton"),
    "extra columns and sheets": _both(
        lambda sheets: sheets["Teams"][0].append("colour"),
        lambda sheets: sheets.__setitem__("Notes2", [["anything"]]),
    ),
    "a value for a mode that reads none": lambda sheets: put(sheets, "Balance", 3, "value", "x"),
    "max_size above the headcount": lambda sheets: put(sheets, "Teams", 2, "max_size", 50),
}
"""Every broken workbook of the reader's tests whose problems have a place in the workbook."""


def _read(tmp_path: Path, sheets: Sheets, language: i18n.Language) -> ReadResult:
    path = write_workbook(tmp_path / f"input-{language}.xlsx", sheets)
    with i18n.using(language):
        return read_workbook(path)


def _place(problem: Problem) -> tuple[object, ...]:
    """Where a problem is; a missing sheet is named in the run's language, so by its
    contract name here."""
    sheet = problem.sheet and (i18n.canonical(problem.sheet, among=SHEET_NAMES) or problem.sheet)
    return (sheet, problem.row, problem.column, problem.cell, problem.severity)


def _english_left(message: str) -> str | None:
    """Two English words side by side outside the user's own values (quoted 「」)."""
    found = _PHRASE.search(re.sub(r"「[^」]*」", "", message))
    return None if found is None else found.group()


@pytest.mark.parametrize("language", [EN, JA])
@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_workbook_has_its_problems_at_the_same_places_in_each_language(
    tmp_path: Path, kind: str, language: i18n.Language
) -> None:
    sheets = company()
    BROKEN[kind](sheets)
    english = _read(tmp_path, copy.deepcopy(sheets), EN)
    read = _read(tmp_path, sheets, language)
    expected = [*english.errors, *english.warnings]
    found = [*read.errors, *read.warnings]
    assert expected and any(p.row is not None for p in expected)
    assert [_place(p) for p in found] == [_place(p) for p in expected]
    for problem, english_problem in zip(found, expected, strict=True):
        if language is EN:
            assert problem.message == english_problem.message
            continue
        assert i18n.is_japanese(problem.message), problem.render()
        assert _english_left(problem.message) is None, problem.render()
        if problem.sheet is not None and problem.row is not None and problem.cell is None:
            with i18n.using(JA):
                assert f"!{problem.row}行目" in problem.render()


# -- exact Japanese for the common cases ----------------------------------------------------


def japanese_company() -> Sheets:
    """``company()`` with every sheet name and header in Japanese, as the Japanese template
    writes them."""
    names = catalogue.NAMES
    return {
        names[title]: [[names.get(str(h), h) for h in rows[0]], *rows[1:]]
        for title, rows in company().items()
    }


def _errors(tmp_path: Path, sheets: Sheets) -> list[str]:
    """Read with no language asked: a Japanese workbook settles Japanese itself."""
    result = read_workbook(write_workbook(tmp_path / "ja.xlsx", sheets))
    return [e.render() for e in result.errors]


def test_a_blank_required_cell_reads_required_at_its_cell(tmp_path: Path) -> None:
    sheets = japanese_company()
    sheets["社員"][5][2] = None
    assert _errors(tmp_path, sheets) == ["社員!C6 (部署): 必須です"]
    assert i18n.current() is JA


def test_text_where_a_whole_number_belongs_quotes_it(tmp_path: Path) -> None:
    sheets = japanese_company()
    sheets["チーム"][1][3] = "five"
    assert _errors(tmp_path, sheets) == [
        "チーム!D2 (最大人数): 「five」ではなく、整数で入力してください"
    ]


def test_an_unknown_employee_says_so_and_suggests_the_nearest(tmp_path: Path) -> None:
    sheets = japanese_company()
    sheets["スキル"][3][0] = "E55"
    sheets["交流"][2][1] = "E"
    assert _errors(tmp_path, sheets) == [
        "スキル!A4 (社員ID): 社員「E55」は「社員」シートに登録されていません。「E5」のことですか？",
        "交流!B3 (社員B): 社員「E」は「社員」シートに登録されていません。"
        "「E1」、「E2」か「E3」のことですか？",
    ]


def test_a_row_without_a_cell_reads_its_row_in_japanese(tmp_path: Path) -> None:
    sheets = japanese_company()
    example = dict(zip(schema.EMPLOYEES.columns, schema.EMPLOYEES.examples[0], strict=True))
    by_name = {column.name: value for column, value in example.items()}
    sheets["社員"].append([by_name.get(h) for h in company()["Employees"][0]])
    messages = _errors(tmp_path, sheets)
    assert messages[0].startswith("社員!9行目: この行はテンプレートの記入例の社員 E001で")
    assert "期間!3行目: この行はテンプレートの記入例です（「社員」シートに記入例の社員が残って" in (
        "\n".join(messages)
    )


def test_a_missing_sheet_is_named_in_japanese(tmp_path: Path) -> None:
    sheets = japanese_company()
    del sheets["社員"]
    assert "社員: 必須の「社員」シートがありません" in _errors(tmp_path, sheets)


def test_a_bad_setting_names_the_setting_and_its_bound(tmp_path: Path) -> None:
    sheets = japanese_company()
    sheets["設定"][1][1] = -5
    assert _errors(tmp_path, sheets) == [
        "設定!B2 (値): 制限時間（秒）: 0より大きい値を入力してください"
    ]


# -- Japanese dropdown values and setting names ---------------------------------------------


def _japanese(monkeypatch: pytest.MonkeyPatch, english: str, japanese: str) -> str:
    """The Japanese of ``english`` in the catalogue; ``japanese`` is put there for the test
    when the template's words are not there yet."""
    if english not in catalogue.NAMES:
        monkeypatch.setitem(catalogue.NAMES, english, japanese)
    return catalogue.NAMES[english]


def test_japanese_dropdown_values_and_setting_names_read_as_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apart = _japanese(monkeypatch, "apart", "別チーム")
    diversify = _japanese(monkeypatch, "diversify", "分散")
    hard = _japanese(monkeypatch, "hard", "必須")
    forbid = _japanese(monkeypatch, "forbid", "禁止")
    time_limit = _japanese(monkeypatch, "time_limit_seconds", "制限時間（秒）")
    sheets = japanese_company()
    sheets["ルール"][1][0] = apart
    sheets["バランス"][1] = ["location", diversify, hard, None]
    sheets["設定"][1][0] = time_limit
    sheets["設定"].append(["repeat_teammates", forbid])
    sheets["希望"] = [
        [catalogue.NAMES[h] for h in PREFERENCES],
        ["E1", catalogue.NAMES["rotation"], "Support", 1],
        ["E3", catalogue.NAMES["team"], "Solo", 1],
    ]
    result = read_workbook(write_workbook(tmp_path / "ja.xlsx", sheets))
    assert result.errors == ()
    instance = result.instance
    assert instance is not None
    assert instance.rules[0].kind is RuleKind.APART
    location = next(b for b in instance.balance_rules if b.attribute == "location")
    assert (location.mode, location.hard) == (BalanceMode.DIVERSIFY, True)
    assert instance.settings.time_limit_seconds == 5
    assert instance.settings.repeat_teammates is RepeatPolicy.FORBID
    assert [p.kind.value for p in instance.preferences] == ["rotation", "team"]


def test_an_unknown_value_lists_the_words_in_japanese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for kind in RuleKind:
        _japanese(monkeypatch, kind.value, f"規則{kind.value}")
    sheets = japanese_company()
    sheets["ルール"][2][0] = "分割"
    (message,) = _errors(tmp_path, sheets)
    kinds = "、".join(catalogue.NAMES[k.value] for k in RuleKind)
    assert message == (
        f"ルール!A3 (ルール): 「分割」はルールではありません。次のいずれかを使ってください: {kinds}"
    )


# -- the run's language --------------------------------------------------------------------


def _settled(tmp_path: Path, sheets: Sheets, asked: i18n.Language | None = None) -> i18n.Language:
    i18n.ask(asked)
    read_workbook(write_workbook(tmp_path / "language.xlsx", sheets))
    return i18n.current()


def _with_language(sheets: Sheets, settings: str, value: str) -> Sheets:
    sheets[settings].append(["language", value])
    return sheets


@pytest.mark.parametrize(("value", "expected"), [("ja", JA), ("日本語", JA), ("en", EN)])
def test_the_settings_language_decides_over_sheet_names(
    tmp_path: Path, value: str, expected: i18n.Language
) -> None:
    assert _settled(tmp_path, _with_language(company(), "Settings", value)) is expected
    japanese = _with_language(japanese_company(), "設定", value)
    assert _settled(tmp_path, japanese) is expected


def test_without_a_setting_the_sheet_names_decide(tmp_path: Path) -> None:
    assert _settled(tmp_path, company()) is EN
    assert _settled(tmp_path, japanese_company()) is JA


@pytest.mark.parametrize("asked", [EN, JA])
def test_the_language_asked_for_decides_over_settings(tmp_path: Path, asked: i18n.Language) -> None:
    for sheets in (
        _with_language(company(), "Settings", "ja"),
        _with_language(japanese_company(), "設定", "en"),
        japanese_company(),
    ):
        assert _settled(tmp_path, sheets, asked) is asked


def test_problems_are_worded_in_the_settled_language(tmp_path: Path) -> None:
    sheets = _with_language(company(), "Settings", "日本語")
    put(sheets, "Employees", 6, "department", None)
    messages = _errors(tmp_path, sheets)
    assert messages == ["Employees!C6 (department): 必須です"]
