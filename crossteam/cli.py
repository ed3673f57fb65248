"""The ``crossteam`` command line: it parses options, wires reader, application layer
(``pipeline``) and writers together, prints, and maps the outcome to an exit code.

console.Exit codes: 0 done; 1 no plan; 2 invalid input or usage; 3 internal error; 130 interrupted.
Messages and progress go to stderr; ``--json`` prints exactly one JSON object on stdout.
"""

from __future__ import annotations

import os
import shlex
import sys
import threading
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn

import typer
from rich.markup import escape

from crossteam import cli_files as files
from crossteam import cli_options as opt
from crossteam import cli_share, cli_ties, console, i18n, json_contract
from crossteam.errors import InputError
from crossteam.io import protection
from crossteam.messages import (
    audit_line,
    next_round_lines,
    planning_line,
    sweep_lines,
    sweep_progress_line,
    sweep_start_line,
    valid_line,
)
from crossteam.models import CompanyShape

if TYPE_CHECKING:
    from crossteam.models import InputChanges
    from crossteam.pipeline import PlanOutcome, PlanRequest

app = typer.Typer(
    cls=opt.Group,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help=i18n.t("terminal.help.app"),
)


@app.callback(help=i18n.t("terminal.help.app"))
def _options(version: opt.Version = False) -> None:
    """Plan cross-functional teams and job rotations that connect silent departments."""


# ---------------------------------------------------------------------------- commands


@app.command(cls=opt.Command, help=i18n.t("terminal.help.template"))
def template(
    out: opt.TemplateOutput,
    force: opt.ForceFlag = False,
) -> None:
    """Write a blank input workbook: instructions, examples, every sheet, dropdowns."""
    from crossteam.io.template import write_template

    out = files.output(out, force=force, inputs=())
    files.write(out, write_template, force=force, inputs=())


@app.command(cls=opt.Command, help=i18n.t("terminal.help.example"))
def example(
    out: opt.ExampleOutput,
    employees: opt.Headcount = 150,
    departments: opt.DepartmentCount = None,
    seed: opt.ExampleSeed = 0,
    japanese: opt.Japanese = False,
    shape: opt.Shape = CompanyShape.REALISTIC,
    force: opt.ForceFlag = False,
) -> None:
    """Write a realistic synthetic company (also used by the benchmarks)."""
    from crossteam.io.example_workbook import write_example
    from crossteam.synthetic import default_departments

    count = departments if departments is not None else default_departments(employees, shape)
    out = files.output(out, force=force, inputs=())
    made = partial(write_example, departments=count, seed=seed, japanese=japanese, shape=shape)
    files.write(out, lambda p: made(p, employees), force=force, inputs=())


@app.command(cls=opt.Command, help=i18n.t("terminal.help.validate"))
def validate(path: opt.InputPath, as_json: opt.JsonFlag = False) -> None:
    """Check an input workbook and list every problem at its cell."""
    from crossteam.io.reader import read_workbook

    try:
        with files.reading(path):
            result = read_workbook(path)
    except InputError as refused:  # not a workbook that can be opened safely
        console.fail_input(refused, as_json)
    console.report_problems(result.errors, result.warnings)
    if as_json:
        console.emit_json(
            json_contract.validity_json(not result.errors, result.errors, result.warnings)
        )
    if result.errors:
        raise console.Exit(console.EXIT_INVALID)
    instance = result.instance
    assert instance is not None
    console.say(valid_line(instance, result.warnings))


@app.command(cls=opt.Command, help=i18n.t("terminal.help.audit"))
def audit(
    path: opt.InputPath,
    out: opt.AuditOutput = None,
    plan_path: opt.PlanToCompare = None,
    ties: opt.TiesFiles = None,
    as_json: opt.JsonFlag = False,
    force: opt.ForceFlag = False,
) -> None:
    """Measure how departments talk: E-I index, densities, silent department pairs."""
    inputs = (*(p for p in (path, plan_path) if p is not None), *(ties or ()))
    if out is not None:
        out = files.output(out, force=force, inputs=inputs)
    instance = cli_ties.tied(files.load(path, as_json), ties, as_json)
    from crossteam import network

    report = network.analyse(instance)
    effect = None
    changes: InputChanges | None = None
    if plan_path is not None:
        planned = files.read_plan(plan_path, instance, as_json=as_json)
        changes = planned.changes
        effect = network.compare(instance, planned.plan, before=report)
    summary = json_contract.audit_json(report)
    console.say(audit_line(summary))
    if out is not None:
        from crossteam.io.audit_writer import write_audit

        files.write(
            out, lambda p: write_audit(p, instance, report, effect), force=force, inputs=inputs
        )
    if as_json:
        payload = summary if effect is None else {**summary, **json_contract.effect_json(effect)}
        if changes is not None:
            payload["input_changes"] = changes.as_json()
        console.emit_json(payload)


