"""The Departments sheet: each department's on-site minimum, hosting and critical skills."""

from __future__ import annotations

import re
from typing import Any

from crossteam import i18n
from crossteam.io.reader.context import EMPLOYEES, Reading
from crossteam.io.reader.references import department_ref, held_skill, unknown
from crossteam.io.reader.table import Row, Table
from crossteam.models.text import clean, shown

_LIST_SEPARATORS = re.compile(r"[,、，;；]")


def read_departments(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    first_rows: dict[str, int] = {}
    for row in reading.rows(table):
        department = row.get("department")
        policy = {
            name: row.get(name)
            for name in ("min_on_site", "host_capacity", "can_host", "critical_skills")
        }
        if department is None:
            continue
        index = row.index("department")
        if EMPLOYEES not in reading.unreadable:
            found = department_ref(reading, row, index, department)
            if found is None:
                unknown(
                    reading,
                    row,
                    index,
                    i18n.t("reader.department_empty", department=shown(department)),
                    "department",
                    department,
                    reading.departments.suggest,
                    warning=True,
                )
                continue
            department = found
        if department in first_rows:
            row.error(
                index,
                i18n.t(
                    "reader.department_again",
                    department=shown(department),
                    first=first_rows[department],
                ),
            )
            continue
        first_rows[department] = row.number
        _add_policy(reading, row, department, policy)


def _add_policy(reading: Reading, row: Row, department: str, policy: dict[str, Any]) -> None:
    """One department's row, its critical skills named as on Skills and its capacity kept
    to the headcount."""
    skills = tuple(
        held_skill(reading, row, "critical_skills", clean(skill))
        for skill in _LIST_SEPARATORS.split(policy.pop("critical_skills") or "")
        if clean(skill)
    )
    if policy["host_capacity"] is not None:
        policy["host_capacity"] = reading.at_most_headcount(
            row, row.index("host_capacity"), "host_capacity", policy["host_capacity"]
        )
    given = {name: value for name, value in policy.items() if value is not None}
    reading.department_rows[department] = {**given, "critical_skills": skills}
