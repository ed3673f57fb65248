"""The table sources (collaboration exports, mail and chat logs, project staffing, surveys)
read from files written the way the exporting tools write them, with tie weights equal to a
hand count, located problems, and content columns never read."""

from __future__ import annotations

import csv
import importlib.util
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime
from functools import partial
from itertools import combinations
from pathlib import Path

import pytest
from instances import company
from openpyxl import Workbook

from crossteam.errors import InputError, UnreadableFileError
from crossteam.io.sources import table as table_module
from crossteam.io.sources.collaboration import read_collaboration
from crossteam.io.sources.mail import read_mail
from crossteam.io.sources.projects import read_projects
from crossteam.io.sources.survey import read_survey
from crossteam.models import Employee, Interaction, PlanningInput, Settings
from crossteam.models.people import PersonIndex
from crossteam.models.ties import Evidence, SourceKind, SourceReport, Window
from crossteam.network import analyse

MARKER = "MARKER-7f3a"  # in every subject, body and comment: must never come out


def _employee(employee_id: str, name: str, department: str, email: str, person: str) -> Employee:
    return Employee(
        employee_id=employee_id,
        name=name,
        department=department,
        emails=tuple(email.split(",")),
        person_id=person,
    )


@pytest.fixture
def people() -> PersonIndex:
    return PersonIndex.of(
        company(
            [
                _employee(
                    "E1",
                    "Sato Hana",
                    "Sales",
                    "hana.sato@example.co.jp,h.sato@example.co.jp",
                    "p-1",
                ),
                _employee("E2", "Suzuki Ken", "Development", "ken.suzuki@example.co.jp", "p-2"),
                _employee("E3", "Tanaka Yui", "Development", "yui.tanaka@example.co.jp", "p-3"),
                _employee("E4", "Ito Sho", "HR", "sho.ito@example.co.jp", "p-4"),
            ]
        )
    )


Reader = Callable[..., Iterator[Evidence]]


def _read(
    reader: Reader, path: Path, people: PersonIndex, window: Window | None = None
) -> tuple[dict[tuple[str, str], float], SourceReport]:
    """The summed weight per unordered pair, and the report."""
    window = window or Window()
    report = SourceReport(file=path.name, kind=SourceKind.MAIL)
    weights: Counter[tuple[str, str]] = Counter()
    for evidence in reader(path, people, window, Settings(), report):
        a, b = sorted((evidence.employee_a, evidence.employee_b))
        weights[a, b] += evidence.weight
    return dict(weights), report


def _write(path: Path, lines: list[str], *, encoding: str = "utf-8-sig") -> Path:
    """A CSV as Excel and the exporting tools save it: CRLF line ends, BOM by default."""
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _problems(
    error: pytest.ExceptionInfo[InputError],
) -> list[tuple[str | None, int | None, str | None]]:
    return [(p.sheet, p.row, p.column) for p in error.value.problems]


# ---- collaboration ------------------------------------------------------------------------

VIVA = [
    "PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,"
    "Collaboration_hours,Strong_tie_score",
    "p-1,p-2,1/7/2024,2.5,0.4",
    "P-1,p-3,1/7/2024,1.0,0.1",  # person ids match case-insensitively
    "p-2,p-1,1/14/2024,0.5,0.2",
    "p-2,p-1,1/14/2024,0.5,0.2",  # the same row again: skipped
    "p-1,x-99,1/14/2024,3,0.9",  # x-99 is nobody on Employees
    "p-4,p-4,1/14/2024,1,1",  # a self-pair
    "p-3,p-4,2024-01-21,0,0",  # no collaboration
]


def test_collaboration_weights_are_the_hours_by_default(
    tmp_path: Path, people: PersonIndex
) -> None:
    weights, report = _read(read_collaboration, _write(tmp_path / "p2p.csv", VIVA), people)
    # hand count: E1-E2 2.5 + 0.5 (the repeat skipped); E1-E3 1.0
    assert weights == {("E1", "E2"): pytest.approx(3.0), ("E1", "E3"): pytest.approx(1.0)}
    assert report.rows_read == 7
    assert report.skipped == Counter(duplicate=1, unmatched=1, self_pair=1, zero_weight=1)
    assert report.unmatched == Counter({"x-99": 1})
    assert report.matched == {"E1", "E2", "E3", "E4"}
    assert (report.first_day, report.last_day) == (date(2024, 1, 7), date(2024, 1, 14))


