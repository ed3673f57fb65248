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
    PlanningInput,
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


@st.composite
def companies(draw: st.DrawFn) -> PlanningInput:
    """Small synthetic companies, some changed where the generator never goes: extra
    Employees columns, hard Balance rules, needs of one concrete team, settings away from
    their defaults, no Interactions sheet."""
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
        )
        company = company.with_changes(settings=chosen)
    if draw(st.booleans()):
        company = company.with_changes(interactions=(), has_interactions_sheet=False)
    return company


@settings(
    max_examples=15,
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
