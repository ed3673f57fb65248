"""The words of the output area (see the package's docstring): the plan's Summary
sentences and wishes, the audit workbook, the pictures and the sweep workbook."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

_SUMMARY: Final[dict[str, Text]] = {
    # what the plan does
    "output.summary.forms_teams": Text(
        "forms {teams} ({people} in all)",
        "{teams}（計{people}）を編成します",
    ),
    "output.summary.forms_no_team": Text("forms no team", "チームは編成しません"),
    "output.summary.rotates": Text(
        "puts {people} on rotation ({periods} away from home in all)",
        "{people}をジョブローテーションに出します（所属部署を離れる期間は延べ{periods}）",
    ),
    "output.summary.rotates_nobody": Text(
        "puts nobody on rotation", "ジョブローテーションに出る社員はいません"
    ),
    "output.summary.plan_both": Text(
        "This plan {teams} and {rotation}.", "この計画では{teams}。{rotation}。"
    ),
    "output.summary.plan_teams_only": Text(
        "This plan {teams}; rotation was not planned.",
        "この計画では{teams}。ジョブローテーションは計画していません。",
    ),
    "output.summary.plan_rotation_only": Text(
        "This plan {rotation}; teams were not planned.",
        "この計画では{rotation}。混成チームは計画していません。",
    ),
    "output.summary.optimal": Text(
        "It is the best plan possible under these rules and settings (optimal).",
        "これらのルールと設定のもとで可能な最善の計画です（最適）。",
    ),
    "output.summary.feasible": Text(
        "It is the best plan found within the time limit (feasible): the solver figures "
        "below say how much better a plan could be at most.",
        "制限時間内に見つかった最善の計画です（実行可能）。これより良い計画がありうるとしても"
        "どこまでかは、下のソルバーの数値（上界とのギャップ）で分かります。",
    ),
    "output.summary.silent_pairs": Text("{silent}.", "部門間の断絶：{silent}。"),
    # what connects a pair of departments
    "output.summary.by_team": Text("team {team}", "チーム「{team}」"),
    "output.summary.by_teams": Text("teams {teams}", "チーム{teams}"),
    "output.summary.by_many_teams": Text(
        "{count:,} teams ({teams}...)", "{count:,}チーム（{teams}…）"
    ),
    "output.summary.by_one": Text(" by {what}", "{what}により"),
    "output.summary.by_both": Text(" by {teams} and {rotations}", "{teams}と{rotations}により"),
    # priority pairs
    "output.summary.pair_empty": Text(
        "{pair}: one of them has no one in it", "{pair}：どちらかの部署に社員がいません"
    ),
    "output.summary.pair_tied": Text("{pair}: talking already", "{pair}：すでに交流があります"),
    "output.summary.pair_still_silent": Text(
        "{pair}: silent, still silent", "{pair}：断絶しており、この計画でも断絶したままです"
    ),
    "output.summary.pair_connected": Text(
        "{pair}: silent, connected{by}", "{pair}：断絶していましたが、{by}つながります"
    ),
    "output.summary.pair_strengthened": Text(
        "{pair}: weakly tied, strengthened{by}",
        "{pair}：交流が弱い状態でしたが、{by}強まります",
    ),
    "output.summary.pair_unchanged": Text(
        "{pair}: weakly tied, unchanged", "{pair}：交流が弱く、この計画でも変わりません"
    ),
    "output.summary.priorities": Text(
        "Priority pairs (Priorities sheet, weightiest first): {pairs}{rest}.",
        "優先ペア（「優先」シート、重みの大きい順）は次のとおりです。{pairs}{rest}。",
    ),
    "output.summary.priorities_more": Text(
        "; {more:,} more on the Gaps sheet",
        "。ほかの{more:,}組は「部門間の断絶」シートにあります",
    ),
    "output.summary.no_priorities": Text(
        "No department pair is marked as a priority (Priorities sheet).",
        "優先する部署ペアは指定されていません（「優先」シート）。",
    ),
    "output.summary.no_priorities_heaviest": Text(
        "No department pair is marked as a priority (Priorities sheet). The silent pairs "
        "connected that weigh most: {pairs}.",
        "優先する部署ペアは指定されていません（「優先」シート）。この計画でつながる断絶している"
        "部署ペアのうち、重みの大きいものは次のとおりです。{pairs}。",
    ),
    "output.summary.heaviest_pair": Text("{pair}{by}", "{pair}：{by}つながります"),
    # people affected
    "output.summary.count": Text("{department} {count:,}", "{department} {count:,}名"),
    "output.summary.count_of": Text(
        "{department} {count:,} of {total:,}", "{department} {total:,}名中{count:,}名"
    ),
    "output.summary.and_more": Text("{named} and {more}", "{named}、ほか{more}"),
    "output.summary.nobody_from": Text(
        "; no one from {departments}", "。{departments}からの参加者はいません"
    ),
    "output.summary.nobody_from_many": Text(
        "; no one from {count:,} departments ({departments}...)",
        "。{count:,}部署（{departments}…）からの参加者はいません",
    ),
    "output.summary.in_teams": Text(
        "In teams, by department (of its headcount): {counts}{nobody}.",
        "混成チームに入る社員（部署別、在籍人数中）：{counts}{nobody}。",
    ),
    "output.summary.on_rotation": Text(
        "On rotation, people by home department: {home}; by host department: {hosted}.",
        "ジョブローテーションに出る社員（所属部署別）：{home}。受入部門別：{hosted}。",
    ),
    # wishes and History
    "output.summary.repeats": Text(
        "{pairs} of this plan were teammates before (History sheet).",
        "この計画では、{pairs}が以前にも同じチームでした（「履歴」シート）。",
    ),
    "output.summary.no_repeats": Text(
        "No two teammates of this plan were teammates before (History sheet).",
        "この計画で同じチームになる社員の組のうち、以前にも同じチームだった組はありません"
        "（「履歴」シート）。",
    ),
    "output.summary.granted.rotation": Text(
        "Of the {ranked} rotating who ranked hosts (Preferences sheet), {first} got their "
        "first choice, {top_two} a top-two choice and {any} a ranked one{rest}.",
        "受入部門の希望を出してローテーションに出る{ranked}のうち（「希望」シート）、第1希望が"
        "かなったのは{first}、上位2位以内の希望は{top_two}、いずれかの希望は{any}です{rest}。",
    ),
    "output.summary.granted.team": Text(
        "Of the {ranked} in teams who ranked teams (Preferences sheet), {first} got their "
        "first choice, {top_two} a top-two choice and {any} a ranked one{rest}.",
        "チームの希望を出してチームに入る{ranked}のうち（「希望」シート）、第1希望がかなった"
        "のは{first}、上位2位以内の希望は{top_two}、いずれかの希望は{any}です{rest}。",
    ),
    "output.summary.granted_mean.rotation": Text(
        "Of the {ranked} rotating who ranked hosts (Preferences sheet), {first} got their "
        "first choice, {top_two} a top-two choice and {any} a ranked one "
        "(mean rank {mean:.1f}){rest}.",
        "受入部門の希望を出してローテーションに出る{ranked}のうち（「希望」シート）、第1希望が"
        "かなったのは{first}、上位2位以内の希望は{top_two}、いずれかの希望は{any}で、"
        "かなった希望の平均順位は{mean:.1f}位です{rest}。",
    ),
    "output.summary.granted_mean.team": Text(
        "Of the {ranked} in teams who ranked teams (Preferences sheet), {first} got their "
        "first choice, {top_two} a top-two choice and {any} a ranked one "
        "(mean rank {mean:.1f}){rest}.",
        "チームの希望を出してチームに入る{ranked}のうち（「希望」シート）、第1希望がかなった"
        "のは{first}、上位2位以内の希望は{top_two}、いずれかの希望は{any}で、かなった希望の"
        "平均順位は{mean:.1f}位です{rest}。",
    ),
    "output.summary.nobody_ranked.rotation": Text(
        "Nobody rotating ranked hosts (Preferences sheet){rest}.",
        "ローテーションに出る社員のうち、受入部門の希望を出した人はいません（「希望」シート）{rest}。",
    ),
    "output.summary.nobody_ranked.team": Text(
        "Nobody in teams ranked teams (Preferences sheet){rest}.",
        "チームに入る社員のうち、チームの希望を出した人はいません（「希望」シート）{rest}。",
    ),
    "output.summary.not_placed_one.rotation": Text(
        "; {people} who ranked hosts does not rotate",
        "。受入部門の希望を出した{people}はローテーションに出ません",
    ),
    "output.summary.not_placed_many.rotation": Text(
        "; {people} who ranked hosts do not rotate",
        "。受入部門の希望を出した{people}はローテーションに出ません",
    ),
    "output.summary.not_placed_one.team": Text(
        "; {people} who ranked teams is in no team",
        "。チームの希望を出した{people}はどのチームにも入りません",
    ),
    "output.summary.not_placed_many.team": Text(
        "; {people} who ranked teams are in no team",
        "。チームの希望を出した{people}はどのチームにも入りません",
    ),
    "output.summary.share": Text("{count:,} ({share:.0%})", "{count:,}名（{share:.0%}）"),
    "output.summary.share_unknown": Text("{count:,}", "{count:,}名"),
    # what to review
    "output.summary.all_passed": Text(
        "Every rule was re-checked from the plan itself on the Checks sheet: all passed.",
        "すべてのルールを計画そのものから改めてチェックしました（「チェック」シート）。"
        "すべて合格です。",
    ),
    "output.summary.failed": Text(
        "{failed} FAILED on the Checks sheet: read them before using this plan.",
        "「チェック」シートで{failed}が不合格です。この計画を使う前に必ず確認してください。",
    ),
    "output.summary.to_review": Text(
        "{verdict} To review: the Review sheet lists every assignment; mark any keep, remove "
        "or lock (it must stay), add a comment, then re-plan with: crossteam plan "
        "{input} --review THIS-FILE.xlsx. Locks are kept and other changes are as few "
        "as possible.",
        "{verdict}レビューの手順：「レビュー」シートにすべての割り当てが載っています。必要な"
        "ものに維持・除外・固定（必ず残す）のいずれかを選び、コメントを添えてから、次の"
        "コマンドで再計画してください：crossteam plan {input} --review このファイル.xlsx。"
        "固定した割り当てはそのまま残り、それ以外の変更は最小限に抑えられます。",
    ),
}

_WISHES: Final[dict[str, Text]] = {
    "output.wishes.wish": Text("{rank} {target}", "第{rank}希望 {target}"),
    "output.wishes.ranked": Text(
        "placed people who ranked (rotators; team members)",
        "希望を出して割り当てられた社員（ローテーション、チーム）",
    ),
    "output.wishes.first_choice": Text("got their first choice", "第1希望がかなった"),
    "output.wishes.first_choice_share": Text("first choice, share", "第1希望、割合"),
    "output.wishes.top_two": Text("got a top-two choice", "上位2位以内の希望がかなった"),
    "output.wishes.top_two_share": Text("top-two choice, share", "上位2位以内の希望、割合"),
    "output.wishes.any_choice": Text("got a ranked choice", "いずれかの希望がかなった"),
    "output.wishes.any_choice_share": Text("ranked choice, share", "いずれかの希望、割合"),
    "output.wishes.mean_rank": Text("mean rank granted", "かなった希望の平均順位"),
    "output.wishes.not_placed": Text(
        "ranked but not placed (no rotation; no team)",
        "希望を出したが割り当てなし（ローテーションなし、チームなし）",
    ),
    "output.wishes.repeats": Text(
        "teammate pairs repeated from History", "「履歴」から再び同じチームになる組"
    ),
}

_FIGURES: Final[tuple[tuple[str, tuple[str, str], tuple[str, str] | None], ...]] = (
    # key, label, meaning (None: no meaning shown)
    ("employees", ("Employees", "社員数"), (
        "People in the network, tied or not", "交流の有無を問わず、ネットワーク内の社員")),
    ("departments", ("Departments", "部署数"), (
        "Departments with at least one person", "1名以上が所属する部署")),
    ("tied_pairs", ("Tied employee pairs", "交流のある社員ペア"), (
        "Distinct pairs who interact", "交流のある社員の組（重複なし）")),
    ("interaction_weight", ("Summed interaction weight", "交流の重みの合計"), None),
    ("ei_index", ("E-I index", "E-I指数"), (
        "(E - I) / (E + I), tied pairs across (E) and inside (I) departments; -1 = all inside",
        "(E - I) / (E + I)。Eは部署をまたぐ交流のあるペア、Iは部署内の交流のあるペア。"
        "-1 = すべて部署内")),
    ("weighted_ei_index", ("E-I index, weighted", "加重E-I指数"), (
        "The same over weights", "同じ指数を交流の重みで計算したもの")),
    ("modularity", ("Modularity of departments", "部署のモジュラリティ"), (
        "How much more ties stay inside departments than chance; above 0.3 is siloed",
        "交流が偶然よりどれだけ部署内にとどまっているか。0.3を超えると縦割り")),
    ("communities", ("Louvain communities", "Louvain法のコミュニティ数"), (
        "Groups the ties themselves form", "交流そのものが形づくるグループ")),
    ("community_nmi", ("Communities vs departments (NMI)", "コミュニティと部署の一致度（NMI）"), (
        "1 = the ties group people exactly by department",
        "1 = 交流が社員をちょうど部署どおりにまとめている")),
    ("algebraic_connectivity", ("Algebraic connectivity", "代数的連結度"), (
        "Of the department graph weighted by density; 0 = some departments cut off",
        "交流密度で重み付けした部署のグラフについて。0 = 孤立した部署がある")),
    ("between_density", ("Between-department density", "部署間の交流密度"), (
        "Tied pairs across departments / possible pairs across departments",
        "部署をまたぐ交流のあるペア ÷ 部署をまたぐペアの総数")),
    ("weak_threshold", ("Weak-tie threshold", "弱い交流のしきい値"), (
        "Department pairs tied below this density are weak",
        "交流密度がこれを下回る部署ペアは弱い交流とみなします")),
    ("zero_pairs", ("Zero-tie department pairs", "断絶している部署ペア"), (
        "Pairs with no tie at all", "交流がまったくない部署ペア")),
    ("weak_pairs", ("Weak department pairs", "弱い交流の部署ペア"), None),
    ("boundary_spanners", ("Boundary spanners", "橋渡し役の社員"), (
        "People tied to two or more other departments", "ほかの2つ以上の部署と交流のある社員")),
    ("single_points", ("Single points of failure", "単一障害点"), (
        "People who alone hold two departments together",
        "ひとりだけで2つの部署をつないでいる社員")),
    ("betweenness", ("Betweenness", "媒介中心性"), (
        "Sampled from a subset of people on large networks",
        "大規模なネットワークでは一部の社員から推定します")),
    ("gap_weight", ("Gap weight to bridge", "橋渡しすべき断絶の重み"), (
        "Summed gap weight of zero-tie and weak pairs (what the planners maximise)",
        "断絶している部署ペアと弱い交流の部署ペアの断絶の重みの合計（計画が最大化するもの）")),
)  # fmt: skip
"""The audit Summary's figures: key, label and meaning, each in English and Japanese."""

