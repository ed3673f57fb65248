"""Hostile and broken workbooks, built from a good one: each the way it reaches a planner.

Every builder takes a good workbook (an input or a plan) and the sheet whose data it should
spoil, and writes the spoiled copy. File-level cases (bombs, foreign formats, damage) do not
depend on the sheet; cell-level cases put one bad cell on that sheet's first data row.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

import openpyxl

Builder = Callable[[Path, str, Path], None]
"""(good workbook, sheet to spoil, where to write the spoiled copy)."""

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXCEL_ROWS = 1_048_576
BOMB_PART_BYTES = 64 << 20
"""A worksheet part that inflates from well under 1 MB: far beyond the allowed ratio."""
MARK = "HOSTILEMARK"


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(target: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def sheet_part(path: Path, sheet: str) -> str:
    """The zip part holding ``sheet``, by workbook order (openpyxl names them sheetN.xml)."""
    with zipfile.ZipFile(path) as archive:
        names = re.findall(rb'<sheet [^>]*name="([^"]+)"', archive.read("xl/workbook.xml"))
    index = [n.decode() for n in names].index(sheet)
    return f"xl/worksheets/sheet{index + 1}.xml"


def _with_sheet_xml(good: Path, sheet: str, target: Path, edit: Callable[[str], str]) -> None:
    parts = _parts(good)
    part = sheet_part(good, sheet)
    parts[part] = edit(parts[part].decode("utf-8")).encode("utf-8")
    _zip(target, parts)


def _with_cell(good: Path, sheet: str, target: Path, value: object, *, merge: bool = False) -> None:
    """Put ``value`` in the first cell of the sheet's first data row (row 2)."""
    book = openpyxl.load_workbook(good)
    cells = book[sheet]
    cells.cell(row=2, column=1).value = value
    if merge:  # the id of row 3 merged into row 2's: row 3 loses its id
        cells.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    book.save(target)


def zip_bomb(good: Path, sheet: str, target: Path) -> None:
    rows = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    filler = b"<row/>" * (BOMB_PART_BYTES // 6)
    parts = _parts(good)
    parts[sheet_part(good, sheet)] = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>" + rows + filler + b"</sheetData></worksheet>"
    )
    _zip(target, parts)


def entity_bomb(good: Path, sheet: str, target: Path) -> None:
    """Billion laughs: nine levels of ten, a thousand million "lol"s from one reference."""
    entities = ['<!ENTITY lol1 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(2, 10)
    ]
    doctype = f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(entities)}]>\n'
    _with_cell(good, sheet, target, MARK)
    _with_sheet_xml(
        target,
        sheet,
        target,
        lambda xml: doctype + re.sub(r"^<\?xml[^>]*\?>", "", xml).replace(MARK, "&lol9;"),
    )


def truncated(good: Path, sheet: str, target: Path) -> None:
    data = good.read_bytes()
    target.write_bytes(data[: len(data) * 2 // 3])


def _ole2(body: bytes) -> bytes:
    # A Compound File header: magic, then a sector of padding; enough for any detector.
    return OLE2_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + body.ljust(504, b"\0")


def xls_renamed(good: Path, sheet: str, target: Path) -> None:
    target.write_bytes(_ole2("Workbook".encode("utf-16-le")))


def password_protected(good: Path, sheet: str, target: Path) -> None:
    # Excel saves an encrypted .xlsx as an OLE2 container holding these streams.
    streams = "EncryptionInfo\0EncryptedPackage\0DataSpaces".encode("utf-16-le")
    target.write_bytes(_ole2(streams))


def csv_renamed(good: Path, sheet: str, target: Path) -> None:
    target.write_text("employee_id,name,department\nE1,Sato Hana,Sales\n", encoding="utf-8")


def ods_renamed(good: Path, sheet: str, target: Path) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")


@cache
def _filled_rows() -> str:
    return "".join(
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}"><v>{n % 97}</v></c></row>'
        for n in range(2, EXCEL_ROWS + 1)
    )


def million_rows(good: Path, sheet: str, target: Path) -> None:
    """Every one of Excel's rows filled, as a pasted or filled-down column leaves them."""
    rows = _filled_rows()

    def fill(xml: str) -> str:
        head, _, _ = xml.partition("<sheetData>")
        first_row = re.search(r"<row .*?</row>", xml)
        assert first_row is not None
        return f"{head}<sheetData>{first_row.group(0)}{rows}</sheetData></worksheet>"

    _with_sheet_xml(good, sheet, target, fill)


def long_cell(good: Path, sheet: str, target: Path) -> None:
    _with_cell(good, sheet, target, "E" * 10_001)


def control_characters(good: Path, sheet: str, target: Path) -> None:
    # Raw control bytes, as a careless exporter writes them: not even legal XML.
    _with_cell(good, sheet, target, MARK)
    _with_sheet_xml(target, sheet, target, lambda xml: xml.replace(MARK, "E\x01\x07\x1b1"))


def merged_cells(good: Path, sheet: str, target: Path) -> None:
    _with_cell(good, sheet, target, "E-merged", merge=True)


def formula_without_result(good: Path, sheet: str, target: Path) -> None:
    _with_cell(good, sheet, target, '=CONCAT("E", 1)')


def formula_with_error_result(good: Path, sheet: str, target: Path) -> None:
    # Saved by Excel: the formula and its cached result, here the lookup that found nothing.
    _with_cell(good, sheet, target, MARK)
    _with_sheet_xml(
        target,
        sheet,
        target,
        lambda xml: re.sub(
            rf'<c r="A2" t="inlineStr"><is><t>{MARK}</t></is></c>',
            '<c r="A2" t="e"><f>VLOOKUP(B2,Old!A:B,2,FALSE)</f><v>#N/A</v></c>',
            xml,
        ),
    )


def date_as_id(good: Path, sheet: str, target: Path) -> None:
    # Excel turns an id such as 3-12 into the 12th of March.
    _with_cell(good, sheet, target, date(2026, 3, 12))


FILE_CASES: dict[str, Builder] = {
    "zip_bomb": zip_bomb,
    "entity_bomb": entity_bomb,
    "truncated_zip": truncated,
    "xls_renamed": xls_renamed,
    "password_protected": password_protected,
    "csv_renamed": csv_renamed,
    "ods_renamed": ods_renamed,
}
CELL_CASES: dict[str, Builder] = {
    "million_rows": million_rows,
    "long_cell": long_cell,
    "control_characters": control_characters,
    "merged_cells": merged_cells,
    "formula_without_result": formula_without_result,
    "formula_with_error_result": formula_with_error_result,
    "date_as_id": date_as_id,
}
CASES: dict[str, Builder] = {**FILE_CASES, **CELL_CASES}
