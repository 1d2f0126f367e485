"""Tests for the compiled bus-factor steps (``analysis._bus_factor_kernels``).

References: networkx's Hopcroft-Karp matching for the matching sizes; the cross ties,
carriers and tie counts recounted from the networkx edges; graphs larger than the brute
force in ``test_bus_factor.py`` reaches, so that the augmenting-path phases run.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerking.analysis._bus_factor_kernels import cross_entries, link_copies, matching_sizes
from samenwerking.analysis.bus_factor import bus_factor
from samenwerking.graph.compact import CompactGraph


@st.composite
def bipartite_pairs(draw: st.DrawFn) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Several bipartite graphs: (left size, right size, distinct edges), none empty."""
    out = []
    for _ in range(draw(st.integers(1, 4))):
        a, b = draw(st.integers(1, 12)), draw(st.integers(1, 12))
        edges = draw(
            st.lists(
                st.tuples(st.integers(0, a - 1), st.integers(0, b - 1)),
                min_size=1,
                max_size=40,
                unique=True,
            )
        )
        used_a = sorted({x for x, _ in edges})
        used_b = sorted({y for _, y in edges})
        edges = [(used_a.index(x), used_b.index(y)) for x, y in edges]
        out.append((len(used_a), len(used_b), edges))
    return out


def _hopcroft_karp(a: int, b: int, edges: list[tuple[int, int]]) -> int:
    g = nx.Graph()
    g.add_nodes_from(("l", x) for x in range(a))
    g.add_nodes_from(("r", y) for y in range(b))
    g.add_edges_from((("l", x), ("r", y)) for x, y in edges)
    matching = nx.bipartite.hopcroft_karp_matching(g, top_nodes=[("l", x) for x in range(a)])
    return len(matching) // 2


@given(bipartite_pairs())
def test_matching_sizes_equal_hopcroft_karp(
    pairs: list[tuple[int, int, list[tuple[int, int]]]],
) -> None:
    lptr, rptr, lcopy, rcopy = [0], [0], [], []
    for a, b, edges in pairs:
        lcopy += [lptr[-1] + x for x, _ in edges]
        rcopy += [rptr[-1] + y for _, y in edges]
        lptr.append(lptr[-1] + a)
        rptr.append(rptr[-1] + b)
    sizes = matching_sizes(*(np.array(x, np.int64) for x in (lptr, rptr, lcopy, rcopy)))
    assert sizes.tolist() == [_hopcroft_karp(*pair) for pair in pairs]


@st.composite
def grouped_graphs(draw: st.DrawFn) -> tuple[nx.Graph, dict[int, int | None]]:
    """Graphs of up to 60 nodes and 240 edges, with a group (0-3, some missing) per node."""
    n = draw(st.integers(0, 60))
    g = nx.Graph()
    g.add_nodes_from(range(n))
    if n >= 2:
        pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
        for u, v in draw(st.lists(pairs, max_size=240)):
            if u != v:
                g.add_edge(u, v, ties=draw(st.integers(1, 3)))
    groups = {v: draw(st.sampled_from([None, 0, 1, 2, 3])) for v in range(n)}
    return g, groups


def _other_forms(g: nx.Graph) -> tuple[nx.DiGraph, nx.MultiGraph]:
    """``g`` directed (some ties both ways) and as a multigraph (some ties twice).

    The extra arcs and edges count 1 tie: the larger count of a pair is the one kept.
    """
    directed, multi = nx.DiGraph(), nx.MultiGraph()
    for form in (directed, multi):
        form.add_nodes_from(g.nodes(data=True))
    for at, (u, v, ties) in enumerate(g.edges(data="ties")):
        directed.add_edge(u, v, ties=ties)
        multi.add_edge(u, v, ties=ties)
        if at % 2:
            directed.add_edge(v, u, ties=1)
        if at % 3 == 0:
            multi.add_edge(v, u, ties=1)
    return directed, multi


@settings(max_examples=60, deadline=None)
@given(grouped_graphs())
def test_bus_factor_equals_networkx_matching(case: tuple[nx.Graph, dict[int, int | None]]) -> None:
    g, groups = case
    label = {v: "unknown" if groups[v] is None else groups[v] for v in g}
    key = {v: repr(label[v]) for v in g}  # ints and "unknown" sort by repr
    cross: dict[tuple[object, object], list[tuple[int, int, int]]] = {}
    for u, v, ties in g.edges(data="ties"):
        if label[u] != label[v]:
            a, b = (u, v) if key[u] < key[v] else (v, u)
            cross.setdefault((label[a], label[b]), []).append((a, b, ties))
    for form in (g, CompactGraph.from_networkx(g), *_other_forms(g)):
        links = bus_factor(form, by=groups)
        assert {link.groups for link in links} == set(cross)
        for link in links:
            edges = cross[link.groups]
            sides = (sorted({a for a, _, _ in edges}), sorted({b for _, b, _ in edges}))
            assert link.carriers == (tuple(sides[0]), tuple(sides[1]))
            assert (link.pairs, link.ties) == (len(edges), sum(t for _, _, t in edges))
            bipartite = nx.Graph((("a", a), ("b", b)) for a, b, _ in edges)
            top = [("a", a) for a in sides[0]]
            matching = nx.bipartite.hopcroft_karp_matching(bipartite, top_nodes=top)
            assert link.bus_factor == len(matching) // 2


