"""A small hand-made company and plan for the plan workbook's writer and reader tests.

Four departments; Sales and Development already talk, every other pair is silent. Team
Alpha (Sales, Development, Support) bridges Development-Support and Sales-Support; team
Beta (Sales, Finance) bridges Finance-Sales; E5 rotates to Finance in P1 and E8 to Support
in P1 and P2. Several names look like formulas, one is Japanese.
"""

from __future__ import annotations

from pathlib import Path

from crossteam import network
from crossteam.io.plan_writer import write_plan
from crossteam.models import (
    CheckReport,
    CheckResult,
    Department,
    Employee,
    Interaction,
    Period,
    Plan,
    PlanningInput,
    RotationStint,
    RunInfo,
    SkillNeed,
    SolveStatus,
    SourceFile,
    Team,
    TeamAssignment,
)

FORMULA_NAMES = ('=HYPERLINK("http://x","y")', "+1+1", "@SUM(1,1)", "-2+3")

_PEOPLE: tuple[tuple[str, str, str, str, dict[str, int]], ...] = (
    ("E1", "Sato Hana", "Sales", "Account manager", {"negotiation": 4}),
    ("E2", "Suzuki Ken", "Development", "Engineer", {"python": 5}),
    ("E3", FORMULA_NAMES[0], "Support", "Agent", {"python": 2}),
    ("E4", FORMULA_NAMES[1], "Sales", "", {}),
    ("E5", FORMULA_NAMES[2], "Development", "Engineer", {}),
    ("E6", FORMULA_NAMES[3], "Support", "", {}),
    ("E7", "山田太郎", "Finance", "経理", {"python": 3}),
    ("E8", "Kato Mai", "Finance", "Controller", {}),
)


def sample_instance(names: dict[str, str] | None = None) -> PlanningInput:
    """The company; ``names`` replaces the names of some employees (id -> name)."""
    names = names or {}
    employees = tuple(
        Employee(
            employee_id=i,
            name=names.get(i, name),
            department=d,
            role=role,
            skills=skills,
        )
        for i, name, d, role, skills in _PEOPLE
    )
    departments = tuple(
        Department(name=d, headcount=2, min_on_site=0.5, host_capacity=2)
        for d in ("Development", "Finance", "Sales", "Support")
    )
    teams = (
        Team(
            name="Alpha",
            spec="Alpha",
            min_size=2,
            max_size=4,
            min_departments=2,
            max_per_department=None,
            skill_needs=(SkillNeed(skill="python", min_level=3),),
        ),
        Team(
            name="Beta",
            spec="Beta",
            min_size=2,
            max_size=4,
            min_departments=2,
            max_per_department=None,
            skill_needs=(),
        ),
    )
    ties = (("E1", "E4"), ("E2", "E5"), ("E1", "E2"), ("E3", "E6"), ("E7", "E8"))
    return PlanningInput(
        employees=employees,
        departments=departments,
        interactions=tuple(Interaction(employee_a=a, employee_b=b) for a, b in ties),
        has_interactions_sheet=True,
        teams=teams,
        periods=(Period(label="P1", index=0), Period(label="P2", index=1)),
        skills=("negotiation", "python"),
        source=SourceFile(path="/data/company.xlsx", sha256="ab" * 32, size_bytes=1234),
    )


def sample_plan() -> Plan:
    return Plan(
        status=SolveStatus.OPTIMAL,
        objective=42.0,
        bound=42.0,
        gap=0.0,
        seconds=1.5,
        teams=(
            TeamAssignment(team="Alpha", members=("E1", "E2", "E3")),
            TeamAssignment(team="Beta", members=("E4", "E7")),
        ),
        rotation=(
            RotationStint(employee_id="E5", period="P1", department="Finance"),
            RotationStint(employee_id="E8", period="P1", department="Support"),
            RotationStint(employee_id="E8", period="P2", department="Support"),
        ),
        objective_terms={"bridging": 40.0, "diversity": 2.0},
        notes=("The bound is crossteam's own", "A second note"),
    )


def sample_checks() -> CheckReport:
    return CheckReport(
        results=(
            CheckResult(rule="team size", subject="Alpha", passed=True, detail="3 of 2-4"),
            CheckResult(rule="skills", subject="Beta", passed=False, detail="=no python"),
        )
    )


def sample_run_info() -> RunInfo:
    return RunInfo(
        command="crossteam plan company.xlsx",
        input_path="/data/company.xlsx",
        input_sha256="ab" * 32,
        started_at="2026-01-01T00:00:00+00:00",
        seed=7,
        time_limit_seconds=30.0,
        workers=2,
        wall_seconds=2.5,
        versions={"ortools": "9.12", "openpyxl": "3.1.5"},
        platform="Linux",
    )


def write_sample(
    path: Path, instance: PlanningInput | None = None, plan: Plan | None = None
) -> Path:
    """Write the sample plan workbook (or ``plan`` of ``instance``) to ``path``."""
    instance = instance or sample_instance()
    plan = plan or sample_plan()
    write_plan(
        path,
        instance,
        plan,
        effect=network.compare(instance, plan),
        checks=sample_checks(),
        run_info=sample_run_info(),
    )
    return path
