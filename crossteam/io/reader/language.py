"""The language a workbook asks for, found before its sheets are read so that every
problem about them is worded in it."""

from __future__ import annotations

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.safety import Workbook

_SETTINGS = frozenset(schema.match_key(n) for n in (schema.SETTINGS.name, *schema.SETTINGS.aliases))
_LANGUAGE = frozenset({"language", "言語"})


def settle_language(workbook: Workbook) -> i18n.Language:
    """The run's language, unless the user asked for one: the Settings sheet's
    ``language`` row, else the language most sheet names are written in."""
    if i18n.asked() is not None:
        return i18n.current()
    return i18n.settle(_setting(workbook), workbook.titles)


def _setting(workbook: Workbook) -> i18n.Language | None:
    """The language on the first Settings row named ``language`` (or 言語, or its name in the
    catalogue); a sheet too broken to read is left to the reader, which reports it."""
    title = next((t for t in workbook.titles if schema.match_key(t) in _SETTINGS), None)
    if title is None:
        return None
    try:
        content = workbook.read_sheet(title)
    except Exception:  # reported where the sheet is read for real
        return None
    for _, cells in content.rows:
        values = [cells[k] for k in sorted(cells)]
        named = len(values) >= 2 and isinstance(values[0], str)
        if named and (
            schema.normalise(str(values[0])) in _LANGUAGE
            or i18n.canonical(str(values[0]), among=("language",)) is not None
        ):
            return i18n.parse_language(values[1])
    return None
