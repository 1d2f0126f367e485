"""PLACEHOLDER: the networkx view of a region (to be implemented)."""

from __future__ import annotations

from typing import Any, Literal

from samenwerking.model import Region

__all__ = ["to_graph"]


def to_graph(
    region: Region,
    level: Literal["professional", "organisation"] = "professional",
    *,
    directed: bool = False,
) -> Any:
    """The collaboration graph of a region as a networkx graph."""
    raise NotImplementedError
