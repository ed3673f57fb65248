"""Modularity, Louvain vs departments, and algebraic connectivity."""

import math

import networkx as nx
import numpy as np
import pytest
from network_instances import four_departments, karate, organisation

from crossteam.network.gaps import block_density
from crossteam.network.graph import build_graph
from crossteam.network.partition import (
    algebraic_connectivity,
    louvain_labels,
    normalised_mutual_information,
    partition_modularity,
)


def test_modularity_by_hand() -> None:
    # FOUR_DEPARTMENTS: m = 9 ties; inside A 2, B 1, C 1, D 0; degree sums
    # A 2x2 + 3 = 7, B 2x1 + 4 = 6, C 2x1 + 3 = 5, D 0.
    # Q = (2 + 1 + 1) / 9 - (7^2 + 6^2 + 5^2) / 18^2 = 144/324 - 110/324 = 17/162
    graph = build_graph(four_departments())
    assert partition_modularity(graph.tie_counts) == pytest.approx(17 / 162)


def test_modularity_equals_networkx_on_the_karate_club() -> None:
    network, instance = karate()
    factions = [
        {v for v in network if network.nodes[v]["club"] == c} for c in ("Mr. Hi", "Officer")
    ]
    expected = nx.community.modularity(network, factions, weight=None)
    ours = partition_modularity(build_graph(instance).tie_counts)
    assert ours == pytest.approx(expected, abs=1e-12)


def test_modularity_without_ties_is_undefined() -> None:
    graph = build_graph(organisation({"X": ["x1"], "Y": ["y1"]}))
    assert partition_modularity(graph.tie_counts) is None


def test_nmi_by_hand() -> None:
    same = np.array([0, 0, 1, 1])
    assert normalised_mutual_information(same, np.array([5, 5, 7, 7])) == pytest.approx(1.0)
    # Independent labelings share no information
    assert normalised_mutual_information(same, np.array([0, 1, 0, 1])) == pytest.approx(0.0)
    # X = [0,0,1,1], Y = [0,0,0,1]: H(X) = ln 2; H(Y) = -(3/4 ln 3/4 + 1/4 ln 1/4);
    # joint cells 2,1,1 of 4: H(X,Y) = 1.5 ln 2; NMI = 2 (H(X) + H(Y) - H(X,Y)) / (H(X) + H(Y))
    h_x = math.log(2)
    h_y = -(0.75 * math.log(0.75) + 0.25 * math.log(0.25))
    expected = 2 * (h_x + h_y - 1.5 * math.log(2)) / (h_x + h_y)
    assert normalised_mutual_information(same, np.array([0, 0, 0, 1])) == pytest.approx(expected)
    # Everyone in one group on both sides: nothing to disagree about
    assert normalised_mutual_information(np.zeros(3), np.zeros(3)) == 1.0


def test_louvain_finds_two_cliques_joined_by_one_tie_as_the_two_departments() -> None:
    left = [f"l{i}" for i in range(5)]
    right = [f"r{i}" for i in range(5)]
    ties = [(a, b) for group in (left, right) for i, a in enumerate(group) for b in group[i + 1 :]]
    instance = organisation({"Left": left, "Right": right}, [*ties, ("l0", "r0")])
    graph = build_graph(instance)
    labels = louvain_labels(graph, seed=0)
    assert len(set(labels.tolist())) == 2
    assert normalised_mutual_information(labels, graph.department_of) == pytest.approx(1.0)


def test_algebraic_connectivity_of_a_path_of_departments_by_hand() -> None:
    # P (2 people) - Q - R (1 each): densities P-Q 1/2 (p1q1), Q-R 1 (q1r1).
    # Laplacian of a 3-node path with weights x, y has eigenvalues 0 and
    # x + y -/+ sqrt(x^2 - xy + y^2): 1.5 - sqrt(0.75).
    instance = organisation(
        {"P": ["p1", "p2"], "Q": ["q1"], "R": ["r1"]}, [("p1", "q1"), ("q1", "r1")]
    )
    density = block_density(build_graph(instance))
    assert algebraic_connectivity(density) == pytest.approx(1.5 - math.sqrt(0.75))


def test_algebraic_connectivity_equals_networkx_on_the_department_graph() -> None:
    density = block_density(build_graph(four_departments(), extra_ties=[("c1", "d1")]))
    graph = nx.Graph()
    for a in range(4):
        for b in range(a + 1, 4):
            if density[a, b] > 0:
                graph.add_edge(a, b, weight=density[a, b])
    expected = nx.algebraic_connectivity(graph, weight="weight", method="lanczos", tol=1e-12)
    assert algebraic_connectivity(density) == pytest.approx(expected, rel=1e-6)


def test_algebraic_connectivity_is_zero_when_a_department_is_cut_off() -> None:
    # D in FOUR_DEPARTMENTS talks to no one
    assert algebraic_connectivity(block_density(build_graph(four_departments()))) == 0.0
