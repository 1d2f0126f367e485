"""Small generated regions and plain-networkx references for the introduction tests."""

from __future__ import annotations

from itertools import combinations

import networkx as nx
from hypothesis import strategies as st

from samenwerking.model import (
    Organisation,
    Professional,
    Region,
    Role,
    Sector,
    Tie,
    WorkingGroup,
)

__all__ = [
    "bus_factor_nx",
    "domain_pairs",
    "reference_graph",
    "regions",
]

SECTORS = (
    Sector.PRIMARY_SCHOOL,
    Sector.SECONDARY_SCHOOL,
    Sector.YOUTH_CARE,
    Sector.YOUTH_HEALTH,
    Sector.MUNICIPALITY,
    Sector.CHILDCARE,
)
ROLES = (
    Role.TEACHER,
    Role.INTERN_BEGELEIDER,
    Role.ZORGCOORDINATOR,
    Role.YOUTH_CONSULTANT,
    Role.FAMILY_COACH,
    Role.POLICY_ADVISER,
)


@st.composite
def regions(draw: st.DrawFn, min_people: int = 2, max_people: int = 8, max_ties: int = 8) -> Region:
    """A fictional region of a few organisations, people, ties and maybe a working group."""
    n_orgs = draw(st.integers(1, 4))
    orgs = tuple(
        Organisation(
            f"o{i}",
            f"Org {i}",
            draw(st.sampled_from(SECTORS)),
            draw(st.sampled_from(("Noord", "Zuid"))),
        )
        for i in range(n_orgs)
    )
    n = draw(st.integers(min_people, max_people))
    people = tuple(
        Professional(
            f"p{i}",
            f"Person {i}",
            draw(st.sampled_from(ROLES)),
            (f"o{draw(st.integers(0, n_orgs - 1))}",),
            draw(st.sampled_from((None, None, 0, 3))),
        )
        for i in range(n)
    )
    pairs = list(combinations(range(n), 2))
    chosen = draw(st.lists(st.sampled_from(pairs), max_size=max_ties, unique=True))
    ties = [Tie(f"p{a}", f"p{b}") for a, b in chosen]
    groups = ()
    if draw(st.booleans()):
        members = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=4, unique=True))
        groups = (WorkingGroup("w1", "Werkgroep", members=tuple(f"p{m}" for m in members)),)
    return Region("Test", orgs, people, ties=ties, working_groups=groups)


def reference_graph(region: Region) -> nx.Graph:
    """The region as a plain networkx graph with ``domain``, ``sector`` and ``org`` nodes."""
    orgs = {o.id: o for o in region.organisations}
    G = nx.Graph()  # noqa: N806
    for p in region.professionals:
        org = orgs[p.organisation]
        G.add_node(p.id, domain=org.sector.domain.value, sector=org.sector.value, org=org.id)
    G.add_edges_from((t.source, t.target) for t in region.ties if t.source != t.target)
    return G


def domain_pairs(G: nx.Graph, by: str = "domain") -> list[tuple[str, str]]:  # noqa: N803
    """Every pair of groups present, sorted."""
    present = sorted({d for _, d in G.nodes(data=by)})
    return list(combinations(present, 2))


def bus_factor_nx(G: nx.Graph, a: str, b: str, by: str = "domain") -> int:  # noqa: N803
    """Bus factor of the a-b link: a maximum matching of the cross ties (networkx)."""
    B = nx.Graph()  # noqa: N806
    left = [v for v, d in G.nodes(data=by) if d == a]
    B.add_nodes_from(left)
    B.add_nodes_from(v for v, d in G.nodes(data=by) if d == b)
    B.add_edges_from((u, v) for u, v in G.edges if {G.nodes[u][by], G.nodes[v][by]} == {a, b})
    matching = nx.bipartite.hopcroft_karp_matching(B, top_nodes=left)
    return len(matching) // 2
