"""Tests for the private fast constructor of professionals used by the readers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import strategies as s
from samenwerking.model import Professional, Role
from samenwerking.model.partners import _checked_professional, _checked_professionals


@given(s.professionals())
def test_fast_constructor_equals_the_normal_one(person: Professional) -> None:
    fast = _checked_professional(
        person.id, person.name, person.role, person.organisations, person.capacity
    )
    assert fast == person
    assert fast is not None and hash(fast) == hash(person) and repr(fast) == repr(person)


@given(st.lists(s.professionals(), max_size=5))
def test_many_at_once_equal_one_by_one(people: list[Professional]) -> None:
    rows = [(p.id, p.name, p.role, p.organisations, p.capacity) for p in people]
    assert _checked_professionals(rows) == people


@pytest.mark.parametrize(
    ("organisations", "capacity"),
    [((), None), (("o1",), -1), (("o1",), True)],
)
def test_rules_the_parsers_leave_open_are_still_enforced(
    organisations: tuple[str, ...], capacity: object
) -> None:
    # The fast path declines, and the normal constructor (its fallback) rejects the value.
    args = ("p1", "A. Jansen", Role.TEACHER, organisations, capacity)
    assert _checked_professional(*args) is None  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Professional(*args)  # type: ignore[arg-type]


def test_unusual_capacities_are_left_to_the_normal_constructor() -> None:
    assert _checked_professional("p1", "A", Role.TEACHER, ("o1",), 2.0) is None  # type: ignore[arg-type]


def test_the_model_still_rejects_bad_values() -> None:
    with pytest.raises(ValueError):
        Professional("p 1 ", "A", Role.TEACHER, ("o1",))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Professional("p1", "A", Role.TEACHER, ())  # type: ignore[arg-type]
