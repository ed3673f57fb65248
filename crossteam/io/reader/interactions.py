"""The Interactions sheet: who works with whom, and how much; repeated pairs add up."""

from __future__ import annotations

from crossteam import i18n
from crossteam.io.reader.context import Reading
from crossteam.io.reader.references import known_employee
from crossteam.io.reader.table import Table
from crossteam.models import pair_key
from crossteam.models.limits import MAX_TIE_WEIGHT
from crossteam.models.text import shown


def read_interactions(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    for row in reading.rows(table):
        a = known_employee(reading, row, "employee_a")
        b = known_employee(reading, row, "employee_b")
        weight = row.get("weight")
        if a is None or b is None or not row.ok:
            continue
        if a == b:
            row.warn(row.index("employee_b"), i18n.t("reader.paired_with_self", employee=shown(a)))
            continue
        pair = pair_key(a, b)
        total = reading.interactions.get(pair, 0.0) + (1.0 if weight is None else weight)
        first = reading.interaction_rows.setdefault(pair, row.number)
        if total > MAX_TIE_WEIGHT >= reading.interactions.get(pair, 0.0):
            where = "weight" if "weight" in table.columns else "employee_b"
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
