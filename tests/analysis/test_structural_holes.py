"""Tests for Burt's constraint and effective size (``analysis.structural_holes``).

References: :func:`networkx.constraint` and :func:`networkx.effective_size` (weighted: its
per-node definition, ``nodes=list(G)``; see the note in the test), on hypothesis graphs and
on the Indiana tobacco-control network (TCcoll, Luke et al. 2013).
"""

from __future__ import annotations

import math

import networkx as nx
import pytest
from broker_graphs import graphs, load_network, twins
from hypothesis import given
from hypothesis import strategies as st

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
