"""``crossteam ties`` and ``audit``/``plan --ties``, run as a user runs them, on a tiny
fake source put in the place of the source readers (``kind_of``/``reader_of``), so that
the command is tested apart from how each format is read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from command import digest, run
from workbooks import Sheets, company, write_workbook

import crossteam.io.sources as source_readers
from crossteam.errors import InputError, UnreadableFileError
from crossteam.io.reader import load_workbook
from crossteam.models import Problem, Settings
from crossteam.models.people import PersonIndex
from crossteam.models.ties import Evidence, SourceKind, SourceReport, TiesOptions, Window
from crossteam.ties.run import find_ties, with_ties

FAKE = ".fake"


def _fake_reader(
    path: Path, people: PersonIndex, window: Window, settings: Settings, report: SourceReport
) -> Iterator[Evidence]:
    """Lines ``address,address,weight,day``: one piece of evidence each."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        first, second, weight, day = line.split(",")
        if weight == "bad":
            problem = Problem(sheet=path.name, row=number, column="weight", message="not a number")
            raise InputError([problem])
        report.rows_read += 1
        when = date.fromisoformat(day) if day else None
        if not window.holds(when):
            report.skipped["outside_window"] += 1
            continue
        found = []
        for address in (first, second):
            person = people.address(address)
            if person is None:
                report.unmatched[address.casefold()] += 1
            else:
                report.matched.add(person)
                found.append(person)
        if len(found) < 2:
            report.skipped["unmatched"] += 1
            continue
        report.saw(when)
        yield Evidence(found[0], found[1], float(weight), when)


def _fake_kind(path: Path) -> SourceKind:
    if path.suffix != FAKE:
        raise UnreadableFileError(f"{path.name}: no source of a known kind")
    return SourceKind.MAIL


@pytest.fixture(autouse=True)
def fake_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source_readers, "kind_of", _fake_kind, raising=False)
    monkeypatch.setattr(
        source_readers, "reader_of", lambda kind, weight_column=None: _fake_reader, raising=False
    )


def _company(emails: bool = True) -> Sheets:
    sheets = company()
    rows = sheets["Employees"]
    rows[0].append("email")
    for row in rows[1:]:
        row.append(f"{str(row[0]).lower()}@x.com" if emails else None)
    return sheets


LINES = [
    "e1@x.com,e3@x.com,1,2026-01-10",
    "E3@X.com,e1@x.com,1,2026-01-20",
    "e2@x.com,e5@x.com,2,2026-01-15",
    "e1@x.com,outsider@other.com,1,2026-01-12",
    "e4@x.com,e3@x.com,3,",
]
# E1-E3 1 + 1 = 2, E2-E5 2, E3-E4 3 (undated): 7 over 3 pairs, mean 7/3, so
# E1-E3 and E2-E5 weigh 2 * 3/7 = 0.857143, E3-E4 3 * 3/7 = 1.285714; the outsider is
# unmatched; Sales-Development and Sales-Support are tied, Development-Support silent
EXPECTED = {("E1", "E3"): 0.857143, ("E2", "E5"): 0.857143, ("E3", "E4"): 1.285714}


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    workbook = write_workbook(tmp_path / "company.xlsx", _company())
    source = tmp_path / "mail.fake"
    source.write_text("\n".join(LINES), encoding="utf-8")
    return workbook, source


def _sheet_rows(path: Path, title: str) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path)[title].iter_rows(values_only=True))


def _report_rows(path: Path, title: str = "Ties Report") -> list[tuple[object, ...]]:
    """The report's rows without the blank cells that pad them to the widest."""
    rows = []
    for row in _sheet_rows(path, title):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        rows.append(tuple(values))
    return rows


def _weights(path: Path) -> dict[tuple[str, str], float]:
    return {(i.employee_a, i.employee_b): i.weight for i in load_workbook(path).interactions}


