"""Readers of the tie sources ``crossteam ties`` takes, one module per kind, each
streaming ``Evidence`` and filling its ``SourceReport``; ``kind_of`` tells a file's kind
from its content, not only its name.

Each reader has the signature of ``SourceReader``. It reads only headers, addresses,
ids and dates: a subject, body, location or description is never kept beyond the
parser, never put in a message and never written.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Final, Protocol

from crossteam import i18n
from crossteam.errors import UnreadableFileError
from crossteam.io.safety import open_workbook
from crossteam.io.sources import collaboration, mail, projects, survey
from crossteam.io.sources.table import (
    check_file,
    find_sheet,
    first_record,
    has_columns,
    head,
    is_workbook,
)
from crossteam.models import Settings
from crossteam.models.people import PersonIndex
from crossteam.models.ties import Evidence, SourceKind, SourceReport, Window


class SourceReader(Protocol):
    def __call__(
        self,
        path: Path,
        people: PersonIndex,
        window: Window,
        settings: Settings,
        report: SourceReport,
    ) -> Iterator[Evidence]:
        """Stream the evidence of ``path`` (in ``window``), counting what is read,
        skipped, matched and not in ``report``.

        Raises:
            InputError: a table's header or cell is wrong (file, row and column named).
            UnreadableFileError: the file is too large, damaged or not of this kind.
        """
        ...


_CALENDAR_MODULE: Final = "crossteam.io.sources.calendar"  # not shown: a module path
_CALENDAR_HEAD: Final = re.compile(rb"^(?:\xef\xbb\xbf)?\s*BEGIN:VCALENDAR", re.IGNORECASE)
_TABLE_KINDS: Final = (
    (SourceKind.COLLABORATION, collaboration.COLUMNS),
    (SourceKind.MAIL, mail.COLUMNS),
    (SourceKind.PROJECTS, projects.COLUMNS),
    (SourceKind.SURVEY, survey.COLUMNS),
)


def kind_of(path: Path) -> SourceKind:
    """The kind of source ``path`` holds, by its content: an iCalendar file whatever its
    name, an .xlsx with a Projects sheet, or a CSV by its headers.

    Raises:
        UnreadableFileError: the file is missing, unsafe, or of no kind crossteam reads
            (the message names the file and the kinds it could be).
    """
    check_file(path)
    if _CALENDAR_HEAD.match(head(path, 1024)):
        return SourceKind.CALENDAR
    if is_workbook(path):
        with open_workbook(path) as workbook:
            if find_sheet(workbook.titles, projects.SHEET) is not None:
                return SourceKind.PROJECTS
        raise UnreadableFileError(i18n.t("ties_tables.kind.no_projects_sheet", name=path.name))
    headers = first_record(path)
    for kind, columns in _TABLE_KINDS:
        if has_columns(columns, headers):
            return kind
    raise UnreadableFileError(i18n.t("ties_tables.kind.unknown", name=path.name))


def reader_of(kind: SourceKind, *, weight_column: str | None = None) -> SourceReader:
    """The reader of ``kind``; ``weight_column`` (``--weight-column``) is given to the
    collaboration reader and means nothing to the others."""
    if kind is SourceKind.CALENDAR:
        # written beside this module by another part of the work; imported when first used
        reader: SourceReader = importlib.import_module(_CALENDAR_MODULE).read_calendar
        return reader
    if kind is SourceKind.COLLABORATION:
        return partial(collaboration.read_collaboration, weight_column=weight_column)
    readers: dict[SourceKind, SourceReader] = {
        SourceKind.MAIL: mail.read_mail,
        SourceKind.PROJECTS: projects.read_projects,
        SourceKind.SURVEY: survey.read_survey,
    }
    return readers[kind]


__all__ = ["SourceReader", "kind_of", "reader_of"]