_AUDIT: Final[dict[str, Text]] = {
    **{f"output.audit.figure.{key}": Text(*label) for key, label, _ in _FIGURES},
    **{
        f"output.audit.meaning.{key}": Text(*meaning)
        for key, _, meaning in _FIGURES
        if meaning is not None
    },
    "output.audit.title": Text("Communication audit", "コミュニケーション監査"),
    "output.audit.input_file": Text("Input file", "入力ファイル"),
    "output.audit.input_sha256": Text("Input SHA-256", "入力ファイルのSHA-256"),
    "output.audit.figure": Text("Figure", "指標"),
    "output.audit.value": Text("Value", "値"),
    "output.audit.before": Text("Before", "計画前"),
    "output.audit.after": Text("After (projected)", "計画後（見込み）"),
    "output.audit.meaning": Text("Meaning", "意味"),
    "output.audit.bridged": Text("Gap pairs bridged by the plan", "計画で橋渡しされる断絶ペア"),
    "output.audit.sampled": Text("sampled", "推定"),
    "output.audit.exact": Text("exact", "厳密"),
    "output.audit.kind.zero": Text("zero", "交流なし"),
    "output.audit.kind.weak": Text("weak", "弱い交流"),
    "output.audit.kind.tied": Text("tied", "交流あり"),
    "output.audit.stint": Text(
        "{employee} in {department} ({period})", "{employee}：{period}に{department}へ"
    ),
    "output.audit.density_note": Text(
        "Tie density between departments: tied pairs / possible pairs (red = no tie). "
        "Density inside each department is on the Departments sheet.",
        "部署間の交流密度：交流のあるペア ÷ ありうるペア（赤 = 交流なし）。各部署内の交流密度は"
        "「部署」シートにあります。",
    ),
    "output.audit.density": Text("Density", "交流密度"),
    "output.audit.graph_note": Text(
        "Department graph: grey = tied (thicker = denser), orange dashed = weak, "
        "red dotted = no tie, thick red dashed = no tie on a priority pair, "
        "green = bridged by the plan.",
        "部署のつながりの図：灰色 = 交流あり（太いほど密）、オレンジの破線 = 弱い交流、"
        "赤の点線 = 交流なし、太い赤の破線 = 優先ペアで交流なし、緑 = 計画で橋渡しされるペア。",
    ),
}

