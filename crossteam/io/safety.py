"""Opening a user's workbook without trusting it: refuse what is not a sane .xlsx, then stream.

Every check here works from the file's first bytes, the zip directory and the first bytes
of each XML part, before any XML is parsed, so a hostile file is refused in milliseconds
and without inflating it. DTDs and entity declarations, which XML confines to the part's
head, are refused there. The workbook part, shared strings and styles are then parsed by
openpyxl (through defusedxml, a hard dependency; ``open_workbook`` refuses to run if
openpyxl stops using it), the worksheets by our own expat handler, which also stops at any
DOCTYPE. Every failure becomes ``UnreadableFileError`` with one plain sentence.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final
from xml.parsers.expat import ExpatError, ParserCreate

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml import DEFUSEDXML
from python_calamine import CalamineWorkbook

from crossteam import i18n
from crossteam.errors import UnreadableFileError
from crossteam.io import plain_sheet
from crossteam.io.cells import ExcelErrorValue, MissingFormulaResult, UnreadableNumber

MAX_TOTAL_UNCOMPRESSED: Final = 1 << 30
"""Declared uncompressed size of all parts together (1 GiB): far above any real planning file."""
MAX_LOADED_PART: Final = 100 << 20
"""Parts openpyxl loads whole (shared strings, styles): 100 MiB; only worksheets stream."""
MAX_RATIO: Final = 200
"""Compression ratio refused for parts above ``RATIO_CHECK_ABOVE``: real XML stays far below."""
RATIO_CHECK_ABOVE: Final = 5 << 20
MAX_MEMBERS: Final = 10_000
XML_HEAD_BYTES: Final = 64 << 10
MAX_COLUMNS: Final = 16_384
"""Excel's widest sheet (column XFD)."""
MAX_EMPTY_RUN: Final = 1_000
"""Stop reading a sheet after this many consecutive empty rows (formatted, but no values)."""
MAX_CELLS: Final = 20_000_000
"""Cells of one sheet the detailed reader holds (about 70 bytes each once read: 1.4 GB); a
sheet of Excel's full height (1,048,576 rows) fits with up to 19 filled columns. A plain
sheet read by calamine is bounded by ``plain_sheet.MAX_DENSE_CELLS`` instead."""

_OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
_WORKBOOK_PART: Final = "xl/workbook.xml"
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_SPACE = re.compile(r"[ \t\r\n\ufeff]*")


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of the file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


Package = Path | io.BytesIO
"""A workbook package to open: the file itself, or a protected file's plain package held in
memory (never written to disk)."""


def check_workbook_file(path: Path) -> Package:
    """Refuse anything that is not a plain, reasonably sized .xlsx package; a
    password-protected one is decrypted in memory and its package checked the same way.

    Returns:
        What to open: ``path`` itself, or the protected file's plain package in memory.

    Raises:
        UnreadableFileError: with a one-line explanation of what the file looks like.
    """
    if path.is_dir():
        raise UnreadableFileError(i18n.t("reader.file.folder", name=path.name))
    if not path.is_file():
        raise UnreadableFileError(i18n.t("reader.file.missing", name=path.name))
    with open(path, "rb") as handle:
        head = handle.read(8)
    if not head:
        raise UnreadableFileError(i18n.t("reader.file.empty", name=path.name))
    if head.startswith(_OLE2_MAGIC):
        from crossteam.io import protection

        if not protection.is_protected(path):
            raise UnreadableFileError(i18n.t("reader.file.old_or_password", name=path.name))
        plain = protection.decrypted(path)
        check_package(plain, path.name)
        return plain
    if not head.startswith(_ZIP_MAGIC):
        looks_like = i18n.t(f"reader.file.looks_like.{_looks_like(path)}")
        raise UnreadableFileError(i18n.t("reader.file.not_excel", name=path.name, what=looks_like))
    check_package(path, path.name)
    return path


