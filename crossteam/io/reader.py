"""Reading an input workbook into a validated ``PlanningInput``, collecting every problem.

The reader never stops at the first problem: each sheet is read completely, each bad
cell becomes a ``Problem`` naming sheet, row, column and cell in an HR planner's words,
and cross-sheet references are checked against what the other sheets define. An
instance is returned only when no error was found.

Choices made where the contract is silent:

- An Employees column that is not in the contract is kept as an employee attribute
  (for Balance rules) and warned about only when no Balance rule uses it.
- A repeated Priorities pair is an error (two weights for one pair is ambiguous);
  repeated Interactions pairs add up, as the contract says.
- A repeated (employee, skill) keeps the higher level, with a warning.
- A team may be named on TeamSkills and Rules by its spec name (every team of the
  spec; for ``in_team``, any one of them) or by one expanded name such as ``Ops-2``.
- Reading a sheet stops after 1,000 consecutive empty rows, with a warning.
- Names also match with their separators left out ("EmployeeID", "teamskills").
- A sheet outside the contract is warned about, except a notes sheet (Instructions) and
  the template's Examples sheet, which are never read.
- A row of Employees equal to one of the template's example employees (``schema``
  examples: E001 Sato Hana...) is an error, and while one is there so is every other
  sheet's example among its first rows: an older template kept its examples right under
  the headers, and a company filled in below them would otherwise be planned with them.
- When a sheet is missing or lacks a required column, references to what it would
  define are not checked: each would fail for the one reason already reported.
- A team ``count`` above the number of employees is an error.
- Every id and name is read through ``text.clean`` (NFKC, invisible characters removed,
  spaces collapsed): spellings that differ only there are one name. Spellings that differ
  only in case or look-alike letters (``text.fold``) are an error for employee ids; for
  departments, skills and the values of attributes a Balance rule uses (typed again on
  every row, so one thing is meant) they are merged into the most common spelling, with
  a warning naming both cells; teams and periods (one row each, so two rows mean two
  things) are kept apart, with a warning.
- A reference that fails only because a cell that would define it is blank or unreadable
  (an Employees row without its id, say) is marked as following from that cell, and its
  repeats are folded into one problem.
- Rows Excel hides (by hand or by a filter) are read like the others, with a warning.
- Numbers keep to the ranges of ``crossteam.models.limits`` (docs/workbook.md#ranges). A
  size or capacity above the number of employees (``max_size``, ``max_per_department``,
  ``host_capacity``, ``default_host_capacity``) is reduced to it with a warning at its cell:
  it limits nothing beyond that. A minimum above it (``min_size``, ``min_count``) is a
  warning there too (a workbook being filled in may lack people yet); a plan explains it
  before the solver starts. An Interactions pair's weights add up to at most
  ``MAX_TIE_WEIGHT``; weights large enough for the objective to pass ``OBJECTIVE_LIMIT``
  are an error at the largest weight of the part that grows most.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from pydantic import ValidationError
from pydantic.fields import FieldInfo

from crossteam.errors import InputError
from crossteam.io import schema
from crossteam.io.cells import (
    HARD,
    CellError,
    as_number,
    as_text,
    check_raw,
    convert,
    describe_validation_error,
)
from crossteam.io.safety import SheetContent, Workbook, file_sha256, open_workbook
from crossteam.io.text import clean, fold, how_alike, look_alike_letters, shown, written
from crossteam.models import (
    PART_SETTINGS,
    QUOTABLE_ATTRIBUTES,
    RULE_TARGET,
    BalanceMode,
    BalanceRule,
    Department,
    Employee,
    Interaction,
    Period,
    PlanningInput,
    Priority,
    Problem,
    Rule,
    RuleKind,
    Settings,
    Severity,
    SkillNeed,
    SourceFile,
    Team,
    TeamSpec,
    objective_extent,
)
from crossteam.models.limits import MAX_ATTRIBUTE_NUMBER, MAX_TIE_WEIGHT

HEADER_SEARCH_ROWS = 5
"""The header is the first non-empty row among the first rows (titles may sit above it)."""
DEFAULT_MIN_SIZE = 3
DEFAULT_MAX_SIZE = 8
ATTRIBUTE_COLUMNS = ("name", "department", "role", "location")
"""Contract columns of Employees that Balance rules may name, besides extra columns (the
id and the yes/no columns describe no mix worth balancing)."""
NOTE_SHEETS = frozenset({"instructions", "examples", "readme", "説明", "使い方", "記入例", "sweep"})
"""Sheets a person keeps for notes (the template writes Instructions and Examples), and the
Sweep sheet that ``crossteam sweep`` reads from the same workbook: ignored silently."""
_EMPLOYEES = schema.EMPLOYEES.name
_TEAMS = schema.TEAMS.name
_LIST_SEPARATORS = re.compile(r"[,、，;；]")
SUGGESTION_LIMIT = 50
"""Distinct unknown names of one kind given a "did you mean": each compares against every
known name, and a sheet of thousands of unknown ids would otherwise take minutes."""
FOLLOW_ON_CELLS_SHOWN = 5
_IGNORED_VALUE = (
    "only mode no_lone reads a value: this {mode} rule ignores it (leave the cell blank)"
)
_WHAT_NAMES = {"employee": "an employee id", "department": "a department", "team": "a team name"}


@dataclass(frozen=True)
class ReadResult:
    """What reading a workbook found: an instance when there were no errors."""

    instance: PlanningInput | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return self.instance is not None


def read_workbook(path: str | Path) -> ReadResult:
    """Read and validate an input workbook; bad content is reported, never raised.

    Raises:
        UnreadableFileError: the file is not an .xlsx that can be opened safely.
    """
    path = Path(path)
    with open_workbook(path) as workbook:
        reader = _WorkbookReader(workbook)
        reader.read()
    source = SourceFile(
        path=str(path.resolve()), sha256=file_sha256(path), size_bytes=path.stat().st_size
    )
    return reader.result(source)


def load_workbook(path: str | Path) -> PlanningInput:
    """Read a workbook into a ``PlanningInput``.

    Raises:
        InputError: the workbook has errors (all of them in ``problems``).
        UnreadableFileError: the file is not an .xlsx that can be opened safely.
    """
    result = read_workbook(path)
    if result.instance is None:
        raise InputError(result.errors, result.warnings)
    return result.instance


class _Problems:
    """Problems in the order a reader of the workbook meets them: sheet, row, column."""

    def __init__(self, sheet_order: dict[str, int]) -> None:
        self._sheet_order = sheet_order
        self._found: list[tuple[tuple[int, int, int], Problem]] = []
        self._repeats: dict[str, tuple[int, list[str]]] = {}
        """Follow-on problems folded into their first: repeat key -> (position of the
        first in ``_found``, cells of the others)."""

    def add(
        self,
        message: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        index: int | None = None,
        warning: bool = False,
        follows: str | None = None,
        repeat: str | None = None,
    ) -> None:
        """Record a problem; one that ``follows`` from another cell and shares its
        ``repeat`` key with an earlier one is only listed as a further cell of it."""
        cell = f"{get_column_letter(index)}{row}" if index is not None and row is not None else None
        if repeat is not None:  # an error is never folded into a warning, nor the reverse
            repeat = f"{repeat}|{'warning' if warning else 'error'}"
        if repeat is not None and repeat in self._repeats:
            self._repeats[repeat][1].append(f"{sheet}!{cell or f'row {row}'}")
            return
        if repeat is not None:
            self._repeats[repeat] = (len(self._found), [])
        problem = Problem(
            sheet=sheet,
            row=row,
            column=column,
            cell=cell,
            message=message,
            severity=Severity.WARNING if warning else Severity.ERROR,
            follows=follows,
        )
        key = (self._sheet_order.get(sheet or "", -1), row or 0, index or 0)
        self._found.append((key, problem))

    def of(self, severity: Severity) -> tuple[Problem, ...]:
        found = list(self._found)
        for position, cells in self._repeats.values():
            if cells:
                key, problem = found[position]
                shown_cells = ", ".join(cells[:FOLLOW_ON_CELLS_SHOWN])
                more = ", ..." if len(cells) > FOLLOW_ON_CELLS_SHOWN else ""
                also = f" (also at {len(cells)} more cell{'s' if len(cells) > 1 else ''}: "
                message = problem.message + also + shown_cells + more + ")"
                found[position] = (key, problem.model_copy(update={"message": message}))
        chosen = sorted((p for p in found if p[1].severity is severity), key=lambda p: p[0])
        return tuple(problem for _, problem in chosen)

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for _, p in self._found)


def _lookup(sheet: schema.Sheet, key: Callable[[str], str] = schema.match_key) -> dict[str, str]:
    """Header or alias key -> canonical column name, for one sheet."""
    names: dict[str, str] = {}
    for column in sheet.columns:
        for alias in (column.name, *column.aliases):
            names.setdefault(key(alias), column.name)
    return names


_COLUMN_NAMES = {sheet.name: _lookup(sheet) for sheet in schema.SHEETS}
_LOOK_ALIKE_COLUMN_NAMES = {
    sheet.name: _lookup(sheet, schema.look_alike_key) for sheet in schema.SHEETS
}
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


def _column_name(sheet: schema.Sheet, header: str) -> tuple[str | None, bool]:
    """The contract column ``header`` names on ``sheet``, and whether it names it only with
    look-alike letters."""
    name = _COLUMN_NAMES[sheet.name].get(schema.match_key(header))
    if name is not None:
        return name, False
    name = _LOOK_ALIKE_COLUMN_NAMES[sheet.name].get(schema.look_alike_key(header))
    return name, name is not None


@dataclass
class _Table:
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


class _Row:
    """One data row: typed access to its cells, recording each bad cell as a problem."""

    __slots__ = ("cells", "number", "ok", "problems", "table")

    def __init__(
        self, table: _Table, number: int, cells: dict[int, object], problems: _Problems
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
                self.error(index, "is blank, but this column is required")
            return None
        try:
            value = convert(kind, raw, minimum, strict, maximum)
        except CellError as problem:
            self.error(index, problem.message)
            return None
        if value == "":  # only invisible characters: blank to a reader
            if required:
                self.error(
                    index,
                    f"holds only invisible characters ({shown(str(raw))}), but this column "
                    "is required",
                )
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

    def error(self, index: int, message: str, missing: _Missing | None = None) -> None:
        """Report the cell; ``missing``: the blank cell this follows from, if any."""
        self.ok = False
        self._add(index, message, warning=False, missing=missing)

    def warn(self, index: int, message: str, missing: _Missing | None = None) -> None:
        self._add(index, message, warning=True, missing=missing)

    def _add(
        self, index: int, message: str, *, warning: bool, missing: _Missing | None = None
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

    def cell(self, index: int) -> _Cell:
        """The cell of column ``index`` on this row."""
        return _Cell(self.table.title, self.number, index, self.table.headers.get(index))

    def quoted(self, index: int, value: str) -> str:
        """``value`` as a message quotes it: as the cell holds it when that differs (an
        invisible character or a full-width letter), so the user finds what is meant."""
        raw = self.cells.get(index)
        return written(raw if isinstance(raw, str) else value, value)


@dataclass(frozen=True)
class _Cell:
    """One cell of the workbook, for messages that name a second cell."""

    sheet: str
    row: int
    index: int
    column: str | None

    def __str__(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.index)}{self.row}"


@dataclass(frozen=True)
class _Missing:
    """A blank or unreadable cell that would have defined a name (an Employees row without
    its id): a name not found later may be that one, so its problem follows from the cell."""

    place: str
    """The blank cell, as ``Employees!A2``."""
    repeat: str
    """Key folding every problem on one unknown name into the first."""


@dataclass
class _Spelling:
    text: str
    first: _Cell
    cells: int = 1


@dataclass(frozen=True)
class _Variant:
    """A spelling that ``settle`` took as another one, with where each was met."""

    spelling: _Spelling
    chosen: _Spelling


class _Names:
    """The names of one kind (ids, departments, skills...), matched by ``fold``.

    Every spelling is counted with the first cell it is met in. ``add`` tells a new
    spelling of a name met before; ``settle`` makes the most common spelling of each name
    the one it is taken as (the first met among equals) and returns the others.
    """

    def __init__(self) -> None:
        self._spellings: dict[str, dict[str, _Spelling]] = {}
        """Folded name -> its spellings in the order met."""
        self._chosen: dict[str, _Spelling] = {}
        """Folded name -> the spelling it is taken as (the first met, until ``settle``)."""
        self._folds: dict[str, str] = {}
        self._suggested: dict[str, str] = {}

    def _fold(self, text: str) -> str:
        key = self._folds.get(text)
        if key is None:
            key = self._folds[text] = fold(text)
        return key

    def add(self, text: str, cell: _Cell) -> _Spelling | None:
        """Count ``text`` met at ``cell``; the first spelling of its name when ``text``
        is a new, different spelling of it, else ``None``."""
        key = self._fold(text)
        spellings = self._spellings.setdefault(key, {})
        spelling = spellings.get(text)
        if spelling is not None:
            spelling.cells += 1
            return None
        spellings[text] = _Spelling(text, cell)
        first = self._chosen.setdefault(key, spellings[text])
        return None if first.text == text else first

    def settle(self) -> list[_Variant]:
        """Take each name as its most common spelling; every other spelling, in the order
        met."""
        variants: list[_Variant] = []
        for key, spellings in self._spellings.items():
            chosen = max(spellings.values(), key=lambda s: s.cells)  # the first among equals
            self._chosen[key] = chosen
            variants.extend(_Variant(s, chosen) for s in spellings.values() if s is not chosen)
        return variants

    def find(self, text: str) -> _Spelling | None:
        """The spelling the name ``text`` is taken as; ``None`` when it was never met."""
        return self._chosen.get(self._fold(text))

    def canonical(self, text: str) -> str:
        found = self.find(text)
        return text if found is None else found.text

    def suggest(self, text: str) -> str:
        """ "; did you mean Sales?" (or "E003 or E030?" when they are as close) when known
        names are close to ``text``, else ""."""
        if text not in self._suggested:
            if len(self._suggested) >= SUGGESTION_LIMIT:
                return ""
            near = _closest(self._fold(text), self._chosen)
            names = [shown(self._chosen[key].text) for key in near]
            listed = " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)
            self._suggested[text] = f"; did you mean {listed}?" if names else ""
        return self._suggested[text]


def _closest(key: str, known: Iterable[str], cutoff: float = 0.6) -> list[str]:
    """The known keys most like ``key`` (difflib's ratio, at least ``cutoff``), up to three
    when they are equally close, sorted."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(key)
    scored: list[tuple[float, str]] = []
    for candidate in known:
        matcher.set_seq1(candidate)
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and matcher.ratio() >= cutoff
        ):
            scored.append((matcher.ratio(), candidate))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    return sorted(candidate for score, candidate in scored if score == best)[:3]


