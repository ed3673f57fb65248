"""The plan workbook in Japanese, and plans read back in either language whatever the
language of the run."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from command import run
from plan_samples import sample_instance, sample_run_info
from solving import by_work, solved

from crossteam import i18n, network
from crossteam.checks import verify
from crossteam.errors import InputError
from crossteam.io.example_workbook import write_example
from crossteam.io.plan_layout import REVIEW_COLUMNS, ROTATION_COLUMNS
from crossteam.io.plan_reader import read_plan, read_plan_for
from crossteam.io.plan_writer import REVIEW_HEADER_ROW, local_time, write_plan
from crossteam.io.reader import load_workbook
from crossteam.models import AlternativeSummary, InputChanges, Plan, PlanningInput, ReviewDecision
from crossteam.models.review import Decision, PlanChange

JA = i18n.Language.JA
REVIEW_JA = "レビュー"
DECISION_COLUMN = REVIEW_COLUMNS.index("decision") + 1


@pytest.fixture(scope="module")
def planned() -> tuple[PlanningInput, Plan]:
    """The hand-made company, planned (teams and rotation) and checked by the checker."""
    instance = sample_instance()
    return instance, solved(instance, by_work(0.5))


def write(path: Path, instance: PlanningInput, plan: Plan, language: i18n.Language) -> Path:
    with i18n.using(language):
        write_plan(
            path,
            instance,
            plan,
            effect=network.compare(instance, plan),
            checks=verify(instance, plan),
            run_info=sample_run_info(),
        )
    return path


def headers(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    """The header cells of every table on ``sheet``."""
    found: list[str] = []
    for table in sheet.tables.values():
        found += [column.name for column in table.tableColumns]
    return found


def test_every_sheet_name_and_header_of_a_japanese_plan_is_japanese(
    planned: tuple[PlanningInput, Plan], tmp_path: Path
) -> None:
    instance, plan = planned
    workbook = openpyxl.load_workbook(write(tmp_path / "plan.xlsx", instance, plan, JA))
    assert workbook.sheetnames == [
        "概要",
        "チーム",
        "チーム概要",
        "ローテーション",
        "部門間のつながり",
        "部門間の断絶",
        "チェック",
        "レビュー",
        "入力の基準",
        "実行情報",
    ]
    periods = {p.label for p in instance.periods}  # the user's own labels head their columns
    for sheet in workbook.worksheets:
        shown = [h for h in headers(sheet) if h not in periods]
        assert shown or sheet.title == "部門間のつながり", sheet.title  # a heat map, no table
        assert all(i18n.is_japanese(h) for h in shown), (sheet.title, shown)
    assert headers(workbook["ローテーション"])[: len(ROTATION_COLUMNS)] == [
        "社員ID",
        "氏名",
        "所属部署",
    ]
    assert workbook["部門間のつながり"]["A2"].value == "部署"


def test_the_japanese_review_sheet_speaks_japanese_and_offers_japanese_decisions(
    planned: tuple[PlanningInput, Plan], tmp_path: Path
) -> None:
    instance, plan = planned
    sheet = openpyxl.load_workbook(write(tmp_path / "plan.xlsx", instance, plan, JA))[REVIEW_JA]
    assert sheet["A1"].value == "レビュー: 次の計画に向けた判断"
    assert "「固定」「除外」「維持」" in sheet["A2"].value
    assert "crossteam plan company.xlsx --review THIS-PLAN.xlsx" in sheet["A5"].value
    header = [c.value for c in sheet[REVIEW_HEADER_ROW]]
    assert header == [
        "種別",
        "チーム",
        "期間",
        "受入部門",
        "社員ID",
        "氏名",
        "部署",
        "判断",
        "コメント",
    ]
    kinds = {sheet.cell(row=r, column=1).value for r in range(REVIEW_HEADER_ROW + 1, 40)}
    assert {"チーム", "ローテーション"} <= kinds
    (dropdown,) = sheet.data_validations.dataValidation
    assert dropdown.formula1 == '"維持,除外,固定"'
    assert dropdown.promptTitle == "判断"


def test_japanese_checks_summary_and_run_info_carry_japanese_words(
    planned: tuple[PlanningInput, Plan], tmp_path: Path
) -> None:
    instance, plan = planned
    workbook = openpyxl.load_workbook(write(tmp_path / "plan.xlsx", instance, plan, JA))
    results = {row[2] for row in workbook["チェック"].iter_rows(min_row=2, values_only=True)}
    assert results <= {"合格", "不合格", "対象外"} and "合格" in results
    summary = [row[0] for row in workbook["概要"].iter_rows(values_only=True)]
    year, month, day = (
        int(part) for part in local_time(sample_run_info().started_at)[:10].split("-")
    )
    assert summary[0] == f"company.xlsx の計画（{year}年{month}月{day}日作成）"  # a date in prose
    assert "主な指標" in summary and "E-I指数" in summary
    info = {row[0]: row[1] for row in workbook["実行情報"].iter_rows(values_only=True)}
    assert info["入力ファイルのSHA-256"] == "ab" * 32
    assert info["混成チームを計画済み"] == "はい"
    assert info["バージョン ortools"] == "9.12"


def test_a_japanese_plan_reads_back_to_the_same_plan_in_either_language(
    planned: tuple[PlanningInput, Plan], tmp_path: Path
) -> None:
    instance, plan = planned
    path = write(tmp_path / "plan.xlsx", instance, plan, JA)
    for language in i18n.Language:
        with i18n.using(language):
            back = read_plan(path, instance)
        assert back.teams == plan.teams
        assert set(back.rotation) == set(plan.rotation)
        assert (back.planned_teams, back.planned_rotation) == (True, True)


def decide(path: Path, words: list[str]) -> list[int]:
    """Type ``words`` into the first decision cells of the Review sheet; their rows."""
    workbook = openpyxl.load_workbook(path)
    sheet = next(s for s in workbook.worksheets if s.title in ("Review", REVIEW_JA))
    rows = list(range(REVIEW_HEADER_ROW + 1, REVIEW_HEADER_ROW + 1 + len(words)))
    for row, word in zip(rows, words, strict=True):
        sheet.cell(row=row, column=DECISION_COLUMN, value=word)
    workbook.save(path)
    return rows


@pytest.mark.parametrize("written_in", list(i18n.Language))
@pytest.mark.parametrize("read_in", list(i18n.Language))
def test_review_decisions_read_in_both_languages_whatever_the_run_speaks(
    planned: tuple[PlanningInput, Plan],
    tmp_path: Path,
    written_in: i18n.Language,
    read_in: i18n.Language,
) -> None:
    instance, plan = planned
    path = write(tmp_path / "plan.xlsx", instance, plan, written_in)
    rows = decide(path, ["固定", "除外", "維持", "ＬＯＣＫ", "Remove"])
    with i18n.using(read_in):
        found = read_plan_for(path, instance, review=True)
    assert found.plan.teams == plan.teams
    decided = [(d.row, d.kind, d.decision) for d in found.decisions]
    expected = [Decision.LOCK, Decision.REMOVE, Decision.KEEP, Decision.LOCK, Decision.REMOVE]
    assert decided == [(r, "team", e) for r, e in zip(rows, expected, strict=True)]


def test_a_word_that_is_no_decision_is_told_in_japanese_with_its_cell(
    planned: tuple[PlanningInput, Plan], tmp_path: Path
) -> None:
    instance, plan = planned
    path = write(tmp_path / "plan.xlsx", instance, plan, JA)
    (row,) = decide(path, ["たぶん"])
    with i18n.using(JA), pytest.raises(InputError) as raised:
        read_plan_for(path, instance, review=True)
    (problem,) = raised.value.problems
    assert (problem.sheet, problem.row, problem.column) == (REVIEW_JA, row, "判断")
    assert problem.message == (
        "「たぶん」は判断として使えません。維持・除外・固定のいずれかを入力してください"
    )


def test_an_unknown_team_on_a_japanese_plan_is_told_in_japanese(
    planned: tuple[PlanningInput, Plan], tmp_path: Path
) -> None:
    instance, plan = planned
    path = write(tmp_path / "plan.xlsx", instance, plan, JA)
    workbook = openpyxl.load_workbook(path)
    workbook["チーム"]["A2"].value = "Gamma"
    workbook.save(path)
    with i18n.using(JA), pytest.raises(InputError) as raised:
        read_plan(path, instance)
    (problem,) = raised.value.problems
    assert (problem.sheet, problem.cell, problem.column) == ("チーム", "A2", "チーム")
    assert problem.message == "チーム「Gamma」は登録されていません"


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("keep", Decision.KEEP),
        (" LOCK ", Decision.LOCK),
        ("ｒｅｍｏｖｅ", Decision.REMOVE),
        ("維持", Decision.KEEP),
        ("除外", Decision.REMOVE),
        ("固定", Decision.LOCK),
        ("maybe", None),
        ("", None),
    ],
)
def test_a_decision_is_read_in_either_language_any_case_and_width(
    text: str, decision: Decision | None
) -> None:
    assert Decision.read(text) is decision


def test_a_japanese_review_re_plans_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    company, first, second = tmp_path / "会社.xlsx", tmp_path / "plan.xlsx", tmp_path / "next.xlsx"
    write_example(company, employees=40, departments=4, seed=1, japanese=True, teams=3)
    code, _, err = run(capsys, "plan", str(company), "-o", str(first), "--lang", "ja")
    assert code == 0, err
    workbook = openpyxl.load_workbook(first)
    assert REVIEW_JA in workbook.sheetnames and "Review" not in workbook.sheetnames
    sheet = workbook[REVIEW_JA]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=REVIEW_HEADER_ROW + 1)]
    teams = [r for r in rows if r[0] == "チーム"]
    # someone no rule names, so that the lock below breaks no rule whatever the plan is
    ruled = {n for r in load_workbook(company).rules for n in (r.employee_id, r.target, *r.targets)}
    mover = next(r for r in teams if str(r[4]) not in ruled)
    removed = next(r for r in teams if r is not mover and r[1] != mover[1])
    elsewhere = removed[1]
    for row, values in enumerate(rows, start=REVIEW_HEADER_ROW + 1):
        if values is mover:  # moved to another team by editing its team cell, then locked
            sheet.cell(row=row, column=2, value=elsewhere)
            sheet.cell(row=row, column=DECISION_COLUMN, value="固定")
        elif values is removed:
            sheet.cell(row=row, column=DECISION_COLUMN, value="除外")
    workbook.save(first)
    code, _, err = run(
        capsys, "plan", str(company), "--review", str(first), "-o", str(second), "--lang", "ja"
    )
    assert code == 0, err
    instance = load_workbook(company)
    replanned = read_plan(second, instance)
    assert verify(instance, replanned).passed
    team_of = {m: t.team for t in replanned.teams for m in t.members}
    assert team_of[str(mover[4])] == elsewhere
    assert team_of.get(str(removed[4])) != removed[1]
    changes = openpyxl.load_workbook(second)["変更点"]
    assert [c.value for c in changes[1]][:8] == [
        "社員ID",
        "氏名",
        "種別",
        "変更",
        "変更前",
        "変更後",
        "理由",
        "コメント",
    ]
    carried = read_plan_for(second, instance, review=True).decisions
    assert {(d.employee_id, d.decision) for d in carried} >= {
        (str(mover[4]), Decision.LOCK),
        (str(removed[4]), Decision.REMOVE),
    }
    assert all(isinstance(d, ReviewDecision) for d in carried)


def test_changes_and_alternatives_sheets_are_japanese_too(
    planned: tuple[PlanningInput, Plan], tmp_path: Path
) -> None:
    instance, plan = planned
    changes = (
        PlanChange(
            employee_id="E1", kind="team", what="moved", before="Beta", after="Alpha", reason="x"
        ),
        PlanChange(employee_id="E8", kind="rotation", what="rotation changed", reason="y"),
    )
    alternatives = tuple(
        AlternativeSummary(
            number=n,
            objective=10.0 - n,
            share_of_best=1.0,
            within_tolerance=True,
            distinct=n == 2,
            checks_passed=True,
            silent_pairs_bridged=2,
            departments_per_team=2.0,
            difference_to={3 - n: 0.5},
            teams=plan.teams,
        )
        for n in (1, 2)
    )
    path = tmp_path / "plan.xlsx"
    with i18n.using(JA):
        write_plan(
            path,
            instance,
            plan,
            effect=network.compare(instance, plan),
            checks=verify(instance, plan),
            run_info=sample_run_info(),
            changes=changes,
            alternatives=alternatives,
            input_changes=InputChanges(same_input=True),
        )
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[:4] == ["概要", "変更点", "代替案", "代替案のチーム"]
    for title in ("変更点", "代替案", "代替案のチーム"):
        assert all(i18n.is_japanese(h) for h in headers(workbook[title])), title
    rows = list(workbook["変更点"].iter_rows(min_row=2, max_col=4, values_only=True))
    assert rows[:2] == [
        ("E1", "Sato Hana", "チーム", "異動"),
        ("E8", "Kato Mai", "ローテーション", "ローテーション変更"),
    ]
    assert "案2との差" in headers(workbook["代替案"])
    assert "入力は前回の計画の作成に使ったものと同じです" in [
        c.value for row in workbook["変更点"].iter_rows() for c in row
    ]


def test_a_chart_with_japanese_words_is_a_picture_drawn_with_the_bundled_font(
    planned: tuple[PlanningInput, Plan], tmp_path: Path
) -> None:
    """A spreadsheet draws its own charts with the viewer's fonts, which may hold no
    Japanese: in Japanese the departments chart comes as a picture, like the network's;
    in English it stays a chart the spreadsheet draws."""
    instance, plan = planned
    japanese = openpyxl.load_workbook(write(tmp_path / "ja.xlsx", instance, plan, JA))
    english = openpyxl.load_workbook(write(tmp_path / "en.xlsx", instance, plan, i18n.Language.EN))
    summary_ja, summary_en = japanese["概要"], english["Summary"]
    assert (len(summary_ja._images), len(summary_ja._charts)) == (2, 0)
    assert (len(summary_en._images), len(summary_en._charts)) == (1, 1)
