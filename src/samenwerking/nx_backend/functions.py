"""The networkx functions the backend implements, with networkx's own signatures.

Each function takes a :class:`~samenwerking.nx_backend.graph.BackendGraph` (networkx has
converted the caller's graph) and the caller's arguments, runs one of samenwerking's
kernels on the compact graph and returns what networkx would: the same types, node ids
and values (within float tolerance). Whether a call can run here at all is decided
beforehand by :func:`samenwerking.nx_backend.interface.can_run`; these functions assume it
said yes.

Example
-------
>>> import networkx as nx
>>> from samenwerking.nx_backend.graph import from_networkx
>>> B = from_networkx(nx.path_graph(4))
>>> number_connected_components(B), sorted(articulation_points(B))
(1, [1, 2])
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
from scipy.sparse.csgraph import connected_components as _components

from samenwerking import analysis
from samenwerking.analysis.communities import louvain_membership
from samenwerking.nx_backend.graph import BackendGraph, UnsupportedGraphError

__all__ = [
    "FUNCTIONS",
    "articulation_points",
    "attribute_assortativity_coefficient",
    "attribute_mixing_dict",
    "attribute_mixing_matrix",
    "betweenness_centrality",
    "bridges",
    "connected_components",
    "constraint",
    "core_number",
    "effective_size",
    "is_connected",
    "louvain_communities",
    "number_connected_components",
    "usable_weights",
]


def usable_weights(G: BackendGraph, weight: str | None) -> None:  # noqa: N803
    """Raise :class:`UnsupportedGraphError` unless ``weight`` is ``None`` or usable.

    networkx reads the error (a ``NotImplementedError``) as "this backend cannot run the
    call" and runs it itself when it converted automatically.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> B = from_networkx(nx.Graph([(1, 2, {"w": -1})]), edge_attrs={"w": 1})
    >>> usable_weights(B, None)  # unweighted: nothing to check
    >>> usable_weights(B, "w")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    samenwerking.nx_backend.graph.UnsupportedGraphError: edge weights 'w' must be positive ...
    """
    if weight is not None and (G.weight_attr != weight or not G.weights_usable()):
        raise UnsupportedGraphError(f"edge weights {weight!r} must be positive finite numbers")


def _labels(G: BackendGraph) -> tuple[int, npt.NDArray[np.int32]]:  # noqa: N803
    count, labels = _components(G.compact.to_scipy(), directed=False)
    return int(count), labels


def connected_components(G: BackendGraph) -> Iterator[set[Hashable]]:  # noqa: N803
    """The connected components as sets, in the order of their first node (as networkx).

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> list(connected_components(from_networkx(nx.Graph([(1, 2), (3, 4)]))))
    [{1, 2}, {3, 4}]
    """
    count, labels = _labels(G)
    ids = G.compact.ids
    order = np.argsort(labels, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(np.bincount(labels, minlength=count))])
    firsts = order[bounds[:-1]]  # the smallest position in each component
    ordered = order.tolist()
    for c in np.argsort(firsts, kind="stable").tolist():
        yield {ids[i] for i in ordered[bounds[c] : bounds[c + 1]]}


def number_connected_components(G: BackendGraph) -> int:  # noqa: N803
    """The number of connected components.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> number_connected_components(from_networkx(nx.empty_graph(3)))
    3
    """
    return _labels(G)[0]


def is_connected(G: BackendGraph) -> bool:  # noqa: N803
    """Whether the graph is connected; undefined (an error, as networkx) for no nodes.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> is_connected(from_networkx(nx.path_graph(3)))
    True
    """
    if G.compact.n_nodes == 0:
        raise nx.NetworkXPointlessConcept("Connectivity is undefined for the null graph.")
    return _labels(G)[0] == 1


def betweenness_centrality(
    G: BackendGraph,  # noqa: N803
    k: int | None = None,
    normalized: bool = True,
    weight: str | None = None,
    endpoints: bool = False,
    seed: Any = None,
) -> dict[Hashable, float]:
    """Betweenness centrality, exact or from ``k`` sampled sources, as networkx computes it.

    The sample is drawn as networkx draws it, ``seed.sample(list(G), k)`` on the random
    state networkx's ``py_random_state`` made from ``seed``, so the same seed picks the
    same sources and leaves the random state where networkx would. Only unweighted,
    without endpoints (``can_run`` declines the rest).

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> betweenness_centrality(from_networkx(nx.path_graph(3)))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    del weight, endpoints  # can_run allows only None and False
    C = G.compact  # noqa: N806
    if k is None or k == C.n_nodes:
        return analysis.betweenness(C, normalized=normalized)
    rng = nx.utils.create_py_random_state(seed)
    sources = rng.sample(list(C.ids), k)
    return analysis.betweenness(C, sources=sources, normalized=normalized)


