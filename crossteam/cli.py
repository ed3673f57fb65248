"""The ``crossteam`` command line: the one place that wires reader, analysis, planner and
writers together, and the only place that knows about exit codes, terminals and progress.

Exit codes: 0 done; 1 no plan; 2 invalid input or usage; 3 internal error; 130 interrupted.
Messages and progress go to stderr; ``--json`` prints exactly one JSON object on stdout.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import platform
import shlex
import signal
import sys
import tempfile
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

from crossteam.errors import CrossteamError, InputError, OutputError
from crossteam.models import CompanyShape, Problem
from crossteam.models.limits import MAX_ALTERNATIVES, MAX_SECONDS, MAX_SEED
from crossteam.models.wording import counted

if TYPE_CHECKING:
    from crossteam.alternatives import AlternativesResult
    from crossteam.io.plan_reader import PlanForInput
    from crossteam.models import InputChanges, Plan, PlanningInput
    from crossteam.planner import Progress, Stage
    from crossteam.review import ReviewResult

R = TypeVar("R")

EXIT_OK = 0
EXIT_NO_PLAN = 1
EXIT_INVALID = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

FLAG = ""
"""The metavar of an on/off option: it takes no value, and typer would show ``<bool>``."""


class _FlagHelp:
    """A command whose ``--help`` shows as the flag it is (typer shows ``--help <bool>``)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = FLAG
        return option


class _Group(_FlagHelp, TyperGroup):
    pass


class _Command(_FlagHelp, TyperCommand):
    pass


app = typer.Typer(
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Plan cross-functional teams and job rotations that connect silent departments.",
)

_console = Console(stderr=True, highlight=False, soft_wrap=True)


def _show_version(shown: bool) -> None:
    """``--version``: the version on stdout (scripts read it there), then exit 0."""
    if shown:
        typer.echo(f"crossteam {metadata.version('crossteam')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit",
            metavar=FLAG,
        ),
    ] = False,
) -> None:
    """Plan cross-functional teams and job rotations that connect silent departments."""


class _Exit(Exception):
    """Leave a command with an exit code, after its messages were printed."""

    def __init__(self, code: int) -> None:
        self.code = code


# ---------------------------------------------------------------------------- output


_last_error: list[str] = []


def _say(message: str) -> None:
    _console.print(message)


def _error(message: str) -> None:
    _last_error[:] = [message]
    _say(f"[red]error[/red] {escape(message)}")


_json_emitted = threading.Event()


def _emit_json(payload: dict[str, Any]) -> None:
    """The one way JSON reaches stdout: strict JSON, so a figure that is not finite is a bug
    that fails loudly (exit 3) instead of printing ``NaN`` or ``Infinity``."""
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=str, allow_nan=False)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    _json_emitted.set()


def _problems_json(problems: tuple[Problem, ...]) -> list[dict[str, object]]:
    return [p.as_json() for p in problems]


def _report_problems(errors: tuple[Problem, ...], warnings: tuple[Problem, ...]) -> None:
    for w in warnings:
        _say(f"[yellow]warning[/yellow] {escape(w.render())}")
    for e in errors:
        _say(f"[red]error[/red] {escape(e.render())}")
    if errors:
        n = len(errors)
        following = sum(e.follows is not None for e in errors)
        more = f" ({following} may follow from another)" if following else ""
        _say(f"{counted(n, 'problem')} found{more}; nothing was planned or written.")


def _fail_input(error: InputError, as_json: bool) -> NoReturn:
    _report_problems(error.problems, error.warnings)
    if as_json:
        _emit_json(
            {
                "valid": False,
                "errors": _problems_json(error.problems),
                "warnings": _problems_json(error.warnings),
            }
        )
    raise _Exit(EXIT_INVALID)


# ---------------------------------------------------------------------------- helpers


def _bundled_example() -> Path:
    return Path(str(resources.files("crossteam") / "data" / "example.xlsx"))


def _load(path: Path, as_json: bool) -> PlanningInput:
    from crossteam.io.reader import load_workbook

    try:
        instance = load_workbook(path)
    except InputError as error:
        _fail_input(error, as_json)
    for w in instance.warnings:
        _say(f"[yellow]warning[/yellow] {escape(w.render())}")
    return instance


