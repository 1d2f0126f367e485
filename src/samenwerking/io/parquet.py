"""The Parquet folder: one Parquet file per kind of record, for regions of national size.

A folder (named ``*.parquet`` so that :func:`samenwerking.load` and
:func:`samenwerking.save` recognise it) holds ``region.parquet`` (name and format
version), ``ties.parquet`` (see :mod:`samenwerking.io.parquet_ties`) and one file per
kind of record (``organisations.parquet``, ``professionals.parquet``, ...), whose columns
are the record's fields (see :mod:`samenwerking.io.parquet_schema` and
``docs/file-formats.md``). Nested records (an agreement's commitments, a case's events)
are list-of-struct columns of their parent's row.

Reading checks what the CSV folder checks and collects every problem: the file, the row
(the first record is row 0, as pyarrow and pandas count) with the path inside a nested
column, the field and the value. Writing is atomic.

Needs pyarrow: ``pip install 'samenwerking[parquet]'``; without it every function here
raises :class:`ParquetNotInstalledError` saying so.

Example
-------
>>> import tempfile, pathlib
>>> from samenwerking.model import Region
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "dorp.parquet"
>>> write_parquet_folder(Region("Dorp"), folder)
>>> read_parquet_folder(folder) == Region("Dorp")
True
"""

from __future__ import annotations

import concurrent.futures
import importlib
import operator
import os
from pathlib import Path
from typing import Any

import attrs

from samenwerking._atomic import replace_folder_atomically
from samenwerking.convert import structure, unstructure
from samenwerking.errors import InvalidRegionError, Problem, SamenwerkingError
from samenwerking.io._gc import collector_paused
from samenwerking.model import FORMAT_VERSION, Professional, Region, TieStore
from samenwerking.model.validation import Locator, json_path, region_problems
from samenwerking.model.validation import Path as ModelPath

__all__ = [
    "FILES",
    "SUFFIX",
    "ParquetAdapter",
    "ParquetExporter",
    "ParquetNotInstalledError",
    "parquet_folder_locator",
    "parquet_folder_problems",
    "read_parquet_folder",
    "write_parquet_folder",
]

SUFFIX = ".parquet"
"""The suffix of a Parquet folder's name, and of every file in it."""

_RECORDS = (
    "organisations",
    "professionals",
    "agreements",
    "agendas",
    "working_groups",
    "meetings",
    "cases",
)
FILES: tuple[str, ...] = ("region.parquet", *(f"{n}.parquet" for n in _RECORDS), "ties.parquet")
"""Every file of the folder (all are written; only organisations.parquet must be there)."""

_REQUIRED_FILES = ("organisations.parquet",)
_INSTALL_HINT = "pip install 'samenwerking[parquet]'"
_UNKNOWN_REFERENCE = {
    "unknown organisation": "organisations",
    "unknown professional": "professionals",
    "unknown meeting": "meetings",
    "unknown working group": "working_groups",
}


class ParquetNotInstalledError(SamenwerkingError, ImportError):
    """The Parquet folder needs the optional dependency pyarrow, which is not installed."""


@attrs.frozen
class _Arrow:
    """pyarrow, and this package's modules that need it."""

    pa: Any
    pq: Any
    schema: Any
    ties: Any


def _arrow() -> _Arrow:
    """Import pyarrow and the modules that need it, or say which extra to install."""
    try:
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ParquetNotInstalledError(
            f"the Parquet folder format needs pyarrow, which is not installed: {_INSTALL_HINT}"
        ) from None
    return _Arrow(
        pa,
        pq,
        importlib.import_module("samenwerking.io.parquet_schema"),
        importlib.import_module("samenwerking.io.parquet_ties"),
    )


def _row_location(row: int, inner: str = "") -> str:
    return f"row {row}, {inner}" if inner else f"row {row}"


