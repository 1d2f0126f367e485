"""Compiled kernels for structural holes: triangles, effective size and constraint per node.

All three need, for every node ``v``, the pairs of its contacts that are tied to each other.
They walk *upward* ties: the adjacency oriented from lower to higher (degree, position)
rank, so a hub's long list is walked only from its few higher-ranked neighbours.
:func:`effective_sizes` and :func:`constraints` mark each node's contacts in a stamp array
and walk the upward ties of every contact, meeting each tie among contacts once and
writing only that node's result; :func:`triangles` finds each triangle once, from its
lowest-ranked corner, and counts it at all three into its block's own row. Nodes are split
into one block per thread of about equal work; each thread needs ``O(n)`` scratch.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 2, 4, 6], np.int64)
>>> indices = np.array([1, 2, 0, 2, 0, 1], np.int32)
>>> up_ptr, up, _ = oriented(indptr, indices)
>>> triangles(up_ptr, up, triangle_blocks(up_ptr, up)).tolist()
[1, 1, 1]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import get_threads, kernel, parallel_kernel, prange
from samenwerking.analysis._kernels import thread_blocks

__all__ = [
    "blocks",
    "constraints",
    "effective_sizes",
    "oriented",
    "triangle_blocks",
    "triangles",
]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@parallel_kernel
def _orient(
    indptr: Ints, indices: npt.NDArray[np.int32], rank: npt.NDArray[np.int32]
) -> tuple[Ints, npt.NDArray[np.int32], Ints]:
    n = len(indptr) - 1
    upward = np.empty(len(indices), np.bool_)
    count = np.zeros(n, np.int64)
    for v in prange(n):
        own = rank[v]
        total = 0
        for k in range(indptr[v], indptr[v + 1]):
            higher = rank[indices[k]] > own
            upward[k] = higher
            total += higher
        count[v] = total
    up_ptr = np.zeros(n + 1, np.int64)
    for v in range(n):
        up_ptr[v + 1] = up_ptr[v] + count[v]
    up = np.empty(up_ptr[n], np.int32)
    up_at = np.empty(up_ptr[n], np.int64)
    for v in prange(n):
        at, end = up_ptr[v], up_ptr[v + 1]
        for k in range(indptr[v], indptr[v + 1]):
            # Write every tie, keep the upward ones (no unpredictable branch).
            if at < end:
                up[at] = indices[k]
                up_at[at] = k
            at += upward[k]
    return up_ptr, up, up_at


def oriented(
    indptr: Ints, indices: npt.NDArray[np.int32]
) -> tuple[Ints, npt.NDArray[np.int32], Ints]:
    """Each node's ties to higher-ranked nodes (rank: degree, then position).

    Returns the row pointers, the neighbours and each upward tie's position in ``indices``
    (to look up its weight).
    """
    degree = np.diff(indptr)
    rank = np.empty(len(degree), np.int32)
    rank[np.argsort(degree, kind="stable")] = np.arange(len(degree), dtype=np.int32)
    return _orient(indptr, indices, rank)


@kernel
def _contact_work(indptr: Ints, indices: npt.NDArray[np.int32], up_ptr: Ints) -> Ints:
    n = len(indptr) - 1
    work = np.zeros(n + 1, np.int64)
    for v in range(n):
        total = indptr[v + 1] - indptr[v] + 1
        for k in range(indptr[v], indptr[v + 1]):
            j = indices[k]
            total += up_ptr[j + 1] - up_ptr[j]
        work[v + 1] = work[v] + total
    return work


@kernel
def _upward_work(up_ptr: Ints, up: npt.NDArray[np.int32]) -> Ints:
    n = len(up_ptr) - 1
    work = np.zeros(n + 1, np.int64)
    for v in range(n):
        total = up_ptr[v + 1] - up_ptr[v] + 1
        for t in range(up_ptr[v], up_ptr[v + 1]):
            j = up[t]
            total += up_ptr[j + 1] - up_ptr[j]
        work[v + 1] = work[v] + total
    return work


def blocks(indptr: Ints, indices: npt.NDArray[np.int32], up_ptr: Ints) -> Ints:
    """Blocks of nodes for :func:`effective_sizes` and :func:`constraints`, one per thread."""
    return thread_blocks(_contact_work(indptr, indices, up_ptr), get_threads())


def triangle_blocks(up_ptr: Ints, up: npt.NDArray[np.int32]) -> Ints:
    """Blocks of nodes for :func:`triangles`, one per thread."""
    return thread_blocks(_upward_work(up_ptr, up), get_threads())


@parallel_kernel
def triangles(up_ptr: Ints, up: npt.NDArray[np.int32], bounds: Ints) -> Ints:
    """The number of triangles at every node.

    Each triangle is found once, from its lowest-ranked corner ``v``: ``j`` upward from
    ``v`` and ``q`` upward from both. Every block counts into its own row.
    """
    n = len(up_ptr) - 1
    parts = len(bounds) - 1
    counts = np.zeros((parts, n), np.int64)
    for b in prange(parts):
        stamp = np.full(n, -1, np.int32)
        row = counts[b]
        for v in range(bounds[b], bounds[b + 1]):
            for t in range(up_ptr[v], up_ptr[v + 1]):
                stamp[up[t]] = v
            found = 0
            for t in range(up_ptr[v], up_ptr[v + 1]):
                j = up[t]
                at_j = 0
                for s in range(up_ptr[j], up_ptr[j + 1]):
                    q = up[s]
                    hit = int(stamp[q] == v)  # added, not branched on
                    at_j += hit
                    row[q] += hit
                row[j] += at_j
                found += at_j
            row[v] += found
    result = np.zeros(n, np.int64)
    for b in range(parts):
        for v in range(n):
            result[v] += counts[b, v]
    return result


@parallel_kernel
def effective_sizes(
    indptr: Ints,
    indices: npt.NDArray[np.int32],
    weight: Floats,
    up_ptr: Ints,
    up: npt.NDArray[np.int32],
    up_weight: Floats,
    bounds: Ints,
) -> Floats:
    """Burt's effective size ``sum_j (1 - sum_q p_vq m_jq)`` of every node (0 for an isolate).

    ``p_vq``: ``w_vq`` over ``v``'s total weight; ``m_jq``: ``w_jq`` over ``j``'s largest.
    """
    n = len(indptr) - 1
    inverse_strength = np.zeros(n)
    inverse_strongest = np.zeros(n)
    for v in prange(n):
        total, largest = 0.0, 0.0
        for k in range(indptr[v], indptr[v + 1]):
            total += weight[k]
            largest = max(largest, weight[k])
        if total != 0:
            inverse_strength[v] = 1.0 / total
        if largest != 0:
            inverse_strongest[v] = 1.0 / largest
    result = np.zeros(n)
    for b in prange(len(bounds) - 1):
        stamp = np.full(n, -1, np.int32)
        share = np.zeros(n)
        for v in range(bounds[b], bounds[b + 1]):
            for k in range(indptr[v], indptr[v + 1]):
                stamp[indices[k]] = v
                share[indices[k]] = weight[k] * inverse_strength[v]
            redundancy = 0.0
            for k in range(indptr[v], indptr[v + 1]):
                j = indices[k]
                share_j, scale_j = share[j], inverse_strongest[j]
                for t in range(up_ptr[j], up_ptr[j + 1]):
                    q = up[t]
                    # The tie j-q makes j redundant through q, and q through j.
                    term = up_weight[t] * (share[q] * scale_j + share_j * inverse_strongest[q])
                    redundancy += term if stamp[q] == v else 0.0
            result[v] = (indptr[v + 1] - indptr[v]) - redundancy
    return result


@parallel_kernel
def constraints(
    indptr: Ints,
    indices: npt.NDArray[np.int32],
    weight: Floats,
    up_ptr: Ints,
    up: npt.NDArray[np.int32],
    up_weight: Floats,
    bounds: Ints,
) -> Floats:
    """Burt's constraint ``sum_j (p_vj + sum_q p_vq p_qj)^2`` of every node (0 for an isolate)."""
    n = len(indptr) - 1
    inverse_strength = np.zeros(n)
    for v in prange(n):
        total = 0.0
        for k in range(indptr[v], indptr[v + 1]):
            total += weight[k]
        if total != 0:
            inverse_strength[v] = 1.0 / total
    result = np.zeros(n)
    for b in prange(len(bounds) - 1):
        stamp = np.full(n, -1, np.int32)
        share = np.zeros(n)
        indirect = np.zeros(n)
        for v in range(bounds[b], bounds[b + 1]):
            for k in range(indptr[v], indptr[v + 1]):
                j = indices[k]
                stamp[j] = v
                share[j] = weight[k] * inverse_strength[v]
                indirect[j] = 0.0
            for k in range(indptr[v], indptr[v + 1]):
                j = indices[k]
                share_j, scale_j = share[j], inverse_strength[j]
                through_j = 0.0
                for t in range(up_ptr[j], up_ptr[j + 1]):
                    q = up[t]
                    # Paths v-q-j and v-j-q through the tie j-q.
                    if stamp[q] == v:
                        through_j += share[q] * up_weight[t] * inverse_strength[q]
                        indirect[q] += share_j * up_weight[t] * scale_j
                indirect[j] += through_j
            total = 0.0
            for k in range(indptr[v], indptr[v + 1]):
                j = indices[k]
                total += (share[j] + indirect[j]) ** 2
            result[v] = total
    return result