def test_ties_writes_a_new_workbook_with_the_ties_and_a_report_leaving_the_input_as_it_was(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    workbook, source = files
    before = digest(workbook)
    out = tmp_path / "with-ties.xlsx"
    code, stdout, err = run(capsys, "ties", str(workbook), str(source), "-o", str(out))
    assert code == 0, err
    assert stdout == ""
    assert digest(workbook) == before
    assert _weights(out) == EXPECTED
    original, written = openpyxl.load_workbook(workbook), openpyxl.load_workbook(out)
    assert written.sheetnames == [*original.sheetnames, "Ties Report"]
    for title in original.sheetnames:
        if title != "Interactions":
            assert _sheet_rows(out, title) == _sheet_rows(workbook, title), title
    assert _sheet_rows(out, "Interactions")[0] == ("employee_a", "employee_b", "weight")
    assert "mail.fake" in err and "pairs 3" in err
    report = _report_rows(out)
    (source_row,) = [r for r in report if r[:2] == ("mail.fake", "mail or chat log")]
    # 5 rows read, 1 left out, 5 employees matched, 1 address matching nobody, 3 pairs,
    # 7 in weight, January 10 to 20
    assert source_row == (
        "mail.fake",
        "mail or chat log",
        5,
        1,
        5,
        1,
        3,
        7,
        "2026-01-10",
        "2026-01-20",
    )
    assert ("mail.fake", "outsider@other.com", 1) in report
    assert ("Development", "Support") in report
    assert load_workbook(out).warnings == ()  # the report sheet is no unknown sheet


def test_merge_adds_the_ties_to_the_workbooks_interactions(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    workbook, source = files
    out = tmp_path / "merged.xlsx"
    code, _, err = run(capsys, "ties", str(workbook), str(source), "-o", str(out), "--merge")
    assert code == 0, err
    # the workbook's own: E1-E2 3 + 2 = 5, E3-E4 1, E5-E6 1 (blank weight)
    assert _weights(out) == {
        ("E1", "E2"): 5.0,
        ("E1", "E3"): 0.857143,
        ("E2", "E5"): 0.857143,
        ("E3", "E4"): 2.285714,
        ("E5", "E6"): 1.0,
    }


def test_window_and_minimum_weight_options(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    workbook, source = files
    out = tmp_path / "window.xlsx"
    args = ["ties", str(workbook), str(source), "-o", str(out), "--since", "2026-01-14"]
    code, _, err = run(capsys, *args, "--min-weight", "0.9")
    assert code == 0, err
    # E1-E3 1 (Jan 20), E2-E5 2, E3-E4 3: mean 2, so 0.5, 1, 1.5; 0.5 < 0.9 is dropped
    assert _weights(out) == {("E2", "E5"): 1.0, ("E3", "E4"): 1.5}


def test_json_is_one_object_of_figures_with_english_keys(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    workbook, source = files
    out = tmp_path / "json.xlsx"
    code, stdout, _ = run(
        capsys, "ties", str(workbook), str(source), "-o", str(out), "--json", "--lang", "ja"
    )
    assert code == 0
    payload = json.loads(stdout)
    assert payload["output"] == str(out)
    assert payload["pairs"] == 3
    assert payload["gap_pairs"] == [["Development", "Support"]]
    (figures,) = payload["sources"]
    assert figures["file"] == "mail.fake" and figures["kind"] == "mail"
    assert (figures["rows_read"], figures["people_matched"], figures["pairs"]) == (5, 5, 3)
    assert figures["skipped"] == {"unmatched": 1}
    assert figures["not_matched_top"] == [{"value": "outsider@other.com", "count": 1}]
    assert (figures["first_day"], figures["last_day"]) == ("2026-01-10", "2026-01-20")


def test_japanese_run_names_an_added_interactions_sheet_and_the_report_in_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheets = _company()
    del sheets["Interactions"]
    workbook = write_workbook(tmp_path / "no-ties.xlsx", sheets)
    source = tmp_path / "mail.fake"
    source.write_text("\n".join(LINES), encoding="utf-8")
    out = tmp_path / "ja.xlsx"
    code, _, err = run(capsys, "ties", str(workbook), str(source), "-o", str(out), "--lang", "ja")
    assert code == 0, err
    names = openpyxl.load_workbook(out).sheetnames
    assert names[:3] == ["Employees", "Skills", "交流"]  # after Employees and Skills
    assert names[-1] == "交流の集計"
    assert _sheet_rows(out, "交流")[0] == ("社員A", "社員B", "重み")
    assert _weights(out) == EXPECTED
    assert "ペア 3組" in err


def test_a_second_run_replaces_the_report_it_wrote(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    workbook, source = files
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    assert run(capsys, "ties", str(workbook), str(source), "-o", str(first))[0] == 0
    assert run(capsys, "ties", str(first), str(source), "-o", str(second), "--merge")[0] == 0
    assert openpyxl.load_workbook(second).sheetnames.count("Ties Report") == 1
    assert _weights(second) == {pair: round(w * 2, 6) for pair, w in EXPECTED.items()}


def test_a_bad_source_is_refused_at_its_place_with_exit_2_and_nothing_written(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    workbook, source = files
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    broken = tmp_path / "broken.fake"
    broken.write_text("e1@x.com,e2@x.com,1,\ne1@x.com,e2@x.com,bad,\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    code, stdout, err = run(
        capsys, "ties", str(workbook), str(source), str(other), str(broken), "-o", str(out)
    )
    assert code == 2
    assert "notes.txt: no source of a known kind" in err
    assert "broken.fake" in err and "weight" in err and "not a number" in err
    assert "Traceback" not in err and stdout == ""
    assert not out.exists()
    code, stdout, _ = run(capsys, "ties", str(workbook), str(other), "-o", str(out), "--json")
    assert code == 2 and json.loads(stdout)["valid"] is False


def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    workbook, source = files
    out = tmp_path / "out.xlsx"
    base = ["ties", str(workbook), str(source), "-o", str(out)]
    assert run(capsys, *base, "--since", "2026-02-01", "--until", "2026-01-01")[0] == 2
    assert run(capsys, *base, "--since", "yesterday")[0] == 2
    assert run(capsys, *base, "--half-life", "0")[0] == 2
    assert not out.exists()
    out.write_bytes(b"")
    code, _, _ = run(capsys, *base)
    assert code == 2 and out.read_bytes() == b""  # not overwritten without --force
    assert run(capsys, "ties", str(workbook), str(source), "-o", str(source))[0] == 2


def test_audit_with_ties_measures_the_network_that_ties_writes(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    workbook, source = files
    out = tmp_path / "with-ties.xlsx"
    assert run(capsys, "ties", str(workbook), str(source), "-o", str(out))[0] == 0
    code, written, _ = run(capsys, "audit", str(out), "--json")
    assert code == 0
    code, direct, err = run(capsys, "audit", str(workbook), "--ties", str(source), "--json")
    assert code == 0, err
    assert json.loads(direct) == json.loads(written)
    assert json.loads(direct)["gap_pairs"] == [["Development", "Support"]]
    assert "mail.fake" in err


def test_plan_with_ties_plans_on_the_same_interactions_as_ties_then_plan(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    workbook, source = files
    instance = load_workbook(workbook)
    direct = with_ties(instance, find_ties(instance, [source], TiesOptions()))
    out = tmp_path / "with-ties.xlsx"
    from crossteam.io.ties_writer import write_ties
    from crossteam.ties.run import build_ties

    result = build_ties(instance, [source], TiesOptions())
    with out.open("wb") as stream:
        write_ties(stream, workbook, result, TiesOptions())
    assert set(load_workbook(out).interactions) == set(direct.interactions)
    assert result.instance.interactions == direct.interactions


def test_plan_takes_ties(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    _, source = files
    sheets = _company()
    del sheets["Rules"], sheets["TeamSkills"]
    sheets["Teams"] = [["team", "count", "min_size", "max_size"], ["Voice", 1, 2, 3]]
    workbook = write_workbook(tmp_path / "plannable.xlsx", sheets)
    out = tmp_path / "plan.xlsx"
    code, stdout, err = run(
        capsys,
        "plan",
        str(workbook),
        "--ties",
        str(source),
        "-o",
        str(out),
        "--time-limit",
        "2",
        "--json",
    )
    assert code == 0, err
    assert json.loads(stdout)["metrics"]["before"]["gap_pairs"] == [["Development", "Support"]]
