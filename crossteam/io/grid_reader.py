"""Sweep grid files: a YAML file or the ``Sweep`` sheet of a workbook, read as written,
every value with its line or cell. What the keys and values mean is ``sweep.grid``'s.
Format: docs/sweep.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Final

import yaml
from openpyxl.utils import get_column_letter

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.io.safety import open_workbook
from crossteam.models import Problem
from crossteam.models.sweep import GridEntry, GridPlace, WrittenGrid

SHEET: Final = "Sweep"
MAX_GRID_BYTES: Final = 1_000_000


def read_grid(path: Path) -> WrittenGrid:
    """Read a grid from YAML (``.yaml``/``.yml``) or the ``Sweep`` sheet of a workbook.

    Raises:
        InputError: the grid is unreadable or malformed; every problem at its line or cell.
    """
    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        written = _read_yaml(path)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        written = _read_sheet(path)
    else:
        raise InputError([Problem(message=i18n.t("reader.grid.not_grid", name=path.name))])
    if written.problems:
        raise InputError(written.problems)
    written.source = str(path)
    return written


# ---------------------------------------------------------------------------- YAML


def _read_yaml(path: Path) -> WrittenGrid:
    name = path.name
    loaded = WrittenGrid()
    try:
        if path.stat().st_size > MAX_GRID_BYTES:
            loaded.problems.append(
                Problem(sheet=name, message=i18n.t("reader.grid.too_large", most=MAX_GRID_BYTES))
            )
            return loaded
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        message = i18n.t("reader.grid.unreadable", error=error)
        loaded.problems.append(Problem(sheet=name, message=message))
        return loaded
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or str(error)
        message = i18n.t("reader.grid.not_yaml", reason=reason)
        loaded.problems.append(Problem(sheet=name, row=line, message=message))
        return loaded
    if not isinstance(root, yaml.MappingNode):
        loaded.problems.append(Problem(sheet=name, row=1, message=i18n.t("reader.grid.start")))
        return loaded
    _YamlGrid(name, loaded).read(root)
    return loaded


class _YamlGrid:
    """Walks the YAML node tree (not plain data) so that every value keeps its line."""

    def __init__(self, name: str, loaded: WrittenGrid) -> None:
        self.name = name
        self.loaded = loaded
        self.constructor = yaml.SafeLoader("")

    def place(self, node: yaml.Node, column: str | None = None) -> GridPlace:
        return GridPlace(self.name, row=node.start_mark.line + 1, column=column)

    def error(self, node: yaml.Node, message: str, column: str | None = None) -> None:
        self.loaded.problems.append(self.place(node, column).problem(message))

    def scalar(self, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            return self.constructor.construct_object(node)
        return [] if isinstance(node, yaml.SequenceNode) else {}

    def pairs(self, node: yaml.MappingNode) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        """Keys of a mapping with their key and value nodes; a repeated or non-text key
        is reported."""
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = self.scalar(key_node)
            if not isinstance(key, str) or not key.strip():
                self.error(key_node, i18n.t("reader.grid.key_not_text"))
                continue
            key = key.strip()
            if key in seen:
                self.error(key_node, i18n.t("reader.grid.twice", key=key), key)
                continue
            seen.add(key)
            yield key, key_node, value_node

    def read(self, root: yaml.MappingNode) -> None:
        for key, key_node, node in self.pairs(root):
            if key == "vary" and isinstance(node, yaml.MappingNode):
                self.loaded.vary_place = self.place(node)
                self.read_vary(node)
            elif key == "scenarios" and isinstance(node, yaml.SequenceNode):
                for item in node.value:
                    self.read_scenario(item)
            elif key in ("vary", "scenarios"):
                self.error(key_node, i18n.t(f"reader.grid.shape.{key}", key=key), key)
            else:
                self.error(key_node, i18n.t("reader.grid.unknown_section", key=key), key)

    def read_vary(self, node: yaml.MappingNode) -> None:
        for key, _, value_node in self.pairs(node):
            items = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            if not items:
                self.error(value_node, i18n.t("reader.grid.no_values", key=key), key)
                continue
            self.loaded.vary[key] = [(self.scalar(i), self.place(i, key)) for i in items]

    def read_scenario(self, node: yaml.Node) -> None:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, i18n.t("reader.grid.scenario_shape"))
            return
        entry = GridEntry(name=None, place=self.place(node))
        for key, _, value_node in self.pairs(node):
            if key == "name":
                entry.name = str(self.scalar(value_node))
            else:
                entry.values[key] = (self.scalar(value_node), self.place(value_node, key))
        self.loaded.explicit.append(entry)


# ---------------------------------------------------------------------------- Sweep sheet


def _read_sheet(path: Path) -> WrittenGrid:
    """The Sweep sheet: ``setting | values...`` rows (a product), or ``scenario | key...``
    columns (one row per scenario; a blank cell keeps the workbook's value)."""
    loaded = WrittenGrid()
    with open_workbook(path) as workbook:
        title = next((t for t in workbook.titles if i18n.canonical(t, among=(SHEET,))), None)
        if title is None:
            message = i18n.t("reader.grid.no_sheet", name=path.name, sheet=SHEET)
            loaded.problems.append(Problem(message=message))
            return loaded
        rows = workbook.read_sheet(title).rows
    if not rows:
        loaded.problems.append(Problem(sheet=title, message=i18n.t("reader.grid.sheet_empty")))
        return loaded
    header_row, header = rows[0]
    layout = i18n.canonical(str(header.get(1, "")), among=("setting", "scenario"))
    if layout == "setting":
        _read_setting_rows(title, rows[1:], loaded)
    elif layout == "scenario":
        _read_scenario_rows(title, header_row, header, rows[1:], loaded)
    else:
        loaded.problems.append(
            Problem(
                sheet=title,
                row=header_row,
                cell=f"A{header_row}",
                message=i18n.t("reader.grid.layout"),
            )
        )
    return loaded


def _cell_place(sheet: str, row: int, column: int, header: str | None) -> GridPlace:
    return GridPlace(sheet, row=row, column=header, cell=f"{get_column_letter(column)}{row}")


def _read_setting_rows(
    sheet: str, rows: tuple[tuple[int, dict[int, object]], ...], loaded: WrittenGrid
) -> None:
    loaded.vary_place = GridPlace(sheet, row=rows[0][0] if rows else None)
    for number, values in rows:
        key = values.get(1)
        if not isinstance(key, str):
            loaded.problems.append(
                _cell_place(sheet, number, 1, "setting").problem(i18n.t("reader.grid.no_setting"))
            )
            continue
        if key in loaded.vary:
            loaded.problems.append(
                _cell_place(sheet, number, 1, "setting").problem(
                    i18n.t("reader.grid.twice", key=key)
                )
            )
            continue
        cells = [(c, v) for c, v in sorted(values.items()) if c > 1]
        if not cells:
            loaded.problems.append(
                _cell_place(sheet, number, 2, key).problem(i18n.t("reader.grid.no_values", key=key))
            )
            continue
        loaded.vary[key] = [(v, _cell_place(sheet, number, c, key)) for c, v in cells]


def _read_scenario_rows(
    sheet: str,
    header_row: int,
    header: dict[int, object],
    rows: tuple[tuple[int, dict[int, object]], ...],
    loaded: WrittenGrid,
) -> None:
    keys: dict[int, str] = {}
    for column, key in sorted(header.items()):
        if column == 1:
            continue
        text = str(key).strip()
        if text in keys.values():
            place = _cell_place(sheet, header_row, column, text)
            loaded.problems.append(place.problem(i18n.t("reader.grid.twice", key=text)))
        keys[column] = text
    for number, values in rows:
        name = values.get(1)
        entry = GridEntry(
            name=None if name is None else str(name), place=GridPlace(sheet, row=number)
        )
        for column, value in sorted(values.items()):
            if column == 1:
                continue
            if column not in keys:
                place = _cell_place(sheet, number, column, None)
                message = i18n.t("reader.grid.column_no_setting")
                loaded.problems.append(place.problem(message))
                continue
            entry.values[keys[column]] = (value, _cell_place(sheet, number, column, keys[column]))
        loaded.explicit.append(entry)
