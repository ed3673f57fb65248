"""Counts in words: the noun agrees with the number, and large numbers are grouped."""

from __future__ import annotations

import pytest

from crossteam.models.wording import counted


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 warnings"), (1, "1 warning"), (2, "2 warnings"), (12_345, "12,345 warnings")],
)
def test_a_count_takes_the_singular_only_for_one(count: int, expected: str) -> None:
    assert counted(count, "warning") == expected


def test_an_irregular_plural_is_given() -> None:
    assert counted(1, "person", "people") == "1 person"
    assert counted(3, "person", "people") == "3 people"
    assert counted(1, "person is", "people are") == "1 person is"
