"""Reading a plan workbook back: its teams and rotation, and managers' review decisions.

The workbook may have been edited by hand, so every reference is checked against the
planning instance and each problem names its sheet, row and column, as for the input.

A plan read for a command (``read_plan_for``) is also checked to be a plan of this
company: its Run Info's input SHA-256, and the name and department its Teams and
Rotation sheets give each person against the input's. A plan of an earlier version of
the input is accepted, its differences listed (``InputChanges``; with the plan's hidden
Input Basis sheet, every person and every other sheet are compared); a plan whose people
mostly differ (``ANOTHER_COMPANY_SHARE``), or where a Review decision names someone who
differs, is another company's and refused. Assignments whose person, team, host or
period the input no longer has are left out of the plan read, and listed (``LeftOut``).

A plan is read in either language, whatever the language of the run: every sheet name,
header and word crossteam writes (``i18n.names``), and the decisions keep / remove / lock
and 維持 / 除外 / 固定 alike (``Decision.read``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from openpyxl.utils import get_column_letter

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.io.cells import CellError, as_id, as_text, check_raw
from crossteam.io.plan_layout import (
    BASIS_EMPLOYEE_COLUMNS,
    BASIS_ITEM_COLUMNS,
    INPUT_BASIS,
    REVIEW,
    REVIEW_MARKS,
    ROTATION,
    ROTATION_COLUMNS,
    RUN_INFO,
    TEAMS,
    run_info_field,
)
from crossteam.io.safety import open_workbook
from crossteam.io.schema import EMPLOYEES, match_key, normalise
from crossteam.models import (
    BasisEmployee,
    BasisItem,
    DepartmentChange,
    EmployeeId,
    InputBasis,
    InputChanges,
    LeftOut,
    Plan,
    PlanningInput,
    Problem,
    ReviewDecision,
    RotationStint,
    SolveStatus,
    TeamAssignment,
)
from crossteam.models.limits import MAX_PEOPLE
from crossteam.models.review import Decision, ReviewKind
from crossteam.models.text import clean, fold, written


def _spellings(name: str) -> set[str]:
    """``name`` (a sheet, header or word crossteam writes) in every language, normalised."""
    return {normalise(spelling) for spelling in i18n.names(name)}


def _word_of(text: str | None, among: tuple[str, ...]) -> str | None:
    """The word of ``among`` (kind, yes/no) that ``text`` spells in either language."""
    return i18n.canonical(text, among=among) if text is not None else None


@dataclass
class _Sheet:
    """One sheet of the plan: its header (first non-empty row) and the rows below it."""

    name: str
    header_row: int
    headers: dict[int, str]
    """Column number -> header as written."""
    rows: tuple[tuple[int, dict[int, object]], ...]
    problems: list[Problem] = field(default_factory=list)
    people: dict[str, str] | None = None
    """Folded employee name -> id, built at the first unknown employee of the sheet."""

    def column(self, header: str) -> int | None:
        """Number of the column whose header normalises like ``header`` in either language."""
        wanted = _spellings(header)
        return next((c for c, h in self.headers.items() if normalise(h) in wanted), None)

    def require(self, *headers: str) -> dict[str, int]:
        """Column numbers of ``headers``; a missing one is a problem on the header row."""
        found: dict[str, int] = {}
        for header in headers:
            column = self.column(header)
            if column is None:
                shown = i18n.name(header)
                message = i18n.t("plan_sheets.read.no_column", column=shown)
                self.problem(self.header_row, None, shown, message)
            else:
                found[header] = column
        return found

    def problem(self, row: int | None, column: int | None, header: str, message: str) -> None:
        cell = f"{get_column_letter(column)}{row}" if column is not None and row else None
        self.problems.append(
            Problem(sheet=self.name, row=row, column=header, cell=cell, message=message)
        )

    def text(self, row: int, values: dict[int, object], column: int | None) -> str | None:
        """The cell as text (numbers without ".0", through ``text.clean`` as the input's
        names are), ``None`` when blank, only invisible characters or unreadable."""
        if column is None or column not in values:
            return None
        try:
            value = values[column]
            check_raw(value)
            return clean(as_id(value)) or None
        except CellError as error:
            self.problem(row, column, self.headers[column], error.message)
            return None


_HEADER_MARKS: dict[str, tuple[str, ...]] = {REVIEW: REVIEW_MARKS}
"""Sheets whose table may stand below other rows (instructions): its header is the first
row holding these headers."""
_HEADER_SEARCH_ROWS = 40


def _header_index(rows: tuple[tuple[int, dict[int, object]], ...], marks: tuple[str, ...]) -> int:
    """Position in ``rows`` of the header: the first row holding every one of ``marks``,
    each in either language (the first row when there are none, or none holds them)."""
    wanted = [_spellings(m) for m in marks]
    for position, (_, values) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        held = {normalise(as_text(v)) for v in values.values()}
        if wanted and all(spellings & held for spellings in wanted):
            return position
    return 0


def _read_sheets(path: Path, *wanted: str) -> dict[str, _Sheet]:
    """The sheets named in ``wanted`` (matched as the input's sheet names are, in either
    language) that exist, by their canonical names."""
    found: dict[str, _Sheet] = {}
    with open_workbook(path) as workbook:
        _refuse_input_workbook(path, workbook.titles)
        names = {normalise(n): n for n in workbook.titles}
        for name in wanted:
            actual = next((names[s] for s in sorted(_spellings(name)) if s in names), None)
            if actual is None:
                continue
            # Teams holds one row per member: a sheet filled down to Excel's last row is
            # refused before it is read
            content = workbook.read_sheet(actual, MAX_PEOPLE if name == TEAMS else None)
            if not content.rows:
                found[name] = _Sheet(actual, 1, {}, ())
                continue
            at = _header_index(content.rows, _HEADER_MARKS.get(name, ()))
            header_row, header = content.rows[at]
            headers = {c: as_text(v) for c, v in header.items()}
            found[name] = _Sheet(actual, header_row, headers, content.rows[at + 1 :])
    return found


_EMPLOYEES_SHEET = frozenset(match_key(n) for n in (EMPLOYEES.name, *EMPLOYEES.aliases))


def _refuse_input_workbook(path: Path, titles: list[str]) -> None:
    """An input workbook given where a plan belongs (``audit in.xlsx --plan in.xlsx``) is
    told as such, rather than as a plan missing its columns."""
    keys = {match_key(title) for title in titles}
    run_info = {match_key(spelling) for spelling in i18n.names(RUN_INFO)}
    if keys & _EMPLOYEES_SHEET and not keys & run_info:
        message = i18n.t(
            "plan_sheets.read.input_workbook",
            file=path.name,
            employees=i18n.name(EMPLOYEES.name),
            run_info=i18n.name(RUN_INFO),
        )
        raise InputError([Problem(message=message)])


def _raise_if_problems(*sheets: _Sheet) -> None:
    problems = [p for sheet in sheets for p in sheet.problems]
    if problems:
        raise InputError(problems)


def read_plan(path: Path, instance: PlanningInput) -> Plan:
    """The teams and rotation stints of the plan workbook at ``path``.

    Teams come in the order of their first row on the Teams sheet, members in row order;
    stints in row order, then period order.

    Raises:
        InputError: the file is not a readable plan, or names an employee, team, period or
            department the instance does not have; every problem is listed.
    """
    return _plan_from(path, _read_sheets(path, TEAMS, ROTATION, RUN_INFO), instance)


ANOTHER_COMPANY_SHARE = 0.2
"""A plan whose input SHA-256 differs is another company's when more than this share of
the people it names differ from the input (not there, another name, another department);
below it, an earlier version of the same input, whose differences are listed."""
MISMATCHES_LISTED = 20
"""Most rows named, one problem each, when a plan is refused as another company's."""


