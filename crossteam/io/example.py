"""A realistic synthetic company for demos, tests and benchmarks (``crossteam example``).

Departments of uneven size with plausible names, roles, offices and skills; an interaction
graph that is dense inside departments and silent between departments far apart on a
"map" of the organisation; team specs, skill needs, rules and rotation policies chosen so
that a plan always exists. The same seed always gives the same company.

Two shapes (``CompanyShape``): ``realistic`` has heavy-tailed department sizes (a few large
departments, many of 1-10 people), a core of large departments tied to each other and a
periphery of small ones with few outside ties, as measured in real organisational e-mail
networks; ``classic`` has departments of similar size (at least 3 people) tied to their
neighbours on the map, the shape of the first benchmarks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import NoReturn

import numpy as np
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from crossteam.errors import InputError
from crossteam.io import schema
from crossteam.io.excel import Destination, display_width, print_setup
from crossteam.models import CompanyShape, Problem, Settings
from crossteam.models.wording import counted

MIN_DEPARTMENT_SIZE = 3
"""Smallest department of the classic shape (the realistic shape has departments of 1)."""
MIN_EMPLOYEES = 20
SHARE_UNAVAILABLE = 0.05
SHARE_NOT_ROTATION_ELIGIBLE = 0.15
EMPLOYEES_PER_TEAM = 10
SKILL_SUPPLY_FACTOR = 3
"""Every team skill need is met at least this many times over by the available people."""

# The interaction graph. A person's expected ties inside the department are
# min(INTERNAL_DENSITY * (size - 1), INTERNAL_DEGREE); ties to other departments are
# CROSS_SHARE of that (at least MIN_CROSS_DEGREE), and go only to the departments nearest
# on the map, so that far-apart departments stay genuinely silent.
INTERNAL_DENSITY = 0.7
INTERNAL_DEGREE = 22.0
CROSS_SHARE = 0.5
MIN_CROSS_DEGREE = 4.0
MAX_CROSS_DENSITY = 0.5
MAX_NEIGHBOURS = 6
# Ties to other departments concentrate on a few boundary spanners, heads among them:
# each person's share is drawn from a log-normal of this spread.
OUTREACH_SPREAD = 0.8
HEAD_OUTREACH = 3.0

# The realistic shape. The log of department sizes is a two-piece normal, wider below the
# median than above it (standard deviations SMALL_SPREAD and LARGE_SPREAD), taken at evenly
# spaced quantiles so that every company of that many departments has the same heavy
# tail: at 1,000 people in 40 departments, several of 1-4 people, a median of about 15, a
# few of 100 or more, as in the e-mail network of a European research institution
# (docs/synthetic.md).
SMALL_SPREAD = 1.2
LARGE_SPREAD = 0.9
SIZE_JITTER = 0.15
# Each person's ties outside the department: on average CROSS_TIES, times their outreach,
# times (department size / CORE_SIZE) ** PERIPHERY for departments smaller than CORE_SIZE,
# so that the small departments of the periphery have few outside ties. Each tie goes to
# another department with a pull of its size ** CORE_PULL times exp(-distance / REACH)
# on the map, so that the large departments of the core are tied to each other.
CROSS_TIES = 6.0
CORE_SIZE = 20
PERIPHERY = 0.5
CORE_PULL = 1.0
REACH = 0.35

Row = tuple[object, ...]
EmployeeRow = tuple[str, str, str, str, str, bool, bool]
SkillLevelRow = tuple[str, str, int]
InteractionRow = tuple[str, str, int]
DepartmentRow = tuple[str, float, int, bool, str | None]
PriorityRow = tuple[str, str, int]
TeamRow = tuple[str, int, int, int, int, int | None]
TeamSkillRow = tuple[str, str, int, int]
BalanceRow = tuple[str, str, int | str, str | None]
PeriodRow = tuple[str]
RuleRow = tuple[str, str, str | None, str]
SettingRow = tuple[str, object]


@dataclass(frozen=True)
class _DepartmentKind:
    en: str
    ja: str
    weight: float
    """Typical headcount, relative to the others."""
    position: tuple[float, float]
    """Place on the map of who talks to whom: customer-facing top left, product top
    right, operations bottom right, corporate functions bottom left."""
    skills: tuple[str, ...]
    roles: tuple[tuple[str, str], ...]
    """(English, Japanese) job titles besides the head of department."""
    can_host: bool = True
    """Confidential functions do not take rotators."""


_DEPARTMENT_KINDS: tuple[_DepartmentKind, ...] = (
    _DepartmentKind(
        "Sales", "営業部", 1.6, (0.15, 0.85),
        ("Negotiation", "Presentation", "CRM", "Market Research"),
        (("Account Manager", "アカウントマネージャー"), ("Sales Representative", "営業担当")),
    ),
    _DepartmentKind(
        "Customer Support", "カスタマーサポート部", 1.4, (0.25, 0.7),
        ("Customer Service", "Troubleshooting", "CRM", "Technical Writing"),
        (("Support Specialist", "サポート担当"), ("Support Engineer", "サポートエンジニア")),
    ),
    _DepartmentKind(
        "Product Development", "製品開発部", 2.2, (0.8, 0.75),
        ("Python", "Software Design", "Cloud Infrastructure", "Testing"),
        (("Software Engineer", "ソフトウェアエンジニア"),
         ("Product Manager", "プロダクトマネージャー")),
    ),
    _DepartmentKind(
        "Planning", "企画部", 0.6, (0.45, 0.45),
        ("Strategy", "Data Analysis", "Project Management", "Presentation"),
        (("Business Planner", "企画担当"), ("Business Analyst", "ビジネスアナリスト")),
    ),
    _DepartmentKind(
        "Marketing", "マーケティング部", 0.9, (0.35, 0.9),
        ("Digital Marketing", "Copywriting", "Market Research", "Data Analysis"),
        (("Marketing Specialist", "マーケティング担当"), ("Brand Manager", "ブランドマネージャー")),
    ),
    _DepartmentKind(
        "Finance", "経理部", 0.6, (0.2, 0.25),
        ("Accounting", "Financial Modelling", "Compliance", "Excel"),
        (("Accountant", "経理担当"), ("Financial Analyst", "財務アナリスト")),
        can_host=False,
    ),
    _DepartmentKind(
        "HR", "人事部", 0.5, (0.1, 0.15),
        ("Recruiting", "Labour Law", "Coaching", "Training"),
        (("HR Generalist", "人事担当"), ("Recruiter", "採用担当")),
    ),
    _DepartmentKind(
        "QA", "品質保証部", 0.8, (0.9, 0.6),
        ("Testing", "Test Automation", "Quality Management", "Python"),
        (("QA Engineer", "品質保証エンジニア"), ("Test Analyst", "テスト担当")),
    ),
    _DepartmentKind(
        "Logistics", "物流部", 1.0, (0.85, 0.2),
        ("Supply Chain", "Inventory Management", "Procurement", "Excel"),
        (("Logistics Coordinator", "物流担当"), ("Warehouse Supervisor", "倉庫管理者")),
    ),
    _DepartmentKind(
        "Legal", "法務部", 0.3, (0.3, 0.1),
        ("Contract Law", "Compliance", "Intellectual Property", "Negotiation"),
        (("Legal Counsel", "法務担当"), ("Paralegal", "法務アシスタント")),
        can_host=False,
    ),
    _DepartmentKind(
        "Manufacturing", "製造部", 1.8, (0.75, 0.1),
        ("Lean Manufacturing", "Quality Management", "Equipment Maintenance", "Safety"),
        (("Production Engineer", "生産技術者"), ("Technician", "技術員")),
    ),
    _DepartmentKind(
        "IT", "情報システム部", 0.6, (0.7, 0.5),
        ("Cloud Infrastructure", "Security", "Networking", "Python"),
        (("Systems Administrator", "システム管理者"),
         ("Network Engineer", "ネットワークエンジニア")),
    ),
    _DepartmentKind(
        "Research", "研究開発部", 0.8, (0.95, 0.9),
        ("Statistics", "Machine Learning", "Python", "Data Analysis"),
        (("Research Scientist", "研究員"), ("Data Scientist", "データサイエンティスト")),
    ),
    _DepartmentKind(
        "Design", "デザイン部", 0.4, (0.65, 0.9),
        ("UX Design", "Visual Design", "User Research", "Presentation"),
        (("UX Designer", "UXデザイナー"), ("Graphic Designer", "グラフィックデザイナー")),
    ),
    _DepartmentKind(
        "Procurement", "購買部", 0.4, (0.6, 0.25),
        ("Procurement", "Negotiation", "Supply Chain", "Contract Law"),
        (("Buyer", "購買担当"), ("Procurement Specialist", "調達担当")),
    ),
    _DepartmentKind(
        "Public Relations", "広報部", 0.3, (0.45, 0.95),
        ("Media Relations", "Copywriting", "Presentation", "English"),
        (("PR Specialist", "広報担当"), ("Communications Officer", "社内広報担当")),
    ),
    _DepartmentKind(
        "General Affairs", "総務部", 0.4, (0.15, 0.4),
        ("Facilities", "Compliance", "Excel", "Project Management"),
        (("Office Administrator", "総務担当"), ("Facilities Coordinator", "施設管理担当")),
    ),
)  # fmt: skip

_CROSS_SKILLS = ("Excel", "English", "Project Management", "Presentation", "Data Analysis")
"""Skills found in every department, at modest levels."""

_SKILLS_JA = {
    "Negotiation": "交渉",
    "Presentation": "プレゼンテーション",
    "CRM": "顧客管理",
    "Market Research": "市場調査",
    "Customer Service": "顧客対応",
    "Troubleshooting": "トラブルシューティング",
    "Technical Writing": "技術文書作成",
    "Python": "Python",
    "Software Design": "ソフトウェア設計",
    "Cloud Infrastructure": "クラウド基盤",
    "Testing": "テスト",
    "Strategy": "経営戦略",
    "Data Analysis": "データ分析",
    "Project Management": "プロジェクト管理",
    "Digital Marketing": "デジタルマーケティング",
    "Copywriting": "コピーライティング",
    "Accounting": "会計",
    "Financial Modelling": "財務モデリング",
    "Compliance": "コンプライアンス",
    "Excel": "Excel",
    "Recruiting": "採用",
    "Labour Law": "労働法",
    "Coaching": "コーチング",
    "Training": "研修企画",
    "Test Automation": "テスト自動化",
    "Quality Management": "品質管理",
    "Supply Chain": "サプライチェーン",
    "Inventory Management": "在庫管理",
    "Procurement": "調達",
    "Contract Law": "契約法務",
    "Intellectual Property": "知的財産",
    "Lean Manufacturing": "リーン生産",
    "Equipment Maintenance": "設備保全",
    "Safety": "安全管理",
    "Security": "情報セキュリティ",
    "Networking": "ネットワーク",
    "Statistics": "統計",
    "Machine Learning": "機械学習",
    "UX Design": "UXデザイン",
    "Visual Design": "ビジュアルデザイン",
    "User Research": "ユーザー調査",
    "Media Relations": "メディア対応",
    "Facilities": "ファシリティ管理",
    "English": "英語",
}

# Levels 1-5: people are good at their department's core skills and so-so at the rest.
_CORE_LEVEL_P = (0.0, 0.2, 0.35, 0.3, 0.15)
_CROSS_LEVEL_P = (0.35, 0.35, 0.2, 0.1, 0.0)
_CORE_SKILL_P = 0.7
_CROSS_SKILL_P = 0.2


@dataclass(frozen=True)
class _TeamKind:
    en: str
    ja: str
    min_size: int
    max_size: int
    min_departments: int
    max_per_department: int
    needs: tuple[tuple[str, int, int], ...]
    """(skill, preferred min_level, min_count); a level is lowered, or the need dropped,
    when too few people hold it."""


_TEAM_KINDS: tuple[_TeamKind, ...] = (
    _TeamKind("Customer Voice", "顧客の声", 5, 7, 4, 2,
              (("Customer Service", 3, 1), ("Software Design", 3, 1))),
    _TeamKind("Product Launch", "新製品立ち上げ", 6, 8, 4, 2,
              (("Digital Marketing", 3, 1), ("Project Management", 2, 2))),
    _TeamKind("Process Improvement", "業務改善", 5, 7, 3, 2, (("Data Analysis", 3, 1),)),
    _TeamKind("Quality Circle", "品質改善サークル", 5, 6, 3, 3,
              (("Testing", 3, 1), ("Quality Management", 2, 1))),
    _TeamKind("Digital Transformation", "DX推進", 6, 8, 4, 2,
              (("Python", 3, 1), ("Cloud Infrastructure", 2, 1))),
    _TeamKind("Talent and Culture", "人材育成", 5, 7, 3, 2, (("Coaching", 2, 1),)),
)  # fmt: skip
_FALLBACK_NEED = ("Project Management", 2, 1)
"""For a spec none of whose own skills the company has."""

_OFFICES = (("Tokyo", "東京"), ("Osaka", "大阪"), ("Nagoya", "名古屋"), ("Fukuoka", "福岡"),
            ("Sapporo", "札幌"))  # fmt: skip
_OFFICE_P = (0.45, 0.25, 0.15, 0.1, 0.05)
_SHARE_AT_MAIN_OFFICE = 0.7

_GIVEN_EN = (
    "Alex", "Maria", "James", "Aiko", "Daniel", "Sofia", "Liam", "Emma", "Noah", "Olivia",
    "Lucas", "Mia", "Ethan", "Chloe", "Omar", "Priya", "Chen", "Fatima", "Mateo", "Hannah",
    "Kenji", "Grace", "Ivan", "Laura", "Samuel", "Nina", "Ravi", "Julia", "Tom", "Ana",
)  # fmt: skip
_FAMILY_EN = (
    "Smith", "Garcia", "Tanaka", "Müller", "Rossi", "Kim", "Nguyen", "Patel", "Brown",
    "Silva", "Cohen", "Novak", "Dubois", "Jensen", "Kowalski", "Okafor", "Haddad", "Larsen",
    "Murphy", "Santos", "Schmidt", "Wong", "Ivanova", "Costa", "Ali", "Moreau", "Berg",
    "Reyes", "Sato", "Taylor",
)  # fmt: skip
_FAMILY_JA = (
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田",
    "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森",
    "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田",
    "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本",
)  # fmt: skip
_GIVEN_JA = (
    "翔太", "蓮", "大翔", "悠真", "陽斗", "湊", "健太", "拓海", "大輔", "誠", "直樹",
    "浩二", "美咲", "陽菜", "結衣", "葵", "さくら", "花子", "由美", "恵", "彩", "愛",
    "真由美", "奈々", "裕子", "明美", "智子", "舞", "優花", "凛",
)  # fmt: skip

_NOTES = {
    "together": ("Mentoring pair", "メンター関係"),
    "apart": ("Same project already", "既に同じプロジェクト"),
    "in_team": ("Asked to lead this team", "本人希望"),
    "not_in_team": ("Conflict of interest", "利益相反"),
    "rotate_to": ("Development plan", "育成計画"),
    "not_rotate_to": ("Key account handover", "重要顧客の引継ぎ"),
    "no_rotation": ("Parental leave planned", "育児休業予定"),
}
_RULES_PER_EMPLOYEES = 500
"""One rule of each kind per this many employees (at least one)."""


@dataclass(frozen=True)
class Company:
    """A synthetic company as rows per input sheet.

    Every row lists its values in the order of that sheet's columns in
    ``crossteam.io.schema``; blank cells are ``None``; yes/no cells are ``bool`` (written
    as yes/no, or はい/いいえ for a Japanese company).
    """

    employees: list[EmployeeRow]
    skills: list[SkillLevelRow]
    interactions: list[InteractionRow]
    departments: list[DepartmentRow]
    priorities: list[PriorityRow]
    teams: list[TeamRow]
    team_skills: list[TeamSkillRow]
    balance: list[BalanceRow]
    periods: list[PeriodRow]
    rules: list[RuleRow]
    settings: list[SettingRow]
    japanese: bool = False

    def rows_by_sheet(self) -> dict[str, Sequence[Row]]:
        """Rows keyed by the sheet's canonical name (``schema.Sheet.name``)."""
        return {
            schema.EMPLOYEES.name: self.employees,
            schema.SKILLS.name: self.skills,
            schema.INTERACTIONS.name: self.interactions,
            schema.DEPARTMENTS.name: self.departments,
            schema.PRIORITIES.name: self.priorities,
            schema.TEAMS.name: self.teams,
            schema.TEAM_SKILLS.name: self.team_skills,
            schema.BALANCE.name: self.balance,
            schema.PERIODS.name: self.periods,
            schema.RULES.name: self.rules,
            schema.SETTINGS.name: self.settings,
        }


