"""In Japanese, the plan's Summary sentences and wish figures, its Preferences sheet, the
audit workbook and the sweep workbook say what the English says, with the same figures,
in words a Japanese HR department reads as written for it."""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from network_instances import four_departments
from plan_samples import sample_checks, sample_instance, sample_plan
from test_preferences_output import ROTATION, TEAM, wish, with_history, with_wishes

from crossteam import i18n, network
from crossteam.checks.preferences import wish_report
from crossteam.checks.repeats import repeated_pairs
from crossteam.io.audit_writer import write_audit
from crossteam.io.excel import BookWriter
from crossteam.io.plan_wishes import preferences_sheet, wish_figure_rows
from crossteam.io.sweep_writer import write_sweep
from crossteam.models import (
    CheckReport,
    Plan,
    PlanningInput,
    Priority,
    RotationStint,
    SolveStatus,
    TeamAssignment,
)
from crossteam.models.sweep import ScenarioResult, SweepResult
from crossteam.plan_summary import _counts, _nobody, summary_sentences


@pytest.fixture(autouse=True)
def _japanese() -> Iterator[None]:
    with i18n.using(i18n.Language.JA):
        yield


def sentences(
    instance: PlanningInput | None = None,
    plan: Plan | None = None,
    checks: CheckReport | None = None,
) -> list[str]:
    instance = instance or sample_instance()
    plan = plan or sample_plan()
    effect = network.compare(instance, plan)
    return summary_sentences(instance, plan, effect, checks or sample_checks(), "company.xlsx")


def with_priorities(*pairs: tuple[str, str, float]) -> PlanningInput:
    priorities = tuple(Priority(department_a=a, department_b=b, weight=w) for a, b, w in pairs)
    return sample_instance().model_copy(update={"priorities": priorities})


# ---------------------------------------------------------------------------- Summary


def test_the_first_sentence_counts_teams_people_and_rotation_in_japanese() -> None:
    # Alpha (3) and Beta (2); E5 away one period, E8 two
    assert sentences()[0] == (
        "この計画では2チーム（計5名）を編成します。"
        "2名をジョブローテーションに出します（所属部署を離れる期間は延べ3期間）。"
    )


def test_a_part_not_planned_and_the_solver_status_are_said_in_japanese() -> None:
    plan = sample_plan().model_copy(update={"rotation": (), "planned_rotation": False})
    assert sentences(plan=plan)[0] == (
        "この計画では2チーム（計5名）を編成します。ジョブローテーションは計画していません。"
    )
    assert sentences()[1] == "これらのルールと設定のもとで可能な最善の計画です（最適）。"
    feasible = sample_plan().model_copy(update={"status": SolveStatus.FEASIBLE})
    assert sentences(plan=feasible)[1].startswith(
        "制限時間内に見つかった最善の計画です（実行可能）。"
    )


def test_priority_pairs_are_told_one_sentence_each_weightiest_first() -> None:
    instance = with_priorities(("Finance", "Sales", 3.0), ("Development", "Sales", 2.0))
    assert sentences(instance)[3] == (
        "優先ペア（「優先」シート、重みの大きい順）は次のとおりです。"
        "Finance – Sales：断絶していましたが、チーム「Beta」によりつながります。"
        "Development – Sales：すでに交流があります。"
    )


def test_without_priorities_the_weightiest_silent_pairs_connected_are_named() -> None:
    assert sentences()[3] == (
        "優先する部署ペアは指定されていません（「優先」シート）。この計画でつながる断絶している"
        "部署ペアのうち、重みの大きいものは次のとおりです。"
        "Development – Finance：ローテーション1件によりつながります。"
        "Development – Support：チーム「Alpha」によりつながります。"
        "Finance – Sales：チーム「Beta」によりつながります。"
    )


def test_people_affected_are_counted_per_department_of_its_headcount() -> None:
    in_teams, on_rotation = sentences()[4:6]
    assert in_teams == (
        "混成チームに入る社員（部署別、在籍人数中）："
        "Development 2名中1名、Finance 2名中1名、Sales 2名中2名、Support 2名中1名。"
    )
    assert on_rotation == (
        "ジョブローテーションに出る社員（所属部署別）：Development 1名、Finance 1名。"
        "受入部門別：Finance 1名、Support 1名。"
    )
    plan = sample_plan().model_copy(update={"teams": sample_plan().teams[:1]})
    assert sentences(plan=plan)[4].endswith("。Financeからの参加者はいません。")


def test_past_twelve_departments_the_rest_are_counted_in_japanese() -> None:
    many = Counter({f"D{i:02}": i for i in range(1, 21)})  # D01 1 ... D20 20
    text = _counts(many)
    assert text.startswith("D20 20名、D19 19名、D18 18名")
    assert text.endswith("D09 9名、ほか8部署")
    nobody = _nobody([f"D{i:02}" for i in range(15)])
    assert nobody.startswith("。15部署（D00、D01、") and nobody.endswith(
        "…）からの参加者はいません"
    )


