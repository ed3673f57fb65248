"""Re-planning against a previous plan: a manager's decisions, changes of the input, one
solve, and every change told with its cause."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from plan_samples import sample_checks, sample_run_info, write_sample
from soffice import convert
from solving import by_work

from crossteam import network
from crossteam import review as review_module
from crossteam.checks import verify
from crossteam.cli import main
from crossteam.errors import InputError
from crossteam.io.example_workbook import write_example
from crossteam.io.plan_layout import CHANGES, CHANGES_COLUMNS, INPUT_BASIS, REVIEW, REVIEW_COLUMNS
from crossteam.io.plan_reader import PlanForInput, read_plan, read_plan_for, read_review
from crossteam.io.plan_writer import REVIEW_HEADER_ROW, write_plan
from crossteam.io.reader import load_workbook
from crossteam.models import NetworkReport, Plan, PlanningInput, ReviewDecision, RuleKind
from crossteam.models.review import PlanChange
from crossteam.review import (
    MOVED,
    NO_PLAN_AFTER_REVIEW,
    REMOVED,
    UNEXPLAINED,
    ReviewResult,
    made_room,
    refilled,
    replan,
)

OPTIONS = by_work(0.3)
"""The work a 3 s repeatable run takes, the clock only a distant safety net, so that how
much of the plan a re-plan keeps cannot change on a loaded machine."""


@dataclass(frozen=True)
class Planned:
    """A generated company, planned once through the command line."""

    instance: PlanningInput
    report: NetworkReport
    plan_path: Path
    previous: Plan
    company: Path


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Planned:
    folder = tmp_path_factory.mktemp("review")
    company, plan_path = folder / "company.xlsx", folder / "plan.xlsx"
    write_example(company, employees=150, departments=10, seed=0)
    with pytest.raises(SystemExit) as ended:
        main(["plan", str(company), "-o", str(plan_path), "--time-limit", "3", "--workers", "2"])
    assert ended.value.code == 0
    instance = load_workbook(company)
    previous = read_plan(plan_path, instance)
    return Planned(instance, network.analyse(instance), plan_path, previous, company)


def review_rows(path: Path) -> list[dict[str, object]]:
    """The Review table as dicts, with each row's Excel row number."""
    sheet = openpyxl.load_workbook(path)[REVIEW]
    header = [c.value for c in sheet[REVIEW_HEADER_ROW]]
    assert tuple(header) == REVIEW_COLUMNS
    first = REVIEW_HEADER_ROW + 1
    return [
        {"row": number, **dict(zip(header, (c.value for c in cells), strict=True))}
        for number, cells in enumerate(sheet.iter_rows(min_row=first), start=first)
    ]


