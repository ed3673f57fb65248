"""The results of a scenario sweep: one small record per scenario, and the sweep as a whole.

A record is what a worker sends back (figures, not models or solvers), with the plan's
teams and rotation so that every scenario's plan stays reachable from the sweep workbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from crossteam.models.plan import RotationStint, SolveStatus, TeamAssignment
from crossteam.models.problems import Problem

GridValue = int | float | bool | str
"""A value a grid gives a setting (``weight_bridging: 20``, ``teams.Launch.count: 3``)."""


class ScenarioResult(BaseModel):
    """One scenario's plan, summarised; ``failure`` says why there is none."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    scenario: int = Field(ge=0)
    """Position in the grid; 0 is the baseline."""
    name: str
    changes: dict[str, GridValue] = Field(default_factory=dict)
    """The settings this scenario gives, by grid key."""
    status: SolveStatus | None = None
    """None when the run failed."""
    failure: str | None = None
    """Why no result came back."""
    attempts: int = Field(default=1, ge=0)
    """Runs started, retries included; 0 when never started."""
    seed: int = 0
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    seconds: float = Field(default=0.0, ge=0)
    """Solver wall time."""
    explanation: tuple[str, ...] = ()
    """Why the planner found no plan, in plain words."""
    silent_pairs_before: int | None = None
    """Department pairs with no tie at all, before the plan."""
    silent_pairs_after: int | None = None
    silent_pairs_bridged: int | None = None
    """Zero-tie department pairs the plan gives a tie."""
    departments_per_team: float | None = None
    """Mean number of distinct departments in a team."""
    skill_depth: float | None = None
    """Skill levels above the teams' minimums covered (from the objective; None when
    weight_skill_depth is 0)."""
    checks_passed: bool | None = None
    """Every rule re-verified by crossteam.checks."""
    check_failures: tuple[str, ...] = ()
    changed_share: float | None = None
    """Share of assignments (employee in team, stint) that differ from scenario 0:
    |A xor B| / |A or B|."""
    pareto: bool = False
    """No other scenario is at least as good."""
    teams: tuple[TeamAssignment, ...] = ()
    rotation: tuple[RotationStint, ...] = ()

    @property
    def has_plan(self) -> bool:
        return self.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)


class SweepResult(BaseModel):
    """Every scenario of a sweep, in grid order, and how the sweep was run."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    scenarios: tuple[ScenarioResult, ...]
    keys: tuple[str, ...] = ()
    """Grid keys varied, in grid order."""
    criteria: tuple[str, ...] = ()
    """ScenarioResult fields the Pareto marking maximises."""
    engine: str
    processes: int = Field(ge=1)
    """Worker processes (of the cluster at address)."""
    address: str | None = None
    seconds: float = Field(ge=0)
    """Wall time of the whole sweep."""

    @property
    def failed(self) -> tuple[ScenarioResult, ...]:
        return tuple(s for s in self.scenarios if s.failure is not None)


@dataclass(frozen=True)
class GridPlace:
    """Where a grid entry was written: a YAML line or a sheet cell."""

    sheet: str
    row: int | None = None
    column: str | None = None
    cell: str | None = None

    def problem(self, message: str) -> Problem:
        return Problem(
            sheet=self.sheet, row=self.row, column=self.column, cell=self.cell, message=message
        )


@dataclass
class GridEntry:
    """One scenario as written, each value with its place."""

    name: str | None
    place: GridPlace
    values: dict[str, tuple[object, GridPlace]] = field(default_factory=dict)


@dataclass
class WrittenGrid:
    """A grid as its file holds it (``io.grid_reader``), before its keys and values are
    checked against an instance (``sweep.grid``): the product's lists, then the explicit
    scenarios."""

    source: str = ""
    """The grid file's path."""
    vary: dict[str, list[tuple[object, GridPlace]]] = field(default_factory=dict)
    vary_place: GridPlace | None = None
    explicit: list[GridEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