def _output(path: Path, *, force: bool, inputs: tuple[Path, ...]) -> Path:
    """The output's final name (``.xlsx`` added, saying so, when it has no suffix), checked
    before any work: not an input, not existing without ``--force``, in a writable folder."""
    from crossteam.io.atomic import check_output_path, xlsx_path

    named = xlsx_path(path)
    if named != path:
        _say(f"[yellow]note[/yellow] an output workbook's name ends in .xlsx: writing {named.name}")
    check_output_path(named, force=force, inputs=inputs)
    return named


def _write(
    path: Path, write: Callable[[BinaryIO], None], *, force: bool, inputs: tuple[Path, ...]
) -> None:
    from crossteam.io.atomic import write_atomically
    from crossteam.io.excel import CUT_MARK, MAX_CELL_TEXT, CutTextWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CutTextWarning)
        write_atomically(path, write, force=force, inputs=inputs)
    cut = [str(w.message) for w in caught if issubclass(w.category, CutTextWarning)]
    for other in (w for w in caught if not issubclass(w.category, CutTextWarning)):
        warnings.showwarning(other.message, other.category, other.filename, other.lineno)
    _say(f"Wrote {escape(str(path))}")
    if cut:
        shown = ", ".join(cut[:5]) + (f" and {len(cut) - 5:,} more" if len(cut) > 5 else "")
        _say(
            f"[yellow]warning[/yellow] {counted(len(cut), 'cell')} held "
            f"more than the {MAX_CELL_TEXT:,} characters Excel allows and "
            f"{'were' if len(cut) != 1 else 'was'} cut, ending with {CUT_MARK}: {escape(shown)}"
        )


def _finite(value: float | None) -> float | None:
    """An option's number must be finite (``inf`` and ``nan`` parse as floats)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a finite number")
    return value


def _within_cores(count: int, what: str) -> tuple[int, str | None]:
    """``count`` threads or processes, capped at the cores this process may use, and the
    note that says so when it was."""
    from crossteam.planner import usable_cores

    cores = usable_cores()
    if count <= cores:
        return count, None
    return cores, (
        f"{what} {count:,} is more than the {cores} cores crossteam may use here; "
        f"{cores} {'are' if cores > 1 else 'is'} used"
    )


def _warn_input_changes(path: Path, changes: InputChanges) -> None:
    """A warning line when the plan at ``path`` was made from another version of the input."""
    if not changes.same_input:
        _say(f"[yellow]warning[/yellow] {escape(path.name)}: {escape(changes.summary())}")


def _read_previous(
    path: Path, instance: PlanningInput, *, review: bool, as_json: bool
) -> PlanForInput:
    """The plan a re-plan repairs (``--previous``, or ``--review`` with its decisions),
    checked to be of this company, and a line on how the input changed since."""
    from crossteam.io.plan_reader import read_plan_for

    try:
        found = read_plan_for(path, instance, review=review)
    except InputError as error:
        _fail_input(error, as_json)
    _warn_input_changes(path, found.changes)
    return found


def _repair_json(result: ReviewResult) -> dict[str, Any]:
    """How far a re-plan followed the decisions and the previous plan (``--json``)."""
    stats = result.stats
    return {
        "locks": stats.locks,
        "locks_honoured": stats.locks_honoured,
        "removes": stats.removes,
        "removes_honoured": stats.removes_honoured,
        "other_assignments": stats.others,
        "other_assignments_changed": stats.others_changed,
        "changed_share": round(stats.changed_share, 4),
        # kept for readers of the JSON of the rounds it replaced: a re-plan is one solve
        "rounds": 1,
    }


def _repair_line(result: ReviewResult, *, review: bool) -> str:
    stats = result.stats
    decided = (
        f"{stats.locks_honoured}/{stats.locks} locks and {stats.removes_honoured}/"
        f"{stats.removes} removes honoured; "
        if review
        else ""
    )
    return (
        f"{'Review' if review else 'Repair'}: {decided}{stats.others_changed} of {stats.others} "
        f"other {'assignment' if stats.others == 1 else 'assignments'} changed "
        f"({stats.changed_share:.0%}); {counted(len(result.changes), 'change')} in all, "
        f"{'its reason' if len(result.changes) == 1 else 'each with its reason'} on the "
        "Changes sheet."
    )


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for package in ("crossteam", "ortools", "networkx", "openpyxl", "pydantic", "numpy", "scipy"):
        try:
            out[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            out[package] = "not installed"
    return out


@contextmanager
def _interruptible(stop: threading.Event, *, second_ends: bool = True) -> Iterator[None]:
    """Turn Ctrl-C and SIGTERM into ``stop`` being set, so the solver ends cleanly and the
    best plan found so far is still written; with ``second_ends``, a second one raises
    ``_Interrupted`` (the run ends at once, writing nothing)."""

    def handler(signum: int, frame: object) -> None:
        if stop.is_set() and second_ends:
            raise _Interrupted
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

_abandoned: list[threading.Thread] = []
"""Workers left running when the run ended: the process then exits without waiting."""


def _run_in_worker(
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
        if not _console.is_terminal:
            _say(_stage_line(stage, started, options))

    def work() -> None:
        try:
            result["value"] = run(latest.append, on_stage, stop)
        except BaseException as error:  # re-raised in the main thread
            result["error"] = error

    worker = threading.Thread(target=work, name="crossteam-solver", daemon=True)
    worker.start()
    try:
        if _console.is_terminal:
            with Live(console=_console, transient=True, refresh_per_second=4) as live:
                for _ in _waiting(worker, stop, grace):
                    progress, stage = latest[-1] if latest else None, stages[-1] if stages else None
                    live.update(_progress_line(progress, started, options, stage))
        else:
            if not staged:  # one line for a log or a supervising script
                _say(_progress_line(None, started, options))
            for _ in _waiting(worker, stop, grace):
                pass
    except _Interrupted:
        _abandoned.append(worker)
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
        _Interrupted: ``worker`` has not returned ``grace`` seconds after ``stop``.
    """
    stopped_at: float | None = None
    while True:
        worker.join(timeout=0.25)
        if not worker.is_alive():
            return
        if stop.is_set() and grace is not None:
            stopped_at = stopped_at if stopped_at is not None else time.monotonic()
            if time.monotonic() - stopped_at > grace:
                _say(
                    f"The run did not stop within {grace:.0f}s of being interrupted; "
                    "nothing was written."
                )
                raise _Interrupted
        yield


