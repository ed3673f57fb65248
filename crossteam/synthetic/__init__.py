"""Synthetic companies for demos, tests and benchmarks: ``generate_company`` gives a
``PlanningInput``; ``crossteam.io.example_workbook.write_example`` writes one as an input
workbook."""

from crossteam.models import CompanyShape
from crossteam.synthetic.company import default_departments, generate_company
from crossteam.synthetic.organisation import MIN_EMPLOYEES
from crossteam.synthetic.tasks import SKILL_SUPPLY_FACTOR

__all__ = [
    "MIN_EMPLOYEES",
    "SKILL_SUPPLY_FACTOR",
    "CompanyShape",
    "default_departments",
    "generate_company",
]
