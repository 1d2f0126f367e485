"""Tests for the compact CSR graph (``samenwerking.graph.compact``).

The reference is the networkx view: both must describe the same weighted graph.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.errors import UnknownIdError
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.graph.networkx_view import to_graph
from samenwerking.model import (
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    Tie,
    TieKind,
    TieStore,
)

oid, pid = OrganisationId, ProfessionalId


def small_region() -> Region:
    orgs = (
        Organisation(oid("s"), "Basisschool De Eik", Sector.PRIMARY_SCHOOL, "Noordwaard"),
        Organisation(oid("w"), "Wijkteam Zuidhove", Sector.NEIGHBOURHOOD_TEAM, "Zuidhove"),
    )
    people = (
        Professional(pid("p1"), "A. Vos", Role.TEACHER, (oid("s"),)),
        Professional(pid("p2"), "B. Kok", Role.INTERN_BEGELEIDER, (oid("s"),)),
        Professional(pid("p3"), "C. Blom", Role.YOUTH_CONSULTANT, (oid("w"), oid("s"))),
        Professional(pid("p4"), "D. Roos", Role.FAMILY_COACH, (oid("nowhere"),)),
    )
    ties = [
        Tie(pid("p2"), pid("p1"), TieKind.COLLABORATES),
        Tie(pid("p1"), pid("p2"), TieKind.KNOWS, directed=True),
        Tie(pid("p3"), pid("p2"), TieKind.REFERS, since=dt.date(2022, 1, 1)),
        Tie(pid("p3"), pid("p3")),  # self tie: skipped
        Tie(pid("p3"), pid("ghost")),  # unknown: skipped
    ]
    return Region("Twee", orgs, people, ties=ties)


def test_hand_made_region() -> None:
    g = compact_graph(small_region())
    assert g.ids == ("p1", "p2", "p3", "p4")
    assert g.n_nodes == 4 and g.n_edges == 2
    assert g.indptr.tolist() == [0, 1, 3, 4, 4]
    assert g.indices.tolist() == [1, 0, 2, 1]
    assert g.weight.tolist() == [2.0, 2.0, 1.0, 1.0]
    assert g.degree().tolist() == [1, 2, 1, 0]
    assert g.degree(weighted=True).tolist() == [2.0, 3.0, 1.0, 0.0]
    assert g.neighbors(g.index_of("p2")).tolist() == [0, 2]
    assert g.decode("sector") == ["primary_school", "primary_school", "neighbourhood_team", None]
    assert g.decode("domain") == ["education", "education", "care", None]
    assert g.decode("municipality") == ["Noordwaard", "Noordwaard", "Zuidhove", None]
    assert g.decode("organisation") == ["s", "s", "w", None]
    assert g.name == "Twee"


def test_dtypes_and_immutability() -> None:
    g = compact_graph(small_region())
    assert g.indptr.dtype == np.int64 and g.indices.dtype == np.int32
    assert g.weight.dtype == np.float64
    for array in (g.indptr, g.indices, g.weight, g.sector, g.domain, g.organisation):
        assert not array.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        g.indices[0] = 3
    with pytest.raises(AttributeError):
        g.name = "other"  # type: ignore[misc]


def test_index_of_unknown_node() -> None:
    with pytest.raises(UnknownIdError, match="ghost"):
        compact_graph(small_region()).index_of("ghost")


def test_decode_unknown_attribute() -> None:
    with pytest.raises(KeyError, match="colour"):
        compact_graph(small_region()).decode("colour")


def test_roles() -> None:
    g = compact_graph(small_region())
    assert g.decode("role") == ["teacher", "intern_begeleider", "youth_consultant", "family_coach"]
    assert g.roles == tuple(r.value for r in Role)
    assert g.role.dtype == np.int16 and not g.role.flags.writeable


def test_role_defaults_to_unknown() -> None:
    g = CompactGraph.from_networkx(nx.path_graph(3))
    assert g.role.tolist() == [-1, -1, -1]
    direct = CompactGraph(
        ids=("a",), indptr=np.zeros(2, np.int64), indices=np.zeros(0, np.int32),
        weight=np.zeros(0), sector=np.array([-1], np.int16), domain=np.array([-1], np.int16),
        municipality=np.array([-1], np.int32), organisation=np.array([-1], np.int32),
    )  # fmt: skip
    assert direct.role.tolist() == [-1] and direct.decode("role") == [None]


def test_empty_region() -> None:
    g = compact_graph(Region("Leeg"))
    assert g.n_nodes == 0 and g.n_edges == 0 and g.indptr.tolist() == [0]
    assert g.to_scipy().shape == (0, 0)


def test_to_scipy_shares_the_arrays() -> None:
    g = compact_graph(small_region())
    matrix = g.to_scipy()
    assert matrix.shape == (4, 4)
    assert np.shares_memory(matrix.indices, g.indices)
    assert (matrix != matrix.T).nnz == 0


# -- property tests -----------------------------------------------------------------

PEOPLE = [f"p{i}" for i in range(8)]


@st.composite
def regions(draw: st.DrawFn) -> Region:
    orgs = tuple(
        Organisation(oid(f"o{i}"), f"Org {i}", draw(st.sampled_from(Sector)),
                     draw(st.sampled_from(["Noord", "Zuid", "Oost"])))
        for i in range(draw(st.integers(1, 4)))
    )  # fmt: skip
    people = tuple(
        Professional(pid(p), p.upper(), Role.OTHER, (oid(f"o{draw(st.integers(0, len(orgs)))}"),))
        for p in PEOPLE[: draw(st.integers(0, len(PEOPLE)))]
    )
    endpoints = st.sampled_from([*PEOPLE, "x"])
    pairs = draw(st.lists(st.tuples(endpoints, endpoints), max_size=25))
    store = TieStore.from_columns(
        source=[a for a, _ in pairs],
        target=[b for _, b in pairs],
        directed=draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs))),
    )
    return Region("R", orgs, people, ties=store)


def _check_csr(g: CompactGraph) -> None:
    for i in range(g.n_nodes):
        row = g.neighbors(i)
        assert np.all(np.diff(row) > 0), "sorted, no duplicates"
        assert i not in row.tolist()
    matrix = g.to_scipy()
    assert (matrix != matrix.T).nnz == 0


@given(regions())
def test_matches_the_networkx_view(region: Region) -> None:
    g = compact_graph(region)
    _check_csr(g)
    reference = to_graph(region)
    assert list(g.ids) == list(reference)
    expected = nx.to_numpy_array(reference, nodelist=list(reference), weight="ties")
    assert np.array_equal(g.to_scipy().toarray(), expected)
    assert g.n_edges == reference.number_of_edges()
    for attribute in ("sector", "domain", "municipality", "organisation", "role"):
        decoded = g.decode(attribute)
        for node, value in zip(g.ids, decoded, strict=True):
            raw = reference.nodes[node][attribute]
            if attribute == "organisation" and value is None:
                assert raw not in {o.id for o in region.organisations}
            else:
                assert value == raw


@given(regions())
def test_from_networkx_round_trip(region: Region) -> None:
    direct = compact_graph(region)
    via = CompactGraph.from_networkx(to_graph(region))
    assert via.ids == direct.ids
    for name in ("indptr", "indices", "weight"):
        assert np.array_equal(getattr(via, name), getattr(direct, name)), name
    for attribute in ("sector", "domain", "municipality", "role"):
        assert via.decode(attribute) == direct.decode(attribute)


def test_from_networkx_directed_and_self_loops() -> None:
    d = nx.DiGraph()
    d.add_edge("a", "b", ties=2)
    d.add_edge("b", "a", ties=3)
    d.add_edge("c", "c")
    d.add_node("z", sector="martian", domain="care")
    g = CompactGraph.from_networkx(d)
    assert g.n_edges == 1
    assert g.weight.tolist() == [3.0, 3.0]
    assert g.degree().tolist() == [1, 1, 0, 0]
    assert g.decode("sector")[3] == "martian" and "martian" in g.sectors
    assert g.decode("domain") == [None, None, None, "care"]


def test_synthetic_region_matches_networkx() -> None:
    from samenwerking.synthetic import region

    r = region(1500, seed=5)
    g = compact_graph(r)
    _check_csr(g)
    reference = nx.to_scipy_sparse_array(to_graph(r), nodelist=list(g.ids), weight="ties")
    assert abs(g.to_scipy() - reference).sum() == 0


def test_compact_graph_is_built_once_per_region() -> None:
    import pickle

    from samenwerking.graph import compact_digraph
    from samenwerking.synthetic import region as synthetic_region

    r = synthetic_region(120, seed=3)
    size = len(pickle.dumps(r))
    G = compact_graph(r)  # noqa: N806
    assert compact_graph(r) is G and compact_digraph(r).undirected is G
    assert CompactGraph.from_region(r) is not G  # the constructor always builds
    changed = r.replace(ties=r.ties.select(np.arange(len(r.ties)) % 2 == 0))
    assert compact_graph(changed) is not G
    assert compact_graph(changed).n_edges < G.n_edges
    assert len(pickle.dumps(r)) == size  # the graph is not pickled with the region
    again = pickle.loads(pickle.dumps(r))
    assert again == r and compact_graph(again) is not G


def test_built_compact_graph_tells_whether_the_region_holds_its_graph() -> None:
    from samenwerking.graph.compact import built_compact_graph
    from samenwerking.synthetic import region as synthetic_region

    r = synthetic_region(120, seed=3)
    assert built_compact_graph(r) is None  # asking does not build it
    assert built_compact_graph(r) is None
    graph = compact_graph(r)
    assert built_compact_graph(r) is graph
    changed = r.replace(ties=r.ties.select(np.arange(len(r.ties)) % 2 == 0))
    assert built_compact_graph(changed) is None  # a new region, its own graph
