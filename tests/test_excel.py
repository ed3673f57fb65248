"""The shared workbook helpers: literal text, valid names, real tables, fitted widths,
paragraphs, and one page layout for every workbook crossteam writes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from network_instances import four_departments
from openpyxl.styles import PatternFill
from plan_samples import write_sample
from python_calamine import CalamineWorkbook

from crossteam.io.audit_writer import write_audit
from crossteam.io.example_workbook import write_example
from crossteam.io.excel import (
    CUT_MARK,
    LINE_POINTS,
    MAX_CELL_TEXT,
    MAX_SHEET_TITLE,
    MAX_WIDTH,
    BookWriter,
    Column,
    CutTextWarning,
    display_width,
    is_cut,
    literal_text,
    put,
    sheet_title,
    table_name,
    unique_headers,
)
from crossteam.io.sweep_writer import write_sweep
from crossteam.io.template import write_template
from crossteam.models.sweep import SweepResult
from crossteam.network import analyse
from crossteam.sweep import Scenario
from crossteam.sweep.engines import failed

FORMULA_LIKE = ('=HYPERLINK("http://x","y")', "+1+1", "@SUM(1,1)", "-2+3", "=1+1")


def test_display_width_counts_wide_characters_double() -> None:
    assert display_width("abc") == 3
    assert display_width("山田") == 4
    assert display_width("ｱｲ") == 2  # half-width katakana is narrow
    assert display_width("Ａ1") == 3  # full-width Latin is wide


def test_literal_text_drops_control_characters_but_keeps_line_breaks() -> None:
    assert literal_text("a\x00b\x1fc") == "abc"
    assert literal_text("line\nnext\ttab") == "line\nnext\ttab"


def test_a_text_longer_than_a_cell_is_cut_visibly() -> None:
    text = "x" * 40_000
    cut = literal_text(text)
    assert len(cut) == MAX_CELL_TEXT
    assert cut.endswith(CUT_MARK) and cut[:-1] == text[: MAX_CELL_TEXT - 1]
    assert is_cut(text)
    exact = "y" * MAX_CELL_TEXT
    assert literal_text(exact) == exact and not is_cut(exact)
    # control characters that are dropped do not count towards the limit
    assert not is_cut("\x00" * 10 + exact)


def test_the_book_writer_lists_and_warns_of_every_cell_it_cuts(tmp_path: Path) -> None:
    book = BookWriter()
    sheet = book.sheet("Notes")
    with pytest.warns(CutTextWarning) as warned:
        book.write(sheet, 1, 1, "short")
        book.write(sheet, 2, 3, "z" * 33_000)
        book.table(sheet, "Long", ("text",), [("w" * 50_000,)], top=4)
    assert book.cut_cells == ["Notes!C2", "Notes!A5"]
    assert [str(w.message) for w in warned] == book.cut_cells
    book.save(tmp_path / "cut.xlsx")
    read = openpyxl.load_workbook(tmp_path / "cut.xlsx")["Notes"]
    assert read["C2"].value.endswith(CUT_MARK) and len(read["C2"].value) == MAX_CELL_TEXT
    assert read["A1"].value == "short"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Run Info", "Run Info"),
        ("a/b\\c[d]:e*f?g", "a_b_c_d__e_f_g"),
        ("'quoted'", "quoted"),
        ("x" * 40, "x" * MAX_SHEET_TITLE),
        ("", "Sheet"),
    ],
)
def test_sheet_title_is_valid_for_excel(name: str, expected: str) -> None:
    assert sheet_title(name) == expected


def test_sheet_title_is_unique_case_insensitively_within_31_characters() -> None:
    assert sheet_title("teams", ["Teams"]) == "teams (2)"
    long = "y" * 40
    first = sheet_title(long)
    second = sheet_title(long, [first])
    assert second != first
    assert len(second) <= MAX_SHEET_TITLE
    assert second.endswith("(2)")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Team Overview", "Team_Overview"),
        ("2024 plan", "_2024_plan"),
        ("A1", "_A1"),
        ("R1C1", "_R1C1"),
        ("c", "_c"),
        ("Teams", "Teams"),
    ],
)
def test_table_name_is_valid_for_excel(name: str, expected: str) -> None:
    assert table_name(name) == expected


def test_table_name_is_unique_case_insensitively() -> None:
    assert table_name("teams", ["Teams"]) == "teams_2"
    assert table_name("teams", ["Teams", "teams_2"]) == "teams_3"


def test_unique_headers_are_non_empty_single_line_and_distinct() -> None:
    assert unique_headers(["name", "Name", "", "a\nb"]) == ["name", "Name (2)", "column", "a b"]


def _written(tmp_path: Path, rows: list[tuple[object, ...]], headers: list[str]) -> Path:
    book = BookWriter()
    sheet = book.sheet("Data")
    book.table(sheet, "Data", headers, rows, frozen_columns=1)  # type: ignore[arg-type]
    path = tmp_path / "out.xlsx"
    book.save(path)
    return path


def test_text_that_looks_like_a_formula_is_stored_as_text(tmp_path: Path) -> None:
    path = _written(tmp_path, [(text,) for text in FORMULA_LIKE], ["value"])
    sheet = openpyxl.load_workbook(path)["Data"]
    cells = [sheet.cell(row=r, column=1) for r in range(2, 2 + len(FORMULA_LIKE))]
    assert [c.value for c in cells] == list(FORMULA_LIKE)
    assert {c.data_type for c in cells} == {"s"}
    calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Data").to_python()
    assert [row[0] for row in calamine[1:]] == list(FORMULA_LIKE)


def test_table_covers_header_and_rows_with_headers_matching_cells(tmp_path: Path) -> None:
    path = _written(tmp_path, [("E1", 3), ("E2", 4)], ["employee_id", "=level"])
    sheet = openpyxl.load_workbook(path)["Data"]
    (table,) = sheet.tables.values()
    assert table.ref == "A1:B3"
    assert table.column_names == [sheet["A1"].value, sheet["B1"].value] == ["employee_id", "=level"]
    assert table.autoFilter is not None
    assert sheet.freeze_panes == "B2"
    assert sheet.print_title_rows == "$1:$1"


def test_empty_table_keeps_one_blank_row(tmp_path: Path) -> None:
    path = _written(tmp_path, [], ["employee_id", "name"])
    (table,) = openpyxl.load_workbook(path)["Data"].tables.values()
    assert table.ref == "A1:B2"


def test_table_names_are_unique_across_the_workbook(tmp_path: Path) -> None:
    book = BookWriter()
    for title in ("One", "Two"):
        book.table(book.sheet(title), "Same", ["a"], [("x",)])
    path = tmp_path / "out.xlsx"
    book.save(path)
    workbook = openpyxl.load_workbook(path)
    names = [t.displayName for ws in workbook.worksheets for t in ws.tables.values()]
    assert names == ["Same", "Same_2"]


def test_number_format_applies_to_numbers_only(tmp_path: Path) -> None:
    book = BookWriter()
    sheet = book.sheet("Data")
    book.table(sheet, "Data", [Column("share", "0.0%")], [(0.25,), ("n/a",)])
    path = tmp_path / "out.xlsx"
    book.save(path)
    sheet = openpyxl.load_workbook(path)["Data"]
    assert sheet["A2"].number_format == "0.0%"
    assert sheet["A3"].number_format == "General"


def test_japanese_text_gets_a_wider_column_than_ascii_of_the_same_length(tmp_path: Path) -> None:
    path = _written(tmp_path, [("山田太郎山田太郎山田太郎", "abcdefghijkl")], ["ja", "en"])
    sheet = openpyxl.load_workbook(path)["Data"]
    ja, en = sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width
    assert ja > en
    assert ja >= display_width("山田太郎山田太郎山田太郎")


def test_very_long_text_is_capped_at_the_widest_column(tmp_path: Path) -> None:
    path = _written(tmp_path, [("x" * 500,)], ["note"])
    assert openpyxl.load_workbook(path)["Data"].column_dimensions["A"].width == MAX_WIDTH


def test_named_style_is_registered_once_and_colours_its_cells(tmp_path: Path) -> None:
    book = BookWriter()
    sheet = book.sheet("Data")
    fill = PatternFill("solid", fgColor="FFF2CC")
    first, again = book.style("Editable", fill), book.style("Editable", fill)
    assert first == again == "Editable"
    put(sheet, 1, 1, "x").style = first
    path = tmp_path / "out.xlsx"
    book.save(path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.named_styles.count("Editable") == 1
    assert workbook["Data"]["A1"].fill.fgColor.rgb == "00FFF2CC"


def test_every_sheet_prints_a4_landscape_one_page_wide_repeating_a_row(tmp_path: Path) -> None:
    book = BookWriter()
    table = book.sheet("Table")
    book.title(table, 1, "A title above the table")
    book.table(table, "T", ("a", "b"), [(1, 2)], top=3)
    plain = book.sheet("Plain")
    book.write(plain, 1, 1, "nothing but a title")
    path = tmp_path / "pages.xlsx"
    book.save(path)
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation) == (9, "landscape"), sheet.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
    assert workbook["Table"].print_title_rows == "$3:$3"  # the header, not the title
    assert workbook["Plain"].print_title_rows == "$1:$1"


def test_a_paragraph_is_wrapped_across_its_columns_and_tall_enough(tmp_path: Path) -> None:
    book = BookWriter()
    sheet = book.sheet("Notes")
    for column in (1, 2, 3):
        book.widen(sheet, column, 18)
    book.paragraph(sheet, 1, "One short line.", 3)
    book.paragraph(sheet, 2, "word " * 60, 3)
    book.paragraph(sheet, 3, "山田" * 75, 3)  # as wide as the line above
    book.paragraph(sheet, 4, "first\nsecond\nthird", 3)
    path = tmp_path / "paragraphs.xlsx"
    book.save(path)
    sheet = openpyxl.load_workbook(path)["Notes"]
    assert {str(cells) for cells in sheet.merged_cells.ranges} == {
        f"A{row}:C{row}" for row in (1, 2, 3, 4)
    }
    assert all(sheet[f"A{row}"].alignment.wrap_text for row in (1, 2, 3, 4))
    heights = [sheet.row_dimensions[row].height for row in (1, 2, 3, 4)]
    span = sum(sheet.column_dimensions[c].width for c in "ABC")
    assert heights[0] == LINE_POINTS
    # 300 columns of text in a span of 60: at least five lines
    assert heights[1] >= LINE_POINTS * 300 / span
    assert heights[2] == heights[1]
    assert heights[3] == 3 * LINE_POINTS


def _write_every_kind(folder: Path) -> dict[str, Path]:
    """One workbook of each kind crossteam writes, small."""
    instance = four_departments()
    audit = folder / "audit.xlsx"
    write_audit(audit, instance, analyse(instance))
    lost = failed(Scenario(0, "lost", {"weight_diversity": 1}), 1, "its worker died")
    sweep = folder / "sweep.xlsx"
    result = SweepResult(
        scenarios=(lost,), keys=("weight_diversity",), engine="local", processes=1, seconds=1.0
    )
    write_sweep(sweep, instance, result)
    template = folder / "template.xlsx"
    write_template(template)
    example = folder / "example.xlsx"
    write_example(example, employees=30, departments=3, seed=1)
    return {
        "plan": write_sample(folder / "plan.xlsx"),
        "audit": audit,
        "sweep": sweep,
        "template": template,
        "example": example,
    }


def test_every_sheet_of_every_workbook_prints_one_page_wide_with_print_titles(
    tmp_path: Path,
) -> None:
    for kind, path in _write_every_kind(tmp_path).items():
        workbook = openpyxl.load_workbook(path)
        for sheet in workbook.worksheets:
            where = f"{kind}: {sheet.title}"
            setup = sheet.page_setup
            assert (setup.paperSize, setup.orientation) == (9, "landscape"), where
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), where
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, where
            assert sheet.print_title_rows, where
