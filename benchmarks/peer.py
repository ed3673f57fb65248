"""crossteam beside its peer, the PyPI package ``team-formation`` 2.0.0, on one task.

Run: ``python benchmarks/peer.py [--peer-python /tmp/peer/bin/python] [--time-limit 60]
[--workers 2] [--shape classic|realistic] [--out benchmarks/results/peer.md]``. Installs
nothing: the peer lives in a virtualenv of its own (benchmarks/README.md says how to make
it).

The task, the same for both: every available employee of the suite's 1,000-person
``crossteam example`` company (seed 0; 20 departments of similar size in the classic shape,
40 heavy-tailed ones in the realistic shape) into teams of 12 or 13, diversifying
department, everyone assigned, nothing else (no skill needs, rules, rotation or other
Balance rules). crossteam gets it as a workbook (one Teams row: count = people // 12,
sizes 12-13; Balance: department / diversify, weight 1; assign_everyone = yes;
weight_bridging = 0, so that bridging silent departments does not pull against diversity.
Its other weights keep their defaults, of which only weight_diversity, one per distinct
department in a team, applies: crossteam's objective is then departments per team minus
the diversify cost.)
The peer gets the same people as a CSV and ``TeamAssignment(participants,
constraints=[department, diversify, 1], target_team_size=12, less_than_target=False)``,
which also makes people // 12 teams of 12 or 13.

Each runs in a child process with its own Python and the same solver time limit. The
parent measures each child from outside, identically: wall seconds, CPU seconds and peak
resident size (``os.wait4``'s ``ru_maxrss``), interpreter start, imports and reading the
input included. The child reports its own planning seconds (model build and search). This
script then scores both plans the same way: the peer's own diversify cost (sum over teams
and department values of |count - round(share x team size)|, rounding halves up), and
distinct departments per team.

This file also runs as the peer's child under the peer's Python, where crossteam is not
installed: project imports live inside the functions that run in the project's Python.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

EMPLOYEES = 1_000
SEED = 0
TARGET_SIZE = 12
MAX_SIZE = TARGET_SIZE + 1
ATTRIBUTE = "department"
PARTICIPANTS = "participants.csv"
WORKBOOK = "task.xlsx"
BAR_SPEED = 10.0
BAR_MEMORY = 5.0


# ---------------------------------------------------------------------------- the children


def plan_with_peer(folder: Path, time_limit: float) -> dict[str, Any]:
    """The peer's plan of the task (runs under the peer's Python)."""
    import pandas as pd
    from team_formation import TeamAssignment

    participants = pd.read_csv(folder / PARTICIPANTS, dtype=str)
    constraints = pd.DataFrame([{"attribute": ATTRIBUTE, "type": "diversify", "weight": 1}])
    started = time.perf_counter()
    assignment = TeamAssignment(
        participants, constraints, target_team_size=TARGET_SIZE, less_than_target=False
    )
    built = time.perf_counter()
    assignment.solve(max_time_in_seconds=time_limit)
    solved = time.perf_counter()
    teams: dict[int, list[str]] = {}
    if assignment.solution_found:
        for employee, team in zip(
            participants["employee_id"], participants["team_num"], strict=True
        ):
            teams.setdefault(int(team), []).append(employee)
    return {
        "status": assignment.solver.status_name(assignment.status).lower(),
        "build_seconds": built - started,
        "search_seconds": solved - built,
        "teams": list(teams.values()),
        "note": f"{assignment.num_teams} teams; CP-SAT with its default workers",
    }


def plan_with_crossteam(folder: Path, time_limit: float, workers: int) -> dict[str, Any]:
    """crossteam's plan of the task (runs under the project's Python)."""
    from crossteam.checks import verify
    from crossteam.io.reader import load_workbook
    from crossteam.network import analyse
    from crossteam.planner import SolveOptions, solve

    instance = load_workbook(folder / WORKBOOK)
    started = time.perf_counter()
    report = analyse(instance)
    options = SolveOptions.from_settings(
        instance.settings, time_limit_seconds=time_limit, workers=workers, plan_rotation=False
    )
    plan = solve(instance, report, options)
    solved = time.perf_counter()
    checks = verify(instance, plan) if plan.has_solution else None
    gap = f"{plan.gap:.2%}" if plan.gap is not None else "-"
    return {
        "status": plan.status.value,
        "build_seconds": None,
        "search_seconds": solved - started,
        "teams": [list(t.members) for t in plan.teams],
        "note": (
            f"{len(plan.teams)} teams; gap to bound {gap}; checker "
            f"{'passed' if checks is not None and checks.passed else 'FAILED'}; "
            f"{workers} workers"
        ),
    }


# ---------------------------------------------------------------------------- the task


def write_task(
    folder: Path, time_limit: float, workers: int, shape: str = "classic"
) -> list[tuple[str, str]]:
    """The task's workbook and CSV in ``folder``; returns (employee, department) pairs."""
    from suite import departments_for

    from crossteam.io.input_writer import write_input
    from crossteam.io.reader import load_workbook
    from crossteam.models import BalanceMode, BalanceRule, CompanyShape, Settings, TeamSpec
    from crossteam.synthetic import generate_company

    form = CompanyShape(shape)
    company = generate_company(EMPLOYEES, departments_for(EMPLOYEES, form), SEED, shape=form)
    people = sum(1 for e in company.employees if e.available)
    spec = TeamSpec(
        name="Team", count=people // TARGET_SIZE, min_size=TARGET_SIZE, max_size=MAX_SIZE
    )
    task = company.with_changes(
        team_specs=(spec,),
        teams=spec.expand(),
        preferences=(),  # wishes name the company's own teams, replaced here
        balance_rules=(BalanceRule(attribute=ATTRIBUTE, mode=BalanceMode.DIVERSIFY),),
        periods=(),
        rules=(),
        priorities=(),
        settings=Settings(
            assign_everyone=True,
            weight_bridging=0,
            time_limit_seconds=time_limit,
            workers=workers,
            random_seed=SEED,
        ),
    )
    write_input(task, folder / WORKBOOK)
    instance = load_workbook(folder / WORKBOOK)
    pairs = [(e.employee_id, e.department) for e in instance.employees if e.available]
    with open(folder / PARTICIPANTS, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["employee_id", ATTRIBUTE])
        writer.writerows(pairs)
    return pairs


