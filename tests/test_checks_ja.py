"""In Japanese, the Checks sheet's rows and the reasons a plan cannot exist read as an HR
department writes them, with the figures, rows and ids of the English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from command import run
from instances import company, network_report, person, rotation_instance
from solving import by_work
from workbooks import company as company_sheets
from workbooks import write_workbook

from crossteam import i18n
from crossteam.checks import verify
from crossteam.models import (
    CheckResult,
    Plan,
    PlanningInput,
    Rule,
    RuleKind,
    SkillNeed,
    SolveStatus,
    StopReason,
    TeamSpec,
)
from crossteam.planner import solve
from crossteam.planner.prechecks import check_teams_possible, precheck_rotation

JA = i18n.Language.JA
NEED = SkillNeed(skill="python", min_level=3)
SPEC = TeamSpec(name="T", count=2, min_size=2, max_size=3, min_departments=2,
                max_per_department=1, skill_needs=(NEED,))  # fmt: skip


def _staff() -> PlanningInput:
    people = [
        person("a1", "A", {"python": 4}),
        person("a2", "A"),
        person("b1", "B", {"python": 3}),
        person("b2", "B"),
        person("c1", "C"),
    ]
    return company(people, (SPEC,))


@pytest.fixture(scope="module")
def solved() -> tuple[PlanningInput, Plan]:
    instance = _staff()
    with i18n.using(JA):
        plan = solve(instance, network_report(instance), by_work(0.5, rotation=False))
    assert plan.has_solution
    return instance, plan


def _row(results: tuple[CheckResult, ...], rule: str, subject: str) -> CheckResult:
    (found,) = [r for r in results if r.rule == rule and r.subject == subject]
    return found


def test_a_solved_plan_checks_in_japanese_with_its_figures(
    solved: tuple[PlanningInput, Plan],
) -> None:
    instance, plan = solved
    with i18n.using(JA):
        report = verify(instance, plan)
    assert report.passed, report.failures
    for team in plan.teams:
        size = len(team.members)
        departments = len({instance.employee_by_id[e].department for e in team.members})
        rows = report.results
        assert _row(rows, "チーム人数", team.team).detail == f"{size}名（許容範囲2～3名）"
        assert _row(rows, "部署上限", team.team).detail == "1部署あたり最大1名"
        # only a1 and b1 hold python at level 3 or more: one in each team
        skill = _row(rows, "必要スキル", team.team).detail
        assert skill == "python（レベル3以上）の保有者1名（必要1名）"
        shown = _row(rows, "最少部署数", team.team).detail
        assert shown == f"{departments}部署（最低2部署）"
    nobody_twice = _row(report.results, "1人1チームまで", "全チーム")
    assert nobody_twice.detail == "複数のチームに所属する人はいません"
    assert _row(report.results, "全チームの編成", "全チーム").detail == "全2チームを編成しました"


def test_a_broken_plan_fails_in_japanese_naming_the_team_and_people(
    solved: tuple[PlanningInput, Plan],
) -> None:
    instance, plan = solved
    crowded = plan.model_copy(
        update={"teams": (plan.teams[0].model_copy(update={"members": ("a1", "a2", "b1")}),)}
    )
    with i18n.using(JA):
        report = verify(instance, crowded)
    team = plan.teams[0].team
    assert _row(report.failures, "部署上限", team).detail == "上限1名を超過: A: 2"
    formed = _row(report.failures, "全チームの編成", "全チーム").detail
    assert formed == f"未編成: {plan.teams[1].team}"


def test_the_same_plan_checks_in_english_as_before(solved: tuple[PlanningInput, Plan]) -> None:
    instance, plan = solved
    report = verify(instance, plan)
    team = plan.teams[0].team
    assert _row(report.results, "max_per_department", team).detail == "at most 1 per department"
    assert _row(report.results, "team skills", team).detail == (
        "1 member with python at level 3 or more (needs 1)"
    )


def _rule(kind: RuleKind, who: str, target: str, row: int) -> Rule:
    return Rule(kind=kind, employee_id=who, target=target, targets=(target,), row=row)


def test_prechecks_explain_in_japanese_naming_the_rules_row_and_ids() -> None:
    instance = _staff()
    away = instance.employees[3].model_copy(update={"available": False})  # b2
    instance = company(
        [*instance.employees[:3], away, instance.employees[4]],
        (SPEC,),
        rules=(
            _rule(RuleKind.TOGETHER, "a1", "b2", 7),
            _rule(RuleKind.IN_TEAM, "c1", "T-1", 8),
            _rule(RuleKind.IN_TEAM, "c1", "T-2", 9),
        ),
    )
    with i18n.using(JA):
        reasons = check_teams_possible(instance)
    assert reasons == [
        "ルール: c1に異なる2つのチームが指定されています（in_team ルール）。",
        "ルールシート7行目: a1はb2と同じチームにする必要があります（together）が、"
        "b2は利用できません。",
    ]


def test_an_infeasible_input_gives_no_plan_and_a_japanese_reason() -> None:
    spec = TeamSpec(name="声", min_size=2, max_size=3, skill_needs=(SkillNeed(skill="cobol"),))
    instance = company([person("a1", "A"), person("b1", "B")], (spec,))
    with i18n.using(JA):
        plan = solve(instance, network_report(instance), by_work(0.5, rotation=False))
    assert plan.status is SolveStatus.INFEASIBLE and plan.stop_reason is StopReason.PRECHECK
    assert plan.explanation == (
        "チーム「声」にはcobol（レベル1以上）の社員が1名必要ですが、"
        "利用可能な社員に保有者がいません。",
    )


def test_a_conflict_the_solver_finds_lists_the_rules_in_japanese() -> None:
    # two people in A, one in B: two teams of two from two departments cannot both form
    people = [person("a1", "A"), person("a2", "A"), person("a3", "A"), person("b1", "B")]
    spec = TeamSpec(name="Pair", count=2, min_size=2, max_size=2, min_departments=2)
    instance = company(people, (spec,))
    with i18n.using(JA):
        plan = solve(instance, network_report(instance), by_work(0.5, rotation=False))
    assert plan.status is SolveStatus.INFEASIBLE and plan.stop_reason is StopReason.PROVEN
    assert plan.explanation[0] == "次のルールをすべて同時に満たす計画はありません："
    assert "- チーム「Pair」には最低2部署からのメンバーが必要です" in plan.explanation


def test_a_rotate_to_rule_that_cannot_hold_is_explained_in_japanese() -> None:
    people = [person("a1", "A"), person("a2", "A"), person("b1", "B"), person("b2", "B")]
    rule = Rule(kind=RuleKind.ROTATE_TO, employee_id="a1", target="A", targets=("A",), row=4)
    instance = rotation_instance(people, rules=(rule,))
    with i18n.using(JA):
        reasons = precheck_rotation(instance)
    assert "a1はAへローテーションする必要があります（rotate_to）が、そこは本人の所属部署です。" in (
        reasons
    )


def test_plan_exits_1_with_the_japanese_reason_naming_the_rules_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = company_sheets()
    sheets["Rules"].append(["together", "E1", "E4", None])  # Rules row 6; E4 is not available
    path = write_workbook(tmp_path / "impossible.xlsx", sheets)
    out_path = tmp_path / "plan.xlsx"

    code, out, _ = run(capsys, "plan", str(path), "-o", str(out_path), "--json", "--lang", "ja")

    assert code == 1
    payload = json.loads(out)
    assert payload["status"] == "infeasible"
    assert (
        "ルールシート6行目: E1はE4と同じチームにする必要があります（together）が、"
        "E4は利用できません。"
    ) in payload["explanation"]
    assert not out_path.exists()
