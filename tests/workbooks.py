"""Building small input workbooks for tests: a valid company, and a writer to vary it.

Tests take ``company()``, change a cell or a sheet, and write it with ``write_workbook``.
Row lists are plain values exactly as a user would type them in Excel.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from crossteam.models import PlanningInput

Sheets = dict[str, list[list[object]]]


def company() -> Sheets:
    """A small valid company using every sheet; a fresh copy on each call.

    E7 (row 8 of Employees) is referenced nowhere else, so breaking that row causes no
    knock-on problems on other sheets.
    """
    return {
        "Employees": [
            [
                "employee_id",
                "name",
                "department",
                "role",
                "location",
                "available",
                "rotation_eligible",
                "tenure",
            ],
            ["E1", "Sato Hana", "Sales", "Manager", "Tokyo", "yes", "yes", 12],
            ["E2", "Suzuki Ken", "Sales", "Rep", "Osaka", "yes", "no", 3],
            ["E3", "Tanaka Yui", "Development", "Engineer", "Tokyo", "yes", "yes", 5],
            ["E4", "Ito Ren", "Development", "Engineer", "Osaka", "no", "yes", 7],
            ["E5", "Kato Mei", "Support", "Agent", "Tokyo", "yes", "yes", 2],
            ["E6", "Abe Sho", "Support", "Lead", "Osaka", "yes", "yes", 9],
            ["E7", "Mori Aoi", "Support", "Agent", "Tokyo", "yes", "yes", 1],
        ],
        "Skills": [
            ["employee_id", "skill", "level"],
            ["E1", "Negotiation", 4],
            ["E3", "Python", 5],
            ["E5", "Python", 2],
        ],
        "Interactions": [
            ["employee_a", "employee_b", "weight"],
            ["E1", "E2", 3],
            ["E3", "E4", 1],
            ["E2", "E1", 2],
            ["E5", "E6", None],
        ],
        "Departments": [
            ["department", "min_on_site", "host_capacity", "can_host", "critical_skills"],
            ["Sales", 0.5, 1, "yes", "Negotiation"],
            ["Development", "75%", None, "no", None],
        ],
        "Priorities": [
            ["department_a", "department_b", "weight"],
            ["Support", "Development", 2],
        ],
        "Teams": [
            ["team", "count", "min_size", "max_size", "min_departments", "max_per_department"],
            ["Voice", 2, 2, 3, 2, None],
            ["Solo", None, None, None, None, None],
        ],
        "TeamSkills": [
            ["team", "skill", "min_level", "min_count"],
            ["Voice", "Python", 2, 1],
        ],
        "Balance": [
            ["attribute", "mode", "weight", "value"],
            ["location", "no_lone", 1, "Osaka"],
            ["tenure", "balance", "hard", None],
        ],
        "Periods": [["period"], ["2027-Q1"], ["2027-Q2"]],
        "Rules": [
            ["rule", "employee_id", "target", "note"],
            ["apart", "E1", "E2", "same project"],
            ["in_team", "E3", "Voice", None],
            ["rotate_to", "E5", "Sales", None],
            ["no_rotation", "E6", None, None],
        ],
        "Settings": [
            ["setting", "value"],
            ["time_limit_seconds", 5],
            ["assign_everyone", "no"],
        ],
    }


def write_workbook(path: Path, sheets: Sheets) -> Path:
    """Write ``sheets`` (title -> rows, first row the header) to ``path`` and return it."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        worksheet = workbook.create_sheet(title)
        for row in rows:
            worksheet.append(row)
    workbook.save(path)
    return path


def put(sheets: Sheets, sheet: str, row: int, column: str, value: object) -> None:
    """Set the cell of Excel row ``row`` under header ``column`` (rows are 1-based)."""
    rows = sheets[sheet]
    index = rows[0].index(column)
    while len(rows) < row:
        rows.append([None] * len(rows[0]))
    rows[row - 1][index] = value


def drop_column(sheets: Sheets, sheet: str, column: str) -> None:
    index = sheets[sheet][0].index(column)
    for row in sheets[sheet]:
        del row[index]


def as_written(instance: PlanningInput) -> PlanningInput:
    """``instance`` without where it was read from (file, Excel rows): what a workbook says."""
    return instance.with_changes(
        source=None,
        employees=tuple(e.model_copy(update={"row": None}) for e in instance.employees),
        balance_rules=tuple(b.model_copy(update={"row": None}) for b in instance.balance_rules),
        rules=tuple(r.model_copy(update={"row": None}) for r in instance.rules),
        preferences=tuple(p.model_copy(update={"row": None}) for p in instance.preferences),
        history=tuple(h.model_copy(update={"row": None}) for h in instance.history),
    )