@dataclass(frozen=True)
class PlanForInput:
    """A plan workbook read for one input: its plan, its Review decisions (when asked
    for), how the input changed since the plan was made, and the assignments left out of
    the plan because the input no longer has their person, team, host or period."""

    plan: Plan
    changes: InputChanges
    decisions: tuple[ReviewDecision, ...] = ()
    left_out: tuple[LeftOut, ...] = ()


def read_plan_for(path: Path, instance: PlanningInput, *, review: bool = False) -> PlanForInput:
    """The plan workbook at ``path``, checked to be a plan of ``instance``'s company: the
    one door by which a command reads a plan.

    With the same input SHA-256 on Run Info, as ``read_plan``. Otherwise the people the
    plan names are compared with the input's, and with the plan's Input Basis sheet
    everyone and every other sheet: every difference is listed in ``changes``, and the
    assignments of people, teams, hosts and periods no longer in the input are left out
    of the plan (``left_out``). With ``review``, the Review sheet's decisions (and the
    comments of rows without one) are read too.

    Raises:
        InputError: what ``read_plan`` (and ``read_review``) raise; and a plan of another
            company: more than ``ANOTHER_COMPANY_SHARE`` of its people differ, or a lock or
            remove decision names someone who differs. Each differing row is named (by id,
            never by name).
    """
    wanted = (TEAMS, ROTATION, RUN_INFO, INPUT_BASIS, *((REVIEW,) if review else ()))
    sheets = _read_sheets(path, *wanted)
    recorded = _run_info_fields(sheets.get(RUN_INFO))
    source = instance.source
    basis_sheet = sheets.pop(INPUT_BASIS, None)
    changes, mismatches = _compare(sheets, instance, recorded, source.sha256 if source else None)
    if not changes.same_input and changes.differing_share > ANOTHER_COMPANY_SHARE:
        raise InputError(_another_company(path, changes, mismatches))
    if not changes.same_input and (basis := _read_basis(basis_sheet)) is not None:
        changes = changes.with_basis(basis, instance)
    review_sheet = sheets.pop(REVIEW, None)
    gone = _Gone.of(changes)
    plan = _plan_from(path, sheets, instance, gone=gone)
    if not review:
        return PlanForInput(plan, changes, left_out=tuple(gone.left_out))
    if review_sheet is None:
        raise InputError([_no_review_sheet(path)])
    decisions = _review_decisions(review_sheet, instance)
    if not changes.same_input:
        _refuse_decisions_on_changed_people(path, review_sheet, decisions, changes)
    return PlanForInput(plan, changes, decisions, tuple(gone.left_out))


