"""The compiled chain search against networkx and against the kernel it replaced.

Random small graphs (isolates, several islands, pairs on different islands, bounds) and
random pairs grouped by their higher end, as ``Searcher.chains`` passes them.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from pair_chains_before import pair_chains as pair_chains_before

from samenwerking.team._kernels import pair_chains


@st.composite
def cases(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]], list[tuple[int, int]], int]:
    n = draw(st.integers(1, 24))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))
    edges = [(a, b) for a, b in edges if a != b]  # duplicates kept: a multigraph input
    if n < 2:
        return n, edges, [], -1
    pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    pairs = [(min(p), max(p)) for p in draw(st.lists(pair, max_size=30))]
    bound = draw(st.sampled_from([-1, -1, 0, 1, 2, 3, 5]))
    return n, edges, pairs, bound


def _csr(n: int, edges: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted, deduplicated rows of the undirected graph (as ``compact_graph`` gives)."""
    rows: list[set[int]] = [set() for _ in range(n)]
    for a, b in edges:
        rows[a].add(b)
        rows[b].add(a)
    indptr = np.zeros(n + 1, np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.array([w for r in rows for w in sorted(r)], np.int32)
    return indptr, indices


def _grouped(pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs grouped by their higher end, in order of first appearance."""
    targets: dict[int, list[int]] = {}
    for low, high in dict.fromkeys(pairs):
        targets.setdefault(high, []).append(low)
    lows = np.array([low for high in targets for low in targets[high]], np.int64)
    highs = np.array([high for high in targets for _ in targets[high]], np.int64)
    return lows, highs


def _run(kernel, n, indptr, indices, lows, highs, bound, dtype, *more):  # type: ignore[no-untyped-def]
    scratch, mark = np.full((6 if dtype == np.int32 else 5, n), -1, dtype), np.zeros(n, np.bool_)
    ptr, steps = kernel(indptr, indices, lows, highs, *more[:1], bound, scratch, mark, *more[1:])
    assert (scratch[:2] == -1).all() and not mark.any()  # handed back as they came
    return [steps[ptr[q] : ptr[q + 1]].tolist() for q in range(len(lows))]


def _held(
    pairs: list[tuple[int, int]], hold_low: list[bool]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """The distinct pairs grouped by a held end (``low`` where ``hold_low`` says so)."""
    groups: dict[int, list[tuple[int, int, bool]]] = {}
    for (low, high), by_low in zip(dict.fromkeys(pairs), hold_low, strict=False):
        held, other = (low, high) if by_low else (high, low)
        groups.setdefault(held, []).append((other, held, by_low))
    rows = [row for group in groups.values() for row in group]
    firsts = np.array([r[0] for r in rows], np.int64)
    helds = np.array([r[1] for r in rows], np.int64)
    from_held = np.array([r[2] for r in rows], np.bool_)
    order = [(min(r[0], r[1]), max(r[0], r[1])) for r in rows]
    return firsts, helds, from_held, order


@settings(max_examples=300, deadline=None)
@given(cases(), st.sampled_from([0, 1, 8, 1000]), st.lists(st.booleans(), max_size=30))
def test_chains_are_the_specified_shortest_ones(
    case: tuple[int, list[tuple[int, int]], list[tuple[int, int]], int],
    grow: int,
    hold_low: list[bool],
) -> None:
    n, edges, pairs, bound = case
    indptr, indices = _csr(n, edges)
    lows, highs = _grouped(pairs)
    before = _run(pair_chains_before, n, indptr, indices, lows, highs, bound, np.int64)
    hold_low += [False] * len(pairs)
    firsts, helds, from_held, order = _held(pairs, hold_low)
    chains = _run(pair_chains, n, indptr, indices, firsts, helds, bound, np.int32, from_held, grow)
    by_pair = dict(zip(order, chains, strict=True))
    got = [by_pair[low, high] for low, high in zip(lows.tolist(), highs.tolist(), strict=True)]
    assert got == before
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    for low, high, chain in zip(lows.tolist(), highs.tolist(), got, strict=True):
        distance = nx.single_source_shortest_path_length(graph, high)
        if low not in distance or (bound >= 0 and distance[low] > bound):
            assert chain == []
            continue
        # Of all shortest chains: at each step the lowest-numbered neighbour one closer.
        expected = [low]
        while expected[-1] != high:
            here = expected[-1]
            expected.append(min(w for w in graph[here] if distance.get(w) == distance[here] - 1))
        assert chain == expected
        assert len(chain) - 1 == nx.shortest_path_length(graph, low, high)


def test_empty_graph_and_no_pairs() -> None:
    none = np.zeros(0, np.int64)
    ptr, steps = pair_chains(
        np.zeros(1, np.int64), np.zeros(0, np.int32), none, none, np.zeros(0, np.bool_), -1,
        np.full((6, 0), -1, np.int32), np.zeros(0, np.bool_), 8,
    )  # fmt: skip
    assert ptr.tolist() == [0] and steps.tolist() == []
