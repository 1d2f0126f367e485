"""The compiled E-I counts against plain numpy over the edge list."""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from samenwerking._jit import threads
from samenwerking.analysis import _kernels as kernels
from samenwerking.analysis._ei_kernels import (
    ei_counts,
    internal_after_relabel,
    internal_after_relabels,
    upper_starts,
)
from samenwerking.analysis.mixing import _permuted_internal
from samenwerking.graph.compact import CompactGraph


@st.composite
def _graphs(draw: st.DrawFn) -> tuple[CompactGraph, np.ndarray, np.ndarray]:
    n = draw(st.integers(1, 25))
    G = nx.Graph()  # noqa: N806
    G.add_nodes_from(range(n))
    G.add_edges_from(
        draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=70))
    )
    k = draw(st.integers(1, 4))
    group = np.array(draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)), np.int64)
    order = np.array(draw(st.permutations(range(n))), np.int64)
    return CompactGraph.from_networkx(G), group, order


def _edges(C: CompactGraph) -> tuple[np.ndarray, np.ndarray]:  # noqa: N803
    rows = np.repeat(np.arange(C.n_nodes), np.diff(C.indptr))
    upper = rows < C.indices
    return rows[upper], C.indices[upper].astype(np.int64)


@given(_graphs())
def test_counts_equal_numpy_over_the_edges(
    case: tuple[CompactGraph, np.ndarray, np.ndarray],
) -> None:
    C, group, _ = case  # noqa: N806
    k = int(group.max()) + 1
    internal, inside, outside, same = ei_counts(C.indptr, C.indices, group, k)
    u, v = _edges(C)
    alike = group[u] == group[v]
    assert internal == int(alike.sum())
    assert inside.tolist() == np.bincount(group[u][alike], minlength=k).tolist()
    assert (
        outside.tolist()
        == (
            np.bincount(group[u][~alike], minlength=k) + np.bincount(group[v][~alike], minlength=k)
        ).tolist()
    )
    for i in range(C.n_nodes):
        row = C.indices[C.indptr[i] : C.indptr[i + 1]]
        assert same[i] == int((group[row] == group[i]).sum())


@given(_graphs())
def test_relabelled_count_equals_numpy(case: tuple[CompactGraph, np.ndarray, np.ndarray]) -> None:
    C, group, order = case  # noqa: N806
    u, v = _edges(C)
    shuffled = group[order]
    expected = int(np.count_nonzero(shuffled[u] == shuffled[v]))
    upper = upper_starts(C.indptr, C.indices)
    assert internal_after_relabel(C.indptr, upper, C.indices, group, order) == expected


@given(st.sets(st.integers(-20, 60)), st.sets(st.integers(-20, 60)))
def test_sorted_membership_equals_numpy_isin(values: set[int], pool: set[int]) -> None:
    from samenwerking.analysis._ei_kernels import sorted_in

    a, b = np.array(sorted(values), np.int64), np.array(sorted(pool), np.int64)
    assert sorted_in(a, b).tolist() == np.isin(a, b).tolist()


@given(_graphs(), st.integers(1, 5), st.integers(0, 2**32 - 1))
def test_batched_relabelled_counts_equal_one_at_a_time(
    case: tuple[CompactGraph, np.ndarray, np.ndarray], rows: int, seed: int
) -> None:
    C, group, _ = case  # noqa: N806
    upper = upper_starts(C.indptr, C.indices)
    rng = np.random.default_rng(seed)
    orders = np.array([rng.permutation(C.n_nodes) for _ in range(rows)], np.int64)
    expected = [internal_after_relabel(C.indptr, upper, C.indices, group, o) for o in orders]
    out = np.full(rows, -1, np.int64)
    internal_after_relabels(C.indptr, upper, C.indices, group, orders.copy(), out)
    assert out.tolist() == expected


@given(_graphs(), st.integers(1, 40), st.integers(0, 2**32 - 1))
def test_the_permutation_test_counts_alike_batched_or_not(
    case: tuple[CompactGraph, np.ndarray, np.ndarray], permutations: int, seed: int
) -> None:
    # Reference: drawing and counting one shuffle at a time (the threshold never reached).
    C, group, _ = case  # noqa: N806
    indptr, indices = np.asarray(C.indptr, np.int64), np.asarray(C.indices, np.int32)
    saved = kernels.PARALLEL_WORK
    try:
        kernels.PARALLEL_WORK = 2**62
        one_by_one = _permuted_internal(
            group, indptr, indices, permutations, np.random.default_rng(seed)
        )
        kernels.PARALLEL_WORK = 0
        with threads(2):
            batched = _permuted_internal(
                group, indptr, indices, permutations, np.random.default_rng(seed)
            )
    finally:
        kernels.PARALLEL_WORK = saved
    assert batched.tolist() == one_by_one.tolist()
