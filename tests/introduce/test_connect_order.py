"""The counting order of partner profiles equals a stable argsort and np.unique."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from samenwerking.introduce import _connect_order
from samenwerking.introduce._connect_order import order_partners

costs = st.integers(0, 12).flatmap(
    lambda n: hnp.arrays(
        np.float64,
        (n, n),
        elements=st.sampled_from([0.0, -0.0, 0.5, 1.0, 1.5, 2.0, 3.25, 10.0, np.inf, -1.0]),
    )
)


@given(costs)
def test_the_counting_order_is_a_stable_argsort(matrix: np.ndarray) -> None:
    distinct, by_row = order_partners(matrix)
    assert np.array_equal(distinct, np.unique(matrix))
    assert np.array_equal(by_row, np.argsort(matrix, axis=1, kind="stable"))


@given(hnp.arrays(np.float64, (6, 6), elements=st.floats(-5, 5, width=16)))
def test_too_many_distinct_costs_fall_back_to_sorting(matrix: np.ndarray) -> None:
    cap = _connect_order.MAX_DISTINCT
    try:
        _connect_order.MAX_DISTINCT = 3
        distinct, by_row = order_partners(matrix)
    finally:
        _connect_order.MAX_DISTINCT = cap
    assert np.array_equal(distinct, np.unique(matrix))
    assert np.array_equal(by_row, np.argsort(matrix, axis=1, kind="stable"))


def test_nan_costs_fall_back_to_sorting() -> None:
    matrix = np.array([[1.0, np.nan], [np.nan, 0.0]])
    distinct, by_row = order_partners(matrix)
    assert np.array_equal(distinct, np.unique(matrix), equal_nan=True)
    assert np.array_equal(by_row, np.argsort(matrix, axis=1, kind="stable"))
