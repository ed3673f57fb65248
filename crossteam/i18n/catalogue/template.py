"""The words of the template area (see the package's docstring): the blank input workbook
(``crossteam template``): its Instructions and Examples sheets, what each sheet and column
is for, the settings' meanings, and the dropdown words (rule kinds, Balance modes, repeat
policies, ``hard``, setting names) in ``NAMES``; and the example company's refusals."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

_GUIDE: Final[dict[str, Text]] = {
    "template.title": Text("crossteam input workbook", "crossteam 入力ブック"),
    "template.guide.fill_in": Text(
        "Fill in the sheets of this workbook, then check it with: crossteam validate FILE.xlsx",
        "このブックの各シートに記入し、crossteam validate FILE.xlsx で確認してください。",
    ),
    "template.guide.only_employees": Text(
        "Only Employees is required; a sheet you do not need can be left empty or deleted.",
        "必須のシートは「社員」だけです。使わないシートは空のままにするか、削除してください。",
    ),
    "template.guide.starts_empty": Text(
        "Each sheet starts empty under its header: add your own rows (one per employee, team, "
        "rule...).",
        "各シートは見出しの下が空になっています。社員、チーム、ルールなどを1行に1件ずつ記入して"
        "ください。",
    ),
    "template.guide.examples": Text(
        "The Examples sheet shows what rows look like; crossteam never reads it.",
        "「記入例」シートに行の書き方の例があります。crossteam はこのシートを読みません。",
    ),
    "template.guide.example_refused": Text(
        "An example employee left on Employees as it is (E001 Sato Hana) is refused, and so "
        "are the other examples left in with it.",
        "記入例の社員（E001 佐藤 花子）を「社員」シートにそのまま残すとエラーになります。"
        "一緒に残した他のシートの記入例も同じです。",
    ),
    "template.guide.matching": Text(
        "Headers and sheet names match case-insensitively, with spaces, hyphens and "
        "underscores alike (Employee ID = employee_id); one typed with a Cyrillic or Greek "
        "look-alike letter is read too, with a warning.",
        "見出しとシート名は、大文字・小文字、空白・ハイフン・下線の違いを区別しません"
        "（Employee ID = employee_id）。キリル文字やギリシャ文字の似た文字で書かれたものも"
        "警告付きで読み取ります。",
    ),
    "template.guide.other_names": Text(
        "The other names listed below (Japanese among them) are accepted too.",
        "下の表にある別名（英語名を含む）も使えます。",
    ),
    "template.guide.columns": Text(
        "Columns may be in any order; extra columns are kept, with a warning.",
        "列の順序は自由です。ほかの列は警告付きでそのまま残ります。",
    ),
    "template.guide.empty_rows": Text(
        "Empty rows are skipped. Blank optional cells take their defaults.",
        "空の行は読み飛ばします。任意の列の空欄には既定値が入ります。",
    ),
    "template.guide.hidden_rows": Text(
        "Hidden and filtered rows are read and planned like the others.",
        "非表示の行やフィルターで隠れた行も、ほかの行と同じように読み取り、計画に使います。",
    ),
    "template.guide.widths": Text(
        "Ids and names ignore invisible characters and full-/half-width forms (Ｅ００１ = E001).",
        "ID や名前では、見えない文字と全角・半角の違いを区別しません（Ｅ００１ = E001）。",
    ),
    "template.guide.case": Text(
        "Ids that differ only in upper/lower case or look-alike letters are an error; a "
        "department spelled so is one department, with a warning naming both cells.",
        "大文字・小文字や似た文字だけが違う ID はエラーです。部署名がそのように違う場合は"
        "同じ部署とみなし、両方のセルを示す警告を出します。",
    ),
}

_HEADINGS: Final[dict[str, Text]] = {
    "template.heading.sheets": Text("Sheets", "シート"),
    "template.heading.columns": Text("Columns", "列"),
    "template.heading.rules": Text(
        "Rules: the words of the rule column", "ルール：「ルール」列に書く語"
    ),
    "template.heading.modes": Text(
        "Balance: the words of the mode column", "バランス：「モード」列に書く語"
    ),
    "template.heading.kinds": Text(
        "Preferences and History: the words of the kind column",
        "希望と履歴：「種別」列に書く語",
    ),
    "template.heading.settings": Text("Settings: the setting column", "設定：「設定」列"),
    "template.header.sheet": Text("sheet", "シート"),
    "template.header.column": Text("column", "列"),
    "template.header.required": Text("required", "必須"),
    "template.header.purpose": Text("what it is for", "用途"),
    "template.header.other_names": Text("other names accepted", "使える別名"),
    "template.header.format": Text("format", "形式"),
    "template.header.meaning": Text("meaning", "意味"),
    "template.header.rule": Text("rule", "ルール"),
    "template.header.target": Text("target", "対象"),
    "template.header.mode": Text("mode", "モード"),
    "template.header.kind": Text("kind", "種別"),
    "template.header.preferences_target": Text("Preferences target", "希望の対象"),
    "template.header.history_target": Text("History target", "履歴の対象"),
    "template.header.setting": Text("setting", "設定"),
    "template.header.default": Text("default", "既定値"),
    "template.header.range": Text("range", "範囲"),
    "template.none": Text("(none)", "（なし）"),
    "template.target.employee": Text("employee", "社員"),
    "template.target.team": Text("team", "チーム"),
    "template.target.department": Text("department", "部署"),
    "template.examples.title": Text(
        "{sheet}: what the rows of each sheet look like", "{sheet}：各シートの行の書き方"
    ),
    "template.examples.never_read": Text(
        "crossteam never reads this sheet. Write your own rows on the sheets named below; "
        "an example copied there and left as it is will be refused.",
        "crossteam はこのシートを読みません。下に名前のある各シートに、自社の行を記入して"
        "ください。記入例をそのまま写して残すとエラーになります。",
    ),
    "template.note.column": Text(
        "{required}{meaning}.\nFormat: {format}.{aliases}",
        "{required}{meaning}。\n形式：{format}。{aliases}",
    ),
    "template.note.required": Text("Required. ", "必須です。"),
    "template.note.also": Text("\nAlso accepted: {names}", "\n別名：{names}"),
    "template.dropdown.error": Text("{column}: {meaning}", "{column}列：{meaning}"),
}

_FORMATS: Final[dict[str, Text]] = {
    "template.format.id": Text(
        "text (a number such as 123 is read as the text 123)",
        "文字列（123 のような数値は文字列の 123 として読みます）",
    ),
    "template.format.text": Text("text", "文字列"),
    "template.format.int": Text("whole number", "整数"),
    "template.format.number": Text("number", "数値"),
    "template.format.fraction": Text(
        "fraction 0-1 (80% is accepted)", "0～1 の割合（80% と書いても構いません）"
    ),
    "template.format.yes_no": Text(
        "yes/no (also y/n, true/false, 1/0, はい/いいえ)",
        "はい/いいえ（yes/no、y/n、true/false、1/0 も可）",
    ),
    "template.format.level": Text("whole number 1-5", "1～5 の整数"),
    "template.format.weight_or_hard": Text(
        "number >= 0, or the word hard", "0 以上の数値、または「必須」"
    ),
    "template.format.at_most": Text("{format}, at most {most}", "{format}、最大 {most}"),
    "template.format.weight_at_most": Text(
        "number from 0 to {most}, or the word hard", "0～{most} の数値、または「必須」"
    ),
    "template.range.yes_or_no": Text("yes or no", "はい または いいえ"),
    "template.range.more_than": Text("more than {low}", "{low} より大きい"),
    "template.range.at_least": Text("at least {low}", "{low} 以上"),
    "template.range.between": Text("{low} to {high}", "{low}から{high}まで"),
    "template.range.up_to": Text("{low}, up to {high}", "{low}、{high} 以下"),
    "template.range.below": Text("{low}, below {high}", "{low}、{high} 未満"),
    "template.range.or_more": Text("{low} or more", "{low} 以上"),
}

_SHEETS: Final[dict[str, Text]] = {
    "template.sheet.employees": Text(
        "One row per employee. Extra columns become attributes usable by Balance rules.",
        "社員1人につき1行。ほかの列は属性になり、バランスのルールで使えます。",
    ),
    "template.sheet.skills": Text(
        "Long form: one row per employee and skill with a level 1-5. Wide form: employee_id "
        "then one column per skill holding a level 1-5 or blank.",
        "縦長の形式：社員とスキルの組ごとに1行、レベルは1～5。横長の形式：社員IDの列のあとに"
        "スキルごとの列を置き、レベル1～5を書くか空欄にします。",
    ),
    "template.sheet.interactions": Text(
        "Who works with whom. Undirected; repeated pairs add up; self-pairs are ignored.",
        "誰と誰が一緒に仕事をしているか。向きはなく、同じペアの行は合算し、本人同士の行は"
        "無視します。",
    ),
    "template.sheet.departments": Text(
        "Rotation policy per department; blank cells take the Settings defaults.",
        "部署ごとのローテーションの方針。空欄には設定シートの既定値が入ります。",
    ),
    "template.sheet.priorities": Text(
        "Department pairs whose link matters most; the weight multiplies their gap weight.",
        "つながりを特に重視する部署ペア。重みは断絶の重みに掛け合わされます。",
    ),
    "template.sheet.teams": Text(
        "Teams to form. count = 3 makes <team>-1, <team>-2, <team>-3 of the same spec. "
        "Blank min_size is 3, blank max_size is 8 (or min_size if larger).",
        "編成するチーム。数 = 3 なら同じ条件で <チーム>-1、<チーム>-2、<チーム>-3 を作ります。"
        "最小人数が空欄なら3、最大人数が空欄なら8（最小人数がそれより大きければ最小人数）です。",
    ),
    "template.sheet.team_skills": Text(
        "Skills a team needs: at least min_count members at min_level or above.",
        "チームに必要なスキル：最低レベル以上のメンバーが必要人数以上いること。",
    ),
    "template.sheet.balance": Text(
        "Rules on the mix of each team. mode: diversify, cluster, balance, no_lone, different. "
        "weight: a number (soft) or 'hard'.",
        "各チームの構成についてのルール。モード：多様化、集約、平均化、孤立回避、全員異なる。"
        "重み：数値（できるだけ守る）または「必須」。",
    ),
    "template.sheet.periods": Text(
        "Rotation periods, in order.", "ローテーションの期間（順番に）。"
    ),
    "template.sheet.rules": Text(
        "together / apart (target = employee_id), in_team / not_in_team (target = team), "
        "rotate_to / not_rotate_to (target = department), no_rotation (no target).",
        "同じチーム／別のチーム（対象 = 社員ID）、指定チームに配属／指定チームに配属しない"
        "（対象 = チーム）、指定部署へローテーション／指定部署へローテーションしない"
        "（対象 = 部署）、ローテーションしない（対象なし）。",
    ),
    "template.sheet.preferences": Text(
        "People's wishes, one row per wish: kind rotation (target = a host department) or "
        "team (target = a team, or a Teams row name for any team of it); rank 1 = first choice.",
        "社員の希望。希望1件につき1行：種別がローテーション（対象 = 受入部門）またはチーム"
        "（対象 = チーム、またはチームシートの行の名前でそのどのチームでもよい）。"
        "順位1が第1希望です。",
    ),
    "template.sheet.history": Text(
        "What people did in earlier periods: kind team (target = the team; rows with the "
        "same period and team were teammates) or rotation (target = the host department).",
        "過去の期間に各社員が何をしたか：種別がチーム（対象 = チーム。期間とチームが同じ行の"
        "社員は同じチームでした）またはローテーション（対象 = 受入部門）。",
    ),
    "template.sheet.settings": Text(
        "One setting per row; blank or absent settings take their defaults.",
        "1行に1つの設定。空欄や書かれていない設定には既定値が入ります。",
    ),
}

_COLUMNS: Final[dict[str, Text]] = {
    "template.column.employees.employee_id": Text(
        "Unique id of the employee", "社員ごとに異なる ID"
    ),
    "template.column.employees.name": Text("Full name", "氏名"),
    "template.column.employees.department": Text("Home department", "所属部署"),
    "template.column.employees.role": Text("Job title or role", "役職または職種"),
    "template.column.employees.location": Text("Office or site", "事業所または拠点"),
    "template.column.employees.available": Text(
        "yes/no, default yes: can join a team or rotate",
        "はい/いいえ（既定値 はい）：チームへの参加やローテーションができるか",
    ),
    "template.column.employees.rotation_eligible": Text(
        "yes/no, default yes: may go on rotation",
        "はい/いいえ（既定値 はい）：ローテーションに出てよいか",
    ),
    "template.column.employees.email": Text(
        "E-mail addresses, several separated by commas or semicolons: crossteam ties "
        "matches calendars and mail logs to the employee by them",
        "メールアドレス（複数ある場合はカンマまたはセミコロンで区切ります）："
        "crossteam ties が予定表やメールの記録をこの社員に結び付けるのに使います",
    ),
    "template.column.employees.person_id": Text(
        "The employee's id in a workplace analytics tool (often hashed): crossteam ties "
        "matches collaboration exports to the employee by it",
        "分析ツールでの個人ID（多くはハッシュ化されたもの）："
        "crossteam ties がコラボレーションの書き出しをこの社員に結び付けるのに使います",
    ),
    "template.column.skills.employee_id": Text("Employee holding the skill", "スキルを持つ社員"),
    "template.column.skills.skill": Text("Skill name", "スキル名"),
    "template.column.skills.level": Text(
        "Level 1 (basic) to 5 (expert)", "レベル1（基礎）～5（専門家）"
    ),
    "template.column.interactions.employee_a": Text("One employee", "一方の社員"),
    "template.column.interactions.employee_b": Text("The other employee", "もう一方の社員"),
    "template.column.interactions.weight": Text(
        "Strength, a number > 0 (default 1)", "交流の強さ。0 より大きい数値（既定値 1）"
    ),
    "template.column.departments.department": Text(
        "Department name as on Employees", "社員シートと同じ部署名"
    ),
    "template.column.departments.min_on_site": Text(
        "Share 0-1 of headcount that stays home every period",
        "各期間に部署に残る人数の割合（0～1）",
    ),
    "template.column.departments.host_capacity": Text(
        "Most rotators hosted per period", "1期間に受け入れるローテーション人数の上限"
    ),
    "template.column.departments.can_host": Text(
        "yes/no, default yes: may host rotators",
        "はい/いいえ（既定値 はい）：ローテーションを受け入れてよいか",
    ),
    "template.column.departments.critical_skills": Text(
        "Skills someone must keep at home, comma separated",
        "部署に必ず誰かが残る必要があるスキル（カンマ区切り）",
    ),
    "template.column.priorities.department_a": Text("One department", "一方の部署"),
    "template.column.priorities.department_b": Text("The other department", "もう一方の部署"),
    "template.column.priorities.weight": Text(
        "Multiplier > 0 (default 1)", "倍率。0 より大きい数値（既定値 1）"
    ),
    "template.column.teams.team": Text("Team name", "チーム名"),
    "template.column.teams.count": Text(
        "How many teams of this spec (default 1)", "この条件で作るチームの数（既定値 1）"
    ),
    "template.column.teams.min_size": Text("Fewest members", "メンバーの最小人数"),
    "template.column.teams.max_size": Text("Most members", "メンバーの最大人数"),
    "template.column.teams.min_departments": Text(
        "Fewest distinct departments (default 1)", "異なる部署の最少数（既定値 1）"
    ),
    "template.column.teams.max_per_department": Text(
        "Most members from one department", "1つの部署から入るメンバーの上限"
    ),
    "template.column.team_skills.team": Text("Team name as on Teams", "チームシートと同じチーム名"),
    "template.column.team_skills.skill": Text("Skill name", "スキル名"),
    "template.column.team_skills.min_level": Text(
        "Lowest level that counts (default 1)", "数に入る最低のレベル（既定値 1）"
    ),
    "template.column.team_skills.min_count": Text(
        "Members needed at that level (default 1)", "そのレベルで必要なメンバーの人数（既定値 1）"
    ),
    "template.column.balance.attribute": Text(
        "Any Employees column, e.g. location", "社員シートの任意の列（例：所在地）"
    ),
    "template.column.balance.mode": Text(
        "diversify / cluster / balance / no_lone / different",
        "多様化／集約／平均化／孤立回避／全員異なる",
    ),
    "template.column.balance.weight": Text(
        "A number (default 1) or 'hard'", "数値（既定値 1）または「必須」"
    ),
    "template.column.balance.value": Text(
        "For no_lone: the value concerned (blank: any value); the other modes read none",
        "孤立回避のときの対象の値（空欄：どの値も）。ほかのモードでは使いません",
    ),
    "template.column.periods.period": Text("Period label", "期間の名前"),
    "template.column.rules.rule": Text("The rule", "ルールの種類"),
    "template.column.rules.employee_id": Text("Employee the rule is about", "ルールの対象の社員"),
    "template.column.rules.target": Text(
        "Employee, team or department", "相手の社員、チームまたは部署"
    ),
    "template.column.rules.note": Text("Why (kept for the record)", "理由（記録として残ります）"),
    "template.column.preferences.employee_id": Text("Employee who wishes", "希望を出した社員"),
    "template.column.preferences.kind": Text("rotation or team", "ローテーション または チーム"),
    "template.column.preferences.target": Text("Host department or team", "受入部門またはチーム"),
    "template.column.preferences.rank": Text(
        "1 = first choice, 2 = second...", "1 = 第1希望、2 = 第2希望…"
    ),
    "template.column.history.employee_id": Text("Employee", "社員"),
    "template.column.history.period": Text("Period label or date", "期間の名前または日付"),
    "template.column.history.kind": Text("team or rotation", "チーム または ローテーション"),
    "template.column.history.target": Text("Team or host department", "チームまたは受入部門"),
    "template.column.settings.setting": Text("Setting name", "設定の名前"),
    "template.column.settings.value": Text("Its value", "設定の値"),
}

_WORDS: Final[dict[str, Text]] = {
    "template.rule.together": Text(
        "placed in a team, in the same team as the target employee: both are placed, "
        "even when assign_everyone is no; both must be available, and people chained by "
        "together rules must fit in one team (else plan stops with exit code 1 and says why)",
        "対象の社員と同じチームに配属します。「全員をチームに配属」が いいえ でも2人とも"
        "配属します。2人とも参加可能である必要があり、このルールでつながった社員が全員1つの"
        "チームに入りきる必要があります（入りきらないと計画は終了コード1で止まり、理由を示します）",
    ),
    "template.rule.apart": Text(
        "never in the same team as the target employee (either may be in no team)",
        "対象の社員と同じチームにはしません（どちらかがチームに入らないこともあります）",
    ),
    "template.rule.in_team": Text(
        "placed in the target team (a spec name with count > 1: in one of its teams); "
        "must be available",
        "対象のチームに配属します（数が2以上の行の名前なら、そのどれか1つ）。参加可能である"
        "必要があります",
    ),
    "template.rule.not_in_team": Text(
        "not in the target team (a spec name: in none of its teams); may be in another "
        "team or in none",
        "対象のチームには配属しません（行の名前なら、そのどのチームにも）。ほかのチームに"
        "入るか、どのチームにも入りません",
    ),
    "template.rule.rotate_to": Text(
        "does a rotation stint in the target department (needs a Periods sheet; must be "
        "available and rotation_eligible)",
        "対象の部署へローテーションします（期間シートが必要です。参加可能かつ"
        "ローテーション対象である必要があります）",
    ),
    "template.rule.not_rotate_to": Text(
        "never rotates to the target department (may rotate elsewhere)",
        "対象の部署へはローテーションしません（ほかの部署へは行くことがあります）",
    ),
    "template.rule.no_rotation": Text(
        "does not rotate at all (may still join a team)",
        "ローテーションを一切しません（チームには参加することがあります）",
    ),
    "template.mode.diversify": Text(
        "each team's mix of values mirrors the whole pool's: a team of s members aims at "
        "share x s members of each value (share: the value's share of the available "
        "people). Hard: every value between that figure rounded down and rounded up; "
        "soft: each member above or below the aim (rounded) costs the weight",
        "各チームの値の構成を全体の構成に近づけます。s 人のチームでは、各値の人数を"
        "「割合 × s」人に近づけます（割合：参加可能な社員のうちその値の人の割合）。"
        "必須：各値の人数をその数の切り捨てと切り上げの間にします。数値の重み："
        "目標（四捨五入）より多い・少ない1人ごとに重みだけ差し引きます",
    ),
    "template.mode.cluster": Text(
        "members share a value; a cell may list several values separated by commas, "
        "and sharing one is enough. Hard: every member shares one value; soft: each "
        "member outside the team's most shared value costs the weight",
        "メンバーが同じ値を持つようにします。1つのセルにカンマ区切りで複数の値を書けて、"
        "1つが共通すれば十分です。必須：全員が1つの値を共有します。数値の重み：チームで最も"
        "多い値を持たないメンバー1人ごとに重みだけ差し引きます",
    ),
    "template.mode.balance": Text(
        "the team mean of a numeric column stays close to the pool mean (of the available "
        "people). Hard: within half a standard deviation; soft: the distance costs the "
        "weight, per standard deviation and member",
        "数値の列のチーム平均を、全体（参加可能な社員）の平均に近づけます。必須：差を標準偏差の"
        "半分以内にします。数値の重み：標準偏差1つ分・メンバー1人あたり重みだけ差し引きます",
    ),
    "template.mode.no_lone": Text(
        "no team holds exactly one member with `value` (or with any single value when "
        "value is blank; case aside). Hard: never; soft: each such member costs the "
        "weight. A value no available employee has is refused when hard, warned about "
        "when soft",
        "「値」を持つメンバーがチームに1人だけにならないようにします（値が空欄ならどの値でも。"
        "大文字・小文字は区別しません）。必須：1人だけにはしません。数値の重み：そのような"
        "メンバー1人ごとに重みだけ差し引きます。参加可能な社員の誰も持たない値は、必須なら"
        "エラー、数値の重みなら警告になります",
    ),
    "template.mode.different": Text(
        "no two members share a value (e.g. a previous_team column). Hard: never; soft: "
        "each member beyond the first with a value costs the weight",
        "同じ値のメンバーが2人以上いないようにします（例：前回のチームの列）。必須：同じ値に"
        "しません。数値の重み：同じ値の2人目以降1人ごとに重みだけ差し引きます",
    ),
    "template.kind.rotation.preferences": Text(
        "a department the person would like to rotate to (also 異動, ローテーション)",
        "本人がローテーションで行きたい部署（「異動」とも書けます）",
    ),
    "template.kind.rotation.history": Text(
        "the host department the person rotated to in that period",
        "その期間に本人がローテーションで行った受入部門",
    ),
    "template.kind.rotation.meaning": Text(
        "Preferences: a plan that sends the person to a department they ranked earns its "
        "points. History: with repeat_host forbid (the default) nobody rotates to a "
        "department they visited; people who rotated less come first "
        "(weight_rotation_history)",
        "希望：順位を付けた部署へ本人を送る計画に、その点数が入ります。履歴：「同じ受入部門への"
        "再ローテーション」が 禁止（既定値）なら、以前に行った部署へは行きません。ローテーションの"
        "少ない社員を優先します（重み：ローテーション履歴の公平性）",
    ),
    "template.kind.team.preferences": Text(
        "a team, or a Teams row name with count > 1 for any team of it (also チーム)",
        "チーム、または数が2以上のチームシートの行の名前（そのどのチームでもよい）",
    ),
    "template.kind.team.history": Text(
        "the team the person was in in that period (it need not exist any more)",
        "その期間に本人がいたチーム（今はなくても構いません）",
    ),
    "template.kind.team.meaning": Text(
        "Preferences: a plan that places the person in a team they ranked earns its points. "
        "History: rows with the same period and team were teammates; repeat_teammates says "
        "whether they may share a team again (forbid, avoid: at a cost, allow)",
        "希望：順位を付けたチームに本人を配属する計画に、その点数が入ります。履歴：期間と"
        "チームが同じ行の社員は同じチームでした。「同じメンバーとの再編成」で、再び同じチームに"
        "してよいかを決めます（禁止、回避：重みだけ差し引く、許可）",
    ),
    "template.wishes.ranks": Text(
        "Preferences: rank 1 is a person's first choice, 2 the second, and so on; one person "
        "gives each rank once per kind, and names each target once per kind.",
        "希望：順位1が第1希望、2が第2希望です。1人の社員は種別ごとに、同じ順位も同じ対象も"
        "1回だけ書けます。",
    ),
    "template.wishes.points": Text(
        "A granted wish of rank r earns R + 1 - r points, R the largest rank anyone gave for "
        "that kind, times weight_preference: with the defaults, a first choice among three "
        "(3 points) is worth a tenth of one silent department pair bridged (30).",
        "かなえた順位 r の希望は R + 1 - r 点（R はその種別で誰かが付けた最大の順位）に"
        "「重み：希望」を掛けた値になります。既定値では、3つのうちの第1希望（3点）は、"
        "断絶している部署ペア1組を橋渡しする価値（30）の10分の1です。",
    ),
    "template.wishes.history": Text(
        "History: what people did in earlier rounds, so that a plan does not repeat it. Its "
        "periods are ordered by date when every period is a date, else in the order they "
        "first appear; history_periods says how many of the latest count. Rows of people no "
        "longer on Employees are left out with one warning.",
        "履歴：計画が同じことを繰り返さないよう、過去の回に各社員が何をしたかを書きます。"
        "期間がすべて日付なら日付順、そうでなければ最初に現れた順に並べます。「履歴の対象"
        "期間数」で、直近の何期間を数えるかを決めます。社員シートにいない社員の行は、警告を"
        "1つ出して除きます。",
    ),
}

_SETTINGS: Final[dict[str, Text]] = {
    "template.setting.time_limit_seconds": Text(
        "Wall-clock limit of one solve, in seconds", "1回の求解にかける時間の上限（秒）"
    ),
    "template.setting.random_seed": Text(
        "Seed of the solver and generators", "ソルバーと生成器の乱数シード"
    ),
    "template.setting.workers": Text(
        "Solver threads; 0 means one per CPU core, and more than the cores are reduced to them",
        "ソルバーのスレッド数。0 なら CPU コアごとに1つ。コア数より多い値はコア数に減らします",
    ),
    "template.setting.deterministic_time_limit": Text(
        "Optional limit of the search in the solver's deterministic time units (its measure "
        "of work); when blank, a repeatable run takes a tenth of a unit per second of "
        "time_limit_seconds",
        "探索の上限をソルバーの決定的時間単位（作業量の尺度）で指定します（任意）。空欄なら、"
        "再現可能な実行では「制限時間（秒）」1秒につき0.1単位とします",
    ),
    "template.setting.repeatable": Text(
        "The same input and settings give the same plan on the same machine: the search is "
        "bounded by work and its workers interleave deterministically, with "
        "time_limit_seconds as a safety net; no lets the search run free on the clock "
        "(plans may differ from run to run)",
        "同じ入力と設定なら、同じマシンで同じ計画になります。探索を作業量で区切り、スレッドを"
        "決まった順で進め、「制限時間（秒）」を安全のための上限とします。いいえ にすると探索は"
        "時計のとおりに自由に進みます（実行ごとに計画が変わることがあります）",
    ),
    "template.setting.alternatives_tolerance": Text(
        "With --alternatives: how far below the best plan's objective an alternative may "
        "fall, as a share of it",
        "--alternatives のとき：代替案の目的関数値が最良の計画をどこまで下回ってよいか"
        "（最良の値に対する割合）",
    ),
    "template.setting.assign_everyone": Text(
        "Every available employee must join a team",
        "参加可能な社員全員を必ずどれかのチームに配属します",
    ),
    "template.setting.max_rotations_per_employee": Text(
        "Most rotation stints one employee may do", "社員1人が行うローテーションの最大回数"
    ),
    "template.setting.stint_periods": Text(
        "Consecutive periods a stint lasts, in one host",
        "1回のローテーションで同じ受入部門にいる連続した期間の数",
    ),
    "template.setting.default_min_on_site": Text(
        "Share of a department's headcount that stays home in every period",
        "各期間に部署に残る人数の割合",
    ),
    "template.setting.default_host_capacity": Text(
        "Most rotators a department hosts in one period",
        "1つの部署が1期間に受け入れるローテーション人数の上限",
    ),
    "template.setting.weak_tie_ratio": Text(
        "A department pair is weak when its tie density is below this share of the "
        "organisation's overall between-department density",
        "部署ペアの交流密度が、組織全体の部署間の交流密度のこの割合より低いとき、弱い交流と"
        "みなします",
    ),
    "template.setting.zero_tie_gap_weight": Text(
        "Gap weight of a department pair with no tie at all",
        "交流がまったくない部署ペアの断絶の重み",
    ),
    "template.setting.weak_tie_gap_weight": Text(
        "Gap weight of a weakly tied department pair", "弱い交流の部署ペアの断絶の重み"
    ),
    "template.setting.betweenness_exact_max": Text(
        "Largest graph (people) for exact betweenness; sampled beyond",
        "媒介中心性を厳密に計算する最大の人数。これを超えると標本から推定します",
    ),
    "template.setting.betweenness_samples": Text(
        "Pivot samples for betweenness on large graphs",
        "大きな組織で媒介中心性の推定に使う標本の数",
    ),
    "template.setting.weight_bridging": Text(
        "Per unit of gap weight of each department pair bridged",
        "橋渡しした部署ペアの断絶の重み1あたりの点数",
    ),
    "template.setting.weight_diversity": Text(
        "Per distinct department in a team", "チーム内の異なる部署1つあたりの点数"
    ),
    "template.setting.weight_balance": Text(
        "Multiplier of the soft Balance rules' weights",
        "数値の重みのバランスのルールに掛ける倍率",
    ),
    "template.setting.weight_skill_depth": Text(
        "Per skill level above a team's minimum that it covers",
        "チームの最低レベルを超えて満たすスキルレベル1あたりの点数",
    ),
    "template.setting.weight_rotation_fairness": Text(
        "Per department that sends at least one rotator",
        "ローテーションに1人以上を送り出す部署1つあたりの点数",
    ),
    "template.setting.weight_learning": Text(
        "Per host skill that is new to the rotator",
        "受入部門のスキルのうち本人にとって新しいもの1つあたりの点数",
    ),
    "template.setting.weight_stability": Text(
        "With --previous or --review: cost of each team assignment or rotation stint gained "
        "or lost against the previous plan (a move is both)",
        "--previous または --review のとき：前回の計画から増えた・減ったチーム配属や"
        "ローテーション1件ごとに差し引く値（移動はその両方）",
    ),
    "template.setting.weight_preference": Text(
        "Per rank point of a granted wish: a choice of rank r earns (R + 1 - r) points, R the "
        "largest rank given for that kind, so a first choice among three is worth 3, a tenth "
        "of one silent department pair bridged (30 by default)",
        "かなえた希望の順位の点数1あたりの値：順位 r の希望は (R + 1 - r) 点（R はその種別の"
        "最大の順位）。3つのうちの第1希望は3点で、断絶している部署ペア1組の橋渡し"
        "（既定値で30）の10分の1です",
    ),
    "template.setting.repeat_teammates": Text(
        "People who were teammates in History: forbid (never in one team again), avoid "
        "(each repeated pair costs weight_repeat_teammates) or allow",
        "履歴で同じチームだった社員：禁止（二度と同じチームにしない）、回避（同じペア1組ごとに"
        "「重み：同じメンバーとの再編成」を差し引く）または許可",
    ),
    "template.setting.weight_repeat_teammates": Text(
        "With repeat_teammates avoid: cost of each pair of earlier teammates in one team "
        "again, per earlier team they shared",
        "「同じメンバーとの再編成」が 回避 のとき：以前同じチームだったペアが再び同じチームに"
        "なるごとに、共有した以前のチーム1つあたり差し引く値",
    ),
    "template.setting.language": Text(
        "ja or en (also 日本語, English): the language of the plan workbook, its pictures "
        "and messages; blank: the workbook's own (Japanese when most sheet names are)",
        "ja または en（日本語、English とも書けます）：計画ブック、図、メッセージの言語。"
        "空欄：入力ブックに合わせます（シート名の多くが日本語なら日本語）",
    ),
    "template.setting.repeat_host": Text(
        "forbid: nobody rotates to a department they visited in History; allow: they may "
        "(avoid is read as allow)",
        "禁止：履歴で行ったことのある部署へはローテーションしません。許可：行くことがあります"
        "（回避は許可として読みます）",
    ),
    "template.setting.history_periods": Text(
        "How many of the latest History periods count, for teams and for rotation each; "
        "blank means all",
        "履歴のうち直近の何期間を数えるか（チームとローテーションそれぞれ）。空欄ならすべて",
    ),
    "template.setting.weight_rotation_history": Text(
        "Fairness over History: per stint of a person, up to this much the fewer stints they "
        "did in History, and per sending department, up to this much the fewer rotators per "
        "head it sent",
        "履歴に対する公平性：本人のローテーション1件ごとに、履歴でのローテーションが少ない"
        "ほど最大でこの値を、送り出す部署ごとに、1人あたりの送り出しが少ないほど最大で"
        "この値を加えます",
    ),
    "template.setting.max_programmes_per_employee": Text(
        "Most programmes one person takes in a plan (a team and a rotation count one each); "
        "blank means no limit",
        "1つの計画で1人が参加する施策の上限（チームとローテーションをそれぞれ1と数えます）。"
        "空欄なら上限なし",
    ),
    "template.setting.max_meeting_size": Text(
        "crossteam ties: meetings with more attendees than this are left out (a town hall "
        "ties nobody)",
        "crossteam ties：出席者がこの人数より多い会議は数えません（全体集会は交流になりません）",
    ),
    "template.setting.min_group_size": Text(
        "crossteam share: in the auditor's copy, departments with fewer people than this "
        "are shown together as one group and their own figures are left out",
        "crossteam share：監査用のコピーでは、人数がこれより少ない部署をひとつのグループに"
        "まとめ、その部署ごとの数値は載せません",
    ),
    "template.setting.ties_factor_calendar": Text(
        "crossteam ties: how much the ties found in calendars (meetings) count, "
        "after each source's weights are scaled to a mean of 1 per pair",
        "crossteam ties：予定表（会議）から見つけた交流の重みの倍率"
        "（情報源ごとに、ペアあたりの平均が 1 になるよう揃えたあとに掛けます）",
    ),
    "template.setting.ties_factor_collaboration": Text(
        "crossteam ties: how much the ties found in collaboration exports count, "
        "after each source's weights are scaled to a mean of 1 per pair",
        "crossteam ties：コラボレーションの書き出しから見つけた交流の重みの倍率"
        "（情報源ごとに、ペアあたりの平均が 1 になるよう揃えたあとに掛けます）",
    ),
    "template.setting.ties_factor_mail": Text(
        "crossteam ties: how much the ties found in mail and chat logs count, "
        "after each source's weights are scaled to a mean of 1 per pair",
        "crossteam ties：メール・チャットの記録から見つけた交流の重みの倍率"
        "（情報源ごとに、ペアあたりの平均が 1 になるよう揃えたあとに掛けます）",
    ),
    "template.setting.ties_factor_projects": Text(
        "crossteam ties: how much the ties found in project staffing count, "
        "after each source's weights are scaled to a mean of 1 per pair",
        "crossteam ties：プロジェクトの配属から見つけた交流の重みの倍率"
        "（情報源ごとに、ペアあたりの平均が 1 になるよう揃えたあとに掛けます）",
    ),
    "template.setting.ties_factor_survey": Text(
        "crossteam ties: how much the ties found in surveys count, "
        "after each source's weights are scaled to a mean of 1 per pair",
        "crossteam ties：アンケートから見つけた交流の重みの倍率"
        "（情報源ごとに、ペアあたりの平均が 1 になるよう揃えたあとに掛けます）",
    ),
    "template.setting.weight_spread": Text(
        "Cost of each person given both a team and a rotation, so that programmes go to "
        "people with none first; 0 (the default) leaves it out, as above 0 it plans everyone "
        "who could take both one by one (slower on large companies)",
        "チームとローテーションの両方に参加する社員1人ごとに差し引く値。どちらにも参加して"
        "いない社員を優先します。0（既定値）では使いません。0 より大きいと両方に参加できる"
        "社員を1人ずつ計画するため、大きな会社では遅くなります",
    ),
}

_EXAMPLE_COMPANY: Final[dict[str, Text]] = {
    "template.example.departments": Text(
        "ask for at least 1 department (asked for {departments})",
        "部署数は1以上にしてください（指定：{departments}）",
    ),
    "template.example.employees": Text(
        "an example company has at least {least} employees (asked for {employees})",
        "例の会社の社員数は{least}名以上です（指定：{employees}）",
    ),
    "template.example.too_few": Text(
        "{employees} employees cannot fill {departments} departments of at least {people}: "
        "ask for at least {least} employees or fewer departments",
        "社員{employees}名では、1部署{people}以上で{departments}部署を作れません。社員数を"
        "{least}名以上にするか、部署数を減らしてください",
    ),
    "template.example.periods": Text(
        "ask for at least 1 period (asked for {periods})",
        "期間数は1以上にしてください（指定：{periods}）",
    ),
    "template.example.teams": Text(
        "ask for at least 1 team (asked for {teams})",
        "チーム数は1以上にしてください（指定：{teams}）",
    ),
    "template.example.seats": Text(
        "{teams} up to {seats:,} seats but only {employees} available: ask for fewer teams",
        "{teams}の席は最大{seats:,}ありますが、参加できる社員は{employees}だけです。"
        "チーム数を減らしてください",
    ),
}

MESSAGES: Final[dict[str, Text]] = {
    **_GUIDE,
    **_HEADINGS,
    **_FORMATS,
    **_SHEETS,
    **_COLUMNS,
    **_WORDS,
    **_SETTINGS,
    **_EXAMPLE_COMPANY,
}

NOUNS: Final[dict[str, Noun]] = {
    "team_has": Noun("team has", "{n}チーム", "teams have"),
    "employee_is": Noun("employee is", "{n}名", "employees are"),
}

NAMES: Final[dict[str, str]] = {
    # the template's own sheets (the reader never reads them: reader.layout.NOTE_SHEETS)
    "Instructions": "説明",
    "Examples": "記入例",
    # Rules: the rule column
    "together": "同じチーム",
    "apart": "別のチーム",
    "in_team": "指定チームに配属",
    "not_in_team": "指定チームに配属しない",
    "rotate_to": "指定部署へローテーション",
    "not_rotate_to": "指定部署へローテーションしない",
    "no_rotation": "ローテーションしない",
    # Balance: the mode column, and the weight that is not a number
    "diversify": "多様化",
    "cluster": "集約",
    "balance": "平均化",
    "no_lone": "孤立回避",
    "different": "全員異なる",
    "hard": "必須",
    # Settings: repeat_teammates and repeat_host
    "forbid": "禁止",
    "avoid": "回避",
    "allow": "許可",
    # Settings: the setting column
    "time_limit_seconds": "制限時間（秒）",
    "random_seed": "乱数シード",
    "workers": "スレッド数",
    "deterministic_time_limit": "決定的時間の上限",
    "repeatable": "再現可能な実行",
    "alternatives_tolerance": "代替案の許容幅",
    "assign_everyone": "全員をチームに配属",
    "max_rotations_per_employee": "1人あたりの最大ローテーション回数",
    "stint_periods": "ローテーションの期間数",
    "default_min_on_site": "最低在籍率の既定値",
    "default_host_capacity": "受入上限の既定値",
    "weak_tie_ratio": "弱い交流の比率",
    "zero_tie_gap_weight": "交流なしの断絶の重み",
    "weak_tie_gap_weight": "弱い交流の断絶の重み",
    "betweenness_exact_max": "媒介中心性を厳密に計算する上限人数",
    "betweenness_samples": "媒介中心性の標本数",
    "weight_bridging": "重み：橋渡し",
    "weight_diversity": "重み：部署の多様性",
    "weight_balance": "重み：バランス",
    "weight_skill_depth": "重み：スキルの厚み",
    "weight_rotation_fairness": "重み：ローテーションの公平性",
    "weight_learning": "重み：新しいスキルの習得",
    "weight_stability": "重み：前回の計画からの安定性",
    "weight_preference": "重み：希望",
    "repeat_teammates": "同じメンバーとの再編成",
    "weight_repeat_teammates": "重み：同じメンバーとの再編成",
    "language": "言語",
    "repeat_host": "同じ受入部門への再ローテーション",
    "history_periods": "履歴の対象期間数",
    "weight_rotation_history": "重み：ローテーション履歴の公平性",
    "max_programmes_per_employee": "1人あたりの最大参加数",
    "weight_spread": "重み：参加の分散",
    "max_meeting_size": "会議の最大人数",
    "ties_factor_calendar": "交流の倍率：予定表（会議）",
    "ties_factor_collaboration": "交流の倍率：コラボレーションの書き出し",
    "ties_factor_mail": "交流の倍率：メール・チャットの記録",
    "ties_factor_projects": "交流の倍率：プロジェクトの配属",
    "ties_factor_survey": "交流の倍率：アンケート",
    "min_group_size": "最小グループ人数",
}
