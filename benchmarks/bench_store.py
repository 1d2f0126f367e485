"""Benchmark: adding and loading snapshots in the store, beside the JSON file.

For each size a synthetic region (``samenwerking.synthetic.region``, seed fixed) is

- added to a new store as one snapshot (``add``) and loaded back (``load``, checked equal);
- re-surveyed: 1% of the professionals renamed and 1% newcomers, each with a tie appended at
  the end, added as a second snapshot (``add_resurvey``): only the changed and new records, the
  last tie chunks and the id vocabulary are new, which the record shows (``new_records``,
  ``new_chunks``) with the store's size.

As reference, the same run saves and loads the region as a JSON file (``sw.save``/``sw.load``):
ratios are against those, since absolute times on a shared machine drift.

Run ``python benchmarks/bench_store.py`` (100,000 professionals, 1,000,000 ties), ``--smoke``
(a tiny region, seconds; also when ``CI=true``), ``--sizes 20000 100000``, ``--db URL`` (an
empty PostgreSQL database instead of a temporary SQLite file), ``--output FILE``, ``--quiet``.
Results go to ``benchmarks/results/store-<time>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["main", "run"]

SEED = 20251101
DEFAULT_SIZES: tuple[int, ...] = (100_000,)
SMOKE_SIZES: tuple[int, ...] = (500,)
RESULTS = Path(__file__).resolve().parent / "results"


def _timed(function: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def _resurvey(region: Any) -> Any:
    """The region a year on: 1% of the people renamed, 1% newcomers each tied to someone."""
    import attrs

    from samenwerking.model import ProfessionalId, Tie, TieStore

    people = list(region.professionals)
    for i in range(0, len(people), 100):
        people[i] = attrs.evolve(people[i], name=people[i].name + " (2)")
    newcomers = [
        attrs.evolve(people[i], id=ProfessionalId(f"{people[i].id}-new"), name="Nieuw")
        for i in range(50, len(people), 100)
    ]
    ties = TieStore.from_ties(Tie(p.id, ProfessionalId(str(p.id)[:-4])) for p in newcomers)
    return region.replace(
        professionals=(*people, *newcomers), ties=TieStore.concat([region.ties, ties])
    )


def run(size: int, *, url: str | None) -> dict[str, Any]:
    """Time one size; return a JSON-ready record."""
    import samenwerking as sw
    from samenwerking.store import open_store
    from samenwerking.store.urls import sqlite_path, store_url

    region = sw.synthetic.region(size, seed=SEED)
    later = _resurvey(region)
    with tempfile.TemporaryDirectory() as folder:
        json_path = Path(folder) / "region.json"
        _, json_save = _timed(lambda: sw.save(region, json_path))
        _, json_load = _timed(lambda: sw.load(json_path))
        json_bytes = json_path.stat().st_size
        where = url or str(Path(folder) / "store.db")
        with open_store(where) as store:
            if store.snapshots():
                raise SystemExit(f"bench_store: the store {store.url} is not empty")
            info, add = _timed(lambda: store.add(region, as_of=dt.date(2025, 6, 1)))
            loaded, load = _timed(lambda: store.load(info.id))
            if loaded != region:
                raise SystemExit("bench_store: the loaded region differs from the one added")
            first = store.storage()
            _, add_later = _timed(lambda: store.add(later, as_of=dt.date(2026, 6, 1)))
            second = store.storage()
            for snapshot in store.snapshots():
                if url:  # leave a PostgreSQL database as it was found
                    store.delete(snapshot.id)
        path = sqlite_path(store_url(where))
        store_bytes = path.stat().st_size if path is not None and path.exists() else None
    return {
        "professionals": len(region.professionals),
        "ties": len(region.ties),
        "reference": {"json_save": json_save, "json_load": json_load, "json_bytes": json_bytes},
        "add": {"seconds": add, "ratio": add / json_save},
        "load": {"seconds": load, "ratio": load / json_load},
        "add_resurvey": {
            "seconds": add_later,
            "ratio": add_later / json_save,
            "new_records": second.records - first.records,
            "records": second.records,
            "record_references": second.record_references,
            "new_chunks": second.chunks - first.chunks,
        },
        "store_bytes": store_bytes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a tiny run, for CI")
    parser.add_argument("--sizes", type=int, nargs="+", metavar="N", help="professionals")
    parser.add_argument("--db", metavar="URL", help="an empty PostgreSQL database to use")
    parser.add_argument("--output", type=Path, metavar="FILE")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    smoke = args.smoke or os.environ.get("CI") == "true"
    sizes = args.sizes or (SMOKE_SIZES if smoke else DEFAULT_SIZES)
    records = []
    for size in sizes:
        record = run(size, url=args.db)
        records.append(record)
        if not args.quiet:
            later, add, load = record["add_resurvey"], record["add"], record["load"]
            print(
                f"{record['professionals']:>8} professionals {record['ties']:>9} ties: "
                f"add {add['seconds']:.2f} s ({add['ratio']:.2f}x JSON save), "
                f"load {load['seconds']:.2f} s ({load['ratio']:.2f}x JSON load), "
                f"re-survey add {later['seconds']:.2f} s with {later['new_records']} new records "
                f"and {later['new_chunks']} new chunks"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if sys.platform == "darwin":
        peak //= 1024
    result = {
        "benchmark": "store",
        "smoke": smoke,
        "database": "postgresql" if args.db else "sqlite",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "peak_rss_bytes": peak,
        "sizes": records,
    }
    output = args.output or RESULTS / f"store-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if not args.quiet:
        print(f"Wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
