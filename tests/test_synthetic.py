"""The synthetic company (crossteam.synthetic): realistic shape, feasible planning tasks,
valid workbooks."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from solving import by_work
from workbooks import as_written

from crossteam.errors import InputError
from crossteam.io.example_workbook import write_example
from crossteam.io.input_writer import write_input
from crossteam.io.reader import read_workbook
from crossteam.models import (
    RULE_TARGET,
    CompanyShape,
    PlanningInput,
    RuleKind,
    TeamSpec,
)
from crossteam.synthetic import (
    SKILL_SUPPLY_FACTOR,
    default_departments,
    generate_company,
)
from crossteam.synthetic.company import written_order


@pytest.fixture(scope="module")
def company() -> PlanningInput:
    return generate_company(1000, 20, seed=7)


def _department_of(company: PlanningInput) -> dict[str, str]:
    return {e.employee_id: e.department for e in company.employees}


def _tied_department_pairs(company: PlanningInput) -> set[frozenset[str]]:
    department = _department_of(company)
    return {
        frozenset((department[i.employee_a], department[i.employee_b]))
        for i in company.interactions
        if department[i.employee_a] != department[i.employee_b]
    }


def _team_names(company: PlanningInput) -> dict[str, list[str]]:
    """Spec name -> its concrete teams, as the contract names them."""
    return {
        spec.name: [spec.name]
        if spec.count == 1
        else [f"{spec.name}-{k}" for k in range(1, spec.count + 1)]
        for spec in company.team_specs
    }


@pytest.mark.parametrize(("employees", "departments"), [(150, 10), (1000, 20), (200, 40)])
def test_sizes_ids_and_departments_are_as_asked(employees: int, departments: int) -> None:
    company = generate_company(employees, departments, seed=0)
    ids = [e.employee_id for e in company.employees]
    sizes = Counter(_department_of(company).values())
    assert len(ids) == len(set(ids)) == employees
    assert len(company.departments) == len(sizes) == departments
    assert {d.name for d in company.departments} == set(sizes)
    assert min(sizes.values()) >= 3
    assert max(sizes.values()) >= 2 * min(sizes.values())


def test_department_names_look_real_and_repeat_numbered() -> None:
    names = list(written_order(200, 40, seed=0)[1])  # as the Departments sheet lists them
    assert names[:10] == [
        "Sales", "Customer Support", "Product Development", "Planning", "Marketing",
        "Finance", "HR", "QA", "Logistics", "Legal",
    ]  # fmt: skip
    assert {"Sales 2", "Sales 3"} <= set(names)
    assert len(set(names)) == 40


def test_about_five_percent_are_unavailable_and_some_not_rotation_eligible(
    company: PlanningInput,
) -> None:
    unavailable = sum(1 for e in company.employees if not e.available)
    not_eligible = sum(1 for e in company.employees if not e.rotation_eligible)
    assert 20 <= unavailable <= 90
    assert 80 <= not_eligible <= 250


def test_locations_cluster_by_department(company: PlanningInput) -> None:
    by_department: dict[str, Counter[str]] = {}
    for e in company.employees:
        by_department.setdefault(e.department, Counter())[e.location] += 1
    main_share = [c.most_common(1)[0][1] / c.total() for c in by_department.values()]
    overall = Counter(e.location for e in company.employees)
    assert np.mean(main_share) > overall.most_common(1)[0][1] / overall.total() + 0.1


def test_skills_cluster_by_department(company: PlanningInput) -> None:
    department = _department_of(company)
    holders: dict[str, Counter[str]] = {}
    for e in company.employees:
        for skill, level in e.skills.items():
            assert 1 <= level <= 5
            holders.setdefault(skill, Counter())[department[e.employee_id]] += 1
    # Department-specific skills are held mostly in one or two departments.
    concentrated = [
        skill
        for skill, c in holders.items()
        if sum(n for _, n in c.most_common(2)) > 0.6 * c.total()
    ]
    assert len(concentrated) >= len(holders) // 2
    assert {e.employee_id for e in company.employees if e.skills} == set(department), (
        "everyone holds a skill"
    )


def test_interactions_are_distinct_pairs_of_known_people(company: PlanningInput) -> None:
    ids = {e.employee_id for e in company.employees}
    pairs = [(i.employee_a, i.employee_b) for i in company.interactions]
    assert all(a in ids and b in ids and a < b for a, b in pairs)
    assert len(set(pairs)) == len(pairs)
    assert all(i.weight > 0 for i in company.interactions)


def test_ties_are_about_sixteen_per_person_and_dense_inside_departments(
    company: PlanningInput,
) -> None:
    department = _department_of(company)
    ties = len(company.interactions)
    assert 12 * 1000 <= ties <= 20 * 1000
    sizes = Counter(department.values())
    internal = sum(
        1 for i in company.interactions if department[i.employee_a] == department[i.employee_b]
    )
    internal_pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    cross_pairs = 1000 * 999 // 2 - internal_pairs
    assert internal / internal_pairs > 10 * (ties - internal) / cross_pairs


def test_heads_of_department_span_boundaries_more_than_most(company: PlanningInput) -> None:
    department = _department_of(company)
    cross: Counter[str] = Counter()
    for i in company.interactions:
        if department[i.employee_a] != department[i.employee_b]:
            cross.update((i.employee_a, i.employee_b))
    heads = [e.employee_id for e in company.employees if e.role.startswith("Head of")]
    assert len(heads) == 20
    average = cross.total() / len(department)
    assert np.mean([cross[h] for h in heads]) > 1.5 * average


@pytest.mark.parametrize("departments", [10, 20, 40])
def test_a_sizeable_share_of_department_pairs_is_silent(departments: int) -> None:
    company = generate_company(max(150, 25 * departments), departments, seed=2)
    pairs = departments * (departments - 1) // 2
    silent = pairs - len(_tied_department_pairs(company))
    assert silent >= 0.3 * pairs
    # ... yet every department talks to some other one.
    talking = {d for pair in _tied_department_pairs(company) for d in pair}
    assert len(talking) == departments


def test_priorities_link_customer_facing_departments_to_product_development() -> None:
    company = generate_company(150, 10, seed=0)
    names = {d.name for d in company.departments}
    weight = {frozenset((p.department_a, p.department_b)): p.weight for p in company.priorities}
    assert weight[frozenset(("Sales", "Product Development"))] == 3
    assert all(p.department_a in names and p.department_b in names for p in company.priorities)
    assert all(w > 0 for w in weight.values())
    # The link that matters most is one nobody has yet.
    assert frozenset(("Sales", "Product Development")) not in _tied_department_pairs(company)


def test_department_policies_leave_room_to_rotate(company: PlanningInput) -> None:
    for d in company.departments:
        assert 0.7 <= d.min_on_site <= 0.85
        assert 1 <= d.host_capacity <= 3
    assert 1 <= sum(1 for d in company.departments if not d.can_host) < len(company.departments)


@pytest.mark.parametrize(
    ("employees", "departments"), [(150, 10), (200, 40), (1000, 20), (5000, 40)]
)
def test_team_seats_never_exceed_the_available_people(employees: int, departments: int) -> None:
    company = generate_company(employees, departments, seed=4)
    available = sum(1 for e in company.employees if e.available)
    teams = sum(spec.count for spec in company.team_specs)
    seats = sum(spec.count * spec.max_size for spec in company.team_specs)
    assert teams == len(company.teams)
    assert seats <= available
    assert round(employees / 10) * 0.9 <= teams <= round(employees / 10)
    assert any(spec.count > 1 for spec in company.team_specs)
    for spec in company.team_specs:
        assert 5 <= spec.min_size <= spec.max_size <= 8
        assert 3 <= spec.min_departments <= departments
        assert spec.max_per_department is not None
        assert spec.max_per_department * spec.min_departments >= spec.min_size


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_skill_need_is_met_many_times_over(seed: int) -> None:
    company = generate_company(200, 40, seed=seed)
    demand: Counter[tuple[str, int]] = Counter()
    for spec in company.team_specs:
        for need in spec.skill_needs:
            demand[(need.skill, need.min_level)] += spec.count * need.min_count
    assert demand
    for (skill, level), needed in demand.items():
        qualified = sum(
            1 for e in company.employees if e.available and e.skills.get(skill, 0) >= level
        )
        assert qualified >= SKILL_SUPPLY_FACTOR * needed, (skill, level)


def test_rules_are_about_distinct_available_people_and_consistent(company: PlanningInput) -> None:
    employee = {e.employee_id: e for e in company.employees}
    departments = {d.name: d for d in company.departments}
    teams = {t for names in _team_names(company).values() for t in names}
    kinds = Counter(rule.kind for rule in company.rules)
    assert set(kinds) == set(RuleKind)
    people = [r.employee_id for r in company.rules] + [
        r.targets[0] for r in company.rules if RULE_TARGET[r.kind] == "employee"
    ]
    assert len(people) == len(set(people))
    for rule in company.rules:
        person = employee[rule.employee_id]
        assert person.available, "rules are about available people"
        match RULE_TARGET[rule.kind]:
            case "employee":
                assert len(rule.targets) == 1 and employee[rule.targets[0]].available
            case "team":
                assert rule.targets and set(rule.targets) <= teams
            case "department":
                assert len(rule.targets) == 1
                assert rule.targets[0] in departments and rule.targets[0] != person.department
            case None:
                assert rule.targets == ()
        if rule.kind is RuleKind.ROTATE_TO:
            assert person.rotation_eligible and departments[rule.targets[0]].can_host
            home = person.department
            headcount = departments[home].headcount
            spare = headcount - math.ceil(departments[home].min_on_site * headcount - 1e-9)
            sent = sum(
                1
                for r in company.rules
                if r.kind is rule.kind and employee[r.employee_id].department == home
            )
            assert sent <= spare, f"{home} cannot spare {sent}"
        if rule.kind is RuleKind.TOGETHER:
            assert person.department != employee[rule.targets[0]].department
        if rule.kind is RuleKind.APART:
            assert person.department == employee[rule.targets[0]].department


def test_balance_periods_and_settings_are_set() -> None:
    company = generate_company(150, 10, seed=0, periods=8)
    assert [rule.mode for rule in company.balance_rules] == ["no_lone", "diversify"]
    assert company.balance_rules[0].value in {e.location for e in company.employees}
    assert [p.label for p in company.periods][:5] == [
        "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1",
    ]  # fmt: skip
    assert len(company.periods) == 8
    assert company.settings.assign_everyone is False
    assert company.settings.random_seed == 0


def test_same_seed_same_company_other_seed_other_company() -> None:
    assert generate_company(300, 12, seed=5) == generate_company(300, 12, seed=5)
    other = generate_company(300, 12, seed=6)
    first = generate_company(300, 12, seed=5)
    assert other.employees != first.employees
    assert other.interactions != first.interactions


def test_japanese_company_uses_japanese_names_departments_teams_and_headers() -> None:
    company, departments, _ = written_order(150, 10, seed=0, japanese=True)
    assert departments[:4] == ("営業部", "カスタマーサポート部", "製品開発部", "企画部")
    assert all(not e.name.isascii() for e in company.employees)
    assert all(not spec.name.isascii() for spec in company.team_specs)
    assert [rule.attribute for rule in company.balance_rules] == ["location", "department"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"employees": 50, "departments": 20}, "cannot fill 20 departments"),
        ({"employees": 10, "departments": 2}, "at least 20 employees"),
        ({"employees": 150, "departments": 0}, "at least 1 department"),
        ({"employees": 150, "departments": 10, "teams": 40}, "seats"),
        ({"employees": 150, "departments": 10, "periods": 0}, "at least 1 period"),
    ],
)
def test_impossible_sizes_are_refused_as_input_errors(
    arguments: dict[str, int], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        generate_company(**arguments)


@pytest.mark.parametrize(
    ("employees", "departments", "japanese"),
    [(150, 10, False), (150, 10, True), (200, 40, False), (1000, 20, True)],
)
def test_written_example_validates_without_errors_or_warnings(
    tmp_path: Path, employees: int, departments: int, japanese: bool
) -> None:
    path = tmp_path / "company.xlsx"
    write_example(path, employees, departments, seed=3, japanese=japanese)
    result = read_workbook(path)
    assert result.errors == ()
    assert result.warnings == ()
    instance = result.instance
    assert instance is not None
    assert len(instance.employees) == employees
    assert len(instance.departments) == departments
    company = generate_company(employees, departments, seed=3, japanese=japanese)
    assert len(instance.teams) == len(company.teams)
    assert len(instance.rules) == len(company.rules)
    assert len(instance.interactions) == len(company.interactions)
    assert as_written(instance) == company, "the generator gives what its workbook says"


def test_wide_skills_matrix_reads_back_as_the_same_skills(tmp_path: Path) -> None:
    long_path, wide_path = tmp_path / "long.xlsx", tmp_path / "wide.xlsx"
    write_example(long_path, 80, 6, seed=2)
    write_example(wide_path, 80, 6, seed=2, wide_skills=True)
    headers = next(openpyxl.load_workbook(wide_path, read_only=True)["Skills"].iter_rows(
        max_row=1, values_only=True))  # fmt: skip
    assert "level" not in headers and len(headers) > 10
    wide, long = read_workbook(wide_path), read_workbook(long_path)
    assert wide.errors == () and wide.warnings == ()
    assert wide.instance is not None and long.instance is not None
    assert [e.skills for e in wide.instance.employees] == [
        e.skills for e in long.instance.employees
    ]


def test_japanese_workbook_has_japanese_sheet_names_headers_and_yes_no(tmp_path: Path) -> None:
    path = tmp_path / "ja.xlsx"
    write_example(path, 60, 5, seed=0, japanese=True)
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert workbook.sheetnames[0] == "社員"
    headers, *rows = workbook["社員"].iter_rows(values_only=True)
    assert headers[:3] == ("社員ID", "氏名", "部署")
    assert all(not header.isascii() for header in headers)
    assert {row[5] for row in rows} | {row[6] for row in rows} == {"はい", "いいえ"}
    balance = [row[0] for row in workbook["バランス"].iter_rows(min_row=2, values_only=True)]
    assert balance == ["所在地", "部署"], "Balance rules name the Japanese headers"


def test_write_input_writes_a_changed_company(tmp_path: Path) -> None:
    """Benchmarks change a generated company (e.g. teams of 12-13) and write it."""
    company = generate_company(100, 5, seed=0)
    spec = TeamSpec(name="Everyone", count=7, min_size=12, max_size=13)
    changed = company.with_changes(
        team_specs=(spec,), teams=spec.expand(), rules=(), preferences=()
    )
    path = tmp_path / "changed.xlsx"
    write_input(changed, path)
    result = read_workbook(path)
    assert result.errors == ()
    assert result.instance is not None
    assert [t.name for t in result.instance.teams][-1] == "Everyone-7"


@pytest.mark.slow
def test_planner_finds_a_plan_that_passes_every_check(tmp_path: Path) -> None:
    """Feasibility end to end on the bundled example's shape, checked independently."""

    from crossteam.checks import verify
    from crossteam.network import analyse
    from crossteam.planner import solve

    path = tmp_path / "company.xlsx"
    write_example(path, 150, 10, seed=0)
    instance = read_workbook(path).instance
    assert instance is not None
    plan = solve(instance, analyse(instance), by_work(0.5))
    assert plan.status in {"optimal", "feasible"}
    assert len(plan.teams) == len(instance.teams)
    assert plan.rotation
    report = verify(instance, plan)
    assert report.results
    assert report.failures == ()


