"""Sweep grids: which settings each scenario changes (the file is read by ``io.grid_reader``).

A grid key is a Settings name (``weight_bridging``) or a team spec field
(``teams.<spec>.count``). ``vary`` gives lists whose cartesian product makes the
scenarios; ``scenarios`` lists them one by one. Every problem is reported at its YAML
line or sheet cell, and every scenario is built once before the sweep, so that it never
starts with a scenario that cannot be planned. Format: docs/sweep.md.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast

from pydantic import ValidationError

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.models import (
    PART_SETTINGS,
    RULE_TARGET,
    PlanningInput,
    Preference,
    Problem,
    ProgrammeKind,
    Settings,
    TeamSpec,
    objective_extent,
    team_names,
    validated_copy,
)
from crossteam.models.sweep import GridEntry, GridPlace, GridValue, WrittenGrid
from crossteam.models.text import shown
from crossteam.models.wording import describe_validation_error

TEAMS_PREFIX: Final = "teams."
TEAM_FIELDS: Final = ("count", "min_size", "max_size", "min_departments", "max_per_department")
"""TeamSpec fields a grid may change (``teams.<spec>.<field>``)."""
HEADCOUNT_FIELDS: Final = ("count", "min_size", "max_size", "max_per_department")
"""Team fields a grid may not set above the number of employees (a workbook's cell above it
is reduced or refused by the reader; a grid value is written for the sweep, so refused)."""
FIXED_SETTINGS: Final = frozenset({"workers", "default_min_on_site", "default_host_capacity"})
"""Settings a grid may not change; why is ``terminal.grid_fixed.<setting>``."""
MAX_SCENARIOS: Final = 1000


@dataclass(frozen=True)
class Scenario:
    """One plan to make: the base instance with ``changes`` applied."""

    index: int
    name: str
    changes: dict[str, GridValue]


@dataclass(frozen=True)
class Grid:
    """The scenarios of a sweep, in order; scenario 0 is the baseline others are compared to."""

    scenarios: tuple[Scenario, ...]
    keys: tuple[str, ...]
    """Every grid key used, in the order the grid names them."""
    source: str = ""


class ScenarioConflict(ValueError):
    """A scenario's changes cannot be applied; ``key`` is the grid key to blame."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def scenario_instance(instance: PlanningInput, changes: Mapping[str, GridValue]) -> PlanningInput:
    """``instance`` with the settings and team specs in ``changes``, validated again.

    Team counts are expanded anew (``teams.Launch.count: 3`` gives Launch-1 ... Launch-3)
    and team rules that name a spec are re-pointed at its new teams. Every number keeps to
    the ranges the reader holds a workbook to, the objective's extent included.

    Raises:
        ScenarioConflict: a value is invalid, or the instance no longer holds together.
    """
    if not changes:
        return instance
    setting_changes = {k: v for k, v in changes.items() if not k.startswith(TEAMS_PREFIX)}
    team_changes: dict[str, dict[str, GridValue]] = defaultdict(dict)
    key_of: dict[str, str] = {}
    for key, value in changes.items():
        if key.startswith(TEAMS_PREFIX):
            spec, team_field = split_team_key(key)
            team_changes[spec][team_field] = value
            key_of.setdefault(spec, key)
    first_key = next(iter(changes))
    try:
        settings = validated_copy(instance.settings, **setting_changes)
    except ValidationError as invalid:
        error = invalid.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else first_key
        raise ScenarioConflict(key, f"{key} {describe_validation_error(error)}") from None
    update: dict[str, Any] = {"settings": settings}
    if team_changes:
        update.update(_team_update(instance, team_changes, key_of))
    try:
        changed = instance.validated_with(**update)
    except ValidationError as invalid:
        raise ScenarioConflict(first_key, describe_validation_error(invalid.errors()[0])) from None
    extent = objective_extent(changed)
    if not extent.fits:
        given = [k for k in PART_SETTINGS[extent.largest] if k in changes]
        blamed = max(given, key=lambda k: getattr(settings, k)) if given else first_key
        raise ScenarioConflict(blamed, extent.message())
    return changed


