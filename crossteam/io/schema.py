"""The input workbook's sheets and columns: one description shared by reader and template.

Header and sheet names are compared after ``normalise``: ``text.clean`` (the normalisation
every name gets), case folded, spaces, hyphens and underscores alike, so "Employee ID",
"employee-id" and "EMPLOYEE_ID" are one header.
Japanese aliases map to the same canonical names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

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
    description: str = ""
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
    description: str
    aliases: tuple[str, ...] = ()
    extra_columns_allowed: bool = False
    """True for sheets whose extra columns carry data (Employees attributes, wide Skills)."""
    examples: tuple[tuple[object, ...], ...] = field(default=())

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


_EMPLOYEE_ID_ALIASES = ("社員id", "社員番号", "id", "従業員id")

EMPLOYEES = Sheet(
    "Employees",
    required=True,
    aliases=("社員", "従業員", "社員一覧"),
    extra_columns_allowed=True,
    description="One row per employee. Extra columns become attributes usable by Balance rules.",
    columns=(
        Column(
            "employee_id",
            Kind.ID,
            True,
            "Unique id of the employee",
            _EMPLOYEE_ID_ALIASES,
        ),
        Column("name", Kind.TEXT, False, "Full name", ("氏名", "名前", "full_name")),
        Column("department", Kind.TEXT, True, "Home department", ("部署", "所属", "部門", "dept")),
        Column(
            "role", Kind.TEXT, False, "Job title or role", ("役職", "職種", "title", "job_title")
        ),
        Column(
            "location",
            Kind.TEXT,
            False,
            "Office or site",
            ("所在地", "勤務地", "拠点", "site", "office"),
        ),
        Column(
            "available",
            Kind.YES_NO,
            False,
            "yes/no, default yes: can join a team or rotate",
            ("利用可能", "参加可", "参加可能"),
        ),
        Column(
            "rotation_eligible",
            Kind.YES_NO,
            False,
            "yes/no, default yes: may go on rotation",
            ("ローテーション対象", "ローテーション可", "異動可"),
        ),
    ),
    examples=(
        ("E001", "Sato Hana", "Sales", "Account manager", "Tokyo", "yes", "yes"),
        ("E002", "Suzuki Ken", "Development", "Engineer", "Osaka", "yes", "no"),
    ),
)

SKILLS = Sheet(
    "Skills",
    required=False,
    aliases=("スキル", "スキル一覧"),
    extra_columns_allowed=True,
    description=(
        "Long form: one row per employee and skill with a level 1-5. Wide form: employee_id "
        "then one column per skill holding a level 1-5 or blank."
    ),
    columns=(
        Column(
            "employee_id",
            Kind.ID,
            True,
            "Employee holding the skill",
            _EMPLOYEE_ID_ALIASES,
        ),
        Column("skill", Kind.TEXT, True, "Skill name", ("スキル", "スキル名")),
        Column("level", Kind.LEVEL, True, "Level 1 (basic) to 5 (expert)", ("レベル", "習熟度")),
    ),
    examples=(("E001", "Negotiation", 4), ("E002", "Python", 5)),
)

INTERACTIONS = Sheet(
    "Interactions",
    required=False,
    aliases=("交流", "コミュニケーション", "関係"),
    description="Who works with whom. Undirected; repeated pairs add up; self-pairs are ignored.",
    columns=(
        Column("employee_a", Kind.ID, True, "One employee", ("社員a", "社員id_a", "社員1")),
        Column("employee_b", Kind.ID, True, "The other employee", ("社員b", "社員id_b", "社員2")),
        Column(
            "weight",
            Kind.NUMBER,
            False,
            "Strength, a number > 0 (default 1)",
            ("重み", "強さ", "頻度"),
            minimum=0,
            strict_minimum=True,
            maximum=MAX_TIE_WEIGHT,
        ),
    ),
    examples=(("E001", "E002", 1),),
)

DEPARTMENTS = Sheet(
    "Departments",
    required=False,
    aliases=("部署", "部署一覧", "部門"),
    description="Rotation policy per department; blank cells take the Settings defaults.",
    columns=(
        Column(
            "department",
            Kind.TEXT,
            True,
            "Department name as on Employees",
            ("部署", "部署名", "部門"),
        ),
        Column(
            "min_on_site",
            Kind.FRACTION,
            False,
            "Share 0-1 of headcount that stays home every period",
            ("最低在籍率", "残留率"),
        ),
        Column(
            "host_capacity",
            Kind.INT,
            False,
            "Most rotators hosted per period",
            ("受入上限", "受入人数"),
            minimum=0,
            maximum=MAX_COUNT,
        ),
        Column(
            "can_host",
            Kind.YES_NO,
            False,
            "yes/no, default yes: may host rotators",
            ("受入可", "受入可能"),
        ),
        Column(
            "critical_skills",
            Kind.TEXT,
            False,
            "Skills someone must keep at home, comma separated",
            ("重要スキル", "必須スキル"),
        ),
    ),
    examples=(("Sales", 0.8, 2, "yes", ""), ("Development", 0.75, 3, "yes", "Python")),
)

PRIORITIES = Sheet(
    "Priorities",
    required=False,
    aliases=("優先", "優先度", "重点"),
    description="Department pairs whose link matters most; the weight multiplies their gap weight.",
    columns=(
        Column("department_a", Kind.TEXT, True, "One department", ("部署a", "部署1")),
        Column("department_b", Kind.TEXT, True, "The other department", ("部署b", "部署2")),
        Column(
            "weight",
            Kind.NUMBER,
            False,
            "Multiplier > 0 (default 1)",
            ("重み",),
            minimum=0,
            strict_minimum=True,
            maximum=MAX_WEIGHT,
        ),
    ),
    examples=(("Sales", "Development", 3),),
)

TEAMS = Sheet(
    "Teams",
    required=False,
    aliases=("チーム", "チーム一覧"),
    description=(
        "Teams to form. count = 3 makes <team>-1, <team>-2, <team>-3 of the same spec. "
        "Blank min_size is 3, blank max_size is 8 (or min_size if larger)."
    ),
    columns=(
        Column("team", Kind.TEXT, True, "Team name", ("チーム", "チーム名")),
        Column(
            "count",
            Kind.INT,
            False,
            "How many teams of this spec (default 1)",
            ("数", "チーム数", "個数"),
            minimum=1,
        ),
        Column(
            "min_size",
            Kind.INT,
            False,
            "Fewest members",
            ("最小人数", "最少人数"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
        Column(
            "max_size",
            Kind.INT,
            False,
            "Most members",
            ("最大人数", "最多人数"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
        Column(
            "min_departments",
            Kind.INT,
            False,
            "Fewest distinct departments (default 1)",
            ("最少部署数", "最小部署数"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
        Column(
            "max_per_department",
            Kind.INT,
            False,
            "Most members from one department",
            ("部署上限", "同一部署上限"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
    ),
    examples=(("Customer voice", 2, 5, 7, 4, 2),),
)

TEAM_SKILLS = Sheet(
    "TeamSkills",
    required=False,
    aliases=("チームスキル", "必要スキル"),
    description="Skills a team needs: at least min_count members at min_level or above.",
    columns=(
        Column("team", Kind.TEXT, True, "Team name as on Teams", ("チーム", "チーム名")),
        Column("skill", Kind.TEXT, True, "Skill name", ("スキル", "スキル名")),
        Column(
            "min_level",
            Kind.LEVEL,
            False,
            "Lowest level that counts (default 1)",
            ("最低レベル", "レベル"),
        ),
        Column(
            "min_count",
            Kind.INT,
            False,
            "Members needed at that level (default 1)",
            ("必要人数", "人数"),
            minimum=1,
            maximum=MAX_COUNT,
        ),
    ),
    examples=(("Customer voice", "Negotiation", 3, 1),),
)

BALANCE = Sheet(
    "Balance",
    required=False,
    aliases=("バランス", "構成"),
    description=(
        "Rules on the mix of each team. mode: diversify, cluster, balance, no_lone, different. "
        "weight: a number (soft) or 'hard'."
    ),
    columns=(
        Column(
            "attribute", Kind.TEXT, True, "Any Employees column, e.g. location", ("属性", "項目")
        ),
        Column(
            "mode",
            Kind.TEXT,
            True,
            "diversify / cluster / balance / no_lone / different",
            ("モード", "方式"),
        ),
        Column(
            "weight",
            Kind.WEIGHT_OR_HARD,
            False,
            "A number (default 1) or 'hard'",
            ("重み",),
            maximum=MAX_WEIGHT,
        ),
        Column(
            "value",
            Kind.TEXT,
            False,
            "For no_lone: the value concerned (blank: any value); the other modes read none",
            ("値",),
        ),
    ),
    examples=(("location", "no_lone", 1, "Osaka"),),
)

PERIODS = Sheet(
    "Periods",
    required=False,
    aliases=("期間", "期"),
    description="Rotation periods, in order.",
    columns=(Column("period", Kind.TEXT, True, "Period label", ("期間", "期")),),
    examples=(("2027-Q1",), ("2027-Q2",)),
)

RULES = Sheet(
    "Rules",
    required=False,
    aliases=("ルール", "制約"),
    description=(
        "together / apart (target = employee_id), in_team / not_in_team (target = team), "
        "rotate_to / not_rotate_to (target = department), no_rotation (no target)."
    ),
    columns=(
        Column("rule", Kind.TEXT, True, "The rule", ("ルール", "種類")),
        Column(
            "employee_id", Kind.ID, True, "Employee the rule is about", ("社員id", "社員番号", "id")
        ),
        Column("target", Kind.ID, False, "Employee, team or department", ("対象",)),
        Column("note", Kind.TEXT, False, "Why (kept for the record)", ("備考", "メモ", "理由")),
    ),
    examples=(("apart", "E001", "E002", "Same project already"),),
)

PREFERENCES = Sheet(
    "Preferences",
    required=False,
    aliases=("希望",),
    description=(
        "People's wishes, one row per wish: kind rotation (target = a host department) or "
        "team (target = a team, or a Teams row name for any team of it); rank 1 = first choice."
    ),
    columns=(
        Column("employee_id", Kind.ID, True, "Employee who wishes", _EMPLOYEE_ID_ALIASES),
        Column("kind", Kind.TEXT, True, "rotation or team", ("種別",)),
        Column("target", Kind.ID, True, "Host department or team", ("対象",)),
        Column(
            "rank",
            Kind.INT,
            True,
            "1 = first choice, 2 = second...",
            ("順位",),
            minimum=1,
            maximum=MAX_COUNT,
        ),
    ),
    examples=(("E001", "rotation", "Development", 1), ("E002", "team", "Customer voice", 1)),
)

HISTORY = Sheet(
    "History",
    required=False,
    aliases=("履歴",),
    description=(
        "What people did in earlier periods: kind team (target = the team; rows with the "
        "same period and team were teammates) or rotation (target = the host department)."
    ),
    columns=(
        Column("employee_id", Kind.ID, True, "Employee", _EMPLOYEE_ID_ALIASES),
        Column("period", Kind.TEXT, True, "Period label or date", ("期間",)),
        Column("kind", Kind.TEXT, True, "team or rotation", ("種別",)),
        Column("target", Kind.ID, True, "Team or host department", ("対象",)),
    ),
    examples=(("E001", "2026-Q4", "team", "Customer voice"),),
)

SETTINGS = Sheet(
    "Settings",
    required=False,
    aliases=("設定",),
    description="One setting per row; blank or absent settings take their defaults.",
    columns=(
        Column("setting", Kind.TEXT, True, "Setting name", ("設定", "項目")),
        Column("value", Kind.TEXT, True, "Its value", ("値",)),
    ),
    examples=(("time_limit_seconds", 60), ("assign_everyone", "no")),
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
