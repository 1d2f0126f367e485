"""Benchmark: ``report.html`` with its interactive map, opened in headless Chromium.

For each size, a synthetic region (``samenwerking.synthetic.region``, seed fixed) is
generated (not timed); then, in one process:

- ``build_report``: every section of the report, the map's data included;
- ``map_section``: the map's data alone (positions, people, islands, introductions);
- ``page_mb`` / ``map_data_mb``: the size of ``report.html`` and of the map's data in it;
- ``open_s``: from navigation until the map has drawn (``data-ready`` on ``#sw-map``),
  in the system's headless Chromium (one page, no cache, ``file://``);
- ``search_s``, ``filter_s``, ``open_organisation_s``: one search for an organisation, one
  filter by sector, and showing the people of the largest organisation: how responsive
  the page stays.

Run ``python benchmarks/bench_report_page.py`` (2,000 and 50,000 professionals),
``--smoke`` (one tiny size; also when ``CI=true``), ``--sizes 2000 50000``,
``--output path.json``, ``--quiet``. Results go to ``benchmarks/results/report-page-<time>.json``.
Without Chromium (``$CHROMIUM`` or ``chromium`` on the path) the browser columns are
``null`` and a note says why.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _chromium import CHROMIUM_ARGS, chromium_path

__all__ = ["main", "run"]

SEED = 1
DEFAULT_SIZES: tuple[int, ...] = (2_000, 50_000)
SMOKE_SIZES: tuple[int, ...] = (300,)
RESULTS = Path(__file__).resolve().parent / "results"


def _browser_figures(page_path: Path, organisation: str, sector: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    chromium = chromium_path()
    if chromium is None:
        return {"note": "no Chromium found: set $CHROMIUM or install Debian's chromium"}
    out: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        start = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_selector("#sw-map[data-ready=true]", state="attached", timeout=60_000)
        out["open_s"] = time.perf_counter() - start
        out["drawn_nodes"] = page.evaluate("window.samenwerkingMap.drawnNodes()")
        out["level"] = page.evaluate("window.samenwerkingMap.level")
        start = time.perf_counter()
        page.evaluate("name => window.samenwerkingMap.find(name)", organisation)
        out["search_s"] = time.perf_counter() - start
        start = time.perf_counter()
        page.select_option("#sw-map-sector", sector)
        out["filter_s"] = time.perf_counter() - start
        page.select_option("#sw-map-sector", "")
        if out["level"] == "organisations":
            start = time.perf_counter()
            page.evaluate("() => window.samenwerkingMap.open(0)")
            out["open_organisation_s"] = time.perf_counter() - start
        out["page_errors"] = errors
        browser.close()
    return out


def run(sizes: tuple[int, ...], *, quiet: bool = False) -> list[dict[str, Any]]:
    """Time the report page at each size; one row of figures per size."""
    import samenwerking as sw
    from samenwerking.report import build_report, render_html
    from samenwerking.report.base import ReportContext
    from samenwerking.report.sections_map import map_section

    rows = []
    for size in sizes:
        region = sw.synthetic.region(size, seed=SEED)
        row: dict[str, Any] = {"professionals": size, "ties": len(region.ties)}
        start = time.perf_counter()
        report = build_report(region, seed=SEED)
        row["build_report_s"] = time.perf_counter() - start
        start = time.perf_counter()
        section = map_section(ReportContext.of(region, seed=SEED))
        row["map_section_s"] = time.perf_counter() - start
        page = render_html(report)
        row["page_mb"] = len(page.encode("utf-8")) / 1e6
        row["map_data_mb"] = len(section.data.encode("utf-8")) / 1e6 if section else 0.0
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "report.html"
            path.write_text(page, encoding="utf-8")
            biggest = max(region.organisations, key=lambda o: o.name)
            row |= _browser_figures(path, biggest.name, region.organisations[0].sector.value)
        rows.append(row)
        if not quiet:
            print(json.dumps(row))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=None)
    parser.add_argument("--smoke", action="store_true", help="one tiny size, as CI runs it")
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    smoke = args.smoke or os.environ.get("CI") == "true"
    sizes = tuple(args.sizes) if args.sizes else SMOKE_SIZES if smoke else DEFAULT_SIZES
    rows = run(sizes, quiet=args.quiet)
    result = {
        "benchmark": "report-page",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "load_average": os.getloadavg(),
        "rows": rows,
    }
    output = args.output
    if output is None:
        RESULTS.mkdir(exist_ok=True)
        output = RESULTS / f"report-page-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if not args.quiet:
        print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