# ---------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Outcome:
    """One tool's run of the task, measured and scored by this script."""

    tool: str
    status: str
    wall: float
    cpu: float
    peak_mb: float
    planning_seconds: float | None
    cost: int | None
    departments_mean: float | None
    departments_min: int | None
    valid: bool
    note: str


def run_child(
    tool: str, python: str, folder: Path, time_limit: float, workers: int, timeout: float
) -> tuple[dict[str, Any] | None, float, float, float]:
    """Run one side in a child with its own Python; (its answer or None, wall s, CPU s, peak
    MB), measured from here with ``wait4``, so both sides are measured alike."""
    answer = folder / f"{tool}.json"
    command = [python, str(Path(__file__).resolve()), "--side", tool, "--folder", str(folder)]
    command += ["--time-limit", str(time_limit), "--workers", str(workers)]
    with open(folder / f"{tool}.log", "w", encoding="utf-8") as log:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        # wait4 gives this child's own resource use; a timer ends a run that never finishes
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    found = json.loads(answer.read_text(encoding="utf-8")) if answer.exists() else None
    return found, wall, cpu, usage.ru_maxrss / 1024


def score(
    tool: str,
    answer: dict[str, Any] | None,
    measured: tuple[float, float, float],
    department_of: dict[str, str],
    failure: str,
) -> Outcome:
    """Both plans scored by the same code: sizes, everyone once, diversify cost, spread."""
    wall, cpu, peak = measured
    teams: list[list[str]] = answer["teams"] if answer else []
    if not teams:
        status = answer["status"] if answer else failure
        return Outcome(tool, status, wall, cpu, peak, None, None, None, None, False, "no plan")
    placed = Counter(m for members in teams for m in members)
    valid = placed.keys() == department_of.keys() and set(placed.values()) == {1}
    valid = valid and all(TARGET_SIZE <= len(t) <= MAX_SIZE for t in teams)
    spread = [len({department_of[m] for m in members}) for members in teams]
    planning = sum(answer[k] or 0.0 for k in ("build_seconds", "search_seconds"))
    return Outcome(
        tool=tool,
        status=answer["status"],
        wall=wall,
        cpu=cpu,
        peak_mb=peak,
        planning_seconds=planning,
        cost=diversify_cost(teams, department_of),
        departments_mean=sum(spread) / len(spread),
        departments_min=min(spread),
        valid=valid,
        note=answer["note"],
    )


