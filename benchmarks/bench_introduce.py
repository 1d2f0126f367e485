"""Benchmark: the introduction functions of ``samenwerking.introduce`` at region scale.

For each size, a synthetic region (``samenwerking.synthetic.region``, seed fixed) is
generated (not timed); then the ties of a fixed share of organisations are dropped, so the
region has many islands (most of them isolates), as real survey data does. Timed, in one
process:

- ``compact_graph``: building the graph (shared by the steps below);
- ``islands``: the reference task (``samenwerking.analysis.islands``): every ratio is a
  step's time divided by this one, since absolute times on a shared machine drift;
- ``connect_islands``; ``connect_islands_sparse``: the same on a very sparse region
  (``synthetic.region(N, ties_per_professional=0.3)``, most people isolates: 35,000
  islands at 50,000), the case its vectorised rounds are for; ``make_links_robust`` (by domain with
  k = 100, by sector with k = 10),
  ``expertise_within_reach`` (2 steps), ``apply_introductions`` with ``improvement``;
- ``chained``: what the report does: the three functions planned on top of each other
  (``planned=``, k = 2, 2 steps), so the cap holds over all three lists.

Run ``python benchmarks/bench_introduce.py`` (2,000 and 50,000 professionals), ``--smoke``
(one tiny size; also when ``CI=true``), ``--sizes 2000 50000``, ``--output path.json``,
``--quiet``. Results go to ``benchmarks/results/introduce-<time>.json`` by default.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["STEPS", "main", "run"]

SEED = 1
DEFAULT_SIZES: tuple[int, ...] = (2_000, 50_000)
SMOKE_SIZES: tuple[int, ...] = (400,)
DROP_SHARE = 0.05
"""Share of organisations whose ties are dropped, to make islands."""
ROBUST_K = {"domain": 100, "sector": 10}
"""The bus factor asked of every link: high enough that the synthetic region needs work."""
REACH_STEPS = 2
SPARSE_TIES = 0.3
"""Ties per professional of the very sparse region (``connect_islands_sparse``)."""
RESULTS = Path(__file__).resolve().parent / "results"
STEPS: tuple[str, ...] = (
    "compact_graph",
    "islands",
    "connect_islands",
    "connect_islands_sparse",
    "robust_domain",
    "robust_sector",
    "expertise_within_reach",
    "apply_and_improvement",
    "chained",
)


def _region(professionals: int) -> Any:
    """The synthetic region with the ties of a seeded share of organisations dropped."""
    import numpy as np

    import samenwerking as sw

    region = sw.synthetic.region(professionals, seed=SEED)
    rng = np.random.default_rng(SEED)
    orgs = [o.id for o in region.organisations]
    dropped = {orgs[i] for i in rng.choice(len(orgs), round(DROP_SHARE * len(orgs)), False)}
    lonely = np.array([p.organisation in dropped for p in region.professionals])
    position = {p.id: i for i, p in enumerate(region.professionals)}
    remap = np.array([position[i] for i in region.ties.ids], np.int64)
    ties = region.ties
    keep = ~(lonely[remap[ties.source]] | lonely[remap[ties.target]])
    return region.replace(ties=ties.select(keep))


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def _summary(result: Any) -> dict[str, Any]:
    return {
        "introductions": len(result),
        "exact": result.exact,
        "complete": result.complete,
        "lower_bound": result.lower_bound,
        "total_cost": round(result.total_cost, 3),
    }


def _chained(region: Any, G: Any) -> dict[str, Any]:  # noqa: N803
    """The report's chain: connect, robust (k=2) on top, reach (2 steps) on top of both."""
    from samenwerking.introduce import connect_islands, expertise_within_reach, make_links_robust

    connect = connect_islands(region, graph=G)
    robust = make_links_robust(region, k=2, graph=G, planned=connect)
    reach = expertise_within_reach(region, steps=REACH_STEPS, graph=G, planned=(*connect, *robust))
    results = (connect, robust, reach)
    counts: dict[str, int] = {}
    for result in results:
        for person, count in result.per_person().items():
            counts[person] = counts.get(person, 0) + count
    return {
        "introductions": sum(len(r) for r in results),
        "complete": all(r.complete for r in results),
        "most_per_person": max(counts.values(), default=0),
    }


