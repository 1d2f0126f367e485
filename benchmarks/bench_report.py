"""Benchmark: the whole ``samenwerking report``, section by section, with its peak memory.

For each size a synthetic region (``samenwerking.synthetic.region``, seed fixed) gets
fictional cases (``samenwerking.synthetic.cases``, one per 20 professionals); generating
them is not timed. Then, in a fresh process per size (so each peak is its own):

- ``context_s``: the compact graph and its islands, built once for every section;
- ``sections``: seconds per section of :data:`samenwerking.report.DEFAULT_SECTIONS`,
  in report order, as the progress hook sees them;
- ``build_report_s``: all of it (``build_report``), ``write_s``: ``write_report``
  (Markdown, HTML with the map, the SVG picture), ``total_s``: both;
- ``peak_mb``: the child's peak resident memory, the region included;
- ``betweenness``: how the brokers section computed betweenness (``exact``, or
  ``approximate`` with its stated error and sample size), as the report states it.

Run ``python benchmarks/bench_report.py`` (2,000, 50,000 and 600,000 professionals),
``--smoke`` (one small region, seconds; also when ``CI=true``), ``--sizes 2000 50000``,
``--output FILE``, ``--quiet``. Results go to ``benchmarks/results/report-<time>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["main", "measure", "run"]

SEED = 1
CASES_PER_PROFESSIONAL = 1 / 20
DEFAULT_SIZES: tuple[int, ...] = (2_000, 50_000, 600_000)
SMOKE_SIZES: tuple[int, ...] = (400,)
TODAY = dt.date(2026, 1, 1)
RESULTS = Path(__file__).resolve().parent / "results"


class _Clock:
    """A report progress hook that notes when each section starts."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float]] = []

    def section(self, label: str) -> None:
        self.marks.append((label, time.perf_counter()))

    def step(self, label: str) -> Any:
        return None

    def seconds(self, end: float) -> dict[str, float]:
        ends = [t for _, t in self.marks[1:]] + [end]
        return {label: round(e - t, 3) for (label, t), e in zip(self.marks, ends, strict=True)}


def _betweenness(report: Any) -> dict[str, Any]:
    try:
        brokers = report.section("brokers")
    except LookupError:
        return {"method": None}
    if brokers.epsilon is None:
        return {"method": "exact"}
    return {
        "method": "approximate",
        "epsilon": brokers.epsilon,
        "samples": brokers.sampled,
        "named": len(brokers.brokers),
    }


def measure(size: int) -> dict[str, Any]:
    """Build and write the report on a region of ``size`` professionals; one JSON row."""
    import samenwerking as sw
    from samenwerking import _jit
    from samenwerking.report import build_report, write_report

    region = sw.synthetic.region(size, seed=SEED)
    count = max(10, round(size * CASES_PER_PROFESSIONAL))
    region = region.replace(cases=sw.synthetic.cases(region, count, seed=SEED))
    row: dict[str, Any] = {
        "professionals": size,
        "ties": len(region.ties),
        "cases": len(region.cases),
        "threads": _jit.get_threads(),
        "load_average_before": os.getloadavg(),
    }
    clock = _Clock()
    start = time.perf_counter()
    report = build_report(region, seed=SEED, progress=clock, today=TODAY)
    built = time.perf_counter()
    row["build_report_s"] = round(built - start, 3)
    row["context_s"] = round(clock.marks[0][1] - start, 3) if clock.marks else None
    row["sections"] = clock.seconds(built)
    with tempfile.TemporaryDirectory() as folder:
        write_report(report, folder)
    row["write_s"] = round(time.perf_counter() - built, 3)
    row["total_s"] = round(row["build_report_s"] + row["write_s"], 3)
    row["betweenness"] = _betweenness(report)
    row["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    row["load_average_after"] = os.getloadavg()
    return row


def run(sizes: tuple[int, ...], *, quiet: bool = False) -> list[dict[str, Any]]:
    """Measure each size in its own process; one row per size."""
    rows = []
    for size in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            row: dict[str, Any] = {"professionals": size, "status": "error"}
            row["stderr"] = done.stderr[-2000:]
        else:
            row = {"status": "ok", **json.loads(done.stdout.strip().splitlines()[-1])}
        rows.append(row)
        if not quiet:
            print(json.dumps(row))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=None)
    parser.add_argument("--smoke", action="store_true", help="one small size, as CI runs it")
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child)))
        return 0
    smoke = args.smoke or os.environ.get("CI") == "true"
    sizes = tuple(args.sizes) if args.sizes else SMOKE_SIZES if smoke else DEFAULT_SIZES
    rows = run(sizes, quiet=args.quiet)
    result = {
        "benchmark": "report",
        "smoke": smoke,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "sizes": rows,
    }
    output = args.output
    if output is None:
        RESULTS.mkdir(exist_ok=True)
        output = RESULTS / f"report-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if not args.quiet:
        print(f"wrote {output}")
    return 0 if all(row["status"] == "ok" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
