"""A manager's decision on one assignment of a reviewed plan (the Review sheet)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from crossteam.models.planning_input import DepartmentName, EmployeeId, PeriodLabel, TeamName

ReviewKind = Literal["team", "rotation"]
Decision = Literal["keep", "remove", "lock"]


class ReviewDecision(BaseModel):
    """``lock`` keeps the assignment, ``remove`` keeps the person out of it, ``keep`` prefers
    it. A team assignment names ``team``; a rotation stint names ``period`` and the host
    ``department``."""

    model_config = ConfigDict(frozen=True)

    kind: ReviewKind
    employee_id: EmployeeId
    team: TeamName | None = None
    period: PeriodLabel | None = None
    department: DepartmentName | None = Field(
        default=None, description="Host department of a rotation stint"
    )
    decision: Decision
    comment: str = ""
    row: int = Field(ge=1, description="Excel row on the Review sheet")


ChangeKind = Literal["joined", "left", "moved", "rotation changed"]


class PlanChange(BaseModel):
    """How one employee's place differs between the reviewed plan and its re-plan.

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
        description="locked by manager, removed by manager, refilled the place of X or re-optimised"
    )