_STAGE_WORDS: dict[str, str] = {
    "start": "Preparing a starting plan (greedy and local search)...",
    "departments": "Planning which departments meet in which team...",
    "model": "Building the model...",
    "bound": "Computing a bound...",
    "blocks": "Planning blocks of teams... (Ctrl-C stops and keeps the teams found so far)",
    "explain": "No plan meets every rule: finding the rules in conflict...",
}


def _stage_line(stage: Stage | None, started: float, options: Any) -> str:
    """The line a stage is shown by; the search's says how a signal is taken."""
    if stage is not None and stage.value in _STAGE_WORDS:
        return _STAGE_WORDS[stage.value]
    return _progress_line(None, started, options)


def _progress_line(
    progress: Progress | None, started: float, options: Any, stage: Stage | None = None
) -> str:
    elapsed = time.monotonic() - started
    seconds = getattr(options, "time_limit_seconds", None)  # a sweep passes no options
    limit = f" of {seconds:.0f}s" if seconds else ""
    if progress is None and stage is not None and stage.value in _STAGE_WORDS:
        return f"{_STAGE_WORDS[stage.value]} {elapsed:.0f}s{limit} (Ctrl-C stops)"
    if progress is None:
        return f"Searching... {elapsed:.0f}s{limit} (Ctrl-C stops and keeps the best plan)"
    gap = f"{progress.gap:.1%}" if progress.gap is not None else "-"
    return (
        f"Best {progress.objective:,.1f}  bound {progress.bound:,.1f}  gap {gap}  "
        f"{elapsed:.0f}s{limit}  (Ctrl-C stops and keeps the best plan)"
    )


@contextmanager
def _stage(words: str) -> Iterator[None]:
    """A stage run in the main thread: a line in a log, a passing status on a terminal."""
    if not _console.is_terminal:
        _say(words)
        yield
        return
    with _console.status(words):
        yield


def _audit_line(summary: dict[str, Any]) -> str:
    ei = summary["ei_index"]
    ei_text = "no ties to measure an E-I index" if ei is None else f"E-I index {ei:+.3f}"
    return (
        f"{summary['employees']} employees, {summary['departments']} departments, "
        f"{summary['interactions']} tied pairs; {ei_text}; "
        f"{len(summary['gap_pairs'])} department pairs never talk."
    )


