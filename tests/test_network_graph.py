"""The employee graph: nodes for everyone, ties summed, department blocks counted."""

import numpy as np
from network_instances import four_departments, organisation

from crossteam.network.graph import build_graph


def test_everyone_is_a_node_and_departments_are_sorted() -> None:
    graph = build_graph(four_departments())
    assert graph.people == 8
    assert graph.departments == ("A", "B", "C", "D")
    # d1 has no tie but is still a node, in department D (index 3)
    assert graph.employee_ids[-1] == "d1"
    assert graph.department_of[-1] == 3


def test_repeated_ties_in_either_order_add_up_and_self_ties_are_dropped() -> None:
    instance = organisation({"X": ["x1", "x2"]}, [("x1", "x2", 2.0), ("x2", "x1", 1.5)])
    graph = build_graph(instance, extra_ties=[("x2", "x1"), ("x1", "x1")])
    assert graph.ties == 1
    # 2 + 1.5 from the sheet, 1 from the extra tie; the self-tie is gone
    assert graph.weight.tolist() == [4.5]


def test_block_counts_hold_tied_pairs_and_weights_per_department_pair() -> None:
    graph = build_graph(four_departments())
    # By hand from FOUR_TIES: A-A a1a2 a2a3; A-B a1b1 a3b1; A-C a2c2; B-B b1b2;
    # B-C b2c1 c2b1; C-C c1c2; nothing with D
    expected = np.array([[2, 2, 1, 0], [2, 1, 2, 0], [1, 2, 1, 0], [0, 0, 0, 0]])
    assert np.array_equal(graph.tie_counts, expected)
    # weights: A-A 2 + 1, A-B 3 + 1
    assert graph.weight_totals[0, 0] == 3.0
    assert graph.weight_totals[0, 1] == graph.weight_totals[1, 0] == 4.0


def test_person_department_ties_count_the_people_of_each_department_tied_to() -> None:
    graph = build_graph(four_departments())
    b1 = graph.employee_ids.index("b1")
    # b1 is tied to a1, a3 (A), b2 (B) and c2 (C)
    assert graph.person_department_ties[[b1], :].toarray().tolist() == [[2, 1, 1, 0]]


def test_an_organisation_without_ties_has_empty_blocks() -> None:
    graph = build_graph(organisation({"X": ["x1"], "Y": ["y1"]}, has_interactions_sheet=False))
    assert graph.ties == 0
    assert not graph.tie_counts.any()
