"""Load and save regions through the plugins: pick an adapter or exporter, then call it.

Every format, the built-in JSON file and CSV folder included, is an adapter or exporter
contributed by a plugin (see ``docs/plugins.md``). :func:`load` asks each adapter's
``can_read`` (file suffix, folder contents, ``scheme:`` prefix) or takes one by name,
reads one or several sources (merging them), and validates, including the plugins'
extra checks. :func:`save` does the same with exporters.

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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from samenwerking.errors import (
    InvalidRegionError,
    SamenwerkingError,
    SourceNotFoundError,
    UnsupportedSourceError,
)
from samenwerking.io.merge import merge_regions
from samenwerking.model import Region
from samenwerking.model.validation import region_problems
from samenwerking.plugins.hookspecs import SourceAdapter
from samenwerking.plugins.manager import PluginError, Plugins
from samenwerking.plugins.manager import plugins as _fresh_plugins

__all__ = ["load", "save"]

SourceLike = str | os.PathLike[str]

_SUPPORTED = "a .json file or a folder of CSV files (a directory, or a path without a suffix)"
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


def _read(
    plugins: Plugins, adapter: SourceAdapter, source: SourceLike, validate: bool, options: Any
) -> Region:
    try:
        region = adapter.read(source, validate=validate, **options)
    except (SamenwerkingError, OSError):
        raise
    except Exception as error:
        plugin = plugins.plugin_of(adapter)
        raise PluginError(
            f"plugin {plugin!r}: adapter {adapter.name!r} failed reading {str(source)!r}: "
            f"{type(error).__name__}: {error}",
            plugin=plugin,
            hook="samenwerking_source_adapters",
        ) from error
    if not isinstance(region, Region):
        plugin = plugins.plugin_of(adapter)
        raise PluginError(
            f"plugin {plugin!r}: adapter {adapter.name!r} returned {type(region).__name__}, "
            "not a Region",
            plugin=plugin,
            hook="samenwerking_source_adapters",
        )
    return region


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
        A path (a ``.json`` file, a CSV folder), a ``scheme:...`` text an adapter
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
    InvalidRegionError
        The source has problems, or merged sources conflict.
    PluginError
        An adapter failed with something other than a problem in the data.

    Example
    -------
    >>> try:
    ...     load("no/such/region.json")
    ... except FileNotFoundError as error:
    ...     print(error)
    no region at 'no/such/region.json': expected a .json file or a folder of CSV files (a directory, or a path without a suffix)
    """  # noqa: E501
    chosen = plugins if plugins is not None else _fresh_plugins()
    if isinstance(source, str | os.PathLike):
        picked = _pick_adapter(chosen, source, adapter)
        region = _read(chosen, picked, source, validate, options)
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
    ``"graphml"``, ``"gexf"``), or else the first whose ``can_write`` accepts the target:
    ``.json`` a JSON file, a folder or a path without a suffix a CSV folder, ``.graphml``
    and ``.gexf`` the collaboration graph (option ``level="organisation"``). Saving is
    atomic: on failure the previous file or folder is left as it was.

    Example
    -------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "dorp.json"
    >>> save(Region("Dorp"), target) == target
    True
    """
    chosen = plugins if plugins is not None else _fresh_plugins()
    path = Path(target)
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
    try:
        exporter.write(region, path, **options)
    except (SamenwerkingError, OSError):
        raise
    except Exception as error:
        plugin = chosen.plugin_of(exporter)
        raise PluginError(
            f"plugin {plugin!r}: exporter {exporter.name!r} failed writing {str(path)!r}: "
            f"{type(error).__name__}: {error}",
            plugin=plugin,
            hook="samenwerking_exporters",
        ) from error
    return path
