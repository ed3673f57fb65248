"""The audit workbook: where the organisation does not talk, before and after a plan.

Sheets: Summary, Departments, Gaps, Density (heat map), People, Graph (a picture).
Every text that came from the user (names, ids, departments) is written as a literal
string, so a name such as ``=HYPERLINK(...)`` stays text and never runs as a formula.
With a plan, the "after" figures are projections, and every sheet showing them says so.
Sheet names, headers, labels and the picture are in the run's language.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Generic, TypeVar

from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from crossteam import i18n
from crossteam.io.charts import GraphPanel, department_graph_png, plan_panels
from crossteam.io.excel import (
    DEFAULT_WIDTH,
    LINE_POINTS,
    BookWriter,
    Destination,
    display_width,
    fill,
    paragraph_lines,
)
from crossteam.io.excel import Column as TableColumn
from crossteam.models import (
    BridgedPair,
    DepartmentPair,
    DepartmentStats,
    GapKind,
    NetworkReport,
    PersonStats,
    PlanEffect,
    PlanningInput,
    pair_key,
)
from crossteam.models.network import projection

CellValue = str | int | float | bool | None

MAX_COLUMN_WIDTH = 60
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = PatternFill("solid", fgColor="D9D9D9")
HEAT = ColorScaleRule(
    start_type="num", start_value=0, start_color="F8696B",
    mid_type="percentile", mid_value=50, mid_color="FFEB84",
    end_type="max", end_color="63BE7B",
)  # fmt: skip
"""Red where departments do not talk, green where they talk most."""

_fill = partial(fill, empty_as_blank=True)
"""The audit leaves a cell of empty text blank."""

DENSITY = "0.0000"
INDEX = "0.000"


def _yes_no(flag: bool) -> str:
    return i18n.name("yes") if flag else i18n.name("no")


Row = TypeVar("Row")


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A table column: its header (the English name; shown in the run's language), how
    to get the value from a row, its number format."""

    header: str
    value: Callable[[Row], CellValue]
    number_format: str | None = None


def _write_table(
    book: BookWriter,
    sheet: Worksheet,
    name: str,
    columns: Sequence[Column[Row]],
    rows: Sequence[Row],
) -> None:
    """One line per row as a real Excel table with frozen header (the one table writer,
    ``BookWriter.table``); a value of empty text leaves its cell blank."""
    book.table(
        sheet,
        name,
        [TableColumn(i18n.name(c.header), c.number_format) for c in columns],
        ([_blank_if_empty(c.value(row)) for c in columns] for row in rows),
    )


def _blank_if_empty(value: CellValue) -> CellValue:
    return None if value == "" else value


@dataclass(frozen=True)
class Figure:
    """A key figure of the Summary: its label (``output.audit.figure.<key>``) and meaning
    (``output.audit.meaning.<key>``, when ``explained``), how to read it from a report,
    its number format."""

    key: str
    read: Callable[[NetworkReport], CellValue]
    number_format: str | None = None
    explained: bool = True

    def meaning(self) -> str:
        return i18n.t(f"output.audit.meaning.{self.key}") if self.explained else ""


def _betweenness(report: NetworkReport) -> str:
    if report.betweenness_sampled:
        return i18n.t("output.audit.sampled")
    return i18n.t("output.audit.exact")


FIGURES: list[Figure] = [
    Figure("employees", lambda r: r.employees),
    Figure("departments", lambda r: len(r.departments)),
    Figure("tied_pairs", lambda r: r.interactions),
    Figure("interaction_weight", lambda r: r.interaction_weight, "0.00", explained=False),
    Figure("ei_index", lambda r: r.ei_index, INDEX),
    Figure("weighted_ei_index", lambda r: r.weighted_ei_index, INDEX),
    Figure("modularity", lambda r: r.modularity, INDEX),
    Figure("communities", lambda r: r.communities),
    Figure("community_nmi", lambda r: r.community_nmi, INDEX),
    Figure("algebraic_connectivity", lambda r: r.algebraic_connectivity, "0.00000"),
    Figure("between_density", lambda r: r.between_department_density, DENSITY),
    Figure("weak_threshold", lambda r: r.weak_threshold, DENSITY),
    Figure("zero_pairs", lambda r: len(r.gap_pairs)),
    Figure("weak_pairs", lambda r: sum(p.kind is GapKind.WEAK for p in r.pairs), explained=False),
    Figure("boundary_spanners", lambda r: sum(p.boundary_spanner for p in r.people)),
    Figure("single_points", lambda r: sum(p.single_point_of_failure for p in r.people)),
    Figure("betweenness", _betweenness),
    Figure("gap_weight", lambda r: sum(p.gap_weight for p in r.pairs), "0.00"),
]
"""The Summary's key figures, in order."""


