"""The blank input workbook (``crossteam template``), generated from ``schema``.

An Instructions sheet first (every sheet, column, rule word, mode word and setting, with
defaults and Japanese aliases), an Examples sheet with the schema's example rows of every
sheet (the reader never reads it), then every sheet of the contract, empty under bold
frozen headers, with dropdowns where the choices are known. Example rows left on those
sheets by an older template are refused by the reader (``reader`` module, examples).
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

from crossteam.io import schema
from crossteam.io.excel import BookWriter, Destination, append, display_width
from crossteam.models import RULE_TARGET, BalanceMode, ProgrammeKind, RuleKind, Settings
from crossteam.models.wording import bound_text

INSTRUCTIONS = "Instructions"
EXAMPLES = "Examples"
"""The sheet of example rows; ``reader.layout.NOTE_SHEETS`` has it, so it is never read."""
LAST_ROW = 1_048_576
"""Dropdowns cover the whole column below the header, however long the list grows."""

_KIND_FORMAT: dict[schema.Kind, str] = {
    schema.Kind.ID: "text (a number such as 123 is read as the text 123)",
    schema.Kind.TEXT: "text",
    schema.Kind.INT: "whole number",
    schema.Kind.NUMBER: "number",
    schema.Kind.FRACTION: "fraction 0-1 (80% is accepted)",
    schema.Kind.YES_NO: "yes/no (also y/n, true/false, 1/0, はい/いいえ)",
    schema.Kind.LEVEL: "whole number 1-5",
    schema.Kind.WEIGHT_OR_HARD: "number >= 0, or the word hard",
}

RULE_MEANINGS: dict[RuleKind, str] = {
    RuleKind.TOGETHER: (
        "placed in a team, in the same team as the target employee: both are placed, "
        "even when assign_everyone is no; both must be available, and people chained by "
        "together rules must fit in one team (else plan stops with exit code 1 and says why)"
    ),
    RuleKind.APART: ("never in the same team as the target employee (either may be in no team)"),
    RuleKind.IN_TEAM: (
        "placed in the target team (a spec name with count > 1: in one of its teams); "
        "must be available"
    ),
    RuleKind.NOT_IN_TEAM: (
        "not in the target team (a spec name: in none of its teams); may be in another "
        "team or in none"
    ),
    RuleKind.ROTATE_TO: (
        "does a rotation stint in the target department (needs a Periods sheet; must be "
        "available and rotation_eligible)"
    ),
    RuleKind.NOT_ROTATE_TO: "never rotates to the target department (may rotate elsewhere)",
    RuleKind.NO_ROTATION: "does not rotate at all (may still join a team)",
}

MODE_MEANINGS: dict[BalanceMode, str] = {
    BalanceMode.DIVERSIFY: (
        "each team's mix of values mirrors the whole pool's: a team of s members aims at "
        "share x s members of each value (share: the value's share of the available "
        "people). Hard: every value between that figure rounded down and rounded up; "
        "soft: each member above or below the aim (rounded) costs the weight"
    ),
    BalanceMode.CLUSTER: (
        "members share a value; a cell may list several values separated by commas, "
        "and sharing one is enough. Hard: every member shares one value; soft: each "
        "member outside the team's most shared value costs the weight"
    ),
    BalanceMode.BALANCE: (
        "the team mean of a numeric column stays close to the pool mean (of the available "
        "people). Hard: within half a standard deviation; soft: the distance costs the "
        "weight, per standard deviation and member"
    ),
    BalanceMode.NO_LONE: (
        "no team holds exactly one member with `value` (or with any single value when "
        "value is blank; case aside). Hard: never; soft: each such member costs the "
        "weight. A value no available employee has is refused when hard, warned about "
        "when soft"
    ),
    BalanceMode.DIFFERENT: (
        "no two members share a value (e.g. a previous_team column). Hard: never; soft: "
        "each member beyond the first with a value costs the weight"
    ),
}

KIND_MEANINGS: dict[ProgrammeKind, tuple[str, str, str]] = {
    ProgrammeKind.ROTATION: (
        "a department the person would like to rotate to (also 異動, ローテーション)",
        "the host department the person rotated to in that period",
        "Preferences: a plan that sends the person to a department they ranked earns its "
        "points. History: with repeat_host forbid (the default) nobody rotates to a "
        "department they visited; people who rotated less come first "
        "(weight_rotation_history)",
    ),
    ProgrammeKind.TEAM: (
        "a team, or a Teams row name with count > 1 for any team of it (also チーム)",
        "the team the person was in in that period (it need not exist any more)",
        "Preferences: a plan that places the person in a team they ranked earns its points. "
        "History: rows with the same period and team were teammates; repeat_teammates says "
        "whether they may share a team again (forbid, avoid: at a cost, allow)",
    ),
}

WISHES_NOTES = (
    "Preferences: rank 1 is a person's first choice, 2 the second, and so on; one person "
    "gives each rank once per kind, and names each target once per kind.",
    "A granted wish of rank r earns R + 1 - r points, R the largest rank anyone gave for "
    "that kind, times weight_preference: with the defaults, a first choice among three "
    "(3 points) is worth a tenth of one silent department pair bridged (30).",
    "History: what people did in earlier rounds, so that a plan does not repeat it. Its "
    "periods are ordered by date when every period is a date, else in the order they "
    "first appear; history_periods says how many of the latest count. Rows of people no "
    "longer on Employees are left out with one warning.",
)

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


def write_template(path: Destination) -> None:
    """Write the blank input workbook to ``path`` (overwriting it)."""
    book = BookWriter()
    setting_names = _write_instructions(book.sheet(INSTRUCTIONS))
    _write_examples(book.sheet(EXAMPLES))
    for sheet in schema.SHEETS:
        _write_sheet(book, book.sheet(sheet.name), sheet)
    _add_dropdowns(book.workbook, setting_names)
    book.save(path)


def _write_instructions(ws: Worksheet) -> str:
    """Fill the Instructions sheet; returns the range holding the setting names."""
    append(ws, ["crossteam input workbook"])
    ws["A1"].font = _TITLE
    for line in (
        "Fill in the sheets of this workbook, then check it with: crossteam validate FILE.xlsx",
        "Only Employees is required; a sheet you do not need can be left empty or deleted.",
        "Each sheet starts empty under its header: add your own rows (one per employee, team, "
        "rule...).",
        "The Examples sheet shows what rows look like; crossteam never reads it.",
        "An example employee left on Employees as it is (E001 Sato Hana) is refused, and so "
        "are the other examples left in with it.",
        "Headers and sheet names match case-insensitively, with spaces, hyphens and "
        "underscores alike (Employee ID = employee_id); one typed with a Cyrillic or Greek "
        "look-alike letter is read too, with a warning.",
        "The other names listed below (Japanese among them) are accepted too.",
        "Columns may be in any order; extra columns are kept, with a warning.",
        "Empty rows are skipped. Blank optional cells take their defaults.",
        "Hidden and filtered rows are read and planned like the others.",
        "Ids and names ignore invisible characters and full-/half-width forms (Ｅ００１ = E001).",
        "Ids that differ only in upper/lower case or look-alike letters are an error; a "
        "department spelled so is one department, with a warning naming both cells.",
    ):
        append(ws, [line])

    _section(ws, "Sheets", ("sheet", "required", "what it is for", "other names accepted"))
    for sheet in schema.SHEETS:
        append(
            ws, [sheet.name, _yes_no(sheet.required), sheet.description, _aliases(sheet.aliases)]
        )

    _section(
        ws, "Columns", ("sheet", "column", "required", "format", "meaning", "other names accepted")
    )
    for sheet in schema.SHEETS:
        for column in sheet.columns:
            append(
                ws,
                [
                    sheet.name,
                    column.name,
                    _yes_no(column.required),
                    _format(column),
                    column.description,
                    _aliases(column.aliases),
                ],
            )

    _section(ws, "Rules: the words of the rule column", ("rule", "target", "meaning"))
    for kind in RuleKind:
        append(ws, [kind.value, RULE_TARGET[kind] or "(none)", RULE_MEANINGS[kind]])

    _section(ws, "Balance: the words of the mode column", ("mode", "meaning"))
    for mode in BalanceMode:
        append(ws, [mode.value, MODE_MEANINGS[mode]])

    _write_wishes_section(ws)

    _section(ws, "Settings: the setting column", ("setting", "default", "meaning", "range"))
    first = ws.max_row + 1
    for name, field in Settings.model_fields.items():
        append(
            ws, [name, _default_text(field.default), field.description or "", _setting_range(field)]
        )
    setting_names = f"{quote_sheetname(INSTRUCTIONS)}!$A${first}:$A${ws.max_row}"

    # narrow enough to print one page wide at a readable size; long texts wrap
    for letter, width in zip("ABCDEF", (26, 20, 30, 40, 44, 24), strict=True):
        ws.column_dimensions[letter].width = width
    # Wrap table rows only: a title or a note line reads best flowing across the columns.
    for row in ws.iter_rows(min_row=2):
        if sum(cell.value is not None for cell in row) > 1:
            for cell in row:
                cell.alignment = _WRAP
    return setting_names


def _write_wishes_section(ws: Worksheet) -> None:
    """What the kind column of Preferences and History means, ranks and History's use."""
    _section(
        ws,
        "Preferences and History: the words of the kind column",
        ("kind", "Preferences target", "History target", "meaning"),
    )
    for kind in ProgrammeKind:
        append(ws, [kind.value, *KIND_MEANINGS[kind]])
    for line in WISHES_NOTES:
        append(ws, [line])


