"""Words every area uses: counted nouns, the severity words and yes/no, the language
names. The Japanese terms follow the glossary (docs/glossary.ja.md)."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

MESSAGES: Final[dict[str, Text]] = {
    "common.error": Text("error", "エラー"),
    "common.warning": Text("warning", "警告"),
    "common.note": Text("note", "注意"),
    "common.row": Text("row {row}", "{row}行目"),
    "common.yes": Text("yes", "はい"),
    "common.no": Text("no", "いいえ"),
}

NOUNS: Final[dict[str, Noun]] = {
    "employee": Noun("employee", "{n}名"),
    "person": Noun("person", "{n}名", "people"),
    "department": Noun("department", "{n}部門"),
    "department pair": Noun("department pair", "{n}組"),
    "team": Noun("team", "{n}チーム"),
    "period": Noun("period", "{n}期間"),
    "warning": Noun("warning", "警告{n}件"),
    "error": Noun("error", "エラー{n}件"),
    "row": Noun("row", "{n}行"),
    "cell": Noun("cell", "{n}セル"),
    "change": Noun("change", "{n}件の変更"),
    "plan": Noun("plan", "{n}案"),
    "scenario": Noun("scenario", "{n}シナリオ"),
    "rotation": Noun("rotation", "ローテーション{n}件"),
    "skill": Noun("skill", "{n}スキル"),
    "tied pair": Noun("tied pair", "交流のあるペア{n}組"),
    "teammate pair": Noun("teammate pair", "{n}組の同僚ペア"),
    "review decision": Noun("review decision", "レビュー判断{n}件"),
    "team row": Noun("team row", "チーム行{n}行"),
    "rotation row": Noun("rotation row", "ローテーション行{n}行"),
}

NAMES: Final[dict[str, str]] = {}