def _look_alike(what: str, text: str, first: _Spelling, outcome: str) -> str:
    """ "department 'sales' differs from 'Sales' (Employees!C2) only in upper/lower case:
    <outcome>"."""
    return (
        f"{what} '{shown(text)}' differs from '{shown(first.text)}' ({first.first}) "
        f"{how_alike(text, first.text)}: {outcome}"
    )


def _cells(spelling: _Spelling, here: bool) -> str:
    """Where a spelling is, seen from its first cell (``here``: "" or " (here and 2 more
    cells)") or from elsewhere ("Employees!C2", "Employees!C2 and 7 more cells")."""
    more = spelling.cells - 1
    cells = f"{more} more cell{'s' if more > 1 else ''}"
    if here:
        return f" (here and {cells})" if more else ""
    return f"{spelling.first} and {cells}" if more else str(spelling.first)


def _example_key(value: object) -> object:
    """A cell as it is compared with the template's examples: blank as ``None``, numbers
    as numbers, text cleaned and case-folded."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return clean(as_text(value)).casefold() or None


_EXAMPLE_KEYS: dict[str, frozenset[tuple[object, ...]]] = {
    sheet.name: frozenset(tuple(_example_key(v) for v in example) for example in sheet.examples)
    for sheet in schema.SHEETS
}
"""Each sheet's example rows from the template, as ``_example_key`` compares them."""