@dataclass(frozen=True)
class _Named:
    """A person as a row of the plan names them: id, and the name and department cells."""

    employee_id: EmployeeId
    sheet: _Sheet
    row: int
    name: tuple[int, str] | None
    department: tuple[int, str] | None


def _compare(
    sheets: dict[str, _Sheet],
    instance: PlanningInput,
    recorded: dict[str, str],
    sha256: str | None,
) -> tuple[InputChanges, list[Problem]]:
    """How the people the plan names differ from the input's (each person as first named),
    and a problem per differing cell, for when the plan is refused. With the same input
    SHA-256 nothing is compared: a difference is then a hand edit, read as today."""
    plan_sha = recorded.get("input_sha256")
    same = bool(sha256) and plan_sha == sha256
    first: dict[EmployeeId, _Named] = {}
    for person in _named(sheets):
        first.setdefault(person.employee_id, person)
    found = _Differences() if same else _differences(first, instance)
    employees = recorded.get("employees", "")
    present = [
        (person, e)
        for person in ([] if same else first.values())
        if (e := instance.employee_by_id.get(person.employee_id)) is not None
    ]
    rotating = {p.employee_id for p in _named(sheets) if p.sheet is sheets.get(ROTATION)}
    changes = InputChanges(
        same_input=same,
        plan_sha256=plan_sha,
        input_sha256=sha256,
        people=len(first),
        named_differing=len(
            {*found.removed, *found.renamed, *(c.employee_id for c in found.moved)}
        ),
        removed=tuple(found.removed),
        department_changed=tuple(found.moved),
        name_changed=tuple(found.renamed),
        now_unavailable=tuple(p.employee_id for p, e in present if not e.available),
        no_longer_eligible=tuple(
            p.employee_id
            for p, e in present
            if p.employee_id in rotating and not e.rotation_eligible
        ),
        plan_employees=int(employees) if employees.isdigit() else None,
        input_employees=len(instance.employees),
    )
    return changes, found.mismatches


