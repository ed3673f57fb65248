"""Repair, not re-optimise: how much a re-plan moves after people become unavailable.

Run: ``python benchmarks/bench_repair.py [--sizes bundled,1000] [--away 1,5,20]
[--modes previous,review,fresh] [--time-limit 60] [--workers 2] [--seed 0]
[--out benchmarks/results/repair.md]``.

Each size is the bundled example (``bundled``) or a ``crossteam example`` company of that
many employees (seed 0, the realistic shape and its default departments, as
``crossteam example --employees N`` writes it). It is planned once (teams and rotation,
the time limit given) and the plan written as ``crossteam plan`` writes it. Then, for each
count in ``--away``, that many people the plan places (in a team or on a rotation, none
named in the Rules nor of the department of someone a rule names, drawn with ``--seed``)
are made unavailable, the plan is read back against the changed input (``read_plan_for``:
the input's changes from the plan's Input Basis) and re-planned:

- ``previous``: ``plan --previous``, no decisions;
- ``review``: ``plan --review`` with a lock on every tenth team assignment of the others
  (they must stay where they are);
- ``fresh``: a plan of the changed input from scratch, for comparison (what re-planning
  did before repair existed).

Columns: the people made unavailable and the assignments they held (the freed seats: a
team, a rotation); **moved**: assignments of the other people that changed, counted as
the Changes sheet counts them (one per person and kind: a team joined, left or changed,
a rotation changed), of the previous plan's assignments of the others; **refills**: of
the moved, those whose reason is a refill of a freed seat; silent (zero-tie) department
pairs bridged **before** (the first plan) and **after**; the re-plan's seconds and the
solver-independent checker's verdict. Everything runs in this process, one solve at a
time; wall time on a shared machine is noisy, the counts are not. A changed input that
leaves no plan (people made unavailable in a department a rule needs to send someone
from) gives a row saying so, with the planner's first line.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from bench_gap import pairs_held

from crossteam import network
from crossteam.checks import verify
from crossteam.io.example_workbook import write_example
from crossteam.io.plan_reader import read_plan_for
from crossteam.io.plan_writer import write_plan
from crossteam.io.reader import load_workbook
from crossteam.models import (
    CompanyShape,
    NetworkReport,
    Plan,
    PlanningInput,
    ReviewDecision,
    RunInfo,
    SourceFile,
)
from crossteam.planner import SolveOptions, solve
from crossteam.review import replan
from crossteam.synthetic import default_departments

MODES = ("previous", "review", "fresh")
LOCK_EVERY = 10
"""With ``review``: a lock on every this many team assignments of the people still there."""


@dataclass(frozen=True)
class Row:
    size: str
    employees: int
    away: int
    freed: int
    mode: str
    moved: int
    others: int
    refills: int
    bridged_before: int
    bridged_after: int
    silent: int
    seconds: float
    checks: bool
    status: str = "plan"
    """'plan', or why there is none: the changed input may leave none (a rule whose
    department can no longer spare anyone), which a re-plan must say, not hide."""

    def cells(self) -> list[str]:
        if self.status != "plan":
            head = [self.size, f"{self.employees:,}", str(self.away), str(self.freed), self.mode]
            tail = [f"{self.bridged_before} of {self.silent}", "-", f"{self.seconds:.1f}"]
            return [*head, "-", "-", *tail, f"no plan: {self.status}"]
        share = f"{self.moved / self.others:.1%}" if self.others else "-"
        return [
            self.size,
            f"{self.employees:,}",
            str(self.away),
            str(self.freed),
            self.mode,
            f"{self.moved} of {self.others} ({share})",
            str(self.refills) if self.mode != "fresh" else "-",
            f"{self.bridged_before} of {self.silent}",
            f"{self.bridged_after} of {self.silent}",
            f"{self.seconds:.1f}",
            "passed" if self.checks else "FAILED",
        ]


HEADER = (
    "company",
    "employees",
    "away",
    "freed seats",
    "mode",
    "moved (others)",
    "refills",
    "bridged before",
    "bridged after",
    "seconds",
    "checks",
)


def company(size: str, folder: Path) -> Path:
    if size == "bundled":
        return Path(str(resources.files("crossteam") / "data" / "example.xlsx"))
    employees = int(size)
    path = folder / f"company-{employees}.xlsx"
    departments = default_departments(employees, CompanyShape.REALISTIC)
    write_example(path, employees, departments, 0, shape=CompanyShape.REALISTIC)
    return path


def bridged(instance: PlanningInput, report: NetworkReport, plan: Plan) -> int:
    """Silent (zero-tie) department pairs a team or a stint of ``plan`` ties."""
    return len(pairs_held(instance, plan) & set(report.gap_pairs))


Place = tuple[str, str]
"""An employee and a kind of assignment (team, rotation)."""


def places(plan: Plan) -> dict[Place, frozenset[tuple[str, ...]]]:
    """Each employee's team, and their stints (period, host), as the Changes sheet counts
    them: one change per employee and kind whose place differs."""
    found: dict[Place, set[tuple[str, ...]]] = {}
    for t in plan.teams:
        for m in t.members:
            found.setdefault((m, "team"), set()).add((t.team,))
    for s in plan.rotation:
        found.setdefault((s.employee_id, "rotation"), set()).add((s.period, s.department))
    return {k: frozenset(v) for k, v in found.items()}


def made_unavailable(instance: PlanningInput, away: set[str], tag: str) -> PlanningInput:
    """``instance`` with the people in ``away`` unavailable, as a later workbook would read
    (another SHA-256, so that the plan is compared with it)."""
    employees = tuple(
        e.model_copy(update={"available": False}) if e.employee_id in away else e
        for e in instance.employees
    )
    source = SourceFile(path=f"later-{tag}.xlsx", sha256=f"{tag:0>64}"[:64], size_bytes=0)
    return instance.validated_with(employees=employees, source=source)


def locks(plan: Plan, away: set[str]) -> tuple[ReviewDecision, ...]:
    stay = [(m, t.team) for t in plan.teams for m in t.members if m not in away]
    return tuple(
        ReviewDecision(kind="team", employee_id=m, team=team, decision="lock", row=2 + i)
        for i, (m, team) in enumerate(stay[::LOCK_EVERY])
    )


@dataclass(frozen=True)
class First:
    """A company, its first plan, and that plan's workbook."""

    size: str
    instance: PlanningInput
    report: NetworkReport
    plan: Plan
    path: Path
    options: SolveOptions


