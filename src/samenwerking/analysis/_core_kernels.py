"""Compiled k-core peeling over CSR arrays: the core number of every node, level by level.

Level ``k`` removes every remaining node of degree ``k``; removing one lowers its remaining
neighbours' degrees, and a neighbour that falls to ``k`` is removed in the same level.
After level ``k`` every remaining node has more than ``k`` neighbours left, so a node's
degree when it is removed is its core number. Unlike bucket peeling (Batagelj and
Zaversnik 2003) no bucket is kept in order: each adjacency entry costs one comparison and
at most one decrement, and a node is stacked once.

Takes the ``indptr`` (int64) and ``indices`` (int32) of a symmetric CSR adjacency
without self loops or repeated entries, as a
:class:`~samenwerking.graph.compact.CompactGraph` holds them.

References
----------
Batagelj, V. and Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of
networks. arXiv:cs/0310049.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 2, 4, 7, 8], np.int64)  # a triangle 0 1 2 and the tie 2 - 3
>>> indices = np.array([1, 2, 0, 2, 0, 1, 3, 2], np.int32)
>>> peel_levels(indptr, indices).tolist()
[2, 2, 2, 1]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["peel_levels"]


@kernel
def _levels(indptr: npt.NDArray[np.int64], indices: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    n = len(indptr) - 1
    degree = np.empty(n, np.int32)
    for v in range(n):
        degree[v] = indptr[v + 1] - indptr[v]
    rest = np.empty(n, np.int32)  # the nodes not removed yet (a superset, see below)
    for v in range(n):
        rest[v] = v
    left = n
    stack = np.empty(n + 1, np.int32)  # the nodes of this level still to remove
    k = 0
    while left > 0:
        top = 0
        kept = 0
        lowest = 2147483647  # the int32 maximum (np.iinfo costs a compilation of its own)
        for i in range(left):  # stack the nodes at degree k; drop those removed before
            v = rest[i]
            d = degree[v]
            if d == k:
                stack[top] = v
                top += 1
            elif d > k:
                rest[kept] = v
                kept += 1
                if d < lowest:
                    lowest = d
        left = kept
        if top == 0:  # no node at degree k: go straight to the lowest one left
            k = lowest
            continue
        while top > 0:  # last in, first out: a neighbour's row is read while still cached
            top -= 1
            v = stack[top]
            for at in range(indptr[v], indptr[v + 1]):
                # Branch free: removed and stacked nodes sit at k or below and stay there;
                # a node that falls to k is stacked (written always, kept when it fell).
                u = indices[at]
                d = degree[u]
                degree[u] = d - (d > k)
                stack[top] = u
                top += d == k + 1
        k += 1
    return degree


def peel_levels(
    indptr: npt.NDArray[np.int64], indices: npt.NDArray[np.int32]
) -> npt.NDArray[np.int32]:
    """The core number of every node of a symmetric CSR adjacency (int32).

    Example
    -------
    >>> import numpy as np
    >>> peel_levels(np.array([0, 1, 2, 2], np.int64), np.array([1, 0], np.int32)).tolist()
    [1, 1, 0]
    """
    return _levels(np.ascontiguousarray(indptr, np.int64), np.ascontiguousarray(indices, np.int32))
