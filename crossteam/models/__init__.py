"""The domain model of crossteam: pydantic objects shared by every other part.

This package imports nothing else of the project.
"""

from crossteam.models.alternatives import AlternativeSummary
from crossteam.models.checks import CheckReport, CheckResult
from crossteam.models.extent import PART_SETTINGS, ObjectiveExtent, objective_extent
from crossteam.models.input_changes import (
    BasisEmployee,
    BasisItem,
    DepartmentChange,
    InputBasis,
    InputChanges,
    PartChange,
    input_basis,
)
from crossteam.models.network import (
    PROJECTION,
    BridgedPair,
    DepartmentPair,
    DepartmentStats,
    GapKind,
    NetworkReport,
    PersonStats,
    PlanEffect,
)
from crossteam.models.pairs import DepartmentPairKey, pair_key, pairs_among
from crossteam.models.plan import (
    Plan,
    RotationStint,
    SolveStatus,
    StopReason,
    TeamAssignment,
)
from crossteam.models.planning_input import (
    MAX_LEVEL,
    MIN_LEVEL,
    QUOTABLE_ATTRIBUTES,
    RULE_TARGET,
    BalanceMode,
    BalanceRule,
    Department,
    DepartmentName,
    Employee,
    EmployeeId,
    Interaction,
    Period,
    PeriodLabel,
    PlanningInput,
    Priority,
    Rule,
    RuleKind,
    SkillName,
    SkillNeed,
    SourceFile,
    Team,
    TeamName,
    TeamSpec,
    team_names,
)
from crossteam.models.problems import Problem, Severity
from crossteam.models.review import KEEP_FACTOR, LeftOut, PlanChange, ReviewDecision
from crossteam.models.run_info import RunInfo
from crossteam.models.settings import Settings
from crossteam.models.synthetic import CompanyShape
from crossteam.models.validated import validated_copy

__all__ = [
    "KEEP_FACTOR",
    "MAX_LEVEL",
    "MIN_LEVEL",
    "PART_SETTINGS",
    "PROJECTION",
    "QUOTABLE_ATTRIBUTES",
    "RULE_TARGET",
    "AlternativeSummary",
    "BalanceMode",
    "BalanceRule",
    "BasisEmployee",
    "BasisItem",
    "BridgedPair",
    "CheckReport",
    "CheckResult",
    "CompanyShape",
    "Department",
    "DepartmentChange",
    "DepartmentName",
    "DepartmentPair",
    "DepartmentPairKey",
    "DepartmentStats",
    "Employee",
    "EmployeeId",
    "GapKind",
    "InputBasis",
    "InputChanges",
    "Interaction",
    "LeftOut",
    "NetworkReport",
    "ObjectiveExtent",
    "PartChange",
    "Period",
    "PeriodLabel",
    "PersonStats",
    "Plan",
    "PlanChange",
    "PlanEffect",
    "PlanningInput",
    "Priority",
    "Problem",
    "ReviewDecision",
    "RotationStint",
    "Rule",
    "RuleKind",
    "RunInfo",
    "Settings",
    "Severity",
    "SkillName",
    "SkillNeed",
    "SolveStatus",
    "SourceFile",
    "StopReason",
    "Team",
    "TeamAssignment",
    "TeamName",
    "TeamSpec",
    "input_basis",
    "objective_extent",
    "pair_key",
    "pairs_among",
    "team_names",
    "validated_copy",
]