_CHARTS: Final[dict[str, Text]] = {
    "output.charts.departments": Text("Departments", "部署"),
    "output.charts.before": Text("Before the plan", "計画前"),
    "output.charts.after": Text("After the plan (projected)", "計画後（見込み）"),
    "output.charts.legend.tied": Text("tied (width = density)", "交流あり（太さ = 交流密度）"),
    "output.charts.legend.weak": Text("weak tie", "弱い交流"),
    "output.charts.legend.zero": Text("no tie", "交流なし"),
    "output.charts.legend.priority": Text("no tie, priority pair", "交流なし、優先ペア"),
    "output.charts.legend.bridged": Text("bridged by the plan", "計画で橋渡し"),
}

_SWEEP: Final[dict[str, Text]] = {
    "output.sweep.scenario_name": Text("name", "シナリオ名"),
    "output.sweep.status.optimal": Text("optimal", "最適"),
    "output.sweep.status.feasible": Text("feasible", "実行可能"),
    "output.sweep.status.infeasible": Text("infeasible", "実行不可能"),
    "output.sweep.status.no_solution": Text("no_solution", "解なし"),
    "output.sweep.status.failed": Text("failed", "失敗"),
    "output.sweep.checks_passed": Text("passed", "合格"),
    "output.sweep.checks_failed": Text("FAILED", "不合格"),
    "output.sweep.front_title": Text("Pareto front", "パレートフロント"),
    "output.sweep.no_front": Text(
        "No scenario has a plan, so there is no front.",
        "計画のあるシナリオがないため、パレートフロントはありません。",
    ),
    "output.sweep.front_text": Text(
        "A scenario is Pareto-efficient when no other is at least as good on every one of "
        "{criteria} and better on one (all maximised).",
        "{criteria}のすべてで同等以上、かついずれかで上回るシナリオがほかにないとき、その"
        "シナリオはパレート効率です（いずれも大きいほど良い）。",
    ),
    "output.sweep.chart_title": Text(
        "Scenarios and the Pareto front", "シナリオとパレートフロント"
    ),
    "output.sweep.every_scenario": Text("every scenario", "すべてのシナリオ"),
    "output.sweep.pareto_efficient": Text("Pareto-efficient", "パレート効率"),
    "output.sweep.criterion.silent_pairs_bridged": Text(
        "silent pairs bridged", "橋渡しした断絶の数"
    ),
    "output.sweep.criterion.departments_per_team": Text(
        "departments per team", "チームあたりの部署数"
    ),
    "output.sweep.criterion.skill_depth": Text("skill depth", "スキルの厚み"),
    "output.sweep.criterion.objective": Text("objective", "目的関数値"),
}

