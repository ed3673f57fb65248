"""The Teams sheet (team specs, a ``count`` expanding into numbered teams) and the TeamSkills
sheet (the skills a team needs), and the specs and teams they make."""

from __future__ import annotations

from typing import Any

from crossteam import i18n
from crossteam.io.labels import label
from crossteam.io.reader.context import EMPLOYEES, TEAMS, Reading, TeamRow
from crossteam.io.reader.names import look_alike
from crossteam.io.reader.references import held_skill, unknown_team
from crossteam.io.reader.table import Row, Table
from crossteam.models import SkillNeed, Team, TeamSpec, team_names
from crossteam.models.text import shown

DEFAULT_MIN_SIZE = 3
DEFAULT_MAX_SIZE = 8
_SPEC_COLUMNS = ("count", "min_size", "max_size", "min_departments", "max_per_department")


def read_teams(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    name_rows: dict[str, int] = {}
    """Every team name taken so far, expanded ones too -> its row."""
    for row in reading.rows(table):
        _read_team(reading, row, name_rows)


def _read_team(reading: Reading, row: Row, name_rows: dict[str, int]) -> None:
    name = row.get("team")
    spec = {column: row.get(column) for column in _SPEC_COLUMNS}
    team_index = row.index("team")
    if name is None:
        reading.blank_names["team"].append(str(row.cell(team_index)))
        return
    earlier = reading.team_spellings.add(name, row.cell(team_index))
    if earlier is not None:
        outcome = i18n.t("reader.two_teams")
        row.warn(team_index, look_alike(i18n.t("reader.what.team"), name, earlier, outcome))
    names = _expanded_names(reading, row, name, spec["count"] or 1)
    taken = [n for n in (name, *names) if n in name_rows]
    if taken:
        row.error(
            team_index,
            i18n.t("reader.team_used", team=shown(taken[0]), first=name_rows[taken[0]]),
        )
        return
    name_rows.update(dict.fromkeys((name, *names), row.number))
    reading.team_names[name] = names
    reading.team_names.update({n: (n,) for n in names})
    _check_sizes(reading, row, spec)
    if row.ok:
        reading.team_rows.append(TeamRow(_with_default_sizes(spec, name), names))


def _expanded_names(reading: Reading, row: Row, name: str, count: int) -> tuple[str, ...]:
    """The concrete teams a row names: itself, or ``name-1`` ... ``name-count``."""
    most = max(len(reading.employee_rows), 1)
    if count > most:  # also keeps a hostile count from making millions of names
        if EMPLOYEES not in reading.unreadable:
            row.error(
                row.index("count"),
                i18n.t("reader.count_above_headcount", count=count, employees=most),
            )
        count = 1
    return team_names(name, count)


def _check_sizes(reading: Reading, row: Row, spec: dict[str, Any]) -> None:
    """Sizes kept to the headcount, and a minimum no larger than the maximum."""
    if spec["min_size"] is not None:
        reading.no_more_than_headcount(row, "min_size", spec["min_size"], "team")
    for column in ("max_size", "max_per_department"):
        if spec[column] is not None:
            # never below min_size: that team is told about once, above
            spec[column] = reading.at_most_headcount(
                row, row.index(column), column, spec[column], floor=spec["min_size"]
            )
    min_size, max_size = spec["min_size"], spec["max_size"]
    if min_size is not None and max_size is not None and min_size > max_size:
        row.error(
            row.index("min_size"),
            i18n.t(
                "reader.min_above_max",
                min_column=label("min_size"),
                min_size=min_size,
                max_column=label("max_size"),
                max_size=max_size,
            ),
        )


def _with_default_sizes(spec: dict[str, Any], name: str) -> dict[str, Any]:
    """The spec's given values, its name, and sizes filled in where left blank."""
    min_size, max_size = spec["min_size"], spec["max_size"]
    if min_size is None:
        min_size = DEFAULT_MIN_SIZE if max_size is None else min(DEFAULT_MIN_SIZE, max_size)
    if max_size is None:
        max_size = max(DEFAULT_MAX_SIZE, min_size)
    given = {k: v for k, v in spec.items() if v is not None}
    return {**given, "name": name, "min_size": min_size, "max_size": max_size}


def read_team_skills(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    for row in reading.rows(table):
        team = row.get("team")
        skill = row.get("skill")
        need = {k: v for k in ("min_level", "min_count") if (v := row.get(k)) is not None}
        if "min_count" in need:
            reading.no_more_than_headcount(row, "min_count", need["min_count"], "team")
        if team is not None and team not in reading.team_names and TEAMS not in reading.unreadable:
            unknown_team(reading, row, row.index("team"), team)
        if skill is not None:
            skill = held_skill(reading, row, "skill", skill)
        if row.ok and team is not None and skill is not None:
            reading.skill_needs[team].append(SkillNeed(skill=skill, **need))


def specs_and_teams(reading: Reading) -> tuple[tuple[TeamSpec, ...], tuple[Team, ...]]:
    """The Teams rows as specs, and the concrete teams they expand into."""
    specs: list[TeamSpec] = []
    teams: list[Team] = []
    for row in reading.team_rows:
        spec = TeamSpec(
            **row.spec, skill_needs=tuple(reading.skill_needs.get(row.spec["name"], ()))
        )
        specs.append(spec)
        # TeamSkills rows naming one concrete team (Ops-2) add to the spec's needs
        own = {n: reading.skill_needs.get(n, []) for n in row.names if n != spec.name}
        teams.extend(spec.expand(own))
    return tuple(specs), tuple(teams)
