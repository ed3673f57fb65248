"""The tables tie sources come in: a CSV as exporting tools write it, or one sheet of an .xlsx,
read row by row with its headers matched as the workbook reader matches them.

A CSV is UTF-8 (with or without a BOM), UTF-16 with a BOM (Excel's "Unicode text") or, when
UTF-8 fails, cp932 (Shift_JIS as Japanese Excel saves it); its delimiter (comma, semicolon
or tab) is sniffed by the ``csv`` module, which also reads quoted fields with embedded line
breaks. Rows stream: only the columns a source declares are kept from each record, so a
subject or body column never leaves the parser. Cell problems are collected as located
``Problem``s (the file as sheet, the line where the record starts as row, the header as
written as column) and raised together as one ``InputError``.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import getaddresses, parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Final, TypeVar

from crossteam import i18n
from crossteam.errors import InputError, UnreadableFileError
from crossteam.io.cells import CellError, as_id, as_number, as_text
from crossteam.io.labels import quoted
from crossteam.io.safety import open_workbook
from crossteam.io.schema import match_key
from crossteam.models.people import address_key
from crossteam.models.planning_input import EmployeeId
from crossteam.models.problems import Problem
from crossteam.models.text import clean, shown
from crossteam.models.ties import SourceReport

MAX_TABLE_BYTES: Final = 2 << 30
"""A source table larger than 2 GiB is refused: a year's message trace of a 5,000-person
company stays far below, and nothing crossteam reads needs more."""
MAX_FIELD: Final = 16 << 20
"""Longest field the parser accepts (16 MiB): a body column of a mail export may be long,
and it is parsed (never kept) before the next field is read."""
MAX_PROBLEMS: Final = 100
"""Reading stops after this many located problems: a file with more is mis-shaped as a whole."""
SAMPLE_BYTES: Final = 64 << 10
DELIMITERS: Final = ",;\t"
_ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")

_Value = TypeVar("_Value")

# The csv module's limit is per process; raising it once lets a long body field be parsed
# and dropped instead of failing the row.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD))


@dataclass(frozen=True)
class Column:
    """A column a source reads: its name (as the exporting tool spells it) and aliases,
    matched like the workbook's headers (``schema.match_key``)."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(match_key(n) for n in (self.name, *self.aliases))


@dataclass(frozen=True)
class Row:
    """One record: where it starts (``number``: the file's line, or the sheet's row) and the
    non-blank cells of the declared columns, by column name."""

    number: int
    values: Mapping[str, object]

    def get(self, column: Column) -> object | None:
        return self.values.get(column.name)

    @property
    def written(self) -> tuple[object, ...]:
        """The row's declared cells as written, column by column (what makes it a repeat)."""
        return tuple(item for pair in sorted(self.values.items()) for item in pair)


def matched_headers(columns: tuple[Column, ...], headers: list[str]) -> dict[str, int]:
    """Column name -> position of its header (the first header matching it)."""
    found: dict[str, int] = {}
    for position, header in enumerate(headers):
        key = match_key(header)
        for column in columns:
            if column.name not in found and key in column.keys:
                found[column.name] = position
                break
    return found


def has_columns(columns: tuple[Column, ...], headers: list[str]) -> bool:
    """True when every required column of ``columns`` is among ``headers``."""
    found = matched_headers(columns, headers)
    return all(c.name in found for c in columns if c.required)


@dataclass
class Problems:
    """The located problems of one source file, raised together (at most ``MAX_PROBLEMS``)."""

    file: str
    headers: dict[str, str] = field(default_factory=dict)
    """Column name -> its header as written in the file."""
    found: list[Problem] = field(default_factory=list)

    def add(self, row: int | None, column: Column | None, message: str) -> None:
        header = None if column is None else self.headers.get(column.name, column.name)
        self.found.append(Problem(sheet=self.file, row=row, column=header, message=message))
        if len(self.found) >= MAX_PROBLEMS:
            stop = i18n.t("ties_tables.too_many_problems", most=MAX_PROBLEMS)
            raise InputError([*self.found, Problem(sheet=self.file, message=stop)])

    def raise_any(self) -> None:
        if self.found:
            raise InputError(self.found)


class BadRow(Exception):
    """A row left out because a cell is wrong; its problem is already noted."""


@dataclass
class Table:
    """An opened source table: its header row, the headers found, and its records."""

    file: str
    header_row: int
    positions: dict[str, int]
    problems: Problems
    records: Iterator[tuple[int, list[object]]]

    def has(self, column: Column) -> bool:
        return column.name in self.positions

    def cell(
        self,
        row: Row,
        column: Column,
        read: Callable[[object], _Value],
        required: bool = False,
    ) -> _Value | None:
        """``row``'s cell of ``column`` read by ``read`` (``None`` when blank).

        Raises:
            BadRow: the cell is wrong, or blank and ``required`` (the problem is noted).
        """
        value = row.get(column)
        if value is None:
            if required:
                self.problems.add(row.number, column, i18n.t("reader.blank_required"))
                raise BadRow
            return None
        try:
            return read(value)
        except CellError as error:
            self.problems.add(row.number, column, error.message)
            raise BadRow from None

    def rows(self) -> Iterator[Row]:
        """The records that hold a value in some declared column, declared columns only."""
        for number, cells in self.records:
            values: dict[str, object] = {}
            for name, position in self.positions.items():
                value = cells[position] if position < len(cells) else None
                if isinstance(value, str):
                    value = value.strip()
                if value is not None and value != "":
                    values[name] = value
            if values:
                yield Row(number, values)