@dataclass
class _Differences:
    """The people a plan names whose input row differs, and a problem per differing cell."""

    removed: list[EmployeeId] = field(default_factory=list)
    renamed: list[EmployeeId] = field(default_factory=list)
    moved: list[DepartmentChange] = field(default_factory=list)
    mismatches: list[Problem] = field(default_factory=list)


def _differences(first: dict[EmployeeId, _Named], instance: PlanningInput) -> _Differences:
    """How each person, as first named on the plan, differs from the input's row."""
    found = _Differences()
    for employee_id, person in first.items():
        sheet, row = person.sheet, person.row
        known = instance.employee_by_id.get(employee_id)
        if known is None:
            found.removed.append(employee_id)
            message = i18n.t("plan_sheets.read.not_in_input", employee_id=employee_id)
            found.mismatches.append(_at(sheet, row, sheet.column("employee_id"), message))
            continue
        if person.name is not None and known.name and _same(person.name[1]) != _same(known.name):
            found.renamed.append(employee_id)
            message = i18n.t("plan_sheets.read.name_differs", employee_id=employee_id)
            found.mismatches.append(_at(sheet, row, person.name[0], message))
        if person.department is not None:
            column, department = person.department
            if _same(department) != _same(known.department):
                found.moved.append(
                    DepartmentChange(
                        employee_id=employee_id, before=department, after=known.department
                    )
                )
                message = i18n.t(
                    "plan_sheets.read.department_differs",
                    employee_id=employee_id,
                    on_plan=department,
                    in_input=known.department,
                )
                found.mismatches.append(_at(sheet, row, column, message))
    return found


def _read_basis(sheet: _Sheet | None) -> InputBasis | None:
    """The plan's Input Basis, ``None`` when it has none (a plan of an older crossteam)
    or its tables are not there."""
    if sheet is None:
        return None
    columns = {h: sheet.column(h) for h in (*BASIS_EMPLOYEE_COLUMNS, *BASIS_ITEM_COLUMNS)}
    if columns["employee_id"] is None or columns["department"] is None or columns["part"] is None:
        return None
    employees: list[BasisEmployee] = []
    items: list[BasisItem] = []
    for _, values in sheet.rows:

        def cell(header: str, values: dict[int, object] = values) -> str:
            column = columns[header]
            return (_clean(values.get(column)) or "") if column is not None else ""

        if (who := cell("employee_id")) and (department := cell("department")):
            employees.append(
                BasisEmployee(
                    employee_id=who,
                    department=department,
                    available=_word_of(cell("available"), _YES_NO) != "no",
                    rotation_eligible=_word_of(cell("rotation_eligible"), _YES_NO) != "no",
                    details=cell("details"),
                )
            )
        if (part := cell("part")) and (key := cell("key")):
            items.append(BasisItem(part=part, key=key, fingerprint=cell("fingerprint")))
    return InputBasis(employees=tuple(employees), items=tuple(items))


_YES_NO = ("yes", "no")


