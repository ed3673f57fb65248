"""Writing workbooks that read well in Excel and LibreOffice.

Every writer builds its workbook through ``BookWriter``: user text always lands as a
literal string (never a formula), tables are real Excel tables with valid names and
headers, columns are wide enough for what they hold (Japanese characters count double),
header rows stay frozen and repeat on every printed page, and every sheet prints on A4
landscape, one page wide. ``fill`` is the one way any writer puts a value in a cell
(``streamed`` its counterpart for rows streamed by the input writer); ``display_width`` and
``print_setup`` serve the writers that do not build through ``BookWriter`` too (audit,
template, input).
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from crossteam import i18n

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

CellValue = str | int | float | bool | None
Destination = Path | BinaryIO
"""Where a writer saves a workbook: a file, or an open binary file (``io.BytesIO``)."""

MAX_SHEET_TITLE: Final = 31
"""Excel refuses longer sheet names."""
MAX_CELL_TEXT: Final = 32_767
"""Excel shows at most this many characters in a cell."""
CUT_MARK: Final = "…"
"""The last character of a text cut to fit a cell, so that the cut shows."""
MIN_WIDTH: Final = 6.0
MAX_WIDTH: Final = 60.0
FILTER_BUTTON_WIDTH: Final = 3.0
"""A table header also shows the filter drop-down button."""
DEFAULT_WIDTH: Final = 8.43
"""Width of a column no one sized (Excel's default, in widths of the digit 0)."""
LINE_POINTS: Final = 15.0
"""Height of one line of 11-point text in a row."""
WRAP_SLACK: Final = 0.85
"""Share of a wrapped cell's width that a line fills: words do not break mid-word, and
proportional text is not exactly as wide as the digits column widths are measured in."""

GENERAL: Final = "General"
INTEGER: Final = "0"
DECIMAL: Final = "0.000"
SIGNED: Final = "+0.000;-0.000;0.000"
PERCENT: Final = "0.0%"
SECONDS: Final = "0.0"
"""Number formats shared by the writers."""

TITLE_FONT: Final = Font(bold=True, size=14)
HEADING_FONT: Final = Font(bold=True, size=12)
TABLE_STYLE: Final = "TableStyleMedium2"

_SHEET_TITLE_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
_TABLE_NAME_FORBIDDEN: Final = re.compile(r"[^\w.]")
_LOOKS_LIKE_REFERENCE: Final = re.compile(r"^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$")


def display_width(text: str) -> int:
    """Columns ``text`` takes on screen: wide and full-width (East Asian) characters count
    double, as ``unicodedata.east_asian_width`` rates them ("W", "F"); every writer sizes
    its columns with this one function (``i18n.width``, spared for ASCII text)."""
    if text.isascii():
        return len(text)
    return i18n.width(text)


def print_setup(worksheet: Worksheet | WriteOnlyWorksheet, title_rows: int | None = 1) -> None:
    """Print ``worksheet`` on A4 landscape, scaled to one page wide and as many pages tall
    as it needs, with row ``title_rows`` (a header, or the sheet's title) on every page."""
    worksheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    worksheet.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_rows is not None:
        worksheet.print_title_rows = f"{title_rows}:{title_rows}"


class CutTextWarning(UserWarning):
    """A text longer than a cell holds was cut to ``MAX_CELL_TEXT`` characters, the last
    one ``CUT_MARK``; the message is the cell (``Teams!C4``). The command line tells them."""


def literal_text(text: str) -> str:
    """``text`` as a cell can hold it: control characters removed, and cut to Excel's length
    limit with ``CUT_MARK`` as its last character (``is_cut`` tells when)."""
    if not text.isprintable():  # a fast test that spares the regex for ordinary text
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_TEXT:
        return text[: MAX_CELL_TEXT - 1] + CUT_MARK
    return text


def is_cut(text: str) -> bool:
    """True when ``literal_text`` cuts ``text``."""
    return len(text) > MAX_CELL_TEXT and len(ILLEGAL_CHARACTERS_RE.sub("", text)) > MAX_CELL_TEXT


def warn_cut(cell: Cell) -> None:
    """Say that ``cell``'s text was cut (see ``CutTextWarning``)."""
    warnings.warn(CutTextWarning(f"{cell.parent.title}!{cell.coordinate}"), stacklevel=3)


def sheet_title(name: str, taken: Collection[str] = ()) -> str:
    """A valid sheet name close to ``name``: no ``[]:*?/\\``, at most 31 characters, and
    unique (case-insensitively, as Excel compares them) among ``taken``."""
    title = _SHEET_TITLE_FORBIDDEN.sub("_", literal_text(name)).strip().strip("'")
    title = title[:MAX_SHEET_TITLE] or "Sheet"
    return _unique(title, taken, MAX_SHEET_TITLE, " ({})")


def table_name(name: str, taken: Collection[str] = ()) -> str:
    """A valid Excel table name close to ``name``, unique (case-insensitively) among ``taken``.

    Table names hold letters, digits, ``_`` and ``.``, start with a letter or ``_`` and
    must not read as a cell reference (``A1``, ``R1C1``).
    """
    table = _TABLE_NAME_FORBIDDEN.sub("_", name) or "Table"
    if not (table[0].isalpha() or table[0] == "_") or _LOOKS_LIKE_REFERENCE.match(table):
        table = f"_{table}"
    return _unique(table[:255], taken, 255, "_{}")


def unique_headers(headers: Iterable[str]) -> list[str]:
    """Headers a table accepts: non-empty, one line, unique case-insensitively."""
    out: list[str] = []
    for header in headers:
        text = " ".join(literal_text(header).split()) or "column"
        out.append(_unique(text, out, MAX_CELL_TEXT, " ({})"))
    return out


def _unique(name: str, taken: Collection[str], limit: int, suffix: str) -> str:
    """``name``, or ``name`` with ``suffix`` numbered 2, 3... when ``taken`` holds it."""
    folded = {t.casefold() for t in taken}
    candidate = name
    number = 2
    while candidate.casefold() in folded:
        numbered = suffix.format(number)
        candidate = name[: limit - len(numbered)] + numbered
        number += 1
    return candidate


def fill(cell: Cell, value: CellValue, *, empty_as_blank: bool = False) -> Cell:
    """Write ``value`` into ``cell``, the one way every writer does: text is stored as a
    literal string, never a formula, cut visibly to fit (``literal_text``). Empty text is
    an empty string, or a blank cell with ``empty_as_blank`` (the audit workbook's cells).

    openpyxl turns any text starting with ``=`` into a formula on assignment, so the cell's
    type is forced back to string afterwards.
    """
    if value == "" and empty_as_blank:
        cell.value = None
    elif isinstance(value, str):
        cell.value = literal_text(value)
        cell.data_type = "s"
        if is_cut(value):
            warn_cut(cell)
    elif value is not None:
        cell.value = value
    return cell


def put(worksheet: Worksheet, row: int, column: int, value: CellValue) -> Cell:
    """Write ``value`` into a cell of ``worksheet`` (see ``fill``)."""
    return fill(worksheet.cell(row=row, column=column), value)


def append(worksheet: Worksheet, values: Iterable[object]) -> None:
    """Add ``values`` as the next row of ``worksheet``, each cell written by ``fill``."""
    worksheet.append(list(values))
    for cell in worksheet[worksheet.max_row]:
        if isinstance(cell.value, str):
            fill(cell, cell.value)


def streamed(worksheet: WriteOnlyWorksheet, value: CellValue) -> CellValue | WriteOnlyCell:
    """``value`` as a streamed (write-only) sheet's row holds it: the counterpart of
    ``fill`` for writers that stream rows."""
    if not isinstance(value, str):
        return value
    text = literal_text(value)
    if not text.startswith("="):
        return text
    cell = WriteOnlyCell(worksheet, text)
    cell.data_type = "s"
    return cell


def cell_width(value: CellValue) -> int:
    """Columns a cell's value takes on screen: its widest line of text (``display_width``),
    or a number as the formats show it."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max((display_width(line) for line in value.splitlines()), default=0)
    if isinstance(value, float):
        return min(len(f"{value:,.3f}"), 16)
    return len(str(value))


@dataclass(frozen=True)
class Column:
    """A table column: its header and the number format of its numeric cells."""

    header: str
    number_format: str | None = None


@dataclass(frozen=True)
class Area:
    """Where a table landed: header row, last row, first and last column (1-based)."""

    top: int
    bottom: int
    left: int
    right: int

    def column_range(self, offset: int) -> str:
        """The data cells of the table's ``offset``-th column (0-based), e.g. ``C2:C40``."""
        letter = get_column_letter(self.left + offset)
        return f"{letter}{self.top + 1}:{letter}{self.bottom}"


class BookWriter:
    """A workbook under construction that keeps every name valid and fits column widths."""

    def __init__(self) -> None:
        self.workbook = Workbook()
        self.workbook.remove(self.workbook.active)
        self._tables: list[str] = []
        self._widths: dict[str, dict[int, float]] = {}
        self._paragraphs: list[tuple[Worksheet, int, int, str]] = []
        self.cut_cells: list[str] = []
        """Cells whose text was cut to fit (``Teams!C4``), in the order written."""

    def sheet(self, title: str) -> Worksheet:
        """A new sheet, laid out to print on A4 landscape, one page wide; its first row
        repeats on every page unless a table's header row or the writer says otherwise."""
        worksheet = self.workbook.create_sheet(sheet_title(title, self.workbook.sheetnames))
        print_setup(worksheet, title_rows=None)
        self._widths[worksheet.title] = {}
        return worksheet

    def style(self, name: str, fill: PatternFill) -> str:
        """A named cell style with ``fill``, registered once; assign it as ``cell.style``.

        Assigning a named style is much cheaper than assigning a fill to each of many
        cells (openpyxl hashes the fill object on every assignment).
        """
        if name not in self.workbook.named_styles:
            self.workbook.add_named_style(NamedStyle(name=name, fill=fill))
        return name

    def write(
        self,
        worksheet: Worksheet,
        row: int,
        column: int,
        value: CellValue,
        number_format: str | None = None,
        *,
        fit: bool = True,
    ) -> Cell:
        """Write one cell (text as literal text) and widen its column to fit when ``fit``."""
        cell = put(worksheet, row, column, value)
        if isinstance(value, str) and is_cut(value):
            self.cut_cells.append(f"{worksheet.title}!{cell.coordinate}")
        if number_format is not None and isinstance(value, int | float):
            cell.number_format = number_format
        if fit:
            self._fit(worksheet, column, cell_width(value))
        return cell

    def widen(self, worksheet: Worksheet, column: int, width: float) -> None:
        """Make ``column`` at least ``width`` wide (room for a paragraph above it)."""
        self._fit(worksheet, column, width)

    def paragraph(
        self, worksheet: Worksheet, row: int, text: str, columns: int, font: Font | None = None
    ) -> Cell:
        """``text`` wrapped across the first ``columns`` columns of ``row``, which is made tall
        enough for it when the workbook is saved (neither Excel nor LibreOffice sizes a row
        of merged cells), so that it prints whole within the page width."""
        cell = self.write(worksheet, row, 1, text, fit=False)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if font is not None:
            cell.font = font
        if columns > 1:
            worksheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
        self._paragraphs.append((worksheet, row, columns, text))
        return cell

    def title(self, worksheet: Worksheet, row: int, text: str, *, heading: bool = False) -> None:
        """A sheet title (or a smaller heading), which never widens its column."""
        cell = self.write(worksheet, row, 1, text, fit=False)
        cell.font = HEADING_FONT if heading else TITLE_FONT

    def table(
        self,
        worksheet: Worksheet,
        name: str,
        columns: Sequence[Column | str],
        rows: Iterable[Sequence[CellValue]],
        *,
        top: int = 1,
        left: int = 1,
        frozen_columns: int | None = 0,
        style: str = TABLE_STYLE,
    ) -> Area:
        """Write a header and ``rows`` as a real Excel table named after ``name``.

        ``frozen_columns`` columns left of the table and its header row stay in view while
        scrolling (``None``: freeze nothing, for sheets holding several tables); the header
        row also repeats on every printed page. An empty table keeps one blank row, since
        Excel refuses a table without one (the template's input tables are such). ``style``
        is Excel's table style.
        """
        specs = [c if isinstance(c, Column) else Column(c) for c in columns]
        headers = unique_headers(c.header for c in specs)
        for offset, header in enumerate(headers):
            self.write(worksheet, top, left + offset, header)
            self._fit(worksheet, left + offset, display_width(header) + FILTER_BUTTON_WIDTH)
        row = top
        for row, values in enumerate(rows, start=top + 1):
            for offset, (spec, value) in enumerate(zip(specs, values, strict=True)):
                if value is not None:
                    self.write(worksheet, row, left + offset, value, spec.number_format)
        bottom = max(row, top + 1)
        area = Area(top, bottom, left, left + len(specs) - 1)
        ref = f"{get_column_letter(area.left)}{top}:{get_column_letter(area.right)}{bottom}"
        display_name = table_name(name, self._tables)
        self._tables.append(display_name)
        table = Table(displayName=display_name, ref=ref, autoFilter=AutoFilter(ref=ref))
        # name the columns from the headers written above, so they match exactly
        for number, header in enumerate(headers, start=1):
            table.tableColumns.append(TableColumn(id=number, name=header))
        table.tableStyleInfo = TableStyleInfo(name=style, showRowStripes=True)
        worksheet.add_table(table)
        if frozen_columns is not None:
            worksheet.freeze_panes = worksheet.cell(row=top + 1, column=left + frozen_columns)
            worksheet.print_title_rows = f"{top}:{top}"
        return area

    def _fit(self, worksheet: Worksheet, column: int, width: float) -> None:
        widths = self._widths[worksheet.title]
        if width > widths.get(column, 0):
            widths[column] = width

    def save(self, path: Destination) -> None:
        """Set the fitted column widths and paragraph heights, give a sheet without print
        titles its first row as one, and write the workbook to ``path``."""
        fitted: dict[str, dict[int, float]] = {}
        for worksheet in self.workbook.worksheets:
            widths = fitted[worksheet.title] = {
                column: min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
                for column, width in self._widths[worksheet.title].items()
            }
            for column, width in widths.items():
                worksheet.column_dimensions[get_column_letter(column)].width = width
            if not worksheet.print_title_rows:
                worksheet.print_title_rows = "1:1"
        for worksheet, row, columns, text in self._paragraphs:
            widths = fitted[worksheet.title]
            span = sum(widths.get(column, DEFAULT_WIDTH) for column in range(1, columns + 1))
            larger = _size_ratio(worksheet, row)  # larger letters: fewer to a line, taller
            lines = paragraph_lines(text, span / larger)
            worksheet.row_dimensions[row].height = lines * LINE_POINTS * larger
        self.workbook.save(path)


def paragraph_lines(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped in a cell ``width`` wide (in widths of the digit 0)."""
    per_line = max(width * WRAP_SLACK, 1.0)
    return sum(max(1, math.ceil(display_width(line) / per_line)) for line in text.splitlines())


def _size_ratio(worksheet: Worksheet, row: int) -> float:
    """How much larger than 11 points the first cell of ``row`` is written."""
    size = worksheet.cell(row=row, column=1).font.size
    return max(float(size or 11) / 11, 1.0)
