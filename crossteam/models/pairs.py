"""The key of an undirected pair (two departments, two employees): its names in sorted order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

DepartmentPairKey = tuple[str, str]
"""Two department names, the one that sorts first first (``pair_key`` makes them)."""


def pair_key(a: str, b: str) -> tuple[str, str]:
    """The key of the undirected pair ``a``-``b``: the two names in sorted order, so that
    ``pair_key(a, b) == pair_key(b, a)``. A name paired with itself gives ``(a, a)``."""
    return (a, b) if a < b else (b, a)


def pairs_among(names: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Every pair of two different names among ``names`` once, as ``pair_key`` keys them,
    in sorted order (``a``, then ``b``): the department pairs a team of these departments
    ties. Repeated names count once."""
    present = sorted(set(names))
    for i, a in enumerate(present):
        for b in present[i + 1 :]:
            yield (a, b)
