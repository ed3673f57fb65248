"""Hostile and foreign files: each refused quickly, in one plain sentence, before parsing."""

from __future__ import annotations

import hashlib
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl.xml
import pytest
from workbooks import company, write_workbook

from crossteam.errors import UnreadableFileError
from crossteam.io.reader import read_workbook
from crossteam.io.safety import MAX_EMPTY_RUN, Workbook, file_sha256

SECONDS = 5.0
MEGABYTES = 500

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
)


def valid_workbook(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "valid.xlsx", company())


def rezip(source: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """Copy ``source`` to ``target`` with each part passed through ``change`` (None drops it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = change(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
    return target


def refused(path: Path) -> str:
    """The message ``read_workbook`` refuses ``path`` with, checking time and memory."""
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(UnreadableFileError) as raised:
        read_workbook(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < SECONDS
    assert peak < MEGABYTES << 20
    (problem,) = raised.value.problems
    assert "\n" not in problem.message
    return problem.message


def test_openpyxl_parses_through_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


def test_csv_saved_with_an_xlsx_name_is_refused_as_text(tmp_path: Path) -> None:
    path = tmp_path / "people.xlsx"
    path.write_text("employee_id,name,department\nE1,Sato,Sales\n", encoding="utf-8")
    message = refused(path)
    assert "text or CSV" in message
    assert "save it as .xlsx" in message


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert "is empty" in refused(path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "absent.xlsx")


def test_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "plans.xlsx"
    folder.mkdir()
    message = refused(folder)
    assert "is a folder" in message
    assert "no such file" not in message


def test_old_xls_or_password_protected_workbook_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    message = refused(path)
    assert "old .xls file or a password-protected workbook" in message
    assert "save it as .xlsx" in message


def test_opendocument_spreadsheet_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert ".ods" in refused(path)


def test_binary_xlsb_workbook_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x00\x01")
    assert ".xlsb" in refused(path)


def test_truncated_workbook_is_refused_as_damaged(tmp_path: Path) -> None:
    data = valid_workbook(tmp_path).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged or incomplete" in refused(path)


def test_zip_without_a_workbook_part_is_refused(tmp_path: Path) -> None:
    path = rezip(valid_workbook(tmp_path), tmp_path / "hollow.xlsx",
                 lambda name, data: None if name == "xl/workbook.xml" else data)  # fmt: skip
    assert "without xl/workbook.xml" in refused(path)


def test_highly_compressed_part_is_refused_as_a_zip_bomb(tmp_path: Path) -> None:
    path = valid_workbook(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.xml", bytes(20 << 20))
    message = refused(path)
    assert "zip bomb" in message
    assert "xl/media/padding.xml" in message


def test_declared_size_beyond_the_cap_is_refused_from_the_directory(tmp_path: Path) -> None:
    path = valid_workbook(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/big.xml", b"<big/>")
    data = bytearray(path.read_bytes())
    entry = data.rindex(b"PK\x01\x02")  # central directory entry of the last part
    struct.pack_into("<I", data, entry + 24, 0xFFFF0000)  # its declared uncompressed size
    path.write_bytes(bytes(data))
    message = refused(path)
    assert "would unpack to 4.0 GB" in message


def with_prolog(prolog: bytes, data: bytes) -> bytes:
    """``data`` with its XML declaration, if any, replaced by ``prolog``."""
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    return prolog + body


@pytest.mark.parametrize(
    "part",
    ["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"],
)
def test_xml_entity_declarations_are_refused_in_any_part(tmp_path: Path, part: str) -> None:
    path = rezip(
        valid_workbook(tmp_path),
        tmp_path / "laughs.xlsx",
        lambda name, data: with_prolog(BILLION_LAUGHS, data) if name == part else data,
    )
    message = refused(path)
    assert "DTD or XML entities" in message
    assert part in message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_part_cannot_hide_a_dtd(tmp_path: Path, encoding: str) -> None:
    prolog = BILLION_LAUGHS.replace(b'version="1.0"', b'version="1.0" encoding="UTF-16"')

    def poison(name: str, data: bytes) -> bytes:
        if name != "xl/workbook.xml":
            return data
        return with_prolog(prolog, data).decode("utf-8").encode(encoding)

    path = rezip(valid_workbook(tmp_path), tmp_path / "utf16.xlsx", poison)
    assert "DTD or XML entities" in refused(path)


@pytest.mark.parametrize("padding", [b"<!--" + b" " * (100 << 10) + b"-->", b" " * (100 << 10)])
@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml"])
def test_a_dtd_pushed_past_the_scanned_head_is_still_refused(
    tmp_path: Path, part: str, padding: bytes
) -> None:
    prolog = padding + BILLION_LAUGHS.split(b"?>", 1)[1]
    path = rezip(
        valid_workbook(tmp_path),
        tmp_path / "hidden.xlsx",
        lambda name, data: with_prolog(prolog, data) if name == part else data,
    )
    message = refused(path)
    assert "does not begin its content within the first 64 KB" in message
    assert part in message


def test_the_sheet_parser_itself_refuses_a_dtd(tmp_path: Path) -> None:
    path = tmp_path / "parts.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("sheet.xml", BILLION_LAUGHS + b"<worksheet><sheetData/></worksheet>")
    with zipfile.ZipFile(path) as archive:
        workbook = Workbook(
            package=path,
            archive=archive,
            load_strings=list,
            parts={"People": "sheet.xml"},
            date_styles=frozenset(),
            timedelta_styles=frozenset(),
            epoch=datetime(1899, 12, 30),
        )
        with pytest.raises(UnreadableFileError, match="sheet 'People' declares a DTD"):
            workbook.read_sheet("People")


def test_sheet_declaring_a_million_empty_rows_is_read_quickly(tmp_path: Path) -> None:
    rows = "".join(f'<row r="{i}" s="1" customFormat="1"/>' for i in range(4, 1_048_577))

    def stretch(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet2.xml":
            return data
        text = data.decode("utf-8")
        text = text.replace('<dimension ref="A1:A3"/>', '<dimension ref="A1:A1048576"/>')
        return text.replace("</sheetData>", rows + "</sheetData>").encode("utf-8")

    source = write_workbook(tmp_path / "small.xlsx", {"Employees": company()["Employees"],
                                                      "Periods": company()["Periods"]})  # fmt: skip
    path = rezip(source, tmp_path / "tall.xlsx", stretch)
    started = time.perf_counter()
    result = read_workbook(path)
    assert time.perf_counter() - started < SECONDS
    assert result.instance is not None
    assert [p.label for p in result.instance.periods] == ["2027-Q1", "2027-Q2"]
    (warning,) = [w for w in result.warnings if "reading stopped" in w.message]
    assert warning.row == 3 + MAX_EMPTY_RUN


def test_file_sha256_is_the_hash_of_the_bytes(tmp_path: Path) -> None:
    path = valid_workbook(tmp_path)
    assert file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("</sheetData>", "<row><c><v>1</v></sheetData>"),  # unclosed elements
        ("</sheetData>", "<row>" + "<c><v>1</v></c>" * 16_385 + "</row></sheetData>"),
        ("</sheetData>", '</sheetData><mergeCells><mergeCell ref="A:A"/></mergeCells>'),
        ("</sheetData>", '<row><c t="s"><v>99</v></c></row></sheetData>'),  # no such string
    ],
)
def test_damaged_sheet_xml_is_refused_naming_the_sheet(tmp_path: Path, old: str, new: str) -> None:
    path = rezip(
        valid_workbook(tmp_path),
        tmp_path / "damaged.xlsx",
        lambda name, data: (
            data.decode("utf-8").replace(old, new, 1).encode("utf-8")
            if name == "xl/worksheets/sheet3.xml"
            else data
        ),
    )
    message = refused(path)
    assert "sheet 'Interactions' is damaged" in message


@pytest.mark.parametrize("stored", ["inf", "-inf", "nan", "NaN", "Infinity", "1e309", "12abc"])
def test_a_number_cell_storing_no_finite_number_is_an_error_at_its_cell(
    tmp_path: Path, stored: str
) -> None:
    """A program may store ``<v>nan</v>`` in a number cell; the sheet is not damaged for it
    (it once was, naming no cell and quoting Python's ``int()``)."""
    old, new = b'<c r="C2" t="n"><v>3</v></c>', f'<c r="C2" t="n"><v>{stored}</v></c>'.encode()

    def change(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet3.xml":  # Interactions
            return data
        assert old in data
        return data.replace(old, new)

    path = rezip(valid_workbook(tmp_path), tmp_path / "stored.xlsx", change)

    result = read_workbook(path)

    assert [(e.sheet, e.row, e.cell) for e in result.errors] == [("Interactions", 2, "C2")]
    assert "int()" not in result.errors[0].message
    assert stored not in result.errors[0].message
