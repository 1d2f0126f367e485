"""Benchmark: one plain networkx script, with and without ``backend="samenwerking"``.

A synthetic region (``samenwerking.synthetic.region``, seed fixed) becomes a networkx graph
with ``samenwerking.to_graph`` (not timed: both runs start from the same graph). Then the
same script runs three times in this process:

- ``networkx``: networkx itself (``backend="networkx"``);
- ``samenwerking``: every call with ``backend="samenwerking"``, networkx's default
  conversion cache on (the graph is converted once per set of attributes a call needs);
- ``samenwerking, no cache``: the same with ``nx.config.cache_converted_graphs = False``,
  so every call converts the graph again (the worst case).

The backend's runs are short (seconds) and a shared machine's load comes in bursts, so each
backend configuration runs ``--repeat`` times (default 3, the cache cleared before each) and
the median run is reported; networkx's run lasts minutes and runs once.

Conversion is inside every timing. The script: connected components (and their number),
sampled betweenness (``k=256, seed=1``), bridges, articulation points, core numbers,
Louvain communities (``seed=1``), constraint, effective size, and the assortativity and
mixing matrix of the ``domain`` attribute.

networkx cannot compute the effective size of every node of a large graph: with
``nodes=None`` (its fast path) it builds a dense ``n x n`` matrix (20 GB at 50,000 nodes;
the kernel's OOM killer stopped the first run), and its per-node path copies the whole graph
once per node (``G.to_undirected()`` inside ``ego_graph``: 50 s at 400 nodes). So networkx
runs that step only up to :data:`DENSE_LIMIT` nodes; above it the step is reported as not
run, the whole-script ratio is taken over the steps both ran, and the backend's time for it
is listed apart. The process's address space is capped (``--max-memory-gb``, default 12) so
that a runaway step fails alone instead of the machine running out of memory. Results of
the two backends are compared (the same values within 1e-9; for Louvain, the modularity of
each partition).

Run ``python benchmarks/bench_nx_backend.py`` (50,000 professionals, ten minutes or more,
most of it networkx's betweenness), ``--smoke`` (400 professionals, ``k=32``; also when
``CI=true``), ``--size N``, ``--k K``, ``--repeat R``, ``--output FILE``, ``--quiet``,
``--max-memory-gb``.
Results go to ``benchmarks/results/nx-backend-<time>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["STEPS", "main", "run", "script"]

SEED = 20240901
SIZE = 50_000
SMOKE_SIZE = 400
K = 256
SMOKE_K = 32
REPEAT = 3
"""Runs of each backend configuration; the median run is reported (networkx runs once)."""
DENSE_LIMIT = 10_000
"""Up to this many nodes networkx computes the effective size (its dense n x n matrix)."""
RESULTS = Path(__file__).resolve().parent / "results"

STEPS: tuple[str, ...] = (
    "connected_components",
    "number_connected_components",
    "betweenness_centrality",
    "bridges",
    "articulation_points",
    "core_number",
    "louvain_communities",
    "constraint",
    "effective_size",
    "attribute_assortativity_coefficient",
    "attribute_mixing_matrix",
)


def script(G: Any, backend: str, k: int) -> tuple[dict[str, float], dict[str, Any]]:  # noqa: N803
    """Run the researcher's script on ``G``; seconds and result per step run."""
    import networkx as nx

    domains = sorted({d for _, d in G.nodes(data="domain")}, key=str)
    mapping = {d: i for i, d in enumerate(domains)}
    calls: dict[str, Callable[[], Any]] = {
        "connected_components": lambda: list(nx.connected_components(G, backend=backend)),
        "number_connected_components": lambda: nx.number_connected_components(G, backend=backend),
        "betweenness_centrality": lambda: nx.betweenness_centrality(
            G, k=k, seed=1, backend=backend
        ),
        "bridges": lambda: list(nx.bridges(G, backend=backend)),
        "articulation_points": lambda: list(nx.articulation_points(G, backend=backend)),
        "core_number": lambda: nx.core_number(G, backend=backend),
        "louvain_communities": lambda: nx.community.louvain_communities(G, seed=1, backend=backend),
        "constraint": lambda: nx.constraint(G, backend=backend),
        "effective_size": lambda: nx.effective_size(G, backend=backend),
        "attribute_assortativity_coefficient": lambda: nx.attribute_assortativity_coefficient(
            G, "domain", backend=backend
        ),
        "attribute_mixing_matrix": lambda: nx.attribute_mixing_matrix(
            G, "domain", mapping=mapping, backend=backend
        ),
    }
    seconds: dict[str, float] = {}
    results: dict[str, Any] = {}
    for step in STEPS:
        if step == "effective_size" and backend == "networkx" and len(G) > DENSE_LIMIT:
            continue  # a dense n x n matrix: see the module docstring
        start = time.perf_counter()
        results[step] = calls[step]()
        seconds[step] = time.perf_counter() - start
    return seconds, results


def _largest_difference(a: Any, b: Any) -> float:
    """The largest absolute difference between two results of one step (0.0: equal)."""
    import numpy as np

    if isinstance(a, dict):
        if list(a) != list(b):
            return math.inf
        values = [(float(a[v]), float(b[v])) for v in a]
        diffs = [0.0 if (math.isnan(x) and math.isnan(y)) else abs(x - y) for x, y in values]
        return max(diffs, default=0.0)
    if isinstance(a, list):
        same = {frozenset(x) if isinstance(x, set | tuple) else x for x in a} == {
            frozenset(x) if isinstance(x, set | tuple) else x for x in b
        }
        return 0.0 if same else math.inf
    if isinstance(a, np.ndarray):
        return float(np.abs(a - b).max()) if a.size else 0.0
    if isinstance(a, float) and math.isnan(a):
        return 0.0 if math.isnan(b) else math.inf
    return abs(float(a) - float(b))


