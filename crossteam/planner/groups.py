"""Assumption literals per business-rule group, to explain a model that has no solution.

The planning model is built twice at most: once for the search, without these literals
(they would loosen it), and, only if that model is infeasible, once more with every rule
group enforced by its own literal. CP-SAT then names a set of groups that cannot hold
together (``solve.explain`` cuts it down), and their reasons are what the user reads.
"""

from __future__ import annotations

from ortools.sat.python import cp_model


class RuleGroups:
    """Hands out the enforcement literal of each rule group, keyed by its plain reason."""

    def __init__(self, model: cp_model.CpModel, *, explain: bool, name: str = "{}") -> None:
        """``name`` formats a literal's variable name from its reason."""
        self.model = model
        self.explain = explain
        self.name = name
        self.literals: dict[str, cp_model.IntVar] = {}

    def __call__(self, reason: str) -> list[cp_model.IntVar]:
        """Literals to pass to ``only_enforce_if``: none unless explaining."""
        if not self.explain:
            return []
        if reason not in self.literals:
            self.literals[reason] = self.model.new_bool_var(self.name.format(reason))
        return [self.literals[reason]]
