"""The words of the explain area (see the package's docstring): network facts, plan status
words, what changed in the input since a plan, why a re-plan changed what it changed, and
the notes of alternative plans."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

_NETWORK: Final[dict[str, Text]] = {
    "explain.gap_kind.zero": Text("zero", "交流なし"),
    "explain.gap_kind.weak": Text("weak", "弱い交流"),
    "explain.gap_kind.tied": Text("tied", "交流あり"),
    "explain.projection": Text(
        "The figures after the plan are projected, not measured: they assume that a team ties "
        "all its members to each other and that a rotation ties the rotator to everyone in the "
        "host department.",
        "計画後の数値は実測ではなく見込みです。チームのメンバーは全員が互いに交流し、"
        "ローテーションで異動した人は受入部門の全員と交流すると仮定しています。",
    ),
    "explain.no_interactions_sheet": Text(
        "The workbook has no Interactions sheet: no tie between people is known, so "
        "before any plan every department pair counts as a gap.",
        "ワークブックに交流シートがありません。社員間の交流がわからないため、"
        "計画前はすべての部署ペアを部門間の断絶として数えます。",
    ),
    "explain.empty_departments": Text(
        "Departments without employees are left out of the network: {departments}",
        "社員のいない部署はネットワークから除いています：{departments}",
    ),
    "explain.betweenness_sampled": Text(
        "Betweenness is estimated from {samples} sampled people (exact up to {exact} people).",
        "媒介中心性は抽出した{samples}名から推定しています（{exact}名までは厳密に計算します）。",
    ),
    "explain.unknown_team_member": Text(
        "team {team}: unknown employee {employee}",
        "チーム「{team}」：社員ID「{employee}」は登録されていません",
    ),
    "explain.unknown_rotator": Text(
        "rotation of {employee} to {department} ({period}): unknown employee",
        "{employee} の{department}へのローテーション（{period}）：この社員は登録されていません",
    ),
    "explain.unknown_host": Text(
        "rotation of {employee} to {department} ({period}): unknown department",
        "{employee} の{department}へのローテーション（{period}）：この部署は登録されていません",
    ),
}

_PLAN: Final[dict[str, Text]] = {
    "explain.status.optimal": Text("optimal", "最適"),
    "explain.status.feasible": Text("feasible", "実行可能"),
    "explain.status.infeasible": Text("infeasible", "実行不可能"),
    "explain.status.no_solution": Text("no_solution", "解なし"),
    "explain.stop.proven": Text("proven", "最適性を証明"),
    "explain.stop.time_limit": Text("time_limit", "制限時間に到達"),
    "explain.stop.deterministic_limit": Text("deterministic_limit", "決定的な作業上限に到達"),
    "explain.stop.interrupted": Text("interrupted", "中断"),
    "explain.stop.precheck": Text("precheck", "事前チェックで停止"),
    "explain.stop.nothing_to_plan": Text("nothing_to_plan", "計画する対象なし"),
    "explain.stop.size_limit": Text("size_limit", "規模の上限"),
    "explain.check.pass": Text("pass", "合格"),
    "explain.check.fail": Text("fail", "不合格"),
    "explain.check.not_applicable": Text("n/a", "対象外"),
    "explain.silent_bridged": Text(
        "bridged {bridged:,} of {pairs}", "{pairs}のうち{bridged:,}組を橋渡し"
    ),
    "explain.ceiling.teams": Text(
        "{bridged} (at most {ceiling:,} can be bridged by these teams)",
        "{bridged}（このチーム編成で橋渡しできるのは最大{ceiling:,}組）",
    ),
    "explain.ceiling.rotation": Text(
        "{bridged} (at most {ceiling:,} can be bridged by this rotation)",
        "{bridged}（このローテーションで橋渡しできるのは最大{ceiling:,}組）",
    ),
    "explain.ceiling.teams_and_rotation": Text(
        "{bridged} (at most {ceiling:,} can be bridged by these teams and this rotation)",
        "{bridged}（このチーム編成とローテーションで橋渡しできるのは最大{ceiling:,}組）",
    ),
    "explain.objective_part.bridging": Text("bridging", "橋渡し"),
    "explain.objective_part.diversity": Text("diversity", "多様性"),
    "explain.objective_part.skill_depth": Text("skill depth", "スキルの厚み"),
    "explain.objective_part.balance": Text("balance", "バランス"),
    "explain.objective_part.rotation_fairness": Text("rotation fairness", "ローテーションの公平性"),
    "explain.objective_part.learning": Text("learning", "学び"),
    "explain.objective_part.stability": Text("stability", "前の計画の維持"),
    "explain.objective_part.preference": Text("preference", "希望"),
    "explain.objective_part.rotation_history": Text("rotation history", "ローテーションの履歴"),
    "explain.objective_part.repeat_teammates": Text("repeat teammates", "同じメンバーとの再編成"),
    "explain.objective_part.spread": Text("spread", "チームとローテーションの分散"),
    "explain.objective_too_large": Text(
        "with these weights the objective could reach {total:.3g} (the {part} part {value:.3g} "
        "of it), beyond the {limit:.3g} the solver adds up exactly for this company: lower the "
        "weights (only their ratios matter)",
        "この重みでは目的関数値が最大{total:.3g}になり得ます（うち「{part}」の部分が"
        "{value:.3g}）。この会社でソルバーが正確に合計できる{limit:.3g}を超えるため、"
        "重みを下げてください（意味を持つのは重みの比率だけです）",
    ),
}

_INPUT_CHANGES: Final[dict[str, Text]] = {
    "explain.input.department_changed": Text("changed department", "所属部署の変更"),
    "explain.input.removed": Text("no longer in the input", "入力から削除"),
    "explain.input.renamed": Text("with another name", "氏名の変更"),
    "explain.input.added": Text("new in the input", "入力に追加"),
    "explain.input.now_unavailable": Text("now unavailable", "利用不可に変更"),
    "explain.input.available_again": Text("available again", "再び利用可能"),
    "explain.input.no_longer_eligible": Text(
        "no longer rotation-eligible", "ローテーション対象外に変更"
    ),
    "explain.input.now_eligible": Text("now rotation-eligible", "ローテーション対象に変更"),
    "explain.input.details_changed": Text("with other skills or details", "スキルなどの項目の変更"),
    "explain.input.rows_added": Text("added", "追加"),
    "explain.input.rows_removed": Text("removed", "削除"),
    "explain.input.rows_changed": Text("changed", "変更"),
    "explain.input.people": Text("{count} {change} ({ids})", "{change}{count}名（{ids}）"),
    "explain.input.rows": Text("{count} {change} ({keys})", "{change}{count}件（{keys}）"),
    "explain.input.sheet": Text("{sheet}: {changes}", "{sheet}シート：{changes}"),
    "explain.input.same": Text("made from this very input", "この入力そのものから作成されています"),
    "explain.input.named_differ": Text(
        "{differing} of the {people} people it names differ",
        "計画に載っている{people}名のうち{differing}名が異なります",
    ),
    "explain.input.named_details": Text("{named}: {details}", "{named}。内訳：{details}"),
    "explain.input.headcounts": Text(
        "; the input has {now} employees, the plan's had {then}",
        "（社員は入力では{now}名、計画の入力では{then}名）",
    ),
    "explain.input.another_version": Text(
        "made from another version of the input (SHA-256 differs): {said}{headcounts}",
        "別の版の入力から作成されています（SHA-256が異なります）。{said}{headcounts}",
    ),
    "explain.and_more": Text("{shown} and {more} more", "{shown} ほか{more}件"),
}

_REPLAN: Final[dict[str, Text]] = {
    "explain.no_plan_after_review": Text(
        "The locks and removes on the Review sheet leave no plan, even with the rest of the "
        "plan free to change. The planner's account follows; its 'Rules:' lines without a row "
        "number are the Review decisions.",
        "レビューシートの固定と除外をすべて守る計画はありません（計画のほかの部分を自由に"
        "変えても同じです）。以下はプランナーの説明です。ルールの行のうち行番号のないものが"
        "レビューの判断です。",
    ),
    "explain.reason.locked": Text("locked by manager", "マネージャーの判断で固定"),
    "explain.reason.moved": Text(
        "moved by manager (team cell edited)", "マネージャーの判断で移動（チーム欄を編集）"
    ),
    "explain.reason.removed": Text("removed by manager", "マネージャーの判断で除外"),
    "explain.reason.unexplained": Text(
        "re-planned (no single cause)", "再計画による変更（単一の原因なし）"
    ),
    "explain.reason.refilled": Text(
        "refilled the seat of {employee}", "{employee} の抜けた席を補充"
    ),
    "explain.reason.made_room": Text("made room for {employee}", "{employee} のために席を空けた"),
    "explain.reason.connects": Text("connects {pairs}", "断絶していた部署ペアを橋渡し：{pairs}"),
    "explain.reason.now_unavailable": Text(
        "{employee} is now unavailable", "{employee} が利用不可になりました"
    ),
    "explain.reason.no_longer_eligible": Text(
        "{employee} is no longer rotation-eligible",
        "{employee} がローテーション対象外になりました",
    ),
    "explain.reason.department_changed": Text(
        "{employee} changed department ({before} -> {after})",
        "{employee} の所属部署が変わりました（{before} -> {after}）",
    ),
    "explain.reason.moved_to": Text("{employee} moved to {after}", "{employee} が{after}に異動"),
    "explain.reason.new_rule": Text("new rule: {rule}", "新しいルール：{rule}"),
    "explain.reason.rule_removed": Text("rule removed: {rule}", "削除されたルール：{rule}"),
    "explain.reason.details_changed": Text(
        "{employee}'s skills or details changed in the input",
        "入力で {employee} のスキルなどの項目が変わりました",
    ),
    "explain.reason.team_gone": Text(
        "team '{team}' is no longer in the input", "チーム「{team}」が入力からなくなりました"
    ),
    "explain.reason.team_changed": Text(
        "team '{team}' changed in the input", "チーム「{team}」の入力が変わりました"
    ),
    "explain.reason.team_new": Text(
        "team '{team}' is new in the input", "チーム「{team}」が入力に追加されました"
    ),
    "explain.reason.period_gone": Text(
        "period {period} is no longer in the input", "期間 {period} が入力からなくなりました"
    ),
    "explain.reason.department_gone": Text(
        "department {department} is no longer in the input",
        "部署 {department} が入力からなくなりました",
    ),
    "explain.reason.department_edited": Text(
        "department {department} changed in the input", "部署 {department} の入力が変わりました"
    ),
    "explain.reason.fewer_to_spare": Text(
        "{department} has fewer people to spare: {causes}",
        "{department} の人員の余裕が減りました：{causes}",
    ),
    "explain.stint": Text("{host} in {period}", "{host}（期間 {period}）"),
    "explain.place.team": Text("team '{team}'", "チーム「{team}」"),
    "explain.place.rotation": Text("a rotation to {department}", "{department}へのローテーション"),
    "explain.refusal.locked_and_removed": Text(
        "{employee} is both locked into and removed from {place}",
        "{employee} は{place}に固定と除外の両方が指定されています",
    ),
    "explain.refusal.two_teams": Text(
        "{employee} is locked into team '{first}' (Review row {row}) and team '{team}'",
        "{employee} はチーム「{first}」（レビュー{row}行目）とチーム「{team}」の両方に"
        "固定されています",
    ),
    "explain.refusal.team_full": Text(
        "{count} people are locked into team '{team}', which takes at most {largest}",
        "チーム「{team}」に{count}名が固定されていますが、このチームの上限は{largest}名です",
    ),
    "explain.refusal.unavailable": Text(
        "{employee} is not available, so cannot be locked into {place}",
        "{employee} は利用可能ではないため、{place}に固定できません",
    ),
    "explain.refusal.rules_row": Text(
        "Rules row {row} keeps {employee} out of {place}",
        "ルール{row}行目により、{employee} は{place}に入れません",
    ),
    "explain.refusal.rules": Text(
        "the Rules keeps {employee} out of {place}",
        "ルールにより、{employee} は{place}に入れません",
    ),
    "explain.refusal.not_eligible": Text(
        "{employee} is not eligible for rotation, so cannot be locked into {place}",
        "{employee} はローテーション対象ではないため、{place}に固定できません",
    ),
    "explain.refusal.own_department": Text(
        "{employee} cannot rotate to their own department {department}",
        "{employee} は所属部署の{department}にはローテーションできません",
    ),
    "explain.refusal.no_host": Text(
        "{department} hosts no one on rotation, so cannot take {employee}",
        "{department} はローテーションを受け入れていないため、{employee} を受け入れられません",
    ),
    "explain.review_rule_note": Text("Review row {row}: {why}", "レビュー{row}行目：{why}"),
}

_ALTERNATIVES: Final[dict[str, Text]] = {
    "explain.alternatives.barred": Text(
        "barred to find an alternative plan", "代替案を探すために除外"
    ),
    "explain.alternatives.held": Text("rotation held as in plan 1", "ローテーションは案1のまま"),
    "explain.alternatives.nothing_to_vary": Text(
        "Alternatives vary the teams, and this run plans no teams.",
        "代替案はチーム編成を変えて作りますが、この実行ではチームを計画していません。",
    ),
    "explain.alternatives.stopped": Text(
        "Stopped before alternative {number} of {k}.",
        "代替案{number}（全{k}案）を探す前に中断しました。",
    ),
    "explain.alternatives.not_found": Text(
        "Alternative {number}: no plan found in {attempts}.",
        "代替案{number}：{attempts}で計画が見つかりませんでした。",
    ),
    "explain.alternatives.below_tolerance": Text(
        "Alternative {number}: the best found is {objective:,.1f}, below the tolerance's "
        "{threshold:,.1f}.",
        "代替案{number}：見つかった最良の目的関数値は{objective:,.1f}で、許容範囲の下限"
        "{threshold:,.1f}を下回ります。",
    ),
    "explain.alternatives.too_similar": Text(
        "Alternative {number}: differs from an earlier plan in only {difference:.0%} of team "
        "assignments (wanted {wanted:.0%}).",
        "代替案{number}：前の案とのチーム割り当ての違いが{difference:.0%}しかありません"
        "（目標は{wanted:.0%}）。",
    ),
}

MESSAGES: Final[dict[str, Text]] = {
    **_NETWORK,
    **_PLAN,
    **_INPUT_CHANGES,
    **_REPLAN,
    **_ALTERNATIVES,
}

NOUNS: Final[dict[str, Noun]] = {
    "silent_department_pair": Noun("silent department pair", "断絶している部署ペア{n}組"),
    "attempt": Noun("attempt", "{n}回の試行"),
}

NAMES: Final[dict[str, str]] = {}
