"""Speed and memory of ``crossteam example``: generating and writing synthetic companies.

Run: ``python benchmarks/bench_example.py [--sizes 200 1000 5000 20000] [--departments 40]``.
Each size runs in a fresh process, so "peak MB" is that process's peak resident memory
(interpreter and libraries included). "generate" builds the company (``generate_company``),
"write" streams it to .xlsx (``write_input``); "cpu" is the CPU time of both, which a
busy machine does not inflate as it does wall time. A Markdown table goes to stdout.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from crossteam.io.input_writer import write_input
from crossteam.synthetic import generate_company


@dataclass(frozen=True)
class Measure:
    employees: int
    departments: int
    ties: int
    skill_rows: int
    teams: int
    generate_seconds: float
    write_seconds: float
    cpu_seconds: float
    file_mb: float
    peak_mb: float


def measure(employees: int, departments: int, seed: int) -> Measure:
    started, cpu_started = time.perf_counter(), time.process_time()
    company = generate_company(employees, departments, seed)
    generated = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "company.xlsx"
        write_input(company, path)
        written, cpu = time.perf_counter(), time.process_time() - cpu_started
        size = path.stat().st_size
    # ru_maxrss is in kilobytes on Linux.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Measure(
        employees=employees,
        departments=departments,
        ties=len(company.interactions),
        skill_rows=sum(len(e.skills) for e in company.employees),
        teams=len(company.teams),
        generate_seconds=generated - started,
        write_seconds=written - generated,
        cpu_seconds=cpu,
        file_mb=size / 2**20,
        peak_mb=peak,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000, 20000])
    parser.add_argument("--departments", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    print(
        "| employees | departments | ties | skill rows | teams | generate s | write s "
        "| total s | cpu s | file MB | peak MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for employees in args.sizes:
        # A fresh process per size: the peak memory of one size is not the last one's.
        with ProcessPoolExecutor(max_workers=1) as pool:
            m = pool.submit(measure, employees, args.departments, args.seed).result()
        print(
            f"| {m.employees:,} | {m.departments} | {m.ties:,} | {m.skill_rows:,} | {m.teams:,} "
            f"| {m.generate_seconds:.2f} | {m.write_seconds:.2f} "
            f"| {m.generate_seconds + m.write_seconds:.2f} | {m.cpu_seconds:.2f} "
            f"| {m.file_mb:.1f} | {m.peak_mb:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
