"""What a plan bridges, what it could bridge at most, and the gap it reports.

Run: ``python benchmarks/bench_gap.py [--sizes 1000,5000] [--limits 60,120]
[--modes teams,teams+rotation] [--shape realistic] [--workers 2] [--teams N] [--before PATH]
[--out benchmarks/results/gap.md]``.

Each size is a ``crossteam example`` company (seed 0, the suite's departments for the
shape), written once with this checkout's generator. Each run plans it in a fresh child
process (``crossteam.planner.solve``, the workbook's settings, the time limit and workers
given) and is measured from outside with ``os.wait4``: wall seconds and peak resident size
of the whole child (Python start and reading included). The child reports the plan's
objective, bound and gap, the silent (zero-tie) department pairs it bridges, the most any
plan of these teams (and periods) can bridge (``silent_pairs_ceiling``), and the
solver-independent checker's verdict on the parts planned.

``--before PATH`` runs the same children a second time with the ``crossteam`` package of
another checkout (for example ``git worktree add /tmp/before <commit>``) on the same
workbooks, so that both are measured in one run on one machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MODES = {"teams": (True, False), "teams+rotation": (True, True)}
"""Parts planned: (plan_teams, plan_rotation)."""
SEED = 0


def pairs_held(instance: Any, plan: Any) -> set[tuple[str, str]]:
    """Department pairs (sorted) a plan ties: two departments in one team, or a rotator's
    home and host. Written here, not imported, so that it runs on any checkout's plans."""
    department = {e.employee_id: e.department for e in instance.employees}
    held: set[tuple[str, str]] = set()
    for team in plan.teams:
        present = sorted({department[m] for m in team.members})
        held.update((a, b) for i, a in enumerate(present) for b in present[i + 1 :])
    for stint in plan.rotation:
        home = department[stint.employee_id]
        held.add((min(home, stint.department), max(home, stint.department)))
    return held


def plan_in_child(workbook: Path, mode: str, limit: float, workers: int) -> dict[str, object]:
    """Plan ``workbook`` here (the child) and describe the plan; imports whichever
    ``crossteam`` the child's path holds."""
    return planned(workbook, mode, limit, workers)[1]


def planned(
    workbook: Path, mode: str, limit: float, workers: int, **options: object
) -> tuple[Any, dict[str, object]]:
    """``workbook`` planned (the workbook's settings, the limit, workers and ``options``
    given) and the plan described: objective, bound, gap, seconds, silent pairs bridged,
    the most any plan can bridge, checks failed. Also used by bench_repeat."""
    from crossteam.checks import verify
    from crossteam.checks.teams import check_teams
    from crossteam.io.reader import load_workbook
    from crossteam.network import analyse
    from crossteam.planner import SolveOptions, solve

    instance = load_workbook(workbook)
    report = analyse(instance)
    teams, rotation = MODES[mode]
    run = SolveOptions.from_settings(
        instance.settings,
        time_limit_seconds=limit,
        workers=workers,
        plan_teams=teams,
        plan_rotation=rotation,
        **options,
    )
    started = time.monotonic()
    plan = solve(instance, report, run)
    seconds = time.monotonic() - started
    if not plan.has_solution:
        return plan, {"status": plan.status.value, "seconds": seconds}
    held = pairs_held(instance, plan)
    silent = set(report.gap_pairs)
    checks = verify(instance, plan).results if rotation else check_teams(instance, plan)
    failed = sum(1 for result in checks if not result.passed)
    return plan, {
        "status": plan.status.value,
        "objective": plan.objective,
        "bound": plan.bound,
        "gap": plan.gap,
        "seconds": seconds,
        "silent": len(silent),
        "bridged": len(held & silent),
        "at_most": getattr(plan, "silent_pairs_ceiling", None),  # older checkouts: none
        "failed_checks": failed,
    }


def run_child(
    package: Path, workbook: Path, mode: str, limit: float, workers: int
) -> dict[str, object]:
    """One plan in a fresh interpreter with ``package`` first on its path, measured."""
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); from bench_gap import "
        "plan_in_child; print(json.dumps(plan_in_child("
        "__import__('pathlib').Path(sys.argv[2]), sys.argv[3], float(sys.argv[4]), "
        "int(sys.argv[5]))))"
    )
    arguments = [str(workbook), mode, str(limit), str(workers)]
    return measured_child(code, arguments, package, workbook.parent)


