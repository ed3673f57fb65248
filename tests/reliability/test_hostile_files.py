"""Every command that reads a workbook refuses hostile and broken files the same way: exit 2,
a message that says where the trouble is, in seconds, in bounded memory, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MEASURED, run_cli
from hostile import CASES

SECONDS = 15.0
WALL_SECONDS = 2 * SECONDS
"""Wall time also counts waiting for a core on a shared CI machine: the bound on processor
time is the promise, this one only catches a hang."""
MEGABYTES = 1024

COMMANDS = ("validate", "audit", "plan", "audit --plan")

# Where each cell-level case must be located: the sheet's first data row (or the row the
# merge emptied), by cell reference or by row number when the sheet itself is refused.
CELL_LOCATION = {
    "million_rows": "holds more than",
    "long_cell": "!A2",
    "control_characters": "is damaged at row 2",
    "merged_cells": "!A3",
    "formula_without_result": "!A2",
    "formula_with_error_result": "!A2",
    "date_as_id": "!A2",
}


@pytest.fixture(scope="session")
def hostile_files(
    reliability_dir: Path, small_input: Path, small_plan: Path
) -> dict[tuple[str, str], Path]:
    """Every case built once, spoiling the input's Employees sheet or the plan's Teams."""
    files: dict[tuple[str, str], Path] = {}
    for role, good, sheet in (("input", small_input, "Employees"), ("plan", small_plan, "Teams")):
        for case, build in CASES.items():
            target = reliability_dir / f"{role}-{case}.xlsx"
            build(good, sheet, target)
            files[role, case] = target
    return files


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("command", COMMANDS)
def test_hostile_file_exits_2_with_a_located_message_quickly_and_in_bounded_memory(
    command: str,
    case: str,
    hostile_files: dict[tuple[str, str], Path],
    small_input: Path,
    tmp_path: Path,
) -> None:
    if command == "audit --plan":
        bad = hostile_files["plan", case]
        args: tuple[str | Path, ...] = ("audit", small_input, "--plan", bad)
    else:
        bad = hostile_files["input", case]
        args = (command, bad)
        if command == "plan":
            args += ("-o", tmp_path / "plan.xlsx", "--time-limit", "2", "--workers", "1")
    before = bad.read_bytes()

    done = run_cli(*args, timeout=2 * WALL_SECONDS)
    MEASURED.append((f"{command} {case}", done))

    assert done.code == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.cpu_seconds < SECONDS
    assert done.seconds < WALL_SECONDS
    assert done.max_rss_mb < MEGABYTES
    assert bad.read_bytes() == before
    assert not (tmp_path / "plan.xlsx").exists()
    if case in CELL_LOCATION:
        sheet = "Teams" if command == "audit --plan" else "Employees"
        assert sheet in done.stderr
        assert CELL_LOCATION[case] in done.stderr
    else:  # the whole file is refused: the message names it
        assert bad.name in done.stderr
    longest = max(map(len, done.stderr.splitlines()))
    assert longest < 500, "a 10,000-character cell must not be echoed whole"
