"""The versioned JSON region file.

The document is ``{"format": "samenwerking-region", "version": 1, "region": {...}}``;
the region is plain data from :mod:`samenwerking.convert`, with the ties as columns,
each column written on one line so that millions of ties stay compact. With the
``fast-json`` extra installed, orjson writes the tie columns (see :func:`json_writer`).

Example
-------
>>> import tempfile, pathlib
>>> from samenwerking.model import Region
>>> path = pathlib.Path(tempfile.mkdtemp()) / "dorp.json"
>>> write_json(Region("Dorp"), path)
>>> read_json(path).name
'Dorp'
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from samenwerking._atomic import write_atomically
from samenwerking.convert import iter_tie_columns, structure_region, unstructure_region
from samenwerking.errors import InvalidRegionError, Problem
from samenwerking.io.text import MAX_JSON_DEPTH
from samenwerking.model import FORMAT_VERSION, Region, TieStore
from samenwerking.model.validation import Path as ModelPath
from samenwerking.model.validation import json_path, region_problems

__all__ = ["FORMAT_NAME", "json_locator", "json_writer", "read_json", "write_json"]

FORMAT_NAME = "samenwerking-region"
"""The value of the ``format`` key that marks a region document."""


def json_locator(source: str) -> Any:
    """A locator that turns model paths into JSON paths within the document at ``source``.

    Ties are columns, so tie ``17`` is ``$.region.ties[*][17]`` (row 17 of every column).

    Example
    -------
    >>> json_locator("r.json")(("agreements", 3, "commitments", 1))
    ('r.json', '$.region.agreements[3].commitments[1]')
    """

    def locate(path: ModelPath) -> tuple[str, str]:
        if len(path) == 2 and path[0] == "ties":
            return source, f"$.region.ties[*][{path[1]}]"
        return source, "$.region" + json_path(path)[1:]

    return locate


def read_json(path: str | os.PathLike[str], *, validate: bool = True) -> Region:
    """Read a region from a JSON file, checking it completely.

    Raises :class:`InvalidRegionError` listing every problem: unreadable JSON, an unknown
    format or newer version, bad values and (when ``validate``) broken references.

    Example
    -------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.json"
    >>> _ = path.write_text('{"format": "samenwerking-region", "version": 9, "region": {}}')
    >>> try:
    ...     read_json(path)
    ... except InvalidRegionError as error:
    ...     print(error.problems[0].message)
    written by a newer samenwerking (format version 9; this release reads up to 1): upgrade
    """
    source = str(path)
    document = _parse(Path(path), source)
    _check_header(document, source)
    _check_depth(document["region"], source)
    try:
        region = structure_region(document["region"], source=source)
    except RecursionError:  # pragma: no cover - the depth check comes first
        _too_deep(source)
    if validate:
        problems = region_problems(region, locate=json_locator(source))
        if problems:
            raise InvalidRegionError(problems, source=source)
    return region


def json_writer() -> str:
    """What writes the tie columns of JSON files: ``"orjson"`` (the ``fast-json`` extra,
    several times faster) or the standard library's ``"json"``; the text means the same.

    Reading always uses the standard library: on these documents (millions of numbers
    and short strings in a few lists) orjson parsed no faster and needed far more memory
    (it builds its own tree of the document first), see ``docs/performance.md``.

    Example
    -------
    >>> json_writer() in ("orjson", "json")
    True
    """
    return "json" if _orjson() is None else "orjson"


def _orjson() -> Any:
    try:
        return importlib.import_module("orjson")
    except ImportError:
        return None


def _column_dumps() -> Callable[[list[Any]], str]:
    """Compact JSON text of one tie column (no ASCII escapes), by orjson where installed."""
    fast = _orjson()
    if fast is not None:
        return lambda column: fast.dumps(column).decode("utf-8")
    return lambda column: json.dumps(column, ensure_ascii=False, separators=(",", ":"))


def _parse(path: Path, source: str) -> Any:
    """The parsed document; :class:`InvalidRegionError` for bytes that are not JSON text."""

    def fail(message: str, location: str = "") -> None:
        raise InvalidRegionError([Problem(message, source, location)], source=source)

    with path.open("rb") as raw:
        start = raw.read(1 << 16)
    if b"\0" in start:
        line = start.count(b"\n", 0, start.find(b"\0")) + 1
        fail("not a text file (it holds a NUL byte): not a JSON region file", f"line {line}")
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except UnicodeDecodeError as exc:
        fail(
            f"not UTF-8 text ({exc.reason}); a JSON file is always UTF-8 (or not a text file)",
            f"byte {exc.start}",
        )
    except json.JSONDecodeError as exc:
        fail(f"not valid JSON: {exc.msg}", f"line {exc.lineno}, column {exc.colno}")
    except RecursionError:
        _too_deep(source)
    return None  # pragma: no cover - every branch above raises


def _too_deep(source: str) -> None:
    message = f"nested more deeply than the {MAX_JSON_DEPTH} levels a region document may have"
    raise InvalidRegionError([Problem(message, source, "$")], source=source)


def _check_depth(region: object, source: str) -> None:
    """Refuse arrays and objects nested more deeply than :data:`~samenwerking.io.text.MAX_JSON_DEPTH`.

    The tie columns are left out: the converter accepts only plain values in them, so
    this costs nothing at national scale.
    """  # noqa: E501
    pending: list[tuple[object, int]] = [(region, 2)]  # $.region is at depth 2
    while pending:
        value, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            _too_deep(source)
        if isinstance(value, dict):
            pending.extend(
                (v, depth + 1)
                for k, v in value.items()
                if isinstance(v, list | dict) and not (depth == 2 and k == "ties")
            )
        elif isinstance(value, list):
            pending.extend((v, depth + 1) for v in value if isinstance(v, list | dict))


def _check_header(document: object, source: str) -> None:
    def fail(message: str, field: str = "", value: object = None) -> None:
        raise InvalidRegionError([Problem(message, source, "$", field, value)], source=source)

    if not isinstance(document, dict):
        fail(f"not a region document: expected an object with format {FORMAT_NAME!r}")
        return
    if document.get("format") != FORMAT_NAME:
        fail(
            f"not a region document: format must be {FORMAT_NAME!r}",
            "format",
            document.get("format"),
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        fail("version must be a positive whole number", "version", version)
    elif version > FORMAT_VERSION:
        fail(
            f"written by a newer samenwerking (format version {version}; this release reads "
            f"up to {FORMAT_VERSION}): upgrade",
            "version",
            version,
        )
    unknown = sorted(set(document) - {"format", "version", "region"})
    if unknown:
        fail("unknown top-level key; expected format, version, region", unknown[0])
    if "region" not in document:
        fail("the document has no 'region'", "region")


def write_json(region: Region, path: str | os.PathLike[str]) -> None:
    """Write a region as a JSON document, atomically (a temporary file, then a rename).

    Example
    -------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "dorp.json"
    >>> write_json(Region("Dorp"), path)
    >>> path.read_text().splitlines()[1]
    '  "format": "samenwerking-region",'
    """

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8") as handle:
            _dump(region, handle)

    write_atomically(path, write)


def _dump(region: Region, out: IO[str]) -> None:
    body = unstructure_region(region.replace(ties=TieStore.empty()))
    body.pop("ties", None)
    out.write(f'{{\n  "format": {json.dumps(FORMAT_NAME)},\n  "version": {FORMAT_VERSION},\n')
    out.write('  "region": {\n')
    for key, value in body.items():
        text = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        out.write(f"    {json.dumps(key)}: {text},\n")
    out.write('    "ties": {')
    dumps = _column_dumps()
    for i, (name, column) in enumerate(iter_tie_columns(region.ties)):
        out.write("," if i else "")
        out.write(f"\n      {json.dumps(name)}: ")
        out.write(dumps(column))
    out.write("\n    }\n  }\n}\n")
