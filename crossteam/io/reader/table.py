"""One sheet of the contract as found (its header and columns) and typed access to its rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.cells import CellError, as_number, as_text, check_raw, convert
from crossteam.io.reader.problems import Problems
from crossteam.models.text import clean, shown, written


def _lookup(sheet: schema.Sheet, key: Callable[[str], str] = schema.match_key) -> dict[str, str]:
    """Header or alias key -> canonical column name, for one sheet."""
    names: dict[str, str] = {}
    for column in sheet.columns:
        for alias in (column.name, *column.aliases):
            names.setdefault(key(alias), column.name)
    return names


COLUMN_NAMES = {sheet.name: _lookup(sheet) for sheet in schema.SHEETS}
"""Sheet name -> header or alias key -> canonical column name."""
_LOOK_ALIKE_COLUMN_NAMES = {
    sheet.name: _lookup(sheet, schema.look_alike_key) for sheet in schema.SHEETS
}


def column_name(sheet: schema.Sheet, header: str) -> tuple[str | None, bool]:
    """The contract column ``header`` names on ``sheet``, and whether it names it only with
    look-alike letters."""
    name = COLUMN_NAMES[sheet.name].get(schema.match_key(header))
    if name is not None:
        return name, False
    name = _LOOK_ALIKE_COLUMN_NAMES[sheet.name].get(schema.look_alike_key(header))
    return name, name is not None


@dataclass
class Table:
    """One sheet of the contract as found: where its header is and which column is which."""

    sheet: schema.Sheet
    title: str
    header_row: int
    headers: dict[int, str]
    """Every headed column: column number -> header as the user wrote it."""
    columns: dict[str, int]
    """Canonical column name -> column number."""
    extras: dict[int, str]
    """Headed columns outside the contract: column number -> header as written."""
    rows: tuple[tuple[int, dict[int, object]], ...]
    specs: dict[str, schema.Column] = field(init=False)

    def __post_init__(self) -> None:
        self.specs = {column.name: column for column in self.sheet.columns}


@dataclass(frozen=True)
class Cell:
    """One cell of the workbook, for messages that name a second cell."""

    sheet: str
    row: int
    index: int
    column: str | None

    def __str__(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.index)}{self.row}"


@dataclass(frozen=True)
class Missing:
    """A blank or unreadable cell that would have defined a name (an Employees row without
    its id): a name not found later may be that one, so its problem follows from the cell."""

    place: str
    """The blank cell, as ``Employees!A2``."""
    repeat: str
    """Key folding every problem on one unknown name into the first."""


class Row:
    """One data row: typed access to its cells, recording each bad cell as a problem."""

    __slots__ = ("cells", "number", "ok", "problems", "table")

    def __init__(
        self, table: Table, number: int, cells: dict[int, object], problems: Problems
    ) -> None:
        self.table = table
        self.number = number
        self.cells = cells
        self.problems = problems
        self.ok = True

    def get(self, name: str) -> Any:
        """The cell of column ``name`` read as its kind; ``None`` when blank, absent or bad."""
        index = self.table.columns.get(name)
        if index is None:
            return None
        spec = self.table.specs[name]
        return self.value_at(
            index, spec.kind, spec.required, spec.minimum, spec.strict_minimum, spec.maximum
        )

    def value_at(
        self,
        index: int,
        kind: schema.Kind,
        required: bool = False,
        minimum: float | None = None,
        strict: bool = False,
        maximum: float | None = None,
    ) -> Any:
        raw = self.cells.get(index)
        if raw is None:
            if required:
                self.error(index, i18n.t("reader.blank_required"))
            return None
        try:
            value = convert(kind, raw, minimum, strict, maximum)
        except CellError as problem:
            self.error(index, problem.message)
            return None
        if value == "":  # only invisible characters: blank to a reader
            if required:
                self.error(index, i18n.t("reader.invisible_required", characters=shown(str(raw))))
            return None
        return value

    def attribute_at(self, index: int) -> str | float | None:
        """An Employees attribute cell: numbers stay numbers, anything else is text."""
        raw = self.cells.get(index)
        if raw is None:
            return None
        is_number = isinstance(raw, int | float) and not isinstance(raw, bool)
        try:
            check_raw(raw)
            return as_number(raw) if is_number else clean(as_text(raw)) or None
        except CellError as problem:
            self.error(index, problem.message)
            return None

    def error(self, index: int, message: str, missing: Missing | None = None) -> None:
        """Report the cell; ``missing``: the blank cell this follows from, if any."""
        self.ok = False
        self._add(index, message, warning=False, missing=missing)

    def warn(self, index: int, message: str, missing: Missing | None = None) -> None:
        self._add(index, message, warning=True, missing=missing)

    def _add(
        self, index: int, message: str, *, warning: bool, missing: Missing | None = None
    ) -> None:
        self.problems.add(
            message,
            sheet=self.table.title,
            row=self.number,
            column=self.table.headers.get(index),
            index=index,
            warning=warning,
            follows=None if missing is None else missing.place,
            repeat=None if missing is None else missing.repeat,
        )

    def index(self, name: str) -> int:
        return self.table.columns[name]

    def cell(self, index: int) -> Cell:
        """The cell of column ``index`` on this row."""
        return Cell(self.table.title, self.number, index, self.table.headers.get(index))

    def quoted(self, index: int, value: str) -> str:
        """``value`` as a message quotes it: as the cell holds it when that differs (an
        invisible character or a full-width letter), so the user finds what is meant."""
        raw = self.cells.get(index)
        return written(raw if isinstance(raw, str) else value, value)
