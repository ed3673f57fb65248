"""Network survey answers ("who do you go to for help?"), in long form: one row per answer
with the respondent, the colleague named (an employee id, an e-mail address or a full name)
and optionally the question and when it was answered; docs/ties-survey.md says how to get
this shape from Microsoft Forms or Google Forms.

Each answer ties the respondent to the colleague named, with weight 1. A cell may name
several colleagues separated by ``;`` or line breaks (Forms writes a multiple choice so):
each is one answer. Repeating an answer (same respondent, colleague and question) adds
nothing. Every other column (free-text comments) is never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from crossteam.io.cells import as_text
from crossteam.io.sources.table import (
    BadRow,
    Column,
    Seen,
    as_day,
    as_person,
    open_table,
    tally,
)
from crossteam.models import Settings
from crossteam.models.people import PersonIndex
from crossteam.models.ties import Evidence, SourceReport, Window

RESPONDENT: Final = Column(
    "respondent",
    (
        "respondent_id",
        "respondent_email",
        "email",
        "email_address",
        "responder",
        "回答者",
        "回答者id",
        "メール",
        "メールアドレス",
    ),
    required=True,
)
COLLEAGUE: Final = Column(
    "colleague",
    ("named_colleague", "named", "nominee", "value", "同僚", "相談相手", "回答"),
    required=True,
)
QUESTION: Final = Column("question", ("question_id", "attribute", "質問", "設問"))
ANSWERED: Final = Column(
    "timestamp",
    ("completion_time", "submitted", "date", "回答日時", "タイムスタンプ", "完了時刻"),
)
COLUMNS: Final = (RESPONDENT, COLLEAGUE, QUESTION, ANSWERED)
_SEPARATORS: Final = re.compile(r"[;\n]")


def read_survey(
    path: Path,
    people: PersonIndex,
    window: Window,
    settings: Settings,
    report: SourceReport,
) -> Iterator[Evidence]:
    """Stream the evidence of survey answers (the ``SourceReader`` signature).

    Raises:
        InputError: a column is missing or a cell is wrong (file, row and column named).
        UnreadableFileError: the file is too large, damaged or not text.
    """
    seen = Seen()
    with open_table(path, COLUMNS) as table:
        for row in table.rows():
            report.rows_read += 1
            try:
                written = table.cell(row, RESPONDENT, as_person, required=True) or ""
                named = table.cell(row, COLLEAGUE, as_text, required=True) or ""
                question = table.cell(row, QUESTION, as_person) or ""
                day = table.cell(row, ANSWERED, as_day)
            except BadRow:
                continue
            if not window.holds(day):
                report.skipped["outside_window"] += 1
                continue
            respondent = tally(report, written, people.anyone(written))
            for colleague in [as_person(n) for n in _SEPARATORS.split(named) if n.strip()]:
                if seen.again(written, colleague, question):
                    report.skipped["duplicate"] += 1
                    continue
                employee = tally(report, colleague, people.anyone(colleague))
                if respondent is None or employee is None:
                    report.skipped["unmatched"] += 1
                elif respondent == employee:
                    report.skipped["self_pair"] += 1
                else:
                    report.saw(day)
                    yield Evidence(respondent, employee, 1.0, day)
        table.problems.raise_any()
