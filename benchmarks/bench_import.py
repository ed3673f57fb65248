"""Import speed and memory: reading and validating a large input workbook.

Run: ``python benchmarks/bench_import.py [--employees 5000] [--interactions 100000]``.
A company is written with openpyxl's write-only mode (every sheet of the contract:
employees with two extra attribute columns, about three skills each, the interactions,
departments, teams, team skills, periods, rules, settings), then ``read_workbook`` is
timed, in wall and CPU time (on a shared machine CPU time is the steadier figure), as
crossteam reads (large plain sheets by calamine) and with every sheet sent to the detailed
reader (as before issue 21), alternately in one run, so that the ratio is fair.
Peak memory is measured in a second, traced run (tracemalloc slows the reading), and
the process's peak resident size is reported as well. The goal is well under 10 s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from openpyxl import Workbook

from crossteam.io import plain_sheet
from crossteam.io.reader import read_workbook

SHIPPED_PLAIN_ABOVE = plain_sheet.PLAIN_ABOVE

SKILLS = ("Python", "SQL", "Negotiation", "Design", "Accounting", "Support", "Testing", "Law")
LOCATIONS = ("Tokyo", "Osaka", "Nagoya", "Fukuoka")


def write_company(path: Path, employees: int, interactions: int, seed: int = 0) -> None:
    """Write a valid input workbook of the given size to ``path``."""
    rng = random.Random(seed)
    departments = [f"Department {d:02d}" for d in range(max(2, employees // 250))]
    ids = [f"E{i:06d}" for i in range(employees)]
    workbook = Workbook(write_only=True)

    def sheet(title: str, header: list[str], rows: list[list[object]]) -> None:
        worksheet = workbook.create_sheet(title)
        worksheet.append(header)
        for row in rows:
            worksheet.append(row)

    sheet(
        "Employees",
        ["employee_id", "name", "department", "role", "location", "available",
         "rotation_eligible", "tenure", "previous_team"],
        [
            [ids[i], f"Person {i}", departments[i % len(departments)], "Staff",
             rng.choice(LOCATIONS), "yes", rng.choice(("yes", "no")), rng.randint(0, 30),
             f"T{rng.randint(1, 40)}"]
            for i in range(employees)
        ],
    )  # fmt: skip
    sheet(
        "Skills",
        ["employee_id", "skill", "level"],
        [
            [employee_id, skill, rng.randint(1, 5)]
            for employee_id in ids
            for skill in rng.sample(SKILLS, 3)
        ],
    )
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < interactions:
        a, b = rng.randrange(employees), rng.randrange(employees)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    sheet(
        "Interactions",
        ["employee_a", "employee_b", "weight"],
        [[ids[a], ids[b], rng.randint(1, 5)] for a, b in pairs],
    )
    sheet(
        "Departments",
        ["department", "min_on_site", "host_capacity", "can_host"],
        [[d, "80%", 2, "yes"] for d in departments],
    )
    sheet("Teams", ["team", "count", "min_size", "max_size"], [["Project", 20, 4, 6]])
    sheet("TeamSkills", ["team", "skill", "min_level"], [["Project", "Python", 3]])
    sheet("Periods", ["period"], [[f"2027-Q{q}"] for q in range(1, 5)])
    sheet(
        "Rules",
        ["rule", "employee_id", "target"],
        [["apart", ids[i], ids[i + 1]] for i in range(0, 200, 2)],
    )
    sheet(
        "Balance",
        ["attribute", "mode", "weight"],
        [["tenure", "balance", 1], ["previous_team", "different", 1]],
    )
    sheet("Settings", ["setting", "value"], [["time_limit_seconds", 30]])
    workbook.save(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=5_000)
    parser.add_argument("--interactions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is shown")
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "company.xlsx"
        # Written in a child process, so that this process's peak resident size is the
        # reader's own.
        started = time.perf_counter()
        writer = multiprocessing.get_context("spawn").Process(
            target=write_company, args=(path, options.employees, options.interactions)
        )
        writer.start()
        writer.join()
        written = time.perf_counter() - started

        timings: list[tuple[float, float]] = []  # (wall, CPU) seconds
        detailed: list[float] = []  # CPU seconds with the detailed reader only
        for _ in range(options.repeat):
            started, cpu = time.perf_counter(), time.process_time()
            result = read_workbook(path)
            timings.append((time.perf_counter() - started, time.process_time() - cpu))
            if len(timings) == 1:  # before a second instance coexists with the first
                max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB
            plain_sheet.PLAIN_ABOVE = 1 << 62
            cpu = time.process_time()
            read_workbook(path)
            detailed.append(time.process_time() - cpu)
            plain_sheet.PLAIN_ABOVE = SHIPPED_PLAIN_ABOVE
        if result.instance is None:
            sys.exit("the benchmark workbook is invalid: " + result.errors[0].render())

        tracemalloc.start()
        read_workbook(path)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = path.stat().st_size

    instance = result.instance
    rows = [
        ("employees", f"{len(instance.employees):,}"),
        ("interactions (distinct pairs)", f"{len(instance.interactions):,}"),
        ("skill rows", f"{sum(len(e.skills) for e in instance.employees):,}"),
        ("file size", f"{size / 1e6:.1f} MB"),
        ("write (openpyxl write-only)", f"{written:.2f} s"),
        (f"read_workbook, best of {options.repeat} (wall)", f"{min(timings)[0]:.2f} s"),
        ("read_workbook, worst (wall)", f"{max(timings)[0]:.2f} s"),
        ("read_workbook, best (CPU time)", f"{min(t[1] for t in timings):.2f} s"),
        ("detailed reader only, best (CPU time)", f"{min(detailed):.2f} s"),
        ("ratio (detailed only / as shipped)", f"{min(detailed) / min(t[1] for t in timings):.2f}"),
        ("load average (1 min) at the end", f"{os.getloadavg()[0]:.1f}"),
        ("peak traced memory (tracemalloc)", f"{traced_peak / 1e6:.0f} MB"),
        ("peak resident size, one read (whole process)", f"{max_rss:.0f} MB"),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value:>10}")


if __name__ == "__main__":
    main()