# -- reading ------------------------------------------------------------------------------------
@attrs.define
class _Reading:
    """What reading a folder produced: its problems, rows kept and ids of dropped rows."""

    folder: Path
    problems: list[Problem] = attrs.Factory(list)
    rows: dict[str, list[int]] = attrs.Factory(dict)
    dropped: dict[str, set[str]] = attrs.Factory(dict)
    unreadable: set[str] = attrs.Factory(set)
    """Tables that could not be read at all (references to their records are not checked)."""

    def problem(self, file: str, location: str, field: str, value: object, message: str) -> None:
        self.problems.append(Problem(message, file, location, field, value))

    def locate(self, path: ModelPath) -> tuple[str, str]:
        return _locate(path, self.rows)


def _locate(path: ModelPath, rows: dict[str, list[int]]) -> tuple[str, str]:
    if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
        kept = rows.get(path[0])
        row = kept[path[1]] if kept is not None and path[1] < len(kept) else path[1]
        inner = json_path(path[2:])[2:] if len(path) > 2 else ""
        return f"{path[0]}.parquet", _row_location(row, inner)
    return "", json_path(path)


def _strip_nulls(value: Any) -> Any:
    """Plain data without null fields (a null is a field left at its default)."""
    if isinstance(value, dict):
        return {k: _strip_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_strip_nulls(v) for v in value]
    return value


def _maps_to_dicts(record: dict[str, Any]) -> dict[str, Any]:
    identifiers = record.get("identifiers")
    if isinstance(identifiers, list):
        record["identifiers"] = dict(identifiers)
    return record


def _read_table(reading: _Reading, stem: str, expected: Any, required: list[str]) -> Any:
    """One table with its known columns cast to :func:`wire_type`, or ``None``.

    Unknown, doubled, missing and mistyped columns are reported once for the table.
    """
    arrow = _arrow()
    pa, schema_module = arrow.pa, arrow.schema
    file = f"{stem}.parquet"
    path = reading.folder / file
    if not path.is_file():
        if file in _REQUIRED_FILES:
            reading.problem(file, "", "", None, "required file missing")
        return None
    try:
        table = arrow.pq.read_table(path)
    except (pa.ArrowException, OSError) as error:
        reading.problem(file, "", "", None, f"not a readable Parquet file ({error})")
        return None
    names = ", ".join(expected.names)
    keep = []
    ok = True
    for name in table.schema.names:
        if name not in expected.names:
            reading.problem(file, "", name, None, f"unknown column; expected columns: {names}")
        elif table.schema.names.count(name) > 1:
            reading.problem(file, "", name, None, "column appears more than once")
            ok = False
        elif not schema_module.compatible(table.schema.field(name).type, expected.field(name).type):
            actual = table.schema.field(name).type
            wanted = schema_module.describe(expected.field(name).type)
            reading.problem(file, "", name, str(actual), f"expected a column of {wanted}")
            ok = False
        else:
            keep.append(name)
    for name in required:
        if name not in table.schema.names:
            message = f"required column missing; expected columns: {names}"
            reading.problem(file, "", name, None, message)
            ok = False
    if not ok:
        return None
    table = table.select(sorted(set(keep), key=keep.index))
    wire = pa.schema([pa.field(f.name, schema_module.wire_type(f.type)) for f in table.schema])
    return table.cast(wire)


def _plain_rows(table: Any) -> list[dict[str, Any]]:
    """The rows of a table as plain data, as the JSON file holds them."""
    return [_maps_to_dicts(_strip_nulls(row)) for row in table.to_pylist()]


