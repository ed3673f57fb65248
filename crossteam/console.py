"""The command line's console: messages and JSON out, a solve run in a worker thread with
live progress, and Ctrl-C or SIGTERM turned into a clean stop.

Exit codes: 0 done; 1 no plan; 2 invalid input or usage; 3 internal error; 130 interrupted.
Messages and progress go to stderr; ``--json`` prints exactly one JSON object on stdout.
"""

from __future__ import annotations

import contextvars
import json
import os
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from rich.console import Console
from rich.markup import escape

from crossteam import i18n
from crossteam.errors import CrossteamError, InputError, OutputError
from crossteam.json_contract import plan_json, validity_json
from crossteam.messages import no_plan_lines, plan_lines
from crossteam.models import Problem

if TYPE_CHECKING:
    from crossteam.models import NetworkReport
    from crossteam.pipeline import PlanOutcome
    from crossteam.planner import Progress, Stage

R = TypeVar("R")

EXIT_OK = 0
EXIT_NO_PLAN = 1
EXIT_INVALID = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class Exit(Exception):
    """Leave a command with an exit code, after its messages were printed."""

    def __init__(self, code: int) -> None:
        self.code = code


# ---------------------------------------------------------------------------- output


last_error: list[str] = []


def start_run(language: i18n.Language | None = None) -> None:
    """Forget the last run's JSON and error; speak ``language`` (``--lang``), else
    ``CROSSTEAM_LANG``, until a workbook says otherwise."""
    json_emitted.clear()
    last_error.clear()
    i18n.ask(language)


def say(message: str) -> None:
    stderr.print(message)


def say_error(message: str) -> None:
    last_error[:] = [message]
    say(f"[red]{i18n.t('common.error')}[/red] {escape(message)}")


def warn(message: str) -> None:
    """A warning line: the run goes on."""
    say(f"[yellow]{i18n.t('common.warning')}[/yellow] {escape(message)}")


def note(message: str) -> None:
    """A note line: something the run did that the user may not expect."""
    say(f"[yellow]{i18n.t('common.note')}[/yellow] {escape(message)}")


json_emitted = threading.Event()


def emit_json(payload: dict[str, Any]) -> None:
    """The one way JSON reaches stdout: strict JSON, so a figure that is not finite is a bug
    that fails loudly (exit 3) instead of printing ``NaN`` or ``Infinity``."""
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=str, allow_nan=False)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    json_emitted.set()


def report_problems(errors: tuple[Problem, ...], warnings: tuple[Problem, ...]) -> None:
    for w in warnings:
        warn(w.render())
    for e in errors:
        say(f"[red]{i18n.t('common.error')}[/red] {escape(e.render())}")
    if errors:
        problems = i18n.counted(len(errors), "problem")
        following = sum(e.follows is not None for e in errors)
        if following:
            say(i18n.t("terminal.problems_found_following", problems=problems, following=following))
        else:
            say(i18n.t("terminal.problems_found", problems=problems))


def fail_input(error: InputError, as_json: bool) -> NoReturn:
    """Refuse an input: its problems on stderr (and as JSON), then exit 2."""
    report_problems(error.problems, error.warnings)
    if as_json:
        emit_json(validity_json(False, error.problems, error.warnings))
    raise Exit(EXIT_INVALID)


def plan_exit_code(outcome: PlanOutcome, *, stopped: bool) -> int:
    """A planning run's exit code: 130 when it was stopped (the best plan found so far
    is still written), else 0 with a plan and 1 without one."""
    if stopped:
        return EXIT_INTERRUPTED
    return EXIT_OK if outcome.has_plan else EXIT_NO_PLAN