@dataclass
class _Gone:
    """What the input no longer has, whose assignments are left out of the plan read."""

    people: frozenset[EmployeeId] = frozenset()
    teams: frozenset[str] = frozenset()
    departments: frozenset[str] = frozenset()
    periods: frozenset[str] = frozenset()
    left_out: list[LeftOut] = field(default_factory=list)

    @classmethod
    def of(cls, changes: InputChanges) -> _Gone:
        def removed(part: str) -> frozenset[str]:
            found = changes.part(part)
            return frozenset(found.removed) if found is not None else frozenset()

        return cls(
            frozenset(changes.removed),
            removed("Teams"),
            removed("Departments"),
            frozenset(normalise(p) for p in removed("Periods")),
        )

    def person(self, employee_id: EmployeeId | None) -> str | None:
        """Why the assignments of ``employee_id`` are left out, if they are."""
        if employee_id in self.people:
            return i18n.t("plan_sheets.read.employee_gone", employee_id=employee_id)
        return None

    def leave(self, reason: str, employee_id: str, kind: ReviewKind, **place: str | None) -> None:
        self.left_out.append(LeftOut(employee_id=employee_id, kind=kind, reason=reason, **place))


def _named(sheets: dict[str, _Sheet]) -> Iterator[_Named]:
    """Every row of the Teams and Rotation sheets that names someone, in sheet order."""
    for name, department_header in ((TEAMS, "department"), (ROTATION, "home_department")):
        sheet = sheets.get(name)
        if sheet is None:
            continue
        id_column = sheet.column("employee_id")
        if id_column is None:
            continue
        columns = {"name": sheet.column("name"), "department": sheet.column(department_header)}
        for row, values in sheet.rows:
            employee_id = _plain(values.get(id_column))
            if employee_id is None:
                continue
            cells = {
                key: (column, text)
                for key, column in columns.items()
                if column is not None and (text := _plain(values.get(column))) is not None
            }
            yield _Named(employee_id, sheet, row, cells.get("name"), cells.get("department"))


def _plain(value: object) -> str | None:
    """A cell as text for comparing, ``None`` when blank or unreadable (``_Sheet.text``
    reports unreadable cells when the plan itself is read)."""
    if value is None:
        return None  # as_text would give "None"
    try:
        check_raw(value)
        text = as_id(value)
    except CellError:
        return None
    return text if text else None


def _clean(value: object) -> str | None:
    """A cell as the reader's text (``text.clean``), ``None`` when blank or unreadable,
    without reporting it (the plan's own reading of the cell does)."""
    text = _plain(value)
    return clean(text) or None if text is not None else None


def _same(text: str) -> str:
    """Text as compared: Unicode compatibility forms, invisible characters, case, spacing
    and look-alike letters aside (``text.fold``)."""
    return fold(text)


def _at(sheet: _Sheet, row: int, column: int | None, message: str) -> Problem:
    header = sheet.headers.get(column) if column is not None else None
    cell = f"{get_column_letter(column)}{row}" if column is not None else None
    return Problem(sheet=sheet.name, row=row, column=header, cell=cell, message=message)


def _another_company(path: Path, changes: InputChanges, mismatches: list[Problem]) -> list[Problem]:
    differing = changes.named_differing
    summary = Problem(
        message=i18n.t(
            "plan_sheets.read.another_company",
            file=path.name,
            differing=differing,
            people=changes.people,
            share=changes.differing_share,
            limit=ANOTHER_COMPANY_SHARE,
        )
    )
    more = len(mismatches) - MISMATCHES_LISTED
    rest = (
        [Problem(message=i18n.t("plan_sheets.read.more_differing", count=more))] if more > 0 else []
    )
    return [summary, *mismatches[:MISMATCHES_LISTED], *rest]


def _refuse_decisions_on_changed_people(
    path: Path, sheet: _Sheet, decisions: tuple[ReviewDecision, ...], changes: InputChanges
) -> None:
    """A lock or remove of someone whose entry changed would act on another person."""
    differing = changes.differing
    column = sheet.column("employee_id")
    problems = [
        _at(
            sheet,
            d.row or sheet.header_row,
            column,
            i18n.t(
                "plan_sheets.read.decision_on_changed",
                employee_id=d.employee_id,
                decision=i18n.name(d.decision),
                file=path.name,
            ),
        )
        for d in decisions
        if d.decision in ("lock", "remove") and d.employee_id in differing
    ]
    if problems:
        raise InputError(problems)


