"""The iCalendar source: files written the way Outlook and Google Calendar write them, read
into tie evidence whose weights equal a hand count, with every skip counted and hostile or
broken files refused in one plain sentence."""

from __future__ import annotations

from collections import Counter
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from instances import company

from crossteam.errors import UnreadableFileError
from crossteam.io.sources import calendar as calendar_source
from crossteam.io.sources import ics_stream
from crossteam.io.sources.calendar import read_calendar
from crossteam.io.sources.ics_stream import calendar_blocks
from crossteam.models import Employee, Settings
from crossteam.models.people import PersonIndex
from crossteam.models.ties import SourceKind, SourceReport, Window

MARKER = "ZZ-SECRET-MARKER"
"""Put in every summary, description, location, comment and attachment: it must never
come out of the reader."""

JANUARY = Window(date(2024, 1, 1), date(2024, 1, 31))

PEOPLE = {
    "ann": ("Sales", "ann@corp.example"),
    "bob": ("Sales", "bob@corp.example"),
    "cy": ("Product", "cy@corp.example"),
    "dee": ("Product", "dee@corp.example, dee.alias@corp.example"),
    "eve": ("Finance", "eve@corp.example"),
}


def _people() -> PersonIndex:
    employees = [
        Employee(
            employee_id=name,
            department=department,
            emails=tuple(a.strip() for a in addresses.split(",")),
        )
        for name, (department, addresses) in PEOPLE.items()
    ]
    return PersonIndex.of(company(employees))


def _fold(line: str) -> str:
    """A content line folded at 75 characters, as Outlook and Google write them."""
    parts = [line[:75]] + [" " + line[i : i + 74] for i in range(75, len(line), 74)]
    return "\r\n".join(parts)


def _write(path: Path, lines: list[str], *, bom: bool) -> Path:
    text = "\r\n".join(_fold(line) for line in lines) + "\r\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def _content(where: str) -> list[str]:
    """The content properties crossteam never reads, each holding the marker."""
    return [
        f"SUMMARY:{MARKER} {where} planning for the quarter with the whole team",
        f"DESCRIPTION:{MARKER} agenda\\n1. Numbers\\n2. Hiring\\n" + "long text " * 20,
        f"LOCATION:{MARKER} Room 4.12",
        f"COMMENT:{MARKER}",
        f"ATTACH;FMTTYPE=text/plain;ENCODING=BASE64;VALUE=BINARY:{MARKER}QUJD",
        f"X-ALT-DESC;FMTTYPE=text/html:<html><body>{MARKER}</body></html>",
    ]


def _alarm() -> list[str]:
    return [
        "BEGIN:VALARM",
        "TRIGGER:-PT15M",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{MARKER}",
        "END:VALARM",
    ]


OUTLOOK_ZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:W. Europe Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]
TZ = "TZID=W. Europe Standard Time"


def _attendee(address: str, partstat: str = "ACCEPTED", extra: str = "") -> str:
    name = address.split("@")[0].title()
    return (
        f'ATTENDEE;CN="{name}";ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};RSVP=TRUE{extra}'
        f":mailto:{address}"
    )


def _outlook_event(uid: str, start: str, attendees: list[str], *more: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        *attendees,
        "CLASS:PUBLIC",
        "CREATED:20231201T090000Z",
        *_content(uid),
        f"DTEND;{TZ}:{start[:9]}235900" if "T" in start else f"DTEND;VALUE=DATE:{start}",
        "DTSTAMP:20231201T090000Z",
        f"DTSTART;{TZ}:{start}" if "T" in start else f"DTSTART;VALUE=DATE:{start}",
        "PRIORITY:5",
        "SEQUENCE:0",
        "TRANSP:OPAQUE",
        f"UID:040000008200E00074C5B7101A82E008000000{uid}",
        *more,
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
        "X-MICROSOFT-CDO-IMPORTANCE:1",
        *_alarm(),
        "END:VEVENT",
    ]


