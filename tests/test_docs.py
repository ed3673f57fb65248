"""The user documentation names every setting and column the code accepts."""

from pathlib import Path

import pytest

from crossteam.io.schema import SHEETS
from crossteam.models import Settings

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK_DOC = (ROOT / "docs" / "workbook.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", sorted(Settings.model_fields))
def test_every_setting_is_documented(setting: str) -> None:
    assert f"`{setting}`" in WORKBOOK_DOC


@pytest.mark.parametrize("sheet, column", [(s.name, c.name) for s in SHEETS for c in s.columns])
def test_every_column_is_documented(sheet: str, column: str) -> None:
    assert f"### {sheet}" in WORKBOOK_DOC
    assert column in WORKBOOK_DOC


def test_readme_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = (
        "docs/workbook.md",
        "docs/metrics.md",
        "docs/model.md",
        "docs/rotation.md",
        "docs/review.md",
        "docs/alternatives.md",
        "docs/sweep.md",
        "docs/limits.md",
        "benchmarks/README.md",
        "examples/README.md",
    )
    for target in targets:
        assert target in readme
        assert (ROOT / target).exists(), f"README links to missing {target}"
