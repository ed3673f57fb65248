"""Results of re-verifying a plan against every rule, independently of the solver."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class CheckResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule: str = Field(description="Rule group, e.g. 'team size' or 'host capacity'")
    subject: str = Field(default="", description="Team, employee, department or period checked")
    passed: bool
    detail: str = ""


class CheckReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    results: tuple[CheckResult, ...] = ()

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def failures(self) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if not r.passed)