def _outlook_file(path: Path) -> Path:
    """An Outlook (desktop) export of Ann's January, with the hand counts in comments."""
    organizer = 'ORGANIZER;CN="Ann Example":mailto:ANN@CORP.EXAMPLE'
    team = [
        organizer,
        _attendee("Bob@Corp.Example"),
        _attendee("cy@corp.example", "TENTATIVE"),
        _attendee("partner@vendor.example", "NEEDS-ACTION"),
    ]
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:PUBLISH",
        "X-MS-OLK-FORCEINSPECTOROPEN:TRUE",
        *OUTLOOK_ZONE,
        # Weekly on Mondays 09:00, five times: Jan 1, 8, 15, 22, 29. Jan 8 is an EXDATE,
        # Jan 15 moved to Tue Jan 16 with Dee added, Jan 22 cancelled.
        *_outlook_event(
            "SYNC",
            "20240101T090000",
            team,
            "RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=MO",
            f"EXDATE;{TZ}:20240108T090000",
        ),
        *_outlook_event(
            "SYNC",
            "20240116T100000",
            [*team, _attendee("dee.alias@corp.example")],
            f"RECURRENCE-ID;{TZ}:20240115T090000",
        ),
        *_outlook_event(
            "SYNC",
            "20240122T090000",
            team,
            f"RECURRENCE-ID;{TZ}:20240122T090000",
            "STATUS:CANCELLED",
        ),
        # Bob organises; Eve declined, Cy tentative, a room booked: Bob, Dee, Cy take part.
        *_outlook_event(
            "REVIEW",
            "20240110T140000",
            [
                'ORGANIZER;CN="Bob":mailto:bob@corp.example',
                _attendee("dee@corp.example"),
                _attendee("eve@corp.example", "DECLINED"),
                _attendee("cy@corp.example", "TENTATIVE"),
                _attendee("room-4.12@corp.example", "ACCEPTED", ";CUTYPE=ROOM"),
            ],
        ),
        *_outlook_event("OFFSITE", "20240112", [organizer, _attendee("bob@corp.example")]),
        *_outlook_event(
            "CALLOFF",
            "20240111T100000",
            [organizer, _attendee("eve@corp.example")],
            "STATUS:CANCELLED",
        ),
        *_outlook_event(
            "ALLHANDS",
            "20240117T100000",
            [
                organizer,
                *(_attendee(f"{p}@corp.example") for p in ("bob", "cy", "dee", "eve")),
                _attendee("partner@vendor.example"),
            ],
        ),
        *_outlook_event("FEB", "20240205T100000", [organizer, _attendee("eve@corp.example")]),
        *_outlook_event("DENTIST", "20240118T080000", []),
        *_outlook_event(
            "VENDOR", "20240119T110000", [organizer, _attendee("partner@vendor.example")]
        ),
        # the same meeting exported twice (two calendars merged): counted once
        *_outlook_event(
            "REVIEW",
            "20240110T140000",
            ['ORGANIZER;CN="Bob":mailto:bob@corp.example', _attendee("dee@corp.example")],
        ),
        "END:VCALENDAR",
    ]
    return _write(path, lines, bom=True)


def _read(
    path: Path, window: Window, settings: Settings | None = None
) -> tuple[dict[frozenset[str], Fraction], SourceReport]:
    report = SourceReport(file=path.name, kind=SourceKind.CALENDAR)
    weights: dict[frozenset[str], Fraction] = Counter()  # type: ignore[assignment]
    for evidence in read_calendar(path, _people(), window, settings or Settings(), report):
        assert window.holds(evidence.day)
        pair = frozenset((evidence.employee_a, evidence.employee_b))
        weights[pair] += Fraction(evidence.weight).limit_denominator(1000)
    return dict(weights), report


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