def _section(ws: Worksheet, title: str, headers: Sequence[str]) -> None:
    append(ws, [])
    append(ws, [title])
    ws.cell(ws.max_row, 1).font = _TITLE
    append(ws, list(headers))
    for cell in ws[ws.max_row]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL


def _write_examples(ws: Worksheet) -> None:
    """Every sheet's example rows under its name and headers, for reading only."""
    append(ws, [f"{EXAMPLES}: what the rows of each sheet look like"])
    ws["A1"].font = _TITLE
    append(
        ws,
        [
            "crossteam never reads this sheet. Write your own rows on the sheets named below; "
            "an example copied there and left as it is will be refused."
        ],
    )
    widths: dict[int, int] = {}
    for sheet in schema.SHEETS:
        append(ws, [])
        append(ws, [sheet.name])
        ws.cell(ws.max_row, 1).font = _HEADING
        append(ws, [column.name for column in sheet.columns])
        for cell in ws[ws.max_row]:
            cell.font = _BOLD
            cell.fill = _HEADER_FILL
        for example in sheet.examples:
            append(ws, list(example))
        for index, column in enumerate(sheet.columns, start=1):
            values = [column.name, *(example[index - 1] for example in sheet.examples)]
            widest = max(display_width(str(value)) for value in values)
            widths[index] = max(widths.get(index, 0), widest)
    for index, width in widths.items():
        ws.column_dimensions[get_column_letter(index)].width = max(width + 2, _MIN_WIDTH)


