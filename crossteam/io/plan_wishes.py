"""The plan workbook's view of people's wishes: the Preferences sheet (each person's ranked
wishes and what they got) and the figures the Summary shows of them and of History."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from crossteam import i18n
from crossteam.io.excel import DECIMAL, INTEGER, PERCENT, BookWriter, CellValue, Column
from crossteam.io.plan_layout import PREFERENCES, PREFERENCES_COLUMNS
from crossteam.models import PlanningInput
from crossteam.models.wish_figures import WishFigures, WishOutcome, WishReport

WISH_SEPARATOR: Final = "; "
"""Between wishes in a cell; Japanese uses its own comma (、)."""


def preferences_sheet(book: BookWriter, instance: PlanningInput, wishes: WishReport) -> None:
    """One row per person and kind of wish: the wishes in rank order ("1 Sales; 2
    Development"; in Japanese "第1希望 営業、第2希望 開発"), what the plan gives (hosts or
    team; blank: nothing) and the best rank among it (blank: nothing ranked was given);
    the sheet's name, headers and kinds in the current language."""
    sheet = book.sheet(i18n.name(PREFERENCES))
    headers = [i18n.name(c) for c in PREFERENCES_COLUMNS]
    columns: list[Column | str] = [*headers[:-1], Column(headers[-1], INTEGER)]
    rows = (_row(instance, outcome) for outcome in wishes.people)
    book.table(sheet, "Preferences", columns, rows, frozen_columns=2)


def _row(instance: PlanningInput, outcome: WishOutcome) -> tuple[CellValue, ...]:
    person = instance.employee_by_id[outcome.employee_id]
    separator = "、" if i18n.current() is i18n.Language.JA else WISH_SEPARATOR
    wishes = (i18n.t("output.wishes.wish", rank=w.rank, target=w.target) for w in outcome.wishes)
    return (
        outcome.employee_id,
        person.name,
        person.department,
        i18n.name(outcome.kind.value),
        separator.join(wishes),
        separator.join(outcome.got) or None,
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
        for key, fmt, figure in _FIGURES:
            label = i18n.t(f"output.wishes.{key}")
            rows.append((fmt, (label, figure(rotation), figure(team))))
    if instance.history:
        rows.append((INTEGER, (i18n.t("output.wishes.repeats"), None, repeats)))
    return rows


_FIGURES: Final[tuple[tuple[str, str, Callable[[WishFigures], CellValue]], ...]] = (
    ("ranked", INTEGER, lambda f: f.ranked),
    ("first_choice", INTEGER, lambda f: f.first_choice),
    ("first_choice_share", PERCENT, lambda f: f.share(f.first_choice)),
    ("top_two", INTEGER, lambda f: f.top_two),
    ("top_two_share", PERCENT, lambda f: f.share(f.top_two)),
    ("any_choice", INTEGER, lambda f: f.any_choice),
    ("any_choice_share", PERCENT, lambda f: f.share(f.any_choice)),
    ("mean_rank", DECIMAL, lambda f: f.mean_rank),
    ("not_placed", INTEGER, lambda f: f.not_placed),
)
"""Label (the end of its key in the catalogue), number format and value of each figure,
given a kind's ``WishFigures``."""
