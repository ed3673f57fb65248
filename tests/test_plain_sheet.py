"""Large plain sheets are read by calamine, everything else by the detailed reader, and the
two give the same rows: the scan of the raw bytes sends back every sheet calamine would read
otherwise (``crossteam/io/plain_sheet.py``)."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from command import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from soffice import convert
from workbooks import write_workbook

from crossteam import cli_files
from crossteam.errors import UnreadableFileError
from crossteam.io import plain_sheet, safety
from crossteam.io.cells import MissingFormulaResult
from crossteam.io.example_workbook import write_example
from crossteam.io.reader import read_workbook
from crossteam.io.safety import SheetContent, Workbook, open_workbook
from crossteam.models import CompanyShape

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture
def every_sheet_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send every sheet, however small, to the scan (normally only large ones go)."""
    monkeypatch.setattr(plain_sheet, "PLAIN_ABOVE", 0)


def _plain(workbook: Workbook, title: str) -> SheetContent | None:
    """The sheet as calamine reads it, or None when the scan or the read sends it back."""
    try:
        return workbook._read_plain(title)
    except plain_sheet.NeedsDetail:
        return None


def _same_both_ways(path: Path) -> int:
    """Every sheet of ``path``: calamine's rows are the detailed reader's; returns how many
    sheets calamine read."""
    read = 0
    with open_workbook(path) as workbook:
        for title in workbook.titles:
            plain = _plain(workbook, title)
            detailed = workbook._read_in_detail(title)
            if plain is None:
                continue
            read += 1
            assert plain.rows == detailed.rows, title
            assert [list(map(type, c.values())) for _, c in plain.rows] == [
                list(map(type, c.values())) for _, c in detailed.rows
            ], title
            assert (plain.stopped_at, plain.merged, plain.hidden_rows) == (
                detailed.stopped_at,
                detailed.merged,
                detailed.hidden_rows,
            )
            assert plain.filtered == detailed.filtered
    return read


@pytest.mark.usefixtures("every_sheet_plain")
@pytest.mark.parametrize("name", ["company.xlsx", "company_ja.xlsx"])
def test_the_bundled_examples_read_the_same_both_ways(name: str) -> None:
    assert _same_both_ways(EXAMPLES / name) >= 5


@pytest.mark.usefixtures("every_sheet_plain")
@pytest.mark.parametrize("shape", list(CompanyShape))
@pytest.mark.parametrize("japanese", [False, True])
def test_generated_companies_read_the_same_both_ways_and_plan_the_same_input(
    shape: CompanyShape, japanese: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "company.xlsx"
    write_example(path, employees=400, departments=14, seed=5, japanese=japanese, shape=shape)
    assert _same_both_ways(path) >= 5
    plain = read_workbook(path)
    monkeypatch.setattr(plain_sheet, "PLAIN_ABOVE", 1 << 62)
    detailed = read_workbook(path)
    assert plain.instance is not None and detailed.instance is not None
    assert plain.instance == detailed.instance
    assert [p.render() for p in plain.warnings] == [p.render() for p in detailed.warnings]


def test_a_large_sheet_is_read_by_calamine_and_a_small_one_is_not(tmp_path: Path) -> None:
    path = tmp_path / "large.xlsx"
    ties = [[f"E{n:05d}", f"E{n + 1:05d}", 1 + n % 3] for n in range(12_000)]
    write_workbook(
        path, {"Interactions": [["employee_a", "employee_b", "weight"], *ties], "Small": [["a", 1]]}
    )
    with open_workbook(path) as opened:
        assert _plain(opened, "Interactions") is not None
        assert _plain(opened, "Small") is None
        assert opened.read_sheet("Interactions") == opened._read_in_detail("Interactions")


# ---------------------------------------------------------------------------- sent back

_BASE_ROWS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr">'
    "<is><t>n</t></is></c></row>"
    '<row r="2"><c r="A2" t="inlineStr"><is><t>E1</t></is></c><c r="B2"><v>3</v></c></row>'
)


def _sheet_with(tmp_path: Path, rows: str, extra: str = "", declaration: bytes = b"") -> Path:
    """A one-sheet workbook whose sheet data is ``rows`` (after the sheet data: ``extra``)."""
    base = tmp_path / "base.xlsx"
    workbook = openpyxl.Workbook()
    active = workbook.active
    assert active is not None
    active.title = "S"
    active["A1"] = "x"
    workbook.save(base)
    target = tmp_path / "case.xlsx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                head, _, _ = text.partition("<sheetData>")
                text = f"{head}<sheetData>{rows}</sheetData>{extra}</worksheet>"
                data = declaration + text.encode()
            out.writestr(item, data)
    return target


