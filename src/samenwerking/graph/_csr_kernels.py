"""Compiled CSR construction: sorted, deduplicated rows from endpoint arrays, in O(m).

Arcs are placed by two counting sorts (first by head, then by tail, both stable), so each
row's heads come out ascending without a comparison sort and without a key array; equal
arcs then merge into one whose weight is their count (or the sum of their weights). Beyond
its output the build holds one arc-id array (``int32``), so a graph of 500,000 ties is
built in about 15 MB rather than the 40 MB of a sort over ``int64`` keys.

Example
-------
>>> import numpy as np
>>> s, t = np.array([0, 1, 1], np.int32), np.array([1, 0, 2], np.int32)
>>> indptr, heads, weight = arcs_csr(s, t, np.zeros(0, np.bool_), np.zeros(0), 3)
>>> indptr.tolist(), heads.tolist(), weight.tolist()
([0, 1, 3, 4], [1, 0, 2, 1], [2.0, 2.0, 1.0, 1.0])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["arcs_csr"]

MAX_TIES = 2**30 - 1
"""Arc ids are ``int32`` (``2 * tie + direction``): at most this many ties per build."""


@kernel
def _counts(
    source: npt.NDArray[np.int32],
    target: npt.NDArray[np.int32],
    both: npt.NDArray[np.bool_],
    n: int,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:  # pragma: no cover - compiled
    """Row pointers by tail and by head of the arcs (self loops and ``-1`` ends skipped)."""
    every = both.shape[0] == 0
    out_ptr = np.zeros(n + 1, np.int64)
    in_ptr = np.zeros(n + 1, np.int64)
    for e in range(source.shape[0]):
        s, t = source[e], target[e]
        if s < 0 or t < 0 or s == t:
            continue
        out_ptr[s + 1] += 1
        in_ptr[t + 1] += 1
        if every or both[e]:
            out_ptr[t + 1] += 1
            in_ptr[s + 1] += 1
    for i in range(n):
        out_ptr[i + 1] += out_ptr[i]
        in_ptr[i + 1] += in_ptr[i]
    return out_ptr, in_ptr


@kernel
def _place(
    source: npt.NDArray[np.int32],
    target: npt.NDArray[np.int32],
    both: npt.NDArray[np.bool_],
    weights: npt.NDArray[np.float64],
    out_ptr: npt.NDArray[np.int64],
    in_ptr: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float64]]:  # pragma: no cover - compiled
    """Every row's heads, ascending (duplicates kept), and their weights (empty: ones)."""
    n = out_ptr.shape[0] - 1
    every = both.shape[0] == 0
    by_head = np.empty(in_ptr[n], np.int32)  # arc ids 2e (s -> t) and 2e + 1 (t -> s)
    fill = in_ptr[:n].copy()
    for e in range(source.shape[0]):
        s, t = source[e], target[e]
        if s < 0 or t < 0 or s == t:
            continue
        by_head[fill[t]] = 2 * e
        fill[t] += 1
        if every or both[e]:
            by_head[fill[s]] = 2 * e + 1
            fill[s] += 1
    weighted = weights.shape[0] > 0
    heads = np.empty(out_ptr[n], np.int32)
    arc_weight = np.empty(out_ptr[n] if weighted else 0, np.float64)
    fill = out_ptr[:n].copy()
    for h in range(n):  # heads ascending: each row receives its heads in order
        for k in range(in_ptr[h], in_ptr[h + 1]):
            arc = by_head[k]
            e = arc >> 1
            tail = target[e] if arc & 1 else source[e]
            at = fill[tail]
            fill[tail] += 1
            heads[at] = h
            if weighted:
                arc_weight[at] = weights[e]
    return heads, arc_weight


@kernel
def _merge(
    out_ptr: npt.NDArray[np.int64],
    heads: npt.NDArray[np.int32],
    arc_weight: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.int64], int, npt.NDArray[np.float64]]:  # pragma: no cover - compiled
    """Merge equal neighbours of each row in place; the new row pointers and arc count."""
    n = out_ptr.shape[0] - 1
    weighted = arc_weight.shape[0] > 0
    indptr = np.zeros(n + 1, np.int64)
    weight = np.empty(heads.shape[0], np.float64)
    w = 0
    for i in range(n):
        k, end = out_ptr[i], out_ptr[i + 1]
        while k < end:
            h = heads[k]
            total = arc_weight[k] if weighted else 1.0
            k += 1
            while k < end and heads[k] == h:
                total += arc_weight[k] if weighted else 1.0
                k += 1
            heads[w] = h
            weight[w] = total
            w += 1
        indptr[i + 1] = w
    return indptr, w, weight


def arcs_csr(
    source: npt.NDArray[np.int32],
    target: npt.NDArray[np.int32],
    both: npt.NDArray[np.bool_],
    weights: npt.NDArray[np.float64],
    n: int,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32], npt.NDArray[np.float64]]:
    """CSR arrays of the arcs ``source[e] -> target[e]``, and back where ``both[e]``.

    ``both`` empty means every tie goes both ways (an undirected graph: each edge in both
    rows); ``weights`` empty means each tie counts 1. Ends of ``-1`` and self loops are
    skipped; equal arcs merge, their weights adding up. Returns ``indptr`` (``int64``),
    heads (``int32``, ascending within each row) and weights (``float64``).

    Example
    -------
    >>> s, t = np.array([0, 0], np.int32), np.array([2, 1], np.int32)
    >>> indptr, heads, _ = arcs_csr(s, t, np.array([False, False]), np.zeros(0), 3)
    >>> indptr.tolist(), heads.tolist()
    ([0, 2, 2, 2], [1, 2])
    """
    if len(source) > MAX_TIES:
        raise ValueError(f"at most {MAX_TIES:,} ties can be built into one graph")
    source = np.ascontiguousarray(source, np.int32)
    target = np.ascontiguousarray(target, np.int32)
    both = np.ascontiguousarray(both, np.bool_)
    weights = np.ascontiguousarray(weights, np.float64)
    out_ptr, in_ptr = _counts(source, target, both, int(n))
    heads, arc_weight = _place(source, target, both, weights, out_ptr, in_ptr)
    del in_ptr
    indptr, arcs, weight = _merge(out_ptr, heads, arc_weight)
    if arcs < len(heads):  # equal arcs merged: release the unused tails
        return indptr, heads[:arcs].copy(), weight[:arcs].copy()
    return indptr, heads, weight
