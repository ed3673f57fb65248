"""The plan workbook: what HR planners, reviewing managers and auditors receive.

Summary first (sentences a manager can forward, from ``plan_summary``; figures before and
after, "after" labelled projected; the solver's account; pictures), then one sheet per
view of the plan: who is in which team and why, what each team covers, who rotates where,
how densely departments talk, which gaps were bridged, every rule re-verified, a Review
sheet for managers' decisions and the Run Info an auditor needs to repeat the run.
``plan_reader`` reads the Teams, Rotation and Review sheets back (names in ``plan_layout``).
"""

from __future__ import annotations

import math
import re
import shlex
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path, PurePath
from typing import Final

from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from crossteam import i18n
from crossteam.io.charts import bars_png, department_graph_png, plan_panels
from crossteam.io.excel import (
    CUT_MARK,
    DECIMAL,
    GENERAL,
    HEADING_FONT,
    INTEGER,
    MAX_CELL_TEXT,
    PERCENT,
    SECONDS,
    SIGNED,
    Area,
    BookWriter,
    CellValue,
    Column,
    Destination,
    display_width,
)
from crossteam.io.plan_layout import (
    ALTERNATIVE_TEAMS,
    ALTERNATIVE_TEAMS_COLUMNS,
    ALTERNATIVES,
    ALTERNATIVES_COLUMNS,
    BASIS_EMPLOYEE_COLUMNS,
    BASIS_ITEM_COLUMNS,
    CHANGES,
    CHANGES_COLUMNS,
    CHECKS,
    CONNECTIVITY,
    DECISIONS,
    GAPS,
    INPUT_BASIS,
    INPUT_CHANGES_COLUMNS,
    REVIEW,
    REVIEW_COLUMNS,
    ROTATION,
    ROTATION_COLUMNS,
    RUN_INFO,
    SUMMARY,
    TEAM_OVERVIEW,
    TEAMS,
    TEAMS_COLUMNS,
    run_info_label,
)
from crossteam.io.plan_wishes import preferences_sheet, wish_figure_rows
from crossteam.models import (
    AlternativeSummary,
    BridgedPair,
    CheckReport,
    DepartmentName,
    Employee,
    GapKind,
    InputChanges,
    NetworkReport,
    Plan,
    PlanEffect,
    PlanningInput,
    ReviewDecision,
    RunInfo,
    TeamAssignment,
    TeamName,
    input_basis,
    pair_key,
)
from crossteam.models.network import projection
from crossteam.models.review import PlanChange
from crossteam.models.wish_figures import WishReport
from crossteam.plan_summary import summary_sentences

MAX_CUT_CELLS_LISTED: Final = 100
"""Cells cut to fit that Run Info lists one by one (the rest are counted)."""
PER_TEAM_CHART_MAX: Final = 60
"""Up to this many teams the chart has a bar per team; beyond, teams by department count."""

# Light colours that keep black text readable; a department keeps its colour across runs
# because it is chosen by the department's place in the sorted department list.
_PALETTE: Final = (
    "AED6F1",
    "F9E79F",
    "ABEBC6",
    "F5B7B1",
    "D7BDE2",
    "FAD7A0",
    "A3E4D7",
    "D5DBDB",
    "F8C471",
    "85C1E9",
    "C39BD3",
    "82E0AA",
)
_PASS_FILL: Final = PatternFill("solid", fgColor="C6EFCE")
_FAIL_FILL: Final = PatternFill("solid", fgColor="FFC7CE")
_FAIL_FONT: Final = Font(color="9C0006")
_EDITABLE_FILL: Final = PatternFill("solid", fgColor="FFF2CC")
_BOLD: Final = Font(bold=True)
_VERTICAL: Final = Alignment(textRotation=90, horizontal="center")
_WRAPPED: Final = Alignment(wrap_text=True, vertical="top")
_HEAT_LOW: Final = "FFFFFF"
_HEAT_HIGH: Final = "2E7D32"
_PICTURE_WIDTH: Final = 900
"""Pixels the before/after network picture takes on the Summary sheet (A4 landscape
holds about 980 between its margins)."""


def write_plan(
    path: Destination,
    instance: PlanningInput,
    plan: Plan,
    *,
    effect: PlanEffect,
    checks: CheckReport,
    run_info: RunInfo,
    changes: Sequence[PlanChange] | None = None,
    alternatives: Sequence[AlternativeSummary] | None = None,
    input_changes: InputChanges | None = None,
    decisions: Sequence[ReviewDecision] = (),
    file_name: str | None = None,
    wishes: WishReport | None = None,
    repeats: int = 0,
) -> None:
    """Write the plan workbook to ``path`` (the caller makes the write atomic).

    ``changes`` (a re-plan of a previous plan) adds a Changes sheet after the Summary,
    even when it is empty, so that "nothing changed" is said too; beside them, how the
    input changed since (``input_changes``). ``decisions`` (a re-plan after review) are
    written again, with their comments, on the new Review sheet. ``file_name`` is the
    workbook's name, for the re-plan command the Review sheet shows. ``alternatives``
    (plan 1, the plan written, and its alternatives) adds an Alternatives sheet comparing
    them and an Alternative Teams sheet with every plan's teams. ``wishes`` (the wishes
    the plan grants) and ``repeats`` (its teammate pairs repeated from History), as the
    plan's assessment counted them, add a Preferences sheet when the input has wishes, and
    their figures to the Summary when it has wishes or History; without ``wishes``
    (uncounted) neither is shown.
    """
    book = BookWriter()
    facts = _PlanFacts(book, instance, plan, effect, wishes, repeats)
    summary = book.sheet(i18n.name(SUMMARY))
    if changes is not None:
        _changes(book, instance, changes, input_changes)
    if alternatives is not None:
        _alternatives(book, instance, alternatives)
    _teams(book, facts)
    overview = _team_overview(book, facts)
    _rotation(book, facts)
    if wishes is not None and instance.preferences:
        preferences_sheet(book, instance, wishes)
    _connectivity(book, effect)
    _gaps(book, effect)
    _checks(book, checks)
    _review(book, facts, decisions, _replan_command(run_info, file_name))
    _input_basis(book, instance)
    run_sheet = book.sheet(i18n.name(RUN_INFO))  # in its place; filled last, with any cell cut
    _summary(book, summary, facts, checks, run_info, overview)
    _run_info(book, run_sheet, instance, plan, run_info)
    book.save(path)


