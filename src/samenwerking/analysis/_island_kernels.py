"""Compiled island layout: connected components, ordered and grouped as ``islands`` lists them.

:func:`island_layout` finds the connected components of a symmetric CSR adjacency by
union-find, orders them largest first (equal sizes by their first member in a given
ranking of the nodes) and lists every island's members in that ranking, with the runs of
consecutive ranks they form, so that the caller can slice member tuples out of the ranked
ids instead of picking them one by one.

The union-find first links every node to its first two neighbours only; every node then
in the largest set so far skips the rest of its neighbours, since an edge from it to a
node outside that set is also read from the other end (the sampling of Sutton, Ben-Nun and
Barak 2018). In a region with one big island most of the adjacency is never read.
:func:`tally_islands` then counts the sectors, domains and municipalities of every island
in one call.

Takes the ``indptr`` (int64) and ``indices`` (int32) of a symmetric CSR adjacency
without self loops or repeated entries, as a
:class:`~samenwerking.graph.compact.CompactGraph` holds them.

References
----------
Sutton, M., Ben-Nun, T. and Barak, A. (2018). Optimizing parallel graph connectivity
computation via subgraph sampling. *IPDPS 2018*, 12-21.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 0, 1, 3, 4], np.int64)  # node 0 alone, the path 1 - 2 - 3
>>> indices = np.array([2, 1, 3, 2], np.int32)
>>> layout = island_layout(indptr, indices, np.arange(4, dtype=np.int64))
>>> layout.ranks.tolist(), layout.bounds.tolist()
([1, 2, 3, 0], [0, 3, 4])
>>> layout.runs.tolist(), layout.run_bounds.tolist()
([1, 4, 0, 1], [0, 1, 2])
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel
from samenwerking.analysis._readonly import readonly

__all__ = ["IslandLayout", "Tally", "island_layout", "tally_islands"]

IntArray = npt.NDArray[np.int64]

_SAMPLED = 2
"""Neighbours per node linked before the largest set is picked."""


class IslandLayout(NamedTuple):
    """The islands of a graph, largest first, as arrays.

    Island ``c`` holds the nodes ranked ``ranks[bounds[c] : bounds[c + 1]]`` (ascending);
    they form the runs ``runs[2 * r] : runs[2 * r + 1]`` of consecutive ranks, for ``r``
    in ``run_bounds[c] : run_bounds[c + 1]``.
    """

    ranks: IntArray
    """Every node's rank, grouped by island."""
    bounds: IntArray
    """Where each island starts in :attr:`ranks` (one more entry than islands)."""
    runs: IntArray
    """Start and end (exclusive) of each run of consecutive ranks, flat."""
    run_bounds: IntArray
    """Where each island's runs start (in pairs of :attr:`runs`)."""


@kernel
def _find(root: npt.NDArray[np.int32], v: int | np.int64) -> int | np.int64:
    while root[v] != v:
        root[v] = root[root[v]]  # path halving
        v = root[v]
    return v


@kernel
def _link(root: npt.NDArray[np.int32], a: int, b: int) -> None:
    # Join the sets of a and b under the smaller root, so every root is its set's first node.
    ra = _find(root, np.int64(a))  # int64 whatever the caller's: _find compiles once
    rb = _find(root, np.int64(b))
    if ra < rb:
        root[rb] = ra
    elif rb < ra:
        root[ra] = rb


