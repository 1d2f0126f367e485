"""Brokers: betweenness centrality, exact or estimated from sampled sources.

A professional with high betweenness lies on many of the shortest paths between others:
remove them and information has to travel further, or not at all. The algorithm is
Brandes' (2001) accumulation, compiled (:mod:`samenwerking.analysis._brandes`): one
breadth-first search per source over the CSR arrays (path counts forward, dependencies
backward), the sources shared out over numba's threads.

References
----------
Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
Mathematical Sociology* 25(2), 163-177.
Brandes, U. and Pich, C. (2007). Centrality estimation in large networks. *International
Journal of Bifurcation and Chaos* 17(7), 2303-2318.

Example
-------
>>> import networkx as nx
>>> scores = betweenness(nx.path_graph(["a", "b", "c"]))
>>> scores
{'a': 0.0, 'b': 1.0, 'c': 0.0}
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Sequence

import networkx as nx
import numpy as np
import numpy.typing as npt

from samenwerking.analysis._brandes import dependencies
from samenwerking.analysis._input import InvalidArgumentError, as_compact
from samenwerking.analysis._kernels import node_positions
from samenwerking.graph.compact import CompactGraph
from samenwerking.progress import Progress, report_progress

__all__ = ["betweenness"]


def betweenness(
    G: nx.Graph | CompactGraph,  # noqa: N803
    *,
    k: int | None = None,
    seed: int | None = None,
    normalized: bool = True,
    sources: Sequence[Hashable] | None = None,
    progress: Progress | None = None,
) -> dict[Hashable, float]:
    """Betweenness centrality of every node: exact, or estimated from ``k`` sampled sources.

    Shortest paths are counted in hops (ties are unweighted) and endpoints are not counted,
    exactly as :func:`networkx.betweenness_centrality` does by default; a directed networkx
    graph is treated as undirected.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.
    k : int, optional
        Estimate from ``k`` source nodes sampled without replacement (Brandes and Pich 2007).
        ``None`` (or ``k`` equal to the number of nodes) computes the exact values.
    seed : int, optional
        Seed for the sample. The sample equals the one networkx draws for the same ``seed``
        and node order, so ``betweenness(G, k=k, seed=s)`` matches
        ``nx.betweenness_centrality(G, k=k, seed=s)``.
    normalized : bool
        Divide by the number of source-target pairs, as networkx does (for a sample,
        networkx's scaling for sampled sources, which treats source nodes apart).
    sources : sequence of node ids, optional
        Use exactly these sources instead of a sample (``k`` and ``seed`` are then ignored).
    progress : Progress, optional
        Called with the number of sources done and the total.

    Returns
    -------
    dict
        Betweenness by node id, in node order.

    Raises
    ------
    InvalidArgumentError
        If ``k`` is not between 1 and the number of nodes, or a source is not a node.

    Notes
    -----
    The sources are shared out over numba's threads (all cores by default; fewer with
    ``NUMBA_NUM_THREADS`` or :func:`samenwerking._jit.threads`). Each thread holds about
    ``24 x nodes`` bytes: distances, path counts (overwritten backward), the search order
    and its own sum. Progress is reported after each chunk of sources (about 10^8 edge
    visits).

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.star_graph(3)
    >>> betweenness(G)[0], betweenness(G, normalized=False)[0]
    (1.0, 3.0)
    >>> betweenness(G, sources=[1, 2], normalized=False)[0]  # sampled estimate
    3.0
    """
    C = as_compact(G)  # noqa: N806
    n = C.n_nodes
    if sources is not None:
        chosen = np.unique(node_positions(C, list(sources)))
        if len(chosen) != len(sources):
            raise InvalidArgumentError("sources must not repeat a node")
        sampled = True
    elif k is None or k == n:
        chosen = np.arange(n)
        sampled = False
    else:
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= n:
            raise InvalidArgumentError(f"k must be an integer from 1 to {n} (got {k!r})")
        chosen = np.array(random.Random(seed).sample(range(n), k), dtype=np.int64)
        sampled = True
    raw = _accumulate(C, chosen, progress)
    scale_source, scale_other = _scales(n, len(chosen), normalized, sampled)
    scaled = raw * scale_other
    scaled[chosen] = raw[chosen] * scale_source
    return dict(zip(C.ids, scaled.tolist(), strict=True))


def _scales(n: int, k: int, normalized: bool, sampled: bool) -> tuple[float, float]:
    """Scale factors for source and other nodes, as ``networkx``'s ``_rescale`` has them."""
    big_n = n - 1  # endpoints are not counted
    if big_n < 2:
        return 1.0, 1.0
    if not sampled:
        scale = 1 / (big_n * (big_n - 1)) if normalized else 0.5
        return scale, scale
    if normalized:
        source = 1 / ((k - 1) * (big_n - 1)) if k > 1 else math.nan
        return source, 1 / (k * (big_n - 1))
    source = big_n / ((k - 1) * 2) if k > 1 else math.nan
    return source, big_n / (k * 2)


def _chunk_size(G: CompactGraph) -> int:  # noqa: N803
    """Sources per kernel call: about 10^8 edge visits between progress reports (8 to 1,024)."""
    work = G.n_nodes + len(G.indices)
    return int(min(1024, max(8, 10**8 // max(work, 1))))


def _accumulate(
    G: CompactGraph,  # noqa: N803
    sources: npt.NDArray[np.int64],
    progress: Progress | None,
) -> npt.NDArray[np.float64]:
    """Brandes dependencies summed over ``sources`` (not yet scaled), in chunks for progress."""
    total = np.zeros(G.n_nodes, np.float64)
    if G.n_nodes == 0 or not len(sources):
        return total
    report_progress(progress, 0, len(sources))
    size = _chunk_size(G)
    for start in range(0, len(sources), size):
        chunk = sources[start : start + size]
        total += dependencies(G.indptr, G.indices, chunk)
        report_progress(progress, start + len(chunk), len(sources))
    return total
