"""An iCalendar file cut into its event and time zone blocks, streamed, before any parsing.

The cut is made at ``BEGIN:``/``END:`` lines only; icalendar parses (and unfolds) each
block afterwards. Inside an event only the properties crossteam reads are kept (who, when,
recurrence, status): a summary, description, location, comment, attachment or alarm is
dropped at its line and never reaches the parser, so no content outlives this module.
Every failure becomes ``UnreadableFileError`` naming the file and the line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TextIO

from crossteam import i18n
from crossteam.errors import UnreadableFileError

MAX_FILE_BYTES: Final = 512 << 20
"""512 MiB: a year of a 5,000-person company's meetings exports to well under 200 MiB."""
MAX_LINE_CHARS: Final = 1 << 20
"""A kept physical line longer than 1 MiB is refused (real ones stay under 100 characters);
a longer line of a dropped property (an embedded attachment) is skipped without keeping it."""
MAX_BLOCK_LINES: Final = 50_000
"""Kept lines of one event: an event with more attendees than that is not a meeting."""

KEPT_PROPERTIES: Final = frozenset(
    {
        "UID",
        "DTSTART",
        "DTEND",
        "DURATION",
        "RRULE",
        "RDATE",
        "EXDATE",
        "RECURRENCE-ID",
        "STATUS",
        "ATTENDEE",
        "ORGANIZER",
        "SEQUENCE",
    }
)
"""The properties of an event read; every other one (SUMMARY, DESCRIPTION, LOCATION,
COMMENT, ATTACH, X-ALT-DESC...) is dropped at its line."""
CALENDAR_TIMEZONE: Final = "X-WR-TIMEZONE"
"""Google Calendar's calendar-wide zone: the day of a UTC time is taken in it."""

_HEAD_CHARS: Final = 4096


@dataclass(frozen=True, slots=True)
class Block:
    """One ``VEVENT`` (its kept lines), one whole ``VTIMEZONE``, or the calendar's
    ``X-WR-TIMEZONE`` line (``kind`` ``VCALENDAR``), as text with its first line number."""

    kind: str
    text: str
    line: int


def calendar_blocks(path: Path) -> Iterator[Block]:
    """Stream the blocks of the iCalendar file ``path``.

    Raises:
        UnreadableFileError: the file is missing, too large, not iCalendar or damaged.
    """
    _check_file(path)
    with open(path, encoding="utf-8-sig", errors="replace", newline=None) as handle:
        yield from _BlockCutter(path.name).cut(_physical_lines(handle))


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise UnreadableFileError(i18n.t("ties_calendar.file.folder", name=path.name))
    if not path.is_file():
        raise UnreadableFileError(i18n.t("ties_calendar.file.missing", name=path.name))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UnreadableFileError(
            i18n.t(
                "ties_calendar.file.too_large",
                name=path.name,
                size=size / (1 << 20),
                most=MAX_FILE_BYTES >> 20,
            )
        )
    with open(path, encoding="utf-8-sig", errors="replace") as handle:
        head = handle.read(_HEAD_CHARS).lstrip()
    if not head.upper().startswith("BEGIN:VCALENDAR"):  # not shown: iCalendar syntax
        raise UnreadableFileError(i18n.t("ties_calendar.file.not_calendar", name=path.name))


def _physical_lines(handle: TextIO) -> Iterator[tuple[str, bool]]:
    """Each line without its line break, and whether it was cut at ``MAX_LINE_CHARS``
    (the rest of a cut line is read and thrown away)."""
    while line := handle.readline(MAX_LINE_CHARS):
        cut = not line.endswith(("\n", "\r"))
        while cut and (rest := handle.readline(MAX_LINE_CHARS)):
            if rest.endswith(("\n", "\r")):
                break
        yield line.rstrip("\r\n"), cut and len(line) >= MAX_LINE_CHARS


def _name(line: str) -> str:
    """The property name of an unfolded line's first physical line (``ATTENDEE;CN=..``)."""
    end = len(line)
    for separator in ";:":
        found = line.find(separator)
        if 0 <= found < end:
            end = found
    return line[:end].strip().upper()


class _BlockCutter:
    """The state of the cut: which components are open, and the kept lines of the block."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.open: list[str] = []
        self.kept: list[str] = []
        self.start = 0
        self.keeping = False  # the last property line was kept: so are its continuations

    def cut(self, lines: Iterator[tuple[str, bool]]) -> Iterator[Block]:
        number = 0
        for number, (line, cut) in enumerate(lines, start=1):
            if line[:1] in (" ", "\t"):
                self.continuation(line, cut, number)
                continue
            name = _name(line)
            self.keeping = False
            if name in ("BEGIN", "END"):
                yield from self.boundary(name, line.partition(":")[2].strip().upper(), number)
            elif self.open:
                yield from self.property(name, line, cut, number)
            elif line.strip():
                raise self.damaged(number)
        if self.open:
            raise UnreadableFileError(
                i18n.t("ties_calendar.file.unclosed", name=self.file, component=self.open[-1])
            )

    def continuation(self, line: str, cut: bool, number: int) -> None:
        if self.keeping:
            self.keep(line, cut, number)

    def property(self, name: str, line: str, cut: bool, number: int) -> Iterator[Block]:
        inner = self.open[-1]
        if len(self.open) == 1 and name == CALENDAR_TIMEZONE:
            yield Block("VCALENDAR", line, number)
        elif (len(self.open) == 2 and inner == "VEVENT" and name in KEPT_PROPERTIES) or (
            len(self.open) >= 2 and self.open[1] == "VTIMEZONE"
        ):
            self.keeping = True
            self.keep(line, cut, number)

    def keep(self, line: str, cut: bool, number: int) -> None:
        if cut:
            raise UnreadableFileError(
                i18n.t(
                    "ties_calendar.file.line_too_long",
                    name=self.file,
                    line=number,
                    most=MAX_LINE_CHARS,
                )
            )
        if len(self.kept) >= MAX_BLOCK_LINES:
            raise UnreadableFileError(
                i18n.t(
                    "ties_calendar.file.event_too_long",
                    name=self.file,
                    line=self.start,
                    most=MAX_BLOCK_LINES,
                )
            )
        self.kept.append(line)

    def boundary(self, name: str, component: str, number: int) -> Iterator[Block]:
        if name == "BEGIN":
            self.open.append(component)
            if self.open[0] != "VCALENDAR":
                raise self.damaged(number)
            if len(self.open) == 2 and component in ("VEVENT", "VTIMEZONE"):
                self.kept, self.start = [f"BEGIN:{component}"], number
            elif len(self.open) > 2 and self.open[1] == "VTIMEZONE":
                self.kept.append(f"BEGIN:{component}")
            return
        if not self.open or self.open[-1] != component:
            raise self.damaged(number)
        self.open.pop()
        if len(self.open) >= 2 and self.open[1] == "VTIMEZONE":
            self.kept.append(f"END:{component}")
        elif len(self.open) == 1 and self.kept:
            self.kept.append(f"END:{component}")
            yield Block(component, "\r\n".join(self.kept) + "\r\n", self.start)
            self.kept = []

    def damaged(self, number: int) -> UnreadableFileError:
        return UnreadableFileError(
            i18n.t("ties_calendar.file.damaged", name=self.file, line=number)
        )
