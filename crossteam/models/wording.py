"""How counts and rule violations read in the messages and sheets people see: "1 team",
"2 teams", never "1 teams" or "team(s)"; "must be a whole number", never "Input should be a
valid integer"."""

from __future__ import annotations

from pydantic_core import ErrorDetails


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the words that go with it: ``counted(1, "team")`` is "1 team",
    ``counted(1200, "person", "people")`` is "1,200 people" (``plural`` defaults to the
    singular with an s; a verb may ride along: ``counted(n, "person is", "people are")``)."""
    if count == 1:
        return f"1 {singular}"
    return f"{count:,} {plural if plural is not None else singular + 's'}"


def describe_validation_error(error: ErrorDetails) -> str:
    """Plain wording for one pydantic error ("must be a whole number", not "Input should…")."""
    context = error.get("ctx", {})
    plain = {
        "missing": "is required",
        "int_parsing": "must be a whole number",
        "int_from_float": "must be a whole number",
        "int_type": "must be a whole number",
        "float_parsing": "must be a number",
        "float_type": "must be a number",
        "finite_number": "must be a finite number",
        "bool_parsing": "must be yes or no",
        "bool_type": "must be yes or no",
        "greater_than": "must be more than {gt}",
        "greater_than_equal": "must be at least {ge}",
        "less_than": "must be less than {lt}",
        "less_than_equal": "must be at most {le}",
    }
    template = plain.get(error["type"])
    if template is None:
        return str(error["msg"])
    return template.format(**{k: bound_text(v) for k, v in context.items()})


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
