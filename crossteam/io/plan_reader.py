"""Reading a plan workbook back: its teams and rotation, and managers' review decisions.

The workbook may have been edited by hand, so every reference is checked against the
planning instance and each problem names its sheet, row and column, as for the input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from openpyxl.utils import get_column_letter

from crossteam.errors import InputError
from crossteam.io.cells import CellError, as_id, as_text, check_raw
from crossteam.io.plan_layout import (
    DECISIONS,
    REVIEW,
    ROTATION,
    ROTATION_COLUMNS,
    RUN_INFO,
    TEAMS,
)
from crossteam.io.safety import open_workbook
from crossteam.io.schema import EMPLOYEES, match_key, normalise
from crossteam.io.text import clean, fold, written
from crossteam.models import (
    Plan,
    PlanningInput,
    Problem,
    ReviewDecision,
    RotationStint,
    SolveStatus,
    TeamAssignment,
)
from crossteam.models.review import ReviewKind


@dataclass
class _Sheet:
    """One sheet of the plan: its header (first non-empty row) and the rows below it."""

    name: str
    header_row: int
    headers: dict[int, str]
    """Column number -> header as written."""
    rows: tuple[tuple[int, dict[int, object]], ...]
    problems: list[Problem] = field(default_factory=list)
    people: dict[str, str] | None = None
    """Folded employee name -> id, built at the first unknown employee of the sheet."""

    def column(self, header: str) -> int | None:
        """Number of the column whose header normalises like ``header``."""
        wanted = normalise(header)
        return next((c for c, h in self.headers.items() if normalise(h) == wanted), None)

    def require(self, *headers: str) -> dict[str, int]:
        """Column numbers of ``headers``; a missing one is a problem on the header row."""
        found: dict[str, int] = {}
        for header in headers:
            column = self.column(header)
            if column is None:
                self.problem(self.header_row, None, header, f"no column {header!r}")
            else:
                found[header] = column
        return found

    def problem(self, row: int | None, column: int | None, header: str, message: str) -> None:
        cell = f"{get_column_letter(column)}{row}" if column is not None and row else None
        self.problems.append(
            Problem(sheet=self.name, row=row, column=header, cell=cell, message=message)
        )

    def text(self, row: int, values: dict[int, object], column: int | None) -> str | None:
        """The cell as text (numbers without ".0", through ``text.clean`` as the input's
        names are), ``None`` when blank, only invisible characters or unreadable."""
        if column is None or column not in values:
            return None
        try:
            value = values[column]
            check_raw(value)
            return clean(as_id(value)) or None
        except CellError as error:
            self.problem(row, column, self.headers[column], error.message)
            return None


def _read_sheets(path: Path, *wanted: str) -> dict[str, _Sheet]:
    """The sheets named in ``wanted`` (matched as the input's sheet names are) that exist."""
    found: dict[str, _Sheet] = {}
    with open_workbook(path) as workbook:
        _refuse_input_workbook(path, workbook.titles)
        names = {normalise(n): n for n in workbook.titles}
        for name in wanted:
            actual = names.get(normalise(name))
            if actual is None:
                continue
            content = workbook.read_sheet(actual)
            if not content.rows:
                found[name] = _Sheet(actual, 1, {}, ())
                continue
            header_row, header = content.rows[0]
            headers = {c: as_text(v) for c, v in header.items()}
            found[name] = _Sheet(actual, header_row, headers, content.rows[1:])
    return found


_EMPLOYEES_SHEET = frozenset(match_key(n) for n in (EMPLOYEES.name, *EMPLOYEES.aliases))


def _refuse_input_workbook(path: Path, titles: list[str]) -> None:
    """An input workbook given where a plan belongs (``audit in.xlsx --plan in.xlsx``) is
    told as such, rather than as a plan missing its columns."""
    keys = {match_key(title) for title in titles}
    if keys & _EMPLOYEES_SHEET and match_key(RUN_INFO) not in keys:
        raise InputError(
            [
                Problem(
                    message=f"{path.name} looks like an input workbook (it has an Employees "
                    f"sheet and no {RUN_INFO} sheet), not a plan: give the plan workbook "
                    "that crossteam plan wrote"
                )
            ]
        )


def _raise_if_problems(*sheets: _Sheet) -> None:
    problems = [p for sheet in sheets for p in sheet.problems]
    if problems:
        raise InputError(problems)


def read_plan(path: Path, instance: PlanningInput) -> Plan:
    """The teams and rotation stints of the plan workbook at ``path``.

    Teams come in the order of their first row on the Teams sheet, members in row order;
    stints in row order, then period order.

    Raises:
        InputError: the file is not a readable plan, or names an employee, team, period or
            department the instance does not have; every problem is listed.
    """
    sheets = _read_sheets(path, TEAMS, ROTATION, RUN_INFO)
    run_info = sheets.pop(RUN_INFO, None)
    if not sheets:
        raise InputError(
            [Problem(message=f"{path.name} has neither a {TEAMS} nor a {ROTATION} sheet")]
        )
    teams = _read_teams(sheets[TEAMS], instance) if TEAMS in sheets else ()
    rotation = _read_rotation(sheets[ROTATION], instance) if ROTATION in sheets else ()
    _raise_if_problems(*sheets.values())
    planned = _planned_parts(run_info)
    return Plan(
        status=SolveStatus.FEASIBLE,
        teams=teams,
        rotation=rotation,
        planned_teams=planned.get("planned_teams", TEAMS in sheets),
        planned_rotation=planned.get("planned_rotation", ROTATION in sheets),
    )


def _planned_parts(run_info: _Sheet | None) -> dict[str, bool]:
    """Which parts the run planned, as its Run Info sheet recorded them (a --no-rotation
    plan is not held to the rotation rules when it is read back)."""
    if run_info is None or len(run_info.headers) < 2:
        return {}
    wanted = {"planned_teams", "planned_rotation"}
    found = {}
    for _, values in run_info.rows:
        cells = [values.get(c) for c in sorted(run_info.headers)[:2]]
        field, value = as_text(cells[0]), as_text(cells[1])
        if field in wanted and value in ("yes", "no"):
            found[field] = value == "yes"
    return found


def _read_teams(sheet: _Sheet, instance: PlanningInput) -> tuple[TeamAssignment, ...]:
    columns = sheet.require("team", "employee_id")
    if len(columns) < 2:
        return ()
    members: dict[str, list[str]] = {}
    for row, values in sheet.rows:
        team = _known(sheet, row, values, columns["team"], instance.team_by_name, "team")
        employee = _known(
            sheet, row, values, columns["employee_id"], instance.employee_by_id, "employee"
        )
        if team is None or employee is None:
            continue
        listed = members.setdefault(team, [])
        if employee in listed:
            sheet.problem(
                row, columns["employee_id"], "employee_id", f"{employee} is listed twice in {team}"
            )
        else:
            listed.append(employee)
    return tuple(TeamAssignment(team=t, members=tuple(m)) for t, m in members.items())


def _known(
    sheet: _Sheet,
    row: int,
    values: dict[int, object],
    column: int,
    known: dict[str, Any],
    what: str,
) -> str | None:
    """The cell's text when the instance knows it; otherwise a problem and ``None``."""
    text = sheet.text(row, values, column)
    if text is None:
        if column not in values:
            sheet.problem(row, column, sheet.headers[column], f"the {what} is missing")
        return None
    if text not in known:
        header = sheet.headers[column]
        person = _person_named(sheet, text, known) if what == "employee" else None
        if person is not None:  # not quoted: a name is personal data
            sheet.problem(row, column, header, f"holds the name of employee {person}, not an id")
            return None
        quoted = written(raw, text) if isinstance(raw := values[column], str) else text
        sheet.problem(row, column, header, f"unknown {what} '{quoted}'")
        return None
    return text


def _person_named(sheet: _Sheet, text: str, employees: dict[str, Any]) -> str | None:
    """The id of the employee whose name ``text`` is (case aside), if any."""
    if sheet.people is None:
        sheet.people = {fold(e.name): i for i, e in employees.items() if e.name}
    return sheet.people.get(fold(text))


def _read_rotation(sheet: _Sheet, instance: PlanningInput) -> tuple[RotationStint, ...]:
    columns = sheet.require("employee_id")
    if not columns:
        return ()
    fixed = {normalise(c) for c in ROTATION_COLUMNS}
    labels = {p.label: p for p in instance.periods}
    by_normal = {normalise(p.label): p for p in instance.periods}
    period_of: dict[int, str] = {}
    for column, header in sheet.headers.items():
        if normalise(header) in fixed:
            continue
        period = labels.get(header) or by_normal.get(normalise(header))
        if period is None:
            sheet.problem(
                sheet.header_row,
                column,
                header,
                f"unknown period '{written(header, clean(header))}'",
            )
        else:
            period_of[column] = period.label
    order = {p.label: p.index for p in instance.periods}
    stints: list[RotationStint] = []
    seen: set[tuple[str, str]] = set()
    for row, values in sheet.rows:
        employee = _known(
            sheet, row, values, columns["employee_id"], instance.employee_by_id, "employee"
        )
        hosts = [
            (period_of[c], sheet.text(row, values, c), c)
            for c in sorted(period_of, key=lambda c: order[period_of[c]])
        ]
        for label, department, column in hosts:
            header = sheet.headers[column]
            if department is None:
                continue
            if department not in instance.department_by_name:
                sheet.problem(row, column, header, f"unknown department '{department}'")
            elif employee is not None and (employee, label) in seen:
                sheet.problem(row, column, header, f"{employee} is already away in {label}")
            elif employee is not None:
                seen.add((employee, label))
                stints.append(
                    RotationStint(employee_id=employee, period=label, department=department)
                )
    return tuple(stints)


def read_review(path: Path, instance: PlanningInput) -> tuple[ReviewDecision, ...]:
    """The decisions managers entered on the Review sheet, in row order; blank ones skipped.

    Raises:
        InputError: no Review sheet, a decision other than keep / remove / lock, or an
            assignment naming what the instance does not have; every problem is listed.
    """
    sheets = _read_sheets(path, REVIEW)
    if REVIEW not in sheets:
        raise InputError([Problem(message=f"{path.name} has no {REVIEW} sheet to read")])
    sheet = sheets[REVIEW]
    columns = sheet.require(*_REVIEW_REQUIRED)
    _raise_if_problems(sheet)
    decisions = list(_decisions(sheet, instance, columns))
    _raise_if_problems(sheet)
    return tuple(decisions)


_REVIEW_REQUIRED = ("kind", "team", "period", "host_department", "employee_id", "decision")


def _word(text: str) -> str:
    return clean(text).casefold()


def _decisions(
    sheet: _Sheet, instance: PlanningInput, columns: dict[str, int]
) -> Iterator[ReviewDecision]:
    comment_column = sheet.column("comment")
    kinds = get_args(ReviewKind)
    for row, values in sheet.rows:
        decision = sheet.text(row, values, columns["decision"])
        if decision is None:
            continue
        if _word(decision) not in DECISIONS:
            sheet.problem(
                row,
                columns["decision"],
                sheet.headers[columns["decision"]],
                f"'{decision}' is not a decision: use keep, remove or lock",
            )
            continue
        kind = sheet.text(row, values, columns["kind"])
        if kind is None or _word(kind) not in kinds:
            sheet.problem(
                row,
                columns["kind"],
                sheet.headers[columns["kind"]],
                "kind must be team or rotation",
            )
            continue
        employee = _known(
            sheet, row, values, columns["employee_id"], instance.employee_by_id, "employee"
        )
        targets = _targets(sheet, row, values, instance, columns, _word(kind))
        if employee is None or targets is None:
            continue
        team, period, department = targets
        yield ReviewDecision(
            kind=_word(kind),
            employee_id=employee,
            team=team,
            period=period,
            department=department,
            decision=_word(decision),
            comment=sheet.text(row, values, comment_column) or "",
            row=row,
        )


def _targets(
    sheet: _Sheet,
    row: int,
    values: dict[int, object],
    instance: PlanningInput,
    columns: dict[str, int],
    kind: str,
) -> tuple[str | None, str | None, str | None] | None:
    """(team, period, host department) of one assignment; ``None`` after a problem."""
    wanted = (
        (("team", instance.team_by_name),)
        if kind == "team"
        else (
            ("period", {p.label: p for p in instance.periods}),
            ("host_department", instance.department_by_name),
        )
    )
    found: dict[str, str | None] = {"team": None, "period": None, "host_department": None}
    for header, known in wanted:
        found[header] = _known(sheet, row, values, columns[header], known, header.replace("_", " "))
        if found[header] is None:
            return None
    return found["team"], found["period"], found["host_department"]
