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
>>> up_end, up, _ = oriented(indptr, indices)
>>> triangles(indptr, up_end, up, triangle_blocks(indptr, up_end, up)).tolist()
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
    indptr: Ints, indices: npt.NDArray[np.int32], weight: Floats
) -> tuple[Ints, npt.NDArray[np.int32], Floats]:
    n = len(indptr) - 1
    weighted = len(weight) > 0
    up_end = np.empty(n, np.int64)
    up = np.empty(len(indices), np.int32)
    up_weight = np.empty(len(indices) if weighted else 0)
    for v in prange(n):
        start, stop = indptr[v], indptr[v + 1]
        own = stop - start
        at = start
        for k in range(start, stop):
            # Write every tie, keep the upward ones (no unpredictable branch).
            q = indices[k]
            other = indptr[q + 1] - indptr[q]
            up[at] = q
            if weighted:
                up_weight[at] = weight[k]
            at += (other > own) | ((other == own) & (q > v))
        up_end[v] = at
    return up_end, up, up_weight


def oriented(
    indptr: Ints, indices: npt.NDArray[np.int32], weight: Floats | None = None
) -> tuple[Ints, npt.NDArray[np.int32], Floats]:
    """Each node's ties to higher-ranked nodes (rank: degree, then position).

    The upward ties of ``v`` are ``up[indptr[v]:up_end[v]]`` (in ``v``'s own row of the
    CSR layout, so one pass writes them), with their weights in ``up_weight`` (empty
    without ``weight``). Returns ``up_end, up, up_weight``.
    """
    return _orient(indptr, indices, np.empty(0) if weight is None else weight)


@kernel
def _work(indptr: Ints, indices: npt.NDArray[np.int32], up_end: Ints, contacts: bool) -> Ints:
    # Per node: its ties (all, or upward only), plus the upward ties of each.
    n = len(indptr) - 1
    work = np.zeros(n + 1, np.int64)
    for v in range(n):
        stop = indptr[v + 1] if contacts else up_end[v]
        total = stop - indptr[v] + 1
        for k in range(indptr[v], stop):
            j = indices[k]
            total += up_end[j] - indptr[j]
        work[v + 1] = work[v] + total
    return work


def blocks(indptr: Ints, indices: npt.NDArray[np.int32], up_end: Ints) -> Ints:
    """Blocks of nodes for :func:`effective_sizes` and :func:`constraints`, one per thread."""
    if get_threads() == 1:
        return np.array([0, len(indptr) - 1], np.int64)
    return thread_blocks(_work(indptr, indices, up_end, True), get_threads())


def triangle_blocks(indptr: Ints, up_end: Ints, up: npt.NDArray[np.int32]) -> Ints:
    """Blocks of nodes for :func:`triangles`, one per thread."""
    if get_threads() == 1:
        return np.array([0, len(indptr) - 1], np.int64)
    return thread_blocks(_work(indptr, up, up_end, False), get_threads())


@parallel_kernel
def triangles(indptr: Ints, up_end: Ints, up: npt.NDArray[np.int32], bounds: Ints) -> Ints:
    """The number of triangles at every node.

    Each triangle is found once, from its lowest-ranked corner ``v``: ``j`` upward from
    ``v`` and ``q`` upward from both. Every block counts into its own row.
    """
    n = len(indptr) - 1
    parts = len(bounds) - 1
    counts = np.zeros((parts, n), np.int64)
    for b in prange(parts):
        stamp = np.full(n, -1, np.int32)
        row = counts[b]
        for v in range(bounds[b], bounds[b + 1]):
            for t in range(indptr[v], up_end[v]):
                stamp[up[t]] = v
            found = 0
            for t in range(indptr[v], up_end[v]):
                j = up[t]
                at_j = 0
                for s in range(indptr[j], up_end[j]):
                    q = up[s]
                    hit = int(stamp[q] == v)  # added, not branched on
                    at_j += hit
                    row[q] += hit
                row[j] += at_j
                found += at_j
            row[v] += found
    result: Ints = counts[0]
    for b in range(1, parts):
        for v in range(n):
            result[v] += counts[b, v]
    return result


@parallel_kernel
def effective_sizes(
    indptr: Ints,
    indices: npt.NDArray[np.int32],
    weight: Floats,
    up_end: Ints,
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
    for v in range(n):
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
                for t in range(indptr[j], up_end[j]):
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
    up_end: Ints,
    up: npt.NDArray[np.int32],
    up_weight: Floats,
    bounds: Ints,
) -> Floats:
    """Burt's constraint ``sum_j (p_vj + sum_q p_vq p_qj)^2`` of every node (0 for an isolate)."""
    n = len(indptr) - 1
    inverse_strength = np.zeros(n)
    for v in range(n):
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
                for t in range(indptr[j], up_end[j]):
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
