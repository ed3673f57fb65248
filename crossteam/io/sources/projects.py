"""Project staffing: a ``Projects`` sheet of an .xlsx, or a CSV, with one row per person and
project (employee, project, optional start and end); docs/ties-projects.md says how to
export one from a project or staffing tool.

People on one project at the same time are tied, with weight the months they overlap
(inclusive days / 30.44), summed over the projects (and stints) they share. A missing
start means "from the project's start", a missing end "still on it": the open side is
closed by ``--since``/``--until``, else by the earliest/latest date in the file. Two rows
without any date give 1 per shared project. Memory grows with the rows (a staffing list,
not a log); a project's pairs are formed once the file is read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Final

from crossteam import i18n
from crossteam.io.sources.table import (
    BadRow,
    Column,
    Row,
    Seen,
    Table,
    as_day,
    as_person,
    open_table,
    tally,
)
from crossteam.models import Settings
from crossteam.models.people import PersonIndex
from crossteam.models.planning_input import EmployeeId
from crossteam.models.ties import Evidence, SourceReport, Window

SHEET: Final = ("Projects", "プロジェクト", "案件")
EMPLOYEE: Final = Column(
    "employee_id",
    ("社員id", "社員番号", "id", "従業員id", "employee", "member", "email", "メンバー", "担当者"),
    required=True,
)
PROJECT: Final = Column(
    "project", ("project_name", "project_id", "プロジェクト", "プロジェクト名", "案件"), True
)
START: Final = Column("start", ("start_date", "from", "開始", "開始日"))
END: Final = Column("end", ("end_date", "to", "until", "終了", "終了日"))
COLUMNS: Final = (EMPLOYEE, PROJECT, START, END)
DAYS_PER_MONTH: Final = 30.44


@dataclass(frozen=True)
class Stint:
    """One person's time on one project (``None``: open on that side)."""

    employee: EmployeeId
    start: date | None
    end: date | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def read_projects(
    path: Path,
    people: PersonIndex,
    window: Window,
    settings: Settings,
    report: SourceReport,
) -> Iterator[Evidence]:
    """Stream the evidence of a staffing list (the ``SourceReader`` signature).

    Raises:
        InputError: a column is missing or a cell is wrong (file, row and column named).
        UnreadableFileError: the file is too large, damaged or not a table.
    """
    with open_table(path, COLUMNS, sheet=SHEET) as table:
        projects = _stints(table, people, window, report)
        table.problems.raise_any()
    dates = [d for stints in projects.values() for s in stints for d in (s.start, s.end) if d]
    bounds = Window(
        window.since or min(dates, default=None), window.until or max(dates, default=None)
    )
    for stints in projects.values():
        for one, other in combinations(stints, 2):
            if one.employee == other.employee:
                continue
            evidence = _overlap(one, other, bounds)
            if evidence is not None:
                yield evidence


def _stints(
    table: Table, people: PersonIndex, window: Window, report: SourceReport
) -> dict[str, list[Stint]]:
    """Each project's stints (by project name, case-folded), rows outside ``window`` left out."""
    projects: dict[str, list[Stint]] = defaultdict(list)
    seen = Seen()
    for row in table.rows():
        report.rows_read += 1
        try:
            written = table.cell(row, EMPLOYEE, as_person, required=True) or ""
            project = table.cell(row, PROJECT, as_person, required=True) or ""
            start, end = _period(table, row)
        except BadRow:
            continue
        if _outside(window, start, end):
            report.skipped["outside_window"] += 1
            continue
        if seen.again(written, project, start, end):
            report.skipped["duplicate"] += 1
            continue
        employee = tally(report, written, people.anyone(written))
        if employee is None:
            report.skipped["unmatched"] += 1
            continue
        report.saw(start)
        report.saw(end)
        projects[project.casefold()].append(Stint(employee, start, end))
    return projects


def _period(table: Table, row: Row) -> tuple[date | None, date | None]:
    start = table.cell(row, START, as_day)
    end = table.cell(row, END, as_day)
    if start is not None and end is not None and end < start:
        message = i18n.t("ties_tables.cell.end_before_start", start=start.isoformat())
        table.problems.add(row.number, END, message)
        raise BadRow
    return start, end


def _outside(window: Window, start: date | None, end: date | None) -> bool:
    """True when the stint ends before ``--since`` or starts after ``--until``."""
    return (end is not None and window.since is not None and end < window.since) or (
        start is not None and window.until is not None and start > window.until
    )


def _overlap(one: Stint, other: Stint, bounds: Window) -> Evidence | None:
    """The tie two stints on one project give (``None`` when they do not overlap)."""
    if not one.dated and not other.dated:
        return Evidence(one.employee, other.employee, 1.0, None)
    starts = [d for d in (one.start, other.start, bounds.since) if d is not None]
    ends = [d for d in (one.end, other.end, bounds.until) if d is not None]
    first, last = max(starts), min(ends)
    if last < first:
        return None
    months = ((last - first).days + 1) / DAYS_PER_MONTH
    return Evidence(one.employee, other.employee, months, last)
