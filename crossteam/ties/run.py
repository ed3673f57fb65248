"""The ``ties`` application: each source read by the reader of its kind, the evidence
collected into ties, the company given them as its Interactions, and the network they
make measured. ``crossteam ties`` writes the result; ``audit --ties`` and ``plan --ties``
plan on it directly, the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.io import sources as source_readers
from crossteam.models import PlanningInput, Problem
from crossteam.models.people import PersonIndex
from crossteam.models.ties import SourceReport, TiesFound, TiesOptions, TiesResult
from crossteam.ties.collect import TieCollector


def find_ties(
    instance: PlanningInput,
    paths: Sequence[Path],
    options: TiesOptions,
    weight_column: str | None = None,
) -> TiesFound:
    """Read every source in ``paths`` (its kind told by its content) and collect the ties.

    Raises:
        InputError: a source cannot be read; every source's problems are listed (each
            names its file, and a table's row and column), none of the sources is used.
    """
    people = PersonIndex.of(instance)
    collector = TieCollector(options, instance.settings)
    reports: list[SourceReport] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for path in paths:
        try:
            kind = source_readers.kind_of(path)
            reader = source_readers.reader_of(kind, weight_column=weight_column)
            report = SourceReport(file=path.name, kind=kind)
            evidence = reader(path, people, options.window, instance.settings, report)
            collector.read(report, evidence)
        except InputError as refused:
            problems += refused.problems
            warnings += refused.warnings
            continue
        except OSError as error:  # vanished or unreadable between the checks and the read
            problems.append(Problem(message=_unreadable(path, error)))
            continue
        reports.append(report)
    if problems:
        raise InputError(problems, warnings)
    return TiesFound(collector.ties(instance.interactions), tuple(reports))


def _unreadable(path: Path, error: OSError) -> str:
    why = error.strerror or type(error).__name__
    return i18n.t("ties_command.source_unreadable", name=path.name, why=why)


def with_ties(instance: PlanningInput, found: TiesFound) -> PlanningInput:
    """``instance`` with ``found``'s ties as its Interactions (they already hold the
    workbook's own when merged)."""
    return instance.validated_with(interactions=found.interactions, has_interactions_sheet=True)


def build_ties(
    instance: PlanningInput,
    paths: Sequence[Path],
    options: TiesOptions,
    weight_column: str | None = None,
) -> TiesResult:
    """The company with its sources' ties, and the network they make (its gap pairs are
    the department pairs still silent before planning).

    Raises:
        InputError: a source cannot be read (see ``find_ties``).
    """
    from crossteam import network

    found = find_ties(instance, paths, options, weight_column)
    tied = with_ties(instance, found)
    return TiesResult(tied, found, network.analyse(tied))
