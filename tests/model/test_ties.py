"""Tests for the columnar tie store and its Tie views."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.model import ProfessionalId, Tie, TieKind, TieStore

ids = st.sampled_from(["a", "b", "c", "d", "p-1", "p-2"]).map(ProfessionalId)
scores = st.none() | st.floats(allow_nan=False, allow_infinity=False)
dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1))
ties = st.builds(
    Tie,
    source=ids,
    target=ids,
    kind=st.sampled_from(TieKind),
    strength=scores,
    trust=scores,
    value=scores,
    since=dates,
    met_at=st.none() | st.sampled_from(["m1", "m2"]),
    directed=st.booleans(),
)


@given(st.lists(ties, max_size=20))
def test_store_gives_back_the_ties_it_was_built_from(rows: list[Tie]) -> None:
    store = TieStore.from_ties(rows)
    assert len(store) == len(rows)
    assert list(store) == rows


@given(st.lists(ties, max_size=10), st.lists(ties, max_size=10))
def test_concat_equals_building_from_all_rows(first: list[Tie], second: list[Tie]) -> None:
    joined = TieStore.concat([TieStore.from_ties(first), TieStore.from_ties(second)])
    assert joined == TieStore.from_ties(first + second)
    assert list(joined) == first + second


@given(st.lists(ties, max_size=15), st.data())
def test_select_keeps_exactly_the_chosen_rows(rows: list[Tie], data: st.DataObject) -> None:
    mask = data.draw(st.lists(st.booleans(), min_size=len(rows), max_size=len(rows)))
    chosen = TieStore.from_ties(rows).select(np.array(mask, dtype=bool))
    assert list(chosen) == [t for t, keep in zip(rows, mask, strict=True) if keep]


@given(st.lists(ties, max_size=15))
def test_columns_round_trip(rows: list[Tie]) -> None:
    store = TieStore.from_ties(rows)
    assert TieStore.from_columns(**store.to_columns()) == store


def test_missing_values_are_none_in_views() -> None:
    store = TieStore.from_ties([Tie(ProfessionalId("a"), ProfessionalId("b"))])
    tie = store[0]
    assert (tie.strength, tie.trust, tie.value, tie.since, tie.met_at) == (None,) * 5
    assert tie.kind is TieKind.KNOWS
    assert store[-1] == tie


def test_equality_is_order_sensitive_and_vocabulary_insensitive() -> None:
    ab = Tie(ProfessionalId("a"), ProfessionalId("b"))
    cd = Tie(ProfessionalId("c"), ProfessionalId("d"))
    assert TieStore.from_ties([ab, cd]) != TieStore.from_ties([cd, ab])
    # Same rows, different vocabulary order.
    wide = TieStore.from_ties([cd, ab]).select([1])
    assert wide == TieStore.from_ties([ab])


def test_columns_are_read_only() -> None:
    store = TieStore.from_ties([Tie(ProfessionalId("a"), ProfessionalId("b"))])
    with pytest.raises(ValueError, match="read-only"):
        store.source[0] = 1


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="finite"):
        Tie(ProfessionalId("a"), ProfessionalId("b"), strength=float("nan"))
    with pytest.raises(ValueError, match="identifier"):
        Tie(ProfessionalId("a;b"), ProfessionalId("b"))
    with pytest.raises(ValueError, match="outside"):
        TieStore(ids=("a",), source=[0], target=[1])
    with pytest.raises(ValueError, match="length"):
        TieStore(ids=("a", "b"), source=[0], target=[1, 0])
    with pytest.raises(IndexError):
        TieStore.empty()[0]
    with pytest.raises(KeyError, match="columns are"):
        TieStore.empty().column("colour")


def test_nbytes_grows_with_ties() -> None:
    one = TieStore.from_ties([Tie(ProfessionalId("a"), ProfessionalId("b"))])
    two = TieStore.concat([one, one])
    assert two.nbytes == 2 * one.nbytes > 0
