"""The words of the terminal area (see the package's docstring): what the command line
says, its help, and the sweep's and next round's messages."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

_KEEPS_BEST = " (Ctrl-C stops and keeps the best plan)"
_KEEPS_BEST_JA = "（Ctrl-C で停止し、それまでの最良の計画を残します）"

HELP: Final[dict[str, Text]] = {
    # the command line's summary and each command's (the first line of --help)
    "terminal.help.app": Text(
        "Plan cross-functional teams and job rotations that connect silent departments.",
        "部門間の断絶をつなぐ混成チームとジョブローテーションを計画します。",
    ),
    "terminal.help.template": Text(
        "Write a blank input workbook: instructions, examples, every sheet, dropdowns.",
        "空の入力ブックを書き出します（説明、記入例、すべてのシート、ドロップダウン付き）。",
    ),
    "terminal.help.example": Text(
        "Write a realistic synthetic company (also used by the benchmarks).",
        "実在しそうな架空の会社のブックを書き出します（ベンチマークにも使います）。",
    ),
    "terminal.help.validate": Text(
        "Check an input workbook and list every problem at its cell.",
        "入力ブックをチェックし、問題をすべてセルの位置とともに一覧にします。",
    ),
    "terminal.help.audit": Text(
        "Measure how departments talk: E-I index, densities, silent department pairs.",
        "部署間の交流を測ります（E-I指数、交流密度、断絶している部署ペア）。",
    ),
    "terminal.help.plan": Text(
        "Form cross-functional teams and a rotation schedule, and write the plan workbook.",
        "混成チームとローテーション計画を作り、計画ブックを書き出します。",
    ),
    "terminal.help.next_round": Text(
        "Write the next round's input: this one, with the plan added to its History sheet.",
        "次の回の入力ブックを書き出します（この入力の履歴シートに計画を追加したもの）。",
    ),
    "terminal.help.sweep": Text(
        "Plan many scenarios (settings varied) in parallel and mark the Pareto-efficient ones.",
        "設定を変えた多数のシナリオを並行して計画し、パレート効率なものに印を付けます。",
    ),
    # options and arguments
    "terminal.help.help": Text("Show this message and exit.", "このヘルプを表示して終了します。"),
    "terminal.help.version": Text("Show the version and exit", "バージョンを表示して終了します"),
    "terminal.help.template_output": Text(
        "Where to write the blank workbook", "空のブックの書き出し先"
    ),
    "terminal.help.example_output": Text(
        "Where to write the example workbook", "例のブックの書き出し先"
    ),
    "terminal.help.input": Text("Input workbook (.xlsx)", "入力ブック（.xlsx）"),
    "terminal.help.json": Text(
        "Print one JSON object on stdout", "標準出力に JSON オブジェクトを1つ出力します"
    ),
    "terminal.help.force": Text(
        "Overwrite an existing output file", "既存の出力ファイルを上書きします"
    ),
    "terminal.help.plan_input": Text(
        "Input workbook (.xlsx); the bundled example when omitted",
        "入力ブック（.xlsx）。省略すると同梱の例を使います",
    ),
    "terminal.help.plan_output": Text("Plan workbook to write", "書き出す計画ブック"),
    "terminal.help.time_limit": Text(
        "Seconds (default: Settings)", "制限時間（秒、既定：設定シート）"
    ),
    "terminal.help.seed": Text("Random seed", "乱数シード"),
    "terminal.help.workers": Text(
        "Solver threads; 0 = all cores (more are capped at them)",
        "ソルバーのスレッド数。0 = 全コア（コア数を超える分はコア数に抑えます）",
    ),
    "terminal.help.repeatable": Text(
        "Same input, same plan on this machine (default; Settings repeatable)",
        "このマシンでは同じ入力から同じ計画を作ります（既定。設定シートの repeatable）",
    ),
    "terminal.help.no_teams": Text("Plan rotation only", "ローテーションだけを計画します"),
    "terminal.help.no_rotation": Text("Plan teams only", "チームだけを計画します"),
    "terminal.help.review": Text(
        "A plan workbook with Review decisions (keep, remove, lock): re-plan with as few "
        "changes as possible",
        "レビューの判断（維持・除外・固定）を記入した計画ブック：変更をできるだけ少なく"
        "再計画します",
    ),
    "terminal.help.previous": Text(
        "A plan workbook made from an earlier version of this input: repair it with as few "
        "changes as possible (its Review decisions are not read)",
        "この入力の以前の版から作った計画ブック：変更をできるだけ少なく修正します"
        "（レビューの判断は読みません）",
    ),
    "terminal.help.alternatives": Text(
        "Plan K plans within the tolerance of the best that differ from each other; an "
        "Alternatives sheet compares them",
        "最良案から許容範囲内で、互いに異なる K 案を計画します。代替案シートで比較できます",
    ),
    "terminal.help.tolerance": Text(
        "With --alternatives: share below the best objective an alternative may fall "
        "(default: Settings, 0.05)",
        "--alternatives と使います：代替案の目的関数値が最良案を下回ってよい割合"
        "（既定：設定シート、0.05）",
    ),
    "terminal.help.audit_output": Text("Audit workbook to write", "書き出す監査ブック"),
    "terminal.help.plan_to_compare": Text(
        "A plan workbook: show before and after", "計画ブック：変更前と変更後を示します"
    ),
    "terminal.help.grid": Text(
        "The scenarios: a YAML file or a workbook with a Sweep sheet",
        "シナリオ：YAML ファイル、または Sweep シートのあるブック",
    ),
    "terminal.help.sweep_output": Text("Sweep workbook to write", "書き出すスイープのブック"),
    "terminal.help.engine": Text(
        "local (a process pool) or dask (a Dask cluster)",
        "local（プロセスプール）または dask（Dask クラスター）",
    ),
    "terminal.help.address": Text(
        "Dask scheduler address (default: a local cluster on this machine)",
        "Dask スケジューラーのアドレス（既定：このマシン上のローカルクラスター）",
    ),
    "terminal.help.processes": Text(
        "Worker processes of a local pool or cluster (more than the cores are capped at them)",
        "ローカルのプールまたはクラスターのワーカープロセス数（コア数を超える分はコア数に"
        "抑えます）",
    ),
    "terminal.help.employees": Text("Employees (at least 20)", "社員数（20名以上）"),
    "terminal.help.departments": Text(
        "Departments (default: 40 at 1,000 employees, growing with the square root of the "
        "headcount, at least 10; 10 with --shape classic)",
        "部署数（既定：社員1,000名で40部門、人数の平方根に比例して増え、最低10部門。"
        "--shape classic では10部門）",
    ),
    "terminal.help.japanese": Text("Japanese names and headers", "日本語の氏名と見出し"),
    "terminal.help.shape": Text(
        "realistic: heavy-tailed department sizes and a silent periphery of small "
        "departments; classic: departments of similar size",
        "realistic：部署の規模にばらつきがあり、交流の少ない小さな部署が周辺にある会社。"
        "classic：同じくらいの規模の部署",
    ),
    "terminal.help.plan_of_input": Text(
        "The plan workbook crossteam plan wrote from it",
        "この入力から crossteam plan が書き出した計画ブック",
    ),
    "terminal.help.next_output": Text(
        "The next round's input workbook to write", "書き出す次の回の入力ブック"
    ),
    "terminal.help.round_period": Text(
        "History period of the plan's teams (default: round N, N = 1 + the team periods "
        "History has)",
        "計画のチームを記録する履歴の期間（既定：第N回。N = 履歴にあるチームの期間の数 + 1）",
    ),
    "terminal.help.lang": Text(
        "Language of sheets, messages and pictures: ja or en (default: CROSSTEAM_LANG, then "
        "Settings language, then the workbook's own language)",
        "シート・メッセージ・図の言語：ja または en（既定：CROSSTEAM_LANG、次に設定シートの "
        "language、次に入力ブック自体の言語）",
    ),
    # the help's own words (typer's panels; typer fills the braces in)
    "terminal.help.panel_arguments": Text("Arguments", "引数"),
    "terminal.help.panel_options": Text("Options", "オプション"),
    "terminal.help.panel_commands": Text("Commands", "コマンド"),
    "terminal.help.panel_error": Text("Error", "エラー"),
    "terminal.help.default": Text("[default: {{}}]", "[既定：{{}}]"),
    "terminal.help.required": Text("[required]", "[必須]"),
    "terminal.help.try_help": Text(
        "Try [blue]'{{command_path}} {{help_option}}'[/] for help.",
        "ヘルプは [blue]'{{command_path}} {{help_option}}'[/] で表示できます。",
    ),
    "terminal.help.aborted": Text("Aborted.", "中止しました。"),
}

MESSAGES: Final[dict[str, Text]] = {
    **HELP,
    "terminal.lang_unknown": Text(
        "{value!r} is not a language crossteam speaks: use ja or en",
        "「{value}」は使える言語ではありません。ja または en を指定してください",
    ),
    "terminal.listed_label": Text("{value!r}", "{value}"),
    "terminal.none": Text("none", "なし"),
    "terminal.failed": Text("failed", "失敗しました"),
    "terminal.not_installed": Text("not installed", "未インストール"),
    # options that do not go together
    "terminal.not_finite": Text(
        "{value} is not a finite number", "{value} は有限の数ではありません"
    ),
    "terminal.blank_period": Text(
        "give a period label, for example 2027-Q2", "期間の名前を指定してください（例：2027-Q2）"
    ),
    "terminal.alternatives_alone": Text(
        "cannot be combined with --review or --previous",
        "--review や --previous とは同時に使えません",
    ),
    "terminal.one_base_plan": Text(
        "give one plan to re-plan: --review reads its decisions too",
        "再計画する計画は1つにしてください。--review はその判断も読み込みます",
    ),
    "terminal.tolerance_alone": Text(
        "only applies with --alternatives K (it is how far below the best plan an "
        "alternative may fall)",
        "--alternatives K と一緒に使うときだけ有効です（代替案が最良案をどこまで下回って"
        "よいかを表します）",
    ),
    "terminal.settings_workers": Text("Settings workers", "設定シートの workers"),
    "terminal.cores_capped": Text(
        "{what} {count:,} is more than the {cores} cores crossteam may use here; {cores} are used",
        "{what} の {count:,} は、ここで crossteam が使えるコア数（{cores}）を超えています。"
        "{cores} を使います",
    ),
    "terminal.cores_capped_one": Text(
        "{what} {count:,} is more than the {cores} cores crossteam may use here; {cores} is used",
        "{what} の {count:,} は、ここで crossteam が使えるコア数（{cores}）を超えています。"
        "{cores} を使います",
    ),
    # files
    "terminal.xlsx_added": Text(
        "an output workbook's name ends in .xlsx: writing {name}",
        "出力ブックの名前は .xlsx で終わる必要があります。{name} に書き出します",
    ),
    "terminal.wrote": Text("Wrote {path}", "{path} を書き出しました"),
    "terminal.cut_cells": Text(
        "{cells} held more than the {most:,} characters Excel allows and were cut, ending "
        "with {mark}: {shown}",
        "{cells}が Excel の上限 {most:,} 文字を超えたため、末尾を {mark} にして切り詰めました："
        "{shown}",
    ),
    "terminal.cut_cell": Text(
        "{cells} held more than the {most:,} characters Excel allows and was cut, ending "
        "with {mark}: {shown}",
        "{cells}が Excel の上限 {most:,} 文字を超えたため、末尾を {mark} にして切り詰めました："
        "{shown}",
    ),
    "terminal.and_more": Text("{shown} and {more:,} more", "{shown} ほか{more:,}件"),
    # problems and exits
    "terminal.problems_found": Text(
        "{problems} found; nothing was planned or written.",
        "{problems}が見つかりました。計画も書き出しもしていません。",
    ),
    "terminal.problems_found_following": Text(
        "{problems} found ({following} may follow from another); nothing was planned or written.",
        "{problems}が見つかりました（うち{following}件は他の問題から生じている可能性があります）。"
        "計画も書き出しもしていません。",
    ),
    "terminal.interrupted": Text("Interrupted.", "中断しました。"),
    "terminal.not_stopped": Text(
        "The run did not stop within {grace:.0f}s of being interrupted; nothing was written.",
        "中断してから{grace:.0f}秒以内に実行が止まりませんでした。何も書き出していません。",
    ),
    "terminal.internal_error": Text("internal error", "内部エラー"),
    "terminal.internal_error_hint": Text(
        "This is a bug in crossteam, not in your file. Set CROSSTEAM_DEBUG=1 to see details.",
        "これは crossteam の不具合で、ファイルの問題ではありません。詳細は CROSSTEAM_DEBUG=1 を"
        "設定すると表示されます。",
    ),
    # stages and progress
    "terminal.stage.start": Text(
        "Preparing a starting plan (greedy and local search)...",
        "最初の計画を準備しています（貪欲法と局所探索）…",
    ),
    "terminal.stage.departments": Text(
        "Planning which departments meet in which team...",
        "どの部署をどのチームで組み合わせるかを計画しています…",
    ),
    "terminal.stage.model": Text("Building the model...", "モデルを組み立てています…"),
    "terminal.stage.bound": Text("Computing a bound...", "上界を計算しています…"),
    "terminal.stage.blocks": Text(
        "Planning blocks of teams... (Ctrl-C stops and keeps the teams found so far)",
        "チームをまとまりごとに計画しています…（Ctrl-C で停止し、それまでに決まったチームを"
        "残します）",
    ),
    "terminal.stage.explain": Text(
        "No plan meets every rule: finding the rules in conflict...",
        "すべてのルールを満たす計画がありません。矛盾するルールを探しています…",
    ),
    "terminal.elapsed": Text("{elapsed:.0f}s", "{elapsed:.0f}秒"),
    "terminal.elapsed_of": Text("{elapsed:.0f}s of {limit:.0f}s", "{elapsed:.0f}秒／{limit:.0f}秒"),
    "terminal.progress_stage": Text(
        "{stage} {time} (Ctrl-C stops)", "{stage} {time}（Ctrl-C で停止）"
    ),
    "terminal.progress_searching": Text(
        "Searching... {time}" + _KEEPS_BEST, "探索しています… {time}" + _KEEPS_BEST_JA
    ),
    "terminal.progress_best": Text(
        "Best {objective:,.1f}  bound {bound:,.1f}  gap {gap}  {time} " + _KEEPS_BEST,
        "最良 {objective:,.1f}  上界 {bound:,.1f}  ギャップ {gap}  {time} " + _KEEPS_BEST_JA,
    ),
    "terminal.reading": Text("Reading {name}...", "{name} を読み込んでいます…"),
    "terminal.analysing": Text("Analysing the network...", "交流のネットワークを分析しています…"),
    "terminal.checking": Text("Checking the plan...", "計画をチェックしています…"),
    "terminal.writing": Text("Writing {path}...", "{path} を書き出しています…"),
    "terminal.bundled_example": Text(
        "No input given: planning the bundled example ({path}).",
        "入力が指定されていないため、同梱の例（{path}）を計画します。",
    ),
    # results
    "terminal.audit": Text(
        "{employees} employees, {departments} departments, {interactions} tied pairs; {ei}; "
        "{gaps} department pairs never talk.",
        "社員{employees}名、{departments}部署、交流のあるペア{interactions}組。{ei}。"
        "断絶している部署ペアは{gaps}組です。",
    ),
    "terminal.audit_no_ei": Text(
        "no ties to measure an E-I index", "E-I指数を測れる交流がありません"
    ),
    "terminal.audit_ei": Text("E-I index {ei:+.3f}", "E-I指数 {ei:+.3f}"),
    "terminal.no_plan": Text("No plan", "計画なし"),
    "terminal.status.optimal": Text("optimal", "最適"),
    "terminal.status.feasible": Text("feasible", "実行可能"),
    "terminal.status.infeasible": Text("infeasible", "実行不可能"),
    "terminal.status.no_solution": Text("no_solution", "制限時間内に解なし"),
    "terminal.plan.optimal": Text("Optimal plan", "最適な計画"),
    "terminal.plan.feasible": Text("Feasible plan", "実行可能な計画"),
    "terminal.plan_summary": Text(
        "{plan}: {teams}, {periods} away on rotation; gap to bound {gap}; {silent}; "
        "checks {checks}.",
        "{plan}：{teams}、ローテーション延べ{periods}、上界とのギャップ {gap}、{silent}、"
        "チェック{checks}。",
    ),
    "terminal.plan_summary_not_applicable": Text(
        "{plan}: {teams}, {periods} away on rotation; gap to bound {gap}; {silent}; "
        "checks {checks} ({not_applicable} not applicable).",
        "{plan}：{teams}、ローテーション延べ{periods}、上界とのギャップ {gap}、{silent}、"
        "チェック{checks}（対象外{not_applicable}件）。",
    ),
    "terminal.checks_passed": Text("all passed", "はすべて合格"),
    "terminal.checks_failed": Text("{failed} FAILED", "{failed}件が不合格"),
    "terminal.wishes": Text(
        "Wishes ({kind}): {first} of {ranked} got their first choice, {top_two} a top-two choice.",
        "希望（{kind}）：順位をつけた{ranked}名のうち、{first}名が第1希望、{top_two}名が"
        "上位2位以内の希望になりました。",
    ),
    "terminal.wishes_mean": Text(
        "Wishes ({kind}): {first} of {ranked} got their first choice, {top_two} a top-two "
        "choice, mean rank {mean_rank:.1f}.",
        "希望（{kind}）：順位をつけた{ranked}名のうち、{first}名が第1希望、{top_two}名が"
        "上位2位以内の希望になりました（平均順位 {mean_rank:.1f}）。",
    ),
    "terminal.repeats": Text(
        "{pairs} repeated from History.", "{pairs}が履歴と同じメンバーとの再編成です。"
    ),
    "terminal.review_label": Text("Review: ", "レビュー："),
    "terminal.repair_label": Text("Repair: ", "修正："),
    "terminal.decisions_honoured": Text(
        "{locks_honoured}/{locks} locks and {removes_honoured}/{removes} removes honoured; ",
        "固定 {locks_honoured}/{locks}件、除外 {removes_honoured}/{removes}件を反映しました。",
    ),
    "terminal.others_changed": Text(
        "{changed} of {others} changed ({share:.0%}); {changes} in all, its reason on the "
        "Changes sheet.",
        "{others}のうち{changed}件を変更しました（{share:.0%}）。全部で{changes}あり、"
        "理由は変更点シートにあります。",
    ),
    "terminal.others_changed_many": Text(
        "{changed} of {others} changed ({share:.0%}); {changes} in all, each with its reason "
        "on the Changes sheet.",
        "{others}のうち{changed}件を変更しました（{share:.0%}）。全部で{changes}あり、"
        "それぞれの理由は変更点シートにあります。",
    ),
    "terminal.alternative": Text(
        "Alternative {number}: objective {objective:,.1f} ({share:.1%} of the best), differs "
        "from earlier plans in at least {least:.0%} of team assignments; see the Alternatives "
        "sheet.",
        "代替案{number}：目的関数値 {objective:,.1f}（最良案の{share:.1%}）。それまでの案とは"
        "チーム割当の{least:.0%}以上が異なります。代替案シートをご覧ください。",
    ),
    "terminal.valid": Text(
        "Valid: {employees}, {departments}, {teams}, {periods}, {warnings}.",
        "問題ありません：社員{employees}、{departments}、{teams}、{periods}、{warnings}。",
    ),
    "terminal.planning_alternatives": Text(
        "Planning {plans} within {tolerance:.0%} of the best.",
        "最良案から{tolerance:.0%}以内で{plans}を計画します。",
    ),
    "terminal.replanning": Text(
        "Re-planning {path}, with as few changes as possible.",
        "{path} を、変更をできるだけ少なく再計画します。",
    ),
    "terminal.replanning_decisions": Text(
        "Re-planning {path} with {decisions}, with as few changes as possible.",
        "{path} を{decisions}に沿って、変更をできるだけ少なく再計画します。",
    ),
    "terminal.interrupted_written": Text(
        "Interrupted: the best plan found so far was written.",
        "中断しました。それまでの最良の計画を書き出しました。",
    ),
    "terminal.repeat_warning": Text(
        "this plan may not repeat: the clock, not the work limit, ended a stage (see the "
        "notes on Run Info); a longer --time-limit lets the same input give the same plan",
        "この計画は再現できない可能性があります。作業量の上限ではなく時計がある段階を"
        "打ち切りました（実行情報シートの注意を参照）。--time-limit を長くすると、同じ入力から"
        "同じ計画が得られます",
    ),
    # sweep
    "terminal.sweeping": Text(
        "Sweeping {scenarios} on the {engine} engine.",
        "{scenarios}を {engine} エンジンでスイープします。",
    ),
    "terminal.sweep_progress": Text("{done}/{scenarios} done", "{done}/{scenarios} 完了"),
    "terminal.swept": Text(
        "{planned} of {scenarios} planned in {seconds:.0f}s; {efficient} Pareto-efficient.",
        "{scenarios}のうち{planned}件を{seconds:.0f}秒で計画しました。パレート効率なものは"
        "{efficient}件です。",
    ),
    "terminal.scenario_failed": Text(
        "scenario {scenario} ({name}) failed", "シナリオ{scenario}（{name}）は失敗しました"
    ),
    "terminal.sweep_stopped": Text(
        "not run: the sweep was stopped", "未実行：スイープが停止されました"
    ),
    "terminal.worker_died": Text(
        "its worker process died {tries} times", "ワーカープロセスが{tries}回異常終了しました"
    ),
    "terminal.task_dropped": Text(
        "the cluster dropped the task ({status})",
        "クラスターがタスクを破棄しました（{status}）",
    ),
    "terminal.dask_missing": Text(
        "the dask engine needs the optional extra: pip install 'crossteam[distributed]' "
        "(or use --engine local)",
        "dask エンジンには追加パッケージが必要です：pip install 'crossteam[distributed]'"
        "（または --engine local を使ってください）",
    ),
    "terminal.dask_unreachable": Text(
        "cannot reach the Dask scheduler at {address}: {error}",
        "{address} の Dask スケジューラーに接続できません：{error}",
    ),
    "terminal.engine_unknown": Text(
        "unknown engine {engine!r}; choose one of {engines}",
        "エンジン「{engine}」はありません。{engines} のいずれかを選んでください",
    ),
    "terminal.address_without_dask": Text(
        "--address names a Dask scheduler: use it with --engine dask",
        "--address は Dask スケジューラーを指定します。--engine dask と一緒に使ってください",
    ),
    "terminal.processes_too_few": Text(
        "processes must be at least 1, not {processes}",
        "processes は1以上にしてください（{processes} が指定されています）",
    ),
    "terminal.baseline": Text("baseline", "基準"),
    "terminal.grid_fixed.workers": Text(
        "every scenario solves with one worker, so that it repeats exactly",
        "どのシナリオも正確に再現できるよう、ワーカー1つで解きます",
    ),
    "terminal.grid_fixed.default_min_on_site": Text(
        "it is applied to the departments when the workbook is read; change min_on_site on "
        "the Departments sheet instead",
        "この値はブックを読み込むときに各部署へ適用されます。代わりに部署シートの min_on_site "
        "を変えてください",
    ),
    "terminal.grid_fixed.default_host_capacity": Text(
        "it is applied to the departments when the workbook is read; change host_capacity on "
        "the Departments sheet instead",
        "この値はブックを読み込むときに各部署へ適用されます。代わりに部署シートの "
        "host_capacity を変えてください",
    ),
    "terminal.grid_team_invalid": Text("team {team}: {problem}", "チーム{team}：{problem}"),
    "terminal.grid_team_too_large": Text(
        "team {team}: {field} {value:,} is more than the {employees:,} employees",
        "チーム{team}：{field} の {value:,} が社員数（{employees:,}名）を超えています",
    ),
    "terminal.grid_rule_team_lost": Text(
        "{rules} row {row} names team {team}, which this scenario does not form",
        "{rules}シートの{row}行目はチーム{team}を指定していますが、このシナリオではそのチームを"
        "編成しません",
    ),
    "terminal.grid_a_rule_team_lost": Text(
        "a rule names team {team}, which this scenario does not form",
        "あるルールがチーム{team}を指定していますが、このシナリオではそのチームを編成しません",
    ),
    "terminal.grid_too_many": Text(
        "more than {most} scenarios", "シナリオが{most}件を超えています"
    ),
    "terminal.grid_empty": Text("the grid has no scenario", "グリッドにシナリオがありません"),
    "terminal.grid_no_team": Text(
        "no team {team!r} on the {sheet} sheet (teams: {known})",
        "{sheet}シートにチーム「{team}」はありません（チーム：{known}）",
    ),
    "terminal.grid_team_field": Text(
        "{field!r} cannot be varied; a team key ends in {fields}",
        "「{field}」は変えられません。チームのキーの末尾は {fields} のいずれかです",
    ),
    "terminal.grid_fixed": Text(
        "{key} cannot be varied: {reason}", "{key} は変えられません：{reason}"
    ),
    "terminal.grid_unknown_key": Text(
        "{key!r} is neither a setting nor teams.<team>.<field> (see docs/workbook.md for the "
        "settings)",
        "「{key}」は設定でも teams.<team>.<field> でもありません（設定は docs/workbook.md を参照）",
    ),
    "terminal.grid_value_kind": Text(
        "{key} needs a number, yes/no or text, not {value}",
        "{key} には数値、yes/no、または文字を指定してください（{value} は使えません）",
    ),
    "terminal.grid_in_scenario": Text(
        "{problem} (in scenario {name})", "{problem}（シナリオ {name}）"
    ),
    "terminal.value_empty": Text("an empty value", "空の値"),
    "terminal.value_list": Text("a list", "リスト"),
    "terminal.value_mapping": Text("a mapping", "マッピング"),
    "terminal.value_other": Text("{kind} {value!r}", "{kind} の「{value}」"),
    # next round
    "terminal.history_gains": Text(
        "History gains {teams} and {rotations}: plan the next round from this workbook.",
        "履歴に{teams}と{rotations}を追加しました。次の回はこのブックから計画してください。",
    ),
    "terminal.team_rows_in": Text("{rows} (period {period!r})", "{rows}（期間「{period}」）"),
    "terminal.no_team_row": Text("no team row", "チーム行なし"),
    "terminal.round_label": Text("round {number}", "第{number}回"),
    "terminal.history_teams_again": Text(
        "History already has teams in period {period!r}: the plan's teams join that period, "
        "and members of equally named teams count as teammates of its rows; give another "
        "--period",
        "履歴の期間「{period}」にはすでにチームがあります。計画のチームはその期間に加わり、"
        "同じ名前のチームのメンバーは同じチームだったものとみなされます。別の --period を"
        "指定してください",
    ),
    "terminal.history_rotation_again": Text(
        "History already has rotation in {periods}, named again by the plan: the Periods "
        "sheet still names an earlier round's periods; give it new labels in the next round's "
        "workbook before planning it",
        "履歴の{periods}にはすでにローテーションがあり、計画が同じ期間を使っています。"
        "期間シートが前の回の期間のままです。次の回のブックで新しい期間名を付けてから"
        "計画してください",
    ),
    "terminal.periods_named": Text("{periods} ({named})", "期間「{named}」（{periods}）"),
    "terminal.rows": Text("rows {rows}", "{rows}行目"),
    "terminal.rotate_to_visited": Text(
        "{sheet} {rows}: rotate_to names a host its person will have visited; under "
        "repeat_host forbid the next plan stops on it: remove the row from the next round's "
        "workbook (or set repeat_host to allow)",
        "{sheet}シートの{rows}：rotate_to に、本人がすでに訪れたことになる受入部門が指定されて"
        "います。repeat_host が forbid のため、次の計画はこの行で止まります。次の回のブックから"
        "この行を削除してください（または repeat_host を allow にしてください）",
    ),
    "terminal.together_teammates": Text(
        "{sheet} {rows}: together names people who will have been teammates; under "
        "repeat_teammates forbid the next plan stops on it: remove the row from the next "
        "round's workbook (or set repeat_teammates to avoid)",
        "{sheet}シートの{rows}：together に、すでに同じチームだったことになる社員が指定されて"
        "います。repeat_teammates が forbid のため、次の計画はこの行で止まります。次の回の"
        "ブックからこの行を削除してください（または repeat_teammates を avoid にしてください）",
    ),
    "terminal.cannot_copy": Text(
        "{name} could not be opened to copy ({kind}); open it in Excel and save it again as .xlsx",
        "{name} を開いてコピーできませんでした（{kind}）。Excel で開き、.xlsx として保存し直して"
        "ください",
    ),
}

NOUNS: Final[dict[str, Noun]] = {
    "problem": Noun("problem", "{n}件の問題"),
    "other assignment": Noun("other assignment", "その他の割当{n}件"),
}

NAMES: Final[dict[str, str]] = {}
