"""Finding the contract's sheets in a workbook, each sheet's header row and columns, and what
of its layout a planner should know of: hidden rows, merged cells, the template's examples."""

from __future__ import annotations

from bisect import bisect_right

from openpyxl.utils import get_column_letter

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.cells import as_text
from crossteam.io.labels import label
from crossteam.io.reader.problems import Problems
from crossteam.io.reader.table import Table, column_name
from crossteam.io.safety import SheetContent, Workbook
from crossteam.models.limits import MAX_PEOPLE
from crossteam.models.text import clean, look_alike_letters
from crossteam.models.wording import runs

HEADER_SEARCH_ROWS = 5
"""The header is the first non-empty row among the first rows (titles may sit above it)."""
NOTE_SHEETS = frozenset(
    {"instructions", "examples", "readme", "説明", "使い方", "記入例", "sweep"}
    | {"ties_report", "交流の集計"}
)
"""Sheets a person keeps for notes (the template writes Instructions and Examples), the
Sweep sheet that ``crossteam sweep`` reads from the same workbook, and the Ties Report
``crossteam ties`` adds: ignored silently."""
_SHEETS_BY_KEY = {
    schema.match_key(name): sheet
    for sheet in schema.SHEETS
    for name in (sheet.name, *sheet.aliases)
}
_SHEETS_BY_LOOK_ALIKE_KEY = {
    schema.look_alike_key(name): sheet
    for sheet in schema.SHEETS
    for name in (sheet.name, *sheet.aliases)
}


def find_sheets(workbook: Workbook, problems: Problems, unreadable: set[str]) -> dict[str, str]:
    """The workbook's title of each sheet of the contract it has; a required sheet it lacks
    joins ``unreadable``."""
    found: dict[str, str] = {}
    for title in workbook.titles:
        sheet = _SHEETS_BY_KEY.get(schema.match_key(title))
        if sheet is None:
            sheet = _SHEETS_BY_LOOK_ALIKE_KEY.get(schema.look_alike_key(title))
            if sheet is not None:
                problems.add(
                    i18n.t(
                        "reader.sheet_look_alike",
                        sheet=label(sheet.name),
                        letters=look_alike_letters(title),
                    ),
                    sheet=title,
                    warning=True,
                )
        if sheet is None:
            if schema.normalise(title) not in NOTE_SHEETS:
                problems.add(i18n.t("reader.sheet_unknown"), sheet=title, warning=True)
            continue
        if sheet.name in found:
            problems.add(
                i18n.t("reader.sheet_twice", sheet=label(sheet.name), first=found[sheet.name]),
                sheet=title,
            )
            continue
        found[sheet.name] = title
    for sheet in schema.SHEETS:
        if sheet.required and sheet.name not in found:
            unreadable.add(sheet.name)
            problems.add(
                i18n.t("reader.sheet_missing", sheet=label(sheet.name)), sheet=label(sheet.name)
            )
    return found


def read_table(
    workbook: Workbook,
    sheet: schema.Sheet,
    title: str,
    problems: Problems,
    unreadable: set[str],
) -> Table | None:
    """The sheet ``title`` as ``sheet`` of the contract; ``None`` when it is empty (a
    required one then joins ``unreadable``)."""
    content = workbook.read_sheet(title, MAX_PEOPLE if sheet is schema.EMPLOYEES else None)
    header = _header_row(sheet, content)
    if header is None:
        if sheet.required:
            unreadable.add(sheet.name)
            problems.add(i18n.t("reader.sheet_empty", sheet=label(sheet.name)), sheet=title)
        return None
    header_row, header_cells = header
    headers: dict[int, str] = {}
    columns: dict[str, int] = {}
    extras: dict[int, str] = {}
    for index, value in sorted(header_cells.items()):
        text = clean(as_text(value))
        if not text:  # only invisible characters: no header
            continue
        headers[index] = text
        name, look_alike = column_name(sheet, text)
        if look_alike:
            problems.add(
                i18n.t(
                    "reader.column_look_alike",
                    header=text,
                    column=label(name or ""),
                    letters=look_alike_letters(text),
                ),
                sheet=title,
                row=header_row,
                column=text,
                index=index,
                warning=True,
            )
        if name is None:
            extras[index] = text
        elif name in columns:
            problems.add(
                i18n.t(
                    "reader.column_twice",
                    column=label(name),
                    first=get_column_letter(columns[name]),
                ),
                sheet=title,
                row=header_row,
                column=text,
                index=index,
            )
        else:
            columns[name] = index
    # rows come in order: the data rows are those after the header's
    rows = content.rows[bisect_right(content.rows, header_row, key=lambda row: row[0]) :]
    table = Table(sheet, title, header_row, headers, columns, extras, rows)
    _warn_layout(table, content, problems)
    return table


