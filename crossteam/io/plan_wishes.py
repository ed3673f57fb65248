"""The plan workbook's view of people's wishes: the Preferences sheet (each person's ranked
wishes and what they got) and the figures the Summary shows of them and of History."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from crossteam.io.excel import DECIMAL, INTEGER, PERCENT, BookWriter, CellValue, Column
from crossteam.io.plan_layout import PREFERENCES, PREFERENCES_COLUMNS
from crossteam.models import PlanningInput
from crossteam.models.wish_figures import WishFigures, WishOutcome, WishReport

WISH_SEPARATOR: Final = "; "


def preferences_sheet(book: BookWriter, instance: PlanningInput, wishes: WishReport) -> None:
    """One row per person and kind of wish: the wishes in rank order ("1 Sales; 2
    Development"), what the plan gives (hosts or team; blank: nothing) and the best rank
    among it (blank: nothing ranked was given)."""
    sheet = book.sheet(PREFERENCES)
    columns = (*PREFERENCES_COLUMNS[:-1], Column(PREFERENCES_COLUMNS[-1], INTEGER))
    rows = (_row(instance, outcome) for outcome in wishes.people)
    book.table(sheet, "Preferences", columns, rows, frozen_columns=2)


def _row(instance: PlanningInput, outcome: WishOutcome) -> tuple[CellValue, ...]:
    person = instance.employee_by_id[outcome.employee_id]
    return (
        outcome.employee_id,
        person.name,
        person.department,
        outcome.kind.value,
        WISH_SEPARATOR.join(f"{w.rank} {w.target}" for w in outcome.wishes),
        WISH_SEPARATOR.join(outcome.got) or None,
        outcome.rank_got,
    )


FigureRow = tuple[str, tuple[CellValue, ...]]
"""A row of the Summary's wishes table (figure, rotation, team) and its number format."""


def wish_figure_rows(instance: PlanningInput, wishes: WishReport, repeats: int) -> list[FigureRow]:
    """The Summary's figures of wishes (when the input has any) and of teammates repeated
    from History (when it has History); empty when it has neither."""
    rows: list[FigureRow] = []
    if instance.preferences:
        rotation, team = wishes.rotation, wishes.team
        for label, fmt, figure in _FIGURES:
            rows.append((fmt, (label, figure(rotation), figure(team))))
    if instance.history:
        rows.append((INTEGER, ("teammate pairs repeated from History", None, repeats)))
    return rows


_FIGURES: Final[tuple[tuple[str, str, Callable[[WishFigures], CellValue]], ...]] = (
    ("placed people who ranked (rotators; team members)", INTEGER, lambda f: f.ranked),
    ("got their first choice", INTEGER, lambda f: f.first_choice),
    ("first choice, share", PERCENT, lambda f: f.share(f.first_choice)),
    ("got a top-two choice", INTEGER, lambda f: f.top_two),
    ("top-two choice, share", PERCENT, lambda f: f.share(f.top_two)),
    ("got a ranked choice", INTEGER, lambda f: f.any_choice),
    ("ranked choice, share", PERCENT, lambda f: f.share(f.any_choice)),
    ("mean rank granted", DECIMAL, lambda f: f.mean_rank),
    ("ranked but not placed (no rotation; no team)", INTEGER, lambda f: f.not_placed),
)
"""Label, number format and value of each figure, given a kind's ``WishFigures``."""
