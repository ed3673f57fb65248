"""Running ``crossteam`` as a user does, in a child process, and measuring it from outside.

Process behaviour (exit codes, signals, memory, files left behind) only shows in a real
child, so these tests run ``python -m crossteam`` and read the child's own resource usage
with ``os.wait4``: wall and processor seconds and peak resident size of that child alone.
The peak is an upper bound: Linux also counts the pytest process the child was forked from,
as it was just before the child started Python.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from crossteam.io.example_workbook import write_example

SMALL_EMPLOYEES = 40
SMALL_DEPARTMENTS = 4


@dataclass(frozen=True)
class Run:
    """One finished child: its exit code (``-N`` when killed by signal N) and what it used."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    cpu_seconds: float
    """Processor time of the child, user and system: unlike wall time, not inflated by a
    busy machine."""
    max_rss_mb: float


def run_cli(
    *args: str | Path,
    timeout: float = 60.0,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    during: Callable[[subprocess.Popen[bytes], Path], None] | None = None,
    launcher: tuple[str, ...] = (),
    user: int | None = None,
) -> Run:
    """Run ``crossteam *args`` in a child, killing it after ``timeout`` seconds.

    ``during`` is called with the running child and the file its stderr goes to (to send
    it a signal at the right moment); ``launcher`` is put in front of the Python command
    (``unshare -n``, for example); ``user`` runs the child as that user id.
    """
    command = [*launcher, sys.executable, "-m", "crossteam", *map(str, args)]
    with tempfile.TemporaryDirectory() as folder:
        out_path, err_path = Path(folder) / "stdout", Path(folder) / "stderr"
        out, err = out_path.open("w+b"), err_path.open("w+b")
        started = time.monotonic()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, env=env, user=user)
        killer = threading.Timer(timeout, child.kill)
        killer.start()
        try:
            if during is not None:
                during(child, err_path)
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            killer.cancel()
            out.close()
            err.close()
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        return Run(
            code=child.returncode,
            stdout=out_path.read_text("utf-8", "replace"),
            stderr=err_path.read_text("utf-8", "replace"),
            seconds=time.monotonic() - started,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            max_rss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        )


SEARCH_STARTED = "Searching..."
"""The line ``plan`` writes when the search starts: from then on a signal keeps a plan."""


def signal_into_search(
    seconds: float, signum: signal.Signals
) -> Callable[[subprocess.Popen[bytes], Path], None]:
    """Send ``signum`` ``seconds`` after the child says its search started."""

    def send(child: subprocess.Popen[bytes], stderr: Path) -> None:
        while SEARCH_STARTED not in stderr.read_text("utf-8", "replace"):
            if child.poll() is not None:
                return
            time.sleep(0.1)
        time.sleep(seconds)
        if child.poll() is None:
            child.send_signal(signum)

    return send


@pytest.fixture(scope="session")
def reliability_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reliability")


@pytest.fixture(scope="session")
def small_input(reliability_dir: Path) -> Path:
    """A small valid company (40 employees, teams and periods): quick to plan."""
    path = reliability_dir / "small.xlsx"
    write_example(path, SMALL_EMPLOYEES, SMALL_DEPARTMENTS, 0)
    return path


@pytest.fixture(scope="session")
def small_plan(reliability_dir: Path, small_input: Path) -> Path:
    """A plan workbook of ``small_input``, written by the command line."""
    path = reliability_dir / "small-plan.xlsx"
    done = run_cli("plan", small_input, "-o", path, "--time-limit", "2", "--workers", "1")
    assert done.code == 0, done.stderr
    return path


def run_main(*args: str | Path) -> int:
    """Run the command line in this process (quicker than a child) and return its exit code,
    keeping pytest's own signal handlers."""
    from crossteam.cli import main

    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        main([str(a) for a in args])
    except SystemExit as done:
        return int(done.code or 0)
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    raise AssertionError("main() always exits")


MEASURED: list[tuple[str, Run]] = []
"""Children measured by the hostile-file tests, printed after the run for docs/limits.md."""
SUMMARY: list[str] = []
"""One line per example of the property tests, counted after the run (their number is
quoted in docs/limits.md)."""


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARY:
        terminalreporter.section("property test examples")
        for line, count in sorted(Counter(SUMMARY).items()):
            terminalreporter.line(f"{count:4} x {line}")
        terminalreporter.line(f"{len(SUMMARY):4} examples in all")
    if not MEASURED:
        return
    terminalreporter.section("children measured (exit, wall s, cpu s, peak MB)")
    for label, run in MEASURED:
        terminalreporter.line(
            f"{label:55} {run.code:4} {run.seconds:6.1f} {run.cpu_seconds:6.1f} "
            f"{run.max_rss_mb:7.0f}"
        )