def test_collaboration_weight_column_is_chosen_by_name(tmp_path: Path, people: PersonIndex) -> None:
    reader = partial(read_collaboration, weight_column="strong tie score")
    weights, _ = _read(reader, _write(tmp_path / "p2p.csv", VIVA), people)
    # hand count: E1-E2 0.4 + 0.2; E1-E3 0.1
    assert weights == {("E1", "E2"): pytest.approx(0.6), ("E1", "E3"): pytest.approx(0.1)}


def test_collaboration_without_an_hours_column_counts_rows(
    tmp_path: Path, people: PersonIndex
) -> None:
    lines = [",".join(line.split(",")[:3]) for line in VIVA]
    weights, report = _read(read_collaboration, _write(tmp_path / "p2p.csv", lines), people)
    # hand count: E1-E2 rows 2 and 4 (row 5 repeats 4); E1-E3 row 3; E3-E4 row 8 now counts
    assert weights == {("E1", "E2"): 2.0, ("E1", "E3"): 1.0, ("E3", "E4"): 1.0}
    assert "zero_weight" not in report.skipped


def test_collaboration_window_keeps_the_rows_inside(tmp_path: Path, people: PersonIndex) -> None:
    window = Window(since=date(2024, 1, 10), until=date(2024, 1, 20))
    weights, report = _read(read_collaboration, _write(tmp_path / "p2p.csv", VIVA), people, window)
    # hand count: only the 1/14 rows: E1-E2 0.5
    assert weights == {("E1", "E2"): pytest.approx(0.5)}
    assert report.skipped["outside_window"] == 3


def test_collaboration_bad_cells_are_located(tmp_path: Path, people: PersonIndex) -> None:
    path = _write(
        tmp_path / "p2p.csv",
        [
            "PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,"
            "Collaboration hours",
            "p-1,p-2,31/31/2024,1",
            "p-1,p-2,1/7/2024,lots",
            ",p-2,1/7/2024,1",
            "p-1,p-2,1/7/2024,-2",
        ],
    )
    with pytest.raises(InputError) as error:
        _read(read_collaboration, path, people)
    assert _problems(error) == [
        ("p2p.csv", 2, "MetricDate"),
        ("p2p.csv", 3, "Collaboration hours"),  # the header as written
        ("p2p.csv", 4, "PrimaryCollaborator_PersonId"),
        ("p2p.csv", 5, "Collaboration hours"),
    ]
    assert "31/31/2024" in error.value.problems[0].message


def test_a_missing_weight_column_is_named(tmp_path: Path, people: PersonIndex) -> None:
    reader = partial(read_collaboration, weight_column="Meeting_hours")
    with pytest.raises(InputError) as error:
        _read(reader, _write(tmp_path / "p2p.csv", VIVA), people)
    assert _problems(error) == [("p2p.csv", 1, None)]
    assert "Meeting_hours" in error.value.problems[0].message


# ---- mail and chat --------------------------------------------------------------------------


def _message_trace(path: Path) -> Path:
    """Exchange Online's Get-MessageTrace | Export-Csv: every field quoted, one row per
    recipient, US date-times."""
    head = '"Received","SenderAddress","RecipientAddress","Subject","Status","MessageId","Size"'
    m1 = f'"3/1/2024 11:52:07 PM","Hana.Sato@example.co.jp","{{}}","{MARKER} budget",'
    m1 += '"Delivered","<m1@example.co.jp>","2048"'
    return _write(
        path,
        [
            head,
            m1.format("ken.suzuki@example.co.jp"),
            m1.format("yui.tanaka@example.co.jp"),
            m1.format("partner@client.example"),
            m1.format("partner@client.example"),  # the trace lists this delivery twice
            f'"3/2/2024 9:00:00 AM","ken.suzuki@example.co.jp","h.sato@example.co.jp","{MARKER}",'
            '"Delivered","<m2@example.co.jp>","1000"',
        ],
    )