def run_size(professionals: int) -> dict[str, Any]:
    """Time every step on one region size."""
    import samenwerking as sw
    from samenwerking.analysis import islands
    from samenwerking.introduce import (
        apply_introductions,
        connect_islands,
        expertise_within_reach,
        improvement,
        make_links_robust,
    )

    region = _region(professionals)
    steps: dict[str, dict[str, Any]] = {}
    seconds, G = _timed(lambda: sw.compact_graph(region))  # noqa: N806
    steps["compact_graph"] = {"seconds": seconds}
    seconds, found = _timed(lambda: islands(G))
    steps["islands"] = {"seconds": seconds, "islands": len(found)}
    seconds, connect = _timed(lambda: connect_islands(region, graph=G))
    steps["connect_islands"] = {"seconds": seconds, **_summary(connect)}
    sparse = sw.synthetic.region(professionals, seed=SEED, ties_per_professional=SPARSE_TIES)
    sparse_graph = sw.compact_graph(sparse)
    sparse_islands = len(islands(sparse_graph))
    seconds, joined = _timed(lambda s=sparse, g=sparse_graph: connect_islands(s, graph=g))
    steps["connect_islands_sparse"] = {
        "seconds": seconds,
        "islands": sparse_islands,
        **_summary(joined),
    }
    del sparse, sparse_graph
    for name, by in (("robust_domain", "domain"), ("robust_sector", "sector")):
        seconds, robust = _timed(
            lambda by=by: make_links_robust(region, k=ROBUST_K[by], by=by, graph=G)
        )
        steps[name] = {"seconds": seconds, **_summary(robust)}
    seconds, reach = _timed(lambda: expertise_within_reach(region, steps=REACH_STEPS, graph=G))
    steps["expertise_within_reach"] = {"seconds": seconds, **_summary(reach)}
    seconds, change = _timed(lambda: improvement(region, apply_introductions(region, connect)))
    steps["apply_and_improvement"] = {
        "seconds": seconds,
        "islands_before": change.islands[0],
        "islands_after": change.islands[1],
    }
    seconds, chain = _timed(lambda: _chained(region, G))
    steps["chained"] = {"seconds": seconds, **chain}
    reference = max(steps["islands"]["seconds"], 1e-9)
    for step in steps.values():
        step["ratio"] = round(step["seconds"] / reference, 2)
    return {
        "professionals": professionals,
        "ties": len(region.ties),
        "islands": len(found),
        "isolates": len(found.isolates),
        "steps": steps,
    }


def run(sizes: tuple[int, ...], *, smoke: bool = False, quiet: bool = False) -> dict[str, Any]:
    """Run every size and return the results (also printed unless ``quiet``)."""
    results = []
    for size in sizes:
        result = run_size(size)
        results.append(result)
        if not quiet:
            print(
                f"{size:>8,} professionals, {result['islands']:,} islands "
                f"({result['isolates']:,} isolates)"
            )
            for name, step in result["steps"].items():
                extra = (
                    f"  {step['introductions']} introductions" if "introductions" in step else ""
                )
                print(f"  {name:<24} {step['seconds']:8.3f} s  ratio {step['ratio']:6.2f}{extra}")
    return {
        "meta": {
            "benchmark": "introduce",
            "smoke": smoke,
            "seed": SEED,
            "drop_share": DROP_SHARE,
            "robust_k": ROBUST_K,
            "reach_steps": REACH_STEPS,
            "sparse_ties_per_professional": SPARSE_TIES,
            "steps": list(STEPS),
            "reference": "islands",
            "python": platform.python_version(),
            "machine": platform.machine(),
            "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
        "sizes": results,
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--smoke", action="store_true", help="one tiny size (also CI=true)")
    parser.add_argument("--sizes", nargs="+", type=int, help="numbers of professionals")
    parser.add_argument("--output", type=Path, help="where to write the JSON results")
    parser.add_argument("--quiet", action="store_true", help="print only the output path")
    args = parser.parse_args(argv)
    smoke = args.smoke or os.environ.get("CI", "").lower() == "true"
    default = SMOKE_SIZES if smoke else DEFAULT_SIZES
    sizes = tuple(args.sizes) if args.sizes else default
    result = run(sizes, smoke=smoke, quiet=args.quiet)
    output = args.output
    if output is None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        output = RESULTS / f"introduce-{stamp}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"results: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
