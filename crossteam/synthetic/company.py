"""A realistic synthetic company for demos, tests and benchmarks (``crossteam example``).

Departments of uneven size with plausible names, roles, offices and skills; an interaction
graph that is dense inside departments and silent between departments far apart on a
"map" of the organisation; team specs, skill needs, rules and rotation policies chosen so
that a plan always exists. The same seed always gives the same company.

Two shapes (``CompanyShape``): ``realistic`` has heavy-tailed department sizes (a few large
departments, many of 1-10 people), a core of large departments tied to each other and a
periphery of small ones with few outside ties, as measured in real organisational e-mail
networks; ``classic`` has departments of similar size (at least 3 people) tied to their
neighbours on the map, the shape of the first benchmarks.
"""

from __future__ import annotations

import math

import numpy as np

from crossteam import i18n
from crossteam.models import (
    BalanceMode,
    BalanceRule,
    CompanyShape,
    Department,
    Employee,
    Interaction,
    Period,
    PlanningInput,
    Preference,
    Priority,
    ProgrammeKind,
    Rule,
    RuleKind,
    Settings,
    SkillNeed,
    TeamSpec,
)
from crossteam.models.synthetic import USUAL_WISHES, WishShape
from crossteam.synthetic.organisation import (
    MIN_DEPARTMENT_SIZE,
    MIN_EMPLOYEES,
    Organisation,
    SkillRow,
    draw_skills,
)
from crossteam.synthetic.tasks import (
    DepartmentRow,
    PriorityRow,
    RuleRow,
    TeamRow,
    TeamSkillRow,
    department_policies,
    period_label,
    priorities,
    refuse,
    rules,
    team_specs,
)
from crossteam.synthetic.ties import InteractionRow, classic_ties, realistic_ties
from crossteam.synthetic.wishes import WishRow, draw_wishes


def generate_company(
    employees: int = 150,
    departments: int = 10,
    seed: int = 0,
    *,
    japanese: bool = False,
    teams: int | None = None,
    periods: int = 4,
    shape: CompanyShape = CompanyShape.CLASSIC,
    wishes: WishShape = USUAL_WISHES,
) -> PlanningInput:
    """A realistic company whose planning tasks are feasible, as the reader would give it
    from its workbook (departments in order of first appearance, priority pairs sorted).

    Args:
        employees: Headcount, at least 20, and at least 3 per department in the classic
            shape (1 in the realistic one).
        departments: Number of departments; beyond the 17 kinds known, names repeat
            numbered ("Sales 2", 第2営業部).
        seed: Same seed, same company.
        japanese: Japanese names, departments, offices, skills and team names.
        teams: Teams to form; default one per 10 employees. Their seats never exceed
            the available people.
        periods: Rotation periods (quarters).
        shape: ``CompanyShape.REALISTIC`` (what ``crossteam example`` writes by default) or
            ``CompanyShape.CLASSIC`` (the shape the tests were written for).
        wishes: How many hosts and teams people rank (``WishShape``; ``NO_WISHES`` for
            none). Drawn from a random stream of their own: the rest of the company is
            the same whatever the wishes.

    Raises:
        InputError: Sizes that no company can have, or more teams than people to fill
            them (the command line reports it as a usage problem, exit code 2).
    """
    return _draw(employees, departments, seed, japanese, teams, periods, shape, wishes).instance()