def _write_summary(
    sheet: Worksheet, instance: PlanningInput, report: NetworkReport, effect: PlanEffect | None
) -> None:
    _fill(sheet.cell(1, 1), i18n.t("output.audit.title"))
    sheet.cell(1, 1).font = TITLE
    row = 2
    if instance.source is not None:
        _fill(sheet.cell(row, 1), i18n.t("output.audit.input_file"))
        _fill(sheet.cell(row, 2), instance.source.path)
        _fill(sheet.cell(row + 1, 1), i18n.t("output.audit.input_sha256"))
        _fill(sheet.cell(row + 1, 2), instance.source.sha256)
        row += 2
    notes = [(note, Font(italic=True, color="C00000")) for note in report.notes]
    if effect is not None:
        notes.append((projection(), Font(italic=True)))
    note_rows = range(row, row + len(notes))
    for note_row, (note, font) in zip(note_rows, notes, strict=True):
        _fill(sheet.cell(note_row, 1), note)
        sheet.cell(note_row, 1).font = font
    row = note_rows.stop + 1
    reports = [report] if effect is None else [effect.before, effect.after]
    headers = [i18n.t("output.audit.figure")] + (
        [i18n.t("output.audit.value")]
        if effect is None
        else [i18n.t("output.audit.before"), i18n.t("output.audit.after")]
    )
    for c, header in enumerate([*headers, i18n.t("output.audit.meaning")], start=1):
        _fill(sheet.cell(row, c), header)
        sheet.cell(row, c).font = BOLD
    header_row = row
    for figure in FIGURES:
        row += 1
        _fill(sheet.cell(row, 1), i18n.t(f"output.audit.figure.{figure.key}"))
        for c, each in enumerate(reports, start=2):
            _fill(sheet.cell(row, c), figure.read(each))
            if figure.number_format:
                sheet.cell(row, c).number_format = figure.number_format
        _fill(sheet.cell(row, len(reports) + 2), figure.meaning())
    if effect is not None:
        row += 1
        _fill(sheet.cell(row, 1), i18n.t("output.audit.bridged"))
        _fill(sheet.cell(row, 3), len(effect.bridged))
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.column_dimensions["A"].width = 36
    for c, header in enumerate(headers[1:], start=2):  # "After (projected)" shown whole
        sheet.column_dimensions[get_column_letter(c)].width = max(14, display_width(header) + 2)
    sheet.column_dimensions[get_column_letter(len(reports) + 2)].width = 90
    for note_row in note_rows:
        _wrap_across(sheet, note_row, len(reports) + 2)


def _wrap_across(sheet: Worksheet, row: int, columns: int) -> None:
    """Wrap the text of ``row``'s first cell across its first ``columns`` columns (their
    widths set), the row made tall enough for it, so that it prints whole in the page."""
    cell = sheet.cell(row, 1)
    width = sum(
        sheet.column_dimensions[get_column_letter(c)].width or DEFAULT_WIDTH
        for c in range(1, columns + 1)
    )
    if columns > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[row].height = paragraph_lines(str(cell.value or ""), width) * LINE_POINTS


