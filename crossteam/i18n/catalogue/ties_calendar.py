"""The words of the ties_calendar area (see the package's docstring): why an iCalendar
file (.ics) cannot be read. Only the file's name, a line number and a property name are
ever quoted, never an event's content."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

MESSAGES: Final[dict[str, Text]] = {
    "ties_calendar.file.folder": Text(
        "{name} is a folder, not a calendar file (.ics)",
        "「{name}」はフォルダーです。カレンダーファイル（.ics）を指定してください",
    ),
    "ties_calendar.file.missing": Text("{name} does not exist", "「{name}」が見つかりません"),
    "ties_calendar.file.too_large": Text(
        "{name} is {size:,.0f} MB; a calendar file may be at most {most:,} MB: export a "
        "shorter period",
        "「{name}」は{size:,.0f} MBあります。カレンダーファイルは{most:,} MBまでです。"
        "期間を短くしてエクスポートしてください",
    ),
    "ties_calendar.file.not_calendar": Text(
        "{name} is not an iCalendar file: it does not start with BEGIN:VCALENDAR",
        "「{name}」はiCalendarファイルではありません（BEGIN:VCALENDARで始まっていません）",
    ),
    "ties_calendar.file.damaged": Text(
        "{name} is damaged at line {line:,}: export the calendar again",
        "「{name}」の{line:,}行目が壊れています。カレンダーをエクスポートし直してください",
    ),
    "ties_calendar.file.damaged_property": Text(
        "{name} is damaged at line {line:,}: its {property} cannot be read; export the "
        "calendar again",
        "「{name}」の{line:,}行目が壊れています（{property}を読み取れません）。"
        "カレンダーをエクスポートし直してください",
    ),
    "ties_calendar.file.unclosed": Text(
        "{name} ends inside a {component}: the file is cut short; export it again",
        "「{name}」は{component}の途中で終わっています。ファイルが途中で切れているため、"
        "エクスポートし直してください",
    ),
    "ties_calendar.file.line_too_long": Text(
        "{name} has a line longer than {most:,} characters at line {line:,}",
        "「{name}」の{line:,}行目が{most:,}文字を超えています",
    ),
    "ties_calendar.file.event_too_long": Text(
        "{name} has an event of more than {most:,} lines at line {line:,}",
        "「{name}」の{line:,}行目の予定が{most:,}行を超えています",
    ),
    "ties_calendar.series.too_often": Text(
        "{name} has a meeting at line {line:,} that repeats more than once an hour",
        "「{name}」の{line:,}行目の会議は1時間に2回以上繰り返すため、読み取れません",
    ),
    "ties_calendar.series.too_many": Text(
        "{name} has a meeting at line {line:,} that repeats more than {most:,} times in the "
        "dates read: give --since and --until",
        "「{name}」の{line:,}行目の会議は、対象期間に{most:,}回を超えて繰り返されます。"
        "--since と --until で期間を指定してください",
    ),
}

NOUNS: Final[dict[str, Noun]] = {}

NAMES: Final[dict[str, str]] = {}