def generate_company(
    employees: int = 150,
    departments: int = 10,
    seed: int = 0,
    *,
    japanese: bool = False,
    teams: int | None = None,
    periods: int = 4,
    shape: CompanyShape = CompanyShape.CLASSIC,
) -> Company:
    """A realistic company whose planning tasks are feasible.

    Args:
        employees: Headcount, at least 20, and at least 3 per department in the classic
            shape (1 in the realistic one).
        departments: Number of departments; beyond the 17 kinds known, names repeat
            numbered ("Sales 2", 第2営業部).
        seed: Same seed, same company.
        japanese: Japanese names, departments, offices, skills and team names.
        teams: Teams to form; default one per 10 employees. Their seats never exceed
            the available people.
        periods: Rotation periods (quarters).
        shape: ``CompanyShape.REALISTIC`` (what ``crossteam example`` writes by default) or
            ``CompanyShape.CLASSIC`` (the shape the tests were written for).

    Raises:
        InputError: Sizes that no company can have, or more teams than people to fill
            them (the command line reports it as a usage problem, exit code 2).
    """
    if departments < 1:
        _refuse(f"ask for at least 1 department (asked for {departments})")
    if employees < MIN_EMPLOYEES:
        _refuse(
            f"an example company has at least {MIN_EMPLOYEES} employees (asked for {employees})"
        )
    smallest = MIN_DEPARTMENT_SIZE if shape is CompanyShape.CLASSIC else 1
    if employees < smallest * departments:
        _refuse(
            f"{employees} employees cannot fill {departments} departments of at least "
            f"{counted(smallest, 'person', 'people')}: ask for at least {smallest * departments} "
            "employees or fewer departments"
        )
    if periods < 1:
        _refuse(f"ask for at least 1 period (asked for {periods})")
    rng = np.random.default_rng(seed)
    org = _Organisation.build(rng, employees, departments, japanese, shape)
    skills = _skills(rng, org)
    tie = _interactions if shape is CompanyShape.CLASSIC else _realistic_interactions
    interactions = tie(rng, org)
    policies = _department_policies(rng, org, skills)
    specs, needs = _team_specs(org, skills, teams, japanese)
    return Company(
        employees=org.employee_rows(),
        skills=[(org.ids[person], org.skill(skill), level) for person, skill, level in skills],
        interactions=interactions,
        departments=policies,
        priorities=_priorities(org),
        teams=specs,
        team_skills=needs,
        balance=[
            (_employees_header("location", japanese), "no_lone", 1, org.second_office()),
            (_employees_header("department", japanese), "diversify", 1, None),
        ],
        periods=[(_period_label(i, japanese),) for i in range(periods)],
        rules=_rules(rng, org, policies, specs, skills, japanese),
        settings=_settings(seed),
        japanese=japanese,
    )