def decide(path: Path, out: Path, edits: dict[int, dict[str, str]]) -> Path:
    """Fill in Review cells as a manager would (row -> column -> value) and save as ``out``."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[REVIEW]
    for row, cells in edits.items():
        for column, value in cells.items():
            sheet.cell(row=row, column=REVIEW_COLUMNS.index(column) + 1, value=value)
    workbook.save(out)
    return out


def replan_of(planned: Planned, decisions: tuple[ReviewDecision, ...]) -> ReviewResult:
    result = replan(planned.instance, planned.report, planned.previous, decisions, OPTIONS)
    assert result.plan.has_solution, result.plan.explanation
    assert verify(planned.instance, result.plan).passed
    return result


def team_of(plan: Plan) -> dict[str, str]:
    return {m: t.team for t in plan.teams for m in t.members}


def stints_of(plan: Plan) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for s in plan.rotation:
        out.setdefault(s.employee_id, set()).add((s.period, s.department))
    return out


def test_three_locks_and_two_removes_are_honoured_and_most_of_the_plan_stays(
    planned: Planned, tmp_path: Path
) -> None:
    rows = [r for r in review_rows(planned.plan_path) if r["kind"] == "team"]
    teams = sorted({str(r["team"]) for r in rows})
    mover = rows[0]
    elsewhere = next(t for t in teams if t != mover["team"])
    # a lock that keeps two people where they are, one that moves someone (team cell
    # edited), and two removes from other teams
    edits = {
        mover["row"]: {"team": elsewhere, "decision": "lock"},
        rows[10]["row"]: {"decision": "lock"},
        rows[20]["row"]: {"decision": "lock", "comment": "key person"},
        rows[30]["row"]: {"decision": "remove"},
        rows[40]["row"]: {"decision": "remove"},
    }
    reviewed = decide(planned.plan_path, tmp_path / "reviewed.xlsx", edits)  # type: ignore[arg-type]
    decisions = read_review(reviewed, planned.instance)
    assert [d.decision for d in decisions] == ["lock", "lock", "lock", "remove", "remove"]

    result = replan_of(planned, decisions)

    after = team_of(result.plan)
    assert after[str(mover["employee_id"])] == elsewhere
    for r in (rows[10], rows[20]):
        assert after[str(r["employee_id"])] == r["team"]
    for r in (rows[30], rows[40]):
        assert after.get(str(r["employee_id"])) != r["team"]
    stats = result.stats
    assert (stats.locks, stats.locks_honoured, stats.removes, stats.removes_honoured) == (
        3,
        3,
        2,
        2,
    )
    assert stats.others == len(planned.previous.rotation) + len(rows) - 5
    assert stats.changed_share <= 0.2


def test_changes_sheet_lists_exactly_the_changes(planned: Planned, tmp_path: Path) -> None:
    before = team_of(planned.previous)
    removed = sorted(before)[:2]
    decisions = tuple(
        ReviewDecision(kind="team", employee_id=e, team=before[e], decision="remove", row=2 + i)
        for i, e in enumerate(removed)
    )
    result = replan_of(planned, decisions)
    path = write_sample(tmp_path / "new.xlsx", planned.instance, result.plan)
    assert CHANGES not in openpyxl.load_workbook(path).sheetnames
    write_plan(
        path,
        planned.instance,
        result.plan,
        effect=network.compare(planned.instance, result.plan, before=planned.report),
        checks=sample_checks(),
        run_info=sample_run_info(),
        changes=result.changes,
    )
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[:2] == ["Summary", CHANGES]
    sheet = workbook[CHANGES]
    assert tuple(c.value for c in sheet[1][: len(CHANGES_COLUMNS)]) == CHANGES_COLUMNS
    listed = {
        (row[0], row[2]): row
        for row in sheet.iter_rows(min_row=2, max_col=len(CHANGES_COLUMNS), values_only=True)
        if row[0] is not None
    }
    old_stints, new_stints = stints_of(planned.previous), stints_of(result.plan)
    after = team_of(result.plan)
    moved = {(e, "team") for e in before.keys() | after.keys() if before.get(e) != after.get(e)}
    moved |= {
        (e, "rotation")
        for e in old_stints.keys() | new_stints.keys()
        if old_stints.get(e) != new_stints.get(e)
    }
    assert set(listed) == moved
    for e in removed:
        assert listed[e, "team"][6] == REMOVED
        assert listed[e, "team"][4] == before[e]
    summary = {
        row[0]: row[1]
        for row in sheet.iter_rows(min_row=1, min_col=len(CHANGES_COLUMNS) + 2, values_only=True)
    }
    assert summary["changes"] == len(moved)


def test_remove_that_leaves_a_team_below_min_size_is_refilled(planned: Planned) -> None:
    team = min(
        planned.previous.teams,
        key=lambda t: len(t.members) - planned.instance.team_by_name[t.team].min_size,
    )
    spec = planned.instance.team_by_name[team.team]
    gone = team.members[: len(team.members) - spec.min_size + 1]
    decisions = tuple(
        ReviewDecision(kind="team", employee_id=e, team=team.team, decision="remove", row=2 + i)
        for i, e in enumerate(gone)
    )

    result = replan_of(planned, decisions)

    members = next(t.members for t in result.plan.teams if t.team == team.team)
    assert len(members) >= spec.min_size
    assert not set(gone) & set(members)
    # whoever joins takes a place the removes freed, in Review order; at least enough
    # join to bring the team back to its minimum (more only if the objective gains)
    joined = [c for c in result.changes if c.after == team.team and c.kind == "team"]
    assert joined
    short = spec.min_size - (len(team.members) - len(gone))
    assert len(joined) >= short >= 1
    freed = [refilled(e) for e in gone]
    taken = min(len(joined), len(gone))
    assert {c.reason for c in joined} & set(freed) == set(freed[:taken])


def test_without_decisions_the_plan_comes_back_unchanged(planned: Planned) -> None:
    result = replan_of(planned, ())

    assert team_of(result.plan) == team_of(planned.previous)
    assert stints_of(result.plan) == stints_of(planned.previous)
    assert result.changes == ()
    assert result.stats.others_changed == 0


def test_locks_no_plan_can_honour_end_with_an_explanation(planned: Planned) -> None:
    team = next(t for t in planned.instance.teams if t.max_per_department is not None)
    assert team.max_per_department is not None
    department = planned.instance.departments[0].name
    crowd = [e for e in planned.instance.available_employees if e.department == department]
    locks = tuple(
        ReviewDecision(
            kind="team", employee_id=e.employee_id, team=team.name, decision="lock", row=2 + i
        )
        for i, e in enumerate(crowd[: team.max_per_department + 1])
    )

    result = replan(planned.instance, planned.report, planned.previous, locks, OPTIONS)

    assert not result.plan.has_solution
    assert result.plan.explanation[0] == NO_PLAN_AFTER_REVIEW
    assert any("Rules:" in line for line in result.plan.explanation[1:])
    assert result.changes == ()


def test_more_locks_into_a_team_than_it_takes_are_refused(planned: Planned) -> None:
    team = planned.instance.teams[0]
    crowd = planned.instance.available_employees[: team.max_size + 1]
    locks = tuple(
        ReviewDecision(
            kind="team", employee_id=e.employee_id, team=team.name, decision="lock", row=2 + i
        )
        for i, e in enumerate(crowd)
    )

    with pytest.raises(InputError, match="takes at most") as refused:
        replan(planned.instance, planned.report, planned.previous, locks, OPTIONS)

    assert refused.value.problems[0].row == 2 + team.max_size


def test_lock_of_an_unavailable_employee_is_refused_at_its_review_row(planned: Planned) -> None:
    absent = next((e for e in planned.instance.employees if not e.available), None)
    instance = planned.instance
    if absent is None:  # the generator may make everyone available: make one person away
        first = instance.employees[0].model_copy(update={"available": False})
        instance = instance.model_copy(update={"employees": (first, *instance.employees[1:])})
        absent = first
    lock = ReviewDecision(
        kind="team", employee_id=absent.employee_id, team=instance.teams[0].name,
        decision="lock", row=7,
    )  # fmt: skip

    with pytest.raises(InputError) as refused:
        replan(instance, planned.report, planned.previous, (lock,), OPTIONS)

    problem = refused.value.problems[0]
    assert (problem.sheet, problem.row) == (REVIEW, 7)
    assert "not available" in problem.message


def test_lock_the_users_own_rules_forbid_is_refused_naming_the_rule(planned: Planned) -> None:
    rule = next(r for r in planned.instance.rules if r.kind is RuleKind.NOT_IN_TEAM)
    lock = ReviewDecision(
        kind="team", employee_id=rule.employee_id, team=rule.targets[0], decision="lock", row=5
    )

    with pytest.raises(InputError, match=f"Rules row {rule.row} keeps {rule.employee_id} out"):
        replan(planned.instance, planned.report, planned.previous, (lock,), OPTIONS)


def test_lock_into_two_teams_is_refused(planned: Planned) -> None:
    person = planned.instance.available_employees[0].employee_id
    locks = tuple(
        ReviewDecision(kind="team", employee_id=person, team=t.name, decision="lock", row=2 + i)
        for i, t in enumerate(planned.instance.teams[:2])
    )

    with pytest.raises(InputError, match="locked into team"):
        replan(planned.instance, planned.report, planned.previous, locks, OPTIONS)


def test_removed_rotation_is_gone_and_named_as_removed(planned: Planned) -> None:
    stint = planned.previous.rotation[0]
    remove = ReviewDecision(
        kind="rotation", employee_id=stint.employee_id, period=stint.period,
        department=stint.department, decision="remove", row=3,
    )  # fmt: skip

    result = replan_of(planned, (remove,))

    assert (stint.employee_id, stint.department) not in {
        (s.employee_id, s.department) for s in result.plan.rotation
    }
    assert result.stats.removes_honoured == 1
    change = next(c for c in result.changes if c.employee_id == stint.employee_id)
    assert (change.kind, change.reason) == ("rotation", REMOVED)


def test_locked_rotation_keeps_its_host_and_period(planned: Planned) -> None:
    stint = planned.previous.rotation[-1]
    lock = ReviewDecision(
        kind="rotation", employee_id=stint.employee_id, period=stint.period,
        department=stint.department, decision="lock", row=4,
    )  # fmt: skip

    result = replan_of(planned, (lock,))

    assert (stint.period, stint.department) in stints_of(result.plan)[stint.employee_id]
    assert result.stats.locks_honoured == 1
    assert result.changes == ()


def test_replan_without_changes_still_gets_a_changes_sheet_saying_so(
    planned: Planned, tmp_path: Path
) -> None:
    path = tmp_path / "same.xlsx"
    write_plan(
        path,
        planned.instance,
        planned.previous,
        effect=network.compare(planned.instance, planned.previous, before=planned.report),
        checks=sample_checks(),
        run_info=sample_run_info(),
        changes=(),
    )
    sheet = openpyxl.load_workbook(path)[CHANGES]
    assert sheet.cell(row=2, column=1).value is None
    summary_column = len(CHANGES_COLUMNS) + 2
    assert sheet.cell(row=2, column=summary_column).value == "changes"
    assert sheet.cell(row=2, column=summary_column + 1).value == 0


def overfill(planned: Planned) -> tuple[tuple[ReviewDecision, ...], str]:
    """Locks of people in no team into the smallest team, one more than it has room for,
    each from another department, and keeps of every member but the last: that one."""
    team = min(planned.previous.teams, key=lambda t: len(t.members))
    room = planned.instance.team_by_name[team.team].max_size - len(team.members)
    placed = team_of(planned.previous)
    departments = {planned.instance.employee_by_id[m].department for m in team.members}
    outsiders = []
    for e in planned.instance.available_employees:
        if e.employee_id not in placed and e.department not in departments:
            outsiders.append(e.employee_id)
            departments.add(e.department)
    decisions = [
        ReviewDecision(kind="team", employee_id=e, team=team.team, decision="lock", row=2 + i)
        for i, e in enumerate(outsiders[: room + 1])
    ]
    assert len(decisions) == room + 1  # one lock more than the team has room for
    decisions += [
        ReviewDecision(kind="team", employee_id=m, team=team.team, decision="keep", row=50 + i)
        for i, m in enumerate(team.members[:-1])
    ]
    return tuple(decisions), team.members[-1]


def test_a_lock_into_a_full_team_makes_room_with_the_member_not_kept(planned: Planned) -> None:
    decisions, unkept = overfill(planned)

    result = replan_of(planned, decisions)

    assert result.stats.locks_honoured == result.stats.locks
    before, after = team_of(planned.previous), team_of(result.plan)
    kept = [d.employee_id for d in decisions if d.decision == "keep"]
    assert all(after.get(m) == before[m] for m in kept)
    changed = [(c.employee_id, c.what, c.reason) for c in result.changes]
    leaving = next(
        (c for c in result.changes if c.employee_id == unkept and c.kind == "team"), changed
    )
    assert isinstance(leaving, PlanChange), leaving
    locked = {d.employee_id for d in decisions if d.decision == "lock"}
    assert leaving.reason in {made_room(e) for e in locked}


def test_a_replan_is_one_solve(planned: Planned, monkeypatch: pytest.MonkeyPatch) -> None:
    solves: list[object] = []
    real = review_module.solve

    def counted(*args: object, **kwargs: object) -> Plan:
        solves.append(kwargs.get("previous"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(review_module, "solve", counted)
    before = team_of(planned.previous)
    removed = sorted(before)[:3]
    decisions = tuple(
        ReviewDecision(kind="team", employee_id=e, team=before[e], decision="remove", row=2 + i)
        for i, e in enumerate(removed)
    )

    replan_of(planned, decisions)

    assert len(solves) == 1 and solves[0] is not None


def unavailable(instance: PlanningInput, *employee_ids: str) -> PlanningInput:
    employees = tuple(
        e.model_copy(update={"available": False}) if e.employee_id in employee_ids else e
        for e in instance.employees
    )
    copy = instance.model_copy(update={"employees": employees})
    return type(instance).model_validate(copy.model_dump())


def test_one_person_made_unavailable_moves_a_handful_each_with_its_cause(
    planned: Planned,
) -> None:
    ruled = {r.employee_id for r in planned.instance.rules}
    gone = next(m for t in planned.previous.teams for m in t.members if m not in ruled)
    instance = unavailable(planned.instance, gone)

    result = replan(instance, planned.report, planned.previous, (), OPTIONS)

    assert result.plan.has_solution and verify(instance, result.plan).passed
    own = [c for c in result.changes if c.employee_id == gone]
    assert [c.reason for c in own] == [f"{gone} is now unavailable"] * len(own) and own
    others = [c for c in result.changes if c.employee_id != gone]
    assert len(others) <= 5
    assert UNEXPLAINED not in {c.reason for c in others}
    assert result.stats.others_changed <= 5
    # the person made unavailable is the cause, not one of the others the re-plan moved
    held = sum(m != gone for t in planned.previous.teams for m in t.members) + sum(
        s.employee_id != gone for s in planned.previous.rotation
    )
    assert result.stats.others == held


Key = tuple[object, ...]


def number(row: dict[str, object]) -> int:
    """A Review row's Excel row number."""
    return int(str(row["row"]))


