"""The input workbook's sheets and columns: one description shared by reader and template.

Header and sheet names are compared after ``normalise``: ``text.clean`` (the normalisation
every name gets), case folded, spaces, hyphens and underscores alike, so "Employee ID",
"employee-id" and "EMPLOYEE_ID" are one header.
Japanese aliases map to the same canonical names; the first of a sheet's or column's
Japanese aliases is its name in ``i18n`` NAMES, which the Japanese template writes. What each
sheet and column is for lives in the catalogue (``template.sheet.*``, ``template.column.*``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from crossteam import i18n
from crossteam.models.limits import MAX_COUNT, MAX_TIE_WEIGHT, MAX_WEIGHT
from crossteam.models.text import clean, fold


def normalise(text: str) -> str:
    """Canonical form of a header or sheet name: ``clean``, case-folded, separators as ``_``.

    The long vowel mark "ー" is kept inside Japanese words (ローテーション) and only
    treated as a separator between ASCII characters.
    """
    text = clean(str(text)).casefold()
    text = re.sub(r"(?<=[0-9a-z])ー(?=[0-9a-z])", "_", text)
    text = re.sub(r"[\s_\-‐-―・]+", "_", text)
    return text.strip("_")


def match_key(text: str) -> str:
    """What sheet names and headers are matched by: ``normalise`` without separators, so
    "Team Skills", "team_skills" and "TeamSkills" are one name, as are "Employee ID" and
    "EmployeeID"."""
    return normalise(text).replace("_", "")


def look_alike_key(text: str) -> str:
    """``match_key`` with Cyrillic and Greek look-alike letters read as Latin ones
    (``text.fold``): a sheet name or header equal to the contract's only this way is read as
    it, with a warning."""
    return match_key(fold(text))


class Kind(StrEnum):
    """How a column's cells are read."""

    ID = "id"  # text; numbers become text without ".0"
    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    FRACTION = "fraction"  # number 0-1; "80%" accepted
    YES_NO = "yes_no"
    LEVEL = "level"  # integer 1-5
    WEIGHT_OR_HARD = "weight_or_hard"  # number >= 0, or the word "hard"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    aliases: tuple[str, ...] = ()
    example: object = None
    minimum: float | None = None
    """Smallest value allowed in a numeric column (``None``: no bound beyond the kind's)."""
    strict_minimum: bool = False
    """True when the value must be above ``minimum``, not equal to it (weights > 0)."""
    maximum: float | None = None
    """Largest value allowed in a numeric column (``crossteam.models.limits``)."""


@dataclass(frozen=True)
class Sheet:
    name: str
    required: bool
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    extra_columns_allowed: bool = False
    """True for sheets whose extra columns carry data (Employees attributes, wide Skills)."""
    examples: tuple[tuple[object, ...], ...] = field(default=())
    examples_ja: tuple[tuple[object, ...], ...] = field(default=())
    """The same examples as the Japanese template shows them (names, dropdown words)."""

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def key(self) -> str:
        """The sheet in catalogue keys: ``team_skills`` for TeamSkills."""
        return re.sub(r"(?<!^)(?=[A-Z])", "_", self.name).lower()

    @property
    def description(self) -> str:
        """What the sheet is for, in the current language."""
        return i18n.t(f"template.sheet.{self.key}")

    def describe(self, column: Column) -> str:
        """What ``column`` of this sheet holds, in the current language."""
        return i18n.t(f"template.column.{self.key}.{column.name}")

    def shown_examples(self) -> tuple[tuple[object, ...], ...]:
        """The example rows in the current language."""
        return self.examples_ja if i18n.current() is i18n.Language.JA else self.examples


# The examples' English words: data (rows the template shows and the reader refuses when
# left in, like the generator's names), not messages; ``examples_ja`` has the Japanese ones.
_SATO = "Sato Hana"  # not shown: example data
_SUZUKI = "Suzuki Ken"  # not shown: example data
_MANAGER = "Account manager"  # not shown: example data
_TEAM = "Customer voice"  # not shown: example data
_REASON = "Same project already"  # not shown: example data

_EMPLOYEE_ID_ALIASES = ("社員id", "社員番号", "id", "従業員id")