def default_departments(employees: int, shape: CompanyShape) -> int:
    """Departments of a company when none are asked for: 10 in the classic shape; in the
    realistic one 40 per thousand employees' square root (40 at 1,000, about 90 at 5,000,
    180 at 20,000: departments grow more slowly than the company), at least 10."""
    if shape is CompanyShape.CLASSIC:
        return 10
    return min(500, max(10, round(40 * math.sqrt(employees / 1000))))


def _refuse(message: str) -> NoReturn:
    raise InputError([Problem(message=message)])


def write_example(
    path: Destination,
    employees: int = 150,
    departments: int = 10,
    seed: int = 0,
    *,
    japanese: bool = False,
    teams: int | None = None,
    periods: int = 4,
    wide_skills: bool = False,
    shape: CompanyShape = CompanyShape.CLASSIC,
) -> None:
    """Generate a company (see ``generate_company``) and write it as an input workbook."""
    company = generate_company(
        employees, departments, seed, japanese=japanese, teams=teams, periods=periods, shape=shape
    )
    write_company(company, path, wide_skills=wide_skills)


def write_company(company: Company, path: Destination, *, wide_skills: bool = False) -> None:
    """Write ``company`` as an input workbook: every sheet of the contract, in order.

    Streams rows (openpyxl write-only mode), so 20,000 employees stay fast and lean. A
    Japanese company gets Japanese sheet names and headers (the aliases of ``schema``).
    With ``wide_skills`` the Skills sheet is a matrix: one column per skill.
    """
    yes, no = ("はい", "いいえ") if company.japanese else ("yes", "no")
    workbook = Workbook(write_only=True)
    rows_by_sheet = company.rows_by_sheet()
    for sheet in schema.SHEETS:
        rows = rows_by_sheet[sheet.name]
        worksheet = workbook.create_sheet(_label(sheet.name, sheet.aliases, company.japanese))
        print_setup(worksheet)  # before the first row: a streamed sheet writes it first
        headers = [_label(c.name, c.aliases, company.japanese) for c in sheet.columns]
        if sheet is schema.SKILLS and wide_skills:
            skill_names, rows = _skill_matrix(company.skills)
            headers = [headers[0], *skill_names]
        for index, header in enumerate(headers):
            sample = [header, *(row[index] for row in rows[:50])]
            width = max(display_width(_text(value)) for value in sample) + 2
            worksheet.column_dimensions[get_column_letter(index + 1)].width = min(width, 40)
        worksheet.freeze_panes = "A2"
        bold = Font(bold=True)
        worksheet.append([_bold_cell(worksheet, header, bold) for header in headers])
        for row in rows:
            worksheet.append([yes if v is True else no if v is False else v for v in row])
    workbook.save(path)


