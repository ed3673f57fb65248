"""Same input and options: the same plan and the same workbook, in separate processes (so
hash seeds differ too). With the default options (every core, a repeatable search bounded
by work), and with one worker and a deterministic time limit, whatever the machine's
load. Run Info holds all an auditor needs to repeat the run."""

from __future__ import annotations

import hashlib
import json
import shlex
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli

from crossteam.io.example_workbook import write_example
from crossteam.planner import usable_cores

SEED = "7"
DETERMINISTIC_LIMIT = 1.0
RUN_TIMES = {"started_at", "started_at_local", "wall_seconds", "solve_seconds"}
"""Run Info fields that record when and how long, not what: they may differ."""
TIMED_FIGURES = {"seconds", "solve_seconds", "wall_seconds"}
"""Labels of figures elsewhere that hold a duration."""


@pytest.fixture(scope="session")
def seeded_input(reliability_dir: Path) -> Path:
    """A 300-employee company whose Settings bound the search in deterministic time: too
    large to be proven optimal within it, so the limit, not optimality, ends the search."""
    path = reliability_dir / "seeded.xlsx"
    write_example(path, 300, 10, 3)
    book = openpyxl.load_workbook(path)
    book["Settings"].append(["deterministic_time_limit", DETERMINISTIC_LIMIT])
    book.save(path)
    return path


def plan_in(folder: Path, source: Path) -> dict[str, object]:
    """Plan ``source`` from inside ``folder`` with relative paths, so that the command line
    recorded in Run Info is the same for both runs."""
    folder.mkdir()
    (folder / source.name).write_bytes(source.read_bytes())
    done = run_cli(
        "plan", source.name, "-o", "plan.xlsx", "--seed", SEED, "--workers", "1",
        "--time-limit", "120", "--json", cwd=folder, timeout=180,
    )  # fmt: skip
    assert done.code == 0, done.stderr
    payload: dict[str, object] = json.loads(done.stdout)
    return payload


def sheet_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every sheet's cell values, with the rows that hold a time left out."""
    book = openpyxl.load_workbook(path, read_only=True)
    sheets = {}
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        sheets[sheet.title] = [
            row for row in rows if not (row and str(row[0]) in RUN_TIMES | TIMED_FIGURES)
        ]
    book.close()
    return sheets


def run_info(path: Path) -> dict[str, object]:
    book = openpyxl.load_workbook(path, read_only=True)
    fields = {str(row[0]): row[1] for row in book["Run Info"].iter_rows(values_only=True) if row}
    book.close()
    return fields


@pytest.fixture(scope="session")
def two_runs(seeded_input: Path, reliability_dir: Path) -> tuple[dict[str, object], ...]:
    return tuple(plan_in(reliability_dir / f"run-{n}", seeded_input) for n in (1, 2))


def test_two_seeded_one_worker_runs_give_identical_plans(
    two_runs: tuple[dict[str, object], ...],
) -> None:
    first, second = two_runs
    assert first["stop_reason"] == second["stop_reason"] == "deterministic_limit"
    assert first["teams"]
    assert (first["teams"], first["rotation"]) == (second["teams"], second["rotation"])
    assert first["objective"] == second["objective"]
    assert first["status"] == second["status"]


def test_two_seeded_one_worker_runs_give_identical_workbooks_apart_from_times(
    two_runs: tuple[dict[str, object], ...], reliability_dir: Path
) -> None:
    first = sheet_values(reliability_dir / "run-1" / "plan.xlsx")
    second = sheet_values(reliability_dir / "run-2" / "plan.xlsx")
    assert list(first) == list(second)
    for title in first:
        assert first[title] == second[title], title


def test_run_info_records_all_that_is_needed_to_repeat_the_run(
    two_runs: tuple[dict[str, object], ...], seeded_input: Path, reliability_dir: Path
) -> None:
    fields = run_info(reliability_dir / "run-1" / "plan.xlsx")

    command = shlex.split(str(fields["command"]))
    assert command[:3] == ["crossteam", "plan", seeded_input.name]
    assert command[command.index("--seed") :][:2] == ["--seed", SEED]
    assert command[command.index("--workers") :][:2] == ["--workers", "1"]
    assert fields["input_sha256"] == hashlib.sha256(seeded_input.read_bytes()).hexdigest()
    assert fields["input_size_bytes"] == seeded_input.stat().st_size
    assert fields["seed"] == int(SEED)
    assert fields["workers"] == 1
    assert fields["time_limit_seconds"] == 120
    assert fields["deterministic_time_limit"] == DETERMINISTIC_LIMIT
    assert fields["plan_teams"] == fields["plan_rotation"] == "yes"
    for package in ("python", "crossteam", "ortools", "openpyxl", "pydantic", "networkx"):
        assert fields[f"version {package}"] not in (None, "", "not installed")
    assert fields["platform"]
    assert fields["started_at"]
    assert fields["setting deterministic_time_limit"] == DETERMINISTIC_LIMIT


@pytest.fixture(scope="session")
def default_runs(reliability_dir: Path) -> tuple[dict[str, object], ...]:
    """Two runs of ``crossteam plan IN -o plan.xlsx --json``, nothing else on the command
    line, on a 150-employee company. Its Settings hold a 15-second time limit, which the
    work limit derived from it, not the clock, must end (on this machine, under load)."""
    path = reliability_dir / "default.xlsx"
    write_example(path, 150, 8, 5)
    book = openpyxl.load_workbook(path)
    (row,) = [
        r for r in book["Settings"].iter_rows(min_row=2) if r[0].value == "time_limit_seconds"
    ]
    row[1].value = 15
    book.save(path)
    runs = []
    for n in (1, 2):
        folder = reliability_dir / f"default-{n}"
        folder.mkdir()
        (folder / path.name).write_bytes(path.read_bytes())
        done = run_cli("plan", path.name, "-o", "plan.xlsx", "--json", cwd=folder, timeout=120)
        assert done.code == 0, done.stderr
        runs.append(json.loads(done.stdout))
    return tuple(runs)


def test_two_runs_with_the_default_options_give_identical_plans(
    default_runs: tuple[dict[str, object], ...], reliability_dir: Path
) -> None:
    first, second = default_runs
    assert first["repeatable"] is second["repeatable"] is True, first["notes"]
    assert first["stop_reason"] in ("deterministic_limit", "proven")
    assert first["teams"] and first["rotation"]
    assert (first["teams"], first["rotation"]) == (second["teams"], second["rotation"])
    assert first["objective"] == second["objective"]
    one = sheet_values(reliability_dir / "default-1" / "plan.xlsx")
    two = sheet_values(reliability_dir / "default-2" / "plan.xlsx")
    for title in one:
        assert one[title] == two[title], title
    fields = run_info(reliability_dir / "default-1" / "plan.xlsx")
    assert fields["repeatable"] == fields["plan_repeats"] == "yes"
    assert fields["deterministic_time_limit"] == first["deterministic_time_limit"]
    assert fields["solver_threads"] == usable_cores()
