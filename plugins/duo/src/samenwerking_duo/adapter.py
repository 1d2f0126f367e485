"""The ``duo`` source adapter: a folder (or file) of DUO open onderwijsdata -> a region.

Sources it reads:

- ``"duo:/path/to/folder?municipality=Voorst&municipality=Deventer"`` (the scheme form);
- a folder holding DUO files (searched recursively; recognised by their header line),
  with the option ``municipalities=["Voorst"]``;
- a single DUO file.

Example
-------
>>> adapter = DuoAdapter()
>>> adapter.name, adapter.can_read("duo:/nowhere?municipality=Voorst")
('duo', True)
>>> split_source("duo:/data/duo?municipality=Voorst&municipality=Bergen%20NH")
('/data/duo', {'municipality': ['Voorst', 'Bergen NH']})
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from samenwerking.errors import (
    InvalidRegionError,
    Problem,
    SourceNotFoundError,
    UnsupportedSourceError,
)
from samenwerking.model import Region
from samenwerking_duo.build import build_region
from samenwerking_duo.reader import SchoolLocation, SwvArea, kind_of, read_locations, read_swv_map

__all__ = ["SCHEME", "DuoAdapter", "read_duo", "split_source"]

SCHEME = "duo:"
"""The prefix that marks a source for this adapter."""

MAX_PROBLEMS = 500
"""At most this many problems are listed in one error."""

_QUERY_KEYS = frozenset({"municipality", "name"})
_ORDER = {"bo": 0, "vo": 1, "edugis": 2}


def split_source(source: str | os.PathLike[str]) -> tuple[str, dict[str, list[str]]]:
    """Split a ``duo:`` source into its path and its query (``{}`` for a plain path).

    Raises :class:`~samenwerking.errors.UnsupportedSourceError` for an unknown query key.
    """
    text = os.fspath(source)
    if not text.startswith(SCHEME):
        return text, {}
    rest = text[len(SCHEME) :]
    if rest.startswith("//"):
        rest = rest[2:]
    path, _, query = rest.partition("?")
    options = parse_qs(query, keep_blank_values=True)
    unknown = sorted(set(options) - _QUERY_KEYS)
    if unknown:
        raise UnsupportedSourceError(
            f"unknown option {unknown[0]!r} in {text!r}; a duo: source takes "
            "?municipality=<name> (repeatable) and &name=<region name>"
        )
    return path, options


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(
        p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in {".csv", ".txt"}
    )


def _as_list(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def read_duo(
    source: str | os.PathLike[str],
    *,
    municipalities: str | Iterable[str] | None = None,
    name: str | None = None,
    validate: bool = True,
) -> Region:
    """Read DUO school locations and the SWV map into a region.

    Parameters
    ----------
    source
        A folder (searched recursively), a single file, or ``"duo:<path>?municipality=X"``.
    municipalities
        Municipalities to keep (case-insensitive; added to those in a ``duo:`` query).
        ``None`` keeps the whole country.
    name
        The region's name; by default the selected municipalities.
    validate
        Also check the region's references (see :meth:`Region.validate`).

    Raises
    ------
    SourceNotFoundError
        When the path does not exist.
    InvalidRegionError
        Listing every problem in every file (file, row, column, value), or a
        municipality without schools. Nothing is returned from a half-broken file.

    Example
    -------
    >>> read_duo("/no/such/folder")
    Traceback (most recent call last):
    ...
    samenwerking.errors.SourceNotFoundError: no such file or folder: '/no/such/folder'
    """
    text, query = split_source(source)
    wanted = _as_list(municipalities)
    if query.get("municipality"):
        wanted = [*query["municipality"], *(wanted or [])]
    if name is None and query.get("name"):
        name = query["name"][-1]
    path = Path(text)
    if not path.exists():
        raise SourceNotFoundError(f"no such file or folder: {text!r}")

    problems: list[Problem] = []
    found = [(kind, p) for p in _files(path) if (kind := kind_of(p)) is not None]
    locations: list[SchoolLocation] = []
    areas: list[SwvArea] = []
    for kind, file in sorted(found, key=lambda kf: (_ORDER.get(kf[0], 3), str(kf[1]))):
        if kind == "swv":
            areas.extend(read_swv_map(file, problems))
        else:
            locations.extend(read_locations(file, problems))
    if not any(kind != "swv" for kind, _ in found):
        problems.append(
            Problem(
                "no DUO school-location file found (expected a file with the header of "
                "'alle vestigingen bo/vo' or of the edugis school list)",
                source=text,
            )
        )
    _cross_file_duplicates(locations, problems)
    if problems:
        raise InvalidRegionError(_capped(problems), source=text)
    region = build_region(locations, areas, municipalities=wanted, name=name, source=text)
    return region.validate() if validate else region


def _cross_file_duplicates(locations: list[SchoolLocation], problems: list[Problem]) -> None:
    """Report a location number in two DUO bo/vo files (edugis may repeat DUO's)."""
    first: dict[str, SchoolLocation] = {}
    for loc in locations:
        if loc.board is None:
            continue
        earlier = first.setdefault(loc.code, loc)
        if earlier is not loc and earlier.source != loc.source:
            problems.append(
                Problem(
                    f"location number also in {earlier.source}, row {earlier.row}",
                    source=loc.source,
                    location=f"row {loc.row}",
                    field="VESTIGINGSNUMMER",
                    value=loc.code,
                )
            )


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem(f"... and {more} more problems not listed")]


class DuoAdapter:
    """Reads DUO school-location files and the SWV map (see :func:`read_duo`).

    Example
    -------
    >>> DuoAdapter().can_read("organisations.csv")
    False
    """

    name = "duo"
    description = (
        "DUO open onderwijsdata: school locations, their boards and municipalities, "
        "and the SWV map (duo:<folder>?municipality=<name>)"
    )

    def can_read(self, source: str | os.PathLike[str]) -> bool:
        """Whether ``source`` is a ``duo:`` source, a DUO file or a folder holding one."""
        try:
            text = os.fspath(source)
            if text.startswith(SCHEME):
                return True
            path = Path(text)
            if path.is_file():
                return kind_of(path) in {"bo", "vo", "edugis"}
            if path.is_dir():
                return any(kind_of(p) in {"bo", "vo", "edugis"} for p in _files(path))
        except (OSError, TypeError, ValueError):
            return False
        return False

    def read(
        self, source: str | os.PathLike[str], *, validate: bool = True, **options: Any
    ) -> Region:
        """Read ``source``; options ``municipalities`` and ``name`` (see :func:`read_duo`)."""
        unknown = sorted(set(options) - {"municipalities", "name"})
        if unknown:
            raise TypeError(
                f"the duo adapter got an unknown option {unknown[0]!r} "
                "(it takes municipalities=[...] and name=...)"
            )
        return read_duo(
            source,
            municipalities=options.get("municipalities"),
            name=options.get("name"),
            validate=validate,
        )
