"""PLACEHOLDER: load and save regions (to be implemented)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from samenwerking.model import Region

__all__ = ["load", "save"]


def load(source: str | os.PathLike[str], *, validate: bool = True) -> Region:
    """Read a region from a JSON file or a CSV folder."""
    raise NotImplementedError


def save(
    region: Region,
    target: str | os.PathLike[str],
    *,
    format: Literal["json", "csv"] | None = None,
) -> Path:
    """Write a region to a JSON file or a CSV folder; return the path written."""
    raise NotImplementedError
