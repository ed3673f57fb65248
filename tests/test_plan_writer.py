"""The plan workbook: every sheet, its exact rows for a small plan, and Excel quality."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from instances import network_report, random_company
from openpyxl.worksheet.worksheet import Worksheet
from plan_samples import (
    FORMULA_NAMES,
    sample_checks,
    sample_instance,
    sample_plan,
    sample_run_info,
    write_sample,
)
from python_calamine import CalamineWorkbook
from soffice import convert

from crossteam import network
from crossteam.io.excel import CUT_MARK, LINE_POINTS, MAX_CELL_TEXT, CutTextWarning
from crossteam.io.plan_layout import TEAMS_COLUMNS
from crossteam.io.plan_writer import (
    REVIEW_HEADER_ROW,
    local_time,
    review_instructions,
    write_plan,
)
from crossteam.models import (
    CheckReport,
    DepartmentStats,
    InputChanges,
    PartChange,
    Plan,
    PlanChange,
    PlanEffect,
    PlanningInput,
    ReviewDecision,
    RotationStint,
    SolveStatus,
    TeamAssignment,
)
from crossteam.models.network import projection
from crossteam.plan_summary import summary_sentences

SHEETS = [
    "Summary",
    "Teams",
    "Team Overview",
    "Rotation",
    "Connectivity",
    "Gaps",
    "Checks",
    "Review",
    "Input Basis",
    "Run Info",
]
H = REVIEW_HEADER_ROW
"""The Review table's header row, below the instructions."""


@pytest.fixture(scope="module")
def plan_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("plan") / "plan.xlsx")


