"""Small generated regions and plain-networkx references for the introduction tests."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import networkx as nx
from hypothesis import strategies as st

from samenwerking.introduce import EXPERT_SECTORS
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
    "EXPERTS",
    "build_region",
    "bus_factor_nx",
    "domain_pairs",
    "is_robust_nx",
    "reference_graph",
    "regions",
    "unreached_schools_nx",
]

EXPERTS = frozenset(s.value for s in EXPERT_SECTORS)

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


def is_robust_nx(G: nx.Graph, k: int, by: str = "domain") -> bool:  # noqa: N803
    """Whether every pair of groups has a bus factor of ``min(k, |g|, |h|)`` (networkx)."""
    sizes: dict[str, int] = {}
    for _, d in G.nodes(data=by):
        sizes[d] = sizes.get(d, 0) + 1
    return all(
        bus_factor_nx(G, a, b, by) >= min(k, sizes[a], sizes[b]) for a, b in domain_pairs(G, by)
    )


def unreached_schools_nx(G: nx.Graph, region: Region, steps: int) -> set[str]:  # noqa: N803
    """Schools with members, none of them within ``steps`` of an expert (networkx BFS)."""
    experts = [v for v, s in G.nodes(data="sector") if s in EXPERTS]
    distance = nx.multi_source_dijkstra_path_length(G, experts, cutoff=steps) if experts else {}
    out = set()
    for org in region.organisations:
        members = [v for v, o in G.nodes(data="org") if o == org.id]
        if org.sector.is_school and members and not any(m in distance for m in members):
            out.add(org.id)
    return out


def build_region(
    orgs: Sequence[tuple[str, Sector, str]],
    people: Sequence[tuple[str, Role, str]],
    ties: Sequence[tuple[str, str]] = (),
) -> Region:
    """A hand-built region from ``(id, sector, municipality)`` organisations,
    ``(id, role, organisation)`` people and ``(a, b)`` ties."""
    return Region(
        "r",
        tuple(Organisation(i, f"Org {i}", sector, muni) for i, sector, muni in orgs),
        tuple(Professional(i, i.upper(), role, (org,)) for i, role, org in people),
        ties=[Tie(a, b) for a, b in ties],
    )
