"""The compiled repulsion equals the numpy sums it replaced, to float32 rounding."""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.report._layout_kernels import repulsion
from samenwerking.report.layout import force_layout


def _numpy_repulsion(x: np.ndarray, y: np.ndarray, k2: np.float32) -> tuple[np.ndarray, np.ndarray]:
    """The n x n form force_layout used before."""
    dx = x[:, None] - x[None, :]
    dy = y[:, None] - y[None, :]
    weight = np.maximum(dx * dx + dy * dy, 1e-4)
    weight = k2 / weight
    return (dx * weight).sum(axis=1), (dy * weight).sum(axis=1)


@given(st.integers(0, 60), st.integers(0, 2**32 - 1))
def test_equal_to_the_numpy_sums(n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x, y = rng.random(n).astype(np.float32), rng.random(n).astype(np.float32)
    if n > 2:
        x[1], y[1] = x[0], y[0]  # two nodes on one spot: the floor on d^2
    k2 = np.float32(1.0 / max(n, 1))
    got, expected = repulsion(x, y, k2), _numpy_repulsion(x, y, k2)
    for a, b in zip(got, expected, strict=True):
        assert a.dtype == np.float32
        scale = float(np.abs(b).max()) if n else 1.0
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5 * scale)


def test_force_layout_is_repeatable_and_in_the_unit_square() -> None:
    g = nx.barabasi_albert_graph(700, 2, seed=3)
    first, again = force_layout(g, seed=4), force_layout(g, seed=4)
    assert first == again
    assert all(0 <= v <= 1 for xy in first.values() for v in xy)
    assert force_layout(g, seed=5) != first