@contextmanager
def open_table(
    path: Path, columns: tuple[Column, ...], sheet: tuple[str, ...] = ()
) -> Iterator[Table]:
    """Open ``path`` (a CSV, or the sheet named ``sheet`` of an .xlsx) for ``columns``.

    Raises:
        InputError: a required column is missing (located at the header row).
        UnreadableFileError: the file is missing, too large, binary or damaged.
    """
    check_file(path)
    if is_workbook(path):
        if not sheet:
            raise UnreadableFileError(i18n.t("ties_tables.file.workbook", name=path.name))
        with open_workbook(path) as workbook:
            title = find_sheet(workbook.titles, sheet)
            if title is None:
                raise UnreadableFileError(
                    i18n.t("ties_tables.file.no_sheet", name=path.name, sheet=sheet[0])
                )
            content = workbook.read_sheet(title)
            records = ((n, _as_list(cells)) for n, cells in content.rows)
            yield _table(f"{path.name}!{title}", columns, records)
        return
    with _text(path) as handle:
        yield _table(path.name, columns, _csv_records(path, handle))


def find_sheet(titles: list[str], names: tuple[str, ...]) -> str | None:
    keys = {match_key(n) for n in names}
    return next((t for t in titles if match_key(t) in keys), None)


def _as_list(cells: dict[int, object]) -> list[object]:
    width = max(cells, default=0)
    return [cells.get(c) for c in range(1, width + 1)]


def _table(
    file: str, columns: tuple[Column, ...], records: Iterator[tuple[int, list[object]]]
) -> Table:
    problems = Problems(file)
    first = next(records, None)
    if first is None:
        raise UnreadableFileError(i18n.t("ties_tables.file.no_rows", name=file))
    header_row, cells = first
    headers = [clean(as_text(c)).lstrip("\ufeff") if c is not None else "" for c in cells]
    positions = matched_headers(columns, headers)
    problems.headers = {name: headers[p] for name, p in positions.items()}
    for column in columns:
        if column.required and column.name not in positions:
            problems.add(header_row, None, i18n.t("reader.column_missing", column=column.name))
    problems.raise_any()
    return Table(file, header_row, positions, problems, records)


def check_file(path: Path) -> None:
    """Refuse what is not a file, an empty file and one above ``MAX_TABLE_BYTES``."""
    if path.is_dir():
        raise UnreadableFileError(i18n.t("ties_tables.file.folder", name=path.name))
    if not path.is_file():
        raise UnreadableFileError(i18n.t("reader.file.missing", name=path.name))
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFileError(i18n.t("ties_tables.file.empty", name=path.name))
    if size > MAX_TABLE_BYTES:
        raise UnreadableFileError(
            i18n.t(
                "ties_tables.file.too_large",
                name=path.name,
                size=size / (1 << 30),
                most=MAX_TABLE_BYTES >> 30,
            )
        )


def head(path: Path, size: int = SAMPLE_BYTES) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def is_workbook(path: Path) -> bool:
    return head(path, 4).startswith(_ZIP_MAGIC)


def encoding_of(path: Path) -> str:
    """The encoding a CSV was saved in (UTF-8, UTF-16 with a BOM, else cp932).

    Raises:
        UnreadableFileError: binary content, or text in none of these encodings.
    """
    sample = head(path)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        raise UnreadableFileError(i18n.t("ties_tables.file.binary", name=path.name))
    whole = len(sample) < SAMPLE_BYTES
    for encoding in ("utf-8", "cp932"):
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=whole)
        except UnicodeDecodeError:
            continue
        if any(unicodedata.category(c) == "Cc" and c not in "\t\r\n" for c in text):
            raise UnreadableFileError(i18n.t("ties_tables.file.binary", name=path.name))
        return encoding
    raise UnreadableFileError(i18n.t("ties_tables.file.encoding", name=path.name))


@contextmanager
def _text(path: Path) -> Iterator[IO[str]]:
    encoding = encoding_of(path)
    with open(path, encoding=encoding, newline="") as handle:
        yield handle


def _delimiter(sample: str) -> str:
    """The delimiter the ``csv`` module sniffs in ``sample``, unless it leaves the header
    as one field while another candidate splits it (the sniffer errs on short files)."""
    sample = sample[: sample.rfind("\n") + 1] or sample
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ","

    def width(delimiter: str) -> int:
        return len(next(csv.reader(io.StringIO(sample), delimiter=delimiter), []))

    if width(sniffed) > 1:
        return sniffed
    return max(DELIMITERS, key=width)


