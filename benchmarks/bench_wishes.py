"""The price of wishes: how many rotators get a host they ranked, and what it costs in
silent department pairs bridged.

Run: ``python benchmarks/bench_wishes.py [--size 1000] [--wishes 3] [--work 60]
[--limit 900] [--workers 2] [--weights default,0] [--parts teams+rotation|rotation]
[--before PATH] [--out benchmarks/results/wishes.md]``.

``--before PATH`` plans the same workbook a second time with the ``crossteam`` package
of another checkout, in the same run (it must read Preferences sheets).

A ``crossteam example`` company (realistic shape, seed 0) in which every rotation-eligible
person ranks ``--wishes`` hosts, drawn by the generator's heavy-tailed popularity, so that
popular hosts are oversubscribed. It is planned (teams and rotation) once per
``weight_preference`` in ``--weights`` (``default`` is the setting's default), each in a
fresh child measured from outside (wall seconds, peak MB), bounded by ``--work``
deterministic units (``--limit`` seconds is a distant safety net), so the runs compare
like with like. The figures are counted here from the plan and the workbook's wishes, not
by crossteam: among rotators who ranked hosts, the share given their first choice, a
top-two choice, any ranked choice, and the mean rank of the best host they got among those
given a ranked one; and the silent (zero-tie) department pairs bridged. Every plan is
re-verified by the solver-independent checker.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SEED = 0


def wish_figures(instance: Any, plan: Any) -> dict[str, object]:
    """Rotation wish figures of ``plan``, counted from the instance's Preferences rows."""
    ranks: dict[str, dict[str, int]] = defaultdict(dict)
    for wish in instance.preferences:
        if str(wish.kind) == "rotation":
            for host in wish.targets:
                ranks[wish.employee_id][host] = wish.rank
    hosts: dict[str, set[str]] = defaultdict(set)
    for stint in plan.rotation:
        hosts[stint.employee_id].add(stint.department)
    asked = [e for e in hosts if e in ranks]
    best = {e: min((ranks[e][h] for h in hosts[e] if h in ranks[e]), default=None) for e in asked}
    granted = [r for r in best.values() if r is not None]
    share = (lambda n: n / len(asked)) if asked else (lambda n: 0.0)
    return {
        "rotators": len(hosts),
        "ranked": len(asked),
        "first": share(sum(1 for r in granted if r == 1)),
        "top_two": share(sum(1 for r in granted if r <= 2)),
        "any": share(len(granted)),
        "mean_rank": sum(granted) / len(granted) if granted else None,
    }


def wishes_in_child(
    workbook: Path, weight: str, work: float, limit: float, workers: int, parts: str
) -> dict:
    """Plan ``workbook`` here (the child) with ``weight_preference`` = ``weight``; ``parts``
    is ``teams+rotation`` or ``rotation``."""
    from bench_gap import pairs_held

    from crossteam.checks import verify
    from crossteam.io.reader import load_workbook
    from crossteam.network import analyse
    from crossteam.planner import SolveOptions, solve

    instance = load_workbook(workbook)
    if weight != "default":
        settings = instance.settings.model_copy(update={"weight_preference": float(weight)})
        instance = instance.validated_with(settings=settings)
    report = analyse(instance)
    options = SolveOptions.from_settings(
        instance.settings,
        time_limit_seconds=limit,
        deterministic_time_limit=work,
        workers=workers,
        plan_teams=parts != "rotation",
        plan_rotation=True,
    )
    started = time.monotonic()
    plan = solve(instance, report, options)
    seconds = time.monotonic() - started
    found: dict[str, object] = {"status": plan.status.value, "seconds": seconds}
    if not plan.has_solution:
        return found
    silent = set(report.gap_pairs)
    failed = sum(1 for result in verify(instance, plan).results if not result.passed)
    return {
        **found,
        "weight": instance.settings.weight_preference,
        "objective": plan.objective,
        "bound": plan.bound,
        "gap": plan.gap,
        "stop": plan.stop_reason.value if plan.stop_reason else None,
        "silent": len(silent),
        "bridged": len(pairs_held(instance, plan) & silent),
        "failed_checks": failed,
        **wish_figures(instance, plan),
    }


