"""The Preferences sheet: people's ranked wishes for a rotation host or a team, each
target resolved to the departments or concrete teams it means."""

from __future__ import annotations

from dataclasses import dataclass

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.labels import label
from crossteam.io.reader.context import EMPLOYEES, TEAMS, Reading
from crossteam.io.reader.references import department_ref, known_employee, unknown, unknown_team
from crossteam.io.reader.table import Row, Table
from crossteam.models import Preference, ProgrammeKind
from crossteam.models.text import shown

KIND_WORDS = {
    schema.match_key(word): kind
    for kind, words in (
        (ProgrammeKind.ROTATION, ("rotation", "異動", "ローテーション")),
        (ProgrammeKind.TEAM, ("team", "チーム")),
    )
    for word in words
}
"""What a kind cell may hold (case and spaces aside) -> the kind it means."""


def programme_kind(row: Row) -> ProgrammeKind | None:
    """The ``kind`` cell of a Preferences or History row; reported when it is neither."""
    text = row.get("kind")
    if text is None:
        return None
    kind = KIND_WORDS.get(schema.match_key(text))
    if kind is None:
        found = i18n.canonical(text, among=[k.value for k in ProgrammeKind])
        kind = None if found is None else ProgrammeKind(found)
    if kind is None:
        message = i18n.t(
            "reader.kind_unknown",
            text=shown(text),
            rotation=label(ProgrammeKind.ROTATION.value),
            team=label(ProgrammeKind.TEAM.value),
        )
        row.error(row.index("kind"), message)
    return kind


@dataclass
class _Seen:
    """One person's wishes of one kind read so far: rank -> row, resolved target -> row."""

    ranks: dict[int, int]
    targets: dict[tuple[str, ...], int]


def read_preferences(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    seen: dict[tuple[str, ProgrammeKind], _Seen] = {}
    for row in reading.rows(table):
        employee_id = known_employee(reading, row, "employee_id")
        kind = programme_kind(row)
        target = row.get("target")
        rank = row.get("rank")
        if kind is None or target is None:
            continue
        targets = _targets(reading, row, kind, target)
        if not row.ok or employee_id is None or not targets or rank is None:
            continue
        mine = seen.setdefault((employee_id, kind), _Seen({}, {}))
        if not _first_of_its_rank(row, kind, rank, targets, mine):
            continue
        _warn_ungrantable(reading, row, employee_id, kind, targets)
        reading.preferences.append(
            Preference(
                employee_id=employee_id,
                kind=kind,
                # a department as Employees spells it, as Rules keep it; a team as written
                target=targets[0] if kind is ProgrammeKind.ROTATION else target,
                targets=targets,
                rank=rank,
                row=row.number,
            )
        )


def _first_of_its_rank(
    row: Row, kind: ProgrammeKind, rank: int, targets: tuple[str, ...], seen: _Seen
) -> bool:
    """True unless this person already used ``rank`` or ranked ``targets`` for ``kind``
    (each reported at this row, naming the first)."""
    if rank in seen.ranks:
        row.error(
            row.index("rank"),
            i18n.t("reader.rank_again", rank=rank, kind=label(kind.value), first=seen.ranks[rank]),
        )
        return False
    if targets in seen.targets:
        row.error(
            row.index("target"),
            i18n.t("reader.wish_again", kind=label(kind.value), first=seen.targets[targets]),
        )
        return False
    seen.ranks[rank] = row.number
    seen.targets[targets] = row.number
    return True


def _targets(reading: Reading, row: Row, kind: ProgrammeKind, target: str) -> tuple[str, ...]:
    """What a wish's target means: the department, or the teams a team or spec names;
    ``()`` when it cannot be resolved (reported, or a warning when no Teams sheet)."""
    index = row.index("target")
    if kind is ProgrammeKind.ROTATION:
        if EMPLOYEES in reading.unreadable:
            return ()
        found = department_ref(reading, row, index, target)
        if found is None:
            message = i18n.t(
                "reader.no_department", department=shown(target), sheet=label(EMPLOYEES)
            )
            unknown(reading, row, index, message, "department", target, reading.departments.suggest)
            return ()
        return (found,)
    if TEAMS not in reading.tables:
        row.warn(index, i18n.t("reader.team_wish_no_teams", sheet=label(TEAMS)))
        return ()
    if TEAMS in reading.unreadable:
        return ()
    if target not in reading.team_names:
        unknown_team(reading, row, index, target)
        return ()
    return reading.team_names[target]


def _warn_ungrantable(
    reading: Reading, row: Row, employee_id: str, kind: ProgrammeKind, targets: tuple[str, ...]
) -> None:
    """A warning at a rotation wish the plan can never grant."""
    if kind is not ProgrammeKind.ROTATION:
        return
    fields = reading.employees[employee_id].fields if employee_id in reading.employees else {}
    host = targets[0]
    policy = reading.department_rows.get(host, {})
    capacity = policy.get("host_capacity", reading.settings.default_host_capacity)
    reason = (
        "own_department"
        if fields.get("department") == host
        else "not_eligible"
        if fields.get("rotation_eligible") is False
        else "not_available"
        if fields.get("available") is False
        else "hosts_nobody"
        if policy.get("can_host") is False or capacity == 0
        else None
    )
    if reason is not None:
        why = i18n.t(
            f"reader.ungrantable.{reason}",
            department=shown(host),
            no=label("no"),
            sheet=label(EMPLOYEES),
            **{
                c: label(c) for c in ("rotation_eligible", "available", "can_host", "host_capacity")
            },
        )
        row.warn(row.index("target"), i18n.t("reader.ungrantable", reason=why))
