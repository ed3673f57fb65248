"""Same behaviour across a redesign: what ``plan --json`` and ``audit --json`` say, compared
between two checkouts.

Run: ``python benchmarks/bench_same.py --before PATH [--out benchmarks/results/same.md]``
(both checkouts in one run), or ``--record FILE.json`` to keep this checkout's answers and
``--against FILE.json`` to compare with answers kept earlier.

Cases: the two bundled examples (``examples/company.xlsx``, ``examples/company_ja.xlsx``,
the files of this checkout, given to both) and a 1,000-employee ``crossteam example``
(seed 0), which each checkout writes with its own generator, so that the generator is
compared too (every cell of every sheet). Each checkout's ``crossteam`` runs in a child
process (``python -m crossteam`` with that checkout first on the path) with ``--seed 1
--workers 1`` on a copy of the workbook whose Settings add a ``deterministic_time_limit``
(2 for the bundled examples, 3 at 1,000), and ``--time-limit 900`` far behind it, so that
the answers do not depend on the machine's load. A plan that stopped on the clock is
reported as not comparable, never as the same.

Compared: every key of ``plan --json`` but the wall ``seconds`` (teams, rotation,
objective and its terms, bound, checks, metrics, bridged pairs...), and every key of
``audit --json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
SEED = 1
CASES = {
    "company.xlsx": ("bundled", HERE / "examples" / "company.xlsx", 2.0),
    "company_ja.xlsx": ("bundled", HERE / "examples" / "company_ja.xlsx", 2.0),
    "example-1000": ("example", 1000, 3.0),
}
"""Case -> (kind, workbook or headcount, deterministic time limit of the search)."""
SAFETY_SECONDS = 900
"""The wall-clock limit behind the deterministic one: far out of reach, so that a loaded
machine cannot stop a search early."""
WALL_KEYS = {"seconds"}
"""Keys that measure the clock and so differ between any two runs."""


def crossteam(checkout: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m crossteam ARGS`` with ``checkout``'s package first on the path."""
    env = {**os.environ, "PYTHONPATH": str(checkout), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "crossteam", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def workbook_cells(path: Path) -> dict[str, list[list[object]]]:
    """Every sheet's values, row by row (what a generator wrote)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def with_work_limit(source: Path, target: Path, limit: float) -> Path:
    """A copy of ``source`` whose Settings sheet (the last sheet, in any language) also sets
    ``deterministic_time_limit``."""
    from openpyxl import load_workbook

    book = load_workbook(source)
    settings = book.worksheets[-1]
    settings.append(["deterministic_time_limit", limit])
    book.save(target)
    return target


def answers(checkout: Path, folder: Path) -> dict[str, Any]:
    """What ``checkout`` says on every case: {case: {"plan": ..., "audit": ...}}."""
    found: dict[str, Any] = {}
    for case, (kind, source, limit) in CASES.items():
        entry: dict[str, Any] = {}
        if kind == "example":
            workbook = folder / f"{case}.xlsx"
            made = crossteam(
                checkout,
                "example",
                str(workbook),
                "--employees",
                str(source),
                "--seed",
                "0",
                "--force",
            )
            if made.returncode != 0:
                raise SystemExit(f"{checkout}: example failed:\n{made.stderr}")
            entry["workbook"] = workbook_cells(workbook)
        else:
            workbook = Path(str(source))
        limited = with_work_limit(workbook, folder / f"{case}-limited.xlsx", limit)
        planned = crossteam(
            checkout,
            "plan",
            str(limited),
            "-o",
            str(folder / f"{case}-plan.xlsx"),
            "--force",
            "--json",
            "--seed",
            str(SEED),
            "--workers",
            "1",
            "--time-limit",
            str(SAFETY_SECONDS),
        )
        audited = crossteam(checkout, "audit", str(workbook), "--json")
        entry["plan_exit"] = planned.returncode
        entry["plan"] = {
            k: v for k, v in json.loads(planned.stdout or "{}").items() if k not in WALL_KEYS
        }
        entry["audit_exit"] = audited.returncode
        entry["audit"] = json.loads(audited.stdout or "{}")
        found[case] = entry
        print(f"  {checkout.name}: {case} planned ({entry['plan'].get('stop_reason')})", flush=True)
    return found


def differences(a: Any, b: Any, where: str = "") -> list[str]:
    """Paths at which ``a`` and ``b`` differ (first few per branch)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out: list[str] = []
        for key in sorted(set(a) | set(b), key=str):
            if key not in a or key not in b:
                out.append(f"{where}.{key} only in {'after' if key not in a else 'before'}")
            else:
                out.extend(differences(a[key], b[key], f"{where}.{key}"))
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} vs {len(b)} items"]
        out = []
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            out.extend(differences(x, y, f"{where}[{i}]"))
            if len(out) > 5:
                break
        return out
    return [] if a == b else [f"{where}: {a!r} vs {b!r}"[:200]]


