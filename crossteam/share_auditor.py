"""The auditor's copy of a plan: pseudonyms for ids, no personal field, small departments
grouped (docs/privacy.md).

It keeps Teams, Rotation and the hidden Input Basis (ids as pseudonyms, departments
smaller than ``min_group_size`` as one group), and Connectivity and Gaps without the rows
and columns of those departments, so every figure of the others is the original's.
"""

from __future__ import annotations

from pathlib import Path

from crossteam import i18n
from crossteam.io.plan_layout import (
    BASIS_EMPLOYEE_COLUMNS,
    CONNECTIVITY,
    GAPS,
    INPUT_BASIS,
    ROTATION,
    ROTATION_COLUMNS,
    SUMMARY,
    TEAMS,
)
from crossteam.share import (
    RUN_INFO_DROPPED,
    CopiedSheet,
    ShareCopy,
    Sheet,
    as_list,
    copied_run_info,
    headcounts,
    id_replacer,
    min_group_size,
    pseudonym,
    share_facts,
    table_of,
    text_of,
)

_TEAMS_KEPT = ("team", "employee_id", "name", "department", "role")
"""The contract's Teams columns; name and role stay empty."""


class _Masks:
    """How the copy shows an employee id and a department."""

    def __init__(self, key: bytes, small: frozenset[str]) -> None:
        self.key = key
        self.small = small
        self.other = i18n.t("share.other_group")

    def person(self, employee_id: str) -> str:
        return pseudonym(self.key, employee_id) if employee_id else ""

    def department(self, name: str) -> str:
        return self.other if name in self.small else name


def auditor_copy(plan: Path, sheets: dict[str, Sheet], key: bytes) -> ShareCopy:
    """The auditor's copy of the plan at ``plan`` (its ``sheets`` as read)."""
    size = min_group_size(sheets)
    counts = headcounts(sheets)
    small = frozenset(d for d, n in counts.items() if n < size)
    masks = _Masks(key, small)
    teams = _teams(sheets[TEAMS], masks)
    rotation = _rotation(sheets.get(ROTATION), masks)
    copied = [
        _summary(size, len(small), masks.other),
        teams,
        *([rotation] if rotation is not None else []),
        *(c for c in (_connectivity(sheets.get(CONNECTIVITY), small),) if c is not None),
        *(g for g in (_gaps(sheets.get(GAPS), masks),) if g is not None),
        copied_run_info(
            sheets,
            [*share_facts(plan, "auditor", None), ["share_min_group_size", size]],
            RUN_INFO_DROPPED,
        ),
        *(b for b in (_basis(sheets.get(INPUT_BASIS), masks),) if b is not None),
    ]
    team_names = {row[0] for n, row in teams.rows.items() if n > 1}
    people = len(rotation.rows) - 1 if rotation is not None else 0
    return ShareCopy(tuple(copied), len(team_names), people, len(small))


def _summary(size: int, grouped: int, other: str) -> CopiedSheet:
    summary = CopiedSheet(SUMMARY)
    summary.add([i18n.t("share.title.auditor")])
    summary.add([i18n.t("share.note.pseudonyms")])
    if grouped:
        departments = i18n.counted(grouped, "share_department")
        line = i18n.t("share.note.small_groups", departments=departments, size=size, other=other)
    else:
        line = i18n.t("share.note.no_small_groups", size=size)
    summary.add([line])
    return summary


def _teams(sheet: Sheet, masks: _Masks) -> CopiedSheet:
    copied = CopiedSheet(TEAMS)
    copied.add([i18n.name(c) for c in _TEAMS_KEPT])
    table = table_of(sheet, "team", "employee_id")
    if table is None:
        return copied
    at, columns = table
    for number, values in sorted(sheet.rows.items()):
        if number <= at or not (who := text_of(values, columns["employee_id"])):
            continue
        department = masks.department(text_of(values, columns.get("department")))
        copied.add([text_of(values, columns["team"]), masks.person(who), None, department, None])
    return copied


def _rotation(sheet: Sheet | None, masks: _Masks) -> CopiedSheet | None:
    table = table_of(sheet, "employee_id", "home_department")
    if sheet is None or table is None:
        return None
    at, columns = table
    fixed = {columns.get(c) for c in ROTATION_COLUMNS}
    periods = [c for c in sorted(sheet.rows[at]) if c not in fixed]
    copied = CopiedSheet(ROTATION)
    copied.add([i18n.name(c) for c in ROTATION_COLUMNS] + [sheet.rows[at][c] for c in periods])
    for number, values in sorted(sheet.rows.items()):
        if number <= at or not (who := text_of(values, columns["employee_id"])):
            continue
        home = masks.department(text_of(values, columns["home_department"]))
        hosts = [masks.department(text_of(values, c)) or None for c in periods]
        copied.add([masks.person(who), None, home, *hosts])
    return copied


def _connectivity(sheet: Sheet | None, small: frozenset[str]) -> CopiedSheet | None:
    """The heat maps without the rows and columns of ``small`` departments; titles kept."""
    if sheet is None:
        return None
    copied = CopiedSheet(CONNECTIVITY)
    dropped: set[int] = set()
    for number, values in sorted(sheet.rows.items()):
        first = text_of(values, 1)
        if i18n.canonical(first, ("department",)) == "department":
            dropped = {c for c, v in values.items() if str(v) in small}
        elif first in small:
            continue
        copied.rows[number] = [v for c, v in enumerate(as_list(values), 1) if c not in dropped]
    return copied


def _gaps(sheet: Sheet | None, masks: _Masks) -> CopiedSheet | None:
    """The department pairs with neither department grouped, ids in the texts as
    pseudonyms."""
    table = table_of(sheet, "department_a", "department_b")
    if sheet is None or table is None:
        return None
    at, columns = table
    ids = id_replacer(_ids_in(sheet, at), masks.person)
    copied = CopiedSheet(GAPS)
    copied.add(as_list(sheet.rows[at]))
    for number, values in sorted(sheet.rows.items()):
        pair = (text_of(values, columns["department_a"]), text_of(values, columns["department_b"]))
        if number <= at or any(d in masks.small or not d for d in pair):
            continue
        copied.add([ids(v) if isinstance(v, str) else v for v in as_list(values)])
    return copied


def _ids_in(sheet: Sheet, at: int) -> set[str]:
    """The ids a Gaps sheet names: the first word of each rotation bridge ("E053 in HR")."""
    columns = sheet.columns(at)
    column = columns.get("bridged_by_rotation")
    found: set[str] = set()
    for values in sheet.rows.values():
        for part in text_of(values, column).split(","):
            if words := part.split():
                found.add(words[0])
    return found


def _basis(sheet: Sheet | None, masks: _Masks) -> CopiedSheet | None:
    """Everyone, as pseudonym, department (grouped), available, rotation_eligible; the
    fingerprints of people's details and of the input's other parts are left out."""
    table = table_of(sheet, "employee_id", "department")
    if sheet is None or table is None:
        return None
    at, columns = table
    kept = BASIS_EMPLOYEE_COLUMNS[:4]
    copied = CopiedSheet(INPUT_BASIS, hidden=True)
    copied.add([i18n.name(c) for c in kept])

    def cell(values: dict[int, object], header: str) -> str:
        return text_of(values, columns.get(header))

    for number, values in sorted(sheet.rows.items()):
        if number <= at or not (who := cell(values, "employee_id")):
            continue
        department = masks.department(cell(values, "department"))
        copied.add([masks.person(who), department, cell(values, kept[2]), cell(values, kept[3])])
    return copied
