"""The benchmark suite: every stage of a plan, at every size, one table per stage.

Run: ``python benchmarks/suite.py [--quick] [--sizes 200,1000,5000,20000] [--time-limit S]
[--workers 2] [--shape classic|realistic] [--out benchmarks/results/suite.md]``.

Each size is a ``crossteam example`` company (seed 0; one team per 11 employees, as 450
teams at 5,000) written to a temporary folder. The classic shape (the default, as in the
first benchmarks) has 10 departments at 200 employees, 20 up to 1,000, 40 up to 20,000 and 80
beyond (issue 21: 50,000 people in 80 departments); the
realistic one (heavy-tailed department sizes, a silent periphery of small departments) has
40 at 1,000, 100 at 5,000 and 200 at 20,000. Then each stage runs in a fresh child
process, so that its figures are its own: import (read and validate the workbook), audit
(``network.analyse``), teams (teams only), rotation (rotation only), teams + rotation (one
model), export (write the plan workbook of teams + rotation). A stage's inputs (the
instance, the network report, the plan) reach its child pickled, and are unpickled before
the clock starts.

Columns: wall and CPU seconds of the stage alone (CPU counts every solver thread, and a
busy machine inflates it far less than wall time); peak MB, the child's peak resident
size (``ru_maxrss``: interpreter, libraries and the unpickled inputs included), read just
after the stage, before any checking; inputs MB, the child's resident size just before
the stage (so peak - inputs is about what the stage added); objective, bound and gap of
the plan (maximised, in the objective's own units; gap is CP-SAT's relative gap); zero-
tie pairs bridged, of the department pairs with no tie before the plan, and the most any
plan of these teams and periods can bridge (``silent_pairs_ceiling``); checks, whether
the solver-independent checker passed the plan (the team checks for teams, the rotation
checks for rotation, both, as ``crossteam.checks.verify``, for teams + rotation). Export
writes the teams + rotation plan (the last plan found, when that run found none).
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from crossteam.checks.rotation import check_rotation
from crossteam.checks.teams import check_teams
from crossteam.io.example_workbook import write_example
from crossteam.io.plan_writer import write_plan
from crossteam.io.reader import load_workbook
from crossteam.models import CheckReport, CompanyShape, Plan, PlanEffect, PlanningInput, RunInfo
from crossteam.models.network import GapKind
from crossteam.network import analyse, compare
from crossteam.planner import SolveOptions, solve

FULL_SIZES = (200, 1_000, 5_000, 20_000)
QUICK_SIZES = (200,)
FULL_TIME_LIMIT = 60.0
QUICK_TIME_LIMIT = 3.0
EMPLOYEES_PER_TEAM = 11.1
"""5,000 employees make the 450 teams of the scaling goal."""
SEED = 0

WORKBOOK = "company.xlsx"
PLANS = {"teams": (True, False), "rotation": (False, True), "teams + rotation": (True, True)}
"""Planning stages: (plan_teams, plan_rotation)."""
STAGES = ("import", "audit", *PLANS, "export")
COLUMNS = (
    "size",
    "wall s",
    "cpu s",
    "peak MB",
    "inputs MB",
    "objective",
    "bound",
    "gap",
    "zero-tie pairs bridged",
    "checks",
)

T = TypeVar("T")


def departments_for(employees: int, shape: CompanyShape = CompanyShape.CLASSIC) -> int:
    """Departments of the benchmark company of this size and shape."""
    if shape is CompanyShape.REALISTIC:
        return (
            10
            if employees <= 200
            else 40
            if employees <= 1_000
            else 100
            if employees <= 5_000
            else 200
        )
    return (
        10 if employees <= 200 else 20 if employees <= 1_000 else 40 if employees <= 20_000 else 80
    )


def teams_for(employees: int) -> int:
    return round(employees / EMPLOYEES_PER_TEAM)


def peak_mb() -> float:
    """This process's peak resident size so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb() -> float:
    """This process's resident size now."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float
    peak_mb: float
    inputs_mb: float


def timed(work: Callable[[], T]) -> tuple[T, Timing]:
    """Run ``work`` and measure it: wall and process CPU seconds, resident sizes."""
    inputs = resident_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return result, Timing(wall=wall, cpu=cpu, peak_mb=peak_mb(), inputs_mb=inputs)


@dataclass(frozen=True)
class StageResult:
    """One row of a stage's table."""

    stage: str
    size: int
    timing: Timing
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    zero_tie_bridged: int | None = None
    zero_tie_pairs: int | None = None
    at_most: int | None = None
    checks: str = "-"

    def cells(self) -> list[str]:
        """The row in the order of ``COLUMNS``."""
        t = self.timing
        bridged = "-"
        if self.zero_tie_bridged is not None and self.zero_tie_pairs:
            share = self.zero_tie_bridged / self.zero_tie_pairs
            bridged = f"{self.zero_tie_bridged} of {self.zero_tie_pairs} ({share:.0%})"
            if self.at_most is not None:
                bridged += f", at most {self.at_most}"
        elif self.zero_tie_bridged is not None:
            bridged = f"{self.zero_tie_bridged} of 0"
        return [
            f"{self.size:,}",
            f"{t.wall:.2f}",
            f"{t.cpu:.2f}",
            f"{t.peak_mb:.0f}",
            f"{t.inputs_mb:.0f}",
            _number(self.objective),
            _number(self.bound),
            f"{self.gap:.2%}" if self.gap is not None else "-",
            bridged,
            self.checks,
        ]