SENT_BACK = {
    "formula without its result": _BASE_ROWS + '<row r="3"><c r="A3"><f>1+1</f></c></row>',
    "formula with its result": _BASE_ROWS + '<row r="3"><c r="A3"><f>1+1</f><v>2</v></c></row>',
    "error cell": _BASE_ROWS + '<row r="3"><c r="A3" t="e"><v>#N/A</v></c></row>',
    "stored value no number": _BASE_ROWS + '<row r="3"><c r="A3"><v>12abc</v></c></row>',
    "nan": _BASE_ROWS + '<row r="3"><c r="A3"><v>nan</v></c></row>',
    "true or false holding 2": _BASE_ROWS + '<row r="3"><c r="A3" t="b"><v>2</v></c></row>',
    "value with attributes": _BASE_ROWS
    + '<row r="3"><c r="A3"><v xml:space="preserve">1</v></c></row>',
    "hidden row": _BASE_ROWS + '<row r="3" hidden="1"><c r="A3"><v>1</v></c></row>',
    "comment": _BASE_ROWS + "<!-- a comment -->",
    "character reference": _BASE_ROWS
    + '<row r="3"><c r="A3" t="inlineStr"><is><t>E&#1;</t></is></c></row>',
    "control character": _BASE_ROWS
    + '<row r="3"><c r="A3" t="inlineStr"><is><t>E\x01</t></is></c></row>',
    "cell without reference": _BASE_ROWS + '<row r="3"><c><v>1</v></c></row>',
    "row without number": _BASE_ROWS + '<row><c r="A3"><v>1</v></c></row>',
    "column beyond Z": _BASE_ROWS + '<row r="3"><c r="AA3"><v>1</v></c></row>',
    "single quotes": _BASE_ROWS + "<row r='3'><c r='A3'><v>1</v></c></row>",
    "prefixed cell": _BASE_ROWS + '<row r="3"><x:c r="A3"><x:v>1</x:v></x:c></row>',
    "empty formatted row": _BASE_ROWS + '<row r="3"><c r="A3" s="0"/></row>',
    "blank text": _BASE_ROWS + '<row r="3"><c r="A3" t="inlineStr"><is><t>  </t></is></c></row>',
    "dense grid too large": _BASE_ROWS + '<row r="1048576"><c r="Z1048576"><v>1</v></c></row>',
}


@pytest.mark.usefixtures("every_sheet_plain")
@pytest.mark.parametrize("case", list(SENT_BACK))
def test_a_sheet_calamine_would_read_otherwise_goes_to_the_detailed_reader(
    case: str, tmp_path: Path
) -> None:
    path = _sheet_with(tmp_path, SENT_BACK[case])
    with open_workbook(path) as workbook:
        assert _plain(workbook, "S") is None
    # and the same sheet without the extra row is read by calamine
    with open_workbook(_sheet_with(tmp_path, _BASE_ROWS)) as workbook:
        assert _plain(workbook, "S") is not None


@pytest.mark.usefixtures("every_sheet_plain")
@pytest.mark.parametrize(
    ("extra", "plain"),
    [
        ('<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>', False),
        ('<autoFilter ref="A1:B2"/>', True),
    ],
)
def test_merged_cells_go_back_and_a_filter_is_reported(
    extra: str, plain: bool, tmp_path: Path
) -> None:
    path = _sheet_with(tmp_path, _BASE_ROWS, extra)
    with open_workbook(path) as workbook:
        read = _plain(workbook, "S")
        assert (read is not None) is plain
        if read is not None:
            assert read.filtered and workbook._read_in_detail("S").filtered


@pytest.mark.usefixtures("every_sheet_plain")
@pytest.mark.parametrize(
    ("declaration", "plain"),
    [
        (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', True),
        (b"\xef\xbb\xbf", True),
        (b'<?xml version="1.0" encoding="Shift_JIS"?>', False),
    ],
)
def test_only_utf8_markup_is_scanned(declaration: bytes, plain: bool, tmp_path: Path) -> None:
    path = _sheet_with(tmp_path, _BASE_ROWS, declaration=declaration)
    with open_workbook(path) as workbook:
        assert (_plain(workbook, "S") is not None) is plain


@pytest.mark.usefixtures("every_sheet_plain")
def test_a_date_styled_cell_goes_to_the_detailed_reader(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "dates.xlsx", {"S": [["id", "since"], ["E1", date(2026, 4, 1)]]}
    )
    with open_workbook(path) as opened:
        assert _plain(opened, "S") is None
        assert opened.read_sheet("S").rows[1][1][2] == datetime(2026, 4, 1)


# ---------------------------------------------------------------------------- any values

_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\r"),
    max_size=12,
)
_VALUE = st.one_of(
    st.none(),
    _TEXT,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(),
)


