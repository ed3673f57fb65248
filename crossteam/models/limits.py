"""The range of every number crossteam accepts, and why: one place for the reader, the sweep
grid, the command line and the planner's last check before the solver.

Every number is finite. Counts (sizes, capacities, rotations) are whole numbers no larger
than ``MAX_COUNT``, and the reader also holds sizes and capacities to the headcount.
Weights are relative, so a bound far above any sensible ratio costs nothing; together with
``OBJECTIVE_LIMIT`` it keeps every coefficient CP-SAT sees, and their sum, exact.
"""

from __future__ import annotations

from typing import Final

OBJECTIVE_SCALE: Final = 1000
"""Objective weights are multiplied by this and rounded: CP-SAT wants integers, so a weight
finer than 0.001 counts as 0."""

MAX_SEED: Final = 2**31 - 1
"""CP-SAT's ``random_seed`` is a signed 32-bit integer."""

MAX_SECONDS: Final = 7 * 24 * 3600
"""Longest time limit (a week), in seconds or in the solver's deterministic units."""

MAX_COUNT: Final = 1_000_000
"""Largest count a cell may hold (team count and sizes, capacities, rotations, stints,
betweenness samples): about Excel's 1,048,576 rows, and far inside the 64-bit integers of
the solver even when multiplied by another count."""

MAX_PEOPLE: Final = 100_000
"""Most rows of a sheet with one row per person (Employees; a plan's Teams), counted before
the sheet is read, so a sheet filled down to Excel's last row is refused in a second. The
bound comes from memory: planning holds about 55 KB per person (1.2 GB at 20,000 people,
2.9 GB at 50,000: docs/limits.md), so 100,000 people need about 5.5 GB, what a laptop with
8 GB can give."""


MAX_WEIGHT: Final = 1_000_000.0
"""Largest objective weight, priority, Balance weight, gap weight or ratio in a cell: scaled
by ``OBJECTIVE_SCALE`` and times the largest count (``MAX_COUNT``) it is 1e15, below 2^53,
so one weighted term is exact. Terms add up, and weights multiply (bridging is
weight_bridging x gap weight x priority): ``OBJECTIVE_LIMIT`` bounds the whole."""

MAX_TIE_WEIGHT: Final = 1_000_000_000.0
"""Largest Interactions weight, of one row and of one pair's rows added up (a year holds
about 3.2e7 seconds, so any measure of contact fits)."""

MAX_ATTRIBUTE_NUMBER: Final = 1e15
"""Largest magnitude of a number a ``balance`` rule averages: 500,000 of them add up, and
square, far inside a float's range."""

OBJECTIVE_LIMIT: Final = 2**53 / OBJECTIVE_SCALE
"""Largest magnitude the objective may reach, in the user's units (about 9.0e12): scaled by
``OBJECTIVE_SCALE`` it is 2^53, below which every integer is also an exact float, so the
objective and bound read back exactly, and CP-SAT's 64-bit sums keep a 1,000-fold margin."""

MAX_ALTERNATIVES: Final = 20
"""Most plans ``--alternatives`` asks for: each may take four solves of the time limit."""
