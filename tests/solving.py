"""Quick solve options and "solve, then re-check with the solver-independent checker".

Every solve a test makes goes through ``solved``, so that no test trusts the model alone:
``crossteam.checks.verify`` re-checks each plan against the input. The options bound the
search by work (CP-SAT's deterministic time), not by the clock: on a loaded machine a
solve takes longer but finds the same plan, so assertions on plan quality (optimal, an
objective, the pairs bridged) cannot flip. The wall limit is only a safety net.

These are plain functions rather than ``conftest.py`` fixtures: helpers that build
instances call them too, and ``tests/reliability`` has a conftest of its own, so a module
named ``conftest`` cannot be imported from both places.
"""

from __future__ import annotations

from instances import network_report

from crossteam.checks import verify
from crossteam.models import NetworkReport, Plan, PlanningInput
from crossteam.planner import PreviousPlan, SolveOptions, solve

SAFETY_SECONDS = 300.0
"""The wall-clock limit of a test solve: far above what its work takes, so that the work
limit, never the clock, ends the search."""


def by_work(
    work: float = 0.5, *, teams: bool = True, rotation: bool = True, workers: int = 2
) -> SolveOptions:
    """Options for a test solve that stops after ``work`` units of deterministic time,
    planning ``teams`` and ``rotation`` on ``workers`` threads."""
    return SolveOptions(
        time_limit_seconds=SAFETY_SECONDS,
        deterministic_time_limit=work,
        workers=workers,
        plan_teams=teams,
        plan_rotation=rotation,
    )


TEAMS_ONLY = by_work(rotation=False)
"""The quick options of most planner tests: teams only, half a unit of work."""
ROTATION_ONLY = by_work(teams=False)
"""The quick options for rotation alone."""


def solved(
    instance: PlanningInput,
    options: SolveOptions = TEAMS_ONLY,
    *,
    report: NetworkReport | None = None,
    previous: PreviousPlan | None = None,
) -> Plan:
    """``instance`` planned with ``options`` against ``report`` (by default the gap weights
    ``instances.network_report`` derives), asserted to have a plan that the
    solver-independent checker passes."""
    given = report if report is not None else network_report(instance)
    plan = solve(instance, given, options, previous=previous)
    assert plan.has_solution, plan.explanation
    checks = verify(instance, plan)
    assert checks.passed, checks.failures
    return plan
