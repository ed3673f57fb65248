"""A sheet filled down to Excel's last row is read, not refused: an Interactions sheet of
1,048,575 ties validates in bounded processor time and memory, by calamine when the sheet is
plain and by the detailed reader when it holds a formula, and a problem in its very last row
is found at its cell. A one-row-per-person sheet that long is still refused (test_hostile_files)."""

from __future__ import annotations

import zipfile
from itertools import combinations, cycle
from pathlib import Path

import pytest
from conftest import MEASURED, run_cli
from hostile import EXCEL_ROWS, sheet_part

from crossteam.io.safety import open_workbook
from crossteam.models.limits import MAX_TIE_WEIGHT

SECONDS = 90.0
"""Processor seconds: the issue asks for under 60 s; on the development machine the plain
sheet takes about 7 s, the one the detailed reader reads about 14 s."""
MEGABYTES = 1536


def _ids(small_input: Path) -> list[str]:
    with open_workbook(small_input) as workbook:
        rows = workbook.read_sheet("Employees").rows
    return [str(cells[1]) for _, cells in rows[1:]]


def _filled(small_input: Path, target: Path, last_row: str) -> Path:
    """``small_input`` with Interactions holding a tie on every row down to Excel's last but
    one, and ``last_row`` as row 1,048,576. Written in pieces, so that this process stays
    small: a child's peak memory, as ``wait4`` reports it, starts from its parent's."""
    pairs = cycle(combinations(_ids(small_input), 2))
    part = sheet_part(small_input, "Interactions")
    header = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>employee_a</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>employee_b</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>weight</t></is></c></row>'
    )
    with (
        zipfile.ZipFile(small_input) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in source.infolist():
            if item.filename != part:
                out.writestr(item, source.read(item.filename))
                continue
            head, _, _ = source.read(part).decode("utf-8").partition("<sheetData>")
            with out.open(part, "w") as sheet:
                sheet.write(f"{head}<sheetData>{header}".encode())
                for start in range(2, EXCEL_ROWS, 10_000):
                    sheet.write(
                        "".join(
                            _tie(n, *next(pairs))
                            for n in range(start, min(start + 10_000, EXCEL_ROWS))
                        ).encode()
                    )
                sheet.write(f"{last_row}</sheetData></worksheet>".encode())
    return target


def _tie(n: int, a: str, b: str) -> str:
    return (
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{a}</t></is></c>'
        f'<c r="B{n}" t="inlineStr"><is><t>{b}</t></is></c><c r="C{n}"><v>{1 + n % 3}</v></c></row>'
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "last_row", "code", "where"),
    [
        (
            "plain",
            f'<row r="{EXCEL_ROWS}"><c r="A{EXCEL_ROWS}"><v>0</v></c></row>',
            2,
            f"Interactions!A{EXCEL_ROWS}",
        ),
        (
            "formula",
            f'<row r="{EXCEL_ROWS}"><c r="C{EXCEL_ROWS}"><f>1+1</f></c></row>',
            2,
            f"Interactions!C{EXCEL_ROWS}",
        ),
    ],
)
def test_a_full_height_interactions_sheet_is_read_to_its_last_row(
    case: str, last_row: str, code: int, where: str, small_input: Path, tmp_path: Path
) -> None:
    """The last row's problem (an id no employee has; a formula saved without its result)
    is found at its cell, so every row before it was read."""
    path = _filled(small_input, tmp_path / f"full-{case}.xlsx", last_row)
    before = path.read_bytes()
    done = run_cli("validate", path, timeout=4 * SECONDS)
    MEASURED.append((f"validate full-height Interactions ({case})", done))
    assert done.code == code, done.stderr
    assert where in done.stderr
    assert "Traceback" not in done.stderr
    assert done.cpu_seconds < SECONDS
    assert done.max_rss_mb < MEGABYTES
    assert path.read_bytes() == before


@pytest.mark.slow
def test_a_full_height_interactions_sheet_validates(small_input: Path, tmp_path: Path) -> None:
    """1,048,575 ties of 780 pairs add up within the weight limit: the workbook is valid."""
    assert 2 * EXCEL_ROWS * 3 < MAX_TIE_WEIGHT  # the sums stay in range
    path = _filled(small_input, tmp_path / "full.xlsx", "")
    done = run_cli("validate", path, timeout=4 * SECONDS)
    MEASURED.append(("validate full-height Interactions", done))
    assert done.code == 0, done.stderr
    assert done.cpu_seconds < SECONDS
    assert done.max_rss_mb < MEGABYTES
