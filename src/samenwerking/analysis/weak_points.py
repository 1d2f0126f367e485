"""Weak points: people and ties whose loss splits an island (articulation points, bridges).

An *articulation point* is a professional whose leaving disconnects others from the rest of
their island; a *bridge* is a tie whose loss does the same. Both come from one depth-first
search (Hopcroft and Tarjan 1973) run in compiled code by
:func:`scipy.sparse.csgraph.depth_first_order` from a virtual root joined to every island,
so no Python recursion is involved; low points are then range minima over the preorder,
computed with numpy sparse tables.

References
----------
Hopcroft, J. and Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
manipulation. *Communications of the ACM* 16(6), 372-378.

Example
-------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
>>> articulation_points(G), bridges(G)
(('c',), (('c', 'd'),))
>>> [(w.node, w.cut_off, w.people) for w in weak_points(G)]
[('c', 1, ('d',))]
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from attrs import frozen
from scipy.sparse.csgraph import connected_components, depth_first_order

from samenwerking.analysis._input import as_compact
from samenwerking.graph.compact import CompactGraph
from samenwerking.tabular import Table, Tabular

__all__ = ["WeakPoint", "articulation_points", "bridges", "weak_points"]


@frozen(repr=False)
class WeakPoint(Tabular):
    """A professional whose leaving would cut others off from the rest of their island."""

    node: Hashable
    """The articulation point."""
    island_size: int
    """The size of the island (connected component) the node belongs to."""
    parts: tuple[int, ...]
    """Sizes of the pieces the island falls into without the node, largest first."""
    people: tuple[Hashable, ...]
    """The people cut off: everyone in the pieces except the largest one, sorted."""

    @property
    def cut_off(self) -> int:
        """How many people would lose their connection to the rest of the island."""
        return len(self.people)

    def _tables(self) -> tuple[Table, ...]:
        row = (self.node, self.island_size, self.cut_off, self.parts, self.people)
        return (Table("weak_points", ("node", "island_size", "cut_off", "parts", "people"), [row]),)


def _sorted(items: list[Any]) -> tuple[Any, ...]:
    try:
        return tuple(sorted(items))
    except TypeError:
        return tuple(sorted(items, key=repr))


class _Search:
    """One depth-first search over all islands and the quantities derived from it."""

    def __init__(self, G: CompactGraph) -> None:  # noqa: N803
        n = G.n_nodes
        self.n = n
        count, labels = connected_components(G.to_scipy(), directed=False)
        self.labels = labels
        self.island_sizes = np.bincount(labels, minlength=count)
        firsts = np.unique(labels, return_index=True)[1]
        # A virtual root (node n) joined to the first node of every island.
        rows = np.concatenate([np.repeat(np.arange(n), np.diff(G.indptr)), np.full(count, n)])
        cols = np.concatenate([G.indices.astype(np.int64), firsts])
        data = np.ones(len(rows), np.int8)
        A = sp.csr_matrix((data, (rows, cols)), shape=(n + 1, n + 1))  # noqa: N806
        order, parent = depth_first_order(A, n, directed=True, return_predecessors=True)
        order = order[1:]  # drop the virtual root; position i is preorder number i
        parent = parent.astype(np.int64)
        pre = np.empty(n + 1, np.int64)
        pre[order] = np.arange(n)
        pre[n] = -1
        parent[n] = n
        self.order, self.parent, self.pre = order, parent, pre
        # Depth by pointer doubling (a tree node's depth counts its real ancestors).
        depth = np.where(parent[:n] == n, 0, 1).astype(np.int64)
        jump = np.where(parent[:n] == n, n, parent[:n])
        depth = np.append(depth, 0)
        jump = np.append(jump, n)
        while (jump[:n] != n).any():
            depth = depth + depth[jump] * (jump != n)
            jump = jump[jump]
            depth[n] = 0
        self.depth = depth[:n]
        self.island_root = np.zeros(count, np.int64)
        is_root = parent[:n] == n
        self.island_root[labels[is_root]] = np.flatnonzero(is_root)
        by_parent = np.argsort(parent[:n], kind="stable")
        self._by_parent = by_parent
        self._parent_bounds = np.searchsorted(parent[:n][by_parent], np.arange(n + 1))
        # Subtree of v: preorder positions [pre(v), end(v)); end(v) is the first later
        # position whose depth is not greater than depth(v).
        depth_in_order = self.depth[order]
        table = _SparseTable(depth_in_order)
        self.end = table.first_not_above(np.arange(n), depth_in_order)
        # Lowest preorder number reachable from each subtree by one edge (or itself):
        # ``low`` counts every edge (for cut vertices), ``low_bridge`` all but the tree
        # edge to the parent (for bridges).
        pre_own = pre[:n]
        heads = np.repeat(np.arange(n), np.diff(G.indptr))
        tails = G.indices.astype(np.int64)
        lows = []
        for skip_parent in (False, True):
            reach = pre_own.copy()
            use = tails != parent[heads] if skip_parent else np.ones(len(tails), np.bool_)
            np.minimum.at(reach, heads[use], pre[tails[use]])
            in_order = _SparseTable(reach[order]).query(np.arange(n), self.end)
            low = np.empty(n, np.int64)
            low[order] = in_order
            lows.append(low)
        self.low, self.low_bridge = lows

    def children_of(self, v: int) -> list[int]:
        """The tree children of node ``v``."""
        start, stop = self._parent_bounds[v], self._parent_bounds[v + 1]
        children: list[int] = self._by_parent[start:stop].tolist()
        return children

    def cuts(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Tree edges ``(parent, child)`` whose child subtree hangs on the parent alone."""
        n = self.n
        child = np.arange(n)
        par = self.parent[:n]
        real = par != n
        hangs = real & (self.low >= self.pre[np.where(real, par, 0)])
        return par[hangs], child[hangs]