PARTS = ("workbook", "teams", "rotation", "objective", "checks", "rest of plan", "audit")


def compare(after: dict[str, Any], before: dict[str, Any]) -> tuple[list[list[str]], bool]:
    """One row per case: same / differs / not comparable per part."""
    rows, all_same = [], True
    for case in CASES:
        a, b = after[case], before[case]
        stops = {a["plan"].get("stop_reason"), b["plan"].get("stop_reason")}
        if not stops <= {"deterministic_limit", "proven"}:
            rows.append([case, *["not comparable: a plan stopped on the clock"] * len(PARTS)])
            all_same = False
            continue
        split = {
            "workbook": (a.get("workbook"), b.get("workbook")),
            "teams": (a["plan"].get("teams"), b["plan"].get("teams")),
            "rotation": (a["plan"].get("rotation"), b["plan"].get("rotation")),
            "objective": (
                [a["plan"].get("objective"), a["plan"].get("objective_terms")],
                [b["plan"].get("objective"), b["plan"].get("objective_terms")],
            ),
            "checks": (a["plan"].get("checks"), b["plan"].get("checks")),
            "rest of plan": (
                {**a["plan"], "exit": a["plan_exit"]},
                {**b["plan"], "exit": b["plan_exit"]},
            ),
            "audit": (
                {**a["audit"], "exit": a["audit_exit"]},
                {**b["audit"], "exit": b["audit_exit"]},
            ),
        }
        row = [case]
        for part in PARTS:
            found = differences(*split[part])
            if found:
                all_same = False
                print(f"{case} {part} differs:\n  " + "\n  ".join(found[:8]))
            row.append("same" if not found else f"differs ({len(found)})")
        rows.append(row)
    return rows, all_same


def describe(found: dict[str, Any]) -> list[list[str]]:
    return [
        [
            case,
            str(len(e["plan"].get("teams", []))),
            str(len(e["plan"].get("rotation", []))),
            str(e["plan"].get("objective")),
            str(e["plan"].get("stop_reason")),
            "pass" if e["plan"].get("checks", {}).get("passed") else "FAIL",
        ]
        for case, e in found.items()
    ]


def commit(checkout: Path) -> str:
    """The short commit a checkout is at (and "+ changes" when it has uncommitted ones)."""
    git = ["git", "-C", str(checkout)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
    )
    return head.stdout.strip() + (" + changes" if dirty.stdout.strip() else "")


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the other checkout, run in the same run")
    parser.add_argument("--record", type=Path, help="keep this checkout's answers here")
    parser.add_argument("--against", type=Path, help="answers kept earlier with --record")
    parser.add_argument("--out", type=Path, help="write the comparison table here (markdown)")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="crossteam-same-") as folder:
        after = answers(HERE, Path(folder))
        if args.record:
            args.record.write_text(json.dumps(after, default=str), encoding="utf-8")
        if args.before:
            before = answers(args.before.resolve(), Path(folder))
        elif args.against:
            before = json.loads(args.against.read_text(encoding="utf-8"))
        else:
            print(
                table(["case", "teams", "stints", "objective", "stop", "checks"], describe(after))
            )
            return 0
    after = json.loads(json.dumps(after, default=str))
    rows, same = compare(after, before)
    report = "\n\n".join(
        [
            "# Same behaviour before and after",
            f"Run {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, load average {load:.1f} "
            f"at the start (the deterministic limit makes the answers independent of load). "
            f"after: {HERE} at {commit(HERE)}; before: "
            f"{f'{args.before} at {commit(args.before)}' if args.before else args.against}. "
            f"`plan --json --seed {SEED} "
            f"--workers 1 --time-limit {SAFETY_SECONDS}`, deterministic limits "
            + ", ".join(f"{c} {v[2]:g}" for c, v in CASES.items())
            + ".",
            table(["case", "teams", "stints", "objective", "stop", "checks"], describe(after)),
            table(["case", *PARTS], rows),
            "All the same." if same else "**Not all the same**: see the differences printed.",
        ]
    )
    print("\n" + report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
