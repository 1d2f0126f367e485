"""Hypothesis strategies for small networkx graphs of every kind, and a networkx config guard.

Graphs are fictional: up to 14 nodes labelled by integers or strings (so node ids are not
positions), edges drawn at random, optionally directed, multi, with self loops, weighted
(positive weights on a ``"w"`` attribute, some edges without it) and with a ``"colour"``
node attribute (some nodes without it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import networkx as nx
from hypothesis import strategies as st

__all__ = ["graphs", "isolated_config"]


@st.composite
def graphs(
    draw: st.DrawFn,
    *,
    directed: bool = False,
    multigraph: bool = False,
    self_loops: bool = False,
    weighted: bool = False,
    coloured: bool = False,
    max_nodes: int = 14,
) -> nx.Graph:
    """A random networkx graph of the asked kind."""
    n = draw(st.integers(0, max_nodes))
    labels: list[Any] = (
        [f"v{i:02d}" for i in range(n)]
        if draw(st.booleans())
        else draw(st.permutations(range(100, 100 + n)))
    )
    cls = {
        (False, False): nx.Graph,
        (True, False): nx.DiGraph,
        (False, True): nx.MultiGraph,
        (True, True): nx.MultiDiGraph,
    }[(directed, multigraph)]
    G = cls()  # noqa: N806
    G.add_nodes_from(labels)
    if n:
        pairs = draw(
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n)
        )
        for a, b in pairs:
            if a == b and not self_loops:
                continue
            attrs: dict[str, Any] = {}
            if weighted and draw(st.integers(0, 4)):
                attrs["w"] = draw(st.sampled_from([0.5, 1, 2, 3.25, 7]))
            G.add_edge(labels[a], labels[b], **attrs)
    if coloured:
        for node in labels:
            if draw(st.integers(0, 5)):
                G.nodes[node]["colour"] = draw(st.sampled_from(["red", "green", "blue", 3]))
    return G


@contextlib.contextmanager
def isolated_config(**settings: Any) -> Iterator[None]:
    """networkx's global config with these settings, restored afterwards.

    Conversions are not cached (networkx warns whenever a cached conversion is used, and
    the tests turn warnings into errors).
    """
    priority = list(nx.config.backend_priority.algos)
    min_nodes = nx.config.backends.samenwerking.min_nodes
    try:
        with nx.config(cache_converted_graphs=False):
            for key, value in settings.items():
                if key == "backend_priority":
                    nx.config.backend_priority.algos = value
                elif key == "min_nodes":
                    nx.config.backends.samenwerking.min_nodes = value
                else:
                    raise KeyError(key)
            yield
    finally:
        nx.config.backend_priority.algos = priority
        nx.config.backends.samenwerking.min_nodes = min_nodes
