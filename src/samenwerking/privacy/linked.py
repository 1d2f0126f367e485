"""Suppression of several tables that share totals, so that they are safe together."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs
import numpy as np
import numpy.typing as npt

from samenwerking.privacy._rank import Elimination
from samenwerking.privacy.errors import DEFAULT_THRESHOLD, PrivacyArgumentError, PrivacyError
from samenwerking.privacy.suppression import (
    SuppressedTable,
    as_counts,
    check_threshold,
    complement,
    labels_for,
    published_table,
    with_totals,
)

__all__ = ["Key", "LinkedTable", "suppress_together"]


Key = frozenset[tuple[str, str]]
"""What a published count is about, across tables: ``{(variable, value), ...}``.

A cell of a table with rows ``municipality`` and columns ``status`` is
``{("municipality", "Dorp"), ("status", "open")}``, its row total
``{("municipality", "Dorp")}``, its column total ``{("status", "open")}`` and its grand
total ``frozenset()``: two tables that publish the same key publish the same count.
"""


@attrs.frozen(eq=False)
class LinkedTable:
    """One table of a set suppressed together: counts and what its rows and columns are.

    Example
    -------
    >>> t = LinkedTable("municipality", "status", [[3, 9], [8, 7]], ["Dorp", "Stad"],
    ...                 ["open", "closed"])
    >>> sorted(t.key(0, None))
    [('municipality', 'Dorp')]
    """

    rows: str
    """The variable the rows stand for, e.g. ``"municipality"``."""
    columns: str
    """The variable the columns stand for, e.g. ``"status"``."""
    counts: npt.ArrayLike
    """A 2-D table of non-negative integer counts."""
    row_labels: Sequence[str] | None = None
    """The value of ``rows`` in each row; ``"0"``, ``"1"``, ... by default."""
    column_labels: Sequence[str] | None = None
    """The value of ``columns`` in each column; ``"0"``, ``"1"``, ... by default."""

    def key(self, row: int | None, column: int | None) -> Key:
        """The key of a place (``None``: the total of that axis)."""
        n_rows, n_cols = np.shape(self.counts)
        rows = labels_for(self.row_labels, n_rows, "row_labels")
        cols = labels_for(self.column_labels, n_cols, "column_labels")
        out: set[tuple[str, str]] = set()
        if row is not None:
            out.add((self.rows, rows[row]))
        if column is not None:
            out.add((self.columns, cols[column]))
        return frozenset(out)


@attrs.frozen
class _Prepared:
    grid: npt.NDArray[np.int64]
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    keys: dict[tuple[int, int], Key]


def suppress_together(
    tables: Mapping[str, LinkedTable],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    relations: Iterable[Mapping[Key, int]] = (),
    known: Iterable[Key] = (),
) -> dict[str, SuppressedTable]:
    """Suppress small counts in a set of tables that share totals, so that none can be
    recomputed from everything published together.

    Each table says which variable its rows and columns are; a count is identified across
    tables by its :data:`Key`. The method:

    1. *Consistency*: a key hidden in one table is hidden in every table that holds it.
       Each table is suppressed with :func:`suppress` (primary and complementary), with
       the keys hidden elsewhere forced, until nothing changes.
    2. *Joint check*: the unknowns are the hidden keys; the equations are every line of
       every table (cells add up to the row total, rows to the column totals, ...) and
       the ``relations``, with published counts filled in. A hidden key can be recomputed
       exactly when its unit vector lies in the row space of that system (tested exactly,
       by elimination over the rationals).
       While a small (primary) count can, the cheapest published non-zero count in an
       equation with it is hidden as well, and step 1 runs again. This ends, since the
       hidden set only grows (with every non-zero count hidden, nothing can be recomputed).
    3. *Clean-up*: a hidden count of at least ``threshold`` that can be recomputed anyway
       protects nothing: it is published.

    Afterwards no hidden count, small or not, can be recomputed from everything published.

    Zeros are never hidden: a published 0 next to a hidden count is allowed (the count
    cannot be *computed*), but it does tell that the hidden counts are not negative.

    Parameters
    ----------
    tables : mapping of str to LinkedTable
        The tables, by name; each must count the same population (same key, same count).
    threshold : int
        Counts from 1 up to, not including, this value are suppressed (default 5).
    relations : iterable of mapping of Key to int
        Further identities known to a reader, each ``sum(coefficient * count) == 0``;
        e.g. ``{{("check", "yes")}: 1, {("check", "no")}: 1, {("status", "open")}: -1}``
        when a check looks at open cases only. Keys not published anywhere are unknowns.
    known : iterable of Key
        Counts the reader knows anyway, e.g. the number of cases (``frozenset()``) shown
        elsewhere: never hidden to protect another (unless below the threshold), and
        taken as published in step 2.

    Returns
    -------
    dict of str to SuppressedTable
        By name, in the order given.

    Raises
    ------
    PrivacyArgumentError
        For a bad table or threshold, or when two tables give one key different counts.

    Example
    -------
    >>> from samenwerking.privacy import suppress
    >>> level = LinkedTable("level", "status", [[5, 4], [5, 0]], ["basic", "special"],
    ...                     ["open", "closed"])
    >>> town = LinkedTable("town", "level", [[6, 0], [3, 5]], ["Dorp", "Stad"],
    ...                    ["basic", "special"])
    >>> suppress(level.counts).row_totals  # alone: basic 9, so Stad-basic is 9 - 6 = 3
    (9, 5)
    >>> found = suppress_together({"level": level, "town": town})
    >>> found["level"].cells, found["town"].column_totals
    (((None, None), (None, 0)), (None, None))
    """
    limit = check_threshold(threshold)
    prepared: dict[str, _Prepared] = {}
    truth: dict[Key, int] = {}
    for name, table in tables.items():
        if not isinstance(table, LinkedTable):
            raise PrivacyArgumentError(f"table {name!r} must be a LinkedTable (got {table!r})")
        counts = as_counts(table.counts)
        rows = labels_for(table.row_labels, counts.shape[0], "row_labels")
        cols = labels_for(table.column_labels, counts.shape[1], "column_labels")
        grid = with_totals(counts)
        keys: dict[tuple[int, int], Key] = {}
        for i in range(grid.shape[0]):
            for j in range(grid.shape[1]):
                # As table.key(i, j) (None for a total), without checking labels again.
                key = frozenset(
                    ([(table.rows, rows[i])] if i < len(rows) else [])
                    + ([(table.columns, cols[j])] if j < len(cols) else [])
                )
                keys[(i, j)] = key
                value = int(grid[i, j])
                if truth.setdefault(key, value) != value:
                    raise PrivacyArgumentError(
                        f"table {name!r} counts {value} for {_describe(key)}, another table "
                        f"{truth[key]}: tables suppressed together must count the same cases"
                    )
        prepared[name] = _Prepared(grid, rows, cols, keys)
    extra = [dict(relation) for relation in relations]
    kept = frozenset(key for key in known if key in truth and not 0 < truth[key] < limit)

    equations = _equations(prepared, extra)
    loose = sorted({key for equation in equations for key in equation} - truth.keys(), key=sorted)
    elimination = Elimination(equations, loose)  # keys of no table: always unknown
    holding: dict[Key, list[dict[Key, int]]] = {}
    for equation in equations:
        for key, coefficient in equation.items():
            if coefficient:
                holding.setdefault(key, []).append(equation)
    consistency = [_Consistency.of(p, limit, kept) for p in prepared.values()]
    hidden: set[Key] = set()
    order: list[Key] = []  # the hidden keys in the order they were hidden
    while True:
        _consistent(consistency, hidden, order)
        exposed = _recoverable(elimination, hidden)
        small = [key for key in exposed if truth[key] < limit]
        if not small:
            hidden -= set(exposed)  # recomputable anyway: hiding them protects nothing
            break
        cover = _cheapest_cover(holding.get(small[0], []), hidden | kept, small[0], truth)
        hidden.add(cover)
        order.append(cover)

    out = {}
    for name, p in prepared.items():
        primary = {place for place in p.keys if 0 < p.grid[place] < limit}
        places = {place for place, key in p.keys.items() if key in hidden}
        out[name] = published_table(p.grid, p.rows, p.cols, limit, primary, places)
    return out


def _describe(key: Key) -> str:
    return ", ".join(f"{var}={value!r}" for var, value in sorted(key)) or "the grand total"


@attrs.define
class _Consistency:
    """What step 1 needs of one table, found once, and the hidden places it has seen."""

    prepared: _Prepared
    primary: frozenset[tuple[int, int]]
    keep: frozenset[tuple[int, int]]
    places: dict[Key, list[tuple[int, int]]]
    forced: set[tuple[int, int]] = attrs.field(factory=set)
    """The places whose key is hidden (of the first ``looked_at`` keys hidden)."""
    looked_at: int = 0
    complemented: bool = False
    """Whether :func:`complement` has seen ``forced`` as it is."""

    @classmethod
    def of(cls, p: _Prepared, threshold: int, kept: frozenset[Key]) -> _Consistency:
        places: dict[Key, list[tuple[int, int]]] = {}
        for place, key in p.keys.items():
            places.setdefault(key, []).append(place)
        primary = frozenset(place for place in p.keys if 0 < p.grid[place] < threshold)
        keep = frozenset(place for place, key in p.keys.items() if key in kept)
        return cls(p, primary, keep, places)

    def look(self, order: Sequence[Key]) -> None:
        """Take the keys hidden since the last look (``order[looked_at:]``) into ``forced``."""
        for key in order[self.looked_at :]:
            for place in self.places.get(key, ()):
                if place not in self.forced:
                    self.forced.add(place)
                    self.complemented = False
        self.looked_at = len(order)


def _consistent(tables: Sequence[_Consistency], hidden: set[Key], order: list[Key]) -> None:
    """Hide in every table what is hidden in any, complementing each, until stable.

    ``order`` lists the keys of ``hidden`` in the order they were hidden; both grow. A
    table whose hidden places are the ones it was complemented with last time is
    skipped: :func:`complement` would give what it gave then, all hidden already.
    """
    while True:
        before = len(hidden)
        for t in tables:
            t.look(order)
            if t.complemented:
                continue
            t.complemented = True
            found = complement(t.prepared.grid, set(t.primary | t.forced), t.keep)
            for place in found - t.forced:  # the keys of forced places are hidden already
                key = t.prepared.keys[place]
                if key not in hidden:
                    hidden.add(key)
                    order.append(key)
        if len(hidden) == before:
            return


def _equations(
    prepared: Mapping[str, _Prepared], extra: Sequence[Mapping[Key, int]]
) -> list[dict[Key, int]]:
    """Every line of every table (cells minus total) and the extra relations."""
    out: list[dict[Key, int]] = []
    for p in prepared.values():
        n_rows, n_cols = p.grid.shape[0] - 1, p.grid.shape[1] - 1
        lines = [[(i, j) for j in range(n_cols + 1)] for i in range(n_rows + 1)]
        lines += [[(i, j) for i in range(n_rows + 1)] for j in range(n_cols + 1)]
        for line in lines:
            equation: dict[Key, int] = {}
            for place in line[:-1]:
                equation[p.keys[place]] = equation.get(p.keys[place], 0) + 1
            equation[p.keys[line[-1]]] = equation.get(p.keys[line[-1]], 0) - 1
            out.append(equation)
    out.extend(dict(relation) for relation in extra)
    return out


def _recoverable(elimination: Elimination[Key], hidden: set[Key]) -> list[Key]:
    """The hidden keys that the published counts fix exactly (sorted by key).

    A hidden key is fixed when its unit vector lies in the row space of the equations
    restricted to the unknowns (the hidden keys, and the keys of no table); the test is
    exact, by elimination over the rationals. ``elimination`` holds the equations with
    the unknowns of the previous pass; the newly hidden keys are added to it (the hidden
    set only grows), one elimination step each.
    """
    for key in sorted(hidden - elimination.unknown, key=sorted):
        elimination.add(key)
    return sorted(elimination.fixed() & hidden, key=lambda key: sorted(key))


def _cheapest_cover(
    equations: Sequence[Mapping[Key, int]],
    hidden: set[Key],
    exposed: Key,
    truth: Mapping[Key, int],
) -> Key:
    """The cheapest published non-zero count in an equation with ``exposed``.

    ``equations`` holds (at least) the equations with ``exposed``; ``hidden`` holds the
    counts that may not be chosen (hidden already, or known).
    """
    near = {
        key
        for equation in equations
        if equation.get(exposed)
        for key in equation
        if truth.get(key, 0) > 0 and key not in hidden
    }
    pool = near or {key for key, value in truth.items() if value > 0 and key not in hidden}
    if not pool:  # only when the known counts themselves give a small count away
        raise PrivacyError(
            f"cannot protect the small count for {_describe(exposed)}: the counts given as "
            "known determine it"
        )
    least = min(truth[key] for key in pool)
    return min((key for key in pool if truth[key] == least), key=sorted)
