"""A plan (teams and rotation stints) and the solver's account of how it was found."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crossteam import i18n
from crossteam.models.planning_input import DepartmentName, EmployeeId, PeriodLabel, TeamName


class SolveStatus(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    NO_SOLUTION = "no_solution"

    @property
    def word(self) -> str:
        """The status in the current language ("optimal", "最適")."""
        return i18n.t(f"explain.status.{self.value}")


class StopReason(StrEnum):
    """What ended the search."""

    PROVEN = "proven"
    TIME_LIMIT = "time_limit"
    DETERMINISTIC_LIMIT = "deterministic_limit"
    INTERRUPTED = "interrupted"
    PRECHECK = "precheck"
    NOTHING_TO_PLAN = "nothing_to_plan"
    SIZE_LIMIT = "size_limit"
    """The team model was too large to search: the start plan stands (very large companies)."""

    @property
    def word(self) -> str:
        """The reason in the current language ("time_limit", "制限時間に到達")."""
        return i18n.t(f"explain.stop.{self.value}")


class TeamAssignment(BaseModel):
    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    team: TeamName
    members: tuple[EmployeeId, ...]


class RotationStint(BaseModel):
    """One period away: ``employee_id`` works in ``department`` during ``period``."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    employee_id: EmployeeId
    period: PeriodLabel
    department: DepartmentName


class Plan(BaseModel):
    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    status: SolveStatus
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    """Relative gap to the bound; 0 if optimal"""
    seconds: float = 0.0
    stop_reason: StopReason | None = None
    teams: tuple[TeamAssignment, ...] = ()
    rotation: tuple[RotationStint, ...] = ()
    explanation: tuple[str, ...] = ()
    objective_terms: dict[str, float] = Field(default_factory=dict)
    """Value of each objective part (bridging, diversity...)"""
    planned_teams: bool = True
    """Teams were planned (False with --no-teams or no Teams sheet)"""
    planned_rotation: bool = True
    """Rotation was planned (False with --no-rotation or no Periods sheet)"""
    seed: int = 0
    workers: int = 0
    time_limit_seconds: float | None = None
    silent_pairs_ceiling: int | None = Field(default=None, ge=0)
    """Most silent (zero-tie) department pairs any plan of these teams and periods can bridge: the
    departments' capacity ceiling (docs/model.md, 'Ceiling')"""
    notes: tuple[str, ...] = ()
    """Remarks on how the plan was found, e.g. that its bound is of a restricted model"""
    repeatable: bool = False
    """Run again on this machine with the same input, settings and options, the run gives this plan:
    every stage ended by its work limit or a proof, none by the wall clock or a stop
    (docs/model.md, 'Run control')"""
    deterministic_time_limit: float | None = None
    """The search's limit in deterministic time units, set or derived from the time limit; None when
    the search ran on the wall clock alone"""

    @property
    def has_solution(self) -> bool:
        return self.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)

    def silent_pairs_text(self, before: int, after: int) -> str:
        """How much of the achievable the plan reached, in words: "bridged 146 of 220
        silent department pairs (at most 147 can be bridged by these teams)", from the
        silent pairs ``before`` and ``after`` the plan."""
        pairs = i18n.counted(before, "silent_department_pair")
        text = i18n.t("explain.silent_bridged", bridged=before - after, pairs=pairs)
        by = _CEILING_BY.get((self.planned_teams, self.planned_rotation))
        if self.silent_pairs_ceiling is None or not before or by is None:
            return text
        return i18n.t(f"explain.ceiling.{by}", bridged=text, ceiling=self.silent_pairs_ceiling)


_CEILING_BY = {
    (True, False): "teams",
    (False, True): "rotation",
    (True, True): "teams_and_rotation",
}
"""Who bridges the ceiling, by what was planned (teams, rotation): nothing planned, no ceiling."""