def measured_child(
    code: str, arguments: Sequence[str], package: Path, folder: Path
) -> dict[str, object]:
    """``python -c code HERE ARGUMENTS`` in a fresh interpreter with ``package`` (then this
    folder) first on its path, run in ``folder``: the JSON its last line prints, with the
    wall seconds and the peak resident MB of the whole child (``os.wait4``)."""
    here = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": f"{package}{os.pathsep}{here}"}
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(here), *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
        cwd=folder,  # not the repository: ``-c`` puts the working folder first
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        return {"status": "failed", "wall": wall, "peak_mb": usage.ru_maxrss / 1024}
    found: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    found.update(wall=wall, peak_mb=usage.ru_maxrss / 1024)
    return found


def row(code: str, size: int, mode: str, limit: float, found: dict[str, object]) -> list[str]:
    def number(key: str) -> str:
        value = found.get(key)
        return f"{value:,.1f}" if isinstance(value, int | float) else "-"

    gap = found.get("gap")
    at_most = found.get("at_most")
    bridged = f"{found['bridged']} of {found['silent']}" if "bridged" in found else found["status"]
    checks = found.get("failed_checks")
    return [
        f"{size:,}",
        mode,
        f"{limit:g}",
        code,
        str(bridged),
        str(at_most) if at_most is not None else "-",
        number("objective"),
        number("bound"),
        f"{gap:.2%}" if isinstance(gap, float) else "-",
        f"{found['wall']:.1f}",
        f"{found['peak_mb']:.0f}",
        "-" if checks is None else ("passed" if checks == 0 else f"{checks} FAILED"),
    ]


HEADER = (
    "employees",
    "parts",
    "limit s",
    "code",
    "silent pairs bridged",
    "at most",
    "objective",
    "bound",
    "gap",
    "wall s",
    "peak MB",
    "checks",
)


def main(argv: Sequence[str] | None = None) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from suite import departments_for, markdown_table, versions

    from crossteam.io.example_workbook import write_example
    from crossteam.models import CompanyShape

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--limits", default="60,120")
    parser.add_argument("--modes", default="teams,teams+rotation")
    parser.add_argument("--shape", type=CompanyShape, default=CompanyShape.REALISTIC)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--teams", type=int, help="teams to form (default: one per 10 people)")
    parser.add_argument("--before", type=Path, help="another checkout to compare with")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/gap.md"))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    limits = [float(s) for s in args.limits.split(",")]
    modes = args.modes.split(",")
    after = Path(__file__).resolve().parent.parent
    codes = [("after", after)] + ([("before", args.before.resolve())] if args.before else [])
    load = os.getloadavg()[0]
    rows = []
    print(" | ".join(HEADER), flush=True)
    with tempfile.TemporaryDirectory(prefix="crossteam-gap-") as folder:
        for size in sizes:
            workbook = Path(folder) / f"company-{size}.xlsx"
            departments = departments_for(size, args.shape)
            write_example(workbook, size, departments, SEED, shape=args.shape, teams=args.teams)
            for mode in modes:
                for limit in limits:
                    for code, package in codes:
                        found = run_child(package, workbook, mode, limit, args.workers)
                        rows.append(row(code, size, mode, limit, found))
                        print(" | ".join(rows[-1]), flush=True)
    report = (
        "\n\n".join(
            [
                "# Silent pairs bridged, the ceiling and the gap",
                f"Run {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} "
                f"cores, load average {load:.1f} at the start; crossteam "
                f"{versions()['crossteam']}, ortools {versions()['ortools']}. Companies: "
                f"`crossteam example --shape {args.shape}`, seed {SEED}, "
                + ", ".join(
                    f"{s:,} employees / {departments_for(s, args.shape)} departments" for s in sizes
                )
                + f"; {args.teams or 'one team per 10 employees'} teams; {args.workers} workers. "
                + ("`before` is the checkout at " + str(args.before) + ". " if args.before else "")
                + "Each plan in a fresh child; wall and peak MB of the whole child (wait4).",
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
