"""One text normalisation for every name crossteam compares, and its look-alike check.

``clean`` is what a cell's text means: ids, departments, teams, periods, skills,
attribute values, rule kinds, modes, decisions, settings, headers and sheet names all
go through it, so two spellings a reader cannot tell apart name one thing. ``fold``
goes further, for warnings only: spellings equal after ``fold`` but not after ``clean``
differ in case or in look-alike letters, which a person may or may not have meant.
``shown`` makes invisible characters visible in messages.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from crossteam import i18n

_IGNORABLE: Final = frozenset(
    "\u034f"  # combining grapheme joiner
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers: blank, yet letters
    "\u17b4\u17b5"  # Khmer inherent vowels, never shown
    "\u180b\u180c\u180d\u180f"  # Mongolian variation selectors
    "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07"  # variation selectors
    "\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f"
)
"""Invisible characters outside category Cf (Unicode's other default-ignorable ones)."""

LOOK_ALIKES: Final = {
    # Cyrillic, after case folding (А В Е К М Н О Р С Т Х and а е о р с у х look Latin)
    "а": "a",
    "в": "b",
    "е": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ј": "j",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "һ": "h",
    "ӏ": "i",
    # Greek, after case folding (Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ and α ο look Latin)
    "α": "a",
    "β": "b",
    "ε": "e",
    "ζ": "z",
    "η": "h",
    "ι": "i",
    "κ": "k",
    "μ": "m",
    "ν": "n",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "y",
    "χ": "x",
}
"""The common Cyrillic and Greek letters that look like Latin ones, as ``fold`` maps them
(lower case: ``fold`` case-folds first). Not Unicode's full confusables list: the letters
that keyboards with a Cyrillic or Greek layout put where a Latin one was meant."""

_FOLD_TABLE: Final = str.maketrans(LOOK_ALIKES)


def _invisible(character: str) -> bool:
    category = unicodedata.category(character)
    return (
        category == "Cf"
        or (category == "Cc" and not character.isspace())
        or character in _IGNORABLE
    )


def _settled(text: str) -> bool:
    """Printable text that ``clean`` would only trim: already NFKC, nothing ignorable."""
    return unicodedata.is_normalized("NFKC", text) and _IGNORABLE.isdisjoint(text)


def clean(text: str) -> str:
    """The text as crossteam reads a name: what two cells must share to name one thing.

    Invisible and format characters (Unicode category Cf, such as the zero-width space
    U+200B, the BOM U+FEFF, the word joiner U+2060 and the soft hyphen U+00AD, control
    characters and the other default-ignorable ones) are removed, then the text is put
    in Unicode NFKC form (so "Café" typed with a combining accent, half-width "ｾｰﾙｽ" and
    full-width "Ｅ００１" read as "Café", "セールス" and "E001"), runs of white space
    become one space and the ends are trimmed. The result may be empty.
    """
    if text.isprintable() and "  " not in text and (text.isascii() or _settled(text)):
        return text.strip()  # the common case of a large workbook, kept cheap
    kept = "".join(c for c in text if not _invisible(c))
    return " ".join(unicodedata.normalize("NFKC", kept).split())


def fold(text: str) -> str:
    """``clean``, case-folded, with ``LOOK_ALIKES`` mapped to Latin letters.

    Two names with the same fold but different clean texts differ only in case or in
    look-alike letters ("Sales" and "sales"; "E001" and "Е001" with a Cyrillic Е).
    """
    return clean(text).casefold().translate(_FOLD_TABLE)


def shown(text: str) -> str:
    """``text`` for a message: every character that prints as nothing or as blank space
    (other than the plain space) escaped, as in "E001\\u200b"."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escaped(c) for c in text)


def _escaped(character: str) -> str:
    code = ord(character)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def written(raw: str, read: str) -> str:
    """How a message quotes a cell holding ``raw`` that crossteam reads as ``read``
    (``clean(raw)``): ``read`` when the two agree; otherwise the cell as written, with
    invisible characters and combining accents escaped, and what it was read as, as in
    "E001\\u200b (read as E001)" or "Ｅ００１ (read as E001)"."""
    raw = raw.strip()
    if raw == read:
        return shown(read)
    visible = "".join(
        c if c.isprintable() and not unicodedata.combining(c) else _escaped(c) for c in raw
    )
    return i18n.t("reader.read_as", written=visible, read=shown(read))


def how_alike(first: str, second: str) -> str:
    """How two clean texts with the same ``fold`` differ, in words for a message:
    "only in upper/lower case", or "only in look-alike letters (CYRILLIC CAPITAL LETTER IE
    where the other has LATIN CAPITAL LETTER E)"."""
    if first.casefold() == second.casefold():
        return i18n.t("reader.alike.case")
    for a, b in zip(first, second, strict=False):
        if a.casefold() != b.casefold():
            names = unicodedata.name(a, shown(a)), unicodedata.name(b, shown(b))
            return i18n.t("reader.alike.letters_named", letter=names[0], other=names[1])
    return i18n.t("reader.alike.letters")


def look_alike_letters(text: str) -> str:
    """The letters of ``text`` that ``fold`` reads as Latin ones, named for a message, as in
    "CYRILLIC SMALL LETTER ER"; "" when there are none."""
    names = dict.fromkeys(
        unicodedata.name(c, shown(c)) for c in clean(text) if c.casefold() in LOOK_ALIKES
    )
    return ", ".join(names)
