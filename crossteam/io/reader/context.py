"""What reading one workbook shares between its sheets: the problems found, the sheets that
could not be read, and what each sheet defines for the sheets read after it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.labels import label, labels
from crossteam.io.reader.layout import HEADER_SEARCH_ROWS
from crossteam.io.reader.names import Names
from crossteam.io.reader.problems import Problems
from crossteam.io.reader.table import Cell, Row, Table
from crossteam.io.safety import Workbook
from crossteam.models import (
    BalanceRule,
    HistoryEntry,
    Period,
    Preference,
    Rule,
    Settings,
    SkillNeed,
)

EMPLOYEES = schema.EMPLOYEES.name
TEAMS = schema.TEAMS.name


@dataclass
class EmployeeRow:
    fields: dict[str, Any]
    skills: dict[str, int] = field(default_factory=dict)
    skill_rows: dict[str, int] = field(default_factory=dict)


@dataclass
class TeamRow:
    spec: dict[str, Any]
    names: tuple[str, ...]


WeightCell = tuple[Row, int, float]
"""A weight's row, its column number and its value."""


class Reading:
    """One workbook being read: the sheets are read in dependency order, each adding what
    it defines here for the next."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.problems = Problems({title: i for i, title in enumerate(workbook.titles)})
        self.tables: dict[str, Table] = {}
        self.unreadable: set[str] = set()
        """Sheets missing or lacking a required column: references to them are not checked,
        as every one would fail for the same reason already reported."""
        self.settings = Settings()
        self.setting_cells: dict[str, tuple[Row, int]] = {}
        """Each setting given on the Settings sheet -> its row and value column."""
        self.weight_cells: dict[str, list[WeightCell]] = defaultdict(list)
        """Objective part -> the Priorities or Balance weight cells that scale it."""
        self.employees: dict[str, EmployeeRow] = {}
        self.employee_rows: dict[str, int] = {}
        """Every employee id seen (even on a row with errors) -> its row."""
        self.address_rows: dict[str, int] = {}
        """Each Employees e-mail address (case-folded) -> the row that first gives it."""
        self.person_id_rows: dict[str, int] = {}
        """Each Employees person_id (case-folded) -> the row that first gives it."""
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
        self.team_rows: list[TeamRow] = []
        self.team_names: dict[str, tuple[str, ...]] = {}
        """Every name a team may be referred by -> the concrete teams it means."""
        self.skill_needs: dict[str, list[SkillNeed]] = defaultdict(list)
        self.balance_rules: list[BalanceRule] = []
        self.balance_attributes: set[str] = set()
        """Attributes named on Balance, even on rows with errors."""
        self.periods: list[Period] = []
        self.rules: list[Rule] = []
        self.preferences: list[Preference] = []
        self.history: list[HistoryEntry] = []
        self.history_periods: list[str] = []
        """History period labels, earliest first."""
        self.ids = Names()
        self.departments = Names()
        """Departments as spelled on Employees: once settled, each is taken as its most
        common spelling."""
        self.skills = Names()
        self.team_spellings = Names()
        self.period_spellings = Names()
        self.names: list[tuple[str, Cell]] = []
        """Every name on Employees and its cell, even on rows with errors."""
        self.people: dict[str, Cell] | None = None
        """Folded name -> its cell, built at the first unknown id."""
        self.blank_names: dict[str, list[str]] = defaultdict(list)
        """Kind of name (employee, department, team) -> cells that would have defined one
        but are blank or unreadable, on rows that hold something else."""

    # -- a sheet's rows and columns ------------------------------------------------------

    def rows(self, table: Table) -> Iterator[Row]:
        for number, cells in table.rows:
            yield Row(table, number, cells, self.problems)

    def has_columns(self, table: Table, names: tuple[str, ...]) -> bool:
        """Report each required column missing from ``table``; True when none is."""
        missing = [name for name in names if name not in table.columns]
        if missing:
            self.unreadable.add(table.sheet.name)
        if missing and not table.columns:  # no header at all, rather than a missing column
            self.problems.add(
                i18n.t("reader.no_header_row", rows=HEADER_SEARCH_ROWS, columns=labels(names)),
                sheet=table.title,
            )
            return False
        for name in missing:
            self.problems.add(
                i18n.t("reader.column_missing", column=label(name)),
                sheet=table.title,
                row=table.header_row,
                column=name,
            )
        return not missing

    def required_columns(self, table: Table) -> bool:
        return self.has_columns(table, tuple(c.name for c in table.sheet.columns if c.required))

    def warn_extra_columns(self, table: Table) -> None:
        for index, header in table.extras.items():
            self.header_problem(
                table,
                index,
                i18n.t("reader.column_unknown", header=header),
                warning=True,
            )

    def header_problem(
        self, table: Table, index: int, message: str, *, warning: bool = False
    ) -> None:
        self.problems.add(
            message,
            sheet=table.title,
            row=table.header_row,
            column=table.headers[index],
            index=index,
            warning=warning,
        )

    def warn_at(self, cell: Cell, message: str) -> None:
        self.problems.add(
            message,
            sheet=cell.sheet,
            row=cell.row,
            column=cell.column,
            index=cell.index,
            warning=True,
        )

    # -- ranges that depend on the company -----------------------------------------------

    def headcount(self) -> int | None:
        """Employees on the Employees sheet (rows with errors too); ``None`` when unread."""
        return None if EMPLOYEES in self.unreadable else len(self.employee_rows)

    def at_most_headcount(
        self, row: Row, index: int, name: str, value: int, floor: int | None = None
    ) -> int:
        """A size or capacity, reduced to the headcount (or ``floor``, if larger) with a
        warning when above it."""
        headcount = self.headcount()
        if headcount is None or value <= headcount or (floor is not None and value <= floor):
            return value
        used = max(headcount, floor or 0)
        row.warn(
            index,
            i18n.t(
                "reader.above_headcount",
                column=label(name),
                value=value,
                employees=headcount,
                used=used,
            ),
        )
        return used

    def no_more_than_headcount(self, row: Row, column: str, value: int, what: str) -> None:
        """A minimum no company this size can meet: a warning at its cell (a workbook being
        filled in may lack people yet; a plan explains it before the solver starts)."""
        most = self.headcount()
        if most is not None and value > most:
            row.warn(
                row.index(column),
                i18n.t(
                    f"reader.minimum_above_headcount.{what}",
                    column=label(column),
                    value=value,
                    employees=most,
                ),
            )