def _number(value: float | None) -> str:
    return f"{value:,.1f}" if value is not None else "-"


# ---------------------------------------------------------------------------- stages
# Each runs in its own child process, reads its inputs from the size's folder and leaves
# its outputs there for the stages after it.


def _save(folder: Path, name: str, value: object) -> None:
    with open(folder / f"{name}.pickle", "wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)


def _restore(folder: Path, name: str) -> Any:
    with open(folder / f"{name}.pickle", "rb") as f:
        return pickle.load(f)


def _import(folder: Path, size: int) -> StageResult:
    instance, timing = timed(lambda: load_workbook(folder / WORKBOOK))
    _save(folder, "instance", instance)
    return StageResult("import", size, timing)


def _audit(folder: Path, size: int) -> StageResult:
    instance = _restore(folder, "instance")
    report, timing = timed(lambda: analyse(instance))
    _save(folder, "report", report)
    return StageResult("audit", size, timing)


def _plan(folder: Path, size: int, stage: str, time_limit: float, workers: int) -> StageResult:
    instance, report = _restore(folder, "instance"), _restore(folder, "report")
    plan_teams, plan_rotation = PLANS[stage]
    options = SolveOptions.from_settings(
        instance.settings,
        time_limit_seconds=time_limit,
        workers=workers,
        plan_teams=plan_teams,
        plan_rotation=plan_rotation,
    )
    plan, timing = timed(lambda: solve(instance, report, options))
    if not plan.has_solution:
        return StageResult(stage, size, timing, checks=f"no plan ({plan.status.value})")
    checks = checks_of_parts(instance, plan, plan_teams, plan_rotation)
    effect = compare(instance, plan, before=report)
    _save(folder, f"plan {stage}", (plan, checks, effect, options))
    bridged = sum(1 for b in effect.bridged if b.kind_before is GapKind.ZERO)
    return StageResult(
        stage,
        size,
        timing,
        objective=plan.objective,
        bound=plan.bound,
        gap=plan.gap,
        zero_tie_bridged=bridged,
        zero_tie_pairs=len(report.gap_pairs),
        at_most=plan.silent_pairs_ceiling,
        checks="passed" if checks.passed else "FAILED: " + _failed_rules(checks),
    )


def checks_of_parts(
    instance: PlanningInput, plan: Plan, plan_teams: bool, plan_rotation: bool
) -> CheckReport:
    """The checker's verdict on the parts that were planned. ``checks.verify`` holds a
    teams-only plan to the rotation rules too (a ``rotate_to`` rule fails when no one
    rotates), rules that run never tried to meet; with both parts this is ``verify``."""
    return CheckReport(
        results=(
            *(check_teams(instance, plan) if plan_teams else ()),
            *(check_rotation(instance, plan) if plan_rotation else ()),
        )
    )


def _failed_rules(checks: CheckReport) -> str:
    counts = Counter(f.rule for f in checks.failures)
    return ", ".join(f"{rule} x{n}" for rule, n in sorted(counts.items()))


def _export(folder: Path, size: int, source: str) -> StageResult:
    instance = _restore(folder, "instance")
    plan: Plan
    checks: CheckReport
    effect: PlanEffect
    options: SolveOptions
    plan, checks, effect, options = _restore(folder, f"plan {source}")
    run_info = RunInfo(
        command=" ".join(["python", *sys.argv]),
        input_path=str(folder / WORKBOOK),
        input_sha256=instance.source.sha256 if instance.source else "",
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        seed=options.seed,
        time_limit_seconds=options.time_limit_seconds,
        workers=options.threads,
        plan_teams=options.plan_teams,
        plan_rotation=options.plan_rotation,
        wall_seconds=plan.seconds,
        versions=versions(),
        platform=platform.platform(),
    )
    _, timing = timed(
        lambda: write_plan(
            folder / "plan.xlsx", instance, plan, effect=effect, checks=checks, run_info=run_info
        )
    )
    return StageResult("export", size, timing)


def versions() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        **{p: metadata.version(p) for p in ("crossteam", "ortools", "networkx", "openpyxl")},
    }