def _team_update(
    instance: PlanningInput,
    team_changes: Mapping[str, Mapping[str, GridValue]],
    key_of: Mapping[str, str],
) -> dict[str, Any]:
    """New team specs, their teams expanded, and team rules pointed at them."""
    specs: list[TeamSpec] = []
    for spec in instance.team_specs:
        if spec.name not in team_changes:
            specs.append(spec)
            continue
        try:
            specs.append(validated_copy(spec, **team_changes[spec.name]))
        except ValidationError as invalid:
            error = invalid.errors()[0]
            key = key_of[spec.name]
            if error["loc"]:
                key = f"{TEAMS_PREFIX}{spec.name}.{error['loc'][0]}"
            problem = describe_validation_error(error)
            raise ScenarioConflict(
                key, i18n.t("terminal.grid_team_invalid", team=shown(spec.name), problem=problem)
            ) from None
        employees = len(instance.employees)
        for team_field in HEADCOUNT_FIELDS:
            value = team_changes[spec.name].get(team_field)
            if isinstance(value, int | float) and value > employees:
                raise ScenarioConflict(
                    f"{TEAMS_PREFIX}{spec.name}.{team_field}",
                    i18n.t(
                        "terminal.grid_team_too_large",
                        team=shown(spec.name),
                        field=team_field,
                        value=value,
                        employees=employees,
                    ),
                )
    # TeamSkills rows naming one concrete team (Launch-2) stay with that team
    spec_needs = {s.name: len(s.skill_needs) for s in instance.team_specs}
    own_needs = {t.name: t.skill_needs[spec_needs[t.spec] :] for t in instance.teams}
    teams = tuple(team for spec in specs for team in spec.expand(own_needs))
    names_of = {spec.name: team_names(spec.name, spec.count) for spec in specs}
    formed = {t.name for t in teams}
    rules = []
    for rule in instance.rules:
        if RULE_TARGET[rule.kind] == "team":
            if rule.target in names_of:
                rule = rule.model_copy(update={"targets": names_of[rule.target]})
            lost = sorted(set(rule.targets) - formed)
            if lost:
                lost_spec = instance.team_by_name[lost[0]].spec
                if rule.row is not None:
                    sheet = i18n.name("Rules")
                    lost_team = i18n.t(
                        "terminal.grid_rule_team_lost", rules=sheet, row=rule.row, team=lost[0]
                    )
                else:
                    lost_team = i18n.t("terminal.grid_a_rule_team_lost", team=lost[0])
                raise ScenarioConflict(
                    key_of.get(lost_spec, next(iter(key_of.values()))), lost_team
                )
        rules.append(rule)
    return {
        "team_specs": tuple(specs),
        "teams": teams,
        "rules": tuple(rules),
        "preferences": _team_wishes_pointed(instance, names_of, formed),
    }


def _team_wishes_pointed(
    instance: PlanningInput, names_of: Mapping[str, tuple[str, ...]], formed: set[str]
) -> tuple[Preference, ...]:
    """Team wishes pointed at the teams a scenario forms: a wish for a spec names every
    team of it, and a wish for a team the scenario does not form is left out (it cannot
    be granted, and a wish, unlike a rule, asks for nothing that must hold)."""
    old_names = {spec.name: team_names(spec.name, spec.count) for spec in instance.team_specs}
    wishes = []
    for wish in instance.preferences:
        if wish.kind is ProgrammeKind.TEAM:
            spec = instance.team_by_name[wish.targets[0]].spec
            whole_spec = set(wish.targets) == set(old_names[spec])
            targets = (
                names_of[spec] if whole_spec else tuple(t for t in wish.targets if t in formed)
            )
            if not targets:
                continue
            wish = wish.model_copy(update={"targets": targets})
        wishes.append(wish)
    return tuple(wishes)


def split_team_key(key: str) -> tuple[str, str]:
    """``teams.Product Launch.count`` -> (``Product Launch``, ``count``)."""
    spec, _, team_field = key.removeprefix(TEAMS_PREFIX).rpartition(".")
    return spec, team_field


# ---------------------------------------------------------------------------- checking


def build_grid(written: WrittenGrid, instance: PlanningInput) -> Grid:
    """The scenarios of a grid as ``io.grid_reader.read_grid`` found it, each applied to
    ``instance`` here, so that each problem (an unknown setting, a value out of range, a
    team rule left without its team) is reported before any solve.

    Raises:
        InputError: every problem at its line or cell.
    """
    return _grid(written, instance, written.source)


