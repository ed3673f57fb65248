"""The interaction graph of a synthetic company: dense inside departments, silent between
departments far apart on the map of the organisation."""

from __future__ import annotations

import numpy as np

from crossteam.synthetic.organisation import Organisation

InteractionRow = tuple[str, str, int]


# The interaction graph. A person's expected ties inside the department are
# min(INTERNAL_DENSITY * (size - 1), INTERNAL_DEGREE); ties to other departments are
# CROSS_SHARE of that (at least MIN_CROSS_DEGREE), and go only to the departments nearest
# on the map, so that far-apart departments stay genuinely silent.
INTERNAL_DENSITY = 0.7
INTERNAL_DEGREE = 22.0
CROSS_SHARE = 0.5
MIN_CROSS_DEGREE = 4.0
MAX_CROSS_DENSITY = 0.5
MAX_NEIGHBOURS = 6
# Ties to other departments concentrate on a few boundary spanners, heads among them:
# each person's share is drawn from a log-normal of this spread.
OUTREACH_SPREAD = 0.8
HEAD_OUTREACH = 3.0
# times (department size / CORE_SIZE) ** PERIPHERY for departments smaller than CORE_SIZE,
# so that the small departments of the periphery have few outside ties. Each tie goes to
# another department with a pull of its size ** CORE_PULL times exp(-distance / REACH)
# on the map, so that the large departments of the core are tied to each other.
CROSS_TIES = 6.0
CORE_SIZE = 20
PERIPHERY = 0.5
CORE_PULL = 1.0
REACH = 0.35


def _inside(
    rng: np.random.Generator,
    people: np.ndarray,
    degree: float,
    ends_a: list[np.ndarray],
    ends_b: list[np.ndarray],
    weights: list[np.ndarray],
) -> None:
    """Draw the ties inside one department of ``people`` (each pair tied with the chance
    that gives ``degree`` ties per person, weights 1-5) onto the three lists."""
    size = len(people)
    pairs = size * (size - 1) // 2
    chosen = rng.choice(pairs, rng.binomial(pairs, degree / (size - 1)), replace=False)
    first, second = _triangle_pair(chosen)
    ends_a.append(people[first])
    ends_b.append(people[second])
    weights.append(np.minimum(rng.geometric(0.45, len(chosen)), 5))


def classic_ties(rng: np.random.Generator, org: Organisation) -> list[InteractionRow]:
    """Ties: a random graph per department, and between nearby departments only."""
    sizes = np.array([len(m) for m in org.members])
    internal_degree = np.minimum(INTERNAL_DENSITY * (sizes - 1), INTERNAL_DEGREE)
    cross_degree = np.maximum(CROSS_SHARE * internal_degree, MIN_CROSS_DEGREE)
    ends_a: list[np.ndarray] = []
    ends_b: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for people, degree in zip(org.members, internal_degree, strict=True):
        _inside(rng, people, degree, ends_a, ends_b, weights)
    outreach = rng.lognormal(0.0, OUTREACH_SPREAD, org.size)
    outreach[org.heads] *= HEAD_OUTREACH
    for (d, e), expected in _expected_cross_ties(org, sizes, cross_degree).items():
        pairs = int(sizes[d] * sizes[e])
        density = min(MAX_CROSS_DENSITY, expected / pairs)
        first, second = _spanning_ties(
            rng, org.members[d], org.members[e], outreach, rng.binomial(pairs, density)
        )
        ends_a.append(first)
        ends_b.append(second)
        weights.append(np.minimum(rng.geometric(0.65, len(first)), 5))
    a, b = np.concatenate(ends_a), np.concatenate(ends_b)
    low, high = np.minimum(a, b), np.maximum(a, b)
    order = np.lexsort((high, low))
    ids = org.ids
    return [
        (ids[x], ids[y], w)
        for x, y, w in zip(
            low[order].tolist(),
            high[order].tolist(),
            np.concatenate(weights)[order].tolist(),
            strict=True,
        )
    ]


