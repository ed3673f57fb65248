"""Opening a user's workbook without trusting it: refuse what is not a sane .xlsx, then stream.

Every check here works from the file's first bytes and the zip directory, before any XML
is parsed, so a hostile file is refused in milliseconds and without inflating it. XML
parsing itself goes through defusedxml: openpyxl uses it whenever it is installed (it is a
hard dependency of crossteam), and ``open_workbook`` refuses to run if that ever changes.
Every failure becomes ``UnreadableFileError`` with one plain sentence.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser
from openpyxl.xml import DEFUSEDXML

from crossteam.errors import UnreadableFileError
from crossteam.io.cells import ExcelErrorValue, MissingFormulaResult

MAX_TOTAL_UNCOMPRESSED: Final = 1 << 30
"""Declared uncompressed size of all parts together (1 GiB): far above any real planning file."""
MAX_LOADED_PART: Final = 100 << 20
"""Parts openpyxl loads whole (shared strings, styles): 100 MiB; only worksheets stream."""
MAX_RATIO: Final = 200
"""Compression ratio refused for parts above ``RATIO_CHECK_ABOVE``: real XML stays far below."""
RATIO_CHECK_ABOVE: Final = 5 << 20
MAX_MEMBERS: Final = 10_000
XML_HEAD_BYTES: Final = 64 << 10
MAX_EMPTY_RUN: Final = 1_000
"""Stop reading a sheet after this many consecutive empty rows (formatted, but no values)."""

_OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
_WORKBOOK_PART: Final = "xl/workbook.xml"
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_SAVE_AS_XLSX: Final = "open it in Excel and save it as .xlsx (Excel Workbook)"
_UNSAFE_XML: Final = "declares a DTD or XML entities, which workbooks never need: refused as unsafe"


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of the file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_workbook_file(path: Path) -> None:
    """Refuse anything that is not a plain, reasonably sized .xlsx package.

    Raises:
        UnreadableFileError: with a one-line explanation of what the file looks like.
    """
    if not path.is_file():
        raise UnreadableFileError(f"{path.name}: no such file")
    with open(path, "rb") as handle:
        head = handle.read(8)
    if not head:
        raise UnreadableFileError(f"{path.name} is empty (0 bytes): {_SAVE_AS_XLSX}")
    if head.startswith(_OLE2_MAGIC):
        raise UnreadableFileError(
            f"{path.name} looks like an old .xls file or a password-protected workbook: "
            f"{_SAVE_AS_XLSX}, without a password"
        )
    if not head.startswith(_ZIP_MAGIC):
        raise UnreadableFileError(
            f"{path.name} is not an Excel workbook ({_looks_like(path)}): {_SAVE_AS_XLSX}"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            _check_members(path, archive)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,  # an encrypted zip member
        NotImplementedError,  # an unknown compression method
    ) as error:
        raise UnreadableFileError(
            f"{path.name} is damaged or incomplete ({error}): {_SAVE_AS_XLSX} again"
        ) from None


def _looks_like(path: Path) -> str:
    with open(path, "rb") as handle:
        sample = handle.read(4096)
    if b"\x00" in sample:
        return "an unknown binary file"
    if sample.lstrip().lower().startswith((b"<html", b"<!doctype html")):
        return "a web page saved with an Excel name"
    return "it looks like text or CSV"


def _check_members(path: Path, archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    names = {member.filename for member in members}
    if len(members) > MAX_MEMBERS:
        raise UnreadableFileError(f"{path.name} holds {len(members):,} parts: not a workbook")
    if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:100]:
        raise UnreadableFileError(
            f"{path.name} is an OpenDocument file (.ods): save it as .xlsx (Excel 2007-365) "
            "in LibreOffice or Excel"
        )
    if "xl/workbook.bin" in names:
        raise UnreadableFileError(f"{path.name} is a binary workbook (.xlsb): {_SAVE_AS_XLSX}")
    if _WORKBOOK_PART not in names:
        raise UnreadableFileError(
            f"{path.name} is a zip file without {_WORKBOOK_PART}, so not an Excel workbook"
            " (or a damaged one)"
        )
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise UnreadableFileError(
            f"{path.name} would unpack to {total / (1 << 30):.1f} GB, more than the "
            f"{MAX_TOTAL_UNCOMPRESSED >> 30} GB allowed: refused as a possible zip bomb"
        )
    for member in members:
        _check_member_size(path, member)
    for member in members:
        if member.filename.endswith((".xml", ".rels", ".vml")):
            _check_xml_head(path, archive, member)


def _check_member_size(path: Path, member: zipfile.ZipInfo) -> None:
    streamed = member.filename.startswith("xl/worksheets/")
    if not streamed and member.file_size > MAX_LOADED_PART:
        raise UnreadableFileError(
            f"{path.name}: part {member.filename} would unpack to "
            f"{member.file_size >> 20} MB, more than a planning workbook needs: refused"
        )
    ratio = member.file_size / max(member.compress_size, 1)
    if member.file_size > RATIO_CHECK_ABOVE and ratio > MAX_RATIO:
        raise UnreadableFileError(
            f"{path.name}: part {member.filename} is compressed {ratio:,.0f} to 1, "
            f"beyond the {MAX_RATIO} to 1 allowed: refused as a possible zip bomb"
        )


def _check_xml_head(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Refuse DTDs and entity declarations, which only XML attacks put in a workbook.

    They can only appear before the root element, hence within the first bytes; defusedxml
    guards the rest of the parse.
    """
    with archive.open(member) as part:
        head = part.read(XML_HEAD_BYTES)
    text = (
        head.decode("utf-16") if head[:2] in (b"\xff\xfe", b"\xfe\xff") else head.decode("latin-1")
    )
    if _DTD.search(text):
        raise UnreadableFileError(f"{path.name}: part {member.filename} {_UNSAFE_XML}")


@contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    """Check ``path`` and open it read-only with saved formula results; closes on exit.

    Yields:
        An openpyxl read-only workbook (``openpyxl.load_workbook(..., read_only=True,
        data_only=True)``).
    """
    if not DEFUSEDXML:
        raise UnreadableFileError(
            "refusing to read workbooks: openpyxl is not using defusedxml "
            "(is OPENPYXL_DEFUSEDXML set to False?)"
        )
    check_workbook_file(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types on damaged input
        if _caused_by_unsafe_xml(error):
            raise UnreadableFileError(f"{path.name} {_UNSAFE_XML}") from None
        raise UnreadableFileError(
            f"{path.name} is damaged and cannot be read ({type(error).__name__}): "
            f"{_SAVE_AS_XLSX} again"
        ) from None
    try:
        yield workbook
    finally:
        workbook.close()


def _caused_by_unsafe_xml(error: BaseException | None) -> bool:
    """True when defusedxml refused some XML (openpyxl wraps it in a ValueError)."""
    while error is not None:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
    return False


@dataclass(frozen=True)
class SheetContent:
    """The non-empty rows of one sheet, as ``(row number, {column number: value})``.

    Text is stripped and blank cells are left out, so a row that is only formatted
    is absent. ``stopped_at`` is the row where reading stopped after ``MAX_EMPTY_RUN``
    consecutive empty rows (``None`` when the sheet was read to its end);
    ``merged`` lists merged ranges such as ``"B5:B7"`` (known only when read to the end).
    """

    rows: tuple[tuple[int, dict[int, object]], ...]
    stopped_at: int | None
    merged: tuple[str, ...]


class _CellParser(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's streaming parser, also telling apart unsaved formulas and error cells.

    With saved results only (``data_only``), openpyxl reads a formula whose result was
    never saved, and an error cell, as plain values; the reader must report both.
    """

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        if cell["data_type"] == "e":
            cell["value"] = ExcelErrorValue(str(cell["value"]))
        elif cell["value"] is None and element.find(FORMULA_TAG) is not None:
            # Excel saves a formula whose result is "" as t="str" with an empty <v>; any
            # other formula without a value (openpyxl writes <v/>) was never calculated.
            empty_text = element.get("t") == "str" and element.find(VALUE_TAG) is not None
            if not empty_text:
                cell["value"] = MissingFormulaResult()
        return cell


def read_sheet(worksheet: ReadOnlyWorksheet, sheet_name: str) -> SheetContent:
    """Stream one sheet's non-empty rows; an early stop keeps huge empty sheets fast.

    Raises:
        UnreadableFileError: the sheet's XML is damaged.
    """
    workbook = worksheet.parent
    rows: list[tuple[int, dict[int, object]]] = []
    empty_run = 0
    stopped_at: int | None = None
    try:
        with worksheet._get_source() as source:
            parser = _CellParser(
                source,
                worksheet._shared_strings,
                data_only=True,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            for number, cells in parser.parse():
                values = _row_values(cells)
                if values:
                    rows.append((number, values))
                    empty_run = 0
                    continue
                empty_run += 1
                if empty_run >= MAX_EMPTY_RUN:
                    stopped_at = number
                    break
            merged = parser.merged_cells
    except Exception as error:  # damaged sheet XML surfaces as many openpyxl error types
        if _caused_by_unsafe_xml(error):
            raise UnreadableFileError(f"sheet {sheet_name!r} {_UNSAFE_XML}") from None
        raise UnreadableFileError(
            f"sheet {sheet_name!r} is damaged and cannot be read ({type(error).__name__}): "
            f"{_SAVE_AS_XLSX} again"
        ) from None
    ranges = tuple(m.ref for m in merged.mergeCell) if merged and stopped_at is None else ()
    return SheetContent(tuple(rows), stopped_at, ranges)


def _row_values(cells: list[dict[str, Any]]) -> dict[int, object]:
    values: dict[int, object] = {}
    for cell in cells:
        value = cell["value"]
        if isinstance(value, str):
            value = value.strip()
            if not value:
                continue
        if value is not None:
            values[cell["column"]] = value
    return values
