"""Sweep grids: scenarios from YAML and from a Sweep sheet, each applied to the instance
and re-validated, and every bad entry reported at its YAML line or sheet cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sweep_company import company
from workbooks import company as small_company
from workbooks import write_workbook

from crossteam.errors import InputError
from crossteam.io.grid_reader import read_grid
from crossteam.io.reader import load_workbook
from crossteam.models import PlanningInput, RuleKind
from crossteam.sweep import build_grid, scenario_instance


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> PlanningInput:
    return company(tmp_path_factory.mktemp("company"))


@pytest.fixture(scope="module")
def spec(instance: PlanningInput) -> str:
    """The team spec that the example's team rules name (by spec and by one of its teams)."""
    rule = instance.rules_of(RuleKind.NOT_IN_TEAM)[0]
    assert rule.target in {s.name for s in instance.team_specs}
    return rule.target


def yaml_grid(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "grid.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, instance: PlanningInput) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(InputError) as raised:
        build_grid(read_grid(path), instance)
    return [(p.row, p.column, p.message) for p in raised.value.problems]


def test_vary_gives_the_product_first_key_slowest_named_by_what_varies(
    tmp_path: Path, instance: PlanningInput
) -> None:
    path = yaml_grid(
        tmp_path,
        "vary:\n  time_limit_seconds: 5\n  weight_bridging: [5, 20]\n  random_seed: [1, 2, 3]\n",
    )
    grid = build_grid(read_grid(path), instance)
    assert [s.index for s in grid.scenarios] == list(range(6))
    assert [(s.changes["weight_bridging"], s.changes["random_seed"]) for s in grid.scenarios] == [
        (5, 1), (5, 2), (5, 3), (20, 1), (20, 2), (20, 3),
    ]  # fmt: skip
    assert all(s.changes["time_limit_seconds"] == 5 for s in grid.scenarios)
    assert grid.scenarios[4].name == "weight_bridging=20, random_seed=2"
    assert grid.keys == ("time_limit_seconds", "weight_bridging", "random_seed")


def test_explicit_scenarios_follow_the_product_with_their_own_names(
    tmp_path: Path, instance: PlanningInput, spec: str
) -> None:
    path = yaml_grid(
        tmp_path,
        "vary:\n  weight_diversity: [1, 3]\n"
        "scenarios:\n"
        "  - name: deep skills\n    weight_skill_depth: 2\n"
        f"  - teams.{spec}.max_size: 9\n",
    )
    grid = build_grid(read_grid(path), instance)
    assert [s.name for s in grid.scenarios] == [
        "weight_diversity=1",
        "weight_diversity=3",
        "deep skills",
        f"teams.{spec}.max_size=9",
    ]
    assert grid.scenarios[2].changes == {"weight_skill_depth": 2}
    assert grid.keys == ("weight_diversity", "weight_skill_depth", f"teams.{spec}.max_size")


def test_scenario_instance_changes_settings_and_keeps_everything_else(
    instance: PlanningInput,
) -> None:
    changed = scenario_instance(instance, {"weight_bridging": 25, "assign_everyone": True})
    assert changed.settings.weight_bridging == 25
    assert changed.settings.assign_everyone is True
    assert changed.settings.weight_diversity == instance.settings.weight_diversity
    assert changed.teams == instance.teams
    assert changed.employees == instance.employees
    assert instance.settings.weight_bridging != 25  # the base is untouched


def test_team_count_reexpands_teams_and_repoints_rules_that_name_the_spec(
    instance: PlanningInput, spec: str
) -> None:
    base = next(s for s in instance.team_specs if s.name == spec)
    changed = scenario_instance(instance, {f"teams.{spec}.count": base.count + 2})
    names = [t.name for t in changed.teams if t.spec == spec]
    assert names == [f"{spec}-{i}" for i in range(1, base.count + 3)]
    others = [t for t in instance.teams if t.spec != spec]
    assert [t for t in changed.teams if t.spec != spec] == others
    not_in = changed.rules_of(RuleKind.NOT_IN_TEAM)[0]
    assert not_in.targets == tuple(names)
    assert next(s for s in changed.team_specs if s.name == spec).count == base.count + 2


def test_team_size_change_reaches_every_team_of_the_spec(
    instance: PlanningInput, spec: str
) -> None:
    changed = scenario_instance(instance, {f"teams.{spec}.max_size": 12})
    assert {t.max_size for t in changed.teams if t.spec == spec} == {12}


def test_unknown_and_fixed_keys_are_reported_at_their_line(
    tmp_path: Path, instance: PlanningInput
) -> None:
    path = yaml_grid(
        tmp_path,
        "vary:\n"
        "  weight_bridging: [5, 10]\n"
        "  weight_brigding: [1]\n"
        "  workers: [1, 2]\n"
        "  teams.Nobody.count: [2]\n",
    )
    found = problems(path, instance)
    assert [(row, column) for row, column, _ in found] == [
        (3, "weight_brigding"),
        (4, "workers"),
        (5, "teams.Nobody.count"),
    ]  # each once, though every scenario of the product holds them
    assert "neither a setting" in found[0][2]
    assert "one worker" in found[1][2]
    assert "no team 'Nobody'" in found[2][2]


def test_out_of_range_value_is_reported_at_its_own_list_item(
    tmp_path: Path, instance: PlanningInput
) -> None:
    path = yaml_grid(tmp_path, "vary:\n  weight_bridging:\n    - 5\n    - -1\n")
    message = "weight_bridging must be at least 0 (in scenario weight_bridging=-1)"
    assert problems(path, instance) == [(4, "weight_bridging", message)]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (".inf", "weight_bridging must be a finite number"),
        ("-.inf", "weight_bridging must be a finite number"),
        (".nan", "weight_bridging must be a finite number"),
        ("1.0e+308", "weight_bridging must be at most 1,000,000"),
    ],
)
def test_non_finite_and_huge_values_are_reported_at_their_line(
    tmp_path: Path, instance: PlanningInput, value: str, words: str
) -> None:
    path = yaml_grid(tmp_path, f"vary:\n  weight_bridging:\n    - 5\n    - {value}\n")
    [(row, column, message)] = problems(path, instance)
    assert (row, column) == (4, "weight_bridging")
    assert message.startswith(words)


