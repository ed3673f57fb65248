"""Names of one kind (ids, departments, skills...) as spelled in the workbook: which spellings
are one name, which is taken, and the "did you mean" for a name never met."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from crossteam import i18n
from crossteam.io.labels import quoted
from crossteam.io.reader.table import Cell
from crossteam.models.text import fold, how_alike, shown

SUGGESTION_LIMIT = 50
"""Distinct unknown names of one kind given a "did you mean": each compares against every
known name, and a sheet of thousands of unknown ids would otherwise take minutes."""


@dataclass
class Spelling:
    text: str
    first: Cell
    cells: int = 1


@dataclass(frozen=True)
class Variant:
    """A spelling that ``settle`` took as another one, with where each was met."""

    spelling: Spelling
    chosen: Spelling


class Names:
    """The names of one kind (ids, departments, skills...), matched by ``fold``.

    Every spelling is counted with the first cell it is met in. ``add`` tells a new
    spelling of a name met before; ``settle`` makes the most common spelling of each name
    the one it is taken as (the first met among equals) and returns the others.
    """

    def __init__(self) -> None:
        self._spellings: dict[str, dict[str, Spelling]] = {}
        """Folded name -> its spellings in the order met."""
        self._chosen: dict[str, Spelling] = {}
        """Folded name -> the spelling it is taken as (the first met, until ``settle``)."""
        self._folds: dict[str, str] = {}
        self._suggested: dict[str, str] = {}

    def _fold(self, text: str) -> str:
        key = self._folds.get(text)
        if key is None:
            key = self._folds[text] = fold(text)
        return key

    def add(self, text: str, cell: Cell) -> Spelling | None:
        """Count ``text`` met at ``cell``; the first spelling of its name when ``text``
        is a new, different spelling of it, else ``None``."""
        key = self._fold(text)
        spellings = self._spellings.setdefault(key, {})
        spelling = spellings.get(text)
        if spelling is not None:
            spelling.cells += 1
            return None
        spellings[text] = Spelling(text, cell)
        first = self._chosen.setdefault(key, spellings[text])
        return None if first.text == text else first

    def settle(self) -> list[Variant]:
        """Take each name as its most common spelling; every other spelling, in the order
        met."""
        variants: list[Variant] = []
        for key, spellings in self._spellings.items():
            chosen = max(spellings.values(), key=lambda s: s.cells)  # the first among equals
            self._chosen[key] = chosen
            variants.extend(Variant(s, chosen) for s in spellings.values() if s is not chosen)
        return variants

    def find(self, text: str) -> Spelling | None:
        """The spelling the name ``text`` is taken as; ``None`` when it was never met."""
        return self._chosen.get(self._fold(text))

    def canonical(self, text: str) -> str:
        found = self.find(text)
        return text if found is None else found.text

    def suggest(self, text: str) -> str:
        """ "; did you mean Sales?" (or "E003 or E030?" when they are as close) when known
        names are close to ``text``, else ""."""
        if text not in self._suggested:
            if len(self._suggested) >= SUGGESTION_LIMIT:
                return ""
            near = _closest(self._fold(text), self._chosen)
            names = [quoted(shown(self._chosen[key].text), mark="") for key in near]
            self._suggested[text] = (
                i18n.t("reader.did_you_mean", names=_either(names)) if names else ""
            )
        return self._suggested[text]


def _either(names: list[str]) -> str:
    """ "A", "A or B", "A, B or C"."""
    if len(names) == 1:
        return names[0]
    return i18n.t("reader.either", first=i18n.listed(names[:-1]), last=names[-1])


def _closest(key: str, known: Iterable[str], cutoff: float = 0.6) -> list[str]:
    """The known keys most like ``key`` (difflib's ratio, at least ``cutoff``), up to three
    when they are equally close, sorted."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(key)
    scored: list[tuple[float, str]] = []
    for candidate in known:
        matcher.set_seq1(candidate)
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and matcher.ratio() >= cutoff
        ):
            scored.append((matcher.ratio(), candidate))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    return sorted(candidate for score, candidate in scored if score == best)[:3]


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """ "; did you mean Sales?" when a known name is close to ``name`` (case and look-alike
    letters aside), else ""; for the few names of a kind that no ``Names`` holds."""
    names = Names()
    for k in known:
        names.add(k, Cell("", 0, 1, None))  # no cell: only suggest() is asked
    return names.suggest(name)


def look_alike(what: str, text: str, first: Spelling, outcome: str) -> str:
    """ "department 'sales' differs from 'Sales' (Employees!C2) only in upper/lower case:
    <outcome>" (``what``: the kind of name, worded)."""
    return i18n.t(
        "reader.look_alike",
        what=what,
        text=shown(text),
        first=shown(first.text),
        cell=first.first,
        how=how_alike(text, first.text),
        outcome=outcome,
    )


def _cells(spelling: Spelling, here: bool) -> str:
    """Where a spelling is, seen from its first cell (``here``: "" or " (here and 2 more
    cells)") or from elsewhere ("Employees!C2", "Employees!C2 and 7 more cells")."""
    more = spelling.cells - 1
    cells = i18n.counted(more, "more_cell")
    if here:
        return i18n.t("reader.here_and", cells=cells) if more else ""
    return (
        i18n.t("reader.cell_and", cell=spelling.first, cells=cells) if more else str(spelling.first)
    )


def variant_message(what: str, variant: Variant, quotable: bool = True) -> str:
    """A spelling taken as another, for a warning at the spelling's first cell."""
    spelling, chosen = variant.spelling, variant.chosen
    how = how_alike(spelling.text, chosen.text)
    here, there = _cells(spelling, True), _cells(chosen, False)
    if not quotable:
        return i18n.t("reader.variant_unquoted", here=here, there=there, how=how, what=what)
    return i18n.t(
        "reader.variant",
        what=what,
        text=shown(spelling.text),
        here=here,
        chosen=shown(chosen.text),
        there=there,
        how=how,
    )