def _grid(loaded: WrittenGrid, instance: PlanningInput, source: str) -> Grid:
    problems: list[Problem] = []
    checked: list[GridEntry] = []
    for entry in _entries(loaded):
        for key, (value, place) in entry.values.items():
            message = _key_problem(key, value, instance)
            if message is not None:
                problems.append(place.problem(message))
        checked.append(entry)
        if len(checked) > MAX_SCENARIOS:
            place = loaded.vary_place or entry.place
            too_many = i18n.t("terminal.grid_too_many", most=MAX_SCENARIOS)
            raise InputError([place.problem(too_many)])
    if not checked:
        empty = i18n.t("terminal.grid_empty")
        problems.append(Problem(sheet=_source_name(source), message=empty))
    if not problems:
        for entry in checked:
            problems.extend(_scenario_problems(entry, instance))
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
    keys = list(loaded.vary)
    for entry in loaded.explicit:
        keys.extend(k for k in entry.values if k not in keys)
    scenarios = tuple(
        Scenario(
            index=index,
            name=entry.name or i18n.t("terminal.baseline"),
            changes=_changes(entry),
        )
        for index, entry in enumerate(checked)
    )
    return Grid(scenarios=scenarios, keys=tuple(keys), source=source)


def _entries(loaded: WrittenGrid) -> Iterator[GridEntry]:
    """The product of ``vary`` (first key slowest, as written), then the explicit ones;
    an unnamed scenario is named after the values that set it apart."""
    if loaded.vary:
        keys = list(loaded.vary)
        varied = [k for k in keys if len(loaded.vary[k]) > 1]
        place = loaded.vary_place or GridPlace("grid")
        for combination in itertools.product(*(loaded.vary[k] for k in keys)):
            values = dict(zip(keys, combination, strict=True))
            yield GridEntry(_values_name(values, varied), place, values)
    for entry in loaded.explicit:
        if entry.name is None:
            entry.name = _values_name(entry.values, list(entry.values))
        yield entry


def _values_name(values: Mapping[str, tuple[object, GridPlace]], keys: list[str]) -> str:
    return ", ".join(f"{k}={values[k][0]}" for k in keys) or i18n.t("terminal.baseline")


def _key_problem(key: str, value: object, instance: PlanningInput) -> str | None:
    """Why ``key: value`` cannot be in a grid, or ``None``."""
    if key.startswith(TEAMS_PREFIX):
        spec, team_field = split_team_key(key)
        specs = {s.name for s in instance.team_specs}
        if spec not in specs:
            known = i18n.listed(sorted(specs)) or i18n.t("terminal.none")
            sheet = i18n.name("Teams")
            return i18n.t("terminal.grid_no_team", team=spec, sheet=sheet, known=known)
        if team_field not in TEAM_FIELDS:
            fields = ", ".join(TEAM_FIELDS)
            return i18n.t("terminal.grid_team_field", field=team_field, fields=fields)
    elif key in FIXED_SETTINGS:
        reason = i18n.t(f"terminal.grid_fixed.{key}")
        return i18n.t("terminal.grid_fixed", key=key, reason=reason)
    elif key not in Settings.model_fields:
        return i18n.t("terminal.grid_unknown_key", key=key)
    if isinstance(value, bool | int | float | str):
        return None
    return i18n.t("terminal.grid_value_kind", key=key, value=_describe(value))


def _scenario_problems(entry: GridEntry, instance: PlanningInput) -> list[Problem]:
    changes = _changes(entry)
    try:
        scenario_instance(instance, changes)
    except ScenarioConflict as conflict:
        place = entry.values[conflict.key][1] if conflict.key in entry.values else entry.place
        return [
            place.problem(i18n.t("terminal.grid_in_scenario", problem=conflict, name=entry.name))
        ]
    return []


def _changes(entry: GridEntry) -> dict[str, GridValue]:
    """An entry's values, once ``_key_problem`` has found each one a GridValue."""
    return {k: cast(GridValue, value) for k, (value, _) in entry.values.items()}


def _describe(value: object) -> str:
    if value is None:
        return i18n.t("terminal.value_empty")
    if isinstance(value, list | tuple):
        return i18n.t("terminal.value_list")
    if isinstance(value, dict):
        return i18n.t("terminal.value_mapping")
    return i18n.t("terminal.value_other", kind=type(value).__name__, value=value)


def _source_name(source: str) -> str:
    return Path(source).name
