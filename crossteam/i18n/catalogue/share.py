"""The words of the share area: ``crossteam share`` and the copies it writes."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

HELP: Final[dict[str, Text]] = {
    "share.help.command": Text(
        "Write a copy of a plan for an auditor (pseudonyms, no personal fields) or for "
        "the manager of one department (only that department's teams and rotations)",
        "監査担当者向け（仮名化し、個人の項目を除く）または1つの部署の管理者向け"
        "（その部署のチームとローテーションだけ）に計画のコピーを書き出します",
    ),
    "share.help.plan": Text("The plan workbook to copy", "コピーする計画ブック"),
    "share.help.for": Text(
        "Who the copy is for: auditor or manager", "コピーを渡す相手：auditor または manager"
    ),
    "share.help.department": Text(
        "With --for manager: the manager's department",
        "--for manager のとき：管理者の部署",
    ),
    "share.help.key_env": Text(
        "With --for auditor: the environment variable holding the pseudonym key (the same "
        "key gives the same pseudonym in every plan)",
        "--for auditor のとき：仮名の鍵を入れた環境変数の名前（同じ鍵なら、どの計画でも同じ仮名に"
        "なります）",
    ),
    "share.help.output": Text(
        "The copy to write (the plan is never modified)",
        "書き出すコピー（元の計画ブックは変更しません）",
    ),
}

MESSAGES: Final[dict[str, Text]] = {
    **HELP,
    "share.no_key": Text(
        "The auditor's copy needs a pseudonym key: give --key-env with the name of an "
        "environment variable that holds it.",
        "監査用のコピーには仮名の鍵が必要です。鍵を入れた環境変数の名前を --key-env で"
        "指定してください。",
    ),
    "share.empty_key": Text(
        "The environment variable 「{variable}」 is not set or is empty: it must hold the "
        "pseudonym key.",
        "環境変数「{variable}」が設定されていないか空です。仮名の鍵を入れてください。",
    ),
    "share.no_department": Text(
        "The manager's copy needs a department: give --department.",
        "管理者用のコピーには部署が必要です。--department を指定してください。",
    ),
    "share.department_unknown": Text(
        "The plan has nobody in the department 「{department}」.",
        "計画に部署「{department}」の人はいません。",
    ),
    "share.not_a_plan": Text(
        "{file} is not a plan workbook: it has no 「{sheet}」 sheet.",
        "{file} は計画ブックではありません。「{sheet}」シートがありません。",
    ),
    "share.other_group": Text("other", "その他"),
    "share.title.auditor": Text(
        "Auditor's copy of a plan: pseudonymised", "計画の監査用コピー（仮名化済み）"
    ),
    "share.title.manager": Text(
        "Manager's copy of a plan for 「{department}」",
        "部署「{department}」の管理者用の計画のコピー",
    ),
    "share.note.pseudonyms": Text(
        "Employee ids are replaced by keyed pseudonyms (the same key gives the same "
        "pseudonym in every plan); names, roles, skills, wishes, comments and notes are "
        "left out.",
        "社員IDは鍵付きの仮名に置き換えています（同じ鍵ならどの計画でも同じ仮名です）。"
        "氏名・役職・スキル・希望・コメント・メモは載せていません。",
    ),
    "share.note.small_groups": Text(
        "{departments} with fewer than {size} people each are shown together as "
        "「{other}」, and their own rows and columns are left out of the Connectivity and "
        "Gaps sheets.",
        "{size}人未満の{departments}はまとめて「{other}」として示し、つながりとギャップの"
        "シートからはその行と列を除いています。",
    ),
    "share.note.no_small_groups": Text(
        "Every department has at least {size} people: none is grouped.",
        "どの部署も{size}人以上のため、まとめた部署はありません。",
    ),
    "share.note.manager": Text(
        "Only the teams and rotations that involve this department's people; others in "
        "them are shown by name and department only. Write your decisions on the Review "
        "sheet; the planner re-plans the whole company with: crossteam plan INPUT.xlsx "
        "--review THIS-FILE.xlsx",
        "この部署の人が関わるチームとローテーションだけを載せています。ほかの部署の人は"
        "氏名と部署だけを示します。判断はレビューシートに記入してください。計画担当者が"
        "crossteam plan INPUT.xlsx --review THIS-FILE.xlsx で全社を計画し直します。",
    ),
    "share.wrote": Text(
        "The copy holds {teams} and {rotations}.",
        "コピーには{teams}と{rotations}があります。",
    ),
}

NOUNS: Final[dict[str, Noun]] = {
    "share_department": Noun("department", "{n}部署", "departments"),
    "share_team": Noun("team", "{n}チーム", "teams"),
    "share_rotation": Noun("person on rotation", "ローテーション対象者{n}名", "people on rotation"),
}

NAMES: Final[dict[str, str]] = {}
