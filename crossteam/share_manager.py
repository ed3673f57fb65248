"""The manager's copy of a plan: only the teams and rotations that involve one
department's people, and their Review rows (docs/privacy.md).

Others in those teams keep their name and department, never their role or skills.
Run Info is the plan's, with its input SHA-256, so that ``plan INPUT --review COPY``
knows the copy as a plan of this company and reads its decisions.
"""

from __future__ import annotations

from pathlib import Path

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.io.plan_layout import REVIEW, REVIEW_MARKS, ROTATION, SUMMARY, TEAMS
from crossteam.models import Problem
from crossteam.share import (
    CopiedSheet,
    ShareCopy,
    Sheet,
    as_list,
    copied_run_info,
    headcounts,
    share_facts,
    table_of,
    text_of,
)

_PRIVATE_TEAM_COLUMNS = ("role", "skills_covered")
"""Left empty on the rows of people of other departments."""


def manager_copy(plan: Path, sheets: dict[str, Sheet], department: str) -> ShareCopy:
    """The copy of the plan at ``plan`` for the manager of ``department``.

    Raises:
        InputError: the plan has nobody in ``department``.
    """
    if department not in headcounts(sheets):
        message = i18n.t("share.department_unknown", department=department)
        raise InputError([Problem(message=message)])
    teams, kept_teams = _teams(sheets[TEAMS], department)
    rotation, rotating = _rotation(sheets.get(ROTATION), department)
    summary = CopiedSheet(SUMMARY)
    summary.add([i18n.t("share.title.manager", department=department)])
    summary.add([i18n.t("share.note.manager")])
    copied = [
        summary,
        teams,
        *([rotation] if rotation is not None else []),
        *(
            r
            for r in (_review(sheets.get(REVIEW), kept_teams, rotating, department),)
            if r is not None
        ),
        copied_run_info(sheets, share_facts(plan, "manager", department)),
    ]
    return ShareCopy(tuple(copied), len(kept_teams), len(rotating), 0)


def _teams(sheet: Sheet, department: str) -> tuple[CopiedSheet, set[str]]:
    """The Teams rows of every team with someone of ``department``; the role and skills
    of the others left empty."""
    copied = CopiedSheet(TEAMS)
    table = table_of(sheet, "team", "employee_id")
    if table is None:
        return copied, set()
    at, columns = table
    copied.rows[1] = as_list(sheet.rows[at])
    rows = [(n, v) for n, v in sorted(sheet.rows.items()) if n > at]
    own = columns.get("department")
    kept = {text_of(v, columns["team"]) for _, v in rows if text_of(v, own) == department}
    private = {columns[c] for c in _PRIVATE_TEAM_COLUMNS if c in columns}
    for _, values in rows:
        if text_of(values, columns["team"]) not in kept:
            continue
        hide = private if text_of(values, own) != department else set()
        copied.add([None if c in hide else v for c, v in enumerate(as_list(values), 1)])
    return copied, kept


def _rotation(sheet: Sheet | None, department: str) -> tuple[CopiedSheet | None, set[str]]:
    """The Rotation rows of ``department``'s people, and of others only their periods
    hosted by ``department``; the ids of ``department``'s people on rotation."""
    table = table_of(sheet, "employee_id", "home_department")
    if sheet is None or table is None:
        return None, set()
    at, columns = table
    copied = CopiedSheet(ROTATION)
    copied.rows[1] = as_list(sheet.rows[at])
    fixed = {columns[c] for c in ("employee_id", "name", "home_department") if c in columns}
    own_people: set[str] = set()
    for number, values in sorted(sheet.rows.items()):
        if number <= at:
            continue
        own = text_of(values, columns["home_department"]) == department
        shown = [
            v if c in fixed or own or str(v).strip() == department else None
            for c, v in enumerate(as_list(values), 1)
        ]
        if own:
            own_people.add(text_of(values, columns["employee_id"]))
        if own or any(v is not None for c, v in enumerate(shown, 1) if c not in fixed):
            copied.add(shown)
    return copied, own_people


def _review(
    sheet: Sheet | None, teams: set[str], rotating: set[str], department: str
) -> CopiedSheet | None:
    """The Review sheet's instructions, header, and the rows of the kept teams, of
    ``department``'s people on rotation and of the stints it hosts."""
    table = table_of(sheet, *REVIEW_MARKS)
    if sheet is None or table is None:
        return None
    at, columns = table
    copied = CopiedSheet(REVIEW)
    for number, values in sorted(sheet.rows.items()):
        if number <= at:
            copied.rows[number] = as_list(values)
            continue
        kind = i18n.canonical(text_of(values, columns.get("kind")), ("team", "rotation"))
        team = text_of(values, columns.get("team"))
        who = text_of(values, columns.get("employee_id"))
        host = text_of(values, columns.get("host_department"))
        if (kind == "team" and team in teams) or (
            kind == "rotation" and (who in rotating or host == department)
        ):
            copied.add(as_list(values))
    return copied
