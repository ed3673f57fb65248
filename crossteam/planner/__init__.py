"""CP-SAT planners for teams and rotations: ``solve`` turns an instance into a ``Plan``."""

from crossteam.planner.options import (
    BASELINE,
    Formulation,
    Progress,
    SolveOptions,
    Stage,
    usable_cores,
)
from crossteam.planner.solve import rule_warnings, solve
from crossteam.planner.stability import PreviousPlan

__all__ = [
    "BASELINE",
    "Formulation",
    "PreviousPlan",
    "Progress",
    "SolveOptions",
    "Stage",
    "rule_warnings",
    "solve",
    "usable_cores",
]