@pytest.fixture(scope="module")
def workbook(plan_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(plan_path)


def unchanged_network(instance: PlanningInput) -> PlanEffect:
    """A plan effect that changes nothing, built without the (slow on large input) analysis."""
    report = network_report(instance).model_copy(
        update={
            "departments": tuple(d.name for d in instance.departments),
            "per_department": tuple(
                DepartmentStats(
                    department=d.name,
                    headcount=d.headcount,
                    internal_ties=0,
                    external_ties=0,
                    ei_index=None,
                    weighted_ei_index=None,
                    internal_density=0.0,
                    breadth=0,
                    zero_tie_departments=0,
                    boundary_spanners=0,
                )
                for d in instance.departments
            ),
        }
    )
    return PlanEffect(before=report, after=report)


def rows(sheet: Worksheet) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_plan_workbook_has_every_sheet_in_reading_order(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == SHEETS


def test_teams_sheet_lists_each_member_with_why_they_are_there(
    workbook: openpyxl.Workbook,
) -> None:
    assert rows(workbook["Teams"]) == [
        (
            "team",
            "employee_id",
            "name",
            "department",
            "role",
            "skills_covered",
            "departments_connected",
        ),
        ("Alpha", "E1", "Sato Hana", "Sales", "Account manager", None, "Support"),
        ("Alpha", "E2", "Suzuki Ken", "Development", "Engineer", "python 5", "Support"),
        ("Alpha", "E3", FORMULA_NAMES[0], "Support", "Agent", None, "Development, Sales"),
        ("Beta", "E4", FORMULA_NAMES[1], "Sales", None, None, "Finance"),
        ("Beta", "E7", "山田太郎", "Finance", "経理", None, "Sales"),
    ]


def test_rotation_sheet_has_a_column_per_period_holding_the_host(
    workbook: openpyxl.Workbook,
) -> None:
    assert rows(workbook["Rotation"]) == [
        ("employee_id", "name", "home_department", "P1", "P2"),
        ("E5", FORMULA_NAMES[2], "Development", "Finance", None),
        ("E8", "Kato Mai", "Finance", "Support", "Support"),
    ]


def test_review_sheet_has_one_row_per_assignment_with_blank_decisions(
    workbook: openpyxl.Workbook,
) -> None:
    assert rows(workbook["Review"])[H - 1 :] == [
        (
            "kind",
            "team",
            "period",
            "host_department",
            "employee_id",
            "name",
            "department",
            "decision",
            "comment",
        ),
        ("team", "Alpha", None, None, "E1", "Sato Hana", "Sales", None, None),
        ("team", "Alpha", None, None, "E2", "Suzuki Ken", "Development", None, None),
        ("team", "Alpha", None, None, "E3", FORMULA_NAMES[0], "Support", None, None),
        ("team", "Beta", None, None, "E4", FORMULA_NAMES[1], "Sales", None, None),
        ("team", "Beta", None, None, "E7", "山田太郎", "Finance", None, None),
        ("rotation", None, "P1", "Finance", "E5", FORMULA_NAMES[2], "Development", None, None),
        ("rotation", None, "P1", "Support", "E8", "Kato Mai", "Finance", None, None),
        ("rotation", None, "P2", "Support", "E8", "Kato Mai", "Finance", None, None),
    ]


def test_review_decision_column_offers_keep_remove_lock_and_stands_out(
    workbook: openpyxl.Workbook,
) -> None:
    (validation,) = workbook["Review"].data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"keep,remove,lock"'
    assert validation.allow_blank
    assert str(validation.sqref) == f"H{H + 1}:H{H + 8}"
    sheet = workbook["Review"]
    corners = (f"H{H + 1}", f"I{H + 1}", f"H{H + 8}", f"I{H + 8}")
    editable = {sheet[ref].fill.fgColor.rgb for ref in corners}
    assert len(editable) == 1
    assert sheet[f"G{H + 1}"].fill.fgColor.rgb not in editable


def test_review_sheet_starts_with_instructions_and_the_replan_command(
    workbook: openpyxl.Workbook,
) -> None:
    sheet = workbook["Review"]
    lines = [sheet.cell(row=r, column=1).value for r in range(2, H - 1)]
    command = "crossteam plan company.xlsx --review THIS-PLAN.xlsx -o THIS-PLAN-next.xlsx"
    assert lines == list(review_instructions(command))
    assert sheet.freeze_panes == f"A{H + 1}" and sheet.print_title_rows == f"${H}:${H}"
    # each line spans the table and wraps, so it prints within the page's width
    assert "A2:I2" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A2"].alignment.wrap_text


def test_team_overview_shows_skill_needs_met_and_pairs_bridged(
    workbook: openpyxl.Workbook,
) -> None:
    header, alpha, beta = rows(workbook["Team Overview"])
    alpha_row = dict(zip(header, alpha, strict=True))
    assert alpha_row["size"] == 3
    assert alpha_row["departments"] == 3
    assert alpha_row["skill_needs_met"] == "1 of 1"
    assert alpha_row["skill_needs"] == "python level 3+ x1: met by E2 (5)"
    assert alpha_row["gap_pairs_bridged"] == 2
    assert alpha_row["bridged_pairs"] == "Development – Support; Sales – Support"
    beta_row = dict(zip(header, beta, strict=True))
    assert beta_row["skill_needs_met"] == "none needed"
    assert beta_row["bridged_pairs"] == "Finance – Sales"


def test_gaps_sheet_lists_every_silent_pair_and_what_bridged_it(
    workbook: openpyxl.Workbook,
) -> None:
    header, *gaps = rows(workbook["Gaps"])
    by_pair = {(g[0], g[1]): dict(zip(header, g, strict=True)) for g in gaps}
    assert set(by_pair) == {
        ("Development", "Finance"),
        ("Development", "Support"),
        ("Finance", "Sales"),
        ("Finance", "Support"),
        ("Sales", "Support"),
    }
    assert by_pair["Development", "Finance"]["bridged_by_rotation"] == "E5 in Finance (P1)"
    assert by_pair["Sales", "Support"]["bridged_by_teams"] == "Alpha"
    assert by_pair["Sales", "Support"]["tied_pairs_before"] == 0
    assert by_pair["Sales", "Support"]["tied_pairs_after"] == 1
    assert all(g["bridged"] == "yes" and g["kind_before"] == "zero" for g in by_pair.values())


def test_gap_not_bridged_says_no(tmp_path: Path) -> None:
    plan = sample_plan().model_copy(update={"rotation": ()})
    sheet = openpyxl.load_workbook(write_sample(tmp_path / "p.xlsx", plan=plan))["Gaps"]
    header, *gaps = rows(sheet)
    by_pair = {(g[0], g[1]): dict(zip(header, g, strict=True)) for g in gaps}
    assert by_pair["Development", "Finance"]["bridged"] == "no"
    assert by_pair["Development", "Finance"]["tied_pairs_after"] == 0


def test_connectivity_holds_density_before_and_after_as_heat_maps(
    workbook: openpyxl.Workbook,
) -> None:
    sheet = workbook["Connectivity"]
    departments = ["Development", "Finance", "Sales", "Support"]
    assert [sheet.cell(row=2, column=c).value for c in range(2, 6)] == departments
    before_top, after_top = 3, 3 + len(departments) + 3
    dev_finance_before = sheet.cell(row=before_top, column=3).value
    dev_finance_after = sheet.cell(row=after_top, column=3).value
    assert sheet.cell(row=after_top - 1, column=1).value == "department"
    assert dev_finance_before == 0
    assert dev_finance_after == pytest.approx(2 / 4)  # E5 tied to both Finance people
    assert sheet.cell(row=before_top, column=1).value == "Development"
    assert sheet.cell(row=before_top, column=2).value == 1  # E2-E5: the only pair, tied
    scales = [
        rule.colorScale
        for rules in sheet.conditional_formatting
        for rule in rules.rules
        if rule.type == "colorScale"
    ]
    assert len(scales) == 2
    assert sheet.freeze_panes == "B3"


def test_checks_sheet_shows_every_result_coloured_by_outcome(
    workbook: openpyxl.Workbook,
) -> None:
    sheet = workbook["Checks"]
    assert rows(sheet) == [
        ("rule", "subject", "result", "detail"),
        ("team size", "Alpha", "pass", "3 of 2-4"),
        ("skills", "Beta", "fail", "=no python"),
    ]
    formulas = {
        tuple(rule.formula)
        for rules in sheet.conditional_formatting
        if str(rules.sqref) == "C2:C3"
        for rule in rules.rules
    }
    assert formulas == {('"fail"',), ('"pass"',)}


def test_rotation_cells_are_coloured_by_host_department(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Rotation"]
    finance, support_p1, support_p2 = sheet["D2"], sheet["D3"], sheet["E3"]
    assert support_p1.fill.fgColor.rgb == support_p2.fill.fgColor.rgb
    assert finance.fill.fgColor.rgb != support_p1.fill.fgColor.rgb
    assert sheet["E2"].fill.fill_type is None
    assert sheet.freeze_panes == "D2"


def test_run_info_records_input_hash_seed_limits_and_versions(
    workbook: openpyxl.Workbook,
) -> None:
    info = {field: value for field, value in rows(workbook["Run Info"])[1:]}
    notes = [value for field, value in rows(workbook["Run Info"])[1:] if field == "note"]
    assert notes == ["The bound is crossteam's own", "A second note"]
    assert info["input_file"] == "company.xlsx"
    assert info["input_sha256"] == "ab" * 32
    assert info["seed"] == 7
    assert info["time_limit_seconds"] == 30
    assert info["workers"] == 2
    assert info["wall_seconds"] == 2.5
    assert info["solver_status"] == "optimal"
    assert info["objective"] == 42
    assert info["version ortools"] == "9.12"
    assert info["version openpyxl"] == "3.1.5"
    assert info["setting weight_bridging"] == 10


def test_summary_opens_with_sentences_then_projected_figures_then_the_solver(
    workbook: openpyxl.Workbook,
) -> None:
    sheet = workbook["Summary"]
    column_a = [row[0] for row in rows(sheet)]
    instance, plan = sample_instance(), sample_plan()
    effect = network.compare(instance, plan)
    sentences = summary_sentences(instance, plan, effect, sample_checks(), "company.xlsx")
    made = local_time(sample_run_info().started_at)[:10]  # the day where the plan is read
    assert column_a[0] == f"Plan for company.xlsx, made {made}"
    assert column_a[1 : 1 + len(sentences)] == sentences
    key, solver = column_a.index("Key figures"), column_a.index("Solver figures")
    assert len(sentences) + 1 < key < solver < column_a.index("Objective terms")
    assert column_a[key + 1] == projection()
    assert rows(sheet)[key + 2][:4] == ("figure", "before", "after (projected)", "change")
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    for row in range(2, 2 + len(sentences)):  # each spans the figures, wrapped, whole
        assert f"A{row}:E{row}" in merged
        assert sheet[f"A{row}"].alignment.wrap_text
        assert sheet.row_dimensions[row].height >= LINE_POINTS


def test_summary_pictures_sit_below_the_figures_each_on_a_page_of_its_own(
    workbook: openpyxl.Workbook, plan_path: Path
) -> None:
    sheet = workbook["Summary"]
    column_a = [row[0] for row in rows(sheet)]
    last_table = max(int(t.ref.split(":")[1].lstrip("ABCDEFGHIJ")) for t in sheet.tables.values())
    breaks = [b.id for b in sheet.row_breaks.brk]
    # rows of the breaks are the last row of a page: the figures and the solver start pages
    starts = [column_a.index("Key figures") + 1, column_a.index("Solver figures") + 1]
    assert breaks[:2] == [row - 1 for row in starts]
    breaks = breaks[2:]  # then the picture's and the chart's
    assert len(breaks) == 2 and last_table < breaks[0] < breaks[1]
    with zipfile.ZipFile(plan_path) as archive:
        drawing = archive.read("xl/drawings/drawing1.xml").decode()
        chart = archive.read("xl/charts/chart1.xml").decode()
    x = "(?:xdr:)?"  # the drawing's namespace prefix, if any
    anchors = re.findall(rf"<{x}from><{x}col>0</{x}col>.*?<{x}row>(\d+)", drawing)
    assert sorted(int(row) for row in anchors) == breaks  # rows counted from 0 there
    # the bars measure from 0, on axes that are shown
    assert len(re.findall(r'<(?:c:)?min val="0"', chart)) == 1
    assert len(re.findall(r'<(?:c:)?delete val="0"', chart)) == 2


def test_connectivity_says_after_is_projected_and_its_titles_fit_the_page(
    workbook: openpyxl.Workbook,
) -> None:
    sheet = workbook["Connectivity"]
    titles = [sheet.cell(row=row, column=1).value for row in (1, 8, 15)]
    assert titles[0].startswith("Tie density before the plan")
    assert titles[1].startswith("Tie density after the plan, projected.")
    assert projection() in titles[1]
    assert titles[2] == "Change in tie density (projected)"
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    assert {"A1:E1", "A8:E8", "A15:E15"} <= merged
    assert sheet.row_dimensions[8].height > sheet.row_dimensions[1].height


def test_local_time_carries_the_offset_of_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "JST-9")  # a POSIX zone, needing no time zone database
    time.tzset()
    try:
        assert local_time("2026-01-01T00:00:00+00:00") == "2026-01-01T09:00:00+09:00"
        assert local_time("2026-01-01T00:00:00") == "2026-01-01T09:00:00+09:00"
        assert local_time("not a time") == "not a time"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_run_info_gives_the_start_in_utc_and_in_local_time(workbook: openpyxl.Workbook) -> None:
    info = {field: value for field, value in rows(workbook["Run Info"])[1:]}
    assert info["started_at"] == "2026-01-01T00:00:00+00:00"
    assert info["started_at_local"] == local_time("2026-01-01T00:00:00+00:00")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", info["started_at_local"])


def test_summary_shows_figures_before_and_after_with_picture_and_chart(
    workbook: openpyxl.Workbook, plan_path: Path
) -> None:
    values = rows(workbook["Summary"])
    figures = {r[0]: r[1:4] for r in values if isinstance(r[0], str)}
    assert figures["silent department pairs"] == (5, 0, -5)
    assert figures["tied employee pairs"] == (5, 12, 7)
    assert figures["status"][0] == "optimal"
    assert figures["checks failed"][0] == 1
    assert figures["bridging"][0] == 40
    with zipfile.ZipFile(plan_path) as archive:
        names = archive.namelist()
    assert any(n.startswith("xl/media/") and n.endswith(".png") for n in names)
    assert any(n.startswith("xl/charts/chart") for n in names)


def test_every_table_header_matches_its_table(workbook: openpyxl.Workbook) -> None:
    names = []
    for sheet in workbook.worksheets:
        for table in sheet.tables.values():
            header_cells = next(iter(sheet[table.ref]))
            assert [c.value for c in header_cells] == table.column_names
            assert all(c.data_type == "s" for c in header_cells)
            names.append(table.displayName.casefold())
    assert len(names) == len(set(names)) >= 10


def test_main_sheets_freeze_their_header_and_print_it_on_every_page(
    workbook: openpyxl.Workbook,
) -> None:
    for title in ("Teams", "Team Overview", "Rotation", "Gaps", "Checks", "Run Info"):
        sheet = workbook[title]
        assert sheet.freeze_panes is not None and sheet.freeze_panes.endswith("2"), title
        assert sheet.print_title_rows == "$1:$1", title


def test_names_that_look_like_formulas_are_text_cells(plan_path: Path) -> None:
    workbook = openpyxl.load_workbook(plan_path)
    places = [("Teams", "C4"), ("Teams", "C5"), ("Rotation", "B2"), ("Review", f"F{H + 3}")]
    places += [("Review", f"F{H + 4}"), ("Review", f"F{H + 6}"), ("Checks", "D3")]
    for sheet, cell in places:
        assert workbook[sheet][cell].data_type == "s", (sheet, cell)
    review = rows(workbook["Review"])
    assert {r[5] for r in review} >= set(FORMULA_NAMES[:3])
    calamine = CalamineWorkbook.from_path(str(plan_path))
    teams = calamine.get_sheet_by_name("Teams").to_python()
    assert [r[2] for r in teams[3:5]] == list(FORMULA_NAMES[:2])
    rotation = calamine.get_sheet_by_name("Rotation").to_python()
    assert rotation[1][1] == FORMULA_NAMES[2]


def test_every_sheet_reads_back_with_calamine(plan_path: Path) -> None:
    calamine = CalamineWorkbook.from_path(str(plan_path))
    assert calamine.sheet_names == SHEETS
    for name in SHEETS:
        assert calamine.get_sheet_by_name(name).to_python(), name


def test_japanese_names_give_a_wider_name_column_than_ascii(tmp_path: Path) -> None:
    ascii_names = {i: "Abcdefghijkl" for i in ("E1", "E2", "E3", "E4", "E7")}
    japanese = {i: "山田太郎山田太郎山田太郎" for i in ascii_names}
    widths = []
    for label, names in (("ascii", ascii_names), ("japanese", japanese)):
        path = write_sample(tmp_path / f"{label}.xlsx", sample_instance(names))
        widths.append(openpyxl.load_workbook(path)["Teams"].column_dimensions["C"].width)
    assert widths[1] > widths[0]


def test_plan_without_teams_or_rotation_still_has_every_sheet(tmp_path: Path) -> None:
    plan = Plan(status=SolveStatus.OPTIMAL)
    path = write_sample(tmp_path / "empty.xlsx", plan=plan)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == SHEETS
    assert len(rows(workbook["Teams"])) == 1
    (table,) = workbook["Teams"].tables.values()
    assert table.ref == "A1:G2"


def test_many_teams_chart_counts_teams_by_number_of_departments(tmp_path: Path) -> None:
    instance = random_company(400, 6, 70, seed=3, team_size=(2, 8))
    available = [e.employee_id for e in instance.available_employees]
    teams = tuple(
        TeamAssignment(team=t.name, members=tuple(available[i * 4 : i * 4 + 4]))
        for i, t in enumerate(instance.teams)
    )
    plan = Plan(status=SolveStatus.FEASIBLE, teams=teams)
    path = tmp_path / "many.xlsx"
    write_plan(
        path,
        instance,
        plan,
        effect=unchanged_network(instance),
        checks=CheckReport(),
        run_info=sample_run_info(),
    )
    summary = openpyxl.load_workbook(path)["Summary"]
    (table,) = [t for t in summary.tables.values() if t.displayName == "TeamsByDepartments"]
    counts = [r for r in summary[table.ref]][1:]
    assert sum(r[1].value for r in counts) == 70


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_plan_workbook_opens_in_libreoffice(plan_path: Path, tmp_path: Path) -> None:
    convert(plan_path, "xlsx", tmp_path / "out", tmp_path)
    converted = tmp_path / "out" / "plan.xlsx"
    assert converted.is_file()
    resaved = openpyxl.load_workbook(converted)
    assert resaved.sheetnames == SHEETS
    assert resaved["Teams"]["C4"].value == FORMULA_NAMES[0]
    assert resaved["Teams"]["C4"].data_type == "s"


def _only_sheets(path: Path, keep: set[str], out: Path) -> Path:
    """A copy of the workbook at ``path`` with every sheet but ``keep`` hidden (a hidden
    sheet is not printed); rewritten in the file itself, as openpyxl drops pictures."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = re.sub(r"<sheet [^>]*>", lambda m: _hidden(m[0], keep), data.decode())
                data = text.encode()
            target.writestr(item, data)
    return out


def _hidden(element: str, keep: set[str]) -> str:
    """A ``<sheet>`` element of workbook.xml, its state hidden unless its name is kept."""
    name = re.search(r'name="([^"]+)"', element)
    if name is None or name[1] in keep:
        return element
    element = re.sub(r'\s+state="[^"]*"', "", element)
    return element.replace("<sheet ", '<sheet state="hidden" ', 1)


def _pdf_pages(pdf: Path) -> list[tuple[float, float, str]]:
    """Each page of ``pdf``: width and height in points, and its text laid out."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    pages = []
    for number, (width, height) in enumerate(sizes, start=1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages.append((float(width), float(height), text))
    return pages


A4_LANDSCAPE = (841.9, 595.3)
"""Points: 297 x 210 mm."""


@pytest.mark.soffice
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler is not installed",
)
def test_summary_and_teams_print_one_page_wide_on_a4_landscape(
    plan_path: Path, tmp_path: Path
) -> None:
    """Printed by LibreOffice: every page is A4 landscape, and no column spills onto a
    page of its own: each page repeats its sheet's first row (the print title) and holds
    column A, the Teams page every column."""
    shown = _only_sheets(plan_path, {"Summary", "Teams"}, tmp_path / "two.xlsx")
    convert(shown, "pdf", tmp_path, tmp_path)
    pages = _pdf_pages(tmp_path / "two.pdf")
    for width, height, _ in pages:
        assert (width, height) == pytest.approx(A4_LANDSCAPE, abs=1)
    texts = [text for _, _, text in pages]
    summary = [t for t in texts if "Plan for company.xlsx" in t]
    teams = [t for t in texts if re.search(r"team\s+employee_id\s+name", t)]
    # every page is one of them: a spilled column would make a page with neither
    assert len(summary) + len(teams) == len(texts)
    assert texts[: len(summary)] == summary  # the Summary first, then Teams
    assert len(teams) == 1  # five members: one page, every column on it
    headers = r"\s+".join(TEAMS_COLUMNS)
    assert re.search(headers, teams[0])
    assert re.search(r"Beta\s+E7\s+山田太郎\s+Finance\s+経理\s+Sales", teams[0])
    # the sentences alone on the first page, then the key figures with their last column,
    # then the solver's, the picture and the chart, each from a page of its own
    first, figures = summary[:2]
    assert "This plan forms 2 teams" in first and "to review" in first.casefold()
    assert "Key figures" not in first
    assert re.search(r"figure\s+before\s+after \(projected\)\s+change", figures)
    assert "Solver figures" not in figures
    assert len(summary) >= 5


@pytest.mark.slow
def test_large_plan_writes_in_well_under_a_minute(tmp_path: Path) -> None:
    instance = random_company(20_000, 40, 2_000, seed=1, team_size=(5, 12))
    available = [e.employee_id for e in instance.available_employees]
    size = len(available) // len(instance.teams)
    teams = tuple(
        TeamAssignment(team=t.name, members=tuple(available[i * size : (i + 1) * size]))
        for i, t in enumerate(instance.teams)
    )
    departments = [d.name for d in instance.departments]
    rotation = tuple(
        RotationStint(employee_id=e, period="P1", department=departments[i % len(departments)])
        for i, e in enumerate(available[:500])
    )
    instance = instance.model_copy(
        update={"periods": (*instance.periods, *sample_instance().periods)}
    )
    plan = Plan(status=SolveStatus.FEASIBLE, teams=teams, rotation=rotation)
    started = time.monotonic()
    write_plan(
        tmp_path / "large.xlsx",
        instance,
        plan,
        effect=unchanged_network(instance),
        checks=CheckReport(),
        run_info=sample_run_info(),
    )
    assert time.monotonic() - started < 45


def test_a_text_longer_than_a_cell_is_cut_visibly_and_listed_on_run_info(
    tmp_path: Path,
) -> None:
    """No reader passes such a name (cells over 10,000 characters are refused), but the
    writer holds to Excel's limit whatever it is given, and says so."""
    instance = sample_instance(names={"E2": "n" * 40_000})
    with pytest.warns(CutTextWarning) as warned:
        path = write_sample(tmp_path / "plan.xlsx", instance)
    book = openpyxl.load_workbook(path)
    cut = [str(w.message) for w in warned]
    assert cut and all(c.startswith(("Teams!", "Rotation!", "Review!")) for c in cut)
    sheet, cell = cut[0].split("!")
    text = book[sheet][cell].value
    assert len(text) == MAX_CELL_TEXT and text.endswith(CUT_MARK)
    listed = [
        v for f, v in book["Run Info"].iter_rows(min_row=2, values_only=True) if f == "cut_cell"
    ]
    assert [v.split(":")[0] for v in listed] == cut
    assert book.sheetnames[-1] == "Run Info"  # filled last, still in its place


def table_rows(sheet: Worksheet, name: str) -> list[tuple[object, ...]]:
    return [tuple(c.value for c in row) for row in sheet[sheet.tables[name].ref]]


def test_decisions_and_comments_carry_over_to_the_new_review_sheet(tmp_path: Path) -> None:
    decisions = (
        ReviewDecision(
            kind="team", employee_id="E2", team="Alpha", decision="lock", comment="key", row=12
        ),
        # E6 is in no team of this plan: the remove keeps a row of its own
        ReviewDecision(
            kind="team", employee_id="E6", team="Beta", decision="remove", comment="away", row=14
        ),
        ReviewDecision(
            kind="rotation",
            employee_id="E8",
            period="P2",
            department="Support",
            comment="ok",
            row=9,
        ),
    )
    path = tmp_path / "plan.xlsx"
    instance, plan = sample_instance(), sample_plan()
    write_plan(
        path,
        instance,
        plan,
        effect=unchanged_network(instance),
        checks=CheckReport(),
        run_info=sample_run_info(),
        decisions=decisions,
    )

    review = rows(openpyxl.load_workbook(path)["Review"])[H:]
    decided = [(r[0], r[4], r[1] or r[2], r[7], r[8]) for r in review if r[7] or r[8]]
    assert decided == [
        ("team", "E2", "Alpha", "lock", "key"),
        ("rotation", "E8", "P2", None, "ok"),
        ("team", "E6", "Beta", "remove", "away"),
    ]
    assert review[-1][5:7] == (FORMULA_NAMES[3], "Support")


def test_changes_sheet_has_each_comment_and_how_the_input_changed(tmp_path: Path) -> None:
    changes = (
        PlanChange(
            employee_id="E3",
            kind="team",
            what="left",
            before="Alpha",
            reason="E3 is now unavailable",
        ),
        PlanChange(
            employee_id="E6",
            kind="team",
            what="joined",
            after="Alpha",
            reason="refilled the seat of E3",
            comment="fine by me",
        ),
    )
    input_changes = InputChanges(
        same_input=False,
        has_basis=True,
        now_unavailable=("E3",),
        parts=(PartChange(part="Teams", changed=("Alpha",)),),
    )
    path = tmp_path / "plan.xlsx"
    instance, plan = sample_instance(), sample_plan()
    write_plan(
        path,
        instance,
        plan,
        effect=unchanged_network(instance),
        checks=CheckReport(),
        run_info=sample_run_info(),
        changes=changes,
        input_changes=input_changes,
    )

    sheet = openpyxl.load_workbook(path)["Changes"]
    assert table_rows(sheet, "Changes")[1:] == [
        ("E3", FORMULA_NAMES[0], "team", "left", "Alpha", None, "E3 is now unavailable", None),
        ("E6", FORMULA_NAMES[3], "team", "joined", None, "Alpha", "refilled the seat of E3",
         "fine by me"),
    ]  # fmt: skip
    assert dict(table_rows(sheet, "ChangesSummary")[1:]) == {  # type: ignore[arg-type]
        "changes": 2,
        "… is now unavailable": 1,
        "refilled the seat of …": 1,
    }
    assert table_rows(sheet, "InputChanges")[1:] == [
        ("Employees", "now unavailable", 1, "E3"),
        ("Teams", "changed", 1, "Alpha"),
    ]


def test_input_basis_is_hidden_and_holds_no_names(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Input Basis"]
    assert sheet.sheet_state == "hidden"
    cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None}
    assert {"E1", "Sales", "Alpha", "P1"} <= cells
    names = {e.name for e in sample_instance().employees}
    assert not any(name in cell for cell in cells for name in names)