def key_of(row: dict[str, object]) -> Key:
    return tuple(row[c] for c in ("kind", "employee_id", "team", "period", "host_department"))


@dataclass(frozen=True)
class RoundTrip:
    """A plan reviewed as a manager would, and re-planned with --review."""

    edits: dict[Key, tuple[str | None, str | None]]
    """Each edited assignment (after the edit) -> its decision and comment."""
    mover: str
    removed: str
    reviewed: Path
    replanned: Path


@pytest.fixture(scope="module")
def round_trip(planned: Planned, tmp_path_factory: pytest.TempPathFactory) -> RoundTrip:
    folder = tmp_path_factory.mktemp("round-trip")
    ruled = {r.employee_id for r in planned.instance.rules}
    rows = [r for r in review_rows(planned.plan_path) if r["employee_id"] not in ruled]
    team_rows = [r for r in rows if r["kind"] == "team"]
    stint_rows = [r for r in rows if r["kind"] == "rotation"]
    mover = team_rows[0]
    elsewhere = next(r["team"] for r in team_rows if r["team"] != mover["team"])
    cells: dict[int, dict[str, str]] = {
        number(mover): {"team": str(elsewhere), "decision": "lock", "comment": "wants product"},
        number(team_rows[6]): {"decision": "remove", "comment": "on leave in spring"},
        number(team_rows[12]): {"decision": "keep", "comment": "mentors the team"},
        number(team_rows[18]): {"decision": "lock"},
        number(team_rows[24]): {"comment": "ask again in June"},  # a comment alone
        number(stint_rows[0]): {"decision": "keep", "comment": "the host asked"},
    }
    edits = {}
    for row in rows:
        if number(row) in cells:
            edited = {**row, **cells[number(row)]}
            edits[key_of(edited)] = (edited["decision"], edited["comment"])
    reviewed = decide(planned.plan_path, folder / "reviewed.xlsx", cells)
    replanned = folder / "next.xlsx"
    args = ["plan", str(planned.company), "--review", str(reviewed), "-o", str(replanned)]
    with pytest.raises(SystemExit) as ended:
        main([*args, "--time-limit", "3", "--workers", "2"])
    assert ended.value.code == 0
    return RoundTrip(
        edits, str(mover["employee_id"]), str(team_rows[6]["employee_id"]), reviewed, replanned
    )