def realistic_ties(rng: np.random.Generator, org: Organisation) -> list[InteractionRow]:
    """Ties of the realistic shape: dense inside departments as in the classic shape; each
    person's outside ties go to departments by size and closeness (a core of large
    departments tied to each other), fewer for the people of small departments."""
    sizes = np.array([len(m) for m in org.members])
    internal_degree = np.minimum(INTERNAL_DENSITY * (sizes - 1), INTERNAL_DEGREE)
    ends_a: list[np.ndarray] = []
    ends_b: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for people, degree in zip(org.members, internal_degree, strict=True):
        if len(people) >= 2:
            _inside(rng, people, degree, ends_a, ends_b, weights)
    outreach = rng.lognormal(0.0, OUTREACH_SPREAD, org.size)
    outreach /= outreach.mean()
    outreach[org.heads] *= HEAD_OUTREACH
    periphery = np.minimum(1.0, sizes / CORE_SIZE) ** PERIPHERY
    expected = CROSS_TIES * outreach * periphery[org.department_of]
    ties = rng.poisson(expected)
    distance = np.linalg.norm(org.positions[:, None, :] - org.positions[None, :, :], axis=2)
    pull = sizes[None, :] ** CORE_PULL * np.exp(-distance / REACH)
    np.fill_diagonal(pull, 0.0)
    if pull.sum() > 0:
        for d, people in enumerate(org.members):
            count = int(ties[people].sum())
            if not count or not pull[d].sum():
                continue
            sources = np.repeat(people, ties[people])
            targets = rng.choice(len(sizes), count, p=pull[d] / pull[d].sum())
            partners = np.empty(count, dtype=np.int64)
            for e in np.unique(targets):
                chosen = targets == e
                members = org.members[e]
                share = outreach[members] / outreach[members].sum()
                partners[chosen] = rng.choice(members, int(chosen.sum()), p=share)
            ends_a.append(sources)
            ends_b.append(partners)
            weights.append(np.minimum(rng.geometric(0.65, count), 5))
    a, b = np.concatenate(ends_a), np.concatenate(ends_b)
    low, high = np.minimum(a, b), np.maximum(a, b)
    weight = np.concatenate(weights)
    # a pair drawn twice (each end reaching out to the other) is one tie, weights added
    key = low.astype(np.int64) * org.size + high
    unique, inverse = np.unique(key, return_inverse=True)
    summed = np.minimum(np.bincount(inverse, weights=weight).astype(int), 5)
    first, second = (unique // org.size).tolist(), (unique % org.size).tolist()
    ids = org.ids
    return [(ids[x], ids[y], w) for x, y, w in zip(first, second, summed.tolist(), strict=True)]


def _spanning_ties(
    rng: np.random.Generator,
    left: np.ndarray,
    right: np.ndarray,
    outreach: np.ndarray,
    count: int,
) -> tuple[np.ndarray, np.ndarray]:
    """About ``count`` distinct ties between two departments, people drawn by outreach."""
    # Draw more than needed: repeated pairs are dropped, keeping the order of drawing.
    draws = int(1.3 * count) + 10
    i = rng.choice(len(left), draws, p=outreach[left] / outreach[left].sum())
    j = rng.choice(len(right), draws, p=outreach[right] / outreach[right].sum())
    _, first_drawn = np.unique(i * len(right) + j, return_index=True)
    keep = np.sort(first_drawn)[:count]
    return left[i[keep]], right[j[keep]]


def _triangle_pair(index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pair (i, j), j < i, numbered ``index`` in row order of a lower triangle."""
    index = index.astype(np.int64)
    i = np.floor((1 + np.sqrt(1 + 8 * index.astype(np.float64))) / 2).astype(np.int64)
    # Correct the rare rounding error of the square root on large indices.
    i -= i * (i - 1) // 2 > index
    i += (i + 1) * i // 2 <= index
    return i, index - i * (i - 1) // 2


def _neighbour_pairs(positions: np.ndarray) -> list[tuple[int, int]]:
    """Department pairs that may have ties: each department's nearest few on the map."""
    count = len(positions)
    nearest = min(count - 1, MAX_NEIGHBOURS, max(2, round(0.4 * (count - 1))))
    distance = np.linalg.norm(positions[:, None, :] - positions[None, :, :], axis=2)
    np.fill_diagonal(distance, np.inf)
    pairs = {
        (min(d, int(e)), max(d, int(e)))
        for d in range(count)
        for e in np.argsort(distance[d], kind="stable")[:nearest]
    }
    return sorted(pairs)


def _expected_cross_ties(
    org: Organisation, sizes: np.ndarray, cross_degree: np.ndarray
) -> dict[tuple[int, int], float]:
    """Expected ties of each neighbouring department pair: each department spreads its
    people's cross ties over its neighbours by their size and closeness."""
    pairs = _neighbour_pairs(org.positions)
    neighbours: dict[int, list[int]] = {d: [] for d in range(len(sizes))}
    for d, e in pairs:
        neighbours[d].append(e)
        neighbours[e].append(d)
    expected = dict.fromkeys(pairs, 0.0)
    for d, others in neighbours.items():
        if not others:
            continue
        distance = np.linalg.norm(org.positions[others] - org.positions[d], axis=1)
        pull = sizes[others] * np.exp(-distance / 0.3)
        budget = cross_degree[d] * sizes[d] / 2
        for e, share in zip(others, pull / pull.sum(), strict=True):
            expected[(min(d, e), max(d, e))] += float(budget * share)
    return expected