def test_an_outlook_export_gives_the_hand_counted_weights_and_skips(tmp_path: Path) -> None:
    weights, report = _read(
        _outlook_file(tmp_path / "ann.ics"), JANUARY, Settings(max_meeting_size=5)
    )
    # Team sync: Jan 1 and Jan 29 Ann, Bob, Cy and the partner take part: 4, so 1/3 a
    # pair; Jan 16 Dee too: 5, so 1/4. Review Jan 10: Bob, Dee, Cy (Eve declined, the room
    # is no person): 1/2 a pair.
    third, quarter, half = Fraction(1, 3), Fraction(1, 4), Fraction(1, 2)
    assert weights == {
        _pair("ann", "bob"): third + quarter + third,
        _pair("ann", "cy"): third + quarter + third,
        _pair("bob", "cy"): third + quarter + third + half,
        _pair("ann", "dee"): quarter,
        _pair("bob", "dee"): quarter + half,
        _pair("cy", "dee"): quarter + half,
    }
    # sync Jan 1, 16, 22 (cancelled), 29; review; offsite; call-off; all-hands (6 > 5);
    # February; dentist; vendor (Ann alone with the partner)
    assert report.rows_read == 11
    assert report.skipped == Counter(
        cancelled=2,
        all_day=1,
        too_large=1,
        outside_window=1,
        not_a_meeting=1,
        too_few_matched=1,
    )
    assert report.unmatched == Counter({"partner@vendor.example": 4})
    assert report.matched == {"ann", "bob", "cy", "dee"}
    assert (report.first_day, report.last_day) == (date(2024, 1, 1), date(2024, 1, 29))


def test_a_larger_meeting_size_takes_the_all_hands_in(tmp_path: Path) -> None:
    weights, report = _read(_outlook_file(tmp_path / "ann.ics"), JANUARY)
    # the all-hands: Ann, Bob, Cy, Dee, Eve and the partner: 6, so 1/5 a pair
    assert weights[_pair("ann", "eve")] == Fraction(1, 5)
    assert weights[_pair("dee", "eve")] == Fraction(1, 5)
    assert "too_large" not in report.skipped


def test_the_window_cuts_a_series_and_the_singles(tmp_path: Path) -> None:
    weights, report = _read(
        _outlook_file(tmp_path / "ann.ics"),
        Window(date(2024, 1, 12), date(2024, 1, 20)),
        Settings(max_meeting_size=5),
    )
    # only the moved Jan 16 occurrence of the sync is in these days: 1/4 a pair
    assert weights == {
        pair: Fraction(1, 4)
        for pair in map(
            frozenset,
            [
                ("ann", "bob"),
                ("ann", "cy"),
                ("ann", "dee"),
                ("bob", "cy"),
                ("bob", "dee"),
                ("cy", "dee"),
            ],
        )
    }
    # expansion covers only the window; the singles outside it are counted as such:
    # review (10th), call-off (11th) and February
    assert report.skipped["outside_window"] == 3


def _google_file(path: Path) -> Path:
    """A Google Calendar export (Tokyo): UTC single events, a TZID series with no end."""

    def event(uid: str, when: list[str], attendees: list[str], *more: str) -> list[str]:
        return [
            "BEGIN:VEVENT",
            *when,
            "DTSTAMP:20240301T000000Z",
            "ORGANIZER;CN=Ann Example:mailto:ann@corp.example",
            f"UID:{uid}@google.com",
            *[
                f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN={a};"
                f"X-NUM-GUESTS=0:mailto:{a}"
                for a in attendees
            ],
            *more,
            "CREATED:20231220T000000Z",
            *_content(uid),
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
            *_alarm(),
            "END:VEVENT",
        ]

    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{MARKER}",
        "X-WR-TIMEZONE:Asia/Tokyo",
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Tokyo",
        "X-LIC-LOCATION:Asia/Tokyo",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "TZNAME:JST",
        "DTSTART:19700101T000000",
        "END:STANDARD",
        "END:VTIMEZONE",
        # every Tuesday 10:00 Tokyo from Jan 2, no end
        *event(
            "weekly",
            ["DTSTART;TZID=Asia/Tokyo:20240102T100000", "DTEND;TZID=Asia/Tokyo:20240102T103000"],
            ["ANN@CORP.EXAMPLE", "EVE@Corp.Example"],
            "RRULE:FREQ=WEEKLY;BYDAY=TU",
        ),
        # Jan 5 01:00 UTC = Jan 5 10:00 Tokyo
        *event(
            "one",
            ["DTSTART:20240105T010000Z", "DTEND:20240105T020000Z"],
            ["ann@corp.example", "cy@corp.example", "eve@corp.example"],
        ),
        # Jan 31 15:30 UTC = Feb 1 00:30 Tokyo: the file's last day is Feb 1
        *event(
            "late",
            ["DTSTART:20240131T153000Z", "DTEND:20240131T160000Z"],
            ["ann@corp.example", "cy@corp.example"],
        ),
        "END:VCALENDAR",
    ]
    return _write(path, lines, bom=False)


