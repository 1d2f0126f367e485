"""Regenerate the screenshots of the Dutch report in ``docs/images/`` (never edit them by hand).

Writes the report of the bundled example region in Dutch, opens it in the system's headless
Chromium and photographs: the top of the page, the map with the suggested introductions,
the map with an island highlighted and a tooltip, and the charts of the "across" section.

Run ``python docs/make_screenshots.py`` from the repository root (needs Debian's
``chromium`` or ``$CHROMIUM``, and the ``playwright`` package from the test extra).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))  # the one place that knows Chromium's flags

from _chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402

IMAGES = HERE / "images"


def main() -> int:
    """Write the screenshots; 1 when no Chromium is found."""
    from playwright.sync_api import sync_playwright

    import samenwerking as sw
    from samenwerking.report import build_report, write_report

    chromium = chromium_path()
    if chromium is None:
        print("no Chromium: install Debian's 'chromium' or set $CHROMIUM", file=sys.stderr)
        return 1
    region = sw.example_region()
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_file = write_report(build_report(region, lang="nl"), folder)[1]
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=list(CHROMIUM_ARGS)
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(page_file.as_uri())
        page.wait_for_selector("#sw-map[data-ready=true]")
        page.screenshot(path=str(IMAGES / "report-nl-top.png"))
        page.check("#sw-map-introductions")
        page.locator("#map").screenshot(path=str(IMAGES / "report-nl-map-introductions.png"))
        page.uncheck("#sw-map-introductions")
        page.click("#sw-map-islands li:nth-child(2) button")
        person = max(region.professionals, key=lambda p: len(p.name)).name
        page.locator("#sw-map-canvas").scroll_into_view_if_needed()
        where = page.evaluate("name => window.samenwerkingMap.whereIs(name)", person)
        if where is not None:
            page.mouse.move(where["x"], where["y"])
        page.locator("#sw-map").screenshot(path=str(IMAGES / "report-nl-map-island.png"))
        page.locator("#across").screenshot(path=str(IMAGES / "report-nl-across.png"))
        browser.close()
    for image in sorted(IMAGES.glob("report-nl-*.png")):
        print(f"wrote {image.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