def _write_departments(
    book: BookWriter, sheet: Worksheet, report: NetworkReport, effect: PlanEffect | None
) -> None:
    after = {} if effect is None else {d.department: d for d in effect.after.per_department}
    columns: list[Column[DepartmentStats]] = [
        Column("department", lambda d: d.department),
        Column("headcount", lambda d: d.headcount),
        Column("internal_ties", lambda d: d.internal_ties),
        Column("external_ties", lambda d: d.external_ties),
        Column("ei_index", lambda d: d.ei_index, INDEX),
        Column("weighted_ei_index", lambda d: d.weighted_ei_index, INDEX),
        Column("internal_density", lambda d: d.internal_density, DENSITY),
        Column("departments_tied_to", lambda d: d.breadth),
        Column("departments_not_tied_to", lambda d: d.zero_tie_departments),
        Column("boundary_spanners", lambda d: d.boundary_spanners),
    ]
    if effect is not None:
        columns += [
            Column("external_ties_after", lambda d: after[d.department].external_ties),
            Column("ei_index_after", lambda d: after[d.department].ei_index, INDEX),
            Column("departments_tied_to_after", lambda d: after[d.department].breadth),
        ]
    _write_table(book, sheet, "DepartmentsTable", columns, report.per_department)


def _teams_text(bridge: BridgedPair | None) -> str:
    return "" if bridge is None else i18n.listed(bridge.teams)


def _stints_text(bridge: BridgedPair | None) -> str:
    if bridge is None:
        return ""
    return i18n.listed(
        i18n.t(
            "output.audit.stint", employee=s.employee_id, department=s.department, period=s.period
        )
        for s in bridge.rotations
    )


def _kind(kind: GapKind) -> str:
    return i18n.t(f"output.audit.kind.{kind.value}")


def _write_gaps(
    book: BookWriter, sheet: Worksheet, report: NetworkReport, effect: PlanEffect | None
) -> None:
    gaps = report.ranked_gaps
    rank = {(p.department_a, p.department_b): i for i, p in enumerate(gaps, start=1)}
    after = (
        {} if effect is None else {(p.department_a, p.department_b): p for p in effect.after.pairs}
    )
    bridged = (
        {} if effect is None else {(b.department_a, b.department_b): b for b in effect.bridged}
    )

    def key(p: DepartmentPair) -> tuple[str, str]:
        return (p.department_a, p.department_b)

    columns: list[Column[DepartmentPair]] = [
        Column("rank", lambda p: rank[key(p)]),
        Column("department_a", lambda p: p.department_a),
        Column("department_b", lambda p: p.department_b),
        Column("kind", lambda p: _kind(p.kind)),
        Column("tied_pairs", lambda p: p.tied_pairs),
        Column("density", lambda p: p.density, DENSITY),
        Column("priority", lambda p: p.priority, "0.00"),
        Column("gap_weight", lambda p: p.gap_weight, "0.000"),
    ]
    if effect is not None:
        columns += [
            Column("tied_pairs_after", lambda p: after[key(p)].tied_pairs),
            Column("kind_after", lambda p: _kind(after[key(p)].kind)),
            Column("bridged_by_teams", lambda p: _teams_text(bridged.get(key(p)))),
            Column("bridged_by_rotations", lambda p: _stints_text(bridged.get(key(p)))),
        ]
    _write_table(book, sheet, "GapsTable", columns, gaps)


def _write_heat_map(sheet: Worksheet, top: int, title: str, report: NetworkReport) -> int:
    """Department x department density at row ``top``; returns the next free row."""
    _fill(sheet.cell(top, 1), title)
    sheet.cell(top, 1).font = BOLD
    names = report.departments
    density = {(p.department_a, p.department_b): p.density for p in report.pairs}
    header = top + 1
    for i, name in enumerate(names):
        _fill(sheet.cell(header, i + 2), name)
        _fill(sheet.cell(header + 1 + i, 1), name)
        sheet.cell(header, i + 2).font = BOLD
        sheet.cell(header, i + 2).alignment = Alignment(text_rotation=90)
        sheet.cell(header + 1 + i, 1).font = BOLD
        for j, other in enumerate(names):
            cell = sheet.cell(header + 1 + i, j + 2)
            if i == j:
                cell.fill = GREY
                continue
            cell.value = density[pair_key(name, other)]
            cell.number_format = DENSITY
    if len(names) > 1:
        last = get_column_letter(len(names) + 1)
        sheet.conditional_formatting.add(f"B{header + 1}:{last}{header + len(names)}", HEAT)
    return header + len(names) + 2


