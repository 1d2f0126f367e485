"""Tests for reach within k steps and the nearest contact (``analysis.reach``).

References: :func:`networkx.single_source_shortest_path_length` with a cutoff and plain
shortest-path search over members and targets, on hypothesis graphs and on the DHHS
network (Luke 2015, see tests/fixtures/networks/README.md).
"""

from __future__ import annotations

from unittest.mock import patch

import networkx as nx
import pytest
from broker_graphs import graphs, load_network, twins
from hypothesis import given
from hypothesis import strategies as st

from samenwerking._jit import threads
from samenwerking.analysis import _kernels
from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.reach import nearest_contact, reach_counts, within_reach
from samenwerking.model import Sector

SCHOOLS = {s.value for s in Sector if s.is_school}


@given(graphs(), st.integers(0, 4))
def test_within_reach_equals_networkx(g: nx.Graph, k: int) -> None:
    for form in twins(g):
        for node in g:
            expected = nx.single_source_shortest_path_length(g, node, cutoff=k)
            got = within_reach(form, node, k=k)
            assert got == expected
            assert list(got.values()) == sorted(got.values())


@given(graphs(), st.integers(0, 20))
def test_reach_counts_equal_networkx(g: nx.Graph, k: int) -> None:
    expected = {v: len(nx.single_source_shortest_path_length(g, v, cutoff=k)) - 1 for v in g}
    for form in twins(g):
        assert reach_counts(form, k=k) == expected


def test_reach_counts_real_network() -> None:
    g = load_network("DHHS")
    for k in (1, 2, 3):
        expected = {v: len(nx.single_source_shortest_path_length(g, v, cutoff=k)) - 1 for v in g}
        assert reach_counts(g, k=k) == expected


def _expected_distances(
    g: nx.Graph, targets: set[object], max_steps: int | None
) -> dict[str, int | None]:
    result: dict[str, int | None] = {}
    for node in g:
        org, sector = g.nodes[node].get("organisation"), g.nodes[node].get("sector")
        if org is None or sector not in SCHOOLS:
            continue
        lengths = nx.single_source_shortest_path_length(g, node, cutoff=max_steps)
        found = [d for t, d in lengths.items() if t in targets]
        best = min(found) if found else None
        old = result.get(org)
        result[org] = best if old is None else (old if best is None else min(old, best))
    return result


@given(graphs(), st.none() | st.integers(0, 3), st.booleans())
def test_nearest_contact_equals_brute_force(
    g: nx.Graph, max_steps: int | None, with_role: bool
) -> None:
    roles = ["family_coach"] if with_role else None
    targets = {
        v
        for v in g
        if g.nodes[v].get("sector") == "youth_care"
        and (not with_role or g.nodes[v].get("role") == "family_coach")
    }
    expected = _expected_distances(g, targets, max_steps)
    for form in twins(g):
        result = nearest_contact(
            form, to_sectors=["youth_care"], to_roles=roles, max_steps=max_steps
        )
        assert result.distances() == expected
        assert result.unreached == tuple(sorted(o for o, d in expected.items() if d is None))
        for contact in result.contacts:
            if contact.distance is not None:
                assert contact.contact in targets
                assert g.nodes[contact.member]["organisation"] == contact.organisation
                assert nx.shortest_path_length(g, contact.member, contact.contact) == (
                    contact.distance
                )


def test_nearest_contact_needs_targets_and_known_names() -> None:
    g = nx.path_graph(2)
    with pytest.raises(InvalidArgumentError, match="to_sectors or to_roles"):
        nearest_contact(g)
    with pytest.raises(InvalidArgumentError, match="martian"):
        nearest_contact(g, to_sectors=["martian"])
    with pytest.raises(InvalidArgumentError, match="k must be"):
        within_reach(g, 0, k=-1)


@st.composite
def hub_graphs(draw: st.DrawFn) -> nx.Graph:
    """Random graphs of up to 60 nodes with a few hubs, some isolates."""
    n = draw(st.integers(1, 60))
    g = nx.gnm_random_graph(n, draw(st.integers(0, 2 * n)), seed=draw(st.integers(0, 9999)))
    for hub in draw(st.lists(st.integers(0, n - 1), max_size=3)):
        g.add_edges_from((hub, v) for v in range(0, n, draw(st.integers(2, 5))) if v != hub)
    return g


@given(hub_graphs(), st.integers(0, 6))
def test_reach_counts_any_thread_count(g: nx.Graph, k: int) -> None:
    expected = {v: len(nx.single_source_shortest_path_length(g, v, cutoff=k)) - 1 for v in g}
    for count in (1, 2):
        # Small graphs run on one thread; drop the threshold to run the blocks in parallel.
        with threads(count), patch.object(_kernels, "PARALLEL_WORK", 0):
            assert reach_counts(g, k=k) == expected


@given(graphs(directed=True), st.integers(0, 4))
def test_reach_counts_directed_and_multigraph(g: nx.DiGraph, k: int) -> None:
    undirected = nx.Graph(g.to_undirected())
    expected = {
        v: len(nx.single_source_shortest_path_length(undirected, v, cutoff=k)) - 1
        for v in undirected
    }
    assert reach_counts(g, k=k) == expected
    multi = nx.MultiGraph(undirected)
    multi.add_edges_from(list(undirected.edges))
    assert reach_counts(multi, k=k) == expected


def test_reach_counts_empty_graph() -> None:
    assert reach_counts(nx.Graph(), k=2) == {}
    assert nearest_contact(nx.Graph(), to_sectors=["youth_care"]).contacts == ()


@given(graphs(), st.none() | st.integers(0, 3))
def test_nearest_contact_names_first_member_and_first_target(
    g: nx.Graph, max_steps: int | None
) -> None:
    # Of equally near members and targets, the first in node order is named.
    order = {v: i for i, v in enumerate(g)}
    targets = [v for v in g if g.nodes[v].get("sector") == "youth_care"]
    for contact in nearest_contact(g, to_sectors=["youth_care"], max_steps=max_steps).contacts:
        if contact.distance is None:
            continue
        members = [
            v
            for v in g
            if g.nodes[v].get("organisation") == contact.organisation
            and g.nodes[v].get("sector") in SCHOOLS
        ]
        lengths = {v: nx.single_source_shortest_path_length(g, v) for v in members}
        near = [
            v for v in members if min(lengths[v].get(t, 99) for t in targets) == contact.distance
        ]
        assert contact.member == min(near, key=order.__getitem__)
        nearest = [t for t in targets if lengths[contact.member].get(t) == contact.distance]
        assert contact.contact == min(nearest, key=order.__getitem__)


def test_reach_counts_dense_graphs() -> None:
    # Searches that reach everyone early keep scanning ties: no write past the queue.
    for n in range(2, 10):
        for k in range(1, n):
            assert reach_counts(nx.complete_graph(n), k=k) == dict.fromkeys(range(n), n - 1)
            wheel = nx.wheel_graph(n)
            expected = {
                v: len(nx.single_source_shortest_path_length(wheel, v, cutoff=k)) - 1 for v in wheel
            }
            assert reach_counts(wheel, k=k) == expected
