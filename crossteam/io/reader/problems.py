"""The problems a workbook read finds, kept in the order a reader of the workbook meets them."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from crossteam import i18n
from crossteam.models import Problem, Severity

FOLLOW_ON_CELLS_SHOWN = 5


class Problems:
    """Problems in the order a reader of the workbook meets them: sheet, row, column."""

    def __init__(self, sheet_order: dict[str, int]) -> None:
        self._sheet_order = sheet_order
        self._found: list[tuple[tuple[int, int, int], Problem]] = []
        self._repeats: dict[str, tuple[int, list[str]]] = {}
        """Follow-on problems folded into their first: repeat key -> (position of the
        first in ``_found``, cells of the others)."""

    def add(
        self,
        message: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        index: int | None = None,
        warning: bool = False,
        follows: str | None = None,
        repeat: str | None = None,
    ) -> None:
        """Record a problem; one that ``follows`` from another cell and shares its
        ``repeat`` key with an earlier one is only listed as a further cell of it."""
        cell = f"{get_column_letter(index)}{row}" if index is not None and row is not None else None
        if repeat is not None:  # an error is never folded into a warning, nor the reverse
            repeat = f"{repeat}|{'warning' if warning else 'error'}"
        if repeat is not None and repeat in self._repeats:
            place = cell or i18n.t("common.row", row=row)
            self._repeats[repeat][1].append(f"{sheet}!{place}")
            return
        if repeat is not None:
            self._repeats[repeat] = (len(self._found), [])
        problem = Problem(
            sheet=sheet,
            row=row,
            column=column,
            cell=cell,
            message=message,
            severity=Severity.WARNING if warning else Severity.ERROR,
            follows=follows,
        )
        key = (self._sheet_order.get(sheet or "", -1), row or 0, index or 0)
        self._found.append((key, problem))

    def of(self, severity: Severity) -> tuple[Problem, ...]:
        found = list(self._found)
        for position, cells in self._repeats.values():
            if cells:
                key, problem = found[position]
                more = ["..."] if len(cells) > FOLLOW_ON_CELLS_SHOWN else []
                also = i18n.t(
                    "reader.also_at",
                    cells=i18n.counted(len(cells), "more_cell"),
                    listed=i18n.listed([*cells[:FOLLOW_ON_CELLS_SHOWN], *more]),
                )
                message = problem.message + also
                found[position] = (key, problem.model_copy(update={"message": message}))
        chosen = sorted((p for p in found if p[1].severity is severity), key=lambda p: p[0])
        return tuple(problem for _, problem in chosen)

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for _, p in self._found)