@app.command(cls=opt.Command, help=i18n.t("terminal.help.plan"))
def plan(
    path: opt.PlanInput = None,
    out: opt.PlanOutput = None,
    time_limit: opt.TimeLimit = None,
    seed: opt.Seed = None,
    workers: opt.Workers = None,
    repeatable: opt.Repeatable = None,
    no_teams: opt.NoTeams = False,
    no_rotation: opt.NoRotation = False,
    review: opt.Review = None,
    previous_path: opt.Previous = None,
    alternatives: opt.Alternatives = None,
    tolerance: opt.Tolerance = None,
    ties: opt.TiesFiles = None,
    force: opt.ForceFlag = False,
    as_json: opt.JsonFlag = False,
) -> None:
    """Form cross-functional teams and a rotation schedule, and write the plan workbook."""
    opt.check_plan_options(alternatives, tolerance, review, previous_path)
    base = review if review is not None else previous_path
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    started = time.monotonic()
    source = path if path is not None else opt.bundled_example()
    if path is None:
        console.say(i18n.t("terminal.bundled_example", path=escape(str(source))))
    out = out if out is not None else Path.cwd() / f"{source.stem}-plan.xlsx"
    inputs = (source, *(() if base is None else (base,)), *(ties or ()))
    out = files.output(out, force=force, inputs=inputs)
    instance = cli_ties.tied(files.load(source, as_json), ties, as_json)
    # the solver and chart libraries load only once the input is known to be good, so a
    # refused file is reported without waiting for them
    from crossteam import network
    from crossteam.pipeline import AlternativesAsked, PlanRequest, RunStart

    with console.stage(i18n.t("terminal.analysing")):
        report = network.analyse(instance)
    options, notes = opt.solve_options(
        instance, time_limit, seed, workers, repeatable, no_teams, no_rotation
    )
    previous = None
    if base is not None:
        previous = files.read_plan(base, instance, review=review is not None, as_json=as_json)
    asked = None
    if alternatives is not None:
        allowed = tolerance if tolerance is not None else instance.settings.alternatives_tolerance
        asked = AlternativesAsked(alternatives, allowed)
    command = shlex.join(["crossteam", *sys.argv[1:]])
    request = PlanRequest(
        instance,
        report,
        options,
        previous=previous,
        alternatives=asked,
        notes=notes,
        run=RunStart(command, str(source), started_at, started),
    )
    _run_plan(request, out, base, force=force, inputs=inputs, as_json=as_json)


def _run_plan(
    request: PlanRequest,
    out: Path,
    base: Path | None,
    *,
    force: bool,
    inputs: tuple[Path, ...],
    as_json: bool,
) -> None:
    """Search, check, write and tell. From the search on, a first Ctrl-C or SIGTERM ends the
    console.stage under way and keeps the best plan found (it is still checked and written); a
    second one ends the run at once."""
    from crossteam.pipeline import assess, search

    stop = threading.Event()
    with console.interruptible(stop):
        if (line := planning_line(request, base)) is not None:
            console.say(line)
        searched = console.run_in_worker(
            lambda progress, on_stage, halt: search(
                request, on_progress=progress, on_stage=on_stage, stop=halt
            ),
            request.options,
            stop,
        )
        if not searched.plan.has_solution:
            outcome = assess(request, searched)
        else:
            with console.stage(i18n.t("terminal.checking")):
                outcome = assess(request, searched)
            with console.stage(i18n.t("terminal.writing", path=escape(str(out)))):
                files.write(
                    out,
                    lambda p: _write_plan(p, request, outcome, out.name),
                    force=force,
                    inputs=inputs,
                )
        console.tell_plan(
            outcome, request.report, stop.is_set(), request.options.repeatable, as_json=as_json
        )


def _write_plan(stream: BinaryIO, request: PlanRequest, outcome: PlanOutcome, name: str) -> None:
    from crossteam.io.plan_writer import write_plan

    checks, effect, run_info = outcome.checks, outcome.effect, outcome.run_info
    assert checks is not None and effect is not None and run_info is not None
    write_plan(
        stream,
        request.instance,
        outcome.plan,
        effect=effect,
        checks=checks,
        run_info=run_info,
        changes=outcome.review.changes if outcome.review is not None else None,
        alternatives=outcome.alternatives.summaries if outcome.alternatives else None,
        input_changes=request.previous.changes if request.previous else None,
        decisions=request.previous.decisions if request.previous else (),
        file_name=name,
        wishes=outcome.wishes,
        repeats=len(outcome.repeats),
    )