def diversify_cost(teams: Sequence[Sequence[str]], department_of: dict[str, str]) -> int:
    """The peer's diversify cost, over every department: sum over teams and departments of
    |members of the department - round(its share of everyone x team size)|, halves up."""
    pool = Counter(department_of.values())
    everyone = len(department_of)
    cost = 0
    for members in teams:
        counts = Counter(department_of[m] for m in members)
        for department, total in pool.items():
            target = math.floor(Fraction(total * len(members), everyone) + Fraction(1, 2))
            cost += abs(counts[department] - target)
    return cost


def team_sizes(people: int) -> list[int]:
    """people // 12 teams of 12, the remainder one more each: what both tools make."""
    teams = people // TARGET_SIZE
    larger = people - TARGET_SIZE * teams
    return [MAX_SIZE] * larger + [TARGET_SIZE] * (teams - larger)


def cost_lower_bound(department_of: dict[str, str], sizes: Sequence[int]) -> int:
    """No plan with these team sizes costs less: a department's deviations over all teams
    add up to at least |its people - the sum of its targets|."""
    everyone = len(department_of)
    return sum(
        abs(total - sum(math.floor(Fraction(total * s, everyone) + Fraction(1, 2)) for s in sizes))
        for total in Counter(department_of.values()).values()
    )


def round_robin(department_of: dict[str, str], sizes: Sequence[int]) -> list[list[str]]:
    """A plan found without search: people by department, largest first, dealt to the teams
    in turn, as cards are dealt (a yardstick for both solvers)."""
    headcount = Counter(department_of.values())
    people = sorted(department_of, key=lambda e: (-headcount[department_of[e]], department_of[e]))
    seats = [t for turn in range(max(sizes)) for t, size in enumerate(sizes) if turn < size]
    teams: list[list[str]] = [[] for _ in sizes]
    for person, team in zip(people, seats, strict=True):
        teams[team].append(person)
    return teams


# ---------------------------------------------------------------------------- the report


COLUMNS = (
    "tool",
    "status",
    "wall s",
    "CPU s",
    "peak MB",
    "planning s",
    "diversify cost",
    "departments per team (mean)",
    "(min)",
    "plan valid",
    "notes",
)


def _cells(o: Outcome) -> list[str]:
    return [
        o.tool,
        o.status,
        f"{o.wall:.1f}",
        f"{o.cpu:.1f}",
        f"{o.peak_mb:.0f}",
        f"{o.planning_seconds:.1f}" if o.planning_seconds is not None else "-",
        str(o.cost) if o.cost is not None else "-",
        f"{o.departments_mean:.2f}" if o.departments_mean is not None else "-",
        str(o.departments_min) if o.departments_min is not None else "-",
        "yes" if o.valid else "no",
        o.note,
    ]