def _run_info_fields(run_info: _Sheet | None) -> dict[str, str]:
    """Run Info's field -> value, as text (a label of either language read as its field)."""
    if run_info is None or len(run_info.headers) < 2:
        return {}
    found: dict[str, str] = {}
    for _, values in run_info.rows:
        cells = [values.get(c) for c in sorted(run_info.headers)[:2]]
        field, value = run_info_field(as_text(cells[0])), as_text(cells[1])
        if field and value and field not in found:
            found[field] = value
    return found


def _plan_from(
    path: Path, sheets: dict[str, _Sheet], instance: PlanningInput, *, gone: _Gone | None = None
) -> Plan:
    """The plan the Teams and Rotation sheets hold, without what is ``gone`` from the input
    (each assignment left out is listed in ``gone.left_out``)."""
    gone = gone if gone is not None else _Gone()
    run_info = _run_info_fields(sheets.get(RUN_INFO))
    parts = {k: v for k, v in sheets.items() if k in (TEAMS, ROTATION)}
    if not parts:
        message = i18n.t(
            "plan_sheets.read.no_plan_sheets",
            file=path.name,
            teams=i18n.name(TEAMS),
            rotation=i18n.name(ROTATION),
        )
        raise InputError([Problem(message=message)])
    teams = _read_teams(parts[TEAMS], instance, gone) if TEAMS in parts else ()
    rotation = _read_rotation(parts[ROTATION], instance, gone) if ROTATION in parts else ()
    _raise_if_problems(*parts.values())
    planned = {
        field: word == "yes"
        for field in ("planned_teams", "planned_rotation")
        if (word := _word_of(run_info.get(field), _YES_NO)) is not None
    }
    return Plan(
        status=SolveStatus.FEASIBLE,
        teams=teams,
        rotation=rotation,
        planned_teams=planned.get("planned_teams", TEAMS in parts),
        planned_rotation=planned.get("planned_rotation", ROTATION in parts),
    )


def _read_teams(sheet: _Sheet, instance: PlanningInput, gone: _Gone) -> tuple[TeamAssignment, ...]:
    columns = sheet.require("team", "employee_id")
    if len(columns) < 2:
        return ()
    members: dict[str, list[str]] = {}
    for row, values in sheet.rows:
        who = _plain(values.get(columns["employee_id"]))
        named = _clean(values.get(columns["team"]))
        why = gone.person(who) or (
            i18n.t("plan_sheets.read.team_gone", team=named) if named in gone.teams else None
        )
        if who is not None and why is not None:
            gone.leave(why, who, "team", team=named)
            continue
        team = _known(sheet, row, values, columns["team"], instance.team_by_name, "team")
        employee = _known(
            sheet, row, values, columns["employee_id"], instance.employee_by_id, "employee"
        )
        if team is None or employee is None:
            continue
        listed = members.setdefault(team, [])
        if employee in listed:
            message = i18n.t("plan_sheets.read.listed_twice", employee_id=employee, team=team)
            sheet.problem(row, columns["employee_id"], i18n.name("employee_id"), message)
        else:
            listed.append(employee)
    return tuple(TeamAssignment(team=t, members=tuple(m)) for t, m in members.items())


def _known(
    sheet: _Sheet,
    row: int,
    values: dict[int, object],
    column: int,
    known: dict[str, Any],
    what: str,
) -> str | None:
    """The cell's text when the instance knows it; otherwise a problem and ``None``.
    ``what`` is team, employee, period or host_department."""
    text = sheet.text(row, values, column)
    if text is None:
        if column not in values:
            message = i18n.t(f"plan_sheets.read.missing.{what}")
            sheet.problem(row, column, sheet.headers[column], message)
        return None
    if text not in known:
        header = sheet.headers[column]
        person = _person_named(sheet, text, known) if what == "employee" else None
        if person is not None:  # not quoted: a name is personal data
            message = i18n.t("plan_sheets.read.a_name", employee_id=person)
            sheet.problem(row, column, header, message)
            return None
        quoted = written(raw, text) if isinstance(raw := values[column], str) else text
        sheet.problem(row, column, header, i18n.t(f"plan_sheets.read.unknown.{what}", value=quoted))
        return None
    return text