def tell_plan(
    outcome: PlanOutcome,
    report: NetworkReport,
    stopped: bool,
    repeatable_asked: bool,
    *,
    as_json: bool,
) -> None:
    """A planning run's lines and JSON (``report``: the network before it), then its exit
    code unless it is 0."""
    if outcome.has_plan:
        lines = plan_lines(outcome, stopped=stopped, repeatable_asked=repeatable_asked)
    else:
        lines = no_plan_lines(outcome)
    for line in lines:
        say(line)
    if as_json:
        emit_json(plan_json(outcome, report))
    code = plan_exit_code(outcome, stopped=stopped)
    if code != EXIT_OK:
        raise Exit(code)


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM outside a solve; a BaseException so that no library swallows it,
    and so that a write under way removes its temporary file instead of leaving it behind."""


@contextmanager
def interruptible(stop: threading.Event, *, second_ends: bool = True) -> Iterator[None]:
    """Turn Ctrl-C and SIGTERM into ``stop`` being set, so the solver ends cleanly and the
    best plan found so far is still written; with ``second_ends``, a second one raises
    ``Interrupted`` (the run ends at once, writing nothing)."""

    def handler(signum: int, frame: object) -> None:
        if stop.is_set() and second_ends:
            raise Interrupted
        stop.set()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


STOP_GRACE_SECONDS = 4.0
"""How long a stopped run may take to hand back its best plan before it is abandoned: a
very large company (10,000 people) takes about 1 s to leave its blocks of teams."""

abandoned: list[threading.Thread] = []
"""Workers left running when the run ended: the process then exits without waiting."""


def run_in_worker(
    run: Callable[[Callable[[Progress], None], Callable[[Stage], None], threading.Event], R],
    options: Any,
    stop: threading.Event,
    *,
    staged: bool = True,
    grace: float | None = STOP_GRACE_SECONDS,
) -> R:
    """Run a solve in a worker thread so that the main thread stays free to receive
    signals, showing live progress on a terminal and each stage in a log (``staged``: the
    run reports its stages; else one "Searching..." line stands for them all).

    Once ``stop`` is set, the worker has ``grace`` seconds to return (``None``: as long as
    it takes); a stage that does not hear it is then abandoned, and the run ends as
    interrupted, writing nothing.
    """
    from rich.live import Live

    result: dict[str, Any] = {}
    latest: list[Progress] = []
    stages: list[Stage] = []
    started = time.monotonic()

    def on_stage(stage: Stage) -> None:
        stages.append(stage)
        if not stderr.is_terminal:
            say(_stage_line(stage, started, options))

    def work() -> None:
        try:
            result["value"] = run(latest.append, on_stage, stop)
        except BaseException as error:  # re-raised in the main thread
            result["error"] = error

    # the worker speaks the run's language: a new thread starts without the caller's context
    context = contextvars.copy_context()
    worker = threading.Thread(
        target=context.run, args=(work,), name="crossteam-solver", daemon=True
    )
    worker.start()
    try:
        if stderr.is_terminal:
            with Live(console=stderr, transient=True, refresh_per_second=4) as live:
                for _ in _waiting(worker, stop, grace):
                    progress, stage = latest[-1] if latest else None, stages[-1] if stages else None
                    live.update(_progress_line(progress, started, options, stage))
        else:
            if not staged:  # one line for a log or a supervising script
                say(_progress_line(None, started, options))
            for _ in _waiting(worker, stop, grace):
                pass
    except Interrupted:
        abandoned.append(worker)
        raise
    if "error" in result:
        raise result["error"]
    value: R = result["value"]
    return value


def _waiting(
    worker: threading.Thread, stop: threading.Event, grace: float | None
) -> Iterator[None]:
    """Yield every quarter second while ``worker`` runs.

    Raises:
        Interrupted: ``worker`` has not returned ``grace`` seconds after ``stop``.
    """
    stopped_at: float | None = None
    while True:
        worker.join(timeout=0.25)
        if not worker.is_alive():
            return
        if stop.is_set() and grace is not None:
            stopped_at = stopped_at if stopped_at is not None else time.monotonic()
            if time.monotonic() - stopped_at > grace:
                say(i18n.t("terminal.not_stopped", grace=grace))
                raise Interrupted
        yield


STAGES_SHOWN = frozenset({"start", "departments", "model", "bound", "blocks", "explain"})
"""The stages with a line of their own (``terminal.stage.<stage>``); the search's line
shows its progress instead."""


def _stage_line(stage: Stage | None, started: float, options: Any) -> str:
    """The line a stage is shown by; the search's says how a signal is taken."""
    if stage is not None and stage.value in STAGES_SHOWN:
        return i18n.t(f"terminal.stage.{stage.value}")
    return _progress_line(None, started, options)


