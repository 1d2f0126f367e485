"""Compiled sums behind :func:`samenwerking.analysis.trust.trust_value`.

One pass over the ties adds each rating to its rated group and to the whole; a counting sort
by (rater group, rated group) then adds it to its pair. Every sum runs over the ties in
their input order, so the means are those of :func:`numpy.bincount` to the last bit.

Example
-------
>>> import numpy as np
>>> ends = np.array([0, 1], np.int32), np.array([1, 0], np.int32)
>>> scores = np.array([4.0, 2.0]), np.array([np.nan, 1.0])
>>> counts, _, sums, *_ = rating_sums(*ends, np.array([0, 1], np.int64), 2, *scores, False)
>>> counts.tolist(), sums.tolist()  # rated groups 0 and 1, then the whole
([[1, 1, 1], [1, 1, 0], [2, 2, 1]], [[2.0, 1.0], [4.0, 0.0], [6.0, 1.0]])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel
from samenwerking.analysis._sorting import sort_run

__all__ = ["rating_sums"]

Ints = npt.NDArray[np.int64]
Ends = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float64]


@kernel
def rating_sums(
    source: Ends,
    target: Ends,
    code: Ints,
    k: int,
    trust: Floats,
    value: Floats,
    undirected: bool,
) -> tuple[Ints, Ints, Floats, Floats, Ints, Ints]:  # pragma: no cover - compiled
    """Counts and sums per rated group, per group pair and overall.

    ``source``/``target`` are node positions of the ties (``int32``), ``code`` each node's
    group (``-1``: skip its ties), ``k`` the number of groups, ``trust``/``value`` the
    ratings (NaN: none). Ties between one node, or with neither rating, are skipped. With
    ``undirected`` a pair is unordered (smaller code first) and a rating counts for the
    groups of both ends (once when they share one: rated ends first, then the others).

    Returns ``(group_counts, pair_counts, group_sums, pair_sums, rater, rated)``: counts
    (ratings, trust ratings, value ratings) and sums (trust, value) per row, the group rows
    indexed by code, the pair rows sorted by ``(rater, rated)``; and a last counts and sums
    row in the group arrays holding the whole.
    """
    m = len(source)
    group_counts = np.zeros((k + 1, 3), np.int64)
    group_sums = np.zeros((k + 1, 2), np.float64)
    rater = np.empty(m, np.int32)  # -1: the tie is skipped
    rated = np.empty(m, np.int32)
    start = np.zeros(k + 1, np.int64)  # ties per rater, then where its bucket starts
    for i in range(m):
        s, t = source[i], target[i]
        a, b = code[s], code[t]
        x, y = trust[i], value[i]
        if s == t or a < 0 or b < 0 or (x != x and y != y):
            rater[i] = -1
            continue
        if undirected and a > b:
            a, b = b, a
        rater[i], rated[i] = a, b
        start[a + 1] += 1
        for g in (b, k):
            group_counts[g, 0] += 1
            if x == x:
                group_counts[g, 1] += 1
                group_sums[g, 0] += x
            if y == y:
                group_counts[g, 2] += 1
                group_sums[g, 1] += y
    for g in range(k):
        start[g + 1] += start[g]
    # A stable counting sort by rater: each rater's ties, in input order, laid out in a row.
    n = start[k]
    rated_by = np.empty(n, np.int32)
    trust_by = np.empty(n, np.float64)
    value_by = np.empty(n, np.float64)
    fill = start[:k].copy()
    for i in range(m):
        a = rater[i]
        if a < 0:
            continue
        j = fill[a]
        fill[a] += 1
        b, x, y = rated[i], trust[i], value[i]
        rated_by[j], trust_by[j], value_by[j] = b, x, y
        if undirected and a != b:
            group_counts[a, 0] += 1
            if x == x:
                group_counts[a, 1] += 1
                group_sums[a, 0] += x
            if y == y:
                group_counts[a, 2] += 1
                group_sums[a, 1] += y
    # Distinct rated groups per rater, found with a marker; then their sums, in order.
    seen = np.full(k, -1, np.int64)
    n_pairs = 0
    for a in range(k):
        for j in range(start[a], start[a + 1]):
            b = rated_by[j]
            if seen[b] != a:
                seen[b] = a
                n_pairs += 1
    pair_counts = np.zeros((n_pairs, 3), np.int64)
    pair_sums = np.zeros((n_pairs, 2), np.float64)
    pair_rater = np.empty(n_pairs, np.int64)
    pair_rated = np.empty(n_pairs, np.int64)
    slot = np.empty(k, np.int64)
    p = np.int64(0)  # not the literal 0: sort_run compiles for int64 only
    for a in range(k):
        first = p
        for j in range(start[a], start[a + 1]):
            b = rated_by[j]
            if seen[b] != k + a:  # marked a second time: k + a
                seen[b] = k + a
                pair_rated[p] = b
                p += 1
        sort_run(pair_rated, first, p)
        for q in range(first, p):
            pair_rater[q] = a
            slot[pair_rated[q]] = q
        for j in range(start[a], start[a + 1]):
            q = slot[rated_by[j]]
            x, y = trust_by[j], value_by[j]
            pair_counts[q, 0] += 1
            if x == x:
                pair_counts[q, 1] += 1
                pair_sums[q, 0] += x
            if y == y:
                pair_counts[q, 2] += 1
                pair_sums[q, 1] += y
    return group_counts, pair_counts, group_sums, pair_sums, pair_rater, pair_rated
