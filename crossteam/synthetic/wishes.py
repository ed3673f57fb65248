"""A synthetic company's wishes (its Preferences sheet): ranked rotation hosts for every
available, rotation-eligible person and ranked teams for about a fifth of the available.

Hosts are drawn by a per-department popularity with a heavy tail (log-normal), so a few
hosts collect far more first choices than they have places over all periods, as in real
rotation programmes. The draws come from a random stream of their own, so adding wishes
changes no other draw of the company: every other sheet stays as it was.
"""

from __future__ import annotations

import numpy as np

from crossteam.models.synthetic import WishShape
from crossteam.synthetic.organisation import EmployeeRow
from crossteam.synthetic.tasks import DepartmentRow, TeamRow

WishRow = tuple[str, str, str, int]
"""A Preferences row: employee_id, kind, target, rank."""

WISHES_STREAM = 17
"""The wishes' random stream: ``default_rng((seed, WISHES_STREAM))``."""
POPULARITY_SIGMA = 1.2
"""Spread of the log-normal host popularity: in the 1,000-person example the most popular
of 35 hosts is the first choice of about a quarter of the rotators."""
TEAMS_RANKED = (1, 2)


def draw_wishes(
    seed: int,
    employees: list[EmployeeRow],
    departments: list[DepartmentRow],
    specs: list[TeamRow],
    shape: WishShape,
) -> list[WishRow]:
    """Every wish, person by person: rotation hosts first, then teams."""
    rng = np.random.default_rng((seed, WISHES_STREAM))
    hosts = [name for name, _, capacity, can_host, _ in departments if can_host and capacity > 0]
    popularity = rng.lognormal(0.0, POPULARITY_SIGMA, size=len(hosts))
    weights = np.array(shape.host_weights, dtype=float)
    rows: list[WishRow] = []
    for employee_id, _, department, _, _, available, eligible in employees:
        if not (available and eligible):
            continue
        count = int(rng.choice(shape.hosts, p=weights / weights.sum()))
        rows.extend(
            (employee_id, "rotation", host, rank)
            for rank, host in enumerate(_ranked(rng, hosts, popularity, department, count), 1)
        )
    names = [row[0] for row in specs]
    for employee_id, *_, available, _ in employees:
        if not (names and available and rng.random() < shape.team_share):
            continue
        count = min(int(rng.choice(TEAMS_RANKED)), len(names))
        chosen = rng.choice(len(names), size=count, replace=False)
        rows.extend((employee_id, "team", names[i], rank) for rank, i in enumerate(chosen, 1))
    return rows


def _ranked(
    rng: np.random.Generator,
    hosts: list[str],
    popularity: np.ndarray,
    home: str,
    count: int,
) -> list[str]:
    """``count`` hosts other than ``home`` (fewer when fewer can host), drawn without
    replacement by popularity: the first drawn is the first choice."""
    others = [i for i, host in enumerate(hosts) if host != home]
    count = min(count, len(others))
    if count == 0:
        return []
    shares = popularity[others] / popularity[others].sum()
    return [hosts[others[i]] for i in rng.choice(len(others), size=count, replace=False, p=shares)]