# ---------------------------------------------------------------------------- commands

InputPath = Annotated[Path, typer.Argument(help="Input workbook (.xlsx)", show_default=False)]
JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print one JSON object on stdout", metavar=FLAG)
]
ForceFlag = Annotated[
    bool, typer.Option("--force", help="Overwrite an existing output file", metavar=FLAG)
]


@app.command(cls=_Command)
def template(
    out: Annotated[Path, typer.Argument(help="Where to write the blank workbook")],
    force: ForceFlag = False,
) -> None:
    """Write a blank input workbook: instructions, examples, every sheet, dropdowns."""
    from crossteam.io.template import write_template

    out = _output(out, force=force, inputs=())
    _write(out, write_template, force=force, inputs=())


@app.command(cls=_Command)
def example(
    out: Annotated[Path, typer.Argument(help="Where to write the example workbook")],
    employees: Annotated[
        int, typer.Option(min=20, max=100_000, help="Employees (at least 20)")
    ] = 150,
    departments: Annotated[
        int | None,
        typer.Option(
            min=2,
            max=500,
            help="Departments (default: 40 at 1,000 employees, growing with the square root "
            "of the headcount, at least 10; 10 with --shape classic)",
            show_default=False,
        ),
    ] = None,
    seed: Annotated[int, typer.Option(min=0, max=MAX_SEED, help="Random seed")] = 0,
    japanese: Annotated[
        bool, typer.Option("--japanese", help="Japanese names and headers", metavar=FLAG)
    ] = False,
    shape: Annotated[
        CompanyShape,
        typer.Option(
            help="realistic: heavy-tailed department sizes and a silent periphery of small "
            "departments; classic: departments of similar size"
        ),
    ] = CompanyShape.REALISTIC,
    force: ForceFlag = False,
) -> None:
    """Write a realistic synthetic company (also used by the benchmarks)."""
    from crossteam.synthetic import default_departments, write_example

    count = departments if departments is not None else default_departments(employees, shape)
    out = _output(out, force=force, inputs=())
    _write(
        out,
        lambda p: write_example(p, employees, count, seed, japanese=japanese, shape=shape),
        force=force,
        inputs=(),
    )


@app.command(cls=_Command)
def validate(path: InputPath, as_json: JsonFlag = False) -> None:
    """Check an input workbook and list every problem at its cell."""
    from crossteam.io.reader import read_workbook

    try:
        result = read_workbook(path)
    except InputError as error:  # not a workbook that can be opened safely
        _fail_input(error, as_json)
    _report_problems(result.errors, result.warnings)
    if as_json:
        _emit_json(
            {
                "valid": not result.errors,
                "errors": _problems_json(result.errors),
                "warnings": _problems_json(result.warnings),
            }
        )
    if result.errors:
        raise _Exit(EXIT_INVALID)
    instance = result.instance
    assert instance is not None
    _say(
        f"Valid: {counted(len(instance.employees), 'employee')}, "
        f"{counted(len(instance.departments), 'department')}, "
        f"{counted(len(instance.teams), 'team')}, {counted(len(instance.periods), 'period')}, "
        f"{counted(len(result.warnings), 'warning')}."
    )


@app.command(cls=_Command)
def audit(
    path: InputPath,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Audit workbook to write")
    ] = None,
    plan_path: Annotated[
        Path | None, typer.Option("--plan", help="A plan workbook: show before and after")
    ] = None,
    as_json: JsonFlag = False,
    force: ForceFlag = False,
) -> None:
    """Measure how departments talk: E-I index, densities, silent department pairs."""
    inputs = tuple(p for p in (path, plan_path) if p is not None)
    if out is not None:
        out = _output(out, force=force, inputs=inputs)
    instance = _load(path, as_json)
    from crossteam import network

    report = network.analyse(instance)
    effect = None
    changes: InputChanges | None = None
    if plan_path is not None:
        from crossteam.io.plan_reader import read_plan_for

        try:
            planned = read_plan_for(plan_path, instance)
        except InputError as error:
            _fail_input(error, as_json)
        changes = planned.changes
        _warn_input_changes(plan_path, changes)
        effect = network.compare(instance, planned.plan, before=report)
    summary = network.audit_json(report)
    _say(_audit_line(summary))
    if out is not None:
        from crossteam.io.audit_writer import write_audit

        _write(out, lambda p: write_audit(p, instance, report, effect), force=force, inputs=inputs)
    if as_json:
        payload = summary if effect is None else {**summary, **network.effect_json(effect)}
        if changes is not None:
            payload["input_changes"] = changes.as_json()
        _emit_json(payload)


