"""The Balance sheet: how an Employees attribute should be mixed within each team."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from crossteam.io import schema
from crossteam.io.cells import HARD
from crossteam.io.reader.context import EMPLOYEES, Reading
from crossteam.io.reader.table import COLUMN_NAMES, Row, Table
from crossteam.models import BalanceMode, BalanceRule
from crossteam.models.limits import MAX_ATTRIBUTE_NUMBER
from crossteam.models.text import shown

_IGNORED_VALUE = (
    "only mode no_lone reads a value: this {mode} rule ignores it (leave the cell blank)"
)


def read_balance(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    for row in reading.rows(table):
        attribute = _balance_attribute(reading, row)
        if attribute is not None:
            reading.balance_attributes.add(attribute)
        mode_text = row.get("mode")
        weight = row.get("weight")
        value = row.get("value")
        mode = None if mode_text is None else _mode(row, mode_text)
        if mode is BalanceMode.BALANCE and attribute in reading.attribute_columns:
            _check_numeric_attribute(reading, row, attribute)
        if value is not None and mode not in (None, BalanceMode.NO_LONE):
            row.warn(row.index("value"), _IGNORED_VALUE.format(mode=mode))
        if row.ok and attribute is not None and mode is not None:
            soft = {} if weight is None or weight == HARD else {"weight": weight}
            if soft:
                reading.weight_cells["balance"].append((row, row.index("weight"), weight))
            reading.balance_rules.append(
                BalanceRule(
                    attribute=attribute,
                    mode=mode,
                    hard=weight == HARD,
                    value=value,
                    row=row.number,
                    **soft,
                )
            )


def _mode(row: Row, text: str) -> BalanceMode | None:
    """The mode ``text`` names; reported when it names none."""
    mode = next((m for m in BalanceMode if m.value == schema.normalise(text)), None)
    if mode is None:
        modes = ", ".join(m.value for m in BalanceMode)
        row.error(row.index("mode"), f"'{shown(text)}' is not a mode: use one of {modes}")
    return mode


def _balance_attribute(reading: Reading, row: Row) -> str | None:
    text = row.get("attribute")
    if text is None:
        return None
    match = schema.match_key(text)
    key = COLUMN_NAMES[EMPLOYEES].get(match) or reading.attribute_keys.get(match, text)
    if key not in reading.attribute_columns and EMPLOYEES not in reading.unreadable:
        usable = ", ".join(header for _, header in reading.attribute_columns.values())
        row.error(
            row.index("attribute"),
            f"the Employees sheet has no column '{shown(text)}' usable by a Balance rule"
            + (f" (usable: {usable})" if usable else ""),
        )
        return None
    return key


def _check_numeric_attribute(reading: Reading, row: Row, attribute: str) -> None:
    """Mode balance needs numbers: the first text cell is named, never quoted (the
    column may be a name or a salary), and so is a number too large to average."""
    index, header = reading.attribute_columns[attribute]
    title = reading.tables[EMPLOYEES].title
    for employee_id, employee in reading.employees.items():
        value = employee.fields["attributes"].get(attribute)
        if isinstance(value, str):
            cell = f"{title}!{get_column_letter(index)}{employee.fields['row']}"
            row.error(
                row.index("mode"),
                f"mode balance needs numbers in column {header!r}, but employee "
                f"{shown(employee_id)} has text there ({cell})",
            )
            return
        if isinstance(value, float) and abs(value) > MAX_ATTRIBUTE_NUMBER:
            # the value itself is not quoted: the column may be personal (a salary)
            row.ok = False
            reading.problems.add(
                f"Balance row {row.number} averages this column, and a number beyond "
                f"±{MAX_ATTRIBUTE_NUMBER:.0e} cannot be averaged exactly: use smaller units",
                sheet=title,
                row=employee.fields["row"],
                column=header,
                index=index,
            )
