"""The benchmark suite's quick mode, end to end: every stage of a 200-person company, each in
its own child process, and the Markdown report it writes. Nothing here asserts on time."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def suite(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    # on sys.path, not loaded from its file: the stages' child processes import it by name
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("suite")


def _tables(report: str) -> dict[str, list[list[str]]]:
    """Each ``## stage`` heading's table as rows of cells, its header row first."""
    tables: dict[str, list[list[str]]] = {}
    stage = None
    for line in report.splitlines():
        if line.startswith("## "):
            stage = line[3:]
            tables[stage] = []
        elif stage is not None and line.startswith("|") and not line.startswith("|:"):
            tables[stage].append([cell.strip() for cell in line.strip("|").split("|")])
    return tables


@pytest.mark.slow
def test_quick_suite_reports_every_stage_and_column_with_checked_plans(
    suite: ModuleType, tmp_path: Path
) -> None:
    out = tmp_path / "results" / "suite.md"
    suite.main(["--quick", "--sizes", "200", "--time-limit", "2", "--out", str(out)])

    tables = _tables(out.read_text(encoding="utf-8"))
    assert list(tables) == list(suite.STAGES)
    column = {name: i for i, name in enumerate(suite.COLUMNS)}
    for stage, (header, *rows) in tables.items():
        assert header == list(suite.COLUMNS), stage
        assert [row[column["size"]] for row in rows] == ["200"], stage
        (row,) = rows
        assert float(row[column["peak MB"]]) > 0, stage
        if stage in suite.PLANS:
            assert row[column["checks"]] == "passed", stage
            assert float(row[column["bound"]].replace(",", "")) >= float(
                row[column["objective"]].replace(",", "")
            ), stage
            assert row[column["zero-tie pairs bridged"]] != "-", stage


def test_departments_and_teams_scale_with_the_company(suite: ModuleType) -> None:
    sizes = [200, 1_000, 5_000, 20_000]
    assert [suite.departments_for(s) for s in sizes] == [10, 20, 40, 40]
    assert suite.teams_for(5_000) == 450
    assert all(10 <= s / suite.teams_for(s) <= 12 for s in sizes)


@pytest.fixture
def peer(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("peer")


def test_peer_cost_counts_every_department_off_its_rounded_share(peer: ModuleType) -> None:
    department_of = {"a1": "A", "a2": "A", "a3": "A", "a4": "A", "b1": "B", "b2": "B"}
    # shares 2/3 and 1/3: a team of 3 aims at 2 of A and 1 of B
    assert peer.diversify_cost([["a1", "a2", "b1"], ["a3", "a4", "b2"]], department_of) == 0
    assert peer.diversify_cost([["a1", "a2", "a3"], ["a4", "b1", "b2"]], department_of) == 4


def test_peer_yardsticks_deal_everyone_once_and_no_plan_beats_the_bound(
    peer: ModuleType,
) -> None:
    # 12 + 7 + 5 + 2 people: the odd ones out cannot all sit on target
    department_of = {
        f"{d}{i}": d for d, n in (("A", 12), ("B", 7), ("C", 5), ("D", 2)) for i in range(n)
    }
    sizes = peer.team_sizes(len(department_of))
    assert sizes == [13, 13]
    dealt = peer.round_robin(department_of, sizes)
    assert sorted(map(len, dealt)) == sorted(sizes)
    assert sorted(m for team in dealt for m in team) == sorted(department_of)
    bound = peer.cost_lower_bound(department_of, sizes)
    assert bound > 0
    assert peer.diversify_cost(dealt, department_of) >= bound
    everyone_in_order = sorted(department_of)
    split = [everyone_in_order[:13], everyone_in_order[13:]]
    assert peer.diversify_cost(split, department_of) > peer.diversify_cost(dealt, department_of)
