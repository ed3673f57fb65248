"""Cell conversion: each kind accepts what a person types and explains what it refuses."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from crossteam.io.cells import (
    CellError,
    ExcelErrorValue,
    MissingFormulaResult,
    as_fraction,
    as_id,
    as_level,
    as_number,
    as_text,
    as_weight_or_hard,
    as_yes_no,
    convert,
)
from crossteam.io.schema import Kind
from crossteam.models import Settings
from crossteam.models.wording import describe_validation_error


@pytest.mark.parametrize(
    ("cell", "expected"), [(123, "123"), (123.0, "123"), (12.5, "12.5"), ("E-01", "E-01")]
)
def test_ids_are_text_without_a_trailing_zero(cell: object, expected: str) -> None:
    assert as_id(cell) == expected


@pytest.mark.parametrize("cell", [datetime(2027, 1, 2), date(2027, 1, 2), True])
def test_dates_and_booleans_are_not_ids(cell: object) -> None:
    with pytest.raises(CellError):
        as_id(cell)


def test_text_shows_dates_as_iso_dates() -> None:
    assert as_text(datetime(2027, 4, 1)) == "2027-04-01"
    assert as_text(datetime(2027, 4, 1, 9, 30)) == "2027-04-01 09:30:00"


def test_numbers_accept_numeric_and_full_width_text() -> None:
    assert as_number("12.5") == 12.5
    assert as_number("１２") == 12.0
    with pytest.raises(CellError, match='must be a number, not "twelve"'):
        as_number("twelve")
    with pytest.raises(CellError):
        as_number(True)
    with pytest.raises(CellError, match="reasonable size"):
        as_number(10**400)


@pytest.mark.parametrize(
    ("cell", "message"),
    [(0, "between 1 and 5"), (6, "between 1 and 5"), (2.5, "level from 1 to 5"), ("high", "level")],
)
def test_levels_are_whole_numbers_from_one_to_five(cell: object, message: str) -> None:
    assert as_level(4.0) == 4
    with pytest.raises(CellError, match=message):
        as_level(cell)


@pytest.mark.parametrize(("cell", "expected"), [(0.8, 0.8), ("80%", 0.8), ("０%", 0.0), (1, 1.0)])
def test_shares_accept_fractions_and_percentages(cell: object, expected: float) -> None:
    assert as_fraction(cell) == pytest.approx(expected)


@pytest.mark.parametrize("cell", [80, "120%", -0.1, "most"])
def test_shares_outside_zero_to_one_are_refused(cell: object) -> None:
    with pytest.raises(CellError):
        as_fraction(cell)


@pytest.mark.parametrize("cell", ["ＹＥＳ", "Yes", "t", 1.0])
def test_yes_in_its_forms(cell: object) -> None:
    assert as_yes_no(cell) is True


def test_yes_no_refuses_other_words() -> None:
    with pytest.raises(CellError, match="must be yes or no"):
        as_yes_no("maybe")
    with pytest.raises(CellError):
        as_yes_no(2)


def test_weight_or_hard() -> None:
    assert as_weight_or_hard("HARD") == "hard"
    assert as_weight_or_hard(2) == 2.0
    with pytest.raises(CellError):
        as_weight_or_hard(-1)


def test_maximums_name_the_bound_and_a_short_form_of_the_value() -> None:
    assert convert(Kind.INT, 1_000_000, minimum=1, maximum=1_000_000) == 1_000_000
    with pytest.raises(CellError, match=r"^must be at most 1,000,000, not 1,000,001$"):
        convert(Kind.INT, 1_000_001, minimum=1, maximum=1_000_000)
    with pytest.raises(CellError, match=r"^must be at most 1,000,000, not 1e\+19$"):
        convert(Kind.INT, 1e19, maximum=1_000_000)
    with pytest.raises(CellError, match="at most 1,000,000, not 1e"):
        convert(Kind.WEIGHT_OR_HARD, 1e308, maximum=1e6)
    assert convert(Kind.WEIGHT_OR_HARD, "hard", maximum=1e6) == "hard"


@pytest.mark.parametrize("cell", [float("inf"), float("-inf"), float("nan"), "inf", "NaN", "1e400"])
def test_no_number_is_infinite_or_not_a_number(cell: object) -> None:
    for kind in (Kind.NUMBER, Kind.INT, Kind.FRACTION, Kind.WEIGHT_OR_HARD):
        with pytest.raises(CellError):
            convert(kind, cell)


def test_minimums_inclusive_and_strict() -> None:
    assert convert(Kind.INT, 0, minimum=0) == 0
    with pytest.raises(CellError, match="at least 1"):
        convert(Kind.INT, 0, minimum=1)
    with pytest.raises(CellError, match="more than 0"):
        convert(Kind.NUMBER, 0, minimum=0, strict=True)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (MissingFormulaResult(), "without a saved result"),
        (ExcelErrorValue("#N/A"), "#N/A"),
        ("x" * 10_001, "at most 10,000"),
    ],
)
def test_no_kind_accepts_unsaved_formulas_excel_errors_or_huge_text(
    cell: object, message: str
) -> None:
    for kind in Kind:
        with pytest.raises(CellError, match=message):
            convert(kind, cell)


def test_pydantic_messages_are_put_in_plain_words() -> None:
    with pytest.raises(ValidationError) as invalid:
        Settings(time_limit_seconds=0, default_min_on_site=2, workers=1.5)  # type: ignore[arg-type]
    messages = {str(e["loc"][0]): describe_validation_error(e) for e in invalid.value.errors()}
    assert messages == {
        "time_limit_seconds": "must be more than 0",
        "default_min_on_site": "must be at most 1",
        "workers": "must be a whole number",
    }


def test_settings_out_of_their_range_are_put_in_plain_words() -> None:
    with pytest.raises(ValidationError) as invalid:
        Settings(random_seed=2**31, weight_bridging=float("inf"), time_limit_seconds=1e9)
    messages = {str(e["loc"][0]): describe_validation_error(e) for e in invalid.value.errors()}
    assert messages == {
        "random_seed": "must be at most 2,147,483,647",
        "weight_bridging": "must be a finite number",
        "time_limit_seconds": "must be at most 604,800",
    }
