"""Benchmark: betweenness to a stated error against the report's former 256 sampled sources.

On ``samenwerking.synthetic.region(size, seed=1)`` (the compact graph built untimed) this
times, in one process and ``--repeat`` times each, ``betweenness(C, k=256, seed=1)`` (what
the report's brokers section used above 2,000 professionals) and
``approximate_betweenness(C, epsilon=E, delta=0.1, seed=1)`` for each ``--epsilon``. With
``--exact`` (default for ``--smoke``) it also computes exact betweenness and checks that
every estimate lies within its epsilon (exit 1 if not), printing the largest error. Both
run on numba's threads (all cores unless ``NUMBA_NUM_THREADS`` says fewer); ``--threads T
[T ...]`` times each on those thread counts instead (e.g. ``--threads 1 2``).

Run ``python benchmarks/bench_betweenness_approx.py`` (50,000 professionals, about 20 s),
``--smoke`` (1,000 professionals, exact check; also when ``CI=true``), ``--size N``,
``--epsilon E [E ...]``, ``--repeat R``, ``--exact``, ``--threads T [T ...]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

import numpy as np

import samenwerking as sw
from samenwerking._jit import get_threads, threads
from samenwerking.analysis import approximate_betweenness, betweenness
from samenwerking.graph.compact import compact_graph


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 when every checked estimate is within its epsilon."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", default=os.environ.get("CI") == "true")
    parser.add_argument("--size", type=int)
    parser.add_argument("--epsilon", type=float, nargs="+", default=[0.1, 0.05])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--exact", action="store_true")
    parser.add_argument("--threads", type=int, nargs="+")
    args = parser.parse_args(argv)
    size = args.size or (1_000 if args.smoke else 50_000)
    check = args.exact or args.smoke
    C = compact_graph(sw.synthetic.region(size, seed=1))  # noqa: N806
    print(f"{C.n_nodes:,} nodes, {C.n_edges:,} ties; load average {os.getloadavg()[0]:.2f}")
    exact = np.fromiter(betweenness(C).values(), np.float64) if check else None
    failed = False
    for _, count in ((r, t) for r in range(args.repeat) for t in args.threads or [get_threads()]):
        with threads(count):
            failed |= _run(C, args.epsilon, exact)
    return 1 if failed else 0


def _run(C: Any, epsilons: list[float], exact: np.ndarray | None) -> bool:  # noqa: N803
    """Time both once on the current thread count; whether an estimate missed its epsilon."""
    failed = False
    count = get_threads()
    start = time.perf_counter()
    betweenness(C, k=min(256, C.n_nodes), seed=1)
    print(f"betweenness k=256, {count} thread(s): {time.perf_counter() - start:.2f} s")
    for epsilon in epsilons:
        start = time.perf_counter()
        found = approximate_betweenness(C, epsilon=epsilon, delta=0.1, seed=1)
        line = (
            f"approximate epsilon={epsilon}, {count} thread(s): {found.samples:,} paths, "
            f"{time.perf_counter() - start:.2f} s, vertex diameter bound "
            f"{found.vertex_diameter}, {len(found.stable_top(10))} surely in the top 10"
        )
        if exact is not None:
            error = float(np.abs(np.fromiter(found.scores.values(), np.float64) - exact).max())
            line += f", largest error {error:.4f}"
            failed |= error > epsilon
        print(line)
    return failed


if __name__ == "__main__":
    sys.exit(main())
