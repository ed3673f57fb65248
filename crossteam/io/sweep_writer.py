"""The sweep workbook: one row per scenario, the Pareto front charted, every plan reachable.

Scenarios (settings and key figures, the efficient ones marked), Front (the chart and
the points it draws), Plans (one row per team member per scenario) and Rotation (one row
per stint per scenario), each filterable by scenario; Run Info says how it was run.
Sheet names, headers, labels and the words in cells are in the run's language; the grid's
setting names and the scenarios' names stay as the grid file spells them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from crossteam import i18n
from crossteam.io.excel import (
    DECIMAL,
    INTEGER,
    PERCENT,
    SECONDS,
    Area,
    BookWriter,
    CellValue,
    Column,
    Destination,
)
from crossteam.models import PlanningInput
from crossteam.models.sweep import GridValue, ScenarioResult, SweepResult

SCENARIOS: Final = "Scenarios"
FRONT: Final = "Front"
PLANS: Final = "Plans"
ROTATION: Final = "Rotation"
RUN_INFO: Final = "Run Info"  # not shown: the English name, i18n.name shows it

FIGURE_COLUMNS: Final = (
    Column("status"),
    Column("pareto"),
    Column("objective", DECIMAL),
    Column("bound", DECIMAL),
    Column("gap", PERCENT),
    Column("seconds", SECONDS),
    Column("silent_pairs_before", INTEGER),
    Column("silent_pairs_after", INTEGER),
    Column("silent_pairs_bridged", INTEGER),
    Column("departments_per_team", DECIMAL),
    Column("skill_depth", DECIMAL),
    Column("changed_vs_baseline", PERCENT),
    Column("checks"),
    Column("attempts", INTEGER),
    Column("note"),
)
"""After ``scenario``, ``name`` and one column per grid key; headers are English names
(``i18n.name`` shows them)."""
PLANS_COLUMNS: Final = ("scenario", "team", "employee_id", "name", "department")
ROTATION_COLUMNS: Final = (
    "scenario",
    "employee_id",
    "name",
    "home_department",
    "period",
    "host_department",
)
RUN_INFO_FIELDS: Final = (
    "input",
    "input_sha256",
    "engine",
    "processes",
    "address",
    "scenarios",
    "failed",
    "grid_keys",
    "pareto_criteria",
    "wall_seconds",
    "solver_seconds",
)
NOTE_SEPARATOR: Final = "; "
"""Between the reasons of a scenario's note; Japanese sets them apart with a slash."""


def criterion_label(criterion: str) -> str:
    """How a Pareto criterion (``silent_pairs_bridged``, ``objective``...) reads on the
    chart and in the Front's sentence."""
    return i18n.t(f"output.sweep.criterion.{criterion}")


def _localised(columns: Sequence[Column]) -> list[Column]:
    return [Column(i18n.name(c.header), c.number_format) for c in columns]


_PARETO_FILL: Final = PatternFill("solid", fgColor="C6EFCE")
_FAILED_FONT: Final = Font(color="9C0006")


def write_sweep(path: Destination, instance: PlanningInput, result: SweepResult) -> None:
    """Write the sweep workbook to ``path`` (the caller makes the write atomic)."""
    book = BookWriter()
    _scenarios(book, result)
    _front(book, result)
    _plans(book, instance, result)
    _rotation(book, instance, result)
    _run_info(book, instance, result)
    book.save(path)


def _scenarios(book: BookWriter, result: SweepResult) -> None:
    sheet = book.sheet(i18n.name(SCENARIOS))
    columns = [
        Column(i18n.name("scenario"), INTEGER),
        Column(i18n.t("output.sweep.scenario_name")),
        *map(Column, result.keys),
        *_localised(FIGURE_COLUMNS),
    ]
    rows = [_scenario_row(s, result.keys) for s in result.scenarios]
    area = book.table(sheet, "Scenarios", columns, rows, frozen_columns=2)
    for offset, scenario in enumerate(result.scenarios):
        row = area.top + 1 + offset
        for column in range(area.left, area.right + 1):
            cell = sheet.cell(row=row, column=column)
            if scenario.pareto:
                cell.fill = _PARETO_FILL
            elif scenario.failure is not None or scenario.checks_passed is False:
                cell.font = _FAILED_FONT


def _scenario_row(scenario: ScenarioResult, keys: Sequence[str]) -> list[CellValue]:
    settings: list[CellValue] = [_grid_cell(scenario.changes.get(k)) for k in keys]
    checks = {
        True: i18n.t("output.sweep.checks_passed"),
        False: i18n.t("output.sweep.checks_failed"),
        None: None,
    }[scenario.checks_passed]
    status = scenario.status.value if scenario.status is not None else "failed"
    return [
        scenario.scenario,
        scenario.name,
        *settings,
        i18n.t(f"output.sweep.status.{status}"),
        i18n.name("yes") if scenario.pareto else None,
        scenario.objective,
        scenario.bound,
        scenario.gap,
        round(scenario.seconds, 1),
        scenario.silent_pairs_before,
        scenario.silent_pairs_after,
        scenario.silent_pairs_bridged,
        scenario.departments_per_team,
        scenario.skill_depth,
        scenario.changed_share,
        checks,
        scenario.attempts,
        _note(scenario),
    ]


def _grid_cell(value: GridValue | None) -> CellValue:
    if isinstance(value, bool):
        return i18n.name("yes") if value else i18n.name("no")
    return value


def _note(scenario: ScenarioResult) -> str | None:
    """Why a scenario has no plan, or which checks its plan failed."""
    lines = (
        [scenario.failure]
        if scenario.failure is not None
        else [*scenario.explanation, *scenario.check_failures]
    )
    separator = " ／ " if i18n.current() is i18n.Language.JA else NOTE_SEPARATOR
    return separator.join(lines) or None


