"""What the repeatable default costs in plan quality, and whether it repeats.

Run: ``python benchmarks/bench_repeat.py [--sizes 1000,5000] [--limits 60,120]
[--modes teams,teams+rotation] [--shape realistic] [--workers 0]
[--out benchmarks/results/repeat.md]``; ``--sizes 300 --limits 10`` is a quick try.

Each size is a ``crossteam example`` company (seed 0, the suite's departments for the
shape). For every parts and limit it is planned three times, each in a fresh child
process (``crossteam.planner.solve`` with the workbook's settings and the options given,
as ``crossteam plan`` does): twice with the default options (``repeatable``: the search
bounded by work, its workers interleaved) and once with ``repeatable`` off (the search
free on the wall clock). Each child is measured from outside with ``os.wait4``; it reports
the plan's objective, bound, gap, stop reason, whether the run says it repeats, the silent
(zero-tie) department pairs bridged, the checker's verdict, and a fingerprint of the plan
(SHA-256 of its teams and rotation). The table says whether the second default run gave
the same plan as the first, and what the default costs against the wall-clock search
(objective lost, as a share of the wall-clock plan's).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

MODES = {"teams": (True, False), "teams+rotation": (True, True)}
"""Parts planned: (plan_teams, plan_rotation)."""
SEED = 0
RUNS = (("repeatable", True), ("repeatable again", True), ("wall clock", False))
"""The runs of each size, parts and limit: a name and whether the run is repeatable."""


def plan_in_child(
    workbook: Path, mode: str, limit: float, workers: int, repeatable: bool
) -> dict[str, object]:
    """Plan ``workbook`` here (the child) and describe the plan as bench_gap does, with its
    stop reason, whether it says it repeats, and a fingerprint of its teams and rotation."""
    from bench_gap import planned

    plan, described = planned(workbook, mode, limit, workers, repeatable=repeatable)
    if not plan.has_solution:
        return described
    content = json.dumps(
        [[list(t.members) for t in plan.teams], [s.model_dump() for s in plan.rotation]]
    )
    return {
        **described,
        "stop_reason": plan.stop_reason.value if plan.stop_reason else None,
        "repeats": plan.repeatable,
        "fingerprint": hashlib.sha256(content.encode()).hexdigest()[:12],
    }


def run_child(
    workbook: Path, mode: str, limit: float, workers: int, repeatable: bool
) -> dict[str, object]:
    """One plan in a fresh interpreter (this checkout's ``crossteam``), measured."""
    from bench_gap import measured_child

    here = Path(__file__).resolve().parent
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); from bench_repeat import "
        "plan_in_child; print(json.dumps(plan_in_child(__import__('pathlib').Path("
        "sys.argv[2]), sys.argv[3], float(sys.argv[4]), int(sys.argv[5]), "
        "sys.argv[6] == 'yes')))"
    )
    arguments = [str(workbook), mode, str(limit), str(workers), "yes" if repeatable else "no"]
    return measured_child(code, arguments, here.parent, workbook.parent)


HEADER = (
    "employees",
    "parts",
    "limit s",
    "run",
    "stop",
    "repeats",
    "same plan",
    "silent pairs bridged",
    "objective",
    "bound",
    "gap",
    "cost",
    "wall s",
    "peak MB",
    "checks",
)


def rows_of(
    size: int, mode: str, limit: float, runs: list[tuple[str, dict[str, object]]]
) -> list[list[str]]:
    """One row per run; ``same plan`` compares with the first run, ``cost`` is the
    objective a run gives up against the wall-clock run's, as a share of it."""

    def number(found: dict[str, object], key: str) -> str:
        value = found.get(key)
        return f"{value:,.1f}" if isinstance(value, int | float) else "-"

    first = runs[0][1]
    free = dict(runs)["wall clock"].get("objective")
    rows = []
    for name, found in runs:
        objective = found.get("objective")
        gap = found.get("gap")
        same = "-" if found is first else _yes(found.get("fingerprint") == first.get("fingerprint"))
        cost = (
            f"{(free - objective) / abs(free):+.2%}"
            if isinstance(free, int | float) and isinstance(objective, int | float) and free
            else "-"
        )
        checks = found.get("failed_checks")
        bridged = f"{found['bridged']} of {found['silent']}" if "bridged" in found else "-"
        rows.append(
            [
                f"{size:,}",
                mode,
                f"{limit:g}",
                name,
                str(found.get("stop_reason") or found["status"]),
                _yes(found.get("repeats")) if "repeats" in found else "-",
                same,
                bridged,
                number(found, "objective"),
                number(found, "bound"),
                f"{gap:.2%}" if isinstance(gap, float) else "-",
                cost,
                f"{found['wall']:.1f}",
                f"{found['peak_mb']:.0f}",
                "-" if checks is None else ("passed" if checks == 0 else f"{checks} FAILED"),
            ]
        )
    return rows


def _yes(flag: object) -> str:
    return "yes" if flag else "no"


def main(argv: Sequence[str] | None = None) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from suite import departments_for, markdown_table, versions

    from crossteam.io.example_workbook import write_example
    from crossteam.models import CompanyShape
    from crossteam.planner.options import DETERMINISTIC_PER_SECOND

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--limits", default="60,120")
    parser.add_argument("--modes", default="teams,teams+rotation")
    parser.add_argument("--shape", type=CompanyShape, default=CompanyShape.REALISTIC)
    parser.add_argument("--workers", type=int, default=0, help="0: one per core (the default)")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/repeat.md"))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    limits = [float(s) for s in args.limits.split(",")]
    modes = args.modes.split(",")
    load = os.getloadavg()[0]
    rows: list[list[str]] = []
    print(" | ".join(HEADER), flush=True)
    with tempfile.TemporaryDirectory(prefix="crossteam-repeat-") as folder:
        for size in sizes:
            workbook = Path(folder) / f"company-{size}.xlsx"
            write_example(workbook, size, departments_for(size, args.shape), SEED, shape=args.shape)
            for mode in modes:
                for limit in limits:
                    runs = [
                        (name, run_child(workbook, mode, limit, args.workers, repeatable))
                        for name, repeatable in RUNS
                    ]
                    for row in rows_of(size, mode, limit, runs):
                        rows.append(row)
                        print(" | ".join(row), flush=True)
    workers = args.workers or "one per core"
    report = (
        "\n\n".join(
            [
                "# The repeatable default against the wall-clock search",
                f"Run {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} "
                f"cores, load average {load:.1f} at the start; crossteam "
                f"{versions()['crossteam']}, ortools {versions()['ortools']}. Companies: "
                f"`crossteam example --shape {args.shape}`, seed {SEED}, "
                + ", ".join(
                    f"{s:,} employees / {departments_for(s, args.shape)} departments" for s in sizes
                )
                + f"; one team per 10 employees; workers: {workers}. `repeatable` runs bound "
                f"the search by {DETERMINISTIC_PER_SECOND:g} deterministic unit(s) per second "
                "of the limit; `wall clock` runs have `repeatable` off. Each plan in a fresh "
                "child; wall and peak MB of the whole child (wait4). `same plan`: the "
                "fingerprint of teams and rotation equals the first run's. `cost`: objective "
                "given up against the wall-clock run, as a share of its objective.",
                markdown_table(HEADER, rows),
            ]
        )
        + "\n"
    )
    print("\n" + report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    main()