def test_message_trace_rows_of_one_message_share_its_weight(
    tmp_path: Path, people: PersonIndex
) -> None:
    weights, report = _read(read_mail, _message_trace(tmp_path / "trace.csv"), people)
    # hand count: m1 has 3 distinct recipients (partner twice is one): E1-E2 1/3, E1-E3 1/3;
    # m2 one recipient (Hana's second address): E1-E2 + 1
    assert weights == {("E1", "E2"): pytest.approx(4 / 3), ("E1", "E3"): pytest.approx(1 / 3)}
    assert report.rows_read == 5
    assert report.skipped == Counter(duplicate=1, unmatched=1)
    assert report.unmatched == Counter({"partner@client.example": 1})
    assert (report.first_day, report.last_day) == (date(2024, 3, 1), date(2024, 3, 2))


def _mail_log(path: Path) -> Path:
    """A one-row-per-message log (Google Workspace or a mail archive export): display-name
    addresses, To and Cc separated by semicolons, a body with line breaks inside quotes,
    time zones in the timestamps."""
    return _write(
        path,
        [
            "From,To,Cc,Subject,Body,Date",
            '"Sato, Hana <hana.sato@example.co.jp>","""Suzuki, Ken"" <KEN.SUZUKI@example.co.jp>;'
            ' Yui Tanaka <yui.tanaka@example.co.jp>",'
            '"sho.ito@example.co.jp; outside@vendor.example",'
            f'{MARKER},"{MARKER} line one\r\n{MARKER} line two",2024-03-01T23:30:00+09:00',
            f"ken.suzuki@example.co.jp,mailto:Hana.Sato@Example.co.jp,,{MARKER},{MARKER},"
            '"Fri, 01 Mar 2024 14:52:07 +0000"',
            "yui.tanaka@example.co.jp,yui.tanaka@example.co.jp;ken.suzuki@example.co.jp,,,,"
            "2024-03-04T08:00:00Z",
            f"noreply@example.co.jp,ken.suzuki@example.co.jp,,{MARKER},,2024-03-05T08:00:00Z",
        ],
    )


def test_a_message_ties_the_sender_to_each_recipient_by_one_over_recipients(
    tmp_path: Path, people: PersonIndex
) -> None:
    weights, report = _read(read_mail, _mail_log(tmp_path / "mail.csv"), people)
    # hand count: message 1 has 4 recipients (outside@ counts too): E1-E2, E1-E3, E1-E4 1/4
    # each; message 2: E2-E1 1; message 3: Yui wrote to herself and Ken: one recipient,
    # E2-E3 1; message 4: the sender is nobody on Employees
    assert weights == {
        ("E1", "E2"): pytest.approx(1.25),
        ("E1", "E3"): pytest.approx(0.25),
        ("E1", "E4"): pytest.approx(0.25),
        ("E2", "E3"): pytest.approx(1.0),
    }
    assert report.unmatched == Counter({"outside@vendor.example": 1, "noreply@example.co.jp": 1})
    assert report.skipped == Counter(unmatched=1)
    # the day is the date as written, in the file's own time zone
    assert (report.first_day, report.last_day) == (date(2024, 3, 1), date(2024, 3, 4))


def test_a_chat_export_in_shift_jis_with_semicolons_is_read(
    tmp_path: Path, people: PersonIndex
) -> None:
    """Japanese Excel saves "CSV" as cp932; a European locale uses semicolons."""
    path = _write(
        tmp_path / "chat.csv",
        [
            "送信者;宛先;日時;本文",
            "hana.sato@example.co.jp;ken.suzuki@example.co.jp,sho.ito@example.co.jp;"
            f"2024/3/1 10:00;{MARKER}こんにちは",
            f"sho.ito@example.co.jp;hana.sato@example.co.jp;2024/3/2 9:30;{MARKER}",
            f"sho.ito@example.co.jp;hana.sato@example.co.jp;2024/3/2 11:00;{MARKER}",
        ],
        encoding="cp932",
    )
    weights, report = _read(read_mail, path, people)
    # hand count: message 1 two recipients: E1-E2 1/2, E1-E4 1/2; messages 2 and 3 (one
    # day, no message id, two messages all the same): E4-E1 1 + 1
    assert weights == {("E1", "E2"): pytest.approx(0.5), ("E1", "E4"): pytest.approx(2.5)}
    assert not report.skipped


