"""crossteam: plan cross-functional teams and job rotations that connect silent departments.

The public face is small: read a workbook into a validated ``PlanningInput``, and the
domain objects. Analysis, planning and writing live in their subpackages.
"""

from crossteam.errors import CrossteamError, InputError, OutputError, UnreadableFileError
from crossteam.io.reader import load_workbook
from crossteam.models import PlanningInput, Problem, Settings

__version__ = "0.1.0"

__all__ = [
    "CrossteamError",
    "InputError",
    "OutputError",
    "PlanningInput",
    "Problem",
    "Settings",
    "UnreadableFileError",
    "__version__",
    "load_workbook",
]