def _person_named(sheet: _Sheet, text: str, employees: dict[str, Any]) -> str | None:
    """The id of the employee whose name ``text`` is (case aside), if any."""
    if sheet.people is None:
        sheet.people = {fold(e.name): i for i, e in employees.items() if e.name}
    return sheet.people.get(fold(text))


def _read_rotation(
    sheet: _Sheet, instance: PlanningInput, gone: _Gone
) -> tuple[RotationStint, ...]:
    columns = sheet.require("employee_id")
    if not columns:
        return ()
    fixed = {spelling for c in ROTATION_COLUMNS for spelling in _spellings(c)}
    labels = {p.label: p for p in instance.periods}
    by_normal = {normalise(p.label): p for p in instance.periods}
    period_of: dict[int, str] = {}
    gone_periods: dict[int, str] = {}
    for column, header in sheet.headers.items():
        if normalise(header) in fixed:
            continue
        period = labels.get(header) or by_normal.get(normalise(header))
        if period is None and normalise(header) in gone.periods:
            gone_periods[column] = clean(header)
        elif period is None:
            sheet.problem(
                sheet.header_row,
                column,
                header,
                i18n.t("plan_sheets.read.unknown.period", value=written(header, clean(header))),
            )
        else:
            period_of[column] = period.label
    order = {p.label: p.index for p in instance.periods}
    stints: list[RotationStint] = []
    seen: set[tuple[str, str]] = set()
    for row, values in sheet.rows:
        who = _plain(values.get(columns["employee_id"]))
        if who is not None and _left_out_stints(values, who, period_of, gone_periods, gone):
            continue
        employee = _known(
            sheet, row, values, columns["employee_id"], instance.employee_by_id, "employee"
        )
        hosts = [
            (period_of[c], sheet.text(row, values, c), c)
            for c in sorted(period_of, key=lambda c: order[period_of[c]])
        ]
        for label, department, column in hosts:
            header = sheet.headers[column]
            if department is None or department in gone.departments:
                continue
            if department not in instance.department_by_name:
                message = i18n.t("plan_sheets.read.unknown.department", value=department)
                sheet.problem(row, column, header, message)
            elif employee is not None and (employee, label) in seen:
                message = i18n.t(
                    "plan_sheets.read.already_away", employee_id=employee, period=label
                )
                sheet.problem(row, column, header, message)
            elif employee is not None:
                seen.add((employee, label))
                stints.append(
                    RotationStint(employee_id=employee, period=label, department=department)
                )
    return tuple(stints)


def _left_out_stints(
    values: dict[int, object],
    who: EmployeeId,
    period_of: dict[int, str],
    gone_periods: dict[int, str],
    gone: _Gone,
) -> bool:
    """List the stints of the row that are left out (its person, a period or a host gone);
    whether the whole row is (its person gone)."""
    person = gone.person(who)
    for column, label in [*period_of.items(), *gone_periods.items()]:
        host = _clean(values.get(column))
        if host is None:
            continue
        why = (
            person
            or (
                i18n.t("plan_sheets.read.period_gone", period=label)
                if column in gone_periods
                else None
            )
            or (
                i18n.t("plan_sheets.read.department_gone", department=host)
                if host in gone.departments
                else None
            )
        )
        if why is not None:
            gone.leave(why, who, "rotation", period=label, department=host)
    return person is not None


def read_review(path: Path, instance: PlanningInput) -> tuple[ReviewDecision, ...]:
    """The decisions managers entered on the Review sheet, in row order; blank ones skipped.

    Raises:
        InputError: no Review sheet, a decision other than keep / remove / lock, or an
            assignment naming what the instance does not have; every problem is listed.
    """
    sheets = _read_sheets(path, REVIEW)
    if REVIEW not in sheets:
        raise InputError([_no_review_sheet(path)])
    return _review_decisions(sheets[REVIEW], instance)


