"""crossteam's own exceptions. Library code raises these; ``cli`` maps them to exit codes."""

from __future__ import annotations

from collections.abc import Sequence

from crossteam import i18n
from crossteam.models.problems import Problem


class CrossteamError(Exception):
    """Base of every error crossteam raises on purpose."""


class InputError(CrossteamError):
    """The input cannot be used; ``problems`` lists every problem found (exit code 2)."""

    def __init__(self, problems: Sequence[Problem], warnings: Sequence[Problem] = ()) -> None:
        self.problems = tuple(problems)
        self.warnings = tuple(warnings)
        first = self.problems[0].render() if self.problems else i18n.t("reader.invalid_input")
        more = ""
        if len(self.problems) > 1:
            more = i18n.t("reader.and_more", count=len(self.problems) - 1)
        super().__init__(first + more)


class UnreadableFileError(InputError):
    """The file is not a workbook we can open safely: wrong format, damaged, or hostile."""

    def __init__(self, message: str) -> None:
        super().__init__([Problem(message=message)])


class OutputError(CrossteamError):
    """The output cannot be written (exists without --force, folder missing, read-only)."""
