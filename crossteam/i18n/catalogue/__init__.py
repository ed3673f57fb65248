"""The message catalogue: every area's entries in one table per kind.

Each module holds the words of one part of crossteam (``reader``: input errors and
warnings; ``template``: the input workbook's sheets, headers, instructions and dropdown
values; ``output``: the Summary, audit and sweep workbooks and pictures; ``plan_sheets``:
the plan workbook's sheets and reading it back; ``checks``: Checks, pre-checks and the
planner's notes; ``explain``: network facts, input changes, re-plan reasons and
alternatives; ``terminal``: the command line; ``ties_*``: building ties from calendars,
tables and the ``ties`` command) in three
tables: ``MESSAGES`` (key -> ``Text``), ``NOUNS`` (key -> ``Noun``) and ``NAMES``
(English name -> Japanese name). Keys start with the area's name; a key or a name given
twice is an error at import.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Final, TypeVar

from crossteam.i18n.catalogue import (
    checks,
    common,
    explain,
    output,
    plan_sheets,
    protection,
    reader,
    share,
    template,
    terminal,
    ties_calendar,
    ties_command,
    ties_tables,
)
from crossteam.i18n.entries import Noun, Text

AREAS: Final[tuple[ModuleType, ...]] = (
    common,
    reader,
    template,
    output,
    plan_sheets,
    checks,
    explain,
    terminal,
    ties_calendar,
    ties_tables,
    ties_command,
    share,
    protection,
)

_Entry = TypeVar("_Entry")


def _merged(table: str, kind: type[_Entry]) -> dict[str, _Entry]:
    merged: dict[str, _Entry] = {}
    for area in AREAS:
        entries: Mapping[str, _Entry] = getattr(area, table, {})
        for key, entry in entries.items():
            if key in merged:
                raise ValueError(f"{table} {key!r} is given twice (again in {area.__name__})")
            if not isinstance(entry, kind):
                raise TypeError(f"{table} {key!r} in {area.__name__} is not a {kind.__name__}")
            merged[key] = entry
    return merged


MESSAGES: Final = _merged("MESSAGES", Text)
NOUNS: Final = _merged("NOUNS", Noun)
NAMES: Final = _merged("NAMES", str)

__all__ = ["AREAS", "MESSAGES", "NAMES", "NOUNS"]
