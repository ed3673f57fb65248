"""Words in the current language, from the catalogue: ``t`` for messages, ``counted``
for counts, ``name`` for sheet names, headers and dropdown values, ``day`` for dates in
prose, ``width`` for how wide text shows in a cell."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import date

from crossteam.i18n.catalogue import MESSAGES, NAMES, NOUNS
from crossteam.i18n.language import Language, current


def t(key: str, /, **fields: object) -> str:
    """The message ``key`` in the current language, its fields filled in.

    Raises:
        KeyError: no such message (the catalogue test finds every key used in the code).
    """
    return MESSAGES[key].of(current()).format(**fields)


def counted(count: int, noun: str) -> str:
    """``count`` with the noun ``noun`` of the catalogue: "1 team", "1,200 teams", "3チーム"."""
    entry = NOUNS[noun]
    if current() is Language.JA:
        return entry.ja.format(n=f"{count:,}")
    if count == 1:
        return f"1 {entry.en}"
    return f"{count:,} {entry.en_plural if entry.en_plural is not None else entry.en + 's'}"


def name(canonical: str) -> str:
    """How a sheet, a column or a dropdown value named ``canonical`` (its English, contract
    name) is shown in the current language.

    Raises:
        KeyError: in Japanese, a name the catalogue lacks (the catalogue test covers the
            names of every sheet crossteam writes).
    """
    return NAMES[canonical] if current() is Language.JA else canonical


def names(canonical: str) -> tuple[str, ...]:
    """Every spelling crossteam writes for ``canonical``, English first: what a reader of
    crossteam's own workbooks accepts."""
    japanese = NAMES.get(canonical)
    return (canonical,) if japanese is None else (canonical, japanese)


def canonical(shown: str, among: Iterable[str]) -> str | None:
    """The name of ``among`` that ``shown`` spells in either language, or ``None``."""
    text = unicodedata.normalize("NFKC", shown).strip().casefold()
    for candidate in among:
        if any(unicodedata.normalize("NFKC", s).casefold() == text for s in names(candidate)):
            return candidate
    return None


def day(value: date) -> str:
    """A date in prose: 2026-12-03 in English, 2026年12月3日 in Japanese."""
    if current() is Language.JA:
        return f"{value.year}年{value.month}月{value.day}日"
    return value.isoformat()


def listed(items: Iterable[str]) -> str:
    """Items one after another: "a, b, c" in English, "a、b、c" in Japanese."""
    return ("、" if current() is Language.JA else ", ").join(items)


def width(text: str) -> int:
    """How many columns ``text`` takes in a cell: East Asian wide and full-width
    characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
