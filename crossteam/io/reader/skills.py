"""The Skills sheet, long (one employee, skill and level per row) or wide (one column per
skill, a level in each cell)."""

from __future__ import annotations

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.reader.context import EMPLOYEES, Reading
from crossteam.io.reader.names import variant_message
from crossteam.io.reader.references import known_employee
from crossteam.io.reader.table import COLUMN_NAMES, Cell, Row, Table
from crossteam.models.text import shown


def read_skills(reading: Reading, table: Table) -> None:
    if "skill" in table.columns or "level" in table.columns:
        _read_long(reading, table)
    else:
        _read_wide(reading, table)


def _read_long(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    for row in reading.rows(table):
        employee_id = known_employee(reading, row, "employee_id")
        skill, level = row.get("skill"), row.get("level")
        if skill is not None:  # named, even on a row with errors: no knock-on warnings
            reading.skills.add(skill, row.cell(row.index("skill")))
            reading.skill_names.add(skill)
        if employee_id is not None and skill is not None and level is not None:
            _add_skill(reading, row, row.index("level"), employee_id, skill, level)
    _settle_skills(reading)


def _read_wide(reading: Reading, table: Table) -> None:
    if not reading.has_columns(table, ("employee_id",)):
        return
    skill_columns = _skill_columns(reading, table)
    reading.skill_names.update(skill_columns.values())
    for row in reading.rows(table):
        employee_id = known_employee(reading, row, "employee_id")
        for index, skill in skill_columns.items():
            level = row.value_at(index, schema.Kind.LEVEL)
            if employee_id is not None and level is not None:
                _add_skill(reading, row, index, employee_id, skill, level)


def _skill_columns(reading: Reading, table: Table) -> dict[int, str]:
    """The skill columns of a wide Skills sheet: every extra header not an Employees one."""
    employee_columns = COLUMN_NAMES[EMPLOYEES]
    headers: dict[int, str] = {}
    for index, header in table.extras.items():
        if schema.match_key(header) in employee_columns:
            reading.header_problem(
                table,
                index,
                i18n.t("reader.skill_is_employee_column", header=header),
                warning=True,
            )
            continue
        headers[index] = header
        reading.skills.add(header, Cell(table.title, table.header_row, index, header))
    _settle_skills(reading)
    columns: dict[int, str] = {}
    for index, header in headers.items():
        skill = reading.skills.canonical(header)
        if skill in columns.values():
            reading.header_problem(
                table, index, i18n.t("reader.skill_column_twice", skill=shown(skill))
            )
        else:
            columns[index] = skill
    return columns


def _settle_skills(reading: Reading) -> None:
    """One skill per name, as for departments; an employee holding two spellings of a
    skill keeps the higher level."""
    for variant in reading.skills.settle():
        reading.warn_at(
            variant.spelling.first, variant_message(i18n.t("reader.what.skill"), variant)
        )
    canonical = reading.skills.canonical
    reading.skill_names = {canonical(skill) for skill in reading.skill_names}
    for employee in reading.employees.values():
        merged: dict[str, int] = {}
        for skill, level in employee.skills.items():
            merged[canonical(skill)] = max(level, merged.get(canonical(skill), level))
        employee.skills = merged


def _add_skill(
    reading: Reading, row: Row, index: int, employee_id: str, skill: str, level: int
) -> None:
    employee = reading.employees.get(employee_id)
    if employee is None:  # the employee's own row has errors, already reported
        return
    first = employee.skill_rows.get(skill)
    if first is not None:
        row.warn(
            index,
            i18n.t("reader.skill_again", employee=employee_id, skill=skill, first=first),
        )
    employee.skills[skill] = max(level, employee.skills.get(skill, level))
    employee.skill_rows.setdefault(skill, row.number)
