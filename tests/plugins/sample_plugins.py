"""Test plugins: small, fictional, each exercising one hook (used by the tests here).

Modules in this folder that do not start with ``test_`` are plugins, not tests; the
entry-point tests install them from a throw-away distribution.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from samenwerking.errors import Problem
from samenwerking.model import Organisation, OrganisationId, Region, Role, Sector
from samenwerking.plugins import Exporter, SourceAdapter, hookimpl
from samenwerking.report import ReportContext, Section

__all__ = [
    "RAISING_PLUGIN",
    "SECTION_PLUGIN",
    "BrokenAdapterPlugin",
    "JeugdzorgPlugin",
    "MemoryAdapter",
    "MemoryPlugin",
    "OneMunicipalityCheckPlugin",
    "RaisingPlugin",
    "SectionPlugin",
    "TextExporterPlugin",
]


class JeugdzorgPlugin:
    """Maps a municipality's own labels: "Jeugdzorg" and "Jeugdconsulent"."""

    @hookimpl
    def samenwerking_map_sector(self, label: str, source: str) -> Sector | None:
        """Jeugdzorg labels as youth care."""
        return Sector.YOUTH_CARE if label.strip().lower() == "jeugdzorg" else None

    @hookimpl
    def samenwerking_map_role(self, label: str) -> Role | None:
        """Jeugdconsulent as youth consultant (takes fewer arguments than the spec)."""
        return Role.YOUTH_CONSULTANT if label == "Jeugdconsulent" else None


def organisations_in_one_municipality(region: Region) -> Iterable[Problem]:
    """Every organisation lies in the municipality of the first one."""
    if not region.organisations:
        return []
    home = region.organisations[0].municipality
    return [
        Problem(
            f"not in {home}",
            location=f"organisations[{i}]",
            field="municipality",
            value=o.municipality,
        )
        for i, o in enumerate(region.organisations)
        if o.municipality != home
    ]


class OneMunicipalityCheckPlugin:
    """Adds one validation check."""

    @hookimpl
    def samenwerking_validation_checks(self) -> Sequence[Any]:
        return [organisations_in_one_municipality]


@attrs.frozen
class CountSection:
    """A one-line section counting organisations."""

    count: int
    key: str = "organisation-count"
    title: str = "Organisations counted by a plugin"

    def to_markdown(self) -> str:
        return f"{self.count} organisations\n"

    def to_html(self) -> str:
        return f"<p>{html.escape(str(self.count))} organisations</p>"


def organisation_count_section(context: ReportContext) -> Section | None:
    """Counts the organisations."""
    return CountSection(len(context.region.organisations))


class SectionPlugin:
    """Adds one report section."""

    @hookimpl
    def samenwerking_report_sections(self) -> Sequence[Any]:
        return [organisation_count_section]


class MemoryAdapter:
    """Reads ``memory:NAME`` sources from a dictionary of regions."""

    name = "memory"
    description = "regions held in memory, as memory:NAME"

    def __init__(self, regions: dict[str, Region]) -> None:
        self.regions = regions
        self.options: dict[str, Any] = {}

    def can_read(self, source: object) -> bool:
        return isinstance(source, str) and source.startswith("memory:")

    def read(self, source: object, *, validate: bool = True, **options: Any) -> Region:
        self.options = options
        region = self.regions[str(source).removeprefix("memory:")]
        return region.validate() if validate else region


class MemoryPlugin:
    """Contributes a :class:`MemoryAdapter`."""

    def __init__(self, regions: dict[str, Region]) -> None:
        self.adapter = MemoryAdapter(regions)

    @hookimpl
    def samenwerking_source_adapters(self) -> Sequence[SourceAdapter]:
        return [self.adapter]


class _BrokenAdapter:
    name = "broken"
    description = "reads .broken files, badly"

    def can_read(self, source: object) -> bool:
        return str(source).endswith(".broken")

    def read(self, source: object, *, validate: bool = True, **options: Any) -> Region:
        raise ZeroDivisionError("the adapter has a bug")


class BrokenAdapterPlugin:
    """An adapter whose ``read`` raises a programming error."""

    @hookimpl
    def samenwerking_source_adapters(self) -> Sequence[SourceAdapter]:
        return [_BrokenAdapter()]


class _TextExporter:
    name = "text"
    description = "the organisation names, one a line (.txt)"

    def can_write(self, target: object) -> bool:
        return str(target).endswith(".txt")

    def write(self, region: Region, target: object, **options: Any) -> None:
        Path(str(target)).write_text(
            "".join(f"{o.name}\n" for o in region.organisations), encoding="utf-8"
        )


class TextExporterPlugin:
    """Contributes a plain-text exporter."""

    @hookimpl
    def samenwerking_exporters(self) -> Sequence[Exporter]:
        return [_TextExporter()]


class RaisingPlugin:
    """Every hook raises: the system must name this plugin and carry on without it."""

    @hookimpl
    def samenwerking_source_adapters(self) -> Sequence[SourceAdapter]:
        raise RuntimeError("adapters exploded")

    @hookimpl
    def samenwerking_exporters(self) -> Sequence[Exporter]:
        raise RuntimeError("exporters exploded")

    @hookimpl(tryfirst=True)
    def samenwerking_map_sector(self, label: str, source: str) -> Sector | None:
        raise RuntimeError("sector mapping exploded")

    @hookimpl(tryfirst=True)
    def samenwerking_map_role(self, label: str, source: str) -> Role | None:
        raise RuntimeError("role mapping exploded")

    @hookimpl
    def samenwerking_validation_checks(self) -> Sequence[Any]:
        def exploding_check(region: Region) -> list[Problem]:
            raise RuntimeError("check exploded")

        return [exploding_check]

    @hookimpl
    def samenwerking_report_sections(self) -> Sequence[Any]:
        raise RuntimeError("sections exploded")


def town(ident: str, name: str, municipality: str = "Dorp") -> Organisation:
    """A fictional organisation for tests."""
    return Organisation(OrganisationId(ident), name, Sector.MUNICIPALITY, municipality)


SECTION_PLUGIN = SectionPlugin()
"""An instance, for an entry point ``sample_plugins:SECTION_PLUGIN``."""
RAISING_PLUGIN = RaisingPlugin()
"""An instance, for an entry point ``sample_plugins:RAISING_PLUGIN``."""

BROKEN_ADAPTER_PLUGIN = BrokenAdapterPlugin()
