"""Reading a large plain sheet fast: calamine (Rust) where it gives exactly what the detailed
reader gives, and only there.

calamine returns each cell's value and nothing else. A formula saved without its result and
an error cell both come back blank, a number cell whose stored text is no number comes back
as that text, hidden rows, merged cells and rows formatted but empty are not told apart from
the others, and the sheet is held as a dense grid of its extent (a cell in A1 and one in
XFD1048576 would ask for 17 billion cells). The detailed reader (``safety._SheetStream``)
sees all of that. So a sheet is handed to calamine only when one pass over its raw bytes,
before anything is parsed, finds none of it:

- a formula, an error cell, a merged range, hidden rows or columns, a DTD, a comment or a
  CDATA section, an entity or character reference other than the five XML names, a control
  character, bytes that are not UTF-8, an encoding other than UTF-8;
- a cell or row without its reference (``r``), a column beyond Z, or an extent whose dense
  grid passes ``MAX_DENSE_CELLS``;
- a stored value that is not a plain number (text in ``<v>``: ``nan``, an ISO date), a value
  with attributes, a true/false cell holding other than 0 or 1;
- a cell styled as a date or a duration (openpyxl and calamine may judge a custom format
  differently; the detailed reader's judgement is the one the tests pin down).

While reading, a row that holds nothing after trimming (a row formatted but empty) and a
value calamine turned into a date also hand the sheet back. Everything else is the same
value either way, as ``tests/test_plain_sheet.py`` checks cell for cell and type for type on
the bundled examples, generated companies and random values. The scan costs most of what
calamine's own reading costs (about a dozen passes of a fast byte search); a sheet sent back
is read by the detailed reader as before.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import cache
from pathlib import Path
from typing import Final

from python_calamine import CalamineWorkbook

MAX_DENSE_CELLS: Final = 16_000_000
"""Cells of the grid calamine holds for one sheet (about 32 bytes each, 512 MB): a sheet of
Excel's full height fits with up to 15 columns."""
PLAIN_ABOVE: Final = 256 << 10
"""Sheets of fewer uncompressed bytes go to the detailed reader: it reads them in
milliseconds, and opening calamine costs more than it saves."""

_CHUNK: Final = 1 << 20
_EXPONENT_FROM: Final = 1e16
"""Whole numbers from here on are stored with an exponent ("1e+16")."""
_ABSENT: Final = (
    b't="e"',  # an error cell
    b"<mergeCell",
    b"<!",  # a DTD, a comment or a CDATA section
    b'hidden="1"',  # hidden rows or columns (LibreOffice writes hidden="false" on every row)
    b'hidden="true"',
    b"='",  # an attribute in single quotes
    b"<v ",  # a value with attributes
)
"""Byte strings a plain sheet does not hold (Excel writes attributes in double quotes)."""
_FORMULA: Final = re.compile(rb"<f[\s>/]")
_PREFIXED: Final = re.compile(rb"<[A-Za-z_][\w.-]*:(?:row|c|v|f|t|is|r)[\s>/]")
"""A prefixed cell element (Excel's own extensions, such as ``<x14:...>``, are left alone)."""
_ENTITY: Final = re.compile(rb"&(?!amp;|lt;|gt;|quot;|apos;)")
_NOT_A_NUMBER: Final = re.compile(rb"<v>[^<]*[^0-9.eE+\-<]")
_ODD_BOOLEAN: Final = re.compile(rb't="b"[^>]*><v>(?![01]</v>)')
"""A true/false cell holding other than 0 or 1 (the two readers would read it differently)."""
_ODD_ROW: Final = re.compile(rb'<row(?=[\s>/])(?! r="\d)')
"""A row tag without its number first."""
_CONTROL: Final = bytes(range(32)).translate(None, b"\t\n\r")
_SINGLE_LETTER: Final = re.compile(rb'<c r="([A-Z])\d')
_ROW_NUMBER: Final = re.compile(rb'<row r="(\d+)"')
_FILTER: Final = b"<autoFilter"
_DECLARED: Final = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([^\"']+)", re.IGNORECASE)


class NeedsDetail(Exception):
    """The sheet holds something only the detailed reader sees: read it there."""


@dataclass(frozen=True)
class Scan:
    """What the scan of a plain sheet found: enough to read it with calamine."""

    row_elements: int
    filtered: bool


def scan(archive: zipfile.ZipFile, part: str, styled: frozenset[int]) -> Scan:
    """Check the raw bytes of a worksheet part for anything the detailed reader must see.

    ``styled``: style numbers of dates and durations, whose cells the detailed reader reads.

    Raises:
        NeedsDetail: the sheet is small, damaged, or holds something calamine would read
            otherwise.
    """
    try:
        if archive.getinfo(part).file_size < PLAIN_ABOVE:
            raise NeedsDetail
        with archive.open(part) as source:
            return _scan(iter(lambda: source.read(_CHUNK), b""), _styled(styled))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError):
        raise NeedsDetail from None  # the detailed reader says what is damaged