def _records(reading: _Reading, stem: str, cls: type, table: Any) -> list[Any]:
    """The records of a table; bad rows are reported (row and field) and dropped."""
    if table is None:
        return []
    prebuilt: list[Any] | None = None
    if cls is Professional:
        prebuilt = importlib.import_module(
            "samenwerking.io.parquet_professionals"
        ).fast_professionals(table)
        if None not in prebuilt:
            return prebuilt
    rows = _plain_rows(table)
    file = f"{stem}.parquet"
    if prebuilt is None:
        try:
            return list(structure(rows, tuple[cls, ...], source=file, root=""))  # type: ignore[valid-type]
        except InvalidRegionError:
            prebuilt = [None] * len(rows)  # build row by row, to keep the good rows
    kept: list[Any] = []
    numbers: list[int] = []
    dropped = reading.dropped.setdefault(stem, set())
    for row, (values, built) in enumerate(zip(rows, prebuilt, strict=True)):
        if built is None:
            try:
                built = structure(values, cls, source=file, root="")
            except InvalidRegionError as error:
                for problem in error.problems:
                    location = _row_location(row, problem.location.lstrip("."))
                    reading.problem(file, location, problem.field, problem.value, problem.message)
                ident = values.get("id")
                dropped.add(ident if isinstance(ident, str) else "")
                continue
        kept.append(built)
        numbers.append(row)
    if len(numbers) < len(rows):
        reading.rows[stem] = numbers
    return kept


def _read_name(reading: _Reading) -> str:
    name = reading.folder.resolve().name
    fallback = name[: -len(SUFFIX)] if name.lower().endswith(SUFFIX) else name
    table = _read_table(reading, "region", _arrow().schema.REGION_SCHEMA, [])
    rows = [] if table is None else _plain_rows(table)
    if not rows:
        return fallback or "region"
    if len(rows) > 1:
        reading.problem("region.parquet", _row_location(1), "", None, "holds one row only")
    version = rows[0].get("format_version")
    if version is not None and version > FORMAT_VERSION:
        reading.problem(
            "region.parquet",
            _row_location(0),
            "format_version",
            version,
            f"written by a newer samenwerking (this release reads up to {FORMAT_VERSION}): upgrade",
        )
    text = rows[0].get("name")
    if text is not None and (not isinstance(text, str) or not text.strip()):
        reading.problem("region.parquet", _row_location(0), "name", text, "a name must be text")
    return text if isinstance(text, str) and text.strip() else fallback or "region"


def _read_ties(folder: Path, problems: list[Problem]) -> TieStore | None:
    """Read ties.parquet, adding its problems to ``problems`` (its own list: this runs in
    a thread beside the records, and the problems keep a fixed order)."""
    arrow = _arrow()
    file = arrow.ties.FILE
    path = folder / file

    def report(row: int | None, field: str, value: object, message: str) -> None:
        location = "" if row is None else _row_location(row)
        problems.append(Problem(message, file, location, field, value))

    if not path.is_file():
        return TieStore.empty()
    try:
        store: TieStore | None = arrow.ties.read_ties(path, report)
    except (arrow.pa.ArrowException, OSError) as error:
        problems.append(Problem(f"not a readable Parquet file ({error})", file))
        return None
    return store


def _parse_folder(folder: Path) -> tuple[Region | None, _Reading]:
    with collector_paused():
        return _parse(folder)


def _parse(folder: Path) -> tuple[Region | None, _Reading]:
    schema_module = _arrow().schema
    reading = _Reading(folder)
    for entry in sorted(folder.glob(f"*{SUFFIX}")):
        if entry.name not in FILES:
            reading.problem(entry.name, "", "", None, f"unknown file; expected: {', '.join(FILES)}")
    tie_problems: list[Problem] = []
    # The ties are read (mostly in Arrow and numpy, without the GIL) while the records are
    # built (in Python) on this thread.
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="ties") as pool:
        ties_read = pool.submit(_read_ties, folder, tie_problems)
        name, records = _read_records_of(folder, reading, schema_module)
        ties = ties_read.result()
    _arrow().pa.default_memory_pool().release_unused()  # what Arrow freed, back to the system
    reading.problems.extend(tie_problems)
    region = Region(name=name, ties=ties if ties is not None else TieStore.empty(), **records)
    return region, reading


