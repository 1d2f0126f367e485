"""CSV files meant for people: cells a spreadsheet would run as a formula are neutralised.

Following the OWASP guidance on CSV injection, a text cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written with a leading ``'``, so that Excel,
LibreOffice and Google Sheets show it as text instead of running it (``=HYPERLINK(...)``,
``@SUM(...)``, ``+cmd|...``). Plain numbers (``-3``, ``+0.5``, ``1e-3``) are left alone.

Every CSV export for people (case tables, introductions, seating plans, ...) writes
through :func:`spreadsheet_writer`. The CSV folder format is data, not an export: it keeps
every cell exact, and ``samenwerking check`` warns about such cells
(:func:`formula_cells`) so that they can be looked at.

Example
-------
>>> import io
>>> out = io.StringIO()
>>> spreadsheet_writer(out, lineterminator="\\n").writerow(["=1+1", "-2", "@home", "De Linde"])
>>> out.getvalue()
"'=1+1,-2,'@home,De Linde\\n"
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from samenwerking.errors import Problem
from samenwerking.model import Region
from samenwerking.model.validation import Locator, json_path

__all__ = [
    "FORMULA_START",
    "SpreadsheetWriter",
    "formula_cells",
    "is_formula_like",
    "neutralise",
    "restore",
    "spreadsheet_writer",
]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet treat a cell as a formula (OWASP)."""

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could run ``text`` as a formula (a plain number is not).

    Example
    -------
    >>> [is_formula_like(t) for t in ("=A1", "-1.5", "-x", "\\tx", "Jan", "")]
    [True, False, True, True, False, False]
    """
    return text.startswith(FORMULA_START) and _NUMBER.fullmatch(text) is None


def neutralise(cell: object) -> object:
    """``cell`` with a leading ``'`` if it is formula-like text; anything else unchanged.

    Text that already starts with ``'`` before something formula-like gets one more, so
    that :func:`restore` gives every text back exactly.

    Example
    -------
    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise(-2), neutralise("+31 6")
    ('\\'=HYPERLINK("http://x")', -2, "'+31 6")
    """
    if isinstance(cell, str) and is_formula_like(cell.lstrip("'")):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """The text :func:`neutralise` was given, from what it wrote (for reading exports back).

    Example
    -------
    >>> restore("'=1+1"), restore("''=1+1"), restore("'tis"), restore("-3")
    ('=1+1', "'=1+1", "'tis", '-3')
    """
    if cell.startswith("'") and is_formula_like(cell.lstrip("'")):
        return cell[1:]
    return cell


class SpreadsheetWriter:
    """A :func:`csv.writer` that neutralises formula-like cells (see :func:`neutralise`)."""

    def __init__(self, stream: _Writable, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row."""
        self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write every row."""
        for row in rows:
            self.writerow(row)


def spreadsheet_writer(stream: _Writable, **options: Any) -> SpreadsheetWriter:
    """A CSV writer for files people open in a spreadsheet; ``options`` as for ``csv.writer``.

    Example
    -------
    >>> import io
    >>> out = io.StringIO()
    >>> spreadsheet_writer(out).writerows([["name"], ["+cmd|' /C calc'!A0"]])
    >>> print(out.getvalue().splitlines()[1])
    '+cmd|' /C calc'!A0
    """
    return SpreadsheetWriter(stream, **options)


def _texts(
    value: object, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def formula_cells(region: Region, *, locate: Locator | None = None) -> list[Problem]:
    """Every text value of ``region`` that a spreadsheet could run as a formula.

    ``locate`` (a reader's locator) turns a record into its file and row; without it the
    location is a JSON path. Tie columns are not scanned (their ids are checked on read).

    Example
    -------
    >>> from samenwerking.model import Organisation, OrganisationId, Sector
    >>> town = Organisation(OrganisationId("g1"), "=1+1", Sector.MUNICIPALITY, "Dorp")
    >>> print(formula_cells(Region("Dorp", (town,)))[0])  # doctest: +ELLIPSIS
    $.organisations[0], field 'name', value '=1+1': starts with '=': a spreadsheet may run...
    """
    from samenwerking.convert import unstructure_region

    data = unstructure_region(region)
    data.pop("ties", None)
    found = []
    for path, text in _texts(data, ()):
        if not is_formula_like(text):
            continue
        names = [part for part in path if isinstance(part, str)]
        positions = [i for i, part in enumerate(path) if isinstance(part, int)]
        record = path[: positions[-1] + 1] if positions else path
        source, location = locate(record) if locate is not None else ("", json_path(record))
        found.append(
            Problem(
                f"starts with {text[0]!r}: a spreadsheet may run it as a formula (exports for "
                "people neutralise it; the CSV folder keeps it exact)",
                source,
                location,
                names[-1] if names else "",
                text,
            )
        )
    return found
