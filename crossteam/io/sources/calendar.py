"""Ties from an iCalendar file (.ics exported by Outlook, Google Calendar, Apple Calendar):
every meeting occurrence ties every two of its attendees, ``1 / (attendees - 1)`` a pair.

icalendar parses each block ``ics_stream`` cuts out; recurring-ical-events expands the
series. Single events stream through; only what recurrence needs is held to the end (each
series' kept lines, grouped by UID), so memory grows with series, people and pairs, not
with meetings. docs/ties-calendar.md has the rules: who counts as an attendee, which
occurrences are skipped and why, and over which dates an endless series is expanded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import recurring_ical_events
from icalendar import Calendar, Component, Event
from icalendar.parser import Contentline, Contentlines
from icalendar.prop import vDate, vDatetime

from crossteam import i18n
from crossteam.errors import UnreadableFileError
from crossteam.io.sources.ics_stream import Block, calendar_blocks
from crossteam.models import Settings
from crossteam.models.people import PersonIndex, address_key
from crossteam.models.planning_input import EmployeeId
from crossteam.models.ties import Evidence, SourceReport, Window

SKIP_OUTSIDE_WINDOW: Final = "outside_window"
SKIP_ALL_DAY: Final = "all_day"
SKIP_CANCELLED: Final = "cancelled"
SKIP_TOO_LARGE: Final = "too_large"
SKIP_NOT_A_MEETING: Final = "not_a_meeting"
"""Fewer than two people took part (an appointment, or everyone else declined)."""
SKIP_TOO_FEW_MATCHED: Final = "too_few_matched"
"""Fewer than two of those who took part are on Employees (a meeting with outsiders)."""

MAX_OCCURRENCES_PER_SERIES: Final = 20_000
"""A daily meeting for 50 years; more in the dates read means a broken or hostile rule."""
_CHUNK: Final = timedelta(days=366)
_NOT_PEOPLE: Final = frozenset({"ROOM", "RESOURCE"})
_TOO_OFTEN: Final = frozenset({"SECONDLY", "MINUTELY"})
_CALENDAR: Final = ("BEGIN:VCALENDAR\r\n", "END:VCALENDAR\r\n")  # not shown: iCalendar syntax
_DAMAGE: Final = (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError)


@dataclass(frozen=True, slots=True)
class _Occurrence:
    """One meeting on one day: what the tie rules need, nothing else."""

    start: date
    all_day: bool
    cancelled: bool
    attendance: tuple[str, ...]
    """Address keys of the people who took part: attendees who did not decline, and the
    organizer unless listed as an attendee; rooms and resources left out."""


@dataclass(frozen=True, slots=True)
class _Meeting:
    people: tuple[EmployeeId, ...]
    unmatched: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.people) + len(self.unmatched)


@dataclass
class _Series:
    """A recurring meeting's kept lines: its master and its overrides by RECURRENCE-ID."""

    line: int
    master: str = ""
    overrides: dict[str, str] = field(default_factory=dict)


def read_calendar(
    path: Path,
    people: PersonIndex,
    window: Window,
    settings: Settings,
    report: SourceReport,
) -> Iterator[Evidence]:
    """Stream the ties of the iCalendar file ``path`` (a ``SourceReader``).

    Raises:
        UnreadableFileError: the file is too large, damaged or not iCalendar.
    """
    return _CalendarReading(path.name, people, window, settings, report).evidence(path)


def _attendance(
    attendees: Iterable[tuple[str, Mapping[str, Any]]],
    organizer: str | None,
) -> tuple[str, ...]:
    """The address keys of who took part (see ``_Occurrence.attendance``)."""
    listed: set[str] = set()
    taking_part: list[str] = []
    for address, params in attendees:
        key = _address_key(address)
        if not key or key in listed:
            continue
        listed.add(key)
        declined = str(params.get("PARTSTAT", "")).upper() == "DECLINED"
        if not declined and str(params.get("CUTYPE", "")).upper() not in _NOT_PEOPLE:
            taking_part.append(key)
    if organizer and (key := _address_key(organizer)) and key not in listed:
        taking_part.append(key)
    return tuple(taking_part)


_address_key: Final = lru_cache(maxsize=1 << 16)(address_key)
"""Each attendee is written thousands of times: their address is read once."""


@lru_cache(maxsize=1 << 16)
def _parts(line: Contentline) -> tuple[str, Any, str]:
    """icalendar's reading of one unfolded line; attendee lines repeat across thousands of
    meetings, so each distinct line is read once."""
    name, params, value = line.parts()
    return name.upper(), params, value


def _start(params: Mapping[str, Any], value: str) -> date:
    """A DTSTART or RECURRENCE-ID value: a ``date`` for an all-day one, else a datetime in
    its TZID zone (the file's VTIMEZONE or a known zone), in UTC, or floating."""
    if str(params.get("VALUE", "")).upper() == "DATE" or len(value) == 8:
        day: date = vDate.from_ical(value)  # type: ignore[no-untyped-call]  # icalendar's
        return day
    moment: datetime = vDatetime.from_ical(  # type: ignore[no-untyped-call]  # value types
        value, timezone=params.get("TZID")
    )
    return moment


