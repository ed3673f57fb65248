"""The blank input workbook (``crossteam template``), generated from ``schema``.

An Instructions sheet first (every sheet, column, rule word, mode word and setting, with
defaults and Japanese aliases), an Examples sheet with the schema's example rows of every
sheet (the reader never reads it), then every sheet of the contract, empty under bold
frozen headers, with dropdowns where the choices are known. Example rows left on those
sheets by an older template are refused by the reader (``reader`` module, examples).

Written in the current language (``crossteam template --lang ja``): in Japanese every sheet
name, header, instruction and dropdown word is the catalogue's (``i18n.name``, ``i18n.t``),
and the English names are listed among the other names accepted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic.fields import FieldInfo

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.excel import BookWriter, Destination, append
from crossteam.models import RULE_TARGET, BalanceMode, ProgrammeKind, RuleKind, Settings
from crossteam.models.wording import bound_text

INSTRUCTIONS = "Instructions"
EXAMPLES = "Examples"
"""The sheet of example rows; ``reader.layout.NOTE_SHEETS`` has it, so it is never read."""
LAST_ROW = 1_048_576
"""Dropdowns cover the whole column below the header, however long the list grows."""

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADING = Font(bold=True, size=12)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_MIN_WIDTH = 12
_DROPDOWN_ROOM = 4
"""A header's dropdown arrow, and a margin."""
INPUT_STYLE = "TableStyleLight9"
"""The input sheets' table style: lighter than the output's, a form to fill in."""
_INSTRUCTION_WIDTHS = {
    i18n.Language.EN: (26, 20, 30, 40, 44, 24),
    i18n.Language.JA: (34, 20, 30, 40, 44, 24),
}
"""Instructions columns, narrow enough to print one page wide at a readable size (long
texts wrap); in Japanese the first is wide enough for the longest setting name."""
_GUIDE = (
    "fill_in",
    "only_employees",
    "starts_empty",
    "examples",
    "example_refused",
    "matching",
    "other_names",
    "columns",
    "empty_rows",
    "hidden_rows",
    "widths",
    "case",
)
"""The Instructions' opening lines (``template.guide.*``), in order."""
_WISHES_NOTES = ("ranks", "points", "history")
_KIND_SHEETS = (schema.PREFERENCES, schema.HISTORY)


def write_template(path: Destination) -> None:
    """Write the blank input workbook to ``path`` (overwriting it), in the current
    language."""
    book = BookWriter()
    setting_names = _write_instructions(book.sheet(i18n.name(INSTRUCTIONS)))
    _write_examples(book.sheet(i18n.name(EXAMPLES)))
    for sheet in schema.SHEETS:
        _write_sheet(book, book.sheet(i18n.name(sheet.name)), sheet)
    _add_dropdowns(book.workbook, setting_names)
    book.save(path)


def _write_instructions(ws: Worksheet) -> str:
    """Fill the Instructions sheet; returns the range holding the setting names."""
    append(ws, [i18n.t("template.title")])
    ws["A1"].font = _TITLE
    for line in _GUIDE:
        append(ws, [i18n.t(f"template.guide.{line}")])
    _write_sheets_section(ws)
    _write_columns_section(ws)

    _section(ws, "rules", ("rule", "target", "meaning"))
    for kind in RuleKind:
        target = RULE_TARGET[kind]
        shown = i18n.t(f"template.target.{target}") if target else i18n.t("template.none")
        append(ws, [i18n.name(kind.value), shown, i18n.t(f"template.rule.{kind.value}")])

    _section(ws, "modes", ("mode", "meaning"))
    for mode in BalanceMode:
        append(ws, [i18n.name(mode.value), i18n.t(f"template.mode.{mode.value}")])

    _write_wishes_section(ws)

    _section(ws, "settings", ("setting", "default", "meaning", "range"))
    first = ws.max_row + 1
    for name, field in Settings.model_fields.items():
        meaning = i18n.t(f"template.setting.{name}")
        append(ws, [i18n.name(name), _default_text(field.default), meaning, _setting_range(field)])
    setting_names = f"{quote_sheetname(ws.title)}!$A${first}:$A${ws.max_row}"

    for letter, width in zip("ABCDEF", _INSTRUCTION_WIDTHS[i18n.current()], strict=True):
        ws.column_dimensions[letter].width = width
    # Wrap table rows only: a title or a note line reads best flowing across the columns.
    for row in ws.iter_rows(min_row=2):
        if sum(cell.value is not None for cell in row) > 1:
            for cell in row:
                cell.alignment = _WRAP
    return setting_names