@pytest.mark.usefixtures("every_sheet_plain")
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=st.lists(st.lists(_VALUE, min_size=1, max_size=6), min_size=1, max_size=12))
def test_any_plain_values_read_the_same_both_ways(
    rows: list[list[object]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    _same_both_ways(write_workbook(tmp_path_factory.mktemp("any") / "any.xlsx", {"S": rows}))


def test_the_scan_does_not_miss_what_a_chunk_boundary_cuts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a tiny chunk every tag is cut somewhere: a plain sheet stays plain, a formula
    at the very end is still found."""
    monkeypatch.setattr(plain_sheet, "PLAIN_ABOVE", 0)
    monkeypatch.setattr(plain_sheet, "_CHUNK", 7)
    rows = _BASE_ROWS + "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>E{n}&amp;</t></is></c>'
        f'<c r="C{n}"><v>{n}.5</v></c></row>'
        for n in range(3, 60)
    )
    with open_workbook(_sheet_with(tmp_path, rows)) as workbook:
        plain = _plain(workbook, "S")
        assert plain is not None and plain == workbook._read_in_detail("S")
    formula = rows + '<row r="60"><c r="A60"><f>1</f></c></row>'
    with open_workbook(_sheet_with(tmp_path, formula)) as workbook:
        assert _plain(workbook, "S") is None
        assert isinstance(workbook.read_sheet("S").rows[-1][1][1], MissingFormulaResult)


def test_a_sheet_of_more_cells_than_memory_allows_is_refused_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safety, "MAX_CELLS", 3)
    path = _sheet_with(tmp_path, _BASE_ROWS)
    with open_workbook(path) as workbook, pytest.raises(UnreadableFileError) as refused:
        workbook.read_sheet("S")
    assert "'S'" in str(refused.value) and "4" in str(refused.value)


def test_a_sheet_of_more_rows_than_people_allowed_is_refused_before_it_is_read(
    tmp_path: Path,
) -> None:
    with open_workbook(_sheet_with(tmp_path, _BASE_ROWS)) as workbook:
        assert len(workbook.read_sheet("S", most_rows=2).rows) == 2
        with pytest.raises(UnreadableFileError, match="more than 1 rows"):
            workbook.read_sheet("S", most_rows=1)


@pytest.mark.parametrize("command", ["validate", "audit"])
def test_reading_a_large_workbook_is_shown_as_a_stage(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook of 10,000 people takes seconds to read: the reading says so, like the
    analysis; a small one is read without a word."""
    path = EXAMPLES / "company.xlsx"
    code, _, err = run(capsys, command, str(path))
    assert code == 0 and "Reading" not in err
    monkeypatch.setattr(cli_files, "READ_STAGE_BYTES", path.stat().st_size)
    code, _, err = run(capsys, command, str(path))
    assert code == 0
    assert err.splitlines()[0] == f"Reading {path.name}..."


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_company_saved_by_libreoffice_reads_the_same_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A spreadsheet application writes shared strings, styles and row attributes
    (``hidden="false"`` on every row) that openpyxl does not: calamine still reads every
    sheet, the same as the detailed reader and the same as the file before it was saved."""
    original = tmp_path / "company.xlsx"
    write_example(original, employees=400, departments=14, seed=5)
    out = tmp_path / "saved"
    convert(original, "xlsx", out, tmp_path)
    saved = out / "company.xlsx"
    with zipfile.ZipFile(saved) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
    monkeypatch.setattr(plain_sheet, "PLAIN_ABOVE", 0)
    with open_workbook(saved) as workbook:
        sheets = len(workbook.titles)
    assert _same_both_ways(saved) == sheets
    plain = read_workbook(saved)
    monkeypatch.setattr(plain_sheet, "PLAIN_ABOVE", 1 << 62)
    detailed, before = read_workbook(saved), read_workbook(original)
    assert plain.instance is not None and before.instance is not None
    assert plain.instance == detailed.instance
    assert plain.instance.model_dump(exclude={"source"}) == before.instance.model_dump(
        exclude={"source"}
    )