class _PlanFacts:
    """Lookups every sheet needs, computed once."""

    def __init__(
        self,
        book: BookWriter,
        instance: PlanningInput,
        plan: Plan,
        effect: PlanEffect,
        wishes: WishReport | None,
        repeats: int,
    ) -> None:
        self.instance = instance
        self.plan = plan
        self.effect = effect
        self.wishes = wishes
        self.repeats = repeats
        self.bridged_by_team: dict[TeamName, list[BridgedPair]] = defaultdict(list)
        for pair in effect.bridged:
            for team in pair.teams:
                self.bridged_by_team[team].append(pair)
        names = sorted(d.name for d in instance.departments)
        self.host_style: dict[DepartmentName, str] = {
            name: book.style(
                f"Host {i % len(_PALETTE) + 1}",
                PatternFill("solid", fgColor=_PALETTE[i % len(_PALETTE)]),
            )
            for i, name in enumerate(names)
        }

    def employee(self, employee_id: str) -> Employee:
        return self.instance.employee_by_id[employee_id]

    def departments_of(self, team: TeamAssignment) -> list[DepartmentName]:
        return sorted({self.employee(m).department for m in team.members})


def _role(employee: Employee) -> str:
    return employee.attribute_text("role") or ""


def _pair_text(a: str, b: str) -> str:
    return f"{a}{_PAIR_DASH}{b}"


def _yes_no(flag: bool) -> str:
    return i18n.name("yes" if flag else "no")


def _headers(columns: Sequence[Column | str]) -> list[Column | str]:
    """``columns`` with their headers in the run's language (number formats kept)."""
    return [
        Column(i18n.name(c.header), c.number_format) if isinstance(c, Column) else i18n.name(c)
        for c in columns
    ]


# ---------------------------------------------------------------------------- Teams


def _teams(book: BookWriter, facts: _PlanFacts) -> None:
    sheet = book.sheet(i18n.name(TEAMS))
    columns = _headers(TEAMS_COLUMNS)
    book.table(sheet, "Teams", columns, _team_member_rows(facts), frozen_columns=2)


def _team_member_rows(facts: _PlanFacts) -> Iterator[tuple[CellValue, ...]]:
    for team in facts.plan.teams:
        spec = facts.instance.team_by_name.get(team.team)
        needs = spec.skill_needs if spec is not None else ()
        bridged = facts.bridged_by_team.get(team.team, [])
        for member_id in team.members:
            member = facts.employee(member_id)
            covered = [
                f"{need.skill} {member.skills[need.skill]}" for need in needs if need.met_by(member)
            ]
            connects = sorted(
                {
                    p.department_b if p.department_a == member.department else p.department_a
                    for p in bridged
                    if member.department in (p.department_a, p.department_b)
                }
            )
            yield (
                team.team,
                member_id,
                member.name,
                member.department,
                _role(member),
                i18n.listed(covered),
                i18n.listed(connects),
            )


# ---------------------------------------------------------------------------- Team Overview


def _team_overview(book: BookWriter, facts: _PlanFacts) -> Area:
    sheet = book.sheet(i18n.name(TEAM_OVERVIEW))
    columns = (
        "team",
        "spec",
        Column("size", INTEGER),
        Column("min_size", INTEGER),
        Column("max_size", INTEGER),
        Column("departments", INTEGER),
        "department_list",
        "skill_needs_met",
        "skill_needs",
        Column("gap_pairs_bridged", INTEGER),
        "bridged_pairs",
    )
    rows = _overview_rows(facts)
    return book.table(sheet, "TeamOverview", _headers(columns), rows, frozen_columns=1)


def _overview_rows(facts: _PlanFacts) -> Iterator[tuple[CellValue, ...]]:
    for team in facts.plan.teams:
        spec = facts.instance.team_by_name.get(team.team)
        members = [facts.employee(m) for m in team.members]
        needs = spec.skill_needs if spec is not None else ()
        met = 0
        described = []
        for need in needs:
            holders = [
                f"{m.employee_id} ({m.skills[need.skill]})" for m in members if need.met_by(m)
            ]
            enough = len(holders) >= need.min_count
            met += enough
            verdict = "need_met" if enough else "need_short"
            described.append(
                i18n.t(
                    f"plan_sheets.overview.{verdict}",
                    skill=need.skill,
                    level=need.min_level,
                    count=need.min_count,
                    who=i18n.listed(holders) or i18n.t("plan_sheets.overview.nobody"),
                )
            )
        departments = facts.departments_of(team)
        bridged = facts.bridged_by_team.get(team.team, [])
        yield (
            team.team,
            spec.spec if spec is not None else "",
            len(members),
            spec.min_size if spec is not None else None,
            spec.max_size if spec is not None else None,
            len(departments),
            i18n.listed(departments),
            (
                i18n.t("plan_sheets.overview.needs_met", met=met, total=len(needs))
                if needs
                else i18n.t("plan_sheets.overview.none_needed")
            ),
            "; ".join(described),
            len(bridged),
            "; ".join(_pair_text(p.department_a, p.department_b) for p in bridged),
        )


