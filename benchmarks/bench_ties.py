"""Streaming a year of meetings: the iCalendar tie source on a synthetic company's calendar.

Run: ``python benchmarks/bench_ties.py [--people 5000] [--seed 0]
[--out benchmarks/results/ties.md]``.

Writes one .ics holding a year (2024) of a company's meetings, as Outlook writes them
(a VTIMEZONE, CRLF, folded lines, summaries and descriptions the reader drops): about 100
meeting occurrences a person, seven in ten from weekly series (some endless, some ending
by COUNT or UNTIL, some with an EXDATE, a moved or a cancelled occurrence), the rest
one-off meetings; sizes 2 to 12, mostly small, mostly inside a department; a few
declined attendees, external guests, all-day and cancelled events. ``read_calendar`` then
reads it in a fresh child process, summing the evidence per pair as ``crossteam ties``
does; the child reports its wall seconds and its peak resident memory (``ru_maxrss``:
interpreter and libraries included).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

SEED = 0
YEAR = 2024
ZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Tokyo Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T000000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "END:STANDARD",
    "END:VTIMEZONE",
]
TZ = "TZID=Tokyo Standard Time"


def address(person: int) -> str:
    return f"p{person:05d}@corp.example"


def _fold(line: str) -> str:
    return "\r\n ".join([line[:75], *(line[i : i + 74] for i in range(75, len(line), 74))])


class Company:
    """Who meets whom: departments of 25, meetings mostly inside one, now and then across."""

    def __init__(self, people: int, rng: random.Random) -> None:
        self.people = people
        self.rng = rng
        self.departments = max(1, people // 25)

    def attendees(self) -> list[int]:
        rng = self.rng
        size = min(
            self.people, rng.choices(range(2, 13), weights=[30, 20, 14, 10, 7, 5, 4, 3, 3, 2, 2])[0]
        )
        home = rng.randrange(self.departments)
        chosen: set[int] = set()
        while len(chosen) < size:
            department = home if rng.random() < 0.8 else rng.randrange(self.departments)
            chosen.add(min(self.people - 1, department * 25 + rng.randrange(25)))
        return sorted(chosen)

    def event(self, uid: str, start: str, extra: Sequence[str] = ()) -> list[str]:
        rng = self.rng
        people = self.attendees()
        lines = [
            "BEGIN:VEVENT",
            f'ORGANIZER;CN="Person {people[0]}":mailto:{address(people[0]).upper()}',
        ]
        for person in people[1:]:
            status = "DECLINED" if rng.random() < 0.05 else "ACCEPTED"
            lines.append(
                f'ATTENDEE;CN="Person {person}";ROLE=REQ-PARTICIPANT;PARTSTAT={status};'
                f"RSVP=TRUE:mailto:{address(person)}"
            )
        if rng.random() < 0.1:
            lines.append("ATTENDEE;PARTSTAT=ACCEPTED:mailto:guest@partner.example")
        lines += [
            "SUMMARY:Weekly planning and review of the open items for the quarter",
            "DESCRIPTION:Agenda\\n1. Status\\n2. Risks\\n3. Next steps\\n" + "notes " * 30,
            "LOCATION:Room 12.04",
            f"DTSTART;{TZ}:{start}",
            f"DTEND;{TZ}:{start[:9]}235900",
            f"UID:{uid}",
            "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
            *extra,
            "END:VEVENT",
        ]
        return lines


def _day(day_of_year: int) -> str:
    return time.strftime("%Y%m%d", time.strptime(f"{YEAR} {day_of_year}", "%Y %j"))


def calendar_lines(people: int, seed: int) -> Iterator[str]:
    """The file's lines, series first, then the one-off meetings."""
    rng = random.Random(seed)
    company = Company(people, rng)
    yield from ["BEGIN:VCALENDAR", "PRODID:-//bench//EN", "VERSION:2.0", *ZONE]
    for series in range(people * 7 // 5):  # ~1.4 weekly series a person, ~50 each
        start = _day(rng.randrange(1, 8)) + f"T{rng.randrange(9, 18):02d}0000"
        end = rng.choice(["", ";COUNT=52", f";UNTIL={YEAR}1231T000000Z"])
        extra = [f"RRULE:FREQ=WEEKLY{end}"]
        if rng.random() < 0.3:
            extra.append(
                f"EXDATE;{TZ}:{_day(7 * rng.randrange(2, 50) + int(start[6:8]))}{start[8:]}"
            )
        uid = f"series-{series}"
        yield from company.event(uid, start, extra)
        if rng.random() < 0.2:
            moved = _day(7 * rng.randrange(2, 50) + int(start[6:8]))
            status = ["STATUS:CANCELLED"] if rng.random() < 0.5 else []
            yield from company.event(
                uid, moved + start[8:], [f"RECURRENCE-ID;{TZ}:{moved}{start[8:]}", *status]
            )
    for single in range(people * 30):
        start = (
            _day(rng.randrange(1, 366)) + f"T{rng.randrange(8, 19):02d}{rng.choice(['00', '30'])}00"
        )
        extra = ["STATUS:CANCELLED"] if rng.random() < 0.02 else []
        yield from company.event(f"single-{single}", start, extra)
    yield "END:VCALENDAR"


def write_calendar(path: Path, people: int, seed: int) -> int:
    """Write the calendar; the number of VEVENT blocks in it."""
    events = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        for line in calendar_lines(people, seed):
            events += line == "BEGIN:VEVENT"
            handle.write(_fold(line) + "\r\n")
    return events


def read_in_child(path: str, people: int) -> dict[str, float]:
    """Read the calendar (run in the child): figures as JSON-ready numbers."""
    import resource

    from crossteam.io.sources.calendar import read_calendar
    from crossteam.models import Department, Employee, PlanningInput, Settings
    from crossteam.models.people import PersonIndex
    from crossteam.models.ties import SourceKind, SourceReport, Window

    employees = tuple(
        Employee(employee_id=f"E{i:05d}", department=f"D{i // 25:03d}", emails=(address(i),))
        for i in range(people)
    )
    departments = tuple(
        Department(
            name=name,
            headcount=sum(e.department == name for e in employees),
            min_on_site=0.8,
            host_capacity=2,
        )
        for name in sorted({e.department for e in employees})
    )
    index = PersonIndex.of(PlanningInput(employees=employees, departments=departments))
    report = SourceReport(file=Path(path).name, kind=SourceKind.CALENDAR)
    started = time.perf_counter()
    weights: dict[tuple[str, str], float] = {}
    for evidence in read_calendar(Path(path), index, Window(), Settings(), report):
        pair = (evidence.employee_a, evidence.employee_b)
        weights[pair] = weights.get(pair, 0.0) + evidence.weight
    seconds = time.perf_counter() - started
    return {
        "occurrences": report.rows_read,
        "skipped": sum(report.skipped.values()),
        "pairs": len(weights),
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    from suite import markdown_table

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "company.ics"
        events = write_calendar(path, args.people, args.seed)
        size_mb = path.stat().st_size / (1 << 20)
        code = (
            "import json, sys; sys.path.insert(0, sys.argv[1]); from bench_ties import "
            "read_in_child; print(json.dumps(read_in_child(sys.argv[2], int(sys.argv[3]))))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(here), str(path), str(args.people)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        found = json.loads(done.stdout)
    header = ("people", "events in file", "file MB", "occurrences", "skipped", "pairs",
              "seconds", "peak MB")  # fmt: skip
    row = [
        f"{args.people:,}",
        f"{events:,}",
        f"{size_mb:,.0f}",
        f"{found['occurrences']:,}",
        f"{found['skipped']:,}",
        f"{found['pairs']:,}",
        f"{found['seconds']:.1f}",
        f"{found['peak_mb']:.0f}",
    ]
    table = markdown_table(header, [row])
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(
            "# Calendar ties: a year of meetings\n\n" + table + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