def test_a_seed_beyond_the_solver_range_is_reported_at_its_line(
    tmp_path: Path, instance: PlanningInput
) -> None:
    path = yaml_grid(tmp_path, f"scenarios:\n  - random_seed: {2**31}\n")
    [(row, column, message)] = problems(path, instance)
    assert (row, column) == (2, "random_seed")
    assert message.startswith("random_seed must be at most 2,147,483,647")


def test_team_sizes_above_the_headcount_are_refused_in_a_grid(
    tmp_path: Path, instance: PlanningInput, spec: str
) -> None:
    path = yaml_grid(tmp_path, f"vary:\n  teams.{spec}.max_size: [8, 100000]\n")
    [(row, column, message)] = problems(path, instance)
    assert (row, column) == (2, f"teams.{spec}.max_size")
    assert f"max_size 100,000 is more than the {len(instance.employees)} employees" in message


def test_a_team_named_in_a_range_message_has_its_unprintable_characters_escaped(
    tmp_path: Path,
) -> None:
    sheets = small_company()
    # a private-use character: text.clean keeps it, yet it prints as nothing
    for rows in sheets.values():
        for row in rows:
            row[:] = ["Voice\ue000" if cell == "Voice" else cell for cell in row]
    instance = load_workbook(write_workbook(tmp_path / "in.xlsx", sheets))
    path = yaml_grid(tmp_path, "vary:\n  teams.Voice\ue000.max_size: [100000]\n")
    [(row, column, message)] = problems(path, instance)
    assert (row, column) == (2, "teams.Voice\ue000.max_size")
    assert message.startswith("team Voice\\ue000: max_size 100,000 is more than the ")


def test_weights_whose_objective_could_overflow_are_refused_at_the_weight_to_blame(
    tmp_path: Path, instance: PlanningInput
) -> None:
    path = yaml_grid(
        tmp_path,
        "scenarios:\n"
        "  - name: loud\n"
        "    weight_diversity: 2\n"
        "    zero_tie_gap_weight: 1000000\n"
        "    weight_bridging: 500000\n",
    )
    [(row, column, message)] = problems(path, instance)
    assert (row, column) == (4, "zero_tie_gap_weight")  # the larger of the two
    assert "the objective could reach" in message and "(in scenario loud)" in message


def test_min_size_above_max_size_in_one_scenario_names_that_scenario(
    tmp_path: Path, instance: PlanningInput, spec: str
) -> None:
    path = yaml_grid(
        tmp_path,
        f"scenarios:\n  - name: fine\n    teams.{spec}.max_size: 9\n"
        f"  - name: too small\n    teams.{spec}.max_size: 1\n",
    )
    [(row, column, message)] = problems(path, instance)
    assert (row, column) == (5, f"teams.{spec}.max_size")
    assert "min_size" in message and "too small" in message


def test_a_count_that_drops_a_team_a_rule_names_is_reported_with_the_rules_row(
    tmp_path: Path, instance: PlanningInput, spec: str
) -> None:
    rule = instance.rules_of(RuleKind.IN_TEAM)[0]
    assert rule.target == f"{spec}-1"
    path = yaml_grid(tmp_path, f"vary:\n  teams.{spec}.count: [1]\n")
    [(row, column, message)] = problems(path, instance)
    assert (row, column) == (2, f"teams.{spec}.count")
    assert f"Rules row {rule.row} names team {spec}-1" in message


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("vary:\n  weight_bridging: [5, 10\n", 3, "not valid YAML"),
        ("- 1\n- 2\n", 1, "starts with 'vary:'"),
        ("vary:\n  weight_bridging: []\n", 2, "has no values"),
        ("vary:\n  weight_bridging: [[1, 2]]\n", 2, "not a list"),
        ("vary:\n  weight_bridging: [~]\n", 2, "not an empty value"),
        ("vary:\n  random_seed: [1]\n  random_seed: [2]\n", 3, "given twice"),
        ("variations:\n  random_seed: [1]\n", 1, "unknown section"),
        ("scenarios:\n  - 5\n", 2, "a scenario is a mapping"),
    ],
)
def test_malformed_yaml_is_reported_at_its_line(
    tmp_path: Path, instance: PlanningInput, text: str, line: int, words: str
) -> None:
    found = problems(yaml_grid(tmp_path, text), instance)
    assert found[0][0] == line
    assert words in found[0][2]


