"""Audit speed and memory: people, ties, seconds per stage, peak memory.

Run: ``python benchmarks/bench_audit.py [--sizes 1000:16000 20000:400000]``.
The organisation is generated here with numpy (departments of uneven size, most ties
inside a department, a few department pairs never talking), written as an input
workbook (Employees and Interactions sheets), then timed as ``crossteam audit`` runs
it: read the workbook, analyse, write the audit workbook. "total" is those three in
wall-clock seconds, "cpu" the processor seconds they took (the fairer figure on a
busy machine).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
from openpyxl import Workbook

from crossteam.io.audit_writer import write_audit
from crossteam.io.reader import load_workbook
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


def write_input(instance: PlanningInput, path: Path) -> None:
    """The Employees and Interactions sheets of ``instance``, streamed."""
    workbook = Workbook(write_only=True)
    employees = workbook.create_sheet("Employees")
    employees.append(["employee_id", "department"])
    for e in instance.employees:
        employees.append([e.employee_id, e.department])
    interactions = workbook.create_sheet("Interactions")
    interactions.append(["employee_a", "employee_b", "weight"])
    for i in instance.interactions:
        interactions.append([i.employee_a, i.employee_b, i.weight])
    workbook.save(path)


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(people: int, ties: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "input.xlsx"
        start = time.perf_counter()
        write_input(generate(people, ties), source)
        prepared = time.perf_counter() - start

        cpu = time.process_time()
        start = time.perf_counter()
        instance = load_workbook(source)
        read = time.perf_counter() - start

        start = time.perf_counter()
        report = analyse(instance)
        analysed = time.perf_counter() - start

        start = time.perf_counter()
        write_audit(Path(folder) / "audit.xlsx", instance, report)
        written = time.perf_counter() - start
        cpu = time.process_time() - cpu
    total = read + analysed + written
    return (
        f"{people:>7} {report.interactions:>8} {len(report.departments):>5} {prepared:>8.2f} "
        f"{read:>6.2f} {analysed:>8.2f} {written:>6.2f} {total:>6.2f} {cpu:>6.2f} "
        f"{'sampled' if report.betweenness_sampled else 'exact':>8} {peak_memory_mb():>8.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["1000:16000", "20000:400000"])
    args = parser.parse_args()
    print(
        f"{'people':>7} {'ties':>8} {'depts':>5} {'prepare':>8} {'read':>6} {'analyse':>8} "
        f"{'write':>6} {'total':>6} {'cpu':>6} {'betw.':>8} {'peak MB':>8}"
    )
    for size in args.sizes:
        people, ties = (int(x) for x in size.split(":"))
        print(run(people, ties), flush=True)


if __name__ == "__main__":
    main()
