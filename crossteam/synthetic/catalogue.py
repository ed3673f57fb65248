"""What a synthetic company is made of: department and team kinds, skills, offices, names
and rule notes, in English and Japanese. Data only; the draws are in the other modules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DepartmentKind:
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


DEPARTMENT_KINDS: tuple[DepartmentKind, ...] = (
    DepartmentKind(
        "Sales", "営業部", 1.6, (0.15, 0.85),
        ("Negotiation", "Presentation", "CRM", "Market Research"),
        (("Account Manager", "アカウントマネージャー"), ("Sales Representative", "営業担当")),
    ),
    DepartmentKind(
        "Customer Support", "カスタマーサポート部", 1.4, (0.25, 0.7),
        ("Customer Service", "Troubleshooting", "CRM", "Technical Writing"),
        (("Support Specialist", "サポート担当"), ("Support Engineer", "サポートエンジニア")),
    ),
    DepartmentKind(
        "Product Development", "製品開発部", 2.2, (0.8, 0.75),
        ("Python", "Software Design", "Cloud Infrastructure", "Testing"),
        (("Software Engineer", "ソフトウェアエンジニア"),
         ("Product Manager", "プロダクトマネージャー")),
    ),
    DepartmentKind(
        "Planning", "企画部", 0.6, (0.45, 0.45),
        ("Strategy", "Data Analysis", "Project Management", "Presentation"),
        (("Business Planner", "企画担当"), ("Business Analyst", "ビジネスアナリスト")),
    ),
    DepartmentKind(
        "Marketing", "マーケティング部", 0.9, (0.35, 0.9),
        ("Digital Marketing", "Copywriting", "Market Research", "Data Analysis"),
        (("Marketing Specialist", "マーケティング担当"), ("Brand Manager", "ブランドマネージャー")),
    ),
    DepartmentKind(
        "Finance", "経理部", 0.6, (0.2, 0.25),
        ("Accounting", "Financial Modelling", "Compliance", "Excel"),
        (("Accountant", "経理担当"), ("Financial Analyst", "財務アナリスト")),
        can_host=False,
    ),
    DepartmentKind(
        "HR", "人事部", 0.5, (0.1, 0.15),
        ("Recruiting", "Labour Law", "Coaching", "Training"),
        (("HR Generalist", "人事担当"), ("Recruiter", "採用担当")),
    ),
    DepartmentKind(
        "QA", "品質保証部", 0.8, (0.9, 0.6),
        ("Testing", "Test Automation", "Quality Management", "Python"),
        (("QA Engineer", "品質保証エンジニア"), ("Test Analyst", "テスト担当")),
    ),
    DepartmentKind(
        "Logistics", "物流部", 1.0, (0.85, 0.2),
        ("Supply Chain", "Inventory Management", "Procurement", "Excel"),
        (("Logistics Coordinator", "物流担当"), ("Warehouse Supervisor", "倉庫管理者")),
    ),
    DepartmentKind(
        "Legal", "法務部", 0.3, (0.3, 0.1),
        ("Contract Law", "Compliance", "Intellectual Property", "Negotiation"),
        (("Legal Counsel", "法務担当"), ("Paralegal", "法務アシスタント")),
        can_host=False,
    ),
    DepartmentKind(
        "Manufacturing", "製造部", 1.8, (0.75, 0.1),
        ("Lean Manufacturing", "Quality Management", "Equipment Maintenance", "Safety"),
        (("Production Engineer", "生産技術者"), ("Technician", "技術員")),
    ),
    DepartmentKind(
        "IT", "情報システム部", 0.6, (0.7, 0.5),
        ("Cloud Infrastructure", "Security", "Networking", "Python"),
        (("Systems Administrator", "システム管理者"),
         ("Network Engineer", "ネットワークエンジニア")),
    ),
    DepartmentKind(
        "Research", "研究開発部", 0.8, (0.95, 0.9),
        ("Statistics", "Machine Learning", "Python", "Data Analysis"),
        (("Research Scientist", "研究員"), ("Data Scientist", "データサイエンティスト")),
    ),
    DepartmentKind(
        "Design", "デザイン部", 0.4, (0.65, 0.9),
        ("UX Design", "Visual Design", "User Research", "Presentation"),
        (("UX Designer", "UXデザイナー"), ("Graphic Designer", "グラフィックデザイナー")),
    ),
    DepartmentKind(
        "Procurement", "購買部", 0.4, (0.6, 0.25),
        ("Procurement", "Negotiation", "Supply Chain", "Contract Law"),
        (("Buyer", "購買担当"), ("Procurement Specialist", "調達担当")),
    ),
    DepartmentKind(
        "Public Relations", "広報部", 0.3, (0.45, 0.95),
        ("Media Relations", "Copywriting", "Presentation", "English"),
        (("PR Specialist", "広報担当"), ("Communications Officer", "社内広報担当")),
    ),
    DepartmentKind(
        "General Affairs", "総務部", 0.4, (0.15, 0.4),
        ("Facilities", "Compliance", "Excel", "Project Management"),
        (("Office Administrator", "総務担当"), ("Facilities Coordinator", "施設管理担当")),
    ),
)  # fmt: skip

CROSS_SKILLS = ("Excel", "English", "Project Management", "Presentation", "Data Analysis")
"""Skills found in every department, at modest levels."""

SKILLS_JA = {
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
CORE_LEVEL_P = (0.0, 0.2, 0.35, 0.3, 0.15)
CROSS_LEVEL_P = (0.35, 0.35, 0.2, 0.1, 0.0)
CORE_SKILL_P = 0.7
CROSS_SKILL_P = 0.2


@dataclass(frozen=True)
class TeamKind:
    en: str
    ja: str
    min_size: int
    max_size: int
    min_departments: int
    max_per_department: int
    needs: tuple[tuple[str, int, int], ...]
    """(skill, preferred min_level, min_count); a level is lowered, or the need dropped,
    when too few people hold it."""


TEAM_KINDS: tuple[TeamKind, ...] = (
    TeamKind("Customer Voice", "顧客の声", 5, 7, 4, 2,
              (("Customer Service", 3, 1), ("Software Design", 3, 1))),
    TeamKind("Product Launch", "新製品立ち上げ", 6, 8, 4, 2,
              (("Digital Marketing", 3, 1), ("Project Management", 2, 2))),
    TeamKind("Process Improvement", "業務改善", 5, 7, 3, 2, (("Data Analysis", 3, 1),)),
    TeamKind("Quality Circle", "品質改善サークル", 5, 6, 3, 3,
              (("Testing", 3, 1), ("Quality Management", 2, 1))),
    TeamKind("Digital Transformation", "DX推進", 6, 8, 4, 2,
              (("Python", 3, 1), ("Cloud Infrastructure", 2, 1))),
    TeamKind("Talent and Culture", "人材育成", 5, 7, 3, 2, (("Coaching", 2, 1),)),
)  # fmt: skip
FALLBACK_NEED = ("Project Management", 2, 1)
"""For a spec none of whose own skills the company has."""

OFFICES = (("Tokyo", "東京"), ("Osaka", "大阪"), ("Nagoya", "名古屋"), ("Fukuoka", "福岡"),
            ("Sapporo", "札幌"))  # fmt: skip
OFFICE_P = (0.45, 0.25, 0.15, 0.1, 0.05)
HEAD_ROLE = ("Head of {}", "{}長")
"""The role of a department's head, English and Japanese, around the department's name."""
SHARE_AT_MAIN_OFFICE = 0.7

GIVEN_EN = (
    "Alex", "Maria", "James", "Aiko", "Daniel", "Sofia", "Liam", "Emma", "Noah", "Olivia",
    "Lucas", "Mia", "Ethan", "Chloe", "Omar", "Priya", "Chen", "Fatima", "Mateo", "Hannah",
    "Kenji", "Grace", "Ivan", "Laura", "Samuel", "Nina", "Ravi", "Julia", "Tom", "Ana",
)  # fmt: skip
FAMILY_EN = (
    "Smith", "Garcia", "Tanaka", "Müller", "Rossi", "Kim", "Nguyen", "Patel", "Brown",
    "Silva", "Cohen", "Novak", "Dubois", "Jensen", "Kowalski", "Okafor", "Haddad", "Larsen",
    "Murphy", "Santos", "Schmidt", "Wong", "Ivanova", "Costa", "Ali", "Moreau", "Berg",
    "Reyes", "Sato", "Taylor",
)  # fmt: skip
FAMILY_JA = (
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田",
    "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森",
    "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田",
    "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本",
)  # fmt: skip
GIVEN_JA = (
    "翔太", "蓮", "大翔", "悠真", "陽斗", "湊", "健太", "拓海", "大輔", "誠", "直樹",
    "浩二", "美咲", "陽菜", "結衣", "葵", "さくら", "花子", "由美", "恵", "彩", "愛",
    "真由美", "奈々", "裕子", "明美", "智子", "舞", "優花", "凛",
)  # fmt: skip

NOTES = {
    "together": ("Mentoring pair", "メンター関係"),
    "apart": ("Same project already", "既に同じプロジェクト"),
    "in_team": ("Asked to lead this team", "本人希望"),
    "not_in_team": ("Conflict of interest", "利益相反"),
    "rotate_to": ("Development plan", "育成計画"),
    "not_rotate_to": ("Key account handover", "重要顧客の引継ぎ"),
    "no_rotation": ("Parental leave planned", "育児休業予定"),
}
RULES_PER_EMPLOYEES = 500
"""One rule of each kind per this many employees (at least one)."""


PRIORITY_KINDS = (
    ("Sales", "Product Development", 3),
    ("Customer Support", "Product Development", 3),
    ("Sales", "Planning", 2),
    ("Customer Support", "QA", 2),
    ("Marketing", "Product Development", 2),
)
