"""Writing a copy made by ``crossteam share``: a new workbook holding only the copy's
cells (nothing of the plan's file is carried over: no styles, charts, properties or
hidden parts), every text written as literal text."""

from __future__ import annotations

from typing import BinaryIO

from crossteam import i18n
from crossteam.io.excel import BookWriter
from crossteam.share import ShareCopy


def write_copy(stream: BinaryIO, copy: ShareCopy) -> None:
    """Write ``copy`` to ``stream`` as an .xlsx workbook."""
    book = BookWriter()
    for copied in copy.sheets:
        worksheet = book.sheet(i18n.name(copied.name))
        for number, values in sorted(copied.rows.items()):
            for column, value in enumerate(values, start=1):
                if value is not None and value != "":
                    book.write(worksheet, number, column, _cell(value))
        if copied.hidden:
            worksheet.sheet_state = "hidden"
    book.save(stream)


def _cell(value: object) -> str | int | float:
    """A cell value as written: numbers as they are, anything else as text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return str(value)