def test_a_google_export_expands_an_endless_series_to_the_files_last_day(tmp_path: Path) -> None:
    weights, report = _read(_google_file(tmp_path / "google.ics"), Window())
    # Tuesdays Jan 2, 9, 16, 23, 30 (the last start in the file is Feb 1 in Tokyo): Ann
    # and Eve, 1 each; Jan 5: Ann, Cy, Eve: 1/2 a pair; Feb 1: Ann and Cy, 1.
    assert weights == {
        _pair("ann", "eve"): 5 + Fraction(1, 2),
        _pair("ann", "cy"): Fraction(1, 2) + 1,
        _pair("cy", "eve"): Fraction(1, 2),
    }
    assert report.rows_read == 7
    assert (report.first_day, report.last_day) == (date(2024, 1, 2), date(2024, 2, 1))


def test_a_google_series_stops_at_until_and_a_utc_time_takes_the_calendars_day(
    tmp_path: Path,
) -> None:
    weights, report = _read(_google_file(tmp_path / "google.ics"), JANUARY)
    # Tuesdays Jan 2 to 30: 5; the Feb 1 (Tokyo) meeting is outside January
    assert weights[_pair("ann", "eve")] == 5 + Fraction(1, 2)
    assert weights[_pair("ann", "cy")] == Fraction(1, 2)
    assert report.skipped == Counter(outside_window=1)
    weights, _ = _read(_google_file(tmp_path / "google.ics"), Window(until=date(2024, 1, 10)))
    assert weights[_pair("ann", "eve")] == 2 + Fraction(1, 2)  # Jan 2 and 9, and Jan 5


def test_no_content_is_kept_past_the_cut(tmp_path: Path) -> None:
    for path in (_outlook_file(tmp_path / "o.ics"), _google_file(tmp_path / "g.ics")):
        blocks = list(calendar_blocks(path))
        assert blocks and all(MARKER not in block.text for block in blocks)
        weights, report = _read(path, Window())
        assert MARKER not in repr(report) + repr(weights)


def test_a_floating_time_keeps_its_written_day(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "floating.ics",
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "BEGIN:VEVENT",
            "UID:f1",
            "DTSTART:20240131T233000",
            "ORGANIZER:mailto:ann@corp.example",
            "ATTENDEE:mailto:bob@corp.example",
            "END:VEVENT",
            "END:VCALENDAR",
        ],
        bom=False,
    )
    weights, report = _read(path, JANUARY)
    assert weights == {_pair("ann", "bob"): 1}
    assert report.last_day == date(2024, 1, 31)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"employee,email\r\nE1,a@b.c\r\n", "not an iCalendar file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not an iCalendar file"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2024zz\r\nEND:VEVENT\r\n"
            b"END:VCALENDAR\r\n",
            "damaged at line 2",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20240101T100000\r\n",
            "ends inside a VEVENT",
        ),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", "damaged at line 3"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20240101T100000\r\n"
            b"RRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "more than once an hour",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20240101T100000\r\n"
            b"RRULE:FREQ=WEEKLY;BYDAY=XX\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "damaged at line 2",
        ),
        (b"", "not an iCalendar file"),
    ],
)
def test_a_broken_or_foreign_file_is_refused_in_one_sentence(
    tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "broken.ics"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError) as raised:
        _read(path, Window())
    message = str(raised.value)
    assert "broken.ics" in message and says in message
    assert "Traceback" not in message