def test_a_grid_without_scenarios_is_refused(tmp_path: Path, instance: PlanningInput) -> None:
    found = problems(yaml_grid(tmp_path, "scenarios: []\n"), instance)
    assert "no scenario" in found[0][2]


def sweep_workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    workbook.active.title = "Employees"
    sheet = workbook.create_sheet("Sweep")
    for row in rows:
        sheet.append(row)
    path = tmp_path / "grid.xlsx"
    workbook.save(path)
    return path


def test_sweep_sheet_of_setting_rows_gives_the_product(
    tmp_path: Path, instance: PlanningInput, spec: str
) -> None:
    path = sweep_workbook(
        tmp_path,
        [["setting", "values"], ["weight_bridging", 5, 10, 20], [f"teams.{spec}.count", 2, 4]],
    )
    grid = build_grid(read_grid(path), instance)
    assert len(grid.scenarios) == 6
    assert grid.scenarios[5].changes == {"weight_bridging": 20, f"teams.{spec}.count": 4}


def test_sweep_sheet_of_scenario_rows_keeps_blank_cells_at_the_workbook_value(
    tmp_path: Path, instance: PlanningInput
) -> None:
    path = sweep_workbook(
        tmp_path,
        [
            ["scenario", "weight_bridging", "assign_everyone"],
            ["base"],
            ["everyone", None, True],
            ["bridging", 30],
        ],
    )
    grid = build_grid(read_grid(path), instance)
    assert [(s.name, s.changes) for s in grid.scenarios] == [
        ("base", {}),
        ("everyone", {"assign_everyone": True}),
        ("bridging", {"weight_bridging": 30}),
    ]


@pytest.mark.parametrize(
    "rows, cell, words",
    [
        ([["setting"], ["weight_bridging", 5], ["weight_learning"]], "B3", "has no values"),
        ([["setting"], ["weight_bridging", 5, "lots"]], "C2", "must be a number"),
        ([["scenario", "random_seed"], ["a", 1, 7]], "C2", "no setting in its header"),
        ([["name", "random_seed"]], "A1", "must say 'setting'"),
    ],
)
def test_sweep_sheet_problems_are_reported_at_their_cell(
    tmp_path: Path, instance: PlanningInput, rows: list[list[object]], cell: str, words: str
) -> None:
    with pytest.raises(InputError) as raised:
        build_grid(read_grid(sweep_workbook(tmp_path, rows)), instance)
    [problem] = raised.value.problems
    assert (problem.sheet, problem.cell) == ("Sweep", cell)
    assert words in problem.message


def test_a_workbook_without_a_sweep_sheet_is_refused(
    tmp_path: Path, instance: PlanningInput
) -> None:
    path = tmp_path / "plain.xlsx"
    Workbook().save(path)
    with pytest.raises(InputError, match="no Sweep sheet"):
        build_grid(read_grid(path), instance)


def test_team_wishes_follow_a_count_change_and_wishes_for_a_team_not_formed_drop(
    instance: PlanningInput, spec: str
) -> None:
    from crossteam.models import Preference, ProgrammeKind

    base = next(s for s in instance.team_specs if s.name == spec)
    assert base.count >= 2
    old = [t.name for t in instance.teams if t.spec == spec]
    who = instance.employees[0].employee_id
    wishes = (
        Preference(
            employee_id=who, kind=ProgrammeKind.TEAM, target=spec, targets=tuple(old), rank=1
        ),
        Preference(
            employee_id=who, kind=ProgrammeKind.TEAM, target=old[-1], targets=(old[-1],), rank=2
        ),
    )
    wishing = instance.validated_with(preferences=wishes)

    grown = scenario_instance(wishing, {f"teams.{spec}.count": base.count + 1})
    assert [w.targets for w in grown.preferences] == [
        tuple(t.name for t in grown.teams if t.spec == spec),
        (old[-1],),
    ]
    shrunk = scenario_instance(wishing, {f"teams.{spec}.count": base.count - 1})
    # the spec wish names the teams still formed; the wish for the last team is left out
    assert [(w.rank, w.targets) for w in shrunk.preferences] == [
        (1, tuple(t.name for t in shrunk.teams if t.spec == spec))
    ]
