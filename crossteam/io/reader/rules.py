"""The Rules sheet: rotation rules for one employee, with a target resolved per
``RULE_TARGET`` (a team, a department or another employee)."""

from __future__ import annotations

from crossteam import i18n
from crossteam.io.labels import label, labels, word_of
from crossteam.io.reader.context import EMPLOYEES, TEAMS, Reading
from crossteam.io.reader.references import (
    department_ref,
    known_employee,
    unknown,
    unknown_employee,
    unknown_team,
)
from crossteam.io.reader.table import Row, Table
from crossteam.models import RULE_TARGET, Rule, RuleKind
from crossteam.models.text import shown


def read_rules(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    for row in reading.rows(table):
        text = row.get("rule")
        employee_id = known_employee(reading, row, "employee_id")
        target = row.get("target")
        note = row.get("note") or ""
        kind = None
        targets: tuple[str, ...] = ()
        if text is not None:
            kind = _rule_kind(row, text)
        if kind is not None:
            target, targets = _rule_targets(reading, row, kind, employee_id, target)
        if row.ok and kind is not None and employee_id is not None:
            reading.rules.append(
                Rule(
                    kind=kind,
                    employee_id=employee_id,
                    target=target if RULE_TARGET[kind] else None,
                    targets=targets,
                    note=note,
                    row=row.number,
                )
            )


def _rule_kind(row: Row, text: str) -> RuleKind | None:
    """The rule ``text`` names, in either language; reported when it names none."""
    kind = word_of(RuleKind, text)
    if kind is None:
        kinds = labels(k.value for k in RuleKind)
        row.error(row.index("rule"), i18n.t("reader.rule_unknown", text=shown(text), kinds=kinds))
    return kind


def _rule_targets(
    reading: Reading, row: Row, kind: RuleKind, employee_id: str | None, target: str | None
) -> tuple[str | None, tuple[str, ...]]:
    """Resolve a rule's target per ``RULE_TARGET``, reporting it at the target cell:
    the target as the defining sheet spells it, and what it means."""
    names = RULE_TARGET[kind]
    index = row.table.columns.get("target")
    if names is None:
        if target is not None and index is not None:
            row.warn(index, i18n.t("reader.rule_no_target", rule=label(kind.value)))
        return target, ()
    if target is None or index is None:
        where = index if index is not None else row.index("rule")
        target_kind = i18n.t(f"reader.target_kind.{names}")
        row.error(
            where, i18n.t("reader.rule_needs_target", rule=label(kind.value), what=target_kind)
        )
        return target, ()
    if (TEAMS if names == "team" else EMPLOYEES) in reading.unreadable:
        return target, (target,)  # the sheet defining them could not be read
    if names == "team":
        if target not in reading.team_names:
            unknown_team(reading, row, index, target)
            return target, ()
        return target, reading.team_names[target]
    if names == "department":
        return _department_target(reading, row, index, target)
    if target not in reading.employee_rows:
        unknown_employee(reading, row, index, target)
        return target, ()
    if target == employee_id:
        row.error(index, i18n.t("reader.rule_two_employees", rule=label(kind.value)))
        return target, ()
    return target, (target,)


def _department_target(
    reading: Reading, row: Row, index: int, target: str
) -> tuple[str, tuple[str, ...]]:
    found = department_ref(reading, row, index, target)
    if found is None:
        unknown(
            reading,
            row,
            index,
            i18n.t("reader.no_department", department=shown(target), sheet=label(EMPLOYEES)),
            "department",
            target,
            reading.departments.suggest,
        )
        return target, ()
    return found, (found,)
