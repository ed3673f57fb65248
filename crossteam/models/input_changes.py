"""How the input a plan was made from differs from the input it is now read with.

A plan workbook records its input's SHA-256 (Run Info) and, on its Teams and Rotation
sheets, the name and department of everyone it places. Read back with another workbook,
the people it names are compared with that workbook's: an earlier version of the same
company differs in a few people (listed here), another company in most of them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from crossteam.models.planning_input import DepartmentName, EmployeeId

LISTED = 10
"""Most ids a one-line summary names per kind of change before "and N more"."""


class DepartmentChange(BaseModel):
    model_config = ConfigDict(frozen=True)

    employee_id: EmployeeId
    before: DepartmentName = Field(description="Department on the plan")
    after: DepartmentName = Field(description="Department in the input")


class InputChanges(BaseModel):
    """People the plan names whose input entry changed since the plan was made."""

    model_config = ConfigDict(frozen=True)

    same_input: bool = Field(description="The input's SHA-256 is the one on Run Info")
    plan_sha256: str | None = Field(default=None, description="Run Info's input_sha256")
    input_sha256: str | None = None
    people: int = Field(default=0, description="Distinct employees the plan names")
    removed: tuple[EmployeeId, ...] = Field(
        default=(), description="Named by the plan, not on the input's Employees sheet"
    )
    department_changed: tuple[DepartmentChange, ...] = ()
    name_changed: tuple[EmployeeId, ...] = Field(
        default=(), description="The name differs (the names themselves are not kept)"
    )
    plan_employees: int | None = Field(
        default=None, description="Employees of the plan's input (Run Info), when recorded"
    )
    input_employees: int = 0

    @property
    def differing(self) -> frozenset[EmployeeId]:
        """The people the plan names whose entry differs in any way."""
        moved = {c.employee_id for c in self.department_changed}
        return frozenset({*self.removed, *moved, *self.name_changed})

    @property
    def differing_share(self) -> float:
        return len(self.differing) / self.people if self.people else 0.0

    def summary(self) -> str:
        """One line for a warning: what differs, by id, never by name."""
        if self.same_input:
            return "made from this very input"
        parts = []
        if self.department_changed:
            moved = [f"{c.employee_id} {c.before} -> {c.after}" for c in self.department_changed]
            parts.append(f"{len(moved)} changed department ({_listed(moved)})")
        if self.removed:
            parts.append(f"{len(self.removed)} no longer in the input ({_listed(self.removed)})")
        if self.name_changed:
            renamed = list(self.name_changed)
            parts.append(f"{len(renamed)} with another name ({_listed(renamed)})")
        people = (
            f"{len(self.differing)} of the {self.people} people it names differ: "
            + "; ".join(parts)
            if parts
            else f"the {self.people} people it names are unchanged"
        )
        count = (
            f"; the input has {self.input_employees} employees, the plan's had "
            f"{self.plan_employees}"
            if self.plan_employees is not None and self.plan_employees != self.input_employees
            else ""
        )
        return f"made from another version of the input (SHA-256 differs): {people}{count}"

    def as_json(self) -> dict[str, object]:
        return {
            **self.model_dump(mode="json"),
            "differing": len(self.differing),
            "differing_share": round(self.differing_share, 4),
        }


def _listed(items: list[str] | tuple[str, ...]) -> str:
    shown = ", ".join(items[:LISTED])
    return shown if len(items) <= LISTED else f"{shown} and {len(items) - LISTED} more"