def _write_sheet(book: BookWriter, ws: Worksheet, sheet: schema.Sheet) -> None:
    """Headers (bold, frozen, with a note each) over an empty row, widths that fit them and
    their dropdown arrow, as an Excel table (banded rows, a filter button on each header)."""
    book.table(ws, sheet.name, [column.name for column in sheet.columns], [], style=INPUT_STYLE)
    for cell, column in zip(ws[1], sheet.columns, strict=True):
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.comment = Comment(_column_note(column), "crossteam", width=300, height=120)
    for index, column in enumerate(sheet.columns, start=1):
        # the writer adds its margin of 2 to the width it is given
        book.widen(ws, index, max(display_width(column.name) + _DROPDOWN_ROOM, _MIN_WIDTH) - 2)


def _column_note(column: schema.Column) -> str:
    required = "Required. " if column.required else ""
    aliases = f"\nAlso accepted: {_aliases(column.aliases)}" if column.aliases else ""
    return f"{required}{column.description}.\nFormat: {_format(column)}.{aliases}"


def _format(column: schema.Column) -> str:
    """How a column's cells are written, with the largest value where it is bounded."""
    if column.maximum is None:
        return _KIND_FORMAT[column.kind]
    if column.kind is schema.Kind.WEIGHT_OR_HARD:
        return f"number from 0 to {bound_text(column.maximum)}, or the word hard"
    return f"{_KIND_FORMAT[column.kind]}, at most {bound_text(column.maximum)}"


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
        return ", ".join(str(word.value) for word in words)
    if low is None:
        return "yes or no" if setting.annotation is bool else ""
    below = f"more than {low}" if "gt" in bounds else f"at least {low}"
    if "le" in bounds:
        return f"{low} to {bounds['le']}" if "ge" in bounds else f"{below}, up to {bounds['le']}"
    if "lt" in bounds:
        return f"{below}, below {bounds['lt']}"
    return f"{low} or more" if "ge" in bounds else below


