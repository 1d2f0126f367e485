"""What networkx shows about the samenwerking backend, importable without samenwerking.

networkx calls :func:`get_info` (the ``networkx.backend_info`` entry point) while it is
being imported, for every installed backend. This module therefore imports nothing from
samenwerking, numpy or networkx: it only describes the backend, so that ``import
networkx`` stays fast. The backend itself (``samenwerking.nx_backend``) is loaded only
when a call is dispatched to it.

Example
-------
>>> info = get_info()
>>> info["backend_name"], "betweenness_centrality" in info["functions"]
('samenwerking', True)
"""

from __future__ import annotations

from typing import Any

__all__ = ["FUNCTIONS", "get_info"]

_UNDIRECTED = "Undirected graphs only; other input falls back to networkx."
_SIMPLE = "Undirected graphs without self loops or parallel edges; other input falls back."
_WEIGHTS = " Weights must be positive finite numbers."

FUNCTIONS: dict[str, str] = {
    "articulation_points": _UNDIRECTED,
    "attribute_assortativity_coefficient": "Any graph; any hashable attribute values.",
    "attribute_mixing_dict": "Any graph; any hashable attribute values.",
    "attribute_mixing_matrix": (
        "Only with a ``mapping`` (without one, networkx orders the rows as a Python set "
        "iterates, which cannot be reproduced); otherwise falls back to networkx."
    ),
    "betweenness_centrality": (
        "Unweighted, without endpoints, on undirected graphs. With ``k``, the same sources "
        "as networkx for the same ``seed``."
    ),
    "bridges": _SIMPLE.replace("self loops or ", ""),
    "connected_components": _UNDIRECTED,
    "constraint": _SIMPLE + _WEIGHTS,
    "core_number": _SIMPLE,
    "effective_size": (
        _SIMPLE + _WEIGHTS + " Weighted only with ``nodes`` given: for all nodes networkx 3.6 "
        "uses a matrix formula that scales by the wrong end's strongest tie, so that case "
        "stays with networkx."
    ),
    "is_connected": _UNDIRECTED,
    "louvain_communities": (
        _SIMPLE + _WEIGHTS + " With networkx's default ``threshold`` and no ``max_level``. "
        "A partition of comparable modularity, not networkx's own."
    ),
    "number_connected_components": _UNDIRECTED,
}
"""The networkx functions the backend implements, with what it accepts."""


def get_info() -> dict[str, Any]:
    """The backend's description for networkx (the ``networkx.backend_info`` entry point).

    Returns
    -------
    dict
        ``backend_name``, ``project``, ``package``, ``short_summary``, ``default_config``
        (``min_nodes``: smaller graphs are not converted automatically) and
        ``functions`` (name -> ``additional_docs``), as networkx documents.

    Example
    -------
    >>> get_info()["default_config"]
    {'min_nodes': 100}
    """
    return {
        "backend_name": "samenwerking",
        "project": "samenwerking",
        "package": "samenwerking",
        "short_summary": "samenwerking's numpy/scipy sparse kernels.",
        "default_config": {"min_nodes": 100},
        "functions": {name: {"additional_docs": docs} for name, docs in FUNCTIONS.items()},
    }