def _write_density(sheet: Worksheet, report: NetworkReport, effect: PlanEffect | None) -> None:
    _fill(sheet.cell(1, 1), i18n.t("output.audit.density_note"))
    if effect is None:
        _write_heat_map(sheet, 3, i18n.t("output.audit.density"), report)
    else:
        _fill(sheet.cell(2, 1), projection())
        below = _write_heat_map(sheet, 3, i18n.t("output.charts.before"), effect.before)
        _write_heat_map(sheet, below, i18n.t("output.charts.after"), effect.after)
    width = max((display_width(name) for name in report.departments), default=10) + 2
    sheet.column_dimensions["A"].width = min(width, MAX_COLUMN_WIDTH)
    for c in range(2, len(report.departments) + 2):
        sheet.column_dimensions[get_column_letter(c)].width = 8
    for row in (1, 2) if effect is not None else (1,):
        _wrap_across(sheet, row, len(report.departments) + 1)
    sheet.freeze_panes = "B5"
    sheet.print_title_rows = "4:4"  # the departments heading the columns


def _write_people(
    book: BookWriter,
    sheet: Worksheet,
    instance: PlanningInput,
    report: NetworkReport,
    effect: PlanEffect | None,
) -> None:
    names = {e.employee_id: e.name for e in instance.employees}
    after = {} if effect is None else {p.employee_id: p for p in effect.after.people}
    columns: list[Column[PersonStats]] = [
        Column("employee_id", lambda p: p.employee_id),
        Column("name", lambda p: names.get(p.employee_id, "")),
        Column("department", lambda p: p.department),
        Column("people_tied_to", lambda p: p.degree),
        Column("departments_tied_to", lambda p: p.breadth),
        Column("betweenness", lambda p: p.betweenness, "0.00000"),
        Column("constraint", lambda p: p.constraint, INDEX),
        Column("boundary_spanner", lambda p: _yes_no(p.boundary_spanner)),
        Column("single_point_of_failure", lambda p: _yes_no(p.single_point_of_failure)),
        Column("sole_link_to", lambda p: i18n.listed(p.sole_link_to)),
    ]
    if effect is not None:
        columns += [
            Column("departments_tied_to_after", lambda p: after[p.employee_id].breadth),
            Column("betweenness_after", lambda p: after[p.employee_id].betweenness, "0.00000"),
            Column("constraint_after", lambda p: after[p.employee_id].constraint, INDEX),
        ]
    _write_table(book, sheet, "PeopleTable", columns, report.people)


def _write_graph(sheet: Worksheet, report: NetworkReport, effect: PlanEffect | None) -> None:
    if effect is None:
        panels = [GraphPanel(i18n.t("output.charts.departments"), report)]
    else:
        panels = plan_panels(effect)
    _fill(sheet.cell(1, 1), i18n.t("output.audit.graph_note"))
    if effect is not None:
        _fill(sheet.cell(2, 1), projection())
    picture = Image(io.BytesIO(department_graph_png(panels)))
    sheet.add_image(picture, "A3")


def write_audit(
    path: Destination,
    instance: PlanningInput,
    report: NetworkReport,
    effect: PlanEffect | None = None,
) -> None:
    """Write the audit workbook of ``report`` (and of ``effect``, before and after) to ``path``.

    ``report`` is the network before any plan; when ``effect`` is given its ``before``
    is expected to be that same report.
    """
    book = BookWriter()
    _write_summary(book.sheet(i18n.name("Summary")), instance, report, effect)
    _write_departments(book, book.sheet(i18n.name("Departments")), report, effect)
    _write_gaps(book, book.sheet(i18n.name("Gaps")), report, effect)
    _write_density(book.sheet(i18n.name("Density")), report, effect)
    _write_people(book, book.sheet(i18n.name("People")), instance, report, effect)
    _write_graph(book.sheet(i18n.name("Graph")), report, effect)
    book.save(path)