def _in_child(function: Callable[..., T], *args: object) -> T:
    """``function(*args)`` in a fresh interpreter, so its peak memory is its own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def run_size(
    size: int,
    time_limit: float,
    workers: int,
    on_result: Callable[[StageResult], None],
    shape: CompanyShape = CompanyShape.CLASSIC,
) -> list[StageResult]:
    """Every stage at one size; ``on_result`` sees each row as soon as it is measured."""
    results: list[StageResult] = []

    def record(result: StageResult) -> None:
        results.append(result)
        on_result(result)

    with tempfile.TemporaryDirectory(prefix=f"crossteam-suite-{size}-") as name:
        folder = Path(name)
        _in_child(_write_company, folder, size, shape)
        record(_in_child(_import, folder, size))
        record(_in_child(_audit, folder, size))
        for stage in PLANS:
            record(_in_child(_plan, folder, size, stage, time_limit, workers))
        planned = [r.stage for r in results if r.stage in PLANS and r.objective is not None]
        if planned:
            record(_in_child(_export, folder, size, planned[-1]))
    return results


def _write_company(folder: Path, size: int, shape: CompanyShape) -> None:
    write_example(
        folder / WORKBOOK,
        size,
        departments_for(size, shape),
        SEED,
        teams=teams_for(size),
        shape=shape,
    )


# ---------------------------------------------------------------------------- tables


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, the first column left-aligned and the others right-aligned."""
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join([":---", *["---:"] * (len(header) - 1)]) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    return "\n".join(lines)


def render(results: Sequence[StageResult], heading: str) -> str:
    """The report: how it was run, then one table per stage."""
    parts = [heading]
    for stage in STAGES:
        rows = [r.cells() for r in results if r.stage == stage]
        if rows:
            parts.append(f"## {stage}\n\n{markdown_table(COLUMNS, rows)}")
    return "\n\n".join(parts) + "\n"


def run_header(
    sizes: Sequence[int],
    time_limit: float,
    workers: int,
    quick: bool,
    shape: CompanyShape = CompanyShape.CLASSIC,
) -> str:
    companies = ", ".join(
        f"{s:,} ({departments_for(s, shape)} departments, {teams_for(s)} teams)" for s in sizes
    )
    installed = ", ".join(f"{k} {v}" for k, v in versions().items())
    return (
        f"# Benchmark suite ({'quick' if quick else 'full'} mode)\n\n"
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.platform()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start; "
        f"{installed}.\n\n"
        f"Companies (`crossteam example --shape {shape}`, seed {SEED}): {companies}. "
        f"Solver: time limit {time_limit:g} s, {workers} workers. Every stage in a fresh "
        "child process; peak MB is that child's `ru_maxrss` (whole process), inputs MB "
        "its resident size before the stage."
    )


def parse_sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 employees, short limits")
    parser.add_argument("--sizes", type=parse_sizes, help="comma-separated employee counts")
    parser.add_argument("--time-limit", type=float, help="seconds per solve")
    parser.add_argument("--workers", type=int, default=2, help="solver threads")
    parser.add_argument(
        "--shape", type=CompanyShape, default=CompanyShape.CLASSIC, choices=list(CompanyShape)
    )
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/suite.md"))
    args = parser.parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    time_limit = args.time_limit or (QUICK_TIME_LIMIT if args.quick else FULL_TIME_LIMIT)

    heading = run_header(sizes, time_limit, args.workers, args.quick, args.shape)
    print(heading, flush=True)
    print(f"\n{' | '.join(['stage', *COLUMNS])}", flush=True)
    results: list[StageResult] = []
    for size in sizes:
        results += run_size(
            size,
            time_limit,
            args.workers,
            lambda r: print(" | ".join([r.stage, *r.cells()]), flush=True),
            args.shape,
        )
    report = render(results, heading)
    print("\n" + report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    main()
