"""Counts in words: the noun agrees with the number, and large numbers are grouped."""

from __future__ import annotations

import pytest

from crossteam import i18n
from crossteam.i18n import counted


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 warnings"), (1, "1 warning"), (2, "2 warnings"), (12_345, "12,345 warnings")],
)
def test_a_count_takes_the_singular_only_for_one(count: int, expected: str) -> None:
    assert counted(count, "warning") == expected


def test_an_irregular_plural_is_given() -> None:
    assert counted(1, "person") == "1 person"
    assert counted(3, "person") == "3 people"


def test_japanese_counts_with_its_counter_and_no_plural() -> None:
    with i18n.using(i18n.Language.JA):
        assert counted(1, "person") == "1名"
        assert counted(1_200, "person") == "1,200名"
        assert counted(3, "warning") == "警告3件"
