"""Alternative plans: how each of K good plans compares with the best and with each other."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from crossteam.models.plan import TeamAssignment


class AlternativeSummary(BaseModel):
    """One of the alternative plans, in the figures a planner compares them by."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    number: int = Field(ge=1)
    """1 is the best plan; 2..K the alternatives"""
    objective: float
    share_of_best: float
    """Objective as a share of plan 1's"""
    within_tolerance: bool
    """Objective at least (1 - tolerance) of plan 1's"""
    distinct: bool
    """Differs from every earlier plan in at least the required share"""
    checks_passed: bool
    """Every rule re-verified by the checker holds"""
    silent_pairs_bridged: int = Field(ge=0)
    """Gap department pairs the plan bridges"""
    departments_per_team: float = Field(ge=0)
    """Mean distinct departments per team"""
    difference_to: dict[int, float] = Field(default_factory=dict)
    """Share of team assignments that differ from each other plan, by number"""
    attempts: int = Field(default=1, ge=1)
    """Solves made to find this plan"""
    forbidden_share: float = Field(default=0.0, ge=0, le=1)
    """Share of earlier members barred from their team"""
    teams: tuple[TeamAssignment, ...] = ()
