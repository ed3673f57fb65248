"""Results of re-verifying a plan against every rule, independently of the solver."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from crossteam import i18n


class CheckResult(BaseModel):
    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    rule: str
    """Rule group, e.g. 'team size' or 'host capacity'"""
    subject: str = ""
    """Team, employee, department or period checked"""
    passed: bool
    detail: str = ""
    applicable: bool = True
    """False when the rule matches nobody (a value no one available holds, nobody rotating): it
    cannot fail, and is shown as n/a rather than pass"""

    @property
    def status(self) -> str:
        """``pass``, ``fail`` or ``n/a``, as the Checks sheet shows it."""
        return "n/a" if not self.applicable else "pass" if self.passed else "fail"

    @property
    def status_word(self) -> str:
        """The status in the current language: ``pass`` / 合格, ``fail`` / 不合格, ``n/a`` /
        対象外 (``status`` stays the same in every language, for code that compares it)."""
        word = "not_applicable" if not self.applicable else self.status
        return i18n.t(f"explain.check.{word}")


class CheckReport(BaseModel):
    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    results: tuple[CheckResult, ...] = ()

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def failures(self) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if not r.passed)

    @property
    def not_applicable(self) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if not r.applicable)
