"""The words of the ties_tables area (see the package's docstring): the tables tie sources
come in (collaboration exports, mail and chat logs, project staffing, surveys), how a
source is recognised, and the problems of their files and cells. A cell's problem follows
its location ("people.csv!row 7 (MetricDate): must be a date..."), so English entries are
often a predicate; Japanese ones are whole short sentences."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

MESSAGES: Final[dict[str, Text]] = {
    "ties_tables.too_many_problems": Text(
        "reading stopped after {most} problems: check that this is the export you meant",
        "問題が{most}件に達したため、読み取りを止めました。意図したエクスポートかご確認ください",
    ),
    # a cell
    "ties_tables.cell.date": Text(
        "must be a date such as 2024-04-01 or 4/1/2024, not {value}",
        "{value}ではなく、2024-04-01や2024/4/1のような日付で入力してください",
    ),
    "ties_tables.cell.end_before_start": Text(
        "is before the start ({start})", "開始日（{start}）より前になっています"
    ),
    # a file
    "ties_tables.file.folder": Text(
        "{name} is a folder: give the path of the exported file itself",
        "「{name}」はフォルダーです。エクスポートしたファイルそのもののパスを指定してください",
    ),
    "ties_tables.file.empty": Text(
        "{name} is empty (0 bytes): export it again",
        "「{name}」は空です（0バイト）。もう一度エクスポートしてください",
    ),
    "ties_tables.file.too_large": Text(
        "{name} is {size:.1f} GB, more than the {most} GB a source may have: export a shorter"
        " period",
        "「{name}」は{size:.1f} GBあり、読み取れる上限の{most} GBを超えています。"
        "期間を短くしてエクスポートしてください",
    ),
    "ties_tables.file.binary": Text(
        "{name} is not a text table (CSV): save or export it as CSV",
        "「{name}」はテキスト形式の表（CSV）ではありません。CSVとして保存かエクスポートしてください",
    ),
    "ties_tables.file.encoding": Text(
        "{name} is neither UTF-8 nor Shift_JIS text: save it as CSV UTF-8",
        "「{name}」はUTF-8でもShift_JISでもありません。「CSV UTF-8」形式で保存してください",
    ),
    "ties_tables.file.damaged": Text(
        "{name} cannot be read as CSV from line {row:,} on (an unclosed quote or a broken"
        " line?): export it again",
        "「{name}」は{row:,}行目からCSVとして読み取れません（引用符の閉じ忘れか、壊れた行が"
        "あるようです）。もう一度エクスポートしてください",
    ),
    "ties_tables.file.no_rows": Text(
        "{name} holds no rows, not even a header",
        "「{name}」には見出し行も含め、行がありません",
    ),
    "ties_tables.file.workbook": Text(
        "{name} is an Excel workbook; this kind of source is read from CSV: save it as CSV UTF-8",
        "「{name}」はExcelのブックです。この種類のデータはCSVから読み取ります。"
        "「CSV UTF-8」形式で保存してください",
    ),
    "ties_tables.file.no_sheet": Text(
        "{name} has no {sheet} sheet", "「{name}」に「{sheet}」シートがありません"
    ),
    # which kind a file is
    "ties_tables.kind.no_projects_sheet": Text(
        "{name} is a workbook without a Projects sheet; a workbook is read as a source only"
        " for its Projects sheet (calendars, collaboration exports, mail logs and surveys are"
        " read from .ics and CSV files)",
        "「{name}」は「プロジェクト」シートのないブックです。ブックから読み取るのは"
        "「プロジェクト」シートだけです（カレンダー、共同作業のエクスポート、メールの記録、"
        "アンケートは.icsかCSVファイルから読み取ります）",
    ),
    "ties_tables.kind.unknown": Text(
        "{name} is none of the sources crossteam reads: an iCalendar file (.ics), a"
        " person-to-person collaboration export (PrimaryCollaborator_PersonId,"
        " SecondaryCollaborator_PersonId), a mail or chat log (sender, to), a project list"
        " (employee_id, project) or survey answers (respondent, colleague); see docs/ties.md",
        "「{name}」はcrossteamが読み取れるデータではありません。読み取れるのは、iCalendar"
        "ファイル（.ics）、個人間の共同作業のエクスポート（PrimaryCollaborator_PersonId、"
        "SecondaryCollaborator_PersonId）、メールやチャットの記録（sender、to）、"
        "プロジェクトの一覧（employee_id、project）、アンケートの回答（respondent、"
        "colleague）です。docs/ties.mdをご覧ください",
    ),
}

NOUNS: Final[dict[str, Noun]] = {}

NAMES: Final[dict[str, str]] = {}
