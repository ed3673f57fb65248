"""Regenerate the bundled example workbooks (deterministic: fixed sizes and seeds).

Run from the repository root: ``python examples/make_examples.py``. Writes
``examples/company.xlsx``, ``examples/company_ja.xlsx`` and the package copy
``crossteam/data/example.xlsx`` that ``crossteam plan`` uses when given no input.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from crossteam.io.example_workbook import write_example

EXAMPLES = Path(__file__).resolve().parent
PACKAGE_DATA = EXAMPLES.parent / "crossteam" / "data"

EMPLOYEES = 150
DEPARTMENTS = 10
SEED = 0
SEED_JAPANESE = 1


def main() -> None:
    company = EXAMPLES / "company.xlsx"
    write_example(company, EMPLOYEES, DEPARTMENTS, SEED)
    write_example(
        EXAMPLES / "company_ja.xlsx", EMPLOYEES, DEPARTMENTS, SEED_JAPANESE, japanese=True
    )
    PACKAGE_DATA.mkdir(exist_ok=True)
    shutil.copyfile(company, PACKAGE_DATA / "example.xlsx")


if __name__ == "__main__":
    main()
