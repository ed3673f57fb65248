"""The audit workbook: where the organisation does not talk, before and after a plan.

Sheets: Summary, Departments, Gaps, Density (heat map), People, Graph (a picture).
Every text that came from the user (names, ids, departments) is written as a literal
string, so a name such as ``=HYPERLINK(...)`` stays text and never runs as a formula.
With a plan, the "after" figures are projections, and every sheet showing them says so.
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

from crossteam.io.charts import GraphPanel, department_graph_png
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
    PROJECTION,
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
    return "yes" if flag else "no"


Row = TypeVar("Row")


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A table column: its header, how to get the value from a row, its number format."""

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
        [TableColumn(c.header, c.number_format) for c in columns],
        ([_blank_if_empty(c.value(row)) for c in columns] for row in rows),
    )


def _blank_if_empty(value: CellValue) -> CellValue:
    return None if value == "" else value


SummaryRow = tuple[str, Callable[[NetworkReport], CellValue], str | None, str]

SUMMARY_ROWS: list[SummaryRow] = [
    ("Employees", lambda r: r.employees, None, "People in the network, tied or not"),
    ("Departments", lambda r: len(r.departments), None, "Departments with at least one person"),
    ("Tied employee pairs", lambda r: r.interactions, None, "Distinct pairs who interact"),
    ("Summed interaction weight", lambda r: r.interaction_weight, "0.00", ""),
    ("E-I index", lambda r: r.ei_index, INDEX,
     "(E - I) / (E + I), tied pairs across (E) and inside (I) departments; -1 = all inside"),
    ("E-I index, weighted", lambda r: r.weighted_ei_index, INDEX, "The same over weights"),
    ("Modularity of departments", lambda r: r.modularity, INDEX,
     "How much more ties stay inside departments than chance; above 0.3 is siloed"),
    ("Louvain communities", lambda r: r.communities, None, "Groups the ties themselves form"),
    ("Communities vs departments (NMI)", lambda r: r.community_nmi, INDEX,
     "1 = the ties group people exactly by department"),
    ("Algebraic connectivity", lambda r: r.algebraic_connectivity, "0.00000",
     "Of the department graph weighted by density; 0 = some departments cut off"),
    ("Between-department density", lambda r: r.between_department_density, DENSITY,
     "Tied pairs across departments / possible pairs across departments"),
    ("Weak-tie threshold", lambda r: r.weak_threshold, DENSITY,
     "Department pairs tied below this density are weak"),
    ("Zero-tie department pairs", lambda r: len(r.gap_pairs), None, "Pairs with no tie at all"),
    ("Weak department pairs", lambda r: sum(p.kind is GapKind.WEAK for p in r.pairs), None, ""),
    ("Boundary spanners", lambda r: sum(p.boundary_spanner for p in r.people), None,
     "People tied to two or more other departments"),
    ("Single points of failure", lambda r: sum(p.single_point_of_failure for p in r.people),
     None, "People who alone hold two departments together"),
    ("Betweenness", lambda r: "sampled" if r.betweenness_sampled else "exact", None,
     "Sampled from a subset of people on large networks"),
    ("Gap weight to bridge", lambda r: sum(p.gap_weight for p in r.pairs), "0.00",
     "Summed gap weight of zero-tie and weak pairs (what the planners maximise)"),
]  # fmt: skip
"""Each key figure of the Summary: label, how to read it from a report, format, meaning."""


def _write_summary(
    sheet: Worksheet, instance: PlanningInput, report: NetworkReport, effect: PlanEffect | None
) -> None:
    _fill(sheet.cell(1, 1), "Communication audit")
    sheet.cell(1, 1).font = TITLE
    row = 2
    if instance.source is not None:
        _fill(sheet.cell(row, 1), "Input file")
        _fill(sheet.cell(row, 2), instance.source.path)
        _fill(sheet.cell(row + 1, 1), "Input SHA-256")
        _fill(sheet.cell(row + 1, 2), instance.source.sha256)
        row += 2
    notes = [(note, Font(italic=True, color="C00000")) for note in report.notes]
    if effect is not None:
        notes.append((PROJECTION, Font(italic=True)))
    note_rows = range(row, row + len(notes))
    for note_row, (note, font) in zip(note_rows, notes, strict=True):
        _fill(sheet.cell(note_row, 1), note)
        sheet.cell(note_row, 1).font = font
    row = note_rows.stop + 1
    reports = [report] if effect is None else [effect.before, effect.after]
    headers = ["Figure", "Value"] if effect is None else ["Figure", "Before", "After (projected)"]
    for c, header in enumerate([*headers, "Meaning"], start=1):
        _fill(sheet.cell(row, c), header)
        sheet.cell(row, c).font = BOLD
    header_row = row
    for label, read, number_format, meaning in SUMMARY_ROWS:
        row += 1
        _fill(sheet.cell(row, 1), label)
        for c, each in enumerate(reports, start=2):
            _fill(sheet.cell(row, c), read(each))
            if number_format:
                sheet.cell(row, c).number_format = number_format
        _fill(sheet.cell(row, len(reports) + 2), meaning)
    if effect is not None:
        row += 1
        _fill(sheet.cell(row, 1), "Gap pairs bridged by the plan")
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
    return "" if bridge is None else ", ".join(bridge.teams)


def _stints_text(bridge: BridgedPair | None) -> str:
    if bridge is None:
        return ""
    return ", ".join(f"{s.employee_id} in {s.department} ({s.period})" for s in bridge.rotations)


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
        Column("kind", lambda p: str(p.kind)),
        Column("tied_pairs", lambda p: p.tied_pairs),
        Column("density", lambda p: p.density, DENSITY),
        Column("priority", lambda p: p.priority, "0.00"),
        Column("gap_weight", lambda p: p.gap_weight, "0.000"),
    ]
    if effect is not None:
        columns += [
            Column("tied_pairs_after", lambda p: after[key(p)].tied_pairs),
            Column("kind_after", lambda p: str(after[key(p)].kind)),
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
    _fill(
        sheet.cell(1, 1),
        "Tie density between departments: tied pairs / possible pairs (red = no tie). "
        "Density inside each department is on the Departments sheet.",
    )
    if effect is None:
        _write_heat_map(sheet, 3, "Density", report)
    else:
        _fill(sheet.cell(2, 1), PROJECTION)
        below = _write_heat_map(sheet, 3, "Before the plan", effect.before)
        _write_heat_map(sheet, below, "After the plan (projected)", effect.after)
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
        Column("sole_link_to", lambda p: ", ".join(p.sole_link_to)),
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
        panels = [GraphPanel("Departments", report)]
    else:
        bridged = frozenset((b.department_a, b.department_b) for b in effect.bridged)
        panels = [
            GraphPanel("Before the plan", effect.before),
            GraphPanel("After the plan (projected)", effect.after, bridged),
        ]
    _fill(
        sheet.cell(1, 1),
        "Department graph: grey = tied (thicker = denser), orange dashed = weak, "
        "red dotted = no tie, thick red dashed = no tie on a priority pair, "
        "green = bridged by the plan.",
    )
    if effect is not None:
        _fill(sheet.cell(2, 1), PROJECTION)
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
    _write_summary(book.sheet("Summary"), instance, report, effect)
    _write_departments(book, book.sheet("Departments"), report, effect)
    _write_gaps(book, book.sheet("Gaps"), report, effect)
    _write_density(book.sheet("Density"), report, effect)
    _write_people(book, book.sheet("People"), instance, report, effect)
    _write_graph(book.sheet("Graph"), report, effect)
    book.save(path)
