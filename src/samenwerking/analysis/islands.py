"""PLACEHOLDER: islands (to be implemented)."""

from __future__ import annotations

from typing import Any

__all__ = ["Island", "Islands", "islands"]


class Island:
    """Placeholder."""


class Islands:
    """Placeholder."""


def islands(G: Any) -> Islands:  # noqa: N803
    """The connected groups of a collaboration graph."""
    raise NotImplementedError
