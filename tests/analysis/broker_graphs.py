"""Test helpers for the broker, weak-point, reach and bus-factor analyses.

``graphs()`` draws small networkx graphs whose nodes carry random sector, domain,
organisation and role attributes (some missing); ``load_network()`` reads a real published
network from ``tests/fixtures/networks`` (sources in the README there).
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
from hypothesis import strategies as st

from samenwerking.graph.compact import CompactGraph

__all__ = ["FIXTURES", "graphs", "load_network", "twins"]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "networks"

NODES = [f"n{i:02d}" for i in range(16)]
VALUES: dict[str, list[str | None]] = {
    "sector": [None, "primary_school", "youth_care", "municipality", "secondary_school"],
    "domain": [None, "education", "care", "welfare"],
    "organisation": [None, "o1", "o2", "o3"],
    "role": [None, "teacher", "youth_care_worker", "family_coach"],
}


@st.composite
def graphs(draw: st.DrawFn, directed: bool = False, max_nodes: int = len(NODES)) -> nx.Graph:
    """Small graphs with random node attributes; directed ones may have two-way arcs."""
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    for node in NODES[: draw(st.integers(0, max_nodes))]:
        attributes = {name: draw(st.sampled_from(values)) for name, values in VALUES.items()}
        g.add_node(node, **{k: v for k, v in attributes.items() if v is not None})
    nodes = list(g)
    if len(nodes) >= 2:
        pairs = st.tuples(st.sampled_from(nodes), st.sampled_from(nodes))
        g.add_edges_from((a, b) for a, b in draw(st.lists(pairs, max_size=40)) if a != b)
    return g


def twins(g: nx.Graph) -> tuple[nx.Graph, CompactGraph]:
    """The graph and its compact form, for checking both give the same answer."""
    return g, CompactGraph.from_networkx(g)


def load_network(name: str, *, directed: bool = False, group: str | None = None) -> nx.Graph:
    """A fixture network by file stem (``TCcoll``), nodes by name, ``group`` as domain."""
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    with (FIXTURES / f"{name}_nodes.csv").open(newline="", encoding="utf-8") as f:
        names = {}
        for row in csv.DictReader(f):
            names[row["id"]] = row["vertex.names"]
            g.add_node(row["vertex.names"])
            if group is not None:
                g.nodes[row["vertex.names"]]["domain"] = row[group]
    with (FIXTURES / f"{name}_edges.csv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b = names[row["from_id"]], names[row["to_id"]]
            if a != b:
                g.add_edge(a, b)
    return g