def test_what_to_review_names_the_sheets_the_decisions_and_the_command() -> None:
    last = sentences()[-1]
    assert last.startswith("「チェック」シートでチェック1件が不合格です。")
    assert "「レビュー」シート" in last and "維持・除外・固定" in last
    assert "crossteam plan company.xlsx --review このファイル.xlsx" in last
    passed = sentences(checks=CheckReport())[-1]
    assert passed.startswith("すべてのルールを計画そのものから改めてチェックしました")


def _wished() -> tuple[PlanningInput, Plan]:
    instance = with_wishes(
        wish("E5", ROTATION, "Support", 1),
        wish("E5", ROTATION, "Finance", 2),  # E5 rotates to Finance: second choice
        wish("E8", ROTATION, "Support", 1),  # E8 to Support: first choice
        wish("E6", ROTATION, "Sales", 1),  # E6 does not rotate
        wish("E4", TEAM, "Alpha", 1),
        wish("E4", TEAM, "Beta", 2),  # E4 is in Beta: second choice
        instance=with_history(),
    )
    return instance, sample_plan()


def test_wishes_granted_and_teammates_repeated_are_told_with_their_figures() -> None:
    instance, plan = _wished()
    effect = network.compare(instance, plan)
    wishes, repeats = wish_report(instance, plan), len(repeated_pairs(instance, plan))
    told = summary_sentences(
        instance, plan, effect, sample_checks(), "company.xlsx", wishes, repeats
    )
    assert told[6] == (
        "受入部門の希望を出してローテーションに出る2名のうち（「希望」シート）、"
        "第1希望がかなったのは1名（50%）、上位2位以内の希望は2名（100%）、"
        "いずれかの希望は2名（100%）で、かなった希望の平均順位は1.5位です。"
        "受入部門の希望を出した1名はローテーションに出ません。"
    )
    assert told[7].startswith("チームの希望を出してチームに入る1名のうち（「希望」シート）")
    assert told[7].endswith("かなった希望の平均順位は2.0位です。")
    assert told[8] == "この計画では、3組の同僚ペアが以前にも同じチームでした（「履歴」シート）。"


def test_the_wish_figures_are_labelled_in_japanese() -> None:
    instance, plan = _wished()
    rows = wish_figure_rows(instance, wish_report(instance, plan), 3)
    labels = {row[0]: row[1:] for _, row in rows}
    assert labels["第1希望がかなった"] == (1, 0)
    assert labels["かなった希望の平均順位"] == (1.5, 2.0)
    assert labels["「履歴」から再び同じチームになる組"] == (None, 3)


