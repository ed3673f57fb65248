"""Vectorised betweenness and constraint: hand-worked graphs and networkx's own values."""

import random

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from crossteam.network import centrality


def _adjacency(graph: nx.Graph, weight: str | None = None) -> sp.csr_array:
    return sp.csr_array(nx.to_scipy_sparse_array(graph, nodelist=sorted(graph), weight=weight))


def test_betweenness_of_a_path_and_a_star_by_hand() -> None:
    # Path 0-1-2-3: node 1 lies on the shortest paths 0-2 and 0-3, node 2 on 0-3 and 1-3;
    # normalised by the (n-1)(n-2)/2 = 3 pairs that exclude the node: 2/3 each, ends 0.
    path = centrality.betweenness(_adjacency(nx.path_graph(4)))
    assert path.tolist() == pytest.approx([0, 2 / 3, 2 / 3, 0])
    # Star: the centre is on all 3 leaf-leaf paths, 3/3 = 1
    star = centrality.betweenness(_adjacency(nx.star_graph(3)))
    assert star.tolist() == pytest.approx([1, 0, 0, 0])


def test_betweenness_splits_between_equal_shortest_paths() -> None:
    # Square 0-1-2-3-0: 0 and 2 are joined by two shortest paths (via 1, via 3), so 1 gets
    # half of one pair: 0.5 / ((4-1)(4-2)/2) = 1/6, and so does every node by symmetry.
    square = centrality.betweenness(_adjacency(nx.cycle_graph(4)))
    assert square.tolist() == pytest.approx([1 / 6] * 4)


@pytest.mark.parametrize(
    "graph",
    [
        nx.karate_club_graph(),
        nx.gnm_random_graph(60, 150, seed=1),
        nx.gnm_random_graph(80, 60, seed=3),  # several components and isolated nodes
    ],
    ids=["karate", "random", "disconnected"],
)
def test_exact_betweenness_equals_networkx(
    graph: nx.Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small batches, so the sources are split over several batches as on large graphs
    monkeypatch.setattr(centrality, "_BATCH_CELLS", 7 * graph.number_of_nodes())
    expected = nx.betweenness_centrality(graph)
    ours = centrality.betweenness(_adjacency(graph))
    assert ours.tolist() == pytest.approx([expected[v] for v in sorted(graph)], abs=1e-12)


def test_sampled_betweenness_equals_networkx_with_the_same_sources() -> None:
    graph = nx.karate_club_graph()
    # networkx draws its k sources with random.Random(seed).sample over the nodes
    sources = random.Random(7).sample(list(graph), 10)
    expected = nx.betweenness_centrality(graph, k=10, seed=7)
    ours = centrality.betweenness(_adjacency(graph), np.array(sources))
    assert ours.tolist() == pytest.approx([expected[v] for v in sorted(graph)], abs=1e-12)


def test_constraint_by_hand() -> None:
    # Star, centre with 3 leaves: centre p = 1/3 to each, no indirect path: 3 x (1/3)^2;
    # a leaf puts everything in the centre: 1.
    star = centrality.constraint(_adjacency(nx.star_graph(3), "weight"))
    assert star.tolist() == pytest.approx([1 / 3, 1, 1, 1])
    # Triangle: p = 1/2 direct plus 1/2 x 1/2 through the third node: 2 x (3/4)^2 = 9/8
    triangle = centrality.constraint(_adjacency(nx.complete_graph(3), "weight"))
    assert triangle.tolist() == pytest.approx([9 / 8] * 3)
    # Weighted path a-b-c with weights 1 and 3: b has p = 1/4 and 3/4: 1/16 + 9/16
    path = nx.Graph([(0, 1, {"weight": 1.0}), (1, 2, {"weight": 3.0})])
    assert centrality.constraint(_adjacency(path, "weight"))[1] == pytest.approx(10 / 16)


def test_constraint_of_a_person_without_ties_is_undefined() -> None:
    graph = nx.Graph([(0, 1)])
    graph.add_node(2)
    assert np.isnan(centrality.constraint(_adjacency(graph, "weight"))[2])


@pytest.mark.parametrize("weight", [None, "weight"])
def test_constraint_equals_networkx_on_the_karate_club(
    weight: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(centrality, "_CONSTRAINT_ROWS", 5)
    graph = nx.karate_club_graph()
    expected = nx.constraint(graph, weight=weight)
    ours = centrality.constraint(_adjacency(graph, weight))
    assert ours.tolist() == pytest.approx([expected[v] for v in sorted(graph)], abs=1e-12)