def _write_sheets_section(ws: Worksheet) -> None:
    _section(ws, "sheets", ("sheet", "required", "purpose", "other_names"))
    for sheet in schema.SHEETS:
        append(
            ws,
            [
                i18n.name(sheet.name),
                _yes_no(sheet.required),
                sheet.description,
                _other_names(sheet.name, sheet.aliases),
            ],
        )


def _write_columns_section(ws: Worksheet) -> None:
    _section(ws, "columns", ("sheet", "column", "required", "format", "meaning", "other_names"))
    for sheet in schema.SHEETS:
        for column in sheet.columns:
            append(
                ws,
                [
                    i18n.name(sheet.name),
                    i18n.name(column.name),
                    _yes_no(column.required),
                    _format(column),
                    sheet.describe(column),
                    _other_names(column.name, column.aliases),
                ],
            )


def _write_wishes_section(ws: Worksheet) -> None:
    """What the kind column of Preferences and History means, ranks and History's use."""
    _section(ws, "kinds", ("kind", "preferences_target", "history_target", "meaning"))
    for kind in ProgrammeKind:
        append(
            ws,
            [
                i18n.name(kind.value),
                *(i18n.t(f"template.kind.{kind.value}.{part}") for part in _KIND_PARTS),
            ],
        )
    for line in _WISHES_NOTES:
        append(ws, [i18n.t(f"template.wishes.{line}")])


_KIND_PARTS = ("preferences", "history", "meaning")


def _section(ws: Worksheet, title: str, headers: Sequence[str]) -> None:
    """A titled table: ``template.heading.<title>`` over ``template.header.<each>``."""
    append(ws, [])
    append(ws, [i18n.t(f"template.heading.{title}")])
    ws.cell(ws.max_row, 1).font = _TITLE
    append(ws, [i18n.t(f"template.header.{header}") for header in headers])
    for cell in ws[ws.max_row]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL


def _write_examples(ws: Worksheet) -> None:
    """Every sheet's example rows under its name and headers, for reading only."""
    append(ws, [i18n.t("template.examples.title", sheet=ws.title)])
    ws["A1"].font = _TITLE
    append(ws, [i18n.t("template.examples.never_read")])
    widths: dict[int, int] = {}
    for sheet in schema.SHEETS:
        append(ws, [])
        append(ws, [i18n.name(sheet.name)])
        ws.cell(ws.max_row, 1).font = _HEADING
        headers = [i18n.name(column.name) for column in sheet.columns]
        append(ws, headers)
        for cell in ws[ws.max_row]:
            cell.font = _BOLD
            cell.fill = _HEADER_FILL
        examples = sheet.shown_examples()
        for example in examples:
            append(ws, list(example))
        for index, header in enumerate(headers, start=1):
            values = [header, *(example[index - 1] for example in examples)]
            widest = max(i18n.width(str(value)) for value in values)
            widths[index] = max(widths.get(index, 0), widest)
    for index, width in widths.items():
        ws.column_dimensions[get_column_letter(index)].width = max(width + 2, _MIN_WIDTH)


def _write_sheet(book: BookWriter, ws: Worksheet, sheet: schema.Sheet) -> None:
    """Headers (bold, frozen, with a note each) over an empty row, widths that fit them and
    their dropdown arrow, as an Excel table (banded rows, a filter button on each header)."""
    headers = [i18n.name(column.name) for column in sheet.columns]
    book.table(ws, sheet.name, headers, [], style=INPUT_STYLE)
    for cell, column in zip(ws[1], sheet.columns, strict=True):
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.comment = Comment(_column_note(sheet, column), "crossteam", width=300, height=120)
    for index, header in enumerate(headers, start=1):
        # the writer adds its margin of 2 to the width it is given
        book.widen(ws, index, max(i18n.width(header) + _DROPDOWN_ROOM, _MIN_WIDTH) - 2)


def _column_note(sheet: schema.Sheet, column: schema.Column) -> str:
    others = _other_names(column.name, column.aliases)
    return i18n.t(
        "template.note.column",
        required=i18n.t("template.note.required") if column.required else "",
        meaning=sheet.describe(column),
        format=_format(column),
        aliases=i18n.t("template.note.also", names=others) if others else "",
    )


def _format(column: schema.Column) -> str:
    """How a column's cells are written, with the largest value where it is bounded."""
    shown = i18n.t(f"template.format.{column.kind.value}")
    if column.maximum is None:
        return shown
    most = bound_text(column.maximum)
    if column.kind is schema.Kind.WEIGHT_OR_HARD:
        return i18n.t("template.format.weight_at_most", most=most)
    return i18n.t("template.format.at_most", format=shown, most=most)


