"""Pictures of the department graph (matplotlib, Agg backend, no window ever opened).

Departments sit on a circle in name order, so before and after panels line up. Ties
are grey lines as thick as the pair's density; weak pairs are dashed orange; zero-tie
pairs are dotted red, and thick dashed red when their priority weight is above 1. Pairs
a plan bridged are green in the panel that shows them.

Every picture is drawn with IPAex Gothic from the matplotlib-fontja package (a
dependency), so Japanese department names, titles and legends show on any machine,
with no font installed on it and nothing downloaded; DejaVu Sans, matplotlib's own,
stands behind it for any glyph it lacks.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np
from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from crossteam import i18n
from crossteam.models import DepartmentName, DepartmentPair, GapKind, NetworkReport, PlanEffect

PANEL_INCHES = 6.5
DPI = 100
LABEL_CHARACTERS = 18
"""Longer department names are cut in the picture (the sheets show them whole)."""
CLEAR_DEPARTMENTS = 15
"""Up to this many departments tied lines are drawn solid; beyond, they fade so the
many lines between them do not hide the gaps drawn on top."""
CROWDED_DEPARTMENTS = 40
"""Beyond this many departments (80 in a large enterprise: 3,160 pairs) every line thins
in proportion and the names stand along their spokes, so that neighbours' names do not
overlap at the top and bottom of the circle."""

_STYLES: dict[str, dict[str, object]] = {
    "tied": {"colors": "#8c8c8c", "linestyles": "solid"},
    "weak": {"colors": "#e08a00", "linestyles": (0, (4, 2)), "linewidths": 1.2},
    "zero": {"colors": "#d62728", "linestyles": (0, (1, 2)), "linewidths": 1.0, "alpha": 0.8},
    "priority": {"colors": "#d62728", "linestyles": (0, (6, 3)), "linewidths": 2.4},
    "bridged": {"colors": "#2ca02c", "linestyles": "solid", "linewidths": 2.4},
}
JAPANESE_FONT_PACKAGE = "matplotlib_fontja"
JAPANESE_FONT_FILE = ("fonts", "ipaexg.ttf")
"""IPAex Gothic, as the package ships it (its own name for the family: IPAexGothic)."""
LATIN_FALLBACK = "DejaVu Sans"  # not shown: a font family


@dataclass(frozen=True)
class GraphPanel:
    """One picture of the department graph; ``bridged`` pairs (a < b) are drawn green."""

    title: str
    report: NetworkReport
    bridged: frozenset[tuple[DepartmentName, DepartmentName]] = field(default_factory=frozenset)


def plan_panels(effect: PlanEffect) -> list[GraphPanel]:
    """The department graph before a plan and after it (projected, the pairs it bridges
    drawn green), titled in the current language."""
    bridged = frozenset((b.department_a, b.department_b) for b in effect.bridged)
    return [
        GraphPanel(i18n.t("output.charts.before"), effect.before),
        GraphPanel(i18n.t("output.charts.after"), effect.after, bridged),
    ]


def _style_of(pair: DepartmentPair, bridged: frozenset[tuple[str, str]]) -> str:
    if (pair.department_a, pair.department_b) in bridged:
        return "bridged"
    if pair.kind is GapKind.TIED:
        return "tied"
    if pair.kind is GapKind.WEAK:
        return "weak"
    return "priority" if pair.priority > 1 else "zero"


def _positions(departments: Sequence[str]) -> dict[str, tuple[float, float]]:
    angles = np.pi / 2 - 2 * np.pi * np.arange(len(departments)) / max(len(departments), 1)
    return {
        name: (float(np.cos(a)), float(np.sin(a)))
        for name, a in zip(departments, angles, strict=True)
    }


def _draw_panel(figure: Figure, index: int, count: int, panel: GraphPanel) -> None:
    axes = figure.add_subplot(1, count, index + 1)
    report = panel.report
    position = _positions(report.departments)
    densest = max((p.density for p in report.pairs if p.kind is GapKind.TIED), default=1.0)
    segments: dict[str, list[tuple[tuple[float, float], tuple[float, float]]]] = {
        style: [] for style in _STYLES
    }
    widths: list[float] = []
    for pair in report.pairs:
        style = _style_of(pair, panel.bridged)
        segments[style].append((position[pair.department_a], position[pair.department_b]))
        if style == "tied":
            widths.append(0.4 + 3.6 * pair.density / densest)
    count = max(len(report.departments), 1)
    thin = min(1.0, CROWDED_DEPARTMENTS / count)
    for style, lines in segments.items():
        if lines:
            fade = min(0.7, 0.7 * CLEAR_DEPARTMENTS / count)
            drawn = dict(_STYLES[style])
            if style == "tied":
                drawn |= {"linewidths": [w * thin for w in widths], "alpha": fade}
            elif thin < 1:
                drawn["linewidths"] = max(0.4, float(drawn["linewidths"]) * thin)  # type: ignore[arg-type]
                drawn["alpha"] = 0.6
            axes.add_collection(LineCollection(lines, **drawn))  # type: ignore[arg-type]

    headcount = {d.department: d.headcount for d in report.per_department}
    largest = max(headcount.values(), default=1)
    xs, ys = (
        zip(*(position[d] for d in report.departments), strict=True)
        if report.departments
        else ((), ())
    )
    sizes = [60 + 500 * headcount[d] / largest for d in report.departments]
    axes.scatter(xs, ys, s=sizes, color="#1f77b4", zorder=3, edgecolors="white")
    font = 8 if len(report.departments) <= 30 else 6 if count <= CROWDED_DEPARTMENTS else 5
    for name in report.departments:
        x, y = position[name]
        label = name if len(name) <= LABEL_CHARACTERS else name[: LABEL_CHARACTERS - 1] + "…"
        if count > CROWDED_DEPARTMENTS:  # along the spoke, read from the left
            angle = float(np.degrees(np.arctan2(y, x)))
            right = x >= 0
            axes.annotate(
                label,
                (x, y),
                xytext=(1.07 * x, 1.07 * y),
                rotation=angle if right else angle - 180,
                rotation_mode="anchor",
                ha="left" if right else "right",
                va="center",
                fontsize=font,
            )
            continue
        axes.annotate(
            label,
            (x, y),
            xytext=(1.12 * x, 1.12 * y),
            ha="left" if x > 0.05 else "right" if x < -0.05 else "center",
            va="center",
            fontsize=font,
        )
    axes.set_title(panel.title, fontsize=11, pad=24 if count > CROWDED_DEPARTMENTS else 6)
    axes.set_xlim(-1.6, 1.6)
    axes.set_ylim(-1.35, 1.35)
    axes.set_aspect("equal")
    axes.axis("off")
    handles = [
        Line2D(
            [],
            [],
            color=_STYLES[s]["colors"],  # type: ignore[arg-type]
            linestyle=_STYLES[s]["linestyles"],  # type: ignore[arg-type]
            label=i18n.t(f"output.charts.legend.{s}"),
        )
        for s in _STYLES
        if segments[s]
    ]
    if handles:
        axes.legend(
            handles=handles,
            loc="lower center",  # not shown: a legend position
            fontsize=7,
            ncols=2,
            frameon=False,
            bbox_to_anchor=(0.5, -0.08),
        )


def japanese_font_path() -> Path | None:
    """IPAex Gothic's file in the installed matplotlib-fontja package, or ``None`` when
    the package is missing. Found without importing the package, whose import would
    change matplotlib's default font for the whole process."""
    spec = find_spec(JAPANESE_FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *JAPANESE_FONT_FILE)
    return path if path.is_file() else None


