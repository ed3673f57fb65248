"""A synthetic company (``crossteam.synthetic``) written as an input workbook: ``crossteam
example``, the bundled examples, the tests and the benchmarks."""

from __future__ import annotations

from crossteam import i18n
from crossteam.io.excel import Destination
from crossteam.io.input_writer import RowOrder, write_input
from crossteam.models import CompanyShape
from crossteam.models.synthetic import USUAL_WISHES, WishShape
from crossteam.synthetic.company import written_order


def write_example(
    path: Destination,
    employees: int = 150,
    departments: int = 10,
    seed: int = 0,
    *,
    japanese: bool = False,
    teams: int | None = None,
    periods: int = 4,
    wide_skills: bool = False,
    shape: CompanyShape = CompanyShape.CLASSIC,
    wishes: WishShape = USUAL_WISHES,
) -> None:
    """Generate a company (see ``generate_company``) and write it as an input workbook,
    departments and priority pairs in the order the generator drew them: a Japanese
    company, under Japanese sheet names and headers, when ``japanese`` or when the run
    speaks Japanese (``crossteam example --lang ja``)."""
    japanese = japanese or i18n.current() is i18n.Language.JA
    instance, departments_order, priorities_order = written_order(
        employees,
        departments,
        seed,
        japanese=japanese,
        teams=teams,
        periods=periods,
        shape=shape,
        wishes=wishes,
    )
    order = RowOrder(departments=departments_order, priorities=priorities_order)
    write_input(instance, path, japanese=japanese, wide_skills=wide_skills, order=order)
