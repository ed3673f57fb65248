"""The History sheet: the teams people were in and the hosts they rotated to in earlier
periods, and the order of those periods."""

from __future__ import annotations

import re
from datetime import date, datetime

from crossteam import i18n
from crossteam.io.labels import label
from crossteam.io.reader.context import EMPLOYEES, Reading
from crossteam.io.reader.preferences import programme_kind
from crossteam.io.reader.references import department_ref
from crossteam.io.reader.table import Cell, Row, Table
from crossteam.models import HistoryEntry, ProgrammeKind
from crossteam.models.text import shown
from crossteam.models.wording import runs

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ROW_RUNS_SHOWN = 10


def read_history(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    labels: dict[str, None] = {}
    """Every period label, in order of first appearance."""
    left: list[int] = []
    """Rows of employees not on Employees (people leave): one warning for them all."""
    teams: dict[tuple[str, str], tuple[str, Cell]] = {}
    """(employee, period) -> the first team they were in then, and its cell."""
    for row in reading.rows(table):
        employee_id = row.get("employee_id")
        period = _period(row)
        kind = programme_kind(row)
        target = row.get("target")
        if period is not None:
            labels.setdefault(period)
        if employee_id is None or period is None or kind is None or target is None:
            continue
        if EMPLOYEES not in reading.unreadable and employee_id not in reading.employee_rows:
            left.append(row.number)
            continue
        if kind is ProgrammeKind.ROTATION:
            target = department_ref(reading, row, row.index("target"), target) or target
        else:
            _warn_second_team(row, teams, employee_id, period, target)
        if row.ok:
            reading.history.append(
                HistoryEntry(
                    employee_id=employee_id, period=period, kind=kind, target=target, row=row.number
                )
            )
    reading.history_periods = _in_order(list(labels))
    if left:
        _warn_left(reading, table, left)


def _period(row: Row) -> str | None:
    """The period label: a date cell as its ISO date ("2027-01-01"), anything else as text
    (a number as an id reads)."""
    index = row.index("period")
    raw = row.cells.get(index)
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    label: str | None = row.get("period")
    return label


def _as_date(label: str) -> date | None:
    if not _ISO_DATE.fullmatch(label):
        return None
    try:
        return date.fromisoformat(label)
    except ValueError:
        return None


def _in_order(labels: list[str]) -> list[str]:
    """Earliest first: by date when every label is a date, else as they first appear."""
    dates = [_as_date(label) for label in labels]
    if not labels or any(d is None for d in dates):
        return labels
    return [label for _, label in sorted(zip(dates, labels, strict=True))]


def _warn_second_team(
    row: Row,
    teams: dict[tuple[str, str], tuple[str, Cell]],
    employee_id: str,
    period: str,
    team: str,
) -> None:
    """A warning when this employee was already in another team in ``period``."""
    index = row.index("target")
    first = teams.setdefault((employee_id, period), (team, row.cell(index)))
    if first[0] != team:
        row.warn(
            index,
            i18n.t("reader.second_team", team=shown(first[0]), period=shown(period), cell=first[1]),
        )


def _warn_left(reading: Reading, table: Table, rows: list[int]) -> None:
    """One warning for every row of an employee no longer on Employees."""
    shown_runs = runs(rows)
    more = ["..."] if len(shown_runs) > _ROW_RUNS_SHOWN else []
    listed = i18n.listed([*shown_runs[:_ROW_RUNS_SHOWN], *more])
    index = table.columns["employee_id"]
    reading.problems.add(
        i18n.t(
            "reader.history_left",
            rows=i18n.counted(len(rows), "row_names"),
            sheet=label(EMPLOYEES),
            listed=listed,
        ),
        sheet=table.title,
        row=rows[0],
        column=table.headers.get(index),
        index=index,
        warning=True,
    )
