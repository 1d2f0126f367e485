"""Which unknowns of a sparse linear system its equations fix: exact, by elimination."""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Mapping
from fractions import Fraction
from typing import Generic, TypeVar

__all__ = ["Elimination", "fixed_unknowns"]

K = TypeVar("K", bound=Hashable)
Number = int | Fraction
"""A coefficient: exact, an int while it can be."""


def fixed_unknowns(equations: Iterable[Mapping[K, int]]) -> set[K]:
    """The unknowns whose value the homogeneous-coefficient equations pin down exactly.

    Each equation is ``{unknown: coefficient}`` (the right-hand sides do not matter: an
    unknown is fixed when its unit vector lies in the row space of the coefficients,
    i.e. when no solution of the homogeneous system moves it). The test is exact:
    Gauss-Jordan elimination over the rationals (ints and Fractions) on sparse rows, pivoting on the
    shortest row and the rarest unknown in it so that the rows stay sparse. After it,
    an unknown is fixed exactly when some row holds it alone.

    Example
    -------
    >>> sorted(fixed_unknowns([{"a": 1, "b": 1}, {"a": 1, "b": -1}, {"c": 1, "d": 1}]))
    ['a', 'b']
    """
    rows: list[dict[K, Number]] = []
    for equation in equations:
        row: dict[K, Number] = {key: value for key, value in equation.items() if value}
        if row:
            rows.append(row)
    holders: dict[K, set[int]] = {}
    for i, row in enumerate(rows):
        for key in row:
            holders.setdefault(key, set()).add(i)
    done = [False] * len(rows)
    queue = [(len(row), i) for i, row in enumerate(rows)]
    heapq.heapify(queue)
    while queue:
        size, i = heapq.heappop(queue)
        row = rows[i]
        if done[i] or size != len(row):
            continue  # done, or a stale entry (the row changed and is queued again)
        done[i] = True
        if not row:
            continue
        # The rarest unknown, and one with coefficient 1 or -1 if it can: then the rows
        # stay integer (Python ints; Fractions only after another pivot).
        pivot = min(row, key=lambda key: (len(holders[key]), abs(row[key]) != 1))
        scale: Number = row[pivot] if abs(row[pivot]) == 1 else Fraction(1) / row[pivot]
        if scale != 1:
            for key in row:
                row[key] *= scale
        for j in list(holders[pivot]):
            if j != i:
                _subtract(rows[j], j, row, pivot, holders)
                if not done[j]:
                    heapq.heappush(queue, (len(rows[j]), j))
    return {key for row in rows if len(row) == 1 for key in row}


def _subtract(
    target: dict[K, Number],
    index: int,
    row: Mapping[K, Number],
    pivot: K,
    holders: dict[K, set[int]],
) -> None:
    """``target -= target[pivot] * row`` in place (``row[pivot]`` is 1)."""
    factor = target[pivot]
    for key, value in row.items():
        new = target.get(key, 0) - factor * value
        if new:
            if key not in target:
                holders[key].add(index)
            target[key] = new
        elif key in target:
            del target[key]
            holders[key].discard(index)


class Elimination(Generic[K]):
    """:func:`fixed_unknowns` for a growing set of unknowns, one elimination step each.

    The rows are the equations over all their keys, transformed by row operations only;
    on the unknown keys they are kept reduced (each pivot unknown in its own row alone,
    rows without a pivot zero on every unknown). A key that becomes unknown takes as
    its row a row without a pivot that holds it, if there is one, and is eliminated from
    every other row; otherwise it stays free. An unknown is fixed exactly when its pivot
    row holds no other unknown.

    Example
    -------
    >>> e = Elimination([{"a": 1, "b": 1, "t": -1}, {"a": 1, "c": 1, "u": -1}], ["a"])
    >>> sorted(e.fixed())
    ['a']
    >>> e.add("b")
    >>> sorted(e.fixed())  # a = u - c, then b = t - a
    ['a', 'b']
    >>> e.add("c")
    >>> sorted(e.fixed()), sorted(fixed_unknowns([{"a": 1, "b": 1}, {"a": 1, "c": 1}]))
    ([], [])
    """

    def __init__(self, equations: Iterable[Mapping[K, int]], unknown: Iterable[K] = ()) -> None:
        self._rows: list[dict[K, Number]] = []
        for equation in equations:
            row: dict[K, Number] = {key: value for key, value in equation.items() if value}
            if row:
                self._rows.append(row)
        self._holders: dict[K, set[int]] = {}
        for i, row in enumerate(self._rows):
            for key in row:
                self._holders.setdefault(key, set()).add(i)
        self._pivot: list[K | None] = [None] * len(self._rows)
        self._unknowns = [0] * len(self._rows)  # how many unknowns each row holds
        self._rows_of: dict[K, int] = {}  # the row of each pivot unknown
        self.unknown: set[K] = set()
        """The keys added so far."""
        for key in unknown:
            self.add(key)

    def add(self, key: K) -> None:
        """Make ``key`` unknown (nothing happens if it is already)."""
        if key in self.unknown:
            return
        self.unknown.add(key)
        holders = self._holders.get(key, set())
        for i in holders:
            self._unknowns[i] += 1
        free = [i for i in holders if self._pivot[i] is None]
        if not free:
            return
        rows = self._rows
        i = min(free, key=lambda i: (abs(rows[i][key]) != 1, len(rows[i]), i))
        row = rows[i]
        scale: Number = row[key] if abs(row[key]) == 1 else Fraction(1) / row[key]
        if scale != 1:
            for other in row:
                row[other] *= scale
        self._pivot[i] = key
        self._rows_of[key] = i
        for j in list(holders):
            if j != i:  # ``row`` holds no other unknown: only ``key`` leaves row j
                _subtract(rows[j], j, row, key, self._holders)
                self._unknowns[j] -= 1

    def fixed(self) -> set[K]:
        """The unknowns that the equations pin down exactly."""
        return {key for key, i in self._rows_of.items() if self._unknowns[i] == 1}