def run_child(package: Path, workbook: Path, weight: str, args: argparse.Namespace) -> dict:
    from bench_gap import measured_child

    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); from bench_wishes import "
        "wishes_in_child; print(json.dumps(wishes_in_child(__import__('pathlib').Path("
        "sys.argv[2]), sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), "
        "sys.argv[7])))"
    )
    arguments = [
        str(workbook), weight, str(args.work), str(args.limit), str(args.workers), args.parts
    ]  # fmt: skip
    return measured_child(code, arguments, package, workbook.parent)


HEADER = (
    "code",
    "weight_preference",
    "status",
    "rotators",
    "who ranked",
    "first choice",
    "top two",
    "any ranked",
    "mean rank",
    "silent pairs bridged",
    "objective",
    "bound",
    "gap",
    "wall s",
    "peak MB",
    "checks",
)


def row(code: str, found: dict[str, Any]) -> list[str]:
    if "objective" not in found:
        return [code, str(found.get("weight", "?")), found["status"], *["-"] * (len(HEADER) - 3)]
    mean = found["mean_rank"]
    checks = found["failed_checks"]
    return [
        code,
        f"{found['weight']:g}",
        f"{found['status']} ({found['stop']})",
        str(found["rotators"]),
        str(found["ranked"]),
        f"{found['first']:.1%}",
        f"{found['top_two']:.1%}",
        f"{found['any']:.1%}",
        "-" if mean is None else f"{mean:.2f}",
        f"{found['bridged']} of {found['silent']}",
        f"{found['objective']:,.1f}",
        f"{found['bound']:,.1f}",
        f"{found['gap']:.2%}",
        f"{found['wall']:.1f}",
        f"{found['peak_mb']:.0f}",
        "passed" if checks == 0 else f"{checks} FAILED",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    from suite import departments_for, markdown_table, teams_for, versions

    from crossteam.io.example_workbook import write_example
    from crossteam.models import CompanyShape
    from crossteam.models.synthetic import WishShape

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--wishes", type=int, default=3, help="hosts each eligible person ranks")
    parser.add_argument("--work", type=float, default=60.0, help="deterministic units per plan")
    parser.add_argument("--limit", type=float, default=900.0, help="seconds, a safety net")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--weights", default="default,0")
    parser.add_argument("--parts", choices=("teams+rotation", "rotation"), default="teams+rotation")
    parser.add_argument("--before", type=Path, help="another checkout to compare with")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/wishes.md"))
    args = parser.parse_args(argv)

    load = os.getloadavg()[0]
    shape = CompanyShape.REALISTIC
    departments = departments_for(args.size, shape)
    rows = []
    with tempfile.TemporaryDirectory(prefix="crossteam-wishes-") as folder:
        workbook = Path(folder) / f"company-{args.size}.xlsx"
        write_example(
            workbook,
            args.size,
            departments,
            SEED,
            shape=shape,
            teams=teams_for(args.size),
            wishes=WishShape.exactly(args.wishes),
        )
        codes = [("after", here.parent)]
        codes += [("before", args.before.resolve())] if args.before else []
        for weight in args.weights.split(","):
            for code, package in codes:
                found = run_child(package, workbook, weight, args)
                found.setdefault("weight", weight)
                rows.append(row(code, found))
                print(" | ".join(rows[-1]), flush=True)
    report = "\n\n".join(
        [
            "# The price of wishes",
            f"Run {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, "
            f"load average {load:.1f} at the start; crossteam {versions()['crossteam']}, "
            f"ortools {versions()['ortools']}. Company: `crossteam example --shape {shape}`, "
            f"seed {SEED}, {args.size:,} employees, {departments} departments, "
            f"{teams_for(args.size)} teams, every rotation-eligible person ranking "
            f"{args.wishes} hosts. Parts planned: {args.parts}; each plan bounded by "
            f"{args.work:g} deterministic units, {args.workers} workers, in a fresh child "
            "(wall and peak MB of the whole child)."
            + (f" `before` is the checkout at {args.before}." if args.before else ""),
            markdown_table(HEADER, rows),
        ]
    )
    print("\n" + report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report + "\n", encoding="utf-8")
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    main()
