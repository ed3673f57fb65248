"""Rotation alone at scale: aggregated classes versus one class per employee.

Usage: python benchmarks/bench_rotation.py [--company example|synthetic]
[--employees 2000] [--departments 40] [--periods 8] [--time-limit 60] [--workers 2]
[--seed 0] [--formulation both] [--max-rotations 1] [--stint-periods 1]

Two seeded companies. ``example`` is ``crossteam example`` (``write_example``, read back
with the reader): its Departments, Rules and Settings sheets, gap weights with weak ties
and priorities. ``synthetic`` is built here: departments with a few typical skills each,
people who talk inside their department and to the two next departments in a ring (so
most department pairs have no tie), about 5 % unavailable and 10 % not rotation-eligible,
a tenth of departments that cannot host, a critical skill in every fourth department,
default Settings (uniform gap weights). Gap weights come from
``crossteam.network.analyse``. Each run reports the model size, the build time,
objective, bound and relative gap, and the checker's violations.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from ortools.sat.python import cp_model

from crossteam.checks.rotation import check_rotation
from crossteam.io.example_workbook import write_example
from crossteam.io.reader import load_workbook
from crossteam.models import (
    Department,
    Employee,
    Interaction,
    Period,
    Plan,
    PlanningInput,
    Settings,
    SolveStatus,
)
from crossteam.models.limits import OBJECTIVE_SCALE
from crossteam.network import analyse
from crossteam.planner.context import ModelContext
from crossteam.planner.rotation import build_rotation

SKILL_POOL = tuple(f"skill{k:02d}" for k in range(40))


def synthetic_company(
    employees: int, departments: int, periods: int, seed: int, settings: Settings
) -> PlanningInput:
    rng = random.Random(seed)
    names = [f"D{d:02d}" for d in range(departments)]
    typical = {d: rng.sample(SKILL_POOL, 3) for d in names}
    people: list[Employee] = []
    for i in range(employees):
        home = names[i % departments]
        held = {
            (rng.choice(typical[home]) if rng.random() < 0.75 else rng.choice(SKILL_POOL))
            for _ in range(rng.randint(1, 4))
        }
        people.append(
            Employee(
                employee_id=f"E{i:05d}",
                department=home,
                available=rng.random() > 0.05,
                rotation_eligible=rng.random() > 0.10,
                skills={s: rng.randint(1, 5) for s in held},
            )
        )
    headcount = Counter(e.department for e in people)
    department_list = tuple(
        Department(
            name=d,
            headcount=headcount[d],
            min_on_site=0.8,
            host_capacity=2,
            can_host=k % 10 != 3,
            critical_skills=(typical[d][0],) if k % 4 == 0 else (),
        )
        for k, d in enumerate(names)
    )
    return PlanningInput(
        employees=tuple(people),
        departments=department_list,
        interactions=_ring_ties(people, names, rng),
        has_interactions_sheet=True,
        periods=tuple(Period(label=f"P{p + 1}", index=p) for p in range(periods)),
        settings=settings,
        skills=tuple(sorted({s for e in people for s in e.skills})),
    )


def _ring_ties(
    people: list[Employee], names: list[str], rng: random.Random
) -> tuple[Interaction, ...]:
    members: dict[str, list[str]] = {d: [] for d in names}
    for e in people:
        members[e.department].append(e.employee_id)
    ties: set[tuple[str, str]] = set()
    for k, d in enumerate(names):
        for a in members[d]:
            partners = rng.sample(members[d], min(3, len(members[d])))
            partners += [
                rng.choice(members[names[(k + step) % len(names)]])
                for step in (1, 2)
                if rng.random() < 0.3
            ]
            ties.update((min(a, b), max(a, b)) for b in partners if a != b)
    return tuple(Interaction(employee_a=a, employee_b=b) for a, b in sorted(ties))


def run(
    instance: PlanningInput, aggregate: bool, time_limit: float, workers: int, seed: int
) -> None:
    gap_weights = analyse(instance).gap_weights()
    started = time.perf_counter()
    ctx = ModelContext(instance=instance, gap_weights=gap_weights)
    rotation = build_rotation(ctx, aggregate=aggregate)
    ctx.finish()
    _hint_covered(ctx)
    built = time.perf_counter() - started
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(ctx.model)
    name = "aggregated" if aggregate else "per-employee"
    proto = ctx.model.proto
    print(
        f"{name}: {len(rotation.classes)} classes in {len(rotation.groups)} timing groups, "
        f"{len(proto.variables)} variables, "
        f"{len(proto.constraints)} constraints, {len(gap_weights)} gap pairs, "
        f"built in {built:.1f} s"
    )
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        print(f"  no solution: {solver.status_name(status)}")
        return
    objective, bound = solver.objective_value, solver.best_objective_bound
    gap = (bound - objective) / max(abs(bound), 1e-9)
    extract_started = time.perf_counter()
    stints = rotation.extract(solver)
    extracted = time.perf_counter() - extract_started
    plan = Plan(status=SolveStatus.FEASIBLE, rotation=stints)
    failures = [r for r in check_rotation(instance, plan) if not r.passed]
    covered = sum(solver.value(v) for v in ctx.covered.values())
    print(
        f"  {solver.status_name(status)} in {solver.wall_time:.1f} s: objective "
        f"{objective / OBJECTIVE_SCALE:.1f}, bound {bound / OBJECTIVE_SCALE:.1f}, gap "
        f"{gap:.2%}; {covered} of {len(gap_weights)} gap pairs bridged; "
        f"{len(stints)} periods away (extracted in {extracted:.1f} s); "
        f"{len(failures)} rule violations"
    )
    for failure in failures[:5]:
        print(f"  FAIL {failure.rule} {failure.subject}: {failure.detail}")


def _hint_covered(ctx: ModelContext) -> None:
    """Complete the hint as the orchestrator does: a pair is covered when a bridge is hinted."""
    hinted = dict(
        zip(ctx.model.proto.solution_hint.vars, ctx.model.proto.solution_hint.values, strict=True)
    )
    for key, covered in ctx.covered.items():
        ctx.model.add_hint(covered, int(any(hinted[lit.index] for lit in ctx.bridges[key])))


def example_company(
    employees: int, departments: int, periods: int, seed: int, settings: dict[str, int]
) -> PlanningInput:
    """``crossteam example``'s workbook, read back; ``settings`` override its sheet."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "company.xlsx"
        write_example(path, employees, departments, seed, periods=periods)
        instance = load_workbook(path)
    return instance.model_copy(update={"settings": instance.settings.model_copy(update=settings)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--company", choices=("example", "synthetic"), default="example")
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--departments", type=int, default=40)
    parser.add_argument("--periods", type=int, default=8)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-rotations", type=int, default=1)
    parser.add_argument("--stint-periods", type=int, default=1)
    parser.add_argument(
        "--formulation", choices=("aggregated", "per-employee", "both"), default="both"
    )
    args = parser.parse_args()
    stints = {
        "max_rotations_per_employee": args.max_rotations,
        "stint_periods": args.stint_periods,
    }
    size = (args.employees, args.departments, args.periods, args.seed)
    instance = (
        example_company(*size, stints)
        if args.company == "example"
        else synthetic_company(*size, Settings(**stints))
    )
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for aggregate in (True, False):
        if args.formulation in ("both", "aggregated" if aggregate else "per-employee"):
            run(instance, aggregate, args.time_limit, args.workers, args.seed)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB; load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