def _setting_range(setting: FieldInfo) -> str:
    """A setting's bounds in words: ``0 to 1,000,000``, ``more than 0, up to 604,800``."""
    bounds: dict[str, str] = {}
    for constraint in setting.metadata:
        for name in ("ge", "gt", "le", "lt"):
            if (value := getattr(constraint, name, None)) is not None:
                bounds[name] = bound_text(value)
    low = bounds.get("ge", bounds.get("gt"))
    words = setting.annotation
    if isinstance(words, type) and issubclass(words, Enum):
        return i18n.listed(i18n.name(str(word.value)) for word in words)
    if low is None:
        return i18n.t("template.range.yes_or_no") if setting.annotation is bool else ""
    if "gt" in bounds:
        below = i18n.t("template.range.more_than", low=low)
    else:
        below = i18n.t("template.range.at_least", low=low)
    if "le" in bounds:
        if "ge" in bounds:
            return i18n.t("template.range.between", low=low, high=bounds["le"])
        return i18n.t("template.range.up_to", low=below, high=bounds["le"])
    if "lt" in bounds:
        return i18n.t("template.range.below", low=below, high=bounds["lt"])
    return i18n.t("template.range.or_more", low=low) if "ge" in bounds else below


def _add_dropdowns(workbook: Workbook, setting_names: str) -> None:
    """Dropdowns: closed word lists refuse other words; yes/no and names only warn, since
    the reader accepts y/n, true/false, ... and departments may come from Employees alone."""
    departments = _column_range(schema.DEPARTMENTS, "department")
    teams = _column_range(schema.TEAMS, "team")
    attributes = _inline_list(
        i18n.name(column.name)
        for column in schema.EMPLOYEES.columns
        if column.kind is not schema.Kind.ID and column.name not in schema.CONTACT_COLUMNS
    )
    for sheet in schema.SHEETS:
        ws = workbook[i18n.name(sheet.name)]
        for index, column in enumerate(sheet.columns, start=1):
            choices = _choices(sheet, column, departments, teams, attributes, setting_names)
            if choices is None:
                continue
            source, strict = choices
            shown = i18n.name(column.name)
            validation = DataValidation(
                type="list",
                formula1=source,
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop" if strict else "warning",
                errorTitle=shown,
                error=i18n.t(
                    "template.dropdown.error", column=shown, meaning=sheet.describe(column)
                ),
            )
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            ws.add_data_validation(validation)


def _choices(
    sheet: schema.Sheet,
    column: schema.Column,
    departments: str,
    teams: str,
    attributes: str,
    setting_names: str,
) -> tuple[str, bool] | None:
    """The list source of a column's dropdown and whether other values are refused."""
    if column.kind is schema.Kind.YES_NO:
        return _words(("yes", "no")), False
    if sheet is schema.RULES and column.name == "rule":
        return _words(kind.value for kind in RuleKind), True
    if sheet in _KIND_SHEETS and column.name == "kind":  # other words are read too
        return _words(kind.value for kind in ProgrammeKind), False
    if sheet is schema.BALANCE and column.name == "mode":
        return _words(mode.value for mode in BalanceMode), True
    if sheet is schema.BALANCE and column.name == "attribute":
        return attributes, False
    if sheet is schema.SETTINGS and column.name == "setting":
        return setting_names, True
    if sheet is not schema.DEPARTMENTS and column.name.startswith("department"):
        return departments, False
    if sheet is schema.TEAM_SKILLS and column.name == "team":
        return teams, False
    return None


def _column_range(sheet: schema.Sheet, name: str) -> str:
    """The cells below the header of column ``name``, as the template lays it out."""
    letter = get_column_letter(sheet.columns.index(sheet.column(name)) + 1)
    return f"{quote_sheetname(i18n.name(sheet.name))}!${letter}$2:${letter}${LAST_ROW}"


def _words(names: Iterable[str]) -> str:
    """A dropdown of the words ``names`` (their English), in the current language."""
    return _inline_list(i18n.name(name) for name in names)


def _inline_list(words: Iterable[str]) -> str:
    return '"' + ",".join(words) + '"'


def _other_names(name: str, aliases: Sequence[str]) -> str:
    """Every name a sheet or column is read by, but the one the template shows it by."""
    shown = schema.match_key(i18n.name(name))
    return ", ".join(n for n in (name, *aliases) if schema.match_key(n) != shown)


def _yes_no(flag: bool) -> str:
    return i18n.name("yes" if flag else "no")


def _default_text(value: object) -> str:
    if value is None:
        return i18n.t("template.none")
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, Enum):
        return i18n.name(str(value.value))
    return str(value)
