"""Test helpers for the group analyses (mixing, cohesion, communities, trust, change).

``graphs()`` draws small networkx graphs whose nodes carry random sector, domain,
municipality and organisation attributes (some missing); ``regions()`` draws small regions
with directed ties and trust/value ratings; ``load_network()`` reads a real published
network from ``tests/fixtures/networks`` (see the README there).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx
from hypothesis import strategies as st

from samenwerking.graph.compact import CompactGraph
from samenwerking.model import (
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    TieStore,
)

__all__ = ["FIXTURES", "both_forms", "graphs", "group_of", "load_network", "regions"]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "networks"

NODES = [f"n{i:02d}" for i in range(18)]
VALUES: dict[str, list[str | None]] = {
    "sector": [None, "primary_school", "youth_care", "municipality"],
    "domain": [None, "education", "care", "welfare"],
    "municipality": [None, "Noord", "Zuid", "Oost"],
    "organisation": [None, "o1", "o2", "o3", "o4"],
}


@st.composite
def graphs(
    draw: st.DrawFn, *, max_nodes: int = 18, max_edges: int = 50, directed: bool = False
) -> nx.Graph:
    """A small graph without self loops; edges may carry ``ties`` (1-3)."""
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    for node in NODES[: draw(st.integers(0, max_nodes))]:
        attributes = {key: draw(st.sampled_from(values)) for key, values in VALUES.items()}
        g.add_node(node, **{k: v for k, v in attributes.items() if v is not None})
    nodes = list(g)
    if len(nodes) >= 2:
        pairs = draw(
            st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)), max_size=max_edges)
        )
        for u, v in pairs:
            if u != v:
                g.add_edge(u, v, ties=draw(st.integers(1, 3)))
    return g


def group_of(g: nx.Graph, node: Any, by: str) -> str:
    """A node's group label as the analyses name it."""
    value = g.nodes[node].get(by)
    return "unknown" if value is None else str(value)


def both_forms(g: nx.Graph) -> list[nx.Graph | CompactGraph]:
    """The graph as networkx and as a CompactGraph."""
    return [g, CompactGraph.from_networkx(g)]


SECTORS = [Sector.PRIMARY_SCHOOL, Sector.YOUTH_CARE, Sector.MUNICIPALITY, Sector.WELFARE]


@st.composite
def regions(
    draw: st.DrawFn,
    *,
    people: list[str] | None = None,
    max_ties: int = 30,
) -> Region:
    """A small region: 1-4 organisations, some of ``people`` (default p00-p11), random ties.

    Ties may repeat a pair, be directed, and carry trust and value (1-4) or not.
    """
    pool = people if people is not None else [f"p{i:02d}" for i in range(12)]
    org_ids = [f"o{i}" for i in range(draw(st.integers(1, 4)))]
    orgs = tuple(
        Organisation(
            OrganisationId(o),
            f"Organisation {o}",
            draw(st.sampled_from(SECTORS)),
            draw(st.sampled_from(["Noord", "Zuid"])),
        )
        for o in org_ids
    )
    chosen = [p for p in pool if draw(st.booleans()) or draw(st.booleans())]
    professionals = tuple(
        Professional(
            ProfessionalId(p),
            f"Person {p}",
            Role.OTHER,
            (OrganisationId(draw(st.sampled_from(org_ids))),),
        )
        for p in chosen
    )
    ties: dict[str, list[Any]] = {k: [] for k in ("source", "target", "directed", "trust", "value")}
    if len(chosen) >= 2:
        for _ in range(draw(st.integers(0, max_ties))):
            a, b = draw(st.sampled_from(chosen)), draw(st.sampled_from(chosen))
            if a == b:
                continue
            ties["source"].append(a)
            ties["target"].append(b)
            ties["directed"].append(draw(st.booleans()))
            ties["trust"].append(draw(st.none() | st.integers(1, 4).map(float)))
            ties["value"].append(draw(st.none() | st.integers(1, 4).map(float)))
    store = TieStore.from_columns(**ties) if ties["source"] else TieStore.empty()
    return Region("Test", orgs, professionals, ties=store)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_network(
    name: str,
    *,
    attributes: dict[str, str] | None = None,
    edge_attributes: dict[str, str] | None = None,
    directed: bool = False,
) -> nx.Graph:
    """Read ``<name>_nodes.csv`` and ``<name>_edges.csv`` from the fixtures.

    Nodes are the ``id`` column (text); ``attributes`` maps a node column to the attribute
    it becomes (e.g. ``{"state": "domain"}``); ``edge_attributes`` maps an edge column to an
    edge attribute (as float).
    """
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    for row in _rows(FIXTURES / f"{name}_nodes.csv"):
        g.add_node(row["id"], **{new: row[old] for old, new in (attributes or {}).items()})
    for row in _rows(FIXTURES / f"{name}_edges.csv"):
        data = {new: float(row[old]) for old, new in (edge_attributes or {}).items()}
        g.add_edge(row["from_id"], row["to_id"], **data)
    return g
