"""Tests for Burt's constraint and effective size (``analysis.structural_holes``).

References: :func:`networkx.constraint` and :func:`networkx.effective_size` (weighted: its
per-node definition, ``nodes=list(G)``; see the note in the test), on hypothesis graphs and
on the Indiana tobacco-control network (TCcoll, Luke et al. 2013).
"""

from __future__ import annotations

import math
from unittest.mock import patch

import networkx as nx
import pytest
from broker_graphs import graphs, load_network, twins
from hypothesis import given
from hypothesis import strategies as st

from samenwerking._jit import threads
from samenwerking.analysis import _kernels
from samenwerking.analysis.structural_holes import constraint, effective_size
from samenwerking.graph.compact import CompactGraph


def _close(a: dict[object, float], b: dict[object, float]) -> None:
    assert list(a) == list(b)
    for node in a:
        if math.isnan(b[node]):
            assert math.isnan(a[node]), node
        else:
            assert a[node] == pytest.approx(b[node], rel=1e-9, abs=1e-12), node


@given(graphs())
def test_unweighted_equal_to_networkx(g: nx.Graph) -> None:
    if len(g) == 0:
        return
    for form in twins(g):
        _close(constraint(form), nx.constraint(g))
        _close(effective_size(form), nx.effective_size(g))


@given(graphs(), st.data())
def test_weighted_equal_to_networkx(g: nx.Graph, data: st.DataObject) -> None:
    if len(g) == 0:
        return
    for u, v in g.edges:
        g.edges[u, v]["ties"] = data.draw(st.integers(1, 4))
    _close(constraint(g, weight="ties"), nx.constraint(g, weight="ties"))
    _close(
        constraint(CompactGraph.from_networkx(g), weight="ties"), nx.constraint(g, weight="ties")
    )
    # networkx's all-nodes sparse shortcut for weighted effective size divides by the column
    # maximum; its per-node definition (Burt 1992, Borgatti 1997) is the reference here.
    expected = nx.effective_size(g, nodes=list(g), weight="ties")
    _close(effective_size(g, weight="ties"), expected)
    _close(effective_size(CompactGraph.from_networkx(g), weight="ties"), expected)


def test_real_network() -> None:
    g = load_network("TCcoll")
    _close(constraint(g), nx.constraint(g))
    _close(effective_size(g), nx.effective_size(g))


def test_star_by_hand() -> None:
    # Borgatti (1997): an ego whose n contacts are not tied to each other has size n;
    # constraint sums (1/n)^2 over n contacts.
    star = nx.star_graph(4)
    assert effective_size(star)[0] == 4.0
    assert constraint(star)[0] == pytest.approx(0.25)
    assert math.isnan(constraint(nx.empty_graph(1))[0])


def test_empty_graph() -> None:
    assert constraint(nx.Graph()) == {}
    assert effective_size(nx.Graph()) == {}
    assert effective_size(CompactGraph.from_networkx(nx.Graph()), weight="ties") == {}


@given(graphs(directed=True))
def test_directed_taken_as_undirected(g: nx.DiGraph) -> None:
    undirected = nx.Graph(g.to_undirected())
    if len(g) == 0:
        return
    for form in twins(g):
        _close(constraint(form), nx.constraint(undirected))
        _close(effective_size(form), nx.effective_size(undirected))


@given(graphs(), st.data())
def test_multigraph_counts_each_pair_once(g: nx.Graph, data: st.DataObject) -> None:
    if len(g) == 0:
        return
    multi = nx.MultiGraph(g)
    for u, v in list(g.edges):
        multi.add_edges_from([(u, v)] * data.draw(st.integers(0, 2)))
    _close(constraint(multi), nx.constraint(g))
    _close(effective_size(multi), nx.effective_size(g))


@st.composite
def hub_graphs(draw: st.DrawFn) -> nx.Graph:
    """Random graphs of up to 60 nodes with a few hubs (so ranks and blocks matter)."""
    n = draw(st.integers(2, 60))
    g = nx.gnm_random_graph(n, draw(st.integers(0, 3 * n)), seed=draw(st.integers(0, 9999)))
    for hub in draw(st.lists(st.integers(0, n - 1), max_size=3)):
        share = draw(st.floats(0.2, 1.0))
        g.add_edges_from((hub, v) for v in range(n) if v != hub and (v * 7919) % 100 < share * 100)
    return g


@given(hub_graphs(), st.data())
def test_hubs_weighted_and_thread_counts(g: nx.Graph, data: st.DataObject) -> None:
    # Zero and fractional weights too. A zero-weight tie still makes a contact, as in
    # networkx's per-node definition (its all-nodes sparse shortcut drops such ties).
    weights = st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.0])
    for u, v in g.edges:
        g.edges[u, v]["ties"] = data.draw(weights)
    expected_c = nx.constraint(g, nodes=list(g), weight="ties")
    expected_e = nx.effective_size(g, nodes=list(g), weight="ties")
    runs = []
    for count in (1, 2):
        # Small graphs run on one thread; drop the threshold to run the blocks in parallel.
        with threads(count), patch.object(_kernels, "PARALLEL_WORK", 0):
            runs.append((constraint(g, weight="ties"), effective_size(g, weight="ties")))
            runs.append((constraint(g), effective_size(g)))
    _close(runs[0][0], expected_c)
    _close(runs[0][1], expected_e)
    _close(runs[1][0], nx.constraint(g))
    _close(runs[1][1], nx.effective_size(g))
    # Every node is computed by one thread in one order: identical for any thread count.
    assert repr(runs[0]) == repr(runs[2])
    assert repr(runs[1]) == repr(runs[3])
