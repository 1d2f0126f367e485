"""Burt's constraint and effective size of a few nodes, from their neighbourhood alone.

The brokers table shows both figures for at most ten people, yet computing them for
all 600,000 professionals of a national region takes seconds. Both depend only on the
ties of a node's contacts (their degrees and the ties among them), so they are exact on
the subgraph induced by everyone within two steps of the named nodes.

Example
-------
>>> import networkx as nx
>>> from samenwerking.analysis import constraint
>>> from samenwerking.graph import CompactGraph
>>> G = CompactGraph.from_networkx(nx.path_graph(8))
>>> held, size = holes_of(G, [3])
>>> held[3] == constraint(G)[3], size[3]
(True, 2.0)
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import numpy.typing as npt

from samenwerking.analysis import constraint, effective_size
from samenwerking.graph import CompactGraph

__all__ = ["ball", "holes_of"]


def ball(G: CompactGraph, nodes: Sequence[int], steps: int = 2) -> npt.NDArray[np.int64]:  # noqa: N803
    """The positions within ``steps`` ties of ``nodes``, sorted.

    Example
    -------
    >>> import networkx as nx
    >>> ball(CompactGraph.from_networkx(nx.path_graph(6)), [0]).tolist()
    [0, 1, 2]
    """
    inside = np.zeros(G.n_nodes, bool)
    frontier = np.unique(np.asarray(nodes, np.int64))
    inside[frontier] = True
    for _ in range(steps):
        if not len(frontier):
            break
        starts, ends = G.indptr[frontier], G.indptr[frontier + 1]
        reached = np.concatenate(
            [G.indices[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
        ).astype(np.int64)
        frontier = np.unique(reached[~inside[reached]])
        inside[frontier] = True
    return np.flatnonzero(inside)


def _induced(G: CompactGraph, keep: npt.NDArray[np.int64]) -> CompactGraph:  # noqa: N803
    """The subgraph of ``G`` on the positions ``keep`` (sorted), with every attribute."""
    sub = G.to_scipy()[keep][:, keep].tocsr()
    sub.sort_indices()
    return CompactGraph(
        ids=tuple(G.ids[i] for i in keep.tolist()),
        indptr=sub.indptr.astype(np.int64),
        indices=sub.indices.astype(np.int32),
        weight=sub.data.astype(np.float64),
        sector=G.sector[keep],
        domain=G.domain[keep],
        municipality=G.municipality[keep],
        organisation=G.organisation[keep],
        sectors=G.sectors,
        domains=G.domains,
        municipalities=G.municipalities,
        organisations=G.organisations,
        name=G.name,
        role=G.role[keep],
        roles=G.roles,
    )


def holes_of(
    G: CompactGraph,  # noqa: N803
    nodes: Sequence[int],
) -> tuple[dict[Hashable, float], dict[Hashable, float]]:
    """Constraint and effective size (every tie counting 1) of the nodes at ``nodes``,
    by id: the same values :func:`~samenwerking.analysis.constraint` and
    :func:`~samenwerking.analysis.effective_size` give on the whole graph."""
    if not len(nodes):
        return {}, {}
    sub = _induced(G, ball(G, nodes))
    held, size = constraint(sub), effective_size(sub)
    ids = [G.ids[i] for i in nodes]
    return {v: held[v] for v in ids}, {v: size[v] for v in ids}