@app.command("next-round", cls=opt.Command, help=i18n.t("terminal.help.next_round"))
def next_round(
    path: opt.InputPath,
    plan_path: opt.PlanOfInput,
    out: opt.NextOutput,
    period: opt.RoundPeriod = None,
    force: opt.ForceFlag = False,
    as_json: opt.JsonFlag = False,
) -> None:
    """Write the next round's input: this one, with the plan added to its History sheet."""
    from crossteam import next_round as rounds

    inputs = (path, plan_path)
    out = files.output(out, force=force, inputs=inputs)
    instance = files.load(path, as_json)
    planned = files.read_plan(plan_path, instance, as_json=as_json)
    added = rounds.next_round(instance, planned.plan, period)
    files.write(out, lambda s: rounds.write_next_round(s, path, added), force=force, inputs=inputs)
    for line in next_round_lines(added):
        console.say(line)
    if as_json:
        console.emit_json(json_contract.next_round_json(str(out), added))


app.command("ties", cls=opt.Command, help=i18n.t("ties_command.help.command"))(cli_ties.ties)
app.command("share", cls=opt.Command, help=i18n.t("share.help.command"))(cli_share.share)


@app.command(cls=opt.Command, help=i18n.t("terminal.help.sweep"))
def sweep(
    path: opt.InputPath,
    grid_path: opt.GridPath,
    out: opt.SweepOutput = None,
    engine: opt.Engine = "local",
    address: opt.Address = None,
    processes: opt.Processes = 2,
    force: opt.ForceFlag = False,
    as_json: opt.JsonFlag = False,
) -> None:
    """Plan many scenarios (settings varied) in parallel and mark the Pareto-efficient ones."""
    from crossteam.io.grid_reader import read_grid
    from crossteam.sweep import build_grid, run_sweep

    inputs = (path, grid_path)
    if out is not None:
        out = files.output(out, force=force, inputs=inputs)
    instance = files.load(path, as_json)
    try:
        grid = build_grid(read_grid(grid_path), instance)
    except InputError as refused:
        console.fail_input(refused, as_json)
    if address is None:  # the processes run on this machine
        processes, _ = console.within_cores(processes, "--processes")
    console.say(sweep_start_line(len(grid.scenarios), engine))

    def progress(done: int, of: int) -> None:
        console.say(sweep_progress_line(done, of))

    stop = threading.Event()
    # a stopped sweep lets the scenarios under way finish within their time limit, and
    # keeps them (docs/sweep.md): no grace, and further signals only repeat the stop
    with console.interruptible(stop, second_ends=False):
        result = console.run_in_worker(
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
    for line in sweep_lines(result):
        console.say(line)
    if out is not None:
        from crossteam.io.sweep_writer import write_sweep

        files.write(out, lambda p: write_sweep(p, instance, result), force=force, inputs=inputs)
    if as_json:
        console.emit_json(json_contract.sweep_json(result))
    if stop.is_set():
        raise console.Exit(console.EXIT_INTERRUPTED)
    if any(s.failure for s in result.scenarios):
        raise console.Exit(console.EXIT_NO_PLAN)


# ---------------------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the command line and exit with its code; never shows a traceback unless
    ``CROSSTEAM_DEBUG`` is set."""
    args = sys.argv[1:] if argv is None else argv
    # main may run more than once in one process (tests, embedding); --lang is read before
    # typer so that a --help given before it is in its language too
    console.start_run(opt.asked_language(args))
    protection.reset()
    opt.speak_typer()
    with console.matplotlib_leaves_no_trace():
        code = console.exit_code_of(lambda: app(args=args, prog_name="crossteam"))
    if code != console.EXIT_OK and "--json" in args and not console.json_emitted.is_set():
        # scripts asked for JSON: they get one object even when the run failed early
        console.emit_json(
            json_contract.failure_json(
                console.last_error[0] if console.last_error else i18n.t("terminal.failed"), code
            )
        )
    sys.stdout.flush()
    if any(worker.is_alive() for worker in console.abandoned):
        # a solver thread still runs native code: leave without tearing the interpreter
        # down under it (its objects would be freed while in use)
        sys.stderr.flush()
        os._exit(code)
    raise SystemExit(code)
