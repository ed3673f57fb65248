"""How the input a plan was made from differs from the input it is now read with.

A plan workbook records its input's SHA-256 (Run Info), the name and department of everyone
it places (Teams and Rotation sheets) and the *basis* it was planned on (``InputBasis``, a
hidden sheet): each employee's department, availability and rotation eligibility, and a
fingerprint of every department, team, period, rule, Balance row, priority and setting.
Read back with another workbook, the two are compared sheet by sheet: an earlier version of
the same company differs in a few people and rows (listed here), another company in most of
its people.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from crossteam import i18n
from crossteam.models.planning_input import (
    QUOTABLE_ATTRIBUTES,
    DepartmentName,
    Employee,
    EmployeeId,
    PlanningInput,
)

LISTED = 10
"""Most ids a one-line summary names per kind of change before "and N more"."""
FINGERPRINT_LENGTH = 16
"""Hex digits kept of a SHA-256 fingerprint: enough to tell a change, too few to matter."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)


class BasisEmployee(_Frozen):
    """One employee as the plan's input had them."""

    employee_id: EmployeeId
    department: DepartmentName
    available: bool = True
    rotation_eligible: bool = True
    details: str = ""
    """Fingerprint of role, location, skills and other columns (never the values themselves; the
    name is compared on the Teams sheet)"""


class BasisItem(_Frozen):
    """One row of another input sheet, as a key a person can read and a fingerprint."""

    part: str
    """Input sheet: Departments, Teams, Periods, Rules..."""
    key: str
    fingerprint: str = ""


class InputBasis(_Frozen):
    """What a plan was planned on, written to its workbook to compare a later input with."""

    employees: tuple[BasisEmployee, ...] = ()
    items: tuple[BasisItem, ...] = ()


def _fingerprint(*values: object) -> str:
    text = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


_COMPARED_APART = frozenset({"employee_id", "name", "department", "available", "rotation_eligible"})
"""Employees columns compared on their own, not in the details fingerprint."""


def _details(employee: Employee) -> str:
    # salted with the id, so that two people with the same details differ
    return _fingerprint(
        employee.employee_id,
        employee.role,
        employee.location,
        sorted(employee.skills.items()),
        sorted((k, str(v)) for k, v in employee.attributes.items() if k not in _COMPARED_APART),
    )


def input_basis(instance: PlanningInput) -> InputBasis:
    """The basis of a plan of ``instance`` (see the module's docstring)."""
    employees = tuple(
        BasisEmployee(
            employee_id=e.employee_id,
            department=e.department,
            available=e.available,
            rotation_eligible=e.rotation_eligible,
            details=_details(e),
        )
        for e in instance.employees
    )
    return InputBasis(employees=employees, items=tuple(_items(instance)))


def _items(instance: PlanningInput) -> Iterator[BasisItem]:
    for d in instance.departments:
        facts = (d.min_on_site, d.host_capacity, d.can_host, sorted(d.critical_skills))
        yield BasisItem(part="Departments", key=d.name, fingerprint=_fingerprint(*facts))
    for t in instance.teams:
        needs = sorted((n.skill, n.min_level, n.min_count) for n in t.skill_needs)
        shape = (t.spec, t.min_size, t.max_size, t.min_departments, t.max_per_department, needs)
        yield BasisItem(part="Teams", key=t.name, fingerprint=_fingerprint(*shape))
    for p in instance.periods:
        yield BasisItem(part="Periods", key=p.label, fingerprint=str(p.index))
    for key in sorted({rule_text(r.kind, r.employee_id, r.target) for r in instance.rules}):
        yield BasisItem(part="Rules", key=key)
    for b in instance.balance_rules:
        # a value of a personal column is kept in the fingerprint only
        shown = f" {b.value}" if b.value and b.attribute in QUOTABLE_ATTRIBUTES else ""
        yield BasisItem(
            part="Balance",
            key=f"{b.mode.value} {b.attribute}{shown}",
            fingerprint=_fingerprint(b.weight, b.hard, b.value),
        )
    for pr in instance.priorities:
        key = f"{pr.department_a} – {pr.department_b}"
        yield BasisItem(part="Priorities", key=key, fingerprint=_fingerprint(pr.weight))
    for name, value in instance.settings.model_dump().items():
        yield BasisItem(part="Settings", key=name, fingerprint=_fingerprint(value))
    ties = sorted((i.employee_a, i.employee_b, i.weight) for i in instance.interactions)
    yield BasisItem(part="Interactions", key="ties", fingerprint=_fingerprint(ties))


