"""Compiled kernels for structural holes: triangles, effective size and constraint per node.

All three need, for every node ``v``, the pairs of its contacts that are tied to each other.
Each node marks its contacts in a stamp array (one per thread, ``O(n)``), then walks the
*upward* ties of every contact: the adjacency oriented from lower to higher (degree, id)
rank, so each tie among contacts is met exactly once and a hub's long list is walked only
from the hub's few higher-ranked neighbours. Nodes are split into one block per thread,
balanced by that work; every node writes only its own result, so threads never share a
write.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 2, 4, 6], np.int64)
>>> indices = np.array([1, 2, 0, 2, 0, 1], np.int32)
>>> up_ptr, up, _ = oriented(indptr, indices)
>>> triangles(indptr, indices, up_ptr, up, blocks(indptr, indices, up_ptr)).tolist()
[1, 1, 1]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import get_threads, kernel, parallel_kernel, prange

__all__ = ["blocks", "constraints", "effective_sizes", "oriented", "triangles"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@parallel_kernel
def _orient(
    indptr: Ints, indices: npt.NDArray[np.int32], rank: Ints
) -> tuple[Ints, npt.NDArray[np.int32], Ints]:
    n = len(indptr) - 1
    count = np.zeros(n, np.int64)
    for v in prange(n):
        for k in range(indptr[v], indptr[v + 1]):
            if rank[indices[k]] > rank[v]:
                count[v] += 1
    up_ptr = np.zeros(n + 1, np.int64)
    for v in range(n):
        up_ptr[v + 1] = up_ptr[v] + count[v]
    up = np.empty(up_ptr[n], np.int32)
    up_at = np.empty(up_ptr[n], np.int64)
    for v in prange(n):
        at = up_ptr[v]
        for k in range(indptr[v], indptr[v + 1]):
            if rank[indices[k]] > rank[v]:
                up[at] = indices[k]
                up_at[at] = k
                at += 1
    return up_ptr, up, up_at


def oriented(
    indptr: Ints, indices: npt.NDArray[np.int32]
) -> tuple[Ints, npt.NDArray[np.int32], Ints]:
    """Each node's ties to higher-ranked nodes (rank: degree, then position).

    Returns the row pointers, the neighbours and each upward tie's position in ``indices``
    (to look up its weight).
    """
    degree = np.diff(indptr)
    rank = np.empty(len(degree), np.int64)
    rank[np.argsort(degree, kind="stable")] = np.arange(len(degree))
    return _orient(indptr, indices, rank)


@kernel
def _work(indptr: Ints, indices: npt.NDArray[np.int32], up_ptr: Ints) -> Ints:
    n = len(indptr) - 1
    work = np.zeros(n + 1, np.int64)
    for v in range(n):
        total = indptr[v + 1] - indptr[v] + 1
        for k in range(indptr[v], indptr[v + 1]):
            j = indices[k]
            total += up_ptr[j + 1] - up_ptr[j]
        work[v + 1] = work[v] + total
    return work


def blocks(indptr: Ints, indices: npt.NDArray[np.int32], up_ptr: Ints) -> Ints:
    """Bounds of one contiguous block of nodes per thread, of about equal work."""
    n = len(indptr) - 1
    count = max(1, min(get_threads(), n))
    work = _work(indptr, indices, up_ptr)
    cuts = np.searchsorted(work, work[-1] * np.arange(1, count) / count)
    return np.concatenate([[0], np.minimum(cuts, n), [n]]).astype(np.int64)


@parallel_kernel
def triangles(
    indptr: Ints,
    indices: npt.NDArray[np.int32],
    up_ptr: Ints,
    up: npt.NDArray[np.int32],
    bounds: Ints,
) -> Ints:
    """The number of triangles at every node."""
    n = len(indptr) - 1
    result = np.zeros(n, np.int64)
    for b in prange(len(bounds) - 1):
        stamp = np.full(n, -1, np.int32)
        for v in range(bounds[b], bounds[b + 1]):
            for k in range(indptr[v], indptr[v + 1]):
                stamp[indices[k]] = v
            count = 0
            for k in range(indptr[v], indptr[v + 1]):
                j = indices[k]
                for t in range(up_ptr[j], up_ptr[j + 1]):
                    if stamp[up[t]] == v:
                        count += 1
            result[v] = count
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
                    if stamp[q] == v:
                        # The tie j-q makes j redundant through q, and q through j.
                        redundancy += up_weight[t] * (
                            share[q] * scale_j + share_j * inverse_strongest[q]
                        )
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
                    if stamp[q] == v:
                        # Paths v-q-j and v-j-q through the tie j-q.
                        through_j += share[q] * up_weight[t] * inverse_strength[q]
                        indirect[q] += share_j * up_weight[t] * scale_j
                indirect[j] += through_j
            total = 0.0
            for k in range(indptr[v], indptr[v + 1]):
                j = indices[k]
                total += (share[j] + indirect[j]) ** 2
            result[v] = total
    return result