def run(size: int, k: int, *, repeat: int = REPEAT, quiet: bool = False) -> dict[str, Any]:
    """Build the region graph and run the script with each backend (ours ``repeat`` times)."""
    import networkx as nx

    import samenwerking as sw

    def say(text: str) -> None:
        if not quiet:
            print(text, file=sys.stderr, flush=True)

    say(f"region of {size:,} professionals ...")
    G = sw.to_graph(sw.synthetic.region(professionals=size, seed=SEED))  # noqa: N806
    nx.config.warnings_to_ignore.add("cache")
    runs: dict[str, dict[str, float]] = {}
    all_totals: dict[str, list[float]] = {}
    outputs: dict[str, dict[str, Any]] = {}
    for label, backend, cache in (
        ("samenwerking", "samenwerking", True),
        ("samenwerking, no cache", "samenwerking", False),
        ("networkx", "networkx", True),
    ):
        say(f"{label} ...")
        attempts = []
        for _ in range(1 if backend == "networkx" else repeat):
            if hasattr(G, "__networkx_cache__"):
                G.__networkx_cache__.clear()  # every run converts from scratch
            with nx.config(cache_converted_graphs=cache):
                attempts.append(script(G, backend, k))
        attempts.sort(key=lambda attempt: sum(attempt[0].values()))
        runs[label], outputs[label] = attempts[len(attempts) // 2]  # the median run
        all_totals[label] = [sum(attempt[0].values()) for attempt in attempts]
    ours, theirs = outputs["samenwerking"], outputs["networkx"]
    differences = {
        step: _largest_difference(ours[step], theirs[step])
        for step in STEPS
        if step != "louvain_communities" and step in theirs
    }
    modularity = {
        label: float(nx.community.modularity(G, outputs[label]["louvain_communities"]))
        for label in ("samenwerking", "networkx")
    }
    both = [step for step in STEPS if step in runs["networkx"]]  # the steps networkx ran
    totals = {label: sum(seconds[step] for step in both) for label, seconds in runs.items()}
    return {
        "professionals": size,
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "k": k,
        "seconds": runs,
        "compared_steps": both,
        "not_run_by_networkx": [step for step in STEPS if step not in both],
        "totals": totals,
        "repeat": repeat,
        "all_totals": all_totals,
        "ratio": totals["networkx"] / totals["samenwerking"],
        "ratio_no_cache": totals["networkx"] / totals["samenwerking, no cache"],
        "largest_difference": differences,
        "louvain_modularity": modularity,
    }


def _table(result: dict[str, Any]) -> str:
    runs = result["seconds"]
    labels = ("samenwerking", "samenwerking, no cache", "networkx")
    lines = [
        f"{result['nodes']:,} nodes, {result['edges']:,} edges, k = {result['k']}",
        f"{'step':<38}" + "".join(f"{label:>24}" for label in labels) + f"{'ratio':>9}",
    ]
    for step in STEPS:
        cells = "".join(
            f"{runs[label][step]:>23.3f}s" if step in runs[label] else f"{'not run':>24}"
            for label in labels
        )
        ratio = (
            f"{runs['networkx'][step] / max(runs['samenwerking'][step], 1e-9):>8.1f}x"
            if step in runs["networkx"]
            else f"{'-':>9}"
        )
        lines.append(f"{step:<38}{cells}{ratio}")
    totals = result["totals"]
    cells = "".join(f"{totals[label]:>23.3f}s" for label in labels)
    lines.append(f"{'whole script (steps networkx ran)':<38}{cells}{result['ratio']:>8.1f}x")
    lines.append(f"whole script without the conversion cache: {result['ratio_no_cache']:.1f}x")
    worst = max(result["largest_difference"].values())
    lines.append(f"largest difference from networkx's results: {worst:.3g}")
    q = result["louvain_modularity"]
    lines.append(
        f"Louvain modularity: samenwerking {q['samenwerking']:.4f}, networkx {q['networkx']:.4f}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry: run, print the table, write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a tiny region (also if CI=true)")
    parser.add_argument("--size", type=int, help=f"professionals (default {SIZE:,})")
    parser.add_argument("--k", type=int, help=f"betweenness sources (default {K})")
    parser.add_argument("--output", type=Path, help="results file (default benchmarks/results/)")
    parser.add_argument("--quiet", action="store_true", help="print only the table")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="runs of the backend")
    parser.add_argument(
        "--max-memory-gb", type=float, default=12.0, help="address-space cap (0: none)"
    )
    options = parser.parse_args(argv)
    if options.max_memory_gb > 0:
        limit = int(options.max_memory_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    smoke = options.smoke or os.environ.get("CI") == "true"
    size = options.size or (SMOKE_SIZE if smoke else SIZE)
    k = options.k or (SMOKE_K if smoke else K)
    result = run(size, k, repeat=options.repeat, quiet=options.quiet)
    print(_table(result))
    meta = {
        "benchmark": "nx-backend",
        "smoke": smoke,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
    }
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    target = options.output or RESULTS / f"nx-backend-{stamp}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"meta": meta, "result": result}, indent=2), encoding="utf-8")
    if not options.quiet:
        print(f"results: {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
