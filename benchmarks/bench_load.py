"""Benchmark: save, load (and validate) synthetic regions in every built-in format.

For each size, a synthetic region is generated with a fixed seed and saved with
``samenwerking.save`` as a CSV folder, a JSON file and a Parquet folder (when pyarrow is
installed). Every measurement then runs in a fresh Python process, so that peak memory
(``ru_maxrss``) belongs to that step alone:

- ``load``: ``samenwerking.load(path)`` (which validates);
- ``compact``: ``load`` and then ``compact_graph``; ``islands`` on the compact graph.

Each child also reports the baseline: the peak memory of importing samenwerking, and a
reference task (sorting as many random integers as there are ties) measured in the same
run, so that times can be compared across machines as ratios.

What writes the JSON file's tie columns (orjson when the ``fast-json`` extra is installed,
else the standard library) is recorded with the results.

Run ``python benchmarks/bench_load.py`` (all sizes), ``--smoke`` (one tiny size; also when
``CI=true``), ``--sizes 2000:20000 50000:500000`` or ``--formats parquet csv``. Results go
to ``benchmarks/results/`` (or ``--output FILE``; ``--quiet`` prints only that).
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

__all__ = ["main"]

SEED = 20240901
DEFAULT_SIZES: tuple[tuple[int, int], ...] = (
    (2_000, 20_000),
    (50_000, 500_000),
    (600_000, 6_000_000),
)
SMOKE_SIZES: tuple[tuple[int, int], ...] = ((300, 1_500),)
RESULTS = Path(__file__).resolve().parent / "results"


def _peak_mb() -> float:
    """Peak resident memory of this process, in MB (``ru_maxrss``).

    On Linux, ``ru_maxrss`` survives ``fork`` and ``exec``: a child starts with its
    parent's peak. The parent therefore never holds a region (see :func:`_prepare`).
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _high_water_mb() -> float | None:
    """Peak RSS of this process image from ``/proc`` (Linux only), as a cross-check."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


FORMATS: tuple[str, ...] = ("csv", "json", "parquet")


def _available_formats() -> tuple[str, ...]:
    """The formats this environment can write (Parquet needs pyarrow)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return ("csv", "json")
    return FORMATS


def _json_writer() -> str:
    """What writes JSON tie columns (orjson with the fast-json extra, else json)."""
    from samenwerking.io.jsonfile import json_writer

    return json_writer()


def _prepare(professionals: int, ties: int, workdir: str, formats: str) -> dict[str, Any]:
    """Generate one region and save it in the given formats (run in a child process)."""
    import samenwerking as sw

    start = time.perf_counter()
    region = sw.synthetic.region(
        professionals, seed=SEED, ties_per_professional=ties / professionals
    )
    out: dict[str, Any] = {
        "generate_s": time.perf_counter() - start,
        "ties": len(region.ties),
        "json_writer": _json_writer(),
    }
    for fmt, target in _targets(Path(workdir), professionals, formats.split(",")).items():
        start = time.perf_counter()
        sw.save(region, target)
        out[f"save_{fmt}_s"] = time.perf_counter() - start
    out["generate_peak_mb"] = _peak_mb()
    return out


def _targets(workdir: Path, professionals: int, formats: list[str]) -> dict[str, Path]:
    paths = {
        "csv": workdir / f"region-{professionals}",
        "json": workdir / f"region-{professionals}.json",
        "parquet": workdir / f"region-{professionals}.parquet",
    }
    return {fmt: path for fmt, path in paths.items() if fmt in formats}


def _child(path: str, step: str, ties: int) -> dict[str, Any]:
    """Run one measurement in this (fresh) process and return its figures."""
    import numpy as np
    import scipy.sparse.csgraph  # noqa: F401  (imported up front: not part of the timings)

    import samenwerking as sw

    out: dict[str, Any] = {"import_peak_mb": _peak_mb()}
    start = time.perf_counter()
    region = sw.load(path)
    out["load_s"] = time.perf_counter() - start
    out["ties"] = len(region.ties)
    if step == "compact":
        start = time.perf_counter()
        graph = sw.compact_graph(region)
        out["compact_s"] = time.perf_counter() - start
        start = time.perf_counter()
        found = sw.analysis.islands(graph)
        out["islands_s"] = time.perf_counter() - start
        out["islands"] = len(found)
        out["share_in_largest"] = found.share_in_largest
        out["graph_mb"] = graph.nbytes / 1e6
    out["peak_mb"] = _peak_mb()
    out["high_water_mb"] = _high_water_mb()
    rng = np.random.default_rng(SEED)
    values = rng.integers(0, 2**62, max(ties, 1))
    start = time.perf_counter()
    np.sort(values)
    out["reference_sort_s"] = time.perf_counter() - start
    return out


