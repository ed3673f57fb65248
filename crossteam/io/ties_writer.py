"""The workbook ``crossteam ties`` writes: the input workbook as it is, its Interactions
sheet replaced by the ties found (which hold the workbook's own with ``--merge``), and a
Ties Report sheet saying what each source gave and which department pairs are still
silent.

Every other sheet, value and style of the input is kept. Only file names, kinds, counts,
addresses or ids that matched nobody, dates and department names are written: nothing of
a message's or a meeting's content ever reaches this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.cells import as_text
from crossteam.io.excel import CellValue, put
from crossteam.io.reader.table import column_name
from crossteam.io.safety import editable_copy
from crossteam.models import Interaction
from crossteam.models.ties import SourceReport, TiesOptions, TiesResult

REPORT_SHEET: Final = "Ties Report"  # not shown: i18n.name shows it
UNMATCHED_SHOWN: Final = 20
"""Addresses or ids that matched nobody, listed per source (the most frequent first)."""
HEADER_SEARCH_ROWS: Final = 5
_BOLD: Final = Font(bold=True)
_TITLE: Final = Font(bold=True, size=14)
_HEADING: Final = Font(bold=True, size=12)
_WEIGHT_FORMAT: Final = "0.######"
_WIDTHS: Final = (28, 16, 12, 12, 14, 14, 12, 14, 12, 12)


def write_ties(stream: BinaryIO, source: Path, result: TiesResult, options: TiesOptions) -> None:
    """Write ``source``'s workbook with ``result``'s ties and its Ties Report.

    Raises:
        UnreadableFileError: ``source`` cannot be opened as a workbook to copy.
    """
    book = editable_copy(source)  # a protected input: decrypted in memory
    replace_interactions(book, result.found.interactions)
    _write_report(_report_sheet(book), result, options)
    book.save(stream)


def replace_interactions(book: Workbook, ties: Iterable[Interaction]) -> None:
    """Make ``book``'s Interactions sheet hold ``ties`` only: in its place, under its own
    headers when it has them; added after Employees and Skills, headed in the run's
    language, when it has none."""
    found = _sheet_named(book, schema.INTERACTIONS)
    headers: dict[str, str] = {}
    if found is not None:
        headers = _headers(found)
        sheet = _replace(book, found)
    else:
        before = [_sheet_named(book, s) for s in (schema.EMPLOYEES, schema.SKILLS)]
        position = 1 + max((book.worksheets.index(s) for s in before if s), default=-1)
        sheet = book.create_sheet(i18n.name(schema.INTERACTIONS.name), position)
    for column, spec in enumerate(schema.INTERACTIONS.columns, start=1):
        put(sheet, 1, column, headers.get(spec.name) or i18n.name(spec.name)).font = _BOLD
    for row, tie in enumerate(ties, start=2):
        put(sheet, row, 1, tie.employee_a)
        put(sheet, row, 2, tie.employee_b)
        put(sheet, row, 3, tie.weight).number_format = _WEIGHT_FORMAT
    sheet.freeze_panes = "A2"
    for column in (1, 2, 3):
        sheet.column_dimensions[get_column_letter(column)].width = 16


def _sheet_named(book: Workbook, spec: schema.Sheet) -> Worksheet | None:
    names = {schema.match_key(n) for n in (spec.name, *spec.aliases, *i18n.names(spec.name))}
    return next((s for s in book.worksheets if schema.match_key(s.title) in names), None)


def _headers(sheet: Worksheet) -> dict[str, str]:
    """Interactions' headers as the sheet writes them: column name -> header."""
    for row in sheet.iter_rows(min_row=1, max_row=min(HEADER_SEARCH_ROWS, sheet.max_row)):
        found: dict[str, str] = {}
        for cell in row:
            name, _ = column_name(schema.INTERACTIONS, as_text(cell.value))
            if name is not None and name not in found:
                found[name] = as_text(cell.value)
        if found:
            return found
    return {}


def _replace(book: Workbook, sheet: Worksheet) -> Worksheet:
    """An empty sheet in ``sheet``'s place, of its title."""
    title, position = sheet.title, book.worksheets.index(sheet)
    book.remove(sheet)
    return book.create_sheet(title, position)


