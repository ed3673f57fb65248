"""Only headers, addresses, ids and dates are read from the tie sources: a marker put in
every subject, body, location, description, display name and other content field of a
calendar, a mail log and a collaboration export appears in no output workbook (every part
of the .xlsx searched), no message and no JSON, whether the run succeeds or refuses a
source.

These run the real source readers (``crossteam.io.sources``), written beside this
command: the test needs them merged in.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from command import run
from workbooks import company, write_workbook

MARKER = "Qx7SecretMarker"
"""Written in every content field; never to be seen again."""

CALENDAR = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{MARKER} calendar",
        "BEGIN:VEVENT",
        "UID:weekly-1@example.com",
        "DTSTART:20260105T090000Z",
        "DTEND:20260105T093000Z",
        "RRULE:FREQ=WEEKLY;COUNT=3",
        f"SUMMARY:{MARKER} weekly",
        f"DESCRIPTION:{MARKER} agenda\\n{MARKER} second line",
        f"LOCATION:{MARKER} room",
        f"COMMENT:{MARKER}",
        f"X-ALT-DESC;FMTTYPE=text/html:<p>{MARKER}</p>",
        f"ATTACH:https://example.com/{MARKER}.pdf",
        f"ORGANIZER;CN={MARKER} Sato:mailto:E1@X.COM",
        f"ATTENDEE;CN={MARKER} Suzuki;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:e2@x.com",
        f"ATTENDEE;CN={MARKER} Tanaka;PARTSTAT=ACCEPTED:mailto:e3@x.com",
        f"ATTENDEE;CN={MARKER} Guest;PARTSTAT=NEEDS-ACTION:mailto:guest@other.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:once-1@example.com",
        "DTSTART:20260114T130000Z",
        "DTEND:20260114T140000Z",
        f"SUMMARY:{MARKER} one-off",
        f"DESCRIPTION:{MARKER}",
        f"LOCATION:{MARKER}",
        "ORGANIZER:mailto:e5@x.com",
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:e3@x.com",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
)

MAIL = "\r\n".join(
    [
        "From,To,Cc,Subject,Body,Sent,Attachment",
        f'e1@x.com,"{MARKER} Suzuki <e2@x.com>; e6@x.com",,{MARKER} subject,'
        f'"{MARKER} body, with a comma\nand a line break",2026-01-12T09:15:00Z,{MARKER}.docx',
        f'"{MARKER} Ito <e4@x.com>",e5@x.com,"x@other.com",{MARKER},{MARKER},'
        f"2026-01-13T10:00:00+09:00,",
        "",
    ]
)

COLLABORATION = "\r\n".join(
    [
        "PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,"
        "Collaboration_hours,Meeting_subject,Organization",
        f"P1,P4,1/12/2026,1.5,{MARKER},{MARKER} org",
        f"P6,P3,1/12/2026,0.5,{MARKER},{MARKER} org",
        f"P6,P404,1/19/2026,2,{MARKER},{MARKER} org",
        "",
    ]
)


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, list[Path]]:
    sheets = company()
    rows = sheets["Employees"]
    rows[0] += ["email", "person_id"]
    for row in rows[1:]:
        number = str(row[0])[1:]
        row += [f"e{number}@x.com", f"P{number}"]
    workbook = write_workbook(tmp_path / "company.xlsx", sheets)
    files = []
    for name, text in (
        ("outlook.ics", CALENDAR),
        ("message-trace.csv", MAIL),
        ("person-to-person.csv", COLLABORATION),
    ):
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        files.append(path)
    return workbook, files


def _xlsx_text(path: Path) -> str:
    """Every part of an .xlsx package, as text."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(
            package.read(name).decode("utf-8", errors="replace") for name in package.namelist()
        )


def test_no_content_field_reaches_the_workbook_the_messages_or_the_json(
    capsys: pytest.CaptureFixture[str], sources: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    workbook, files = sources
    out = tmp_path / "with-ties.xlsx"
    paths = [str(p) for p in files]
    code, stdout, err = run(capsys, "ties", str(workbook), *paths, "-o", str(out), "--json")
    assert code == 0, err
    payload = json.loads(stdout)
    assert [s["kind"] for s in payload["sources"]] == ["calendar", "mail", "collaboration"]
    assert all(s["pairs"] > 0 for s in payload["sources"]), payload  # they were read
    assert MARKER not in stdout and MARKER not in err
    assert MARKER.casefold() not in _xlsx_text(out).casefold()
    again = tmp_path / "again.xlsx"
    code, stdout, err = run(capsys, "ties", str(workbook), *paths, "-o", str(again), "--merge")
    assert code == 0 and MARKER not in stdout + err
    assert MARKER.casefold() not in _xlsx_text(again).casefold()
    ties = [arg for path in paths for arg in ("--ties", path)]
    code, stdout, err = run(capsys, "audit", str(workbook), *ties, "--json")
    assert code == 0, err
    assert MARKER not in stdout and MARKER not in err
    audit_out = tmp_path / "audit.xlsx"
    code, _, err = run(capsys, "audit", str(workbook), *ties, "-o", str(audit_out))
    assert code == 0 and MARKER not in err
    assert MARKER.casefold() not in _xlsx_text(audit_out).casefold()


def test_a_refused_source_names_its_cell_but_no_content_field(
    capsys: pytest.CaptureFixture[str], sources: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    workbook, _ = sources
    bad = tmp_path / "bad-mail.csv"
    bad.write_text(
        f"From,To,Subject,Body,Sent\r\ne1@x.com,e2@x.com,{MARKER},{MARKER} body,not a date\r\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.xlsx"
    code, stdout, err = run(capsys, "ties", str(workbook), str(bad), "-o", str(out), "--json")
    assert code == 2
    assert "bad-mail.csv" in err
    assert MARKER not in stdout and MARKER not in err
    assert not out.exists()
