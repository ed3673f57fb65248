"""Ctrl-C in every stage of ``plan``: exit 130 within a few seconds, the plan kept once found.

Each run is a real child. The signal goes the moment the stage's own line appears on
stderr (the lines a log shows), so the stage is under way when it arrives; the company is
made slow on purpose where a stage would otherwise be over at once (teams that may take
up to 60 members make the model and the bound work for about a second each).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli

from crossteam.checks import verify
from crossteam.console import STOP_GRACE_SECONDS
from crossteam.io.example_workbook import write_example
from crossteam.io.plan_reader import read_plan
from crossteam.io.reader import load_workbook

GIVE_UP_SECONDS = 5.0
"""The issue's bound: from the signal to the exit, whatever the stage."""


@pytest.fixture(scope="module")
def companies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``wide``: 1,000 people whose first team spec may take up to 60 members;
    ``small``: 400 people, planned in 2 s; ``impossible``: the small company with a hard
    rule no team can meet (a different location for every member of a team of six, with
    five locations), found by the solver, not by a pre-check."""
    folder = tmp_path_factory.mktemp("stages")
    wide, small = folder / "wide.xlsx", folder / "small.xlsx"
    write_example(wide, 1000, 20, 0)
    book = openpyxl.load_workbook(wide)
    book["Teams"]["D2"] = 60
    book.save(wide)
    write_example(small, 400, 10, 0)
    book = openpyxl.load_workbook(small)
    book["Balance"].append(["location", "different", "hard", None])
    book.save(folder / "impossible.xlsx")
    return {"wide": wide, "small": small, "impossible": folder / "impossible.xlsx"}


@dataclass
class Signaller:
    """Sends ``signals`` (one after the other, 0.5 s apart) the moment ``line`` appears on
    the child's stderr."""

    line: str
    signals: tuple[signal.Signals, ...] = (signal.SIGINT,)
    sent: float | None = None
    stderr_then: str = ""
    stages: list[str] = field(default_factory=list)

    def __call__(self, child: subprocess.Popen[bytes], stderr: Path) -> None:
        while child.poll() is None:
            text = stderr.read_text("utf-8", "replace")
            if self.line in text:
                self.sent, self.stderr_then = time.monotonic(), text
                for i, signum in enumerate(self.signals):
                    if i:
                        time.sleep(0.5)
                    child.send_signal(signum)
                return
            time.sleep(0.01)


Kept = Callable[[Path, Path], None]


def plan_kept(out: Path, source: Path) -> None:
    instance = load_workbook(source)
    assert verify(instance, read_plan(out, instance)).passed


def nothing_kept(out: Path, source: Path) -> None:
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("line", "company", "limit", "kept"),
    [
        ("Analysing the network...", "wide", "600", nothing_kept),
        ("Preparing a starting plan", "wide", "600", nothing_kept),
        ("Building the model...", "wide", "600", nothing_kept),
        ("Computing a bound...", "wide", "600", nothing_kept),
        ("Searching...", "wide", "600", None),  # a plan if the search had found one
        ("finding the rules in conflict", "impossible", "60", nothing_kept),
        ("Checking the plan...", "small", "2", plan_kept),
        ("Writing", "small", "2", plan_kept),
    ],
    ids=["analysis", "start", "model", "bound", "search", "explain", "checks", "write"],
)
def test_sigint_in_each_stage_exits_130_within_seconds(
    line: str,
    company: str,
    limit: str,
    kept: Kept | None,
    companies: dict[str, Path],
    tmp_path: Path,
) -> None:
    out = tmp_path / "plan.xlsx"
    signaller = Signaller(line)
    source = companies[company]

    done = run_cli(
        "plan", source, "-o", out, "--time-limit", limit, "--workers", "2",
        timeout=120, during=signaller,
    )  # fmt: skip
    ended = time.monotonic()

    assert signaller.sent is not None, f"the stage never began:\n{done.stderr}"
    # the stage was under way: its line is the last one shown when the signal went
    assert line in signaller.stderr_then.strip().splitlines()[-1]
    assert done.code == 130, done.stderr
    assert ended - signaller.sent < GIVE_UP_SECONDS, done.stderr
    assert "Traceback" not in done.stderr
    if kept is not None:
        kept(out, source)
    if kept is plan_kept:
        assert "Interrupted: the best plan found so far was written." in done.stderr


# A child whose planner never hears the stop: only the command line can end the run.
DEAF_PLANNER = textwrap.dedent(
    """
    import sys, time
    import crossteam.planner as planner
    from crossteam.cli import main
    from crossteam.planner import Stage

    def deaf(instance, report, options, *, on_progress=None, on_stage=None, stop=None):
        on_stage(Stage.SEARCH)
        time.sleep(120)

    planner.solve = deaf
    main(["plan", sys.argv[1], "-o", sys.argv[2], "--time-limit", "600"])
    """
)


@pytest.mark.parametrize(
    ("signals", "within"),
    [((signal.SIGINT,), STOP_GRACE_SECONDS + 1), ((signal.SIGINT, signal.SIGINT), 2.0)],
    ids=["one-signal-then-grace", "second-signal-at-once"],
)
def test_a_stage_deaf_to_the_stop_is_abandoned(
    signals: tuple[signal.Signals, ...],
    within: float,
    companies: dict[str, Path],
    tmp_path: Path,
) -> None:
    out = tmp_path / "plan.xlsx"
    child = subprocess.Popen(
        [sys.executable, "-c", DEAF_PLANNER, str(companies["small"]), str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stderr is not None
    for text in child.stderr:
        if text.startswith("Searching..."):
            break
    sent = time.monotonic()
    for i, signum in enumerate(signals):
        if i:
            time.sleep(0.5)
        child.send_signal(signum)
    rest = child.stderr.read()
    code = child.wait(timeout=60)
    assert code == 130, rest
    assert time.monotonic() - sent < within
    assert "Traceback" not in rest and not out.exists()
    if len(signals) == 1:
        grace = f"{STOP_GRACE_SECONDS:.0f}s"
        assert f"did not stop within {grace} of being interrupted; nothing was written" in rest
