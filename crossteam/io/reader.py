"""Placeholder until the reader lands (being written now)."""

from pathlib import Path

from crossteam.models import PlanningInput


def load_workbook(path: str | Path) -> PlanningInput:
    raise NotImplementedError