@app.command(cls=_Command)
def plan(
    path: Annotated[
        Path | None,
        typer.Argument(help="Input workbook (.xlsx); the bundled example when omitted"),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Plan workbook to write")
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit",
            min=0.1,
            max=MAX_SECONDS,
            callback=_finite,
            help="Seconds (default: Settings)",
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", min=0, max=MAX_SEED, help="Random seed")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=0, help="Solver threads; 0 = all cores (more are capped at them)"
        ),
    ] = None,
    repeatable: Annotated[
        bool | None,
        typer.Option(
            "--repeatable/--no-repeatable",
            help="Same input, same plan on this machine (default; Settings repeatable)",
            metavar=FLAG,
        ),
    ] = None,
    no_teams: Annotated[
        bool, typer.Option("--no-teams", help="Plan rotation only", metavar=FLAG)
    ] = False,
    no_rotation: Annotated[
        bool, typer.Option("--no-rotation", help="Plan teams only", metavar=FLAG)
    ] = False,
    review: Annotated[
        Path | None,
        typer.Option(
            "--review",
            help="A plan workbook with Review decisions (keep, remove, lock): re-plan with as "
            "few changes as possible",
        ),
    ] = None,
    previous_path: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="A plan workbook made from an earlier version of this input: repair it "
            "with as few changes as possible (its Review decisions are not read)",
        ),
    ] = None,
    alternatives: Annotated[
        int | None,
        typer.Option(
            "--alternatives",
            min=2,
            max=MAX_ALTERNATIVES,
            help="Plan K plans within the tolerance of the best that differ from each other; "
            "an Alternatives sheet compares them",
        ),
    ] = None,
    tolerance: Annotated[
        float | None,
        typer.Option(
            "--tolerance",
            min=0,
            max=0.99,
            callback=_finite,
            help="With --alternatives: share below the best objective an alternative may "
            "fall (default: Settings, 0.05)",
        ),
    ] = None,
    force: ForceFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Form cross-functional teams and a rotation schedule, and write the plan workbook."""
    from crossteam.models import RunInfo

    if alternatives is not None and (review or previous_path) is not None:
        raise typer.BadParameter(
            "cannot be combined with --review or --previous", param_hint="--alternatives"
        )
    if review is not None and previous_path is not None:
        raise typer.BadParameter(
            "give one plan to re-plan: --review reads its decisions too", param_hint="--previous"
        )
    base = review if review is not None else previous_path
    if tolerance is not None and alternatives is None:
        raise typer.BadParameter(
            "only applies with --alternatives K (it is how far below the best plan an "
            "alternative may fall)",
            param_hint="--tolerance",
        )
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    started = time.monotonic()
    source = path if path is not None else _bundled_example()
    if path is None:
        _say(f"No input given: planning the bundled example ({escape(str(source))}).")
    out = out if out is not None else Path.cwd() / f"{source.stem}-plan.xlsx"
    inputs = (source,) if base is None else (source, base)
    out = _output(out, force=force, inputs=inputs)
    instance = _load(source, as_json)
    # the solver and chart libraries load only once the input is known to be good, so a
    # refused file is reported without waiting for them
    from crossteam import network
    from crossteam.checks import verify
    from crossteam.io.plan_writer import write_plan
    from crossteam.planner import SolveOptions, rule_warnings

    with _stage("Analysing the network..."):
        report = network.analyse(instance)
    options = SolveOptions.from_settings(
        instance.settings,
        time_limit_seconds=time_limit,
        seed=seed,
        workers=workers,
        repeatable=repeatable,
        plan_teams=not no_teams,
        plan_rotation=not no_rotation,
    )
    threads, capped = _within_cores(
        options.workers, "--workers" if workers is not None else "Settings workers"
    )
    run_notes = [capped] if capped else []
    if capped:
        _say(f"[yellow]note[/yellow] {escape(capped)}")
        options = dataclasses.replace(options, workers=threads)
    for warning in rule_warnings(instance, options):
        _say(f"[yellow]warning[/yellow] {escape(warning)}")
    stop = threading.Event()
    reviewed: ReviewResult | None = None
    alternated: AlternativesResult | None = None
    changes: InputChanges | None = None
    before: PlanForInput | None = None
    if base is not None:
        before = _read_previous(base, instance, review=review is not None, as_json=as_json)
        changes = before.changes
    # from here a first Ctrl-C or SIGTERM ends the stage under way and keeps the best plan
    # found (it is still checked and written); a second one ends the run at once
    with _interruptible(stop):
        if alternatives is not None:
            from crossteam.alternatives import plan_alternatives

            allowed = (
                tolerance if tolerance is not None else instance.settings.alternatives_tolerance
            )
            _say(f"Planning {counted(alternatives, 'plan')} within {allowed:.0%} of the best.")
            alternated = _run_in_worker(
                lambda progress, stage, halt: plan_alternatives(
                    instance,
                    report,
                    options,
                    alternatives,
                    tolerance=allowed,
                    on_progress=progress,
                    on_stage=stage,
                    stop=halt,
                ),
                options,
                stop,
            )
            result = alternated.best
        elif base is None or before is None:
            from crossteam.planner import solve

            result = _run_in_worker(
                lambda progress, stage, halt: solve(
                    instance, report, options, on_progress=progress, on_stage=stage, stop=halt
                ),
                options,
                stop,
            )
        else:
            from crossteam.review import replan

            decided = sum(d.decision is not None for d in before.decisions)
            with_decisions = f" with {counted(decided, 'review decision')}" if review else ""
            _say(
                f"Re-planning {escape(str(base))}{with_decisions}, with as few changes as possible."
            )
            previous = before
            reviewed = _run_in_worker(
                lambda progress, stage, halt: replan(
                    instance,
                    report,
                    previous.plan,
                    previous.decisions,
                    options,
                    input_changes=previous.changes,
                    left_out=previous.left_out,
                    on_progress=progress,
                    on_stage=stage,
                    stop=halt,
                ),
                options,
                stop,
            )
            result = reviewed.plan
        if run_notes:
            result = result.model_copy(update={"notes": (*run_notes, *result.notes)})
        repeats = _repeats(result, alternated)
        payload: dict[str, Any] = {
            "status": result.status.value,
            "stop_reason": result.stop_reason.value if result.stop_reason else None,
            "objective": result.objective,
            "bound": result.bound,
            "gap": result.gap,
            "seconds": round(result.seconds, 3),
            "teams": [{"team": t.team, "members": list(t.members)} for t in result.teams],
            "rotation": [s.model_dump() for s in result.rotation],
            "objective_terms": result.objective_terms,
            "notes": list(result.notes),
            "repeatable": repeats,
            "deterministic_time_limit": result.deterministic_time_limit,
        }
        if reviewed is not None:
            payload["review" if review is not None else "repair"] = _repair_json(reviewed)
            payload["changes"] = [c.model_dump(mode="json") for c in reviewed.changes]
        if changes is not None:
            payload["input_changes"] = changes.as_json()
        if alternated is not None:
            payload["alternatives"] = [
                {
                    "number": a.number,
                    "objective": a.objective,
                    "share_of_best": round(a.share_of_best, 4),
                    "within_tolerance": a.within_tolerance,
                    "differs_enough": a.distinct,
                    "checks_passed": a.checks_passed,
                    "teams": [{"team": t.team, "members": list(t.members)} for t in a.teams],
                    "difference_to": {str(n): d for n, d in a.difference_to.items()},
                }
                for a in alternated.summaries
            ]
            payload["alternatives_notes"] = list(alternated.notes)
        if not result.has_solution:
            _say(f"[red]No plan[/red] ({result.status.value}):")
            for reason in result.explanation:
                _say(f"  - {escape(reason)}")
            payload["explanation"] = list(result.explanation)
            if as_json:
                payload["metrics"] = {"before": network.audit_json(report)}
                _emit_json(payload)
            raise _Exit(EXIT_INTERRUPTED if stop.is_set() else EXIT_NO_PLAN)

        with _stage("Checking the plan..."):
            checks = verify(instance, result)
            effect = network.compare(instance, result, before=report)
        run_info = RunInfo(
            command=shlex.join(["crossteam", *sys.argv[1:]]),
            input_path=str(source),
            input_sha256=instance.source.sha256 if instance.source else "",
            employees=len(instance.employees),
            started_at=started_at,
            seed=options.seed,
            time_limit_seconds=options.time_limit_seconds,
            deterministic_time_limit=result.deterministic_time_limit,
            repeatable=options.repeatable,
            workers=options.workers,
            plan_teams=options.plan_teams,
            plan_rotation=options.plan_rotation,
            wall_seconds=round(time.monotonic() - started, 3),
            versions=_versions(),
            platform=platform.platform(),
        )
        with _stage(f"Writing {escape(str(out))}..."):
            _write(
                out,
                lambda p: write_plan(
                    p,
                    instance,
                    result,
                    effect=effect,
                    checks=checks,
                    run_info=run_info,
                    changes=reviewed.changes if reviewed is not None else None,
                    alternatives=alternated.summaries if alternated is not None else None,
                    input_changes=changes,
                    decisions=before.decisions if before is not None else (),
                    file_name=out.name,
                ),
                force=force,
                inputs=inputs,
            )
        metrics = network.effect_json(effect)
        payload["metrics"] = {"before": metrics["before"], "after": metrics["after"]}
        payload["bridged_pairs"] = metrics.get("bridged_pairs", [])
        payload["checks"] = {
            "passed": checks.passed,
            "failures": [r.model_dump() for r in checks.failures],
            "not_applicable": [r.model_dump() for r in checks.not_applicable],
        }
        gap = f"{result.gap:.1%}" if result.gap is not None else "-"
        silent = len(metrics["before"]["gap_pairs"]), len(metrics["after"]["gap_pairs"])
        payload["silent_pairs"] = {
            "before": silent[0],
            "bridged": silent[0] - silent[1],
            "at_most": result.silent_pairs_ceiling,
        }
        _say(
            f"{result.status.value.capitalize()} plan: {counted(len(result.teams), 'team')}, "
            f"{counted(len(result.rotation), 'period')} away on rotation; gap to bound {gap}; "
            f"{result.silent_pairs_text(*silent)}; "
            f"checks {'all passed' if checks.passed else f'{len(checks.failures)} FAILED'}"
            + (f" ({len(checks.not_applicable)} not applicable)." if checks.not_applicable else ".")
        )
        if reviewed is not None:
            _say(_repair_line(reviewed, review=review is not None))
        if alternated is not None:
            for a in alternated.summaries[1:]:
                least = min(d for n, d in a.difference_to.items() if n < a.number)
                _say(
                    f"Alternative {a.number}: objective {a.objective:,.1f} "
                    f"({a.share_of_best:.1%} of the best), differs from earlier plans in at "
                    f"least {least:.0%} of team assignments; see the Alternatives sheet."
                )
            for note in alternated.notes:
                _say(f"[yellow]{escape(note)}[/yellow]")
        if stop.is_set():
            _say("Interrupted: the best plan found so far was written.")
        elif options.repeatable and not repeats:
            _say(f"[yellow]note[/yellow] {escape(_REPEAT_WARNING)}")
        if as_json:
            _emit_json(payload)
        if stop.is_set():
            raise _Exit(EXIT_INTERRUPTED)


_REPEAT_WARNING = (
    "this plan may not repeat: the clock, not the work limit, ended a stage (see the notes "
    "on Run Info); a longer --time-limit lets the same input give the same plan"
)


def _repeats(result: Plan, alternated: AlternativesResult | None) -> bool:
    """Whether the run repeats: its plan's, and with --alternatives every plan's, verdict."""
    plans = alternated.plans if alternated is not None else (result,)
    return all(p.repeatable for p in plans)


@app.command(cls=_Command)
def sweep(
    path: InputPath,
    grid_path: Annotated[
        Path,
        typer.Option("--grid", help="The scenarios: a YAML file or a workbook with a Sweep sheet"),
    ],
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Sweep workbook to write")
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local (a process pool) or dask (a Dask cluster)")
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="Dask scheduler address (default: a local cluster on this machine)",
            show_default=False,
        ),
    ] = None,
    processes: Annotated[
        int,
        typer.Option(
            "--processes",
            min=1,
            help="Worker processes of a local pool or cluster (more than the cores are "
            "capped at them)",
        ),
    ] = 2,
    force: ForceFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Plan many scenarios (settings varied) in parallel and mark the Pareto-efficient ones."""
    from crossteam.sweep import load_grid, run_sweep, sweep_json

    inputs = (path, grid_path)
    if out is not None:
        out = _output(out, force=force, inputs=inputs)
    instance = _load(path, as_json)
    try:
        grid = load_grid(grid_path, instance)
    except InputError as error:
        _fail_input(error, as_json)
    if address is None:  # the processes run on this machine
        processes, capped = _within_cores(processes, "--processes")
        if capped:
            _say(f"[yellow]note[/yellow] {escape(capped)}")
    total = len(grid.scenarios)
    _say(f"Sweeping {counted(total, 'scenario')} on the {engine} engine.")

    def progress(done: int, of: int) -> None:
        _say(f"  {done}/{counted(of, 'scenario')} done")

    stop = threading.Event()
    # a stopped sweep lets the scenarios under way finish within their time limit, and
    # keeps them (docs/sweep.md): no grace, and further signals only repeat the stop
    with _interruptible(stop, second_ends=False):
        result = _run_in_worker(
            lambda _progress, _stage, halt: run_sweep(
                instance,
                grid,
                engine=engine,
                address=address,
                processes=processes,
                on_progress=progress,
                stop=halt,
            ),
            None,
            stop,
            staged=False,
            grace=None,
        )
    failed = [s for s in result.scenarios if s.failure]
    efficient = [s for s in result.scenarios if s.pareto]
    _say(
        f"{total - len(failed)} of {counted(total, 'scenario')} planned in {result.seconds:.0f}s; "
        f"{len(efficient)} Pareto-efficient."
    )
    for s in failed:
        _say(
            f"[red]scenario {s.scenario} ({escape(s.name)}) failed[/red]: {escape(s.failure or '')}"
        )
    if out is not None:
        from crossteam.io.sweep_writer import write_sweep

        _write(out, lambda p: write_sweep(p, instance, result), force=force, inputs=inputs)
    if as_json:
        _emit_json(sweep_json(result))
    if stop.is_set():
        raise _Exit(EXIT_INTERRUPTED)
    if failed:
        raise _Exit(EXIT_NO_PLAN)


