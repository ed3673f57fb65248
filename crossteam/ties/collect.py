"""Evidence into ties: each source's evidence summed per pair (discounted by age when a
half-life is given), scaled so that the source's mean pair weighs 1, times its factor in
Settings; the sources added; weak pairs dropped; the workbook's Interactions added with
``--merge``. docs/ties.md states the formula.

Memory grows with the pairs, never with the evidence: one float per pair and source.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from crossteam.models import Interaction, Settings
from crossteam.models.limits import MAX_TIE_WEIGHT
from crossteam.models.planning_input import EmployeeId
from crossteam.models.ties import Evidence, SourceKind, SourceReport, TiesOptions

Pair = tuple[EmployeeId, EmployeeId]

OUTSIDE_WINDOW: Final = "outside_window"
"""The ``SourceReport.skipped`` reason of evidence dated outside ``--since``/``--until``."""
TIE_DECIMALS: Final = 6
"""Tie weights are rounded to this many decimals: what the Interactions sheet shows, and
what ``plan --ties`` uses, so that the two ways give one network."""
_REBASE_AT: Final = 512.0
"""Half-lives past the base day at which dated sums are scaled to a later base (2**512
is far inside a float's range)."""


def factor_of(kind: SourceKind, settings: Settings) -> float:
    """How much a source of ``kind`` counts (``ties_factor_<kind>`` in Settings)."""
    factor: float = getattr(settings, f"ties_factor_{kind.value}")
    return factor


@dataclass
class _SourceSums:
    """One source's summed weight per pair: ``plain`` undiscounted (undated evidence, or
    all of it without a half-life), ``dated`` scaled to the collector's base day."""

    report: SourceReport
    plain: dict[Pair, float] = field(default_factory=dict)
    dated: dict[Pair, float] = field(default_factory=dict)


class TieCollector:
    """Reads the sources' evidence one source at a time (``read``), then gives the ties
    (``ties``).

    With a half-life, evidence of ``day`` counts ``weight * 0.5 ** (age / half_life)``,
    ``age`` being the days from ``day`` back from ``--until`` or, without it, from the
    latest dated evidence of all sources, known only once every source is read: so each
    dated weight is kept as ``weight * 2 ** ((day - base) / half_life)`` and multiplied by
    ``2 ** ((base - reference) / half_life)`` at the end. Undated evidence is of age 0.
    """

    def __init__(self, options: TiesOptions, settings: Settings) -> None:
        self.options = options
        self.settings = settings
        self._sources: list[_SourceSums] = []
        self._reading: _SourceSums | None = None
        self._base: date | None = options.window.until
        self._latest: date | None = None

    def read(self, report: SourceReport, evidence: Iterable[Evidence]) -> None:
        """Sum ``evidence`` (one source's stream) per pair; evidence dated outside the
        window is counted in ``report.skipped`` and left out. A source whose stream
        raises is left out as a whole (the exception goes on)."""
        sums = _SourceSums(report)
        self._reading = sums
        window, half_life = self.options.window, self.options.half_life
        plain, dated = sums.plain, sums.dated
        try:
            for piece in evidence:
                day = piece.day
                if day is not None and not window.holds(day):
                    report.skipped[OUTSIDE_WINDOW] += 1
                    continue
                a, b = piece.employee_a, piece.employee_b
                if a == b or piece.weight <= 0:
                    continue
                pair = (a, b) if a < b else (b, a)
                if day is None or half_life is None:
                    plain[pair] = plain.get(pair, 0.0) + piece.weight
                else:
                    dated[pair] = dated.get(pair, 0.0) + piece.weight * self._scale(day, half_life)
        finally:
            self._reading = None
        self._sources.append(sums)

    def _scale(self, day: date, half_life: float) -> float:
        if self._latest is None or day > self._latest:
            self._latest = day
        if self._base is None:
            self._base = day
        exponent = (day - self._base).days / half_life
        if exponent > _REBASE_AT:
            self._rebase(day, half_life)
            exponent = 0.0
        return float(2.0**exponent)

    def _rebase(self, day: date, half_life: float) -> None:
        """Scale every dated sum from the base day to ``day`` (rare: once per 512
        half-lives of dates)."""
        assert self._base is not None
        shrink = 2.0 ** ((self._base - day).days / half_life)
        held = [*self._sources, *([self._reading] if self._reading is not None else [])]
        for sums in held:
            for pair in sums.dated:
                sums.dated[pair] *= shrink
        self._base = day

    def ties(self, existing: Iterable[Interaction] = ()) -> tuple[Interaction, ...]:
        """The ties of every source read: normalised per source, times the source's
        factor, added, those below ``min_weight`` dropped, capped at ``MAX_TIE_WEIGHT``;
        with ``merge``, ``existing`` (the workbook's Interactions) added. Each report gets
        its ``pairs`` and ``total_weight`` (after the half-life, before normalising).

        Returns:
            One ``Interaction`` per tied pair (``employee_a < employee_b``), sorted.
        """
        combined: dict[Pair, float] = {}
        for sums in self._sources:
            weights = self._discounted(sums)
            total = sum(weights.values())
            sums.report.pairs = len(weights)
            sums.report.total_weight = total
            if not weights or total <= 0:
                continue
            scale = factor_of(sums.report.kind, self.settings) * len(weights) / total
            for pair, weight in weights.items():
                combined[pair] = combined.get(pair, 0.0) + weight * scale
        kept = {
            pair: min(weight, MAX_TIE_WEIGHT)
            for pair, weight in combined.items()
            if weight >= self.options.min_weight
        }
        if self.options.merge:
            for tie in existing:
                pair = (tie.employee_a, tie.employee_b)
                kept[pair] = min(kept.get(pair, 0.0) + tie.weight, MAX_TIE_WEIGHT)
        return tuple(
            Interaction(employee_a=a, employee_b=b, weight=rounded)
            for (a, b), weight in sorted(kept.items())
            if (rounded := round(weight, TIE_DECIMALS)) > 0
        )

    def _discounted(self, sums: _SourceSums) -> dict[Pair, float]:
        """The source's weight per pair, dated evidence discounted to the reference day."""
        if not sums.dated:
            return sums.plain
        half_life = self.options.half_life
        reference = self.options.window.until or self._latest
        assert half_life is not None and self._base is not None and reference is not None
        factor = 2.0 ** ((self._base - reference).days / half_life)
        weights = {pair: weight * factor for pair, weight in sums.dated.items()}
        for pair, weight in sums.plain.items():
            weights[pair] = weights.get(pair, 0.0) + weight
        return {pair: weight for pair, weight in weights.items() if weight > 0}


def collect(
    sources: Iterable[tuple[SourceReport, Iterable[Evidence]]],
    options: TiesOptions,
    settings: Settings,
    existing: Iterable[Interaction] = (),
) -> tuple[Interaction, ...]:
    """The ties of ``sources`` (each a report and its evidence stream), as ``TieCollector``
    makes them."""
    collector = TieCollector(options, settings)
    for report, evidence in sources:
        collector.read(report, evidence)
    return collector.ties(existing)
