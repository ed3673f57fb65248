"""Rounds in a row with ``crossteam next-round``, and the spread of programmes.

Run: ``python benchmarks/bench_history.py [--workbook examples/company.xlsx] [--rounds 4]
[--policies forbid,avoid,allow] [--work 20] [--workers 2] [--out benchmarks/results/history.md]``.

**Rounds.** For each ``repeat_teammates`` policy, a copy of the workbook (its Settings
given the policy and ``deterministic_time_limit`` = ``--work``, so load cannot change a
plan) is planned with the command line (``crossteam plan --json --seed 1``), then
``crossteam next-round`` appends that plan to History, and the next round plans the
result, ``--rounds`` times. Last round's Rules rows (together, rotate_to, ...) are
cleared from each next workbook, as an HR planner would (``--keep-rules`` keeps them):
a rule that pairs two people, or sends one to a host, would otherwise collide under
forbid with the History it made itself, and the run would stop at the pre-check that
says so. Each round is counted here, from the plans' JSON alone (not from crossteam's own
counts, which are shown beside them): teammate pairs who were teammates in any earlier
round, and rotation stints to a department the person visited in an earlier round. The
checker's verdict on each plan is the JSON's ``checks``.

**Spread.** The first round planned with no limit, with
``max_programmes_per_employee`` 1, and with ``weight_spread`` 5: people with both a team
and a rotation, with one, and with neither.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[1]
EXAMPLE = REPOSITORY / "examples" / "company.xlsx"


def with_settings(source: Path, target: Path, settings: dict[str, object]) -> Path:
    """A copy of ``source`` whose Settings sheet holds ``settings`` (rows replaced or added)."""
    import openpyxl

    book = openpyxl.load_workbook(source)
    sheet = book["Settings"] if "Settings" in book.sheetnames else book.create_sheet("Settings")
    if sheet.max_row < 1 or sheet.cell(1, 1).value is None:
        sheet.append(["setting", "value"])
    rows = {str(sheet.cell(r, 1).value).strip().lower(): r for r in range(2, sheet.max_row + 1)}
    for name, value in settings.items():
        row = rows.get(name, sheet.max_row + 1)
        sheet.cell(row, 1, name)
        sheet.cell(row, 2, value)
    book.save(target)
    return target


def crossteam(*arguments: str) -> tuple[int, dict[str, Any], float]:
    """``crossteam ARGUMENTS --json`` in a child: exit code, its JSON object, wall seconds."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "crossteam", *arguments, "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    wall = time.monotonic() - started
    try:
        found: dict[str, Any] = json.loads(done.stdout)
    except json.JSONDecodeError:
        found = {"error": done.stderr.strip().splitlines()[-1:] or ["no output"]}
    return done.returncode, found, wall


