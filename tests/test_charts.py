"""Pictures of the department graph: a PNG, one panel per report, side by side."""

import struct

import pytest
from instances import company, person
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from network_instances import four_departments

from crossteam.io.charts import (
    DPI,
    PANEL_INCHES,
    GraphPanel,
    _draw_panel,
    department_graph_png,
)
from crossteam.network import analyse


def _png_size(png: bytes) -> tuple[int, int]:
    # The IHDR chunk follows the 8-byte signature: length, type, then width and height
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_one_report_gives_one_square_panel() -> None:
    png = department_graph_png([GraphPanel("Departments", analyse(four_departments()))])
    assert png.startswith(b"\x89PNG")
    assert _png_size(png) == (PANEL_INCHES * DPI, PANEL_INCHES * DPI)


def test_before_and_after_sit_side_by_side() -> None:
    report = analyse(four_departments())
    png = department_graph_png(
        [GraphPanel("Before", report), GraphPanel("After", report, frozenset({("A", "D")}))]
    )
    assert _png_size(png) == (2 * PANEL_INCHES * DPI, PANEL_INCHES * DPI)


@pytest.mark.parametrize(("departments", "rotated"), [(20, False), (80, True)])
def test_names_stand_along_their_spokes_only_when_departments_crowd_the_circle(
    departments: int, rotated: bool
) -> None:
    """At 80 departments names laid flat overlap at the top and bottom of the circle: they
    are turned along their spokes, each read from the left, and every line thins."""
    people = [
        person(f"E{d:02d}{i}", f"Department {d:02d}") for d in range(departments) for i in (0, 1)
    ]
    report = analyse(company(people))
    figure = Figure(figsize=(PANEL_INCHES, PANEL_INCHES))
    _draw_panel(figure, 0, 1, GraphPanel("Departments", report))
    (axes,) = figure.axes
    labels = [text for text in axes.texts if text.get_text().startswith("Department")]
    assert len(labels) == departments
    angles = [text.get_rotation() for text in labels]
    assert any(angle not in (0, 360) for angle in angles) is rotated
    assert all(angle <= 90 or angle >= 270 for angle in angles)  # never upside down
    widest = max(
        width
        for collection in axes.collections
        if isinstance(collection, LineCollection)
        for width in collection.get_linewidths()
    )
    # no ties at all: every pair is a dotted zero-tie line, 1.0 wide, halved at 80
    assert widest == (0.5 if rotated else 1.0)
