"""Ctrl-C and SIGTERM: during a solve the best plan so far is written and the run exits 130;
during a write, the chosen output is either the old file or absent, never half a workbook."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import openpyxl
import pytest
from conftest import SEARCH_STARTED, run_cli, signal_into_search

from crossteam.checks import verify
from crossteam.errors import OutputError
from crossteam.io.atomic import write_atomically
from crossteam.io.example_workbook import write_example
from crossteam.io.plan_reader import read_plan
from crossteam.io.reader import load_workbook

SIGNAL_AFTER = 5.0
"""Seconds into the search (the issue's 20 s case was run by hand, see docs/limits.md)."""


@pytest.fixture(scope="session")
def thousand_employees(reliability_dir: Path) -> Path:
    path = reliability_dir / "thousand.xlsx"
    write_example(path, 1000, 20, 0)
    return path


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp.xlsx"))


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_the_solve_writes_the_best_plan_so_far_and_exits_130(
    signum: signal.Signals, thousand_employees: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plan.xlsx"

    done = run_cli(
        "plan",
        thousand_employees,
        "-o",
        out,
        "--time-limit",
        "600",
        "--workers",
        "2",
        timeout=300,
        during=signal_into_search(SIGNAL_AFTER, signum),
    )

    assert done.code == 130, done.stderr
    assert done.stderr.index(SEARCH_STARTED) < done.stderr.index("Interrupted")
    assert "Traceback" not in done.stderr
    assert "best plan found so far was written" in done.stderr
    assert temp_files(tmp_path) == []
    book = openpyxl.load_workbook(out, read_only=True)
    assert book["Teams"].max_row > 1
    book.close()
    instance = load_workbook(thousand_employees)
    plan = read_plan(out, instance)
    assert plan.teams
    assert verify(instance, plan).passed


def half_then_fail(error: BaseException) -> Callable[[BinaryIO], None]:
    def write(target: BinaryIO) -> None:
        target.write(b"PK\x03\x04 half a workbook")
        raise error

    return write


@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError("disk full")])
def test_a_write_failing_half_way_leaves_no_file(error: BaseException, tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    with pytest.raises(type(error)):
        write_atomically(out, half_then_fail(error), force=False)
    assert not out.exists()
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError("disk full")])
def test_a_write_failing_half_way_keeps_the_old_file(error: BaseException, tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    out.write_bytes(b"the old plan")
    with pytest.raises(type(error)):
        write_atomically(out, half_then_fail(error), force=True)
    assert out.read_bytes() == b"the old plan"
    assert temp_files(tmp_path) == []


def test_without_force_an_existing_file_is_refused_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    out.write_bytes(b"the old plan")
    calls: list[BinaryIO] = []
    with pytest.raises(OutputError, match="--force"):
        write_atomically(out, calls.append, force=False)
    assert calls == []
    assert out.read_bytes() == b"the old plan"


# A child that receives the signal while its output is half written.
SIGNAL_WHILE_WRITING = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path
    import crossteam.io.template as template
    from crossteam.cli import main

    def write(target) -> None:
        target.write(b"half a workbook")
        os.kill(os.getpid(), signal.{name})
        time.sleep(5)
        target.write(b"a whole workbook")

    template.write_template = write
    main(["template", sys.argv[1], "--force"])
    """
)


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_while_writing_keeps_the_old_file_and_no_temp_file(
    name: str, tmp_path: Path
) -> None:
    out = tmp_path / "template.xlsx"
    out.write_bytes(b"the old workbook")
    script = SIGNAL_WHILE_WRITING.format(name=name)

    done = subprocess.run(
        [sys.executable, "-c", script, str(out)], capture_output=True, text=True, timeout=60
    )

    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert out.read_bytes() == b"the old workbook"
    assert temp_files(tmp_path) == []
