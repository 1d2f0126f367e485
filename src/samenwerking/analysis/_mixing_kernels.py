"""Compiled counts behind :mod:`samenwerking.analysis.mixing`.

:func:`dense_codes` renumbers a grouping over the groups that occur. The mixing matrix
counts each tie once, from the lower half of each sorted CSR row, its rows split in blocks
over numba's threads when there is enough work. The E-I index's counts are in
:mod:`samenwerking.analysis._ei_kernels`.

Example
-------
>>> import numpy as np
>>> group = np.array([0, 0, 1], np.int64)
>>> [a.tolist() for a in dense_codes(np.array([2, -1, 2, 0], np.int64), 4)]
[[1, 2, 1, 0], [0, 2, 3]]
>>> indptr, indices = np.array([0, 1, 3, 4], np.int64), np.array([1, 0, 2, 1], np.int32)
>>> group_pair_counts(indptr, indices, group, 2, np.array([0, 3], np.int64)).tolist()
[[2, 1], [1, 0]]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel, parallel_kernel, prange

__all__ = ["dense_codes", "group_pair_counts"]

Ints = npt.NDArray[np.int64]


@kernel
def dense_codes(codes: Ints, width: int) -> tuple[Ints, Ints]:  # pragma: no cover - compiled
    """Codes ``0..width-2`` (``-1``: the last, ``width - 1``) renumbered over those present.

    Returns each node's new code and the old codes present, ascending.
    """
    seen = np.zeros(width, np.int64)
    for c in codes:
        seen[width - 1 if c < 0 else c] = 1
    count = 0  # a loop, not np.flatnonzero: less to compile
    for c in range(width):
        count += seen[c]
    present = np.empty(count, np.int64)
    count = 0
    for c in range(width):
        if seen[c]:
            present[count] = c
            count += 1
    remap = np.full(width, -1, np.int64)
    for i in range(present.shape[0]):
        remap[present[i]] = i
    out = np.empty(codes.shape[0], np.int64)
    for i in range(codes.shape[0]):
        c = codes[i]
        out[i] = remap[width - 1 if c < 0 else c]
    return out, present


def group_pair_counts(
    indptr: Ints, indices: npt.NDArray[np.int32], group: Ints, k: int, blocks: Ints
) -> Ints:
    """A ``k x k`` table with one count at ``[group[row], group[col]]`` per CSR entry.

    The CSR arrays are those of an undirected graph (symmetric, sorted rows, no self
    loops): each tie is counted once and the table added to its transpose. Rows
    ``blocks[b]:blocks[b + 1]`` are counted by one thread each (one block: no threads).
    """
    if len(blocks) == 2:
        tables = np.zeros((1, 4 * k * k), np.int64)
        _count_rows(indptr, indices, group, k, 0, len(indptr) - 1, tables[0])
    else:
        tables = _count_blocks(indptr, indices, group, k, blocks)
    once = tables.reshape(4 * len(tables), k * k).sum(axis=0).reshape(k, k)
    summed: Ints = once + once.T  # each tie from both ends
    return summed


@kernel
def _count_rows(
    indptr: Ints,
    indices: npt.NDArray[np.int32],
    group: Ints,
    k: int,
    start: int,
    stop: int,
    table: Ints,
) -> None:  # pragma: no cover - compiled
    # Each tie once, from its higher end: the sorted row's entries below the row itself.
    # Four interleaved tables, so that consecutive entries rarely wait on the same count.
    kk = k * k
    for row in range(start, stop):
        base = group[row] * k
        at = indptr[row]
        end = indptr[row + 1]
        while at + 4 <= end and indices[at + 3] < row:
            table[base + group[indices[at]]] += 1
            table[kk + base + group[indices[at + 1]]] += 1
            table[2 * kk + base + group[indices[at + 2]]] += 1
            table[3 * kk + base + group[indices[at + 3]]] += 1
            at += 4
        while at < end and indices[at] < row:
            table[base + group[indices[at]]] += 1
            at += 1


@parallel_kernel
def _count_blocks(
    indptr: Ints, indices: npt.NDArray[np.int32], group: Ints, k: int, blocks: Ints
) -> Ints:  # pragma: no cover - compiled
    tables = np.zeros((blocks.shape[0] - 1, 4 * k * k), np.int64)
    for b in prange(blocks.shape[0] - 1):
        _count_rows(indptr, indices, group, k, blocks[b], blocks[b + 1], tables[b])
    return tables