def written_order(
    employees: int = 150,
    departments: int = 10,
    seed: int = 0,
    *,
    japanese: bool = False,
    teams: int | None = None,
    periods: int = 4,
    shape: CompanyShape = CompanyShape.CLASSIC,
    wishes: WishShape = USUAL_WISHES,
) -> tuple[PlanningInput, tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The company of ``generate_company`` with the order its workbook lists its
    departments in (the catalogue's) and its priority pairs as written."""
    drawn = _draw(employees, departments, seed, japanese, teams, periods, shape, wishes)
    return (
        drawn.instance(),
        tuple(row[0] for row in drawn.departments),
        tuple((a, b) for a, b, _ in drawn.priorities),
    )


def default_departments(employees: int, shape: CompanyShape) -> int:
    """Departments of a company when none are asked for: 10 in the classic shape; in the
    realistic one 40 per thousand employees' square root (40 at 1,000, about 90 at 5,000,
    180 at 20,000: departments grow more slowly than the company), at least 10."""
    if shape is CompanyShape.CLASSIC:
        return 10
    return min(500, max(10, round(40 * math.sqrt(employees / 1000))))


def _check_sizes(employees: int, departments: int, periods: int, shape: CompanyShape) -> None:
    if departments < 1:
        refuse(i18n.t("template.example.departments", departments=departments))
    if employees < MIN_EMPLOYEES:
        refuse(i18n.t("template.example.employees", least=MIN_EMPLOYEES, employees=employees))
    smallest = MIN_DEPARTMENT_SIZE if shape is CompanyShape.CLASSIC else 1
    if employees < smallest * departments:
        refuse(
            i18n.t(
                "template.example.too_few",
                employees=employees,
                departments=departments,
                people=i18n.counted(smallest, "person"),
                least=smallest * departments,
            )
        )
    if periods < 1:
        refuse(i18n.t("template.example.periods", periods=periods))


class _Drawn:
    """The draws of one company, in the order they are made, as rows of its sheets."""

    def __init__(
        self,
        rng: np.random.Generator,
        org: Organisation,
        teams: int | None,
        periods: int,
        shape: CompanyShape,
        seed: int,
        wishes: WishShape,
    ) -> None:
        self.org = org
        self.seed = seed
        self.skills: list[SkillRow] = draw_skills(rng, org)
        tie = classic_ties if shape is CompanyShape.CLASSIC else realistic_ties
        self.interactions: list[InteractionRow] = tie(rng, org)
        self.departments: list[DepartmentRow] = department_policies(rng, org, self.skills)
        self.specs: list[TeamRow]
        self.needs: list[TeamSkillRow]
        self.specs, self.needs = team_specs(org, self.skills, teams, org.japanese)
        self.priorities: list[PriorityRow] = priorities(org)
        self.periods = [period_label(i, org.japanese) for i in range(periods)]
        self.rules: list[RuleRow] = rules(
            rng, org, self.departments, self.specs, self.skills, org.japanese
        )
        self.wishes: list[WishRow] = draw_wishes(
            seed, org.employee_rows(), self.departments, self.specs, wishes
        )

    def instance(self) -> PlanningInput:
        specs = self._team_specs()
        teams = tuple(team for spec in specs for team in spec.expand())
        employees = self._employees()
        critical = {skill for *_, skill in self.departments if skill is not None}
        needed = {need for _, need, _, _ in self.needs}
        held = {skill for e in employees for skill in e.skills}
        return PlanningInput(
            employees=employees,
            departments=self._departments(employees),
            interactions=tuple(
                Interaction(employee_a=a, employee_b=b, weight=w) for a, b, w in self.interactions
            ),
            has_interactions_sheet=True,
            priorities=tuple(
                Priority(department_a=min(a, b), department_b=max(a, b), weight=w)
                for a, b, w in self.priorities
            ),
            team_specs=specs,
            teams=teams,
            balance_rules=(
                BalanceRule(
                    attribute="location", mode=BalanceMode.NO_LONE, value=self.org.second_office()
                ),
                BalanceRule(attribute="department", mode=BalanceMode.DIVERSIFY),
            ),
            periods=tuple(Period(label=label, index=i) for i, label in enumerate(self.periods)),
            rules=self._rules(specs),
            preferences=self._preferences(specs),
            settings=Settings(random_seed=self.seed),
            skills=tuple(sorted(held | needed | critical)),
        )

    def _employees(self) -> tuple[Employee, ...]:
        org = self.org
        skills: dict[int, dict[str, int]] = {}
        for person, skill, level in self.skills:
            skills.setdefault(person, {})[org.skill(skill)] = level
        return tuple(
            Employee(
                employee_id=employee_id,
                name=name,
                department=department,
                role=role,
                location=location,
                available=available,
                rotation_eligible=eligible,
                skills=skills.get(i, {}),
                attributes={
                    "name": name,
                    "department": department,
                    "role": role,
                    "location": location,
                },
            )
            for i, (employee_id, name, department, role, location, available, eligible) in (
                enumerate(org.employee_rows())
            )
        )

    def _departments(self, employees: tuple[Employee, ...]) -> tuple[Department, ...]:
        headcount: dict[str, int] = {}
        for employee in employees:
            headcount[employee.department] = headcount.get(employee.department, 0) + 1
        policy = {row[0]: row for row in self.departments}
        return tuple(
            Department(
                name=name,
                headcount=count,
                min_on_site=policy[name][1],
                host_capacity=policy[name][2],
                can_host=policy[name][3],
                critical_skills=() if policy[name][4] is None else (policy[name][4],),
            )
            for name, count in headcount.items()
        )

    def _team_specs(self) -> tuple[TeamSpec, ...]:
        return tuple(
            TeamSpec(
                name=name,
                count=count,
                min_size=min_size,
                max_size=max_size,
                min_departments=min_departments,
                max_per_department=max_per_department,
                skill_needs=tuple(
                    SkillNeed(skill=skill, min_level=level, min_count=per_team)
                    for team, skill, level, per_team in self.needs
                    if team == name
                ),
            )
            for name, count, min_size, max_size, min_departments, max_per_department in self.specs
        )

    def _rules(self, specs: tuple[TeamSpec, ...]) -> tuple[Rule, ...]:
        teams_of = {spec.name: tuple(team.name for team in spec.expand()) for spec in specs}
        return tuple(
            Rule(
                kind=RuleKind(kind),
                employee_id=employee_id,
                target=target,
                targets=() if target is None else teams_of.get(target, (target,)),
                note=note,
            )
            for kind, employee_id, target, note in self.rules
        )

    def _preferences(self, specs: tuple[TeamSpec, ...]) -> tuple[Preference, ...]:
        teams_of = {spec.name: tuple(team.name for team in spec.expand()) for spec in specs}
        return tuple(
            Preference(
                employee_id=employee_id,
                kind=ProgrammeKind(kind),
                target=target,
                targets=teams_of[target] if kind == ProgrammeKind.TEAM else (target,),
                rank=rank,
            )
            for employee_id, kind, target, rank in self.wishes
        )


def _draw(
    employees: int,
    departments: int,
    seed: int,
    japanese: bool,
    teams: int | None,
    periods: int,
    shape: CompanyShape,
    wishes: WishShape,
) -> _Drawn:
    _check_sizes(employees, departments, periods, shape)
    rng = np.random.default_rng(seed)
    org = Organisation.build(rng, employees, departments, japanese, shape)
    return _Drawn(rng, org, teams, periods, shape, seed, wishes)