def _front(book: BookWriter, result: SweepResult) -> None:
    """The points of every plan and of the efficient ones, and a scatter chart of both."""
    sheet = book.sheet(i18n.name(FRONT))
    x_name, y_name = _axes(result.criteria)
    planned = [s for s in result.scenarios if s.has_plan]
    book.title(sheet, 1, i18n.t("output.sweep.front_title"))
    book.write(sheet, 2, 1, _front_text(result), fit=False)
    columns = _localised(
        (Column("scenario", INTEGER), Column(x_name, DECIMAL), Column(y_name, DECIMAL))
    )
    every = book.table(
        sheet, "FrontAll", columns, _points(planned, x_name, y_name), top=4, frozen_columns=None
    )
    efficient = [s for s in planned if s.pareto]
    front = book.table(
        sheet,
        "FrontEfficient",
        columns,
        _points(efficient, x_name, y_name),
        top=4,
        left=every.right + 2,
        frozen_columns=None,
    )
    if not planned:
        return
    chart = ScatterChart()
    chart.title = i18n.t("output.sweep.chart_title")
    chart.style = 13
    chart.x_axis.title = criterion_label(x_name)
    chart.y_axis.title = criterion_label(y_name)
    # openpyxl hides both axes unless told otherwise (Excel then shows no scale)
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    # an axis starts at 0, so that distances read true, unless some value lies below it
    for axis, name in ((chart.x_axis, x_name), (chart.y_axis, y_name)):
        values = [getattr(s, name) for s in planned]
        if all(v is None or v >= 0 for v in values):
            axis.scaling.min = 0
    chart.width, chart.height = 20, 11
    every_title = i18n.t("output.sweep.every_scenario")
    chart.series.append(_series(sheet, every, every_title, "circle", size=7))
    if efficient:
        front_title = i18n.t("output.sweep.pareto_efficient")
        chart.series.append(_series(sheet, front, front_title, "diamond", size=11))
    sheet.add_chart(chart, f"A{max(every.bottom, front.bottom) + 3}")


def _axes(criteria: Sequence[str]) -> tuple[str, str]:
    """The chart's axes: the first two criteria, the objective when fewer were usable."""
    chosen = [*criteria[:2]]
    while len(chosen) < 2:
        chosen.append("objective" if "objective" not in chosen else "silent_pairs_bridged")
    return chosen[0], chosen[1]


def _front_text(result: SweepResult) -> str:
    if not result.criteria:
        return i18n.t("output.sweep.no_front")
    named = i18n.listed(criterion_label(c) for c in result.criteria)
    return i18n.t("output.sweep.front_text", criteria=named)


def _points(
    scenarios: Sequence[ScenarioResult], x_name: str, y_name: str
) -> Iterator[tuple[CellValue, ...]]:
    for s in scenarios:
        yield s.scenario, getattr(s, x_name), getattr(s, y_name)


def _series(sheet: Worksheet, area: Area, title: str, symbol: str, *, size: int) -> Series:
    xs = Reference(sheet, min_col=area.left + 1, min_row=area.top + 1, max_row=area.bottom)
    ys = Reference(sheet, min_col=area.left + 2, min_row=area.top + 1, max_row=area.bottom)
    series = Series(ys, xs, title=title)
    series.marker.symbol = symbol
    series.marker.size = size
    series.graphicalProperties.line.noFill = True  # points, not a line through them
    return series


def _plans(book: BookWriter, instance: PlanningInput, result: SweepResult) -> None:
    sheet = book.sheet(i18n.name(PLANS))
    by_id = instance.employee_by_id

    def rows() -> Iterator[tuple[CellValue, ...]]:
        for scenario in result.scenarios:
            for team in scenario.teams:
                for member in team.members:
                    employee = by_id[member]
                    yield scenario.scenario, team.team, member, employee.name, employee.department

    headers = [i18n.name(c) for c in PLANS_COLUMNS]
    book.table(sheet, "Plans", headers, rows(), frozen_columns=2)


def _rotation(book: BookWriter, instance: PlanningInput, result: SweepResult) -> None:
    sheet = book.sheet(i18n.name(ROTATION))
    by_id = instance.employee_by_id

    def rows() -> Iterator[tuple[CellValue, ...]]:
        for scenario in result.scenarios:
            for stint in scenario.rotation:
                employee = by_id[stint.employee_id]
                yield (
                    scenario.scenario,
                    stint.employee_id,
                    employee.name,
                    employee.department,
                    stint.period,
                    stint.department,
                )

    headers = [i18n.name(c) for c in ROTATION_COLUMNS]
    book.table(sheet, "SweepRotation", headers, rows(), frozen_columns=2)


def _run_info(book: BookWriter, instance: PlanningInput, result: SweepResult) -> None:
    """What an auditor needs to repeat the sweep, its fields named in the run's language:
    the grid's keys as the grid spells them, the criteria as the Scenarios sheet's
    headers do."""
    sheet = book.sheet(i18n.name(RUN_INFO))
    source = instance.source
    values: tuple[CellValue, ...] = (
        source.path if source else None,
        source.sha256 if source else None,
        result.engine,
        result.processes,
        result.address,
        len(result.scenarios),
        len(result.failed),
        i18n.listed(result.keys),
        i18n.listed(i18n.name(c) for c in result.criteria),
        result.seconds,
        round(sum(s.seconds for s in result.scenarios), 3),
    )
    rows = [
        (i18n.t(f"output.runinfo.{field}"), value)
        for field, value in zip(RUN_INFO_FIELDS, values, strict=True)
    ]
    headers = (i18n.t("output.runinfo.field"), i18n.t("output.runinfo.value"))
    book.table(sheet, "SweepRunInfo", headers, rows)