def _read_records_of(
    folder: Path, reading: _Reading, schema_module: Any
) -> tuple[str, dict[str, tuple[Any, ...]]]:
    """The region's name and every record table, in file order."""
    name = _read_name(reading)
    records: dict[str, tuple[Any, ...]] = {}
    for stem, cls in schema_module.RECORD_TABLES.items():
        expected = schema_module.table_schema(cls)
        table = _read_table(reading, stem, expected, schema_module.required_fields(cls))
        if table is None and (folder / f"{stem}{SUFFIX}").is_file():
            reading.unreadable.add(stem)
        records[stem] = tuple(_records(reading, stem, cls, table))
        del table
    return name, records


def parquet_folder_problems(
    folder: str | os.PathLike[str], *, validate: bool = True
) -> tuple[Region | None, list[Problem]]:
    """Read a Parquet folder and list every problem found (and, if asked, in references).

    Example
    -------
    >>> import tempfile, pathlib
    >>> _, problems = parquet_folder_problems(pathlib.Path(tempfile.mkdtemp()))
    >>> print(problems[0])
    organisations.parquet: required file missing
    """
    region, reading = _parse_folder(Path(folder))
    problems = list(reading.problems)
    if validate and region is not None:
        for problem in region_problems(region, locate=reading.locate):
            kind = _UNKNOWN_REFERENCE.get(problem.message)
            if kind is not None and (
                kind in reading.unreadable or problem.value in reading.dropped.get(kind, ())
            ):
                continue  # the row it names was dropped (or its file), and is reported already
            problems.append(problem)
    return region, problems


def read_parquet_folder(folder: str | os.PathLike[str], *, validate: bool = True) -> Region:
    """Read a region from a Parquet folder, reporting every problem in every file at once.

    Raises :class:`InvalidRegionError` whose problems name the file, the row (the first
    record is row 0) and the path inside a nested column, the field and the value.

    Example
    -------
    >>> import tempfile, pathlib, pyarrow as pa, pyarrow.parquet as pq
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "dorp.parquet"
    >>> folder.mkdir()
    >>> pq.write_table(pa.table({"id": ["o1"], "name": ["Gemeente"], "sector": ["gemeente"],
    ...                          "municipality": ["Dorp"]}), folder / "organisations.parquet")
    >>> try:
    ...     read_parquet_folder(folder)
    ... except InvalidRegionError as error:
    ...     p = error.problems[0]
    ...     print(p.source, p.location, p.field, p.value)
    organisations.parquet row 0 sector gemeente
    """
    region, problems = parquet_folder_problems(folder, validate=validate)
    if problems or region is None:
        raise InvalidRegionError(problems, source=str(folder))
    return region


def parquet_folder_locator(folder: str | os.PathLike[str]) -> Locator:
    """Where each record of a region read whole from a Parquet folder is: (file, row).

    Example
    -------
    >>> parquet_folder_locator("r.parquet")(("cases", 2, "events", 0))
    ('cases.parquet', 'row 2, events[0]')
    """
    del folder  # records are rows in order: a folder that loaded dropped no row

    def locate(path: ModelPath) -> tuple[str, str]:
        return _locate(path, {})

    return locate


# -- writing -------------------------------------------------------------------------------------
def _write_all(region: Region, folder: Path) -> None:
    arrow = _arrow()
    pa, pq, schema_module = arrow.pa, arrow.pq, arrow.schema
    options: dict[str, Any] = {"compression": "zstd"}
    pq.write_table(
        pa.Table.from_pylist(
            [{"name": region.name, "format_version": FORMAT_VERSION}],
            schema=schema_module.REGION_SCHEMA,
        ),
        folder / "region.parquet",
        **options,
    )
    # ties.parquet is written (in Arrow, without the GIL) while the record tables are built.
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="ties") as pool:
        ties_written = pool.submit(arrow.ties.write_ties, region.ties, folder / arrow.ties.FILE)
        for stem, cls in schema_module.RECORD_TABLES.items():
            table = _record_table(arrow, getattr(region, stem), schema_module.table_schema(cls))
            pq.write_table(table, folder / f"{stem}.parquet", **options)
            del table
        ties_written.result()


def _has_struct(t: Any, pa: Any) -> bool:
    if pa.types.is_struct(t):
        return True
    return bool(pa.types.is_list(t) and _has_struct(t.value_type, pa))


