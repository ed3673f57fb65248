"""The steps every command takes with its files: the input workbook read (its warnings
shown, a refused one ending the run), the output's name checked before any work, the
output written atomically, a plan workbook read back."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

from rich.markup import escape

from crossteam import console, i18n
from crossteam.errors import InputError
from crossteam.messages import cut_cells_line

if TYPE_CHECKING:
    from crossteam.models import PlanningInput
    from crossteam.models.previous import PreviousPlanRead


READ_STAGE_BYTES: Final = 4 << 20
"""Workbooks from this size (about 10,000 employees) take seconds to read: the reading is
shown as a stage, as the analysis and the search are."""


def reading(path: Path) -> AbstractContextManager[None]:
    """The reading of a large workbook shown as a stage (a line in a log)."""
    try:
        large = path.stat().st_size >= READ_STAGE_BYTES
    except OSError:  # missing: the reader says so
        large = False
    return (
        console.stage(i18n.t("terminal.reading", name=escape(path.name)))
        if large
        else nullcontext()
    )


def load(path: Path, as_json: bool) -> PlanningInput:
    from crossteam.io.reader import load_workbook

    try:
        with reading(path):
            instance = load_workbook(path)
    except InputError as refused:
        console.fail_input(refused, as_json)
    for w in instance.warnings:
        console.warn(w.render())
    return instance


def output(path: Path, *, force: bool, inputs: tuple[Path, ...]) -> Path:
    """The output's final name (``.xlsx`` added, saying so, when it has no suffix), checked
    before any work: not an input, not existing without ``--force``, in a writable folder."""
    from crossteam.io.atomic import check_output_path, xlsx_path
    from crossteam.io.protection import check_output_password

    named = xlsx_path(path)
    if named != path:
        console.note(i18n.t("terminal.xlsx_added", name=named.name))
    check_output_path(named, force=force, inputs=inputs)
    check_output_password(named)
    return named


def write(
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
    console.say(i18n.t("terminal.wrote", path=escape(str(path))))
    if cut:
        console.say(cut_cells_line(cut, MAX_CELL_TEXT, CUT_MARK))


def read_plan(
    path: Path, instance: PlanningInput, *, as_json: bool, review: bool = False
) -> PreviousPlanRead:
    """The plan workbook at ``path`` (with its decisions when ``review``), checked to be of
    this company, and a warning line when it was made from another version of the input."""
    from crossteam.io.plan_reader import read_plan_for
    from crossteam.models.previous import PreviousPlanRead

    try:
        found = read_plan_for(path, instance, review=review)
    except InputError as refused:
        console.fail_input(refused, as_json)
    if not found.changes.same_input:
        console.warn(f"{path.name}: {found.changes.summary()}")
    return PreviousPlanRead(found.plan, found.changes, found.decisions, found.left_out, review)
