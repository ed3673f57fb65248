"""The words of the plan_sheets area: the plan workbook's sheets, headers and labels
(``io/plan_writer.py``), and the problems of reading a plan back (``io/plan_reader.py``).
The Japanese terms follow the glossary (docs/glossary.ja.md)."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

_RUN_INFO_LABELS: Final = {
    "input_file": "入力ファイル",
    "command": "コマンド",
    "input_path": "入力ファイルのパス",
    "input_sha256": "入力ファイルのSHA-256",
    "employees": "社員数",
    "started_at": "開始時刻（UTC）",
    "started_at_local": "開始時刻（この端末の時刻）",
    "seed": "乱数シード",
    "time_limit_seconds": "制限時間（秒）",
    "deterministic_time_limit": "決定的な制限時間",
    "repeatable": "再現可能な実行",
    "workers": "ワーカー数",
    "plan_teams": "混成チームを計画",
    "plan_rotation": "ジョブローテーションを計画",
    "wall_seconds": "所要時間（秒）",
    "platform": "実行環境",
    "input_size_bytes": "入力ファイルのサイズ（バイト）",
    "planned_teams": "混成チームを計画済み",
    "planned_rotation": "ジョブローテーションを計画済み",
    "solver_status": "ソルバーの状態",
    "stop_reason": "停止理由",
    "solver_threads": "ソルバーのスレッド数",
    "plan_repeats": "同じ計画を再現できる",
    "objective": "目的関数値",
    "bound": "上界",
    "gap": "上界とのギャップ",
    "solve_seconds": "求解時間（秒）",
    "note": "注意",
    "cut_cell": "切り詰めたセル",
}
"""Run Info's labels: in English the field's own name (what scripts and auditors match)."""

MESSAGES: Final[dict[str, Text]] = {
    # Summary
    "plan_sheets.summary.title": Text(
        "Plan for {input}, made {day}", "{input} の計画（{day}作成）"
    ),
    "plan_sheets.summary.key_figures": Text("Key figures", "主な指標"),
    "plan_sheets.summary.solver_figures": Text("Solver figures", "ソルバーの結果"),
    "plan_sheets.summary.objective_terms": Text("Objective terms", "目的関数の内訳"),
    "plan_sheets.summary.wishes": Text("Wishes and history", "希望と履歴"),
    "plan_sheets.figure.employees": Text("employees", "社員数"),
    "plan_sheets.figure.departments": Text("departments", "部署数"),
    "plan_sheets.figure.tied_pairs": Text("tied employee pairs", "交流のある社員ペア"),
    "plan_sheets.figure.ei_index": Text("E-I index", "E-I指数"),
    "plan_sheets.figure.modularity": Text("modularity", "モジュラリティ"),
    "plan_sheets.figure.silent_pairs": Text("silent department pairs", "断絶している部署ペア"),
    "plan_sheets.figure.weak_pairs": Text("weakly tied department pairs", "交流の弱い部署ペア"),
    "plan_sheets.figure.algebraic_connectivity": Text("algebraic connectivity", "代数的連結度"),
    "plan_sheets.figure.between_density": Text("between-department density", "部署間の交流密度"),
    "plan_sheets.solver.status": Text("status", "状態"),
    "plan_sheets.solver.stop_reason": Text("stop reason", "停止理由"),
    "plan_sheets.solver.objective": Text("objective", "目的関数値"),
    "plan_sheets.solver.bound": Text("bound", "上界"),
    "plan_sheets.solver.gap": Text("gap", "上界とのギャップ"),
    "plan_sheets.solver.seconds": Text("seconds", "所要秒数"),
    "plan_sheets.solver.teams": Text("teams", "チーム数"),
    "plan_sheets.solver.people_in_teams": Text("people in teams", "チームに入る人数"),
    "plan_sheets.solver.rotating": Text("rotating employees", "ローテーションする社員"),
    "plan_sheets.solver.periods_away": Text(
        "periods away on rotation", "ローテーション中の期間（延べ）"
    ),
    "plan_sheets.solver.bridged": Text("gap pairs bridged", "橋渡し済みの断絶"),
    "plan_sheets.solver.bridgeable": Text(
        "silent pairs bridgeable at most", "橋渡しできる断絶の上限"
    ),
    "plan_sheets.solver.checks_passed": Text("checks passed", "合格したチェック"),
    "plan_sheets.solver.checks_failed": Text("checks failed", "不合格のチェック"),
    "plan_sheets.solver.checks_not_applicable": Text("checks not applicable", "対象外のチェック"),
    "plan_sheets.status.optimal": Text("optimal", "最適"),
    "plan_sheets.status.feasible": Text("feasible", "実行可能"),
    "plan_sheets.status.infeasible": Text("infeasible", "実行不可能"),
    "plan_sheets.status.no_solution": Text("no_solution", "解なし"),
    "plan_sheets.stop.proven": Text("proven", "最適性を証明"),
    "plan_sheets.stop.time_limit": Text("time_limit", "制限時間に到達"),
    "plan_sheets.stop.deterministic_limit": Text("deterministic_limit", "決定的な制限時間に到達"),
    "plan_sheets.stop.interrupted": Text("interrupted", "中断"),
    "plan_sheets.stop.precheck": Text("precheck", "事前チェックで停止"),
    "plan_sheets.stop.nothing_to_plan": Text("nothing_to_plan", "計画する対象なし"),
    "plan_sheets.stop.size_limit": Text("size_limit", "規模の上限"),
    "plan_sheets.chart.per_team": Text("Departments per team", "チームごとの部署数"),
    "plan_sheets.chart.by_departments": Text(
        "Teams by number of departments", "部署数ごとのチーム数"
    ),
    # Team Overview and Teams
    "plan_sheets.overview.need_met": Text(
        "{skill} level {level}+ x{count}: met by {who}",
        "{skill} レベル{level}以上 ×{count}名: 充足（{who}）",
    ),
    "plan_sheets.overview.need_short": Text(
        "{skill} level {level}+ x{count}: short, only {who}",
        "{skill} レベル{level}以上 ×{count}名: 不足（{who} のみ）",
    ),
    "plan_sheets.overview.nobody": Text("nobody", "該当者なし"),
    "plan_sheets.overview.needs_met": Text("{met} of {total}", "{total}件中{met}件"),
    "plan_sheets.overview.none_needed": Text("none needed", "必要スキルなし"),
    # Connectivity and Gaps
    "plan_sheets.connectivity.before": Text(
        "Tie density before the plan (diagonal: inside each department)",
        "計画前の交流密度（対角線は各部署内）",
    ),
    "plan_sheets.connectivity.after": Text(
        "Tie density after the plan, projected. {projection}",
        "計画後の交流密度（見込み）。{projection}",
    ),
    "plan_sheets.connectivity.change": Text(
        "Change in tie density (projected)", "交流密度の変化（見込み）"
    ),
    "plan_sheets.gaps.stint": Text(
        "{employee_id} in {department} ({period})", "{employee_id}: {period}に{department}へ"
    ),
    "plan_sheets.gap_kind.zero": Text("zero", "交流なし"),
    "plan_sheets.gap_kind.weak": Text("weak", "弱い交流"),
    "plan_sheets.gap_kind.tied": Text("tied", "交流あり"),
    # Review
    "plan_sheets.review.title": Text(
        "Review: your decisions for the next plan", "レビュー: 次の計画に向けた判断"
    ),
    "plan_sheets.review.how": Text(
        "Write lock, remove or keep in the yellow 'decision' column where you have a view, "
        "and leave it blank where you have none. A comment in the 'comment' column is kept.",
        "黄色の「判断」列に、意見のある行だけ「固定」「除外」「維持」のいずれかを入力し、"
        "意見のない行は空欄のままにしてください。「コメント」列に書いたコメントは引き継がれます。",
    ),
    "plan_sheets.review.meaning": Text(
        "lock: it must be so in the next plan (this person in this team, or on this "
        "rotation).   remove: it must not be so.   keep: keep it unless nothing else works.",
        "固定: 次の計画でも必ずこのとおりにします（この社員をこのチームに、またはこの"
        "ローテーションに）。   除外: このとおりにはしません。   維持: ほかに方法がない場合を"
        "除き、このとおりにします。",
    ),
    "plan_sheets.review.move": Text(
        "To move someone to another team, type that team's name in their 'team' cell and "
        "write lock.",
        "社員を別のチームに移すには、その社員の「チーム」セルに移動先のチーム名を入力し、"
        "「固定」と入力してください。",
    ),
    "plan_sheets.review.replan": Text(
        "Save this workbook, then re-plan; only what your decisions and the changes of the "
        "input need is changed:   {command}",
        "このブックを保存してから再計画してください。変更されるのは、判断と入力の変更に"
        "必要な箇所だけです:   {command}",
    ),
    "plan_sheets.review.after": Text(
        "The new plan lists each change on its Changes sheet, with its reason and your "
        "comment; your decisions and comments carry over to its Review sheet.",
        "新しい計画の「変更点」シートに、変更ごとの理由とコメントが載ります。判断とコメントは"
        "新しい計画の「レビュー」シートに引き継がれます。",
    ),
    "plan_sheets.review.dropdown_title": Text("Decision", "判断"),
    "plan_sheets.review.dropdown_error": Text(
        "Choose keep, remove or lock, or leave it blank.",
        "維持・除外・固定のいずれかを選ぶか、空欄のままにしてください。",
    ),
    "plan_sheets.review.dropdown_prompt": Text(
        "lock: must stay; remove: must go; keep: prefer to keep. Blank: no view.",
        "固定: 必ず残す。除外: 必ず外す。維持: できれば残す。空欄: 意見なし。",
    ),
    # Changes
    "plan_sheets.change_kind.joined": Text("joined", "参加"),
    "plan_sheets.change_kind.left": Text("left", "離脱"),
    "plan_sheets.change_kind.moved": Text("moved", "異動"),
    "plan_sheets.change_kind.rotation_changed": Text("rotation changed", "ローテーション変更"),
    "plan_sheets.changes.total": Text("changes", "変更の合計"),
    "plan_sheets.changes.connects": Text("connects silent pairs", "断絶している部署ペアをつなぐ"),
    "plan_sheets.input.all": Text("all", "全体"),
    "plan_sheets.input.same": Text(
        "the input is the one the previous plan was made from",
        "入力は前回の計画の作成に使ったものと同じです",
    ),
    "plan_sheets.input.added": Text("added", "追加"),
    "plan_sheets.input.removed": Text("removed", "削除"),
    "plan_sheets.input.changed": Text("changed", "変更"),
    "plan_sheets.input.no_basis": Text(
        "only the people the previous plan names were compared (it has no Input Basis)",
        "前回の計画に載っている社員だけを比較しました（前回の計画に「入力の基準」シートが"
        "ありません）",
    ),
    # Alternatives
    "plan_sheets.alternatives.difference_to": Text("difference_to_{n}", "案{n}との差"),
    # Run Info
    **{
        f"plan_sheets.runinfo.{field}": Text(field, japanese)
        for field, japanese in _RUN_INFO_LABELS.items()
    },
    "plan_sheets.runinfo.version": Text("version {package}", "バージョン {package}"),
    "plan_sheets.runinfo.setting": Text("setting {setting}", "設定 {setting}"),
    "plan_sheets.runinfo.cut": Text(
        "{cell}: longer than the {limit:,} characters a cell holds; cut, ending with {mark}",
        "{cell}: セルに入る{limit:,}文字を超えたため切り詰めました（末尾は{mark}）",
    ),
    "plan_sheets.runinfo.more_cut": Text("and {count:,} more cells", "ほか{count:,}セル"),
    # reading a plan back
    "plan_sheets.read.no_column": Text("no column {column!r}", "「{column}」列がありません"),
    "plan_sheets.read.input_workbook": Text(
        "{file} looks like an input workbook (it has an {employees} sheet and no {run_info} "
        "sheet), not a plan: give the plan workbook that crossteam plan wrote",
        "{file} は計画ではなく入力ブックのようです（「{employees}」シートがあり、"
        "「{run_info}」シートがありません）。crossteam plan が書き出した計画ブックを"
        "指定してください",
    ),
    "plan_sheets.read.no_sheet": Text(
        "{file} has no {sheet} sheet to read", "{file} に読み込める「{sheet}」シートがありません"
    ),
    "plan_sheets.read.no_plan_sheets": Text(
        "{file} has neither a {teams} nor a {rotation} sheet",
        "{file} には「{teams}」シートも「{rotation}」シートもありません",
    ),
    "plan_sheets.read.not_in_input": Text(
        "{employee_id} is not on the input's Employees sheet",
        "{employee_id} は入力の「社員」シートに登録されていません",
    ),
    "plan_sheets.read.name_differs": Text(
        "{employee_id}: the name differs from the input's",
        "{employee_id}: 氏名が入力と異なります",
    ),
    "plan_sheets.read.department_differs": Text(
        "{employee_id}: {on_plan!r} on the plan, {in_input!r} in the input",
        "{employee_id}: 計画では「{on_plan}」、入力では「{in_input}」です",
    ),
    "plan_sheets.read.another_company": Text(
        "{file} is a plan of another company's workbook: {differing} of the {people} people "
        "it names differ from the input ({share:.0%}, more than {limit:.0%}), and the input "
        "SHA-256 on its Run Info differs; give the workbook it was made from",
        "{file} は別の会社のブックから作られた計画です。記載されている{people}名のうち"
        "{differing}名が入力と異なり（{share:.0%}、上限は{limit:.0%}）、「実行情報」の"
        "入力ファイルのSHA-256も異なります。計画の作成に使ったブックを指定してください",
    ),
    "plan_sheets.read.more_differing": Text(
        "... and {count} more differing rows", "…ほか{count}行が異なります"
    ),
    "plan_sheets.read.decision_on_changed": Text(
        "{employee_id} has a {decision} decision, but the plan and the input differ on "
        "{employee_id} (name or department): the decision could apply to someone else; "
        "{file} may be another company's plan",
        "{employee_id} には「{decision}」の判断がありますが、計画と入力で {employee_id} の"
        "氏名または部署が異なります。判断が別の人に適用されるおそれがあります。{file} は"
        "別の会社の計画かもしれません",
    ),
    "plan_sheets.read.employee_gone": Text(
        "{employee_id} is no longer in the input", "{employee_id} は入力に登録されていません"
    ),
    "plan_sheets.read.team_gone": Text(
        "team '{team}' is no longer in the input", "チーム「{team}」は入力に登録されていません"
    ),
    "plan_sheets.read.period_gone": Text(
        "period {period} is no longer in the input", "期間「{period}」は入力に登録されていません"
    ),
    "plan_sheets.read.department_gone": Text(
        "department {department} is no longer in the input",
        "部署「{department}」は入力に登録されていません",
    ),
    "plan_sheets.read.listed_twice": Text(
        "{employee_id} is listed twice in {team}", "{employee_id} は {team} に2回記載されています"
    ),
    "plan_sheets.read.a_name": Text(
        "holds the name of employee {employee_id}, not an id",
        "社員IDではなく、社員 {employee_id} の氏名が入力されています",
    ),
    "plan_sheets.read.missing.team": Text("the team is missing", "チームは必須です"),
    "plan_sheets.read.missing.employee": Text("the employee is missing", "社員IDは必須です"),
    "plan_sheets.read.missing.period": Text("the period is missing", "期間は必須です"),
    "plan_sheets.read.missing.host_department": Text(
        "the host department is missing", "受入部門は必須です"
    ),
    "plan_sheets.read.unknown.team": Text(
        "unknown team '{value}'", "チーム「{value}」は登録されていません"
    ),
    "plan_sheets.read.unknown.employee": Text(
        "unknown employee '{value}'", "社員「{value}」は登録されていません"
    ),
    "plan_sheets.read.unknown.period": Text(
        "unknown period '{value}'", "期間「{value}」は登録されていません"
    ),
    "plan_sheets.read.unknown.host_department": Text(
        "unknown host department '{value}'", "受入部門「{value}」は登録されていません"
    ),
    "plan_sheets.read.unknown.department": Text(
        "unknown department '{value}'", "部署「{value}」は登録されていません"
    ),
    "plan_sheets.read.already_away": Text(
        "{employee_id} is already away in {period}",
        "{employee_id} は期間「{period}」にすでにローテーション中です",
    ),
    "plan_sheets.read.not_a_decision": Text(
        "'{value}' is not a decision: use keep, remove or lock",
        "「{value}」は判断として使えません。維持・除外・固定のいずれかを入力してください",
    ),
    "plan_sheets.read.kind": Text(
        "kind must be team or rotation",
        "種別は「チーム」または「ローテーション」を入力してください",
    ),
}

NOUNS: Final[dict[str, Noun]] = {}

NAMES: Final[dict[str, str]] = {
    # Team Overview
    "spec": "チーム定義",
    "size": "人数",
    "departments": "部署数",
    "department_list": "部署一覧",
    "skill_needs_met": "充足した必要スキル",
    "skill_needs": "必要スキル",
    "gap_pairs_bridged": "橋渡しした断絶",
    "bridged_pairs": "橋渡しした部署ペア",
    "teams": "チーム数",
    # Gaps (the audit workbook's Gaps sheet has some of these too: one table in common.py?)
    "kind_before": "計画前の種別",
    "priority": "優先度",
    "gap_weight": "断絶の重み",
    "tied_pairs_before": "計画前の交流ペア数",
    "tied_pairs_after": "計画後の交流ペア数",
    "kind_after": "計画後の種別",
    "bridged": "橋渡し済み",
    "bridged_by_teams": "橋渡ししたチーム",
    "bridged_by_rotation": "橋渡ししたローテーション",
    # Checks, and their results
    "subject": "対象項目",
    "result": "結果",
    "detail": "詳細",
    "pass": "合格",
    "fail": "不合格",
    "n/a": "対象外",
    # Summary tables and Run Info
    "figure": "指標",
    "after (projected)": "計画後（見込み）",
    "item": "項目",
    "term": "項",
    "field": "項目名",
    # Input Basis (hidden)
    "details": "詳細情報",
    "part": "区分",
    "key": "キー",
    "fingerprint": "指紋",
    # Alternatives
    "alternative": "案",
    "objective": "目的関数値",
    "share_of_best": "最良案に対する割合",
    "within_tolerance": "許容範囲内",
    "differs_enough": "十分に異なる",
    "checks": "チェック結果",
    "silent_pairs_bridged": "橋渡しした断絶の数",
    "departments_per_team": "チームあたりの部署数",
    "attempts": "試行回数",
    "barred_share": "除外した割当の割合",
}
