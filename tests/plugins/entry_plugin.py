"""A test plugin installed through a throw-away distribution's entry point."""

from __future__ import annotations

from samenwerking.model import Sector
from samenwerking.plugins import hookimpl


@hookimpl
def samenwerking_map_sector(label: str, source: str) -> Sector | None:
    """Maps "Wijkteam" to neighbourhood team."""
    return Sector.NEIGHBOURHOOD_TEAM if label == "Wijkteam" else None