def _record_table(arrow: _Arrow, records: tuple[Any, ...], schema: Any) -> Any:
    """The table of records, built column by column from their fields."""
    pa = arrow.pa
    columns = []
    for field in schema:
        values = list(map(operator.attrgetter(field.name), records))
        storage = field.type
        if _has_struct(storage, pa):  # nested records: as plain data, dates as ISO text
            wire = arrow.schema.wire_type(storage)
            column = pa.array([unstructure(v) for v in values], type=wire).cast(storage)
        elif pa.types.is_dictionary(storage):  # a vocabulary value
            texts = [None if v is None else v.value for v in values]
            column = pa.array(texts, type=pa.string()).cast(storage)
        elif pa.types.is_list(storage) and pa.types.is_dictionary(storage.value_type):
            texts = [[item.value for item in v] for v in values]
            column = pa.array(texts, type=pa.list_(pa.string())).cast(storage)
        else:
            column = pa.array(values, type=storage)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=schema)


def write_parquet_folder(region: Region, folder: str | os.PathLike[str]) -> None:
    """Write a region as a Parquet folder, atomically, writing every file (empty ones too).

    The files are written into a temporary sibling folder that then takes the place of
    ``folder``. An existing non-empty folder is only replaced if it holds an
    ``organisations.parquet``; otherwise this raises
    :class:`~samenwerking.errors.UnsupportedSourceError` and touches nothing.

    Example
    -------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "dorp.parquet"
    >>> write_parquet_folder(Region("Dorp"), folder)
    >>> sorted(p.name for p in folder.iterdir())[:3]
    ['agendas.parquet', 'agreements.parquet', 'cases.parquet']
    """
    _arrow()
    replace_folder_atomically(
        folder,
        lambda staging: _write_all(region, staging),
        marker=_REQUIRED_FILES[0],
        kind="Parquet folder",
    )


# -- the adapter and exporter -------------------------------------------------------------------
def _named(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() == SUFFIX


class ParquetAdapter:
    """Reads a region from a Parquet folder (a folder named ``*.parquet``).

    Example
    -------
    >>> adapter = ParquetAdapter()
    >>> adapter.name, adapter.can_read("no/such/region.parquet")
    ('parquet', False)
    """

    name: str = "parquet"
    description: str = "a samenwerking folder of Parquet files (*.parquet), for national scale"

    def can_read(self, source: str | os.PathLike[str]) -> bool:
        """An existing folder named ``*.parquet``, or one holding this format's files."""
        path = Path(source)
        if not path.is_dir():
            return False
        return _named(path) or any((path / file).is_file() for file in FILES)

    def read(
        self, source: str | os.PathLike[str], *, validate: bool = True, **options: Any
    ) -> Region:
        """Read the folder: see :func:`read_parquet_folder` (no options)."""
        _no_options(options)
        return read_parquet_folder(source, validate=validate)

    def __repr__(self) -> str:
        return "ParquetAdapter()"


class ParquetExporter:
    """Writes a region as a Parquet folder.

    Example
    -------
    >>> ParquetExporter().can_write("out/region.parquet")
    True
    """

    name: str = "parquet"
    description: str = "a samenwerking folder of Parquet files (*.parquet), for national scale"

    def can_write(self, target: str | os.PathLike[str]) -> bool:
        """A path named ``*.parquet`` that is not a file."""
        return _named(target) and not Path(target).is_file()

    def write(self, region: Region, target: str | os.PathLike[str], **options: Any) -> None:
        """Write the folder atomically: see :func:`write_parquet_folder` (no options)."""
        _no_options(options)
        write_parquet_folder(region, target)

    def __repr__(self) -> str:
        return "ParquetExporter()"


def _no_options(options: dict[str, Any]) -> None:
    from samenwerking.errors import UnsupportedSourceError

    if options:
        raise UnsupportedSourceError(
            f"the parquet format takes no options (got {', '.join(sorted(options))})"
        )
