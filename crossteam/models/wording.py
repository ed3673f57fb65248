"""How counts and rule violations read in the messages and sheets people see: "1 team",
"2 teams", never "1 teams" or "team(s)"; "must be a whole number", never "Input should be a
valid integer"."""

from __future__ import annotations

from typing import Final

from pydantic_core import ErrorDetails

from crossteam import i18n

_PLAIN: Final = {
    "missing": "missing",
    "int_parsing": "whole_number",
    "int_from_float": "whole_number",
    "int_type": "whole_number",
    "float_parsing": "number",
    "float_type": "number",
    "finite_number": "finite_number",
    "bool_parsing": "yes_no",
    "bool_type": "yes_no",
    "greater_than": "greater_than",
    "greater_than_equal": "at_least",
    "less_than": "less_than",
    "less_than_equal": "at_most",
}
"""Pydantic's error types worded plainly -> their message (``reader.validation.*``)."""


def describe_validation_error(error: ErrorDetails) -> str:
    """Plain wording for one pydantic error ("must be a whole number", not "Input should…")."""
    context = error.get("ctx", {})
    plain = _PLAIN.get(error["type"])
    if plain is None:
        return str(error["msg"])
    return i18n.t(f"reader.validation.{plain}", **{k: bound_text(v) for k, v in context.items()})


def bound_text(value: object) -> str:
    """A bound as a person reads it: 1000000 -> "1,000,000", 0.99 -> "0.99"."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.6g}" if abs(value) >= 1e6 else repr(float(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def runs(numbers: list[int]) -> list[str]:
    """Sorted (row) numbers as runs of consecutive ones: [9, 10, 11, 14] -> ["9-11", "14"]."""
    grouped: list[list[int]] = []
    for number in numbers:
        if grouped and number == grouped[-1][-1] + 1:
            grouped[-1].append(number)
        else:
            grouped.append([number])
    return [str(g[0]) if len(g) == 1 else f"{g[0]}-{g[-1]}" for g in grouped]
