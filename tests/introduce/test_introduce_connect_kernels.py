"""The compiled pieces of connect_islands against plain numpy / Python references.

End to end, ``test_introduce_connect_vectorised.py`` checks the introductions against the
frozen oracle; here each piece is checked on its own, on small random inputs.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from hypothesis import given
from hypothesis import strategies as st
from introduce_regions import regions

from samenwerking.introduce._connect_items import introductions
from samenwerking.introduce._connect_joins import island_roots
from samenwerking.introduce._connect_pools import sorted_pools
from samenwerking.introduce._connect_propose import by_cost, profile_tops
from samenwerking.introduce._pick import Plan
from samenwerking.model import Region

Ints = npt.NDArray[np.int64]


def _ints(
    draw: Callable[[st.SearchStrategy[list[int]]], list[int]], n: int, low: int, high: int
) -> Ints:
    return np.array(draw(st.lists(st.integers(low, high), min_size=n, max_size=n)), np.int64)


@st.composite
def people(draw: st.DrawFn) -> tuple[Ints, Ints, Ints, int, int]:
    """``(proot, remaining, profile, P, islands)`` for a few people."""
    n, islands, P = draw(st.integers(0, 30)), draw(st.integers(1, 6)), draw(st.integers(1, 4))  # noqa: N806
    return (
        _ints(draw, n, 0, islands - 1),
        _ints(draw, n, 0, 3),
        _ints(draw, n, 0, P - 1),
        P,
        islands,
    )


@given(people())
def test_pools_sort_as_key_then_most_room_then_position(
    case: tuple[Ints, Ints, Ints, int, int],
) -> None:
    proot, remaining, profile, P, islands = case  # noqa: N806
    idx = np.flatnonzero(remaining > 0)
    keys = proot[idx] * P + profile[idx]
    order = np.lexsort((idx, -remaining[idx], keys))
    expected_people, sorted_keys = idx[order], keys[order]
    starts = [k for k in range(len(sorted_keys)) if k == 0 or sorted_keys[k] != sorted_keys[k - 1]]
    top = int(remaining.max()) if len(remaining) else 0
    got_people, got_keys, got_starts, got_end = sorted_pools(
        proot, remaining, profile, P, islands, top
    )
    assert got_people.tolist() == expected_people.tolist()
    assert got_keys.tolist() == sorted_keys[starts].tolist()
    assert got_starts.tolist() == starts
    assert got_end.tolist() == ([*starts[1:], len(idx)] if starts else [])


@given(st.lists(st.sampled_from([0.5, 1.0, 2.5, 3.0, 4.0]), max_size=40))
def test_by_cost_is_a_stable_sort(values: list[float]) -> None:
    value = np.array(values, np.float64)
    distinct = np.array([0.5, 1.0, 2.5, 3.0, 4.0])
    assert by_cost(value, distinct).tolist() == np.argsort(value, kind="stable").tolist()


def test_by_cost_says_when_a_cost_is_not_among_the_distinct() -> None:
    assert len(by_cost(np.array([1.0, 1.5]), np.array([1.0, 2.0]))) == 0
    assert len(by_cost(np.array([3.0]), np.array([1.0, 2.0]))) == 0


@given(st.data())
def test_roots_are_the_ends_of_the_parent_paths(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 30))
    # A forest: every island points at itself or at a smaller one.
    parent = np.array([data.draw(st.integers(0, k)) for k in range(n)], np.int64)
    label = _ints(data.draw, data.draw(st.integers(0, 20)), 0, n - 1)

    def root(x: int) -> int:
        while parent[x] != x:
            x = int(parent[x])
        return x

    expected = [root(x) for x in range(n)]
    got = island_roots(parent, label)
    assert parent.tolist() == expected
    assert got.tolist() == [expected[x] for x in label.tolist()]


@given(people())
def test_profile_tops_are_the_first_two_islands_by_room(
    case: tuple[Ints, Ints, Ints, int, int],
) -> None:
    proot, _, profile, P, islands = case  # noqa: N806
    keys = np.unique(proot * P + profile)
    kroot, kprof = keys // P, keys % P
    capacity = np.arange(islands, dtype=np.int64) % 3 + 1
    tops, _ = profile_tops(kroot, kprof, capacity, P, 4, False)
    for p in range(P):
        # Most room first, then the smaller island.
        ranked = sorted(
            (-int(capacity[x]), int(x), k) for k, x in enumerate(kroot) if kprof[k] == p
        )
        want = [(x, k, -r) for r, x, k in ranked[:2]] + [(-1, -1, 0)] * (2 - len(ranked[:2]))
        assert [tuple(tops[3 * t : 3 * t + 3, p].tolist()) for t in range(2)] == want


@given(regions(max_people=8, max_ties=3), st.data())
def test_introductions_are_worded_as_the_plan_words_them(
    region: Region, data: st.DataObject
) -> None:
    n = len(region.professionals)
    pairs = data.draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=12)
    )
    texts = [f"join {k}" for k in range(len(pairs))]
    got = introductions(Plan(region, "test"), [i for i, _ in pairs], [j for _, j in pairs], texts)
    plan = Plan(region, "test", cost=None)
    plan.remaining[:] = 10**6  # the plan takes room; the batch does not
    expected = [plan.introduce(i, j, text) for (i, j), text in zip(pairs, texts, strict=True)]
    assert got == expected
