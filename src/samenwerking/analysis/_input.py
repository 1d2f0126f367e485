"""Shared input handling for analyses: accept a networkx graph or a CompactGraph, and groups.

Analyses that compare groups take ``by=``: one of the built-in attributes (:data:`GROUPINGS`,
which a :class:`CompactGraph` carries as codes), any other node attribute of a networkx
graph (as networkx's attribute functions do, e.g. a study's own ``"agency_cat"``), or a
mapping from node to group. Nodes without the attribute, or mapped to ``None``, are in the
group ``"unknown"``.

Example
-------
>>> import networkx as nx
>>> G = as_compact(nx.path_graph(3))
>>> G.n_nodes, G.n_edges
(3, 2)
>>> codes, labels = group_codes(G, "domain")
>>> len(codes)
3
>>> group_codes(G, "municipality")[1]
()
>>> H = nx.path_graph(3)
>>> nx.set_node_attributes(H, {0: "x", 1: "y", 2: "x"}, "team")
>>> codes, labels = group_codes(as_compact(H), "team", H)
>>> codes.tolist(), labels
([0, 1, 0], ('x', 'y'))
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Literal, TypeAlias

import networkx as nx
import numpy as np
import numpy.typing as npt

from samenwerking.errors import InvalidArgumentError
from samenwerking.graph.compact import CompactGraph
from samenwerking.model import Domain, Sector

__all__ = [
    "GROUPINGS",
    "Grouping",
    "Groups",
    "InvalidArgumentError",
    "as_compact",
    "as_groups",
    "by_name",
    "check_builtin",
    "group_codes",
    "is_builtin",
]

Grouping = Literal["sector", "domain", "municipality", "organisation"]
GROUPINGS: tuple[str, ...] = ("sector", "domain", "municipality", "organisation")
"""The node attributes every graph form carries (a CompactGraph as codes)."""

Groups: TypeAlias = str | Mapping[Any, Any]
"""What ``by=`` accepts: a node attribute name, or a mapping node -> group."""

_VOCABULARY = {
    "sector": "sectors",
    "domain": "domains",
    "municipality": "municipalities",
    "organisation": "organisations",
}
_SECTORS = tuple(s.value for s in Sector)
_DOMAINS = tuple(d.value for d in Domain)
_MAPPING = "mapping"
"""The ``by`` recorded in a result when the groups came from a mapping."""


def as_compact(G: nx.Graph | CompactGraph) -> CompactGraph:  # noqa: N803
    """Return ``G`` as a :class:`CompactGraph` (a networkx graph is converted, undirected)."""
    if isinstance(G, CompactGraph):
        return G
    if isinstance(G, nx.Graph):
        return CompactGraph.from_networkx(G)
    raise InvalidArgumentError(
        f"expected a networkx graph or a CompactGraph, got {type(G).__name__}"
    )


def is_builtin(by: object) -> bool:
    """Whether ``by`` names a built-in grouping (read from the compact graph's codes)."""
    return isinstance(by, str) and by in GROUPINGS


def check_builtin(by: object, function: str) -> str:
    """``by`` if it is a built-in grouping; else an error for ``function``, which needs one."""
    if isinstance(by, str) and by in GROUPINGS:
        return by
    shown = repr(by) if isinstance(by, str) else f"a {type(by).__name__}"
    raise InvalidArgumentError(
        f"cannot group by {shown}: {function} groups by {', '.join(GROUPINGS)} only"
    )


def by_name(by: object) -> str:
    """The ``by`` a result records: the attribute name, or ``"mapping"`` for a mapping."""
    return by if isinstance(by, str) else _MAPPING


def as_groups(by: object) -> Groups:
    """``by`` as a name or a mapping; a pandas Series (anything with ``items()``) becomes a dict."""
    if isinstance(by, str | Mapping):
        return by
    items = getattr(by, "items", None)
    if callable(items):
        return dict(items())
    raise InvalidArgumentError(
        f"by must be a node attribute name or a mapping from node to group, got {type(by).__name__}"
    )


def _ordered(labels: Iterable[Any]) -> tuple[Any, ...]:
    """Labels in vocabulary order when they are all sectors or all domains, else sorted."""
    present = set(labels)
    for vocabulary in (_SECTORS, _DOMAINS):
        if present <= set(vocabulary):
            return tuple(v for v in vocabulary if v in present)
    try:
        return tuple(sorted(present))
    except TypeError:
        return tuple(sorted(present, key=repr))


def _attribute_values(G: CompactGraph, by: str, source: object) -> list[Any]:  # noqa: N803
    if not isinstance(source, nx.Graph):
        raise InvalidArgumentError(
            f"cannot group by {by!r}: a CompactGraph (or region) carries only the built-in "
            f"attributes {', '.join(GROUPINGS)}; pass a networkx graph whose nodes have "
            f"{by!r}, or by= a mapping from node to group"
        )
    nodes = source.nodes
    values = [nodes[node].get(by) for node in G.ids]
    if values and all(v is None for v in values):
        seen = sorted({str(key) for node in G.ids for key in nodes[node]})
        shown = ", ".join(seen[:12]) + (", ..." if len(seen) > 12 else "")
        raise InvalidArgumentError(
            f"cannot group by {by!r}: no node has that attribute (node attributes: "
            f"{shown or 'none'}); or pass by= a mapping from node to group"
        )
    return values


def _mapped_values(G: CompactGraph, by: Mapping[Any, Any]) -> list[Any]:  # noqa: N803
    missing = [node for node in G.ids if node not in by]
    if missing:
        sample = ", ".join(repr(m) for m in missing[:5])
        raise InvalidArgumentError(
            f"by: {len(missing)} of {G.n_nodes} nodes are missing from the mapping "
            f"(e.g. {sample}); map every node to a group (None for unknown)"
        )
    return [by[node] for node in G.ids]


def group_codes(
    G: CompactGraph,  # noqa: N803
    by: Groups,
    source: nx.Graph | CompactGraph | None = None,
) -> tuple[npt.NDArray[np.int32], tuple[Any, ...]]:
    """Each node's group as a code (``-1`` unknown) and the labels the codes point into.

    ``source`` is the graph the caller was given, whose node attributes a name that is
    not built in is read from. Built-in labels are the full vocabulary; other labels are
    the groups that occur, in vocabulary order for sector or domain values, else sorted.
    """
    by = as_groups(by)
    if is_builtin(by):
        assert isinstance(by, str)
        codes: Any = getattr(G, by)
        labels: tuple[str, ...] = getattr(G, _VOCABULARY[by])
        return np.asarray(codes, dtype=np.int32), labels
    values = _mapped_values(G, by) if isinstance(by, Mapping) else _attribute_values(G, by, source)
    try:
        ordered = _ordered(v for v in values if v is not None)
    except TypeError:
        bad = next(v for v in values if not isinstance(v, Hashable))
        raise InvalidArgumentError(
            f"by: group {bad!r} cannot be a group label (it is not hashable)"
        ) from None
    position = {label: i for i, label in enumerate(ordered)}
    found = np.fromiter(
        (-1 if v is None else position[v] for v in values), dtype=np.int32, count=len(values)
    )
    return found, ordered