EMPLOYEES = Sheet(
    "Employees",
    required=True,
    aliases=("社員", "従業員", "社員一覧"),
    extra_columns_allowed=True,
    columns=(
        Column(
            "employee_id",
            Kind.ID,
            True,
            _EMPLOYEE_ID_ALIASES,
        ),
        Column("name", Kind.TEXT, False, ("氏名", "名前", "full_name")),
        Column("department", Kind.TEXT, True, ("部署", "所属", "部門", "dept")),
        Column("role", Kind.TEXT, False, ("役職", "職種", "title", "job_title")),
        Column(
            "location",
            Kind.TEXT,
            False,
            ("所在地", "勤務地", "拠点", "site", "office"),
        ),
        Column(
            "available",
            Kind.YES_NO,
            False,
            ("利用可能", "参加可", "参加可能"),
        ),
        Column(
            "rotation_eligible",
            Kind.YES_NO,
            False,
            ("ローテーション対象", "ローテーション可", "異動可"),
        ),
        Column(
            "email",
            Kind.TEXT,
            False,
            ("メールアドレス", "メール", "mail", "email_address", "emails"),
        ),
        Column(
            "person_id",
            Kind.ID,
            False,
            ("個人id", "分析用id", "person", "analytics_id"),
        ),
    ),
    examples=(
        ("E001", _SATO, "Sales", _MANAGER, "Tokyo", "yes", "yes", "", ""),
        ("E002", _SUZUKI, "Development", "Engineer", "Osaka", "yes", "no", "", ""),
    ),
    examples_ja=(
        ("E001", "佐藤 花子", "営業部", "営業担当", "東京", "はい", "はい", "", ""),
        ("E002", "鈴木 健", "開発部", "エンジニア", "大阪", "はい", "いいえ", "", ""),
    ),
)

CONTACT_COLUMNS = ("email", "person_id")
"""Employees columns that name a person to the tie sources (``crossteam ties``): not
attributes a Balance rule may name, and written only when some employee has one."""

SKILLS = Sheet(
    "Skills",
    required=False,
    aliases=("スキル", "スキル一覧"),
    extra_columns_allowed=True,
    columns=(
        Column(
            "employee_id",
            Kind.ID,
            True,
            _EMPLOYEE_ID_ALIASES,
        ),
        Column("skill", Kind.TEXT, True, ("スキル", "スキル名")),
        Column("level", Kind.LEVEL, True, ("レベル", "習熟度")),
    ),
    examples=(("E001", "Negotiation", 4), ("E002", "Python", 5)),
    examples_ja=(("E001", "交渉", 4), ("E002", "Python", 5)),
)

INTERACTIONS = Sheet(
    "Interactions",
    required=False,
    aliases=("交流", "コミュニケーション", "関係"),
    columns=(
        Column("employee_a", Kind.ID, True, ("社員a", "社員id_a", "社員1")),
        Column("employee_b", Kind.ID, True, ("社員b", "社員id_b", "社員2")),
        Column(
            "weight",
            Kind.NUMBER,
            False,
            ("重み", "強さ", "頻度"),
            minimum=0,
            strict_minimum=True,
            maximum=MAX_TIE_WEIGHT,
        ),
    ),
    examples=(("E001", "E002", 1),),
    examples_ja=(("E001", "E002", 1),),
)

DEPARTMENTS = Sheet(
    "Departments",
    required=False,
    aliases=("部署", "部署一覧", "部門"),
    columns=(
        Column(
            "department",
            Kind.TEXT,
            True,
            ("部署", "部署名", "部門"),
        ),
        Column(
            "min_on_site",
            Kind.FRACTION,
            False,
            ("最低在籍率", "残留率"),
        ),
        Column(
            "host_capacity",
            Kind.INT,
            False,
            ("受入上限", "受入人数"),
            minimum=0,
            maximum=MAX_COUNT,
        ),
        Column(
            "can_host",
            Kind.YES_NO,
            False,
            ("受入可", "受入可能"),
        ),
        Column(
            "critical_skills",
            Kind.TEXT,
            False,
            ("重要スキル", "必須スキル"),
        ),
    ),
    examples=(("Sales", 0.8, 2, "yes", ""), ("Development", 0.75, 3, "yes", "Python")),
    examples_ja=(("営業部", 0.8, 2, "はい", ""), ("開発部", 0.75, 3, "はい", "Python")),
)

PRIORITIES = Sheet(
    "Priorities",
    required=False,
    aliases=("優先", "優先度", "重点"),
    columns=(
        Column("department_a", Kind.TEXT, True, ("部署a", "部署1")),
        Column("department_b", Kind.TEXT, True, ("部署b", "部署2")),
        Column(
            "weight",
            Kind.NUMBER,
            False,
            ("重み",),
            minimum=0,
            strict_minimum=True,
            maximum=MAX_WEIGHT,
        ),
    ),
    examples=(("Sales", "Development", 3),),
    examples_ja=(("営業部", "開発部", 3),),
)

