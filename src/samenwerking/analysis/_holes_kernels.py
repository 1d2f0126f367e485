"""Compiled kernels for structural holes: triangles, effective size and constraint per node.

All three need, for every node ``v``, the pairs of its contacts that are tied to each other.
They walk *upward* ties: the adjacency oriented from lower to higher (degree, position)
rank, so a hub's long list is walked only from its few higher-ranked neighbours.
:func:`effective_sizes` and :func:`constraints` mark each node's contacts in a stamp array
and walk the upward ties of every contact, meeting each tie among contacts once and
writing only that node's result; :func:`triangles` finds each triangle once, from its
lowest-ranked corner, and counts it at all three corners in its block's own row.

Every kernel works on a range of nodes (``*_rows``, compiled serially); large graphs are
split into one block of about equal work per thread and the blocks run in parallel, each
with its own ``O(n)`` scratch. Small graphs run in one block without starting threads.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 2, 4, 6], np.int64)
>>> indices = np.array([1, 2, 0, 2, 0, 1], np.int32)
>>> up_end, up, _ = oriented(indptr, indices)
>>> triangles(indptr, up_end, up).tolist()
[1, 1, 1]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel, parallel_kernel, prange
from samenwerking.analysis._kernels import work_blocks
from samenwerking.analysis._readonly import readonly

__all__ = ["constraints", "effective_sizes", "oriented", "triangles"]

Ints = npt.NDArray[np.int64]
Indices = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float64]


# -- orientation ---------------------------------------------------------------------------
@kernel
def _orient_rows(
    indptr: Ints,
    indices: Indices,
    weight: Floats,
    lo: int,
    hi: int,
    up_end: Ints,
    up: Indices,
    up_weight: Floats,
) -> None:
    weighted = len(weight) > 0
    for v in range(lo, hi):
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


@parallel_kernel
def _orient_blocks(
    indptr: Ints,
    indices: Indices,
    weight: Floats,
    bounds: Ints,
    up_end: Ints,
    up: Indices,
    up_weight: Floats,
) -> None:
    for b in prange(len(bounds) - 1):
        _orient_rows(indptr, indices, weight, bounds[b], bounds[b + 1], up_end, up, up_weight)


def oriented(
    indptr: Ints, indices: Indices, weight: Floats | None = None
) -> tuple[Ints, Indices, Floats]:
    """Each node's ties to higher-ranked nodes (rank: degree, then position).

    The upward ties of ``v`` are ``up[indptr[v]:up_end[v]]`` (in ``v``'s own row of the
    CSR layout, so one pass writes them), with their weights in ``up_weight`` (empty
    without ``weight``). Returns ``up_end, up, up_weight``.
    """
    n = len(indptr) - 1
    values = np.empty(0) if weight is None else weight
    up_end = np.empty(n, np.int64)
    up = np.empty(len(indices), np.int32)
    up_weight = np.empty(len(values))
    bounds = work_blocks(n, lambda: indptr)
    if len(bounds) == 2:
        _orient_rows(indptr, indices, values, 0, n, up_end, up, up_weight)
    else:
        _orient_blocks(indptr, indices, values, bounds, up_end, up, up_weight)
    return up_end, up, up_weight


@kernel
def _work(indptr: Ints, indices: Indices, up_end: Ints, contacts: bool) -> Ints:
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


# -- triangles -------------------------------------------------------------------------------
@kernel
def _triangle_rows(
    indptr: Ints, up_end: Ints, up: Indices, lo: int, hi: int, stamp: Indices, row: Ints
) -> None:
    for v in range(lo, hi):
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


@parallel_kernel
def _triangle_blocks(indptr: Ints, up_end: Ints, up: Indices, bounds: Ints) -> Ints:
    n = len(indptr) - 1
    parts = len(bounds) - 1
    counts = np.zeros((parts, n), np.int64)
    for b in prange(parts):
        stamp = np.full(n, -1, np.int32)
        _triangle_rows(indptr, up_end, up, bounds[b], bounds[b + 1], stamp, counts[b])
    result: Ints = counts[0]
    for b in range(1, parts):
        for v in range(n):
            result[v] += counts[b, v]
    return result


def triangles(indptr: Ints, up_end: Ints, up: Indices) -> Ints:
    """The number of triangles at every node.

    Each triangle is found once, from its lowest-ranked corner ``v``: ``j`` upward from
    ``v`` and ``q`` upward from both.
    """
    n = len(indptr) - 1
    # A step of the innermost loop (a stamp read, a count written) costs about two ties
    # walked elsewhere: twice the steps against the threshold (the blocks are the same).
    bounds = work_blocks(n, lambda: 2 * _work(indptr, readonly(up), up_end, False))  # read-only
    if len(bounds) > 2:
        return _triangle_blocks(indptr, up_end, up, bounds)
    row = np.zeros(n, np.int64)
    _triangle_rows(indptr, up_end, up, 0, n, np.full(n, -1, np.int32), row)
    return row


# -- effective size ----------------------------------------------------------------------------
@kernel
def _inverse_strengths(indptr: Ints, weight: Floats) -> tuple[Floats, Floats]:
    """``1 / total weight`` and ``1 / largest weight`` of every node (0 where that is 0).

    An empty ``weight`` means every tie weighs 1 (as in :func:`constraints`).
    """
    n = len(indptr) - 1
    weighted = len(weight) > 0
    inverse_total = np.zeros(n)
    inverse_largest = np.zeros(n)
    for v in range(n):
        total, largest = 0.0, 0.0
        for k in range(indptr[v], indptr[v + 1]):
            w = weight[k] if weighted else 1.0
            total += w
            largest = max(largest, w)
        if total != 0:
            inverse_total[v] = 1.0 / total
        if largest != 0:
            inverse_largest[v] = 1.0 / largest
    return inverse_total, inverse_largest


@kernel
def _effective_rows(
    indptr: Ints,
    indices: Indices,
    weight: Floats,
    up_end: Ints,
    up: Indices,
    up_weight: Floats,
    inverse_total: Floats,
    inverse_largest: Floats,
    lo: int,
    hi: int,
    stamp: Indices,
    share: Floats,
    result: Floats,
) -> None:
    for v in range(lo, hi):
        for k in range(indptr[v], indptr[v + 1]):
            stamp[indices[k]] = v
            share[indices[k]] = weight[k] * inverse_total[v]
        redundancy = 0.0
        for k in range(indptr[v], indptr[v + 1]):
            j = indices[k]
            share_j, scale_j = share[j], inverse_largest[j]
            for t in range(indptr[j], up_end[j]):
                q = up[t]
                # The tie j-q makes j redundant through q, and q through j.
                term = up_weight[t] * (share[q] * scale_j + share_j * inverse_largest[q])
                redundancy += term if stamp[q] == v else 0.0
        result[v] = (indptr[v + 1] - indptr[v]) - redundancy


@parallel_kernel
def _effective_blocks(
    indptr: Ints,
    indices: Indices,
    weight: Floats,
    up_end: Ints,
    up: Indices,
    up_weight: Floats,
    inverse_total: Floats,
    inverse_largest: Floats,
    bounds: Ints,
    result: Floats,
) -> None:
    n = len(indptr) - 1
    for b in prange(len(bounds) - 1):
        stamp = np.full(n, -1, np.int32)
        share = np.zeros(n)
        _effective_rows(
            indptr, indices, weight, up_end, up, up_weight, inverse_total, inverse_largest,
            bounds[b], bounds[b + 1], stamp, share, result,
        )  # fmt: skip


def effective_sizes(
    indptr: Ints, indices: Indices, weight: Floats, up_end: Ints, up: Indices, up_weight: Floats
) -> Floats:
    """Burt's effective size ``sum_j (1 - sum_q p_vq m_jq)`` of every node (0 for an isolate).

    ``p_vq``: ``w_vq`` over ``v``'s total weight; ``m_jq``: ``w_jq`` over ``j``'s largest.
    """
    n = len(indptr) - 1
    inverse_total, inverse_largest = _inverse_strengths(indptr, weight)
    result = np.zeros(n)
    arrays = (indptr, indices, weight, up_end, up, up_weight, inverse_total, inverse_largest)
    bounds = work_blocks(n, lambda: _work(indptr, indices, up_end, True))
    if len(bounds) > 2:
        _effective_blocks(*arrays, bounds, result)
    else:
        _effective_rows(*arrays, 0, n, np.full(n, -1, np.int32), np.zeros(n), result)
    return result


# -- constraint --------------------------------------------------------------------------------
@kernel
def _constraint_rows(
    indptr: Ints,
    indices: Indices,
    weight: Floats,
    up_end: Ints,
    up: Indices,
    up_weight: Floats,
    inverse_total: Floats,
    lo: int,
    hi: int,
    stamp: Indices,
    share: Floats,
    indirect: Floats,
    result: Floats,
) -> None:
    weighted = len(weight) > 0
    for v in range(lo, hi):
        for k in range(indptr[v], indptr[v + 1]):
            j = indices[k]
            stamp[j] = v
            share[j] = (weight[k] if weighted else 1.0) * inverse_total[v]
            indirect[j] = 0.0
        for k in range(indptr[v], indptr[v + 1]):
            j = indices[k]
            share_j, scale_j = share[j], inverse_total[j]
            through_j = 0.0
            for t in range(indptr[j], up_end[j]):
                q = up[t]
                # Paths v-q-j and v-j-q through the tie j-q.
                if stamp[q] == v:
                    w = up_weight[t] if weighted else 1.0
                    through_j += share[q] * w * inverse_total[q]
                    indirect[q] += share_j * w * scale_j
            indirect[j] += through_j
        total = 0.0
        for k in range(indptr[v], indptr[v + 1]):
            j = indices[k]
            total += (share[j] + indirect[j]) ** 2
        result[v] = total


@parallel_kernel
def _constraint_blocks(
    indptr: Ints,
    indices: Indices,
    weight: Floats,
    up_end: Ints,
    up: Indices,
    up_weight: Floats,
    inverse_total: Floats,
    bounds: Ints,
    result: Floats,
) -> None:
    n = len(indptr) - 1
    for b in prange(len(bounds) - 1):
        stamp = np.full(n, -1, np.int32)
        share = np.zeros(n)
        indirect = np.zeros(n)
        _constraint_rows(
            indptr, indices, weight, up_end, up, up_weight, inverse_total,
            bounds[b], bounds[b + 1], stamp, share, indirect, result,
        )  # fmt: skip


def constraints(
    indptr: Ints, indices: Indices, weight: Floats, up_end: Ints, up: Indices, up_weight: Floats
) -> Floats:
    """Burt's constraint ``sum_j (p_vj + sum_q p_vq p_qj)^2`` of every node (0 for an isolate).

    Empty ``weight`` and ``up_weight``: every tie weighs 1 (no arrays of ones are made).
    """
    n = len(indptr) - 1
    inverse_total, _ = _inverse_strengths(indptr, weight)
    result = np.zeros(n)
    arrays = (indptr, indices, weight, up_end, up, up_weight, inverse_total)
    bounds = work_blocks(n, lambda: _work(indptr, indices, up_end, True))
    if len(bounds) > 2:
        _constraint_blocks(*arrays, bounds, result)
    else:
        scratch = (np.full(n, -1, np.int32), np.zeros(n), np.zeros(n))
        _constraint_rows(*arrays, 0, n, *scratch, result)
    return result
