"""Cohesion: density (overall, within and between groups), centralization, reciprocity, k-cores.

Every measure counts distinct tied pairs (edges), not the number of ties behind them.

References
----------
Wasserman, S. and Faust, K. (1994). *Social Network Analysis*. Cambridge University Press
(density, Freeman's degree centralization, reciprocity).

Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
*Social Networks* 1(3), 215-239.

Batagelj, V. and Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of
networks. arXiv:cs/0310049.

Example
-------
>>> import networkx as nx
>>> G = nx.star_graph(3)
>>> density(G), degree_centralization(G), core_numbers(G)
(0.5, 1.0, {0: 1, 1: 1, 2: 1, 3: 1})
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel
from samenwerking.analysis._core_kernels import peel_levels
from samenwerking.analysis._ei_kernels import pair_keys
from samenwerking.analysis._input import Groups, InvalidArgumentError, as_compact
from samenwerking.analysis._kernels import work_blocks
from samenwerking.analysis._mixing_kernels import group_pair_counts
from samenwerking.analysis.mixing import contains, dense_groups, unique_counts
from samenwerking.graph.compact import CompactGraph
from samenwerking.model import Region

__all__ = [
    "MAX_DENSE_GROUPS",
    "core_numbers",
    "degree_centralization",
    "density",
    "density_between",
    "density_by",
    "k_core",
    "reciprocity",
]

MAX_DENSE_GROUPS = 100
"""Up to this many groups :func:`density_between` lists every pair, tied or not."""


def density(G: nx.Graph | CompactGraph) -> float:  # noqa: N803
    """The share of all possible pairs that are tied, as ``networkx.density``.

    Example
    -------
    >>> import networkx as nx
    >>> density(nx.path_graph(3))
    0.6666666666666666
    """
    C = G if type(G) is CompactGraph else as_compact(G)  # noqa: N806
    n = len(C.indptr) - 1  # n_nodes and 2 * n_edges, without the property calls
    return len(C.indices) / (n * (n - 1)) if n > 1 else 0.0  # 2m / (n (n - 1)), as networkx


def _group_tables(
    G: nx.Graph | CompactGraph,  # noqa: N803
    by: Groups,
) -> tuple[tuple[Any, ...], npt.NDArray[np.int64], dict[tuple[int, int], int]]:
    """Labels, group sizes and the ties per tied pair of group codes ``(a, b)``, ``a <= b``."""
    C = as_compact(G)  # noqa: N806
    group, labels = dense_groups(C, by, G)
    k = np.int64(max(len(labels), 1))
    indptr = np.ascontiguousarray(C.indptr, np.int64)
    indices = np.ascontiguousarray(C.indices, np.int32)
    if len(labels) <= MAX_DENSE_GROUPS:  # a k x k table: no key per tie
        blocks = work_blocks(C.n_nodes, lambda: indptr)
        table = group_pair_counts(indptr, indices, group, len(labels), blocks)
        table[np.diag_indices_from(table)] //= 2  # the table counts a tie inside from both ends
        a, b = np.nonzero(np.triu(table))
        pairs = zip(a.tolist(), b.tolist(), strict=True)
        ties = dict(zip(pairs, table[a, b].tolist(), strict=True))
    else:
        codes, counts = unique_counts(pair_keys(indptr, indices, group, int(k)))  # key a tie
        ties = {
            (c // int(k), c % int(k)): n
            for c, n in zip(codes.tolist(), counts.tolist(), strict=True)
        }
    return labels, np.bincount(group, minlength=len(labels)), ties


@kernel
def _ties_inside(
    indptr: npt.NDArray[np.int64],
    indices: npt.NDArray[np.int32],
    group: npt.NDArray[np.int64],
    groups: int,
) -> npt.NDArray[np.int64]:
    # Edges (each once, from its lower end) whose two ends share a group, per group.
    inside = np.zeros(groups, np.int64)
    for v in range(len(indptr) - 1):
        g = group[v]
        for at in range(indptr[v], indptr[v + 1]):
            w = indices[at]
            if w > v and group[w] == g:
                inside[g] += 1
    return inside


def density_by(G: nx.Graph | CompactGraph, *, by: Groups = "municipality") -> dict[Any, float]:  # noqa: N803
    """The density inside each group: its internal ties over its possible pairs.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The graph; nodes carry the ``by`` attribute (missing: group ``"unknown"``).
    by : str or mapping
        What defines the groups: ``"municipality"``, ``"organisation"``, ``"sector"``,
        ``"domain"``, any other node attribute of a networkx graph, or a mapping from
        node to group.

    Returns
    -------
    dict
        Per group label (vocabulary order, ``"unknown"`` last; groups with nodes only) the
        density of the subgraph of its members (0.0 for a group of one).

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "Noord", "b": "Noord", "c": "Zuid"}, "municipality")
    >>> density_by(G)
    {'Noord': 1.0, 'Zuid': 0.0}
    """
    C = as_compact(G)  # noqa: N806
    group, labels = dense_groups(C, by, G)
    group = np.ascontiguousarray(group, np.int64)
    inside = _ties_inside(C.indptr, C.indices, group, len(labels)).tolist()
    sizes = np.bincount(group, minlength=len(labels)).tolist()
    out: dict[Any, float] = {}
    for g, label in enumerate(labels):
        n = sizes[g]
        out[label] = 2.0 * inside[g] / (n * (n - 1)) if n > 1 else 0.0
    return out


def density_between(
    G: nx.Graph | CompactGraph,  # noqa: N803
    *,
    by: Groups = "domain",
) -> dict[tuple[Any, Any], float]:
    """The density of ties between each pair of groups.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The graph; nodes carry the ``by`` attribute (missing: group ``"unknown"``).
    by : str or mapping
        What defines the groups: ``"domain"``, ``"sector"``, ``"municipality"``,
        ``"organisation"``, any other node attribute of a networkx graph, or a mapping from
        node to group.

    Returns
    -------
    dict
        For every pair ``(a, b)`` of groups with nodes, ``a`` not after ``b`` in label
        order (vocabulary order, ``"unknown"`` last): ties between them over ``n_a * n_b``
        possible pairs; for ``a == b`` the density inside the group (as :func:`density_by`).
        With more than :data:`MAX_DENSE_GROUPS` groups (e.g. organisations) only pairs
        with at least one tie are listed; the others have density 0.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "c"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "care", "b": "care", "c": "education"}, "domain")
    >>> density_between(G)[("education", "care")]
    1.0
    """
    labels, sizes, ties = _group_tables(G, by)
    k = len(labels)
    if k <= MAX_DENSE_GROUPS:
        pairs = [(a, b) for a in range(k) for b in range(a, k)]
    else:
        pairs = sorted(ties)
    out: dict[tuple[Any, Any], float] = {}
    for a, b in pairs:
        na, nb = int(sizes[a]), int(sizes[b])
        possible = na * (na - 1) // 2 if a == b else na * nb
        out[(labels[a], labels[b])] = ties.get((a, b), 0) / possible if possible else 0.0
    return out


def degree_centralization(G: nx.Graph | CompactGraph) -> float:  # noqa: N803
    """Freeman's degree centralization, normalised to [0, 1] (1 for a star).

    ``sum(max_degree - degree) / ((n - 1) * (n - 2))``; 0.0 for fewer than three nodes.

    Example
    -------
    >>> import networkx as nx
    >>> degree_centralization(nx.complete_graph(4))
    0.0
    """
    C = as_compact(G)  # noqa: N806
    n = C.n_nodes
    if n < 3:
        return 0.0
    degree = np.diff(C.indptr)
    return float((degree.max() - degree).sum()) / ((n - 1) * (n - 2))


def reciprocity(G: nx.DiGraph | Region) -> float:  # noqa: N803
    """The share of directed ties that are answered by a tie in the other direction.

    Parameters
    ----------
    G : networkx.DiGraph or Region
        A directed graph (equal to ``networkx.reciprocity(G)``), or a region, whose
        *directed* ties (survey answers that only the source gave) are used: the share of
        distinct directed pairs ``u -> v`` for which a directed tie ``v -> u`` exists.
        Undirected ties, self ties and ties naming unknown professionals are left out.

    Returns
    -------
    float
        The overall reciprocity.

    Raises
    ------
    InvalidArgumentError
        For an undirected graph (every tie is mutual there) or when there are no directed
        ties.

    Example
    -------
    >>> import networkx as nx
    >>> reciprocity(nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")]))
    0.6666666666666666
    """
    if isinstance(G, Region):
        store = G.ties
        position = {p.id: i for i, p in enumerate(G.professionals)}
        remap = np.fromiter((position.get(i, -1) for i in store.ids), np.int64, len(store.ids))
        pick = store.column("directed")
        source = remap[store.source[pick]] if len(store) else np.empty(0, np.int64)
        target = remap[store.target[pick]] if len(store) else np.empty(0, np.int64)
        keep = (source >= 0) & (target >= 0) & (source != target)
        source, target, n = source[keep], target[keep], len(position)
        loops = 0
    elif isinstance(G, nx.DiGraph):
        position = {node: i for i, node in enumerate(G)}
        n = len(position)
        pairs = np.array([(position[a], position[b]) for a, b in G.edges()], np.int64)
        pairs = pairs.reshape(-1, 2)
        loop = pairs[:, 0] == pairs[:, 1]
        loops = int(loop.sum())
        source, target = pairs[~loop, 0], pairs[~loop, 1]
    else:
        raise InvalidArgumentError(
            f"reciprocity needs directed ties: a networkx DiGraph or a Region, "
            f"got {type(G).__name__}"
        )
    width = np.int64(max(n, 1))
    forward = unique_counts(source * width + target)[0]
    if len(forward) + loops == 0:
        raise InvalidArgumentError("reciprocity is not defined without directed ties")
    backward = (forward % width) * width + forward // width
    answered = int(contains(backward, forward).sum())
    return answered / (len(forward) + loops)


def _core_array(G: CompactGraph) -> npt.NDArray[np.int32]:  # noqa: N803
    """Core number of every node (level-by-level peeling, compiled)."""
    return peel_levels(G.indptr, G.indices)


def core_numbers(G: nx.Graph | CompactGraph) -> dict[Hashable, int]:  # noqa: N803
    """The core number of every node, as ``networkx.core_number``.

    A node's core number is the largest ``k`` such that it belongs to a subgraph in which
    every node has at least ``k`` neighbours (the ``k``-core). Self loops are ignored.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.complete_graph(3)
    >>> G.add_edge(2, 3)
    >>> core_numbers(G)
    {0: 2, 1: 2, 2: 2, 3: 1}
    """
    C = as_compact(G)  # noqa: N806
    return _by_node(C.ids, _core_array(C).tolist())


_FIRST = object()
"""A key no graph holds: see :func:`_by_node`."""


def _by_node(ids: tuple[Hashable, ...], values: list[int]) -> dict[Hashable, int]:
    """``dict(zip(ids, values))``, built faster for text ids.

    A dict whose keys are all strings keeps no hashes in its table (CPython 3.11 and
    later), so each time it grows it reads every id again; with one other key first it
    keeps them, and growing reads only the table. That key is dropped at the end.
    """
    out: dict[Hashable, int] = {_FIRST: 0}
    out.update(zip(ids, values, strict=True))
    del out[_FIRST]
    return out


def k_core(G: nx.Graph | CompactGraph, k: int) -> tuple[Hashable, ...]:  # noqa: N803
    """The nodes of the ``k``-core (core number at least ``k``), in graph order.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.complete_graph(3)
    >>> G.add_edge(2, 3)
    >>> k_core(G, 2)
    (0, 1, 2)
    """
    if isinstance(k, bool) or not isinstance(k, int | np.integer):
        raise InvalidArgumentError(f"k must be an integer (got {k!r})")
    C = as_compact(G)  # noqa: N806
    ids = C.ids
    return tuple(ids[i] for i in np.flatnonzero(_core_array(C) >= k).tolist())
