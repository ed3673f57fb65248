"""Copies of a plan workbook for people who must not see all of it (docs/privacy.md).

The auditor's copy replaces employee ids by keyed pseudonyms and leaves out names, roles,
skills and free text; departments smaller than ``min_group_size`` are shown together as
one group and left out of the per-department figures. The manager's copy keeps only the
teams and rotations of one department's people, and its Review rows, so that its
decisions read back with ``plan --review``. Both are built from the plan workbook alone,
cell by cell (``CopiedSheet``), and written by ``share_writer``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.i18n.catalogue import MESSAGES
from crossteam.io.plan_layout import (
    BASIS_EMPLOYEE_COLUMNS,
    CONNECTIVITY,
    GAPS,
    INPUT_BASIS,
    REVIEW,
    REVIEW_COLUMNS,
    ROTATION,
    ROTATION_COLUMNS,
    RUN_INFO,
    TEAMS,
    TEAMS_COLUMNS,
    run_info_field,
)
from crossteam.io.safety import file_sha256, open_workbook
from crossteam.io.schema import normalise
from crossteam.models import Problem
from crossteam.models.settings import Settings

Audience = Literal["auditor", "manager"]
Row = dict[int, object]
"""Column number -> value of one row, blank cells absent."""

PSEUDONYM_PREFIX = "P-"
PSEUDONYM_LENGTH = 12
"""Hex digits of the HMAC kept: 48 bits, no collision to expect below millions of people."""
HEADERS = frozenset(
    {
        *TEAMS_COLUMNS,
        *ROTATION_COLUMNS,
        *REVIEW_COLUMNS,
        *BASIS_EMPLOYEE_COLUMNS,
        "department_a",
        "department_b",
        "bridged_by_rotation",
    }
)
"""The headers the copies look for, read in either language."""
RUN_INFO_DROPPED = frozenset({"input_file", "input_path", "command"})
"""Run Info fields an auditor's copy leaves out: paths and command lines may name people."""


