"""Mail and chat logs: one row per message (or per message and recipient, as a message
trace writes them) with a sender, recipients and a timestamp; docs/ties-mail.md says how
to export one from Exchange / Microsoft 365, Google Workspace, Slack and Teams.

A message ties its sender to each recipient found on Employees, with weight ``1 /
recipients``, counting every distinct recipient (To, Cc and Bcc; matched or not; the
sender left out). When the log has a message id column, the rows sharing an id are one
message: its recipients are counted over all its rows in a first pass (memory: one count
per message id). An exact repeat of a row is skipped. Subject, body and every other
column are never read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Final

from crossteam.io.sources.table import (
    BadRow,
    Column,
    Seen,
    Table,
    addresses,
    as_day,
    as_person,
    open_table,
    tally,
)
from crossteam.models import Settings
from crossteam.models.people import PersonIndex, address_key
from crossteam.models.ties import Evidence, SourceReport, Window

SENDER: Final = Column(
    "sender",
    (
        "from",
        "sender_address",
        "from_address",
        "From: (Address)",
        "sender_email",
        "user",
        "author",
        "差出人",
        "送信者",
        "送信者アドレス",
    ),
    required=True,
)
TO: Final = Column(
    "to",
    (
        "recipient",
        "recipients",
        "recipient_address",
        "recipient_status",
        "To: (Address)",
        "members",
        "participants",
        "宛先",
        "受信者",
    ),
    required=True,
)
CC: Final = Column("cc", ("CC: (Address)", "cc_address"))
BCC: Final = Column("bcc", ("BCC: (Address)", "bcc_address"))
SENT: Final = Column(
    "timestamp",
    (
        "date",
        "received",
        "sent",
        "date_time",
        "datetime",
        "time",
        "sent_at",
        "origin_timestamp_utc",
        "date_(utc)",
        "日時",
        "送信日時",
        "受信日時",
        "日付",
    ),
)
MESSAGE_ID: Final = Column(
    "message_id", ("internet_message_id", "network_message_id", "メッセージID")
)
COLUMNS: Final = (SENDER, TO, CC, BCC, SENT, MESSAGE_ID)

_Message = tuple[str, list[str], date | None, str, tuple[object, ...]]
"""The sender's and the recipients' address keys, the day, the message id and the row's
cells as written (an exact repeat of a row is skipped; two messages of one day are not)."""


def read_mail(
    path: Path,
    people: PersonIndex,
    window: Window,
    settings: Settings,
    report: SourceReport,
) -> Iterator[Evidence]:
    """Stream the evidence of a mail or chat log (the ``SourceReader`` signature).

    Raises:
        InputError: a column is missing or a cell is wrong (file, row and column named).
        UnreadableFileError: the file is too large, damaged or not text.
    """
    recipients = _recipients_per_message(path)
    seen = Seen()
    with open_table(path, COLUMNS) as table:
        for row_message in _messages(table):
            report.rows_read += 1
            if row_message is None:
                continue
            sender, to, day, message_id, written = row_message
            if not window.holds(day):
                report.skipped["outside_window"] += 1
            elif seen.again(*written):
                report.skipped["duplicate"] += 1
            elif not to:
                report.skipped["no_recipients"] += 1
            else:
                count = recipients[message_id] if message_id else len(to)
                yield from _ties(people, report, sender, to, 1 / count, day)
        table.problems.raise_any()


def _messages(table: Table) -> Iterator[_Message | None]:
    """Each row's message (``None`` for a row with a wrong cell, its problem noted)."""
    for row in table.rows():
        try:
            written = table.cell(row, SENDER, as_person, required=True) or ""
            cells = [table.cell(row, c, as_person) or "" for c in (TO, CC, BCC)]
            day = table.cell(row, SENT, as_day)
            message_id = (table.cell(row, MESSAGE_ID, as_person) or "").casefold()
        except BadRow:
            yield None
            continue
        # the sender's address, also from "Sato, Hana <hana@example.com>"
        sender = next(iter(addresses(written)), None) or address_key(written)
        to = [a for a in addresses(",".join(cells)) if a != sender]
        yield sender, to, day, message_id, row.written


def _recipients_per_message(path: Path) -> Counter[str]:
    """The distinct recipients of each message id over its rows (empty without the column);
    rows with a wrong cell are left to the second pass to report."""
    counts: Counter[str] = Counter()
    seen = Seen()
    with open_table(path, COLUMNS) as table:
        if not table.has(MESSAGE_ID):
            return counts
        for row_message in _messages(table):
            if row_message is None:
                continue
            _, to, _, message_id, written = row_message
            if message_id and not seen.again(*written):
                counts[message_id] += len(to)
    return counts


def _ties(
    people: PersonIndex,
    report: SourceReport,
    address: str,
    to: list[str],
    weight: float,
    day: date | None,
) -> Iterator[Evidence]:
    # the keys are address_keys already: looked up as they are
    sender = tally(report, address, people.by_address.get(address))
    found = [tally(report, key, people.by_address.get(key)) for key in to]
    tied = [e for e in found if e is not None and e != sender]
    if sender is None or not tied:
        report.skipped["unmatched"] += 1
        return
    report.saw(day)
    for recipient in tied:
        yield Evidence(sender, recipient, weight, day)