def verdict(ours: Outcome, peer: Outcome) -> list[str]:
    """The issue's bar, each part with the ratio measured."""
    speed, cpu, memory = peer.wall / ours.wall, peer.cpu / ours.cpu, peer.peak_mb / ours.peak_mb
    lines = [
        f"- Speed: the peer took {speed:.1f}x crossteam's wall time ({cpu:.1f}x its CPU time); "
        f"bar {BAR_SPEED:g}x: {'met' if speed >= BAR_SPEED else 'missed'}.",
        f"- Memory: the peer's peak was {memory:.1f}x crossteam's; bar {BAR_MEMORY:g}x: "
        f"{'met' if memory >= BAR_MEMORY else 'missed'}.",
    ]
    if ours.cost is not None and peer.cost is not None:
        lines.append(
            f"- Diversify cost: crossteam {ours.cost}, peer {peer.cost}; equal or lower: "
            f"{'met' if ours.cost <= peer.cost else 'missed'}."
        )
    if ours.departments_mean is not None and peer.departments_mean is not None:
        more = ours.departments_mean >= peer.departments_mean
        lines.append(
            f"- Departments per team: crossteam {ours.departments_mean:.2f} (min "
            f"{ours.departments_min}), peer {peer.departments_mean:.2f} (min "
            f"{peer.departments_min}); at least as many: {'met' if more else 'missed'}."
        )
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-python", default="/tmp/peer/bin/python")
    parser.add_argument("--time-limit", type=float, default=60.0, help="solver seconds, each")
    parser.add_argument("--workers", type=int, default=2, help="crossteam's solver threads")
    parser.add_argument(
        "--timeout", type=float, default=1800.0, help="a child still running is ended then"
    )
    parser.add_argument("--shape", choices=("classic", "realistic"), default="classic")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/peer.md"))
    parser.add_argument("--side", choices=("crossteam", "peer"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.side is not None:  # a child: plan, and leave the answer for the parent
        answer = (
            plan_with_peer(args.folder, args.time_limit)
            if args.side == "peer"
            else plan_with_crossteam(args.folder, args.time_limit, args.workers)
        )
        (args.folder / f"{args.side}.json").write_text(json.dumps(answer), encoding="utf-8")
        return
    compare_tools(
        args.peer_python, args.time_limit, args.workers, args.timeout, args.out, args.shape
    )


def compare_tools(
    peer_python: str,
    time_limit: float,
    workers: int,
    timeout: float,
    out: Path,
    shape: str = "classic",
) -> None:
    """Both tools on the task, one after the other, and the table."""
    from suite import departments_for, markdown_table, versions

    from crossteam.models import CompanyShape

    load = os.getloadavg()[0]
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="crossteam-peer-") as name:
        folder = Path(name)
        department_of = dict(write_task(folder, time_limit, workers, shape))
        for tool, python in (("crossteam", sys.executable), ("peer", peer_python)):
            answer, *measured = run_child(tool, python, folder, time_limit, workers, timeout)
            log = (folder / f"{tool}.log").read_text(encoding="utf-8").strip().splitlines()
            failure = f"failed: {log[-1][:80]}" if log else "failed"
            outcomes.append(score(tool, answer, tuple(measured), department_of, failure))
            print(" | ".join(_cells(outcomes[-1])), flush=True)
    peer_version = subprocess.run(
        [peer_python, "-c", "import team_formation, ortools; "
         "print(team_formation.__version__, ortools.__version__)"],
        capture_output=True, text=True, check=False,
    ).stdout.split()  # fmt: skip
    ours, peer = outcomes
    people = len(department_of)
    sizes = team_sizes(people)
    dealt = round_robin(department_of, sizes)
    spread = [len({department_of[m] for m in members}) for members in dealt]
    report = "\n\n".join(
        [
            "# crossteam beside the peer (team-formation)",
            f"Run {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} "
            f"cores, load average {load:.1f} at the start. crossteam "
            f"{versions()['crossteam']} (ortools {versions()['ortools']}); peer "
            f"team-formation {' with ortools '.join(peer_version) or '(version unknown)'}.",
            f"Task: the {people} available employees of the {EMPLOYEES:,}-person example "
            f"company ({shape} shape, seed {SEED}, "
            f"{departments_for(EMPLOYEES, CompanyShape(shape))} departments) into "
            f"{people // TARGET_SIZE} teams of {TARGET_SIZE}-{MAX_SIZE}, department "
            f"diversified, everyone assigned; solver time limit {time_limit:g} s each. "
            "Wall, CPU and peak memory are the whole child process's (Python start, imports "
            "and reading the input included), measured alike with wait4; planning s is the "
            "child's own clock around model building and search. Diversify cost and "
            "departments per team are computed by benchmarks/peer.py for both plans.",
            markdown_table(COLUMNS, [_cells(o) for o in outcomes]),
            "Yardsticks, computed here without a solver: no plan with these team sizes has a "
            f"diversify cost below {cost_lower_bound(department_of, sizes)}; dealing the "
            "people to the teams in turn, department by department (largest first), costs "
            f"{diversify_cost(dealt, department_of)} with {sum(spread) / len(spread):.2f} "
            f"departments per team (min {min(spread)}).",
            "\n".join(verdict(ours, peer)) if ours.valid and peer.valid else
            "One of the tools gave no valid plan: see the table.",
        ]
    ) + "\n"  # fmt: skip
    print("\n" + report)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(f"Wrote {out}")


if __name__ == "__main__":
    main()
