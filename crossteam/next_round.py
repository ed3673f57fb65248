"""The next round's input: the input workbook as it is, with the plan's teams and rotation
appended to its History sheet, so that the next ``plan`` knows who were teammates and
who visited which host (``crossteam next-round``, docs/next-round.md).

Every sheet, value and style of the input is kept; only History gains rows (the sheet is
added, named and headed in the run's language, when the input has none). Rows go under History's own
headers, whichever order or language they are in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.cells import as_text
from crossteam.io.excel import put
from crossteam.io.reader.table import column_name
from crossteam.io.safety import editable_copy
from crossteam.models import (
    EmployeeId,
    PeriodLabel,
    Plan,
    PlanningInput,
    ProgrammeKind,
    RepeatPolicy,
    RuleKind,
)
from crossteam.models.wording import runs

HEADER_SEARCH_ROWS: Final = 5
"""History's header is the first of these rows that names one of its columns."""
HISTORY_COLUMNS: Final = tuple(c.name for c in schema.HISTORY.columns)


@dataclass(frozen=True)
class HistoryRow:
    """A row to append to History."""

    employee_id: EmployeeId
    period: PeriodLabel
    kind: ProgrammeKind
    target: str

    def value(self, column: str) -> str:
        return {
            "employee_id": self.employee_id,
            "period": self.period,
            "kind": self.kind.value,
            "target": self.target,
        }[column]


@dataclass(frozen=True)
class NextRound:
    """What the next round's workbook adds to History, and what to heed before planning it."""

    rows: tuple[HistoryRow, ...]
    team_period: PeriodLabel | None
    """The teams' period label; ``None`` when the plan has no team."""
    warnings: tuple[str, ...] = ()

    @property
    def team_rows(self) -> int:
        return sum(r.kind is ProgrammeKind.TEAM for r in self.rows)

    @property
    def rotation_rows(self) -> int:
        return sum(r.kind is ProgrammeKind.ROTATION for r in self.rows)


def next_round(instance: PlanningInput, plan: Plan, period: PeriodLabel | None) -> NextRound:
    """The History rows of ``plan``: one per team member, in the teams' period (``period``,
    or ``round N``), and one per rotation stint, in the plan's own period labels; with a
    warning for each label History already holds (the rounds would merge)."""
    team_periods = _periods_of(instance, ProgrammeKind.TEAM)
    warnings: list[str] = []
    label = period if period is not None else _round_label(instance, len(team_periods))
    if period is not None and period in team_periods and plan.teams:
        warnings.append(i18n.t("terminal.history_teams_again", period=period))
    rows = [
        HistoryRow(member, label, ProgrammeKind.TEAM, team.team)
        for team in plan.teams
        for member in team.members
    ]
    order = {p.label: p.index for p in instance.periods}
    stints = sorted(plan.rotation, key=lambda s: order.get(s.period, len(order)))
    rows += [
        HistoryRow(s.employee_id, s.period, ProgrammeKind.ROTATION, s.department) for s in stints
    ]
    rotation_periods = _periods_of(instance, ProgrammeKind.ROTATION)
    again = sorted({s.period for s in stints} & rotation_periods, key=order.__getitem__)
    if again:
        warnings.append(i18n.t("terminal.history_rotation_again", periods=_periods_text(again)))
    warnings += _rules_the_past_blocks(instance, plan)
    return NextRound(tuple(rows), label if plan.teams else None, tuple(warnings))


def _rules_the_past_blocks(instance: PlanningInput, plan: Plan) -> list[str]:
    """Warnings for Rules rows that the History of the next round makes impossible under
    the forbid settings: a rotate_to row naming a host its person has now visited, and a
    together row naming people who have now been teammates. The next plan would stop on
    them with an explanation; here they are named before it is made."""
    settings = instance.settings
    found: list[str] = []
    if settings.repeat_host is RepeatPolicy.FORBID:
        visited = {
            (h.employee_id, h.target) for h in instance.history if h.kind is ProgrammeKind.ROTATION
        }
        visited |= {(s.employee_id, s.department) for s in plan.rotation}
        rows = [
            r.row
            for r in instance.rules_of(RuleKind.ROTATE_TO)
            if r.row is not None and any((r.employee_id, t) in visited for t in r.targets)
        ]
        if rows:
            found.append(
                i18n.t(
                    "terminal.rotate_to_visited", sheet=i18n.name("Rules"), rows=_rows_text(rows)
                )
            )
    if settings.repeat_teammates is RepeatPolicy.FORBID:
        team_of = {m: t.team for t in plan.teams for m in t.members}
        rows = [
            r.row
            for r in instance.rules_of(RuleKind.TOGETHER)
            if r.row is not None
            and r.employee_id in team_of
            and any(team_of.get(t) == team_of[r.employee_id] for t in r.targets)
        ]
        if rows:
            found.append(
                i18n.t(
                    "terminal.together_teammates", sheet=i18n.name("Rules"), rows=_rows_text(rows)
                )
            )
    return found


