"""The contract's JSON: ``audit --json``, ``plan --json`` (its metrics and a whole outcome)."""

import json

import pytest
from network_instances import four_departments, organisation

from crossteam.json_contract import audit_json, effect_json
from crossteam.models import Plan, SolveStatus, TeamAssignment
from crossteam.network import analyse, compare

CONTRACT_KEYS = {
    "employees",
    "departments",
    "interactions",
    "ei_index",
    "modularity",
    "gap_pairs",
    "per_department",
}
PER_DEPARTMENT_KEYS = {"department", "headcount", "internal_ties", "external_ties", "ei_index"}


def test_audit_json_has_the_contract_keys_with_the_report_values() -> None:
    figures = audit_json(analyse(four_departments()))
    assert set(figures) >= CONTRACT_KEYS
    assert (figures["employees"], figures["departments"], figures["interactions"]) == (8, 4, 9)
    assert figures["ei_index"] == pytest.approx(1 / 9)
    assert figures["modularity"] == pytest.approx(17 / 162)
    assert figures["gap_pairs"] == [["A", "D"], ["B", "D"], ["C", "D"]]
    assert [d["department"] for d in figures["per_department"]] == ["A", "B", "C", "D"]
    for department in figures["per_department"]:
        assert set(department) >= PER_DEPARTMENT_KEYS
    assert figures["per_department"][0]["ei_index"] == pytest.approx(0.2)
    assert figures["boundary_spanners"] == ["b1", "c2"]
    assert [p["employee_id"] for p in figures["single_points_of_failure"]] == ["a2", "b1", "c2"]


def test_audit_json_is_strict_json_even_when_figures_are_undefined() -> None:
    figures = audit_json(analyse(organisation({"X": ["x1"]}, has_interactions_sheet=False)))
    # No ties: E-I and modularity are null, never NaN (which JSON does not allow)
    text = json.dumps(figures, allow_nan=False)
    assert json.loads(text)["ei_index"] is None
    assert figures["has_interactions_sheet"] is False
    assert figures["notes"]


def test_effect_json_has_before_after_and_bridged_pairs() -> None:
    instance = four_departments()
    plan = Plan(status=SolveStatus.OPTIMAL, teams=(TeamAssignment(team="T", members=("a1", "d1")),))
    figures = effect_json(compare(instance, plan))
    assert set(figures["before"]) >= CONTRACT_KEYS
    assert set(figures["after"]) >= CONTRACT_KEYS
    assert figures["before"]["gap_pairs"] == [["A", "D"], ["B", "D"], ["C", "D"]]
    assert figures["after"]["gap_pairs"] == [["B", "D"], ["C", "D"]]
    [bridged] = figures["bridged_pairs"]
    assert (bridged["department_a"], bridged["department_b"], bridged["teams"]) == ("A", "D", ["T"])
    json.dumps(figures, allow_nan=False)
