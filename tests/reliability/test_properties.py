"""Whatever small company a user describes, ``crossteam plan`` answers with a plan the
independent checker passes (exit 0), an explained refusal (exit 1) or located problems
(exit 2): never an exception (exit 3)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import openpyxl
import pytest
from conftest import run_main
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from crossteam.checks import verify
from crossteam.io.plan_reader import read_plan
from crossteam.io.reader import load_workbook

Sheets = dict[str, list[list[object]]]
SKILLS = ("Python", "Negotiation", "Design")
RULES = ("together", "apart", "in_team", "not_in_team", "rotate_to", "not_rotate_to", "no_rotation")


@st.composite
def companies(draw: st.DrawFn) -> Sheets:
    """A small company, sometimes impossible to plan and sometimes with a dangling reference."""
    departments = [f"D{n}" for n in range(draw(st.integers(2, 4)))]
    people = draw(st.integers(6, 18))
    ids = [f"E{n}" for n in range(1, people + 1)]
    yes_no = st.sampled_from(["yes", "yes", "yes", "no"])
    sheets: Sheets = {
        "Employees": [["employee_id", "name", "department", "available", "rotation_eligible"]]
        + [
            [e, f"Person {e}", draw(st.sampled_from(departments)), draw(yes_no), draw(yes_no)]
            for e in ids
        ],
        "Skills": [["employee_id", "skill", "level"]]
        + [[e, s, draw(st.integers(1, 5))] for e in ids for s in SKILLS if draw(st.booleans())],
        "Interactions": [["employee_a", "employee_b", "weight"]]
        + [[*pair, draw(st.integers(1, 3))] for pair in draw(_pairs(ids))],
        "Departments": [["department", "min_on_site", "host_capacity", "can_host"]]
        + [
            [d, draw(st.sampled_from([0, 0, 0.5, 1])), draw(st.integers(0, 3)), draw(yes_no)]
            for d in departments
        ],
        "Settings": [
            ["setting", "value"],
            ["time_limit_seconds", 1],
            ["workers", 1],
            ["assign_everyone", draw(st.sampled_from(["yes", "no", "no"]))],
        ],
    }
    teams = [f"T{n}" for n in range(draw(st.integers(0, 3)))]
    if teams:
        sheets["Teams"] = [["team", "count", "min_size", "max_size", "min_departments"]]
        for team in teams:
            low = draw(st.integers(2, 5))
            sheets["Teams"].append(
                [
                    team,
                    draw(st.integers(1, 2)),
                    low,
                    low + draw(st.integers(0, 3)),
                    draw(st.integers(1, len(departments))),
                ]
            )
        sheets["TeamSkills"] = [["team", "skill", "min_level", "min_count"]] + [
            [t, draw(st.sampled_from(SKILLS)), draw(st.integers(1, 5)), draw(st.integers(1, 2))]
            for t in teams
            if draw(st.booleans())
        ]
    periods = draw(st.integers(0, 3))
    if periods:
        sheets["Periods"] = [["period"]] + [[f"2027-Q{n + 1}"] for n in range(periods)]
    targets = {
        "together": ids,
        "apart": ids,
        "in_team": teams or ["T9"],
        "not_in_team": teams or ["T9"],
        "rotate_to": departments,
        "not_rotate_to": departments,
        "no_rotation": [None],
    }
    rules = draw(st.lists(st.sampled_from(RULES), max_size=2))
    sheets["Rules"] = [["rule", "employee_id", "target"]] + [
        [rule, draw(st.sampled_from([*ids, "E99"])), draw(st.sampled_from(targets[rule]))]
        for rule in rules
    ]
    return sheets


def _pairs(ids: list[str]) -> st.SearchStrategy[list[tuple[str, str]]]:
    return st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=30)


def write(sheets: Sheets, path: Path) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(company=companies())
def test_any_company_gets_a_checked_plan_or_a_clean_refusal(
    company: Sheets, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = write(company, Path(folder) / "company.xlsx")
        out = Path(folder) / "plan.xlsx"
        capsys.readouterr()

        code = run_main("plan", source, "-o", out, "--json")

        said = capsys.readouterr()
        event(f"exit {code}")
        assert code in (0, 1, 2), said.err
        assert "Traceback" not in said.err
        payload = json.loads(said.out)
        if code == 0:
            instance = load_workbook(source)
            report = verify(instance, read_plan(out, instance))
            assert report.passed, report.failures
        elif code == 1:
            assert payload["explanation"]
            assert not out.exists()
        else:
            assert payload["errors"]
            assert all(e["sheet"] for e in payload["errors"])
            assert not out.exists()
