"""The employee graph as index arrays and sparse matrices, and its department blocks.

Everything downstream works on integer indices: people are numbered in input order,
departments (those with at least one employee) in sorted order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from crossteam.models import DepartmentName, EmployeeId, PlanningInput

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class EmployeeGraph:
    """An undirected, weighted employee graph; every employee is a node.

    Attributes:
        employee_ids: Node index -> employee id.
        departments: Department index -> name, sorted.
        department_of: Node index -> department index.
        source, target: One row per distinct tied pair, ``source < target``.
        weight: Summed interaction weight of each tied pair.
    """

    employee_ids: tuple[EmployeeId, ...]
    departments: tuple[DepartmentName, ...]
    department_of: IntArray
    source: IntArray
    target: IntArray
    weight: FloatArray

    @property
    def people(self) -> int:
        return len(self.employee_ids)

    @property
    def ties(self) -> int:
        return len(self.source)

    @cached_property
    def headcount(self) -> IntArray:
        return np.bincount(self.department_of, minlength=len(self.departments))

    def adjacency(self, *, weighted: bool) -> sp.csr_array:
        """Symmetric n x n adjacency: interaction weights, or 1 per tie."""
        values = self.weight if weighted else np.ones(self.ties)
        rows = np.concatenate([self.source, self.target])
        cols = np.concatenate([self.target, self.source])
        n = self.people
        return sp.csr_array((np.concatenate([values, values]), (rows, cols)), shape=(n, n))

    @cached_property
    def binary_adjacency(self) -> sp.csr_array:
        return self.adjacency(weighted=False)

    def block_totals(self, values: FloatArray) -> FloatArray:
        """D x D symmetric sums of ``values`` (one per tie) by the two ends' departments.

        The diagonal holds within-department sums; off the diagonal, entry (a, b) and
        (b, a) both hold the a-b total.
        """
        d = len(self.departments)
        da = self.department_of[self.source]
        db = self.department_of[self.target]
        block = np.zeros((d, d))
        np.add.at(block, (np.minimum(da, db), np.maximum(da, db)), values)
        return block + np.triu(block, 1).T

    @cached_property
    def tie_counts(self) -> FloatArray:
        """D x D distinct tied pairs per department block."""
        return self.block_totals(np.ones(self.ties))

    @cached_property
    def weight_totals(self) -> FloatArray:
        """D x D summed interaction weight per department block."""
        return self.block_totals(self.weight)

    @cached_property
    def person_department_ties(self) -> sp.csr_array:
        """n x D: how many people of each department each person is tied to."""
        rows = np.concatenate([self.source, self.target])
        cols = self.department_of[np.concatenate([self.target, self.source])]
        shape = (self.people, len(self.departments))
        matrix = sp.csr_array((np.ones(len(rows)), (rows, cols)), shape=shape)
        matrix.sum_duplicates()
        return matrix


def build_graph(
    instance: PlanningInput,
    extra_ties: Iterable[tuple[EmployeeId, EmployeeId]] = (),
) -> EmployeeGraph:
    """The employee graph of ``instance``, plus ``extra_ties`` of weight 1 each.

    Repeated pairs (in either order) add their weights; self-pairs are dropped.
    """
    employee_ids = tuple(e.employee_id for e in instance.employees)
    index = {employee_id: i for i, employee_id in enumerate(employee_ids)}
    departments = tuple(sorted({e.department for e in instance.employees}))
    department_index = {name: i for i, name in enumerate(departments)}
    department_of = np.fromiter(
        (department_index[e.department] for e in instance.employees),
        dtype=np.int64,
        count=len(employee_ids),
    )

    ends = [(index[i.employee_a], index[i.employee_b], i.weight) for i in instance.interactions]
    ends.extend((index[a], index[b], 1.0) for a, b in extra_ties)
    if ends:
        a_arr, b_arr, w_arr = (np.asarray(column) for column in zip(*ends, strict=True))
    else:
        a_arr = b_arr = np.zeros(0, dtype=np.int64)
        w_arr = np.zeros(0)
    a_arr = a_arr.astype(np.int64)
    b_arr = b_arr.astype(np.int64)
    keep = a_arr != b_arr
    low = np.minimum(a_arr, b_arr)[keep]
    high = np.maximum(a_arr, b_arr)[keep]
    n = max(len(employee_ids), 1)
    unique_keys, inverse = np.unique(low * n + high, return_inverse=True)
    weight = np.bincount(
        inverse, weights=w_arr[keep].astype(np.float64), minlength=len(unique_keys)
    ).astype(np.float64)
    return EmployeeGraph(
        employee_ids=employee_ids,
        departments=departments,
        department_of=department_of,
        source=(unique_keys // n).astype(np.int64),
        target=(unique_keys % n).astype(np.int64),
        weight=weight,
    )
