"""How one planning run is controlled (limits, seed, workers, parts) and what it reports live."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import StrEnum

from crossteam.models import Settings


@dataclass(frozen=True)
class Formulation:
    """Which strengthening of the team model is on; all off is the benchmarks' baseline
    (a boolean per employee and team, departments present implied by counts one way only,
    no symmetry breaking, no starting plan)."""

    aggregate: bool = True
    """Interchangeable people as one integer per class and team."""
    tight: bool = True
    """Departments present tied both ways to counts, and caps the LP cannot see."""
    symmetry: bool = True
    """Teams of one spec ordered by a key."""
    greedy_start: bool = True
    """A greedy plan, improved by local search, hinted in full."""
    own_bound: bool = True
    """The bound worked out by hand (``bounds``) beside the solver's."""
    department_level: bool = True
    """The department-level model (``department_level``): its bound, and its plan filled
    with people as the start when it beats the greedy one."""


BASELINE = Formulation(
    aggregate=False,
    tight=False,
    symmetry=False,
    greedy_start=False,
    own_bound=False,
    department_level=False,
)


DETERMINISTIC_PER_SECOND = 0.1
"""Deterministic time (CP-SAT's unit of work) a repeatable run's search may use per second
of its time limit, when no ``deterministic_time_limit`` is set (docs/model.md, "Run
control"). Measured on a 2-core machine shared with other jobs: on a 1,000-person example
with a 60 s limit (load average 2-3) the stages before the search took 28 s and the
interleaved search on two workers then did 0.68 units a second; on the bundled
150-person example (load average 5) the search did 0.33 units a second, and a quarter
unit per second of the limit was then just reached within a 10 s limit. A tenth leaves
the search about a third of the limit's wall clock at that load, so that the work limit,
not the clock, ends the run."""
INTERLEAVE_BATCH = 6
"""Tasks CP-SAT's interleaved search runs between two synchronisations. Fixed, rather than
CP-SAT's default (which grows with the workers), so that the batches do not change with
the number of threads (the solver's portfolio still may: docs/limits.md)."""


@dataclass(frozen=True)
class SolveOptions:
    """Run control of ``solve``: the Settings sheet's values, overridden on the command line."""

    time_limit_seconds: float = 60.0
    """The wall-clock limit; in a repeatable run a safety net behind the work limit."""
    seed: int = 0
    workers: int = 0
    """Solver threads; 0 means one per CPU core."""
    deterministic_time_limit: float | None = None
    """Solver deterministic-time units of the search; when ``None``, a repeatable run takes
    ``DETERMINISTIC_PER_SECOND`` per second of the time limit (``work_limit``)."""
    repeatable: bool = True
    """The same input and options give the same plan on this machine: every stage is
    bounded by work rather than by the clock, and the search's workers interleave their
    work deterministically. Off, the search runs free on the wall clock (plans may differ
    from run to run)."""
    plan_teams: bool = True
    plan_rotation: bool = True
    formulation: Formulation = Formulation()

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> SolveOptions:
        """Options from ``settings``; an override that is ``None`` keeps the setting."""
        options = cls(
            time_limit_seconds=settings.time_limit_seconds,
            seed=settings.random_seed,
            workers=settings.workers,
            deterministic_time_limit=settings.deterministic_time_limit,
            repeatable=settings.repeatable,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(options, **given)  # type: ignore[arg-type]

    @property
    def threads(self) -> int:
        """Worker threads the solver gets: ``workers``, or one per core when it is 0."""
        return self.workers or usable_cores()

    @property
    def work_limit(self) -> float | None:
        """The search's deterministic time limit: the one set, or in a repeatable run
        ``DETERMINISTIC_PER_SECOND`` per second of the time limit; ``None`` on the clock alone."""
        if self.deterministic_time_limit is not None:
            return self.deterministic_time_limit
        if self.repeatable:
            return DETERMINISTIC_PER_SECOND * self.time_limit_seconds
        return None

    @property
    def by_work(self) -> bool:
        """Every stage is bounded by work, not by the clock, so the run repeats: a
        repeatable run, or one worker with a deterministic time limit (as before
        ``repeatable`` existed)."""
        return self.work_limit is not None and (self.repeatable or self.threads == 1)

    def share(self, part: float) -> SolveOptions:
        """These options for a part of the run given ``part`` of its time (and work)."""
        limit = self.deterministic_time_limit
        return replace(
            self,
            time_limit_seconds=part * self.time_limit_seconds,
            deterministic_time_limit=None if limit is None else part * limit,
        )


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # no affinity on macOS and Windows
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Progress:
    """The search at one improvement, in the user's objective units."""

    objective: float
    bound: float
    gap: float | None
    seconds: float
    """Since ``solve`` was called."""
    solutions: int
    """Improving solutions found so far."""


class Stage(StrEnum):
    """A stage of a planning run, reported as it starts (the command line shows it)."""

    START = "start"
    """The starting plan: greedy, then local search."""
    DEPARTMENTS = "departments"
    """The department-level model: which departments meet in which team (its bound and
    plan)."""
    MODEL = "model"
    """Building the CP-SAT model (and the rotation's greedy hint)."""
    BOUND = "bound"
    """The bound worked out by hand (``bounds``, ``ceiling``)."""
    SEARCH = "search"
    """The CP-SAT search: from now on a plan found is kept when the run is stopped."""
    BLOCKS = "blocks"
    """Very large companies: the start plan improved block of teams by block of teams."""
    EXPLAIN = "explain"
    """No plan meets every rule: finding the rules in conflict."""


def silent(stage: Stage) -> None:
    """No one listens to the stages."""
