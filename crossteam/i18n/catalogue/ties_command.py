"""The words of the ties_command area (see the package's docstring)."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

HELP: Final[dict[str, Text]] = {
    "ties_command.help.command": Text(
        "Build the Interactions sheet from calendars, mail or chat logs, collaboration "
        "exports, project staffing and surveys, and write a new input workbook with a "
        "Ties Report (only addresses, ids, dates and headers are read)",
        "予定表・メールやチャットの記録・コラボレーションの書き出し・プロジェクトの配属・"
        "アンケートから交流シートを作り、交流の集計を添えた新しい入力ブックを書き出します"
        "（読むのはアドレス・ID・日付・見出しだけです）",
    ),
    "ties_command.help.sources": Text(
        "Tie sources: .ics calendars, CSV exports, or an .xlsx with a Projects sheet "
        "(the kind is told by the content)",
        "交流の情報源：.ics の予定表、CSV の書き出し、プロジェクトのシートがある .xlsx"
        "（種類は中身で判断します）",
    ),
    "ties_command.help.output": Text(
        "The new input workbook to write (the input is never modified)",
        "書き出す新しい入力ブック（入力のブックは変更しません）",
    ),
    "ties_command.help.since": Text(
        "Leave out evidence before this day (YYYY-MM-DD)",
        "この日より前の記録は数えません（YYYY-MM-DD）",
    ),
    "ties_command.help.until": Text(
        "Leave out evidence after this day (YYYY-MM-DD); ages for --half-life count back from it",
        "この日より後の記録は数えません（YYYY-MM-DD）。--half-life の経過日数はこの日から数えます",
    ),
    "ties_command.help.half_life": Text(
        "Days after which evidence counts half (none: all evidence counts fully)",
        "記録の重みが半分になるまでの日数（指定しなければ経過日数で割り引きません）",
    ),
    "ties_command.help.min_weight": Text(
        "Leave out pairs whose tie weighs less than this",
        "交流の重みがこれより小さいペアは入れません",
    ),
    "ties_command.help.merge": Text(
        "Add the ties to the workbook's Interactions instead of replacing them",
        "交流シートを置き換えず、もとの交流に加えます",
    ),
    "ties_command.help.weight_column": Text(
        "Collaboration exports: the column holding each row's weight (default: the hours "
        "column when there is one, else 1 per row)",
        "コラボレーションの書き出しで、各行の重みとする列（既定：時間の列があればその列、"
        "なければ1行につき1）",
    ),
    "ties_command.help.ties": Text(
        "Plan on the ties of this source instead of the Interactions sheet (repeatable; "
        "as crossteam ties gives them with its defaults)",
        "交流シートの代わりにこの情報源の交流を使います（複数指定可。crossteam ties の既定と同じ"
        "作り方です）",
    ),
}

MESSAGES: Final[dict[str, Text]] = {
    **HELP,
    "ties_command.not_an_address": Text(
        "{address!r} is not an e-mail address (it has no @); it is left out",
        "「{address}」はメールアドレスではありません（@ がありません）。この値は使いません",
    ),
    "ties_command.address_used": Text(
        "the address {address!r} is already given to the employee on row {first}; "
        "an address names one person",
        "アドレス「{address}」は{first}行目の社員にすでに使われています。"
        "1つのアドレスは1人の社員にだけ指定してください",
    ),
    "ties_command.person_id_used": Text(
        "person id {id} is already given to the employee on row {first}",
        "個人ID「{id}」は{first}行目の社員にすでに使われています",
    ),
    "ties_command.bad_day": Text(
        "{value!r} is not a day written YYYY-MM-DD",
        "「{value}」は YYYY-MM-DD 形式の日付ではありません",
    ),
    "ties_command.until_before_since": Text(
        "--until is before --since", "--until が --since より前の日付です"
    ),
    "ties_command.source_line": Text(
        "{file} ({kind}): rows read {rows:,}, left out {skipped:,}, employees matched "
        "{matched:,}, addresses or ids matching nobody {unmatched:,}, pairs {pairs:,}",
        "{file}（{kind}）：読んだ行 {rows:,}、除外 {skipped:,}、一致した社員 {matched:,}名、"
        "どの社員にも一致しないアドレス・ID {unmatched:,}件、ペア {pairs:,}組",
    ),
    "ties_command.result_line": Text(
        "{ties}; silent department pairs before planning: {gaps}",
        "{ties}。計画の前の部門間の断絶：{gaps}組",
    ),
    "ties_command.source_unreadable": Text(
        "{name}: the file cannot be read ({why})",
        "{name}：ファイルを読み込めません（{why}）",
    ),
    "ties_command.report.title": Text(
        "Ties Report: where the Interactions sheet comes from",
        "交流の集計：交流シートの出どころ",
    ),
    "ties_command.report.made": Text(
        "crossteam ties found {ties} in {sources} (since {since}, until {until}, "
        "half-life {half_life} days, minimum weight {min_weight}); {mode}. "
        "Only addresses, ids, dates and headers were read: no subject, body, "
        "location or description.",
        "crossteam ties は{sources}から{ties}を見つけました（開始日 {since}、終了日 {until}、"
        "半減期 {half_life} 日、最小の重み {min_weight}）。{mode}。"
        "読んだのはアドレス・ID・日付・見出しだけで、件名・本文・場所・説明は読んでいません。",
    ),
    "ties_command.report.replaced": Text(
        "the Interactions sheet holds these ties only",
        "交流シートはこれらの交流だけに置き換えました",
    ),
    "ties_command.report.merged": Text(
        "these ties are added to the workbook's own Interactions",
        "これらの交流をブックにもとからある交流に加えました",
    ),
    "ties_command.report.sources": Text("What each source gave", "情報源ごとの結果"),
    "ties_command.report.skipped": Text(
        "Rows or meetings left out, and why", "数えなかった行・会議とその理由"
    ),
    "ties_command.report.unmatched": Text(
        "Addresses and ids that match no employee (often people outside the company; "
        "the {shown} most frequent per source)",
        "どの社員にも一致しなかったアドレス・ID（社外の人であることが多いです。"
        "情報源ごとに多い順に {shown} 件まで）",
    ),
    "ties_command.report.gap_pairs": Text(
        "Silent department pairs with these ties, before planning: {count}",
        "これらの交流での部門間の断絶（計画の前）：{count}組",
    ),
    "ties_command.report.none": Text("(none)", "（なし）"),
    "ties_command.kind.calendar": Text("calendar", "予定表"),
    "ties_command.kind.collaboration": Text("collaboration export", "コラボレーションの書き出し"),
    "ties_command.kind.mail": Text("mail or chat log", "メール・チャットの記録"),
    "ties_command.kind.projects": Text("project staffing", "プロジェクトの配属"),
    "ties_command.kind.survey": Text("survey", "アンケート"),
    "ties_command.skip.outside_window": Text(
        "dated outside --since/--until", "--since/--until の期間外"
    ),
    "ties_command.skip.all_day": Text("all-day event", "終日の予定"),
    "ties_command.skip.cancelled": Text("cancelled", "キャンセル済み"),
    "ties_command.skip.too_large": Text(
        "more attendees than max_meeting_size", "出席者が会議の最大人数より多い"
    ),
    "ties_command.skip.not_a_meeting": Text("fewer than two attendees", "出席者が2人未満"),
    "ties_command.skip.too_few_matched": Text(
        "fewer than two attendees are employees", "社員である出席者が2人未満"
    ),
    "ties_command.skip.duplicate": Text("the same row again", "同じ行の重複"),
    "ties_command.skip.no_recipients": Text("no recipient", "宛先なし"),
    "ties_command.skip.self_pair": Text("a person with themself", "同じ人どうし"),
    "ties_command.skip.unmatched": Text("a person who is no employee", "社員に一致しない人"),
    "ties_command.skip.zero_weight": Text("weight 0", "重みが 0"),
}

NOUNS: Final[dict[str, Noun]] = {
    "tie": Noun("tie", "{n}件の交流"),
    "source": Noun("source", "{n}件の情報源"),
}

NAMES: Final[dict[str, str]] = {
    "email": "メールアドレス",
    "person_id": "個人ID",
    "Ties Report": "交流の集計",
    "source_file": "ファイル",
    "source_kind": "情報源の種類",
    "rows_read": "読んだ行数",
    "skipped": "除外",
    "people_matched": "一致した社員",
    "not_matched": "一致しなかった相手",
    "pairs": "ペア数",
    "total_weight": "重みの合計",
    "first_day": "最初の日",
    "last_day": "最後の日",
    "address_or_id": "アドレスまたはID",
}
