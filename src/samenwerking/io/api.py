"""Load and save regions through the plugins: pick an adapter or exporter, then call it.

Every format, the built-in JSON file and CSV folder included, is an adapter or exporter
contributed by a plugin (see ``docs/plugins.md``). :func:`load` asks each adapter's
``can_read`` (file suffix, folder contents, ``scheme:`` prefix) or takes one by name,
reads one or several sources (merging them), and validates, including the plugins'
extra checks. :func:`save` does the same with exporters.

Whatever the format, and whether or not ``validate`` is set, :func:`load` rejects a
region in which a case field looks like a citizen service number (BSN) with a
:class:`~samenwerking.privacy.BsnLikeValueError` that names the file and row (CSV) or
JSON path and the field, never the number; :func:`save` refuses to write such a region.
No error raised here shows a BSN-like value (see ``docs/privacy.md``).

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
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from samenwerking.errors import (
    InvalidRegionError,
    Problem,
    SamenwerkingError,
    SourceNotFoundError,
    UnsupportedSourceError,
)
from samenwerking.io.jsonfile import json_locator
from samenwerking.io.merge import merge_regions
from samenwerking.model import Region
from samenwerking.model.validation import Locator, json_path, region_problems
from samenwerking.plugins.hookspecs import Exporter, SourceAdapter
from samenwerking.plugins.manager import PluginError, Plugins
from samenwerking.plugins.manager import plugins as _fresh_plugins
from samenwerking.privacy import BsnLikeValueError, check_no_bsn, find_bsn_like, withhold_bsn

__all__ = ["load", "save"]

SourceLike = str | os.PathLike[str]

_SUPPORTED = (
    "a .json file, a .parquet folder or a folder of CSV files (a directory, or a path "
    "without a suffix)"
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")


def _has_scheme(source: SourceLike) -> bool:
    return isinstance(source, str) and _SCHEME.match(source) is not None


def _names(items: Sequence[Any]) -> str:
    return ", ".join(item.name for item in items) or "none"


def _pick_adapter(plugins: Plugins, source: SourceLike, name: str | None) -> SourceAdapter:
    if name is not None:
        return plugins.adapter(name)
    found = plugins.adapter_for(source)
    if found is not None:
        return found
    shown = str(source) if _has_scheme(source) else str(Path(source))
    if not _has_scheme(source) and not Path(source).exists():
        raise SourceNotFoundError(f"no region at {shown!r}: expected {_SUPPORTED}")
    raise UnsupportedSourceError(
        f"cannot tell how to read {shown!r}: expected {_SUPPORTED}, or a source that an "
        f"installed adapter reads (adapters: {_names(plugins.adapters())}); "
        "name one with adapter=NAME"
    )


@contextmanager
def _plugin_failures(
    plugins: Plugins, component: SourceAdapter | Exporter, what: str, hook: str
) -> Iterator[None]:
    """Turn a third-party plugin component's crash into a :class:`PluginError`.

    The error names the plugin and the package it was installed from, and carries the
    original error's message. Errors about the data (:class:`SamenwerkingError`) and the
    files (:class:`OSError`) pass through as they are, and so does anything a built-in
    reader or writer raises: samenwerking's own formats are never reported as a plugin
    crash (the fuzz tests in ``tests/fuzz`` hold them to samenwerking errors).
    """
    try:
        yield
    except (SamenwerkingError, OSError):
        raise
    except Exception as error:
        plugin = plugins.plugin_of(component)
        if plugins.is_builtin(plugin):
            raise
        package = plugins.distribution_of(plugin)
        origin = f" (package {package})" if package else ""
        message = str(error) or "(no message)"
        raise PluginError(
            f"plugin {plugin!r}{origin}: {what}: {type(error).__name__}: {message}",
            plugin=plugin,
            hook=hook,
        ) from error


def _read(
    plugins: Plugins, adapter: SourceAdapter, source: SourceLike, validate: bool, options: Any
) -> Region:
    with _plugin_failures(
        plugins,
        adapter,
        f"adapter {adapter.name!r} failed reading {str(source)!r}",
        "samenwerking_source_adapters",
    ):
        region = adapter.read(source, validate=validate, **options)
    if not isinstance(region, Region):
        plugin = plugins.plugin_of(adapter)
        raise PluginError(
            f"plugin {plugin!r}: adapter {adapter.name!r} returned {type(region).__name__}, "
            "not a Region",
            plugin=plugin,
            hook="samenwerking_source_adapters",
        )
    return region


def _fallback_locator(source: str) -> Locator:
    def locate(path: tuple[str | int, ...]) -> tuple[str, str]:
        return source, json_path(path)

    return locate


def _locator(adapter: SourceAdapter, source: SourceLike) -> Locator:
    """Where each record of ``source`` is: file and row for a CSV folder, else a JSON path."""
    from samenwerking.io.parquet import ParquetAdapter, parquet_folder_locator
    from samenwerking.plugins.builtin import CsvAdapter, JsonAdapter

    if isinstance(adapter, ParquetAdapter):
        return parquet_folder_locator(source)
    if isinstance(adapter, CsvAdapter):
        from samenwerking.io.csvfolder import csv_folder_locator

        return csv_folder_locator(source)
    if isinstance(adapter, JsonAdapter):
        locate: Locator = json_locator(str(source))
        return locate
    return _fallback_locator(str(source))


def _reject_bsn(region: Region, locate: Callable[[], Locator], source: str) -> None:
    """Raise :class:`BsnLikeValueError` if a case field looks like a BSN.

    The locator is only worked out when something is found (for CSV it re-reads rows).
    """
    if find_bsn_like(region):
        check_no_bsn(region, locate=locate(), source=source)


def _withheld(error: InvalidRegionError) -> InvalidRegionError:
    """``error``, or a copy without any BSN-like value in its problems."""
    if isinstance(error, BsnLikeValueError):
        return error
    problems = withhold_bsn(error.problems)
    if problems == list(error.problems):
        return error
    return InvalidRegionError(problems, source=withhold_bsn([Problem("", error.source)])[0].source)


def load(
    source: SourceLike | Sequence[SourceLike],
    *,
    adapter: str | None = None,
    validate: bool = True,
    plugins: Plugins | None = None,
    **options: Any,
) -> Region:
    """Read a region from one source, or merge several sources into one region.

    Parameters
    ----------
    source
        A path (a ``.json`` file, a ``.parquet`` or CSV folder), a ``scheme:...`` text an adapter
        recognises, or a list of them to merge (see :func:`samenwerking.io.merge.merge_regions`).
    adapter
        The name of the adapter to use for every source; by default each source's adapter
        is the first whose ``can_read`` accepts it.
    validate
        Check references, duplicates and dates, and run the plugins' validation checks;
        :class:`~samenwerking.errors.InvalidRegionError` lists every problem (with file
        and row, or JSON path). Merged sources are validated together, after merging.
    plugins
        The plugins to use; by default a fresh :func:`samenwerking.plugins.plugins`.
    **options
        Passed to the adapter's ``read``.

    Raises
    ------
    SourceNotFoundError
        A path that does not exist.
    UnsupportedSourceError
        No adapter reads the source, or no adapter has the given name.
    BsnLikeValueError
        A case field looks like a citizen service number (checked even when ``validate``
        is false). Its problems name the file and row, or JSON path, and the field; the
        value is withheld. It is an ``InvalidRegionError`` and a ``PrivacyError``.
    InvalidRegionError
        The source has problems, or merged sources conflict. BSN-like values are withheld
        from its problems.
    PluginError
        An adapter failed with something other than a problem in the data.

    Example
    -------
    >>> try:
    ...     load("no/such/region.json")
    ... except FileNotFoundError as error:
    ...     print(error)
    no region at 'no/such/region.json': expected a .json file, a .parquet folder or a folder of CSV files (a directory, or a path without a suffix)
    """  # noqa: E501
    chosen = plugins if plugins is not None else _fresh_plugins()
    try:
        return _load(chosen, source, adapter, validate, options)
    except InvalidRegionError as error:
        clean = _withheld(error)
        if clean is error:
            raise
        raise clean from None


def _load(
    chosen: Plugins,
    source: SourceLike | Sequence[SourceLike],
    adapter: str | None,
    validate: bool,
    options: dict[str, Any],
) -> Region:
    if isinstance(source, str | os.PathLike):
        picked = _pick_adapter(chosen, source, adapter)
        region = _read(chosen, picked, source, validate, options)
        _reject_bsn(region, lambda: _locator(picked, source), str(source))
        if validate:
            problems = chosen.check_problems(region)
            if problems:
                raise InvalidRegionError(problems, source=str(source))
        return region
    sources = list(source)
    if not sources:
        raise UnsupportedSourceError("no sources given: pass a path or a list of paths")
    parts = []
    for one in sources:
        picked = _pick_adapter(chosen, one, adapter)
        parts.append((str(one), _read(chosen, picked, one, False, options)))
    merged = merge_regions(parts)
    _reject_bsn(merged.region, lambda: merged.locate, " + ".join(s for s, _ in parts))
    if validate:
        problems = region_problems(merged.region, locate=merged.locate)
        problems.extend(chosen.check_problems(merged.region))
        if problems:
            raise InvalidRegionError(problems, source=" + ".join(s for s, _ in parts))
    return merged.region


def save(
    region: Region,
    target: SourceLike,
    *,
    format: str | None = None,
    plugins: Plugins | None = None,
    **options: Any,
) -> Path:
    """Write a region with an exporter; return the path written.

    The exporter is the one named by ``format`` (built in: ``"json"``, ``"csv"``,
    ``"parquet"``, ``"graphml"``, ``"gexf"``, ``"excel"``), or else the first whose
    ``can_write`` accepts the target: ``.json`` a JSON file, ``.parquet`` a Parquet
    folder, a folder or a path without a suffix a CSV folder, ``.graphml``
    and ``.gexf`` the collaboration graph (option ``level="organisation"``). Saving is
    atomic: on failure the previous file or folder is left as it was. A region with a
    case field that looks like a BSN is refused (:class:`BsnLikeValueError`) before
    anything is written.

    Example
    -------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "dorp.json"
    >>> save(Region("Dorp"), target) == target
    True
    """
    chosen = plugins if plugins is not None else _fresh_plugins()
    path = Path(target)
    _reject_bsn(region, lambda: _fallback_locator(""), f"the region to save to {str(path)!r}")
    if format is not None:
        exporter = chosen.exporter(format)
    else:
        found = chosen.exporter_for(path)
        if found is None:
            raise UnsupportedSourceError(
                f"cannot tell the format of {str(path)!r}: expected {_SUPPORTED}, or a suffix "
                f"an installed exporter writes (exporters: {_names(chosen.exporters())}); "
                "name one with format=NAME"
            )
        exporter = found
    with _plugin_failures(
        chosen,
        exporter,
        f"exporter {exporter.name!r} failed writing {str(path)!r}",
        "samenwerking_exporters",
    ):
        exporter.write(region, path, **options)
    return path
