"""How well the departments match the network's own grouping.

Modularity of the department partition and the algebraic connectivity of the
department graph are computed here from the department blocks; Louvain communities
come from networkx and are compared with departments by normalised mutual information.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from crossteam.network.graph import EmployeeGraph, FloatArray, IntArray


def partition_modularity(tie_counts: FloatArray) -> float | None:
    """Newman modularity of the department partition of an unweighted graph.

    ``Q = sum_c (L_c / m - (d_c / 2m) ** 2)`` with ``L_c`` the ties inside department
    ``c``, ``d_c`` the summed degree of its people and ``m`` all ties (the same value as
    ``networkx.community.modularity(G, departments)``); None without ties.
    """
    upper = np.triu(tie_counts)
    total = float(upper.sum())
    if total == 0:
        return None
    inside = np.diag(tie_counts)
    # A department's degree sum: each inside tie counts twice, each outside tie once
    degree = inside + tie_counts.sum(axis=1)
    return float(np.sum(inside / total - (degree / (2 * total)) ** 2))


def louvain_labels(graph: EmployeeGraph, seed: int) -> IntArray:
    """Louvain community of every person (unweighted ties, networkx, seeded)."""
    network = nx.Graph()
    network.add_nodes_from(range(graph.people))
    network.add_edges_from(zip(graph.source.tolist(), graph.target.tolist(), strict=True))
    labels = np.zeros(graph.people, dtype=np.int64)
    for label, members in enumerate(nx.community.louvain_communities(network, seed=seed)):
        labels[list(members)] = label
    return labels


def _entropy(counts: FloatArray) -> float:
    shares = counts[counts > 0] / counts.sum()
    return float(-np.sum(shares * np.log(shares)))


def normalised_mutual_information(first: IntArray, second: IntArray) -> float:
    """NMI of two labelings, arithmetic normalisation: ``2 I(X;Y) / (H(X) + H(Y))``.

    1 when both put everyone in one group (nothing to disagree about).
    """
    _, x = np.unique(first, return_inverse=True)
    _, y = np.unique(second, return_inverse=True)
    joint = sp.coo_array((np.ones(len(x)), (x, y))).toarray()
    h_x = _entropy(joint.sum(axis=1))
    h_y = _entropy(joint.sum(axis=0))
    if h_x + h_y == 0:
        return 1.0
    mutual = h_x + h_y - _entropy(joint.ravel())
    return float(max(0.0, 2 * mutual / (h_x + h_y)))


def algebraic_connectivity(density: FloatArray) -> float:
    """Second-smallest Laplacian eigenvalue of the department graph.

    Edges are weighted by block density (``density`` is D x D, diagonal ignored), so a
    weakly tied pair holds the graph together less than a dense one. 0 when the graph
    is disconnected or has fewer than two departments.
    """
    d = density.shape[0]
    weights = density - np.diag(np.diag(density))
    if d < 2 or connected_components(sp.csr_array(weights), directed=False)[0] > 1:
        return 0.0
    laplacian = np.diag(weights.sum(axis=1)) - weights
    return float(max(0.0, np.linalg.eigvalsh(laplacian)[1]))
