"""Shared input handling for analyses: accept a networkx graph or a CompactGraph.

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
"""

from __future__ import annotations

from typing import Any, Literal

import networkx as nx
import numpy as np
import numpy.typing as npt

from samenwerking.errors import InvalidArgumentError
from samenwerking.graph.compact import CompactGraph

__all__ = ["GROUPINGS", "Grouping", "InvalidArgumentError", "as_compact", "group_codes"]

Grouping = Literal["sector", "domain", "municipality", "organisation"]
GROUPINGS: tuple[str, ...] = ("sector", "domain", "municipality", "organisation")
"""The node attributes analyses can group by."""

_VOCABULARY = {
    "sector": "sectors",
    "domain": "domains",
    "municipality": "municipalities",
    "organisation": "organisations",
}


def as_compact(G: nx.Graph | CompactGraph) -> CompactGraph:  # noqa: N803
    """Return ``G`` as a :class:`CompactGraph` (a networkx graph is converted, undirected)."""
    if isinstance(G, CompactGraph):
        return G
    if isinstance(G, nx.Graph):
        return CompactGraph.from_networkx(G)
    raise InvalidArgumentError(
        f"expected a networkx graph or a CompactGraph, got {type(G).__name__}"
    )


def group_codes(G: CompactGraph, by: str) -> tuple[npt.NDArray[np.int32], tuple[str, ...]]:  # noqa: N803
    """Each node's group as a code (``-1`` unknown) and the labels the codes point into."""
    if by not in GROUPINGS:
        raise InvalidArgumentError(f"cannot group by {by!r}; choose from {', '.join(GROUPINGS)}")
    codes: Any = getattr(G, by)
    labels: tuple[str, ...] = getattr(G, _VOCABULARY[by])
    return np.asarray(codes, dtype=np.int32), labels