@pytest.mark.parametrize("seed", range(6))
def test_rotate_to_rules_leave_every_home_enough_available_people(
    tmp_path: Path, seed: int
) -> None:
    # unavailable people are not on site: a rotate_to must come from available spare staff
    from crossteam.planner.prechecks import precheck_rotation

    path = tmp_path / "company.xlsx"
    write_example(path, employees=200, departments=8, seed=seed)
    instance = read_workbook(path).instance
    assert instance is not None
    assert precheck_rotation(instance) == []


def _silent_pairs(company: PlanningInput) -> list[tuple[str, str]]:
    departments = sorted(d.name for d in company.departments)
    tied = _tied_department_pairs(company)
    return [
        (a, b)
        for i, a in enumerate(departments)
        for b in departments[i + 1 :]
        if frozenset((a, b)) not in tied
    ]


@pytest.mark.parametrize("seed", range(3))
def test_realistic_shape_has_heavy_tailed_department_sizes(seed: int) -> None:
    # as in a real e-mail network of ~1,000 people in ~40 departments: several of 1-4
    # people, a median in the teens, one of a hundred or more
    company = generate_company(1000, 40, seed=seed, shape=CompanyShape.REALISTIC)
    sizes = sorted(Counter(_department_of(company).values()).values())
    assert len(sizes) == 40 and sum(sizes) == 1000
    assert sizes[0] == 1
    assert sum(size <= 4 for size in sizes) >= 4
    assert sum(size <= 10 for size in sizes) >= 10
    assert 10 <= sizes[20] <= 25
    assert sizes[-1] >= 100


