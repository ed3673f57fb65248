"""A tie source is recognised by its content, not only its name, and each kind has its reader."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest
from openpyxl import Workbook

from crossteam import i18n
from crossteam.errors import UnreadableFileError
from crossteam.io.sources import kind_of, reader_of
from crossteam.io.sources.collaboration import read_collaboration
from crossteam.io.sources.mail import read_mail
from crossteam.io.sources.projects import read_projects
from crossteam.io.sources.survey import read_survey
from crossteam.models.ties import SourceKind


def _text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def _workbook(path: Path, title: str) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    sheet.append(("employee_id", "project"))
    sheet.append(("E1", "Alpha"))
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        # an Outlook export whatever it is called, BOM and all
        (
            "meetings.csv",
            "\ufeffBEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n",
            SourceKind.CALENDAR,
        ),
        ("cal.ics", "begin:vcalendar\nEND:VCALENDAR\n", SourceKind.CALENDAR),
        (
            "p2p.csv",
            "PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate\na,b,1/7/2024\n",
            SourceKind.COLLABORATION,
        ),
        (
            "trace.txt",
            '"Received","SenderAddress","RecipientAddress","Subject"\n"3/1/2024","a@x","b@x","s"\n',
            SourceKind.MAIL,
        ),
        ("chat.csv", "送信者;宛先;日時\na@x;b@x;2024/3/1\n", SourceKind.MAIL),
        ("staffing.csv", "Employee ID,Project,Start,End\nE1,Alpha,,\n", SourceKind.PROJECTS),
        ("answers.csv", "Email,Question,Colleague\na@x,q,E2\n", SourceKind.SURVEY),
    ],
)
def test_a_source_is_recognised_by_its_content(
    tmp_path: Path, name: str, content: str, kind: SourceKind
) -> None:
    assert kind_of(_text(tmp_path / name, content)) is kind


def test_a_shift_jis_csv_is_recognised(tmp_path: Path) -> None:
    path = _text(
        tmp_path / "案件.csv", "社員番号,プロジェクト名,開始日\nE1,刷新,2024/4/1\n", "cp932"
    )
    assert kind_of(path) is SourceKind.PROJECTS


def test_a_workbook_is_a_source_for_its_projects_sheet(tmp_path: Path) -> None:
    assert kind_of(_workbook(tmp_path / "staffing.xlsx", "Projects")) is SourceKind.PROJECTS
    assert kind_of(_workbook(tmp_path / "案件.xlsx", "プロジェクト")) is SourceKind.PROJECTS
    with pytest.raises(UnreadableFileError, match=re.escape("staff2.xlsx")):
        kind_of(_workbook(tmp_path / "staff2.xlsx", "Staff"))


def test_anything_else_is_refused_naming_the_file_and_the_kinds(tmp_path: Path) -> None:
    path = _text(tmp_path / "notes.csv", "Name,Comment\nSato,hello\n")
    with pytest.raises(UnreadableFileError) as error:
        kind_of(path)
    message = str(error.value)
    assert "notes.csv" in message
    assert all(word in message for word in (".ics", "PrimaryCollaborator_PersonId", "sender"))
    with (
        i18n.using(i18n.Language.JA),
        pytest.raises(UnreadableFileError, match=re.escape("「notes.csv」")),
    ):
        kind_of(path)
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(UnreadableFileError, match=re.escape("photo.csv")):
        kind_of(binary)
    with pytest.raises(UnreadableFileError, match=re.escape("missing.csv")):
        kind_of(tmp_path / "missing.csv")
    with pytest.raises(UnreadableFileError, match=tmp_path.name):
        kind_of(tmp_path)


def test_each_kind_has_its_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reader_of(SourceKind.MAIL) is read_mail
    assert reader_of(SourceKind.PROJECTS) is read_projects
    assert reader_of(SourceKind.SURVEY) is read_survey
    collaboration = reader_of(SourceKind.COLLABORATION, weight_column="Strong_tie_score")
    assert getattr(collaboration, "func", None) is read_collaboration
    assert getattr(collaboration, "keywords", None) == {"weight_column": "Strong_tie_score"}
    # the calendar reader is another module's, imported only when asked for
    calendar = types.ModuleType("crossteam.io.sources.calendar")
    calendar.read_calendar = read_mail  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "crossteam.io.sources.calendar", calendar)
    assert reader_of(SourceKind.CALENDAR) is read_mail
