"""PLACEHOLDER: synthetic regions (to be implemented)."""

from __future__ import annotations

from samenwerking.model import Region

__all__ = ["region"]


def region(professionals: int = 2000, *, seed: int = 0) -> Region:
    """A realistic synthetic region of the given size."""
    raise NotImplementedError