@pytest.mark.parametrize("seed", range(3))
def test_realistic_shape_leaves_a_fifth_to_a_third_of_pairs_silent_mostly_small_ones(
    seed: int,
) -> None:
    company = generate_company(1000, 40, seed=seed, shape=CompanyShape.REALISTIC)
    size = Counter(_department_of(company).values())
    silent = _silent_pairs(company)
    assert 0.18 * 780 <= len(silent) <= 0.33 * 780
    on_small = [pair for pair in silent if min(size[pair[0]], size[pair[1]]) <= 10]
    assert len(on_small) >= 0.8 * len(silent)
    # the core of large departments talks to itself
    large = sorted(size, key=size.__getitem__)[-8:]
    assert not [pair for pair in silent if set(pair) <= set(large)]


def test_realistic_shape_ties_are_dense_inside_departments() -> None:
    company = generate_company(1000, 40, seed=0, shape=CompanyShape.REALISTIC)
    department = _department_of(company)
    inside = sum(department[i.employee_a] == department[i.employee_b] for i in company.interactions)
    outside = len(company.interactions) - inside
    pairs = {(i.employee_a, i.employee_b) for i in company.interactions}
    assert len(pairs) == len(company.interactions)
    assert inside > outside  # E-I index below zero
    assert 20 <= 2 * len(company.interactions) / 1000 <= 40


