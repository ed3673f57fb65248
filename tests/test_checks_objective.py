"""The objective counted from a plan's member lists equals the solver's, term by term."""

from __future__ import annotations

import pytest
from instances import network_report, random_company
from solving import by_work, solved

from crossteam.checks.objective import team_objective_terms
from crossteam.models import BalanceMode, BalanceRule

RULES = (
    BalanceRule(attribute="department", mode=BalanceMode.DIVERSIFY, weight=1.0),
    BalanceRule(attribute="location", mode=BalanceMode.NO_LONE, weight=0.5),
    BalanceRule(attribute="role", mode=BalanceMode.DIFFERENT, weight=0.25),
    BalanceRule(attribute="location", mode=BalanceMode.CLUSTER, weight=0.1),
)


@pytest.mark.parametrize("seed", range(4))
def test_counted_objective_equals_the_solvers_on_optimal_plans(seed: int) -> None:
    # optimal plans, so that no term is left below what the members earn (a deviation
    # variable above its least value, a depth level left uncounted)
    base = random_company(60, 8, 3, seed=seed, team_size=(3, 5), skill_needs=2)
    instance = base.model_copy(update={"balance_rules": RULES[: seed + 1]})
    plan = solved(instance, by_work(2.0, rotation=False))
    assert plan.status.value == "optimal"
    counted = team_objective_terms(instance, network_report(instance).gap_weights(), plan)
    for term, value in plan.objective_terms.items():
        assert counted[term] == pytest.approx(value), term
    assert sum(counted.values()) == pytest.approx(plan.objective)
    assert counted["bridging"] > 0 and counted["diversity"] > 0