def _report_sheet(book: Workbook) -> Worksheet:
    """The Ties Report sheet, empty: an earlier run's (in either language) replaced in its
    place, or a new one after the last sheet."""
    for sheet in book.worksheets:
        if i18n.canonical(sheet.title, [REPORT_SHEET]) is not None:
            return _replace(book, sheet)
    return book.create_sheet(i18n.name(REPORT_SHEET))


@dataclass
class _Cursor:
    """Where the next line of the report goes."""

    sheet: Worksheet
    row: int = 1

    def line(self, values: Sequence[CellValue], font: Font | None = None) -> None:
        for column, value in enumerate(values, start=1):
            cell = put(self.sheet, self.row, column, value)
            if font is not None:
                cell.font = font
            if isinstance(value, float):
                cell.number_format = _WEIGHT_FORMAT
        self.row += 1

    def table(
        self, title: str, headers: Sequence[str], rows: Iterable[Sequence[CellValue]]
    ) -> None:
        self.row += 1
        self.line([title], _HEADING)
        self.line([i18n.name(h) for h in headers], _BOLD)
        written = 0
        for row in rows:
            self.line(row)
            written += 1
        if not written:
            self.line([i18n.t("ties_command.report.none")])


def _write_report(sheet: Worksheet, result: TiesResult, options: TiesOptions) -> None:
    reports = result.found.reports
    at = _Cursor(sheet)
    at.line([i18n.t("ties_command.report.title")], _TITLE)
    at.line([_made_line(result, options)])
    at.table(
        i18n.t("ties_command.report.sources"),
        SOURCE_HEADERS,
        (_source_row(r) for r in reports),
    )
    at.table(
        i18n.t("ties_command.report.skipped"),
        ("source_file", "reason", "count"),
        (
            (r.file, skip_reason(reason), count)
            for r in reports
            for reason, count in sorted(r.skipped.items())
        ),
    )
    at.table(
        i18n.t("ties_command.report.unmatched", shown=UNMATCHED_SHOWN),
        ("source_file", "address_or_id", "count"),
        (
            (r.file, token, count)
            for r in reports
            for token, count in r.unmatched.most_common(UNMATCHED_SHOWN)
        ),
    )
    at.table(
        i18n.t("ties_command.report.gap_pairs", count=len(result.gap_pairs)),
        ("department_a", "department_b"),
        result.gap_pairs,
    )
    for column, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


SOURCE_HEADERS: Final = (
    "source_file",
    "source_kind",
    "rows_read",
    "skipped",
    "people_matched",
    "not_matched",
    "pairs",
    "total_weight",
    "first_day",
    "last_day",
)


def _source_row(report: SourceReport) -> tuple[CellValue, ...]:
    return (
        report.file,
        kind_name(report),
        report.rows_read,
        sum(report.skipped.values()),
        len(report.matched),
        len(report.unmatched),
        report.pairs,
        round(report.total_weight, 6),
        i18n.day(report.first_day) if report.first_day else None,
        i18n.day(report.last_day) if report.last_day else None,
    )


def kind_name(report: SourceReport) -> str:
    """The source's kind in the run's language."""
    return i18n.t(f"ties_command.kind.{report.kind.value}")


def skip_reason(reason: str) -> str:
    """Why rows were skipped, in the run's language (a reason the catalogue does not know,
    from a newer reader, as its key)."""
    try:
        return i18n.t(f"ties_command.skip.{reason}")
    except KeyError:
        return reason


def _made_line(result: TiesResult, options: TiesOptions) -> str:
    window = options.window
    return i18n.t(
        "ties_command.report.made",
        ties=i18n.counted(len(result.found.interactions), "tie"),
        sources=i18n.counted(len(result.found.reports), "source"),
        since=window.since.isoformat() if window.since else "-",
        until=window.until.isoformat() if window.until else "-",
        half_life="-" if options.half_life is None else f"{options.half_life:g}",
        min_weight=f"{options.min_weight:g}",
        mode=i18n.t(
            "ties_command.report.merged" if options.merge else "ties_command.report.replaced"
        ),
    )


def _mode(options: TiesOptions) -> str:
    if options.merge:
        return i18n.t("ties_command.report.merged")
    return i18n.t("ties_command.report.replaced")
