"""Compiled counts over the ties of a CSR graph by group: one pass, no per-edge arrays.

The E-I index needs, per tie, whether both ends share a group. Counting straight from the
CSR rows (each edge once, from its lower end) keeps the work O(m) and the memory O(n + k);
numpy over edge arrays would hold several ``int64`` arrays of one entry per tie (some 40 MB
at 500,000 ties, 400 MB nationally), once for every shuffle of the permutation test.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 1, 3, 4], np.int64)  # the path 0 - 1 - 2
>>> indices = np.array([1, 0, 2, 1], np.int32)
>>> group = np.array([0, 0, 1], np.int64)
>>> internal, inside, outside, same = ei_counts(indptr, indices, group, 2)
>>> internal, inside.tolist(), outside.tolist(), same.tolist()
(1, [1, 0], [1, 1], [1, 1, 0])
>>> upper = upper_starts(indptr, indices)
>>> upper.tolist()
[0, 2, 4]
>>> int(internal_after_relabel(indptr, upper, indices, group, np.array([2, 1, 0], np.int64)))
1
>>> pair_keys(indptr, indices, group, 2).tolist()  # groups (0, 0) and (0, 1)
[0, 1]
>>> sorted_in(np.array([1, 4, 6], np.int64), np.array([0, 4, 5, 6], np.int64)).tolist()
[False, True, True]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel, parallel_kernel, prange

__all__ = [
    "ei_counts",
    "internal_after_relabel",
    "internal_after_relabels",
    "pair_keys",
    "sorted_in",
    "upper_starts",
]

Ints = npt.NDArray[np.int64]


@kernel
def ei_counts(
    indptr: Ints, indices: npt.NDArray[np.int32], group: Ints, k: int
) -> tuple[int, Ints, Ints, Ints]:  # pragma: no cover - compiled
    """Ties inside a group; per group its internal ties and its ends of external ties;
    per node its neighbours in its own group."""
    n = indptr.shape[0] - 1
    inside = np.zeros(k, np.int64)
    outside = np.zeros(k, np.int64)
    same = np.zeros(n, np.int64)
    internal = 0
    for i in range(n):
        gi = group[i]
        for at in range(indptr[i], indptr[i + 1]):
            j = indices[at]
            gj = group[j]
            if gi == gj:
                same[i] += 1
            if i < j:
                if gi == gj:
                    inside[gi] += 1
                    internal += 1
                else:
                    outside[gi] += 1
                    outside[gj] += 1
    return internal, inside, outside, same


@kernel
def upper_starts(indptr: Ints, indices: npt.NDArray[np.int32]) -> Ints:  # pragma: no cover
    """Where each row's neighbours above the row begin (rows are sorted)."""
    n = indptr.shape[0] - 1
    starts = np.empty(n, np.int64)
    for i in range(n):
        at = indptr[i]
        end = indptr[i + 1]
        while at < end and indices[at] < i:
            at += 1
        starts[i] = at
    return starts


@kernel
def internal_after_relabel(
    indptr: Ints, upper: Ints, indices: npt.NDArray[np.int32], group: Ints, order: Ints
) -> int:  # pragma: no cover - compiled
    """How many ties join one group once node ``j`` has group ``group[order[j]]``.

    ``upper[i]`` is where row ``i``'s neighbours above ``i`` begin (:func:`upper_starts`):
    each tie is counted once, from its lower end.
    """
    n = indptr.shape[0] - 1
    shuffled = np.empty(n, np.int64)
    for j in range(n):
        shuffled[j] = group[order[j]]
    return _internal_ties(indptr, upper, indices, shuffled)


@parallel_kernel
def internal_after_relabels(
    indptr: Ints, upper: Ints, indices: npt.NDArray[np.int32], group: Ints, orders: Ints, out: Ints
) -> None:  # pragma: no cover - compiled
    """:func:`internal_after_relabel` for every row of ``orders``, rows over the threads.

    Each row of ``orders`` is overwritten with the groups it assigns (no other scratch);
    ``out[r]`` receives row ``r``'s count (``out`` is made by the caller: an array made
    inside a parallel kernel costs its compilation about 0.3 s).
    """
    n = indptr.shape[0] - 1
    for r in prange(orders.shape[0]):
        shuffled = orders[r]
        for j in range(n):
            shuffled[j] = group[shuffled[j]]
        out[r] = _internal_ties(indptr, upper, indices, shuffled)


@kernel
def _internal_ties(
    indptr: Ints, upper: Ints, indices: npt.NDArray[np.int32], label: Ints
) -> int:  # pragma: no cover - compiled
    # Ties whose two ends have the same label, each counted once from its lower end.
    internal = 0
    for i in range(indptr.shape[0] - 1):
        gi = label[i]
        for at in range(upper[i], indptr[i + 1]):
            internal += label[indices[at]] == gi
    return internal


@kernel
def pair_keys(
    indptr: Ints, indices: npt.NDArray[np.int32], code: Ints, width: int
) -> Ints:  # pragma: no cover - compiled
    """One key per tie (from its lower end, in CSR order): ``low * width + high`` of the
    ends' codes, ``low <= high``; the unordered pair of codes, without edge arrays."""
    n = indptr.shape[0] - 1
    keys = np.empty(indices.shape[0] // 2, np.int64)
    k = 0
    for i in range(n):
        ci = code[i]
        for at in range(indptr[i], indptr[i + 1]):
            j = indices[at]
            if j > i:
                cj = code[j]
                keys[k] = ci * width + cj if ci <= cj else cj * width + ci
                k += 1
    return keys[:k]


@kernel
def sorted_in(values: Ints, pool: Ints) -> npt.NDArray[np.bool_]:  # pragma: no cover - compiled
    """Whether each of the ascending ``values`` occurs in the ascending ``pool`` (a merge)."""
    found = np.zeros(values.shape[0], np.bool_)
    j = 0
    for i in range(values.shape[0]):
        while j < pool.shape[0] and pool[j] < values[i]:
            j += 1
        found[i] = j < pool.shape[0] and pool[j] == values[i]
    return found
