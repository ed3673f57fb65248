"""Turning one spreadsheet cell into a typed value, with a plain message when it cannot.

Every function takes a cell value as openpyxl gives it (text already stripped, never
blank) and returns the typed value or raises ``CellError`` whose message an HR planner
can act on. They are plain checks, not pydantic models: the reader calls them hundreds
of thousands of times on a large workbook.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final, Literal

from crossteam import i18n
from crossteam.io.labels import label, quoted
from crossteam.io.schema import NO, YES, Kind
from crossteam.models import MAX_LEVEL, MIN_LEVEL
from crossteam.models.text import clean, shown
from crossteam.models.wording import bound_text

MAX_TEXT_LENGTH: Final = 10_000
"""Longer cells are refused: no planning value needs them and they slow every step."""

HARD: Final = "hard"


class CellError(ValueError):
    """A cell value that cannot be read as its column requires; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ExcelErrorValue:
    """A cell showing an Excel error such as ``#N/A`` or ``#DIV/0!``."""

    code: str


@dataclass(frozen=True)
class MissingFormulaResult:
    """A formula cell saved without its result (written by a program, never opened in Excel)."""


@dataclass(frozen=True)
class UnreadableNumber:
    """A number cell whose stored value reads as no number (``<v>12abc</v>``): no spreadsheet
    writes one, a program may."""


def check_raw(value: object) -> None:
    """Refuse values no column accepts: Excel errors, unsaved formulas, stored numbers that
    are no number, huge texts."""
    if isinstance(value, MissingFormulaResult):
        raise CellError(i18n.t("reader.cell.formula_unsaved"))
    if isinstance(value, UnreadableNumber):
        # not quoted: the column may be personal (a salary)
        raise CellError(i18n.t("reader.cell.stored_no_number"))
    if isinstance(value, ExcelErrorValue):
        raise CellError(i18n.t("reader.cell.excel_error", code=value.code))
    if isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
        raise CellError(i18n.t("reader.cell.too_long", length=len(value), most=MAX_TEXT_LENGTH))


def _is_date(value: object) -> bool:
    return isinstance(value, date | time | timedelta)


def _number_text(value: float) -> str:
    """123.0 -> "123": Excel stores every number as a float."""
    return str(int(value)) if value.is_integer() else repr(value)


def as_text(value: object) -> str:
    """Any cell as text: numbers without a trailing ".0", dates as ISO dates."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def as_id(value: object) -> str:
    """An id: text kept exactly, numbers as text; a date means Excel reformatted the id."""
    if _is_date(value):
        raise CellError(i18n.t("reader.cell.id_is_date"))
    if isinstance(value, bool):
        raise CellError(i18n.t("reader.cell.id_is_boolean"))
    return as_text(value)


def as_number(value: object) -> float:
    """A finite number; numeric text such as "12" or "１２" is accepted."""
    if isinstance(value, bool) or _is_date(value):
        raise CellError(i18n.t("reader.cell.number"))
    try:
        number = (
            float(value)
            if isinstance(value, int | float)
            else float(unicodedata.normalize("NFKC", str(value)))
        )
    except ValueError:
        raise CellError(i18n.t("reader.cell.number_not", value=_quoted(value))) from None
    except OverflowError:  # an integer of hundreds of digits
        raise CellError(i18n.t("reader.cell.number_too_large")) from None
    if not math.isfinite(number):
        raise CellError(i18n.t("reader.cell.number"))
    return number


def as_int(value: object) -> int:
    try:
        number = as_number(value)
    except CellError:
        raise CellError(i18n.t("reader.cell.whole_number_not", value=_quoted(value))) from None
    if not number.is_integer():
        raise CellError(i18n.t("reader.cell.whole_number_not", value=_quoted(value)))
    return int(number)


def as_level(value: object) -> int:
    """A skill level, a whole number from 1 to 5."""
    try:
        level = as_int(value)
    except CellError:
        raise CellError(
            i18n.t("reader.cell.level_not", low=MIN_LEVEL, high=MAX_LEVEL, value=_quoted(value))
        ) from None
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        raise CellError(
            i18n.t("reader.cell.level_range", low=MIN_LEVEL, high=MAX_LEVEL, value=level)
        )
    return level


def as_fraction(value: object) -> float:
    """A share from 0 to 1, written 0.8 or "80%" (a percent-formatted cell holds 0.8)."""
    text = unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else None
    try:
        share = as_number(text[:-1]) / 100 if text and text.endswith("%") else as_number(value)
    except CellError:
        raise CellError(i18n.t("reader.cell.share_not", value=_quoted(value))) from None
    if not 0 <= share <= 1:
        raise CellError(i18n.t("reader.cell.share_range", value=as_text(value)))
    return share


def as_yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = clean(as_text(value)).casefold()
    if word in YES:
        return True
    if word in NO:
        return False
    raise CellError(i18n.t("reader.cell.yes_no_not", value=_quoted(value)))


def as_weight_or_hard(value: object) -> float | Literal["hard"]:
    """A soft weight (a number, 0 or more) or the word ``hard``."""
    if isinstance(value, str) and i18n.canonical(clean(value), among=(HARD,)) == HARD:
        return HARD
    try:
        weight = as_number(value)
    except CellError:
        raise CellError(
            i18n.t("reader.cell.weight_or_hard_not", hard=label(HARD), value=_quoted(value))
        ) from None
    if weight < 0:
        raise CellError(i18n.t("reader.cell.weight_negative", hard=label(HARD)))
    return weight


CONVERTERS: Final[dict[Kind, Callable[[object], object]]] = {
    Kind.ID: as_id,
    Kind.TEXT: as_text,
    Kind.INT: as_int,
    Kind.NUMBER: as_number,
    Kind.FRACTION: as_fraction,
    Kind.YES_NO: as_yes_no,
    Kind.LEVEL: as_level,
    Kind.WEIGHT_OR_HARD: as_weight_or_hard,
}


_TEXT_KINDS: Final = frozenset({Kind.ID, Kind.TEXT})


def convert(
    kind: Kind,
    value: object,
    minimum: float | None = None,
    strict: bool = False,
    maximum: float | None = None,
) -> object:
    """Read ``value`` as ``kind``; numbers are also held to ``minimum`` (exclusive if strict)
    and to ``maximum``.

    Text and ids come back through ``text.clean``, so they may be empty: a cell holding
    only invisible characters.
    """
    if type(value) is str and kind in _TEXT_KINDS and len(value) <= MAX_TEXT_LENGTH:
        return clean(value)  # the common case of a large workbook, kept cheap
    check_raw(value)
    result = CONVERTERS[kind](value)
    if kind in _TEXT_KINDS and isinstance(result, str):
        return clean(result)
    if isinstance(result, int | float) and not isinstance(result, bool):
        if minimum is not None and strict and not result > minimum:
            raise CellError(i18n.t("reader.validation.greater_than", gt=bound_text(minimum)))
        if minimum is not None and not strict and result < minimum:
            raise CellError(i18n.t("reader.validation.at_least", ge=bound_text(minimum)))
        if maximum is not None and result > maximum:
            raise CellError(
                i18n.t("reader.cell.at_most_not", le=bound_text(maximum), value=_size_text(result))
            )
    return result


def _size_text(number: float) -> str:
    """A number out of range, short however many digits it has (1e19, not 20 digits)."""
    return f"{number:,}" if abs(number) < 1e15 else f"{float(number):.3g}"


def _quoted(value: object) -> str:
    text = shown(as_text(value))
    return quoted(f"{text[:40]}…" if len(text) > 40 else text, mark='"')
