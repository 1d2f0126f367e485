"""Compiled steps behind :mod:`samenwerking.analysis.bus_factor`.

Three passes over arrays, no Python objects: :func:`cross_entries` picks each cross-group
tie once from the CSR arrays, :func:`link_copies` groups those ties by group pair and gives
every person one copy per pair and side, and :func:`matching_sizes` finds a maximum
matching of each pair's bipartite graph of copies: Karp and Sipser's (1981) greedy start
(a copy with one free partner takes it), then Hopcroft and Karp's (1973) augmenting paths
unless the start already covers the pair's smaller side.

References
----------
Karp, R. M. and Sipser, M. (1981). Maximum matchings in sparse random graphs. *22nd Annual
Symposium on Foundations of Computer Science*, 364-375.

Hopcroft, J. E. and Karp, R. M. (1973). An n^(5/2) algorithm for maximum matchings in
bipartite graphs. *SIAM Journal on Computing* 2(4), 225-231.

Example
-------
A path ``0 - 1 - 2`` with node 1 in group 0 and its ends in group 1:

>>> import numpy as np
>>> indptr, indices = np.array([0, 1, 3, 4], np.int64), np.array([1, 0, 2, 1], np.int32)
>>> rank = np.array([1, 0, 1], np.int64)
>>> key, left, right, weight = cross_entries(indptr, indices, np.ones(4), rank, 2)
>>> key.tolist(), left.tolist(), right.tolist()
([1, 1], [1, 1], [0, 2])
>>> keys, counts, ties, lptr, lperson, rptr, rperson, lcopy, rcopy = link_copies(
...     key, left, right, weight, 3, 2
... )
>>> keys.tolist(), counts.tolist(), lperson.tolist(), rperson.tolist()
([1], [2], [1], [0, 2])
>>> matching_sizes(lptr, rptr, lcopy, rcopy).tolist()
[1]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["cross_entries", "link_copies", "matching_sizes"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@kernel
def cross_entries(
    indptr: Ints,
    indices: npt.NDArray[np.int32],
    weight: Floats,
    rank: Ints,
    groups: int,
) -> tuple[Ints, Ints, Ints, Floats]:  # pragma: no cover - compiled
    """Each tie between two groups once, from the end whose group ranks lower, in CSR order.

    Returns the group pair ``rank[left] * groups + rank[right]``, both ends and the weight.
    """
    n = indptr.shape[0] - 1
    size = indices.shape[0]  # an upper bound; only the pages written are touched
    key = np.empty(size, np.int64)
    left = np.empty(size, np.int64)
    right = np.empty(size, np.int64)
    ties = np.empty(size, np.float64)
    m = 0
    for row in range(n):
        r = rank[row]
        for at in range(indptr[row], indptr[row + 1]):
            col = indices[at]
            s = rank[col]
            if r < s:
                key[m] = r * groups + s
                left[m] = row
                right[m] = col
                ties[m] = weight[at]
                m += 1
    return key[:m].copy(), left[:m].copy(), right[:m].copy(), ties[:m].copy()


@kernel
def link_copies(
    key: Ints, left: Ints, right: Ints, weight: Floats, n: int, groups: int
) -> tuple[Ints, Ints, Floats, Ints, Ints, Ints, Ints, Ints, Ints]:  # pragma: no cover - compiled
    """The cross ties grouped by pair (keys ascending), with one copy of a person per side.

    Returns the pair keys, each pair's tie and weight sums, the bounds ``lptr`` of each
    pair's left copies and the person behind each copy (``lperson``, ascending within a
    pair), the same for the right side, and the two copies each tie joins (ties in pair
    order, CSR order within).
    """
    m = key.shape[0]
    # Stable counting sorts by the second group, then the first: keys ascending, CSR
    # order kept within a key.
    order = np.empty(m, np.int64)
    for i in range(m):
        order[i] = i
    one = np.int64(1)  # not the literal 1: numba would compile _counting_order for it too
    order = _counting_order(key, one, groups, order)
    order = _counting_order(key, groups, groups, order)
    p = 0
    for i in range(m):
        if i == 0 or key[order[i]] != key[order[i - 1]]:
            p += 1
    keys = np.empty(p, np.int64)
    start = np.empty(p + 1, np.int64)
    p = 0
    for i in range(m):
        if i == 0 or key[order[i]] != key[order[i - 1]]:
            keys[p] = key[order[i]]
            start[p] = i
            p += 1
    start[p] = m
    counts = np.empty(p, np.int64)
    ties = np.zeros(p, np.float64)
    lptr = np.zeros(p + 1, np.int64)
    rptr = np.zeros(p + 1, np.int64)
    lperson = np.empty(m, np.int64)
    rperson = np.empty(m, np.int64)
    lcopy = np.empty(m, np.int64)
    rcopy = np.empty(m, np.int64)
    lslot = np.full(n, -1, np.int64)
    rslot = np.full(n, -1, np.int64)
    nl = 0
    nr = 0
    for q in range(p):
        counts[q] = start[q + 1] - start[q]
        for i in range(start[q], start[q + 1]):
            e = order[i]
            ties[q] += weight[e]
            a = left[e]
            if lslot[a] < 0:
                lslot[a] = nl
                lperson[nl] = a
                nl += 1
            b = right[e]
            if rslot[b] < 0:
                rslot[b] = nr
                rperson[nr] = b
                nr += 1
            lcopy[i] = lslot[a]
            rcopy[i] = rslot[b]
        for c in range(lptr[q], nl):  # the next pair starts with no copies
            lslot[lperson[c]] = -1
        for c in range(rptr[q], nr):
            rslot[rperson[c]] = -1
        lptr[q + 1] = nl
        rptr[q + 1] = nr
    # Left copies come in CSR (row) order, so by person within a pair; renumber the right
    # copies to be so too.
    pair_of = np.empty(nr, np.int64)
    for q in range(p):
        pair_of[rptr[q] : rptr[q + 1]] = q
    order = np.empty(nr, np.int64)
    for c in range(nr):
        order[c] = c
    order = _counting_order(pair_of, one, np.int64(p), _counting_order(rperson, one, n, order))
    renumber = np.empty(nr, np.int64)
    people = np.empty(nr, np.int64)
    for c in range(nr):
        renumber[order[c]] = c
        people[c] = rperson[order[c]]
    for i in range(m):
        rcopy[i] = renumber[rcopy[i]]
    return keys, counts, ties, lptr, lperson[:nl].copy(), rptr, people, lcopy, rcopy


@kernel
def _counting_order(
    values: Ints, divisor: int | np.int64, size: int | np.int64, order: Ints
) -> Ints:  # pragma: no cover - compiled
    """``order`` stably sorted by the digit ``values[i] // divisor % size`` of each ``i``."""
    start = np.zeros(size + 1, np.int64)
    for i in order:
        start[values[i] // divisor % size + 1] += 1
    for d in range(size):
        start[d + 1] += start[d]
    out = np.empty(order.shape[0], np.int64)
    for i in order:
        digit = values[i] // divisor % size
        out[start[digit]] = i
        start[digit] += 1
    return out


@kernel
def _adjacency(ends: Ints, other: Ints, count: int) -> tuple[Ints, Ints]:  # pragma: no cover
    """CSR of the edges ``ends[i] - other[i]`` by ``ends`` (``count`` vertices)."""
    ptr = np.zeros(count + 1, np.int64)
    for i in range(ends.shape[0]):
        ptr[ends[i] + 1] += 1
    for u in range(count):
        ptr[u + 1] += ptr[u]
    fill = ptr[:-1].copy()
    adj = np.empty(ends.shape[0], np.int64)
    for i in range(ends.shape[0]):
        adj[fill[ends[i]]] = other[i]
        fill[ends[i]] += 1
    return ptr, adj


@kernel
def _karp_sipser(
    l0: int,
    l1: int,
    r0: int,
    r1: int,
    lptr: Ints,
    ladj: Ints,
    rptr: Ints,
    radj: Ints,
    match_l: Ints,
    match_r: Ints,
    ldeg: Ints,
    rdeg: Ints,
    queue: Ints,
) -> int:  # pragma: no cover - compiled
    """A maximal matching of one pair: a copy with one free partner takes it, else any edge.

    Taking the only partner of a degree-1 vertex keeps a maximum matching within reach
    (Karp and Sipser 1981), so the matching is often maximum already. Returns its size.
    """
    nl = lptr.shape[0] - 1
    tail = 0
    for u in range(l0, l1):
        ldeg[u] = lptr[u + 1] - lptr[u]
        if ldeg[u] == 1:
            queue[tail] = u
            tail += 1
    for v in range(r0, r1):
        rdeg[v] = rptr[v + 1] - rptr[v]
        if rdeg[v] == 1:
            queue[tail] = nl + v
            tail += 1
    size = 0
    head = 0
    nxt = l0
    while True:
        if head == tail:  # no degree-1 vertex left: match any free edge
            head = 0
            tail = 0
            while nxt < l1 and (match_l[nxt] >= 0 or ldeg[nxt] == 0):
                nxt += 1
            if nxt == l1:
                return size
            u = nxt
            for at in range(lptr[u], lptr[u + 1]):
                v = ladj[at]
                if match_r[v] < 0:
                    break
        else:
            x = queue[head]
            head += 1
            if x < nl:
                if match_l[x] >= 0 or ldeg[x] == 0:
                    continue
                u = x
                for at in range(lptr[u], lptr[u + 1]):
                    v = ladj[at]
                    if match_r[v] < 0:
                        break
            else:
                v = x - nl
                if match_r[v] >= 0 or rdeg[v] == 0:
                    continue
                for at in range(rptr[v], rptr[v + 1]):
                    u = radj[at]
                    if match_l[u] < 0:
                        break
        # Match u - v; their free neighbours lose a free partner.
        match_l[u] = v
        match_r[v] = u
        size += 1
        for at in range(lptr[u], lptr[u + 1]):
            y = ladj[at]
            if match_r[y] < 0:
                rdeg[y] -= 1
                if rdeg[y] == 1:
                    queue[tail] = nl + y
                    tail += 1
        for at in range(rptr[v], rptr[v + 1]):
            y = radj[at]
            if match_l[y] < 0:
                ldeg[y] -= 1
                if ldeg[y] == 1:
                    queue[tail] = y
                    tail += 1


@kernel
def matching_sizes(
    lptr: Ints, rptr: Ints, lcopy: Ints, rcopy: Ints
) -> Ints:  # pragma: no cover - compiled
    """The size of a maximum matching of each pair's copies (edges ``lcopy[i] - rcopy[i]``).

    Pair ``q`` has left copies ``lptr[q]:lptr[q + 1]`` and right copies
    ``rptr[q]:rptr[q + 1]``; no edge joins two pairs.
    """
    pairs = lptr.shape[0] - 1
    nl = lptr[pairs]
    nr = rptr[pairs]
    adj_ptr, adj = _adjacency(lcopy, rcopy, nl)
    radj_ptr, radj = _adjacency(rcopy, lcopy, nr)
    match_l = np.full(nl, -1, np.int64)
    match_r = np.full(nr, -1, np.int64)
    dist = np.empty(nl, np.int64)
    edge = np.empty(nl, np.int64)
    queue = np.empty(nl, np.int64)
    stack = np.empty(nl, np.int64)
    via = np.empty(nl, np.int64)
    ldeg = np.empty(nl, np.int64)
    rdeg = np.empty(nr, np.int64)
    pending = np.empty(nl + nr, np.int64)
    sizes = np.zeros(pairs, np.int64)
    unset = nl + 1
    for q in range(pairs):
        l0, l1 = lptr[q], lptr[q + 1]
        bound = min(l1 - l0, rptr[q + 1] - rptr[q])
        size = _karp_sipser(
            l0, l1, rptr[q], rptr[q + 1], adj_ptr, adj, radj_ptr, radj,
            match_l, match_r, ldeg, rdeg, pending,
        )  # fmt: skip
        while size < bound:
            # Breadth-first layers from the free left copies, up to the first free right one.
            head = 0
            tail = 0
            for u in range(l0, l1):
                if match_l[u] < 0:
                    dist[u] = 0
                    queue[tail] = u
                    tail += 1
                else:
                    dist[u] = unset
            limit = unset
            while head < tail:
                u = queue[head]
                head += 1
                if dist[u] >= limit:
                    continue
                for at in range(adj_ptr[u], adj_ptr[u + 1]):
                    w = match_r[adj[at]]
                    if w < 0:
                        limit = dist[u]
                    elif dist[w] == unset:
                        dist[w] = dist[u] + 1
                        queue[tail] = w
                        tail += 1
            if limit == unset:
                break  # no augmenting path: the matching is maximum
            # Depth-first along the layers: vertex-disjoint shortest augmenting paths.
            for u in range(l0, l1):
                edge[u] = adj_ptr[u]
            for root in range(l0, l1):
                if match_l[root] >= 0 or dist[root] != 0:
                    continue
                stack[0] = root
                top = 1
                while top > 0:
                    u = stack[top - 1]
                    if edge[u] == adj_ptr[u + 1]:
                        dist[u] = unset  # a dead end for the rest of this phase
                        top -= 1
                        continue
                    v = adj[edge[u]]
                    edge[u] += 1
                    w = match_r[v]
                    if w < 0:
                        via[top - 1] = v
                        for level in range(top):  # flip the path
                            x = stack[level]
                            y = via[level]
                            match_l[x] = y
                            match_r[y] = x
                        size += 1
                        break
                    if dist[w] == dist[u] + 1:
                        via[top - 1] = v
                        stack[top] = w
                        top += 1
        sizes[q] = size
    return sizes
