"""The Employees sheet: the people, their departments and the attributes Balance rules use."""

from __future__ import annotations

import re

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.labels import label
from crossteam.io.reader.context import EmployeeRow, Reading
from crossteam.io.reader.names import Names, look_alike, variant_message
from crossteam.io.reader.table import Cell, Row, Table
from crossteam.models import QUOTABLE_ATTRIBUTES
from crossteam.models.people import address_key
from crossteam.models.text import shown

ADDRESS_SEPARATORS = re.compile(r"[;,]")
"""What separates the addresses of one Employees ``email`` cell (as ``split_addresses``)."""
ATTRIBUTE_COLUMNS = ("name", "department", "role", "location")
"""Contract columns of Employees that Balance rules may name, besides extra columns (the
id and the yes/no columns describe no mix worth balancing)."""


def read_employees(reading: Reading, table: Table) -> None:
    if not reading.required_columns(table):
        return
    _find_attribute_columns(reading, table)
    for row in reading.rows(table):
        _read_employee(reading, row)
    if not reading.employee_rows:
        reading.problems.add(
            i18n.t("reader.no_employees", sheet=label(schema.EMPLOYEES.name)),
            sheet=table.title,
        )
    _settle_departments(reading)


def _find_attribute_columns(reading: Reading, table: Table) -> None:
    """The columns a Balance rule may name: the contract's and every extra one, once each."""
    reading.attribute_columns = {
        name: (table.columns[name], table.headers[table.columns[name]])
        for name in ATTRIBUTE_COLUMNS
        if name in table.columns
    }
    for index, header in table.extras.items():
        key = schema.normalise(header)
        if not key:
            continue
        same = reading.attribute_keys.get(schema.match_key(key))
        if same is not None:
            reading.header_problem(
                table,
                index,
                i18n.t(
                    "reader.column_repeats", header=header, other=reading.attribute_columns[same][1]
                ),
            )
            continue
        reading.attribute_columns[key] = (index, header)
        reading.attribute_keys[schema.match_key(key)] = key


def _settle_departments(reading: Reading) -> None:
    """One department per name: spellings that differ only in case or look-alike
    letters are taken as the most common one, with a warning at each other spelling."""
    for variant in reading.departments.settle():
        reading.warn_at(
            variant.spelling.first, variant_message(i18n.t("reader.what.department"), variant)
        )
    canonical = reading.departments.canonical
    reading.department_names = {canonical(d): None for d in reading.department_names}
    for employee in reading.employees.values():
        fields = employee.fields
        fields["department"] = canonical(fields["department"])
        if "department" in fields["attributes"]:
            fields["attributes"]["department"] = fields["department"]


def _read_employee(reading: Reading, row: Row) -> None:
    employee_id = row.get("employee_id")
    fields = {
        name: row.get(name)
        for name in ("department", "name", "role", "location", "available", "rotation_eligible")
    }
    if fields["name"] is not None:
        reading.names.append((fields["name"], row.cell(row.index("name"))))
    department_cell = row.cell(row.index("department"))
    if fields["department"] is None:
        reading.blank_names["department"].append(str(department_cell))
    else:
        reading.departments.add(fields["department"], department_cell)
        reading.department_names.setdefault(fields["department"])
    attributes: dict[str, str | float] = {}
    for key, (index, _) in reading.attribute_columns.items():
        # Contract columns are read once, above; extra columns keep numbers as numbers.
        value = fields[key] if key in ATTRIBUTE_COLUMNS else row.attribute_at(index)
        if value is not None:
            attributes[key] = value
    index = row.index("employee_id")
    if employee_id is None:
        reading.blank_names["employee"].append(str(row.cell(index)))
        return
    first = reading.employee_rows.get(employee_id)
    if first is not None:
        row.error(
            index,
            i18n.t("reader.id_used", id=row.quoted(index, employee_id), first=first),
        )
        return
    # known from here on, even when it clashes below: references to it then resolve
    # rather than repeat the clash on every sheet
    reading.employee_rows[employee_id] = row.number
    earlier = reading.ids.add(employee_id, row.cell(index))
    if earlier is not None:
        row.error(
            index,
            look_alike(
                i18n.t("reader.what.employee_id"),
                employee_id,
                earlier,
                i18n.t("reader.ids_too_alike"),
            ),
        )
    contact = _contact(reading, row)
    if row.ok:
        given = {name: value for name, value in fields.items() if value is not None}
        reading.employees[employee_id] = EmployeeRow(
            {
                "employee_id": employee_id,
                **given,
                **contact,
                "attributes": attributes,
                "row": row.number,
            }
        )


def _contact(reading: Reading, row: Row) -> dict[str, object]:
    """The row's e-mail addresses and analytics person id, each given to one employee
    only: an address or id found on an earlier row is an error naming that row; text
    without "@" is no address, left out with a warning (it would match nothing)."""
    found: dict[str, object] = {}
    cell = row.get("email")
    if cell is not None:
        index = row.index("email")
        emails: list[str] = []
        for part in ADDRESS_SEPARATORS.split(cell):
            address = address_key(part)
            first = reading.address_rows.get(address)
            if not address:
                continue
            if "@" not in address:
                written = shown(part.strip())
                row.warn(index, i18n.t("ties_command.not_an_address", address=written))
            elif first is not None and first != row.number:
                row.error(
                    index,
                    i18n.t("ties_command.address_used", address=shown(address), first=first),
                )
            elif address not in emails:
                reading.address_rows[address] = row.number
                emails.append(address)
        found["emails"] = tuple(emails)
    person_id = row.get("person_id")
    if person_id is not None:
        index = row.index("person_id")
        key = person_id.casefold()
        first = reading.person_id_rows.setdefault(key, row.number)
        if first != row.number:
            row.error(
                index,
                i18n.t("ties_command.person_id_used", id=row.quoted(index, person_id), first=first),
            )
        found["person_id"] = person_id
    return found


def warn_unused_attributes(reading: Reading) -> None:
    """A warning at each extra Employees column that no Balance rule uses."""
    table = reading.tables.get(schema.EMPLOYEES.name)
    if table is None:
        return
    for key, (index, header) in reading.attribute_columns.items():
        if key not in ATTRIBUTE_COLUMNS and key not in reading.balance_attributes:
            reading.header_problem(
                table,
                index,
                i18n.t("reader.attribute_unused", header=header),
                warning=True,
            )


def merge_attribute_spellings(reading: Reading) -> None:
    """Values of an attribute a Balance rule uses are merged as departments are, with a
    warning naming both cells; values are quoted only for QUOTABLE_ATTRIBUTES, as other
    columns may be personal."""
    table = reading.tables.get(schema.EMPLOYEES.name)
    if table is None:
        return
    # departments are merged as they are read; names are no category to balance
    used = sorted(reading.balance_attributes & reading.attribute_columns.keys())
    for attribute in (a for a in used if a not in ("department", "name")):
        index, header = reading.attribute_columns[attribute]
        spellings = Names()
        for employee in reading.employees.values():
            value = employee.fields["attributes"].get(attribute)
            if isinstance(value, str):
                spellings.add(value, Cell(table.title, employee.fields["row"], index, header))
        quotable = attribute in QUOTABLE_ATTRIBUTES
        for variant in spellings.settle():
            message = variant_message(header, variant, quotable=quotable)
            reading.warn_at(variant.spelling.first, message)
        for employee in reading.employees.values():
            fields = employee.fields
            value = fields["attributes"].get(attribute)
            if isinstance(value, str):
                fields["attributes"][attribute] = spellings.canonical(value)
                if attribute in fields:
                    fields[attribute] = fields["attributes"][attribute]
