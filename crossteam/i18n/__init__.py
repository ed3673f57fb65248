"""What crossteam says, in the user's language (English or Japanese).

Every user-facing word goes through one catalogue (``crossteam.i18n.catalogue``): a typed
table of entries holding both languages side by side, one module per part of the house.
A table rather than gettext catalogues: entries are checked by mypy and by one test
(every key in both languages, the same fields in both, Japanese written in Japanese, every
key the code uses defined), need no compile step or extra tooling, and keep a message's
English and Japanese on adjacent lines for the person who changes one of them.

This package is a leaf: it imports nothing else of crossteam, so ``models`` may use it.
"""

from crossteam.i18n.language import (
    ENVIRONMENT,
    Language,
    ask,
    asked,
    current,
    detect,
    is_japanese,
    parse_language,
    settle,
    using,
)
from crossteam.i18n.render import canonical, counted, day, listed, name, names, t, width

__all__ = [
    "ENVIRONMENT",
    "Language",
    "ask",
    "asked",
    "canonical",
    "counted",
    "current",
    "day",
    "detect",
    "is_japanese",
    "listed",
    "name",
    "names",
    "parse_language",
    "settle",
    "t",
    "using",
    "width",
]