def _progress_line(
    progress: Progress | None, started: float, options: Any, stage: Stage | None = None
) -> str:
    elapsed = time.monotonic() - started
    seconds = getattr(options, "time_limit_seconds", None)  # a sweep passes no options
    if seconds:
        spent = i18n.t("terminal.elapsed_of", elapsed=elapsed, limit=seconds)
    else:
        spent = i18n.t("terminal.elapsed", elapsed=elapsed)
    if progress is None and stage is not None and stage.value in STAGES_SHOWN:
        shown = i18n.t(f"terminal.stage.{stage.value}")
        return i18n.t("terminal.progress_stage", stage=shown, time=spent)
    if progress is None:
        return i18n.t("terminal.progress_searching", time=spent)
    gap = f"{progress.gap:.1%}" if progress.gap is not None else "-"
    return i18n.t(
        "terminal.progress_best",
        objective=progress.objective,
        bound=progress.bound,
        gap=gap,
        time=spent,
    )


@contextmanager
def stage(words: str) -> Iterator[None]:
    """A stage run in the main thread: a line in a log, a passing status on a terminal."""
    if not stderr.is_terminal:
        say(words)
        yield
        return
    with stderr.status(words):
        yield


def within_cores(count: int, what: str) -> tuple[int, str | None]:
    """``count`` threads or processes, capped at the cores this process may use, and the
    note that says so when it was (shown at once)."""
    from crossteam.planner import usable_cores

    cores = usable_cores()
    if count <= cores:
        return count, None
    if cores > 1:
        capped = i18n.t("terminal.cores_capped", what=what, count=count, cores=cores)
    else:
        capped = i18n.t("terminal.cores_capped_one", what=what, count=count, cores=cores)
    note(capped)
    return cores, capped


@contextmanager
def matplotlib_leaves_no_trace() -> Iterator[None]:
    """Point matplotlib's cache and config at a temporary folder removed on exit.

    Otherwise the charts leave a font cache under ``~/.cache/matplotlib`` and create
    ``~/.config/matplotlib``: an HR tool writes nothing but the output the user chose. A
    user's own ``MPLCONFIGDIR`` is respected (and keeps its cache, saving a second a run).
    """
    if "MPLCONFIGDIR" in os.environ:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="crossteam-matplotlib-") as folder:
        os.environ["MPLCONFIGDIR"] = folder
        try:
            yield
        finally:
            del os.environ["MPLCONFIGDIR"]


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def exit_code_of(command: Callable[[], object]) -> int:
    """Run ``command`` and map how it ended to an exit code, each failure told once."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    try:
        command()
    except SystemExit as done:  # typer reports usage errors itself (exit 2) this way
        return done.code if isinstance(done.code, int) else EXIT_OK if done.code is None else 1
    except Exit as done:
        return done.code
    except InputError as refused:
        report_problems(refused.problems, refused.warnings)
        return EXIT_INVALID
    except OutputError as failed:
        say_error(str(failed))
        return EXIT_INVALID
    except CrossteamError as failed:
        say_error(str(failed))
        return EXIT_INTERNAL
    except Interrupted:
        say(i18n.t("terminal.interrupted"))
        return EXIT_INTERRUPTED
    except Exception as bug:
        if os.environ.get("CROSSTEAM_DEBUG"):
            traceback.print_exc()
        internal = i18n.t("terminal.internal_error")
        last_error[:] = [f"{internal} {type(bug).__name__}: {bug}"]
        say(
            f"[red]{internal}[/red] {escape(type(bug).__name__)}: {escape(str(bug))}\n"
            + i18n.t("terminal.internal_error_hint")
        )
        return EXIT_INTERNAL
    return EXIT_OK
