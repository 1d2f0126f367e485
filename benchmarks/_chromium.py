"""Start the system's headless Chromium through Playwright, for the page benchmark and the
screenshots (never a browser download: Debian's ``chromium`` package, or ``$CHROMIUM``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

__all__ = ["CHROMIUM_ARGS", "chromium_path"]

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Flags for a root user on a machine without network: no sandbox, no background calls."""


def chromium_path() -> Path | None:
    """Where Chromium is: ``$CHROMIUM``, else ``chromium`` on the path; ``None`` if nowhere."""
    named = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    return Path(named) if named else None