def bridges(G: BackendGraph, root: Hashable | None = None) -> Iterator[tuple[Hashable, Hashable]]:  # noqa: N803
    """The bridges, each with its earlier node (in graph order) first; only ``root``'s component.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> list(bridges(from_networkx(nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)]))))
    [(3, 4)]
    """
    C = G.compact  # noqa: N806
    keep = None
    if root is not None:
        if root not in G:
            raise nx.NodeNotFound(f"Root node {root} is not in graph")
        _, labels = _labels(G)
        keep = labels[C.index_of(root)]
    found = []
    for a, b in analysis.bridges(C):
        u, v = C.index_of(a), C.index_of(b)
        if keep is not None and labels[u] != keep:
            continue
        found.append((u, v) if u < v else (v, u))
    ids = C.ids
    return iter([(ids[u], ids[v]) for u, v in sorted(found)])


def articulation_points(G: BackendGraph) -> Iterator[Hashable]:  # noqa: N803
    """The articulation points, each once, in graph order.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> list(articulation_points(from_networkx(nx.path_graph(4))))
    [1, 2]
    """
    C = G.compact  # noqa: N806
    positions = sorted(C.index_of(node) for node in analysis.articulation_points(C))
    return iter([C.ids[i] for i in positions])


def core_number(G: BackendGraph) -> dict[Hashable, int]:  # noqa: N803
    """The core number of every node.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> core_number(from_networkx(nx.complete_graph(3)))
    {0: 2, 1: 2, 2: 2}
    """
    return analysis.core_numbers(G.compact)


def louvain_communities(
    G: BackendGraph,  # noqa: N803
    weight: str | None = "weight",
    resolution: float = 1,
    threshold: float = 0.0000001,
    max_level: int | None = None,
    seed: Any = None,
) -> list[set[Hashable]]:
    """Louvain communities with networkx's parameters, on samenwerking's Louvain kernel.

    The partition is not networkx's (the visiting order differs) but of comparable
    modularity; the same ``seed`` gives the same partition. Aggregation stops when a level
    raises modularity by less than networkx's default ``threshold`` (``can_run`` declines
    any other ``threshold`` and a ``max_level``).

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> found = louvain_communities(from_networkx(nx.barbell_graph(4, 0)), weight=None, seed=1)
    >>> sorted(sorted(c) for c in found)
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    """
    del threshold, max_level  # can_run allows only networkx's defaults
    usable_weights(G, weight)
    C = G.compact  # noqa: N806
    n = C.n_nodes
    rng = np.random.default_rng(nx.utils.create_py_random_state(seed).getrandbits(64))
    indptr = C.indptr.astype(np.int64)
    indices = C.indices.astype(np.int64)
    data = C.weight.astype(np.float64) if weight is not None else np.ones(len(indices))
    membership = louvain_membership(indptr, indices, data, n, rng, float(resolution))
    return _groups(C.ids, membership)


def _groups(ids: tuple[Hashable, ...], membership: npt.NDArray[np.int64]) -> list[set[Hashable]]:
    """Sets of nodes per community, largest first (equal sizes by first node)."""
    if not len(ids):
        return []
    order = np.argsort(membership, kind="stable")
    sizes = np.bincount(membership)
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    present = np.flatnonzero(sizes)
    firsts = order[bounds[present]]
    ranked = present[np.lexsort((firsts, -sizes[present]))]
    ordered = order.tolist()
    return [{ids[i] for i in ordered[bounds[c] : bounds[c + 1]]} for c in ranked.tolist()]


def _check_nodes(G: BackendGraph, nodes: Iterable[Hashable] | None) -> None:  # noqa: N803
    if nodes is None and not G.compact.n_nodes:
        raise nx.NetworkXError("Graph has no nodes or edges")  # as networkx's matrix path


def _per_node(
    values: dict[Hashable, float],
    nodes: Iterable[Hashable] | None,
) -> dict[Hashable, float]:
    if nodes is None:
        return values
    return {v: values[v] for v in nodes}


def constraint(
    G: BackendGraph,  # noqa: N803
    nodes: Iterable[Hashable] | None = None,
    weight: str | None = None,
) -> dict[Hashable, float]:
    """Burt's constraint of every node (or of ``nodes``); ``nan`` without neighbours.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> constraint(from_networkx(nx.complete_graph(3)), nodes=[0])
    {0: 1.125}
    """
    _check_nodes(G, nodes)
    usable_weights(G, weight)
    values = analysis.constraint(G.compact, weight=weight)
    return _per_node(values, nodes)


def effective_size(
    G: BackendGraph,  # noqa: N803
    nodes: Iterable[Hashable] | None = None,
    weight: str | None = None,
) -> dict[Hashable, float]:
    """Burt's effective size of every node (or of ``nodes``); ``nan`` without neighbours.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> effective_size(from_networkx(nx.star_graph(2)))
    {0: 2.0, 1: 1.0, 2: 1.0}
    """
    _check_nodes(G, nodes)
    usable_weights(G, weight)
    values = analysis.effective_size(G.compact, weight=weight)
    return _per_node(values, nodes)


