"""Which language crossteam speaks in this run, and how it is chosen.

In order: ``--lang`` (or ``CROSSTEAM_LANG``), then the input workbook's Settings
``language``, then the workbook itself (Japanese when most of its sheet names are
Japanese), else English. The choice lives in a context variable: set once at the edge
(the command line, or the reader once it has seen the workbook), read wherever words are
made.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum
from typing import Final


class Language(StrEnum):
    EN = "en"
    JA = "ja"


ENVIRONMENT: Final = "CROSSTEAM_LANG"

_WORDS: Final = {
    "en": Language.EN,
    "english": Language.EN,
    "英語": Language.EN,
    "ja": Language.JA,
    "jp": Language.JA,
    "japanese": Language.JA,
    "日本語": Language.JA,
}
"""What a cell, an option or the environment may say to name a language."""

_asked: ContextVar[Language | None] = ContextVar("crossteam_language_asked", default=None)
_current: ContextVar[Language] = ContextVar("crossteam_language", default=Language.EN)


def parse_language(text: object) -> Language | None:
    """The language ``text`` names ("ja", "Japanese", "日本語"...), or ``None``."""
    if not isinstance(text, str):
        return None
    return _WORDS.get(unicodedata.normalize("NFKC", text).strip().casefold())


def current() -> Language:
    """The language of every word made now."""
    return _current.get()


def asked() -> Language | None:
    """The language the user asked for (``--lang`` or ``CROSSTEAM_LANG``), if any."""
    return _asked.get()


def ask(language: Language | None) -> None:
    """The user's choice, or, when ``None``, ``CROSSTEAM_LANG``'s (unset or unknown: no
    choice); a choice is the current language from now on and is kept over the workbook's."""
    chosen = language if language is not None else parse_language(os.environ.get(ENVIRONMENT))
    _asked.set(chosen)
    _current.set(chosen if chosen is not None else Language.EN)


def settle(setting: Language | None, sheet_names: Iterable[str]) -> Language:
    """The current language once a workbook is open, unless the user asked for one: its
    Settings ``language``, else Japanese when most of its ``sheet_names`` are Japanese."""
    chosen = _asked.get()
    if chosen is None:
        chosen = setting if setting is not None else detect(sheet_names)
        _current.set(chosen)
    return chosen


def detect(names: Iterable[str]) -> Language:
    """Japanese when more than half of ``names`` (sheet names, headers) hold Japanese."""
    shown = [name for name in names if name.strip()]
    japanese = sum(is_japanese(name) for name in shown)
    return Language.JA if shown and japanese * 2 > len(shown) else Language.EN


def is_japanese(text: str) -> bool:
    """True when ``text`` holds a kana or a CJK ideograph."""
    return any(
        "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" or "\uff66" <= c <= "\uff9f"
        for c in text
    )


@contextmanager
def using(language: Language) -> Iterator[None]:
    """Speak ``language`` inside the block, as if the user had asked for it (tests,
    workers given a scenario's language)."""
    asked_token, current_token = _asked.set(language), _current.set(language)
    try:
        yield
    finally:
        _current.reset(current_token)
        _asked.reset(asked_token)
