"""What a synthetic company (``crossteam example``) looks like."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CompanyShape(StrEnum):
    """How a synthetic company's departments and ties are shaped."""

    REALISTIC = "realistic"
    """Heavy-tailed department sizes, a core of large departments, a silent periphery."""
    CLASSIC = "classic"
    """Departments of similar size (at least 3), each tied to its neighbours on the map."""


@dataclass(frozen=True)
class WishShape:
    """The wishes of a synthetic company (its Preferences sheet).

    Every available, rotation-eligible person ranks ``hosts`` departments (one count drawn
    per person with ``host_weights``; by default 2, 3 or 4, weights 1:2:1, so most name
    2-4), drawn by a heavy-tailed popularity so that popular hosts are oversubscribed; a
    share ``team_share`` of the available people rank 1 or 2 Teams rows.
    """

    hosts: tuple[int, ...] = (2, 3, 4)
    host_weights: tuple[int, ...] = (1, 2, 1)
    team_share: float = 0.2

    @classmethod
    def exactly(cls, hosts: int) -> WishShape:
        """Every rotation-eligible person ranks exactly ``hosts`` departments (where that
        many can host them), as in the wishes benchmark."""
        return cls(hosts=(hosts,), host_weights=(1,))


USUAL_WISHES = WishShape()
"""The default: most people name 2-4 hosts, a fifth of them 1-2 teams."""
NO_WISHES = WishShape(hosts=(0,), host_weights=(1,), team_share=0.0)
"""A company without a Preferences sheet."""
