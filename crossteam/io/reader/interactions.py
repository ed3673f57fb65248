"""The Interactions sheet: who works with whom, and how much; repeated pairs add up."""

from __future__ import annotations

from crossteam import i18n
from crossteam.io.reader.context import EMPLOYEES, Reading
from crossteam.io.reader.references import known_employee
from crossteam.io.reader.table import Row, Table
from crossteam.models import pair_key
from crossteam.models.limits import MAX_TIE_WEIGHT
from crossteam.models.text import shown


def read_interactions(reading: Reading, table: Table) -> None:
    """Every row of the sheet. A sheet may hold a million rows: a row whose ids are both on
    Employees as written and whose weight is a plain number in range is added directly;
    any other row is read cell by cell, with every problem at its cell."""
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    known = {} if EMPLOYEES in reading.unreadable else reading.employee_rows
    at_a, at_b = table.columns["employee_a"], table.columns["employee_b"]
    at_weight = table.columns.get("weight")
    interactions, first_rows = reading.interactions, reading.interaction_rows
    for number, cells in table.rows:
        a, b = cells.get(at_a), cells.get(at_b)
        a = str(a) if type(a) is int else a  # a numeric id reads as its digits
        b = str(b) if type(b) is int else b
        weight = 1 if at_weight is None else cells.get(at_weight, 1)
        if (
            a in known
            and b in known
            and a != b
            and (type(weight) is float or type(weight) is int)
            and 0 < weight <= MAX_TIE_WEIGHT
        ):
            pair = (a, b) if a < b else (b, a)  # both texts: in known
            total = interactions.get(pair, 0.0) + weight
            if total <= MAX_TIE_WEIGHT:
                interactions[pair] = total
                first_rows.setdefault(pair, number)
                continue
        _read_row(reading, Row(table, number, cells, reading.problems))


def _read_row(reading: Reading, row: Row) -> None:
    a = known_employee(reading, row, "employee_a")
    b = known_employee(reading, row, "employee_b")
    weight = row.get("weight")
    if a is None or b is None or not row.ok:
        return
    if a == b:
        row.warn(row.index("employee_b"), i18n.t("reader.paired_with_self", employee=shown(a)))
        return
    pair = pair_key(a, b)
    total = reading.interactions.get(pair, 0.0) + (1.0 if weight is None else weight)
    first = reading.interaction_rows.setdefault(pair, row.number)
    if total > MAX_TIE_WEIGHT >= reading.interactions.get(pair, 0.0):
        where = "weight" if "weight" in row.table.columns else "employee_b"
        row.error(
            row.index(where),
            i18n.t(
                "reader.tie_weights_too_large",
                a=shown(pair[0]),
                b=shown(pair[1]),
                first=first,
                last=row.number,
                total=total,
                most=MAX_TIE_WEIGHT,
            ),
        )
    reading.interactions[pair] = total
