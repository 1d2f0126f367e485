"""Benchmark: the team around every child of a region, and the meeting table planner.

For each size a synthetic region (``samenwerking.synthetic.region``, seed fixed) gets
fictional cases (``samenwerking.synthetic.cases``, one per 20 professionals); then

- ``team_gaps``: the compact graph is built once and every case's gaps and chains found;
- ``plan_tables``: 200, 400 and 800 invitees (at most 4 per organisation) at 20, 40 and
  80 tables for 3 rounds (the smoke run: 40 invitees at 10 tables for 2 rounds).

As reference, the same run times sorting as many random 64-bit integers as the region has
ties (ratios are against it, since absolute times on a shared machine drift).

Run ``python benchmarks/bench_team_planner.py`` (50,000 professionals), ``--smoke`` (a tiny
region, seconds; also when ``CI=true``), ``--sizes 2000 50000``, ``--output FILE``,
``--quiet``. Results go to ``benchmarks/results/team-planner-<time>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["main", "run"]

SEED = 20240901
DEFAULT_SIZES: tuple[int, ...] = (50_000,)
SMOKE_SIZES: tuple[int, ...] = (600,)
CASES_PER_PROFESSIONAL = 1 / 20
PLANS: tuple[tuple[int, int, int], ...] = ((200, 20, 3), (400, 40, 3), (800, 80, 3))
"""(invitees, tables, rounds) of each planner case in the full run."""
SMOKE_PLANS: tuple[tuple[int, int, int], ...] = ((40, 10, 2),)
RESULTS = Path(__file__).resolve().parent / "results"


def _timed(function: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def run(size: int, *, smoke: bool) -> dict[str, Any]:
    """Time both steps for one size; return a JSON-ready record."""
    import numpy as np

    import samenwerking as sw
    from samenwerking import synthetic
    from samenwerking.planner import plan_tables, select_invitees
    from samenwerking.team import team_gaps

    region = synthetic.region(size, seed=SEED)
    count = max(10, round(size * CASES_PER_PROFESSIONAL))
    region = region.replace(cases=synthetic.cases(region, count, seed=SEED))
    keys = np.random.default_rng(SEED).integers(0, 2**62, len(region.ties))
    _, reference = _timed(lambda: np.sort(keys))
    graph, build = _timed(lambda: sw.compact_graph(region))
    summary, gaps = _timed(lambda: team_gaps(region, graph=graph))
    order = np.random.default_rng(SEED).permutation(len(region.professionals))
    chosen = select_invitees(region, [region.professionals[i].id for i in order.tolist()])
    plans = []
    for invitees, tables, rounds in SMOKE_PLANS if smoke else PLANS:
        people = chosen.invited[:invitees]
        plan, planning = _timed(
            functools.partial(plan_tables, region, people, tables=tables, rounds=rounds, seed=SEED)
        )
        plans.append(
            {
                "seconds": planning,
                "ratio": planning / reference if reference else None,
                "invitees": len(people),
                "tables": tables,
                "rounds": rounds,
                "score": plan.score,
                "random_score": plan.random_score,
                "upper_bound": plan.upper_bound,
            }
        )
    return {
        "professionals": size,
        "ties": len(region.ties),
        "cases": count,
        "reference_seconds": reference,
        "compact_graph_seconds": build,
        "team_gaps": {
            "seconds": gaps,
            "ratio": gaps / reference if reference else None,
            "missing_pairs": sum(len(t.missing) for t in summary.teams),
            "cases_with_missing_ties": summary.cases_with_missing_ties,
            "missing_links": len(summary.missing_links),
        },
        "plan_tables": plans[0],
        "plan_tables_cases": plans,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line; return the exit code."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="one tiny size (also if CI=true)")
    parser.add_argument("--sizes", nargs="+", type=int, help="numbers of professionals")
    parser.add_argument("--output", type=Path, help="results file (default benchmarks/results/)")
    parser.add_argument("--quiet", action="store_true", help="print only the table")
    options = parser.parse_args(sys.argv[1:] if argv is None else argv)
    smoke = options.smoke or os.environ.get("CI") == "true"
    sizes = tuple(options.sizes or (SMOKE_SIZES if smoke else DEFAULT_SIZES))
    records = []
    for size in sizes:
        if not options.quiet:
            print(f"size {size:,} ...", file=sys.stderr)
        records.append(run(size, smoke=smoke))
    print(
        f"{'professionals':>13} {'cases':>6} {'team_gaps s':>11} {'invitees':>8} "
        f"{'plan s':>7} {'score':>6} {'random':>7} {'bound':>6}"
    )
    for r in records:
        for plan in r["plan_tables_cases"]:
            random = "n/a" if plan["random_score"] is None else f"{plan['random_score']:.1f}"
            print(
                f"{r['professionals']:>13,} {r['cases']:>6} {r['team_gaps']['seconds']:>11.2f} "
                f"{plan['invitees']:>8} {plan['seconds']:>7.2f} {plan['score']:>6} "
                f"{random:>7} {plan['upper_bound']:>6}"
            )
    result = {
        "meta": {
            "benchmark": "team-planner",
            "smoke": smoke,
            "seed": SEED,
            "python": platform.python_version(),
            "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
        "sizes": records,
    }
    target = options.output or RESULTS / (
        f"team-planner-{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, indent=2), encoding="utf-8")
    if not options.quiet:
        print(f"results: {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
