"""The exact rank test of ``suppress_together`` hides exactly what the dense SVD did.

Reference: ``linked_reference.py``, the implementation before the test became exact
(a dense ``numpy.linalg.svd`` of the whole system on every pass). Both get the same
tables, relations and known counts; they must publish the same tables, or fail alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import linked_reference
from samenwerking import synthetic
from samenwerking.cases import aggregates, standard_aggregates
from samenwerking.privacy import LinkedTable, suppress_together
from samenwerking.privacy._rank import Elimination, fixed_unknowns
from samenwerking.privacy.linked import Key

VARIABLES = ("a", "b", "c", "d")


def _records(draw: st.DrawFn, n_vars: int, sizes: list[int], most: int) -> list[tuple[int, ...]]:
    return draw(st.lists(st.tuples(*(st.integers(0, size - 1) for size in sizes)), max_size=most))


@st.composite
def problems(draw: st.DrawFn) -> tuple[dict[str, LinkedTable], dict[str, Any]]:
    """Random records, 1-5 tables counting them, random extra relations and known keys."""
    n_vars = draw(st.integers(2, 4))
    sizes = [draw(st.integers(1, 4)) for _ in range(n_vars)]
    records = _records(draw, n_vars, sizes, 60)
    pairs: list[tuple[int, int | None]] = [
        (r, c) for r in range(n_vars) for c in range(n_vars) if r != c
    ]
    pairs += [(r, None) for r in range(n_vars)]  # one-column tables, as the reports have
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=5))
    labels = [[str(v) for v in range(size)] for size in sizes]
    tables: dict[str, LinkedTable] = {}
    for k, (r, c) in enumerate(chosen):
        if c is None:
            counts = np.zeros((sizes[r], 1), dtype=np.int64)
            for record in records:
                counts[record[r], 0] += 1
            columns, column_labels = f"{VARIABLES[r]}:cases", ["cases"]
        else:
            counts = np.zeros((sizes[r], sizes[c]), dtype=np.int64)
            for record in records:
                counts[record[r], record[c]] += 1
            columns, column_labels = VARIABLES[c], labels[c]
        tables[f"t{k}"] = LinkedTable(VARIABLES[r], columns, counts, labels[r], column_labels)
    keys: list[Key] = sorted(
        {t.key(i, j) for t in tables.values() for i, j in _places(t)}, key=sorted
    )
    stranger = st.sampled_from([frozenset({("x", "0")}), frozenset({("x", "1")})])
    some_key = st.sampled_from(keys) | stranger  # a key published nowhere is an unknown
    relations = draw(
        st.lists(st.dictionaries(some_key, st.integers(-2, 2), min_size=1, max_size=4), max_size=3)
    )
    known = draw(st.lists(st.sampled_from(keys), max_size=2))
    if draw(st.booleans()):
        known.append(frozenset())
    threshold = draw(st.integers(1, 6))
    return tables, {"relations": relations, "known": known, "threshold": threshold}


def _places(t: LinkedTable) -> list[tuple[int | None, int | None]]:
    n_rows, n_cols = np.shape(t.counts)
    return [(i, j) for i in [*range(n_rows), None] for j in [*range(n_cols), None]]


def _outcome(function: Any, tables: dict[str, LinkedTable], options: dict[str, Any]) -> Any:
    try:
        return function(tables, **options)
    except Exception as error:  # both must fail alike
        return (type(error), str(error))


@settings(max_examples=300, deadline=None)
@given(problems())
def test_suppress_together_hides_what_the_svd_version_hid(
    drawn: tuple[dict[str, LinkedTable], dict[str, Any]],
) -> None:
    tables, options = drawn
    assert _outcome(suppress_together, tables, options) == _outcome(
        linked_reference.suppress_together, tables, options
    )


@pytest.mark.parametrize(("size", "count", "seed"), [(800, 60, 9), (3000, 300, 9), (3000, 300, 4)])
def test_the_case_tables_of_a_region_are_hidden_as_by_the_svd_version(
    size: int, count: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cases section's own tables, relations and known total (several passes each).
    area = synthetic.region(size, seed=3)
    region = area.replace(cases=synthetic.cases(area, count, seed=seed))
    day = dt.date(2026, 1, 15)
    found = standard_aggregates(region, today=day)
    monkeypatch.setattr(aggregates, "suppress_together", linked_reference.suppress_together)
    assert found == standard_aggregates(region, today=day)


def _fixed_by_rank(matrix: np.ndarray) -> set[int]:
    """Column k is fixed when dropping it lowers the rank (small integer matrices)."""
    rank = np.linalg.matrix_rank(matrix) if matrix.size else 0
    out = set()
    for k in range(matrix.shape[1]):
        rest = np.delete(matrix, k, axis=1)
        if rank - (np.linalg.matrix_rank(rest) if rest.size else 0) == 1:
            out.add(k)
    return out


@given(
    st.integers(1, 7).flatmap(
        lambda n: st.lists(
            st.lists(st.sampled_from([-2, -1, 0, 0, 0, 1, 1, 3]), min_size=n, max_size=n),
            max_size=8,
        ).map(lambda rows: (n, rows))
    )
)
def test_fixed_unknowns_agrees_with_a_rank_test(drawn: tuple[int, list[list[int]]]) -> None:
    n, rows = drawn
    matrix = np.array(rows, dtype=float).reshape(len(rows), n)
    equations = [{k: value for k, value in enumerate(row) if value} for row in rows]
    present = {k for equation in equations for k in equation}
    assert fixed_unknowns(equations) == _fixed_by_rank(matrix) & present


def test_fixed_unknowns_of_nothing_is_nothing() -> None:
    assert fixed_unknowns([]) == set()
    assert fixed_unknowns([{"a": 0}]) == set()
    assert fixed_unknowns([{"a": 2}]) == {"a"}


@given(
    st.lists(
        st.dictionaries(st.sampled_from("abcdefg"), st.sampled_from([-2, -1, 1, 1, 2, 3])),
        max_size=8,
    ),
    st.permutations("abcdefg"),
    st.integers(0, 7),
)
def test_elimination_adds_unknowns_as_from_scratch(
    equations: list[dict[str, int]], order: list[str], start: int
) -> None:
    # Keys not yet added are published: they drop out of the from-scratch system.
    elimination = Elimination(equations, order[:start])
    for n in range(start, len(order) + 1):
        unknown = set(order[:n])
        scratch = fixed_unknowns(
            [{k: c for k, c in equation.items() if k in unknown} for equation in equations]
        )
        assert elimination.fixed() == scratch
        if n < len(order):
            elimination.add(order[n])
