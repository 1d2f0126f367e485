"""The backend graph: a :class:`~samenwerking.graph.CompactGraph` and what networkx knew.

networkx hands a backend its own graph to convert (``convert_from_nx``); the result must
say which backend it belongs to (``__networkx_backend__``). :class:`BackendGraph` keeps
the undirected, deduplicated CSR arrays our kernels run on, plus the facts about the
original graph that some functions need and the CSR arrays lose: whether it was directed
or a multigraph, its edge list as networkx counts it (self loops and parallel edges
included), the one edge attribute the call asked for, and the node attributes it asked for.

Example
-------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "c")])
>>> B = from_networkx(G)
>>> B.__networkx_backend__, B.compact.n_edges, B.number_of_edges(), B.self_loops
('samenwerking', 2, 3, 1)
>>> sorted(to_networkx(B).edges()) == sorted(G.edges())
True
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from itertools import chain
from operator import methodcaller
from typing import Any, ClassVar

import networkx as nx
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from attrs import field, frozen

from samenwerking.errors import InvalidArgumentError
from samenwerking.graph.compact import CompactGraph

__all__ = [
    "BACKEND_NAME",
    "BackendGraph",
    "NodeValues",
    "UnsupportedGraphError",
    "from_networkx",
    "to_networkx",
]

BACKEND_NAME = "samenwerking"
"""The name networkx knows this backend by (``backend="samenwerking"``)."""

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


class UnsupportedGraphError(InvalidArgumentError, NotImplementedError):
    """A graph (or part of one) the backend cannot convert.

    It is a ``NotImplementedError`` too, which networkx's dispatcher reads as "this backend
    cannot do it": networkx then runs the call itself, or, when the call named
    ``backend="samenwerking"``, passes the error on.
    """


@frozen
class NodeValues:
    """One node attribute, coded: ``labels[codes[i]]`` is node ``i``'s value."""

    codes: IntArray = field(eq=False)
    """Each node's value as a position in :attr:`labels`."""
    labels: tuple[Any, ...]
    """The distinct values, in order of first appearance (missing: the default)."""


@frozen(eq=False)
class BackendGraph:
    """A networkx graph converted for the samenwerking backend.

    Build one with :func:`from_networkx` (networkx does so when a call dispatches here).
    """

    __networkx_backend__: ClassVar[str] = BACKEND_NAME

    compact: CompactGraph
    """Undirected, without self loops, one entry per tied pair. Its ``weight`` holds the
    :attr:`weight_attr` value of each pair (the largest of its edges), or, without a weight
    attribute, the number of edges behind the pair."""
    directed: bool = False
    """Whether the networkx graph was directed."""
    multigraph: bool = False
    """Whether the networkx graph was a multigraph."""
    source: IntArray = field(factory=lambda: np.zeros(0, np.int64), eq=False)
    """First endpoint of every edge as ``G.edges()`` lists them (node positions)."""
    target: IntArray = field(factory=lambda: np.zeros(0, np.int64), eq=False)
    """Second endpoint of every edge, matching :attr:`source`."""
    edge_weight: FloatArray | None = field(default=None, eq=False)
    """The :attr:`weight_attr` value of every edge in :attr:`source` order, if converted."""
    weight_attr: str | None = None
    """The edge attribute that was converted (``None``: none)."""
    node_values: Mapping[str, NodeValues] = field(factory=dict)
    """The node attributes that were converted, by name."""
    graph_attrs: Mapping[str, Any] = field(factory=dict)
    """The graph's attributes, if networkx asked to keep them."""

    # -- the little of networkx's graph interface that dispatching touches --------------
    def is_directed(self) -> bool:
        """Whether the original graph was directed."""
        return self.directed

    def is_multigraph(self) -> bool:
        """Whether the original graph was a multigraph."""
        return self.multigraph

    def number_of_nodes(self) -> int:
        """The number of nodes."""
        return self.compact.n_nodes

    def number_of_edges(self) -> int:
        """The number of edges as networkx counts them (self loops and parallel edges too)."""
        return len(self.source)

    @property
    def self_loops(self) -> int:
        """The number of self loops of the original graph."""
        return int(np.count_nonzero(self.source == self.target))

    def weights_usable(self) -> bool:
        """True when every converted edge weight is a positive finite number."""
        w = self.edge_weight
        return w is not None and bool(np.isfinite(w).all() and (w > 0).all())

    def __len__(self) -> int:
        return self.compact.n_nodes

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self.compact.ids)

    def __contains__(self, node: object) -> bool:
        try:
            self.compact.index_of(node)
        except (LookupError, TypeError):
            return False
        return True

    def __repr__(self) -> str:
        kind = "DiGraph" if self.directed else "Graph"
        if self.multigraph:
            kind = "Multi" + kind
        n, m = self.compact.n_nodes, self.number_of_edges()
        return f"<BackendGraph of a {kind}: {n} nodes, {m} edges>"