def first_plan(size: str, args: argparse.Namespace, folder: Path) -> First:
    instance = load_workbook(company(size, folder))
    report = network.analyse(instance)
    options = SolveOptions.from_settings(
        instance.settings, time_limit_seconds=args.time_limit, workers=args.workers, seed=args.seed
    )
    plan = solve(instance, report, options)
    assert plan.has_solution, plan.explanation
    path = folder / f"plan-{size}.xlsx"
    source = instance.source
    run_info = RunInfo(
        command="bench_repair",
        input_path=source.path if source else "company.xlsx",
        input_sha256=source.sha256 if source else "",
        employees=len(instance.employees),
        started_at="",
        seed=args.seed,
        time_limit_seconds=args.time_limit,
        workers=args.workers,
    )
    effect = network.compare(instance, plan, before=report)
    write_plan(
        path, instance, plan, effect=effect, checks=verify(instance, plan), run_info=run_info
    )
    return First(size, instance, report, plan, path, options)


def measure(first: First, count: int, modes: Sequence[str], seed: int) -> list[Row]:
    """Make ``count`` people the first plan places unavailable, and re-plan in each mode."""
    instance, plan = first.instance, first.plan
    ruled = {r.employee_id for r in instance.rules} | {t for r in instance.rules for t in r.targets}
    previous = places(plan)
    # nor anyone of a department a rule draws on: with fewer people there a rule such as
    # rotate_to can no longer hold, and the input itself has no plan
    department = {e.employee_id: e.department for e in instance.employees}
    drawn = {department[r.employee_id] for r in instance.rules if r.employee_id in department}
    candidates = sorted(
        who for who in {who for who, _ in previous} - ruled if department[who] not in drawn
    )
    away = set(random.Random(seed + count).sample(candidates, count))
    later = made_unavailable(instance, away, f"{first.size}{count}")
    report = network.analyse(later)
    found = read_plan_for(first.path, later, review=False)
    rows = []
    for mode in modes:
        started = time.monotonic()
        reasons: dict[Place, str] = {}
        if mode == "fresh":
            after = solve(later, report, first.options)
        else:
            decisions = locks(plan, away) if mode == "review" else ()
            result = replan(
                later, report, found.plan, decisions, first.options,
                input_changes=found.changes, left_out=found.left_out,
            )  # fmt: skip
            after = result.plan
            reasons = {(c.employee_id, c.kind): c.reason for c in result.changes}
        seconds = time.monotonic() - started
        if not after.has_solution:
            why = after.explanation[0] if after.explanation else after.status.value
            rows.append(
                Row(
                    first.size, len(instance.employees), count,
                    sum(1 for who, _ in previous if who in away), mode, 0, 0, 0,
                    bridged(instance, first.report, plan), 0, len(first.report.gap_pairs),
                    seconds, False, status=why[:120],
                )
            )  # fmt: skip
            print(" | ".join(rows[-1].cells()), file=sys.stderr, flush=True)
            continue
        now = places(after)
        moved = [
            key
            for key in previous.keys() | now.keys()
            if key[0] not in away and previous.get(key) != now.get(key)
        ]
        rows.append(
            Row(
                size=first.size,
                employees=len(instance.employees),
                away=count,
                freed=sum(1 for who, _ in previous if who in away),
                mode=mode,
                moved=len(moved),
                others=sum(1 for who, _ in previous if who not in away),
                refills=sum(1 for key in moved if reasons.get(key, "").startswith("refilled")),
                bridged_before=bridged(instance, first.report, plan),
                bridged_after=bridged(later, report, after),
                silent=len(first.report.gap_pairs),
                seconds=seconds,
                checks=verify(later, after).passed,
            )
        )
        print(" | ".join(rows[-1].cells()), file=sys.stderr, flush=True)
    return rows


def table(rows: Sequence[Row], args: argparse.Namespace) -> str:
    lines = [
        f"Repair after people become unavailable: time limit {args.time_limit:g} s, "
        f"{args.workers} workers, seed {args.seed}; {platform.platform()}, "
        f"{platform.python_version()}.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
    ]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="bundled,1000")
    parser.add_argument("--away", default="1,5,20")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    args.away = [int(a) for a in args.away.split(",")]
    args.modes = [m for m in args.modes.split(",") if m]
    unknown = set(args.modes) - set(MODES)
    if unknown:
        parser.error(f"unknown modes {sorted(unknown)}: use {', '.join(MODES)}")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-repair-") as folder:
        for size in args.sizes.split(","):
            first = first_plan(size, args, Path(folder))
            for count in args.away:
                rows += measure(first, count, args.modes, args.seed)
    text = table(rows, args)
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