def _pair_counts(
    G: BackendGraph,  # noqa: N803
    attribute: str,
    nodes: Iterable[Hashable] | None,
) -> tuple[npt.NDArray[np.int64], tuple[Any, ...]]:
    """The ``k x k`` counts of ``(value of u, value of v)`` over networkx's adjacency.

    As ``networkx.node_attribute_xy``: every neighbour of every node in ``nodes`` (an
    undirected edge from both ends, a self loop once, a directed edge from its source).
    """
    values = G.node_values[attribute]
    codes, labels = values.codes, values.labels
    k = max(len(labels), 1)
    n = G.compact.n_nodes
    if nodes is None:
        inside = np.ones(n, bool)
    else:
        inside = np.zeros(n, bool)
        wanted = set(nodes)
        inside[[i for i, node in enumerate(G.compact.ids) if node in wanted]] = True
    s, t = G.source, G.target
    xs, ys = [codes[s[inside[s]]]], [codes[t[inside[s]]]]
    if not G.directed:
        back = inside[t] & (s != t)
        xs.append(codes[t[back]])
        ys.append(codes[s[back]])
    x, y = np.concatenate(xs), np.concatenate(ys)
    counts = np.bincount(x * k + y, minlength=k * k).reshape(k, k)
    return counts, labels


def attribute_mixing_dict(
    G: BackendGraph,  # noqa: N803
    attribute: str,
    nodes: Iterable[Hashable] | None = None,
    normalized: bool = False,
) -> dict[Any, dict[Any, float]]:
    """The mixing of ``attribute`` as a dict of dicts, as networkx's ``mixing_dict``.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> G = nx.Graph([(1, 2)])
    >>> nx.set_node_attributes(G, {1: "red", 2: "blue"}, "colour")
    >>> attribute_mixing_dict(from_networkx(G, node_attrs={"colour": None}), "colour")
    {'red': {'blue': 1}, 'blue': {'red': 1}}
    """
    counts, labels = _pair_counts(G, attribute, nodes)
    total = int(counts.sum())
    used = np.flatnonzero(counts.sum(axis=0) + counts.sum(axis=1)).tolist()
    out: dict[Any, dict[Any, float]] = {}
    for i in used:
        row = counts[i]
        out[labels[i]] = {
            labels[j]: (int(row[j]) / total if normalized else int(row[j]))
            for j in np.flatnonzero(row).tolist()
        }
    return out


def attribute_mixing_matrix(
    G: BackendGraph,  # noqa: N803
    attribute: str,
    nodes: Iterable[Hashable] | None = None,
    mapping: Mapping[Any, int] | None = None,
    normalized: bool = True,
) -> npt.NDArray[np.float64]:
    """The mixing matrix of ``attribute`` with rows and columns as ``mapping`` orders them.

    ``can_run`` requires a ``mapping``: without one networkx orders the rows as a Python
    set of the values happens to iterate, which another implementation cannot reproduce.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> G = nx.Graph([(1, 2), (2, 3)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b"}, "x")
    >>> B = from_networkx(G, node_attrs={"x": None})
    >>> attribute_mixing_matrix(B, "x", mapping={"a": 0, "b": 1}).tolist()
    [[0.5, 0.25], [0.25, 0.0]]
    """
    counts, labels = _pair_counts(G, attribute, nodes)
    if mapping is None:
        mapping = {label: i for i, label in enumerate(labels)}
    size = len(mapping)
    at = np.array([mapping.get(label, -1) for label in labels], np.int64)
    known = np.flatnonzero(at >= 0)
    matrix = np.zeros((size, size))
    matrix[np.ix_(at[known], at[known])] = counts[np.ix_(known, known)]
    if normalized:
        total = matrix.sum()
        matrix = matrix / total if total else np.full((size, size), math.nan)
    return matrix


def attribute_assortativity_coefficient(
    G: BackendGraph,  # noqa: N803
    attribute: str,
    nodes: Iterable[Hashable] | None = None,
) -> float:
    """Newman's assortativity of ``attribute``: ``(tr e - sum e^2) / (1 - sum e^2)``.

    ``nan`` where networkx divides zero by zero (every edge inside one group); 0.0 without
    edges, as networkx.

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.nx_backend.graph import from_networkx
    >>> G = nx.Graph([(1, 2), (3, 4), (2, 3)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b", 4: "b"}, "x")
    >>> round(attribute_assortativity_coefficient(from_networkx(G, node_attrs={"x": None}), "x"), 3)
    0.333
    """
    counts, _ = _pair_counts(G, attribute, nodes)
    total = counts.sum()
    if not total:
        return 0.0  # networkx: an empty mixing matrix, (0 - 0) / (1 - 0)
    e = counts / total
    s = float((e @ e).sum())
    t = float(np.trace(e))
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(t - s) / np.float64(1 - s))


FUNCTIONS: tuple[str, ...] = tuple(
    name for name in __all__ if name not in {"FUNCTIONS", "usable_weights"}
)
"""The names of the networkx functions the backend implements."""