def check_package(package: Package, name: str) -> None:
    """The zip checks of an .xlsx package, a file or in memory, shown as ``name``: sizes,
    ratios, parts, and no DTD in any XML part's head.

    Raises:
        UnreadableFileError: with a one-line explanation.
    """
    if isinstance(package, io.BytesIO) and bytes(package.getbuffer()[:4]) not in _ZIP_MAGIC:
        looks_like = i18n.t("reader.file.looks_like.binary")
        raise UnreadableFileError(i18n.t("reader.file.not_excel", name=name, what=looks_like))
    try:
        with zipfile.ZipFile(package) as archive:
            _check_members(name, archive)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,  # an encrypted zip member
        NotImplementedError,  # an unknown compression method
    ) as error:
        raise UnreadableFileError(
            i18n.t("reader.file.damaged_zip", name=name, error=error)
        ) from None


def _looks_like(path: Path) -> str:
    with open(path, "rb") as handle:
        sample = handle.read(4096)
    if b"\x00" in sample:
        return "binary"
    if sample.lstrip().lower().startswith((b"<html", b"<!doctype html")):
        return "web_page"
    return "text"


def _check_members(name: str, archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    names = {member.filename for member in members}
    if len(members) > MAX_MEMBERS:
        raise UnreadableFileError(
            i18n.t("reader.file.too_many_parts", name=name, parts=len(members))
        )
    if "mimetype" in names and b"opendocument" in _head(archive, "mimetype", 100):
        raise UnreadableFileError(i18n.t("reader.file.ods", name=name))
    if "xl/workbook.bin" in names:
        raise UnreadableFileError(i18n.t("reader.file.xlsb", name=name))
    if _WORKBOOK_PART not in names:
        raise UnreadableFileError(
            i18n.t("reader.file.no_workbook_part", name=name, part=_WORKBOOK_PART)
        )
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise UnreadableFileError(
            i18n.t(
                "reader.file.too_large",
                name=name,
                size=total / (1 << 30),
                most=MAX_TOTAL_UNCOMPRESSED >> 30,
            )
        )
    for member in members:
        _check_member_size(name, member)
    for member in members:
        if member.filename.endswith((".xml", ".rels", ".vml")):
            _check_xml_head(name, archive, member)


def _check_member_size(name: str, member: zipfile.ZipInfo) -> None:
    streamed = member.filename.startswith("xl/worksheets/")
    if not streamed and member.file_size > MAX_LOADED_PART:
        raise UnreadableFileError(
            i18n.t(
                "reader.file.part_too_large",
                name=name,
                part=member.filename,
                size=member.file_size >> 20,
            )
        )
    ratio = member.file_size / max(member.compress_size, 1)
    if member.file_size > RATIO_CHECK_ABOVE and ratio > MAX_RATIO:
        raise UnreadableFileError(
            i18n.t(
                "reader.file.part_ratio",
                name=name,
                part=member.filename,
                ratio=ratio,
                most=MAX_RATIO,
            )
        )


def _check_xml_head(name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Refuse DTDs and entity declarations, which only XML attacks put in a workbook.

    XML allows them only before the root element, so the scan is complete when the root
    element starts within the scanned head; a part whose root starts later is refused.
    Whatever parses the XML afterwards (openpyxl with defusedxml or lxml, or the sheet
    parser) therefore never meets an entity declaration.
    """
    head = _head(archive, member.filename, XML_HEAD_BYTES)
    text = head.decode(_encoding(head), errors="ignore")
    if _DTD.search(text):
        raise UnreadableFileError(
            i18n.t("reader.file.part_unsafe", name=name, part=member.filename)
        )
    if len(head) == XML_HEAD_BYTES and _root_start(text) is None:
        raise UnreadableFileError(
            i18n.t(
                "reader.file.part_late_root",
                name=name,
                part=member.filename,
                size=XML_HEAD_BYTES >> 10,
            )
        )


def _root_start(text: str) -> int | None:
    """Where the root element starts, past the declaration, comments and processing
    instructions; ``None`` when it does not start in ``text``."""
    position = 0
    while True:
        position = _XML_SPACE.match(text, position).end()  # type: ignore[union-attr]  # "*" always matches
        for opening, closing in (("<?", "?>"), ("<!--", "-->")):
            if text.startswith(opening, position):
                end = text.find(closing, position + len(opening))
                if end < 0:
                    return None
                position = end + len(closing)
                break
        else:
            starts = text.startswith("<", position) and not text.startswith("<!", position)
            return position if starts else None


def _head(archive: zipfile.ZipFile, name: str, size: int) -> bytes:
    with archive.open(name) as part:
        return part.read(size)


def _encoding(head: bytes) -> str:
    """Enough of XML's encoding detection to find markup: UTF-16 with or without a BOM."""
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return "utf-16-le"
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return "utf-16-be"
    return "latin-1"  # ASCII markup reads the same in UTF-8 and every 8-bit encoding


@dataclass(frozen=True)
class MergedRange:
    """Merged cells such as ``B5:B7``: only the first cell holds a value."""

    ref: str
    first_column: int
    first_row: int
    last_row: int


@dataclass(frozen=True)
class SheetContent:
    """The non-empty rows of one sheet, as ``(row number, {column number: value})``.

    Text is stripped and blank cells are left out, so a row that is only formatted
    is absent. ``stopped_at`` is the row where reading stopped after ``MAX_EMPTY_RUN``
    consecutive empty rows (``None`` when the sheet was read to its end);
    ``merged`` lists merged ranges (known only when the sheet was read to its end);
    ``hidden_rows`` the rows with values that Excel hides (by hand or by a filter), and
    ``filtered`` whether the sheet has a filter.
    """

    rows: tuple[tuple[int, dict[int, object]], ...]
    stopped_at: int | None
    merged: tuple[MergedRange, ...]
    hidden_rows: tuple[int, ...] = ()
    filtered: bool = False


@dataclass
class _Opened:
    """Parts of an open workbook loaded once, when first needed."""

    strings: list[str] | None = None
    """The shared string table (openpyxl), for the detailed reader."""
    calamine: CalamineWorkbook | None = None


@dataclass(frozen=True)
class Workbook:
    """An opened workbook: its worksheets by title, and what reading their cells needs."""

    package: Package
    archive: zipfile.ZipFile
    parts: dict[str, str]
    """Worksheet title -> its part in the archive, in workbook order (chart sheets left out)."""
    date_styles: frozenset[int]
    timedelta_styles: frozenset[int]
    epoch: datetime
    load_strings: Callable[[], list[str]]
    """The shared string table, read by openpyxl: only the detailed reader needs it."""
    opened: _Opened = field(default_factory=lambda: _Opened(), compare=False)
    """What is loaded once and only when needed."""

    @property
    def titles(self) -> list[str]:
        return list(self.parts)

    @property
    def shared_strings(self) -> list[str]:
        """The shared string table, loaded by openpyxl when the detailed reader first needs it."""
        if self.opened.strings is None:
            self.opened.strings = self.load_strings()
        return self.opened.strings

    def read_sheet(self, title: str, most_rows: int | None = None) -> SheetContent:
        """One sheet's non-empty rows: by calamine when the sheet is large and plain
        (``plain_sheet``), else streamed by the detailed reader, which stops early in huge
        empty sheets.

        ``most_rows``: rows holding cells that the sheet may have (one row per person:
        ``limits.MAX_PEOPLE``), counted in the raw bytes before anything is parsed.

        Raises:
            UnreadableFileError: the sheet's XML is damaged or declares a DTD, it holds
                more cells than ``MAX_CELLS``, or more rows than ``most_rows``.
        """
        if most_rows is not None:
            try:
                rows = _rows_with_cells(self.archive, self.parts[title])
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
                rows = 0  # the detailed reader says what is damaged
            if rows > most_rows:
                raise UnreadableFileError(
                    i18n.t("reader.file.sheet_too_long", sheet=title, most=most_rows)
                )
        try:
            return self._read_plain(title)
        except plain_sheet.NeedsDetail:
            pass
        return self._read_in_detail(title)

    def _read_plain(self, title: str) -> SheetContent:
        found = plain_sheet.scan(
            self.archive, self.parts[title], self.date_styles | self.timedelta_styles
        )
        if self.opened.calamine is None:
            self.opened.calamine = plain_sheet.open_calamine(self.package)
        rows, filtered = plain_sheet.read(self.opened.calamine, title, found)
        return SheetContent(tuple(rows), None, (), (), filtered)

    def _read_in_detail(self, title: str) -> SheetContent:
        stream = _SheetStream(self)
        try:
            cells = _cells_in(self.archive, self.parts[title])
            if cells > MAX_CELLS:
                raise UnreadableFileError(
                    i18n.t("reader.file.sheet_too_large", sheet=title, cells=cells, most=MAX_CELLS)
                )
            with self.archive.open(self.parts[title]) as source:
                stream.parse(source)
        except _EnoughEmptyRows:
            pass
        except _DtdFound:
            raise UnreadableFileError(i18n.t("reader.file.sheet_unsafe", sheet=title)) from None
        except (
            ExpatError,
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            ValueError,
            IndexError,  # a shared string index beyond the table
            KeyError,
        ) as error:
            where = "at_row" if stream.row else "somewhere"
            raise UnreadableFileError(
                i18n.t(
                    f"reader.file.sheet_damaged.{where}", sheet=title, row=stream.row, error=error
                )
            ) from None
        return SheetContent(
            tuple(stream.rows),
            stream.stopped_at,
            tuple(stream.merged),
            tuple(stream.hidden_rows),
            stream.filtered,
        )


def _stored_number(text: str) -> float | UnreadableNumber:
    """A number cell's stored text as a number: ``inf``, ``nan`` and ``1e309`` too (a
    program may write them; the reader refuses them at their cell as not finite), or
    ``UnreadableNumber`` for text that is no number (refused at its cell too)."""
    try:
        return float(text) if "." in text or "e" in text.lower() else int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return UnreadableNumber()


_ROW_END = re.compile(rb"</(?:[A-Za-z_][\w.-]{0,40}:)?row>")


def _rows_with_cells(archive: zipfile.ZipFile, part: str) -> int:
    """Rows that hold cells (closed ``</row>`` tags, as against empty ``<row/>``), counted
    in the raw bytes: a fraction of a second where parsing a million rows takes seconds."""
    return _count(archive, part, _ROW_END)


_CELL_START = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,40}:)?c[\s>/]")