def _skill_matrix(skills: Sequence[SkillLevelRow]) -> tuple[list[str], list[Row]]:
    """Long-form skill rows as a matrix: skill names, then one row per employee."""
    names = sorted({skill for _, skill, _ in skills})
    column = {name: index for index, name in enumerate(names)}
    levels: dict[str, list[int | None]] = {}
    for employee, skill, level in skills:
        levels.setdefault(employee, [None] * len(names))[column[skill]] = level
    return names, [(employee, *row) for employee, row in levels.items()]


def _bold_cell(worksheet: object, value: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, value)
    cell.font = font
    return cell


def _label(name: str, aliases: Sequence[str], japanese: bool) -> str:
    """The sheet or column name to show: canonical, or its first Japanese alias."""
    if not japanese:
        return name
    return next((a.upper() for a in aliases if not a.isascii()), name)


def _employees_header(column: str, japanese: bool) -> str:
    """An Employees column as its header reads (Balance rules name it so)."""
    return _label(column, schema.EMPLOYEES.column(column).aliases, japanese)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _split(total: int, weights: Sequence[float], minimum: int) -> list[int]:
    """``total`` split in proportion to ``weights``, each part at least ``minimum``."""
    spare = total - minimum * len(weights)
    shares = np.asarray(weights, dtype=float) / float(np.sum(weights)) * spare
    parts = np.floor(shares).astype(int)
    leftover = spare - int(parts.sum())
    parts[np.argsort(parts - shares, kind="stable")[:leftover]] += 1
    return [int(p) + minimum for p in parts]


def _proportional(total: int, weights: np.ndarray) -> list[int]:
    """``total`` split in proportion to ``weights``, each part at least 1 (rounded down,
    the rest given to the parts that lost most by rounding)."""
    shares = weights / weights.sum() * total
    parts = np.maximum(1, np.floor(shares)).astype(int)
    for _ in range(abs(total - int(parts.sum()))):
        if parts.sum() < total:
            parts[np.argmax(shares - parts)] += 1
        else:
            parts[np.argmin(np.where(parts > 1, shares - parts, np.inf))] -= 1
    return [int(n) for n in parts]


