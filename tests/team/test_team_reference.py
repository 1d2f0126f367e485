"""The compiled team search and bridge finding equal their frozen originals.

Oracle: ``team_reference.py``, a copy of the numpy search and of
``privacy.suppression.complement`` (networkx bridges) before the compiled kernels.
"""

from __future__ import annotations

import itertools
from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from team_reference import ReferenceSearcher, reference_complement
from test_team_around import regions

from samenwerking import synthetic
from samenwerking._jit import threads
from samenwerking.graph import compact_graph
from samenwerking.model import Region
from samenwerking.privacy.suppression import complement, suppress, with_totals
from samenwerking.team import team_gaps
from samenwerking.team._search import Searcher


def reference_team_gaps(region: Region, max_steps: int | None) -> object:
    with mock.patch(
        "samenwerking.team.gaps._searcher",
        lambda region, graph: ReferenceSearcher(region, compact_graph(region)),
    ):
        return team_gaps(region, max_steps=max_steps)


@given(regions(), st.none() | st.integers(1, 4))
def test_team_gaps_equal_the_reference(region: Region, max_steps: int | None) -> None:
    assert team_gaps(region, max_steps=max_steps) == reference_team_gaps(region, max_steps)


@settings(max_examples=25, deadline=None)
@given(
    st.integers(100, 400),
    st.integers(0, 10**6),
    st.none() | st.integers(1, 6),
    st.sampled_from([1, 3, 64]),
    st.sampled_from([1, 2]),
)
def test_chains_between_any_pairs_equal_the_reference(
    n: int, seed: int, max_steps: int | None, batch: int, workers: int
) -> None:
    # Pairs drawn from the whole region (not only teams), so chains are long and some
    # cross islands or exceed the bound; sources are searched 1, 3 or 64 per call, on
    # one thread or two.
    import samenwerking.team._search as search_module

    region = synthetic.region(n, seed=seed % 1000)
    graph = compact_graph(region)
    rng = np.random.default_rng(seed)
    ends = rng.integers(0, graph.n_nodes, size=(3 * n, 2))
    ends[:n, 1] = graph.n_nodes - 1 - ends[:n, 1] % 5  # many pairs share their higher end
    new, old = Searcher(region, graph), ReferenceSearcher(region, graph)
    pairs = [
        (int(min(a, b)), int(max(a, b)))
        for a, b in ends
        if a != b and new.component[a] == new.component[b]
    ]
    with mock.patch.object(search_module, "BATCH", batch), threads(workers):
        got = new.chains(pairs, max_steps)
    assert got == old.chains(pairs, max_steps)
    assert (new.tied(ends[:, 0], ends[:, 1]) == old.tied(ends[:, 0], ends[:, 1])).all()


@settings(max_examples=10, deadline=None)
@given(st.integers(100, 600), st.integers(0, 1000), st.integers(5, 60))
def test_synthetic_team_gaps_equal_the_reference(n: int, seed: int, cases: int) -> None:
    region = synthetic.region(n, seed=seed)
    region = region.replace(cases=synthetic.cases(region, cases, seed=seed))
    summary = team_gaps(region)
    assert summary == reference_team_gaps(region, None)
    assert summary.suppressed_links() == suppress_with_reference(summary.suppressed_links)


def suppress_with_reference(make: object) -> object:
    with mock.patch("samenwerking.privacy.suppression.complement", reference_complement):
        return make()  # type: ignore[operator]


@st.composite
def grids(draw: st.DrawFn) -> tuple[np.ndarray, set[tuple[int, int]], frozenset[tuple[int, int]]]:
    rows, cols = draw(st.integers(1, 7)), draw(st.integers(1, 5))
    counts = np.array(
        draw(st.lists(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 8, 20]), min_size=rows * cols,
                      max_size=rows * cols)),
        np.int64,
    ).reshape(rows, cols)  # fmt: skip
    grid = with_totals(counts)
    places = list(itertools.product(range(rows + 1), range(cols + 1)))
    primary = draw(st.sets(st.sampled_from(places), max_size=len(places)))
    keep = draw(st.frozensets(st.sampled_from(places), max_size=3))
    return grid, primary - keep, keep


@given(grids())
def test_complement_equals_the_reference(
    case: tuple[np.ndarray, set[tuple[int, int]], frozenset[tuple[int, int]]],
) -> None:
    grid, primary, keep = case
    assert complement(grid, set(primary), keep) == reference_complement(grid, set(primary), keep)


@given(st.lists(st.integers(0, 12), max_size=40), st.integers(1, 6))
def test_one_column_suppression_equals_the_reference(counts: list[int], threshold: int) -> None:
    table = np.array(counts, np.int64).reshape(-1, 1)
    got = suppress(table, threshold=threshold)
    assert got == suppress_with_reference(lambda: suppress(table, threshold=threshold))
