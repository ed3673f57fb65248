"""Pictures draw Japanese with the font the matplotlib-fontja package ships, on a machine
with no Japanese font of its own, in either language of the run."""

from __future__ import annotations

import warnings
from importlib.util import find_spec
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font
from network_instances import organisation

from crossteam import i18n
from crossteam.io import charts
from crossteam.io.charts import GraphPanel, department_graph_png, font_families, plan_panels
from crossteam.models import Plan, PlanningInput, SolveStatus, TeamAssignment
from crossteam.network import analyse, compare

DEPARTMENTS = {
    "営業部": ["s1", "s2"],
    "開発部": ["d1", "d2"],
    "人事部": ["h1"],
    "経理部": ["f1"],
}
TIES = [("s1", "s2"), ("s1", "d1"), ("d1", "d2"), ("d2", "h1")]


def _company() -> PlanningInput:
    return organisation(DEPARTMENTS, TIES, priorities=[("営業部", "経理部", 3.0)])


def _glyph_warnings(panels: list[GraphPanel]) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = department_graph_png(panels)
    assert png.startswith(b"\x89PNG")
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_japanese_department_names_draw_without_a_missing_glyph_in_an_english_run() -> None:
    panels = [GraphPanel("Departments", analyse(_company()))]
    assert _glyph_warnings(panels) == []


def test_a_japanese_run_titles_and_labels_its_panels_in_japanese_with_every_glyph() -> None:
    instance = _company()
    plan = Plan(
        status=SolveStatus.OPTIMAL,
        teams=(TeamAssignment(team="チームA", members=("s1", "f1", "h1")),),
    )
    with i18n.using(i18n.Language.JA):
        panels = plan_panels(compare(instance, plan))
        assert [p.title for p in panels] == ["計画前", "計画後（見込み）"]
        assert _glyph_warnings(panels) == []


def test_without_the_package_font_the_same_picture_would_miss_its_glyphs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The control: DejaVu Sans alone has no Japanese, so the two tests above pass only
    because of the package's font, whatever fonts this machine has."""
    monkeypatch.setattr(charts, "font_families", lambda: (charts.LATIN_FALLBACK,))
    missing = _glyph_warnings([GraphPanel("部署", analyse(_company()))])
    assert missing, "DejaVu Sans drew Japanese: the control proves nothing"


def test_the_font_used_is_the_file_the_package_ships() -> None:
    path = charts.japanese_font_path()
    spec = find_spec("matplotlib_fontja")  # found, not imported: its import sets a font
    assert path is not None and spec is not None and spec.origin is not None
    assert path == Path(spec.origin).parent / "fonts" / "ipaexg.ttf"
    families = list(font_families())
    chosen = font_manager.findfont(
        font_manager.FontProperties(family=families), fallback_to_default=False
    )
    assert Path(chosen) == path
    # and every character of the Japanese names and words is in that file
    glyphs = FT2Font(str(path)).get_charmap()
    with i18n.using(i18n.Language.JA):
        words = "".join(DEPARTMENTS) + i18n.t("output.charts.after")
        words += "".join(i18n.t(f"output.charts.legend.{s}") for s in charts._STYLES)
    assert [c for c in words if ord(c) not in glyphs] == []


def test_drawing_leaves_matplotlibs_default_font_alone() -> None:
    before = list(matplotlib.rcParams["font.family"])
    department_graph_png([GraphPanel("x", analyse(_company()))])
    assert list(matplotlib.rcParams["font.family"]) == before


def test_a_bar_picture_of_japanese_teams_draws_every_glyph() -> None:
    bars = [("顧客の声-1", 7), ("新製品立ち上げ-2", 6), ("Ops-3", 4)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = charts.bars_png("チームごとの部署数", "部署数", bars)
    assert png.startswith(b"\x89PNG")
    assert [str(w.message) for w in caught if "missing from font" in str(w.message)] == []
