"""Tests for the compiled island layout and tallies (``analysis._island_kernels``).

References: ``networkx.connected_components`` and plain Python counting on hypothesis-drawn
graphs, bigger than those of ``test_islands`` (one large island with gaps, so that the
sampled union-find skips rows and members come in several runs of ranks); the networkx
path of :func:`islands` for ids that are not sorted, not text or mixed, and for
vocabularies with repeated names or a name ``"unknown"``, compared field by field and in
dict order.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Any

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerking.analysis._island_kernels import island_layout, tally_islands
from samenwerking.analysis._text_order import text_ascending
from samenwerking.analysis.islands import Islands, islands
from samenwerking.graph.compact import CompactGraph

SECTORS = [None, "primary_school", "youth_care", "municipality"]
DOMAINS = [None, "education", "care", "unknown"]
MUNICIPALITIES = [None, "Noord", "Zuid", "Oost"]


@st.composite
def graphs(draw: st.DrawFn, max_nodes: int = 60) -> nx.Graph:
    """Integer nodes with attributes; a dense core (one big island) plus random edges."""
    n = draw(st.integers(0, max_nodes))
    g = nx.empty_graph(n)
    for v in range(n):
        for key, values in (
            ("sector", SECTORS),
            ("domain", DOMAINS),
            ("municipality", MUNICIPALITIES),
        ):
            value = draw(st.sampled_from(values))
            if value is not None:
                g.nodes[v][key] = value
    if n >= 2:
        core = draw(st.lists(st.sampled_from(range(n)), max_size=n, unique=True))
        g.add_edges_from(pairwise(core))
        pair = st.tuples(st.sampled_from(range(n)), st.sampled_from(range(n)))
        g.add_edges_from((a, b) for a, b in draw(st.lists(pair, max_size=2 * n)) if a != b)
    return g


def _fields(result: Islands) -> list[tuple[Any, ...]]:
    return [
        (i.members, list(i.sectors.items()), list(i.domains.items()), i.municipalities)
        for i in result
    ]


def _relabelled(g: nx.Graph, names: list[Any]) -> nx.Graph:
    return nx.relabel_nodes(g, dict(enumerate(names)))


@settings(max_examples=200)
@given(graphs(), st.randoms(use_true_random=False))
def test_layout_groups_components_largest_first(g: nx.Graph, rng: Any) -> None:
    C = CompactGraph.from_networkx(g)  # noqa: N806
    n = C.n_nodes
    ranked = list(range(n))
    rng.shuffle(ranked)
    layout = island_layout(C.indptr, C.indices, np.array(ranked, np.int64))
    rank_of = {v: i for i, v in enumerate(ranked)}
    expected = sorted(
        (sorted(rank_of[v] for v in c) for c in nx.connected_components(g)),
        key=lambda ranks: (-len(ranks), ranks[0]),
    )
    bounds, ranks = layout.bounds.tolist(), layout.ranks.tolist()
    assert [ranks[a:b] for a, b in pairwise(bounds)] == expected
    runs, first = layout.runs.tolist(), layout.run_bounds.tolist()
    for c, members in enumerate(expected):
        pieces = [range(runs[j], runs[j + 1]) for j in range(2 * first[c], 2 * first[c + 1], 2)]
        assert [r for piece in pieces for r in piece] == members
        assert all(a.stop < b.start for a, b in pairwise(pieces))


@given(st.lists(st.integers(0, 5), max_size=40), st.data())
def test_tallies_by_brute_force(labels: list[int], data: st.DataObject) -> None:
    n = len(labels)
    order = sorted(range(n), key=lambda v: labels[v])
    bounds = np.searchsorted(np.array(sorted(labels), np.int64), np.arange(7)).tolist()
    bounds = sorted(set(bounds))
    codes = [
        np.array(data.draw(st.lists(st.integers(-1, 3), min_size=n, max_size=n)), dtype)
        for dtype in (np.int16, np.int16, np.int32)
    ]
    ranks = [
        np.array(data.draw(st.lists(st.integers(-1, 4), min_size=5, max_size=5))) for _ in codes
    ]
    found = tally_islands(
        np.array(order, np.int64), np.array(bounds, np.int64), tuple(zip(codes, ranks, strict=True))
    )  # type: ignore[arg-type]
    for tally, code, rank in zip(found, codes, ranks, strict=True):
        starts, names, counts = tally.starts.tolist(), tally.names.tolist(), tally.counts.tolist()
        for g in range(len(bounds) - 1):
            members = order[bounds[g] : bounds[g + 1]]
            expected = Counter(int(rank[code[v] + 1]) for v in members) - Counter({-1: n + 1})
            expected.pop(-1, None)
            got = list(
                zip(
                    names[starts[g] : starts[g + 1]], counts[starts[g] : starts[g + 1]], strict=True
                )
            )
            assert got == sorted(expected.items())


def _expected_compact(h: nx.Graph) -> list[tuple[Any, ...]] | None:
    """The compact form's islands by brute force: members by their text (then graph order),
    islands largest first, then by first member; ``None`` when those do not compare."""
    position = {v: i for i, v in enumerate(h)}
    text = all(isinstance(v, str) for v in h)
    islands_ = [
        sorted(c) if text else sorted(c, key=lambda x: (str(x), position[x]))
        for c in nx.connected_components(h)
    ]
    try:
        islands_.sort(key=lambda m: (-len(m), m[0]))
    except TypeError:
        return None
    found = []
    for members in islands_:
        nodes = h.nodes
        sectors = Counter(nodes[m].get("sector", "unknown") for m in members)
        domains = Counter(nodes[m].get("domain", "unknown") for m in members)
        places = {nodes[m].get("municipality") for m in members} - {None}
        found.append(
            (
                tuple(members),
                sorted(sectors.items()),
                sorted(domains.items()),
                tuple(sorted(places)),
            )
        )
    return found


@settings(max_examples=150)
@given(
    graphs(),
    st.randoms(use_true_random=False),
    st.sampled_from(["sorted", "shuffled", "ints", "mixed"]),
)
def test_compact_islands_by_brute_force(g: nx.Graph, rng: Any, ids: str) -> None:
    n = g.number_of_nodes()
    if ids == "ints":
        names: list[Any] = [3 * v + 1 for v in range(n)]  # text order differs from number order
    elif ids == "mixed":
        names = [f"n{v}" if v % 2 else v for v in range(n)]
    else:
        names = [f"n{v:03d}" for v in range(n)]
    nodes = list(range(n))
    if ids != "sorted":
        rng.shuffle(nodes)
    h = nx.Graph()
    h.add_nodes_from((names[v], g.nodes[v]) for v in nodes)
    h.add_edges_from((names[a], names[b]) for a, b in g.edges())
    expected = _expected_compact(h)
    if expected is None:  # equal-sized islands whose first members do not compare
        return
    got = islands(CompactGraph.from_networkx(h))
    assert _fields(got) == expected
    if ids in ("sorted", "shuffled"):  # text ids: the networkx form agrees
        assert _fields(islands(h)) == expected
        assert got == islands(h) and repr(got) == repr(islands(h))


def test_repeated_and_unknown_names_in_a_vocabulary_merge() -> None:
    g = nx.Graph([("a", "b"), ("c", "d")])
    g.add_node("e")
    C = CompactGraph.from_networkx(g)  # noqa: N806
    import attrs

    D = attrs.evolve(  # noqa: N806
        C,
        domain=np.array([0, 1, -1, 2, 1], np.int16),
        domains=("care", "unknown", "care"),
        municipality=np.array([0, 1, 2, -1, 0], np.int32),
        municipalities=("Zuid", "Noord", "Zuid"),
    )
    result = islands(D)
    assert [list(i.domains.items()) for i in result] == [
        [("care", 1), ("unknown", 1)],
        [("care", 1), ("unknown", 1)],
        [("unknown", 1)],
    ]
    assert [i.municipalities for i in result] == [("Noord", "Zuid"), ("Zuid",), ("Zuid",)]


def test_a_large_graph_equals_networkx() -> None:
    g = nx.gnm_random_graph(4000, 5000, seed=3)
    nx.set_node_attributes(g, {v: DOMAINS[1 + v % 3] for v in g}, "domain")
    h = nx.relabel_nodes(g, {v: f"p{v:05d}" for v in g})
    assert _fields(islands(CompactGraph.from_networkx(h))) == _fields(islands(h))


@given(st.lists(st.text(max_size=6), max_size=30, unique=True), st.booleans())
def test_text_ascending_equals_sorting(ids: list[str], sort: bool) -> None:
    if sort:
        ids.sort()
    verdict = text_ascending(tuple(ids))
    if any("\0" in i for i in ids):
        assert verdict is None or verdict == (ids == sorted(ids))
    else:
        assert verdict == (ids == sorted(ids))


@given(st.lists(st.text(alphabet="ab\0\ud800\U0001f600é", max_size=4), max_size=12, unique=True))
def test_text_ascending_orders_code_points_as_python(ids: list[str]) -> None:
    ids.sort()
    assert text_ascending(tuple(ids)) in (True, None)
    if len(ids) >= 2 and not any("\0" in i for i in ids):
        assert text_ascending(tuple(reversed(ids))) is False


def test_text_ascending_rejects_ids_that_are_not_text() -> None:
    with pytest.raises(TypeError):
        text_ascending(("a", 1))  # type: ignore[arg-type]