TEAMS = Sheet(
    "Teams",
    required=False,
    aliases=("チーム", "チーム一覧"),
    columns=(
        Column("team", Kind.TEXT, True, ("チーム", "チーム名")),
        Column(
            "count",
            Kind.INT,
            False,
            ("数", "チーム数", "個数"),
            minimum=1,
        ),
        Column(
            "min_size",
            Kind.INT,
            False,
            ("最小人数", "最少人数"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
        Column(
            "max_size",
            Kind.INT,
            False,
            ("最大人数", "最多人数"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
        Column(
            "min_departments",
            Kind.INT,
            False,
            ("最少部署数", "最小部署数"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
        Column(
            "max_per_department",
            Kind.INT,
            False,
            ("部署上限", "同一部署上限"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
    ),
    examples=((_TEAM, 2, 5, 7, 4, 2),),
    examples_ja=(("顧客の声", 2, 5, 7, 4, 2),),
)

TEAM_SKILLS = Sheet(
    "TeamSkills",
    required=False,
    aliases=("チームスキル", "必要スキル"),
    columns=(
        Column("team", Kind.TEXT, True, ("チーム", "チーム名")),
        Column("skill", Kind.TEXT, True, ("スキル", "スキル名")),
        Column(
            "min_level",
            Kind.LEVEL,
            False,
            ("最低レベル", "レベル"),
        ),
        Column(
            "min_count",
            Kind.INT,
            False,
            ("必要人数", "人数"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
    ),
    examples=((_TEAM, "Negotiation", 3, 1),),
    examples_ja=(("顧客の声", "交渉", 3, 1),),
)

BALANCE = Sheet(
    "Balance",
    required=False,
    aliases=("バランス", "構成"),
    columns=(
        Column("attribute", Kind.TEXT, True, ("属性", "項目")),
        Column(
            "mode",
            Kind.TEXT,
            True,
            ("モード", "方式"),
        ),
        Column(
            "weight",
            Kind.WEIGHT_OR_HARD,
            False,
            ("重み",),
            maximum=MAX_WEIGHT,
        ),
        Column(
            "value",
            Kind.TEXT,
            False,
            ("値",),
        ),
    ),
    examples=(("location", "no_lone", 1, "Osaka"),),
    examples_ja=(("所在地", "孤立回避", 1, "大阪"),),
)

PERIODS = Sheet(
    "Periods",
    required=False,
    aliases=("期間", "期"),
    columns=(Column("period", Kind.TEXT, True, ("期間", "期")),),
    examples=(("2027-Q1",), ("2027-Q2",)),
    examples_ja=(("2027-Q1",), ("2027-Q2",)),
)

RULES = Sheet(
    "Rules",
    required=False,
    aliases=("ルール", "制約"),
    columns=(
        Column("rule", Kind.TEXT, True, ("ルール", "種類")),
        Column("employee_id", Kind.ID, True, ("社員id", "社員番号", "id")),
        Column("target", Kind.ID, False, ("対象",)),
        Column("note", Kind.TEXT, False, ("備考", "メモ", "理由")),
    ),
    examples=(("apart", "E001", "E002", _REASON),),
    examples_ja=(("別のチーム", "E001", "E002", "すでに同じプロジェクト"),),
)

PREFERENCES = Sheet(
    "Preferences",
    required=False,
    aliases=("希望",),
    columns=(
        Column("employee_id", Kind.ID, True, _EMPLOYEE_ID_ALIASES),
        Column("kind", Kind.TEXT, True, ("種別",)),
        Column("target", Kind.ID, True, ("対象",)),
        Column(
            "rank",
            Kind.INT,
            True,
            ("順位",),
            minimum=1,
            maximum=MAX_COUNT,
        ),
    ),
    examples=(("E001", "rotation", "Development", 1), ("E002", "team", _TEAM, 1)),
    examples_ja=(("E001", "ローテーション", "開発部", 1), ("E002", "チーム", "顧客の声", 1)),
)

HISTORY = Sheet(
    "History",
    required=False,
    aliases=("履歴",),
    columns=(
        Column("employee_id", Kind.ID, True, _EMPLOYEE_ID_ALIASES),
        Column("period", Kind.TEXT, True, ("期間",)),
        Column("kind", Kind.TEXT, True, ("種別",)),
        Column("target", Kind.ID, True, ("対象",)),
    ),
    examples=(("E001", "2026-Q4", "team", _TEAM),),
    examples_ja=(("E001", "2026-Q4", "チーム", "顧客の声"),),
)

SETTINGS = Sheet(
    "Settings",
    required=False,
    aliases=("設定",),
    columns=(
        Column("setting", Kind.TEXT, True, ("設定", "項目")),
        Column("value", Kind.TEXT, True, ("値",)),
    ),
    examples=(("time_limit_seconds", 60), ("assign_everyone", "no")),
    examples_ja=(("制限時間（秒）", 60), ("全員をチームに配属", "いいえ")),
)

SHEETS: tuple[Sheet, ...] = (
    EMPLOYEES,
    SKILLS,
    INTERACTIONS,
    DEPARTMENTS,
    PRIORITIES,
    TEAMS,
    TEAM_SKILLS,
    BALANCE,
    PERIODS,
    RULES,
    PREFERENCES,
    HISTORY,
    SETTINGS,
)

YES = frozenset({"yes", "y", "true", "1", "はい", "t"})
NO = frozenset({"no", "n", "false", "0", "いいえ", "f"})