def test_a_bad_timestamp_is_located_at_the_line_its_record_starts(
    tmp_path: Path, people: PersonIndex
) -> None:
    path = _write(
        tmp_path / "mail.csv",
        [
            "From,To,Subject,Body,Date",
            f'hana.sato@example.co.jp,ken.suzuki@example.co.jp,{MARKER},"{MARKER}\r\n{MARKER}",2024-03-01',
            f"hana.sato@example.co.jp,ken.suzuki@example.co.jp,{MARKER},{MARKER},yesterday",
        ],
    )
    with pytest.raises(InputError) as error:
        _read(read_mail, path, people)
    assert _problems(error) == [("mail.csv", 4, "Date")]  # line 2 holds a line break
    assert MARKER not in str(error.value)


def test_mail_window_and_missing_columns(tmp_path: Path, people: PersonIndex) -> None:
    window = Window(until=date(2024, 3, 1))
    weights, report = _read(read_mail, _mail_log(tmp_path / "mail.csv"), people, window)
    assert weights == {  # hand count: messages 1 and 2 (both of March 1)
        ("E1", "E2"): pytest.approx(1.25),
        ("E1", "E3"): pytest.approx(0.25),
        ("E1", "E4"): pytest.approx(0.25),
    }
    assert report.skipped["outside_window"] == 2
    path = _write(tmp_path / "no_to.csv", ["From,Subject", f"a@example.co.jp,{MARKER}"])
    with pytest.raises(InputError) as error:
        _read(read_mail, path, people)
    assert _problems(error) == [("no_to.csv", 1, None)]


# ---- projects ---------------------------------------------------------------------------------

PROJECT_ROWS: list[tuple[object, ...]] = [
    ("employee_id", "project", "start", "end"),
    ("E1", "Alpha", datetime(2024, 1, 1), datetime(2024, 3, 31)),
    ("E2", "Alpha", datetime(2024, 2, 1), datetime(2024, 2, 29)),
    ("Tanaka Yui", "Alpha", None, None),  # on it the whole time; named by full name
    ("sho.ito@example.co.jp", "alpha", datetime(2024, 4, 1), None),  # still on it
    ("E3", "Beta", None, None),
    ("E4", "Beta", None, None),
    ("E4", "Beta", None, None),  # listed twice
    ("E9", "Beta", None, None),  # not on Employees
]


def test_projects_sheet_weights_are_months_of_overlap(tmp_path: Path, people: PersonIndex) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Projects"
    for row in PROJECT_ROWS:
        sheet.append(row)
    workbook.save(tmp_path / "staffing.xlsx")
    weights, report = _read(read_projects, tmp_path / "staffing.xlsx", people)
    # hand count (days inclusive / 30.44; the file's dates run 2024-01-01 to 2024-04-01):
    # Alpha E1-E2 Feb 1-29 = 29 days; E1-E3 Jan 1-Mar 31 = 91; E2-E3 29; E3-E4 Apr 1 = 1;
    # E1-E4 and E2-E4 do not overlap. Beta (no dates) E3-E4 1.
    assert weights == {
        ("E1", "E2"): pytest.approx(29 / 30.44),
        ("E1", "E3"): pytest.approx(91 / 30.44),
        ("E2", "E3"): pytest.approx(29 / 30.44),
        ("E3", "E4"): pytest.approx(1 / 30.44 + 1),
    }
    assert report.skipped == Counter(duplicate=1, unmatched=1)
    assert report.unmatched == Counter({"e9": 1})
    assert (report.first_day, report.last_day) == (date(2024, 1, 1), date(2024, 4, 1))