def _scan(chunks: Iterator[bytes], dated: re.Pattern[bytes] | None) -> Scan:
    decoder = codecs.getincrementaldecoder("utf-8")()
    rows = 0
    last_row = 0
    widest = 1
    filtered = False
    carried = b""
    for index, chunk in enumerate(chunks):
        if index == 0:
            _check_encoding(chunk)
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError:
            raise NeedsDetail from None
        data = carried + chunk
        # up to the last "<": whole tags and texts, so no pattern is cut by the chunk's end
        cut = max(data.rfind(b"<"), 0)
        data, carried = data[:cut], data[cut:]
        rows, last_row, widest, filtered = _scan_piece(
            data, dated, rows, last_row, widest, filtered
        )
    rows, last_row, widest, filtered = _scan_piece(carried, dated, rows, last_row, widest, filtered)
    if widest * last_row > MAX_DENSE_CELLS:
        raise NeedsDetail
    return Scan(row_elements=rows, filtered=filtered)


def _scan_piece(
    data: bytes,
    dated: re.Pattern[bytes] | None,
    rows: int,
    last_row: int,
    widest: int,
    filtered: bool,
) -> tuple[int, int, int, bool]:
    """One piece of whole tags: rows, the last row's number, the widest column and whether a
    filter is set, added to the counts so far.

    Raises:
        NeedsDetail: the piece holds something only the detailed reader sees.
    """
    if (
        any(absent in data for absent in _ABSENT)
        or len(data.translate(None, _CONTROL)) != len(data)
        or _ODD_ROW.search(data)
        or _FORMULA.search(data)
        or _PREFIXED.search(data)
        or (b"&" in data and _ENTITY.search(data))
        or _NOT_A_NUMBER.search(data)
        or (b't="b"' in data and _ODD_BOOLEAN.search(data))
        or (dated is not None and dated.search(data))
    ):
        raise NeedsDetail
    rows += data.count(b"<row ")
    position = 0
    while (odd := _odd_cell(widest).search(data, position)) is not None:
        wider = _SINGLE_LETTER.match(data, odd.start())
        if wider is None:
            raise NeedsDetail  # no reference first, or a column beyond Z
        widest = ord(wider.group(1)) - ord("A") + 1
        position = odd.start()
    start = data.rfind(b'<row r="')
    if start >= 0 and (number := _ROW_NUMBER.match(data, start)) is not None:
        last_row = max(last_row, int(number.group(1)))
    return rows, last_row, widest, filtered or _FILTER in data


def _check_encoding(head: bytes) -> None:
    """Markup the scan can read: UTF-8 with or without its mark, declared so or not at all."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.lstrip().startswith(b"<"):
        raise NeedsDetail  # UTF-16, or not XML at all: the detailed reader reports it
    declared = _DECLARED.match(head)
    if declared is not None and declared.group(1).lower().replace(b"_", b"-") not in (
        b"utf-8",
        b"utf8",
    ):
        raise NeedsDetail


def _styled(styles: frozenset[int]) -> re.Pattern[bytes] | None:
    if not styles:
        return None
    numbers = b"|".join(str(style).encode() for style in sorted(styles))
    return re.compile(rb' s="(?:' + numbers + rb')"')


@cache
def _odd_cell(widest: int) -> re.Pattern[bytes]:
    """A cell tag that does not start with its reference in columns A to ``widest``: a cell
    without its reference, in a wider column, or beyond Z."""
    last = chr(ord("A") + widest - 1).encode()
    return re.compile(rb'<c(?=[\s>/])(?! r="[A-' + last + rb"]\d)")


def open_calamine(package: Path | io.BytesIO) -> CalamineWorkbook:
    """calamine's view of an already checked package (a protected file's stays in memory).

    Raises:
        NeedsDetail: calamine cannot open it; the detailed reader reports why.
    """
    try:
        if isinstance(package, Path):
            return CalamineWorkbook.from_path(str(package))
        return CalamineWorkbook.from_filelike(io.BytesIO(package.getbuffer()))
    except Exception:  # calamine raises its own types on whatever it cannot read
        raise NeedsDetail from None


def read(
    workbook: CalamineWorkbook, title: str, found: Scan
) -> tuple[list[tuple[int, dict[int, object]]], bool]:
    """The non-empty rows of the sheet ``title`` as the detailed reader gives them, read by
    calamine, and whether the sheet has a filter.

    Raises:
        NeedsDetail: a row is empty once trimmed, a value came back as a date, or calamine
            could not read the sheet.
    """
    try:
        sheet = workbook.get_sheet_by_name(title)
    except Exception:  # calamine raises its own types on whatever it cannot read
        raise NeedsDetail from None
    first_row, first_column = sheet.start or (0, 0)
    texts: dict[str, str] = {}  # one object per distinct text, as shared strings give
    rows: list[tuple[int, dict[int, object]]] = []
    for offset, values in enumerate(sheet.iter_rows()):
        cells: dict[int, object] = {}
        for place, value in enumerate(values, start=first_column + 1):
            if type(value) is str:
                if value and (text := value.strip()):
                    cells[place] = texts.setdefault(text, text)
            elif type(value) is float:
                # Excel stores 3 as "3", which the detailed reader reads as an int, and
                # 1e16 and above with an exponent, read as a float
                whole = value.is_integer() and -_EXPONENT_FROM < value < _EXPONENT_FROM
                cells[place] = int(value) if whole else value
            elif type(value) is bool or type(value) is int:
                cells[place] = value
            elif isinstance(value, date | time | timedelta):
                raise NeedsDetail
        if cells:
            rows.append((first_row + offset + 1, cells))
    if len(rows) != found.row_elements:
        raise NeedsDetail  # a row formatted but empty: the detailed reader counts it
    return rows, found.filtered