# ---------------------------------------------------------------------------- Rotation


def _rotation(book: BookWriter, facts: _PlanFacts) -> None:
    sheet = book.sheet(i18n.name(ROTATION))
    periods = [p.label for p in sorted(facts.instance.periods, key=lambda p: p.index)]
    host: dict[str, dict[str, DepartmentName]] = defaultdict(dict)
    for stint in facts.plan.rotation:
        host[stint.employee_id][stint.period] = stint.department
    rotators = [e for e in facts.instance.employees if e.employee_id in host]
    rows = (
        (e.employee_id, e.name, e.department, *(host[e.employee_id].get(p) for p in periods))
        for e in rotators
    )
    columns = [*_headers(ROTATION_COLUMNS), *periods]
    area = book.table(sheet, "Rotation", columns, rows, frozen_columns=3)
    first_period = area.left + len(ROTATION_COLUMNS)
    for row, employee in enumerate(rotators, start=area.top + 1):
        for offset, period in enumerate(periods):
            department = host[employee.employee_id].get(period)
            if department is not None:
                cell = sheet.cell(row=row, column=first_period + offset)
                cell.style = facts.host_style[department]


# ---------------------------------------------------------------------------- Connectivity


def _connectivity(book: BookWriter, effect: PlanEffect) -> None:
    """Department x department tie density as heat maps: before, after and the change.

    The three blocks share one column order, so the frozen header row names the columns
    of each; the diagonal holds each department's internal density.
    """
    sheet = book.sheet(i18n.name(CONNECTIVITY))
    departments = effect.before.departments
    before = _density_matrix(effect.before, departments)
    after = _density_matrix(effect.after, departments)
    change = [
        [a - b for a, b in zip(ra, rb, strict=True)] for ra, rb in zip(after, before, strict=True)
    ]
    blocks = (
        (i18n.t("plan_sheets.connectivity.before"), before),
        (i18n.t("plan_sheets.connectivity.after", projection=projection()), after),
        (i18n.t("plan_sheets.connectivity.change"), change),
    )
    # rotated department names need a header row tall enough to show them whole
    header_height = min(max((display_width(d) for d in departments), default=0) * 6 + 12, 200)
    ranges: list[str] = []
    top = 1
    for title, matrix in blocks:
        book.paragraph(sheet, top, title, 1 + len(departments), font=HEADING_FONT)
        book.write(sheet, top + 1, 1, i18n.name("department"))
        sheet.row_dimensions[top + 1].height = header_height
        for offset, name in enumerate(departments):
            cell = book.write(sheet, top + 1, 2 + offset, name, fit=False)
            cell.alignment = _VERTICAL
            cell.font = _BOLD
        for r, (name, values) in enumerate(zip(departments, matrix, strict=True), start=top + 2):
            book.write(sheet, r, 1, name).font = _BOLD
            for offset, value in enumerate(values):
                book.write(sheet, r, 2 + offset, value, DECIMAL)
        if departments:
            last = get_column_letter(1 + len(departments))
            ranges.append(f"B{top + 2}:{last}{top + 1 + len(departments)}")
        top += len(departments) + 3
    if ranges:
        # before and after share one scale so that their colours compare
        _heat_map(sheet, " ".join(ranges[:2]))
        _heat_map(sheet, ranges[2])
    sheet.freeze_panes = "B3"
    sheet.print_title_rows = "2:2"


def _density_matrix(report: NetworkReport, departments: Sequence[str]) -> list[list[float]]:
    density = {(p.department_a, p.department_b): p.density for p in report.pairs}
    internal = {d.department: d.internal_density for d in report.per_department}
    return [
        [internal.get(a, 0.0) if a == b else density.get(pair_key(a, b), 0.0) for b in departments]
        for a in departments
    ]


def _heat_map(sheet: Worksheet, cells: str) -> None:
    rule = ColorScaleRule(
        start_type="num", start_value=0, start_color=_HEAT_LOW, end_type="max", end_color=_HEAT_HIGH
    )
    sheet.conditional_formatting.add(cells, rule)


# ---------------------------------------------------------------------------- Gaps


def _gaps(book: BookWriter, effect: PlanEffect) -> None:
    sheet = book.sheet(i18n.name(GAPS))
    columns = (
        "department_a",
        "department_b",
        "kind_before",
        Column("priority", DECIMAL),
        Column("gap_weight", DECIMAL),
        Column("tied_pairs_before", INTEGER),
        Column("tied_pairs_after", INTEGER),
        "kind_after",
        "bridged",
        "bridged_by_teams",
        "bridged_by_rotation",
    )
    book.table(sheet, "Gaps", _headers(columns), _gap_rows(effect), frozen_columns=2)