@kernel
def _roots(indptr: IntArray, indices: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    n = len(indptr) - 1
    root = np.empty(n, np.int32)
    for v in range(n):
        root[v] = v
    for v in range(n):
        for at in range(indptr[v], min(indptr[v] + _SAMPLED, indptr[v + 1])):
            _link(root, v, indices[at])
    count = np.zeros(n, np.int64)
    for v in range(n):  # compress fully and count the sets' sizes
        r = _find(root, v)
        root[v] = r
        count[r] += 1
    big = 0  # the first largest set (np.argmax costs a compilation of its own)
    for v in range(n):
        if count[v] > count[big]:
            big = v
    for v in range(n):
        if root[v] == big:  # in the largest set: its other ties are read from their far ends
            continue
        for at in range(indptr[v] + _SAMPLED, indptr[v + 1]):
            _link(root, v, indices[at])
    for v in range(n):  # a root comes before its members: one pass points all at it
        root[v] = root[root[v]]
    return root


@kernel
def _layout(
    root: npt.NDArray[np.int32], ranked: IntArray
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    n = len(root)
    size = np.zeros(n, np.int64)  # per root
    for v in range(n):
        size[root[v]] += 1
    # Roots in order of their first member by rank, then stably by size, largest first.
    seen = np.zeros(n, np.bool_)
    by_rank = np.empty(n, np.int64)
    count = 0
    largest = 0
    for i in range(n):
        r = root[ranked[i]]
        if not seen[r]:
            seen[r] = True
            by_rank[count] = r
            count += 1
            largest = max(largest, size[r])
    slot = np.zeros(largest + 2, np.int64)  # islands of each size, then where they start
    for j in range(count):
        slot[largest - size[by_rank[j]] + 1] += 1
    for s in range(largest + 1):
        slot[s + 1] += slot[s]
    island = np.empty(n, np.int64)  # per root: its place, largest first
    bounds = np.zeros(count + 1, np.int64)
    for j in range(count):
        r = by_rank[j]
        c = slot[largest - size[r]]
        slot[largest - size[r]] += 1
        island[r] = c
        bounds[c + 1] = size[r]
    for c in range(count):
        bounds[c + 1] += bounds[c]
    fill = bounds[:-1].copy()
    ranks = np.empty(n, np.int64)
    for i in range(n):  # members in rank order
        c = island[root[ranked[i]]]
        ranks[fill[c]] = i
        fill[c] += 1
    runs = np.empty(2 * n, np.int64)
    run_bounds = np.zeros(count + 1, np.int64)
    k = 0
    for c in range(count):
        for j in range(bounds[c], bounds[c + 1]):
            if j == bounds[c] or ranks[j] != ranks[j - 1] + 1:
                runs[2 * k] = ranks[j]
                k += 1
            runs[2 * k - 1] = ranks[j] + 1
        run_bounds[c + 1] = k
    return ranks, bounds, runs[: 2 * k], run_bounds


def island_layout(
    indptr: IntArray, indices: npt.NDArray[np.int32], ranked: IntArray
) -> IslandLayout:
    """The islands of a symmetric CSR adjacency, largest first, with members by rank.

    ``ranked`` lists the nodes from first to last; equal-sized islands are ordered by their
    first member in it, and members within an island follow it.

    Example
    -------
    >>> import numpy as np
    >>> indptr = np.array([0, 1, 2, 2], np.int64)  # the tie 0 - 1 and node 2 alone
    >>> layout = island_layout(indptr, np.array([1, 0], np.int32), np.array([2, 1, 0]))
    >>> layout.ranks.tolist(), layout.bounds.tolist(), layout.runs.tolist()
    ([1, 2, 0], [0, 2, 3], [1, 3, 0, 1])
    """
    root = _roots(np.ascontiguousarray(indptr, np.int64), np.ascontiguousarray(indices, np.int32))
    return IslandLayout(*_layout(root, np.ascontiguousarray(ranked, np.int64)))


@kernel
def _tally_one(
    members: IntArray, bounds: IntArray, codes: npt.NDArray[np.integer], rank: IntArray
) -> tuple[IntArray, IntArray, IntArray]:
    # Per island, the places rank[code + 1] of its members' codes (-1: left out), ascending,
    # with how many members hold each.
    width = 1
    for x in rank:
        width = max(width, x + 1)
    seen = np.zeros(width, np.int64)
    starts = np.zeros(len(bounds), np.int64)
    which = np.empty(len(members), np.int64)
    counts = np.empty(len(members), np.int64)
    k = 0
    for g in range(len(bounds) - 1):
        a, b = bounds[g], bounds[g + 1]
        if b == a + 1:  # one member: the usual island (an isolate)
            x = rank[codes[members[a]] + 1]
            if x >= 0:
                which[k] = x
                counts[k] = 1
                k += 1
            starts[g + 1] = k
            continue
        for i in range(a, b):
            x = rank[codes[members[i]] + 1]
            if x >= 0:
                seen[x] += 1
        if b - a >= width:  # a big island: read the places in order
            for x in range(width):
                if seen[x]:
                    which[k] = x
                    counts[k] = seen[x]
                    seen[x] = 0
                    k += 1
        else:  # a small one: insert its few places in order
            first = k
            for i in range(a, b):
                x = rank[codes[members[i]] + 1]
                if x < 0 or seen[x] == 0:
                    continue
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


@kernel
def _tallies(
    members: IntArray,
    bounds: IntArray,
    sector: npt.NDArray[np.int32],
    sector_rank: IntArray,
    domain: npt.NDArray[np.int32],
    domain_rank: IntArray,
    municipality: npt.NDArray[np.int32],
    municipality_rank: IntArray,
) -> tuple[
    IntArray, IntArray, IntArray, IntArray, IntArray, IntArray, IntArray, IntArray, IntArray
]:
    s = _tally_one(members, bounds, sector, sector_rank)
    d = _tally_one(members, bounds, domain, domain_rank)
    m = _tally_one(members, bounds, municipality, municipality_rank)
    return s[0], s[1], s[2], d[0], d[1], d[2], m[0], m[1], m[2]


class Tally(NamedTuple):
    """Per island, the names its members carry, in name order, with their counts.

    Island ``c``'s entries are ``names[starts[c] : starts[c + 1]]`` (positions in the sorted
    names) and ``counts`` at the same places.
    """

    starts: IntArray
    names: IntArray
    counts: IntArray


def tally_islands(
    members: IntArray,
    bounds: IntArray,
    coded: tuple[
        tuple[npt.NDArray[np.int16], IntArray],
        tuple[npt.NDArray[np.int16], IntArray],
        tuple[npt.NDArray[np.int32], IntArray],
    ],
) -> tuple[Tally, Tally, Tally]:
    """Tally sectors, domains and municipalities per island in one compiled call.

    ``coded`` holds, per attribute, every node's code (``-1``: unknown) and ``rank``, where
    ``rank[code + 1]`` is the code's place among the sorted names (``-1``: not counted).

    Example
    -------
    >>> import numpy as np
    >>> codes = np.array([1, -1, 1], np.int16), np.array([2, 0, 1], np.int64)
    >>> places = np.array([0, 0, 0], np.int32), np.array([-1, 0], np.int64)
    >>> s, _, m = tally_islands(np.arange(3), np.array([0, 2, 3]), (codes, codes, places))
    >>> s.starts.tolist(), s.names.tolist(), s.counts.tolist(), m.counts.tolist()
    ([0, 2, 3], [1, 2, 1], [1, 1, 1], [2, 1])
    """
    (sector, sector_rank), (domain, domain_rank), (municipality, municipality_rank) = coded
    found = _tallies(
        np.ascontiguousarray(members, np.int64),
        np.ascontiguousarray(bounds, np.int64),
        # Read-only int32 codes, all three alike, so _tally_one compiles once.
        readonly(np.ascontiguousarray(sector, np.int32)),
        np.ascontiguousarray(sector_rank, np.int64),
        readonly(np.ascontiguousarray(domain, np.int32)),
        np.ascontiguousarray(domain_rank, np.int64),
        readonly(np.ascontiguousarray(municipality, np.int32)),
        np.ascontiguousarray(municipality_rank, np.int64),
    )
    return Tally(*found[0:3]), Tally(*found[3:6]), Tally(*found[6:9])