def _is_example(table: _Table, cells: dict[int, object]) -> bool:
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


def _variant_message(what: str, variant: _Variant, quotable: bool = True) -> str:
    """A spelling taken as another, for a warning at the spelling's first cell."""
    spelling, chosen = variant.spelling, variant.chosen
    how = how_alike(spelling.text, chosen.text)
    if not quotable:
        return (
            f"this value{_cells(spelling, True)} differs from the one in "
            f"{_cells(chosen, False)} {how}: both are taken as one value of {what}"
        )
    return (
        f"{what} '{shown(spelling.text)}'{_cells(spelling, True)} differs from "
        f"'{shown(chosen.text)}' ({_cells(chosen, False)}) {how}: both are taken as "
        f"'{shown(chosen.text)}'"
    )


@dataclass
class _EmployeeRow:
    fields: dict[str, Any]
    skills: dict[str, int] = field(default_factory=dict)
    skill_rows: dict[str, int] = field(default_factory=dict)


@dataclass
class _TeamRow:
    spec: dict[str, Any]
    names: tuple[str, ...]


class _WorkbookReader:
    """Reads the sheets in dependency order, sharing what each defines with the next."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.problems = _Problems({title: i for i, title in enumerate(workbook.titles)})
        self.tables: dict[str, _Table] = {}
        self.unreadable: set[str] = set()
        """Sheets missing or lacking a required column: references to them are not checked,
        as every one would fail for the same reason already reported."""
        self.settings = Settings()
        self.setting_cells: dict[str, tuple[_Row, int]] = {}
        """Each setting given on the Settings sheet -> its row and value column."""
        self.weight_cells: dict[str, list[tuple[_Row, int, float]]] = defaultdict(list)
        """Objective part -> the Priorities or Balance weight cells that scale it."""
        self.employees: dict[str, _EmployeeRow] = {}
        self.employee_rows: dict[str, int] = {}
        """Every employee id seen (even on a row with errors) -> its row."""
        self.attribute_columns: dict[str, tuple[int, str]] = {}
        """Attribute key (normalised header) -> (Employees column number, header as written)."""
        self.attribute_keys: dict[str, str] = {}
        """Match key (``schema.match_key``) of each extra Employees column -> its attribute key."""
        self.skill_names: set[str] = set()
        self.department_names: dict[str, None] = {}
        """Departments named on Employees (even on rows with errors), in order."""
        self.department_rows: dict[str, dict[str, Any]] = {}
        self.interactions: dict[tuple[str, str], float] = {}
        self.interaction_rows: dict[tuple[str, str], int] = {}
        """First Interactions row of each pair."""
        self.priorities: dict[tuple[str, str], float] = {}
        self.team_rows: list[_TeamRow] = []
        self.team_names: dict[str, tuple[str, ...]] = {}
        """Every name a team may be referred by -> the concrete teams it means."""
        self.skill_needs: dict[str, list[SkillNeed]] = defaultdict(list)
        self.balance_rules: list[BalanceRule] = []
        self.balance_attributes: set[str] = set()
        """Attributes named on Balance, even on rows with errors."""
        self.periods: list[Period] = []
        self.rules: list[Rule] = []
        self.ids = _Names()
        self.departments = _Names()
        """Departments as spelled on Employees: once settled, each is taken as its most
        common spelling."""
        self.skills = _Names()
        self.team_spellings = _Names()
        self.period_spellings = _Names()
        self.names: list[tuple[str, _Cell]] = []
        """Every name on Employees and its cell, even on rows with errors."""
        self.people: dict[str, _Cell] | None = None
        """Folded name -> its cell, built at the first unknown id."""
        self.blank_names: dict[str, list[str]] = defaultdict(list)
        """Kind of name (employee, department, team) -> cells that would have defined one
        but are blank or unreadable, on rows that hold something else."""

    # -- locating sheets and headers ---------------------------------------------------

    def read(self) -> None:
        titles = self._find_sheets()
        title = titles.get(_EMPLOYEES)
        # Employees first: whether template examples were left in decides how every
        # sheet's rows are read, Settings (read before Employees) among them
        employees = None if title is None else self._table(schema.EMPLOYEES, title)
        examples_left = employees is not None and any(
            _is_example(employees, cells) for _, cells in employees.rows
        )
        steps = (
            (schema.SETTINGS, self._read_settings),
            (schema.EMPLOYEES, self._read_employees),
            (schema.SKILLS, self._read_skills),
            (schema.DEPARTMENTS, self._read_departments),
            (schema.INTERACTIONS, self._read_interactions),
            (schema.PRIORITIES, self._read_priorities),
            (schema.TEAMS, self._read_teams),
            (schema.TEAM_SKILLS, self._read_team_skills),
            (schema.PERIODS, self._read_periods),
            (schema.BALANCE, self._read_balance),
            (schema.RULES, self._read_rules),
        )
        for sheet, read in steps:
            title = titles.get(sheet.name)
            # One sheet's cells at a time: a large Interactions sheet is parsed, read and
            # let go before the next sheet is parsed.
            if sheet is schema.EMPLOYEES:
                table = employees
            else:
                table = None if title is None else self._table(sheet, title)
            if table is not None:
                if examples_left:
                    self._refuse_examples(table)
                self.tables[sheet.name] = table
                read(table)
                table.rows = ()
        self._warn_unused_attributes()
        self._merge_attribute_spellings()
        self._limit_default_capacity()

    def _find_sheets(self) -> dict[str, str]:
        """The workbook's title of each sheet of the contract it has."""
        found: dict[str, str] = {}
        for title in self.workbook.titles:
            sheet = _SHEETS_BY_KEY.get(schema.match_key(title))
            if sheet is None:
                sheet = _SHEETS_BY_LOOK_ALIKE_KEY.get(schema.look_alike_key(title))
                if sheet is not None:
                    self.problems.add(
                        f"is read as the {sheet.name} sheet, whose name it matches only with "
                        f"look-alike letters ({look_alike_letters(title)})",
                        sheet=title,
                        warning=True,
                    )
            if sheet is None:
                if schema.normalise(title) not in NOTE_SHEETS:
                    self.problems.add(
                        "is not a sheet crossteam reads; it was ignored",
                        sheet=title,
                        warning=True,
                    )
                continue
            if sheet.name in found:
                self.problems.add(
                    f"is a second {sheet.name} sheet (besides {found[sheet.name]!r}): keep one",
                    sheet=title,
                )
                continue
            found[sheet.name] = title
        for sheet in schema.SHEETS:
            if sheet.required and sheet.name not in found:
                self.unreadable.add(sheet.name)
                self.problems.add(
                    f"the workbook has no {sheet.name} sheet, which is required",
                    sheet=sheet.name,
                )
        return found

    def _table(self, sheet: schema.Sheet, title: str) -> _Table | None:
        content = self.workbook.read_sheet(title)
        header = self._header_row(sheet, content)
        if header is None:
            if sheet.required:
                self.unreadable.add(sheet.name)
                self.problems.add(f"the {sheet.name} sheet is empty", sheet=title)
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
            name, look_alike = _column_name(sheet, text)
            if look_alike:
                self.problems.add(
                    f"column {text!r} is read as {name}, which it matches only with "
                    f"look-alike letters ({look_alike_letters(text)})",
                    sheet=title,
                    row=header_row,
                    column=text,
                    index=index,
                    warning=True,
                )
            if name is None:
                extras[index] = text
            elif name in columns:
                self.problems.add(
                    f"column {name} appears twice (first in column "
                    f"{get_column_letter(columns[name])}); this one is ignored",
                    sheet=title,
                    row=header_row,
                    column=text,
                    index=index,
                )
            else:
                columns[name] = index
        rows = tuple(row for row in content.rows if row[0] > header_row)
        table = _Table(sheet, title, header_row, headers, columns, extras, rows)
        self._warn_layout(table, content)
        return table

    @staticmethod
    def _header_row(
        sheet: schema.Sheet, content: SheetContent
    ) -> tuple[int, dict[int, object]] | None:
        """The first early row naming a required column; else the first non-empty row."""
        candidates = [row for row in content.rows if row[0] <= HEADER_SEARCH_ROWS]
        required = {c.name for c in sheet.columns if c.required}
        for row in candidates:
            if any(_column_name(sheet, as_text(v))[0] in required for v in row[1].values()):
                return row
        return candidates[0] if candidates else None

    def _warn_layout(self, table: _Table, content: SheetContent) -> None:
        hidden = [row for row in content.hidden_rows if row >= table.header_row]
        if hidden:
            how = "by the filter on this sheet or by hand" if content.filtered else "in Excel"
            self.problems.add(
                f"{_rows_text(hidden)} hidden ({how}), but crossteam reads and plans "
                "them like every other row: unhide them to see what will be planned",
                sheet=table.title,
                row=hidden[0],
                warning=True,
            )
        if content.stopped_at is not None:
            self.problems.add(
                f"reading stopped at row {content.stopped_at} after 1,000 empty rows in a row; "
                "anything further down was ignored",
                sheet=table.title,
                row=content.stopped_at,
                warning=True,
            )
        for merged in content.merged:
            if merged.last_row >= table.header_row:
                self.problems.add(
                    f"cells {merged.ref} are merged: only the first holds a value, the others "
                    "read as blank; unmerge them and fill every cell",
                    sheet=table.title,
                    row=merged.first_row,
                    column=table.headers.get(merged.first_column),
                    index=merged.first_column,
                    warning=True,
                )
        unheaded: dict[int, int] = {}
        for number, cells in table.rows:
            for index in cells:
                if index not in table.headers:
                    unheaded.setdefault(index, number)
        for index, number in sorted(unheaded.items()):
            self.problems.add(
                "this column has values but no header; it was ignored",
                sheet=table.title,
                row=number,
                index=index,
                warning=True,
            )

    def _refuse_examples(self, table: _Table) -> None:
        """Report each of the template's example rows on ``table`` and read it no further
        (so that no follow-on error comes of it): an example employee anywhere, another
        sheet's examples where the template put them, as its first rows (one of the
        company's own rows further down may well be equal to one: 2027-Q1)."""
        examples = len(table.sheet.examples)
        kept = []
        for position, (number, cells) in enumerate(table.rows):
            leading = table.sheet is schema.EMPLOYEES or position < examples
            if not (leading and _is_example(table, cells)):
                kept.append((number, cells))
            elif table.sheet is schema.EMPLOYEES:
                example = table.columns.get("employee_id")
                employee = "" if example is None else f" {as_text(cells.get(example))}"
                self.problems.add(
                    f"this row is the template's example employee{employee}, not one of "
                    "yours: delete it (the template's Examples sheet shows what rows look "
                    "like; crossteam never reads it)",
                    sheet=table.title,
                    row=number,
                )
            else:
                self.problems.add(
                    "this row is one of the template's examples, left in with the example "
                    "employees on Employees: delete it",
                    sheet=table.title,
                    row=number,
                )
        table.rows = tuple(kept)

    def _rows(self, table: _Table) -> Iterator[_Row]:
        for number, cells in table.rows:
            yield _Row(table, number, cells, self.problems)

    def _has_columns(self, table: _Table, names: tuple[str, ...]) -> bool:
        """Report each required column missing from ``table``; True when none is."""
        missing = [name for name in names if name not in table.columns]
        if missing:
            self.unreadable.add(table.sheet.name)
        if missing and not table.columns:  # no header at all, rather than a missing column
            self.problems.add(
                f"no row among the first {HEADER_SEARCH_ROWS} names this sheet's columns "
                f"(it needs {', '.join(names)})",
                sheet=table.title,
            )
            return False
        for name in missing:
            self.problems.add(
                f"the required column {name} is missing",
                sheet=table.title,
                row=table.header_row,
                column=name,
            )
        return not missing

    def _required_columns(self, table: _Table) -> bool:
        return self._has_columns(table, tuple(c.name for c in table.sheet.columns if c.required))

    def _warn_extra_columns(self, table: _Table) -> None:
        for index, header in table.extras.items():
            self.problems.add(
                f"column {header!r} is not one crossteam reads on this sheet; it was ignored",
                sheet=table.title,
                row=table.header_row,
                column=header,
                index=index,
                warning=True,
            )

    # -- sheets --------------------------------------------------------------------------

    def _read_settings(self, table: _Table) -> None:
        self._warn_extra_columns(table)
        if not self._required_columns(table):
            return
        fields = Settings.model_fields
        values: dict[str, Any] = {}
        rows: dict[str, tuple[_Row, int]] = {}
        for row in self._rows(table):
            name = row.get("setting")
            if name is None:
                continue
            key = schema.normalise(name)
            if key not in fields:
                hint = _did_you_mean(key, fields)
                row.error(row.index("setting"), f"'{shown(name)}' is not a known setting{hint}")
                continue
            if key in rows:
                row.error(
                    row.index("setting"),
                    f"{key} is already set on row {rows[key][0].number}",
                )
                continue
            index = row.index("value")
            rows[key] = (row, index)
            self.setting_cells[key] = (row, index)
            value = row.value_at(index, _setting_kind(fields[key]))
            if value is not None:
                values[key] = value
        try:
            self.settings = Settings(**values)
        except ValidationError as invalid:
            for error in invalid.errors():
                key = str(error["loc"][0])
                row, index = rows[key]
                row.error(index, f"{key} {describe_validation_error(error)}")

    def _read_employees(self, table: _Table) -> None:
        if not self._required_columns(table):
            return
        self.attribute_columns = {
            name: (table.columns[name], table.headers[table.columns[name]])
            for name in ATTRIBUTE_COLUMNS
            if name in table.columns
        }
        for index, header in table.extras.items():
            key = schema.normalise(header)
            if not key:
                continue
            same = self.attribute_keys.get(schema.match_key(key))
            if same is not None:
                self.problems.add(
                    f"column {header!r} repeats the column "
                    f"{self.attribute_columns[same][1]!r}; it is ignored",
                    sheet=table.title,
                    row=table.header_row,
                    column=header,
                    index=index,
                )
                continue
            self.attribute_columns[key] = (index, header)
            self.attribute_keys[schema.match_key(key)] = key
        for row in self._rows(table):
            self._read_employee(row)
        if not self.employee_rows:
            self.problems.add(
                "the Employees sheet lists no employees: add one row per employee under its header",
                sheet=table.title,
            )
        self._settle_departments()

    def _settle_departments(self) -> None:
        """One department per name: spellings that differ only in case or look-alike
        letters are taken as the most common one, with a warning at each other spelling."""
        for variant in self.departments.settle():
            self._warn_at(variant.spelling.first, _variant_message("department", variant))
        canonical = self.departments.canonical
        self.department_names = {canonical(d): None for d in self.department_names}
        for employee in self.employees.values():
            fields = employee.fields
            fields["department"] = canonical(fields["department"])
            if "department" in fields["attributes"]:
                fields["attributes"]["department"] = fields["department"]

    def _warn_at(self, cell: _Cell, message: str) -> None:
        self.problems.add(
            message,
            sheet=cell.sheet,
            row=cell.row,
            column=cell.column,
            index=cell.index,
            warning=True,
        )

    def _read_employee(self, row: _Row) -> None:
        employee_id = row.get("employee_id")
        fields = {
            name: row.get(name)
            for name in ("department", "name", "role", "location", "available", "rotation_eligible")
        }
        if fields["name"] is not None:
            self.names.append((fields["name"], row.cell(row.index("name"))))
        department_cell = row.cell(row.index("department"))
        if fields["department"] is None:
            self.blank_names["department"].append(str(department_cell))
        else:
            self.departments.add(fields["department"], department_cell)
            self.department_names.setdefault(fields["department"])
        attributes: dict[str, str | float] = {}
        for key, (index, _) in self.attribute_columns.items():
            # Contract columns are read once, above; extra columns keep numbers as numbers.
            value = fields[key] if key in ATTRIBUTE_COLUMNS else row.attribute_at(index)
            if value is not None:
                attributes[key] = value
        index = row.index("employee_id")
        if employee_id is None:
            self.blank_names["employee"].append(str(row.cell(index)))
            return
        first = self.employee_rows.get(employee_id)
        if first is not None:
            row.error(
                index,
                f"employee id {row.quoted(index, employee_id)} is already used on row {first}",
            )
            return
        # known from here on, even when it clashes below: references to it then resolve
        # rather than repeat the clash on every sheet
        self.employee_rows[employee_id] = row.number
        earlier = self.ids.add(employee_id, row.cell(index))
        if earlier is not None:
            row.error(
                index,
                _look_alike(
                    "employee id",
                    employee_id,
                    earlier,
                    "two people's ids must differ by more than that; correct one of them",
                ),
            )
        if row.ok:
            given = {name: value for name, value in fields.items() if value is not None}
            self.employees[employee_id] = _EmployeeRow(
                {"employee_id": employee_id, **given, "attributes": attributes, "row": row.number}
            )

    def _department_ref(self, row: _Row, index: int, department: str) -> str | None:
        """The Employees department that ``department`` names (warning when it is spelled
        otherwise); ``None``, unreported, when no employee is in it."""
        found = self.departments.find(department)
        if found is None:
            return None
        if found.text != department:
            outcome = f"taken as the department '{shown(found.text)}'"
            row.warn(index, _look_alike("department", department, found, outcome))
        return found.text

    def _known_employee(self, row: _Row, name: str) -> str | None:
        """The employee id in column ``name`` when it is on Employees; reports it otherwise."""
        employee_id: str | None = row.get(name)
        if employee_id is None or _EMPLOYEES in self.unreadable:
            return employee_id
        if employee_id not in self.employee_rows:
            self._unknown_employee(row, row.index(name), employee_id)
            return None
        return employee_id

    def _unknown_employee(self, row: _Row, index: int, employee_id: str) -> None:
        name_cell = self._name_cell(employee_id)
        if name_cell is not None:  # not quoted: a name is personal data
            row.error(
                index,
                f"this cell holds the name in {name_cell}, not an employee id: give the "
                "employee_id of that row",
            )
            return
        message = f"no employee {row.quoted(index, employee_id)} on the Employees sheet"
        found = self.ids.find(employee_id)
        if found is None:
            self._unknown(row, index, message, "employee", employee_id, self.ids.suggest)
            return
        row.error(
            index,
            f"{message}: did you mean {shown(found.text)} ({found.first})? The two differ "
            f"{how_alike(employee_id, found.text)}, and ids must match exactly",
        )

    def _name_cell(self, text: str) -> _Cell | None:
        """The Employees cell whose name ``text`` is (case and look-alikes aside)."""
        if self.people is None:
            self.people = {}
            for name, cell in self.names:
                self.people.setdefault(fold(name), cell)
        return self.people.get(fold(text))

    def _unknown(
        self,
        row: _Row,
        index: int,
        message: str,
        kind: str,
        name: str,
        suggest: Callable[[str], str],
        *,
        warning: bool = False,
    ) -> None:
        """Report a ``kind`` ``name`` not found. When a cell that would define a ``kind``
        is blank, this may well be its name: the problem is marked as following from that
        cell (every reference to ``name`` folded into one); otherwise ``suggest`` may add
        a "did you mean"."""
        report = row.warn if warning else row.error
        blanks = self.blank_names.get(kind)
        if not blanks:
            report(index, message + suggest(name))
            return
        others = len(blanks) - 1
        more = (
            ""
            if not others
            else " (or 1 more such cell)"
            if others == 1
            else f" (or one of {others} more such cells)"
        )
        report(
            index,
            f"{message}, perhaps because {blanks[0]}{more}, which should hold "
            f"{_WHAT_NAMES[kind]}, is blank or unreadable: fix that first",
            _Missing(blanks[0], f"{kind}:{name}"),
        )

    def _read_skills(self, table: _Table) -> None:
        if "skill" in table.columns or "level" in table.columns:
            self._warn_extra_columns(table)
            if not self._required_columns(table):
                return
            for row in self._rows(table):
                employee_id = self._known_employee(row, "employee_id")
                skill, level = row.get("skill"), row.get("level")
                if skill is not None:  # named, even on a row with errors: no knock-on warnings
                    self.skills.add(skill, row.cell(row.index("skill")))
                    self.skill_names.add(skill)
                if employee_id is not None and skill is not None and level is not None:
                    self._add_skill(row, row.index("level"), employee_id, skill, level)
            self._settle_skills()
            return
        if not self._has_columns(table, ("employee_id",)):
            return
        skill_columns = self._skill_columns(table)
        self.skill_names.update(skill_columns.values())
        for row in self._rows(table):
            employee_id = self._known_employee(row, "employee_id")
            for index, skill in skill_columns.items():
                level = row.value_at(index, schema.Kind.LEVEL)
                if employee_id is not None and level is not None:
                    self._add_skill(row, index, employee_id, skill, level)

    def _skill_columns(self, table: _Table) -> dict[int, str]:
        """The skill columns of a wide Skills sheet: every extra header not an Employees one."""
        employee_columns = _COLUMN_NAMES[schema.EMPLOYEES.name]
        headers: dict[int, str] = {}
        for index, header in table.extras.items():
            if schema.match_key(header) in employee_columns:
                self._header_problem(
                    table,
                    index,
                    f"column {header!r} is an Employees column, not a skill; it was ignored",
                    warning=True,
                )
                continue
            headers[index] = header
            self.skills.add(header, _Cell(table.title, table.header_row, index, header))
        self._settle_skills()
        columns: dict[int, str] = {}
        for index, header in headers.items():
            skill = self.skills.canonical(header)
            if skill in columns.values():
                self._header_problem(
                    table, index, f"skill {shown(skill)} already has a column; this one is ignored"
                )
            else:
                columns[index] = skill
        return columns

    def _header_problem(
        self, table: _Table, index: int, message: str, *, warning: bool = False
    ) -> None:
        self.problems.add(
            message,
            sheet=table.title,
            row=table.header_row,
            column=table.headers[index],
            index=index,
            warning=warning,
        )

    def _settle_skills(self) -> None:
        """One skill per name, as for departments; an employee holding two spellings of a
        skill keeps the higher level."""
        for variant in self.skills.settle():
            self._warn_at(variant.spelling.first, _variant_message("skill", variant))
        canonical = self.skills.canonical
        self.skill_names = {canonical(skill) for skill in self.skill_names}
        for employee in self.employees.values():
            merged: dict[str, int] = {}
            for skill, level in employee.skills.items():
                merged[canonical(skill)] = max(level, merged.get(canonical(skill), level))
            employee.skills = merged

    def _add_skill(self, row: _Row, index: int, employee_id: str, skill: str, level: int) -> None:
        employee = self.employees.get(employee_id)
        if employee is None:  # the employee's own row has errors, already reported
            return
        first = employee.skill_rows.get(skill)
        if first is not None:
            row.warn(
                index,
                f"{employee_id} already has skill {skill} on row {first}; the higher level is kept",
            )
        employee.skills[skill] = max(level, employee.skills.get(skill, level))
        employee.skill_rows.setdefault(skill, row.number)

    def _read_departments(self, table: _Table) -> None:
        self._warn_extra_columns(table)
        if not self._required_columns(table):
            return
        first_rows: dict[str, int] = {}
        for row in self._rows(table):
            department = row.get("department")
            policy = {
                name: row.get(name)
                for name in ("min_on_site", "host_capacity", "can_host", "critical_skills")
            }
            if department is None:
                continue
            index = row.index("department")
            if _EMPLOYEES not in self.unreadable:
                found = self._department_ref(row, index, department)
                if found is None:
                    self._unknown(
                        row,
                        index,
                        f"no employee is in department {shown(department)}; the row is ignored",
                        "department",
                        department,
                        self.departments.suggest,
                        warning=True,
                    )
                    continue
                department = found
            if department in first_rows:
                row.error(
                    index,
                    f"department {shown(department)} is already on row {first_rows[department]}",
                )
                continue
            first_rows[department] = row.number
            skills = tuple(
                self._held_skill(row, "critical_skills", clean(skill))
                for skill in _LIST_SEPARATORS.split(policy.pop("critical_skills") or "")
                if clean(skill)
            )
            if policy["host_capacity"] is not None:
                policy["host_capacity"] = self._at_most_headcount(
                    row, row.index("host_capacity"), "host_capacity", policy["host_capacity"]
                )
            given = {name: value for name, value in policy.items() if value is not None}
            self.department_rows[department] = {**given, "critical_skills": skills}

    def _held_skill(self, row: _Row, column: str, skill: str) -> str:
        """The skill ``skill`` names on Skills, warning when it is spelled otherwise there
        or when nobody holds it."""
        index = row.index(column)
        found = self.skills.find(skill)
        if found is not None:
            if found.text != skill:
                outcome = f"taken as the skill '{shown(found.text)}'"
                row.warn(index, _look_alike("skill", skill, found, outcome))
            return found.text
        if schema.SKILLS.name not in self.unreadable:
            row.warn(
                index, f"no employee has the skill {shown(skill)}" + self.skills.suggest(skill)
            )
        return skill

    def _read_interactions(self, table: _Table) -> None:
        self._warn_extra_columns(table)
        if not self._required_columns(table):
            return
        for row in self._rows(table):
            a = self._known_employee(row, "employee_a")
            b = self._known_employee(row, "employee_b")
            weight = row.get("weight")
            if a is None or b is None or not row.ok:
                continue
            if a == b:
                row.warn(
                    row.index("employee_b"), f"{shown(a)} is paired with themselves; row ignored"
                )
                continue
            pair = (a, b) if a < b else (b, a)
            total = self.interactions.get(pair, 0.0) + (1.0 if weight is None else weight)
            first = self.interaction_rows.setdefault(pair, row.number)
            if total > MAX_TIE_WEIGHT >= self.interactions.get(pair, 0.0):
                where = "weight" if "weight" in table.columns else "employee_b"
                row.error(
                    row.index(where),
                    f"the weights of {shown(pair[0])} and {shown(pair[1])} "
                    f"(rows {first} to {row.number}) add up to {total:.3g}, "
                    f"more than {MAX_TIE_WEIGHT:,.0f}",
                )
            self.interactions[pair] = total

    def _known_department(self, row: _Row, name: str) -> str | None:
        """The Employees department named in column ``name``; reports it when unknown."""
        department: str | None = row.get(name)
        if department is None or _EMPLOYEES in self.unreadable:
            return department
        index = row.index(name)
        found = self._department_ref(row, index, department)
        if found is None:
            self._unknown(
                row,
                index,
                f"no employee is in department {shown(department)} (Employees sheet)",
                "department",
                department,
                self.departments.suggest,
            )
        return found

    def _read_priorities(self, table: _Table) -> None:
        self._warn_extra_columns(table)
        if not self._required_columns(table):
            return
        first_rows: dict[tuple[str, str], int] = {}
        for row in self._rows(table):
            a = self._known_department(row, "department_a")
            b = self._known_department(row, "department_b")
            weight = row.get("weight")
            if a is None or b is None:
                continue
            index = row.index("department_b")
            if a == b:
                row.error(index, f"department {shown(a)} is paired with itself")
                continue
            pair = (a, b) if a < b else (b, a)
            if pair in first_rows:
                row.error(index, f"this pair is already given on row {first_rows[pair]}")
                continue
            first_rows[pair] = row.number
            if row.ok:
                self.priorities[pair] = 1.0 if weight is None else weight
                if weight is not None:
                    self.weight_cells["bridging"].append((row, row.index("weight"), weight))

    def _read_teams(self, table: _Table) -> None:
        self._warn_extra_columns(table)
        if not self._required_columns(table):
            return
        name_rows: dict[str, int] = {}
        for row in self._rows(table):
            name = row.get("team")
            spec = {
                column: row.get(column)
                for column in (
                    "count",
                    "min_size",
                    "max_size",
                    "min_departments",
                    "max_per_department",
                )
            }
            team_index = row.index("team")
            if name is None:
                self.blank_names["team"].append(str(row.cell(team_index)))
                continue
            earlier = self.team_spellings.add(name, row.cell(team_index))
            if earlier is not None:
                outcome = "they are two teams; if one team is meant, delete a row"
                row.warn(team_index, _look_alike("team", name, earlier, outcome))
            count = spec["count"] or 1
            most = max(len(self.employee_rows), 1)
            if count > most:  # also keeps a hostile count from making millions of names
                if _EMPLOYEES not in self.unreadable:
                    row.error(
                        row.index("count"),
                        f"count {count} makes more teams than there are employees ({most})",
                    )
                count = 1
            names = (name,) if count == 1 else tuple(f"{name}-{i}" for i in range(1, count + 1))
            taken = [n for n in (name, *names) if n in name_rows]
            if taken:
                row.error(
                    team_index,
                    f"team name {shown(taken[0])} is already used on row {name_rows[taken[0]]}",
                )
                continue
            name_rows.update(dict.fromkeys((name, *names), row.number))
            self.team_names[name] = names
            self.team_names.update({n: (n,) for n in names})
            if spec["min_size"] is not None:
                self._no_more_than_headcount(row, "min_size", spec["min_size"], "team")
            for column in ("max_size", "max_per_department"):
                if spec[column] is not None:
                    # never below min_size: that team is told about once, above
                    spec[column] = self._at_most_headcount(
                        row, row.index(column), column, spec[column], floor=spec["min_size"]
                    )
            min_size, max_size = spec["min_size"], spec["max_size"]
            if min_size is not None and max_size is not None and min_size > max_size:
                row.error(
                    row.index("min_size"),
                    f"min_size {min_size} is larger than max_size {max_size}",
                )
            if not row.ok:
                continue
            if min_size is None:
                min_size = DEFAULT_MIN_SIZE if max_size is None else min(DEFAULT_MIN_SIZE, max_size)
            if max_size is None:
                max_size = max(DEFAULT_MAX_SIZE, min_size)
            given = {k: v for k, v in spec.items() if v is not None}
            self.team_rows.append(
                _TeamRow({**given, "name": name, "min_size": min_size, "max_size": max_size}, names)
            )

    def _read_team_skills(self, table: _Table) -> None:
        self._warn_extra_columns(table)
        if not self._required_columns(table):
            return
        for row in self._rows(table):
            team = row.get("team")
            skill = row.get("skill")
            need = {k: v for k in ("min_level", "min_count") if (v := row.get(k)) is not None}
            if "min_count" in need:
                self._no_more_than_headcount(row, "min_count", need["min_count"], "team")
            if team is not None and team not in self.team_names and _TEAMS not in self.unreadable:
                self._unknown_team(row, row.index("team"), team)
            if skill is not None:
                skill = self._held_skill(row, "skill", skill)
            if row.ok and team is not None and skill is not None:
                self.skill_needs[team].append(SkillNeed(skill=skill, **need))

    def _read_periods(self, table: _Table) -> None:
        self._warn_extra_columns(table)
        if not self._required_columns(table):
            return
        first_rows: dict[str, int] = {}
        for row in self._rows(table):
            label = row.get("period")
            if label is None:
                continue
            index = row.index("period")
            if label in first_rows:
                row.error(index, f"period {shown(label)} is already on row {first_rows[label]}")
                continue
            earlier = self.period_spellings.add(label, row.cell(index))
            if earlier is not None:
                outcome = "they are two periods; if one period is meant, delete a row"
                row.warn(index, _look_alike("period", label, earlier, outcome))
            first_rows[label] = row.number
            self.periods.append(Period(label=label, index=len(self.periods)))

    def _read_balance(self, table: _Table) -> None:
        self._warn_extra_columns(table)
        if not self._required_columns(table):
            return
        modes = ", ".join(mode.value for mode in BalanceMode)
        for row in self._rows(table):
            attribute = self._balance_attribute(row)
            if attribute is not None:
                self.balance_attributes.add(attribute)
            mode_text = row.get("mode")
            weight = row.get("weight")
            value = row.get("value")
            mode = None
            if mode_text is not None:
                mode = next(
                    (m for m in BalanceMode if m.value == schema.normalise(mode_text)), None
                )
                if mode is None:
                    row.error(
                        row.index("mode"), f"'{shown(mode_text)}' is not a mode: use one of {modes}"
                    )
            if mode is BalanceMode.BALANCE and attribute in self.attribute_columns:
                self._check_numeric_attribute(row, attribute)
            if value is not None and mode not in (None, BalanceMode.NO_LONE):
                row.warn(row.index("value"), _IGNORED_VALUE.format(mode=mode))
            if row.ok and attribute is not None and mode is not None:
                soft = {} if weight is None or weight == HARD else {"weight": weight}
                if soft:
                    self.weight_cells["balance"].append((row, row.index("weight"), weight))
                self.balance_rules.append(
                    BalanceRule(
                        attribute=attribute,
                        mode=mode,
                        hard=weight == HARD,
                        value=value,
                        row=row.number,
                        **soft,
                    )
                )

    def _balance_attribute(self, row: _Row) -> str | None:
        text = row.get("attribute")
        if text is None:
            return None
        match = schema.match_key(text)
        key = _COLUMN_NAMES[_EMPLOYEES].get(match) or self.attribute_keys.get(match, text)
        if key not in self.attribute_columns and _EMPLOYEES not in self.unreadable:
            usable = ", ".join(header for _, header in self.attribute_columns.values())
            row.error(
                row.index("attribute"),
                f"the Employees sheet has no column '{shown(text)}' usable by a Balance rule"
                + (f" (usable: {usable})" if usable else ""),
            )
            return None
        return key

    def _check_numeric_attribute(self, row: _Row, attribute: str) -> None:
        """Mode balance needs numbers: the first text cell is named, never quoted (the
        column may be a name or a salary), and so is a number too large to average."""
        index, header = self.attribute_columns[attribute]
        title = self.tables[_EMPLOYEES].title
        for employee_id, employee in self.employees.items():
            value = employee.fields["attributes"].get(attribute)
            if isinstance(value, str):
                cell = f"{title}!{get_column_letter(index)}{employee.fields['row']}"
                row.error(
                    row.index("mode"),
                    f"mode balance needs numbers in column {header!r}, but employee "
                    f"{shown(employee_id)} has text there ({cell})",
                )
                return
            if isinstance(value, float) and abs(value) > MAX_ATTRIBUTE_NUMBER:
                # the value itself is not quoted: the column may be personal (a salary)
                row.ok = False
                self.problems.add(
                    f"Balance row {row.number} averages this column, and a number beyond "
                    f"±{MAX_ATTRIBUTE_NUMBER:.0e} cannot be averaged exactly: use smaller units",
                    sheet=title,
                    row=employee.fields["row"],
                    column=header,
                    index=index,
                )

    def _read_rules(self, table: _Table) -> None:
        self._warn_extra_columns(table)
        if not self._required_columns(table):
            return
        kinds = ", ".join(kind.value for kind in RuleKind)
        for row in self._rows(table):
            text = row.get("rule")
            employee_id = self._known_employee(row, "employee_id")
            target = row.get("target")
            note = row.get("note") or ""
            kind = None
            targets: tuple[str, ...] = ()
            if text is not None:
                kind = next((k for k in RuleKind if k.value == schema.normalise(text)), None)
                if kind is None:
                    row.error(
                        row.index("rule"), f"'{shown(text)}' is not a rule: use one of {kinds}"
                    )
            if kind is not None:
                target, targets = self._rule_targets(row, kind, employee_id, target)
            if row.ok and kind is not None and employee_id is not None:
                self.rules.append(
                    Rule(
                        kind=kind,
                        employee_id=employee_id,
                        target=target if RULE_TARGET[kind] else None,
                        targets=targets,
                        note=note,
                        row=row.number,
                    )
                )

    def _rule_targets(
        self, row: _Row, kind: RuleKind, employee_id: str | None, target: str | None
    ) -> tuple[str | None, tuple[str, ...]]:
        """Resolve a rule's target per ``RULE_TARGET``, reporting it at the target cell:
        the target as the defining sheet spells it, and what it means."""
        names = RULE_TARGET[kind]
        index = row.table.columns.get("target")
        if names is None:
            if target is not None and index is not None:
                row.warn(index, f"rule {kind.value} takes no target; it was ignored")
            return target, ()
        if target is None or index is None:
            where = index if index is not None else row.index("rule")
            row.error(where, f"rule {kind.value} needs a target ({names})")
            return target, ()
        if (_TEAMS if names == "team" else _EMPLOYEES) in self.unreadable:
            return target, (target,)  # the sheet defining them could not be read
        if names == "team":
            if target not in self.team_names:
                self._unknown_team(row, index, target)
                return target, ()
            return target, self.team_names[target]
        if names == "department":
            found = self._department_ref(row, index, target)
            if found is None:
                self._unknown(
                    row,
                    index,
                    f"no department {shown(target)} on the Employees sheet",
                    "department",
                    target,
                    self.departments.suggest,
                )
                return target, ()
            return found, (found,)
        if target not in self.employee_rows:
            self._unknown_employee(row, index, target)
            return target, ()
        if target == employee_id:
            row.error(index, f"rule {kind.value} needs two different employees")
            return target, ()
        return target, (target,)

    def _unknown_team(self, row: _Row, index: int, team: str) -> None:
        self._unknown(
            row,
            index,
            f"no team {shown(team)} on the Teams sheet",
            "team",
            team,
            lambda name: _did_you_mean(name, self.team_names),
        )

    # -- ranges that depend on the company --------------------------------------------------

    def _headcount(self) -> int | None:
        """Employees on the Employees sheet (rows with errors too); ``None`` when unread."""
        return None if _EMPLOYEES in self.unreadable else len(self.employee_rows)

    def _at_most_headcount(
        self, row: _Row, index: int, name: str, value: int, floor: int | None = None
    ) -> int:
        """A size or capacity, reduced to the headcount (or ``floor``, if larger) with a
        warning when above it."""
        headcount = self._headcount()
        if headcount is None or value <= headcount or (floor is not None and value <= floor):
            return value
        used = max(headcount, floor or 0)
        row.warn(
            index,
            f"{name} {value:,} is more than the {headcount:,} employees; {used:,} is used, "
            "which limits nothing",
        )
        return used

    def _no_more_than_headcount(self, row: _Row, column: str, value: int, what: str) -> None:
        """A minimum no company this size can meet: a warning at its cell (a workbook being
        filled in may lack people yet; a plan explains it before the solver starts)."""
        most = self._headcount()
        if most is not None and value > most:
            row.warn(
                row.index(column),
                f"{column} {value:,} is more than the {most:,} employees: no {what} can meet "
                "it, and a plan will say so",
            )

    def _limit_default_capacity(self) -> None:
        place = self.setting_cells.get("default_host_capacity")
        capacity = self.settings.default_host_capacity
        if place is None:
            return
        row, index = place
        limited = self._at_most_headcount(row, index, "default_host_capacity", capacity)
        if limited != capacity:
            self.settings = self.settings.model_copy(update={"default_host_capacity": limited})

    def _refuse_weights(self, instance: PlanningInput) -> bool:
        """An error at the largest weight of the objective part that grows most, when the
        objective could pass what the solver adds up exactly; True when refused."""
        extent = objective_extent(instance)
        if extent.fits:
            return False
        part = extent.largest
        given = [
            (row, index, float(getattr(self.settings, key)))
            for key in PART_SETTINGS[part]
            if (place := self.setting_cells.get(key)) is not None
            for row, index in [place]
        ]
        cells = [*given, *self.weight_cells.get(part, [])]
        if not cells:
            self.problems.add(extent.message(), sheet=schema.SETTINGS.name)
            return True
        row, index, _ = max(cells, key=lambda cell: cell[2])
        row.error(index, extent.message())
        return True

    def _warn_unused_attributes(self) -> None:
        table = self.tables.get(schema.EMPLOYEES.name)
        if table is None:
            return
        for key, (index, header) in self.attribute_columns.items():
            if key not in ATTRIBUTE_COLUMNS and key not in self.balance_attributes:
                self.problems.add(
                    f"extra column {header!r} is kept as an employee attribute, but no "
                    "Balance rule uses it",
                    sheet=table.title,
                    row=table.header_row,
                    column=header,
                    index=index,
                    warning=True,
                )

    def _merge_attribute_spellings(self) -> None:
        """Values of an attribute a Balance rule uses are merged as departments are, with a
        warning naming both cells; values are quoted only for QUOTABLE_ATTRIBUTES, as other
        columns may be personal."""
        table = self.tables.get(_EMPLOYEES)
        if table is None:
            return
        # departments are merged as they are read; names are no category to balance
        used = sorted(self.balance_attributes & self.attribute_columns.keys())
        for attribute in (a for a in used if a not in ("department", "name")):
            index, header = self.attribute_columns[attribute]
            spellings = _Names()
            for employee in self.employees.values():
                value = employee.fields["attributes"].get(attribute)
                if isinstance(value, str):
                    spellings.add(value, _Cell(table.title, employee.fields["row"], index, header))
            quotable = attribute in QUOTABLE_ATTRIBUTES
            for variant in spellings.settle():
                message = _variant_message(header, variant, quotable=quotable)
                self._warn_at(variant.spelling.first, message)
            for employee in self.employees.values():
                fields = employee.fields
                value = fields["attributes"].get(attribute)
                if isinstance(value, str):
                    fields["attributes"][attribute] = spellings.canonical(value)
                    if attribute in fields:
                        fields[attribute] = fields["attributes"][attribute]

    # -- the instance ------------------------------------------------------------------

    def result(self, source: SourceFile) -> ReadResult:
        instance = None if self.problems.has_errors else self._instance(source)
        return ReadResult(
            instance, self.problems.of(Severity.ERROR), self.problems.of(Severity.WARNING)
        )

    def _instance(self, source: SourceFile) -> PlanningInput | None:
        employees = tuple(
            Employee(**row.fields, skills=row.skills) for row in self.employees.values()
        )
        headcount: dict[str, int] = defaultdict(int)
        for employee in employees:
            headcount[employee.department] += 1
        departments = tuple(
            Department(
                name=name,
                headcount=count,
                **{
                    "min_on_site": self.settings.default_min_on_site,
                    "host_capacity": self.settings.default_host_capacity,
                    **self.department_rows.get(name, {}),
                },
            )
            for name, count in headcount.items()
        )
        specs, teams = self._teams()
        needed = {need.skill for needs in self.skill_needs.values() for need in needs}
        critical = {skill for d in departments for skill in d.critical_skills}
        try:
            instance = PlanningInput(
                employees=employees,
                departments=departments,
                interactions=tuple(
                    Interaction(employee_a=a, employee_b=b, weight=w)
                    for (a, b), w in self.interactions.items()
                ),
                has_interactions_sheet=schema.INTERACTIONS.name in self.tables,
                priorities=tuple(
                    Priority(department_a=a, department_b=b, weight=w)
                    for (a, b), w in self.priorities.items()
                ),
                team_specs=specs,
                teams=teams,
                balance_rules=tuple(self.balance_rules),
                periods=tuple(self.periods),
                rules=tuple(self.rules),
                settings=self.settings,
                skills=tuple(sorted(self.skill_names | needed | critical)),
                warnings=self.problems.of(Severity.WARNING),
                source=source,
            )
        except ValidationError as invalid:  # a model rule the checks above do not mirror
            for error in invalid.errors():
                where = ".".join(str(part) for part in error["loc"])
                self.problems.add(f"{where}: {describe_validation_error(error)}")
            return None
        return None if self._refuse_weights(instance) else instance

    def _teams(self) -> tuple[tuple[TeamSpec, ...], tuple[Team, ...]]:
        specs: list[TeamSpec] = []
        teams: list[Team] = []
        for row in self.team_rows:
            spec = TeamSpec(
                **row.spec, skill_needs=tuple(self.skill_needs.get(row.spec["name"], ()))
            )
            specs.append(spec)
            # TeamSkills rows naming one concrete team (Ops-2) add to the spec's needs
            own = {n: self.skill_needs.get(n, []) for n in row.names if n != spec.name}
            teams.extend(spec.expand(own))
        return tuple(specs), tuple(teams)