def _gap_rows(effect: PlanEffect) -> Iterator[tuple[CellValue, ...]]:
    after = {(p.department_a, p.department_b): p for p in effect.after.pairs}
    bridged = {(p.department_a, p.department_b): p for p in effect.bridged}
    for pair in effect.before.ranked_gaps:
        key = (pair.department_a, pair.department_b)
        now = after.get(key)
        by = bridged.get(key)
        yield (
            pair.department_a,
            pair.department_b,
            i18n.t(f"plan_sheets.gap_kind.{pair.kind.value}"),
            pair.priority,
            pair.gap_weight,
            pair.tied_pairs,
            now.tied_pairs if now is not None else None,
            i18n.t(f"plan_sheets.gap_kind.{now.kind.value}") if now is not None else None,
            _yes_no(by is not None),
            i18n.listed(by.teams) if by is not None else "",
            i18n.listed(
                i18n.t(
                    "plan_sheets.gaps.stint",
                    employee_id=s.employee_id,
                    department=s.department,
                    period=s.period,
                )
                for s in by.rotations
            )
            if by is not None
            else "",
        )


# ---------------------------------------------------------------------------- Checks


def _checks(book: BookWriter, checks: CheckReport) -> None:
    sheet = book.sheet(i18n.name(CHECKS))
    rows = ((r.rule, r.subject, i18n.name(r.status), r.detail) for r in checks.results)
    columns = _headers(("rule", "subject", "result", "detail"))
    area = book.table(sheet, "Checks", columns, rows)
    results = area.column_range(2)
    failed, passed = f'"{i18n.name("fail")}"', f'"{i18n.name("pass")}"'
    sheet.conditional_formatting.add(
        results, CellIsRule(operator="equal", formula=[failed], fill=_FAIL_FILL, font=_FAIL_FONT)
    )
    sheet.conditional_formatting.add(
        results, CellIsRule(operator="equal", formula=[passed], fill=_PASS_FILL)
    )


# ---------------------------------------------------------------------------- Review

REVIEW_WIDTH: Final = 110
"""Characters a line of the instructions holds (they span the table's columns, wrapped)."""


def review_instructions(command: str) -> tuple[str, ...]:
    """The Review sheet's instructions, in plain words, ending with the re-plan command."""
    return (
        i18n.t("plan_sheets.review.how"),
        i18n.t("plan_sheets.review.meaning"),
        i18n.t("plan_sheets.review.move"),
        i18n.t("plan_sheets.review.replan", command=command),
        i18n.t("plan_sheets.review.after"),
    )


REVIEW_HEADER_ROW: Final = len(review_instructions("")) + 3
"""The Review table's header row: below the title, the instructions and a blank row."""


def _replan_command(run_info: RunInfo, file_name: str | None) -> str:
    """The command that re-plans this plan once reviewed, with the files' real names."""
    source = PurePath(run_info.input_path).name or "INPUT.xlsx"
    plan = PurePath(file_name).name if file_name else "THIS-PLAN.xlsx"
    stem = PurePath(plan).stem
    return shlex.join(["crossteam", "plan", source, "--review", plan, "-o", f"{stem}-next.xlsx"])


