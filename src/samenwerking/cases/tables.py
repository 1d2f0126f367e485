"""Suppressed tables as CSV: written atomically, with one marker for every hidden count.

The layout of a table file::

    municipality,open,resolved,closed,total
    Dorp,x,x,7,12
    Stad,x,x,5,9
    total,8,6,12,21

Lines end in CRLF, as RFC 4180 has it. The first header cell names the row dimension;
the last column holds the row totals and the last row the column totals and the grand
total. A suppressed count is written
as the marker (``x`` by default), whether it was hidden because it is small or to
protect another: the two are not told apart, since that would narrow a hidden count
down. A file is written to a temporary file next to the target and then renamed over
it, so a reader never sees a half-written table.

Example
-------
>>> import tempfile, pathlib
>>> from samenwerking.privacy import suppress
>>> table = suppress([[2, 9], [8, 7]], row_labels=["A", "B"], column_labels=["p", "q"])
>>> path = write_table_csv(table, pathlib.Path(tempfile.mkdtemp()) / "t.csv", corner="town")
>>> print(path.read_text(), end="")
town,p,q,total
A,x,x,11
B,x,x,15
total,10,16,26
>>> read_table_csv(path) == PublishedTable.of(table, corner="town")
True
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path

from attrs import frozen

from samenwerking._atomic import write_text_atomically
from samenwerking.cases._base import CaseArgumentError
from samenwerking.errors import Problem, SamenwerkingError
from samenwerking.privacy import SuppressedTable
from samenwerking.tabular import Table, Tabular

__all__ = [
    "DEFAULT_MARKER",
    "TOTAL",
    "PublishedTable",
    "TableFormatError",
    "check_marker",
    "read_table_csv",
    "table_csv_text",
    "write_table_csv",
]

DEFAULT_MARKER = "x"
"""What a suppressed count is written as (the Dutch statistics convention for "secret")."""

TOTAL = "total"
"""The label of the totals column and row."""


class TableFormatError(SamenwerkingError, ValueError):
    """A table file does not have the layout :func:`write_table_csv` writes."""


def check_marker(marker: object) -> str:
    """``marker`` if it can stand for a suppressed count; else :class:`CaseArgumentError`.

    It must be non-blank text that is not a number and has no line breaks.

    Example
    -------
    >>> check_marker("<5")
    '<5'
    """
    if (
        not isinstance(marker, str)
        or not marker.strip()
        or marker.strip().lstrip("+-").isdigit()
        or any(c in marker for c in "\r\n")
    ):
        raise CaseArgumentError(
            f"marker must be non-blank text that is not a number, such as 'x' (got {marker!r})"
        )
    return marker


@frozen(repr=False)
class PublishedTable(Tabular):
    """What a suppressed table shows: labels and counts, ``None`` where suppressed.

    Unlike :class:`~samenwerking.privacy.SuppressedTable` it does not say which counts
    were small and which hide another, because a published file cannot say that either.
    """

    corner: str
    """The name of the row dimension (the top-left cell)."""
    row_labels: tuple[str, ...]
    """One label per row."""
    column_labels: tuple[str, ...]
    """One label per column."""
    cells: tuple[tuple[int | None, ...], ...]
    """The counts, row by row; ``None`` where suppressed."""
    row_totals: tuple[int | None, ...]
    """Each row's total; ``None`` where suppressed."""
    column_totals: tuple[int | None, ...]
    """Each column's total; ``None`` where suppressed."""
    grand_total: int | None
    """The total of the table; ``None`` if suppressed."""

    @classmethod
    def of(cls, table: SuppressedTable, *, corner: str = "") -> PublishedTable:
        """The published part of a suppressed table.

        Example
        -------
        >>> from samenwerking.privacy import suppress
        >>> PublishedTable.of(suppress([[7]])).grand_total
        7
        """
        return cls(
            corner,
            table.row_labels,
            table.column_labels,
            table.cells,
            table.row_totals,
            table.column_totals,
            table.grand_total,
        )

    def _tables(self) -> tuple[Table, ...]:
        corner = self.corner or "row"
        rows = [
            (label, *cells, total)
            for label, cells, total in zip(
                self.row_labels, self.cells, self.row_totals, strict=True
            )
        ]
        rows.append(("total", *self.column_totals, self.grand_total))
        hidden = sum(v is None for row in rows for v in row[1:])
        counts = (*self.column_labels, "total")
        return (Table(corner, (corner, *counts), rows, counts=counts, suppressed=hidden),)

    def _notes(self) -> tuple[str, ...]:
        hidden = self._tables()[0].suppressed
        return (f"{hidden} counts suppressed (x), so that no small group can be recognised",)

    def __repr__(self) -> str:
        hidden = self._tables()[0].suppressed
        return (
            f"<PublishedTable {self.corner!r}: {len(self.row_labels)} x "
            f"{len(self.column_labels)}, {hidden} suppressed>"
        )


