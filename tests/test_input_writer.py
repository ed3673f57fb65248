"""write_input writes any PlanningInput as a workbook the reader reads back as it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import as_written

from crossteam.io.input_writer import RowOrder, write_input
from crossteam.io.reader import load_workbook, read_workbook
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    CompanyShape,
    HistoryEntry,
    PlanningInput,
    ProgrammeKind,
    RepeatPolicy,
    Settings,
    SkillNeed,
)
from crossteam.synthetic import generate_company


def round_trip(instance: PlanningInput, *, japanese: bool, wide_skills: bool) -> PlanningInput:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.xlsx"
        write_input(instance, path, japanese=japanese, wide_skills=wide_skills)
        result = read_workbook(path)
    assert result.errors == () and result.warnings == ()
    assert result.instance is not None
    return as_written(result.instance)


TEXT_PERIODS = ("2026-Q3", "Spring 2026", "2026", "第4期")
DATE_PERIODS = ("2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01")


@st.composite
def histories(draw: st.DrawFn, company: PlanningInput) -> PlanningInput:
    """``company`` with a valid History: known employees, one team each per period,
    periods of text in any order or of dates in date order, rows grouped by period."""
    dated = draw(st.booleans())
    pool = DATE_PERIODS if dated else TEXT_PERIODS
    periods = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
    if dated:
        periods.sort()
    ids = [e.employee_id for e in company.employees]
    departments = [d.name for d in company.departments]
    history: list[HistoryEntry] = []
    for period in periods:
        people = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=8, unique=True))
        for person in people:
            kind = draw(st.sampled_from(ProgrammeKind))
            pool_of = ["Past A", "Past B", "7"] if kind is ProgrammeKind.TEAM else departments
            target = draw(st.sampled_from(pool_of))
            history.append(
                HistoryEntry(employee_id=person, period=period, kind=kind, target=target)
            )
    return company.validated_with(history=tuple(history), history_periods=tuple(periods))


@st.composite
def companies(draw: st.DrawFn) -> PlanningInput:
    """Small synthetic companies, some changed where the generator never goes: extra
    Employees columns, hard Balance rules, needs of one concrete team, settings away from
    their defaults, no Interactions sheet, no wishes, a History."""
    company = generate_company(
        draw(st.integers(20, 45)),
        draw(st.integers(1, 5)),
        draw(st.integers(0, 10_000)),
        japanese=draw(st.booleans()),
        periods=draw(st.integers(1, 4)),
        shape=draw(st.sampled_from(CompanyShape)),
    )
    if draw(st.booleans()):
        grades = st.sampled_from(["G1", "G2", "G3"])
        company = company.with_changes(
            employees=tuple(
                e.model_copy(update={"attributes": {**e.attributes, "grade": draw(grades)}})
                for e in company.employees
            ),
            balance_rules=(
                *company.balance_rules,
                BalanceRule(attribute="grade", mode=BalanceMode.DIVERSIFY, hard=True),
            ),
        )
    if draw(st.booleans()) and company.team_specs[0].count > 1:
        extra = SkillNeed(skill=company.skills[0], min_level=1, min_count=1)
        last = company.teams[company.team_specs[0].count - 1]
        own = last.model_copy(update={"skill_needs": (*last.skill_needs, extra)})
        teams = tuple(own if t.name == last.name else t for t in company.teams)
        company = company.with_changes(teams=teams)
    if draw(st.booleans()):
        chosen = Settings(
            random_seed=company.settings.random_seed,
            assign_everyone=draw(st.booleans()),
            weight_bridging=draw(st.sampled_from([0.0, 2.5, 7.0])),
            repeat_teammates=draw(st.sampled_from(RepeatPolicy)),
            repeat_host=draw(st.sampled_from(RepeatPolicy)),
            history_periods=draw(st.none() | st.integers(0, 3)),
            max_programmes_per_employee=draw(st.none() | st.integers(1, 2)),
        )
        company = company.with_changes(settings=chosen)
    if draw(st.booleans()):
        company = company.with_changes(interactions=(), has_interactions_sheet=False)
    if draw(st.booleans()):
        company = company.with_changes(preferences=())
    if draw(st.booleans()):
        company = draw(histories(company))
    return company


@settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(company=companies(), japanese=st.booleans(), wide_skills=st.booleans())
def test_read_of_write_is_the_same_planning_input(
    company: PlanningInput, japanese: bool, wide_skills: bool
) -> None:
    assert round_trip(company, japanese=japanese, wide_skills=wide_skills) == company


def test_a_team_rule_naming_a_spec_is_written_as_the_spec(tmp_path: Path) -> None:
    company = generate_company(150, 10, seed=0)
    rule = next(r for r in company.rules if len(r.targets) > 1)
    spec = next(s for s in company.team_specs if f"{s.name}-1" == rule.targets[0])
    assert rule.targets == tuple(team.name for team in spec.expand())
    path = tmp_path / "input.xlsx"
    write_input(company, path)
    rows = list(openpyxl.load_workbook(path)["Rules"].iter_rows(min_row=2, values_only=True))
    assert (rule.kind.value, rule.employee_id, spec.name, rule.note) in rows
    assert as_written(load_workbook(path)).rules == company.rules


def test_row_order_lists_departments_and_priority_pairs_as_given(tmp_path: Path) -> None:
    company = generate_company(150, 10, seed=0)
    departments = tuple(sorted(d.name for d in company.departments))
    pair = (company.priorities[0].department_b, company.priorities[0].department_a)
    path = tmp_path / "input.xlsx"
    write_input(company, path, order=RowOrder(departments=departments, priorities=(pair,)))
    workbook = openpyxl.load_workbook(path)
    written = [row[0] for row in workbook["Departments"].iter_rows(min_row=2, values_only=True)]
    assert written == list(departments)
    priorities = list(workbook["Priorities"].iter_rows(min_row=2, values_only=True))
    assert priorities[0][:2] == pair
    assert len(priorities) == len(company.priorities)
    assert as_written(load_workbook(path)) == company, "the order changes no meaning"


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    company = generate_company(30, 3, seed=0)
    first = company.employees[0].model_copy(update={"name": "=HYPERLINK(1)"})
    company = company.with_changes(employees=(first, *company.employees[1:]))
    path = tmp_path / "input.xlsx"
    write_input(company, path)
    cell = openpyxl.load_workbook(path)["Employees"]["B2"]
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def test_history_is_written_grouped_by_period_and_read_back_in_its_order(
    tmp_path: Path,
) -> None:
    company = generate_company(30, 3, seed=0)
    first, second = company.employees[0].employee_id, company.employees[1].employee_id
    host = company.departments[-1].name

    def entry(person: str, period: str, kind: ProgrammeKind, target: str) -> HistoryEntry:
        return HistoryEntry(employee_id=person, period=period, kind=kind, target=target)

    history = (
        entry(first, "2026-Q1", ProgrammeKind.TEAM, "Past"),
        entry(second, "2025-Q4", ProgrammeKind.ROTATION, host),
        entry(second, "2026-Q1", ProgrammeKind.TEAM, "Past"),
    )
    # Q4 listed first although its row comes second: the writer groups rows by period
    company = company.validated_with(history=history, history_periods=("2025-Q4", "2026-Q1"))
    path = tmp_path / "input.xlsx"
    write_input(company, path)
    rows = list(openpyxl.load_workbook(path)["History"].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in rows] == ["2025-Q4", "2026-Q1", "2026-Q1"]
    read_back = as_written(load_workbook(path))
    assert read_back.history_periods == ("2025-Q4", "2026-Q1")
    assert set(read_back.history) == set(history)
    assert read_back.preferences == company.preferences != ()


def test_no_preferences_or_history_sheet_when_there_are_none(tmp_path: Path) -> None:
    company = generate_company(30, 3, seed=0).with_changes(preferences=())
    path = tmp_path / "input.xlsx"
    write_input(company, path)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert "Preferences" not in names and "History" not in names
