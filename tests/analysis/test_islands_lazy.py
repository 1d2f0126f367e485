"""Tests for the islands of a compact graph built on first use (``IslandSequence``).

Reference: the tuple of islands the networkx form gives for the same graph (text ids);
the lazy sequence must behave as that tuple in every use: length (without building),
indexing, slices, iteration, membership, equality both ways, pickling, the tables and the
notes.
"""

from __future__ import annotations

import pickle

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st
from test_islands_layout import graphs

from samenwerking.analysis.islands import Islands, IslandSequence, island_labels, islands
from samenwerking.graph.compact import CompactGraph


def _text(g: nx.Graph) -> nx.Graph:
    return nx.relabel_nodes(g, {v: f"n{v:03d}" for v in g})


@given(graphs())
def test_lazy_islands_behave_as_the_tuple(g: nx.Graph) -> None:
    h = _text(g)
    expected = islands(h)
    found = islands(CompactGraph.from_networkx(h))
    lazy = found.islands
    if h.number_of_nodes() == 0:
        assert lazy == () and found == expected
        return
    assert isinstance(lazy, IslandSequence)
    assert len(lazy) == len(expected.islands) and len(found) == len(expected)
    assert lazy._items is None, "the length needs no islands built"
    assert lazy == expected.islands and expected.islands == lazy
    assert not lazy != expected.islands  # noqa: SIM202 (the operator itself)
    assert found == expected and expected == found
    assert lazy[0] == expected.islands[0] and lazy[-1] == expected.islands[-1]
    assert lazy[1:3] == expected.islands[1:3] and isinstance(lazy[1:3], tuple)
    assert list(lazy) == list(expected.islands) and list(reversed(lazy)) == list(
        reversed(expected.islands)
    )
    assert expected.islands[0] in lazy and lazy.index(expected.islands[-1]) == len(lazy) - 1
    assert lazy + () == expected.islands  # noqa: RUF005 (the operator itself)
    assert () + lazy == expected.islands  # noqa: RUF005
    assert repr(lazy) == repr(expected.islands) and repr(found) == repr(expected)
    assert pickle.loads(pickle.dumps(found)) == expected
    assert found.isolates == expected.isolates and found.silos == expected.silos
    assert found.largest == expected.largest
    assert found.share_in_largest == expected.share_in_largest
    assert found._tables() == expected._tables() and found._notes() == expected._notes()


def test_two_lazy_results_compare_and_build_once() -> None:
    g = _text(nx.path_graph(4))
    g.add_node("zz")
    a, b = islands(CompactGraph.from_networkx(g)), islands(CompactGraph.from_networkx(g))
    assert isinstance(a.islands, IslandSequence) and isinstance(b.islands, IslandSequence)
    assert a == b
    built = a.islands[0]
    assert a.islands[0] is built  # built once, then kept
    assert a != Islands(()) and a.islands != [built, a.islands[1]]


def test_ids_that_are_not_text_give_a_tuple() -> None:
    g = nx.path_graph(3)
    g.add_node(10)
    found = islands(CompactGraph.from_networkx(g))
    assert isinstance(found.islands, tuple)
    assert [i.members for i in found] == [(0, 1, 2), (10,)]


@given(graphs(), st.sampled_from(["text", "shuffled text", "numbers"]))
def test_island_labels_are_each_nodes_place_in_the_islands(g: nx.Graph, ids: str) -> None:
    # Reference: the islands themselves; text ids take the layout path, unsorted text and
    # numbers the members path.
    if ids == "text":
        g = _text(g)
    elif ids == "shuffled text":
        g = nx.relabel_nodes(g, {v: f"n{(7 * v) % 101:03d}" for v in g})
    C = CompactGraph.from_networkx(g)  # noqa: N806
    label = island_labels(C)
    found = islands(C).islands
    assert label.shape == (C.n_nodes,)
    for i, node in enumerate(C.ids):
        assert node in found[int(label[i])].members
