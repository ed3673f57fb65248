"""What the team and rotation modules share while one CP-SAT model is built.

Teams and rotations are planned in one model because they share the bridging term: a
department pair's gap weight is earned once, whichever team or rotation bridges it
first. Each module registers, per department pair, literals that imply "bridged", and
its own weighted objective terms; ``finish`` adds one ``covered`` boolean per pair.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.models import DepartmentName, DepartmentPairKey, PlanningInput, Problem, pair_key
from crossteam.models.limits import OBJECTIVE_LIMIT, OBJECTIVE_SCALE
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff

__all__ = ["ModelContext", "objective_reach"]


@dataclass
class ModelContext:
    instance: PlanningInput
    gap_weights: dict[DepartmentPairKey, float]
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    bridges: dict[DepartmentPairKey, list[cp_model.IntVar]] = field(
        default_factory=lambda: defaultdict(list)
    )
    objective_terms: dict[str, list[tuple[int, cp_model.LinearExprT]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    covered: dict[DepartmentPairKey, cp_model.IntVar] = field(default_factory=dict)
    cutoff: Cutoff = NO_CUTOFF
    """Heard between teams while the model is built: a very large one takes long."""

    def add_bridge(self, a: DepartmentName, b: DepartmentName, literal: cp_model.IntVar) -> None:
        """Register a literal that, when true, connects departments ``a`` and ``b``."""
        key = pair_key(a, b)
        if key in self.gap_weights:
            self.bridges[key].append(literal)

    def add_objective(self, part: str, weight: float, expr: cp_model.LinearExprT) -> None:
        """Add ``weight * expr`` (maximised) to the objective part named ``part``."""
        coefficient = round(weight * OBJECTIVE_SCALE)
        if abs(coefficient) > OBJECTIVE_LIMIT * OBJECTIVE_SCALE:  # CP-SAT would not take it
            raise _too_large(abs(coefficient))
        if coefficient:
            self.objective_terms[part].append((coefficient, expr))

    def objective(self, *parts: str) -> cp_model.LinearExprT:
        """The objective, or only its ``parts`` (scaled units, as the model holds it)."""
        return sum(
            c * e
            for part, terms in self.objective_terms.items()
            if not parts or part in parts
            for c, e in terms
        )

    def finish(self) -> None:
        """Create one ``covered`` boolean per bridgeable pair and set the objective."""
        weight = self.instance.settings.weight_bridging
        for key, literals in self.bridges.items():
            covered = self.model.new_bool_var(f"covered[{key[0]}|{key[1]}]")
            # covered only if some registered literal is true; counted once however many
            self.model.add_bool_or(literals).only_enforce_if(covered)
            self.covered[key] = covered
            self.add_objective("bridging", weight * self.gap_weights[key], covered)
        # Redundant, and linear: presolve turns the links above into clauses the LP
        # relaxation does not see, and the bound then counts every pair as covered. One
        # cut per gap weight, so that the LP cannot cover heavy pairs with light literals.
        by_weight: dict[float, list[DepartmentPairKey]] = defaultdict(list)
        for key in self.covered:
            by_weight[self.gap_weights[key]].append(key)
        for keys in by_weight.values():
            self.model.add(
                sum(self.covered[key] for key in keys)
                <= sum(lit for key in keys for lit in self.bridges[key])
            )
        self.model.maximize(self.objective())
        reach = objective_reach(self.model)
        if reach > OBJECTIVE_LIMIT * OBJECTIVE_SCALE:
            # the reader and the sweep grid refuse such weights first (models.extent); this
            # is the last word before CP-SAT would call the model invalid
            raise _too_large(reach)


def _too_large(reach: int) -> InputError:
    return InputError(
        [
            Problem(
                sheet=i18n.name("Settings"),
                message=i18n.t(
                    "checks.objective_too_large",
                    reach=reach / OBJECTIVE_SCALE,
                    limit=OBJECTIVE_LIMIT,
                ),
            )
        ]
    )


def objective_reach(model: cp_model.CpModel) -> int:
    """The largest magnitude ``model``'s objective can take, counted as CP-SAT counts it
    when it checks a model for overflow: each coefficient times its variable's largest
    magnitude, added up."""
    objective = model.proto.objective
    variables = model.proto.variables
    reach = abs(objective.offset)
    for ref, coefficient in zip(objective.vars, objective.coeffs, strict=True):
        domain = variables[ref if ref >= 0 else -ref - 1].domain
        # the proto's repeated fields do not index from the end: domain[-1] reads 0
        reach += abs(coefficient) * max(abs(domain[0]), abs(domain[len(domain) - 1]))
    return int(reach)