def test_the_preferences_sheet_is_japanese_from_name_to_wishes(tmp_path: Path) -> None:
    instance, plan = _wished()
    book = BookWriter()
    preferences_sheet(book, instance, wish_report(instance, plan))
    book.save(tmp_path / "wishes.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "wishes.xlsx")["希望"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("社員ID", "氏名", "部署", "種別", "希望", "割当", "割当の順位")
    e5 = next(r for r in rows if r[0] == "E5")
    assert e5[3:] == ("ローテーション", "第1希望 Support、第2希望 Finance", "Finance", 2)
    e4 = next(r for r in rows if r[0] == "E4")
    assert e4[3:] == ("チーム", "第1希望 Alpha、第2希望 Beta", "Beta", 2)


# ---------------------------------------------------------------------------- audit


def test_the_audit_workbook_speaks_japanese_with_the_same_figures(tmp_path: Path) -> None:
    instance = four_departments()
    stint = RotationStint(employee_id="d1", period="Q1", department="C")
    plan = Plan(
        status=SolveStatus.OPTIMAL,
        teams=(TeamAssignment(team="Team 1", members=("a1", "d1")),),
        rotation=(stint,),
    )
    report, effect = network.analyse(instance), network.compare(instance, plan)
    write_audit(tmp_path / "audit.xlsx", instance, report, effect)
    book = openpyxl.load_workbook(tmp_path / "audit.xlsx")
    assert book.sheetnames == [
        "概要",
        "部署",
        "部門間の断絶",
        "交流密度",
        "社員別",
        "部署のつながりの図",
    ]
    summary = {row[0]: row[1:] for row in book["概要"].iter_rows(values_only=True)}
    assert summary["指標"] == ("計画前", "計画後（見込み）", "意味")
    # D talks to no one: three silent pairs, one left after the plan bridges A-D and C-D
    assert summary["断絶している部署ペア"] == (3, 1, "交流がまったくない部署ペア")
    assert summary["媒介中心性"][:2] == ("厳密", "厳密")
    assert summary["計画で橋渡しされる断絶ペア"][1] == 2
    gaps = list(book["部門間の断絶"].iter_rows(values_only=True))
    header = gaps[0]
    assert header[:4] == ("順位", "部署A", "部署B", "種別")
    a_d = dict(zip(header, next(r for r in gaps if r[1:3] == ("A", "D")), strict=True))
    assert (a_d["種別"], a_d["計画後の種別"]) == ("交流なし", "交流あり")
    assert a_d["橋渡ししたチーム"] == "Team 1"
    c_d = dict(zip(header, next(r for r in gaps if r[1:3] == ("C", "D")), strict=True))
    assert c_d["橋渡ししたローテーション"] == "d1：Q1にCへ"
    people = list(book["社員別"].iter_rows(values_only=True))
    b1 = dict(zip(people[0], next(r for r in people if r[0] == "b1"), strict=True))
    assert (b1["橋渡し役"], b1["単一障害点"], b1["唯一のつながり先"]) == ("はい", "はい", "A")
    a1 = dict(zip(people[0], next(r for r in people if r[0] == "a1"), strict=True))
    assert (a1["橋渡し役"], a1["単一障害点"]) == ("いいえ", "いいえ")


# ---------------------------------------------------------------------------- sweep


def _scenario(number: int, **figures: object) -> ScenarioResult:
    return ScenarioResult.model_validate(
        {
            "scenario": number,
            "name": f"bridging {number}",
            "changes": {"weight_bridging": 5 * number, "assign_everyone": number == 1},
            "status": SolveStatus.OPTIMAL,
            "objective": 10.0 + number,
            "seconds": 1.0,
            "silent_pairs_before": 5,
            "silent_pairs_after": 3 - number,
            "silent_pairs_bridged": 2 + number,
            "departments_per_team": 2.5 - number / 2,
            "checks_passed": True,
            "teams": (TeamAssignment(team="Alpha", members=("E1", "E7")),),
            "rotation": (RotationStint(employee_id="E5", period="P1", department="Finance"),),
            **figures,
        }
    )


def test_the_sweep_workbook_speaks_japanese(tmp_path: Path) -> None:
    scenarios = (
        _scenario(0, pareto=True),
        _scenario(1, pareto=True, checks_passed=False, check_failures=("チーム人数",)),
        ScenarioResult(scenario=2, name="lost", failure="ワーカーが停止しました", attempts=3),
    )
    result = SweepResult(
        scenarios=scenarios,
        keys=("weight_bridging", "assign_everyone"),
        criteria=("silent_pairs_bridged", "departments_per_team"),
        engine="local",
        processes=2,
        seconds=4.0,
    )
    path = tmp_path / "sweep.xlsx"
    write_sweep(path, sample_instance(), result)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["シナリオ", "パレートフロント", "計画", "ローテーション", "実行情報"]
    rows = list(book["シナリオ"].iter_rows(values_only=True))
    assert rows[0][:5] == ("シナリオ", "シナリオ名", "weight_bridging", "assign_everyone", "状態")
    first, second, lost = (dict(zip(rows[0], r, strict=True)) for r in rows[1:])
    assert (first["状態"], first["パレート効率"], first["チェック結果"]) == ("最適", "はい", "合格")
    assert (second["assign_everyone"], second["チェック結果"], second["備考"]) == (
        "はい",
        "不合格",
        "チーム人数",
    )
    assert (lost["状態"], lost["試行回数"], lost["備考"]) == ("失敗", 3, "ワーカーが停止しました")
    front = book["パレートフロント"]
    assert front["A1"].value == "パレートフロント"
    assert str(front["A2"].value).startswith("橋渡しした断絶の数、チームあたりの部署数のすべてで")
    with zipfile.ZipFile(path) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    for words in ("シナリオとパレートフロント", "橋渡しした断絶の数", "すべてのシナリオ"):
        assert words in chart
    plans_header = next(book["計画"].iter_rows(max_row=1, values_only=True))
    assert plans_header == ("シナリオ", "チーム", "社員ID", "氏名", "部署")
    run_info = dict(book["実行情報"].iter_rows(min_row=2, values_only=True))
    assert run_info["シナリオ数"] == 3 and run_info["失敗したシナリオ数"] == 1
    assert run_info["パレート効率の基準"] == "橋渡しした断絶の数、チームあたりの部署数"


def test_english_stays_as_it_was() -> None:
    with i18n.using(i18n.Language.EN):
        assert sentences()[0] == (
            "This plan forms 2 teams (5 people in all) and puts 2 people on rotation "
            "(3 periods away from home in all)."
        )
