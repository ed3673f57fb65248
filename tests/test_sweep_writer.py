"""The sweep workbook: a row per scenario with the front marked, a scatter chart of the
front, and every scenario's plan reachable on the Plans and Rotation sheets."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from soffice import convert
from sweep_company import company

from crossteam.io.sweep_writer import write_sweep
from crossteam.models import PlanningInput
from crossteam.models.sweep import ScenarioResult, SweepResult
from crossteam.network import analyse
from crossteam.sweep import Scenario, solve_scenario
from crossteam.sweep.engines import failed
from crossteam.sweep.front import compare_scenarios

LIMITS = {"time_limit_seconds": 30.0, "deterministic_time_limit": 1.0}
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> PlanningInput:
    return company(tmp_path_factory.mktemp("company"))


@pytest.fixture(scope="module")
def result(instance: PlanningInput) -> SweepResult:
    """Three real scenarios solved in-process and one whose worker kept dying."""
    scenarios = [
        Scenario(i, f"diversity {w}", {**LIMITS, "weight_diversity": w})
        for i, w in enumerate((0, 1, 8))
    ]
    report = analyse(instance)
    results: list[ScenarioResult] = [solve_scenario(instance, report, s) for s in scenarios]
    lost = Scenario(3, "lost", {**LIMITS, "weight_diversity": 2})
    results.append(failed(lost, 3, "its worker process died 3 times"))
    marked, criteria = compare_scenarios(results)
    return SweepResult(
        scenarios=marked,
        keys=(*LIMITS, "weight_diversity"),
        criteria=criteria,
        engine="local",
        processes=2,
        seconds=9.0,
    )


@pytest.fixture(scope="module")
def workbook_path(
    tmp_path_factory: pytest.TempPathFactory, instance: PlanningInput, result: SweepResult
) -> Path:
    path = tmp_path_factory.mktemp("sweep") / "sweep.xlsx"
    write_sweep(path, instance, result)
    return path


def records(path: Path, sheet: str) -> list[dict[str, object]]:
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_one_row_per_scenario_with_its_settings_figures_and_front_mark(
    workbook_path: Path, result: SweepResult
) -> None:
    rows = records(workbook_path, "Scenarios")
    assert [r["scenario"] for r in rows] == [0, 1, 2, 3]
    assert [r["weight_diversity"] for r in rows] == [0, 1, 8, 2]
    for row, scenario in zip(rows, result.scenarios, strict=True):
        assert row["pareto"] == ("yes" if scenario.pareto else None)
        assert row["silent_pairs_bridged"] == scenario.silent_pairs_bridged
        assert row["changed_vs_baseline"] == pytest.approx(scenario.changed_share)
    assert any(s.pareto for s in result.scenarios)
    assert [r["checks"] for r in rows[:3]] == ["passed"] * 3
    assert rows[3]["status"] == "failed"
    assert rows[3]["note"] == "its worker process died 3 times"


def test_front_rows_are_filled_and_others_are_not(workbook_path: Path, result: SweepResult) -> None:
    sheet = openpyxl.load_workbook(workbook_path)["Scenarios"]
    for offset, scenario in enumerate(result.scenarios):
        fill = sheet.cell(row=2 + offset, column=1).fill.fgColor.rgb
        assert fill.endswith("C6EFCE") == scenario.pareto


def test_every_plan_is_reachable_member_by_member(
    workbook_path: Path, instance: PlanningInput, result: SweepResult
) -> None:
    plans = records(workbook_path, "Plans")
    expected = [
        (s.scenario, t.team, m) for s in result.scenarios for t in s.teams for m in t.members
    ]
    assert [(r["scenario"], r["team"], r["employee_id"]) for r in plans] == expected
    by_id = instance.employee_by_id
    assert all(r["department"] == by_id[str(r["employee_id"])].department for r in plans)
    stints = records(workbook_path, "Rotation")
    assert len(stints) == sum(len(s.rotation) for s in result.scenarios) > 0


def test_front_chart_is_a_scatter_of_every_plan_and_of_the_efficient_ones(
    workbook_path: Path, result: SweepResult
) -> None:
    with zipfile.ZipFile(workbook_path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        root = ElementTree.fromstring(archive.read(charts[0]))
    [scatter] = root.iter(f"{{{CHART}}}scatterChart")
    series = scatter.findall(f"{{{CHART}}}ser")
    assert len(series) == 2
    planned = sum(s.has_plan for s in result.scenarios)
    efficient = sum(s.pareto for s in result.scenarios)
    points = []
    for one in series:
        ranges = [f.text or "" for f in one.iter(f"{{{CHART}}}f")]
        assert len(ranges) == 2 and all(r.startswith("'Front'!") for r in ranges)
        first, last = re.findall(r"\$(\d+)", ranges[0])
        points.append(int(last) - int(first) + 1)
    assert points == [planned, efficient]


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_sweep_workbook(workbook_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    convert(workbook_path, "pdf", out, tmp_path)
    assert (out / "sweep.pdf").stat().st_size > 10_000
