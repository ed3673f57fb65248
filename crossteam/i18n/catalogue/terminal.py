"""The words of the terminal area (see the package's docstring)."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

MESSAGES: Final[dict[str, Text]] = {
    "terminal.lang_help": Text(
        "Language of sheets, messages and pictures: ja or en (default: CROSSTEAM_LANG, then "
        "Settings language, then the workbook's own language)",
        "シート・メッセージ・図の言語：ja または en（既定：CROSSTEAM_LANG、次に設定シートの "
        "language、次に入力ブック自体の言語）",
    ),
    "terminal.lang_unknown": Text(
        "{value!r} is not a language crossteam speaks: use ja or en",
        "{value!r} は使える言語ではありません。ja または en を指定してください",
    ),
}

NOUNS: Final[dict[str, Noun]] = {}

NAMES: Final[dict[str, str]] = {}