def _review(
    book: BookWriter, facts: _PlanFacts, decisions: Sequence[ReviewDecision], command: str
) -> None:
    """Instructions, then one row per team assignment and stint, with the decisions and
    comments carried over from the plan this one re-plans (those on an assignment the
    plan no longer has follow, on rows of their own)."""
    sheet = book.sheet(i18n.name(REVIEW))
    book.title(sheet, 1, i18n.t("plan_sheets.review.title"))
    lines = review_instructions(command)
    for row, line in enumerate(lines, start=2):
        book.write(sheet, row, 1, line, fit=False)
        last = get_column_letter(len(REVIEW_COLUMNS))
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet.cell(row=row, column=1).alignment = _WRAPPED
        sheet.row_dimensions[row].height = 15 * (display_width(line) // REVIEW_WIDTH + 1)
    rows = _review_rows(facts, decisions)
    columns = _headers(REVIEW_COLUMNS)
    area = book.table(sheet, "Review", columns, rows, top=REVIEW_HEADER_ROW, frozen_columns=0)
    _decision_cells(book, sheet, area)


def _decision_cells(book: BookWriter, sheet: Worksheet, area: Area) -> None:
    """A drop-down on the decision cells, and the two columns a manager fills in stand
    out from the plan around them."""
    title = i18n.t("plan_sheets.review.dropdown_title")
    decisions = DataValidation(
        type="list",
        formula1='"' + ",".join(i18n.name(d) for d in DECISIONS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=title,
        error=i18n.t("plan_sheets.review.dropdown_error"),
        promptTitle=title,
        prompt=i18n.t("plan_sheets.review.dropdown_prompt"),
        showInputMessage=True,
    )
    decision_column = REVIEW_COLUMNS.index("decision")
    decisions.add(area.column_range(decision_column))
    sheet.add_data_validation(decisions)
    editable = book.style("Editable", _EDITABLE_FILL)
    for row in range(area.top + 1, area.bottom + 1):
        for column in (decision_column, REVIEW_COLUMNS.index("comment")):
            sheet.cell(row=row, column=area.left + column).style = editable


ReviewKey = tuple[str, str, str | None, str | None, str | None]
"""kind, employee, team, period, host: which assignment a Review row is about."""


def _review_key(d: ReviewDecision) -> ReviewKey:
    return (d.kind, d.employee_id, d.team, d.period, d.department)


def _review_rows(
    facts: _PlanFacts, decisions: Sequence[ReviewDecision]
) -> Iterator[tuple[CellValue, ...]]:
    carried = {_review_key(d): d for d in sorted(decisions, key=lambda d: -d.row)}
    assignments: list[ReviewKey] = [
        ("team", member, team.team, None, None)
        for team in facts.plan.teams
        for member in team.members
    ]
    assignments += [
        ("rotation", s.employee_id, None, s.period, s.department) for s in facts.plan.rotation
    ]
    for key in assignments:
        decided = carried.pop(key, None)
        yield _review_row(facts, key, decided)
    for decided in sorted(carried.values(), key=lambda d: d.row):
        yield _review_row(facts, _review_key(decided), decided)


def _review_row(
    facts: _PlanFacts, key: ReviewKey, decided: ReviewDecision | None
) -> tuple[CellValue, ...]:
    kind, employee_id, team, period, host = key
    member = facts.instance.employee_by_id.get(employee_id)
    decision = decided.decision if decided is not None else None
    return (
        i18n.name(kind),
        team,
        period,
        host,
        employee_id,
        member.name if member is not None else None,
        member.department if member is not None else None,
        i18n.name(decision) if decision is not None else None,
        (decided.comment or None) if decided is not None else None,
    )


# ---------------------------------------------------------------------------- Input Basis


def _input_basis(book: BookWriter, instance: PlanningInput) -> None:
    """What the plan was planned on (``InputBasis``), hidden: a later re-plan compares the
    input with it. Ids, departments, yes/no and fingerprints only; no names or values."""
    sheet = book.sheet(i18n.name(INPUT_BASIS))
    basis = input_basis(instance)
    people = (
        (e.employee_id, e.department, _yes_no(e.available), _yes_no(e.rotation_eligible), e.details)
        for e in basis.employees
    )
    area = book.table(sheet, "InputBasis", _headers(BASIS_EMPLOYEE_COLUMNS), people)
    items = ((i.part, i.key, i.fingerprint or None) for i in basis.items)
    book.table(
        sheet,
        "InputBasisItems",
        _headers(BASIS_ITEM_COLUMNS),
        items,
        left=area.right + 2,
        frozen_columns=None,
    )
    sheet.sheet_state = "hidden"


# ---------------------------------------------------------------------------- Changes


def _changes(
    book: BookWriter,
    instance: PlanningInput,
    changes: Sequence[PlanChange],
    input_changes: InputChanges | None,
) -> None:
    """Every change from the previous plan with its reason and the manager's comment;
    beside it how many there were of each reason (a summary a manager reads first), and
    how the input changed since the previous plan."""
    sheet = book.sheet(i18n.name(CHANGES))
    rows = (
        (
            c.employee_id,
            member.name if (member := instance.employee_by_id.get(c.employee_id)) else None,
            i18n.name(c.kind),
            i18n.t(f"plan_sheets.change_kind.{c.what.replace(' ', '_')}"),
            c.before or None,
            c.after or None,
            c.reason,
            c.comment or None,
        )
        for c in changes
    )
    area = book.table(sheet, "Changes", _headers(CHANGES_COLUMNS), rows, frozen_columns=2)
    ids = {*instance.employee_by_id, *(c.employee_id for c in changes)}
    reasons = Counter(_reason_kind(c.reason, ids) for c in changes)
    summary = [(i18n.t("plan_sheets.changes.total"), len(changes)), *sorted(reasons.items())]
    counted = book.table(
        sheet,
        "ChangesSummary",
        _headers(("reason", Column("count", INTEGER))),
        summary,
        left=area.right + 2,
        frozen_columns=None,
    )
    if input_changes is not None:
        book.table(
            sheet,
            "InputChanges",
            _headers(
                (*INPUT_CHANGES_COLUMNS[:2], Column("count", INTEGER), INPUT_CHANGES_COLUMNS[3])
            ),
            _input_change_rows(input_changes),
            left=counted.right + 2,
            frozen_columns=None,
        )


def _reason_kind(reason: str, ids: set[str]) -> str:
    """A reason without the people it names, so that reasons of a kind count together
    ("refilled the seat of E1" and "... of E2"), and every pair connected as one (a reason
    naming department pairs, written "Sales – Development" in either language)."""
    if reason.startswith("connects ") or _PAIR_DASH in reason:
        return i18n.t("plan_sheets.changes.connects")
    words = _WORD_BREAK.split(reason)
    return " ".join("".join("…" if word in ids else word for word in words).split())


_WORD_BREAK: Final = re.compile(r"(\s+|[、。「」（）：])")
"""Where a word of a reason ends: a space, or Japanese punctuation (no spaces there)."""
_PAIR_DASH: Final = " – "
"""How a department pair is written (``_pair_text``)."""


def _input_change_rows(changes: InputChanges) -> Iterator[tuple[CellValue, ...]]:
    """One row per kind of change of the input: its sheet, what, how many and which."""
    everything = i18n.t("plan_sheets.input.all")
    if changes.same_input:
        yield (everything, i18n.t("plan_sheets.input.same"), 0, None)
        return
    for words, ids in changes.people_lines():
        yield (i18n.name("Employees"), words, len(ids), i18n.listed(ids))
    for part in changes.parts:
        sheet = _sheet_name(part.part)
        for words, keys in (
            (i18n.t("plan_sheets.input.added"), part.added),
            (i18n.t("plan_sheets.input.removed"), part.removed),
            (i18n.t("plan_sheets.input.changed"), part.changed),
        ):
            if keys:
                yield (sheet, words, len(keys), i18n.listed(keys))
    if not changes.has_basis:
        yield (everything, i18n.t("plan_sheets.input.no_basis"), None, None)


def _sheet_name(part: str) -> str:
    """An input sheet's name in the run's language (a name the catalogue lacks as it is)."""
    return i18n.name(part) if len(i18n.names(part)) > 1 else part


# ---------------------------------------------------------------------------- Alternatives


def _alternatives(
    book: BookWriter, instance: PlanningInput, alternatives: Sequence[AlternativeSummary]
) -> None:
    """The plans side by side, with the share of team assignments each pair differs in."""
    sheet = book.sheet(i18n.name(ALTERNATIVES))
    numbers = [a.number for a in alternatives]
    formats = (
        INTEGER,
        DECIMAL,
        PERCENT,
        GENERAL,
        GENERAL,
        GENERAL,
        INTEGER,
        DECIMAL,
        INTEGER,
        PERCENT,
    )
    columns = [
        *_headers(
            [Column(name, fmt) for name, fmt in zip(ALTERNATIVES_COLUMNS, formats, strict=True)]
        ),
        *(Column(i18n.t("plan_sheets.alternatives.difference_to", n=n), PERCENT) for n in numbers),
    ]
    rows = (
        (
            a.number,
            a.objective,
            a.share_of_best,
            _yes_no(a.within_tolerance),
            _yes_no(a.distinct),
            i18n.name("pass" if a.checks_passed else "fail"),
            a.silent_pairs_bridged,
            a.departments_per_team,
            a.attempts,
            a.forbidden_share,
            *(a.difference_to.get(n) for n in numbers),
        )
        for a in alternatives
    )
    book.table(sheet, "Alternatives", columns, rows, frozen_columns=1)
    teams = book.sheet(i18n.name(ALTERNATIVE_TEAMS))
    members = _alternative_team_rows(instance, alternatives)
    columns = _headers(ALTERNATIVE_TEAMS_COLUMNS)
    book.table(teams, "AlternativeTeams", columns, members, frozen_columns=2)


def _alternative_team_rows(
    instance: PlanningInput, alternatives: Sequence[AlternativeSummary]
) -> Iterator[tuple[CellValue, ...]]:
    for alternative in alternatives:
        for team in alternative.teams:
            for member_id in team.members:
                member = instance.employee_by_id[member_id]
                yield (
                    alternative.number,
                    team.team,
                    member_id,
                    member.name,
                    member.department,
                    _role(member),
                )


# ---------------------------------------------------------------------------- Run Info


def _run_info(
    book: BookWriter, sheet: Worksheet, instance: PlanningInput, plan: Plan, run_info: RunInfo
) -> None:
    rows = [*_run_info_rows(instance, plan, run_info), *_cut_rows(book.cut_cells)]
    book.table(sheet, "RunInfo", _headers(("field", "value")), rows)


def _cut_rows(cells: Sequence[str]) -> Iterator[tuple[CellValue, CellValue]]:
    """One row per cell whose text was longer than Excel holds (the first hundred)."""
    label = run_info_label("cut_cell")
    for cell in cells[:MAX_CUT_CELLS_LISTED]:
        yield (
            label,
            i18n.t("plan_sheets.runinfo.cut", cell=cell, limit=MAX_CELL_TEXT, mark=CUT_MARK),
        )
    if len(cells) > MAX_CUT_CELLS_LISTED:
        more = len(cells) - MAX_CUT_CELLS_LISTED
        yield (label, i18n.t("plan_sheets.runinfo.more_cut", count=more))


def local_time(utc: str) -> str:
    """An ISO 8601 time (UTC, as Run Info records it) in this machine's time zone, with its
    offset (``2026-03-02T18:30:00+09:00``); the text as given when it is not a time."""
    try:
        moment = datetime.fromisoformat(utc)
    except ValueError:
        return utc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().isoformat(timespec="seconds")


def _cell_value(value: object) -> CellValue:
    if isinstance(value, bool):
        return _yes_no(value)
    if value is None or isinstance(value, int | float | str):
        return value
    return str(value)


def _run_info_rows(
    instance: PlanningInput, plan: Plan, run_info: RunInfo
) -> Iterator[tuple[CellValue, CellValue]]:
    for field, value in _run_info_fields(instance, plan, run_info):
        yield (run_info_label(field), value)
    for package, version in sorted(run_info.versions.items()):
        yield (i18n.t("plan_sheets.runinfo.version", package=package), version)
    for setting, value in instance.settings.model_dump().items():
        yield (i18n.t("plan_sheets.runinfo.setting", setting=setting), _cell_value(value))


def _run_info_fields(
    instance: PlanningInput, plan: Plan, run_info: RunInfo
) -> Iterator[tuple[str, CellValue]]:
    """Run Info's fields by their own names (``run_info_label`` shows them)."""
    source = instance.source
    yield ("input_file", Path(source.path if source else run_info.input_path).name)
    for field in type(run_info).model_fields:
        if field != "versions":
            yield (field, _cell_value(getattr(run_info, field)))
        if field == "started_at":
            yield ("started_at_local", local_time(run_info.started_at))
    if source is not None:
        yield ("input_size_bytes", source.size_bytes)
    yield ("planned_teams", _yes_no(plan.planned_teams))
    yield ("planned_rotation", _yes_no(plan.planned_rotation))
    yield ("solver_status", plan.status.value)
    yield ("stop_reason", plan.stop_reason.value if plan.stop_reason else None)
    yield ("solver_threads", plan.workers)
    # whether the same input, settings and command give this plan again (docs/model.md)
    yield ("plan_repeats", _yes_no(plan.repeatable))
    yield ("objective", plan.objective)
    yield ("bound", plan.bound)
    yield ("gap", plan.gap)
    yield ("solve_seconds", plan.seconds)
    for note in plan.notes:
        yield ("note", note)


# ---------------------------------------------------------------------------- Summary


def _summary(
    book: BookWriter,
    sheet: Worksheet,
    facts: _PlanFacts,
    checks: CheckReport,
    run_info: RunInfo,
    overview: Area,
) -> None:
    """Sentences a manager can forward, then the key figures (after: projected), then the
    solver's figures, then the picture, then the chart, each on pages of its own when
    printed."""
    plan, effect = facts.plan, facts.effect
    input_name = Path(run_info.input_path).name
    made = datetime.fromisoformat(local_time(run_info.started_at)).date()
    book.title(sheet, 1, i18n.t("plan_sheets.summary.title", input=input_name, day=i18n.day(made)))
    for column, width in enumerate(_SUMMARY_WIDTHS, start=1):
        book.widen(sheet, column, width)
    sentences = summary_sentences(
        facts.instance, plan, effect, checks, input_name, facts.wishes, facts.repeats
    )
    for row, sentence in enumerate(sentences, start=2):
        book.paragraph(sheet, row, sentence, len(_SUMMARY_WIDTHS))
    top = 2 + len(sentences) + 1
    # printed, the sentences are a page to forward; the figures and the solver's follow
    sheet.row_breaks.append(Break(id=top - 1))
    book.title(sheet, top, i18n.t("plan_sheets.summary.key_figures"), heading=True)
    book.paragraph(sheet, top + 1, projection(), len(_SUMMARY_WIDTHS), font=_ITALIC)
    figures = _key_figures(effect.before, effect.after)
    area = book.table(
        sheet,
        "KeyFigures",
        _headers(("figure", "before", "after (projected)", "change")),
        [row for _, row in figures],
        top=top + 2,
        frozen_columns=None,
    )
    _format_rows(sheet, area, [fmt for fmt, _ in figures])
    top = _wish_figures(book, sheet, facts, area.bottom + 2)
    sheet.row_breaks.append(Break(id=top - 1))
    book.title(sheet, top, i18n.t("plan_sheets.summary.solver_figures"), heading=True)
    solver = _solver_rows(facts, checks)
    area = book.table(
        sheet,
        "Solver",
        _headers(("item", "value")),
        [row for _, row in solver],
        top=top + 1,
        frozen_columns=None,
    )
    _format_rows(sheet, area, [fmt for fmt, _ in solver])
    top = area.bottom + 2
    book.title(sheet, top, i18n.t("plan_sheets.summary.objective_terms"), heading=True)
    area = book.table(
        sheet,
        "ObjectiveTerms",
        _headers(("term", Column("value", DECIMAL))),
        [(_term_words(t), v) for t, v in sorted(plan.objective_terms.items())],
        top=top + 1,
        frozen_columns=None,
    )
    top = _network_picture(sheet, effect, area.bottom + 2)
    _departments_chart(book, sheet, facts, overview, top)
    sheet.print_title_rows = "1:1"


def _wish_figures(book: BookWriter, sheet: Worksheet, facts: _PlanFacts, top: int) -> int:
    """From row ``top``, the figures of wishes granted and teammates repeated (only when
    the input has wishes or History); returns the first free row below, leaving one blank."""
    if facts.wishes is None:
        return top
    figures = wish_figure_rows(facts.instance, facts.wishes, facts.repeats)
    if not figures:
        return top
    book.title(sheet, top, i18n.t("plan_sheets.summary.wishes"), heading=True)
    area = book.table(
        sheet,
        "Wishes",
        _headers(("figure", "rotation", "team")),
        [row for _, row in figures],
        top=top + 1,
        frozen_columns=None,
    )
    _format_rows(sheet, area, [fmt for fmt, _ in figures])
    return area.bottom + 2


_SUMMARY_WIDTHS: Final = (40, 14, 18, 14, 14)
"""Least widths of the Summary's first columns, which its sentences span."""
_ITALIC: Final = Font(italic=True)
_PIXELS_PER_ROW: Final = 20
"""A row of the default height (15 points) on screen."""


Formatted = tuple[str, tuple[CellValue, ...]]
"""A row of a figures table and the number format of its numbers."""


def _key_figures(before: NetworkReport, after: NetworkReport) -> list[Formatted]:
    def weak(report: NetworkReport) -> int:
        return sum(p.kind is GapKind.WEAK for p in report.pairs)

    figures: tuple[tuple[str, str, float | None, float | None], ...] = (
        (i18n.t("plan_sheets.figure.employees"), INTEGER, before.employees, after.employees),
        (
            i18n.t("plan_sheets.figure.departments"),
            INTEGER,
            len(before.departments),
            len(after.departments),
        ),
        (
            i18n.t("plan_sheets.figure.tied_pairs"),
            INTEGER,
            before.interactions,
            after.interactions,
        ),
        (i18n.t("plan_sheets.figure.ei_index"), SIGNED, before.ei_index, after.ei_index),
        (i18n.t("plan_sheets.figure.modularity"), DECIMAL, before.modularity, after.modularity),
        (
            i18n.t("plan_sheets.figure.silent_pairs"),
            INTEGER,
            len(before.gap_pairs),
            len(after.gap_pairs),
        ),
        (i18n.t("plan_sheets.figure.weak_pairs"), INTEGER, weak(before), weak(after)),
        (
            i18n.t("plan_sheets.figure.algebraic_connectivity"),
            DECIMAL,
            before.algebraic_connectivity,
            after.algebraic_connectivity,
        ),
        (
            i18n.t("plan_sheets.figure.between_density"),
            DECIMAL,
            before.between_department_density,
            after.between_department_density,
        ),
    )
    return [
        (fmt, (name, old, new, new - old if old is not None and new is not None else None))
        for name, fmt, old, new in figures
    ]


def _solver_rows(facts: _PlanFacts, checks: CheckReport) -> list[Formatted]:
    plan = facts.plan
    rotating = len({s.employee_id for s in plan.rotation})
    stop = plan.stop_reason
    rows: tuple[tuple[str, str, CellValue], ...] = (
        (GENERAL, "status", i18n.t(f"plan_sheets.status.{plan.status.value}")),
        (GENERAL, "stop_reason", i18n.t(f"plan_sheets.stop.{stop.value}") if stop else None),
        (DECIMAL, "objective", plan.objective),
        (DECIMAL, "bound", plan.bound),
        (PERCENT, "gap", plan.gap),
        (SECONDS, "seconds", plan.seconds),
        (INTEGER, "teams", len(plan.teams)),
        (INTEGER, "people_in_teams", sum(len(t.members) for t in plan.teams)),
        (INTEGER, "rotating", rotating),
        (INTEGER, "periods_away", len(plan.rotation)),
        (INTEGER, "bridged", len(facts.effect.bridged)),
        (INTEGER, "bridgeable", plan.silent_pairs_ceiling),
        (INTEGER, "checks_passed", sum(r.status == "pass" for r in checks.results)),
        (INTEGER, "checks_failed", len(checks.failures)),
        (INTEGER, "checks_not_applicable", len(checks.not_applicable)),
    )
    return [(fmt, (i18n.t(f"plan_sheets.solver.{item}"), value)) for fmt, item, value in rows]


def _format_rows(sheet: Worksheet, area: Area, formats: Sequence[str]) -> None:
    """Give the numbers of each data row of ``area`` its own format (figures vary by row)."""
    for row, fmt in zip(range(area.top + 1, area.bottom + 1), formats, strict=False):
        for column in range(area.left + 1, area.right + 1):
            sheet.cell(row=row, column=column).number_format = fmt


def _term_words(term: str) -> str:
    """An objective part in words ("skill depth", 「スキルの厚み」); ``plan --json`` keeps
    its key (``skill_depth``)."""
    return i18n.t(f"explain.objective_part.{term}")


def _network_picture(sheet: Worksheet, effect: PlanEffect, top: int) -> int:
    """The before/after picture from row ``top``, printed on a page of its own; returns
    the first row below it."""
    png = department_graph_png(plan_panels(effect))
    picture = Image(BytesIO(png))
    scale = _PICTURE_WIDTH / picture.width
    picture.width, picture.height = _PICTURE_WIDTH, round(picture.height * scale)
    sheet.row_breaks.append(Break(id=top - 1))
    sheet.add_image(picture, f"A{top}")
    return top + math.ceil(int(picture.height) / _PIXELS_PER_ROW) + 1


def _departments_chart(
    book: BookWriter, sheet: Worksheet, facts: _PlanFacts, overview: Area, top: int
) -> None:
    """Bars of departments per team; with many teams, how many teams have k departments
    (a table of them, then the chart); from row ``top``, on a page of its own. A chart
    whose words need Japanese is a picture drawn with the bundled font (a spreadsheet's
    chart shows them in the viewer's fonts, which may have none)."""
    teams = facts.plan.teams
    if not teams:
        return
    sheet.row_breaks.append(Break(id=top - 1))
    per_team = len(teams) <= PER_TEAM_CHART_MAX
    title = i18n.t(f"plan_sheets.chart.{'per_team' if per_team else 'by_departments'}")
    axis = i18n.name("departments" if per_team else "teams")
    if per_team:
        bars = [(t.team, len(facts.departments_of(t))) for t in teams]
        source, column = book.workbook[i18n.name(TEAM_OVERVIEW)], overview.left
        first, last, data_column = overview.top, overview.bottom, overview.left + 5
    else:
        counts = sorted(Counter(len(facts.departments_of(t)) for t in teams).items())
        bars = [(str(departments), count) for departments, count in counts]
        headers = _headers((Column("departments", INTEGER), Column("teams", INTEGER)))
        area = book.table(
            sheet, "TeamsByDepartments", headers, counts, top=top, frozen_columns=None
        )
        top = area.bottom + 2
        source, column = sheet, area.left
        first, last, data_column = area.top, area.bottom, area.left + 1
    if any(i18n.is_japanese(word) for word in (title, axis, *(label for label, _ in bars))):
        sheet.add_image(Image(BytesIO(bars_png(title, axis, bars))), f"A{top}")
        return
    chart = BarChart()
    chart.title, chart.y_axis.title = title, axis
    # openpyxl hides both axes unless told otherwise; bars measure from 0
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0
    chart.legend = None
    chart.width, chart.height = 24, 9
    data = Reference(source, min_col=data_column, min_row=first, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(source, min_col=column, min_row=first + 1, max_row=last))
    sheet.add_chart(chart, f"A{top}")
