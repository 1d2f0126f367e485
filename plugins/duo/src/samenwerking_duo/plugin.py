"""The samenwerking plugin: contributes the ``duo`` source adapter.

Installed through the entry point ``[project.entry-points.samenwerking] duo =
"samenwerking_duo.plugin"``.

Example
-------
>>> [a.name for a in samenwerking_source_adapters()]
['duo']
"""

from __future__ import annotations

from collections.abc import Sequence

from samenwerking.plugins.hookspecs import SourceAdapter, hookimpl
from samenwerking_duo.adapter import DuoAdapter

__all__ = ["samenwerking_source_adapters"]


@hookimpl
def samenwerking_source_adapters() -> Sequence[SourceAdapter]:
    """The ``duo`` adapter for DUO school locations and the SWV map."""
    return [DuoAdapter()]
