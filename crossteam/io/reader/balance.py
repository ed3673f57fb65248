"""The Balance sheet: how an Employees attribute should be mixed within each team."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.cells import HARD
from crossteam.io.labels import label, labels, word_of
from crossteam.io.reader.context import EMPLOYEES, Reading
from crossteam.io.reader.table import COLUMN_NAMES, Row, Table
from crossteam.models import BalanceMode, BalanceRule
from crossteam.models.limits import MAX_ATTRIBUTE_NUMBER
from crossteam.models.text import shown


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
            message = i18n.t(
                "reader.balance_value_ignored",
                mode=label(str(mode)),
                no_lone=label(BalanceMode.NO_LONE.value),
            )
            row.warn(row.index("value"), message)
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
    mode = word_of(BalanceMode, text)
    if mode is None:
        modes = labels(m.value for m in BalanceMode)
        row.error(row.index("mode"), i18n.t("reader.mode_unknown", text=shown(text), modes=modes))
    return mode


def _balance_attribute(reading: Reading, row: Row) -> str | None:
    text = row.get("attribute")
    if text is None:
        return None
    match = schema.match_key(text)
    key = COLUMN_NAMES[EMPLOYEES].get(match) or reading.attribute_keys.get(match, text)
    if key not in reading.attribute_columns and EMPLOYEES not in reading.unreadable:
        usable = i18n.listed(header for _, header in reading.attribute_columns.values())
        message = i18n.t("reader.balance_no_column", sheet=label(EMPLOYEES), header=shown(text))
        if usable:
            message += i18n.t("reader.balance_usable", usable=usable)
        row.error(row.index("attribute"), message)
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
                i18n.t(
                    "reader.balance_needs_numbers",
                    mode=label(BalanceMode.BALANCE.value),
                    header=header,
                    employee=shown(employee_id),
                    cell=cell,
                ),
            )
            return
        if isinstance(value, float) and abs(value) > MAX_ATTRIBUTE_NUMBER:
            # the value itself is not quoted: the column may be personal (a salary)
            row.ok = False
            reading.problems.add(
                i18n.t(
                    "reader.balance_number_too_large",
                    sheet=label(schema.BALANCE.name),
                    row=row.number,
                    limit=MAX_ATTRIBUTE_NUMBER,
                ),
                sheet=title,
                row=employee.fields["row"],
                column=header,
                index=index,
            )
