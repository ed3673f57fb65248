"""Team formation: the baseline formulation against the final one, side by side.

    python benchmarks/bench_teams.py [--sizes 200 1000 5000] [--time-limit 60] [--workers 2]
                                     [--markdown OUT.md]

For each size it generates a company with ``crossteam.synthetic`` (20 departments up to
1,000 people, 40 beyond; one team per 10 employees, 450 at 5,000), reads it back with the
workbook reader, analyses the network, and plans the teams twice, each in a fresh process so
that peak memory (max resident set) is that run's alone:

- baseline: a boolean per employee and team, departments present implied by counts one
  way only, no redundant caps, no symmetry breaking, no starting plan;
- final: cohorts and classes, tight links and caps, ordered teams of one spec, the greedy
  start hinted in full, and candidate restriction when the model is large.

Columns: objective and bound (user units), gap, seconds (whole solve, model building
included), peak memory, and the share of zero-tie department pairs the teams bridge (the
greedy start's share too). A run that fails (memory limit, time) is reported as such.
Numbers are noisy when other work shares the cores: compare the two formulations by ratio
within one run, not across runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MEMORY_LIMIT_BYTES = 4 * 1024**3
"""Each run gets at most this much address space (the laptop target)."""


def departments_for(employees: int) -> int:
    return 20 if employees <= 1000 else 40


def teams_for(employees: int) -> int:
    return 450 if employees >= 5000 else employees // 10


def prepare(employees: int, folder: Path) -> Path:
    """Generate, read and analyse one company; pickle it for the runs."""
    import pickle

    from crossteam import network
    from crossteam.io.example_workbook import write_example
    from crossteam.io.reader import load_workbook

    book = folder / f"company-{employees}.xlsx"
    write_example(book, employees, departments_for(employees), seed=0, teams=teams_for(employees))
    instance = load_workbook(book)
    report = network.analyse(instance)
    stored = folder / f"company-{employees}.pickle"
    stored.write_bytes(pickle.dumps((instance, report)))
    return stored


def run_one(stored: Path, formulation: str, time_limit: float, workers: int) -> dict[str, Any]:
    """One plan (in this process): the figures of one table row."""
    import pickle

    from crossteam.checks.teams import check_teams
    from crossteam.models import GapKind
    from crossteam.planner import BASELINE, Formulation, SolveOptions, solve
    from crossteam.planner.greedy import greedy_teams

    instance, report = pickle.loads(stored.read_bytes())
    options = SolveOptions(
        time_limit_seconds=time_limit,
        workers=workers,
        plan_rotation=False,
        formulation=BASELINE if formulation == "baseline" else Formulation(),
    )
    started = time.monotonic()
    plan = solve(instance, report, options)
    seconds = time.monotonic() - started
    zero = {(p.department_a, p.department_b) for p in report.pairs if p.kind is GapKind.ZERO}
    department = {e.employee_id: e.department for e in instance.employees}

    def bridged(teams: list[list[str]]) -> float:
        pairs = set()
        for members in teams:
            ds = sorted({department[m] for m in members})
            pairs |= {(a, b) for i, a in enumerate(ds) for b in ds[i + 1 :]}
        return len(pairs & zero) / max(1, len(zero))

    greedy = greedy_teams(instance, report.gap_weights())
    violations = [r for r in check_teams(instance, plan) if not r.passed]
    return {
        "status": plan.status.value,
        "objective": plan.objective,
        "bound": plan.bound,
        "gap": plan.gap,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "bridged": bridged([list(t.members) for t in plan.teams]) if plan.has_solution else None,
        "greedy_bridged": bridged(list(greedy.values())),
        "violations": len(violations),
        "restricted": any(note.startswith("Large company") for note in plan.notes),
    }


def run_isolated(stored: Path, formulation: str, time_limit: float, workers: int) -> dict[str, Any]:
    """``run_one`` in a child process with a memory cap; a failure becomes a row too."""
    command = [sys.executable, __file__, "--one", str(stored), formulation, str(time_limit),
               str(workers)]  # fmt: skip

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))

    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=4 * time_limit + 300,
            preexec_fn=cap_memory, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"status": "did not finish in time"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"status": f"failed: {last[:80]}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def table(rows: list[tuple[int, str, dict[str, Any]]]) -> str:
    def number(value: Any, pattern: str) -> str:
        return format(value, pattern) if isinstance(value, int | float) else "-"

    lines = [
        "| employees | formulation | status | objective | bound | gap | seconds | peak MB "
        "| zero-tie pairs bridged (greedy start) | violations |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for employees, formulation, r in rows:
        bridged = f"{number(r.get('bridged'), '.1%')} ({number(r.get('greedy_bridged'), '.1%')})"
        name = formulation + (" (restricted)" if r.get("restricted") else "")
        lines.append(
            f"| {employees:,} | {name} | {r.get('status')} | {number(r.get('objective'), ',.1f')} "
            f"| {number(r.get('bound'), ',.1f')} | {number(r.get('gap'), '.2%')} "
            f"| {number(r.get('seconds'), '.1f')} | {number(r.get('peak_mb'), ',.0f')} "
            f"| {bridged} | {r.get('violations', '-')} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--formulations", nargs="+", default=["baseline", "final"])
    parser.add_argument("--markdown", type=Path, help="Also write the table here")
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        stored, formulation, limit, workers = args.one
        print(json.dumps(run_one(Path(stored), formulation, float(limit), int(workers))))
        return
    rows: list[tuple[int, str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as folder:
        for employees in args.sizes:
            stored = prepare(employees, Path(folder))
            for formulation in args.formulations:
                result = run_isolated(stored, formulation, args.time_limit, args.workers)
                rows.append((employees, formulation, result))
                print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    text = table(rows)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
