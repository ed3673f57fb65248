"""What a synthetic company (``crossteam example``) looks like."""

from __future__ import annotations

from enum import StrEnum


class CompanyShape(StrEnum):
    """How a synthetic company's departments and ties are shaped."""

    REALISTIC = "realistic"
    """Heavy-tailed department sizes, a core of large departments, a silent periphery."""
    CLASSIC = "classic"
    """Departments of similar size (at least 3), each tied to its neighbours on the map."""