def _cells_in(archive: zipfile.ZipFile, part: str) -> int:
    """Cells (``<c`` tags, empty ones too) counted in the raw bytes, before any parsing."""
    return _count(archive, part, _CELL_START)


def _count(archive: zipfile.ZipFile, part: str, tag: re.Pattern[bytes]) -> int:
    count = 0
    tail = b""
    with archive.open(part) as source:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            data = tail + chunk
            # a tag cut by the chunk boundary is counted once, in the data where it ends
            count += sum(1 for m in tag.finditer(data) if m.end() > len(tail))
            tail = data[-64:]
    return count


@contextmanager
def open_workbook(path: Package, name: str | None = None) -> Iterator[Workbook]:
    """Check ``path``, then read its workbook part, shared strings and styles; closes on exit.

    ``path`` is a file (a password-protected one is decrypted in memory) or a package
    already in memory, shown in messages as ``name``. openpyxl reads those parts (through
    defusedxml); the worksheets themselves are streamed by ``Workbook.read_sheet``, which
    is several times faster than openpyxl's read-only mode and also sees unsaved
    formulas, error cells and merged ranges.
    """
    if not DEFUSEDXML:
        raise UnreadableFileError(i18n.t("reader.file.no_defusedxml"))
    if isinstance(path, Path):
        shown = name or path.name
        package = check_workbook_file(path)
    else:
        shown = name or "workbook"
        check_package(path, shown)
        package = path
    try:
        reader = ExcelReader(package, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types on damaged input
        raise _unreadable(shown, error) from None
    try:
        yield _workbook(shown, package, reader)
    finally:
        reader.archive.close()


def _workbook(name: str, package: Package, reader: ExcelReader) -> Workbook:
    try:
        # openpyxl warns about what it repairs or ignores (a missing stylesheet, a bad
        # defined name); the reader reports what matters in its own words.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader.read_manifest()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            parts = {
                sheet.name: relation.target
                for sheet, relation in reader.parser.find_sheets()
                if relation.target in reader.valid_files and "chartsheet" not in relation.Type
            }
    except Exception as error:  # openpyxl raises many types on damaged input
        raise _unreadable(name, error) from None
    workbook = reader.wb

    def load_strings() -> list[str]:
        try:
            reader.read_strings()
        except Exception as error:  # openpyxl raises many types on damaged input
            raise _unreadable(name, error) from None
        return reader.shared_strings  # type: ignore[no-any-return]  # openpyxl is untyped

    return Workbook(
        package=package,
        archive=reader.archive,
        load_strings=load_strings,
        parts=parts,
        date_styles=frozenset(workbook._date_formats),
        timedelta_styles=frozenset(workbook._timedelta_formats),
        epoch=workbook.epoch,
    )


