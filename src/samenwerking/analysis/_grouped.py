"""Compiled counting over groups of nodes: group nodes by label, tally codes per group.

Both are counting sorts over numpy arrays, linear in the number of nodes; they turn
component labels into member lists and per-island counts without sorting or hashing.

Example
-------
>>> import numpy as np
>>> members, bounds = group_by_label(np.array([1, 0, 1], np.int64), 2, np.arange(3))
>>> members.tolist(), bounds.tolist()
([1, 0, 2], [0, 1, 3])
>>> codes = np.array([2, 0, 2], np.int64)
>>> [a.tolist() for a in tally_grouped(members, bounds, codes)]
[[0, 1, 2], [0, 2], [1, 2]]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["group_by_label", "tally_grouped"]

IntArray = npt.NDArray[np.int64]


@kernel
def _group(labels: IntArray, count: int, nodes: IntArray) -> tuple[IntArray, IntArray]:
    bounds = np.zeros(count + 1, np.int64)
    for v in range(len(labels)):
        bounds[labels[v] + 1] += 1
    for c in range(count):
        bounds[c + 1] += bounds[c]
    fill = bounds[:-1].copy()
    members = np.empty(len(nodes), np.int64)
    for v in nodes:
        c = labels[v]
        members[fill[c]] = v
        fill[c] += 1
    return members, bounds


def group_by_label(labels: IntArray, count: int, nodes: IntArray) -> tuple[IntArray, IntArray]:
    """The nodes grouped by label (a counting sort): group ``c`` is ``members[b[c] : b[c + 1]]``.

    ``nodes`` lists every node once; inside a group the nodes keep their order in it.

    Example
    -------
    >>> import numpy as np
    >>> members, b = group_by_label(np.array([1, 1, 0], np.int64), 2, np.array([1, 2, 0]))
    >>> members.tolist(), b.tolist()
    ([2, 1, 0], [0, 1, 3])
    """
    labels = np.ascontiguousarray(labels, np.int64)
    return _group(labels, int(count), np.ascontiguousarray(nodes, np.int64))


@kernel
def _tally(
    members: IntArray, bounds: IntArray, codes: IntArray
) -> tuple[IntArray, IntArray, IntArray]:
    width = 0
    for x in codes:
        width = max(width, x + 1)
    seen = np.zeros(width, np.int64)
    starts = np.zeros(len(bounds), np.int64)
    which = np.empty(len(members), np.int64)
    counts = np.empty(len(members), np.int64)
    k = 0
    for g in range(len(bounds) - 1):
        for i in range(bounds[g], bounds[g + 1]):
            x = codes[members[i]]
            if x >= 0:
                seen[x] += 1
        first = k
        for i in range(bounds[g], bounds[g + 1]):
            x = codes[members[i]]
            if x < 0 or seen[x] == 0:
                continue
            # insert (x, seen[x]) into the group's entries, kept in code order
            at = k
            while at > first and which[at - 1] > x:
                which[at] = which[at - 1]
                counts[at] = counts[at - 1]
                at -= 1
            which[at] = x
            counts[at] = seen[x]
            seen[x] = 0
            k += 1
        starts[g + 1] = k
    return starts, which[:k], counts[:k]


def tally_grouped(
    members: IntArray, bounds: IntArray, codes: IntArray
) -> tuple[IntArray, IntArray, IntArray]:
    """Per group, each code its members carry and how many carry it (code ``-1`` skipped).

    Returns ``(starts, codes, counts)``: group ``g``'s codes are
    ``codes[starts[g] : starts[g + 1]]``, ascending, with their member counts.

    Example
    -------
    >>> import numpy as np
    >>> starts, found, counts = tally_grouped(
    ...     np.arange(4), np.array([0, 3, 4]), np.array([1, -1, 1, 0]))
    >>> starts.tolist(), found.tolist(), counts.tolist()
    ([0, 1, 2], [1, 0], [2, 1])
    """
    return _tally(
        np.ascontiguousarray(members, np.int64),
        np.ascontiguousarray(bounds, np.int64),
        np.ascontiguousarray(codes, np.int64),
    )