def test_the_example_command_writes_the_realistic_shape_by_default(tmp_path: Path) -> None:
    from crossteam.cli import main

    path = tmp_path / "company.xlsx"
    with pytest.raises(SystemExit) as done:
        main(["example", str(path), "--employees", "500"])
    assert done.value.code == 0
    result = read_workbook(path)
    assert result.errors == () and result.warnings == ()
    instance = result.instance
    assert instance is not None
    # departments grow with the square root of the headcount; the smallest has 1-2 people
    assert len(instance.departments) == default_departments(500, CompanyShape.REALISTIC) == 28
    sizes = Counter(e.department for e in instance.employees)
    assert min(sizes.values()) <= 2
    classic = generate_company(500, 10, seed=0)
    assert min(Counter(_department_of(classic).values()).values()) >= 3


@pytest.mark.slow
def test_a_realistic_company_gets_a_plan_that_passes_every_check(tmp_path: Path) -> None:
    from crossteam.checks import verify
    from crossteam.network import analyse
    from crossteam.planner import solve

    path = tmp_path / "company.xlsx"
    write_example(path, 300, 12, seed=1, shape=CompanyShape.REALISTIC)
    instance = read_workbook(path).instance
    assert instance is not None
    # what is asserted is a checked plan, which a short search finds as well as a long one
    plan = solve(instance, analyse(instance), by_work(1.5, workers=1))
    assert plan.status in {"optimal", "feasible"}
    assert plan.silent_pairs_ceiling is not None
    assert verify(instance, plan).failures == ()
