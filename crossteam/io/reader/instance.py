"""The ``PlanningInput`` a read makes once no error was found, and the result of a read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pydantic import ValidationError

from crossteam.io import schema
from crossteam.io.reader.context import Reading
from crossteam.io.reader.teams import specs_and_teams
from crossteam.models import (
    PART_SETTINGS,
    Department,
    Employee,
    Interaction,
    PlanningInput,
    Priority,
    Problem,
    Severity,
    SourceFile,
    objective_extent,
)
from crossteam.models.wording import describe_validation_error


@dataclass(frozen=True)
class ReadResult:
    """What reading a workbook found: an instance when there were no errors."""

    instance: PlanningInput | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return self.instance is not None


def read_result(reading: Reading, source: SourceFile) -> ReadResult:
    """The instance (when no error was found) with every error and warning."""
    instance = None if reading.problems.has_errors else _instance(reading, source)
    problems = reading.problems
    return ReadResult(instance, problems.of(Severity.ERROR), problems.of(Severity.WARNING))


def _departments(reading: Reading, employees: tuple[Employee, ...]) -> tuple[Department, ...]:
    """Every department with an employee, its Departments row over the Settings defaults."""
    headcount: dict[str, int] = defaultdict(int)
    for employee in employees:
        headcount[employee.department] += 1
    settings = reading.settings
    return tuple(
        Department(
            name=name,
            headcount=count,
            **{
                "min_on_site": settings.default_min_on_site,
                "host_capacity": settings.default_host_capacity,
                **reading.department_rows.get(name, {}),
            },
        )
        for name, count in headcount.items()
    )


def _instance(reading: Reading, source: SourceFile) -> PlanningInput | None:
    employees = tuple(
        Employee(**row.fields, skills=row.skills) for row in reading.employees.values()
    )
    departments = _departments(reading, employees)
    specs, teams = specs_and_teams(reading)
    needed = {need.skill for needs in reading.skill_needs.values() for need in needs}
    critical = {skill for d in departments for skill in d.critical_skills}
    try:
        instance = PlanningInput(
            employees=employees,
            departments=departments,
            interactions=tuple(
                Interaction(employee_a=a, employee_b=b, weight=w)
                for (a, b), w in reading.interactions.items()
            ),
            has_interactions_sheet=schema.INTERACTIONS.name in reading.tables,
            priorities=tuple(
                Priority(department_a=a, department_b=b, weight=w)
                for (a, b), w in reading.priorities.items()
            ),
            team_specs=specs,
            teams=teams,
            balance_rules=tuple(reading.balance_rules),
            periods=tuple(reading.periods),
            rules=tuple(reading.rules),
            preferences=tuple(reading.preferences),
            history=tuple(reading.history),
            history_periods=tuple(reading.history_periods),
            settings=reading.settings,
            skills=tuple(sorted(reading.skill_names | needed | critical)),
            warnings=reading.problems.of(Severity.WARNING),
            source=source,
        )
    except ValidationError as invalid:  # a model rule the checks above do not mirror
        for error in invalid.errors():
            where = ".".join(str(part) for part in error["loc"])
            reading.problems.add(f"{where}: {describe_validation_error(error)}")
        return None
    return None if _refuse_weights(reading, instance) else instance


def _refuse_weights(reading: Reading, instance: PlanningInput) -> bool:
    """An error at the largest weight of the objective part that grows most, when the
    objective could pass what the solver adds up exactly; True when refused."""
    extent = objective_extent(instance)
    if extent.fits:
        return False
    part = extent.largest
    given = [
        (row, index, float(getattr(reading.settings, key)))
        for key in PART_SETTINGS[part]
        if (place := reading.setting_cells.get(key)) is not None
        for row, index in [place]
    ]
    cells = [*given, *reading.weight_cells.get(part, [])]
    if not cells:
        reading.problems.add(extent.message(), sheet=schema.SETTINGS.name)
        return True
    row, index, _ = max(cells, key=lambda cell: cell[2])
    row.error(index, extent.message())
    return True