def _no_review_sheet(path: Path) -> Problem:
    sheet = i18n.name(REVIEW)
    return Problem(message=i18n.t("plan_sheets.read.no_sheet", file=path.name, sheet=sheet))


def _review_decisions(sheet: _Sheet, instance: PlanningInput) -> tuple[ReviewDecision, ...]:
    columns = sheet.require(*_REVIEW_REQUIRED)
    _raise_if_problems(sheet)
    decisions = list(_decisions(sheet, instance, columns))
    _raise_if_problems(sheet)
    return tuple(decisions)


_REVIEW_REQUIRED = ("kind", "team", "period", "host_department", "employee_id", "decision")


def _decisions(
    sheet: _Sheet, instance: PlanningInput, columns: dict[str, int]
) -> Iterator[ReviewDecision]:
    comment_column = sheet.column("comment")
    for row, values in sheet.rows:
        written_decision = sheet.text(row, values, columns["decision"])
        if written_decision is None:
            comment = _clean(values.get(comment_column)) if comment_column else None
            if comment is not None and (note := _comment_only(values, instance, columns)):
                yield note.model_copy(update={"comment": comment, "row": row})
            continue
        decision = Decision.read(written_decision)
        if decision is None:
            message = i18n.t("plan_sheets.read.not_a_decision", value=written_decision)
            sheet.problem(row, columns["decision"], sheet.headers[columns["decision"]], message)
            continue
        kind = _kind(sheet.text(row, values, columns["kind"]))
        if kind is None:
            message = i18n.t("plan_sheets.read.kind")
            sheet.problem(row, columns["kind"], sheet.headers[columns["kind"]], message)
            continue
        employee = _known(
            sheet, row, values, columns["employee_id"], instance.employee_by_id, "employee"
        )
        targets = _targets(sheet, row, values, instance, columns, kind)
        if employee is None or targets is None:
            continue
        team, period, department = targets
        yield ReviewDecision(
            kind=kind,
            employee_id=employee,
            team=team,
            period=period,
            department=department,
            decision=decision,
            comment=sheet.text(row, values, comment_column) or "",
            row=row,
        )


def _comment_only(
    values: dict[int, object], instance: PlanningInput, columns: dict[str, int]
) -> ReviewDecision | None:
    """A row with a comment and no decision, as it stands (nothing on it is checked: it
    only carries the comment to the next plan); ``None`` when it names no employee or kind
    the input has."""
    kind = _kind(_clean(values.get(columns["kind"])))
    employee = _clean(values.get(columns["employee_id"]))
    if kind is None or employee not in instance.employee_by_id:
        return None
    return ReviewDecision(
        kind=kind,
        employee_id=employee,
        team=_clean(values.get(columns["team"])),
        period=_clean(values.get(columns["period"])),
        department=_clean(values.get(columns["host_department"])),
        row=1,
    )


def _kind(text: str | None) -> ReviewKind | None:
    """The kind of assignment (team, rotation) ``text`` names in either language."""
    kind = _word_of(text, get_args(ReviewKind))
    return "team" if kind == "team" else "rotation" if kind == "rotation" else None


def _targets(
    sheet: _Sheet,
    row: int,
    values: dict[int, object],
    instance: PlanningInput,
    columns: dict[str, int],
    kind: ReviewKind,
) -> tuple[str | None, str | None, str | None] | None:
    """(team, period, host department) of one assignment; ``None`` after a problem."""
    wanted = (
        (("team", instance.team_by_name),)
        if kind == "team"
        else (
            ("period", {p.label: p for p in instance.periods}),
            ("host_department", instance.department_by_name),
        )
    )
    found: dict[str, str | None] = {"team": None, "period": None, "host_department": None}
    for header, known in wanted:
        found[header] = _known(sheet, row, values, columns[header], known, header)
        if found[header] is None:
            return None
    return found["team"], found["period"], found["host_department"]