def _in_child(*args: object) -> dict[str, Any]:
    command = [sys.executable, __file__, *(str(a) for a in args)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _size_on_disk(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run(
    sizes: tuple[tuple[int, int], ...],
    workdir: Path,
    formats: tuple[str, ...] = FORMATS,
    quiet: bool = False,
) -> list[dict[str, Any]]:
    """Generate, save and measure every size; return one row per (size, format).

    Every step runs in its own process, so this one stays small and each peak is clean.
    """
    rows: list[dict[str, Any]] = []
    for professionals, ties in sizes:
        prepared = _in_child("--prepare", professionals, ties, workdir, ",".join(formats))
        for fmt, target in _targets(workdir, professionals, list(formats)).items():
            load = _in_child("--child", target, "load", prepared["ties"])
            graph = _in_child("--child", target, "compact", prepared["ties"])
            row = {
                "professionals": professionals,
                "ties": prepared["ties"],
                "format": fmt,
                "generate_s": prepared["generate_s"],
                "save_s": prepared[f"save_{fmt}_s"],
                "json_writer": prepared["json_writer"],
                "disk_mb": _size_on_disk(target) / 1e6,
                "load_s": load["load_s"],
                "load_peak_mb": load["peak_mb"],
                "load_high_water_mb": load["high_water_mb"],
                "import_peak_mb": load["import_peak_mb"],
                "compact_s": graph["compact_s"],
                "islands_s": graph["islands_s"],
                "graph_peak_mb": graph["peak_mb"],
                "graph_mb": graph["graph_mb"],
                "islands": graph["islands"],
                "share_in_largest": graph["share_in_largest"],
                "reference_sort_s": load["reference_sort_s"],
            }
            row["ties_per_s"] = row["ties"] / row["load_s"] if row["load_s"] else float("inf")
            row["load_vs_reference"] = row["load_s"] / max(row["reference_sort_s"], 1e-9)
            rows.append(row)
            if not quiet:
                print(_format_row(row), flush=True)
    return rows


HEADER = (
    f"{'professionals':>13} {'ties':>10} {'fmt':>7} {'disk MB':>8} {'save s':>7} {'load s':>8} "
    f"{'ties/s':>10} {'peak MB':>8} {'compact s':>9} {'islands s':>9} {'ratio':>7}"
)


def _format_row(row: dict[str, Any]) -> str:
    return (
        f"{row['professionals']:>13,} {row['ties']:>10,} {row['format']:>7} "
        f"{row['disk_mb']:>8.1f} {row['save_s']:>7.2f} {row['load_s']:>8.2f} "
        f"{row['ties_per_s']:>10,.0f} "
        f"{row['load_peak_mb']:>8.0f} {row['compact_s']:>9.2f} {row['islands_s']:>9.2f} "
        f"{row['load_vs_reference']:>7.0f}"
    )


def _parse_size(text: str) -> tuple[int, int]:
    professionals, _, ties = text.partition(":")
    count = int(professionals)
    return count, int(ties) if ties else count * 10


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--child"]:
        path, step, ties = args[1:4]
        print(json.dumps(_child(path, step, int(ties))))
        return 0
    if args[:1] == ["--prepare"]:
        professionals, ties, folder, formats = args[1:5]
        print(json.dumps(_prepare(int(professionals), int(ties), folder, formats)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="only a tiny size (also if CI=true)")
    parser.add_argument(
        "--sizes", nargs="+", type=_parse_size, help="sizes as PROFESSIONALS[:TIES]"
    )
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument(
        "--formats",
        nargs="+",
        choices=FORMATS,
        default=list(_available_formats()),
        help="the formats to measure (default: every one installed)",
    )
    parser.add_argument("--output", type=Path, help="write the results here (default: results/)")
    parser.add_argument("--quiet", action="store_true", help="print only where results went")
    options = parser.parse_args(args)
    smoke = options.smoke or os.environ.get("CI", "").lower() == "true"
    sizes = tuple(options.sizes) if options.sizes else SMOKE_SIZES if smoke else DEFAULT_SIZES
    if not options.quiet:
        print(HEADER)
        print("(ratio: load time / time to sort as many random int64 as there are ties, same run)")
    with tempfile.TemporaryDirectory(prefix="bench-load-") as scratch:
        workdir = options.keep or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        rows = run(sizes, workdir, tuple(options.formats), options.quiet)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = options.output or RESULTS / f"load-{stamp}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "benchmark": "load",
        "seed": SEED,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "json_writer": rows[0]["json_writer"] if rows else None,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "when": stamp,
        "smoke": smoke,
        "formats": list(options.formats),
    }
    target.write_text(json.dumps({"meta": meta, "rows": rows}, indent=2), encoding="utf-8")
    print(f"results written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
