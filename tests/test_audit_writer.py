"""The audit workbook: its sheets, literal text, heat maps, picture, and LibreOffice."""

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from network_instances import FOUR_DEPARTMENTS, FOUR_TIES, four_departments, organisation
from openpyxl.formatting.rule import ColorScale
from soffice import convert

from crossteam.io.audit_writer import write_audit
from crossteam.io.excel import LINE_POINTS
from crossteam.models import (
    Plan,
    PlanEffect,
    PlanningInput,
    RotationStint,
    SolveStatus,
    TeamAssignment,
)
from crossteam.models.network import projection
from crossteam.network import analyse, compare

SHEETS = ["Summary", "Departments", "Gaps", "Density", "People", "Graph"]
FORMULA_NAME = '=HYPERLINK("http://example.com","click")'


def _effect(instance: PlanningInput) -> PlanEffect:
    stint = RotationStint(employee_id="d1", period="Q1", department="C")
    plan = Plan(
        status=SolveStatus.OPTIMAL,
        teams=(TeamAssignment(team="=Team 1", members=("a1", "d1")),),
        rotation=(stint,),
    )
    return compare(instance, plan)


def _write(tmp_path: Path, instance: PlanningInput, with_plan: bool) -> Path:
    path = tmp_path / "audit.xlsx"
    report = analyse(instance)
    write_audit(path, instance, report, _effect(instance) if with_plan else None)
    return path


def _rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))


def _figures(path: Path) -> dict[object, tuple[object, ...]]:
    return {row[0]: row[1:] for row in _rows(path, "Summary")}


def test_the_workbook_has_every_sheet_in_order(tmp_path: Path) -> None:
    path = _write(tmp_path, four_departments(), with_plan=False)
    assert openpyxl.load_workbook(path).sheetnames == SHEETS


def test_summary_shows_key_figures_and_before_and_after_with_a_plan(tmp_path: Path) -> None:
    alone = _figures(_write(tmp_path, four_departments(), with_plan=False))
    assert alone["Figure"][0] == "Value"
    assert alone["Tied employee pairs"][0] == 9
    assert alone["Zero-tie department pairs"][0] == 3

    both = _figures(_write(tmp_path, four_departments(), with_plan=True))
    assert both["Figure"][:2] == ("Before", "After (projected)")
    # a1-d1 from the team, d1-c1 and d1-c2 from the stint
    assert both["Tied employee pairs"][:2] == (9, 12)
    assert both["Zero-tie department pairs"][:2] == (3, 1)
    assert both["Gap pairs bridged by the plan"][1] == 2


def test_summary_says_when_there_is_no_interactions_sheet(tmp_path: Path) -> None:
    instance = organisation({"X": ["x1"], "Y": ["y1"]}, has_interactions_sheet=False)
    cells = [row[0] for row in _rows(_write(tmp_path, instance, with_plan=False), "Summary")]
    assert any(isinstance(c, str) and "no Interactions sheet" in c for c in cells)