def teammate_pairs(plan: dict[str, Any]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for team in plan.get("teams", []):
        members = sorted(set(team["members"]))
        pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return pairs


def visits(plan: dict[str, Any]) -> set[tuple[str, str]]:
    return {(s["employee_id"], s["department"]) for s in plan.get("rotation", [])}


@dataclass
class Round:
    policy: str
    number: int
    status: str
    teams: int
    pairs: int
    repeated: int
    reported: str
    stints: int
    revisits: int
    objective: float | None
    checks: str
    wall: float

    def cells(self) -> list[str]:
        objective = "-" if self.objective is None else f"{self.objective:,.1f}"
        return [
            self.policy,
            str(self.number),
            self.status,
            str(self.teams),
            str(self.pairs),
            str(self.repeated),
            self.reported,
            str(self.stints),
            str(self.revisits),
            objective,
            self.checks,
            f"{self.wall:.1f}",
        ]


ROUND_HEADER = (
    "repeat_teammates",
    "round",
    "status",
    "teams",
    "teammate pairs",
    "pairs repeated",
    "crossteam says",
    "stints",
    "to a host visited",
    "objective",
    "checks",
    "wall s",
)


def checks_word(plan: dict[str, Any]) -> str:
    checks = plan.get("checks")
    if not isinstance(checks, dict):
        return "-"
    return "passed" if checks["passed"] else f"{len(checks['failures'])} FAILED"


def rounds(
    workbook: Path, policy: str, count: int, args: argparse.Namespace, folder: Path
) -> list[Round]:
    """``count`` rounds of plan + next-round under ``policy``, each counted from the JSON."""
    current = with_settings(
        workbook,
        folder / f"{policy}-1.xlsx",
        {"repeat_teammates": policy, "deterministic_time_limit": args.work},
    )
    earlier_pairs: set[tuple[str, str]] = set()
    earlier_visits: set[tuple[str, str]] = set()
    found: list[Round] = []
    for number in range(1, count + 1):
        out = folder / f"{policy}-plan-{number}.xlsx"
        common = ("--seed", "1", "--workers", str(args.workers), "--time-limit", "900")
        code, plan, wall = crossteam("plan", str(current), "-o", str(out), *common)
        pairs, stints = teammate_pairs(plan), visits(plan)
        reported = plan.get("repeats")
        found.append(
            Round(
                policy=policy,
                number=number,
                status=str(plan.get("status", f"exit {code}")),
                teams=len(plan.get("teams", [])),
                pairs=len(pairs),
                repeated=len(pairs & earlier_pairs),
                reported="-" if reported is None else str(len(reported)),
                stints=len(stints),
                revisits=len(stints & earlier_visits),
                objective=plan.get("objective"),
                checks=checks_word(plan),
                wall=wall,
            )
        )
        print(" | ".join(found[-1].cells()), file=sys.stderr, flush=True)
        if code != 0 or number == count:
            break
        earlier_pairs |= pairs
        earlier_visits |= stints
        following = folder / f"{policy}-{number + 1}.xlsx"
        code, written, _ = crossteam("next-round", str(current), str(out), "-o", str(following))
        if code != 0:
            raise SystemExit(f"next-round failed in round {number}: {written}")
        if not args.keep_rules:
            clear_rules(following)
        current = following
    return found


def clear_rules(workbook: Path) -> None:
    """Every Rules row of ``workbook`` removed, its header kept."""
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    if "Rules" in book.sheetnames and book["Rules"].max_row > 1:
        book["Rules"].delete_rows(2, book["Rules"].max_row - 1)
        book.save(workbook)


SPREADS: tuple[tuple[str, dict[str, object]], ...] = (
    ("no limit", {}),
    ("limit 1", {"max_programmes_per_employee": 1}),
    ("weight_spread 5", {"weight_spread": 5}),
)
"""The first round's settings compared for spread: the default, a hard limit, a soft cost."""


def spread(workbook: Path, args: argparse.Namespace, folder: Path) -> list[list[str]]:
    """The first round under each of ``SPREADS``."""
    rows = []
    for index, (name, extra) in enumerate(SPREADS):
        settings: dict[str, object] = {"deterministic_time_limit": args.work, **extra}
        copy = with_settings(workbook, folder / f"spread-{index}.xlsx", settings)
        out = folder / f"spread-plan-{index}.xlsx"
        common = ("--seed", "1", "--workers", str(args.workers), "--time-limit", "900")
        code, plan, wall = crossteam("plan", str(copy), "-o", str(out), *common)
        in_team = {m for t in plan.get("teams", []) for m in t["members"]}
        rotating = {s["employee_id"] for s in plan.get("rotation", [])}
        people = employees(copy)
        rows.append(
            [
                name,
                str(plan.get("status", f"exit {code}")),
                str(len(people)),
                str(len(in_team)),
                str(len(rotating)),
                str(len(in_team & rotating)),
                str(len(in_team ^ rotating)),
                str(len(people - in_team - rotating)),
                "-" if plan.get("objective") is None else f"{plan['objective']:,.1f}",
                checks_word(plan),
                f"{wall:.1f}",
            ]
        )
        print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    return rows


SPREAD_HEADER = (
    "settings",
    "status",
    "employees",
    "in a team",
    "rotating",
    "both",
    "one",
    "neither",
    "objective",
    "checks",
    "wall s",
)


def employees(workbook: Path) -> set[str]:
    from crossteam.io.reader import load_workbook

    return {e.employee_id for e in load_workbook(workbook).employees}


def main(argv: Sequence[str] | None = None) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from suite import markdown_table, versions

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbook", type=Path, default=EXAMPLE)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--policies", default="forbid,avoid,allow")
    parser.add_argument("--work", type=float, default=20.0, help="deterministic limit per plan")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep-rules", action="store_true", help="keep Rules in later rounds")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="crossteam-history-") as name:
        folder = Path(name)
        found = [
            r
            for policy in args.policies.split(",")
            for r in rounds(args.workbook, policy, args.rounds, args, folder)
        ]
        spreads = spread(args.workbook, args, folder)
    report = "\n".join(
        [
            "# Rounds in a row, and the spread of programmes",
            "",
            f"Workbook {args.workbook.name}; each plan bounded by {args.work:g} deterministic "
            f"units, seed 1, {args.workers} workers; Rules "
            f"{'kept' if args.keep_rules else 'cleared after round 1'}; "
            f"load average {load:.2f} at the start; "
            f"crossteam {versions()['crossteam']}, ortools {versions()['ortools']}.",
            "",
            "## Rounds with next-round",
            "",
            markdown_table(ROUND_HEADER, [r.cells() for r in found]),
            "",
            "## Spread (first round)",
            "",
            markdown_table(SPREAD_HEADER, spreads),
            "",
        ]
    )
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
