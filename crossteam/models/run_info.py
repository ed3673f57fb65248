"""How a run was made: what an auditor needs to repeat it.

The plan workbook's Run Info sheet shows these fields; the descriptions below are for
readers of the code, never shown to a user.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RunInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    command: str
    """The command line, as typed."""
    input_path: str
    input_sha256: str
    employees: int | None = None
    """Employees on the input's Employees sheet (read back to tell how an input changed
    since the plan was made)."""
    started_at: str
    """UTC time the run started, ISO 8601."""
    seed: int
    time_limit_seconds: float
    deterministic_time_limit: float | None = None
    """The search's limit in deterministic time units, set or derived from the time limit
    (repeatable runs)."""
    repeatable: bool | None = None
    """The run was meant to repeat (Settings repeatable, --repeatable / --no-repeatable)."""
    workers: int
    plan_teams: bool = True
    plan_rotation: bool = True
    wall_seconds: float = 0.0
    versions: dict[str, str] = Field(default_factory=dict)
    """Package -> version."""
    platform: str = ""