def test_the_review_round_trip_keeps_every_decision_and_comment(
    planned: Planned, round_trip: RoundTrip
) -> None:
    new_rows = review_rows(round_trip.replanned)
    carried = {
        key_of(r): (r["decision"], r["comment"]) for r in new_rows if r["decision"] or r["comment"]
    }
    assert carried == round_trip.edits

    # the new workbook reads back with the same decisions: a second review starts from them
    again = read_plan_for(round_trip.replanned, planned.instance, review=True)
    first = read_plan_for(round_trip.reviewed, planned.instance, review=True)

    def decided(found: PlanForInput) -> set[tuple[object, ...]]:
        return {(*d.model_dump(exclude={"row"}).values(),) for d in found.decisions}

    assert decided(again) == decided(first) and len(first.decisions) == len(round_trip.edits)
    assert verify(planned.instance, again.plan).passed


def test_each_comment_appears_next_to_its_change(round_trip: RoundTrip) -> None:
    sheet = openpyxl.load_workbook(round_trip.replanned, read_only=True)[CHANGES]
    listed = {
        (row[0], row[2]): row
        for row in sheet.iter_rows(min_row=2, max_col=len(CHANGES_COLUMNS), values_only=True)
        if row[0] is not None
    }
    reason, comment = CHANGES_COLUMNS.index("reason"), CHANGES_COLUMNS.index("comment")
    moved = listed[round_trip.mover, "team"]
    assert (moved[reason], moved[comment]) == (MOVED, "wants product")
    removed = listed[round_trip.removed, "team"]
    assert (removed[reason], removed[comment]) == (REMOVED, "on leave in spring")


