"""Reading a whole input workbook: its sheets in dependency order, then the instance."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crossteam.errors import InputError
from crossteam.io import schema
from crossteam.io.reader.balance import read_balance
from crossteam.io.reader.context import Reading
from crossteam.io.reader.departments import read_departments
from crossteam.io.reader.employees import (
    merge_attribute_spellings,
    read_employees,
    warn_unused_attributes,
)
from crossteam.io.reader.history import read_history
from crossteam.io.reader.instance import ReadResult, read_result
from crossteam.io.reader.interactions import read_interactions
from crossteam.io.reader.language import settle_language
from crossteam.io.reader.layout import find_sheets, is_example, read_table, refuse_examples
from crossteam.io.reader.periods import read_periods
from crossteam.io.reader.preferences import read_preferences
from crossteam.io.reader.priorities import read_priorities
from crossteam.io.reader.rules import read_rules
from crossteam.io.reader.settings import limit_default_capacity, read_settings
from crossteam.io.reader.skills import read_skills
from crossteam.io.reader.table import Table
from crossteam.io.reader.teams import read_team_skills, read_teams
from crossteam.io.safety import Workbook, file_sha256, open_workbook
from crossteam.models import PlanningInput, SourceFile

SheetReader = Callable[[Reading, Table], None]

STEPS: tuple[tuple[schema.Sheet, SheetReader], ...] = (
    (schema.SETTINGS, read_settings),
    (schema.EMPLOYEES, read_employees),
    (schema.SKILLS, read_skills),
    (schema.DEPARTMENTS, read_departments),
    (schema.INTERACTIONS, read_interactions),
    (schema.PRIORITIES, read_priorities),
    (schema.TEAMS, read_teams),
    (schema.TEAM_SKILLS, read_team_skills),
    (schema.PERIODS, read_periods),
    (schema.BALANCE, read_balance),
    (schema.RULES, read_rules),
    (schema.PREFERENCES, read_preferences),
    (schema.HISTORY, read_history),
)
"""Each sheet after the sheets whose names it refers to."""


def read_workbook(path: str | Path) -> ReadResult:
    """Read and validate an input workbook; bad content is reported, never raised.

    Raises:
        UnreadableFileError: the file is not an .xlsx that can be opened safely.
    """
    path = Path(path)
    with open_workbook(path) as workbook:
        reading = read_sheets(workbook)
    source = SourceFile(
        path=str(path.resolve()), sha256=file_sha256(path), size_bytes=path.stat().st_size
    )
    return read_result(reading, source)


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


def read_sheets(workbook: Workbook) -> Reading:
    """Every sheet of the contract the workbook has, read in ``STEPS`` order."""
    settle_language(workbook)
    reading = Reading(workbook)
    problems, unreadable = reading.problems, reading.unreadable
    titles = find_sheets(workbook, problems, unreadable)
    title = titles.get(schema.EMPLOYEES.name)
    # Employees first: whether template examples were left in decides how every
    # sheet's rows are read, Settings (read before Employees) among them
    employees = (
        None
        if title is None
        else read_table(workbook, schema.EMPLOYEES, title, problems, unreadable)
    )
    examples_left = employees is not None and any(
        is_example(employees, cells) for _, cells in employees.rows
    )
    for sheet, read in STEPS:
        title = titles.get(sheet.name)
        # One sheet's cells at a time: a large Interactions sheet is parsed, read and
        # let go before the next sheet is parsed.
        if sheet is schema.EMPLOYEES:
            table = employees
        else:
            table = (
                None if title is None else read_table(workbook, sheet, title, problems, unreadable)
            )
        if table is not None:
            if examples_left:
                refuse_examples(table, problems)
            reading.tables[sheet.name] = table
            read(reading, table)
            table.rows = ()
    warn_unused_attributes(reading)
    merge_attribute_spellings(reading)
    limit_default_capacity(reading)
    return reading