class _CalendarReading:
    """One file being read: the series held for the end, the dates seen, the counts."""

    def __init__(
        self,
        file: str,
        people: PersonIndex,
        window: Window,
        settings: Settings,
        report: SourceReport,
    ) -> None:
        self.file = file
        self.people = people
        self.window = window
        self.max_size = settings.max_meeting_size
        self.report = report
        self.series: dict[str, _Series] = {}
        self.seen_singles: set[int] = set()
        self.first_day: date | None = None
        self.last_day: date | None = None
        self.calendar_zone: ZoneInfo | None = None
        self.meeting = lru_cache(maxsize=4096)(self._meeting)

    def evidence(self, path: Path) -> Iterator[Evidence]:
        for block in calendar_blocks(path):
            if block.kind == "VEVENT":
                occurrence = self.event(block)
                if occurrence is not None:
                    yield from self.take(occurrence)
            elif block.kind == "VTIMEZONE":
                self.parse(block.text.join(_CALENDAR), block)
            else:
                self.calendar_zone = self.zone(block)
        for series in self.series.values():
            for occurrence in self.expand(series):
                yield from self.take(occurrence)

    def parse(self, text: str, block: Block | _Series) -> Calendar:
        """icalendar's reading of a calendar holding ``block``; parsing a VTIMEZONE also
        registers it with icalendar, so later TZIDs naming it resolve."""
        try:
            calendar = Calendar.from_ical(text)
        except _DAMAGE:
            raise self.damaged(block.line) from None
        for component in calendar.walk():
            if component.errors:
                raise self.damaged(block.line, component.errors[0][0] or "")
        return calendar

    def zone(self, block: Block) -> ZoneInfo | None:
        try:
            line = Contentline(block.text)  # type: ignore[no-untyped-call]  # icalendar's parser
            return ZoneInfo(str(_parts(line)[2]).strip())
        except (ValueError, ZoneInfoNotFoundError):
            return None  # an unknown zone name: UTC times keep their UTC day

    def event(self, block: Block) -> _Occurrence | None:
        """A single event's occurrence; a series' master or override is held for the end
        (``None``), as is a repeated copy of a single event (the first copy counts)."""
        values: dict[str, list[tuple[Any, str]]] = {}
        try:
            for line in Contentlines.from_ical(block.text):  # type: ignore[no-untyped-call]
                if line:
                    name, params, value = _parts(line)
                    values.setdefault(name, []).append((params, value))
            start = _start(*values["DTSTART"][0])
            recurrence = values.get("RECURRENCE-ID")
            self.widen(start, *(_start(*r) for r in recurrence or ()))
        except _DAMAGE:
            raise self.damaged(block.line, "DTSTART" if "DTSTART" in values else "") from None
        uid = values.get("UID", [(None, "")])[0][1]
        if recurrence or "RRULE" in values or "RDATE" in values:
            self.hold(uid or f"#{block.line}", block, recurrence)
            return None
        if uid:
            copy = hash((uid, values["DTSTART"][0][1]))
            if copy in self.seen_singles:
                return None
            self.seen_singles.add(copy)
        organizer = values.get("ORGANIZER", [(None, "")])[0][1]
        return _Occurrence(
            start=start,
            all_day=not isinstance(start, datetime),
            cancelled=values.get("STATUS", [(None, "")])[0][1].strip().upper() == "CANCELLED",
            attendance=_attendance(
                ((value, params) for params, value in values.get("ATTENDEE", ())), organizer
            ),
        )

    def hold(self, uid: str, block: Block, recurrence: list[tuple[Any, str]] | None) -> None:
        series = self.series.setdefault(uid, _Series(block.line))
        if recurrence:
            series.overrides.setdefault(recurrence[0][1], block.text)
        elif not series.master:
            series.master, series.line = block.text, block.line

    def widen(self, *starts: date) -> None:
        for start in starts:
            day = self.day(start)
            if self.first_day is None or day < self.first_day:
                self.first_day = day
            if self.last_day is None or day > self.last_day:
                self.last_day = day

    def day(self, start: date) -> date:
        """The occurrence's local date; a UTC time is taken in the calendar's own zone
        (X-WR-TIMEZONE, as Google Calendar writes it) when it has one."""
        if not isinstance(start, datetime):
            return start
        if self.calendar_zone is not None and start.tzname() == "UTC":
            start = start.astimezone(self.calendar_zone)
        return start.date()

    def expand(self, series: _Series) -> Iterator[_Occurrence]:
        """The series' occurrences from ``--since`` (else the file's first day) to
        ``--until`` (else its last day), overrides, EXDATEs and RDATEs applied."""
        calendar = self.parse(
            "".join((series.master, *series.overrides.values())).join(_CALENDAR),
            series,
        )
        self.refuse_too_often(calendar, series)
        query = recurring_ical_events.of(calendar)
        if self.window.until is None and _finite(calendar):
            yield from self.every(query, series)
            return
        first = self.window.since or self.first_day
        last = self.window.until or self.last_day
        if first is None or last is None:
            return
        count = 0
        while first <= last:
            end = min(first + _CHUNK, last + timedelta(days=1))
            try:
                found = [_occurrence_of(event) for event in query.between(first, end)]
            except _DAMAGE:
                raise self.damaged(series.line) from None
            count += len(found)
            if count > MAX_OCCURRENCES_PER_SERIES:
                raise self.too_many(series)
            yield from found
            first = end

    def too_many(self, series: _Series) -> UnreadableFileError:
        """A series with more occurrences than one series may have in the dates read."""
        return UnreadableFileError(
            i18n.t(
                "ties_calendar.series.too_many",
                name=self.file,
                line=series.line,
                most=MAX_OCCURRENCES_PER_SERIES,
            )
        )

    def every(self, query: Any, series: _Series) -> Iterator[_Occurrence]:
        """Every occurrence of a series that ends (COUNT, UNTIL or RDATEs only) from
        ``--since`` on: its own end bounds it, not the file's last day."""
        for count, event in enumerate(query.all(), start=1):
            if count > MAX_OCCURRENCES_PER_SERIES:
                raise self.too_many(series)
            try:
                occurrence = _occurrence_of(event)
            except _DAMAGE:
                raise self.damaged(series.line) from None
            if self.window.holds(self.day(occurrence.start)):
                yield occurrence

    def refuse_too_often(self, calendar: Calendar, series: _Series) -> None:
        """A rule repeating by the minute would expand to millions in one step: refused."""
        for event in calendar.walk("VEVENT"):
            rules = event.get("RRULE")
            for rule in rules if isinstance(rules, list) else [rules] if rules else []:
                frequency = {str(f).upper() for f in rule.get("FREQ", ())}
                if frequency & _TOO_OFTEN or any(
                    len(rule.get(part, ())) > 1 for part in ("BYMINUTE", "BYSECOND")
                ):
                    raise UnreadableFileError(
                        i18n.t("ties_calendar.series.too_often", name=self.file, line=series.line)
                    )

    def take(self, occurrence: _Occurrence) -> Iterator[Evidence]:
        """Count ``occurrence`` and yield its ties, or count why it gives none."""
        report = self.report
        report.rows_read += 1
        day = self.day(occurrence.start)
        if not self.window.holds(day):
            report.skipped[SKIP_OUTSIDE_WINDOW] += 1
            return
        if occurrence.all_day or occurrence.cancelled:
            report.skipped[SKIP_ALL_DAY if occurrence.all_day else SKIP_CANCELLED] += 1
            return
        meeting = self.meeting(occurrence.attendance)
        if meeting.size > self.max_size:
            report.skipped[SKIP_TOO_LARGE] += 1
            return
        if meeting.size < 2:
            report.skipped[SKIP_NOT_A_MEETING] += 1
            return
        report.unmatched.update(meeting.unmatched)
        if len(meeting.people) < 2:
            report.skipped[SKIP_TOO_FEW_MATCHED] += 1
            return
        report.matched.update(meeting.people)
        report.saw(day)
        weight = 1 / (meeting.size - 1)
        for a, b in combinations(meeting.people, 2):
            yield Evidence(a, b, weight, day)

    def _meeting(self, attendance: tuple[str, ...]) -> _Meeting:
        """Who took part: the employees (each once, however many of their addresses are
        listed) and the addresses naming nobody on Employees."""
        people: dict[EmployeeId, None] = {}
        unmatched: list[str] = []
        for key in attendance:
            employee = self.people.by_address.get(key)  # ``key`` is an address_key already
            if employee is None:
                unmatched.append(key)
            else:
                people[employee] = None
        return _Meeting(tuple(people), tuple(unmatched))

    def damaged(self, line: int, prop: str = "") -> UnreadableFileError:
        if prop:
            return UnreadableFileError(
                i18n.t(
                    "ties_calendar.file.damaged_property", name=self.file, line=line, property=prop
                )
            )
        return UnreadableFileError(i18n.t("ties_calendar.file.damaged", name=self.file, line=line))


def _finite(calendar: Calendar) -> bool:
    """True when every rule of the series ends (COUNT or UNTIL); a series of RDATEs only
    ends too."""
    for event in calendar.walk("VEVENT"):
        rules = event.get("RRULE")
        for rule in rules if isinstance(rules, list) else [rules] if rules else []:
            if not ({"COUNT", "UNTIL"} & {str(part).upper() for part in rule}):
                return False
    return True


def _occurrence_of(event: Component) -> _Occurrence:
    """An expanded occurrence (recurring-ical-events' copy of the master or override).

    Raises:
        ValueError: its start cannot be read.
    """
    if not isinstance(event, Event):
        raise ValueError(event.name)  # only events are held, so only events come back
    attendees = event.get("ATTENDEE", [])
    listed = attendees if isinstance(attendees, list) else [attendees]
    organizer = event.get("ORGANIZER")
    return _Occurrence(
        start=event.start,
        all_day=not isinstance(event.start, datetime),
        cancelled=str(event.get("STATUS", "")).strip().upper() == "CANCELLED",
        attendance=_attendance(
            ((str(a), a.params) for a in listed), str(organizer) if organizer else None
        ),
    )
