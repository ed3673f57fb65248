"""Readers of the tie sources ``crossteam ties`` takes, one module per kind, each
streaming ``Evidence`` and filling its ``SourceReport``; ``kind_of`` tells a file's kind
from its content, not only its name.

Each reader has the signature of ``SourceReader``. It reads only headers, addresses,
ids and dates: a subject, body, location or description is never kept beyond the
parser, never put in a message and never written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from crossteam.models import Settings
from crossteam.models.people import PersonIndex
from crossteam.models.ties import Evidence, SourceReport, Window


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
