"""PLACEHOLDER: the samenwerking command (to be implemented)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the samenwerking command."""
    raise NotImplementedError