def pseudonym(key: bytes, employee_id: str) -> str:
    """The keyed pseudonym of ``employee_id``: HMAC-SHA256 under ``key``, cut short."""
    digest = hmac.new(key, employee_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return PSEUDONYM_PREFIX + digest[:PSEUDONYM_LENGTH]


@dataclass
class Sheet:
    """One sheet of the plan as read: its rows by row number."""

    title: str
    rows: dict[int, Row]

    def header(self, *marks: str) -> int | None:
        """Row number of the first row holding every one of ``marks`` (either language)."""
        for number, values in sorted(self.rows.items()):
            held = {normalise(str(v)) for v in values.values()}
            if all(_spellings(m) & held for m in marks):
                return number
        return None

    def columns(self, at: int) -> dict[str, int]:
        """Canonical header -> column number of the header row ``at``."""
        found: dict[str, int] = {}
        for column, value in self.rows[at].items():
            canonical = i18n.canonical(str(value), HEADERS)
            found[canonical if canonical is not None else str(value)] = column
        return found


@dataclass
class CopiedSheet:
    """A sheet of the copy: its canonical name, rows by row number, and whether hidden."""

    name: str
    rows: dict[int, list[object]] = field(default_factory=dict)
    hidden: bool = False

    def add(self, values: Iterable[object]) -> None:
        self.rows[max(self.rows, default=0) + 1] = list(values)


@dataclass(frozen=True)
class ShareCopy:
    """The copy to write, and what the command tells of it."""

    sheets: tuple[CopiedSheet, ...]
    teams: int
    rotations: int
    grouped: int


def _spellings(name: str) -> set[str]:
    return {normalise(s) for s in i18n.names(name)}


def read_sheets(path: Path) -> dict[str, Sheet]:
    """The plan's sheets by canonical name (Teams, Rotation, Connectivity, Gaps, Review,
    Run Info, Input Basis), those it has; a file without Teams or Run Info is refused."""
    wanted = (TEAMS, ROTATION, CONNECTIVITY, GAPS, REVIEW, RUN_INFO, INPUT_BASIS)
    found: dict[str, Sheet] = {}
    with open_workbook(path) as workbook:
        titles = {normalise(t): t for t in workbook.titles}
        for name in wanted:
            title = next((titles[s] for s in sorted(_spellings(name)) if s in titles), None)
            if title is not None:
                found[name] = Sheet(title, dict(workbook.read_sheet(title).rows))
    for needed in (TEAMS, RUN_INFO):
        if needed not in found:
            message = i18n.t("share.not_a_plan", file=path.name, sheet=i18n.name(needed))
            raise InputError([Problem(message=message)])
    return found


def table_of(sheet: Sheet | None, *marks: str) -> tuple[int, dict[str, int]] | None:
    if sheet is None or (at := sheet.header(*marks)) is None:
        return None
    return at, sheet.columns(at)


def text_of(values: Row, column: int | None) -> str:
    value = values.get(column) if column is not None else None
    return "" if value is None else str(value).strip()


def _width(values: Row) -> int:
    return max(values, default=0)


def as_list(values: Row) -> list[object]:
    return [values.get(c) for c in range(1, _width(values) + 1)]


def run_info(sheets: dict[str, Sheet]) -> list[tuple[str, object]]:
    """Run Info's (field, value) rows below its header, in order."""
    sheet = sheets[RUN_INFO]
    rows = sorted(sheet.rows.items())[1:]
    return [(run_info_field(str(v.get(1, ""))), v.get(2)) for _, v in rows if v.get(1)]


def min_group_size(sheets: dict[str, Sheet]) -> int:
    """The plan's ``min_group_size`` setting (Run Info, labelled in either language), the
    default when not recorded."""
    label = MESSAGES["plan_sheets.runinfo.setting"]
    spellings = {text.format(setting="min_group_size") for text in (label.en, label.ja)}
    for name, value in run_info(sheets):
        if name in spellings and isinstance(value, int | float) and value >= 1:
            return int(value)
    default = Settings.model_fields["min_group_size"].default
    assert isinstance(default, int)
    return default


def headcounts(sheets: dict[str, Sheet]) -> Counter[str]:
    """People per department: from the Input Basis (everyone), else from whom the Teams
    and Rotation sheets name."""
    departments: dict[str, str] = {}
    for name, header in ((INPUT_BASIS, "department"), (TEAMS, "department")):
        departments.update(_people(sheets.get(name), header))
        if departments:
            break
    departments.update({k: v for k, v in _people(sheets.get(ROTATION), "home_department").items()})
    return Counter(departments.values())


def _people(sheet: Sheet | None, header: str) -> dict[str, str]:
    table = table_of(sheet, "employee_id", header)
    if sheet is None or table is None:
        return {}
    at, columns = table
    found: dict[str, str] = {}
    for number, values in sheet.rows.items():
        who, where = text_of(values, columns["employee_id"]), text_of(values, columns[header])
        if number > at and who and where:
            found.setdefault(who, where)
    return found


def share_facts(plan: Path, audience: Audience, department: str | None) -> list[list[object]]:
    """The Run Info rows that say which copy this is, of which plan, made when."""
    which = audience if department is None else f"{audience}: {department}"
    return [
        ["share_copy", which],
        ["share_plan_sha256", file_sha256(plan)],
        ["share_made_at", datetime.now(UTC).isoformat(timespec="seconds")],
    ]


def copied_run_info(
    sheets: dict[str, Sheet], facts: list[list[object]], drop: frozenset[str] = frozenset()
) -> CopiedSheet:
    """Run Info as the plan has it (without ``drop``), then the copy's own facts."""
    sheet = sheets[RUN_INFO]
    copied = CopiedSheet(RUN_INFO)
    first = min(sheet.rows)
    copied.add(as_list(sheet.rows[first]))
    for number, values in sorted(sheet.rows.items()):
        if number != first and run_info_field(str(values.get(1, ""))) not in drop:
            copied.add(as_list(values))
    for fact in facts:
        copied.add(fact)
    return copied


def id_replacer(ids: Iterable[str], replace: Callable[[str], str]) -> Callable[[str], str]:
    """A function that replaces each of ``ids`` standing as a whole word in a text."""
    known = sorted(set(ids), key=len, reverse=True)
    if not known:
        return lambda text: text
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, known)) + r")(?![\w-])")
    return lambda text: pattern.sub(lambda m: replace(m.group(1)), text)
