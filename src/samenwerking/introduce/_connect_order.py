"""Each profile's partner profiles by cost, cheapest first, by counting (private).

The cost matrix of a region holds few distinct values (the cost model adds a handful of
terms), so ordering every row is a counting sort over the distinct costs, found and looked
up in a small hash table of their bit patterns: linear in the matrix, where a stable
``argsort`` of every row (and ``np.unique`` of the whole matrix) sorts tens of millions of
entries at national scale. The order is the same: by cost, equal costs in column order.

Example
-------
>>> import numpy as np
>>> costs = np.array([[2.0, 1.0, 2.0], [1.0, 1.0, 3.0], [3.0, 2.0, 1.0]])
>>> distinct, by_row = order_partners(costs)
>>> distinct.tolist(), by_row.tolist()
([1.0, 2.0, 3.0], [[1, 0, 2], [0, 1, 2], [2, 1, 0]])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["MAX_DISTINCT", "order_partners"]

MAX_DISTINCT = 1024
"""Above this many distinct costs the rows are ordered by ``argsort`` instead."""

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def order_partners(costs: Floats) -> tuple[Floats, Ints]:
    """``(distinct, by_row)``: the sorted distinct costs, and each row's columns by cost.

    ``by_row`` equals ``np.argsort(costs, axis=1, kind="stable")`` and ``distinct`` equals
    ``np.unique(costs)``.
    """
    costs = np.ascontiguousarray(costs, np.float64)
    if not costs.size:
        return np.unique(costs), np.argsort(costs, axis=1, kind="stable").astype(np.int64)
    bits = np.ascontiguousarray(costs).view(np.int64)
    keys, used = _distinct_bits(costs, bits, MAX_DISTINCT)
    if np.isnan(costs).any() or not used.any():  # NaN, or too many distinct values to count
        return np.unique(costs), np.argsort(costs, axis=1, kind="stable").astype(np.int64)
    distinct = np.sort(keys[used].view(np.float64))
    rank = np.full(len(keys), -1, np.int64)
    rank[used] = np.searchsorted(distinct, keys[used].view(np.float64))
    return distinct, _counting_order(costs, bits, keys, rank, len(distinct))


@kernel
def _slot(key: np.int64, keys: Ints, used: npt.NDArray[np.bool_]) -> int:  # pragma: no cover
    """Where ``key`` is, or would go, in the open-addressing table ``keys``."""
    mask: int = keys.shape[0] - 1
    slot = (np.uint64(key) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(40)
    at: int = int(slot) & mask
    while used[at] and keys[at] != key:
        at = (at + 1) & mask
    return at


@kernel
def _distinct_bits(
    costs: Floats, bits: Ints, cap: int
) -> tuple[Ints, npt.NDArray[np.bool_]]:  # pragma: no cover - compiled
    """A hash table of the distinct costs' bit patterns (0.0 and -0.0 as one); none used
    when there are more than ``cap``."""
    size = 1
    while size < 2 * cap:
        size *= 2
    keys = np.zeros(size, np.int64)
    used = np.zeros(size, np.bool_)
    count = 0
    flat, raw = costs.ravel(), bits.ravel()
    last = np.int64(0)
    have_last = False
    for i in range(flat.shape[0]):
        key = np.int64(0) if flat[i] == 0.0 else raw[i]
        if have_last and key == last:
            continue
        at = _slot(key, keys, used)
        if not used[at]:
            if count == cap:
                used[:] = False
                return keys, used
            used[at] = True
            keys[at] = key
            count += 1
        last, have_last = key, True
    return keys, used


@kernel
def _counting_order(
    costs: Floats, bits: Ints, keys: Ints, rank: Ints, d: int
) -> Ints:  # pragma: no cover - compiled
    rows, cols = costs.shape
    used = rank >= 0
    by_row = np.empty((rows, cols), np.int64)
    code = np.empty(cols, np.int64)
    start = np.empty(d + 1, np.int64)
    for r in range(rows):
        start[:] = 0
        for c in range(cols):
            key = np.int64(0) if costs[r, c] == 0.0 else bits[r, c]
            k = rank[_slot(key, keys, used)]
            code[c] = k
            start[k + 1] += 1
        for k in range(d):
            start[k + 1] += start[k]
        for c in range(cols):
            k = code[c]
            by_row[r, start[k]] = c
            start[k] += 1
    return by_row
