"""Weak points: people and ties whose loss splits an island (articulation points, bridges).

An *articulation point* is a professional whose leaving disconnects others from the rest of
their island; a *bridge* is a tie whose loss does the same. Both come from one depth-first
search (Hopcroft and Tarjan 1973) with low points, run in compiled code over the CSR arrays
with an explicit stack (:func:`samenwerking.analysis._dfs.low_link_search`), so no Python
recursion is involved and one pass yields all three results.

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
from attrs import frozen

from samenwerking.analysis._dfs import LowLink, low_link_search
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


def _search(G: CompactGraph) -> LowLink:  # noqa: N803
    return low_link_search(G.indptr, G.indices)


def _people(search: LowLink, v: int, cut: npt.NDArray[np.int64], keep: list[int]) -> Any:
    """Preorder positions of the pieces ``keep`` of ``v``'s island without ``v``.

    Piece ``i >= 0`` is the subtree of the cut child ``cut[i]``; piece ``-1`` is the rest of
    the island (outside ``v``'s subtree, plus the subtrees of ``v``'s other children).
    """
    pre, size = search.pre, search.size
    spans: list[tuple[int, int]] = []
    for i in keep:
        if i >= 0:
            p = int(pre[cut[i]])
            spans.append((p, p + int(size[cut[i]])))
            continue
        island = int(search.label[v])
        lo = int(search.island_start[island])
        hi = lo + int(search.island_size[island])
        at, stop = int(pre[v]), int(pre[v]) + int(size[v])
        spans.append((lo, at))
        at += 1
        for c in cut.tolist():  # cut children in preorder: the gaps between them stay tied
            p = int(pre[c])
            spans.append((at, p))
            at = p + int(size[c])
        spans.append((at, stop))
        spans.append((stop, hi))
    order = search.order
    return np.concatenate([order[a:b] for a, b in spans if b > a]).tolist()


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
    points = np.flatnonzero(_search(C).cut_vertex)
    ids = C.ids
    return _sorted([ids[i] for i in points.tolist()])


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
    search = _search(C)
    children = np.flatnonzero(search.bridge_child)
    ids = C.ids
    pairs = [
        tuple(_sorted([ids[a], ids[b]]))
        for a, b in zip(search.parent[children].tolist(), children.tolist(), strict=True)
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
    if C.n_nodes == 0:
        return ()
    search = _search(C)
    children = np.flatnonzero(search.cut_child)
    if not len(children):
        return ()
    parents = search.parent[children]
    by = np.lexsort((search.pre[children], parents))  # per cut vertex, children in preorder
    parents, children = parents[by], children[by]
    sizes = search.size[children]
    starts = np.flatnonzero(np.concatenate([[True], parents[1:] != parents[:-1]]))
    stops = np.append(starts[1:], len(parents))
    ids = C.ids
    result: list[WeakPoint] = []
    for start, stop in zip(starts.tolist(), stops.tolist(), strict=True):
        v = int(parents[start])
        island = int(search.island_size[search.label[v]])
        parts = sizes[start:stop].tolist()
        pieces = list(range(len(parts)))
        rest = island - 1 - sum(parts)
        if rest:  # the rest of the island, on the parent's side, comes first
            parts.insert(0, rest)
            pieces.insert(0, -1)
        largest = parts.index(max(parts))
        members = _people(search, v, children[start:stop], pieces[:largest] + pieces[largest + 1 :])
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
