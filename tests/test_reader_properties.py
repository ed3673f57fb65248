"""Whatever a user types in whatever cell, or however a file is damaged, the reader answers
with data or a refusal, never a crash."""

from __future__ import annotations

import re
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import Sheets, company, write_workbook

from crossteam.errors import UnreadableFileError
from crossteam.io.reader import read_workbook

SHEET_NAMES = list(company())

cell_values = st.one_of(
    st.none(),
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["E1", "E2", "E99", "Sales", "Voice", "yes", "no", "80%", "hard", " "]),
    st.integers(-5, 12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1)),
)

edits = st.lists(
    st.tuples(st.sampled_from(SHEET_NAMES), st.integers(1, 9), st.integers(0, 8), cell_values),
    min_size=1,
    max_size=12,
)


def edited(changes: list[tuple[str, int, int, object]]) -> Sheets:
    sheets = company()
    for sheet, row, column, value in changes:
        rows = sheets[sheet]
        while len(rows) < row:
            rows.append([])
        cells = rows[row - 1]
        while len(cells) <= column:
            cells.append(None)
        cells[column] = value
    return sheets


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=edits)
def test_random_cells_give_an_instance_or_located_errors(
    changes: list[tuple[str, int, int, object]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_workbook(Path(folder) / "input.xlsx", edited(changes))
        result = read_workbook(path)
    if result.instance is not None:
        assert not result.errors
        return
    assert result.errors
    for problem in result.errors:
        assert problem.sheet is not None
        assert problem.message
        if problem.cell is not None:
            assert problem.row == int(re.sub(r"^[A-Z]+", "", problem.cell))


def _valid_parts() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        path = write_workbook(Path(folder) / "input.xlsx", company())
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}


VALID_PARTS = _valid_parts()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    part=st.sampled_from(sorted(VALID_PARTS)),
    start=st.floats(0, 1),
    cut=st.integers(0, 40),
    insert=st.binary(max_size=40) | st.sampled_from([b"<", b">", b"&", b'"', b"<c>", b"</row>"]),
)
def test_damaged_parts_give_a_result_or_an_unreadable_file_error(
    part: str, start: float, cut: int, insert: bytes
) -> None:
    data = VALID_PARTS[part]
    at = int(start * len(data))
    parts = {**VALID_PARTS, part: data[:at] + insert + data[at + cut :]}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in parts.items():
                archive.writestr(name, content)
        try:
            result = read_workbook(path)
        except UnreadableFileError as error:
            assert error.problems[0].message
            return
    assert (result.instance is None) == bool(result.errors)
