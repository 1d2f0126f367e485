"""suppress_together as it was before its rank test became exact: the oracle of its results.

A frozen copy of ``samenwerking.privacy.linked`` at commit 941d610 (a dense ``numpy.linalg.svd``
of the whole system with a 1e-9 tolerance on every pass), used only by
``test_privacy_linked_exact.py`` to check that the exact, sparse test hides exactly the
same counts. Do not change it to follow the library.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs
import numpy as np
import numpy.typing as npt

from samenwerking.privacy.errors import DEFAULT_THRESHOLD, PrivacyArgumentError, PrivacyError
from samenwerking.privacy.linked import Key, LinkedTable
from samenwerking.privacy.suppression import (
    SuppressedTable,
    as_counts,
    check_threshold,
    complement,
    labels_for,
    published_table,
    with_totals,
)

__all__ = ["suppress_together"]


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
       exactly when its unit vector lies in the row space of that system (a rank test).
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
                key = table.key(i if i < len(rows) else None, j if j < len(cols) else None)
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

    hidden: set[Key] = set()
    while True:
        _consistent(prepared, hidden, limit, kept)
        exposed = _recoverable(prepared, hidden, extra)
        small = [key for key in exposed if truth[key] < limit]
        if not small:
            hidden -= set(exposed)  # recomputable anyway: hiding them protects nothing
            break
        hidden.add(_cheapest_cover(prepared, hidden | kept, extra, small[0], truth))

    out = {}
    for name, p in prepared.items():
        primary = {place for place in p.keys if 0 < p.grid[place] < limit}
        places = {place for place, key in p.keys.items() if key in hidden}
        out[name] = published_table(p.grid, p.rows, p.cols, limit, primary, places)
    return out


def _describe(key: Key) -> str:
    return ", ".join(f"{var}={value!r}" for var, value in sorted(key)) or "the grand total"


def _consistent(
    prepared: Mapping[str, _Prepared], hidden: set[Key], threshold: int, kept: frozenset[Key]
) -> None:
    """Hide in every table what is hidden in any, complementing each, until stable."""
    while True:
        before = len(hidden)
        for p in prepared.values():
            forced = {place for place, key in p.keys.items() if key in hidden}
            primary = {place for place in p.keys if 0 < p.grid[place] < threshold}
            keep = frozenset(place for place, key in p.keys.items() if key in kept)
            for place in complement(p.grid, primary | forced, keep):
                hidden.add(p.keys[place])
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


def _recoverable(
    prepared: Mapping[str, _Prepared], hidden: set[Key], extra: Sequence[Mapping[Key, int]]
) -> list[Key]:
    """The hidden keys that the published counts fix exactly (in a deterministic order)."""
    published = {key for p in prepared.values() for key in p.keys.values()} - hidden
    unknowns = sorted(
        {key for equation in _equations(prepared, extra) for key in equation} - published,
        key=lambda key: sorted(key),
    )
    if not unknowns:
        return []
    column = {key: k for k, key in enumerate(unknowns)}
    rows = []
    for equation in _equations(prepared, extra):
        row = np.zeros(len(unknowns))
        for key, coefficient in equation.items():
            if key in column:
                row[column[key]] += coefficient
        if row.any():
            rows.append(row)
    if not rows:
        return []
    matrix = np.array(rows)
    _, singular, vh = np.linalg.svd(matrix)
    rank = int(np.sum(singular > 1e-9 * max(matrix.shape) * singular[0]))
    null = vh[rank:]  # the null space: hidden counts a reader cannot pin down vary along it
    fixed = np.all(np.abs(null) < 1e-9, axis=0) if len(null) else np.ones(len(unknowns), bool)
    return [key for key, k in column.items() if fixed[k] and key in hidden]


def _cheapest_cover(
    prepared: Mapping[str, _Prepared],
    hidden: set[Key],
    extra: Sequence[Mapping[Key, int]],
    exposed: Key,
    truth: Mapping[Key, int],
) -> Key:
    """The cheapest published non-zero count in an equation with ``exposed``.

    ``hidden`` holds the counts that may not be chosen (hidden already, or known).
    """
    published = {key for key, value in truth.items() if value > 0 and key not in hidden}
    near = {
        key
        for equation in _equations(prepared, extra)
        if equation.get(exposed)
        for key in equation
        if key in published
    }
    pool = near or published
    if not pool:  # only when the known counts themselves give a small count away
        raise PrivacyError(
            f"cannot protect the small count for {_describe(exposed)}: the counts given as "
            "known determine it"
        )
    return min(pool, key=lambda key: (truth[key], sorted(key)))
