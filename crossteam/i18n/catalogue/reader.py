"""The words of the reader area (see the package's docstring): every problem an input
workbook, a sweep grid, an unreadable file or an output path can have. A cell's problem
follows its location ("Employees!B7 (department): must be a whole number"), so English
entries are often a predicate; Japanese ones are whole short sentences (「整数で入力して
ください」)."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

MESSAGES: Final[dict[str, Text]] = {
    "reader.read_as": Text("{written} (read as {read})", "{written}（{read}として読み取り）"),
    # pydantic's errors, and a cell's bounds
    "reader.validation.missing": Text("is required", "必須です"),
    "reader.validation.whole_number": Text("must be a whole number", "整数で入力してください"),
    "reader.validation.number": Text("must be a number", "数値で入力してください"),
    "reader.validation.finite_number": Text(
        "must be a finite number", "有限の数値で入力してください"
    ),
    "reader.validation.yes_no": Text("must be yes or no", "「はい」か「いいえ」で入力してください"),
    "reader.validation.greater_than": Text(
        "must be more than {gt}", "{gt}より大きい値を入力してください"
    ),
    "reader.validation.at_least": Text("must be at least {ge}", "{ge}以上の値を入力してください"),
    "reader.validation.less_than": Text("must be less than {lt}", "{lt}未満の値を入力してください"),
    "reader.validation.at_most": Text("must be at most {le}", "{le}以下の値を入力してください"),
    # one cell's value
    "reader.cell.formula_unsaved": Text(
        "a formula without a saved result: open and save the file in Excel",
        "計算結果が保存されていない数式です。Excelでファイルを開き、保存し直してください",
    ),
    "reader.cell.stored_no_number": Text(
        "is stored as a number, but what is stored is no number: type it again",
        "数値として保存されていますが、中身が数値になっていません。入力し直してください",
    ),
    "reader.cell.excel_error": Text(
        "shows the Excel error {code}: fix the formula or type the value",
        "Excelのエラー {code} が表示されています。数式を直すか、値を入力してください",
    ),
    "reader.cell.too_long": Text(
        "holds {length:,} characters; at most {most:,} are allowed",
        "{length:,}文字あります。{most:,}文字以内にしてください",
    ),
    "reader.cell.id_is_date": Text(
        "is a date, but an id belongs here: format the column as Text and retype the id",
        "日付になっていますが、ここにはIDが入ります。列の書式を「文字列」にして、IDを入力し直してください",
    ),
    "reader.cell.id_is_boolean": Text(
        "is TRUE/FALSE, but an id belongs here",
        "TRUE/FALSEになっていますが、ここにはIDが入ります",
    ),
    "reader.cell.number": Text("must be a number", "数値で入力してください"),
    "reader.cell.number_not": Text(
        "must be a number, not {value}", "{value}ではなく、数値で入力してください"
    ),
    "reader.cell.number_too_large": Text(
        "must be a number of reasonable size",
        "数値が大きすぎます。妥当な大きさの数値を入力してください",
    ),
    "reader.cell.whole_number_not": Text(
        "must be a whole number, not {value}", "{value}ではなく、整数で入力してください"
    ),
    "reader.cell.level_not": Text(
        "must be a level from {low} to {high}, not {value}",
        "{value}ではなく、{low}から{high}までのレベルを入力してください",
    ),
    "reader.cell.level_range": Text(
        "must be between {low} and {high}, not {value}",
        "{value}ではなく、{low}から{high}までの値を入力してください",
    ),
    "reader.cell.share_not": Text(
        "must be a share such as 0.8 or 80%, not {value}",
        "{value}ではなく、0.8や80%のような割合で入力してください",
    ),
    "reader.cell.share_range": Text(
        "must be between 0 and 1 (0% and 100%), not {value}",
        "{value}ではなく、0から1（0%から100%）の間で入力してください",
    ),
    "reader.cell.yes_no_not": Text(
        "must be yes or no, not {value}", "{value}ではなく、「はい」か「いいえ」で入力してください"
    ),
    "reader.cell.weight_or_hard_not": Text(
        "must be a number or the word {hard}, not {value}",
        "{value}ではなく、数値か「{hard}」で入力してください",
    ),
    "reader.cell.weight_negative": Text(
        "must be 0 or more, or the word {hard}", "0以上の数値か「{hard}」で入力してください"
    ),
    "reader.cell.at_most_not": Text(
        "must be at most {le}, not {value}", "{value}ではなく、{le}以下の値を入力してください"
    ),
    "reader.alike.case": Text("only in upper/lower case", "大文字・小文字だけ"),
    "reader.alike.letters_named": Text(
        "only in look-alike letters ({letter} where the other has {other})",
        "見た目の似た文字だけ（こちらは{letter}、もう一方は{other}）",
    ),
    "reader.alike.letters": Text("only in look-alike letters", "見た目の似た文字だけ"),
    "reader.invalid_input": Text("invalid input", "入力に問題があります"),
    "reader.and_more": Text(" (and {count} more)", "（ほか{count}件）"),
    "reader.also_at": Text(" (also at {cells}: {listed})", "（ほか{cells}: {listed}）"),
    # a sheet, its header and its layout
    "reader.blank_required": Text("is blank, but this column is required", "必須です"),
    "reader.invisible_required": Text(
        "holds only invisible characters ({characters}), but this column is required",
        "見えない文字（{characters}）しかありません。この列は必須です",
    ),
    "reader.sheet_look_alike": Text(
        "is read as the {sheet} sheet, whose name it matches only with look-alike letters"
        " ({letters})",
        "見た目の似た文字（{letters}）を含む名前ですが、「{sheet}」シートとして読み取りました",
    ),
    "reader.sheet_unknown": Text(
        "is not a sheet crossteam reads; it was ignored",
        "crossteamが読み取るシートではないため、無視しました",
    ),
    "reader.sheet_twice": Text(
        "is a second {sheet} sheet (besides {first!r}): keep one",
        "2つ目の「{sheet}」シートです（「{first}」のほかに）。1つだけにしてください",
    ),
    "reader.sheet_missing": Text(
        "the workbook has no {sheet} sheet, which is required",
        "必須の「{sheet}」シートがありません",
    ),
    "reader.sheet_empty": Text("the {sheet} sheet is empty", "「{sheet}」シートが空です"),
    "reader.column_look_alike": Text(
        "column {header!r} is read as {column}, which it matches only with look-alike letters"
        " ({letters})",
        "列「{header}」は見た目の似た文字（{letters}）を含みますが、「{column}」列として"
        "読み取りました",
    ),
    "reader.column_twice": Text(
        "column {column} appears twice (first in column {first}); this one is ignored",
        "「{column}」列が2つあります（最初は{first}列）。この列は無視しました",
    ),
    "reader.hidden_how.filter": Text(
        "by the filter on this sheet or by hand", "このシートのフィルターか手作業で"
    ),
    "reader.hidden_how.excel": Text("in Excel", "Excelで"),
    "reader.hidden.row": Text(
        "row {rows} is hidden ({how}), but crossteam reads and plans them like every other"
        " row: unhide them to see what will be planned",
        "{rows}行目が{how}非表示にされていますが、crossteamは他の行と同じく読み取り、"
        "計画に含めます。何が計画されるかを確かめるには再表示してください",
    ),
    "reader.hidden.rows": Text(
        "rows {rows} are hidden ({how}), but crossteam reads and plans them like every other"
        " row: unhide them to see what will be planned",
        "{rows}行目が{how}非表示にされていますが、crossteamは他の行と同じく読み取り、"
        "計画に含めます。何が計画されるかを確かめるには再表示してください",
    ),
    "reader.rows_in_all": Text(", ... ({count:,} rows in all)", "、…（全{count:,}行）"),
    "reader.stopped": Text(
        "reading stopped at row {row} after 1,000 empty rows in a row; anything further down"
        " was ignored",
        "空の行が1,000行続いたため、{row}行目で読み取りを止めました。それより下は無視しました",
    ),
    "reader.merged": Text(
        "cells {cells} are merged: only the first holds a value, the others read as blank;"
        " unmerge them and fill every cell",
        "セル{cells}は結合されています。値があるのは最初のセルだけで、ほかは空欄として"
        "読み取ります。結合を解除し、すべてのセルに入力してください",
    ),
    "reader.no_header": Text(
        "this column has values but no header; it was ignored",
        "この列には値がありますが見出しがないため、無視しました",
    ),
    "reader.example_employee": Text(
        "this row is the template's example employee{employee}, not one of yours: delete it"
        " (the template's Examples sheet shows what rows look like; crossteam never reads it)",
        "この行はテンプレートの記入例の社員{employee}で、実際の社員ではありません。"
        "削除してください（行の書き方はテンプレートの「記入例」シートにあります。"
        "crossteamはそのシートを読みません）",
    ),
    "reader.example_row": Text(
        "this row is one of the template's examples, left in with the example employees on"
        " {employees}: delete it",
        "この行はテンプレートの記入例です（「{employees}」シートに記入例の社員が残って"
        "います）。削除してください",
    ),
    "reader.no_header_row": Text(
        "no row among the first {rows} names this sheet's columns (it needs {columns})",
        "最初の{rows}行に、このシートの列見出しがありません（必要な列: {columns}）",
    ),
    "reader.column_missing": Text(
        "the required column {column} is missing", "必須の「{column}」列がありません"
    ),
    "reader.column_unknown": Text(
        "column {header!r} is not one crossteam reads on this sheet; it was ignored",
        "列「{header}」はこのシートでcrossteamが読み取る列ではないため、無視しました",
    ),
    "reader.above_headcount": Text(
        "{column} {value:,} is more than the {employees:,} employees; {used:,} is used, which"
        " limits nothing",
        "{column}の{value:,}は社員数（{employees:,}名）を超えています。{used:,}として扱います"
        "（これで制限はかかりません）",
    ),
    "reader.minimum_above_headcount.team": Text(
        "{column} {value:,} is more than the {employees:,} employees: no team can meet it, and"
        " a plan will say so",
        "{column}の{value:,}は社員数（{employees:,}名）を超えています。どのチームも満たせない"
        "ため、計画の際にその旨を示します",
    ),
    # names one sheet takes from another
    "reader.did_you_mean": Text("; did you mean {names}?", "。{names}のことですか？"),
    "reader.either": Text("{first} or {last}", "{first}か{last}"),
    "reader.look_alike": Text(
        "{what} '{text}' differs from '{first}' ({cell}) {how}: {outcome}",
        "{what}「{text}」は「{first}」（{cell}）と{how}が異なります。{outcome}",
    ),
    "reader.here_and": Text(" (here and {cells})", "（ここと、ほか{cells}）"),
    "reader.cell_and": Text("{cell} and {cells}", "{cell}と、ほか{cells}"),
    "reader.variant_unquoted": Text(
        "this value{here} differs from the one in {there} {how}: both are taken as one value"
        " of {what}",
        "この値{here}は{there}の値と{how}が異なります。どちらも「{what}」の同じ値として扱います",
    ),
    "reader.variant": Text(
        "{what} '{text}'{here} differs from '{chosen}' ({there}) {how}: both are taken as"
        " '{chosen}'",
        "{what}「{text}」{here}は「{chosen}」（{there}）と{how}が異なります。どちらも"
        "「{chosen}」として扱います",
    ),
    "reader.what.employee_id": Text("employee id", "社員ID"),
    "reader.what.department": Text("department", "部署"),
    "reader.what.period": Text("period", "期間"),
    "reader.what.team": Text("team", "チーム"),
    "reader.what.skill": Text("skill", "スキル"),
    # the sheets, one by one
    "reader.no_employees": Text(
        "the {sheet} sheet lists no employees: add one row per employee under its header",
        "「{sheet}」シートに社員が1人もいません。見出しの下に、社員を1行に1人ずつ入力してください",
    ),
    "reader.column_repeats": Text(
        "column {header!r} repeats the column {other!r}; it is ignored",
        "列「{header}」は列「{other}」と重複しているため、無視しました",
    ),
    "reader.id_used": Text(
        "employee id {id} is already used on row {first}",
        "社員ID「{id}」は{first}行目ですでに使われています",
    ),
    "reader.ids_too_alike": Text(
        "two people's ids must differ by more than that; correct one of them",
        "別々の社員のIDは、これより大きく違っている必要があります。どちらかを直してください",
    ),
    "reader.attribute_unused": Text(
        "extra column {header!r} is kept as an employee attribute, but no Balance rule uses it",
        "追加の列「{header}」は社員の属性として読み取りましたが、どのバランスのルールにも"
        "使われていません",
    ),
    "reader.period_again": Text(
        "period {period} is already on row {first}", "期間「{period}」は{first}行目にすでにあります"
    ),
    "reader.two_periods": Text(
        "they are two periods; if one period is meant, delete a row",
        "別々の期間として扱います。同じ期間のつもりなら、どちらかの行を削除してください",
    ),
    "reader.two_teams": Text(
        "they are two teams; if one team is meant, delete a row",
        "別々のチームとして扱います。同じチームのつもりなら、どちらかの行を削除してください",
    ),
    "reader.team_used": Text(
        "team name {team} is already used on row {first}",
        "チーム名「{team}」は{first}行目ですでに使われています",
    ),
    "reader.count_above_headcount": Text(
        "count {count} makes more teams than there are employees ({employees})",
        "数（{count}）では、作られるチームが社員数（{employees}名）より多くなります",
    ),
    "reader.min_above_max": Text(
        "{min_column} {min_size} is larger than {max_column} {max_size}",
        "{min_column}（{min_size}）が{max_column}（{max_size}）より大きくなっています",
    ),
    "reader.skill_is_employee_column": Text(
        "column {header!r} is an Employees column, not a skill; it was ignored",
        "列「{header}」は社員シートの列で、スキルではないため、無視しました",
    ),
    "reader.skill_column_twice": Text(
        "skill {skill} already has a column; this one is ignored",
        "スキル「{skill}」の列はすでにあるため、この列は無視しました",
    ),
    "reader.skill_again": Text(
        "{employee} already has skill {skill} on row {first}; the higher level is kept",
        "{employee}のスキル「{skill}」は{first}行目にもあります。高いほうのレベルを使います",
    ),
    "reader.department_empty": Text(
        "no employee is in department {department}; the row is ignored",
        "部署「{department}」に所属する社員がいないため、この行は無視しました",
    ),
    "reader.department_again": Text(
        "department {department} is already on row {first}",
        "部署「{department}」は{first}行目にすでにあります",
    ),
    "reader.paired_with_self": Text(
        "{employee} is paired with themselves; row ignored",
        "{employee}が本人自身と組になっているため、この行は無視しました",
    ),
    "reader.tie_weights_too_large": Text(
        "the weights of {a} and {b} (rows {first} to {last}) add up to {total:.3g}, more than"
        " {most:,.0f}",
        "{a}と{b}の交流の重み（{first}行目から{last}行目）の合計が{total:.3g}となり、"
        "上限の{most:,.0f}を超えています",
    ),
    "reader.department_paired_with_self": Text(
        "department {department} is paired with itself",
        "部署「{department}」が同じ部署と組になっています",
    ),
    "reader.pair_again": Text(
        "this pair is already given on row {first}", "この組は{first}行目ですでに指定されています"
    ),
    "reader.name_not_id": Text(
        "this cell holds the name in {cell}, not an employee id: give the {column} of that row",
        "このセルには{cell}の氏名が入っていて、社員IDではありません。その行の{column}を入力して"
        "ください",
    ),
    "reader.no_employee": Text(
        "no employee {id} on the {sheet} sheet",
        "社員「{id}」は「{sheet}」シートに登録されていません",
    ),
    "reader.id_alike": Text(
        "{message}: did you mean {found} ({cell})? The two differ {how}, and ids must match"
        " exactly",
        "{message}。「{found}」（{cell}）のことですか？ 2つは{how}が異なります。IDは完全に"
        "一致している必要があります",
    ),
    "reader.taken_as_department": Text(
        "taken as the department '{department}'", "部署「{department}」として扱います"
    ),
    "reader.taken_as_skill": Text(
        "taken as the skill '{skill}'", "スキル「{skill}」として扱います"
    ),
    "reader.nobody_in_department": Text(
        "no employee is in department {department} ({sheet} sheet)",
        "部署「{department}」に所属する社員がいません（「{sheet}」シート）",
    ),
    "reader.skill_unheld": Text(
        "no employee has the skill {skill}", "スキル「{skill}」を持つ社員がいません"
    ),
    "reader.no_team": Text(
        "no team {team} on the {sheet} sheet", "チーム「{team}」は「{sheet}」シートにありません"
    ),
    "reader.or_one_more": Text(" (or 1 more such cell)", "（またはほか1セル）"),
    "reader.or_one_of_more": Text(
        " (or one of {count} more such cells)", "（またはほか{count}セルのいずれか）"
    ),
    "reader.perhaps_blank": Text(
        "{message}, perhaps because {blank}{more}, which should hold {what}, is blank or"
        " unreadable: fix that first",
        "{message}。{what}が入るはずの{blank}{more}が空欄か読み取れないためかもしれません。"
        "先にそちらを直してください",
    ),
    "reader.blank_kind.employee": Text("an employee id", "社員ID"),
    "reader.blank_kind.department": Text("a department", "部署"),
    "reader.blank_kind.team": Text("a team name", "チーム名"),
    "reader.rule_unknown": Text(
        "'{text}' is not a rule: use one of {kinds}",
        "「{text}」はルールではありません。次のいずれかを使ってください: {kinds}",
    ),
    "reader.rule_no_target": Text(
        "rule {rule} takes no target; it was ignored",
        "ルール「{rule}」には対象がないため、対象は無視しました",
    ),
    "reader.rule_needs_target": Text(
        "rule {rule} needs a target ({what})", "ルール「{rule}」には対象（{what}）が必要です"
    ),
    "reader.target_kind.employee": Text("employee", "社員"),
    "reader.target_kind.team": Text("team", "チーム"),
    "reader.target_kind.department": Text("department", "部署"),
    "reader.rule_two_employees": Text(
        "rule {rule} needs two different employees",
        "ルール「{rule}」には別々の社員2人が必要です",
    ),
    "reader.no_department": Text(
        "no department {department} on the {sheet} sheet",
        "部署「{department}」は「{sheet}」シートにありません",
    ),
    "reader.kind_unknown": Text(
        "'{text}' is not a kind: use {rotation} or {team}",
        "「{text}」は種別ではありません。「{rotation}」か「{team}」を使ってください",
    ),
    "reader.rank_again": Text(
        "rank {rank} is already given to another {kind} wish of this employee on row {first}:"
        " give each wish its own rank",
        "順位{rank}は、この社員の{first}行目にある別の{kind}の希望ですでに使われています。"
        "希望ごとに別の順位を付けてください",
    ),
    "reader.wish_again": Text(
        "this {kind} wish is already ranked on row {first} for this employee: keep one of the"
        " two rows",
        "この{kind}の希望には、この社員の{first}行目ですでに順位が付いています。どちらか"
        "1行だけにしてください",
    ),
    "reader.team_wish_no_teams": Text(
        "a team wish, but the workbook has no {sheet} sheet: the row is ignored",
        "チームの希望ですが、ブックに「{sheet}」シートがないため、この行は無視しました",
    ),
    "reader.ungrantable": Text(
        "this wish can never be granted: {reason}", "この希望はかなえられません。{reason}"
    ),
    "reader.ungrantable.own_department": Text(
        "it is this employee's own department", "この社員の所属部署です"
    ),
    "reader.ungrantable.not_eligible": Text(
        "this employee may not rotate ({rotation_eligible} {no} on {sheet})",
        "この社員はローテーションの対象外です（「{sheet}」シートの{rotation_eligible}が「{no}」）",
    ),
    "reader.ungrantable.not_available": Text(
        "this employee is not available ({available} {no} on {sheet})",
        "この社員は参加できません（「{sheet}」シートの{available}が「{no}」）",
    ),
    "reader.ungrantable.hosts_nobody": Text(
        "department {department} hosts nobody ({can_host} {no} or {host_capacity} 0)",
        "部署「{department}」は誰も受け入れません（{can_host}が「{no}」か、{host_capacity}が0）",
    ),
    "reader.second_team": Text(
        "this employee is also in team {team} in period {period} ({cell}): both rows are kept,"
        " as teammates of each team",
        "この社員は期間「{period}」にチーム「{team}」（{cell}）にも入っています。両方の行を"
        "残し、どちらのチームのメンバーとしても扱います",
    ),
    "reader.history_left": Text(
        "{rows} an employee who is not on the {sheet} sheet (rows {listed}): left out, as"
        " people who have left",
        "{rows}が「{sheet}」シートにいない社員を指しています（{listed}行目）。退職した人として"
        "読み飛ばしました",
    ),
    "reader.balance_value_ignored": Text(
        "only mode {no_lone} reads a value: this {mode} rule ignores it (leave the cell blank)",
        "値を使うのはモード「{no_lone}」だけです。この「{mode}」のルールでは値を無視します"
        "（空欄にしてください）",
    ),
    "reader.mode_unknown": Text(
        "'{text}' is not a mode: use one of {modes}",
        "「{text}」はモードではありません。次のいずれかを使ってください: {modes}",
    ),
    "reader.balance_no_column": Text(
        "the {sheet} sheet has no column '{header}' usable by a Balance rule",
        "「{sheet}」シートに、バランスのルールで使える列「{header}」がありません",
    ),
    "reader.balance_usable": Text(" (usable: {usable})", "（使える列: {usable}）"),
    "reader.balance_needs_numbers": Text(
        "mode {mode} needs numbers in column {header!r}, but employee {employee} has text"
        " there ({cell})",
        "モード「{mode}」では列「{header}」が数値である必要がありますが、社員{employee}の値が"
        "文字です（{cell}）",
    ),
    "reader.balance_number_too_large": Text(
        "{sheet} row {row} averages this column, and a number beyond ±{limit:.0e} cannot be"
        " averaged exactly: use smaller units",
        "「{sheet}」シートの{row}行目はこの列を平均しますが、±{limit:.0e}を超える数値は正確に"
        "平均できません。単位を小さくしてください",
    ),
    "reader.setting_unknown": Text(
        "'{name}' is not a known setting{hint}", "「{name}」という設定はありません{hint}"
    ),
    "reader.setting_again": Text(
        "{setting} is already set on row {first}", "{setting}は{first}行目ですでに設定されています"
    ),
    "reader.setting_invalid": Text("{setting} {problem}", "{setting}: {problem}"),
    "reader.setting_word": Text(
        "{setting} '{text}' is not one of {words}",
        "{setting}の「{text}」は使えません。次のいずれかを使ってください: {words}",
    ),
    # a file that is no workbook, or not a safe one
    "reader.file.folder": Text(
        "{name} is a folder, not a workbook: give the path of the .xlsx file itself",
        "{name}はフォルダーで、ブックではありません。.xlsxファイルそのもののパスを指定してください",
    ),
    "reader.file.missing": Text("{name}: no such file", "{name}: ファイルが見つかりません"),
    "reader.file.empty": Text(
        "{name} is empty (0 bytes): open it in Excel and save it as .xlsx (Excel Workbook)",
        "{name}は空です（0バイト）。Excelで開き、.xlsx（Excelブック）として保存してください",
    ),
    "reader.file.old_or_password": Text(
        "{name} looks like an old .xls file or a password-protected workbook: open it in Excel"
        " and save it as .xlsx (Excel Workbook), without a password",
        "{name}は古い.xlsファイルか、パスワード付きのブックのようです。Excelで開き、パスワード"
        "なしで.xlsx（Excelブック）として保存してください",
    ),
    "reader.file.not_excel": Text(
        "{name} is not an Excel workbook ({what}): open it in Excel and save it as .xlsx"
        " (Excel Workbook)",
        "{name}はExcelのブックではありません（{what}）。Excelで開き、.xlsx（Excelブック）として"
        "保存してください",
    ),
    "reader.file.looks_like.binary": Text("an unknown binary file", "不明なバイナリファイルです"),
    "reader.file.looks_like.web_page": Text(
        "a web page saved with an Excel name", "Excelの名前で保存されたWebページです"
    ),
    "reader.file.looks_like.text": Text("it looks like text or CSV", "テキストかCSVのようです"),
    "reader.file.damaged_zip": Text(
        "{name} is damaged or incomplete ({error}): open it in Excel and save it as .xlsx"
        " (Excel Workbook) again",
        "{name}は壊れているか、不完全です（{error}）。Excelで開き、.xlsx（Excelブック）として"
        "保存し直してください",
    ),
    "reader.file.too_many_parts": Text(
        "{name} holds {parts:,} parts: not a workbook",
        "{name}には{parts:,}個のパーツがあり、ブックではありません",
    ),
    "reader.file.ods": Text(
        "{name} is an OpenDocument file (.ods): save it as .xlsx (Excel 2007-365) in"
        " LibreOffice or Excel",
        "{name}はOpenDocumentファイル（.ods）です。LibreOfficeかExcelで.xlsx（Excel 2007-365）"
        "として保存してください",
    ),
    "reader.file.xlsb": Text(
        "{name} is a binary workbook (.xlsb): open it in Excel and save it as .xlsx (Excel"
        " Workbook)",
        "{name}はバイナリ形式のブック（.xlsb）です。Excelで開き、.xlsx（Excelブック）として"
        "保存してください",
    ),
    "reader.file.no_workbook_part": Text(
        "{name} is a zip file without {part}, so not an Excel workbook (or a damaged one)",
        "{name}は{part}を含まないzipファイルで、Excelのブックではありません（または壊れています）",
    ),
    "reader.file.too_large": Text(
        "{name} would unpack to {size:.1f} GB, more than the {most} GB allowed: refused as a"
        " possible zip bomb",
        "{name}は展開すると{size:.1f} GBになり、上限の{most} GBを超えます。zip爆弾のおそれが"
        "あるため読み取りません",
    ),
    "reader.file.part_too_large": Text(
        "{name}: part {part} would unpack to {size} MB, more than a planning workbook needs:"
        " refused",
        "{name}: パーツ{part}は展開すると{size} MBになり、計画用のブックとしては大きすぎる"
        "ため読み取りません",
    ),
    "reader.file.part_ratio": Text(
        "{name}: part {part} is compressed {ratio:,.0f} to 1, beyond the {most} to 1 allowed:"
        " refused as a possible zip bomb",
        "{name}: パーツ{part}の圧縮率は{ratio:,.0f}対1で、上限の{most}対1を超えています。"
        "zip爆弾のおそれがあるため読み取りません",
    ),
    "reader.file.part_unsafe": Text(
        "{name}: part {part} declares a DTD or XML entities, which workbooks never need:"
        " refused as unsafe",
        "{name}: パーツ{part}はDTDかXMLエンティティを宣言しています。ブックには不要なもの"
        "なので、安全のため読み取りません",
    ),
    "reader.file.part_late_root": Text(
        "{name}: part {part} does not begin its content within the first {size} KB: refused as"
        " unsafe",
        "{name}: パーツ{part}の内容が最初の{size} KB以内に始まっていないため、安全のため"
        "読み取りません",
    ),
    "reader.file.sheet_too_long": Text(
        "sheet {sheet!r} holds more than {most:,} rows: more than crossteam plans; delete the"
        " rows that are not needed",
        "シート「{sheet}」には{most:,}行を超える行があり、crossteamが計画できる量を超えて"
        "います。不要な行を削除してください",
    ),
    "reader.file.sheet_too_large": Text(
        "sheet {sheet!r} holds {cells:,} cells, more than the {most:,} crossteam holds in"
        " memory from one sheet; delete the rows or columns that are not needed",
        "シート「{sheet}」には{cells:,}個のセルがあり、crossteamが1枚のシートから読み込める"
        "{most:,}個を超えています。不要な行や列を削除してください",
    ),
    "reader.file.sheet_unsafe": Text(
        "sheet {sheet!r} declares a DTD or XML entities, which workbooks never need: refused"
        " as unsafe",
        "シート「{sheet}」はDTDかXMLエンティティを宣言しています。ブックには不要なもの"
        "なので、安全のため読み取りません",
    ),
    "reader.file.sheet_damaged.at_row": Text(
        "sheet {sheet!r} is damaged at row {row:,} and cannot be read ({error}): open it in"
        " Excel and save it as .xlsx (Excel Workbook) again",
        "シート「{sheet}」は{row:,}行目が壊れていて読み取れません（{error}）。Excelで開き、"
        ".xlsx（Excelブック）として保存し直してください",
    ),
    "reader.file.sheet_damaged.somewhere": Text(
        "sheet {sheet!r} is damaged and cannot be read ({error}): open it in Excel and save it"
        " as .xlsx (Excel Workbook) again",
        "シート「{sheet}」は壊れていて読み取れません（{error}）。Excelで開き、.xlsx（Excel"
        "ブック）として保存し直してください",
    ),
    "reader.file.no_defusedxml": Text(
        "refusing to read workbooks: openpyxl is not using defusedxml (is OPENPYXL_DEFUSEDXML"
        " set to False?)",
        "ブックを読み取りません: openpyxlがdefusedxmlを使っていません（OPENPYXL_DEFUSEDXML"
        "がFalseになっていませんか？）",
    ),
    "reader.file.unsafe": Text(
        "{name} declares a DTD or XML entities, which workbooks never need: refused as unsafe",
        "{name}はDTDかXMLエンティティを宣言しています。ブックには不要なものなので、安全のため"
        "読み取りません",
    ),
    "reader.file.damaged": Text(
        "{name} is damaged and cannot be read ({error}): open it in Excel and save it as .xlsx"
        " (Excel Workbook) again",
        "{name}は壊れていて読み取れません（{error}）。Excelで開き、.xlsx（Excelブック）として"
        "保存し直してください",
    ),
    "reader.file.too_many_columns": Text(
        "more than {most:,} columns", "列が{most:,}を超えています"
    ),
    "reader.file.merged_not_block": Text(
        "merged range {ref!r} is not a block of cells",
        "結合範囲「{ref}」がセルの長方形になっていません",
    ),
    # an output that cannot be written
    "reader.output.why.no_space": Text(
        "no space left on the disk", "ディスクの空き容量がありません"
    ),
    "reader.output.why.quota": Text(
        "the disk quota is used up", "ディスクの割り当てを使い切りました"
    ),
    "reader.output.why.too_large": Text(
        "the file is too large for this file system",
        "このファイルシステムには大きすぎるファイルです",
    ),
    "reader.output.why.read_only": Text(
        "the file system is read-only", "ファイルシステムが読み取り専用です"
    ),
    "reader.output.why.permission": Text("permission denied", "アクセス権がありません"),
    "reader.output.why.name_too_long": Text(
        "the file name or path is too long", "ファイル名かパスが長すぎます"
    ),
    "reader.output.why.folder_gone": Text(
        "the folder no longer exists", "フォルダーがもうありません"
    ),
    "reader.output.why.not_folder": Text(
        "a part of the path is not a folder", "パスの途中にフォルダーでないものがあります"
    ),
    "reader.output.why.is_folder": Text("is a folder", "フォルダーです"),
    "reader.output.why.io": Text(
        "the disk reported an input/output error", "ディスクが入出力エラーを報告しました"
    ),
    "reader.output.failed": Text(
        "{path}: {why}; nothing was written", "{path}: {why}。何も書き込んでいません"
    ),
    "reader.output.folder": Text(
        "{path}: is a folder; give a file name ending in .xlsx",
        "{path}: フォルダーです。.xlsxで終わるファイル名を指定してください",
    ),
    "reader.output.suffix": Text(
        "{path}: crossteam writes .xlsx workbooks only; give a name ending in .xlsx, such as"
        " {example}",
        "{path}: crossteamが書き出すのは.xlsxのブックだけです。{example}のように、.xlsxで"
        "終わる名前を指定してください",
    ),
    "reader.output.overwrites_input": Text(
        "{path}: the output would overwrite an input file; choose another name",
        "{path}: 出力が入力ファイルを上書きしてしまいます。別の名前にしてください",
    ),
    "reader.output.no_folder": Text(
        "{path}: the folder {folder} does not exist", "{path}: フォルダー{folder}がありません"
    ),
    "reader.output.name_too_long": Text(
        "{path}: the file name is {length} bytes long; this folder allows at most {most}",
        "{path}: ファイル名が{length}バイトあります。このフォルダーでは{most}バイトまでです",
    ),
    "reader.output.exists": Text(
        "{path}: already exists; use --force to overwrite it",
        "{path}: すでにあります。上書きするには--forceを付けてください",
    ),
    "reader.output.not_writable": Text(
        "{path}: the folder {folder} is not writable",
        "{path}: フォルダー{folder}に書き込めません",
    ),
    "reader.output.read_only": Text(
        "{path}: is read-only, so --force leaves it alone; make it writable or choose another name",
        "{path}: 読み取り専用のため、--forceを付けても上書きしません。書き込めるようにするか、"
        "別の名前にしてください",
    ),
    "reader.output.appeared": Text(
        "{path}: already exists (it appeared while this run was writing); use --force to"
        " overwrite it",
        "{path}: すでにあります（この実行が書き込んでいる間に作られました）。上書きするには"
        "--forceを付けてください",
    ),
    # a sweep grid
    "reader.grid.not_grid": Text(
        "{name}: a grid is a .yaml file or a workbook with a Sweep sheet",
        "{name}: グリッドは、.yamlファイルか「Sweep」シートのあるブックで指定してください",
    ),
    "reader.grid.too_large": Text("larger than {most:,} bytes", "{most:,}バイトを超えています"),
    "reader.grid.unreadable": Text("cannot be read: {error}", "読み取れません: {error}"),
    "reader.grid.not_yaml": Text(
        "not valid YAML: {reason}", "YAMLとして正しくありません: {reason}"
    ),
    "reader.grid.start": Text(
        "a grid starts with 'vary:' or 'scenarios:'",
        "グリッドは「vary:」か「scenarios:」で始めてください",
    ),
    "reader.grid.key_not_text": Text(
        "a key must be text such as weight_bridging",
        "キーはweight_bridgingのような文字列にしてください",
    ),
    "reader.grid.twice": Text("{key} is given twice", "{key}が2回指定されています"),
    "reader.grid.shape.vary": Text(
        "{key} must be a mapping of keys to lists",
        "{key}は、キーごとに値のリストを持つマッピングにしてください",
    ),
    "reader.grid.shape.scenarios": Text(
        "{key} must be a list of mappings", "{key}はマッピングのリストにしてください"
    ),
    "reader.grid.unknown_section": Text(
        "unknown section {key!r}; expected vary or scenarios",
        "不明なセクション「{key}」です。varyかscenariosを使ってください",
    ),
    "reader.grid.no_values": Text("{key} has no values", "{key}に値がありません"),
    "reader.grid.scenario_shape": Text(
        "a scenario is a mapping such as {{name: ..., weight_bridging: 20}}",
        "シナリオは{{name: ..., weight_bridging: 20}}のようなマッピングにしてください",
    ),
    "reader.grid.no_sheet": Text(
        "{name} has no {sheet} sheet", "{name}に「{sheet}」シートがありません"
    ),
    "reader.grid.sheet_empty": Text("the sheet is empty", "シートが空です"),
    "reader.grid.layout": Text(
        "A1 must say 'setting' (one row per setting, values to the right) or 'scenario' (one"
        " row per scenario, a setting per column)",
        "A1には「setting」（1行に1つの設定、値はその右）か「scenario」（1行に1つのシナリオ、"
        "列ごとに1つの設定）と書いてください",
    ),
    "reader.grid.no_setting": Text("a setting name is needed here", "ここには設定名が必要です"),
    "reader.grid.column_no_setting": Text(
        "this column has no setting in its header", "この列の見出しに設定がありません"
    ),
}

NOUNS: Final[dict[str, Noun]] = {
    "more_cell": Noun("more cell", "{n}セル", "more cells"),
    "row_names": Noun("row names", "{n}行", "rows name"),
}

NAMES: Final[dict[str, str]] = {}