def test_departments_and_people_are_excel_tables_with_frozen_headers(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(_write(tmp_path, four_departments(), with_plan=True))
    for name in ("Departments", "Gaps", "People"):
        sheet = workbook[name]
        assert f"{name}Table" in sheet.tables
        assert sheet.freeze_panes == "A2"
    people = {row[0]: row for row in workbook["People"].iter_rows(min_row=2, values_only=True)}
    header = next(workbook["People"].iter_rows(max_row=1, values_only=True))
    b1 = dict(zip(header, people["b1"], strict=True))
    assert (b1["departments_tied_to"], b1["boundary_spanner"]) == (2, "yes")
    assert (b1["single_point_of_failure"], b1["sole_link_to"]) == ("yes", "A")
    # d1 was tied to no one before the plan and to A and C after it
    d1 = dict(zip(header, people["d1"], strict=True))
    assert (d1["departments_tied_to"], d1["departments_tied_to_after"]) == (0, 2)


def test_gaps_are_ranked_by_gap_weight_with_what_bridged_them(tmp_path: Path) -> None:
    instance = four_departments(priorities=[("B", "D", 2.0)])
    rows = _rows(_write(tmp_path, instance, with_plan=True), "Gaps")
    header, body = rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert "bridged_by_teams" in header
    # B-D weighs 3 x 2 = 6 and comes first; then A-D and C-D (3 each) by name
    assert [(g["department_a"], g["department_b"]) for g in body] == [
        ("B", "D"),
        ("A", "D"),
        ("C", "D"),
    ]
    assert [g["gap_weight"] for g in body] == [6, 3, 3]
    assert body[1]["bridged_by_teams"] == "=Team 1"
    assert body[2]["bridged_by_rotations"] == "d1 in C (Q1)"
    assert body[0]["bridged_by_teams"] is None


def test_density_heat_map_has_a_colour_scale_and_a_second_block_after_a_plan(
    tmp_path: Path,
) -> None:
    workbook = openpyxl.load_workbook(_write(tmp_path, four_departments(), with_plan=True))
    sheet = workbook["Density"]
    rules = [rule for cf in sheet.conditional_formatting for rule in cf.rules]
    assert len(rules) == 2
    assert all(isinstance(rule.colorScale, ColorScale) for rule in rules)
    titles = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "Before the plan" in titles and "After the plan (projected)" in titles
    # Block density A-B = 2 / (3 x 2); departments in order A, B, C, D from row 5
    assert sheet["C5"].value == pytest.approx(1 / 3)


def test_the_graph_sheet_embeds_a_png_picture(tmp_path: Path) -> None:
    path = _write(tmp_path, four_departments(), with_plan=True)
    with zipfile.ZipFile(path) as archive:
        media = [name for name in archive.namelist() if name.startswith("xl/media/")]
        assert len(media) == 1
        assert archive.read(media[0]).startswith(b"\x89PNG")


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    departments = {"=SUM(A1:A2)": ["x1"], **FOUR_DEPARTMENTS}
    instance = organisation(departments, [*FOUR_TIES, ("x1", "a1")], names={"a1": FORMULA_NAME})
    path = _write(tmp_path, instance, with_plan=True)
    workbook = openpyxl.load_workbook(path)
    people = workbook["People"]
    names = [cell for cell in people["B"] if cell.value == FORMULA_NAME]
    assert len(names) == 1 and names[0].data_type == "s"
    assert workbook["Departments"]["A2"].value == "=SUM(A1:A2)"
    assert workbook["Departments"]["A2"].data_type == "s"
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(name) for name in sheets)


def test_after_a_plan_every_sheet_showing_after_figures_says_they_are_projected(
    tmp_path: Path,
) -> None:
    workbook = openpyxl.load_workbook(_write(tmp_path, four_departments(), with_plan=True))
    for name in ("Summary", "Density", "Graph"):
        cells = [row[0] for row in workbook[name].iter_rows(values_only=True)]
        assert projection() in cells, name
    alone = openpyxl.load_workbook(_write(tmp_path, four_departments(), with_plan=False))
    for sheet in alone.worksheets:
        assert projection() not in [row[0] for row in sheet.iter_rows(values_only=True)]


def test_the_assumption_prints_whole_wrapped_across_the_table(tmp_path: Path) -> None:
    summary = openpyxl.load_workbook(_write(tmp_path, four_departments(), with_plan=True))[
        "Summary"
    ]
    (row,) = [c.row for c in summary["A"] if c.value == projection()]
    assert f"A{row}:D{row}" in {str(cells) for cells in summary.merged_cells.ranges}
    assert summary[f"A{row}"].alignment.wrap_text
    assert summary.row_dimensions[row].height >= 2 * LINE_POINTS


def test_every_summary_header_fits_its_column(tmp_path: Path) -> None:
    summary = openpyxl.load_workbook(_write(tmp_path, four_departments(), with_plan=True))[
        "Summary"
    ]
    (header,) = [row for row in summary.iter_rows() if row[0].value == "Figure"]
    for cell in header:
        width = summary.column_dimensions[cell.column_letter].width
        assert width >= len(str(cell.value)) + 1, cell.value


def test_japanese_text_counts_double_in_column_widths(tmp_path: Path) -> None:
    widths = []
    for name in ("Abcdefghijkl", "山田太郎山田太郎山田太郎"):
        instance = organisation(FOUR_DEPARTMENTS, FOUR_TIES, names={"a1": name})
        path = _write(tmp_path, instance, with_plan=False)
        widths.append(openpyxl.load_workbook(path)["People"].column_dimensions["B"].width)
    assert widths[1] == widths[0] + 12


def test_column_widths_fit_the_longest_value(tmp_path: Path) -> None:
    long_name = "Research and Development, Europe"
    instance = organisation({long_name: ["x1"], "B": ["b1"]}, [("x1", "b1")])
    sheet = openpyxl.load_workbook(_write(tmp_path, instance, with_plan=False))["Departments"]
    assert sheet.column_dimensions["A"].width >= len(long_name)


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_audit_workbook(tmp_path: Path) -> None:
    path = _write(tmp_path, four_departments(), with_plan=True)
    out = tmp_path / "pdf"
    convert(path, "pdf", out, tmp_path)
    pdf = out / "audit.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    assert openpyxl.load_workbook(path).sheetnames == SHEETS
