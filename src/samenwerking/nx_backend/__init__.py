"""samenwerking as a networkx backend: unchanged networkx scripts on samenwerking's kernels.

Installing samenwerking registers the ``samenwerking`` backend with networkx (the
``networkx.backends`` and ``networkx.backend_info`` entry points). A call then runs here
when asked for, ``nx.betweenness_centrality(G, k=256, seed=1, backend="samenwerking")``,
or automatically once ``nx.config.backend_priority = ["samenwerking"]`` is set. networkx
converts the graph (:func:`~samenwerking.nx_backend.interface.convert_from_nx`), the
backend computes on a :class:`~samenwerking.graph.CompactGraph`, and anything the backend
does not implement, or cannot compute exactly as networkx does (``can_run``), runs in
networkx itself. See ``docs/networkx-backend.md``.

Example
-------
>>> import networkx as nx
>>> G = nx.karate_club_graph()
>>> ours = nx.betweenness_centrality(G, k=10, seed=1, backend="samenwerking")
>>> theirs = nx.betweenness_centrality(G, k=10, seed=1)
>>> max(abs(ours[v] - theirs[v]) for v in G) < 1e-12
True
"""

from samenwerking.nx_backend.functions import FUNCTIONS
from samenwerking.nx_backend.graph import BACKEND_NAME, BackendGraph, from_networkx, to_networkx
from samenwerking.nx_backend.interface import backend_interface, can_run, should_run

__all__ = [
    "BACKEND_NAME",
    "FUNCTIONS",
    "BackendGraph",
    "backend_interface",
    "can_run",
    "from_networkx",
    "should_run",
    "to_networkx",
]