def _csv_records(path: Path, handle: IO[str]) -> Iterator[tuple[int, list[object]]]:
    """Each record with the line it starts on; a blank line is no record."""
    line = 0
    try:
        sample = handle.read(SAMPLE_BYTES)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=_delimiter(sample), strict=True)
        for cells in reader:
            start, line = line + 1, reader.line_num
            if any(c.strip() for c in cells):
                yield start, list(cells)
    except (csv.Error, UnicodeDecodeError):
        raise UnreadableFileError(
            i18n.t("ties_tables.file.damaged", name=path.name, row=line + 1)
        ) from None


def first_record(path: Path) -> list[str]:
    """The header record of a CSV (``kind_of`` recognises a source by it)."""
    with _text(path) as handle:
        first = next(_csv_records(path, handle), None)
    return [] if first is None else [clean(as_text(c)).lstrip("\ufeff") for c in first[1]]


# ---- cells ----------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.\-年](\d{1,2})[/.\-月](\d{1,4})日?(?:$|[\sT])")


def as_day(value: object) -> date:
    """A date cell: ISO 8601 (``2024-04-01``, ``2024-04-01T09:30:00+09:00``, ``...Z``),
    ``M/D/YYYY`` as US-English tools write it (read day-first only when the first number
    cannot be a month), ``YYYY/M/D`` and ``2024年4月1日``, with any time after it, or an
    RFC 2822 date (``Mon, 01 Apr 2024 09:30:00 +0900``). The day is the date as written,
    in the time zone the file gives.

    Raises:
        CellError: anything else.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean(as_text(value))
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    found = _NUMERIC_DATE.match(text)
    try:
        if found is not None:
            return _numeric_date(*found.groups())
        return parsedate_to_datetime(text).date()
    except (ValueError, TypeError, IndexError):
        raise CellError(i18n.t("ties_tables.cell.date", value=_quoted(text))) from None


def _numeric_date(first: str, second: str, third: str) -> date:
    if len(first) == 4:
        return date(int(first), int(second), int(third))
    if len(third) != 4:
        raise ValueError(third)
    month, day = int(first), int(second)
    if month > 12:  # only day-first can be meant
        month, day = day, month
    return date(int(third), month, day)


def as_weight(value: object) -> float:
    """A weight cell: a number of at least 0.

    Raises:
        CellError: not a number, or below 0.
    """
    number = as_number(value)
    if number < 0:
        raise CellError(i18n.t("reader.validation.at_least", ge=0))
    return number


def as_person(value: object) -> str:
    """An id, address or name cell as compared (``text.clean``)."""
    return clean(as_id(value))


_PLAIN_ADDRESS: Final = re.compile(
    r"(?:mailto:)?([^\s<>()\[\]\\,;:\"@]+@[^\s<>()\[\]\\,;:\"@]+)", re.I
)


def addresses(cell: str) -> list[str]:
    """The distinct addresses of a recipients cell as ``address_key``s: separated by ``;`` or
    ``,``, in ``Name <a@b>`` form or bare; a display name's own comma (``Sato, Hana
    <hana@example.com>``) is no address; a message trace's ``a@b##Receive, Deliver`` status
    suffix is dropped."""
    cell = re.sub(r"##[^;]*", "", cell)
    tokens = [t.strip() for t in re.split(r"[;,]", cell) if t.strip()]
    plain = [_PLAIN_ADDRESS.fullmatch(t) for t in tokens]
    if all(plain):  # the common case, without the slower RFC 5322 parser
        return list(dict.fromkeys(m.group(1).casefold() for m in plain if m))
    return list(_parsed_addresses(cell))


@lru_cache(maxsize=1 << 14)
def _parsed_addresses(cell: str) -> tuple[str, ...]:
    """``addresses`` of a cell with display names, by the standard library's parser (logs
    repeat the same few cells, hence the cache)."""
    pairs = getaddresses([cell.replace(";", ",")])
    keys = [address_key(address) for _, address in pairs if "@" in address]
    return tuple(dict.fromkeys(k for k in keys if k))


def _quoted(text: str) -> str:
    text = shown(text)
    return quoted(f"{text[:40]}…" if len(text) > 40 else text, mark='"')


# ---- what each reader tallies -------------------------------------------------------


class Seen:
    """Rows already read, as 8-byte digests of their read cells: an exact repeat of a row
    (a doubled export line) says nothing new and is skipped."""

    def __init__(self) -> None:
        self._digests: set[bytes] = set()

    def again(self, *parts: object) -> bool:
        digest = hashlib.blake2b(
            "\x1f".join(str(p).casefold() for p in parts).encode(), digest_size=8
        ).digest()
        if digest in self._digests:
            return True
        self._digests.add(digest)
        return False


def tally(report: SourceReport, written: str, employee: EmployeeId | None) -> EmployeeId | None:
    """Count one person a row names as matched or not (unmatched as written, case-folded)."""
    if employee is None:
        report.unmatched[written.casefold()] += 1
    else:
        report.matched.add(employee)
    return employee