@cache
def font_families() -> tuple[str, ...]:
    """The fonts every picture is drawn with, in the order matplotlib tries them for each
    glyph: IPAex Gothic (registered once from its file), then DejaVu Sans; DejaVu Sans
    alone when the package is missing (Japanese then shows as boxes, with matplotlib's
    warning)."""
    path = japanese_font_path()
    if path is None:
        return (LATIN_FALLBACK,)
    font_manager.fontManager.addfont(path)
    return (font_manager.FontProperties(fname=path).get_name(), LATIN_FALLBACK)


def department_graph_png(panels: Sequence[GraphPanel]) -> bytes:
    """One PNG with the panels side by side, its words in the fonts of ``font_families``."""
    with rc_context({"font.family": list(font_families())}):
        figure = Figure(figsize=(PANEL_INCHES * len(panels), PANEL_INCHES), dpi=DPI)
        FigureCanvasAgg(figure)
        for index, panel in enumerate(panels):
            _draw_panel(figure, index, len(panels), panel)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    return buffer.getvalue()


def bars_png(title: str, axis: str, bars: Sequence[tuple[str, int]]) -> bytes:
    """One bar per (label, value), as a picture: the plan draws its chart this way when a
    label needs the bundled Japanese font (a spreadsheet's own chart uses the viewer's
    fonts, which may have no Japanese)."""
    with rc_context({"font.family": list(font_families())}):
        figure = Figure(figsize=(12, 4.5), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        labels = [label[:LABEL_CHARACTERS] for label, _ in bars]
        axes.bar(range(len(bars)), [value for _, value in bars], color="#4472c4")
        axes.set_xticks(range(len(bars)), labels, rotation=60 if len(bars) > 8 else 0, ha="right")
        axes.set_ylabel(axis)
        axes.set_title(title, fontsize=11)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    return buffer.getvalue()
