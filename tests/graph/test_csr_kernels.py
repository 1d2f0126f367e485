"""The compiled CSR build against a plain-Python count of the same arcs."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.graph._csr_kernels import MAX_TIES, arcs_csr


def _reference(
    source: list[int],
    target: list[int],
    both: list[bool] | None,
    weights: list[float] | None,
    n: int,
) -> dict[int, list[tuple[int, float]]]:
    """Each row's heads, ascending, with their summed weights."""
    arcs: Counter[tuple[int, int]] = Counter()
    for e, (s, t) in enumerate(zip(source, target, strict=True)):
        if s < 0 or t < 0 or s == t:
            continue
        w = 1.0 if weights is None else weights[e]
        arcs[s, t] += w
        if both is None or both[e]:
            arcs[t, s] += w
    return {i: sorted((h, w) for (t, h), w in arcs.items() if t == i) for i in range(n)}


@st.composite
def _ties(
    draw: st.DrawFn,
) -> tuple[int, list[int], list[int], list[bool] | None, list[float] | None]:
    n = draw(st.integers(0, 12))
    ends = st.integers(-1, n - 1) if n else st.just(-1)
    m = draw(st.integers(0, 40))
    source = draw(st.lists(ends, min_size=m, max_size=m))
    target = draw(st.lists(ends, min_size=m, max_size=m))
    both = draw(st.none() | st.lists(st.booleans(), min_size=m, max_size=m))
    weights = draw(st.none() | st.lists(st.integers(1, 5).map(float), min_size=m, max_size=m))
    return n, source, target, both, weights


@given(_ties())
def test_rows_match_a_plain_count(
    ties: tuple[int, list[int], list[int], list[bool] | None, list[float] | None],
) -> None:
    n, source, target, both, weights = ties
    indptr, heads, weight = arcs_csr(
        np.array(source, np.int32),
        np.array(target, np.int32),
        np.zeros(0, np.bool_) if both is None else np.array(both, np.bool_),
        np.zeros(0) if weights is None else np.array(weights, np.float64),
        n,
    )
    assert indptr.dtype == np.int64 and heads.dtype == np.int32 and weight.dtype == np.float64
    assert len(indptr) == n + 1 and indptr[-1] == len(heads) == len(weight)
    expected = _reference(source, target, both, weights, n)
    for i in range(n):
        row = slice(indptr[i], indptr[i + 1])
        assert list(zip(heads[row].tolist(), weight[row].tolist(), strict=True)) == expected[i]


def test_refuses_more_ties_than_arc_ids_hold() -> None:
    class Huge(np.ndarray):  # only its length is read before the refusal
        def __len__(self) -> int:
            return MAX_TIES + 1

    huge = np.zeros(1, np.int32).view(Huge)
    with pytest.raises(ValueError, match="at most"):
        arcs_csr(huge, huge, np.zeros(0, np.bool_), np.zeros(0), 2)