@dataclass(frozen=True)
class _Organisation:
    """Who is who: employees by index, departments by index, in one language."""

    japanese: bool
    kinds: list[_DepartmentKind]
    department_names: list[str]
    positions: np.ndarray
    members: list[np.ndarray]
    """Employee indices of each department, ascending."""
    ids: list[str]
    names: list[str]
    department_of: np.ndarray
    roles: list[str]
    offices: np.ndarray
    available: np.ndarray
    rotation_eligible: np.ndarray
    heads: np.ndarray
    """Employee index of each department's head."""

    @classmethod
    def build(
        cls,
        rng: np.random.Generator,
        employees: int,
        departments: int,
        japanese: bool,
        shape: CompanyShape = CompanyShape.CLASSIC,
    ) -> _Organisation:
        catalogue = len(_DEPARTMENT_KINDS)
        kinds = [_DEPARTMENT_KINDS[d % catalogue] for d in range(departments)]
        copies = np.array([d // catalogue + 1 for d in range(departments)])
        names = [
            _department_name(kind, int(copy), japanese)
            for kind, copy in zip(kinds, copies, strict=True)
        ]
        # A numbered copy sits near its namesake on the map: "Sales 2" talks to "Sales".
        jitter = rng.normal(0.0, 0.07, (departments, 2)) * (copies > 1)[:, None]
        positions = np.clip(np.array([k.position for k in kinds]) + jitter, 0.0, 1.0)
        weights = np.array([k.weight for k in kinds]) * np.where(copies > 1, 0.8, 1.0)
        if shape is CompanyShape.CLASSIC:
            weights *= rng.lognormal(0.0, 0.35, departments)
            sizes = _split(employees, weights.tolist(), MIN_DEPARTMENT_SIZE)
        else:
            sizes = _proportional(employees, _heavy_tailed(rng, weights))
        department_of = rng.permutation(np.repeat(np.arange(departments), sizes))
        order = np.argsort(department_of, kind="stable")
        members = np.split(order, np.cumsum(sizes)[:-1])

        width = max(3, len(str(employees)))
        ids = [f"E{i + 1:0{width}d}" for i in range(employees)]
        if japanese:
            family = rng.integers(len(_FAMILY_JA), size=employees)
            given = rng.integers(len(_GIVEN_JA), size=employees)
            people = [f"{_FAMILY_JA[f]} {_GIVEN_JA[g]}" for f, g in zip(family, given, strict=True)]
        else:
            given = rng.integers(len(_GIVEN_EN), size=employees)
            family = rng.integers(len(_FAMILY_EN), size=employees)
            people = [f"{_GIVEN_EN[g]} {_FAMILY_EN[f]}" for g, f in zip(given, family, strict=True)]

        second_role = rng.random(employees) >= 0.6
        roles = [
            kinds[d].roles[int(second)][int(japanese)]
            for d, second in zip(department_of.tolist(), second_role, strict=True)
        ]
        heads = np.array([m[rng.integers(len(m))] for m in members])
        for d, head in enumerate(heads):
            roles[head] = f"{names[d]}長" if japanese else f"Head of {names[d]}"

        main_office = rng.choice(len(_OFFICES), size=departments, p=_OFFICE_P)
        elsewhere = rng.choice(len(_OFFICES), size=employees, p=_OFFICE_P)
        at_main = rng.random(employees) < _SHARE_AT_MAIN_OFFICE
        offices = np.where(at_main, main_office[department_of], elsewhere)

        available = rng.random(employees) >= SHARE_UNAVAILABLE
        rotation_eligible = rng.random(employees) >= SHARE_NOT_ROTATION_ELIGIBLE
        # Heads run their department: always there, never away on rotation. This also
        # leaves every department with someone available.
        available[heads] = True
        rotation_eligible[heads] = False
        return cls(
            japanese, kinds, names, positions, members, ids, people, department_of, roles,
            offices, available, rotation_eligible, heads,
        )  # fmt: skip

    @property
    def size(self) -> int:
        return len(self.ids)

    def skill(self, name: str) -> str:
        return _SKILLS_JA[name] if self.japanese else name

    def office(self, index: int) -> str:
        return _OFFICES[index][int(self.japanese)]

    def second_office(self) -> str:
        """The second largest office (the largest when there is one): its people are the
        ones who risk being alone in a team."""
        counts = np.bincount(self.offices, minlength=len(_OFFICES))
        ranked = np.argsort(-counts, kind="stable")
        return self.office(int(ranked[1] if counts[ranked[1]] > 0 else ranked[0]))

    def first_of_kind(self) -> dict[str, int]:
        """Department index of each kind's unnumbered department, by English kind name."""
        return {kind.en: d for d, kind in enumerate(self.kinds[: len(_DEPARTMENT_KINDS)])}

    def employee_rows(self) -> list[EmployeeRow]:
        return [
            (
                self.ids[i],
                self.names[i],
                self.department_names[d],
                self.roles[i],
                self.office(o),
                bool(a),
                bool(r),
            )
            for i, (d, o, a, r) in enumerate(
                zip(
                    self.department_of.tolist(),
                    self.offices.tolist(),
                    self.available.tolist(),
                    self.rotation_eligible.tolist(),
                    strict=True,
                )
            )
        ]


def _heavy_tailed(rng: np.random.Generator, kind_weights: np.ndarray) -> np.ndarray:
    """Relative department sizes of the realistic shape: the two-piece log-normal's
    quantiles at evenly spaced points, the larger ones given to the kinds that are typically larger
    (with some chance), each jittered a little."""
    count = len(kind_weights)
    z = np.array([NormalDist().inv_cdf((k + 0.5) / count) for k in range(count)])
    quantiles = np.exp(np.where(z < 0, SMALL_SPREAD, LARGE_SPREAD) * z)
    # rank the departments by their kind's weight, shaken so that a small kind is
    # sometimes large: "Legal" is not always the smallest department
    keys = np.log(kind_weights) + rng.normal(0.0, 0.8, count)
    sizes = np.empty(count)
    sizes[np.argsort(keys, kind="stable")] = quantiles
    return sizes * rng.lognormal(0.0, SIZE_JITTER, count)


def _department_name(kind: _DepartmentKind, copy: int, japanese: bool) -> str:
    if copy == 1:
        return kind.ja if japanese else kind.en
    return f"第{copy}{kind.ja}" if japanese else f"{kind.en} {copy}"


SkillRow = tuple[int, str, int]
"""(employee index, English skill name, level)."""


def _skills(rng: np.random.Generator, org: _Organisation) -> list[SkillRow]:
    """Core skills of the department at good levels, a few cross skills at modest ones."""
    levels = np.arange(1, 6)
    rows: list[SkillRow] = []
    for kind, people in zip(org.kinds, org.members, strict=True):
        size = len(people)
        cross = tuple(s for s in _CROSS_SKILLS if s not in kind.skills)
        core_held = rng.random((size, len(kind.skills))) < _CORE_SKILL_P
        core_held[np.arange(size), rng.integers(len(kind.skills), size=size)] = True
        core_levels = rng.choice(levels, size=core_held.shape, p=_CORE_LEVEL_P)
        cross_held = rng.random((size, len(cross))) < _CROSS_SKILL_P
        cross_levels = rng.choice(levels, size=cross_held.shape, p=_CROSS_LEVEL_P)
        for skills, held, level in (
            (kind.skills, core_held, core_levels),
            (cross, cross_held, cross_levels),
        ):
            for i, j in zip(*np.nonzero(held), strict=True):
                rows.append((int(people[i]), skills[j], int(level[i, j])))
    rows.sort()
    return rows


def _interactions(rng: np.random.Generator, org: _Organisation) -> list[InteractionRow]:
    """Ties: a random graph per department, and between nearby departments only."""
    sizes = np.array([len(m) for m in org.members])
    internal_degree = np.minimum(INTERNAL_DENSITY * (sizes - 1), INTERNAL_DEGREE)
    cross_degree = np.maximum(CROSS_SHARE * internal_degree, MIN_CROSS_DEGREE)
    ends_a: list[np.ndarray] = []
    ends_b: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for people, degree in zip(org.members, internal_degree, strict=True):
        size = len(people)
        pairs = size * (size - 1) // 2
        chosen = rng.choice(pairs, rng.binomial(pairs, degree / (size - 1)), replace=False)
        first, second = _triangle_pair(chosen)
        ends_a.append(people[first])
        ends_b.append(people[second])
        weights.append(np.minimum(rng.geometric(0.45, len(chosen)), 5))
    outreach = rng.lognormal(0.0, OUTREACH_SPREAD, org.size)
    outreach[org.heads] *= HEAD_OUTREACH
    for (d, e), expected in _expected_cross_ties(org, sizes, cross_degree).items():
        pairs = int(sizes[d] * sizes[e])
        density = min(MAX_CROSS_DENSITY, expected / pairs)
        first, second = _spanning_ties(
            rng, org.members[d], org.members[e], outreach, rng.binomial(pairs, density)
        )
        ends_a.append(first)
        ends_b.append(second)
        weights.append(np.minimum(rng.geometric(0.65, len(first)), 5))
    a, b = np.concatenate(ends_a), np.concatenate(ends_b)
    low, high = np.minimum(a, b), np.maximum(a, b)
    order = np.lexsort((high, low))
    ids = org.ids
    return [
        (ids[x], ids[y], w)
        for x, y, w in zip(
            low[order].tolist(),
            high[order].tolist(),
            np.concatenate(weights)[order].tolist(),
            strict=True,
        )
    ]


def _realistic_interactions(rng: np.random.Generator, org: _Organisation) -> list[InteractionRow]:
    """Ties of the realistic shape: dense inside departments as in the classic shape; each
    person's outside ties go to departments by size and closeness (a core of large
    departments tied to each other), fewer for the people of small departments."""
    sizes = np.array([len(m) for m in org.members])
    internal_degree = np.minimum(INTERNAL_DENSITY * (sizes - 1), INTERNAL_DEGREE)
    ends_a: list[np.ndarray] = []
    ends_b: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for people, degree in zip(org.members, internal_degree, strict=True):
        size = len(people)
        if size < 2:
            continue
        pairs = size * (size - 1) // 2
        chosen = rng.choice(pairs, rng.binomial(pairs, degree / (size - 1)), replace=False)
        first, second = _triangle_pair(chosen)
        ends_a.append(people[first])
        ends_b.append(people[second])
        weights.append(np.minimum(rng.geometric(0.45, len(chosen)), 5))
    outreach = rng.lognormal(0.0, OUTREACH_SPREAD, org.size)
    outreach /= outreach.mean()
    outreach[org.heads] *= HEAD_OUTREACH
    periphery = np.minimum(1.0, sizes / CORE_SIZE) ** PERIPHERY
    expected = CROSS_TIES * outreach * periphery[org.department_of]
    ties = rng.poisson(expected)
    distance = np.linalg.norm(org.positions[:, None, :] - org.positions[None, :, :], axis=2)
    pull = sizes[None, :] ** CORE_PULL * np.exp(-distance / REACH)
    np.fill_diagonal(pull, 0.0)
    if pull.sum() > 0:
        for d, people in enumerate(org.members):
            count = int(ties[people].sum())
            if not count or not pull[d].sum():
                continue
            sources = np.repeat(people, ties[people])
            targets = rng.choice(len(sizes), count, p=pull[d] / pull[d].sum())
            partners = np.empty(count, dtype=np.int64)
            for e in np.unique(targets):
                chosen = targets == e
                members = org.members[e]
                share = outreach[members] / outreach[members].sum()
                partners[chosen] = rng.choice(members, int(chosen.sum()), p=share)
            ends_a.append(sources)
            ends_b.append(partners)
            weights.append(np.minimum(rng.geometric(0.65, count), 5))
    a, b = np.concatenate(ends_a), np.concatenate(ends_b)
    low, high = np.minimum(a, b), np.maximum(a, b)
    weight = np.concatenate(weights)
    # a pair drawn twice (each end reaching out to the other) is one tie, weights added
    key = low.astype(np.int64) * org.size + high
    unique, inverse = np.unique(key, return_inverse=True)
    summed = np.minimum(np.bincount(inverse, weights=weight).astype(int), 5)
    first, second = (unique // org.size).tolist(), (unique % org.size).tolist()
    ids = org.ids
    return [(ids[x], ids[y], w) for x, y, w in zip(first, second, summed.tolist(), strict=True)]


def _spanning_ties(
    rng: np.random.Generator,
    left: np.ndarray,
    right: np.ndarray,
    outreach: np.ndarray,
    count: int,
) -> tuple[np.ndarray, np.ndarray]:
    """About ``count`` distinct ties between two departments, people drawn by outreach."""
    # Draw more than needed: repeated pairs are dropped, keeping the order of drawing.
    draws = int(1.3 * count) + 10
    i = rng.choice(len(left), draws, p=outreach[left] / outreach[left].sum())
    j = rng.choice(len(right), draws, p=outreach[right] / outreach[right].sum())
    _, first_drawn = np.unique(i * len(right) + j, return_index=True)
    keep = np.sort(first_drawn)[:count]
    return left[i[keep]], right[j[keep]]


def _triangle_pair(index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pair (i, j), j < i, numbered ``index`` in row order of a lower triangle."""
    index = index.astype(np.int64)
    i = np.floor((1 + np.sqrt(1 + 8 * index.astype(np.float64))) / 2).astype(np.int64)
    # Correct the rare rounding error of the square root on large indices.
    i -= i * (i - 1) // 2 > index
    i += (i + 1) * i // 2 <= index
    return i, index - i * (i - 1) // 2


def _neighbour_pairs(positions: np.ndarray) -> list[tuple[int, int]]:
    """Department pairs that may have ties: each department's nearest few on the map."""
    count = len(positions)
    nearest = min(count - 1, MAX_NEIGHBOURS, max(2, round(0.4 * (count - 1))))
    distance = np.linalg.norm(positions[:, None, :] - positions[None, :, :], axis=2)
    np.fill_diagonal(distance, np.inf)
    pairs = {
        (min(d, int(e)), max(d, int(e)))
        for d in range(count)
        for e in np.argsort(distance[d], kind="stable")[:nearest]
    }
    return sorted(pairs)


def _expected_cross_ties(
    org: _Organisation, sizes: np.ndarray, cross_degree: np.ndarray
) -> dict[tuple[int, int], float]:
    """Expected ties of each neighbouring department pair: each department spreads its
    people's cross ties over its neighbours by their size and closeness."""
    pairs = _neighbour_pairs(org.positions)
    neighbours: dict[int, list[int]] = {d: [] for d in range(len(sizes))}
    for d, e in pairs:
        neighbours[d].append(e)
        neighbours[e].append(d)
    expected = dict.fromkeys(pairs, 0.0)
    for d, others in neighbours.items():
        if not others:
            continue
        distance = np.linalg.norm(org.positions[others] - org.positions[d], axis=1)
        pull = sizes[others] * np.exp(-distance / 0.3)
        budget = cross_degree[d] * sizes[d] / 2
        for e, share in zip(others, pull / pull.sum(), strict=True):
            expected[(min(d, e), max(d, e))] += float(budget * share)
    return expected


def _department_policies(
    rng: np.random.Generator, org: _Organisation, skills: list[SkillRow]
) -> list[DepartmentRow]:
    """Departments rows; a critical skill only where at least three people hold it."""
    holders: dict[tuple[int, str], int] = {}
    for person, skill, _ in skills:
        key = (int(org.department_of[person]), skill)
        holders[key] = holders.get(key, 0) + 1
    rows: list[DepartmentRow] = []
    for d, kind in enumerate(org.kinds):
        min_on_site = float(rng.choice([0.7, 0.75, 0.8, 0.85]))
        host_capacity = int(rng.integers(1, 4))
        critical = kind.skills[0]
        wants_critical = rng.random() < 1 / 3 and holders.get((d, critical), 0) >= 3
        rows.append(
            (
                org.department_names[d],
                min_on_site,
                host_capacity,
                kind.can_host,
                org.skill(critical) if wants_critical else None,
            )
        )
    return rows


_PRIORITY_KINDS = (
    ("Sales", "Product Development", 3),
    ("Customer Support", "Product Development", 3),
    ("Sales", "Planning", 2),
    ("Customer Support", "QA", 2),
    ("Marketing", "Product Development", 2),
)


def _priorities(org: _Organisation) -> list[PriorityRow]:
    """Customer-facing departments to product development and planning, where present."""
    index = org.first_of_kind()
    return [
        (org.department_names[index[a]], org.department_names[index[b]], weight)
        for a, b, weight in _PRIORITY_KINDS
        if a in index and b in index
    ]


def _team_specs(
    org: _Organisation, skills: list[SkillRow], teams: int | None, japanese: bool
) -> tuple[list[TeamRow], list[TeamSkillRow]]:
    """Teams and TeamSkills rows: a few specs with ``count`` > 1, seats for at most the
    available people, and skill needs met ``SKILL_SUPPLY_FACTOR`` times over."""
    available = int(org.available.sum())
    largest = max(kind.max_size for kind in _TEAM_KINDS)
    wanted = (
        teams
        if teams is not None
        else min(max(1, round(org.size / EMPLOYEES_PER_TEAM)), max(1, available // largest))
    )
    if wanted < 1:
        _refuse(f"ask for at least 1 team (asked for {wanted})")
    kinds = _TEAM_KINDS[: min(len(_TEAM_KINDS), max(1, wanted // 3))]
    counts = _split(
        wanted,
        [1 / math.sqrt(i + 1) for i in range(len(kinds))],
        2 if wanted >= 2 * len(kinds) else 1,
    )
    seats = sum(count * kind.max_size for kind, count in zip(kinds, counts, strict=True))
    if seats > available:
        _refuse(
            f"{counted(wanted, 'team has', 'teams have')} up to {seats:,} seats but only "
            f"{counted(available, 'employee is', 'employees are')} available: ask for fewer teams"
        )

    departments = len(org.kinds)
    supply: dict[str, list[int]] = {}
    for person, skill, level in skills:
        if org.available[person]:
            supply.setdefault(skill, []).append(level)
    supply_levels = {skill: np.array(levels) for skill, levels in supply.items()}
    demand: dict[str, list[tuple[int, int]]] = {}

    spec_rows: list[TeamRow] = []
    need_rows: list[TeamSkillRow] = []
    for kind, count in zip(kinds, counts, strict=True):
        name = kind.ja if japanese else kind.en
        spec_rows.append(
            (
                name,
                count,
                kind.min_size,
                kind.max_size,
                min(kind.min_departments, departments),
                max(kind.max_per_department, math.ceil(kind.max_size / departments)),
            )
        )
        needs = _book_needs(kind.needs, count, supply_levels, demand) or _book_needs(
            (_FALLBACK_NEED,), count, supply_levels, demand
        )
        need_rows.extend(
            (name, org.skill(skill), level, per_team) for skill, level, per_team in needs
        )
    return spec_rows, need_rows


def _book_needs(
    candidates: Sequence[tuple[str, int, int]],
    count: int,
    supply: dict[str, np.ndarray],
    demand: dict[str, list[tuple[int, int]]],
) -> list[tuple[str, int, int]]:
    """The candidate needs the available people can meet for ``count`` teams, each at the
    highest level up to the one asked for; books them in ``demand``."""
    booked: list[tuple[str, int, int]] = []
    for skill, level, per_team in candidates:
        if skill not in supply:
            continue
        amount = count * per_team
        for candidate in range(level, 0, -1):
            trial = [*demand.get(skill, []), (candidate, amount)]
            if _supply_suffices(supply[skill], trial):
                demand[skill] = trial
                booked.append((skill, candidate, per_team))
                break
    return booked


def _supply_suffices(levels: np.ndarray, needs: list[tuple[int, int]]) -> bool:
    """Whether people at each level outnumber, ``SKILL_SUPPLY_FACTOR`` times, the seats
    needing that level or above (Hall's condition for nested sets of qualified people)."""
    return all(
        np.count_nonzero(levels >= floor)
        >= SKILL_SUPPLY_FACTOR * sum(amount for level, amount in needs if level >= floor)
        for floor in range(1, 6)
    )


def _rules(
    rng: np.random.Generator,
    org: _Organisation,
    policies: list[DepartmentRow],
    spec_rows: list[TeamRow],
    skills: list[SkillRow],
    japanese: bool,
) -> list[RuleRow]:
    """A few rules of every kind, each about a different available employee, so that they
    never contradict each other and all can hold together."""
    per_kind = max(1, org.size // _RULES_PER_EMPLOYEES)
    department = org.department_of.tolist()
    count = len(org.kinds)
    candidates = rng.permutation(np.flatnonzero(org.available)).tolist()
    taken: set[int] = set()

    def take(accept: Callable[[int], bool] = lambda _: True) -> int | None:
        person = next((p for p in candidates if p not in taken and accept(p)), None)
        if person is not None:
            taken.add(person)
        return person

    def add(kind: str, person: int | None, target: str | None) -> None:
        if person is not None:
            rows.append((kind, org.ids[person], target, _NOTES[kind][int(japanese)]))

    def add_pair(kind: str, same_department: bool) -> None:
        """together pairs people of two departments; apart, two colleagues."""
        first = take(lambda p: not same_department or available_in[department[p]] >= 2)
        if first is None:
            return
        home = department[first]
        partner = take(lambda p: (department[p] == home) == same_department)
        if partner is not None:
            add(kind, first, org.ids[partner])

    rows: list[RuleRow] = []
    teams = [
        f"{name}-{k}" if team_count > 1 else name
        for name, team_count, *_ in spec_rows
        for k in range(1, team_count + 1)
    ]
    specs = [row[0] for row in spec_rows]
    available_in = np.bincount(org.department_of[org.available], minlength=count)
    for i in range(per_kind):
        add_pair("together", same_department=False)
        add_pair("apart", same_department=True)
        if i < len(teams):
            add("in_team", take(), teams[i])
        add("not_in_team", take(), specs[i % len(specs)])

    # rotate_to: only eligible people whose home can spare them and who do not hold the
    # skill their home may keep as critical, into hosts with room for them.
    # unavailable people are not on site, so only available ones can be spared
    headcount = np.bincount(org.department_of, minlength=count)
    spare = [
        int(available_in[d] - math.ceil(policies[d][1] * headcount[d] - 1e-9)) for d in range(count)
    ]
    hosted = [0] * count
    critical_holders = {p for p, skill, _ in skills if skill == org.kinds[department[p]].skills[0]}
    for _ in range(per_kind):
        person = take(
            lambda p: (
                bool(org.rotation_eligible[p])
                and spare[department[p]] > 0
                and p not in critical_holders
            )
        )
        if person is None:
            break
        home = department[person]
        hosts = [
            d for d in range(count) if d != home and policies[d][3] and hosted[d] < policies[d][2]
        ]
        if not hosts:
            break
        host = hosts[int(rng.integers(len(hosts)))]
        spare[home] -= 1
        hosted[host] += 1
        add("rotate_to", person, org.department_names[host])
    for _ in range(per_kind):
        person = take()
        if person is not None and count > 1:
            others = [d for d in range(count) if d != department[person]]
            add(
                "not_rotate_to",
                person,
                org.department_names[others[int(rng.integers(len(others)))]],
            )
        add("no_rotation", take(), None)
    return rows


_SHOWN_SETTINGS = (
    "time_limit_seconds",
    "random_seed",
    "assign_everyone",
    "max_rotations_per_employee",
    "stint_periods",
    "default_min_on_site",
    "default_host_capacity",
)
"""Settings written out (at their defaults) so that users see where to change them."""


def _settings(seed: int) -> list[SettingRow]:
    chosen = Settings(random_seed=seed)
    return [(name, getattr(chosen, name)) for name in _SHOWN_SETTINGS]


def _period_label(index: int, japanese: bool) -> str:
    year, quarter = 2027 + index // 4, index % 4 + 1
    return f"{year}年度第{quarter}四半期" if japanese else f"{year}-Q{quarter}"