_RUN_INFO: Final[dict[str, Text]] = {
    "output.runinfo.field": Text("field", "項目名"),
    "output.runinfo.value": Text("value", "値"),
    "output.runinfo.input": Text("input", "入力ファイル"),
    "output.runinfo.input_sha256": Text("input_sha256", "入力ファイルのSHA-256"),
    "output.runinfo.engine": Text("engine", "実行エンジン"),
    "output.runinfo.processes": Text("processes", "プロセス数"),
    "output.runinfo.address": Text("address", "接続先アドレス"),
    "output.runinfo.scenarios": Text("scenarios", "シナリオ数"),
    "output.runinfo.failed": Text("failed", "失敗したシナリオ数"),
    "output.runinfo.grid_keys": Text("grid_keys", "グリッドの設定項目"),
    "output.runinfo.pareto_criteria": Text("pareto_criteria", "パレート効率の基準"),
    "output.runinfo.wall_seconds": Text("wall_seconds", "経過時間（秒）"),
    "output.runinfo.solver_seconds": Text("solver_seconds", "ソルバー時間の合計（秒）"),
}

MESSAGES: Final[dict[str, Text]] = {
    **_SUMMARY,
    **_WISHES,
    **_AUDIT,
    **_CHARTS,
    **_SWEEP,
    **_RUN_INFO,
}