def _rows_text(rows: list[int]) -> str:
    spans = runs(sorted(set(rows)))
    if len(spans) > 1 or "-" in spans[0]:
        return i18n.t("terminal.rows", rows=i18n.listed(spans))
    return i18n.t("common.row", row=spans[0])


def _periods_of(instance: PlanningInput, kind: ProgrammeKind) -> set[PeriodLabel]:
    return {h.period for h in instance.history if h.kind is kind}


def _round_label(instance: PlanningInput, team_periods: int) -> PeriodLabel:
    """The teams' History period when ``--period`` is not given: ``round N`` (第N回),
    N = 1 + the team periods History holds (higher when that label is taken)."""
    taken = set(instance.history_periods)
    number = team_periods + 1
    while i18n.t("terminal.round_label", number=number) in taken:
        number += 1
    return i18n.t("terminal.round_label", number=number)


def _periods_text(labels: Sequence[str]) -> str:
    named = i18n.listed(i18n.t("terminal.listed_label", value=label) for label in labels)
    return i18n.t(
        "terminal.periods_named", periods=i18n.counted(len(labels), "period"), named=named
    )


def write_next_round(stream: BinaryIO, source: Path, added: NextRound) -> None:
    """Write ``source``'s workbook with ``added``'s rows appended to its History sheet.

    Raises:
        UnreadableFileError: ``source`` cannot be opened as a workbook to copy.
    """
    book = editable_copy(source)  # a protected input: decrypted in memory
    append_history(book, added.rows)
    book.save(stream)


def append_history(book: Workbook, rows: Iterable[HistoryRow]) -> None:
    """Append ``rows`` below the last filled row of ``book``'s History sheet (added after
    the last sheet when there is none), each value under its column's header."""
    sheet = _history_sheet(book)
    header_row, columns = _history_header(sheet)
    last = _last_filled_row(sheet, header_row, columns.values())
    for number, row in enumerate(rows, start=last + 1):
        for name, column in columns.items():
            put(sheet, number, column, row.value(name))
        last = number
    _extend_tables(sheet, header_row, last)


def _history_sheet(book: Workbook) -> Worksheet:
    names = {schema.match_key(n) for n in (schema.HISTORY.name, *schema.HISTORY.aliases)}
    for sheet in book.worksheets:
        if schema.match_key(sheet.title) in names:
            return sheet
    return book.create_sheet(i18n.name(schema.HISTORY.name))


def _history_header(sheet: Worksheet) -> tuple[int, dict[str, int]]:
    """History's header row and the column of each of its columns; headers the sheet lacks
    (all, when it is new or empty) are written in the run's language after its last header."""
    # only rows that exist: iterating creates cells, and the sheet would grow empty rows
    for row in sheet.iter_rows(min_row=1, max_row=min(HEADER_SEARCH_ROWS, sheet.max_row)):
        found: dict[str, int] = {}
        for cell in row:
            name, _ = column_name(schema.HISTORY, as_text(cell.value))
            if name is not None and name not in found:
                found[name] = cell.column
        if found:
            return row[0].row, _with_missing(sheet, row[0].row, found)
    return 1, _with_missing(sheet, 1, {})


def _with_missing(sheet: Worksheet, header_row: int, found: dict[str, int]) -> dict[str, int]:
    last = max(
        (c.column for c in sheet[header_row] if c.value not in (None, "")),
        default=0,
    )
    for name in HISTORY_COLUMNS:
        if name not in found:
            last += 1
            put(sheet, header_row, last, i18n.name(name))
            found[name] = last
    return found


def _last_filled_row(sheet: Worksheet, header_row: int, columns: Iterable[int]) -> int:
    """The last row below the header with a value in one of History's ``columns``
    (formatting alone does not count)."""
    wanted = set(columns)
    last = header_row
    for row in sheet.iter_rows(min_row=header_row + 1):
        if any(c.column in wanted and c.value not in (None, "") for c in row):
            last = row[0].row
    return last


def _extend_tables(sheet: Worksheet, header_row: int, last: int) -> None:
    """An Excel table headed on History's header row grows to the new last row."""
    for table in sheet.tables.values():
        left, top, right, bottom = range_boundaries(table.ref)
        if top == header_row and last > bottom:
            table.ref = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{last}"
            if table.autoFilter is not None:
                table.autoFilter.ref = table.ref
