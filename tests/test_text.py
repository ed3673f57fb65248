"""The one text normalisation: what two cells must share to name one thing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crossteam.io import schema
from crossteam.models.text import (
    LOOK_ALIKES,
    clean,
    fold,
    how_alike,
    look_alike_letters,
    shown,
    written,
)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("E001\u200b", "E001"),  # zero-width space
        ("\ufeffE001", "E001"),  # BOM
        ("E\u2060001", "E001"),  # word joiner
        ("Sa\u00adles", "Sales"),  # soft hyphen
        ("Sales\ufe0f", "Sales"),  # variation selector
        (unicodedata.normalize("NFD", "Café"), "Café"),
        ("ｾｰﾙｽ", "セールス"),  # half-width katakana
        ("Ｅ００１", "E001"),  # full-width letters and digits
        ("  Customer \t\u3000 Support\u00a0 ", "Customer Support"),
        ("Customer\nSupport", "Customer Support"),
    ],
)
def test_clean_makes_spellings_a_reader_cannot_tell_apart_one(typed: str, meant: str) -> None:
    assert clean(typed) == meant


def test_a_cell_of_invisible_characters_only_is_empty() -> None:
    assert clean("\u200b\ufeff \u2060") == ""


def test_clean_keeps_what_a_reader_can_see() -> None:
    for text in ("Sales", "sales", "Е001", "営業部", "Dév", "R&D / QA"):
        assert clean(text) == text


@given(st.text())
def test_clean_is_idempotent_and_leaves_no_invisible_character(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    assert not any(unicodedata.category(c) == "Cf" for c in once)
    assert once == once.strip()
    assert "  " not in once


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
def test_the_shortcut_agrees_with_the_full_normalisation(text: str) -> None:
    # the full path, forced by a character the shortcut does not take
    assert clean(text) == clean(text + "\u200b")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sales", "sales"),
        ("E001", "\u0415001"),  # Cyrillic capital IE
        ("Osaka", "\u041eSAKA"),  # Cyrillic capital O, and case
        ("Tokyo", "T\u03bfkyo"),  # Greek small omicron
        ("2027-Q1", "2027-q1"),
    ],
)
def test_fold_joins_case_and_look_alike_letters(first: str, second: str) -> None:
    assert clean(first) != clean(second)
    assert fold(first) == fold(second)


def test_fold_keeps_different_names_apart() -> None:
    assert fold("Sales") != fold("Sale")
    assert fold("E001") != fold("E002")
    assert fold("Ёлка") != fold("Елка")  # Ё is no look-alike of Е


def test_look_alike_table_maps_folded_letters_to_latin_ones() -> None:
    for letter, latin in LOOK_ALIKES.items():
        assert letter.casefold() == letter, letter
        assert unicodedata.name(letter).startswith(("CYRILLIC", "GREEK")), letter
        assert latin.isascii() and latin.islower() and len(latin) == 1, letter


def test_look_alike_letters_names_each_once_and_nothing_else() -> None:
    assert look_alike_letters("рeriрod") == "CYRILLIC SMALL LETTER ER"  # twice, named once
    assert (
        look_alike_letters("Ѕettinοs") == "CYRILLIC CAPITAL LETTER DZE, GREEK SMALL LETTER OMICRON"
    )
    assert look_alike_letters("Ｐｅｒｉｏｄ\u200b") == ""  # full width and invisible: clean


def test_how_alike_names_the_letters_that_differ() -> None:
    assert how_alike("Sales", "sales") == "only in upper/lower case"
    text = how_alike("\u0415001", "E001")
    assert "CYRILLIC CAPITAL LETTER IE" in text
    assert "LATIN CAPITAL LETTER E" in text


def test_shown_escapes_invisible_characters_only() -> None:
    assert shown("E001\u200b") == "E001\\u200b"
    assert shown("\ufeffE001") == "\\ufeffE001"
    assert shown("営業 部") == "営業 部"


def test_written_shows_the_cell_as_typed_and_as_read() -> None:
    assert written("E001", "E001") == "E001"
    assert written("E001\u200b", "E001") == "E001\\u200b (read as E001)"
    assert written("Ｅ００１", "E001") == "Ｅ００１ (read as E001)"
    assert written(unicodedata.normalize("NFD", "É1"), "É1") == "E\\u03011 (read as É1)"


def test_headers_and_sheet_names_match_through_the_same_normalisation() -> None:
    assert schema.match_key("Employee\u200b ID") == schema.match_key("employee_id")
    assert schema.normalise("ｽｷﾙ") == schema.normalise("スキル")
