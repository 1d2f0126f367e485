"""Export the collaboration graph to GraphML and GEXF (for Gephi), with its attributes.

The graph is :func:`samenwerking.to_graph` of the region, made storable: attributes
that are ``None`` are left out (GraphML and GEXF cannot hold a missing value), dates
become ISO text (``"2024-09-03"``) and tuples (``organisations``, ``kinds``) text joined
with ``;``. Numbers, text and booleans stay as they are. Files are written atomically.

Example
-------
>>> import networkx as nx, tempfile, pathlib
>>> import samenwerking as sw
>>> path = pathlib.Path(tempfile.mkdtemp()) / "lindenhoeve.graphml"
>>> write_graphml(sw.example_region(), path)
>>> nx.read_graphml(path).number_of_nodes() == len(sw.example_region().professionals)
True
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import Any, Literal

import networkx as nx

from samenwerking._atomic import write_atomically
from samenwerking.graph import to_graph
from samenwerking.model import Region

__all__ = ["storable_graph", "write_gexf", "write_graphml"]

Level = Literal["professional", "organisation"]


def _storable(attributes: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in attributes.items():
        if value is None:
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple | list):
            value = ";".join(str(v) for v in value)
        out[key] = value
    return out


def storable_graph(region: Region, level: Level = "professional") -> nx.Graph:
    """The region's graph with every attribute in a form GraphML and GEXF can hold.

    Example
    -------
    >>> import samenwerking as sw
    >>> G = storable_graph(sw.example_region())
    >>> all(v is not None for _, d in G.nodes(data=True) for v in d.values())
    True
    """
    source = to_graph(region, level)
    G = nx.Graph()  # noqa: N806
    G.graph.update(_storable(source.graph))
    G.add_nodes_from((n, _storable(d)) for n, d in source.nodes(data=True))
    G.add_edges_from((u, v, _storable(d)) for u, v, d in source.edges(data=True))
    return G


def write_graphml(
    region: Region, target: str | os.PathLike[str], *, level: Level = "professional"
) -> None:
    """Write the collaboration graph as GraphML, atomically.

    Parameters
    ----------
    region
        The region.
    target
        The file to write (``.graphml``).
    level
        ``"professional"`` (the default) or ``"organisation"``, as in
        :func:`~samenwerking.to_graph`.
    """
    G = storable_graph(region, level)  # noqa: N806
    write_atomically(target, lambda path: nx.write_graphml(G, path))


def write_gexf(
    region: Region, target: str | os.PathLike[str], *, level: Level = "professional"
) -> None:
    """Write the collaboration graph as GEXF 1.2 (Gephi's format), atomically.

    Each node's GEXF label is its name, so Gephi shows names; the organisation level's
    ``weight`` becomes the GEXF edge weight.

    Parameters
    ----------
    region
        The region.
    target
        The file to write (``.gexf``).
    level
        ``"professional"`` (the default) or ``"organisation"``.
    """
    G = storable_graph(region, level)  # noqa: N806
    for _, data in G.nodes(data=True):
        data["label"] = data.get("name", "")
    write_atomically(target, lambda path: nx.write_gexf(G, path))