def test_projects_csv_open_end_runs_to_until(tmp_path: Path, people: PersonIndex) -> None:
    lines = ["社員ID,プロジェクト,開始日,終了日"] + [
        ",".join(
            "" if c is None else c.strftime("%Y/%m/%d") if isinstance(c, datetime) else str(c)
            for c in row
        )
        for row in PROJECT_ROWS[1:]
    ]
    window = Window(until=date(2024, 6, 30))
    weights, _ = _read(read_projects, _write(tmp_path / "staffing.csv", lines), people, window)
    # hand count: as on the sheet, but E3-E4 on Alpha now run Apr 1-Jun 30 = 91 days
    assert weights[("E3", "E4")] == pytest.approx(91 / 30.44 + 1)
    assert weights[("E1", "E3")] == pytest.approx(91 / 30.44)


def test_projects_bad_dates_are_located(tmp_path: Path, people: PersonIndex) -> None:
    path = _write(
        tmp_path / "staffing.csv",
        [
            "Employee ID,Project,Start date,End date",
            "E1,Alpha,2024-03-01,2024-01-01",
            "E2,Alpha,2024-13-45,",
        ],
    )
    with pytest.raises(InputError) as error:
        _read(read_projects, path, people)
    assert _problems(error) == [("staffing.csv", 2, "End date"), ("staffing.csv", 3, "Start date")]


# ---- survey -------------------------------------------------------------------------------------


def test_survey_answers_weigh_one_each(tmp_path: Path, people: PersonIndex) -> None:
    """Microsoft Forms' export unpivoted to one row per answer (docs/ties-survey.md)."""
    path = _write(
        tmp_path / "survey.csv",
        [
            "ID,Email,Question,Colleague,Completion time,Comments",
            "1,hana.sato@example.co.jp,Who do you go to for help?,Suzuki Ken;E3;,"
            f"3/4/2024 10:15:00,{MARKER}",
            "1,hana.sato@example.co.jp,Who gives you ideas?,ken.suzuki@example.co.jp,"
            f"3/4/2024 10:15:00,{MARKER}",
            "2,ken.suzuki@example.co.jp,Who do you go to for help?,Sato Hana,3/5/2024 9:00:00,",
            "2,ken.suzuki@example.co.jp,Who do you go to for help?,Sato Hana,3/5/2024 9:00:00,",
            "3,yui.tanaka@example.co.jp,Who do you go to for help?,Someone Else,3/5/2024 9:00:00,",
            "3,yui.tanaka@example.co.jp,Who gives you ideas?,Tanaka Yui,3/5/2024 9:00:00,",
        ],
    )
    weights, report = _read(read_survey, path, people)
    # hand count: E1-E2 help + ideas + Ken's help = 3 (his repeat adds nothing); E1-E3 1
    assert weights == {("E1", "E2"): 3.0, ("E1", "E3"): 1.0}
    assert report.skipped == Counter(duplicate=1, unmatched=1, self_pair=1)
    assert report.unmatched == Counter({"someone else": 1})


def test_survey_blank_respondent_is_located(tmp_path: Path, people: PersonIndex) -> None:
    path = _write(tmp_path / "survey.csv", ["respondent,colleague", ",E2", "E1,"])
    with pytest.raises(InputError) as error:
        _read(read_survey, path, people)
    assert _problems(error) == [("survey.csv", 2, "respondent"), ("survey.csv", 3, "colleague")]


# ---- the table itself ---------------------------------------------------------------------------


def test_excel_unicode_text_is_read(tmp_path: Path, people: PersonIndex) -> None:
    """Excel's "Unicode Text": UTF-16 with a BOM, tab-separated."""
    path = tmp_path / "survey.txt"
    path.write_bytes("respondent\tcolleague\r\nE1\tE2\r\n".encode("utf-16"))
    weights, _ = _read(read_survey, path, people)
    assert weights == {("E1", "E2"): 1.0}


