"""A real headless Chromium for the report's browser tests (Debian's ``chromium``).

Every test here gets a fresh page whose requests are all routed through a guard: any
request that is not for the report file itself is refused and recorded, so a test fails
when the page tries to reach a server. Without Chromium the tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole session."""
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium: install Debian's 'chromium' package or set $CHROMIUM")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Visit:
    """A page with its console errors, page errors and refused requests."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.requests: list[str] = []

    def open(self, path: Path) -> None:
        """Load a report file and wait until its map has drawn."""
        allowed = path.resolve().as_uri()

        def guard(route: Any) -> None:
            url = route.request.url
            if url == allowed:
                route.continue_()
            else:
                self.requests.append(url)
                route.abort()

        self.page.route("**/*", guard)
        self.page.goto(allowed)


@pytest.fixture
def visit(browser: Any) -> Iterator[Visit]:
    """A fresh page in a fresh context (no cache), recording what goes wrong."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    seen = Visit(page)
    page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: seen.page_errors.append(str(error)))
    yield seen
    context.close()


@pytest.fixture
def no_script_page(browser: Any) -> Iterator[Any]:
    """A page with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
