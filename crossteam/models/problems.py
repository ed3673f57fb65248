"""Problems found in a user's workbook, kept as data and rendered once, at the edge."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crossteam import i18n


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Problem(BaseModel):
    """One problem at one place of the workbook.

    ``row`` is the 1-based Excel row number and ``column`` the header as the user wrote it;
    either is ``None`` when the problem concerns a whole sheet or the whole file.
    """

    model_config = ConfigDict(frozen=True)

    sheet: str | None = Field(
        default=None,
        description="Sheet name as in the workbook",  # not shown: JSON schema
    )
    row: int | None = Field(
        default=None,
        description="1-based Excel row number",  # not shown: JSON schema
    )
    column: str | None = Field(
        default=None,
        description="Header of the column",  # not shown: JSON schema
    )
    cell: str | None = Field(
        default=None,
        description="Excel cell reference such as B7",  # not shown: JSON schema
    )
    message: str = Field(
        description="Plain-language explanation for an HR planner",  # not shown: JSON schema
    )
    severity: Severity = Severity.ERROR
    follows: str | None = Field(
        default=None,
        description=(
            "Where the problem this one follows from is (``Employees!A2``): fixing that one "
            "may fix this one too"  # not shown: JSON schema
        ),
    )

    def location(self) -> str:
        """``Sheet!B7 (column)``, or as much of it as is known; a row without a cell reads
        ``Sheet!row 12`` (``社員!12行目`` in Japanese)."""
        if self.sheet is None:
            return ""
        place = self.sheet
        if self.cell is not None:
            place += f"!{self.cell}"
        elif self.row is not None:
            place += "!" + i18n.t("common.row", row=self.row)
        if self.column is not None:
            place += f" ({self.column})"
        return place

    def render(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message

    def as_json(self) -> dict[str, object]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "message": self.message,
            "follows": self.follows,
        }