def test_unreadable_files_are_refused_naming_them(
    tmp_path: Path, people: PersonIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(range(256)) * 10)
    unclosed = _write(tmp_path / "unclosed.csv", ["respondent,colleague", "E1,E2", 'E1,"E3'])
    latin = tmp_path / "latin.csv"
    latin.write_bytes("respondent,colleague\r\nE1,\xff\xfe\xfd\xfc\r\n".encode("latin-1"))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    for path, line in ((garbage, ""), (unclosed, "3"), (empty, ""), (tmp_path / "gone.csv", "")):
        with pytest.raises(UnreadableFileError) as error:
            _read(read_survey, path, people)
        assert path.name in str(error.value) and line in str(error.value)
    monkeypatch.setattr(table_module, "MAX_TABLE_BYTES", 10)
    with pytest.raises(UnreadableFileError, match="GB"):
        _read(read_survey, _write(tmp_path / "big.csv", ["respondent,colleague", "E1,E2"]), people)


def test_problems_stop_at_the_cap(tmp_path: Path, people: PersonIndex) -> None:
    lines = ["respondent,colleague,timestamp"] + ["E1,E2,never"] * 300
    with pytest.raises(InputError) as error:
        _read(read_survey, _write(tmp_path / "survey.csv", lines), people)
    assert len(error.value.problems) == table_module.MAX_PROBLEMS + 1
    assert error.value.problems[-1].row is None


def test_content_columns_never_reach_a_message_or_a_report(
    tmp_path: Path, people: PersonIndex
) -> None:
    reports = [
        _read(read_mail, _message_trace(tmp_path / "trace.csv"), people)[1],
        _read(read_mail, _mail_log(tmp_path / "mail.csv"), people)[1],
    ]
    assert all(MARKER not in repr(report) for report in reports)
    bad = _write(
        tmp_path / "bad.csv",
        [
            "From,To,Subject,Body,Date",
            f"hana.sato@example.co.jp,ken.suzuki@example.co.jp,{MARKER},{MARKER},{MARKER}x",
        ],
    )
    with pytest.raises(InputError) as error:
        _read(read_mail, bad, people)
    # the Date cell is quoted in its problem; Subject and Body are not even parsed into it
    assert [p.column for p in error.value.problems] == ["Date"]
    assert "Subject" not in str(error.value) and "Body" not in str(error.value)


# ---- the public sample of the person-to-person export --------------------------------------------


def _vivainsights_data() -> Path:
    spec = importlib.util.find_spec("vivainsights")
    if spec is None or spec.origin is None:
        pytest.skip("vivainsights (test extra) is not installed")
    return Path(spec.origin).parent / "data"


def _employees_of_person_query(path: Path) -> list[Employee]:
    """One employee per PersonId of a person query, its Organization as department."""
    organisation: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            organisation.setdefault(row["PersonId"], row["Organization"])
    return [
        Employee(employee_id=f"P{n:04d}", department=org, person_id=person)
        for n, (person, org) in enumerate(sorted(organisation.items()), 1)
    ]


def _gap_pairs(
    instance: PlanningInput, weights: dict[tuple[str, str], float]
) -> list[tuple[str, str]]:
    ties = tuple(Interaction(employee_a=a, employee_b=b, weight=w) for (a, b), w in weights.items())
    tied = instance.model_copy(update={"interactions": ties, "has_interactions_sheet": True})
    return sorted(analyse(tied).gap_pairs)


