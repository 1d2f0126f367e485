"""Small-count suppression of one two-way table, with complementary suppression.

Example
-------
>>> suppress([[2, 9], [8, 7]]).cells
((None, None), (None, None))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
import numpy as np
import numpy.typing as npt

from samenwerking.privacy.errors import DEFAULT_THRESHOLD, PrivacyArgumentError
from samenwerking.tabular import Table, Tabular

__all__ = [
    "Position",
    "SuppressedTable",
    "as_counts",
    "check_threshold",
    "complement",
    "labels_for",
    "published_count",
    "published_table",
    "suppress",
    "with_totals",
]


Position = tuple[int | None, int | None]
"""A place in a table: ``(row, column)``; ``None`` stands for the total of that axis.

``(2, None)`` is the total of row 2, ``(None, 0)`` that of column 0 and
``(None, None)`` the grand total.
"""


@attrs.frozen(repr=False)
class SuppressedTable(Tabular):
    """A table of counts as it may be published, with small counts suppressed.

    Example
    -------
    >>> t = suppress([[1, 6], [7, 8]], row_labels=["A", "B"], column_labels=["x", "y"])
    >>> t.cells, t.row_totals, t.column_totals, t.grand_total
    (((None, None), (None, None)), (7, 15), (8, 14), 22)
    >>> sorted(t.primary), sorted(t.secondary)
    ([(0, 0)], [(0, 1), (1, 0), (1, 1)])
    """

    row_labels: tuple[str, ...]
    """One label per row."""
    column_labels: tuple[str, ...]
    """One label per column."""
    cells: tuple[tuple[int | None, ...], ...]
    """The published counts, row by row; ``None`` where suppressed."""
    row_totals: tuple[int | None, ...]
    """The published total of each row; ``None`` where suppressed."""
    column_totals: tuple[int | None, ...]
    """The published total of each column; ``None`` where suppressed."""
    grand_total: int | None
    """The published total of the whole table; ``None`` if suppressed."""
    threshold: int
    """Counts from 1 up to (not including) this were suppressed."""
    primary: frozenset[Position]
    """Places suppressed because their count is below the threshold."""
    secondary: frozenset[Position]
    """Places suppressed so that the primary ones cannot be recomputed."""

    @property
    def suppressed(self) -> frozenset[Position]:
        """Every suppressed place, primary or secondary."""
        return self.primary | self.secondary

    def _tables(self) -> tuple[Table, ...]:
        rows = [
            (label, *cells, total)
            for label, cells, total in zip(
                self.row_labels, self.cells, self.row_totals, strict=True
            )
        ]
        rows.append(("total", *self.column_totals, self.grand_total))
        counts = (*self.column_labels, "total")
        hidden = sum(v is None for row in rows for v in row[1:])
        return (Table("rows", ("row", *counts), rows, counts=counts, suppressed=hidden),)

    def _notes(self) -> tuple[str, ...]:
        return (
            f"{len(self.suppressed)} cells suppressed (x): counts from 1 to "
            f"{self.threshold - 1} and the counts that would reveal them",
        )

    def __repr__(self) -> str:
        return (
            f"<SuppressedTable: {len(self.row_labels)} x {len(self.column_labels)}, "
            f"{len(self.suppressed)} cells suppressed (threshold {self.threshold})>"
        )


def published_count(count: int, *, threshold: int = DEFAULT_THRESHOLD) -> str:
    """One count of children or cases as it may be published on its own.

    For a count shown without any table around it (such as the number of cases in a
    report's overview), counts from 1 up to the threshold read ``"fewer than N"``.

    Example
    -------
    >>> published_count(3), published_count(0), published_count(12)
    ('fewer than 5', '0', '12')
    """
    if threshold < 1:
        raise PrivacyArgumentError(f"threshold must be at least 1 (got {threshold})")
    if count < 0:
        raise PrivacyArgumentError(f"a count cannot be negative (got {count})")
    return f"fewer than {threshold}" if 0 < count < threshold else str(count)


def suppress(
    table: npt.ArrayLike,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    row_labels: Sequence[str] | None = None,
    column_labels: Sequence[str] | None = None,
    force: Iterable[Position] = (),
) -> SuppressedTable:
    """Suppress small counts in a two-way table, with complementary suppression.

    The rule:

    1. *Primary*: every cell, row total, column total or grand total with
       ``0 < count < threshold`` is suppressed. Zeros are published.
    2. *Complementary*: see the table with its totals as one (rows + 1) x (columns + 1)
       grid in which each line adds up. A suppressed place can be recomputed from
       what is published exactly when, in the graph whose nodes are the grid's lines
       and whose edges are its suppressed places, that edge lies on no cycle. So
       while some suppressed place lies on no cycle, the cheapest chain of other
       non-zero places that closes a cycle through it is suppressed as well ("cheap":
       the smallest sum of counts, then the fewest places; totals included). This
       implies the familiar rule that a line with a suppressed place holds at least
       two (a line's total counts as one of its places), and also closes the gap that
       rule leaves when two blocks of suppressed cells share a single line.

    Zeros are never suppressed as complements: an attacker who knows a suppressed value
    cannot be negative could otherwise pin it down. The complement is a greedy choice,
    not a proven minimum (finding the minimum is NP-hard).

    Parameters
    ----------
    table : array_like
        A 2-D table of non-negative integer counts (numpy array or nested lists).
    threshold : int
        Counts from 1 up to, not including, this value are suppressed (default 5).
    row_labels, column_labels : sequence of str, optional
        Labels for rows and columns; ``"0"``, ``"1"``, ... by default.
    force : iterable of Position
        Places to hide whatever their count (because they are hidden in another table
        that shares them, see :func:`suppress_together`); they are protected by
        complements like primary ones and reported as ``secondary``.

    Returns
    -------
    SuppressedTable

    Raises
    ------
    PrivacyArgumentError
        If the table is not 2-D, holds negative or non-integer counts, the labels do
        not match its shape, a forced place is outside it, or the threshold is below 1.

    Example
    -------
    >>> t = suppress([[12, 3, 20], [15, 9, 30], [10, 11, 40]])
    >>> t.cells  # 3 is hidden; 12, 10 and 11 are the cheapest cells that close a cycle
    ((None, None, 20), (15, 9, 30), (None, None, 40))
    >>> t.row_totals, t.column_totals, t.grand_total
    ((35, 54, 61), (37, 23, 90), 150)
    """
    counts = as_counts(table)
    n_rows, n_cols = counts.shape
    rows = labels_for(row_labels, n_rows, "row_labels")
    cols = labels_for(column_labels, n_cols, "column_labels")
    limit = check_threshold(threshold)
    grid = with_totals(counts)
    forced = {_grid_place(place, n_rows, n_cols) for place in force}
    primary = {
        (int(i), int(j)) for i, j in zip(*np.nonzero((grid > 0) & (grid < limit)), strict=True)
    }
    hidden = complement(grid, primary | forced)
    return published_table(grid, rows, cols, limit, primary, hidden)


def check_threshold(threshold: object) -> int:
    if isinstance(threshold, bool) or not isinstance(threshold, int | np.integer):
        raise PrivacyArgumentError(f"threshold must be an integer (got {threshold!r})")
    if threshold < 1:
        raise PrivacyArgumentError(f"threshold must be at least 1 (got {threshold})")
    return int(threshold)


def with_totals(counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The table with its totals: an extra column of row totals and row of column totals."""
    n_rows, n_cols = counts.shape
    grid = np.zeros((n_rows + 1, n_cols + 1), dtype=np.int64)
    grid[:n_rows, :n_cols] = counts
    grid[:n_rows, n_cols] = counts.sum(axis=1)
    grid[n_rows, :n_cols] = counts.sum(axis=0)
    grid[n_rows, n_cols] = counts.sum()
    return grid


def _grid_place(place: object, n_rows: int, n_cols: int) -> tuple[int, int]:
    """A :data:`Position` as (row, column) of the grid with totals."""
    if not isinstance(place, tuple) or len(place) != 2:
        raise PrivacyArgumentError(f"a place is (row, column); got {place!r}")
    i, j = place
    for value, size in ((i, n_rows), (j, n_cols)):
        if value is not None and not (
            isinstance(value, int) and not isinstance(value, bool) and 0 <= value < size
        ):
            raise PrivacyArgumentError(
                f"place {place!r} is outside a table of {n_rows} rows and {n_cols} columns"
            )
    return (n_rows if i is None else int(i), n_cols if j is None else int(j))


def published_table(
    grid: npt.NDArray[np.int64],
    rows: tuple[str, ...],
    cols: tuple[str, ...],
    threshold: int,
    primary: set[tuple[int, int]],
    hidden: set[tuple[int, int]],
) -> SuppressedTable:
    n_rows, n_cols = len(rows), len(cols)

    def position(i: int, j: int) -> Position:
        return (i if i < n_rows else None, j if j < n_cols else None)

    def shown(i: int, j: int) -> int | None:
        return None if (i, j) in hidden else int(grid[i, j])

    return SuppressedTable(
        row_labels=rows,
        column_labels=cols,
        cells=tuple(tuple(shown(i, j) for j in range(n_cols)) for i in range(n_rows)),
        row_totals=tuple(shown(i, n_cols) for i in range(n_rows)),
        column_totals=tuple(shown(n_rows, j) for j in range(n_cols)),
        grand_total=shown(n_rows, n_cols),
        threshold=threshold,
        primary=frozenset(position(i, j) for i, j in primary),
        secondary=frozenset(position(i, j) for i, j in hidden - primary),
    )


def complement(
    grid: npt.NDArray[np.int64],
    primary: set[tuple[int, int]],
    keep: frozenset[tuple[int, int]] = frozenset(),
) -> set[tuple[int, int]]:
    """Grow ``primary`` until every suppressed place lies on a cycle of suppressed places.

    The bridges of the suppressed graph are found once: adding edges never makes a new
    bridge, so each original bridge is taken in turn and, if it still is one, the
    cheapest chain closing a cycle through it is hidden (one shortest-path search each,
    with the bridge itself left out of the candidate graph). Places in ``keep`` are never
    added; a bridge that cannot be closed without them is left as it is.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    n_rows, n_cols = grid.shape
    n_places = grid.size
    hidden = set(primary)
    # Nodes: grid rows 0..n_rows-1, then grid columns. Every non-zero (or already hidden)
    # place is a candidate edge between its row node and its column node.
    candidate = grid > 0
    for place in keep:
        candidate[place] = False
    hidden_at = np.array(list(hidden), dtype=np.int64).reshape(-1, 2)
    candidate[hidden_at[:, 0], hidden_at[:, 1]] = True
    place_rows, place_cols = np.nonzero(candidate)  # in (row, column) order
    if not len(place_rows):
        return hidden
    rows = place_rows.astype(np.int64)
    cols = place_cols.astype(np.int64) + n_rows
    index = np.full(grid.shape, -1, np.int64)
    index[place_rows, place_cols] = np.arange(len(rows))
    # Smallest sum of counts first, then fewest places; hidden places cost next to nothing
    # (a chain of them always beats one with a single further place).
    base = grid[place_rows, place_cols].astype(np.float64) * (n_places + 1) + 1
    free = 1.0 / (n_places + 2)
    is_hidden = np.zeros(len(rows), dtype=bool)
    is_hidden[index[hidden_at[:, 0], hidden_at[:, 1]]] = True
    n_nodes = n_rows + n_cols
    both_u = np.concatenate([rows, cols])
    both_v = np.concatenate([cols, rows])

    bridges = _bridges(hidden, n_rows, n_nodes)
    for i, j in bridges:
        k = int(index[i, j])
        cost = np.where(is_hidden, free, base)
        others = np.ones(len(rows), dtype=bool)
        others[k] = False
        edges = np.concatenate([others, others])
        matrix = csr_matrix(
            (np.concatenate([cost, cost])[edges], (both_u[edges], both_v[edges])),
            shape=(n_nodes, n_nodes),
        )
        start, goal = n_rows + j, i
        _, before = dijkstra(matrix, directed=True, indices=start, return_predecessors=True)
        node = goal
        chain: list[tuple[int, int]] = []
        while node != start:
            previous = int(before[node])
            if previous < 0:  # only without the kept places: totals always close a cycle
                chain = []
                break
            a, b = (node, previous) if node < n_rows else (previous, node)
            chain.append((a, b - n_rows))
            node = previous
        for place in chain:
            if place not in hidden:
                hidden.add(place)
                is_hidden[index[place]] = True
    return hidden


def _bridges(hidden: set[tuple[int, int]], n_rows: int, n_nodes: int) -> list[tuple[int, int]]:
    """The places of ``hidden`` that lie on no cycle of hidden places, sorted.

    The hidden places are the edges of a graph on the grid's rows and columns; its bridges
    come from the compiled low-link search (:mod:`samenwerking.analysis._dfs`).
    """
    from samenwerking.analysis._dfs import low_link_search

    if not hidden:
        return []
    edges = np.array(list(hidden), dtype=np.int64).reshape(-1, 2)
    u = np.concatenate([edges[:, 0], edges[:, 1] + n_rows])
    v = np.concatenate([edges[:, 1] + n_rows, edges[:, 0]])
    order = np.lexsort((v, u))
    indptr = np.zeros(n_nodes + 1, np.int64)
    np.cumsum(np.bincount(u, minlength=n_nodes), out=indptr[1:])
    search = low_link_search(indptr, v[order].astype(np.int32))
    child = np.flatnonzero(search.bridge_child)
    parent = search.parent[child]
    rows = np.minimum(child, parent)  # a row node is below every column node
    cols = np.maximum(child, parent) - n_rows
    return sorted(zip(rows.tolist(), cols.tolist(), strict=True))


def as_counts(table: npt.ArrayLike) -> npt.NDArray[np.int64]:
    try:
        array = np.asarray(table)
    except ValueError as exc:  # ragged nested lists
        raise PrivacyArgumentError(f"table must be rectangular: {exc}") from None
    if array.ndim != 2:
        raise PrivacyArgumentError(f"table must be 2-D (rows x columns); got shape {array.shape}")
    if array.size and array.dtype.kind not in "iu":
        if (
            array.dtype.kind == "f"
            and np.all(np.isfinite(array))
            and np.all(array == np.round(array))
        ):
            array = array.astype(np.int64)
        else:
            raise PrivacyArgumentError(f"table must hold integer counts (got dtype {array.dtype})")
    array = array.astype(np.int64)
    if (array < 0).any():
        row, col = np.argwhere(array < 0)[0]
        raise PrivacyArgumentError(
            f"table must hold non-negative counts (row {row}, column {col}: {array[row, col]})"
        )
    return array


def labels_for(labels: Sequence[str] | None, size: int, name: str) -> tuple[str, ...]:
    if labels is None:
        return tuple(str(i) for i in range(size))
    out = tuple(str(label) for label in labels)
    if len(out) != size:
        raise PrivacyArgumentError(f"{name} has {len(out)} labels for {size} lines")
    return out
