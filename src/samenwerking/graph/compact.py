"""PLACEHOLDER: the compact CSR graph (to be implemented)."""

from __future__ import annotations

from samenwerking.model import Region

__all__ = ["CompactGraph", "compact_graph"]


class CompactGraph:
    """Placeholder."""


def compact_graph(region: Region) -> CompactGraph:
    """The compact undirected graph of a region's professionals and ties."""
    raise NotImplementedError
