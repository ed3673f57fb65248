"""Names one sheet takes from another (an employee id, a department, a skill, a team): found
as the defining sheet spells them, or reported with what was probably meant."""

from __future__ import annotations

from collections.abc import Callable

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.labels import label
from crossteam.io.reader.context import EMPLOYEES, Reading
from crossteam.io.reader.names import did_you_mean, look_alike
from crossteam.io.reader.table import Cell, Missing, Row
from crossteam.models.text import fold, how_alike, shown


def known_employee(reading: Reading, row: Row, name: str) -> str | None:
    """The employee id in column ``name`` when it is on Employees; reports it otherwise."""
    employee_id: str | None = row.get(name)
    if employee_id is None or EMPLOYEES in reading.unreadable:
        return employee_id
    if employee_id not in reading.employee_rows:
        unknown_employee(reading, row, row.index(name), employee_id)
        return None
    return employee_id


def unknown_employee(reading: Reading, row: Row, index: int, employee_id: str) -> None:
    name_cell = _name_cell(reading, employee_id)
    if name_cell is not None:  # not quoted: a name is personal data
        row.error(index, i18n.t("reader.name_not_id", cell=name_cell, column=label("employee_id")))
        return
    message = i18n.t(
        "reader.no_employee", id=row.quoted(index, employee_id), sheet=label(EMPLOYEES)
    )
    found = reading.ids.find(employee_id)
    if found is None:
        unknown(reading, row, index, message, "employee", employee_id, reading.ids.suggest)
        return
    row.error(
        index,
        i18n.t(
            "reader.id_alike",
            message=message,
            found=shown(found.text),
            cell=found.first,
            how=how_alike(employee_id, found.text),
        ),
    )


def _name_cell(reading: Reading, text: str) -> Cell | None:
    """The Employees cell whose name ``text`` is (case and look-alikes aside)."""
    if reading.people is None:
        reading.people = {}
        for name, cell in reading.names:
            reading.people.setdefault(fold(name), cell)
    return reading.people.get(fold(text))


def department_ref(reading: Reading, row: Row, index: int, department: str) -> str | None:
    """The Employees department that ``department`` names (warning when it is spelled
    otherwise); ``None``, unreported, when no employee is in it."""
    found = reading.departments.find(department)
    if found is None:
        return None
    if found.text != department:
        outcome = i18n.t("reader.taken_as_department", department=shown(found.text))
        what = i18n.t("reader.what.department")
        row.warn(index, look_alike(what, department, found, outcome))
    return found.text


def known_department(reading: Reading, row: Row, name: str) -> str | None:
    """The Employees department named in column ``name``; reports it when unknown."""
    department: str | None = row.get(name)
    if department is None or EMPLOYEES in reading.unreadable:
        return department
    index = row.index(name)
    found = department_ref(reading, row, index, department)
    if found is None:
        unknown(
            reading,
            row,
            index,
            i18n.t(
                "reader.nobody_in_department",
                department=shown(department),
                sheet=label(EMPLOYEES),
            ),
            "department",
            department,
            reading.departments.suggest,
        )
    return found


def held_skill(reading: Reading, row: Row, column: str, skill: str) -> str:
    """The skill ``skill`` names on Skills, warning when it is spelled otherwise there
    or when nobody holds it."""
    index = row.index(column)
    found = reading.skills.find(skill)
    if found is not None:
        if found.text != skill:
            outcome = i18n.t("reader.taken_as_skill", skill=shown(found.text))
            row.warn(index, look_alike(i18n.t("reader.what.skill"), skill, found, outcome))
        return found.text
    if schema.SKILLS.name not in reading.unreadable:
        message = i18n.t("reader.skill_unheld", skill=shown(skill))
        row.warn(index, message + reading.skills.suggest(skill))
    return skill


def unknown_team(reading: Reading, row: Row, index: int, team: str) -> None:
    unknown(
        reading,
        row,
        index,
        i18n.t("reader.no_team", team=shown(team), sheet=label(schema.TEAMS.name)),
        "team",
        team,
        lambda name: did_you_mean(name, reading.team_names),
    )


def unknown(
    reading: Reading,
    row: Row,
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
    blanks = reading.blank_names.get(kind)
    if not blanks:
        report(index, message + suggest(name))
        return
    others = len(blanks) - 1
    more = (
        ""
        if not others
        else i18n.t("reader.or_one_more")
        if others == 1
        else i18n.t("reader.or_one_of_more", count=others)
    )
    report(
        index,
        i18n.t(
            "reader.perhaps_blank",
            message=message,
            blank=blanks[0],
            more=more,
            what=i18n.t(f"reader.blank_kind.{kind}"),
        ),
        Missing(blanks[0], f"{kind}:{name}"),
    )
