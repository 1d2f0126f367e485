"""A force-directed layout in a few vectorised numpy steps, for pictures of big islands.

``networkx.spring_layout`` loops over the nodes in Python above 500 nodes; this one moves
every node at once (Fruchterman and Reingold's forces, from a random start; the pairwise
repulsion in a compiled loop), so a map of 3,000 organisations takes about a second.
Same graph and seed, same layout.

References
----------
Fruchterman, T. M. J. and Reingold, E. M. (1991). Graph drawing by force-directed
placement. *Software: Practice and Experience* 21(11), 1129-1164.

Example
-------
>>> import networkx as nx
>>> positions = force_layout(nx.cycle_graph(6), seed=1)
>>> sorted(positions) == list(range(6)), all(0 <= v <= 1 for xy in positions.values() for v in xy)
(True, True)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from samenwerking.report._layout_kernels import repulsion

__all__ = ["force_layout"]


def force_layout(
    G: Any,  # noqa: N803 - networkx convention
    *,
    seed: int = 1,
    iterations: int = 40,
) -> dict[Any, tuple[float, float]]:
    """Positions in the unit square for the nodes of ``G`` (edge weights are ignored)."""
    nodes = list(G.nodes)
    n = len(nodes)
    if n <= 2:
        return {node: (0.25 + 0.5 * i, 0.5) for i, node in enumerate(nodes)}
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], np.int64)
    edges = edges.reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)).astype(np.float32)
    k = np.float32(np.sqrt(1.0 / n))
    step = 0.1
    cool = step / (iterations + 1)
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(iterations):
        push_x, push_y = repulsion(x, y, np.float32(k * k))  # k^2 / d^2 over distance
        if len(edges):
            ex = x[edges[:, 0]] - x[edges[:, 1]]
            ey = y[edges[:, 0]] - y[edges[:, 1]]
            pull = np.sqrt(ex * ex + ey * ey) / k
            for push, e in ((push_x, ex * pull), (push_y, ey * pull)):
                push -= np.bincount(edges[:, 0], weights=e, minlength=n).astype(np.float32)
                push += np.bincount(edges[:, 1], weights=e, minlength=n).astype(np.float32)
        size = np.sqrt(push_x * push_x + push_y * push_y)
        np.maximum(size, 0.01, out=size)
        scale = np.minimum(size, step) / size
        x += push_x * scale
        y += push_y * scale
        step -= cool
    pos = np.column_stack((x, y))
    low, span = pos.min(axis=0), np.ptp(pos, axis=0)
    pos = (pos - low) / np.where(span > 0, span, 1)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos.tolist(), strict=True)}
