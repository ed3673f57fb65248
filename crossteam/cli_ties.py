"""``crossteam ties`` and the ``--ties`` option of ``audit`` and ``plan``: the Interactions
sheet built from calendars, mail and chat logs, collaboration exports, project staffing
and surveys (docs/ties.md).

``ties`` writes a new input workbook with the ties and a Ties Report; ``--ties`` plans on
the same ties directly, made with ``ties``'s defaults (the sources' ties replace the
workbook's Interactions, no window, no half-life, no minimum weight), so that
``ties IN SRC -o OUT`` then ``plan OUT`` and ``plan IN --ties SRC`` plan one network.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from crossteam import cli_files as files
from crossteam import cli_options as opt
from crossteam import console, i18n, json_contract
from crossteam.errors import InputError
from crossteam.messages import ties_lines, ties_source_line
from crossteam.models.ties import TiesOptions, Window

if TYPE_CHECKING:
    from crossteam.models import PlanningInput


def ties(
    path: opt.InputPath,
    sources: opt.TiesSources,
    out: opt.TiesOutput,
    since: opt.Since = None,
    until: opt.Until = None,
    half_life: opt.HalfLife = None,
    min_weight: opt.MinWeight = 0.0,
    merge: opt.Merge = False,
    weight_column: opt.WeightColumn = None,
    as_json: opt.JsonFlag = False,
    force: opt.ForceFlag = False,
) -> None:
    """Build the Interactions sheet from the sources and write a new input workbook."""
    options = ties_options(since, until, half_life, min_weight, merge)
    inputs = (path, *sources)
    out = files.output(out, force=force, inputs=inputs)
    instance = files.load(path, as_json)
    from crossteam.io.ties_writer import write_ties
    from crossteam.ties.run import build_ties

    try:
        result = build_ties(instance, sources, options, weight_column)
    except InputError as refused:
        console.fail_input(refused, as_json)
    files.write(out, lambda s: write_ties(s, path, result, options), force=force, inputs=inputs)
    for line in ties_lines(result):
        console.say(line)
    if as_json:
        console.emit_json(json_contract.ties_json(result, str(out)))


def ties_options(
    since: str | None,
    until: str | None,
    half_life: float | None,
    min_weight: float,
    merge: bool,
) -> TiesOptions:
    """The options of the command line as ``TiesOptions``; an ``--until`` before
    ``--since`` is refused."""
    first, last = opt.day_option(since), opt.day_option(until)
    if first is not None and last is not None and last < first:
        raise typer.BadParameter(i18n.t("ties_command.until_before_since"), param_hint="--until")
    return TiesOptions(Window(first, last), half_life, min_weight, merge)


def tied(instance: PlanningInput, paths: Sequence[Path] | None, as_json: bool) -> PlanningInput:
    """``instance`` with the ties of ``paths`` as its Interactions (``--ties``), each
    source's figures said; ``instance`` itself without ``--ties``."""
    if not paths:
        return instance
    from crossteam.ties.run import find_ties, with_ties

    try:
        found = find_ties(instance, paths, TiesOptions())
    except InputError as refused:
        console.fail_input(refused, as_json)
    for report in found.reports:
        console.say(ties_source_line(report))
    return with_ties(instance, found)
