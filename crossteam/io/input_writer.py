"""Any ``PlanningInput`` as an input workbook that ``reader.load_workbook`` reads back as it.

Every sheet of the contract, in order, under bold frozen headers (on request the Japanese
sheet names and headers of ``i18n`` NAMES, and はい/いいえ for yes/no), streamed row by row
(openpyxl write-only mode) so that 20,000 employees stay fast and lean. ``crossteam
example`` writes its synthetic companies through here, and tests build their workbooks
with it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.excel import CellValue, Destination, literal_text, print_setup, streamed
from crossteam.models import BalanceRule, Employee, PlanningInput, Rule, Settings

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

Row = tuple[CellValue, ...]

SHOWN_SETTINGS = (
    "time_limit_seconds",
    "random_seed",
    "assign_everyone",
    "max_rotations_per_employee",
    "stint_periods",
    "default_min_on_site",
    "default_host_capacity",
)
"""Settings always written, even at their defaults, so that users see where to change
them; any other setting is written when it differs from its default."""
_WIDTH_SAMPLE = 50
"""Rows whose values size a column (besides the header)."""
_MAX_COLUMN_WIDTH = 40


@dataclass(frozen=True)
class RowOrder:
    """What a ``PlanningInput`` leaves open about how its rows were written, for a writer
    that must reproduce a workbook cell for cell: the reader lists departments in order
    of first appearance on Employees and each priority pair alphabetically."""

    departments: tuple[str, ...] = ()
    """Departments rows in this order (those not named follow in the instance's order)."""
    priorities: tuple[tuple[str, str], ...] = ()
    """Priorities rows as written, each pair in its written orientation, in this order."""


def write_input(
    instance: PlanningInput,
    path: Destination,
    *,
    japanese: bool = False,
    wide_skills: bool = False,
    order: RowOrder | None = None,
) -> None:
    """Write ``instance`` as an input workbook: every sheet of the contract, in order.

    Args:
        instance: What to write; ``source``, ``warnings`` and Excel row numbers are not.
        path: The file (or open binary file) to save to.
        japanese: Japanese sheet names and headers (``i18n`` NAMES, each the first
            Japanese alias of ``schema``) and はい/いいえ for yes/no.
        wide_skills: The Skills sheet as a matrix: one column per skill.
        order: How departments and priority pairs were written, when that matters.
    """
    workbook = Workbook(write_only=True)
    yes, no = (_named("yes", japanese), _named("no", japanese))
    for sheet, headers, rows in input_tables(instance, japanese, wide_skills, order):
        worksheet = workbook.create_sheet(_named(sheet.name, japanese))
        print_setup(worksheet)  # before the first row: a streamed sheet writes it first
        _size_columns(worksheet, headers, rows)
        worksheet.freeze_panes = "A2"
        bold = Font(bold=True)
        worksheet.append([_bold_cell(worksheet, header, bold) for header in headers])
        for row in rows:
            worksheet.append(
                [streamed(worksheet, yes if v is True else no if v is False else v) for v in row]
            )
    workbook.save(path)


def input_tables(
    instance: PlanningInput,
    japanese: bool = False,
    wide_skills: bool = False,
    order: RowOrder | None = None,
) -> Iterator[tuple[schema.Sheet, list[str], Sequence[Row]]]:
    """Each sheet ``write_input`` writes, with its headers and rows (yes/no as ``bool``,
    blank cells as ``None``), for a writer that fills sheets of its own."""
    order = order or RowOrder()
    for sheet in schema.SHEETS:
        headers = [_named(c.name, japanese) for c in sheet.columns]
        if sheet is schema.EMPLOYEES:
            contact = _contact_columns(instance)
            extra = _extra_columns(instance)
            headers = [
                _named(c.name, japanese)
                for c in sheet.columns
                if c.name not in schema.CONTACT_COLUMNS or c.name in contact
            ]
            yield sheet, headers + extra, _employees(instance, contact, extra)
        elif sheet is schema.SKILLS and wide_skills:
            names, matrix = _skill_matrix(instance)
            yield sheet, [headers[0], *names], matrix
        elif sheet is schema.INTERACTIONS and not _has_interactions(instance):
            continue
        else:
            rows = _ROWS[sheet.name](instance, japanese, order)
            if rows or sheet not in _WRITTEN_WHEN_FILLED:
                yield sheet, headers, rows


def _has_interactions(instance: PlanningInput) -> bool:
    return instance.has_interactions_sheet or bool(instance.interactions)


def _extra_columns(instance: PlanningInput) -> list[str]:
    """Employees columns beyond the contract's, by their normalised header."""
    known = {column.name for column in schema.EMPLOYEES.columns}
    extra: dict[str, None] = {}
    for employee in instance.employees:
        extra.update(dict.fromkeys(a for a in employee.attributes if a not in known))
    return list(extra)


def _contact_columns(instance: PlanningInput) -> tuple[str, ...]:
    """The e-mail and person id columns some employee has a value in (a company without
    them is written as before they existed)."""
    emails = any(e.emails for e in instance.employees)
    person_ids = any(e.person_id for e in instance.employees)
    return ("email",) * emails + ("person_id",) * person_ids


def _employees(instance: PlanningInput, contact: Sequence[str], extra: Sequence[str]) -> list[Row]:
    return [
        (
            e.employee_id,
            e.name or None,
            e.department,
            e.role or None,
            e.location or None,
            e.available,
            e.rotation_eligible,
            *(_contact(e, column) for column in contact),
            *(e.attributes.get(column) for column in extra),
        )
        for e in instance.employees
    ]


def _contact(employee: Employee, column: str) -> str | None:
    if column == "email":
        return "; ".join(employee.emails) or None
    return employee.person_id or None


def _skills(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    return [
        (e.employee_id, skill, level)
        for e in instance.employees
        for skill, level in e.skills.items()
    ]


def _skill_matrix(instance: PlanningInput) -> tuple[list[str], list[Row]]:
    """Skill names, then one row per employee who holds any: a level or a blank cell."""
    names = sorted({skill for e in instance.employees for skill in e.skills})
    return names, [
        (e.employee_id, *(e.skills.get(name) for name in names))
        for e in instance.employees
        if e.skills
    ]


def _interactions(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    return [(i.employee_a, i.employee_b, _number(i.weight)) for i in instance.interactions]


def _departments(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    rank = {name: index for index, name in enumerate(order.departments)}
    listed = sorted(instance.departments, key=lambda d: rank.get(d.name, len(rank)))
    return [
        (
            d.name,
            d.min_on_site,
            d.host_capacity,
            d.can_host,
            ", ".join(d.critical_skills) or None,
        )
        for d in listed
    ]


def _priorities(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    weight = {(p.department_a, p.department_b): _number(p.weight) for p in instance.priorities}
    written = [pair for pair in order.priorities if tuple(sorted(pair)) in weight]
    named = {tuple(sorted(pair)) for pair in written}
    written += [pair for pair in weight if pair not in named]
    return [(a, b, weight[(a, b) if a < b else (b, a)]) for a, b in written]


def _teams(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    return [
        (s.name, s.count, s.min_size, s.max_size, s.min_departments, s.max_per_department)
        for s in instance.team_specs
    ]


def _team_skills(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    """Each spec's needs under its name, then needs one concrete team adds (``Ops-2``)."""
    rows: list[Row] = [
        (s.name, n.skill, n.min_level, n.min_count)
        for s in instance.team_specs
        for n in s.skill_needs
    ]
    specs = {s.name: s for s in instance.team_specs}
    for team in instance.teams:
        own = team.skill_needs[len(specs[team.spec].skill_needs) :]
        rows.extend((team.name, n.skill, n.min_level, n.min_count) for n in own)
    return rows


def _balance(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    return [
        (_attribute_header(b, japanese), b.mode.value, _balance_weight(b), b.value)
        for b in instance.balance_rules
    ]


def _balance_weight(rule: BalanceRule) -> CellValue:
    return "hard" if rule.hard else _number(rule.weight)


def _attribute_header(rule: BalanceRule, japanese: bool) -> str:
    """A Balance attribute as its Employees header reads."""
    known = {column.name for column in schema.EMPLOYEES.columns}
    return _named(rule.attribute, japanese) if rule.attribute in known else rule.attribute


def _periods(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    return [(period.label,) for period in instance.periods]


def _rules(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    expansions = {
        tuple(t.name for t in instance.teams if t.spec == s.name): s.name
        for s in instance.team_specs
    }
    return [
        (r.kind.value, r.employee_id, _rule_target(r, expansions), r.note or None)
        for r in instance.rules
    ]


def _rule_target(rule: Rule, expansions: dict[tuple[str, ...], str]) -> str | None:
    """The target as written: a spec's name where the rule names all of its teams."""
    if not rule.targets:
        return None
    if len(rule.targets) == 1:
        return rule.targets[0]
    return expansions[rule.targets]


def _preferences(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    return [(p.employee_id, p.kind.value, p.target, p.rank) for p in instance.preferences]


def _history(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    """History rows grouped by period, earliest first: read back, the periods keep their
    order whether it comes from their dates or from where they first appear."""
    rank = {label: index for index, label in enumerate(instance.history_periods)}
    return [
        (h.employee_id, h.period, h.kind.value, h.target)
        for h in sorted(instance.history, key=lambda h: rank[h.period])
    ]


def _settings(instance: PlanningInput, japanese: bool, order: RowOrder) -> list[Row]:
    chosen, defaults = instance.settings, Settings()
    shown = [
        *SHOWN_SETTINGS,
        *(
            name
            for name in Settings.model_fields
            if name not in SHOWN_SETTINGS and getattr(chosen, name) != getattr(defaults, name)
        ),
    ]
    return [(name, getattr(chosen, name)) for name in shown]


_ROWS = {
    schema.SKILLS.name: _skills,
    schema.INTERACTIONS.name: _interactions,
    schema.DEPARTMENTS.name: _departments,
    schema.PRIORITIES.name: _priorities,
    schema.TEAMS.name: _teams,
    schema.TEAM_SKILLS.name: _team_skills,
    schema.BALANCE.name: _balance,
    schema.PERIODS.name: _periods,
    schema.RULES.name: _rules,
    schema.PREFERENCES.name: _preferences,
    schema.HISTORY.name: _history,
    schema.SETTINGS.name: _settings,
}
_WRITTEN_WHEN_FILLED = (schema.PREFERENCES, schema.HISTORY)
"""Sheets written only when they have rows (a workbook without wishes or history has none)."""


def _number(value: float) -> int | float:
    """A whole number as an integer (a weight of 3 reads 3, not 3.0)."""
    return int(value) if value.is_integer() else value


def _size_columns(
    worksheet: WriteOnlyWorksheet, headers: Sequence[str], rows: Sequence[Row]
) -> None:
    """Columns as wide as their header and first rows (at most ``_MAX_COLUMN_WIDTH``)."""
    for index, header in enumerate(headers):
        sample = [header, *(row[index] for row in rows[:_WIDTH_SAMPLE])]
        width = max(i18n.width(_shown(value)) for value in sample) + 2
        worksheet.column_dimensions[get_column_letter(index + 1)].width = min(
            width, _MAX_COLUMN_WIDTH
        )


def _bold_cell(worksheet: WriteOnlyWorksheet, value: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, literal_text(value))
    cell.font = font
    return cell


def _named(name: str, japanese: bool) -> str:
    """A sheet, column or word as written: its English (contract) name, or its Japanese
    name in the catalogue."""
    return i18n.names(name)[-1] if japanese else name


def _shown(value: CellValue) -> str:
    return "" if value is None else str(value)
