"""A test plugin with a misspelt hook name, which must fail loudly."""

from __future__ import annotations

from samenwerking.model import Sector
from samenwerking.plugins import hookimpl


@hookimpl
def samenwerking_map_sektor(label: str, source: str) -> Sector | None:
    """Misspelt on purpose."""
    return None
