"""Load and save regions: pick the format from the path, then call its reader or writer.

Formats: a ``.json`` file (the versioned JSON document) or a folder of CSV files (a
directory, or a path without a suffix). Readers and writers are plain functions
``read_x(path, *, validate) -> Region`` and ``write_x(region, path) -> None``, kept in
the two tables below so that the dispatch lives in one place.

Example
-------
>>> import tempfile, pathlib
>>> from samenwerking.model import Region
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> load(save(Region("Dorp"), folder / "dorp.json")).name
'Dorp'
>>> save(Region("Dorp"), folder / "dorp").name
'dorp'
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from samenwerking.errors import SourceNotFoundError, UnsupportedSourceError
from samenwerking.io.csvfolder import read_csv_folder, write_csv_folder
from samenwerking.io.jsonfile import read_json, write_json
from samenwerking.model import Region

__all__ = ["load", "save"]

Format = Literal["json", "csv"]

_READERS: dict[str, Callable[..., Region]] = {"json": read_json, "csv": read_csv_folder}
_WRITERS: dict[str, Callable[[Region, Path], None]] = {
    "json": write_json,
    "csv": write_csv_folder,
}
_SUPPORTED = "a .json file or a folder of CSV files (a directory, or a path without a suffix)"


def _format_of(path: Path, *, reading: bool) -> Format:
    if path.is_dir():
        return "csv"
    if path.suffix.lower() == ".json":
        return "json"
    if not path.suffix and not (reading and path.exists()):
        return "csv"
    raise UnsupportedSourceError(f"cannot tell the format of {str(path)!r}: expected {_SUPPORTED}")


def load(source: str | os.PathLike[str], *, validate: bool = True) -> Region:
    """Read a region from a JSON file or a CSV folder.

    With ``validate`` (the default), references, duplicates and dates are checked too,
    and :class:`~samenwerking.errors.InvalidRegionError` lists every problem (with its
    file and row, or JSON path). Missing sources raise
    :class:`~samenwerking.errors.SourceNotFoundError`; other paths
    :class:`~samenwerking.errors.UnsupportedSourceError`.

    Example
    -------
    >>> try:
    ...     load("no/such/region.json")
    ... except FileNotFoundError as error:
    ...     print(error)
    no region at 'no/such/region.json': expected a .json file or a folder of CSV files (a directory, or a path without a suffix)
    """  # noqa: E501
    path = Path(source)
    if not path.exists():
        raise SourceNotFoundError(f"no region at {str(path)!r}: expected {_SUPPORTED}")
    return _READERS[_format_of(path, reading=True)](path, validate=validate)


def save(
    region: Region,
    target: str | os.PathLike[str],
    *,
    format: Literal["json", "csv"] | None = None,
) -> Path:
    """Write a region to a JSON file or a CSV folder; return the path written.

    ``format`` overrides what the path suggests. Saving is atomic: on failure the
    previous file or folder is left as it was.

    Example
    -------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "dorp.json"
    >>> save(Region("Dorp"), target) == target
    True
    """
    path = Path(target)
    chosen = format if format is not None else _format_of(path, reading=False)
    if chosen not in _WRITERS:
        raise UnsupportedSourceError(f"unknown format {chosen!r}: choose 'json' or 'csv'")
    if chosen == "json" and path.is_dir():
        raise UnsupportedSourceError(f"{str(path)!r} is a folder; cannot write a JSON file there")
    _WRITERS[chosen](region, path)
    return path
