"""The Priorities sheet: department pairs worth bridging, one weight each."""

from __future__ import annotations

from crossteam import i18n
from crossteam.io.reader.context import Reading
from crossteam.io.reader.references import known_department
from crossteam.io.reader.table import Table
from crossteam.models import pair_key
from crossteam.models.text import shown


def read_priorities(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    first_rows: dict[tuple[str, str], int] = {}
    for row in reading.rows(table):
        a = known_department(reading, row, "department_a")
        b = known_department(reading, row, "department_b")
        weight = row.get("weight")
        if a is None or b is None:
            continue
        index = row.index("department_b")
        if a == b:
            row.error(index, i18n.t("reader.department_paired_with_self", department=shown(a)))
            continue
        pair = pair_key(a, b)
        if pair in first_rows:
            row.error(index, i18n.t("reader.pair_again", first=first_rows[pair]))
            continue
        first_rows[pair] = row.number
        if row.ok:
            reading.priorities[pair] = 1.0 if weight is None else weight
            if weight is not None:
                reading.weight_cells["bridging"].append((row, row.index("weight"), weight))