def _code(values: list[Any]) -> NodeValues:
    position: dict[Any, int] = {}
    codes = np.fromiter(
        (position.setdefault(v, len(position)) for v in values), np.int64, len(values)
    )
    return NodeValues(codes=codes, labels=tuple(position))


def from_networkx(
    G: nx.Graph,  # noqa: N803
    *,
    edge_attrs: Mapping[str, Any] | None = None,
    node_attrs: Mapping[str, Any] | None = None,
    preserve_graph_attrs: bool = False,
) -> BackendGraph:
    """Convert a networkx graph, keeping at most one edge attribute and the node attributes asked.

    Parameters
    ----------
    G : networkx.Graph, DiGraph, MultiGraph or MultiDiGraph
        The graph; node order is kept.
    edge_attrs : mapping, optional
        ``{attribute: default}`` as networkx passes it; at most one attribute.
    node_attrs : mapping, optional
        ``{attribute: default}``: the node attributes to code.
    preserve_graph_attrs : bool
        Keep ``G.graph``.

    Returns
    -------
    BackendGraph

    Raises
    ------
    UnsupportedGraphError
        For something that is not a networkx graph, for more than one edge attribute, or
        for edge attribute values that are not numbers.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2, {"w": 3.0})])
    >>> B = from_networkx(G, edge_attrs={"w": 1}, node_attrs={"colour": "none"})
    >>> B.compact.weight.tolist(), B.node_values["colour"].labels
    ([3.0, 3.0], ('none',))
    """
    if isinstance(G, BackendGraph):
        return G
    if not isinstance(G, nx.Graph):
        raise UnsupportedGraphError(
            f"the samenwerking backend converts networkx graphs, got {type(G).__name__}"
        )
    if edge_attrs is not None and len(edge_attrs) > 1:
        raise UnsupportedGraphError(
            f"the samenwerking backend keeps one edge attribute, asked for {sorted(edge_attrs)}"
        )
    ids = tuple(G)
    weight_attr: str | None = None
    default: Any = 1
    if edge_attrs:
        ((weight_attr, default),) = edge_attrs.items()
    try:
        source, target, edge_weight = _edges(G, ids, weight_attr, default)
    except (TypeError, ValueError):
        raise UnsupportedGraphError(
            f"edge attribute {weight_attr!r} holds values that are not numbers"
        ) from None
    compact = _compact(ids, source, target, edge_weight, str(G.graph.get("name", "")))
    node_values: dict[str, NodeValues] = {}
    for attribute, default in (node_attrs or {}).items():
        data = G.nodes
        node_values[attribute] = _code([data[v].get(attribute, default) for v in ids])
    return BackendGraph(
        compact=compact,
        directed=G.is_directed(),
        multigraph=G.is_multigraph(),
        source=source,
        target=target,
        edge_weight=edge_weight,
        weight_attr=weight_attr,
        node_values=node_values,
        graph_attrs=dict(G.graph) if preserve_graph_attrs else {},
    )


