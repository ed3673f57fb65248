"""How messages about a workbook name the contract's sheets, columns and dropdown values:
in the current language, so a Japanese message says 社員 where an English one says
Employees."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from crossteam import i18n
from crossteam.io import schema

_Word = TypeVar("_Word", bound=StrEnum)


def label(canonical: str) -> str:
    """``canonical`` (a contract name) as the current language shows it; its English when
    the catalogue has no Japanese for it (a setting the template does not name)."""
    return i18n.names(canonical)[-1] if i18n.current() is i18n.Language.JA else canonical


def labels(canonicals: Iterable[str]) -> str:
    """Contract names one after another, each as ``label`` shows it: "a, b" / "a、b"."""
    return i18n.listed(label(c) for c in canonicals)


def quoted(text: str, mark: str = "'") -> str:
    """A user's value quoted for a message: 'Sales' in English (``mark`` on each side,
    perhaps none), 「Sales」 in Japanese."""
    if i18n.current() is i18n.Language.JA:
        return f"「{text}」"
    return f"{mark}{text}{mark}"


def word_of(words: type[_Word], text: str) -> _Word | None:
    """The member of ``words`` (rule kinds, Balance modes) that ``text`` names, in either
    language, whatever its case and separators; ``None`` when it names none."""
    word = next((w for w in words if w.value == schema.normalise(text)), None)
    if word is None:
        found = i18n.canonical(text, among=[w.value for w in words])
        word = None if found is None else words(found)
    return word
