"""Compiled counts behind :mod:`samenwerking.analysis.mixing`.

The mixing matrix counts group pairs over the CSR arrays in one pass. For the permutation
test of :func:`~samenwerking.analysis.mixing.ei_index` numpy draws the shuffles
(``Generator.permutation``), so a seed gives the same p-value as before; only the counting
of ties whose ends share a shuffled group is a loop numba compiles.

Example
-------
>>> import numpy as np
>>> group = np.array([0, 0, 1], np.int64)
>>> u, v = np.array([0, 1], np.int64), np.array([1, 2], np.int64)
>>> int(internal_after_shuffle(group, np.array([0, 1, 2], np.int64), u, v))
1
>>> int(internal_after_shuffle(group, np.array([2, 0, 1], np.int64), u, v))  # groups 1, 0, 0
1
>>> indptr, indices = np.array([0, 1, 3, 4], np.int64), np.array([1, 0, 2, 1], np.int64)
>>> group_pair_counts(indptr, indices, group, 2).tolist()
[[2, 1], [1, 0]]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["group_pair_counts", "internal_after_shuffle"]

Ints = npt.NDArray[np.int64]


@kernel
def internal_after_shuffle(
    group: Ints, order: Ints, u: Ints, v: Ints
) -> int:  # pragma: no cover - compiled
    """How many ties ``(u[i], v[i])`` join one group once node ``j`` has ``group[order[j]]``."""
    n = group.shape[0]
    shuffled = np.empty(n, np.int64)
    for j in range(n):
        shuffled[j] = group[order[j]]
    internal = 0
    for i in range(u.shape[0]):
        internal += shuffled[u[i]] == shuffled[v[i]]
    return internal


@kernel
def group_pair_counts(
    indptr: Ints, indices: Ints, group: Ints, k: int
) -> Ints:  # pragma: no cover - compiled
    """A ``k x k`` table with one count at ``[group[row], group[col]]`` per CSR entry."""
    counts = np.zeros((k, k), np.int64)
    for row in range(indptr.shape[0] - 1):
        g = group[row]
        for at in range(indptr[row], indptr[row + 1]):
            counts[g, group[indices[at]]] += 1
    return counts
