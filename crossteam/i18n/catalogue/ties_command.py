"""The words of the ties_command area (see the package's docstring)."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

MESSAGES: Final[dict[str, Text]] = {}

NOUNS: Final[dict[str, Noun]] = {}

NAMES: Final[dict[str, str]] = {}
