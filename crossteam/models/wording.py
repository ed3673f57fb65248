"""How counts read in the messages and sheets people see: "1 team", "2 teams", never
"1 teams" or "team(s)"."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the words that go with it: ``counted(1, "team")`` is "1 team",
    ``counted(1200, "person", "people")`` is "1,200 people" (``plural`` defaults to the
    singular with an s; a verb may ride along: ``counted(n, "person is", "people are")``)."""
    if count == 1:
        return f"1 {singular}"
    return f"{count:,} {plural if plural is not None else singular + 's'}"