class _SparseTable:
    """Range minimum (or maximum) queries over a fixed array, vectorised."""

    def __init__(self, values: npt.NDArray[np.int64], op: Any = np.minimum) -> None:
        self.levels = [np.asarray(values, np.int64)]
        self.op = op
        width = 1
        while 2 * width <= len(values):
            last = self.levels[-1]
            self.levels.append(op(last[:-width], last[width:]))
            width *= 2

    def query(self, start: npt.NDArray[np.int64], stop: npt.NDArray[np.int64]) -> Any:
        """``op`` over ``values[start:stop]`` for every pair (``stop > start``)."""
        length = stop - start
        k = np.floor(np.log2(np.maximum(length, 1))).astype(np.int64)
        out = np.empty(len(start), np.int64)
        for level in np.unique(k):
            pick = k == level
            table = self.levels[level]
            a = table[start[pick]]
            b = table[stop[pick] - (1 << level)]
            out[pick] = self.op(a, b)
        return out

    def first_not_above(
        self, positions: npt.NDArray[np.int64], limit: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64]:
        """For each position p, the first q > p with ``values[q] <= limit[p]`` (else len)."""
        n = len(self.levels[0])
        pos = positions + 1
        for level in range(len(self.levels) - 1, -1, -1):
            table = self.levels[level]
            span = 1 << level
            ok = pos + span <= n
            idx = np.where(ok, pos, 0)
            skip = ok & (table[np.minimum(idx, len(table) - 1)] > limit)
            pos = pos + span * skip
        return pos


def articulation_points(G: nx.Graph | CompactGraph) -> tuple[Hashable, ...]:  # noqa: N803
    """The people whose leaving would split their island, sorted.

    Equal, as a set, to :func:`networkx.articulation_points` (a directed graph is taken as
    undirected).

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.

    Returns
    -------
    tuple
        Node ids, sorted.

    Example
    -------
    >>> import networkx as nx
    >>> articulation_points(nx.path_graph(4))
    (1, 2)
    """
    C = as_compact(G)  # noqa: N806
    if C.n_nodes == 0:
        return ()
    search = _Search(C)
    parents, _ = search.cuts()
    points = np.unique(parents)
    # A root is a cut vertex only with two or more tree children.
    roots = search.parent[: C.n_nodes] == C.n_nodes
    children = np.bincount(search.parent[: C.n_nodes][~roots], minlength=C.n_nodes)
    keep = ~roots[points] | (children[points] >= 2)
    return _sorted([C.ids[i] for i in points[keep].tolist()])


