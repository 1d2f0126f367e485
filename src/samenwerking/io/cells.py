"""Codecs for single CSV cells: how ids, lists, dates, numbers and enums look in a spreadsheet.

Every ``parse_*`` function takes the cell text and returns the value, or raises
:class:`CellError` saying what is wrong; every ``format_*`` function does the reverse.
An empty cell means "not given" (``None`` or an empty tuple).

Example
-------
>>> parse_texts(format_texts(("a; b", "c\\\\d")))
('a; b', 'c\\\\d')
>>> parse_date("3-9-2024"), format_bool(True)
(datetime.date(2024, 9, 3), 'true')
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from samenwerking.model.ids import is_valid_id

__all__ = [
    "BOOLEANS",
    "CellError",
    "enum_parser",
    "format_bool",
    "format_date",
    "format_float",
    "format_identifiers",
    "format_ids",
    "format_int",
    "format_texts",
    "parse_bool",
    "parse_date",
    "parse_float",
    "parse_id",
    "parse_identifiers",
    "parse_ids",
    "parse_int",
    "parse_text",
    "parse_texts",
]

E = TypeVar("E", bound=enum.Enum)

BOOLEANS: dict[str, bool] = {
    "": False,
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
}
"""Accepted boolean cells (compared case-insensitively)."""

_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


class CellError(ValueError):
    """A cell that cannot be read; the message says what was expected."""


def parse_text(cell: str) -> str | None:
    """Text with surrounding spaces removed; ``None`` for an empty cell."""
    text = cell.strip()
    return text or None


def parse_id(cell: str) -> str | None:
    """An identifier, or ``None`` for an empty cell."""
    text = cell.strip()
    if not text:
        return None
    if not is_valid_id(text):
        raise CellError("not a valid identifier (it may not contain ; | = or tabs)")
    return text


def parse_ids(cell: str) -> tuple[str, ...]:
    """A ``;``-separated list of identifiers (empty items are ignored)."""
    items = tuple(item.strip() for item in cell.split(";") if item.strip())
    for item in items:
        if not is_valid_id(item):
            raise CellError(f"{item!r} is not a valid identifier")
    return items


def format_ids(ids: Iterable[str]) -> str:
    """Join identifiers with ``;``."""
    return ";".join(ids)


def parse_texts(cell: str) -> tuple[str, ...]:
    """A ``;``-separated list of free text, where ``\\;`` and ``\\\\`` escape ``;`` and ``\\``."""
    items: list[str] = []
    current: list[str] = []
    chars = iter(cell)
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, "\\"))
        elif ch == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return tuple(text for text in (item.strip() for item in items) if text)


def format_texts(texts: Iterable[str]) -> str:
    """Join free text with ``;``, escaping ``;`` and ``\\`` with a backslash."""
    return ";".join(t.replace("\\", "\\\\").replace(";", "\\;") for t in texts)


def parse_identifiers(cell: str) -> dict[str, str]:
    """External identifiers written ``scheme=value;scheme=value``."""
    out: dict[str, str] = {}
    for item in cell.split(";"):
        if not item.strip():
            continue
        scheme, sep, value = item.partition("=")
        scheme, value = scheme.strip(), value.strip()
        if not sep or not scheme or not value or "=" in value:
            raise CellError(f"{item.strip()!r} is not of the form scheme=value")
        if scheme in out:
            raise CellError(f"scheme {scheme!r} appears twice")
        out[scheme] = value
    return out


def format_identifiers(identifiers: Mapping[str, str]) -> str:
    """Write identifiers as ``scheme=value;scheme=value``."""
    return ";".join(f"{k}={v}" for k, v in identifiers.items())


def parse_bool(cell: str) -> bool:
    """``true``/``false`` (also yes/no/1/0, any case); an empty cell is false."""
    try:
        return BOOLEANS[cell.strip().lower()]
    except KeyError:
        raise CellError("expected true or false (or yes/no, 1/0)") from None


def format_bool(value: bool) -> str:
    """``true`` or ``false``."""
    return "true" if value else "false"


def parse_date(cell: str) -> dt.date | None:
    """An ISO date (``2024-09-03``) or a Dutch one (``3-9-2024``); ``None`` if empty."""
    text = cell.strip()
    if not text:
        return None
    try:
        if len(text) == 10 and text[4] == "-":
            return dt.date.fromisoformat(text)
        match = _DUTCH_DATE.fullmatch(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    except ValueError:
        pass
    raise CellError("expected a date as yyyy-mm-dd (or d-m-yyyy)")


def format_date(value: dt.date | None) -> str:
    """ISO format, or an empty cell."""
    return "" if value is None else value.isoformat()


def parse_int(cell: str) -> int | None:
    """A whole number, or ``None`` if empty."""
    text = cell.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise CellError("expected a whole number") from None


def format_int(value: int | None) -> str:
    """The number, or an empty cell."""
    return "" if value is None else str(value)


def parse_float(cell: str) -> float | None:
    """A finite number (a decimal comma is accepted), or ``None`` if empty."""
    text = cell.strip()
    if not text:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise CellError("expected a number") from None
    if not math.isfinite(number):
        raise CellError("expected a finite number")
    return number


def format_float(value: float | None) -> str:
    """Lossless (``repr``), or an empty cell."""
    return "" if value is None else repr(value)


def enum_parser(enum_type: type[E]) -> Callable[[str], E | None]:
    """A parser for one vocabulary: exact values, else case-insensitive; ``None`` if empty.

    Example
    -------
    >>> from samenwerking.model import TieKind
    >>> enum_parser(TieKind)(" Refers ")
    <TieKind.REFERS: 'refers'>
    """
    by_value = {str(m.value).lower(): m for m in enum_type}
    choices = ", ".join(str(m.value) for m in enum_type)

    def parse(cell: str) -> E | None:
        text = cell.strip().lower()
        if not text:
            return None
        try:
            return by_value[text]
        except KeyError:
            raise CellError(f"unknown {enum_type.__name__}; choose one of: {choices}") from None

    return parse