def _header_row(sheet: schema.Sheet, content: SheetContent) -> tuple[int, dict[int, object]] | None:
    """The first early row naming a required column; else the first non-empty row."""
    candidates = [row for row in content.rows if row[0] <= HEADER_SEARCH_ROWS]
    required = {c.name for c in sheet.columns if c.required}
    for row in candidates:
        if any(column_name(sheet, as_text(v))[0] in required for v in row[1].values()):
            return row
    return candidates[0] if candidates else None


def _warn_layout(table: Table, content: SheetContent, problems: Problems) -> None:
    hidden = [row for row in content.hidden_rows if row >= table.header_row]
    if hidden:
        how = i18n.t(f"reader.hidden_how.{'filter' if content.filtered else 'excel'}")
        problems.add(
            i18n.t(
                f"reader.hidden.{'row' if len(hidden) == 1 else 'rows'}",
                rows=_rows_text(hidden),
                how=how,
            ),
            sheet=table.title,
            row=hidden[0],
            warning=True,
        )
    if content.stopped_at is not None:
        problems.add(
            i18n.t("reader.stopped", row=content.stopped_at),
            sheet=table.title,
            row=content.stopped_at,
            warning=True,
        )
    for merged in content.merged:
        if merged.last_row >= table.header_row:
            problems.add(
                i18n.t("reader.merged", cells=merged.ref),
                sheet=table.title,
                row=merged.first_row,
                column=table.headers.get(merged.first_column),
                index=merged.first_column,
                warning=True,
            )
    unheaded: dict[int, int] = {}
    headed = table.headers.keys()
    for number, cells in table.rows:
        if cells.keys() <= headed:  # the usual row, checked at C speed
            continue
        for index in cells:
            if index not in table.headers:
                unheaded.setdefault(index, number)
    for index, number in sorted(unheaded.items()):
        problems.add(
            i18n.t("reader.no_header"),
            sheet=table.title,
            row=number,
            index=index,
            warning=True,
        )


def _rows_text(rows: list[int]) -> str:
    """ "5" or "5-7, 20": consecutive rows as ranges, the first ten of them."""
    parts = runs(rows)
    more = i18n.t("reader.rows_in_all", count=len(rows)) if parts[10:] else ""
    return i18n.listed(parts[:10]) + more


def _example_key(value: object) -> object:
    """A cell as it is compared with the template's examples: blank as ``None``, numbers
    as numbers, text cleaned and case-folded."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return clean(as_text(value)).casefold() or None


_EXAMPLE_KEYS: dict[str, frozenset[tuple[object, ...]]] = {
    sheet.name: frozenset(
        tuple(_example_key(v) for v in example) for example in (*sheet.examples, *sheet.examples_ja)
    )
    for sheet in schema.SHEETS
}
"""Each sheet's example rows from the template (English or Japanese), as ``_example_key``
compares them."""


def is_example(table: Table, cells: dict[int, object]) -> bool:
    """Whether a row holds one of the template's examples of its sheet: the same value in
    every column of the contract (a column the sheet lacks matches only a blank example
    value; columns outside the contract are not looked at)."""
    examples = _EXAMPLE_KEYS[table.sheet.name]
    if not examples:
        return False
    indexes = [table.columns.get(column.name) for column in table.sheet.columns]
    row = [None if index is None else _example_key(cells.get(index)) for index in indexes]
    return any(
        all(
            value == wanted and (index is not None or wanted is None)
            for index, value, wanted in zip(indexes, row, example, strict=True)
        )
        for example in examples
    )


def refuse_examples(table: Table, problems: Problems) -> None:
    """Report each of the template's example rows on ``table`` and read it no further
    (so that no follow-on error comes of it): an example employee anywhere, another
    sheet's examples where the template put them, as its first rows (one of the
    company's own rows further down may well be equal to one: 2027-Q1)."""
    examples = len(table.sheet.examples)
    kept = []
    for position, (number, cells) in enumerate(table.rows):
        leading = table.sheet is schema.EMPLOYEES or position < examples
        if not (leading and is_example(table, cells)):
            kept.append((number, cells))
        elif table.sheet is schema.EMPLOYEES:
            example = table.columns.get("employee_id")
            employee = "" if example is None else f" {as_text(cells.get(example))}"
            problems.add(
                i18n.t("reader.example_employee", employee=employee),
                sheet=table.title,
                row=number,
            )
        else:
            problems.add(
                i18n.t("reader.example_row", employees=label(schema.EMPLOYEES.name)),
                sheet=table.title,
                row=number,
            )
    table.rows = tuple(kept)