# ---------------------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the command line and exit with its code; never shows a traceback unless
    ``CROSSTEAM_DEBUG`` is set."""
    args = sys.argv[1:] if argv is None else argv
    _json_emitted.clear()  # main may run more than once in one process (tests, embedding)
    _last_error.clear()
    with _matplotlib_leaves_no_trace():
        code = _dispatch(args)
    if code != EXIT_OK and "--json" in args and not _json_emitted.is_set():
        # scripts asked for JSON: they get one object even when the run failed early
        _emit_json({"error": _last_error[0] if _last_error else "failed", "exit_code": code})
    sys.stdout.flush()
    if any(worker.is_alive() for worker in _abandoned):
        # a solver thread still runs native code: leave without tearing the interpreter
        # down under it (its objects would be freed while in use)
        sys.stderr.flush()
        os._exit(code)
    raise SystemExit(code)


@contextmanager
def _matplotlib_leaves_no_trace() -> Iterator[None]:
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


class _Interrupted(BaseException):
    """Ctrl-C or SIGTERM outside a solve; a BaseException so that no library swallows it,
    and so that a write under way removes its temporary file instead of leaving it behind."""


def _interrupt(signum: int, frame: object) -> None:
    raise _Interrupted


def _dispatch(argv: list[str] | None) -> int:
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    try:
        # typer reports usage errors itself (exit 2) and exits through SystemExit
        app(args=argv, prog_name="crossteam")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else EXIT_OK if done.code is None else 1
    except _Exit as done:
        return done.code
    except InputError as error:
        _report_problems(error.problems, error.warnings)
        return EXIT_INVALID
    except OutputError as error:
        _error(str(error))
        return EXIT_INVALID
    except CrossteamError as error:
        _error(str(error))
        return EXIT_INTERNAL
    except _Interrupted:
        _say("Interrupted.")
        return EXIT_INTERRUPTED
    except Exception as error:
        if os.environ.get("CROSSTEAM_DEBUG"):
            traceback.print_exc()
        _last_error[:] = [f"internal error {type(error).__name__}: {error}"]
        _say(
            f"[red]internal error[/red] {escape(type(error).__name__)}: {escape(str(error))}\n"
            "This is a bug in crossteam, not in your file. Set CROSSTEAM_DEBUG=1 to see details."
        )
        return EXIT_INTERNAL
    return EXIT_OK