NOUNS: Final[dict[str, Noun]] = {
    "more department": Noun("more department", "{n}部署"),
    "check": Noun("check", "チェック{n}件"),
}

NAMES: Final[dict[str, str]] = {
    # the audit workbook's sheets (Summary, Departments and Gaps are common)
    "Density": "交流密度",
    "People": "社員別",
    "Graph": "部署のつながりの図",
    # its columns
    "headcount": "人数",
    "internal_ties": "部署内の交流",
    "external_ties": "部署外との交流",
    "ei_index": "E-I指数",
    "weighted_ei_index": "加重E-I指数",
    "internal_density": "部署内の交流密度",
    "departments_tied_to": "交流のある部署数",
    "departments_not_tied_to": "交流のない部署数",
    "boundary_spanners": "橋渡し役の人数",
    "external_ties_after": "計画後の部署外との交流",
    "ei_index_after": "計画後のE-I指数",
    "departments_tied_to_after": "計画後の交流のある部署数",
    "tied_pairs": "交流ペア数",
    "density": "交流密度",
    "bridged_by_rotations": "橋渡ししたローテーション",
    "people_tied_to": "交流のある社員数",
    "betweenness": "媒介中心性",
    "constraint": "構造的制約",
    "boundary_spanner": "橋渡し役",
    "single_point_of_failure": "単一障害点",
    "sole_link_to": "唯一のつながり先",
    "betweenness_after": "計画後の媒介中心性",
    "constraint_after": "計画後の構造的制約",
    # the sweep workbook's sheets (Rotation and Run Info are common)
    "Scenarios": "シナリオ",
    "Front": "パレートフロント",
    "Plans": "計画",
    # its columns
    "scenario": "シナリオ",
    "status": "状態",
    "pareto": "パレート効率",
    "bound": "上界",
    "gap": "上界とのギャップ",
    "seconds": "秒",
    "silent_pairs_before": "計画前の断絶の数",
    "silent_pairs_after": "計画後の断絶の数",
    "skill_depth": "スキルの厚み",
    "changed_vs_baseline": "基準からの変更率",
}