def test_the_review_sheet_says_how_to_use_it(planned: Planned, round_trip: RoundTrip) -> None:
    sheet = openpyxl.load_workbook(round_trip.replanned)[REVIEW]
    text = " ".join(
        str(sheet.cell(row=r, column=1).value or "") for r in range(1, REVIEW_HEADER_ROW)
    )
    for words in ("lock", "remove", "keep", "'team' cell", "comment", "Changes sheet"):
        assert words in text
    command = (
        f"crossteam plan {planned.company.name} --review {round_trip.replanned.name} "
        f"-o {round_trip.replanned.stem}-next.xlsx"
    )
    assert command in text
    assert sheet.freeze_panes == f"A{REVIEW_HEADER_ROW + 1}"


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_replanned_workbook_opens_in_libreoffice_and_reads_back(
    planned: Planned, round_trip: RoundTrip, tmp_path: Path
) -> None:
    out = tmp_path / "resaved"
    convert(round_trip.replanned, "xlsx", out, tmp_path)
    resaved = read_plan_for(out / round_trip.replanned.name, planned.instance, review=True)
    direct = read_plan_for(round_trip.replanned, planned.instance, review=True)
    assert resaved.decisions == direct.decisions
    assert (resaved.plan.teams, resaved.plan.rotation) == (direct.plan.teams, direct.plan.rotation)
    book = openpyxl.load_workbook(out / round_trip.replanned.name)
    assert book[INPUT_BASIS].sheet_state == "hidden"
