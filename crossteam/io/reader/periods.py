"""The Periods sheet: the rotation's periods, in order."""

from __future__ import annotations

from crossteam import i18n
from crossteam.io.reader.context import Reading
from crossteam.io.reader.names import look_alike
from crossteam.io.reader.table import Table
from crossteam.models import Period
from crossteam.models.text import shown


def read_periods(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    first_rows: dict[str, int] = {}
    for row in reading.rows(table):
        label = row.get("period")
        if label is None:
            continue
        index = row.index("period")
        if label in first_rows:
            row.error(
                index, i18n.t("reader.period_again", period=shown(label), first=first_rows[label])
            )
            continue
        earlier = reading.period_spellings.add(label, row.cell(index))
        if earlier is not None:
            outcome = i18n.t("reader.two_periods")
            row.warn(index, look_alike(i18n.t("reader.what.period"), label, earlier, outcome))
        first_rows[label] = row.number
        reading.periods.append(Period(label=label, index=len(reading.periods)))
