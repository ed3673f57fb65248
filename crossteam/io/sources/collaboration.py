"""Person-to-person collaboration exports of workplace analytics tools (Viva Insights,
Workplace Analytics): one row per pair of analytics person ids and period, with scores or
hours; docs/ties-collaboration.md says how to export one.

Weight of a row: the ``--weight-column`` cell when one is chosen, else the
``Collaboration_hours`` cell when the file has that column, else 1; when the weight column
is there, a blank cell in it is an error. An exact repeat of a row is skipped. People are
matched by their analytics ``person_id``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Final

from crossteam.io.sources.table import (
    BadRow,
    Column,
    Seen,
    as_day,
    as_person,
    as_weight,
    open_table,
    tally,
)
from crossteam.models import Settings
from crossteam.models.people import PersonIndex
from crossteam.models.ties import Evidence, SourceReport, Window

PRIMARY: Final = Column(
    "PrimaryCollaborator_PersonId", ("PrimaryCollaborator_HashedPersonId",), required=True
)
SECONDARY: Final = Column(
    "SecondaryCollaborator_PersonId", ("SecondaryCollaborator_HashedPersonId",), required=True
)
DAY: Final = Column("MetricDate", ("Date", "日付"))
HOURS: Final = Column("Collaboration_hours", ("Collaboration_hrs", "共同作業時間"))
COLUMNS: Final = (PRIMARY, SECONDARY, DAY)


def read_collaboration(
    path: Path,
    people: PersonIndex,
    window: Window,
    settings: Settings,
    report: SourceReport,
    *,
    weight_column: str | None = None,
) -> Iterator[Evidence]:
    """Stream the evidence of a person-to-person export (the ``SourceReader`` signature;
    ``weight_column`` is the command's ``--weight-column``: bind it with
    ``reader_of(kind, weight_column=...)`` or ``functools.partial``).

    Raises:
        InputError: a column is missing (the chosen weight column too) or a cell is wrong.
        UnreadableFileError: the file is too large, damaged or not text.
    """
    weight = HOURS if weight_column is None else Column(weight_column, required=True)
    seen = Seen()
    with open_table(path, (*COLUMNS, weight)) as table:
        for row in table.rows():
            report.rows_read += 1
            try:
                first = table.cell(row, PRIMARY, as_person, required=True) or ""
                second = table.cell(row, SECONDARY, as_person, required=True) or ""
                day = table.cell(row, DAY, as_day)
                amount = table.cell(row, weight, as_weight, required=table.has(weight))
            except BadRow:
                continue
            if not window.holds(day):
                report.skipped["outside_window"] += 1
            elif seen.again(*row.written):
                report.skipped["duplicate"] += 1
            elif amount == 0:
                report.skipped["zero_weight"] += 1
            else:
                a = tally(report, first, people.person(first))
                b = tally(report, second, people.person(second))
                if a is None or b is None:
                    report.skipped["unmatched"] += 1
                elif a == b:
                    report.skipped["self_pair"] += 1
                else:
                    report.saw(day)
                    yield Evidence(a, b, 1.0 if amount is None else amount, day)
        table.problems.raise_any()
