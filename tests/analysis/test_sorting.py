"""The kernels' in-place heapsort against numpy."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._sorting import reverse_run, sort_run


@given(st.lists(st.integers(-50, 50), max_size=80), st.data())
def test_sorts_and_reverses_a_run_like_numpy(values: list[int], data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(values)))
    hi = data.draw(st.integers(lo, len(values)))
    array = np.array(values, np.int64)
    expected = array.copy()
    expected[lo:hi] = np.sort(expected[lo:hi])
    sort_run(array, lo, hi)
    assert array.tolist() == expected.tolist()
    expected[lo:hi] = expected[lo:hi][::-1]
    reverse_run(array, lo, hi)
    assert array.tolist() == expected.tolist()
