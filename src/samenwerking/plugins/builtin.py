"""The built-in plugins: the formats samenwerking ships, registered like any other plugin.

Each built-in is a small object with ``@hookimpl`` methods, registered under a name that
can be blocked like a third-party plugin (``SAMENWERKING_BLOCK_PLUGINS=builtin-gexf``):

=================== ===============================================================
``builtin-json``    adapter and exporter ``json``: the versioned JSON region file
``builtin-csv``     adapter and exporter ``csv``: the folder of CSV files
``builtin-graphml`` exporter ``graphml``: the collaboration graph as GraphML
``builtin-gexf``    exporter ``gexf``: the collaboration graph as GEXF (Gephi)
``builtin-excel``   adapter and exporter ``excel``: the ``.xlsx`` workbook (needs openpyxl)
``builtin-parquet`` adapter and exporter ``parquet``: the ``*.parquet`` folder (needs pyarrow)
``builtin-labels``  sector and role mappings for the vocabulary's own values
=================== ===============================================================

Example
-------
>>> [name for name, _ in builtin_plugins()]  # doctest: +NORMALIZE_WHITESPACE
['builtin-json', 'builtin-csv', 'builtin-graphml', 'builtin-gexf', 'builtin-excel',
 'builtin-parquet', 'builtin-labels']
>>> JsonAdapter().can_read("no/such/file.json")
False
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from samenwerking.errors import UnsupportedSourceError
from samenwerking.io import graph_export
from samenwerking.io.csvfolder import TABLES, read_csv_folder, write_csv_folder
from samenwerking.io.excel import ExcelAdapter, ExcelExporter
from samenwerking.io.jsonfile import read_json, write_json
from samenwerking.io.parquet import SUFFIX as PARQUET_SUFFIX
from samenwerking.io.parquet import ParquetAdapter, ParquetExporter
from samenwerking.model import Region, Role, Sector
from samenwerking.plugins.hookspecs import Exporter, Source, SourceAdapter, hookimpl

__all__ = [
    "BUILTIN_NAMES",
    "CsvAdapter",
    "CsvExporter",
    "GexfExporter",
    "GraphmlExporter",
    "JsonAdapter",
    "JsonExporter",
    "builtin_plugins",
]


def _no_options(name: str, options: dict[str, Any]) -> None:
    if options:
        raise UnsupportedSourceError(
            f"the {name} format takes no options (got {', '.join(sorted(options))})"
        )


class JsonAdapter:
    """Reads the versioned JSON region file (a ``.json`` file)."""

    name = "json"
    description = "the versioned samenwerking JSON region file (.json)"

    def can_read(self, source: Source) -> bool:
        """An existing file ending in ``.json``."""
        path = Path(source)
        return path.suffix.lower() == ".json" and path.is_file()

    def read(self, source: Source, *, validate: bool = True, **options: Any) -> Region:
        """Read the file (see :func:`samenwerking.io.jsonfile.read_json`)."""
        _no_options(self.name, options)
        return read_json(source, validate=validate)


class CsvAdapter:
    """Reads the folder of CSV files, one per kind of record."""

    name = "csv"
    description = "a samenwerking folder of CSV files (organisations.csv, ties.csv, ...)"

    def can_read(self, source: Source) -> bool:
        """A folder holding at least one of the format's files, or an empty folder.

        A folder named ``*.parquet`` is the Parquet folder's, even when empty.
        """
        path = Path(source)
        if not path.is_dir() or path.suffix.lower() == PARQUET_SUFFIX:
            return False
        names = {p.name for p in path.iterdir()}
        return not names or not names.isdisjoint(TABLES)

    def read(self, source: Source, *, validate: bool = True, **options: Any) -> Region:
        """Read the folder (see :func:`samenwerking.io.csvfolder.read_csv_folder`)."""
        _no_options(self.name, options)
        return read_csv_folder(source, validate=validate)


class JsonExporter:
    """Writes the versioned JSON region file."""

    name = "json"
    description = "the versioned samenwerking JSON region file (.json)"

    def can_write(self, target: Source) -> bool:
        """A path ending in ``.json`` that is not a folder."""
        path = Path(target)
        return path.suffix.lower() == ".json" and not path.is_dir()

    def write(self, region: Region, target: Source, **options: Any) -> None:
        """Write the file atomically."""
        _no_options(self.name, options)
        if Path(target).is_dir():
            raise UnsupportedSourceError(
                f"{str(target)!r} is a folder; cannot write a JSON file there"
            )
        write_json(region, target)


class CsvExporter:
    """Writes the folder of CSV files."""

    name = "csv"
    description = "a samenwerking folder of CSV files, editable in a spreadsheet"

    def can_write(self, target: Source) -> bool:
        """An existing folder (not named ``*.parquet``), or a new path without a suffix."""
        path = Path(target)
        if path.suffix.lower() == PARQUET_SUFFIX:
            return False
        return path.is_dir() or (not path.suffix and not path.exists())

    def write(self, region: Region, target: Source, **options: Any) -> None:
        """Write the folder atomically."""
        _no_options(self.name, options)
        write_csv_folder(region, target)


class GraphmlExporter:
    """Writes the collaboration graph as GraphML."""

    name = "graphml"
    description = "the collaboration graph as GraphML (.graphml), with node and edge attributes"

    def can_write(self, target: Source) -> bool:
        """A path ending in ``.graphml``."""
        return Path(target).suffix.lower() == ".graphml"

    def write(self, region: Region, target: Source, **options: Any) -> None:
        """Write the graph atomically; option ``level="organisation"``."""
        graph_export.write_graphml(region, target, **options)


class GexfExporter:
    """Writes the collaboration graph as GEXF, the format of Gephi."""

    name = "gexf"
    description = "the collaboration graph as GEXF for Gephi (.gexf), with node and edge attributes"

    def can_write(self, target: Source) -> bool:
        """A path ending in ``.gexf``."""
        return Path(target).suffix.lower() == ".gexf"

    def write(self, region: Region, target: Source, **options: Any) -> None:
        """Write the graph atomically; option ``level="organisation"``."""
        graph_export.write_gexf(region, target, **options)


class _FormatPlugin:
    """A built-in plugin contributing one adapter and/or one exporter."""

    def __init__(self, adapter: SourceAdapter | None, exporter: Exporter | None) -> None:
        self.adapter = adapter
        self.exporter = exporter

    @hookimpl
    def samenwerking_source_adapters(self) -> Sequence[SourceAdapter]:
        return [self.adapter] if self.adapter is not None else []

    @hookimpl
    def samenwerking_exporters(self) -> Sequence[Exporter]:
        return [self.exporter] if self.exporter is not None else []


def _by_value(enum: Any, label: str) -> Any:
    key = label.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return enum(key)
    except ValueError:
        return None


class _LabelsPlugin:
    """Maps labels that are already the vocabulary's values (any case, spaces or dashes)."""

    @hookimpl(trylast=True)
    def samenwerking_map_sector(self, label: str) -> Sector | None:
        """Sector values themselves, in any case, e.g. "Primary school"."""
        result: Sector | None = _by_value(Sector, label)
        return result

    @hookimpl(trylast=True)
    def samenwerking_map_role(self, label: str) -> Role | None:
        """Role values themselves, in any case, e.g. "Youth nurse"."""
        result: Role | None = _by_value(Role, label)
        return result


def builtin_plugins() -> list[tuple[str, object]]:
    """The built-in plugins as (name, plugin), in registration order (new objects each call)."""
    return [
        ("builtin-json", _FormatPlugin(JsonAdapter(), JsonExporter())),
        ("builtin-csv", _FormatPlugin(CsvAdapter(), CsvExporter())),
        ("builtin-graphml", _FormatPlugin(None, GraphmlExporter())),
        ("builtin-gexf", _FormatPlugin(None, GexfExporter())),
        ("builtin-excel", _FormatPlugin(ExcelAdapter(), ExcelExporter())),
        ("builtin-parquet", _FormatPlugin(ParquetAdapter(), ParquetExporter())),
        ("builtin-labels", _LabelsPlugin()),
    ]


BUILTIN_NAMES: tuple[str, ...] = tuple(name for name, _ in builtin_plugins())
"""The names of the built-in plugins."""