def rule_text(kind: object, employee_id: EmployeeId, target: str | None) -> str:
    """A Rules row as one line: ``together 10003 10025``."""
    return " ".join(str(part) for part in (kind, employee_id, target) if part)


class DepartmentChange(_Frozen):
    employee_id: EmployeeId
    before: DepartmentName
    """Department on the plan"""
    after: DepartmentName
    """Department in the input"""


class PartChange(_Frozen):
    """What changed on one input sheet other than Employees, by key (``BasisItem.key``)."""

    part: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)

    @property
    def sheet_name(self) -> str:
        """The sheet's name in the current language (as read, for a sheet crossteam does not
        know: the basis is read from the plan's workbook)."""
        return i18n.name(self.part) if len(i18n.names(self.part)) > 1 else self.part

    def text(self) -> str:
        """The changes of the sheet in words: "1 added (X), 2 changed (Y, Z)"."""
        return i18n.listed(
            i18n.t("explain.input.rows", count=len(keys), change=i18n.t(key), keys=_listed(keys))
            for key, keys in (
                ("explain.input.rows_added", self.added),
                ("explain.input.rows_removed", self.removed),
                ("explain.input.rows_changed", self.changed),
            )
            if keys
        )


class InputChanges(_Frozen):
    """How the input changed since the plan was made: its people and its other sheets."""

    same_input: bool
    """The input's SHA-256 is the one on Run Info"""
    plan_sha256: str | None = None
    """Run Info's input_sha256"""
    input_sha256: str | None = None
    has_basis: bool = False
    """The plan holds its input basis: everyone and every sheet are compared, not only the people it
    names"""
    people: int = 0
    """Distinct employees the plan names"""
    named_differing: int = 0
    """Of those, the ones gone, renamed or in another department"""
    removed: tuple[EmployeeId, ...] = ()
    """In the plan's input (or named by the plan), not in this one"""
    added: tuple[EmployeeId, ...] = ()
    """New in this input"""
    department_changed: tuple[DepartmentChange, ...] = ()
    name_changed: tuple[EmployeeId, ...] = ()
    """The name differs (the names themselves are not kept)"""
    now_unavailable: tuple[EmployeeId, ...] = ()
    now_available: tuple[EmployeeId, ...] = ()
    no_longer_eligible: tuple[EmployeeId, ...] = ()
    """No longer rotation-eligible"""
    now_eligible: tuple[EmployeeId, ...] = ()
    """Now rotation-eligible"""
    details_changed: tuple[EmployeeId, ...] = ()
    """Role, location, skills or another column changed"""
    parts: tuple[PartChange, ...] = ()
    """Changes on the other sheets, by sheet (only sheets that changed)"""
    plan_employees: int | None = None
    """Employees of the plan's input (Run Info), when recorded"""
    input_employees: int = 0

    @property
    def differing(self) -> frozenset[EmployeeId]:
        """The people whose entry is gone, renamed or in another department: a decision on
        one of them could apply to someone else."""
        moved = {c.employee_id for c in self.department_changed}
        return frozenset({*self.removed, *moved, *self.name_changed})

    @property
    def differing_share(self) -> float:
        """Share of the people the plan names who differ."""
        return self.named_differing / self.people if self.people else 0.0

    def part(self, name: str) -> PartChange | None:
        return next((p for p in self.parts if p.part == name), None)

    def people_lines(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each kind of change of the Employees sheet, in words, and whom it concerns."""
        moved = tuple(f"{c.employee_id} {c.before} -> {c.after}" for c in self.department_changed)
        kinds = (
            ("department_changed", moved),
            ("removed", self.removed),
            ("renamed", self.name_changed),
            ("added", self.added),
            ("now_unavailable", self.now_unavailable),
            ("available_again", self.now_available),
            ("no_longer_eligible", self.no_longer_eligible),
            ("now_eligible", self.now_eligible),
            ("details_changed", self.details_changed),
        )
        return [(i18n.t(f"explain.input.{kind}"), ids) for kind, ids in kinds if ids]

    def summary(self) -> str:
        """One line for a warning: what differs, by id, never by name."""
        if self.same_input:
            return i18n.t("explain.input.same")
        people = [
            i18n.t("explain.input.people", count=len(ids), change=words, ids=_listed(ids))
            for words, ids in self.people_lines()
        ]
        sheets = [
            i18n.t("explain.input.sheet", sheet=p.sheet_name, changes=p.text()) for p in self.parts
        ]
        details = clauses([*people, *sheets])
        named = i18n.t(
            "explain.input.named_differ", differing=self.named_differing, people=self.people
        )
        said = (
            i18n.t("explain.input.named_details", named=named, details=details)
            if details
            else named
        )
        headcounts = (
            i18n.t("explain.input.headcounts", now=self.input_employees, then=self.plan_employees)
            if self.plan_employees is not None and self.plan_employees != self.input_employees
            else ""
        )
        return i18n.t("explain.input.another_version", said=said, headcounts=headcounts)

    def with_basis(self, basis: InputBasis, instance: PlanningInput) -> InputChanges:
        """These changes completed by comparing the plan's ``basis`` with ``instance``:
        every person and every other sheet, not only the people the plan names."""
        before = {e.employee_id: e for e in basis.employees}
        now = instance.employee_by_id
        both = [(before[i], now[i]) for i in before if i in now]
        moved = [
            DepartmentChange(employee_id=b.employee_id, before=b.department, after=e.department)
            for b, e in both
            if b.department != e.department
        ]
        compared = {c.employee_id for c in moved}
        return self.model_copy(
            update={
                "has_basis": True,
                "removed": _union(self.removed, (i for i in before if i not in now)),
                "added": tuple(i for i in now if i not in before),
                "department_changed": (
                    *moved,
                    *(c for c in self.department_changed if c.employee_id not in compared),
                ),
                "now_unavailable": _union(
                    self.now_unavailable, _ids(b for b, e in both if b.available > e.available)
                ),
                "now_available": _ids(b for b, e in both if e.available > b.available),
                "no_longer_eligible": _union(
                    self.no_longer_eligible,
                    _ids(b for b, e in both if b.rotation_eligible > e.rotation_eligible),
                ),
                "now_eligible": _ids(
                    b for b, e in both if e.rotation_eligible > b.rotation_eligible
                ),
                "details_changed": _ids(
                    b for b, e in both if b.details and b.details != _details(e)
                ),
                "parts": _part_changes(basis.items, tuple(_items(instance))),
            }
        )

    def as_json(self) -> dict[str, object]:
        return {
            **self.model_dump(mode="json"),
            "differing": len(self.differing),
            "differing_share": round(self.differing_share, 4),
        }


def _union(*groups: Iterable[EmployeeId]) -> tuple[EmployeeId, ...]:
    return tuple(dict.fromkeys(i for group in groups for i in group))


def _ids(people: Iterable[BasisEmployee]) -> tuple[EmployeeId, ...]:
    return tuple(p.employee_id for p in people)


def _part_changes(
    before: tuple[BasisItem, ...], after: tuple[BasisItem, ...]
) -> tuple[PartChange, ...]:
    parts = list(dict.fromkeys(i.part for i in (*after, *before)))
    out = []
    for part in parts:
        old = {i.key: i.fingerprint for i in before if i.part == part}
        new = {i.key: i.fingerprint for i in after if i.part == part}
        change = PartChange(
            part=part,
            added=tuple(k for k in new if k not in old),
            removed=tuple(k for k in old if k not in new),
            changed=tuple(k for k in new if k in old and old[k] != new[k]),
        )
        if change.count:
            out.append(change)
    return tuple(out)


def _listed(items: list[str] | tuple[str, ...]) -> str:
    shown = i18n.listed(items[:LISTED])
    if len(items) <= LISTED:
        return shown
    return i18n.t("explain.and_more", shown=shown, more=len(items) - LISTED)


def clauses(items: Iterable[str]) -> str:
    """Clauses one after another: "a; b" in English, "a／b" in Japanese (whose lists of
    items inside a clause take the 、)."""
    return ("／" if i18n.current() is i18n.Language.JA else "; ").join(items)
