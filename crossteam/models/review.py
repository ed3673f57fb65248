"""A manager's decision on one assignment of a reviewed plan (the Review sheet), and how a
re-plan differs from the plan it repairs."""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from crossteam import i18n
from crossteam.models.planning_input import DepartmentName, EmployeeId, PeriodLabel, TeamName

ReviewKind = Literal["team", "rotation"]

REVIEW_SHEET: Final = "Review"
"""The plan workbook's sheet where managers decide; problems with a decision name it."""


class Decision(StrEnum):
    """A manager's word on one assignment, as typed in the Review sheet's decision column."""

    KEEP = "keep"
    """Prefer the assignment: a re-plan changes it only where nothing else holds the rules."""
    REMOVE = "remove"
    """Keep the person out of the assignment."""
    LOCK = "lock"
    """Keep the assignment whatever it costs."""

    @classmethod
    def read(cls, text: str) -> Decision | None:
        """The decision ``text`` names in either language, whatever the language of the
        run: keep / remove / lock or 維持 / 除外 / 固定, in any case and width; ``None``
        when it names none."""
        found = i18n.canonical(text, among=[d.value for d in cls])
        return None if found is None else cls(found)


KEEP_FACTOR: Final = 10
"""A ``keep`` (and the period of a locked stint) weighs this many ordinary changes in a
re-plan: it yields only where nothing else holds the rules (docs/review.md)."""


class ReviewDecision(BaseModel):
    """``lock`` keeps the assignment, ``remove`` keeps the person out of it, ``keep`` prefers
    it; no decision (``None``) is a row that only carries a comment. A team assignment
    names ``team``; a rotation stint names ``period`` and the host ``department``."""

    model_config = ConfigDict(frozen=True)

    kind: ReviewKind
    employee_id: EmployeeId
    team: TeamName | None = None
    period: PeriodLabel | None = None
    department: DepartmentName | None = Field(
        default=None,
        description="Host department of a rotation stint",  # not shown: JSON schema
    )
    decision: Decision | None = None
    comment: str = ""
    row: int = Field(ge=1, description="Excel row on the Review sheet")  # not shown: schema


ChangeKind = Literal["joined", "left", "moved", "rotation changed"]  # not shown: identifiers
"""What happened to one employee's place; the Changes sheet shows it in the run's language."""


class PlanChange(BaseModel):
    """How one employee's place differs between the previous plan and its re-plan.

    ``before`` and ``after`` are the team name, or the rotation stints as
    ``host in period`` joined by ``; ``, empty when there was none.
    """

    model_config = ConfigDict(frozen=True)

    employee_id: EmployeeId
    kind: ReviewKind
    what: ChangeKind
    before: str = ""
    after: str = ""
    reason: str = Field(
        description="Its cause: a manager's decision ('locked by manager', 'moved by manager "
        "(team cell edited)', 'removed by manager'), a change of the input "  # not shown: schema
        "('E9 is now unavailable'), a seat it refills ('refilled the seat of E9'), or what it gains"
    )
    comment: str = Field(
        default="",
        description="The manager's comment on the decision",  # not shown: schema
    )


class LeftOut(BaseModel):
    """An assignment of a previous plan that its reader left out because the input no
    longer has its person, team, host department or period (``reason`` says which)."""

    model_config = ConfigDict(frozen=True)

    employee_id: EmployeeId
    kind: ReviewKind
    team: TeamName | None = None
    period: PeriodLabel | None = None
    department: DepartmentName | None = Field(
        default=None,
        description="Host of a stint",  # not shown: JSON schema
    )
    reason: str
