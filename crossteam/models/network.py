"""Results of the communication-network analysis (filled by ``crossteam.network``).

Gap weight of a department pair (what the planners maximise by bridging it; see
docs/metrics.md)::

    zero-tie pair:  zero_tie_gap_weight x priority
    weak pair:      weak_tie_gap_weight x (1 - density / weak_threshold) x priority
    tied pair:      0 (it already talks, prioritised or not)

where ``weak_threshold = weak_tie_ratio x between_department_density`` and
``priority`` is the Priorities sheet weight of the pair (1 when it is not listed).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crossteam import i18n
from crossteam.models.plan import RotationStint
from crossteam.models.planning_input import DepartmentName, EmployeeId, TeamName


class GapKind(StrEnum):
    ZERO = "zero"
    """No tie at all between the two departments."""
    WEAK = "weak"
    """Tie density below ``weak_tie_ratio`` x the organisation's between-department density."""
    TIED = "tied"

    @property
    def word(self) -> str:
        """The kind in the current language ("weak", "弱い交流")."""
        return i18n.t(f"explain.gap_kind.{self.value}")


class DepartmentPair(BaseModel):
    """Ties between two departments; ``department_a < department_b``."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    department_a: DepartmentName
    department_b: DepartmentName
    tied_pairs: int = Field(ge=0)
    """Distinct tied employee pairs across the two"""
    weight: float = Field(ge=0)
    """Summed interaction weight across the two"""
    density: float = Field(ge=0)
    """tied_pairs / (headcount_a x headcount_b)"""
    kind: GapKind
    priority: float = 1.0
    """Priorities multiplier (1 when none)"""
    gap_weight: float = Field(ge=0)
    """What bridging this pair is worth to the planners (0 when tied)"""


class DepartmentStats(BaseModel):
    """One department's place in the network."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    department: DepartmentName
    headcount: int = Field(ge=0)
    internal_ties: int = Field(ge=0)
    """Distinct tied pairs with both people inside"""
    external_ties: int = Field(ge=0)
    """Distinct tied pairs with one person inside"""
    ei_index: float | None
    """(external - internal) / (external + internal); None without ties"""
    weighted_ei_index: float | None
    """The same over interaction weights"""
    internal_density: float = Field(ge=0)
    """internal_ties / (headcount x (headcount - 1) / 2); 0 below 2 people"""
    breadth: int = Field(ge=0)
    """Other departments it has at least one tie with"""
    zero_tie_departments: int = Field(ge=0)
    """Other departments it has no tie with"""
    boundary_spanners: int = Field(ge=0)
    """Its people who are boundary spanners"""


class PersonStats(BaseModel):
    """One employee's position: reach across departments and brokerage."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    employee_id: EmployeeId
    department: DepartmentName
    degree: int = Field(ge=0)
    """People tied to"""
    breadth: int = Field(ge=0)
    """Other departments tied to"""
    betweenness: float = Field(ge=0)
    """Normalised shortest-path betweenness (unweighted paths)"""
    constraint: float | None
    """Burt's constraint over interaction weights; None without ties"""
    boundary_spanner: bool
    """Tied to two or more other departments"""
    sole_link_to: tuple[DepartmentName, ...] = ()
    """Departments whose every tie with this person's department runs through them"""

    @property
    def single_point_of_failure(self) -> bool:
        """Whether removing this person leaves some department pair with no tie."""
        return bool(self.sole_link_to)


class NetworkReport(BaseModel):
    """Everything the audit computes; the planners read ``pairs`` for gap weights.

    Departments without employees are left out of the department graph (there is no one
    to bridge); ``notes`` names them.
    """

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    pairs: tuple[DepartmentPair, ...] = ()
    employees: int = Field(default=0, ge=0)
    departments: tuple[DepartmentName, ...] = ()
    """Departments with at least one employee, sorted"""
    interactions: int = Field(default=0, ge=0)
    """Distinct tied employee pairs"""
    interaction_weight: float = Field(default=0.0, ge=0)
    """Summed interaction weight"""
    has_interactions_sheet: bool = True
    """False when the workbook had no Interactions sheet: every pair is a gap"""
    ei_index: float | None = None
    """Organisation E-I over distinct tied pairs; None without ties"""
    weighted_ei_index: float | None = None
    """E-I over summed weights"""
    modularity: float | None = None
    """Of the department partition, unweighted; None without ties"""
    communities: int = Field(default=0, ge=0)
    """Louvain communities found"""
    community_nmi: float | None = None
    """Normalised mutual information of Louvain vs departments"""
    algebraic_connectivity: float = Field(default=0.0, ge=0)
    """Of the department graph weighted by block density"""
    between_department_density: float = Field(default=0.0, ge=0)
    """Tied pairs across departments / possible such pairs"""
    weak_threshold: float = Field(default=0.0, ge=0)
    """Pairs below this density (but tied) are weak"""
    betweenness_sampled: bool = False
    """Betweenness estimated from sampled sources, not exact"""
    betweenness_sources: int = Field(default=0, ge=0)
    """Sources used for betweenness"""
    per_department: tuple[DepartmentStats, ...] = ()
    people: tuple[PersonStats, ...] = ()
    notes: tuple[str, ...] = ()
    """Plain-language caveats for readers"""

    def gap_weights(self) -> dict[tuple[DepartmentName, DepartmentName], float]:
        """Gap weight of each department pair worth bridging, keyed (a, b) with a < b."""
        return {
            (p.department_a, p.department_b): p.gap_weight for p in self.pairs if p.gap_weight > 0
        }

    @property
    def gap_pairs(self) -> tuple[tuple[DepartmentName, DepartmentName], ...]:
        """Department pairs with no tie at all, each once, sorted."""
        return tuple(
            sorted((p.department_a, p.department_b) for p in self.pairs if p.kind is GapKind.ZERO)
        )

    @property
    def ranked_gaps(self) -> tuple[DepartmentPair, ...]:
        """Pairs worth bridging, heaviest gap weight first (ties broken by name)."""
        gaps = [p for p in self.pairs if p.gap_weight > 0]
        return tuple(sorted(gaps, key=lambda p: (-p.gap_weight, p.department_a, p.department_b)))


class BridgedPair(BaseModel):
    """A department pair that was a gap before a plan and gained ties from it."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    department_a: DepartmentName
    department_b: DepartmentName
    kind_before: GapKind
    kind_after: GapKind
    tied_pairs_before: int = Field(ge=0)
    tied_pairs_after: int = Field(ge=0)
    gap_weight: float = Field(ge=0)
    """The pair's gap weight before the plan"""
    teams: tuple[TeamName, ...] = ()
    """Teams with people of both"""
    rotations: tuple[RotationStint, ...] = ()
    """Stints of a person of one department in the other"""


def projection() -> str:
    """How ``PlanEffect.after`` is made, in one line for every sheet that shows it, in the
    current language."""
    return i18n.t("explain.projection")


def __getattr__(name: str) -> str:
    # PROJECTION, the line of ``projection()``, stays importable; it is made when asked
    # for (PEP 562), in the language of that moment, not once at import
    if name == "PROJECTION":
        return projection()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")  # not shown: a bug


class PlanEffect(BaseModel):
    """The network before and after a plan, and the gaps the plan bridges; ``after`` is a
    projection (``projection()``)."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    before: NetworkReport
    after: NetworkReport
    bridged: tuple[BridgedPair, ...] = ()
