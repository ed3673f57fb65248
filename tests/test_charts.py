"""Pictures of the department graph: a PNG, one panel per report, side by side."""

import struct

from network_instances import four_departments

from crossteam.io.charts import DPI, PANEL_INCHES, GraphPanel, department_graph_png
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