def bridges(G: nx.Graph | CompactGraph) -> tuple[tuple[Hashable, Hashable], ...]:  # noqa: N803
    """The ties whose loss would split an island, each as a sorted pair, sorted.

    Equal, as a set of unordered pairs, to :func:`networkx.bridges`.

    Example
    -------
    >>> import networkx as nx
    >>> bridges(nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)]))
    ((3, 4),)
    """
    C = as_compact(G)  # noqa: N806
    if C.n_nodes == 0:
        return ()
    search = _Search(C)
    parents, children = search.cuts()
    # A tree edge is a bridge when nothing in the child's subtree reaches above the child.
    is_bridge = search.low_bridge[children] >= search.pre[children]
    ids = C.ids
    pairs = [
        tuple(_sorted([ids[a], ids[b]]))
        for a, b in zip(parents[is_bridge].tolist(), children[is_bridge].tolist(), strict=True)
    ]
    return _sorted(pairs)


def weak_points(G: nx.Graph | CompactGraph) -> tuple[WeakPoint, ...]:  # noqa: N803
    """Every articulation point with the people who would lose their connection.

    If a weak point leaves, their island falls into pieces; everybody outside the largest
    piece is cut off from the rest of the island.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.

    Returns
    -------
    tuple of WeakPoint
        Most people cut off first; ties broken by node id.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> [(w.node, w.parts, w.cut_off) for w in weak_points(G)]
    [('c', (2, 2), 2), ('b', (3, 1), 1), ('d', (3, 1), 1)]
    """
    C = as_compact(G)  # noqa: N806
    n = C.n_nodes
    if n == 0:
        return ()
    search = _Search(C)
    parents, children = search.cuts()
    roots = search.parent[:n] == n
    tree_children = np.bincount(search.parent[:n][~roots], minlength=n)
    keep = ~roots[parents] | (tree_children[parents] >= 2)
    parents, children = parents[keep], children[keep]
    order = np.lexsort((search.pre[children], parents))
    parents, children = parents[order], children[order]
    sizes = search.end[search.pre[children]] - search.pre[children]
    ids = C.ids
    result: list[WeakPoint] = []
    if not len(parents):
        return ()
    starts = np.flatnonzero(np.concatenate([[True], parents[1:] != parents[:-1]]))
    stops = np.append(starts[1:], len(parents))
    for start, stop in zip(starts.tolist(), stops.tolist(), strict=True):
        v = int(parents[start])
        island = int(search.island_sizes[search.labels[v]])
        pieces = [
            (int(s), int(c)) for s, c in zip(sizes[start:stop], children[start:stop], strict=True)
        ]
        rest = island - 1 - sum(s for s, _ in pieces)
        if rest:
            pieces.insert(0, (rest, -1))  # the parent side of the island
        parts = [s for s, _ in pieces]
        largest = parts.index(max(parts))
        members: list[int] = []
        for at, (_, child) in enumerate(pieces):
            if at == largest:
                continue
            if child >= 0:
                p = search.pre[child]
                members.extend(search.order[p : search.end[p]].tolist())
                continue
            # The parent side: the island's preorder range outside v's subtree, plus the
            # subtrees of v's children that stay tied to it.
            root = search.island_root[search.labels[v]]
            lo, hi = int(search.pre[root]), int(search.end[search.pre[root]])
            p, q = int(search.pre[v]), int(search.end[search.pre[v]])
            members.extend(search.order[lo:p].tolist())
            members.extend(search.order[q:hi].tolist())
            cut = {c for _, c in pieces if c >= 0}
            for c in search.children_of(v):
                if c not in cut:
                    r = int(search.pre[c])
                    members.extend(search.order[r : search.end[r]].tolist())
        result.append(
            WeakPoint(
                node=ids[v],
                island_size=island,
                parts=tuple(sorted(parts, reverse=True)),
                people=_sorted([ids[i] for i in members]),
            )
        )
    result.sort(key=lambda w: (-w.cut_off, _key(w.node)))
    return tuple(result)


def _key(node: Hashable) -> Any:
    return (type(node).__name__, node) if isinstance(node, str | int) else (repr(node), 0)
