"""What the commands share: progress on stderr, the plugins, the region to work on."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

from samenwerking.progress import Progress, TerminalProgress

if TYPE_CHECKING:
    from samenwerking.model import Region
    from samenwerking.plugins import Plugins

__all__ = ["ReportProgress", "installed_plugins", "progress", "region_and_day"]


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class ReportProgress:
    """Tells the user on stderr which report section is computed, with a bar per long step."""

    def section(self, label: str) -> None:
        progress(f"Computing {label} ...")

    def step(self, label: str) -> Progress:
        return TerminalProgress(f"  {label}")


def installed_plugins() -> Plugins:
    """One plugin manager for the whole command, so every step sees the same plugins."""
    from samenwerking.plugins import plugins

    return plugins()


def region_and_day(
    source: str | None, today: dt.date | None, installed: Plugins
) -> tuple[Region, dt.date | None]:
    """The region to work on (the bundled example without a source) and its reference day."""
    from samenwerking import example_region, load

    if source is None:
        from samenwerking.example import REFERENCE_DATE

        progress("Using the bundled example region (Lindenhoeve).")
        # The example is written as of its reference date.
        return example_region(), REFERENCE_DATE if today is None else today
    progress(f"Reading {source} ...")
    return load(source, plugins=installed), today
