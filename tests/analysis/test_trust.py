"""Tests for PARTNER-style trust and value scores (``analysis.trust``).

References: plain-Python aggregation over the ties (no pandas); a real network, the
Indiana tobacco-control programme (UserNetR ``TCcoll``: collaboration level 2-4, taken as
the trust rating, and ``TCcnt``: contact frequency 1-5, taken as the value rating), both as
a networkx graph and as a region.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
import pytest
from group_graphs import graphs, group_of, load_network, regions
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.trust import Rating, TrustValue, trust_value
from samenwerking.graph.compact import built_compact_graph, compact_graph
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


def brute(rows: Iterable[tuple[Any, Any, float | None, float | None]]) -> dict[Any, Rating]:
    """Means and counts per key, from (key, _, trust, value) rows."""
    table: dict[Any, list[list[float]]] = {}
    for key, _, trust, value in rows:
        if trust is None and value is None:
            continue
        entry = table.setdefault(key, [[], [], []])
        entry[0].append(1.0)
        if trust is not None:
            entry[1].append(trust)
        if value is not None:
            entry[2].append(value)
    return {
        key: Rating(
            trust=sum(t) / len(t) if t else None,
            value=sum(v) / len(v) if v else None,
            ratings=len(n),
            trust_ratings=len(t),
            value_ratings=len(v),
        )
        for key, (n, t, v) in table.items()
    }


def _approx(a: dict[Any, Rating], b: dict[Any, Rating]) -> None:
    assert set(a) == set(b)
    for key in a:
        x, y = a[key], b[key]
        assert (x.ratings, x.trust_ratings, x.value_ratings) == (
            y.ratings,
            y.trust_ratings,
            y.value_ratings,
        )
        for m, n in ((x.trust, y.trust), (x.value, y.value)):
            assert (m is None) == (n is None)
            if m is not None:
                assert m == pytest.approx(n)


SCORES = st.none() | st.integers(1, 4).map(float)


@st.composite
def rated_graphs(draw: st.DrawFn, directed: bool) -> nx.Graph:
    g = draw(graphs(directed=directed))
    for _, _, data in g.edges(data=True):
        trust, value = draw(SCORES), draw(SCORES)
        if trust is not None or draw(st.booleans()):
            data["trust"] = trust
        if value is not None:
            data["value"] = value
    return g


@given(rated_graphs(directed=True), st.sampled_from(["organisation", "sector", "domain"]))
def test_directed_graph_by_brute_force(g: nx.DiGraph, by: str) -> None:
    result = trust_value(g, by=by)
    rows = [
        (
            (group_of(g, u, by), group_of(g, v, by)),
            None,
            d.get("trust"),
            d.get("value"),
        )
        for u, v, d in g.edges(data=True)
    ]
    _approx(result.pairs, brute(rows))
    _approx(result.groups, brute((k[1], *rest) for k, *rest in rows))
    overall = brute((0, *rest) for _, *rest in rows)
    _approx({0: result.overall}, overall or {0: Rating(None, None, 0, 0, 0)})
    assert list(result.groups) == sorted(result.groups, key=lambda x: (x == "unknown", x))


@given(rated_graphs(directed=False))
def test_undirected_graph_counts_a_rating_for_both_ends(g: nx.Graph) -> None:
    by = "domain"
    result = trust_value(g, by=by)
    pair_rows = []
    group_rows = []
    for u, v, d in g.edges(data=True):
        a, b = sorted((group_of(g, u, by), group_of(g, v, by)), key=lambda x: (x == "unknown", x))
        pair_rows.append(((a, b), None, d.get("trust"), d.get("value")))
        for end in {a, b}:
            group_rows.append((end, None, d.get("trust"), d.get("value")))
    _approx(result.pairs, brute(pair_rows))
    _approx(result.groups, brute(group_rows))


@given(
    regions(),
    st.sampled_from(["organisation", "sector", "domain", "municipality"]),
    st.booleans(),
)
def test_region_by_brute_force_over_the_ties(r: Region, by: str, built: bool) -> None:
    # built: the region's compact graph exists, so its codes are read instead of the people
    if built:
        compact_graph(r)
    organisations = {o.id: o for o in r.organisations}

    def group(pid: str) -> str:
        org = organisations[r.professional(pid).organisation]
        return {
            "organisation": org.id,
            "sector": org.sector.value,
            "domain": org.domain.value,
            "municipality": org.municipality,
        }[by]

    rows = [
        ((group(t.source), group(t.target)), None, t.trust, t.value)
        for t in r.ties
        if t.source != t.target
    ]
    result = trust_value(r, by=by)
    assert isinstance(result, TrustValue) and result.by == by
    _approx(result.pairs, brute(rows))
    _approx(result.groups, brute((k[1], *rest) for k, *rest in rows))


def _tobacco() -> nx.DiGraph:
    """TCcoll ties rated with trust = collaboration level, value = contact frequency."""
    coll = load_network(
        "TCcoll",
        attributes={"agency_cat": "organisation"},
        directed=True,
        edge_attributes={"collaborate": "trust"},
    )
    contact = load_network("TCcnt", directed=True, edge_attributes={"contact": "value"})
    for u, v, data in contact.edges(data=True):
        if coll.has_edge(u, v):
            coll.edges[u, v]["value"] = data["value"]
        else:
            coll.add_edge(u, v, value=data["value"])
    return coll


def test_real_network_by_brute_force() -> None:
    g = _tobacco()
    result = trust_value(g, by="organisation")
    rows = [
        (
            (g.nodes[u]["organisation"], g.nodes[v]["organisation"]),
            None,
            d.get("trust"),
            d.get("value"),
        )
        for u, v, d in g.edges(data=True)
    ]
    _approx(result.pairs, brute(rows))
    _approx(result.groups, brute((k[1], *rest) for k, *rest in rows))
    assert result.overall.ratings == g.number_of_edges()
    # Collaboration levels in the study run from 2 to 4.
    assert all(2 <= r.trust <= 4 for r in result.groups.values() if r.trust is not None)


def test_real_network_as_a_region_gives_the_same_scores() -> None:
    g = _tobacco()
    categories = sorted({g.nodes[v]["organisation"] for v in g})
    orgs = tuple(
        Organisation(OrganisationId(c), f"Agency category {c}", Sector.OTHER, "Indiana")
        for c in categories
    )
    people = tuple(
        Professional(
            ProfessionalId(f"v{v}"),
            f"Vertex {v}",
            Role.OTHER,
            (OrganisationId(g.nodes[v]["organisation"]),),
        )
        for v in g
    )
    edges = list(g.edges(data=True))
    store = TieStore.from_columns(
        source=[f"v{u}" for u, _, _ in edges],
        target=[f"v{v}" for _, v, _ in edges],
        trust=[d.get("trust") for *_, d in edges],
        value=[d.get("value") for *_, d in edges],
        directed=[True] * len(edges),
    )
    r = Region("Indiana", orgs, people, ties=store)
    from_region = trust_value(r, by="organisation")
    from_graph = trust_value(g, by="organisation")
    _approx(from_region.groups, from_graph.groups)
    _approx(from_region.pairs, from_graph.pairs)
    _approx({0: from_region.overall}, {0: from_graph.overall})


def test_bad_input() -> None:
    g = nx.DiGraph([("a", "b", {"trust": "high"})])
    with pytest.raises(InvalidArgumentError, match="high"):
        trust_value(g)
    with pytest.raises(InvalidArgumentError, match="colour"):
        trust_value(g, by="colour")
    from samenwerking.synthetic import region

    with pytest.raises(InvalidArgumentError, match="CompactGraph"):
        trust_value(compact_graph(region(100, seed=1)))  # type: ignore[arg-type]


def test_no_ratings() -> None:
    result = trust_value(nx.DiGraph([("a", "b")]))
    assert result.overall == Rating(None, None, 0, 0, 0)
    assert result.groups == {} and result.pairs == {}


FINE_SCORES = st.none() | st.floats(0.0, 4.0, allow_nan=False)


@given(st.data())
def test_sums_run_in_tie_order_to_the_last_bit(data: st.DataObject) -> None:
    # Means of arbitrary floats equal plain left-to-right sums over the ties, exactly.
    g = data.draw(graphs(directed=True))
    for _, _, d in g.edges(data=True):
        d["trust"], d["value"] = data.draw(FINE_SCORES), data.draw(FINE_SCORES)
    result = trust_value(g, by="organisation")
    rows = [
        (
            (group_of(g, u, "organisation"), group_of(g, v, "organisation")),
            None,
            d["trust"],
            d["value"],
        )
        for u, v, d in g.edges(data=True)
    ]
    assert dict(result.pairs) == brute(rows)
    assert dict(result.groups) == brute((k[1], *rest) for k, *rest in rows)
    assert result.overall == (
        brute((0, *r) for _, *r in rows).get(0) or Rating(None, None, 0, 0, 0)
    )


def _odd_region() -> Region:
    """A main organisation the region does not list, and ties naming unknown people."""
    orgs = (
        Organisation(OrganisationId("o1"), "One", Sector.YOUTH_CARE, "Noord"),
        Organisation(OrganisationId("o2"), "Two", Sector.PRIMARY_SCHOOL, "Zuid"),
    )
    people = tuple(
        Professional(ProfessionalId(p), f"Person {p}", Role.OTHER, (OrganisationId(o),))
        for p, o in (("p1", "o1"), ("p2", "o2"), ("p3", "o9"), ("p4", "o1"))
    )
    store = TieStore.from_columns(
        source=["p1", "p2", "p3", "p1", "x1", "p4", "p2"],
        target=["p2", "p3", "p1", "p4", "p1", "x2", "p1"],
        trust=[4.0, 2.0, None, 3.0, 1.0, 1.0, None],
        value=[None, 3.0, 2.0, 1.0, 4.0, 2.0, None],
        directed=[True] * 7,
    )
    return Region("Odd", orgs, people, ties=store)


@pytest.mark.parametrize("built", [False, True])
@pytest.mark.parametrize("by", ["organisation", "sector", "domain", "municipality"])
def test_unknown_organisations_and_people(by: str, built: bool) -> None:
    region = _odd_region()
    if built:  # the compact graph's codes (an unknown organisation: read from the people)
        compact_graph(region)
    labels = {
        o.id: {
            "organisation": o.id,
            "sector": o.sector.value,
            "domain": o.domain.value,
            "municipality": o.municipality,
        }[by]
        for o in region.organisations
    }
    unknown = "unknown" if by != "organisation" else None
    group = {
        p.id: labels.get(p.organisation, unknown or p.organisation) for p in region.professionals
    }
    rows = [
        ((group[t.source], group[t.target]), None, t.trust, t.value)
        for t in region.ties
        if t.source in group and t.target in group
    ]
    result = trust_value(region, by=by)
    assert dict(result.pairs) == brute(rows)
    assert dict(result.groups) == brute((k[1], *rest) for k, *rest in rows)
    assert list(result.pairs) == sorted(
        result.pairs, key=lambda p: [(x == "unknown", x) for x in p]
    )
    mapped = trust_value(region, by={p.id: group[p.id] for p in region.professionals})
    assert dict(mapped.pairs) == dict(result.pairs)


def test_the_mappings_behave_as_dicts() -> None:
    import pickle

    result = trust_value(_odd_region(), by="organisation")
    groups, pairs = dict(result.groups), dict(result.pairs)
    plain = TrustValue(overall=result.overall, groups=groups, pairs=pairs, by=result.by)
    assert result == plain and result.groups == groups and groups == result.groups
    assert len(result.pairs) == len(pairs) and ("o1", "o2") in result.pairs
    assert ("o1", "nobody") not in result.pairs and result.groups.get("nobody") is None
    with pytest.raises(KeyError):
        result.groups["nobody"]
    assert result.groups["o1"] is result.groups["o1"]
    assert repr(result.groups) == repr(groups)
    assert pickle.loads(pickle.dumps(result)) == result
    for name, frame in result.to_frames().items():
        assert frame.equals(plain.to_frames()[name])


@given(regions(), st.sampled_from(["organisation", "sector", "domain", "municipality"]))
def test_the_built_graph_gives_the_same_result_as_the_people(r: Region, by: str) -> None:
    before = trust_value(r, by=by)
    assert built_compact_graph(r) is None  # trust_value does not build the graph for itself
    compact_graph(r)
    after = trust_value(r, by=by)
    assert list(after.groups.items()) == list(before.groups.items())
    assert list(after.pairs.items()) == list(before.pairs.items())
    assert after.overall == before.overall