def _unreadable(name: str, error: BaseException) -> UnreadableFileError:
    cause: BaseException | None = error
    while cause is not None:  # openpyxl wraps defusedxml's refusal in a ValueError
        if isinstance(cause, DefusedXmlException):
            return UnreadableFileError(i18n.t("reader.file.unsafe", name=name))
        cause = cause.__cause__ or cause.__context__
    return UnreadableFileError(i18n.t("reader.file.damaged", name=name, error=type(error).__name__))


class _EnoughEmptyRows(Exception):
    """Raised from inside the parser to stop reading a sheet early."""


class _DtdFound(Exception):
    """Raised from inside the parser on a DOCTYPE: no entity is ever declared or expanded."""


def _refuse_dtd(*_: object) -> None:
    raise _DtdFound


class _SheetStream:
    """An expat handler turning worksheet XML into rows of typed values.

    It reads what the reader needs and nothing else: cell values (shared and inline
    strings, numbers, dates by cell style, booleans, errors, saved formula results),
    merged ranges, hidden rows and whether a filter is set. A DOCTYPE stops it at once,
    as defusedxml's ``forbid_dtd`` would.
    """

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.strings: list[str] | None = None
        """The shared strings, fetched at the first cell that needs them."""
        self.rows: list[tuple[int, dict[int, object]]] = []
        self.merged: list[MergedRange] = []
        self.hidden_rows: list[int] = []
        self.filtered = False
        self.hidden = False
        self.stopped_at: int | None = None
        self.empty_run = 0
        self.row = 0
        self.values: dict[int, object] = {}
        self.column = 0
        self.type = "n"
        self.style = 0
        self.formula = False
        self.has_value = False
        self.text: list[str] = []
        self.collecting = False
        self.phonetic = False
        self.tags: dict[str, str] = {}

    def parse(self, source: Any) -> None:
        parser = ParserCreate()
        parser.buffer_text = True
        parser.StartDoctypeDeclHandler = _refuse_dtd
        parser.EntityDeclHandler = _refuse_dtd
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.characters
        parser.ParseFile(source)

    def local_name(self, name: str) -> str:
        """The local name of a possibly prefixed element name ("x:row" -> "row")."""
        local = self.tags[name] = name.rpartition(":")[2]
        return local

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = self.tags.get(name) or self.local_name(name)
        if tag == "c":
            reference = attributes.get("r")
            self.column = (
                column_index_from_string(reference.rstrip("0123456789"))
                if reference
                else self.column + 1
            )
            if self.column > MAX_COLUMNS:
                raise ValueError(i18n.t("reader.file.too_many_columns", most=MAX_COLUMNS))
            self.type = attributes.get("t", "n")
            self.style = int(attributes.get("s", 0))
            self.formula = self.has_value = False
            self.text = []
        elif tag == "v":
            self.has_value = self.collecting = True
        elif tag == "t":
            self.collecting = not self.phonetic
        elif tag == "f":
            self.formula = True
        elif tag == "rPh":
            self.phonetic = True
        elif tag == "row":
            number = attributes.get("r")
            self.row = int(number) if number else self.row + 1
            self.column = 0
            self.values = {}
            self.hidden = attributes.get("hidden") in ("1", "true")
        elif tag == "autoFilter":
            self.filtered = True
        elif tag == "mergeCell":
            ref = attributes.get("ref", "")
            first_column, first_row, _, last_row = range_boundaries(ref)
            if first_column is None or first_row is None or last_row is None:
                raise ValueError(i18n.t("reader.file.merged_not_block", ref=ref))
            self.merged.append(MergedRange(ref, first_column, first_row, last_row))

    def characters(self, data: str) -> None:
        if self.collecting:
            self.text.append(data)

    def end(self, name: str) -> None:
        tag = self.tags.get(name) or self.local_name(name)
        if tag in ("v", "t"):
            self.collecting = False
        elif tag == "c":
            value = self.value()
            if isinstance(value, str):
                value = value.strip()
            if value is not None and value != "":
                self.values[self.column] = value
        elif tag == "rPh":
            self.phonetic = False
        elif tag == "row":
            self.end_row()

    def end_row(self) -> None:
        if self.values:
            self.rows.append((self.row, self.values))
            if self.hidden:
                self.hidden_rows.append(self.row)
            self.empty_run = 0
            return
        self.empty_run += 1
        if self.empty_run >= MAX_EMPTY_RUN:
            self.stopped_at = self.row
            raise _EnoughEmptyRows

    def value(self) -> object:
        text = "".join(self.text)
        kind = self.type
        if not self.has_value and kind != "inlineStr":
            # A formula saved without its result (openpyxl and scripts write these).
            return MissingFormulaResult() if self.formula else None
        if kind == "n":
            if not text:
                return MissingFormulaResult() if self.formula else None
            number = _stored_number(text)
            if isinstance(number, UnreadableNumber):
                return number
            if self.style in self.workbook.date_styles:
                return self.date(number)
            return number
        if kind == "s":
            if self.strings is None:
                self.strings = self.workbook.shared_strings
            return self.strings[int(text)]
        if kind in ("inlineStr", "str"):
            return text
        if kind == "b":
            return text.strip() == "1"
        if kind == "e":
            return ExcelErrorValue(text)
        if kind == "d":
            return from_ISO8601(text)
        return text

    def date(self, serial: float) -> object:
        try:
            return from_excel(
                serial, self.workbook.epoch, timedelta=self.style in self.workbook.timedelta_styles
            )
        except (OverflowError, ValueError):
            return ExcelErrorValue("#VALUE!")


def editable_copy(path: Path) -> openpyxl.Workbook:
    """The input workbook at ``path``, checked like every input (a protected one decrypted
    in memory), loaded whole for a writer that returns it with a sheet changed (``ties``,
    ``next-round``): every sheet, value and style kept.

    Raises:
        UnreadableFileError: ``path`` cannot be opened as a workbook to copy.
    """
    package = check_workbook_file(path)
    try:
        return openpyxl.load_workbook(package, data_only=False)
    except Exception as error:  # openpyxl raises many types on damaged input
        raise UnreadableFileError(
            i18n.t("terminal.cannot_copy", name=path.name, kind=type(error).__name__)
        ) from None