def _edges(
    G: nx.Graph,  # noqa: N803
    ids: tuple[Hashable, ...],
    weight_attr: str | None,
    default: Any,
) -> tuple[IntArray, IntArray, FloatArray | None]:
    """Both ends (node positions) and the weight of every edge, in ``G.edges()`` order."""
    position = {node: i for i, node in enumerate(ids)}
    if G.is_multigraph():  # one entry per parallel edge: the general, slower road
        m = G.number_of_edges()
        if weight_attr is None:
            ends = (x for u, v in G.edges() for x in (position[u], position[v]))
            pairs = np.fromiter(ends, np.int64, 2 * m).reshape(m, 2)
            return pairs[:, 0].copy(), pairs[:, 1].copy(), None
        triples = G.edges(data=weight_attr, default=default)
        ends_w = (x for u, v, w in triples for x in (position[u], position[v], w))
        flat = np.fromiter(ends_w, np.float64, 3 * m).reshape(m, 3)
        values = np.ascontiguousarray(flat[:, 2])
        return flat[:, 0].astype(np.int64), flat[:, 1].astype(np.int64), values
    # Read the adjacency dicts with C-level iteration: rows in node order, each row's
    # neighbours in insertion order, which is the order G.edges() walks them in.
    rows_of = [nbrs for _, nbrs in G.adjacency()]
    degree = np.fromiter(map(len, rows_of), np.int64, len(rows_of))
    total = int(degree.sum())
    cols = np.fromiter(
        chain.from_iterable(map(position.__getitem__, nbrs) for nbrs in rows_of), np.int64, total
    )
    rows = np.repeat(np.arange(len(rows_of), dtype=np.int64), degree)
    weights: FloatArray | None = None
    if weight_attr is not None:
        get = methodcaller("get", weight_attr, default)
        weights = np.fromiter(
            chain.from_iterable(map(get, nbrs.values()) for nbrs in rows_of), np.float64, total
        )
    if not G.is_directed():  # each edge from both ends: G.edges() gives it from the earlier one
        once = cols >= rows
        rows, cols = rows[once], cols[once]
        weights = weights[once] if weights is not None else None
    return rows, cols, weights


def _compact(
    ids: tuple[Hashable, ...],
    source: IntArray,
    target: IntArray,
    weight: FloatArray | None,
    name: str,
) -> CompactGraph:
    """Symmetric CSR arrays without self loops; a pair's weight: its largest, or its count."""
    n = len(ids)
    keep = source != target
    low = np.minimum(source[keep], target[keep])
    high = np.maximum(source[keep], target[keep])
    if weight is None:
        values = np.ones(len(low))  # summed below: the edges behind each pair
    else:
        key = low * np.int64(max(n, 1)) + high
        order = np.lexsort((-weight[keep], key))  # per pair, the largest weight first
        first = np.flatnonzero(np.diff(key[order], prepend=-1))
        pick = order[first]
        low, high, values = low[pick], high[pick], weight[keep][pick]
    # Both directions at once; coo -> csr sums duplicates and keeps explicit zeros.
    full = sp.coo_matrix(
        (
            np.concatenate([values, values]),
            (np.concatenate([low, high]), np.concatenate([high, low])),
        ),
        shape=(n, n),
    ).tocsr()
    full.sum_duplicates()
    empty = np.full(n, -1, np.int16)
    return CompactGraph(
        ids=ids,
        indptr=full.indptr.astype(np.int64),
        indices=full.indices.astype(np.int32),
        weight=full.data.astype(np.float64),
        sector=empty,
        domain=empty.copy(),
        municipality=np.full(n, -1, np.int32),
        organisation=np.full(n, -1, np.int32),
        name=name,
    )


def to_networkx(G: BackendGraph) -> nx.Graph:  # noqa: N803
    """The networkx graph of a backend graph: its nodes, edges and converted attributes.

    Example
    -------
    >>> import networkx as nx
    >>> H = to_networkx(from_networkx(nx.DiGraph([(1, 2)]), node_attrs={"x": 0}))
    >>> type(H).__name__, list(H.edges()), H.nodes[1]
    ('DiGraph', [(1, 2)], {'x': 0})
    """
    cls: type[nx.Graph] = {
        (False, False): nx.Graph,
        (True, False): nx.DiGraph,
        (False, True): nx.MultiGraph,
        (True, True): nx.MultiDiGraph,
    }[(G.directed, G.multigraph)]
    H = cls(**G.graph_attrs)  # noqa: N806
    ids = G.compact.ids
    H.add_nodes_from(ids)
    for attribute, values in G.node_values.items():
        labels = values.labels
        nx.set_node_attributes(
            H, {ids[i]: labels[c] for i, c in enumerate(values.codes.tolist())}, attribute
        )
    ends = zip(G.source.tolist(), G.target.tolist(), strict=True)
    if G.edge_weight is None or G.weight_attr is None:
        H.add_edges_from((ids[u], ids[v]) for u, v in ends)
    else:
        H.add_weighted_edges_from(
            ((ids[u], ids[v], w) for (u, v), w in zip(ends, G.edge_weight.tolist(), strict=True)),
            weight=G.weight_attr,
        )
    return H
