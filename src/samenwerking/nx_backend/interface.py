"""The object networkx loads as the ``samenwerking`` backend, and its dispatch decisions.

networkx's dispatcher (``networkx/utils/backends.py``) asks the backend four things:
``convert_from_nx`` and ``convert_to_nx`` (graphs in and out), ``can_run(name, args,
kwargs)`` (can this call run here at all? a string says why not) and ``should_run`` (is it
worth converting for? asked only when networkx converts automatically through
``nx.config.backend_priority``). Then it calls the attribute named after the function.
:data:`backend_interface` is that object; it has an attribute for exactly the functions in
:data:`~samenwerking.nx_backend.functions.FUNCTIONS`, so networkx runs every other one
itself.

``can_run`` sees the caller's own arguments, before conversion: a networkx graph or a
:class:`~samenwerking.nx_backend.graph.BackendGraph`. It declines what the kernels would
get wrong: directed input for undirected kernels, weights for unweighted ones, self loops
and parallel edges where they change the answer, and parameters without a counterpart
here. Edge weights are checked once converted (reading them twice would cost as much as
the conversion): weights that are not positive finite numbers make the function raise
:class:`~samenwerking.nx_backend.graph.UnsupportedGraphError`, a ``NotImplementedError``,
on which networkx falls back just the same.

Example
-------
>>> import networkx as nx
>>> G = nx.path_graph(3)
>>> backend_interface.can_run("betweenness_centrality", (G,), {})
True
>>> backend_interface.can_run("betweenness_centrality", (G,), {"weight": "w"})
'weighted shortest paths are not implemented (weight=None only)'
>>> backend_interface.can_run("pagerank", (G,), {})
'pagerank is not implemented by the samenwerking backend'
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping
from typing import Any

import networkx as nx

from samenwerking.nx_backend import functions
from samenwerking.nx_backend.graph import (
    BACKEND_NAME,
    BackendGraph,
    UnsupportedGraphError,
    from_networkx,
)

__all__ = [
    "DEFAULT_MIN_NODES",
    "BackendInterface",
    "backend_interface",
    "can_run",
    "convert_from_nx",
    "convert_to_nx",
    "should_run",
]

DEFAULT_MIN_NODES = 100
"""Graphs with fewer nodes are left to networkx when it converts automatically
(``nx.config.backends.samenwerking.min_nodes``)."""

_SIGNATURES = {name: inspect.signature(getattr(functions, name)) for name in functions.FUNCTIONS}

_SIMPLE_NEEDED = {"bridges", "core_number", "louvain_communities", "constraint", "effective_size"}
"""Functions whose answer changes with parallel edges."""
_NO_SELF_LOOPS = {"core_number", "louvain_communities", "constraint", "effective_size"}
"""Functions whose answer changes with self loops (networkx's ``core_number`` refuses them)."""
_ANY_DIRECTION = {
    "attribute_assortativity_coefficient",
    "attribute_mixing_dict",
    "attribute_mixing_matrix",
}
"""Functions that handle directed graphs; every other kernel is undirected."""
_WEIGHTED = {"louvain_communities", "constraint", "effective_size"}
"""Functions whose kernel takes edge weights."""
_ATTRIBUTES = {
    "attribute_assortativity_coefficient",
    "attribute_mixing_dict",
    "attribute_mixing_matrix",
}


def convert_from_nx(
    graph: Any,
    *,
    edge_attrs: Mapping[str, Any] | None = None,
    node_attrs: Mapping[str, Any] | None = None,
    preserve_edge_attrs: bool = False,
    preserve_node_attrs: bool = False,
    preserve_graph_attrs: bool = False,
    name: str | None = None,
    graph_name: str | None = None,
) -> BackendGraph:
    """Convert a networkx graph for a call to ``name``, with the attributes networkx asks.

    Asked to preserve all edge or node attributes (functions this backend does not
    implement do that), it raises :class:`UnsupportedGraphError`, a ``NotImplementedError``,
    which networkx treats as "cannot convert".

    Example
    -------
    >>> import networkx as nx
    >>> convert_from_nx(nx.path_graph(3), name="core_number").number_of_edges()
    2
    """
    del graph_name
    if preserve_edge_attrs or preserve_node_attrs:
        raise UnsupportedGraphError(
            f"the samenwerking backend keeps only the attributes a call names ({name})"
        )
    return from_networkx(
        graph,
        edge_attrs=edge_attrs,
        node_attrs=node_attrs,
        preserve_graph_attrs=preserve_graph_attrs,
    )


def convert_to_nx(obj: Any, *, name: str | None = None) -> Any:
    """A networkx graph for a backend graph; every other result unchanged.

    Example
    -------
    >>> import networkx as nx
    >>> convert_to_nx(convert_from_nx(nx.path_graph(3))).number_of_edges(), convert_to_nx(7)
    (2, 7)
    """
    del name
    if isinstance(obj, BackendGraph):
        from samenwerking.nx_backend.graph import to_networkx

        return to_networkx(obj)
    return obj


class _Facts:
    """What ``can_run`` needs to know about a graph argument, whichever form it has."""

    def __init__(self, G: Any) -> None:  # noqa: N803
        self.G = G
        self.backend = isinstance(G, BackendGraph)
        self.networkx = isinstance(G, nx.Graph)

    @property
    def directed(self) -> bool:
        return bool(self.G.is_directed())

    @property
    def multigraph(self) -> bool:
        return bool(self.G.is_multigraph())

    @property
    def self_loops(self) -> int:
        if self.backend:
            return int(self.G.self_loops)
        return int(nx.number_of_selfloops(self.G))

    def weights(self, weight: str) -> str | bool:
        """For a backend graph: whether its weights are ``weight`` and positive and finite.

        A networkx graph's weights are checked after conversion, by the function itself
        (:func:`~samenwerking.nx_backend.functions.usable_weights`): scanning them here would
        cost as much as converting.
        """
        if not self.backend:
            return True
        if self.G.weight_attr != weight:
            return f"the backend graph was converted without edge attribute {weight!r}"
        return self.G.weights_usable() or "weights must be positive finite numbers"

    def has_node_attribute(self, attribute: Any) -> bool:
        return not self.backend or attribute in self.G.node_values


def can_run(name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> bool | str:
    """Whether the backend computes ``name(*args, **kwargs)`` exactly as networkx would.

    Returns ``True``, or a string saying why not (networkx then falls back, or, with
    ``backend="samenwerking"``, raises ``NotImplementedError``).

    Example
    -------
    >>> import networkx as nx
    >>> can_run("core_number", (nx.DiGraph([(1, 2)]),), {})
    'directed graphs are not implemented (the kernel is undirected)'
    """
    signature = _SIGNATURES.get(name)
    if signature is None:
        return f"{name} is not implemented by the samenwerking backend"
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as error:
        return f"unexpected arguments: {error}"
    bound.apply_defaults()
    arguments = bound.arguments
    facts = _Facts(arguments["G"])
    if not (facts.backend or facts.networkx):
        return f"not a networkx graph: {type(facts.G).__name__}"
    if facts.directed and name not in _ANY_DIRECTION:
        return "directed graphs are not implemented (the kernel is undirected)"
    if facts.multigraph and name in _SIMPLE_NEEDED:
        return "multigraphs are not implemented (parallel edges would be merged)"
    if name in _NO_SELF_LOOPS and facts.self_loops:
        return "self loops are not implemented (the compact graph drops them)"
    checks: dict[str, Callable[[Mapping[str, Any], _Facts], bool | str]] = {
        "betweenness_centrality": _betweenness_arguments,
        "louvain_communities": _louvain_arguments,
        "attribute_mixing_matrix": _mixing_matrix_arguments,
        "effective_size": _effective_size_arguments,
    }
    if name in checks and (answer := checks[name](arguments, facts)) is not True:
        return answer
    if name in _WEIGHTED and arguments["weight"] is not None:
        weight = arguments["weight"]
        if not isinstance(weight, str):
            return "weight must name an edge attribute"
        if (answer := facts.weights(weight)) is not True:
            return answer
    if name in _ATTRIBUTES and not facts.has_node_attribute(arguments["attribute"]):
        return f"the backend graph was converted without node attribute {arguments['attribute']!r}"
    return True


def _betweenness_arguments(arguments: Mapping[str, Any], facts: _Facts) -> bool | str:
    del facts
    if arguments["weight"] is not None:
        return "weighted shortest paths are not implemented (weight=None only)"
    if arguments["endpoints"]:
        return "endpoints=True is not implemented"
    k = arguments["k"]
    if k is not None and (isinstance(k, bool) or not isinstance(k, int)):
        return "k must be None or an integer"
    return True


def _louvain_arguments(arguments: Mapping[str, Any], facts: _Facts) -> bool | str:
    del facts
    if arguments["threshold"] != 0.0000001 or arguments["max_level"] is not None:
        return "only networkx's default threshold and max_level=None are implemented"
    resolution = arguments["resolution"]
    if not isinstance(resolution, int | float) or not math.isfinite(resolution) or resolution <= 0:
        return "resolution must be a positive finite number"
    return True


def _effective_size_arguments(arguments: Mapping[str, Any], facts: _Facts) -> bool | str:
    del facts
    if arguments["weight"] is not None and arguments["nodes"] is None:
        # networkx 3.6 computes this case with matrices and divides each tie by the other
        # end's strongest tie (a 1-D row maximum broadcast over columns); its per-node
        # path (any ``nodes``) follows Burt's definition, as this backend does.
        return "weighted effective_size of all nodes: networkx's matrix path differs; left to it"
    return True


def _mixing_matrix_arguments(arguments: Mapping[str, Any], facts: _Facts) -> bool | str:
    del facts
    if arguments["mapping"] is None:
        return "mapping=None orders rows as a Python set iterates; pass a mapping"
    return True


def _min_nodes() -> int:
    config = getattr(nx.config.backends, BACKEND_NAME, None)
    value = getattr(config, "min_nodes", DEFAULT_MIN_NODES) if config is not None else None
    return DEFAULT_MIN_NODES if value is None else int(value)


def should_run(name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> bool | str:
    """Whether converting is worth it: graphs of at least ``min_nodes`` nodes.

    networkx asks this only when it converts automatically (``backend_priority``); a call
    with ``backend="samenwerking"`` always runs here.

    Example
    -------
    >>> import networkx as nx
    >>> should_run("core_number", (nx.path_graph(3),), {})
    'graphs under 100 nodes are faster in networkx itself'
    """
    graph = args[0] if args else kwargs.get("G")
    if name not in _SIGNATURES or graph is None:
        return True
    limit = _min_nodes()
    if len(graph) < limit:
        return f"graphs under {limit} nodes are faster in networkx itself"
    return True


class BackendInterface:
    """The backend object: the protocol's four functions and one attribute per function."""

    convert_from_nx = staticmethod(convert_from_nx)
    convert_to_nx = staticmethod(convert_to_nx)
    can_run = staticmethod(can_run)
    should_run = staticmethod(should_run)

    articulation_points = staticmethod(functions.articulation_points)
    attribute_assortativity_coefficient = staticmethod(
        functions.attribute_assortativity_coefficient
    )
    attribute_mixing_dict = staticmethod(functions.attribute_mixing_dict)
    attribute_mixing_matrix = staticmethod(functions.attribute_mixing_matrix)
    betweenness_centrality = staticmethod(functions.betweenness_centrality)
    bridges = staticmethod(functions.bridges)
    connected_components = staticmethod(functions.connected_components)
    constraint = staticmethod(functions.constraint)
    core_number = staticmethod(functions.core_number)
    effective_size = staticmethod(functions.effective_size)
    is_connected = staticmethod(functions.is_connected)
    louvain_communities = staticmethod(functions.louvain_communities)
    number_connected_components = staticmethod(functions.number_connected_components)


backend_interface = BackendInterface()
"""What the ``networkx.backends`` entry point ``samenwerking`` loads."""
