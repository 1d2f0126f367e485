"""The hooks a plugin can implement, and the types they exchange.

A plugin is a module (or object) with functions marked ``@hookimpl`` whose names are
hook names below; it is installed with an entry point in the group ``samenwerking``.
Hooks are called with keyword arguments only, so an implementation may take fewer
arguments than the specification (hooks can grow new arguments without breaking plugins).

Example
-------
>>> from samenwerking.plugins.hookspecs import hookimpl
>>> class MyPlugin:
...     @hookimpl
...     def samenwerking_map_sector(self, label, source):
...         return Sector.YOUTH_CARE if label == "Jeugdzorg" else None
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, runtime_checkable

import pluggy

from samenwerking.errors import Problem
from samenwerking.model import Region, Role, Sector

__all__ = [
    "PROJECT",
    "Exporter",
    "SourceAdapter",
    "ValidationCheck",
    "hookimpl",
    "hookspec",
    "samenwerking_exporters",
    "samenwerking_map_role",
    "samenwerking_map_sector",
    "samenwerking_report_sections",
    "samenwerking_source_adapters",
    "samenwerking_validation_checks",
]

PROJECT = "samenwerking"
"""The pluggy project name, which is also the entry-point group plugins register in."""

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

Source = str | os.PathLike[str]


@runtime_checkable
class SourceAdapter(Protocol):
    """Reads a region, or part of one, from one kind of source."""

    @property
    def name(self) -> str:
        """A short unique name, e.g. ``"csv"``, used as ``sw.load(..., adapter=name)``."""
        ...

    @property
    def description(self) -> str:
        """One line saying what this adapter reads."""
        ...

    def can_read(self, source: Source) -> bool:
        """Whether this adapter recognises the source (suffix, folder contents, ``scheme:``)."""
        ...

    def read(self, source: Source, *, validate: bool = True, **options: Any) -> Region:
        """Read the source into a region (possibly a partial one: only some collections)."""
        ...


@runtime_checkable
class Exporter(Protocol):
    """Writes a region to one kind of target."""

    @property
    def name(self) -> str:
        """A short unique name, e.g. ``"graphml"``, used as ``sw.save(..., format=name)``."""
        ...

    @property
    def description(self) -> str:
        """One line saying what this exporter writes."""
        ...

    def can_write(self, target: Source) -> bool:
        """Whether this exporter is the natural one for the target (e.g. by suffix)."""
        ...

    def write(self, region: Region, target: Source, **options: Any) -> None:
        """Write the region; atomically, so a failure leaves no half-written target."""
        ...


ValidationCheck = Callable[[Region], Iterable[Problem]]
"""A check over a whole region, returning every problem it finds."""


@hookspec
def samenwerking_source_adapters() -> Sequence[SourceAdapter]:
    """Contribute source adapters that read regions or parts of them.

    Returns
    -------
    Sequence[SourceAdapter]
        The adapters this plugin provides.
    """


@hookspec
def samenwerking_exporters() -> Sequence[Exporter]:
    """Contribute exporters that write regions to other formats.

    Returns
    -------
    Sequence[Exporter]
        The exporters this plugin provides.
    """


@hookspec(firstresult=True)
def samenwerking_map_sector(label: str, source: str) -> Sector | None:
    """Map a source's own label for a kind of organisation to a :class:`Sector`.

    Parameters
    ----------
    label
        The label as the source writes it, e.g. ``"Basisschool"`` or ``"JGZ 0-4"``.
    source
        The name of the adapter asking, so a mapping can be specific to one source.

    Returns
    -------
    Sector or None
        The sector, or ``None`` if this plugin does not know the label.
    """


@hookspec(firstresult=True)
def samenwerking_map_role(label: str, source: str) -> Role | None:
    """Map a source's own label for a job to a :class:`Role`.

    Parameters
    ----------
    label
        The label as the source writes it, e.g. ``"IB'er"`` or ``"Leerplichtambtenaar"``.
    source
        The name of the adapter asking.

    Returns
    -------
    Role or None
        The role, or ``None`` if this plugin does not know the label.
    """


@hookspec
def samenwerking_validation_checks() -> Sequence[ValidationCheck]:
    """Contribute extra checks that run when a region is validated.

    Returns
    -------
    Sequence[ValidationCheck]
        Callables taking a :class:`Region` and returning the problems they find.
    """


@hookspec
def samenwerking_report_sections() -> Sequence[Any]:
    """Contribute report sections (``samenwerking.report.SectionBuilder`` callables).

    Returns
    -------
    Sequence[SectionBuilder]
        Builders that compute a section from a ``ReportContext``, or return ``None``.
    """
