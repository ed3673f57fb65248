"""Ties found in what companies keep (calendars, mail and chat logs, collaboration
exports, project staffing, surveys): the evidence a source yields, what each source
read, and the options of ``crossteam ties``.

Only who, with whom, how much and when is ever held: never a subject, a body, a
location or a description.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from crossteam.models.network import NetworkReport
from crossteam.models.planning_input import EmployeeId, Interaction, PlanningInput


class SourceKind(StrEnum):
    """The kinds of tie source, recognised by their content."""

    CALENDAR = "calendar"
    COLLABORATION = "collaboration"
    MAIL = "mail"
    PROJECTS = "projects"
    SURVEY = "survey"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of evidence that two employees work together: ``weight`` of it, on ``day``
    (``None`` when the source gives no date). The two ids differ; their order is free."""

    employee_a: EmployeeId
    employee_b: EmployeeId
    weight: float
    day: date | None = None


@dataclass(frozen=True)
class Window:
    """The days evidence is taken from (``--since``, ``--until``; ``None``: open)."""

    since: date | None = None
    until: date | None = None

    def holds(self, day: date | None) -> bool:
        """True when ``day`` is inside the window (an undated piece always is)."""
        if day is None:
            return True
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )


@dataclass
class SourceReport:
    """What one source file gave: filled in by its reader while it streams.

    ``skipped`` counts the rows (or events) left out by reason key (``ties.skip.*`` in the
    catalogue: ``all_day``, ``cancelled``, ``too_large``, ``outside_window``...);
    ``unmatched`` counts each address or id that names nobody on Employees (often an
    external contact), as the source wrote it, case-folded.
    """

    file: str
    kind: SourceKind
    rows_read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    matched: set[EmployeeId] = field(default_factory=set)
    unmatched: Counter[str] = field(default_factory=Counter)
    pairs: int = 0
    total_weight: float = 0.0
    first_day: date | None = None
    last_day: date | None = None

    def saw(self, day: date | None) -> None:
        """Widen the date range to ``day``."""
        if day is None:
            return
        if self.first_day is None or day < self.first_day:
            self.first_day = day
        if self.last_day is None or day > self.last_day:
            self.last_day = day


@dataclass(frozen=True)
class TiesOptions:
    """How evidence becomes ties (``crossteam ties`` options; docs/ties.md has the formula).

    ``half_life`` (days) discounts a piece of evidence of age ``a`` days (before ``until``,
    else before the latest evidence) by ``0.5 ** (a / half_life)``; pairs whose summed
    weight is below ``min_weight`` are left out; ``merge`` adds the result to the
    workbook's Interactions instead of replacing them.
    """

    window: Window = Window()
    half_life: float | None = None
    min_weight: float = 0.0
    merge: bool = False


@dataclass(frozen=True)
class TiesFound:
    """The ties of the sources and what each source gave."""

    interactions: tuple[Interaction, ...]
    reports: tuple[SourceReport, ...]


@dataclass(frozen=True)
class TiesResult:
    """A company with the ties of its sources as its Interactions, and its network."""

    instance: PlanningInput
    found: TiesFound
    network: NetworkReport

    @property
    def gap_pairs(self) -> tuple[tuple[str, str], ...]:
        """Department pairs with no tie at all, before any planning."""
        return self.network.gap_pairs
