"""The manager review loop: decisions from a reviewed plan workbook, re-planned for real."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from plan_samples import sample_checks, sample_run_info, write_sample

from crossteam import network
from crossteam.checks import verify
from crossteam.cli import main
from crossteam.errors import InputError
from crossteam.io.example import write_example
from crossteam.io.plan_layout import CHANGES, CHANGES_COLUMNS, REVIEW, REVIEW_COLUMNS
from crossteam.io.plan_reader import read_plan, read_review
from crossteam.io.plan_writer import write_plan
from crossteam.io.reader import load_workbook
from crossteam.models import NetworkReport, Plan, PlanningInput, ReviewDecision, RuleKind
from crossteam.planner import SolveOptions
from crossteam.review import NO_PLAN_AFTER_REVIEW, REMOVED, ReviewResult, Scope, refilled, replan

OPTIONS = SolveOptions(time_limit_seconds=3, workers=2, seed=0)


@dataclass(frozen=True)
class Planned:
    """A generated company, planned once through the command line."""

    instance: PlanningInput
    report: NetworkReport
    plan_path: Path
    previous: Plan


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Planned:
    folder = tmp_path_factory.mktemp("review")
    company, plan_path = folder / "company.xlsx", folder / "plan.xlsx"
    write_example(company, employees=150, departments=10, seed=0)
    with pytest.raises(SystemExit) as ended:
        main(["plan", str(company), "-o", str(plan_path), "--time-limit", "3", "--workers", "2"])
    assert ended.value.code == 0
    instance = load_workbook(company)
    return Planned(instance, network.analyse(instance), plan_path, read_plan(plan_path, instance))


def review_rows(path: Path) -> list[dict[str, object]]:
    """The Review table as dicts, with each row's Excel row number."""
    sheet = openpyxl.load_workbook(path)[REVIEW]
    header = [c.value for c in sheet[1]]
    assert tuple(header) == REVIEW_COLUMNS
    return [
        {"row": number, **dict(zip(header, (c.value for c in cells), strict=True))}
        for number, cells in enumerate(sheet.iter_rows(min_row=2), start=2)
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
    assert result.rounds[0].teams.scope is Scope.DECIDED


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
    assert len(result.rounds) == 1


def test_locks_no_plan_can_honour_end_in_a_free_round_with_an_explanation(
    planned: Planned,
) -> None:
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
    assert result.changes == ()
    assert [r.teams.scope for r in result.rounds[:3]] == [
        Scope.DECIDED, Scope.NEWCOMERS, Scope.LEAVERS,
    ]  # fmt: skip
    assert result.rounds[-1].teams.scope is Scope.FREE


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


def overfill(planned: Planned, *, keep: bool) -> tuple[ReviewDecision, ...]:
    """Locks of people in no team into the smallest team, one more than it has room for,
    each from another department; with ``keep``, every member of the team is kept."""
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
    if keep:
        decisions += [
            ReviewDecision(kind="team", employee_id=m, team=team.team, decision="keep", row=50 + i)
            for i, m in enumerate(team.members)
        ]
    return tuple(decisions)


def test_kept_members_are_released_only_in_the_last_round(planned: Planned) -> None:
    without_keeps = replan_of(planned, overfill(planned, keep=False))
    with_keeps = replan_of(planned, overfill(planned, keep=True))

    assert without_keeps.rounds[-1].teams.scope is Scope.LEAVERS
    assert with_keeps.rounds[-1].teams.scope is Scope.FREE
    for result in (without_keeps, with_keeps):
        assert result.stats.locks_honoured == result.stats.locks
