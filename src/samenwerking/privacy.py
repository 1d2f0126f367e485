"""Privacy building blocks: keyed pseudonyms, BSN detection and small-count suppression.

Three independent helpers, described in ``docs/privacy.md``:

- :func:`pseudonymise` turns a source id into a case id with a keyed hash (HMAC-SHA256);
- :func:`looks_like_bsn` and :func:`find_bsn_like` spot values that look like a citizen
  service number (BSN) and report them without ever showing the number
  (:func:`samenwerking.load` rejects such regions with :class:`BsnLikeValueError`);
- :func:`suppress` hides counts below a threshold in a two-way table, with complementary
  suppression so that no hidden count can be recomputed from the published totals.

Example
-------
>>> key = "a secret kept apart from the data"
>>> pseudonymise("pupil-0042", key=key) == pseudonymise("pupil-0042", key=key)
True
>>> suppress([[2, 9], [8, 7]]).cells
((None, None), (None, None))
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs
import networkx as nx
import numpy as np
import numpy.typing as npt

from samenwerking.errors import (
    InvalidArgumentError,
    InvalidRegionError,
    Problem,
    SamenwerkingError,
)
from samenwerking.model.ids import CaseId, is_valid_id
from samenwerking.model.region import Region
from samenwerking.model.validation import Locator, json_path

__all__ = [
    "DEFAULT_THRESHOLD",
    "MIN_KEY_BYTES",
    "BsnLikeValueError",
    "Key",
    "LinkedTable",
    "PrivacyArgumentError",
    "PrivacyError",
    "PseudonymKeyError",
    "SuppressedTable",
    "check_no_bsn",
    "find_bsn_like",
    "looks_like_bsn",
    "pseudonymise",
    "published_count",
    "suppress",
    "suppress_together",
    "withhold_bsn",
]

MIN_KEY_BYTES = 16
"""The shortest key :func:`pseudonymise` accepts, in bytes (after UTF-8 encoding)."""

DEFAULT_THRESHOLD = 5
"""Counts from 1 up to (not including) this value are suppressed by default."""

_HEX_CHARS = 16
_BSN_SEPARATORS = str.maketrans("", "", " .-")


class PrivacyError(SamenwerkingError, ValueError):
    """A privacy helper was given input it cannot safely work with."""


class PrivacyArgumentError(PrivacyError, InvalidArgumentError):
    """A suppression helper was called with an argument it cannot use (a bad table,
    labels or threshold).

    Also an :class:`~samenwerking.errors.InvalidArgumentError`, like
    :class:`~samenwerking.cases.CaseArgumentError`, so ``except InvalidArgumentError``
    catches a bad threshold whichever module checked it.
    """


class PseudonymKeyError(PrivacyError):
    """The key for :func:`pseudonymise` is missing or too short."""


class BsnLikeValueError(InvalidRegionError, PrivacyError):
    """A region holds values that look like a citizen service number (BSN).

    Both an :class:`~samenwerking.errors.InvalidRegionError` (``problems`` lists every
    place, values withheld) and a :class:`PrivacyError`.
    """


# -- pseudonyms ----------------------------------------------------------------------------


def pseudonymise(source_id: str, *, key: bytes | str, prefix: str = "c-") -> CaseId:
    """Derive a pseudonymous case id from a source id with a keyed hash.

    The id is ``prefix`` followed by the first 16 hex characters of
    HMAC-SHA256(key, source_id). The same key and source id always give the same
    pseudonym; without the key, a pseudonym cannot be traced back to the source id
    (not even by trying every possible source id). Keep the key apart from the data.

    Parameters
    ----------
    source_id : str
        The id in the data owner's own system (hashed exactly as given).
    key : bytes or str
        A secret of at least 16 bytes (``str`` is UTF-8 encoded), stored away from the data.
    prefix : str
        Put before the hex digits, so that a pseudonym never looks like a number.

    Returns
    -------
    CaseId

    Raises
    ------
    PseudonymKeyError
        If the key is empty or shorter than 16 bytes.
    PrivacyError
        If ``source_id`` is empty, or the prefix makes an invalid id.

    Example
    -------
    >>> key = b"0123456789abcdef-keep-me-elsewhere"
    >>> pid = pseudonymise("pupil-0042", key=key)
    >>> pid.startswith("c-"), len(pid)
    (True, 18)
    >>> pid == pseudonymise("pupil-0042", key=key), pid == pseudonymise("pupil-0043", key=key)
    (True, False)
    """
    secret = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if len(secret) < MIN_KEY_BYTES:
        raise PseudonymKeyError(
            f"the pseudonymisation key must be at least {MIN_KEY_BYTES} bytes "
            f"(got {len(secret)}); use a long random secret and keep it apart from the data, "
            "since anyone holding both can link pseudonyms back to source ids"
        )
    if not isinstance(source_id, str) or not source_id:
        raise PrivacyError(f"source_id must be a non-empty string (got {source_id!r})")
    digest = hmac.new(secret, source_id.encode("utf-8"), hashlib.sha256).hexdigest()
    pseudonym = prefix + digest[:_HEX_CHARS]
    if not is_valid_id(pseudonym) or not prefix:
        raise PrivacyError(
            f"prefix {prefix!r} does not make a valid id: use non-empty text without "
            "spaces or any of ; | ="
        )
    return CaseId(pseudonym)


# -- BSN detection -------------------------------------------------------------------------


def looks_like_bsn(value: str) -> bool:
    """Tell whether ``value`` looks like a Dutch citizen service number (BSN).

    True for 9 digits (or 8, which BSNs zero-pad to 9) that pass the 11-test for BSNs:
    ``9*d1 + 8*d2 + 7*d3 + 6*d4 + 5*d5 + 4*d6 + 3*d7 + 2*d8 - 1*d9`` is divisible by 11,
    and not all digits are zero. Spaces, dots and hyphens between digits are ignored,
    so ``"1234.56.782"`` is checked as ``"123456782"``. Only whole values are checked:
    a number inside longer text (``"nr 123456782"``) is not detected.

    Example
    -------
    >>> digits = "12345678"  # a fictional number: compute its check digit
    >>> check = sum(w * int(d) for w, d in zip(range(9, 1, -1), digits)) % 11
    >>> looks_like_bsn(digits + str(check)), looks_like_bsn(digits + str((check + 1) % 10))
    (True, False)
    >>> looks_like_bsn("c-7f3a"), looks_like_bsn("000000000")
    (False, False)
    """
    if not isinstance(value, str):
        return False
    digits = value.strip().translate(_BSN_SEPARATORS)
    if not (digits.isascii() and digits.isdigit()) or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    weighted = sum(w * int(d) for w, d in zip(range(9, 1, -1), digits[:8], strict=True))
    return (weighted - int(digits[8])) % 11 == 0


def find_bsn_like(region: Region, *, locate: Locator | None = None) -> list[Problem]:
    """Every text field of every case that looks like a BSN, without showing the value.

    Checks a case's id, municipality, school, coordinator, involved professionals, and
    its events' actors and organisations. Each :class:`~samenwerking.errors.Problem` names the case
    (``$.cases[3]``, or ``$.cases[3].involved[0]``) and the field; its ``value`` is
    ``None``, so the number itself is never printed, logged or stored in an error.

    Parameters
    ----------
    region : Region
    locate : callable, optional
        Turns a path into (source, location), as in
        :func:`~samenwerking.model.validation.region_problems`; JSON paths by default.

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, SupportLevel
    >>> digits = "87654321"  # fictional; the check digit makes it pass the 11-test
    >>> number = digits + str(sum(w * int(d) for w, d in zip(range(9, 1, -1), digits)) % 11)
    >>> region = Region("Dorp", cases=(Case(CaseId(number), "Dorp", SupportLevel.EXTRA),))
    >>> for problem in find_bsn_like(region):
    ...     print(problem)
    $.cases[0], field 'id': looks like a citizen service number (BSN); value withheld
    """
    where = locate or _json_locator
    problems: list[Problem] = []

    def check(path: tuple[str | int, ...], field: str, value: str | None) -> None:
        if value is not None and looks_like_bsn(value):
            source, location = where(path)
            problems.append(
                Problem(
                    "looks like a citizen service number (BSN); value withheld",
                    source=source,
                    location=location,
                    field=field,
                )
            )

    for i, case in enumerate(region.cases):
        path: tuple[str | int, ...] = ("cases", i)
        check(path, "id", case.id)
        check(path, "municipality", case.municipality)
        check(path, "school", case.school)
        check(path, "coordinator", case.coordinator)
        for j, involvement in enumerate(case.involved):
            check((*path, "involved", j), "professional", involvement.professional)
        for j, event in enumerate(case.events):
            check((*path, "events", j), "actor", event.actor)
            check((*path, "events", j), "organisation", event.organisation)
    return problems


def check_no_bsn(region: Region, *, locate: Locator | None = None, source: str = "") -> Region:
    """Return ``region`` unchanged, or raise if any case field looks like a BSN.

    :func:`samenwerking.load` calls this on every region it reads, whatever the format.

    Raises
    ------
    BsnLikeValueError
        Listing every field found by :func:`find_bsn_like` (values withheld); it is an
        :class:`~samenwerking.errors.InvalidRegionError` and a :class:`PrivacyError`.

    Example
    -------
    >>> check_no_bsn(Region("Dorp")).name
    'Dorp'
    """
    problems = find_bsn_like(region, locate=locate)
    if problems:
        raise BsnLikeValueError(problems, source=source)
    return region


_NUMBER_LIKE = re.compile(r"(?<![0-9])[0-9](?:[0-9 .-]{6,12})[0-9](?![0-9])")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WITHHELD = "<withheld: looks like a BSN>"


def _bsn_like_text(text: str) -> bool:
    # An ISO date such as 2024-03-01 has 8 digits and may pass the 11-test: not a BSN.
    return looks_like_bsn(text) and _ISO_DATE.fullmatch(text.strip()) is None


def _withhold_text(text: str) -> str:
    return _NUMBER_LIKE.sub(
        lambda match: _WITHHELD if _bsn_like_text(match.group(0)) else match.group(0), text
    )


def withhold_bsn(problems: Iterable[Problem]) -> list[Problem]:
    """The problems with every BSN-like value withheld, from values and from messages.

    A problem whose ``value`` looks like a BSN (as text: an ``int`` such as a JSON number
    ``123456782`` counts too) gets ``value=None`` and a note in its message; a BSN-like number inside a message or field is replaced by a placeholder.
    Used by :func:`samenwerking.load` so that no error it raises shows such a number.

    Example
    -------
    >>> digits = "87654321"  # fictional; the check digit makes it pass the 11-test
    >>> number = digits + str(sum(w * int(d) for w, d in zip(range(9, 1, -1), digits)) % 11)
    >>> [clean] = withhold_bsn([Problem("unknown organisation", "cases.csv", "row 2",
    ...                                 "school", number)])
    >>> print(clean)
    cases.csv, row 2, field 'school': unknown organisation (value withheld: looks like a citizen service number (BSN))
    """  # noqa: E501
    out = []
    for problem in problems:
        message = _withhold_text(problem.message)
        value = problem.value
        # Any value, not only text: a JSON number 123456782 is as much a BSN as "123456782".
        text = None if value is None or isinstance(value, bool) else str(value)
        if text is not None and (_bsn_like_text(text) or _withhold_text(text) != text):
            value = None
            message += " (value withheld: looks like a citizen service number (BSN))"
        out.append(
            attrs.evolve(
                problem,
                message=message,
                value=value,
                source=_withhold_text(problem.source),
                location=_withhold_text(problem.location),
                field=_withhold_text(problem.field),
            )
        )
    return out


def _json_locator(path: tuple[str | int, ...]) -> tuple[str, str]:
    return "", json_path(path)


# -- small-count suppression ---------------------------------------------------------------

Position = tuple[int | None, int | None]
"""A place in a table: ``(row, column)``; ``None`` stands for the total of that axis.

