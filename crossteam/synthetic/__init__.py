"""Synthetic companies for demos, tests and benchmarks: ``generate_company`` gives a
``PlanningInput``; ``crossteam.io.example_workbook.write_example`` writes one as an input
workbook."""

from crossteam.models import CompanyShape
from crossteam.models.synthetic import NO_WISHES, USUAL_WISHES, WishShape
from crossteam.synthetic.company import default_departments, generate_company
from crossteam.synthetic.organisation import MIN_EMPLOYEES
from crossteam.synthetic.tasks import SKILL_SUPPLY_FACTOR

__all__ = [
    "MIN_EMPLOYEES",
    "NO_WISHES",
    "SKILL_SUPPLY_FACTOR",
    "USUAL_WISHES",
    "CompanyShape",
    "WishShape",
    "default_departments",
    "generate_company",
]