@given(grouped_graphs())
def test_cross_entries_and_copies_are_consistent(
    case: tuple[nx.Graph, dict[int, int | None]],
) -> None:
    g, groups = case
    C = CompactGraph.from_networkx(g)  # noqa: N806
    assert list(C.ids) == list(range(g.number_of_nodes()))
    codes = [groups[i] for i in range(g.number_of_nodes())]
    rank = np.array([4 if c is None else c for c in codes], np.int64)
    key, left, right, weight = cross_entries(
        np.asarray(C.indptr, np.int64), C.indices, C.weight, rank, 5
    )
    expected = sorted(
        (min(u, v, key=rank.__getitem__), max(u, v, key=rank.__getitem__))
        for u, v in zip(*np.nonzero(np.triu(nx.to_numpy_array(g, nodelist=C.ids) > 0)), strict=True)
        if rank[u] != rank[v]
    )
    assert sorted(zip(left.tolist(), right.tolist(), strict=True)) == expected
    assert (key == rank[left] * 5 + rank[right]).all()
    keys, counts, ties, lptr, lperson, rptr, rperson, lcopy, rcopy = link_copies(
        key, left, right, weight, C.n_nodes, 5
    )
    assert keys.tolist() == sorted(set(key.tolist()))
    assert counts.sum() == len(key) and ties.sum() == weight.sum()
    order = np.argsort(key, kind="stable")
    assert (lperson[lcopy] == left[order]).all() and (rperson[rcopy] == right[order]).all()
    for q in range(len(keys)):
        for ptr, people, ends in ((lptr, lperson, left), (rptr, rperson, right)):
            mine = people[ptr[q] : ptr[q + 1]].tolist()
            assert mine == sorted(set(ends[key == keys[q]].tolist()))


def test_directed_graph_is_taken_as_undirected() -> None:
    g = nx.DiGraph([("a", "x"), ("x", "a"), ("b", "x")])
    nx.set_node_attributes(g, {"a": "care", "b": "care", "x": "welfare"}, "domain")
    (link,) = bus_factor(g)
    assert (link.pairs, link.bus_factor, link.single_carrier) == (2, 1, "x")


def test_empty_and_single_group_graphs() -> None:
    assert bus_factor(nx.Graph()) == ()
    g = nx.Graph([("a", "b")])
    nx.set_node_attributes(g, "care", "domain")
    assert bus_factor(g) == ()


# Graphs on which the greedy start is not maximum, so that augmenting paths are needed.
UNLUCKY = [
    [(int(e[0]), int(e[1])) for e in edges.split()]
    for edges in (
        "00 02 03 04 10 11 12 13 14 20 21 31 32 40 41",
        "00 01 02 03 04 10 13 22 23 30 32 33 41 44",
    )
]


def _many(graphs: list[list[tuple[int, int]]]) -> tuple[list[int], np.ndarray]:
    """Matching sizes of many bipartite graphs in one call, and networkx's."""
    lptr, rptr, lcopy, rcopy, expected = [0], [0], [], [], []
    for edges in graphs:
        a, b = 1 + max(x for x, _ in edges), 1 + max(y for _, y in edges)
        lcopy += [lptr[-1] + x for x, _ in edges]
        rcopy += [rptr[-1] + y for _, y in edges]
        lptr.append(lptr[-1] + a)
        rptr.append(rptr[-1] + b)
        expected.append(_hopcroft_karp(a, b, edges))
    arrays = (np.array(x, np.int64) for x in (lptr, rptr, lcopy, rcopy))
    return expected, matching_sizes(*arrays)


def test_matching_sizes_need_augmenting_paths() -> None:
    expected, sizes = _many(UNLUCKY)
    assert sizes.tolist() == expected == [5, 5]


def test_matching_sizes_on_many_dense_graphs() -> None:
    rng = np.random.default_rng(7)
    graphs = []
    for _ in range(1500):
        a, b = rng.integers(3, 30, size=2)
        mask = rng.random((a, b)) < rng.uniform(0.1, 0.3)
        mask[np.arange(a), rng.integers(0, b, size=a)] = True  # every left copy has a tie
        mask[rng.integers(0, a, size=b), np.arange(b)] = True  # and every right copy
        graphs.append([(int(x), int(y)) for x, y in zip(*np.nonzero(mask), strict=True)])
    expected, sizes = _many(graphs)
    assert sizes.tolist() == expected