``(2, None)`` is the total of row 2, ``(None, 0)`` that of column 0 and
``(None, None)`` the grand total.
"""


@attrs.frozen
class SuppressedTable:
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
    counts = _as_counts(table)
    n_rows, n_cols = counts.shape
    rows = _labels(row_labels, n_rows, "row_labels")
    cols = _labels(column_labels, n_cols, "column_labels")
    limit = _check_threshold(threshold)
    grid = _grid(counts)
    forced = {_grid_place(place, n_rows, n_cols) for place in force}
    primary = {
        (int(i), int(j)) for i, j in zip(*np.nonzero((grid > 0) & (grid < limit)), strict=True)
    }
    hidden = _complement(grid, primary | forced)
    return _table(grid, rows, cols, limit, primary, hidden)


def _check_threshold(threshold: object) -> int:
    if isinstance(threshold, bool) or not isinstance(threshold, int | np.integer):
        raise PrivacyArgumentError(f"threshold must be an integer (got {threshold!r})")
    if threshold < 1:
        raise PrivacyArgumentError(f"threshold must be at least 1 (got {threshold})")
    return int(threshold)


def _grid(counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
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


def _table(
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


def _complement(
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
    places = sorted(
        {(int(i), int(j)) for i, j in zip(*np.nonzero(grid > 0), strict=True)} - keep | hidden
    )
    if not places:
        return hidden
    rows = np.array([i for i, _ in places], dtype=np.int64)
    cols = np.array([j for _, j in places], dtype=np.int64) + n_rows
    index = {place: k for k, place in enumerate(places)}
    # Smallest sum of counts first, then fewest places; hidden places cost next to nothing
    # (a chain of them always beats one with a single further place).
    base = np.array([grid[p] for p in places], dtype=np.float64) * (n_places + 1) + 1
    free = 1.0 / (n_places + 2)
    is_hidden = np.zeros(len(places), dtype=bool)
    is_hidden[[index[p] for p in hidden]] = True
    n_nodes = n_rows + n_cols
    both_u = np.concatenate([rows, cols])
    both_v = np.concatenate([cols, rows])

    suppressed = nx.Graph()
    suppressed.add_edges_from((("r", i), ("c", j)) for i, j in hidden)
    bridges = sorted(
        (int(u[1]), int(v[1])) if u[0] == "r" else (int(v[1]), int(u[1]))
        for u, v in nx.bridges(suppressed)
    )
    for i, j in bridges:
        k = index[(i, j)]
        cost = np.where(is_hidden, free, base)
        others = np.ones(len(places), dtype=bool)
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


def _as_counts(table: npt.ArrayLike) -> npt.NDArray[np.int64]:
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


def _labels(labels: Sequence[str] | None, size: int, name: str) -> tuple[str, ...]:
    if labels is None:
        return tuple(str(i) for i in range(size))
    out = tuple(str(label) for label in labels)
    if len(out) != size:
        raise PrivacyArgumentError(f"{name} has {len(out)} labels for {size} lines")
    return out


# -- suppression of linked tables ----------------------------------------------------------

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
        rows = _labels(self.row_labels, n_rows, "row_labels")
        cols = _labels(self.column_labels, n_cols, "column_labels")
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
    limit = _check_threshold(threshold)
    prepared: dict[str, _Prepared] = {}
    truth: dict[Key, int] = {}
    for name, table in tables.items():
        if not isinstance(table, LinkedTable):
            raise PrivacyArgumentError(f"table {name!r} must be a LinkedTable (got {table!r})")
        counts = _as_counts(table.counts)
        rows = _labels(table.row_labels, counts.shape[0], "row_labels")
        cols = _labels(table.column_labels, counts.shape[1], "column_labels")
        grid = _grid(counts)
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
        out[name] = _table(p.grid, p.rows, p.cols, limit, primary, places)
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
            for place in _complement(p.grid, primary | forced, keep):
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
