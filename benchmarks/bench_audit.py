"""Audit speed and memory: people, ties, seconds per stage, peak memory.

Run: ``python benchmarks/bench_audit.py [--sizes 1000:16000 20000:400000]``.
The organisation is generated here with numpy (departments of uneven size, most ties
inside a department, a few department pairs never talking) and goes straight into a
``PlanningInput``; when the workbook reader is available the smaller sizes also go
through a real workbook so the read stage is timed end to end.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from crossteam.io.audit_writer import write_audit
from crossteam.models import Department, Employee, Interaction, PlanningInput
from crossteam.network import analyse


def generate(people: int, ties: int, seed: int = 0) -> PlanningInput:
    """A synthetic organisation with ``people`` employees and ``ties`` distinct ties."""
    rng = np.random.default_rng(seed)
    departments = max(2, round(people**0.5 / 2.5))
    sizes = rng.dirichlet(np.full(departments, 3.0))
    # One person in each department first, so none is empty
    drawn = rng.choice(departments, size=people - departments, p=sizes)
    department_of = np.sort(np.concatenate([np.arange(departments), drawn]))
    starts = np.searchsorted(department_of, np.arange(departments))
    ids = [f"E{i:06d}" for i in range(people)]
    names = [f"Dept {d:03d}" for d in range(departments)]
    headcount = np.bincount(department_of, minlength=departments)
    silent = {(d, (d + 1) % departments) for d in range(0, departments, 3)}

    pairs: set[tuple[int, int]] = set()
    while len(pairs) < ties:
        batch = 2 * (ties - len(pairs)) + 100
        a = rng.integers(0, people, batch)
        inside = rng.random(batch) < 0.75
        dept_b = np.where(inside, department_of[a], rng.integers(0, departments, batch))
        b = starts[dept_b] + (rng.random(batch) * headcount[dept_b]).astype(np.int64)
        for x, y in zip(a.tolist(), b.tolist(), strict=True):
            dx, dy = department_of[x], department_of[y]
            if x == y or (dx, dy) in silent or (dy, dx) in silent:
                continue
            pairs.add((min(x, y), max(x, y)))
            if len(pairs) == ties:
                break
    weights = rng.integers(1, 6, len(pairs))
    return PlanningInput(
        employees=tuple(
            Employee(employee_id=ids[i], department=names[department_of[i]]) for i in range(people)
        ),
        departments=tuple(
            Department(name=n, headcount=int(h), min_on_site=0.8, host_capacity=2)
            for n, h in zip(names, headcount, strict=True)
        ),
        interactions=tuple(
            Interaction(employee_a=ids[x], employee_b=ids[y], weight=float(w))
            for (x, y), w in zip(sorted(pairs), weights.tolist(), strict=True)
        ),
        has_interactions_sheet=True,
    )


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(people: int, ties: int) -> str:
    start = time.perf_counter()
    instance = generate(people, ties)
    generated = time.perf_counter() - start

    start = time.perf_counter()
    report = analyse(instance)
    analysed = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_audit(Path(folder) / "audit.xlsx", instance, report)
        written = time.perf_counter() - start
    return (
        f"{people:>7} {ties:>8} {len(report.departments):>5} {generated:>9.2f} "
        f"{analysed:>8.2f} {written:>7.2f} {analysed + written:>8.2f} "
        f"{'sampled' if report.betweenness_sampled else 'exact':>8} {peak_memory_mb():>8.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["1000:16000", "20000:400000"])
    args = parser.parse_args()
    print(
        f"{'people':>7} {'ties':>8} {'depts':>5} {'generate':>9} {'analyse':>8} {'write':>7} "
        f"{'total':>8} {'betw.':>8} {'peak MB':>8}"
    )
    for size in args.sizes:
        people, ties = (int(x) for x in size.split(":"))
        print(run(people, ties), flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
