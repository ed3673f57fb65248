"""What crossteam explains, in Japanese: why a re-plan changed each assignment, what changed
in the input since a plan, the network's facts and the notes of alternative plans."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from instances import company, network_report, person
from plan_samples import sample_instance
from solving import by_work, solved

from crossteam import i18n, network
from crossteam.alternatives import plan_alternatives
from crossteam.checks import verify
from crossteam.errors import InputError
from crossteam.models import (
    CheckResult,
    Department,
    GapKind,
    InputChanges,
    Plan,
    PlanningInput,
    ReviewDecision,
    SolveStatus,
    TeamAssignment,
    TeamSpec,
)
from crossteam.models.extent import ObjectiveExtent
from crossteam.models.input_changes import input_basis
from crossteam.models.network import projection
from crossteam.models.review import PlanChange
from crossteam.review import ReviewResult, replan

JA = i18n.Language.JA
OPTIONS = by_work(0.3)


def _replanned(
    instance: PlanningInput,
    previous: Plan,
    decisions: tuple[ReviewDecision, ...] = (),
    changes: InputChanges | None = None,
) -> ReviewResult:
    result = replan(
        instance, network_report(instance), previous, decisions, OPTIONS, input_changes=changes
    )
    assert result.plan.has_solution, result.plan.explanation
    assert verify(instance, result.plan).passed
    return result


def _in_both(
    replan_once: Callable[[], ReviewResult],
) -> tuple[tuple[PlanChange, ...], tuple[PlanChange, ...]]:
    """The changes of one re-plan made in English, then in Japanese."""
    english = replan_once().changes
    with i18n.using(JA):
        japanese = replan_once().changes
    return english, japanese


# ---------------------------------------------------------------------------- re-plan reasons


def test_a_managers_lock_and_remove_are_told_in_japanese() -> None:
    instance = sample_instance()
    previous = solved(instance, OPTIONS)
    first, second = previous.teams
    decisions = (
        ReviewDecision(
            kind="team", employee_id=first.members[0], team=second.team, decision="lock", row=2
        ),
        ReviewDecision(
            kind="team", employee_id=second.members[0], team=second.team, decision="remove", row=3
        ),
    )

    english, japanese = _in_both(lambda: _replanned(instance, previous, decisions))

    # the same plan and changes in both languages, only the words differ
    assert [(c.employee_id, c.kind, c.what, c.before, c.after) for c in japanese] == [
        (c.employee_id, c.kind, c.what, c.before, c.after) for c in english
    ]
    reasons = {c.employee_id: c.reason for c in japanese}
    assert reasons[first.members[0]] == "マネージャーの判断で移動（チーム欄を編集）"
    assert reasons[second.members[0]] == "マネージャーの判断で除外"
    for change in japanese:
        assert i18n.is_japanese(change.reason), change


def test_the_inputs_changes_are_the_reasons_of_a_re_plan_in_japanese() -> None:
    instance = sample_instance()
    previous = solved(instance, OPTIONS)
    # E3 is away now, and E6 has moved from Support to Sales
    later = _later(instance, unavailable="E3", moved=("E6", "Sales"))
    changes = InputChanges(same_input=False, people=8, named_differing=1).with_basis(
        input_basis(instance), later
    )

    english, japanese = _in_both(lambda: _replanned(later, previous, changes=changes))

    assert len(japanese) == len(english)
    by_english = dict(zip((c.reason for c in english), (c.reason for c in japanese), strict=True))
    assert by_english["E3 is now unavailable"] == "E3 が利用不可になりました"
    assert (
        by_english["E6 changed department (Support -> Sales)"]
        == "E6 の所属部署が変わりました（Support -> Sales）"
    )
    for said, told in by_english.items():
        if said.startswith("Support has fewer people to spare: "):
            assert told.startswith("Support の人員の余裕が減りました：")
            assert "E3 が利用不可になりました" in told
    stints = [c for c in japanese if c.kind == "rotation" and c.before]
    assert all(re.fullmatch(r"\S+（期間 P\d）(／\S+（期間 P\d）)*", c.before) for c in stints)


def test_a_lock_no_plan_can_honour_is_refused_in_japanese_at_its_review_row() -> None:
    instance = _later(sample_instance(), unavailable="E3")
    previous = solved(sample_instance(), OPTIONS)
    lock = ReviewDecision(kind="team", employee_id="E3", team="Beta", decision="lock", row=7)

    with i18n.using(JA), pytest.raises(InputError) as refused:
        replan(instance, network_report(instance), previous, (lock,), OPTIONS)

    (problem,) = refused.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("レビュー", 7, "判断")
    assert problem.message == "E3 は利用可能ではないため、チーム「Beta」に固定できません"


def _later(
    instance: PlanningInput, *, unavailable: str, moved: tuple[str, str] | None = None
) -> PlanningInput:
    """``instance`` as its workbook might read later: someone away, someone moved."""
    employees = tuple(
        e.model_copy(
            update={
                "available": e.employee_id != unavailable,
                "department": moved[1] if moved and e.employee_id == moved[0] else e.department,
            }
        )
        for e in instance.employees
    )
    changed = instance.model_copy(update={"employees": employees})
    return PlanningInput.model_validate(changed.model_dump())


# ---------------------------------------------------------------------------- input changes


def test_the_inputs_changes_are_summarised_in_japanese() -> None:
    before = sample_instance()
    later = _later(before, unavailable="E3", moved=("E6", "Sales"))
    alpha = later.teams[0].model_copy(update={"max_size": 5})
    later = PlanningInput.model_validate(
        later.model_copy(update={"teams": (alpha, *later.teams[1:])}).model_dump()
    )
    changes = InputChanges(
        same_input=False, people=8, named_differing=1, plan_employees=9, input_employees=8
    ).with_basis(input_basis(before), later)

    with i18n.using(JA):
        summary = changes.summary()
        lines = changes.people_lines()

    assert summary == (
        "別の版の入力から作成されています（SHA-256が異なります）。"
        "計画に載っている8名のうち1名が異なります。内訳：所属部署の変更1名（E6 Support -> Sales）"
        "／利用不可に変更1名（E3）／チームシート：変更1件（Alpha）"
        "（社員は入力では8名、計画の入力では9名）"
    )
    assert lines == [("所属部署の変更", ("E6 Support -> Sales",)), ("利用不可に変更", ("E3",))]
    assert changes.summary().startswith("made from another version of the input")


def test_a_long_list_of_people_ends_with_how_many_more_in_japanese() -> None:
    gone = tuple(f"E{n}" for n in range(1, 13))
    changes = InputChanges(same_input=False, people=12, named_differing=12, removed=gone)
    with i18n.using(JA):
        assert changes.summary().endswith(
            "内訳：入力から削除12名（E1、E2、E3、E4、E5、E6、E7、E8、E9、E10 ほか2件）"
        )
        assert InputChanges(same_input=True).summary() == "この入力そのものから作成されています"


# ---------------------------------------------------------------------------- network facts


def test_network_notes_say_in_japanese_what_the_figures_leave_out() -> None:
    people = [person(f"e{i}", f"d{i % 2}") for i in range(1, 5)]
    instance = company(people, (TeamSpec(name="T", min_size=2, max_size=4),))
    empty = tuple(
        Department(name=name, headcount=0, min_on_site=0.5, host_capacity=0)
        for name in ("経理", "法務")
    )
    instance = PlanningInput.model_validate(
        instance.model_copy(
            update={
                "departments": (*instance.departments, *empty),
                "interactions": (),
                "has_interactions_sheet": False,
            }
        ).model_dump()
    )

    with i18n.using(JA):
        notes = network.analyse(instance).notes

    assert notes == (
        "ワークブックに交流シートがありません。社員間の交流がわからないため、"
        "計画前はすべての部署ペアを部門間の断絶として数えます。",
        "社員のいない部署はネットワークから除いています：法務、経理",
    )


def test_network_words_in_japanese() -> None:
    plan = Plan(status=SolveStatus.OPTIMAL, silent_pairs_ceiling=147)
    with i18n.using(JA):
        assert plan.silent_pairs_text(220, 74) == (
            "断絶している部署ペア220組のうち146組を橋渡し"
            "（このチーム編成とローテーションで橋渡しできるのは最大147組）"
        )
        assert plan.model_copy(update={"planned_rotation": False}).silent_pairs_text(3, 3) == (
            "断絶している部署ペア3組のうち0組を橋渡し（このチーム編成で橋渡しできるのは最大147組）"
        )
        assert [k.word for k in GapKind] == ["交流なし", "弱い交流", "交流あり"]
        assert projection().startswith("計画後の数値は実測ではなく見込みです。")
        assert SolveStatus.NO_SOLUTION.word == "解なし"
        words = [CheckResult(rule="r", passed=p, applicable=a).status_word for p, a in _STATES]
        assert words == ["合格", "不合格", "対象外"]
    assert plan.silent_pairs_text(220, 74) == (
        "bridged 146 of 220 silent department pairs "
        "(at most 147 can be bridged by these teams and this rotation)"
    )
    assert [CheckResult(rule="r", passed=p, applicable=a).status_word for p, a in _STATES] == [
        "pass",
        "fail",
        "n/a",
    ]


_STATES = ((True, True), (False, True), (True, False))


def test_a_plan_naming_an_unknown_employee_is_refused_in_japanese() -> None:
    instance = sample_instance()
    plan = Plan(
        status=SolveStatus.FEASIBLE,
        teams=(TeamAssignment(team="Alpha", members=("E1", "E99")),),
    )
    with i18n.using(JA), pytest.raises(InputError) as refused:
        network.compare(instance, plan)
    (problem,) = refused.value.problems
    assert (problem.sheet, problem.message) == (
        "チーム",
        "チーム「Alpha」：社員ID「E99」は登録されていません",
    )


def test_weights_too_large_are_explained_in_japanese() -> None:
    extent = ObjectiveExtent({"bridging": 1e12, "skill_depth": 5.0})
    with i18n.using(JA):
        message = extent.message()
    assert message.startswith(
        "この重みでは目的関数値が最大1e+12になり得ます（うち「橋渡し」の部分が"
    )
    assert message.endswith("重みを下げてください（意味を持つのは重みの比率だけです）")
    assert "(the bridging part 1e+12 of it)" in extent.message()


# ---------------------------------------------------------------------------- alternatives


def test_alternatives_of_a_run_without_teams_say_why_in_japanese() -> None:
    people = [person(f"e{i}", f"d{i % 3}") for i in range(1, 7)]
    instance = company(people, (TeamSpec(name="All", min_size=6, max_size=6),))
    with i18n.using(JA):
        result = plan_alternatives(
            instance, network_report(instance), by_work(teams=False), 3, tolerance=0.05
        )
    assert result.notes == (
        "代替案はチーム編成を変えて作りますが、この実行ではチームを計画していません。",
    )
