"""Plugins: hooks through which adapters, exporters, mappings, checks and sections arrive.

See ``docs/plugins.md``. :func:`plugins` gives a typed :class:`Plugins` view over a
fresh plugin manager holding the built-in plugins and every installed one (entry-point
group ``samenwerking``), minus those blocked in ``SAMENWERKING_BLOCK_PLUGINS``.

Example
-------
>>> from samenwerking.plugins import plugins
>>> [e.name for e in plugins(load_entry_points=False).exporters()]
['json', 'csv', 'graphml', 'gexf', 'excel', 'parquet']
"""

from samenwerking.plugins.hookspecs import (
    PROJECT,
    Exporter,
    SourceAdapter,
    ValidationCheck,
    hookimpl,
    hookspec,
)
from samenwerking.plugins.manager import (
    BLOCK_ENV,
    PluginError,
    PluginInfo,
    Plugins,
    PluginWarning,
    Provided,
    get_plugin_manager,
    plugins,
)

__all__ = [
    "BLOCK_ENV",
    "PROJECT",
    "Exporter",
    "PluginError",
    "PluginInfo",
    "PluginWarning",
    "Plugins",
    "Provided",
    "SourceAdapter",
    "ValidationCheck",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "plugins",
]
