"""Results of the communication-network analysis (filled by ``crossteam.network``)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crossteam.models.planning_input import DepartmentName


class GapKind(StrEnum):
    ZERO = "zero"
    """No tie at all between the two departments."""
    WEAK = "weak"
    """Tie density below ``weak_tie_ratio`` x the organisation's between-department density."""
    TIED = "tied"


class DepartmentPair(BaseModel):
    """Ties between two departments; ``department_a < department_b``."""

    model_config = ConfigDict(frozen=True)

    department_a: DepartmentName
    department_b: DepartmentName
    tied_pairs: int = Field(ge=0, description="Distinct tied employee pairs across the two")
    weight: float = Field(ge=0, description="Summed interaction weight across the two")
    density: float = Field(ge=0, description="tied_pairs / (headcount_a x headcount_b)")
    kind: GapKind
    priority: float = Field(default=1.0, description="Priorities multiplier (1 when none)")
    gap_weight: float = Field(
        ge=0, description="What bridging this pair is worth to the planners (0 when tied)"
    )


class NetworkReport(BaseModel):
    """Everything the audit computes; the planners read ``pairs`` for gap weights."""

    model_config = ConfigDict(frozen=True)

    pairs: tuple[DepartmentPair, ...] = ()

    def gap_weights(self) -> dict[tuple[DepartmentName, DepartmentName], float]:
        """Gap weight of each department pair worth bridging, keyed (a, b) with a < b."""
        return {
            (p.department_a, p.department_b): p.gap_weight for p in self.pairs if p.gap_weight > 0
        }
