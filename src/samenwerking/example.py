"""PLACEHOLDER: the bundled example region (to be implemented)."""

from __future__ import annotations

from samenwerking.model import Region

__all__ = ["example_region"]


def example_region() -> Region:
    """The bundled fictional example region."""
    raise NotImplementedError