def _rows_text(rows: list[int]) -> str:
    """ "row 5 is" or "rows 5-7, 20 are": consecutive rows as ranges."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs]
    if len(rows) == 1:
        return f"row {parts[0]} is"
    listed = ", ".join(parts[:10]) + (f", ... ({len(rows):,} rows in all)" if parts[10:] else "")
    return f"rows {listed} are"


def _did_you_mean(name: str, known: Iterable[str]) -> str:
    """ "; did you mean Sales?" when a known name is close to ``name`` (case and look-alike
    letters aside), else ""; for the few names of a kind that no ``_Names`` holds."""
    names = _Names()
    for k in known:
        names.add(k, _Cell("", 0, 1, None))  # no cell: only suggest() is asked
    return names.suggest(name)


def _setting_kind(setting: FieldInfo) -> schema.Kind:
    """How a Settings field's cell is read, from its type (``float | None`` -> number).

    A number bounded by 1 is a share, so "80%" is accepted as for min_on_site.
    """
    types = set(typing.get_args(setting.annotation)) - {type(None)} or {setting.annotation}
    if bool in types:
        return schema.Kind.YES_NO
    if int in types:
        return schema.Kind.INT
    if float in types:
        is_share = any(getattr(bound, "le", None) == 1 for bound in setting.metadata)
        return schema.Kind.FRACTION if is_share else schema.Kind.NUMBER
    return schema.Kind.TEXT