def _text(value: int | None, marker: str) -> str:
    return marker if value is None else str(value)


def table_csv_text(
    table: SuppressedTable | PublishedTable, *, corner: str = "", marker: str = DEFAULT_MARKER
) -> str:
    """The CSV text of a suppressed table (layout in the module docstring).

    Example
    -------
    >>> from samenwerking.privacy import suppress
    >>> table_csv_text(suppress([[6]], row_labels=["Dorp"], column_labels=["cases"]),
    ...                corner="municipality").splitlines()
    ['municipality,cases,total', 'Dorp,6,6', 'total,6,6']
    """
    mark = check_marker(marker)
    if isinstance(table, PublishedTable) and not corner:
        corner = table.corner
    out = io.StringIO()
    from samenwerking.io.spreadsheet import spreadsheet_writer  # neutralises =, +, -, @

    # RFC 4180: a line break in a label is quoted
    writer = spreadsheet_writer(out, lineterminator="\r\n")
    writer.writerow([corner, *table.column_labels, TOTAL])
    for label, row, total in zip(table.row_labels, table.cells, table.row_totals, strict=True):
        writer.writerow([label, *(_text(v, mark) for v in row), _text(total, mark)])
    writer.writerow(
        [TOTAL, *(_text(v, mark) for v in table.column_totals), _text(table.grand_total, mark)]
    )
    return out.getvalue()


def write_table_csv(
    table: SuppressedTable | PublishedTable,
    path: str | os.PathLike[str],
    *,
    corner: str = "",
    marker: str = DEFAULT_MARKER,
) -> Path:
    """Write a suppressed table as CSV, atomically; return the path written.

    Parameters
    ----------
    table : SuppressedTable or PublishedTable
        Only what it publishes is written (never which counts were small).
    path : path-like
        The file to write (its folder is created if needed).
    corner : str
        The top-left header cell, e.g. the row dimension ``"municipality"``.
    marker : str
        Written for every suppressed count (default ``"x"``).

    Example
    -------
    >>> import tempfile, pathlib
    >>> from samenwerking.privacy import suppress
    >>> path = write_table_csv(suppress([[3, 9]]), pathlib.Path(tempfile.mkdtemp()) / "t.csv")
    >>> path.read_text().splitlines()[1]
    '0,x,x,12'
    """
    return write_text_atomically(path, table_csv_text(table, corner=corner, marker=marker))


def read_table_csv(path: str | os.PathLike[str], *, marker: str = DEFAULT_MARKER) -> PublishedTable:
    """Read a table written by :func:`write_table_csv` back (suppressed counts as ``None``).

    Raises
    ------
    TableFormatError
        If the file does not have the layout :func:`write_table_csv` writes; the message
        names the file, row and column.

    Example
    -------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_text("town,p,total\\nA,x,x\\nB,6,6\\ntotal,x,x\\n")
    >>> read_table_csv(path).cells
    ((None,), (6,))
    """
    from samenwerking.io.spreadsheet import restore  # undoes the formula neutralising

    mark = check_marker(marker)
    source = str(path)
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = [[restore(cell) for cell in row] for row in csv.reader(handle)]

    def fail(row: int, column: str, message: str) -> TableFormatError:
        return TableFormatError(str(Problem(message, source, f"row {row}", column)))

    if len(rows) < 2 or len(rows[0]) < 2 or rows[0][-1] != TOTAL or rows[-1][:1] != [TOTAL]:
        raise fail(
            1,
            "",
            f"not a published table: expect a header ending in {TOTAL!r} and a "
            f"last row starting with {TOTAL!r}",
        )
    header = rows[0]
    width = len(header)

    def count(row: int, column: str, text: str) -> int | None:
        if text == mark:
            return None
        if not text.isdigit():
            raise fail(row, column, f"expected a count or {mark!r}")
        return int(text)

    def parse(row: int, values: Sequence[str]) -> list[int | None]:
        if len(values) != width:
            raise fail(row, "", f"expected {width} cells, found {len(values)}")
        return [count(row, header[j], v) for j, v in enumerate(values) if j > 0]

    body = [parse(i + 2, values) for i, values in enumerate(rows[1:-1])]
    last = parse(len(rows), rows[-1])
    return PublishedTable(
        corner=header[0],
        row_labels=tuple(values[0] for values in rows[1:-1]),
        column_labels=tuple(header[1:-1]),
        cells=tuple(tuple(values[:-1]) for values in body),
        row_totals=tuple(values[-1] for values in body),
        column_totals=tuple(last[:-1]),
        grand_total=last[-1],
    )