def test_the_vivainsights_person_to_person_sample(capsys: pytest.CaptureFixture[str]) -> None:
    """The sample p2p export matched through person_id to the sample person query's people.

    The two samples are drawn independently: none of p2p_data's 3,783 person ids is among
    pq_data's 300, so every row is read and no one is matched; counted here with the csv
    module. The second half gives p2p's own people the person query's organisations, by
    position in sorted order (a stand-in, said so), to read the sample's real rows through
    person_id matching into pairs and gap pairs.
    """
    data = _vivainsights_data()
    employees = _employees_of_person_query(data / "pq_data.csv")
    with open(data / "p2p_data.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = [(r["PrimaryCollaborator_PersonId"], r["SecondaryCollaborator_PersonId"]) for r in rows]
    known = {e.person_id for e in employees}
    p2p_people = sorted({p for pair in ids for p in pair})
    pq_instance = company(employees)
    weights, report = _read(read_collaboration, data / "p2p_data.csv", PersonIndex.of(pq_instance))
    assert report.rows_read == len(rows) == 2014
    assert report.matched == {e.employee_id for e in employees if e.person_id in set(p2p_people)}
    assert len(report.matched) == len(known & set(p2p_people)) == 0
    assert len(report.unmatched) == len(p2p_people) == 3783
    assert weights == {}

    departments = [e.department for e in employees]
    stand_in = company(
        [
            Employee(
                employee_id=f"V{n:04d}", department=departments[n % len(departments)], person_id=p
            )
            for n, p in enumerate(p2p_people)
        ]
    )
    weights, report = _read(read_collaboration, data / "p2p_data.csv", PersonIndex.of(stand_in))
    expected_pairs = {tuple(sorted(pair)) for pair in ids if pair[0] != pair[1]}
    assert len(report.matched) == 3783
    assert len(weights) == len(expected_pairs)
    assert sum(weights.values()) == pytest.approx(len(rows) - report.skipped.total())
    gaps = _gap_pairs(stand_in, weights)
    department = {e.employee_id: e.department for e in stand_in.employees}
    by_department = Counter(tuple(sorted((department[a], department[b]))) for a, b in weights)
    with capsys.disabled():
        print(
            f"\nvivainsights p2p_data: {len(rows)} rows, {len(p2p_people)} person ids, "
            f"{len(known & set(p2p_people))} in pq_data; stand-in: {len(weights)} pairs, "
            f"skipped {dict(report.skipped)}, gap pairs {gaps}"
        )
        print("pairs by department:", sorted(by_department.items()))
    assert all(
        combination in by_department or combination in gaps
        for combination in combinations(sorted(set(departments)), 2)
    )


def test_the_vivainsights_simulated_export_matched_through_person_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """vivainsights' own person-to-person simulator writes the export with each person's
    Organization beside their id: Employees come from those columns (the person id as
    ``person_id``, the organisation as department), the export is saved as the tool's CSV
    and read back through person-id matching; pairs and weights counted here with the csv
    module, and the gap pairs quoted."""
    pytest.importorskip("vivainsights")
    import random

    import igraph  # vivainsights simulates with igraph: seeded here so the sample repeats
    from vivainsights.p2p_data_sim import p2p_data_sim

    igraph.set_random_number_generator(random.Random(7))
    try:
        export = p2p_data_sim(size=300)
    finally:
        igraph.set_random_number_generator(random)
    path = tmp_path / "p2p_sim.csv"
    export.to_csv(path, index=False)  # as the tool writes it: comma-separated, a header row
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    organisation: dict[str, str] = {}
    for row in rows:
        for side in ("Primary", "Secondary"):
            organisation[row[f"{side}Collaborator_PersonId"]] = row[
                f"{side}Collaborator_Organization"
            ]
    employees = [
        Employee(employee_id=f"S{n:03d}", department=org, person_id=person)
        for n, (person, org) in enumerate(sorted(organisation.items()))
    ]
    instance = company(employees)
    read = partial(read_collaboration, weight_column="StrongTieScore")
    weights, report = _read(read, path, PersonIndex.of(instance))
    by_id = {e.person_id: e.employee_id for e in employees}
    counted: Counter[tuple[str, str]] = Counter()
    for row in rows:
        a, b = (by_id[row[f"{s}Collaborator_PersonId"]] for s in ("Primary", "Secondary"))
        if a != b and float(row["StrongTieScore"]) > 0:
            counted[tuple(sorted((a, b)))] += float(row["StrongTieScore"])
    assert report.rows_read == len(rows) == 1500
    assert len(report.matched) == len(employees) == 300 and not report.unmatched
    assert weights == pytest.approx(dict(counted))
    gaps = _gap_pairs(instance, weights)
    with capsys.disabled():
        print(
            f"\nvivainsights p2p_data_sim(size=300): {len(rows)} rows, {len(employees)} people "
            f"in {len(set(organisation.values()))} organisations matched through person_id, "
            f"{len(weights)} pairs, gap pairs {gaps}"
        )
    department = {e.employee_id: e.department for e in employees}
    tied = {tuple(sorted((department[a], department[b]))) for a, b in counted}
    silent = [
        pair for pair in combinations(sorted(set(department.values())), 2) if pair not in tied
    ]
    assert gaps == silent