def test_too_large_a_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ics_stream, "MAX_FILE_BYTES", 1000)
    path = _outlook_file(tmp_path / "big.ics")
    with pytest.raises(UnreadableFileError, match=r"big\.ics is \d+ MB; .* at most 0 MB"):
        _read(path, Window())


def test_an_overlong_content_line_is_skipped_but_an_overlong_attendee_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ics_stream, "MAX_LINE_CHARS", 200)
    head = ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:x", "DTSTART:20240101T100000Z"]
    tail = [
        "ORGANIZER:mailto:ann@corp.example",
        "ATTENDEE:mailto:bob@corp.example",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    unfolded = tmp_path / "unfolded.ics"
    unfolded.write_text("\r\n".join([*head, "DESCRIPTION:" + "x" * 1000, *tail]) + "\r\n")
    weights, _ = _read(unfolded, Window())
    assert weights == {_pair("ann", "bob"): 1}
    unfolded.write_text("\r\n".join([*head, "ATTENDEE:mailto:" + "x" * 1000, *tail]) + "\r\n")
    with pytest.raises(UnreadableFileError, match="line longer than 200 characters at line 5"):
        _read(unfolded, Window())


def test_an_endless_series_over_a_long_span_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(calendar_source, "MAX_OCCURRENCES_PER_SERIES", 100)
    path = _google_file(tmp_path / "google.ics")
    with pytest.raises(UnreadableFileError, match="repeats more than 100 times"):
        _read(path, Window(until=date(2026, 1, 1)))


def test_an_occurrence_invited_to_alone_counts_without_its_series(tmp_path: Path) -> None:
    # Google exports a lone override (RECURRENCE-ID, no master) to a guest invited to one
    # occurrence: Ann and Bob on the day it moved to, 1.
    path = _write(
        tmp_path / "lone.ics",
        [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:lone@google.com",
            "RECURRENCE-ID:20240110T100000Z",
            "DTSTART:20240111T100000Z",
            "ORGANIZER:mailto:ann@corp.example",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@corp.example",
            "END:VEVENT",
            "END:VCALENDAR",
        ],
        bom=False,
    )
    weights, report = _read(path, JANUARY)
    assert weights == {_pair("ann", "bob"): 1}
    assert report.first_day == date(2024, 1, 11)


def test_a_series_that_ends_is_read_to_its_own_end_past_the_files_last_start(
    tmp_path: Path,
) -> None:
    """Only an endless series needs the file's last day as its end: a weekly meeting of
    three occurrences is read whole even when every other meeting starts before its last."""
    path = _write(
        tmp_path / "short.ics",
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "BEGIN:VEVENT",
            "UID:standup",
            "DTSTART:20260105T090000Z",
            "DTEND:20260105T093000Z",
            "RRULE:FREQ=WEEKLY;COUNT=3",
            "ORGANIZER:mailto:ann@corp.example",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@corp.example",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:one-off",
            "DTSTART:20260107T090000Z",
            "DTEND:20260107T100000Z",
            "ORGANIZER:mailto:ann@corp.example",
            "ATTENDEE:mailto:cy@corp.example",
            "END:VEVENT",
            "END:VCALENDAR",
        ],
        bom=False,
    )
    weights, report = _read(path, Window())
    # Jan 5, 12 and 19 for Ann and Bob, though the last start in the file is Jan 7
    assert weights == {_pair("ann", "bob"): 3, _pair("ann", "cy"): 1}
    assert (report.rows_read, report.last_day) == (4, date(2026, 1, 19))
    weights, _ = _read(path, Window(since=date(2026, 1, 10)))
    assert weights == {_pair("ann", "bob"): 2}
