"""The message catalogue is complete in both languages, and the code speaks through it."""

from __future__ import annotations

import string

import i18n_scan
import pytest

from crossteam import i18n
from crossteam.i18n.catalogue import MESSAGES, NAMES, NOUNS


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}


def _says_something(text: str) -> bool:
    """True when ``text`` holds words, not only fields, figures and punctuation."""
    bare = string.Formatter()
    return any(literal.strip(" .,:;()!?-+/%0123456789") for literal, *_ in bare.parse(text))


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_is_given_in_both_languages_with_the_same_fields(key: str) -> None:
    entry = MESSAGES[key]
    assert entry.en.strip() and entry.ja.strip(), key
    assert _fields(entry.en) == _fields(entry.ja), key
    if _says_something(entry.ja) and entry.ja != entry.en:
        assert i18n.is_japanese(entry.ja), f"{key}: {entry.ja!r} is not Japanese"


def test_every_noun_counts_in_both_languages() -> None:
    for key, noun in NOUNS.items():
        assert noun.en.strip(), key
        assert "{n}" in noun.ja and i18n.is_japanese(noun.ja), key


def test_every_name_is_spelled_in_japanese() -> None:
    for english, japanese in NAMES.items():
        assert i18n.is_japanese(japanese), english


def test_every_key_the_code_uses_is_in_the_catalogue_and_every_entry_is_used() -> None:
    literal, prefixes, by_function = i18n_scan.used_keys()
    assert sorted(literal - MESSAGES.keys()) == []
    assert sorted(by_function["counted"] - NOUNS.keys()) == []
    assert sorted(by_function["name"] - NAMES.keys()) == []
    unused = [
        key
        for key in MESSAGES
        if key not in literal and not any(key.startswith(p) for p in prefixes)
    ]
    assert unused == []
    assert sorted(NOUNS.keys() - by_function["counted"]) == []


def test_a_missing_key_is_an_error_not_a_blank() -> None:
    with pytest.raises(KeyError):
        i18n.t("no.such.key")
    with i18n.using(i18n.Language.JA), pytest.raises(KeyError):
        i18n.name("No Such Sheet")


def test_no_phrase_is_built_outside_the_catalogue() -> None:
    found = [
        f"{path.name}:{line}: {text!r}"
        for path in i18n_scan.package_files()
        for line, text in i18n_scan.phrases(path)
    ]
    assert found == []