def _add_dropdowns(workbook: Workbook, setting_names: str) -> None:
    """Dropdowns: closed word lists refuse other words; yes/no and names only warn, since
    the reader accepts y/n, true/false, ... and departments may come from Employees alone."""
    departments = _column_range(schema.DEPARTMENTS, "department")
    teams = _column_range(schema.TEAMS, "team")
    attributes = _inline_list(
        column.name for column in schema.EMPLOYEES.columns if column.kind is not schema.Kind.ID
    )
    for sheet in schema.SHEETS:
        ws = workbook[sheet.name]
        for index, column in enumerate(sheet.columns, start=1):
            choices = _choices(sheet, column, departments, teams, attributes, setting_names)
            if choices is None:
                continue
            source, strict = choices
            validation = DataValidation(
                type="list",
                formula1=source,
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop" if strict else "warning",
                errorTitle=column.name,
                error=f"{column.name}: {column.description}",
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
        return _inline_list(("yes", "no")), False
    if sheet is schema.RULES and column.name == "rule":
        return _inline_list(kind.value for kind in RuleKind), True
    if sheet in _KIND_SHEETS and column.name == "kind":  # Japanese words are read too
        return _inline_list(kind.value for kind in ProgrammeKind), False
    if sheet is schema.BALANCE and column.name == "mode":
        return _inline_list(mode.value for mode in BalanceMode), True
    if sheet is schema.BALANCE and column.name == "attribute":
        return attributes, False
    if sheet is schema.SETTINGS and column.name == "setting":
        return setting_names, True
    if sheet is not schema.DEPARTMENTS and column.name.startswith("department"):
        return departments, False
    if sheet is schema.TEAM_SKILLS and column.name == "team":
        return teams, False
    return None


_KIND_SHEETS = (schema.PREFERENCES, schema.HISTORY)


def _column_range(sheet: schema.Sheet, name: str) -> str:
    """The cells below the header of column ``name``, as the template lays it out."""
    letter = get_column_letter(sheet.columns.index(sheet.column(name)) + 1)
    return f"{quote_sheetname(sheet.name)}!${letter}$2:${letter}${LAST_ROW}"


def _inline_list(words: Iterable[str]) -> str:
    return '"' + ",".join(words) + '"'


def _aliases(aliases: Sequence[str]) -> str:
    return ", ".join(aliases)


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _default_text(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return _yes_no(value)
    return str(value)
