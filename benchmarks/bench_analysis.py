"""Benchmark: the full analysis suite against networkx, igraph and NetworKit, in one run.

For each size, a synthetic region (``samenwerking.synthetic.region``, seed fixed) is
generated once in a child process, which writes its edge list and node table (sector,
domain, municipality, organisation codes; trust and value per tie) to a scratch ``.npz``
file. Then every library runs in its own **fresh Python process**, so that its peak memory
(``ru_maxrss``) is its own:

- ``ours``: ``samenwerking.compact_graph(region)`` once, then every analysis of
  ``samenwerking.analysis`` (sampled variants with ``k=256`` and a fixed seed);
- ``networkx``: a plain networkx script computing the same metrics from the edge list
  (library functions where networkx has them, plain Python over edges where it does not);
- ``igraph`` and ``networkit``: the same metrics with those C++ libraries where they have
  them (numpy over the edge arrays for the group counts they lack), graph build timed.

Ours' region is built from the same edge list (its ties adopted from the arrays, with
their kind, strength, date, trust, value and direction) and the generated region's
organisations and professionals, which ``_prepare`` pickles beside it; building it is not
timed, and nobody's input holds the generator's working memory. Before its steps are
timed, ours runs each of them on a tiny region (untimed; the table says how long), once as
is and once with every kernel's work split over the threads, so that numba compiling its
kernels or loading them from its cache is not in the timings (``--no-warm-up`` times the
cold calls). Every library's process collects garbage before each step, untimed. A step
whose first call takes under ``REPEAT_BELOW_S`` is called ``REPEATS`` times in all and its
best time kept (as ``timeit`` does; every library alike, each call's result dropped and
garbage collected before the next, untimed), except ``build`` and ``compare``, whose graphs
ours keeps with the region: their first call is their time. Analyses
that do not exist yet are reported as ``missing``, steps a library has no counterpart for
as ``n/a``; an exception in one step is recorded and the run goes on. Ratios are computed
over the steps both sides ran; per step, ours over the fastest of igraph and NetworKit.

**Agreement.** After each timed step whose result can be compared, the library's process
writes that result in one canonical form (node labels, sorted node or edge keys, scores;
untimed) to the scratch folder, and a separate process compares every library with ours on
the same edge list: the connected components (as partitions), the articulation points, the
bridges and the core numbers must be equal (exact checks: a difference sets the summary's
``failed`` flag and the exit code 1); the modularity of each library's communities,
computed by one formula, is reported with ours' relative difference (ours should be at most
1% below NetworKit's PLM); for sampled betweenness the share of the top 100 two libraries
have in common, and Spearman's rank correlation of their scores over the top 500 of ours
(of the first, for two other libraries), are reported, not required. A library that is not
installed or did not run the step is skipped, with the reason.

**Threads.** The table states each library's threads: ours numba's
(``samenwerking._jit.get_threads()``), igraph 1, NetworKit ``getMaxNumberOfThreads()``,
networkx 1, and, measured, the cores each step used (CPU time over wall time). ``--threads
N`` gives every library N threads: ``NUMBA_NUM_THREADS``, ``OMP_NUM_THREADS`` (and the BLAS
variables) in each child's environment, ``networkit.setNumberOfThreads(N)``, and the child
bound to N CPUs (so that pools sized by ``os.cpu_count()`` share N cores too).

**Limits.** Each library process has an address-space cap (``--max-memory-gb``); a step
that runs longer than ``--step-timeout`` seconds is stopped (its process is killed; a new
process builds the graph again and goes on with the next step), and a library's steps
together get ``--timeout`` seconds (three times both for networkx, the slow baseline).
Peak memory is each process's maximum resident set, the largest over its restarts.

Run ``python benchmarks/bench_analysis.py`` (2,000 / 50,000 / 600,000 professionals),
``--smoke`` (one tiny, sparse size, so that there are islands, articulation points and
bridges to compare; ours and networkx only; also when ``CI=true``), ``--sizes
50000``, ``--only ours,igraph``, ``--steps betweenness,communities``, ``--threads 1``. The
national size beside the C++ libraries: ``--sizes 600000 --only ours,igraph,networkit``.
Results go to ``benchmarks/results/analysis-<time>.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import importlib
import importlib.util
import json
import os
import pickle
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

__all__ = ["LIBRARIES", "STEPS", "main", "run"]

SEED = 20240901
K = 256
"""Sampled sources for betweenness (every library; ``--k``)."""
SMOKE_K = 32
MAX_MEMORY_GB = 16.0
"""Address-space cap of each library's process (``--max-memory-gb``; 0: none)."""
STEP_TIMEOUT = 600.0
"""Seconds one step may take before its process is stopped (``--step-timeout``; 0: none)."""
LIBRARY_BUDGET = 3600.0
"""Seconds all of one library's steps may take together (``--timeout``; 0: none)."""
NETWORKX_SLACK = 3.0
"""networkx, the slow baseline, gets this many times both limits."""
PERMUTATIONS = 99
"""Permutations for the E-I index test (ours and the scripts)."""
DROP_SHARE = 0.05
"""Share of ties dropped to make the 'after' snapshot for ``compare``."""
TIES_PER_PROFESSIONAL = 10.0
WARM_UP_SIZE = 300
"""Professionals of the tiny region our steps first run on, untimed (``--no-warm-up``: none)."""
REPEAT_BELOW_S = 0.05
"""A step whose first call is faster than this is timed as the best of :data:`REPEATS` calls."""
REPEATS = 5
NOT_REPEATED = frozenset({"build", "compare"})
"""Steps timed by their first call only: ours keeps the graphs they build with the region."""
SMOKE_TIES_PER_PROFESSIONAL = 2.0
"""Sparse enough that the smoke region has islands, articulation points and bridges to check."""
DEFAULT_SIZES: tuple[int, ...] = (2_000, 50_000, 600_000)
SMOKE_SIZES: tuple[int, ...] = (400,)
SIZE_NAMES = {2_000: "municipality", 50_000: "region", 600_000: "country"}
RESULTS = Path(__file__).resolve().parent / "results"

LIBRARIES: tuple[str, ...] = ("ours", "networkx", "igraph", "networkit")
IMPORT_NAME = {
    "ours": "samenwerking",
    "networkx": "networkx",
    "igraph": "igraph",
    "networkit": "networkit",
}
SMOKE_LIBRARIES: tuple[str, ...] = ("ours", "networkx")

# (step, module in samenwerking.analysis, function); "build" is the graph construction.
STEPS: tuple[tuple[str, str, str], ...] = (
    ("build", "", "compact_graph"),
    ("islands", "islands", "islands"),
    ("betweenness", "brokers", "betweenness"),
    ("articulation_points", "weak_points", "articulation_points"),
    ("bridges", "weak_points", "bridges"),
    ("weak_points", "weak_points", "weak_points"),
    ("constraint", "structural_holes", "constraint"),
    ("effective_size", "structural_holes", "effective_size"),
    ("brokerage_roles", "brokerage", "brokerage_roles"),
    ("brokerage_directed", "brokerage", "brokerage_roles"),
    ("reach_counts", "reach", "reach_counts"),
    ("nearest_contact", "reach", "nearest_contact"),
    ("bus_factor", "bus_factor", "bus_factor"),
    ("ei_index", "mixing", "ei_index"),
    ("mixing_matrix", "mixing", "mixing_matrix"),
    ("assortativity", "mixing", "assortativity"),
    ("density", "cohesion", "density"),
    ("density_by", "cohesion", "density_by"),
    ("degree_centralization", "cohesion", "degree_centralization"),
    ("core_numbers", "cohesion", "core_numbers"),
    ("communities", "communities", "communities"),
    ("trust_value", "trust", "trust_value"),
    ("compare", "change", "compare"),
)
STEP_NAMES: tuple[str, ...] = tuple(s[0] for s in STEPS)
CHECKS: dict[str, str] = {
    "islands": "components",
    "articulation_points": "articulation_points",
    "bridges": "bridges",
    "core_numbers": "core_numbers",
    "communities": "modularity",
    "betweenness": "betweenness",
}
"""The steps whose results are compared between libraries, and the name of each check."""
EXACT_CHECKS: tuple[str, ...] = ("components", "articulation_points", "bridges", "core_numbers")
"""Checks that must agree exactly (a difference fails the run)."""
TOP_OVERLAP = 100
TOP_SPEARMAN = 500
MODULARITY_TOLERANCE = 0.01
"""Ours' modularity may be this much (relative) below the other library's."""
STALL_VARIABLE = "BENCH_ANALYSIS_STALL"
"""``library.step`` named here hangs (for the tests of the step timeout)."""
THREAD_VARIABLES = (
    "NUMBA_NUM_THREADS",
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
)
SCHOOL_SECTORS = ("primary_school", "secondary_school", "special_school", "special_primary_school")
CONTACT_SECTOR = "youth_care"
"""nearest_contact: distance from every school professional to the nearest one in youth care."""


# -- measuring ---------------------------------------------------------------------------
def _peak_mb() -> float:
    """Peak resident memory of this process, in MB (``ru_maxrss``).

    On Linux ``ru_maxrss`` survives ``fork`` and ``exec``: a child starts with its parent's
    peak. The parent therefore never imports numpy or holds a region.
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
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


def _emit(**event: Any) -> None:
    print(json.dumps(event), flush=True)


class MissingAnalysisError(Exception):
    """samenwerking does not have this analysis yet (reported as ``missing``)."""


# -- the shared input ----------------------------------------------------------------------
def _keep_mask(ties: int) -> Any:
    """Which ties survive into the 'after' snapshot used by ``compare`` (seeded)."""
    import numpy as np

    return np.random.default_rng(SEED + 1).random(ties) >= DROP_SHARE


def _region(professionals: int, ties_per_professional: float = TIES_PER_PROFESSIONAL) -> Any:
    import samenwerking as sw

    return sw.synthetic.region(
        professionals, seed=SEED, ties_per_professional=ties_per_professional
    )


def _prepare(
    professionals: int, path: str, ties_per_professional: float = TIES_PER_PROFESSIONAL
) -> dict[str, Any]:
    """Generate one region; write its edge list and node table to ``path`` (child process)."""
    import numpy as np

    import samenwerking as sw

    start = time.perf_counter()
    region = _region(professionals, ties_per_professional)
    generate_s = time.perf_counter() - start
    graph = sw.compact_graph(region)
    store = region.ties
    ids = tuple(p.id for p in region.professionals)
    if store.ids == ids:
        source, target = store.source.astype(np.int64), store.target.astype(np.int64)
    else:  # map the store's vocabulary onto professional positions
        position = {pid: i for i, pid in enumerate(ids)}
        remap = np.array([position.get(i, -1) for i in store.ids], np.int64)
        source, target = remap[store.source], remap[store.target]
    if graph.ids != ids:  # every library's node i is professional i (the checks rely on it)
        raise RuntimeError("the compact graph's nodes are not in the professionals' order")
    sectors = np.array(graph.sectors)
    np.savez(
        path,
        n=np.int64(len(ids)),
        ties_per_professional=np.float64(ties_per_professional),
        source=source,
        target=target,
        trust=store.column("trust"),
        value=store.column("value"),
        keep=_keep_mask(len(store)),
        directed=store.column("directed"),
        kind=store.column("kind"),
        strength=store.column("strength"),
        since=store.column("since"),
        sector=np.asarray(graph.sector, np.int64),
        domain=np.asarray(graph.domain, np.int64),
        municipality=np.asarray(graph.municipality, np.int64),
        organisation=np.asarray(graph.organisation, np.int64),
        school=np.isin(sectors, SCHOOL_SECTORS)[graph.sector] & (graph.sector >= 0),
        contact=(sectors == CONTACT_SECTOR)[graph.sector] & (graph.sector >= 0),
    )
    if store.meetings:  # the node table below does not carry meetings
        raise RuntimeError("the synthetic region's ties name meetings")
    with _people_file(path).open("wb") as file:  # ours' node table: its region's own objects
        pickle.dump((region.name, region.organisations, region.professionals), file, protocol=5)
    return {
        "generate_s": generate_s,
        "professionals": len(ids),
        "ties": len(store),
        "edges": graph.n_edges,
        "graph_mb": graph.nbytes / 1e6,
        "prepare_peak_mb": _peak_mb(),
    }


# -- ours ----------------------------------------------------------------------------------
def _analysis(module: str, name: str) -> Callable[..., Any]:
    """``samenwerking.analysis.<module>.<name>``, else ``samenwerking.analysis.<name>``."""
    qualified = f"samenwerking.analysis.{module}"
    try:
        found = getattr(importlib.import_module(qualified), name, None)
    except ModuleNotFoundError as error:
        if error.name != qualified:
            raise  # the module exists but fails to import: an error, not a missing analysis
        found = None
    if found is None:
        found = getattr(importlib.import_module("samenwerking.analysis"), name, None)
    if found is None:
        raise MissingAnalysisError(f"samenwerking.analysis.{module}.{name} does not exist yet")
    return found  # type: ignore[no-any-return]


def _ours_steps(ctx: dict[str, Any], k: int) -> dict[str, Callable[[], Any]]:
    import samenwerking as sw

    def build() -> Any:
        ctx["G"] = sw.compact_graph(ctx["region"])
        return ctx["G"]

    def brokerage_directed() -> Any:
        # The directed graph of the ties (one-way survey answers one way) is built here.
        function = _analysis("brokerage", "brokerage_roles")
        return function(sw.graph.compact_digraph(ctx["region"]), by="domain")

    def call(step: str, *args: Any, **kwargs: Any) -> Callable[[], Any]:
        module, name = next((m, f) for s, m, f in STEPS if s == step)
        try:  # looked up here, untimed, as the C++ scripts' methods are
            function: Callable[..., Any] | None = _analysis(module, name)
        except MissingAnalysisError:
            function = None  # reported as missing when the step runs

        def go() -> Any:
            found = function if function is not None else _analysis(module, name)
            return found(*(ctx[a] for a in args), **kwargs)

        return go

    return {
        "build": build,
        "islands": call("islands", "G"),
        "betweenness": call("betweenness", "G", k=k, seed=SEED),
        "articulation_points": call("articulation_points", "G"),
        "bridges": call("bridges", "G"),
        "weak_points": call("weak_points", "G"),
        "constraint": call("constraint", "G"),
        "effective_size": call("effective_size", "G"),
        "brokerage_roles": call("brokerage_roles", "G", by="domain"),
        "brokerage_directed": brokerage_directed,
        "reach_counts": call("reach_counts", "G", k=2),
        "nearest_contact": call("nearest_contact", "G", to_sectors=(CONTACT_SECTOR,)),
        "bus_factor": call("bus_factor", "G", by="domain"),
        "ei_index": call("ei_index", "G", by="domain", permutations=PERMUTATIONS, seed=SEED),
        "mixing_matrix": call("mixing_matrix", "G", by="domain"),
        "assortativity": call("assortativity", "G", by="domain"),
        "density": call("density", "G"),
        "density_by": call("density_by", "G", by="municipality"),
        "degree_centralization": call("degree_centralization", "G"),
        "core_numbers": call("core_numbers", "G"),
        "communities": call("communities", "G", seed=SEED),
        "trust_value": call("trust_value", "region", by="organisation"),
        "compare": call("compare", "region", "after", by="domain"),
    }


def _ours_warm_up(k: int) -> float:
    """Run each of our steps once on a tiny region, untimed; return the seconds it took.

    numba compiles a kernel on its first call (or loads it from its on-disk cache); doing
    that here keeps it out of the timed steps, which then time warm calls.
    """
    import samenwerking.analysis._kernels as kernels

    start = time.perf_counter()
    tiny = _region(WARM_UP_SIZE, 3.0)
    threshold = kernels.PARALLEL_WORK
    # Twice: as is, then with every kernel's work split over the threads, so that the
    # thread-block variants that only large graphs reach are compiled (or loaded) too.
    for parallel_work in (threshold, 0):
        kernels.PARALLEL_WORK = parallel_work
        try:
            for function in _ours_steps(_tiny_context(tiny), min(k, WARM_UP_SIZE)).values():
                with contextlib.suppress(Exception):  # a broken step is reported when timed
                    function()
        finally:
            kernels.PARALLEL_WORK = threshold
    return time.perf_counter() - start


def _tiny_context(tiny: Any) -> dict[str, Any]:
    after = tiny.replace(ties=tiny.ties.select(_keep_mask(len(tiny.ties))))
    return {"region": tiny, "after": after}


def _people_file(datafile: str | Path) -> Path:
    """Where ``_prepare`` writes the region's name, organisations and professionals."""
    return Path(datafile).with_suffix(".people.pickle")


def _ours_input(ctx: dict[str, Any], data: dict[str, Any], datafile: str) -> None:
    """Our region from the same edge list the other libraries load, and its node table.

    The ties are adopted from the prepared arrays (``int32`` ends, no other copy); the
    organisations and professionals are the generated region's objects, unpickled. So
    ours' input is what a reader of those files would hold, without the generator's
    working memory; the edge list's ``int64`` copies are dropped once the ties are built.
    """
    import numpy as np

    import samenwerking as sw

    for module in sorted({m for _, m, _ in STEPS if m}):
        # Imports are not part of the timings; a missing or broken module is reported by
        # its step.
        with contextlib.suppress(Exception):
            importlib.import_module(f"samenwerking.analysis.{module}")
    with _people_file(datafile).open("rb") as file:
        name, organisations, professionals = pickle.load(file)  # our own file, just written
    if len(professionals) != int(data["n"]):
        raise RuntimeError("the node table differs from the prepared edge list")
    ties = sw.TieStore.adopt(
        ids=tuple(p.id for p in professionals),
        source=data.pop("source").astype(np.int32),
        target=data.pop("target").astype(np.int32),
        **{c: data.pop(c) for c in ("kind", "strength", "trust", "value", "since", "directed")},
    )
    region = sw.Region(name, organisations, professionals, ties)
    ctx["region"] = region
    ctx["after"] = region.replace(ties=region.ties.select(data["keep"]))


# -- numpy over edge arrays (the C++ scripts' group counts) -------------------------------------
def _np_groups(codes: Any) -> tuple[Any, int]:
    """Codes with unknown (-1) moved to a last group, and the number of groups."""
    import numpy as np

    size = int(codes.max()) + 2 if len(codes) else 1
    return np.where(codes < 0, size - 1, codes), size


def _np_ei(eu: Any, ev: Any, codes: Any, n: int, permutations: int) -> dict[str, Any]:
    import numpy as np

    codes, size = _np_groups(codes)

    def whole(c: Any) -> float:
        external = int(np.count_nonzero(c[eu] != c[ev]))
        return (2 * external - len(eu)) / max(len(eu), 1)

    cross = (codes[eu] != codes[ev]).astype(np.float64)
    ext = np.bincount(eu, cross, n) + np.bincount(ev, cross, n)
    deg = np.bincount(eu, minlength=n) + np.bincount(ev, minlength=n)
    per_node = (2 * ext - deg) / np.maximum(deg, 1)
    group_ext = np.bincount(codes, ext, size)
    group_deg = np.bincount(codes, deg, size)
    rng = np.random.default_rng(SEED)
    observed = whole(codes)
    null = np.array([whole(rng.permutation(codes)) for _ in range(permutations)])
    return {
        "ei": observed,
        "p": (1 + np.count_nonzero(null >= observed)) / (permutations + 1),
        "groups": (2 * group_ext - group_deg) / np.maximum(group_deg, 1),
        "nodes": per_node,
    }


def _np_mixing(eu: Any, ev: Any, codes: Any) -> Any:
    import numpy as np

    codes, size = _np_groups(codes)
    counts = np.bincount(codes[eu] * size + codes[ev], minlength=size * size).reshape(size, size)
    return counts + counts.T


def _np_bus_factor(eu: Any, ev: Any, codes: Any) -> dict[tuple[int, int], int]:
    import numpy as np

    codes, size = _np_groups(codes)
    cu, cv = codes[eu], codes[ev]
    cross = cu != cv
    pair = np.minimum(cu, cv)[cross] * size + np.maximum(cu, cv)[cross]
    people = np.concatenate(
        [pair * (len(codes) + 1) + eu[cross], pair * (len(codes) + 1) + ev[cross]]
    )
    carriers = np.unique(people) // (len(codes) + 1)
    pairs, counts = np.unique(carriers, return_counts=True)
    return {(int(p // size), int(p % size)): int(c) for p, c in zip(pairs, counts, strict=True)}


def _np_density_by(eu: Any, ev: Any, codes: Any) -> Any:
    import numpy as np

    codes, size = _np_groups(codes)
    same = codes[eu] == codes[ev]
    inside = np.bincount(codes[eu][same], minlength=size)
    members = np.bincount(codes, minlength=size).astype(np.float64)
    return inside / np.maximum(members * (members - 1) / 2, 1)


def _np_trust(eu: Any, ev: Any, trust: Any, value: Any, codes: Any) -> dict[str, Any]:
    import numpy as np

    codes, size = _np_groups(codes)
    out = {}
    for name, scores in (("trust", trust), ("value", value)):
        has = ~np.isnan(scores)
        ends = np.concatenate([codes[eu][has], codes[ev][has]])
        total = np.bincount(ends, np.concatenate([scores[has], scores[has]]), size)
        count = np.bincount(ends, minlength=size)
        out[name] = total / np.maximum(count, 1)
    return out


def _np_centralization(degrees: Any) -> float:
    n = len(degrees)
    if n < 3:
        return 0.0
    return float((degrees.max() - degrees).sum() / ((n - 1) * (n - 2)))


def _np_effective_size(degrees: Any, clustering: Any) -> Any:
    """Burt's effective size, unweighted: ``d - 2t/d`` with ``t = C d (d - 1) / 2``."""
    import numpy as np

    return np.where(degrees > 0, degrees - clustering * (degrees - 1), np.nan)


def _np_nearest_per_organisation(distance: Any, data: dict[str, Any]) -> Any:
    """The smallest distance over each school organisation's members (``inf``: none)."""
    import numpy as np

    school = np.flatnonzero(data["school"] & (data["organisation"] >= 0))
    nearest = np.full(int(data["organisation"].max()) + 1, np.inf)
    np.minimum.at(nearest, data["organisation"][school], distance[school])
    return nearest


def _dedup(data: dict[str, Any]) -> tuple[Any, Any]:
    """The distinct undirected edges (low, high) of the tie list, as numpy arrays."""
    import numpy as np

    n = int(data["n"])
    u, v = data["source"], data["target"]
    ok = (u >= 0) & (v >= 0) & (u != v)
    key = np.unique(np.minimum(u, v)[ok] * n + np.maximum(u, v)[ok])
    return key // n, key % n


# -- networkx --------------------------------------------------------------------------------
def _networkx_steps(ctx: dict[str, Any], data: dict[str, Any]) -> dict[str, Callable[[], Any]]:
    import random

    import networkx as nx

    n = int(data["n"])

    def build() -> Any:
        graph = nx.Graph()
        attributes = ("sector", "domain", "municipality", "organisation")
        columns = [data[a].tolist() for a in attributes]
        graph.add_nodes_from(
            (i, dict(zip(attributes, row, strict=True)))
            for i, row in enumerate(zip(*columns, strict=True))
        )
        trust, value = data["trust"].tolist(), data["value"].tolist()
        graph.add_edges_from(
            (a, b, {k: x for k, x in (("trust", t), ("value", w)) if x == x})  # x == x: not NaN
            for a, b, t, w in zip(
                data["source"].tolist(), data["target"].tolist(), trust, value, strict=True
            )
            if a >= 0 and b >= 0 and a != b
        )
        ctx["G"] = graph
        return graph

    def domains() -> list[int]:
        return [d for _, d in sorted(ctx["G"].nodes(data="domain"))]

    def brokerage() -> dict[int, dict[str, int]]:
        graph, group = ctx["G"], domains()
        roles: dict[int, dict[str, int]] = {}
        for v in graph:
            counts = dict.fromkeys(("coordinator", "consultant", "gatekeeper", "liaison"), 0)
            neighbours, gv = list(graph[v]), group[v]
            for i, a in enumerate(neighbours):
                adjacent, ga = graph[a], group[a]
                for b in neighbours[i + 1 :]:
                    if b in adjacent:
                        continue
                    gb = group[b]
                    if ga == gb:
                        counts["coordinator" if ga == gv else "consultant"] += 1
                    elif gv in (ga, gb):
                        counts["gatekeeper"] += 1  # gatekeeper or representative: undirected
                    else:
                        counts["liaison"] += 1
            roles[v] = counts
        return roles

    def brokerage_directed() -> dict[int, dict[str, int]]:
        # The arcs of the ties: source -> target, and back unless the tie is one-way.
        source, target = data["source"].tolist(), data["target"].tolist()
        digraph = nx.DiGraph()
        digraph.add_nodes_from(range(n))
        digraph.add_edges_from(
            (a, b) for a, b in zip(source, target, strict=True) if a >= 0 and b >= 0 and a != b
        )
        digraph.add_edges_from(
            (b, a)
            for a, b, one_way in zip(source, target, data["directed"].tolist(), strict=True)
            if not one_way and a >= 0 and b >= 0 and a != b
        )
        group = data["domain"].tolist()
        roles: dict[int, dict[str, int]] = {}
        for v in digraph:
            counts = dict.fromkeys(
                ("coordinator", "gatekeeper", "representative", "consultant", "liaison"), 0
            )
            gv, heads = group[v], digraph.succ[v]
            for a in digraph.pred[v]:
                ga, onward = group[a], digraph.succ[a]
                for c in heads:
                    if c == a or c in onward:
                        continue
                    gc = group[c]
                    if ga == gv == gc:
                        counts["coordinator"] += 1
                    elif ga == gc:
                        counts["consultant"] += 1
                    elif ga == gv:
                        counts["representative"] += 1
                    elif gv == gc:
                        counts["gatekeeper"] += 1
                    else:
                        counts["liaison"] += 1
            roles[v] = counts
        return roles

    def reach() -> dict[int, int]:
        graph = ctx["G"]
        return {
            v: len(nx.single_source_shortest_path_length(graph, v, cutoff=2)) - 1 for v in graph
        }

    def nearest() -> dict[int, float]:
        graph = ctx["G"]
        contacts = [i for i, c in enumerate(data["contact"].tolist()) if c]
        if not contacts:
            return {}
        distance = nx.multi_source_dijkstra_path_length(graph, contacts)
        nearest: dict[int, float] = {}  # per school organisation: its closest member
        for i, school in enumerate(data["school"].tolist()):
            if school:
                org = graph.nodes[i]["organisation"]
                nearest[org] = min(nearest.get(org, float("inf")), distance.get(i, float("inf")))
        return nearest

    def bus_factor() -> dict[tuple[int, int], int]:
        graph, group = ctx["G"], domains()
        carriers: dict[tuple[int, int], set[int]] = {}
        for a, b in graph.edges():
            ga, gb = group[a], group[b]
            if ga != gb:
                carriers.setdefault((min(ga, gb), max(ga, gb)), set()).update((a, b))
        return {pair: len(people) for pair, people in carriers.items()}

    def ei_index() -> dict[str, Any]:
        graph, group = ctx["G"], domains()
        edges = list(graph.edges())

        def whole(labels: list[int]) -> float:
            external = sum(1 for a, b in edges if labels[a] != labels[b])
            return (2 * external - len(edges)) / max(len(edges), 1)

        per_node = {}
        for v in graph:
            degree = len(graph[v])
            external = sum(1 for u in graph[v] if group[u] != group[v])
            per_node[v] = (2 * external - degree) / degree if degree else float("nan")
        observed = whole(group)
        rng, labels, above = random.Random(SEED), list(group), 0
        for _ in range(PERMUTATIONS):
            rng.shuffle(labels)
            above += whole(labels) >= observed
        return {"ei": observed, "p": (1 + above) / (PERMUTATIONS + 1), "nodes": per_node}

    def density_by() -> dict[int, float]:
        graph = ctx["G"]
        members: dict[int, list[int]] = {}
        for v, m in graph.nodes(data="municipality"):
            members.setdefault(m, []).append(v)
        return {m: nx.density(graph.subgraph(nodes)) for m, nodes in members.items()}

    def centralization() -> float:
        degrees = [d for _, d in ctx["G"].degree()]
        top, count = max(degrees, default=0), len(degrees)
        return sum(top - d for d in degrees) / ((count - 1) * (count - 2)) if count > 2 else 0.0

    def trust_value() -> dict[int, tuple[float, float]]:
        graph = ctx["G"]
        sums: dict[int, list[float]] = {}
        for a, b, attrs in graph.edges(data=True):
            for node in (a, b):
                org = graph.nodes[node]["organisation"]
                row = sums.setdefault(org, [0.0, 0, 0.0, 0])
                if "trust" in attrs:
                    row[0] += attrs["trust"]
                    row[1] += 1
                if "value" in attrs:
                    row[2] += attrs["value"]
                    row[3] += 1
        return {o: (r[0] / max(r[1], 1), r[2] / max(r[3], 1)) for o, r in sums.items()}

    def compare() -> dict[str, Any]:
        before = ctx["G"]
        after = nx.Graph()
        after.add_nodes_from(before.nodes(data=True))
        keep = data["keep"].tolist()
        after.add_edges_from(
            (a, b)
            for a, b, k in zip(data["source"].tolist(), data["target"].tolist(), keep, strict=True)
            if k and a != b
        )
        old, new = {frozenset(e) for e in before.edges()}, {frozenset(e) for e in after.edges()}
        group = domains()

        def ei(graph: nx.Graph) -> float:
            external = sum(1 for a, b in graph.edges() if group[a] != group[b])
            return (2 * external - graph.number_of_edges()) / max(graph.number_of_edges(), 1)

        return {
            "new": len(new - old),
            "lost": len(old - new),
            "islands": (
                nx.number_connected_components(before),
                nx.number_connected_components(after),
            ),
            "density": (nx.density(before), nx.density(after)),
            "ei": (ei(before), ei(after)),
        }

    def graph() -> Any:
        return ctx["G"]

    def effective_size() -> dict[int, float]:
        # Borgatti's d - 2t/d from nx.triangles: nx.effective_size(G) builds a dense n x n
        # matrix (20 GB at 50,000 nodes), and with nodes=... copies G for every node.
        triangles = nx.triangles(graph())
        return {v: d - 2 * triangles[v] / d if d else float("nan") for v, d in graph().degree()}

    return {
        "build": build,
        "islands": lambda: list(nx.connected_components(graph())),
        "betweenness": lambda: nx.betweenness_centrality(
            graph(), k=min(int(data["k"]), n), seed=SEED
        ),
        "articulation_points": lambda: list(nx.articulation_points(graph())),
        "bridges": lambda: list(nx.bridges(graph())),
        "constraint": lambda: nx.constraint(graph()),
        "effective_size": effective_size,
        "brokerage_roles": brokerage,
        "brokerage_directed": brokerage_directed,
        "reach_counts": reach,
        "nearest_contact": nearest,
        "bus_factor": bus_factor,
        "ei_index": ei_index,
        "mixing_matrix": lambda: nx.attribute_mixing_matrix(graph(), "domain"),
        "assortativity": lambda: nx.attribute_assortativity_coefficient(graph(), "domain"),
        "density": lambda: nx.density(graph()),
        "density_by": density_by,
        "degree_centralization": centralization,
        "core_numbers": lambda: nx.core_number(graph()),
        "communities": lambda: nx.community.louvain_communities(graph(), seed=SEED),
        "trust_value": trust_value,
        "compare": compare,
    }


# -- igraph ----------------------------------------------------------------------------------
def _igraph_steps(ctx: dict[str, Any], data: dict[str, Any]) -> dict[str, Callable[[], Any]]:
    import random

    import igraph as ig
    import numpy as np

    n = int(data["n"])

    def build() -> Any:
        eu, ev = _dedup(data)
        graph = ig.Graph(n=n, edges=np.column_stack([eu, ev]), directed=False)
        graph.vs["domain"] = np.where(data["domain"] < 0, 0, data["domain"] + 1).tolist()
        ctx.update(G=graph, eu=eu, ev=ev)
        return graph

    def betweenness() -> Any:
        sources = np.random.default_rng(SEED).choice(n, min(int(data["k"]), n), replace=False)
        return ctx["G"].betweenness(directed=False, sources=sources.tolist())

    def effective_size() -> Any:
        graph = ctx["G"]
        degrees = np.array(graph.degree(), np.float64)
        clustering = np.array(graph.transitivity_local_undirected(mode="zero"))
        return _np_effective_size(degrees, clustering)

    def nearest() -> Any:
        graph = ctx["G"].copy()
        contacts = np.flatnonzero(data["contact"])
        graph.add_vertices(1)
        graph.add_edges([(n, int(c)) for c in contacts])
        distance = np.array(graph.distances(source=[n])[0][:n], np.float64) - 1
        return _np_nearest_per_organisation(distance, data)

    def communities() -> Any:
        random.seed(SEED)  # igraph draws from Python's random module
        return ctx["G"].community_multilevel()

    def group_step(function: Callable[..., Any], *columns: str) -> Callable[[], Any]:
        return lambda: function(ctx["eu"], ctx["ev"], *(data[c] for c in columns))

    return {
        "build": build,
        "islands": lambda: ctx["G"].connected_components(),
        "betweenness": betweenness,
        "articulation_points": lambda: ctx["G"].articulation_points(),
        "bridges": lambda: ctx["G"].bridges(),
        "constraint": lambda: ctx["G"].constraint(),
        "effective_size": effective_size,
        "reach_counts": lambda: np.array(ctx["G"].neighborhood_size(order=2)) - 1,
        "nearest_contact": nearest,
        "bus_factor": group_step(_np_bus_factor, "domain"),
        "ei_index": lambda: _np_ei(ctx["eu"], ctx["ev"], data["domain"], n, PERMUTATIONS),
        "mixing_matrix": group_step(_np_mixing, "domain"),
        "assortativity": lambda: ctx["G"].assortativity_nominal("domain", directed=False),
        "density": lambda: ctx["G"].density(),
        "density_by": group_step(_np_density_by, "municipality"),
        "degree_centralization": lambda: _np_centralization(np.array(ctx["G"].degree())),
        "core_numbers": lambda: ctx["G"].coreness(),
        "communities": communities,
        "trust_value": lambda: _np_trust(
            data["source"], data["target"], data["trust"], data["value"], data["organisation"]
        ),
    }


# -- NetworKit -------------------------------------------------------------------------------
def _networkit_steps(ctx: dict[str, Any], data: dict[str, Any]) -> dict[str, Callable[[], Any]]:
    import networkit as nk
    import numpy as np

    n = int(data["n"])
    nk.engineering.setSeed(SEED, True)

    def build() -> Any:
        eu, ev = _dedup(data)
        coo = (np.ones(len(eu)), (eu.astype(np.uint64), ev.astype(np.uint64)))
        graph = nk.GraphFromCoo(coo, n, directed=False, weighted=False)
        ctx.update(G=graph, eu=eu, ev=ev)
        return graph

    def run(algorithm: Any) -> Any:
        algorithm.run()
        return algorithm

    def degrees() -> Any:
        return np.array(run(nk.centrality.DegreeCentrality(ctx["G"])).scores())

    def articulation() -> list[int]:
        components = run(nk.components.BiconnectedComponents(ctx["G"])).getComponents()
        counts = np.bincount(
            np.concatenate([np.asarray(c, np.int64) for c in components]), minlength=n
        )
        return np.flatnonzero(counts > 1).tolist()

    def bridges() -> list[list[int]]:
        components = run(nk.components.BiconnectedComponents(ctx["G"])).getComponents()
        return [c for c in components if len(c) == 2]

    def effective_size() -> Any:
        clustering = run(nk.centrality.LocalClusteringCoefficient(ctx["G"], turbo=True)).scores()
        return _np_effective_size(degrees(), np.array(clustering))

    def assortativity() -> float:
        codes = np.where(data["domain"] < 0, 0, data["domain"] + 1).tolist()
        partition = nk.Partition(n)
        partition.setUpperBound(max(codes, default=0) + 1)
        for i, c in enumerate(codes):
            partition[i] = c
        return float(run(nk.correlation.Assortativity(ctx["G"], partition)).getCoefficient())

    def nearest() -> Any:
        graph = nk.Graph(ctx["G"])
        source = graph.addNode()
        for c in np.flatnonzero(data["contact"]).tolist():
            graph.addEdge(source, c)
        distance = np.array(run(nk.distance.BFS(graph, source)).getDistances()[:n]) - 1
        distance[distance > n] = np.inf  # NetworKit marks unreachable with a huge value
        return _np_nearest_per_organisation(distance, data)

    def group_step(function: Callable[..., Any], *columns: str) -> Callable[[], Any]:
        return lambda: function(ctx["eu"], ctx["ev"], *(data[c] for c in columns))

    return {
        "build": build,
        "islands": lambda: run(nk.components.ConnectedComponents(ctx["G"])).getComponents(),
        "betweenness": lambda: run(
            nk.centrality.EstimateBetweenness(ctx["G"], min(int(data["k"]), n), False, True)
        ).scores(),
        "articulation_points": articulation,
        "bridges": bridges,
        "effective_size": effective_size,
        "nearest_contact": nearest,
        "bus_factor": group_step(_np_bus_factor, "domain"),
        "ei_index": lambda: _np_ei(ctx["eu"], ctx["ev"], data["domain"], n, PERMUTATIONS),
        "mixing_matrix": group_step(_np_mixing, "domain"),
        "assortativity": assortativity,
        "density": lambda: nk.graphtools.density(ctx["G"]),
        "density_by": group_step(_np_density_by, "municipality"),
        "degree_centralization": lambda: _np_centralization(degrees()),
        "core_numbers": lambda: run(nk.centrality.CoreDecomposition(ctx["G"])).scores(),
        "communities": lambda: run(nk.community.PLM(ctx["G"])).getPartition(),
        "trust_value": lambda: _np_trust(
            data["source"], data["target"], data["trust"], data["value"], data["organisation"]
        ),
    }


# -- each library's results in one form, for the agreement checks ----------------------------
# Components and communities as a label per node, articulation points as sorted node
# positions, bridges as sorted keys ``low * n + high``, core numbers per node (int64),
# betweenness per node (float64). Converting is not timed.
def _labels(groups: Iterable[Iterable[int]], n: int) -> Any:
    """A label per node from groups of node positions (``-1``: in no group)."""
    import numpy as np

    labels = np.full(n, -1, np.int64)
    for label, members in enumerate(groups):
        labels[np.fromiter(members, np.int64)] = label
    return labels


def _node_set(nodes: Iterable[int]) -> Any:
    import numpy as np

    return np.unique(np.fromiter(nodes, np.int64))


def _edge_keys(pairs: Iterable[Iterable[int]], n: int) -> Any:
    import numpy as np

    ends = np.array([tuple(p) for p in pairs], np.int64).reshape(-1, 2)
    return np.unique(ends.min(axis=1) * n + ends.max(axis=1))


def _per_node(values: dict[Any, Any], n: int, dtype: Any) -> Any:
    """A dict keyed 0..n-1 as an array in node order."""
    import numpy as np

    return np.fromiter((values[i] for i in range(n)), dtype, n)


def _ours_digests(ctx: dict[str, Any], data: dict[str, Any]) -> dict[str, Callable[[Any], Any]]:
    import numpy as np

    n = int(data["n"])

    def position() -> dict[Any, int]:  # built per conversion, dropped after it
        return {node: i for i, node in enumerate(ctx["G"].ids)}

    def in_node_order(values: dict[Any, Any], dtype: Any) -> Any:
        ids = ctx["G"].ids
        if len(values) == n and all(a == b for a, b in zip(values, ids, strict=True)):
            return np.fromiter(values.values(), dtype, n)
        where, out = position(), np.zeros(n, dtype)
        for node, value in values.items():
            out[where[node]] = value
        return out

    def components(result: Any) -> Any:
        where = position()
        return _labels(((where[m] for m in i.members) for i in result.islands), n)

    def nodes(result: Any) -> Any:
        where = position()
        return _node_set(where[m] for m in result)

    def bridges(result: Any) -> Any:
        where = position()
        return _edge_keys(((where[a], where[b]) for a, b in result), n)

    return {
        "islands": components,
        "articulation_points": nodes,
        "bridges": bridges,
        "core_numbers": lambda result: in_node_order(result, np.int64),
        "communities": lambda result: in_node_order(result.membership, np.int64),
        "betweenness": lambda result: in_node_order(result, np.float64),
    }


def _networkx_digests(ctx: dict[str, Any], data: dict[str, Any]) -> dict[str, Callable[[Any], Any]]:
    import numpy as np

    n = int(data["n"])
    return {
        "islands": lambda result: _labels(result, n),
        "articulation_points": _node_set,
        "bridges": lambda result: _edge_keys(result, n),
        "core_numbers": lambda result: _per_node(result, n, np.int64),
        "communities": lambda result: _labels(result, n),
        "betweenness": lambda result: _per_node(result, n, np.float64),
    }


def _igraph_digests(ctx: dict[str, Any], data: dict[str, Any]) -> dict[str, Callable[[Any], Any]]:
    import numpy as np

    n = int(data["n"])

    def bridges(result: Any) -> Any:  # edge ids into the deduplicated (low, high) edge list
        ids = np.asarray(result, np.int64)
        return np.unique(ctx["eu"][ids] * n + ctx["ev"][ids])

    return {
        "islands": lambda result: np.asarray(result.membership, np.int64),
        "articulation_points": _node_set,
        "bridges": bridges,
        "core_numbers": lambda result: np.asarray(result, np.int64),
        "communities": lambda result: np.asarray(result.membership, np.int64),
        "betweenness": lambda result: np.asarray(result, np.float64),
    }


def _networkit_digests(
    ctx: dict[str, Any], data: dict[str, Any]
) -> dict[str, Callable[[Any], Any]]:
    import numpy as np

    n = int(data["n"])
    return {
        "islands": lambda result: _labels(result, n),
        "articulation_points": _node_set,
        "bridges": lambda result: _edge_keys(result, n),
        "core_numbers": lambda result: np.rint(np.asarray(result)).astype(np.int64),
        "communities": lambda result: np.asarray(result.getVector(), np.int64),
        "betweenness": lambda result: np.asarray(result, np.float64),
    }


# -- one library in one (fresh) process --------------------------------------------------------
def _bind_threads(threads: int) -> None:
    """Bind this process to ``threads`` CPUs (Linux; the environment variables are the parent's)."""
    if threads > 0 and hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, cpus[:threads])


def _threads(library: str, threads: int) -> dict[str, Any]:
    """The threads this library runs on, as the library states them (child process)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    info: dict[str, Any] = {
        "requested": threads or None,
        "cpus": cpus,
        **{v: os.environ[v] for v in THREAD_VARIABLES if v in os.environ},
    }
    if library == "ours":
        from samenwerking._jit import get_threads

        info.update(threads=get_threads(), kind="numba")
    elif library == "networkit":
        import networkit as nk

        if threads > 0:
            nk.setNumberOfThreads(threads)
        info.update(threads=int(nk.getMaxNumberOfThreads()), kind="OpenMP")
    else:
        info.update(threads=1, kind="single-threaded")
    return info


def _numba_layer() -> str | None:
    """numba's threading layer, once a parallel kernel has run (else ``None``)."""
    numba = sys.modules.get("numba")
    if numba is None:
        return None
    try:
        return str(numba.threading_layer())
    except ValueError:
        return None


def _child(
    library: str,
    datafile: str,
    steps: list[str],
    k: int,
    max_gb: float,
    threads: int = 0,
    checks: str = "",
    warm_up: bool = True,
) -> None:
    """Run the steps of one library, printing one JSON line per event (child process).

    The address space is capped at ``max_gb``, so a step that would exhaust the machine
    fails with ``MemoryError`` (recorded) instead of waking the kernel's OOM killer. With
    ``checks`` (a folder), each comparable result is written there after its step.
    """
    if max_gb > 0:
        limit = int(max_gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _bind_threads(threads)
    import numpy as np

    importlib.import_module(IMPORT_NAME[library])  # imports are not part of the timings

    _emit(event="start", import_peak_mb=_peak_mb(), threads=_threads(library, threads))
    with np.load(datafile) as archive:
        data = {name: archive[name] for name in archive.files}
    data["k"] = k
    ctx: dict[str, Any] = {}
    warm_up_s = _ours_warm_up(k) if library == "ours" and warm_up else None
    start = time.perf_counter()
    if library == "ours":
        _ours_input(ctx, data, datafile)
        table = _ours_steps(ctx, k)
    else:
        maker = {
            "networkx": _networkx_steps,
            "igraph": _igraph_steps,
            "networkit": _networkit_steps,
        }[library]
        table = maker(ctx, data)
    digests = {
        "ours": _ours_digests,
        "networkx": _networkx_digests,
        "igraph": _igraph_digests,
        "networkit": _networkit_digests,
    }[library](ctx, data)
    _emit(
        event="input",
        seconds=time.perf_counter() - start,
        peak_mb=_peak_mb(),
        warm_up_s=warm_up_s,
    )
    raised = 0.0  # how much the (untimed) conversions for the checks raised the peak
    for step in steps:
        function = table.get(step)
        if function is None:
            _emit(event="step", step=step, status="n/a", note=f"no {library} counterpart")
            continue
        _emit(event="begin", step=step)
        if os.environ.get(STALL_VARIABLE) == f"{library}.{step}":
            time.sleep(3600)  # the harness's tests: a step that hangs
        gc.collect()  # untimed: no step pays for the garbage of the input or an earlier step
        start, cpu = time.perf_counter(), time.process_time()
        try:
            found = function()
        except MissingAnalysisError as missing:
            _emit(event="step", step=step, status="missing", note=str(missing))
            continue
        except Exception as error:
            if step == "build":
                raise
            note = f"{type(error).__name__}: {error}"
            _emit(
                event="step",
                step=step,
                status="error",
                note=note[:500],
                traceback=traceback.format_exc()[-2000:],
            )
            continue
        seconds, cpu_s = time.perf_counter() - start, time.process_time() - cpu
        first_s, runs = seconds, 1
        if seconds < REPEAT_BELOW_S and step not in NOT_REPEATED:
            for _ in range(REPEATS - 1):  # a fast step: its best of REPEATS calls
                del found
                gc.collect()
                start = time.perf_counter()
                found = function()
                seconds = min(seconds, time.perf_counter() - start)
                runs += 1
        peak = _peak_mb()
        _emit(
            event="step",
            step=step,
            status="ok",
            seconds=seconds,
            cpu_s=cpu_s,
            peak_mb=peak,
            runs=runs,
            first_s=first_s,
        )
        if checks and step in CHECKS:
            try:
                np.save(Path(checks) / f"{library}.{step}.npy", digests[step](found))
            except Exception as error:
                _emit(event="digest", step=step, note=f"{type(error).__name__}: {error}"[:500])
            raised += _peak_mb() - peak
        del found  # as before the checks: no result outlives its step
    _emit(
        event="end",
        peak_mb=_peak_mb(),
        high_water_mb=_high_water_mb(),
        checks_raised_peak_mb=raised,
        numba_layer=_numba_layer(),
    )


# -- the agreement checks (their own process: the parent stays small) ------------------------
def _canonical(labels: Any) -> Any:
    """Labels renumbered by first appearance: equal arrays exactly when equal partitions."""
    import numpy as np

    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), np.int64)
    rank[np.argsort(first)] = np.arange(len(first))
    return rank[inverse.reshape(-1)]


def _same_partition(ours: Any, other: Any) -> dict[str, Any]:
    import numpy as np

    if len(ours) != len(other):
        return {"status": "differ", "note": f"{len(ours)} nodes against {len(other)}"}
    a, b = _canonical(ours), _canonical(other)
    differing = int(np.count_nonzero(a != b))
    return {
        "status": "agree" if differing == 0 else "differ",
        "ours": int(a.max(initial=-1)) + 1,
        "other": int(b.max(initial=-1)) + 1,
        "nodes_differing": differing,
    }


def _same_set(ours: Any, other: Any) -> dict[str, Any]:
    import numpy as np

    only_ours, only_other = np.setdiff1d(ours, other), np.setdiff1d(other, ours)
    entry: dict[str, Any] = {
        "status": "agree" if not len(only_ours) and not len(only_other) else "differ",
        "ours": len(ours),
        "other": len(other),
    }
    if entry["status"] == "differ":
        entry.update(
            only_ours=len(only_ours),
            only_other=len(only_other),
            examples_only_ours=only_ours[:5].tolist(),
            examples_only_other=only_other[:5].tolist(),
        )
    return entry


def _same_values(ours: Any, other: Any) -> dict[str, Any]:
    import numpy as np

    if len(ours) != len(other):
        return {"status": "differ", "note": f"{len(ours)} nodes against {len(other)}"}
    differing = np.flatnonzero(ours != other)
    return {
        "status": "agree" if not len(differing) else "differ",
        "max_ours": int(ours.max(initial=0)),
        "max_other": int(other.max(initial=0)),
        "nodes_differing": len(differing),
        "examples": differing[:5].tolist(),
    }


def _modularity(labels: Any, eu: Any, ev: Any, n: int) -> float:
    """Newman's modularity of a partition of the unweighted graph ``(eu, ev)`` (resolution 1)."""
    import numpy as np

    m = len(eu)
    if m == 0:
        return 0.0
    labels = _canonical(labels)
    groups = int(labels.max(initial=-1)) + 1
    inside = labels[eu] == labels[ev]
    degree = np.bincount(eu, minlength=n) + np.bincount(ev, minlength=n)
    total = np.bincount(labels, degree, groups)
    return float(np.count_nonzero(inside) / m - ((total / (2 * m)) ** 2).sum())


def _top(scores: Any, count: int) -> Any:
    """The ``count`` highest-scoring nodes (ties: the smaller position first)."""
    import numpy as np

    return np.lexsort((np.arange(len(scores)), -scores))[:count]


def _spearman(a: Any, b: Any) -> float | None:
    """Spearman's rank correlation (average ranks for ties; ``None`` if one side is constant)."""
    import numpy as np
    from scipy.stats import rankdata

    if len(a) < 2:
        return None
    ra, rb = rankdata(a), rankdata(b)
    if ra.std() == 0 or rb.std() == 0:
        return None
    return float(np.corrcoef(ra, rb)[0, 1])


def _betweenness_pair(a: Any, b: Any) -> dict[str, Any]:
    """The share of the top 100 ``a`` and ``b`` have in common; Spearman over ``a``'s top 500.

    Spearman is taken over the reference's (``a``'s) top 500, not over the union of both
    top lists: in a union, a node high in one list and missing from the other is a
    discordant pair by construction, which pulls the correlation below zero.
    """
    import numpy as np

    top = min(TOP_OVERLAP, len(a))
    shared = len(np.intersect1d(_top(a, top), _top(b, top)))
    best = _top(a, TOP_SPEARMAN)
    return {
        "status": "reported",
        f"top{TOP_OVERLAP}_overlap": shared / top if top else None,
        f"spearman_top{TOP_SPEARMAN}": _spearman(a[best], b[best]),
    }


def _agree(datafile: str, folder: str, libraries: list[str]) -> dict[str, Any]:
    """Compare every library's results with ours (child process; see the module docstring)."""
    import numpy as np

    with np.load(datafile) as archive:
        data = {name: archive[name] for name in ("n", "source", "target")}
    n = int(data["n"])
    eu, ev = _dedup(data)

    def load(library: str, step: str) -> Any:
        path = Path(folder) / f"{library}.{step}.npy"
        return np.load(path) if path.exists() else None

    found = {lib: {step: load(lib, step) for step in CHECKS} for lib in libraries}
    modularity = {
        lib: _modularity(found[lib]["communities"], eu, ev, n)
        for lib in libraries
        if found[lib]["communities"] is not None
    }
    compare = {
        "components": _same_partition,
        "articulation_points": _same_set,
        "bridges": _same_set,
        "core_numbers": _same_values,
    }
    checks: dict[str, dict[str, Any]] = {}
    for other in (lib for lib in libraries if lib != "ours"):
        row: dict[str, Any] = {}
        for step, name in CHECKS.items():
            ours, theirs = found["ours"][step], found[other][step]
            if ours is None or theirs is None:
                row[name] = {
                    "status": "skipped",
                    "without": [lib for lib, r in (("ours", ours), (other, theirs)) if r is None],
                }
            elif name == "modularity":
                q, q_other = modularity["ours"], modularity[other]
                relative = (q - q_other) / abs(q_other) if q_other else None
                row[name] = {
                    "status": "reported",
                    "ours": q,
                    "other": q_other,
                    "relative_difference": relative,
                    "within_tolerance": relative is not None and relative >= -MODULARITY_TOLERANCE,
                    "communities": [int(_canonical(r).max(initial=-1)) + 1 for r in (ours, theirs)],
                }
            elif name == "betweenness":
                row[name] = _betweenness_pair(ours, theirs)
            else:
                row[name] = compare[name](ours, theirs)
        checks[other] = row
    pairs = [
        {"libraries": [a, b], **_betweenness_pair(found[a]["betweenness"], found[b]["betweenness"])}
        for i, a in enumerate(libraries)
        for b in libraries[i + 1 :]
        if "ours" not in (a, b)
        and found[a]["betweenness"] is not None
        and found[b]["betweenness"] is not None
    ]
    return {"checks": checks, "modularity": modularity, "betweenness_pairs": pairs}


def _agreement(
    datafile: Path,
    folder: Path,
    rows: dict[str, dict[str, Any]],
    libraries: list[str],
    log: Callable[[str], None],
) -> dict[str, Any]:
    """Run the checks in a child; say why each skipped one was skipped; flag failures."""
    if "ours" not in libraries or rows.get("ours", {}).get("status") == "n/a":
        return {"status": "skipped", "note": "ours did not run", "failed": False, "failures": []}
    ran = [lib for lib in libraries if "steps" in rows.get(lib, {})]
    events, stderr, code, _ = _spawn(("--agree", datafile, folder, ",".join(ran)), log)
    if code is not None or not events:
        log(f"  the agreement checks failed:\n{stderr[-1500:]}")
        return {"status": "error", "note": stderr[-1500:], "failed": True, "failures": ["checks"]}
    out: dict[str, Any] = {"status": "ok", "reference": "ours", **events[-1]}

    def why(library: str, step: str) -> str:
        row = rows.get(library, {})
        if "steps" not in row:
            return f"{library} {row.get('status', 'not run')} ({row.get('note', '')})".strip()
        entry = row["steps"].get(step)
        if entry is None:
            return f"{library} did not run {step}"
        if entry.get("status") == "ok":
            return f"{library}'s {step} result could not be read"
        return f"{library} {step}: {entry.get('status')}"

    for library in libraries:
        if library == "ours":
            continue
        row = out["checks"].setdefault(library, {})
        for step, name in CHECKS.items():
            entry = row.setdefault(name, {"status": "skipped", "without": [library]})
            if entry["status"] == "skipped":
                entry["note"] = "; ".join(why(lib, step) for lib in entry.pop("without"))
    out["failures"] = [
        f"{library}: {name}"
        for library, row in out["checks"].items()
        for name in EXACT_CHECKS
        if row.get(name, {}).get("status") == "differ"
    ]
    out["failed"] = bool(out["failures"])
    out["skipped"] = {
        library: "; ".join(sorted(notes))
        for library, row in out["checks"].items()
        if (notes := {row[n]["note"] for n in EXACT_CHECKS if row[n]["status"] == "skipped"})
    }
    return out


# -- the parent --------------------------------------------------------------------------------
def _child_high_water_mb(pid: int) -> float | None:
    """Peak RSS of a running child from ``/proc`` (Linux), read just before it is stopped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def _spawn(
    args: Iterable[object],
    log: Callable[[str], None],
    *,
    step_timeout: float | None = None,
    deadline: float | None = None,
    env: dict[str, str] | None = None,
) -> tuple[list[dict[str, Any]], str, int | None, dict[str, Any]]:
    """Run this script in a child; return its events, stderr, exit code and how it was stopped.

    The events arrive as they happen, so a child that is stopped keeps what it did. The
    child is killed when one step (between its ``begin`` and ``step`` events) runs longer
    than ``step_timeout`` seconds, or at ``deadline`` (``time.monotonic()``); the last
    dict then says why (``reason``) and the child's peak memory just before (``peak_mb``).
    """
    command = [sys.executable, str(Path(__file__).resolve()), *(str(a) for a in args)]
    events: list[dict[str, Any]] = []
    state: dict[str, Any] = {"began": None}
    stopped: dict[str, Any] = {}
    finished = threading.Event()
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as errors:
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env
        ) as process:

            def watch() -> None:
                while not finished.wait(0.2):
                    now, began = time.monotonic(), state["began"]
                    if deadline is not None and now > deadline:
                        reason = "budget"
                    elif step_timeout and began is not None and now - began > step_timeout:
                        reason = "step timeout"
                    else:
                        continue
                    stopped.update(reason=reason, peak_mb=_child_high_water_mb(process.pid))
                    process.kill()
                    return

            watcher = threading.Thread(target=watch, daemon=True)
            if step_timeout or deadline is not None:
                watcher.start()
            try:
                assert process.stdout is not None
                for line in process.stdout:
                    if not line.startswith("{"):
                        continue
                    event = json.loads(line)
                    kind = event.get("event")
                    state["began"] = time.monotonic() if kind == "begin" else None
                    events.append(event)
                    log(_describe(event))
                code = process.wait()
            finally:
                finished.set()
                if watcher.is_alive():
                    watcher.join()
        errors.seek(0)
        stderr = errors.read()
    return events, stderr, None if code == 0 else code, stopped


def _describe(event: dict[str, Any]) -> str:
    if event.get("event") == "step":
        seconds = f" {event['seconds']:.2f} s" if "seconds" in event else ""
        note = f" ({event['note']})" if event.get("note") else ""
        return f"    {event['step']}: {event['status']}{seconds}{note}"
    return ""


def _available(library: str) -> bool:
    return importlib.util.find_spec(IMPORT_NAME[library]) is not None


def _thread_env(threads: int) -> dict[str, str] | None:
    """The child's environment for ``--threads`` (``None``: this process's, unchanged)."""
    if threads <= 0:
        return None
    return {**os.environ, **dict.fromkeys(THREAD_VARIABLES, str(threads))}


def _limits(library: str, step_timeout: float | None, timeout: float | None) -> tuple[Any, Any]:
    """The step timeout and the budget for one library (networkx gets more; 0: none)."""
    slack = NETWORKX_SLACK if library == "networkx" else 1.0
    return (step_timeout or 0) * slack or None, (timeout or 0) * slack or None


def _measure(
    library: str,
    datafile: Path,
    steps: list[str],
    timeout: float | None,
    log: Callable[[str], None],
    k: int = K,
    max_memory_gb: float = MAX_MEMORY_GB,
    *,
    step_timeout: float | None = None,
    threads: int = 0,
    checks: Path | None = None,
    warm_up: bool = True,
) -> dict[str, Any]:
    """Run one library's steps in fresh processes (see the module docstring, "Limits").

    ``timeout`` is the budget of all steps together. A process that dies in a step (stopped
    at ``step_timeout``, killed by a signal) has that step recorded as ``timeout`` or
    ``failed``, and a new process builds the graph again and runs the remaining steps.
    """
    result: dict[str, Any] = {"library": library, "status": "ok", "steps": {}}
    deadline = time.monotonic() + timeout if timeout else None
    todo = list(steps)
    peaks: list[float] = []
    while todo:
        run_steps = todo if todo[0] == "build" else ["build", *todo]
        arguments = (
            "--child",
            library,
            datafile,
            ",".join(run_steps),
            k,
            max_memory_gb,
            threads,
            checks or "",
            int(warm_up),
        )
        events, stderr, code, stopped = _spawn(
            arguments, log, step_timeout=step_timeout, deadline=deadline, env=_thread_env(threads)
        )
        pending = None
        for event in events:
            kind = event.pop("event")
            if kind == "begin":
                pending = event["step"]
            elif kind == "step":
                step, pending = event.pop("step"), None
                if "peak_mb" in event:
                    peaks.append(event["peak_mb"])
                if step == "build" and "build" in result["steps"]:
                    result.setdefault("rebuild_s", []).append(event.get("seconds"))
                    continue
                result["steps"][step] = event
                if step in todo:
                    todo.remove(step)
            elif kind == "digest":
                result.setdefault("digest_errors", {})[event["step"]] = event["note"]
            elif kind == "start":
                result.setdefault("import_peak_mb", event["import_peak_mb"])
                result.setdefault("threads", event["threads"])
            elif kind == "input":
                result.setdefault("input_s", event["seconds"])
                result.setdefault("input_peak_mb", event["peak_mb"])
                if event.get("warm_up_s") is not None:
                    result.setdefault("warm_up_s", event["warm_up_s"])
            elif kind == "end":
                peaks.append(event["peak_mb"])
                result["high_water_mb"] = max(
                    result.get("high_water_mb") or 0.0, event["high_water_mb"] or 0.0
                )
                result["checks_raised_peak_mb"] = result.get("checks_raised_peak_mb", 0.0) + (
                    event.get("checks_raised_peak_mb") or 0.0
                )
                if event.get("numba_layer"):
                    result["threads"]["numba_layer"] = event["numba_layer"]
        if code is None:
            break
        if stopped.get("peak_mb"):
            peaks.append(stopped["peak_mb"])
        status = "timeout" if stopped else "failed"
        why = stopped.get("reason") or (
            f"killed by signal {-code} (out of memory?)" if code < 0 else f"exit code {code}"
        )
        log(f"    {library} {status} in {pending or 'its input'} ({why}):\n{stderr[-1500:]}")
        if pending is None or pending == "build" or stopped.get("reason") == "budget":
            # nothing to go on with: the input or the build failed, or the budget is spent
            result.update(status=status, exit_code=code, note=why, stderr=stderr[-3000:])
            for step in todo:
                result["steps"][step] = {"status": status, "note": why}
            break
        result["steps"][pending] = {"status": status, "note": why}
        todo.remove(pending)
        restart = {"step": pending, "status": status, "note": why, "stderr": stderr[-1500:]}
        result.setdefault("restarts", []).append(restart)
    result["peak_mb"] = max(peaks, default=None)
    return result


def _ratios(rows: dict[str, dict[str, Any]], steps: list[str]) -> dict[str, Any]:
    """Ratios over the steps both sides ran (see the module docstring)."""

    def seconds(library: str, step: str) -> float | None:
        entry = rows.get(library, {}).get("steps", {}).get(step, {})
        return entry.get("seconds") if entry.get("status") == "ok" else None

    def pairwise(other: str) -> dict[str, Any] | None:
        common = [
            s for s in steps if seconds("ours", s) is not None and seconds(other, s) is not None
        ]
        if not common:
            return None
        ours = sum(seconds("ours", s) or 0.0 for s in common)
        theirs = sum(seconds(other, s) or 0.0 for s in common)
        return {
            "steps": common,
            "ours_s": ours,
            "other_s": theirs,
            "other_over_ours": theirs / ours if ours else None,
            "ours_over_other": ours / theirs if theirs else None,
        }

    out: dict[str, Any] = {lib: pairwise(lib) for lib in LIBRARIES[1:]}
    compiled = [
        (lib, out[lib]["ours_over_other"])
        for lib in ("igraph", "networkit")
        if out.get(lib) and out[lib]["ours_over_other"] is not None
    ]
    if compiled:
        worst = max(compiled, key=lambda pair: pair[1])
        out["fastest_compiled"] = {"library": worst[0], "ours_over_other": worst[1]}
    per_step: dict[str, Any] = {}
    for step in steps:
        ours = seconds("ours", step)
        timed = [(t, lib) for lib in ("igraph", "networkit") if (t := seconds(lib, step))]
        if ours is not None and timed:
            best, library = min(timed)
            per_step[step] = {"fastest": library, "ours_over_fastest": ours / best}
    out["per_step"] = per_step
    return out


def _cell(entry: dict[str, Any] | None) -> str:
    if not entry:
        return "-"
    if entry.get("status") == "ok":
        return f"{entry['seconds']:.2f}"
    return str(entry.get("status", "-"))


def _table(size: dict[str, Any], libraries: list[str], steps: list[str]) -> str:
    rows = size["libraries"]
    width = 12
    head = f"{'step':<22}" + "".join(f"{lib + ' s':>{width}}" for lib in libraries)
    head += f"{'nx/ours':>9}{'ours/fastest':>13}"
    lines = [
        f"== {size['professionals']:,} professionals, {size['ties']:,} ties, "
        f"{size['edges']:,} edges ({size['name']}) ==",
        head,
    ]

    def entry(lib: str, step: str) -> dict[str, Any] | None:
        row = rows.get(lib)
        if row is None:
            return None
        if "steps" not in row:
            return {"status": row.get("status", "-")}
        return row["steps"].get(step)  # type: ignore[no-any-return]

    def ok(lib: str, step: str) -> float | None:
        found = entry(lib, step)
        return found["seconds"] if found and found.get("status") == "ok" else None

    for step in steps:
        line = f"{step:<22}" + "".join(f"{_cell(entry(lib, step)):>{width}}" for lib in libraries)
        ours, nx_s = ok("ours", step), ok("networkx", step)
        line += f"{nx_s / ours:>8.1f}x" if ours and nx_s is not None else f"{'':>9}"
        fastest = size["ratios"].get("per_step", {}).get(step)
        if fastest:
            line += f"{fastest['ours_over_fastest']:>13.2f} {fastest['fastest']}"
        lines.append(line)
    totals = f"{'total (steps run)':<22}"
    peaks = f"{'peak MB':<22}"
    inputs = f"{'  of which input MB':<22}"

    def megabytes(value: Any) -> str:
        return f"{value:>{width}.0f}" if isinstance(value, int | float) else f"{'-':>{width}}"

    threads = f"{'threads':<22}"
    for lib in libraries:
        row = rows.get(lib, {})
        steps_run = row.get("steps", {}).values()
        done = [s.get("seconds", 0.0) for s in steps_run if s.get("status") == "ok"]
        totals += f"{sum(done):>{width}.2f}" if done else f"{row.get('status', '-'):>{width}}"
        peaks += megabytes(row.get("peak_mb"))
        inputs += megabytes(row.get("input_peak_mb"))
        threads += f"{row.get('threads', {}).get('threads', '-'):>{width}}"
    lines += [totals, peaks, inputs, threads]
    load = size.get("load_average", {})
    if load.get("before") and load.get("after"):
        lines.append(
            f"load average (1/5/15 min) before {'/'.join(map(str, load['before']))}, "
            f"after {'/'.join(map(str, load['after']))} ({os.cpu_count()} CPUs)"
        )
    lines += _threads_lines(rows, libraries)
    if rows.get("ours", {}).get("warm_up_s") is not None:
        lines.append(
            f"ours ran each step once on {WARM_UP_SIZE} professionals first, untimed "
            f"(numba compiling or loading its kernels): {rows['ours']['warm_up_s']:.2f} s"
        )
    lines += _memory_lines(rows, libraries)
    ratios = size["ratios"]
    for lib in LIBRARIES[1:]:
        pair = ratios.get(lib)
        if lib not in libraries:
            continue
        if not pair:
            lines.append(f"{lib}: n/a (no step in common)")
            continue
        lines.append(
            f"over the {len(pair['steps'])} steps ours and {lib} both ran: "
            f"ours {pair['ours_s']:.2f} s, "
            f"{lib} {pair['other_s']:.2f} s -> {lib}/ours {pair['other_over_ours']:.1f}x, "
            f"ours/{lib} {pair['ours_over_other']:.2f}"
        )
    if "fastest_compiled" in ratios:
        best = ratios["fastest_compiled"]
        lines.append(
            f"ours / fastest C++ library ({best['library']}): {best['ours_over_other']:.2f} "
            "(target <= 1.0)"
        )
    if ratios.get("networkx"):
        speedup = ratios["networkx"]["other_over_ours"]
        lines.append(f"networkx / ours: {speedup:.1f}x (target >= 20x)")
    if size.get("networkx_note"):
        lines.append(size["networkx_note"])
    if "agreement" in size:
        lines += _agreement_lines(size["agreement"], libraries)
    return "\n".join(lines)


def _threads_lines(rows: dict[str, dict[str, Any]], libraries: list[str]) -> list[str]:
    """Each library's threads, and the steps that used more than one core (CPU / wall time)."""
    parts = []
    for lib in libraries:
        info = rows.get(lib, {}).get("threads")
        if not info:
            continue
        text = f"{lib} {info['threads']} ({info['kind']}"
        text += f", numba layer {info['numba_layer']})" if info.get("numba_layer") else ")"
        used = {
            step: entry["cpu_s"] / entry["seconds"]
            for step, entry in rows[lib]["steps"].items()
            if entry.get("status") == "ok" and entry.get("seconds", 0) >= 0.2 and "cpu_s" in entry
        }
        if used:  # below 1 on every step: the process did not get a whole core
            median = sorted(used.values())[len(used) // 2]
            top = max(used, key=used.__getitem__)
            text += (
                f", cores used (CPU / wall, steps over 0.2 s): median {median:.2f},"
                f" most {used[top]:.2f} ({top})"
            )
        parts.append(text)
    if not parts:
        return []
    requested = next(
        (
            rows[lib]["threads"].get("requested")
            for lib in libraries
            if lib in rows and rows[lib].get("threads")
        ),
        None,
    )
    head = f"threads (--threads {requested})" if requested else "threads"
    return [f"{head}: " + "; ".join(parts)]


def _memory_lines(rows: dict[str, dict[str, Any]], libraries: list[str]) -> list[str]:
    """Peak memory of each library's process, and ours over each other library's."""
    peaks = {lib: rows[lib]["peak_mb"] for lib in libraries if rows.get(lib, {}).get("peak_mb")}
    if "ours" not in peaks or len(peaks) < 2:
        return []
    others = [
        f"ours/{lib} {peaks['ours'] / peak:.2f}" for lib, peak in peaks.items() if lib != "ours"
    ]
    text = f"peak memory: {', '.join(f'{lib} {mb:,.0f} MB' for lib, mb in peaks.items())} -> "
    text += ", ".join(others)
    raised = rows["ours"].get("checks_raised_peak_mb") or 0.0
    if raised >= 1:
        text += f" (ours' conversions for the checks raised its peak by {raised:.0f} MB)"
    return [text]


def _agreement_lines(agreement: dict[str, Any], libraries: list[str]) -> list[str]:
    """The agreement checks as table rows, one column per library compared with ours."""
    if agreement.get("status") != "ok":
        note = agreement.get("note", "")
        return [f"agreement checks: {agreement.get('status')} ({note.strip()[-300:]})"]
    others = [lib for lib in libraries if lib in agreement["checks"]]
    if not others:
        return []
    width = 16
    lines = ["agreement with ours" + " " * 3 + "".join(f"{lib:>{width}}" for lib in others)]

    def cell(entry: dict[str, Any], name: str) -> str:
        status = entry.get("status", "-")
        if status == "skipped":
            return "skipped"
        if name == "modularity":
            relative = entry.get("relative_difference")
            return "-" if relative is None else f"{entry['other']:.4f} {relative:+.1%}"
        if name.startswith(("top", "spearman")):
            value = entry.get(name)
            return "-" if value is None else f"{value:.2f}"
        return "agree" if status == "agree" else "DIFFER"

    names = [
        *EXACT_CHECKS,
        "modularity",
        f"top{TOP_OVERLAP}_overlap",
        f"spearman_top{TOP_SPEARMAN}",
    ]
    labels = {
        "components": "components",
        "articulation_points": "articulation points",
        "bridges": "bridges",
        "core_numbers": "core numbers",
        "modularity": "modularity: Q, ours vs",
        f"top{TOP_OVERLAP}_overlap": f"betweenness top {TOP_OVERLAP}",
        f"spearman_top{TOP_SPEARMAN}": f"Spearman, our top {TOP_SPEARMAN}",
    }
    for name in names:
        check = name if name in (*EXACT_CHECKS, "modularity") else "betweenness"
        row = f"{labels[name]:<22}"
        for lib in others:
            entry = agreement["checks"][lib].get(check, {})
            row += f"{cell(entry, name)[: width - 1]:>{width}}"
        lines.append(row)
    q = agreement["modularity"].get("ours")
    if q is not None:
        lines.append(f"ours' modularity {q:.4f} (one formula for every library's partition)")
    nk_entry = agreement["checks"].get("networkit", {}).get("modularity", {})
    if nk_entry.get("status") == "reported" and nk_entry.get("relative_difference") is not None:
        verdict = "yes" if nk_entry["within_tolerance"] else "NO"
        lines.append(
            f"ours vs NetworKit PLM modularity: {nk_entry['relative_difference']:+.2%} "
            f"(target: at most {MODULARITY_TOLERANCE:.0%} below: {verdict})"
        )
    for pair in agreement.get("betweenness_pairs", []):
        a, b = pair["libraries"]
        overlap, rho = pair[f"top{TOP_OVERLAP}_overlap"], pair[f"spearman_top{TOP_SPEARMAN}"]
        lines.append(
            f"betweenness {a} vs {b}: top {TOP_OVERLAP} overlap "
            f"{'-' if overlap is None else f'{overlap:.2f}'}, Spearman in {a}'s top {TOP_SPEARMAN} "
            f"{'-' if rho is None else f'{rho:.2f}'} (sampled: reported, not required)"
        )
    if agreement.get("skipped"):
        skipped = "; ".join(f"{lib}: {why}" for lib, why in agreement["skipped"].items())
        lines.append(f"exact checks not made: {skipped}")
    if agreement["failed"]:
        lines.append(f"AGREEMENT FAILED (exact checks): {', '.join(agreement['failures'])}")
    else:
        lines.append("agreement: every exact check that ran agrees")
    return lines


def _estimate_networkx(
    datafile: Path,
    k: int,
    sources: int,
    timeout: float | None,
    log: Callable[[str], None],
    max_memory_gb: float,
) -> dict[str, Any]:
    """networkx's sampled betweenness above the size cap, scaled up from a few sources.

    Betweenness from ``k`` sampled sources costs ``k`` single-source passes, so the time
    for ``sources`` of them times ``k / sources`` estimates it. Only an estimate.
    """
    measured = _measure(
        "networkx", datafile, ["build", "betweenness"], timeout, log, sources, max_memory_gb
    )
    seconds = {s: e.get("seconds") for s, e in measured["steps"].items()}
    if seconds.get("betweenness") is None:
        return {"status": measured["status"]}
    return {
        "status": "estimate",
        "sources_measured": sources,
        "build_s": seconds["build"],
        "betweenness_s": seconds["betweenness"] * k / sources,
        "peak_mb": measured.get("peak_mb"),
    }


def run(
    sizes: Iterable[int],
    libraries: list[str],
    steps: list[str],
    *,
    networkx_max: int,
    networkx_steps: list[str] | None = None,
    timeout: float | None = None,
    k: int = K,
    networkx_estimate: int = 0,
    max_memory_gb: float = MAX_MEMORY_GB,
    log: Callable[[str], None] = print,
    step_timeout: float | None = STEP_TIMEOUT,
    threads: int = 0,
    checks: bool = True,
    ties_per_professional: float = TIES_PER_PROFESSIONAL,
    warm_up: bool = True,
) -> list[dict[str, Any]]:
    """Prepare and measure every size; return one record per size (see the module docstring).

    ``timeout`` is each library's budget for all its steps, ``step_timeout`` one step's
    (networkx gets :data:`NETWORKX_SLACK` times both); ``threads`` (0: as configured) sets
    every library's threads; ``checks`` compares the libraries' results with ours.
    """
    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-analysis-") as scratch:
        for professionals in sizes:
            datafile = Path(scratch) / f"region-{professionals}.npz"
            folder = Path(scratch) / f"checks-{professionals}"
            folder.mkdir()
            log(f"preparing {professionals:,} professionals ...")
            preparing = ("--prepare", professionals, datafile, ties_per_professional)
            events, stderr, code, _ = _spawn(preparing, log)
            if code is not None or not events:
                raise RuntimeError(f"preparing {professionals} failed:\n{stderr}")
            prepared = events[-1]
            size: dict[str, Any] = {
                "professionals": professionals,
                "name": SIZE_NAMES.get(professionals, "custom"),
                "ties_per_professional": ties_per_professional,
                **{k: prepared[k] for k in ("ties", "edges", "generate_s", "graph_mb")},
                "load_average": {"before": _load()},
                "libraries": {},
            }
            for library in libraries:
                if not _available(library):
                    size["libraries"][library] = {
                        "library": library,
                        "status": "n/a",
                        "note": "not installed",
                    }
                    log(f"  {library}: not installed (n/a)")
                    continue
                chosen = steps
                if library == "networkx":
                    if professionals > networkx_max:
                        size["libraries"][library] = {
                            "library": library,
                            "status": "skipped",
                            "note": f"above --networkx-max {networkx_max}",
                        }
                        size["networkx_note"] = (
                            f"networkx skipped above {networkx_max:,} professionals "
                            "(--networkx-max): it would take hours"
                        )
                        log(f"  networkx: skipped (above --networkx-max {networkx_max})")
                        if networkx_estimate and "betweenness" in steps:
                            size["networkx_estimate"] = _estimate_networkx(
                                datafile, k, networkx_estimate, timeout, log, max_memory_gb
                            )
                            estimate = size["networkx_estimate"]
                            if estimate["status"] == "estimate":
                                size["networkx_note"] += (
                                    f"; ESTIMATE of its betweenness with k={k}, scaled "
                                    f"from {networkx_estimate} sources: "
                                    f"{estimate['betweenness_s']:,.0f} s "
                                    f"(graph build {estimate['build_s']:,.0f} s)"
                                )
                        continue
                    if networkx_steps:
                        chosen = [s for s in steps if s == "build" or s in networkx_steps]
                log(f"  {library} ...")
                one_step, budget = _limits(library, step_timeout, timeout)
                size["libraries"][library] = _measure(
                    library,
                    datafile,
                    chosen,
                    budget,
                    log,
                    k,
                    max_memory_gb,
                    step_timeout=one_step,
                    threads=threads,
                    checks=folder if checks else None,
                    warm_up=warm_up,
                )
            size["load_average"]["after"] = _load()
            size["ratios"] = _ratios(size["libraries"], steps)
            if checks:
                log("  agreement checks ...")
                size["agreement"] = _agreement(datafile, folder, size["libraries"], libraries, log)
            log(_table(size, libraries, steps))
            out.append(size)
            datafile.unlink(missing_ok=True)
            _people_file(datafile).unlink(missing_ok=True)
    return out


def _load() -> list[float] | None:
    """The 1, 5 and 15 minute load averages (``None`` where the system has none)."""
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None


def _names(text: str, choices: tuple[str, ...], what: str) -> list[str]:
    names = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [t for t in names if t not in choices]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown {what} {', '.join(unknown)}; choose from {', '.join(choices)}"
        )
    return names


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["--child"], ["--agree"], ["--prepare"]):
        _internal(args)
        return 0
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="one tiny size, ours and networkx only (also if CI=true)",
    )
    parser.add_argument("--sizes", nargs="+", type=int, help="numbers of professionals")
    parser.add_argument(
        "--only",
        type=lambda t: _names(t, LIBRARIES, "library"),
        help=f"libraries, comma-separated (default: {','.join(LIBRARIES)})",
    )
    parser.add_argument(
        "--steps",
        type=lambda t: _names(t, STEP_NAMES, "step"),
        help="steps, comma-separated (build always runs; default: all)",
    )
    parser.add_argument(
        "--networkx-max",
        type=int,
        default=50_000,
        help="skip networkx above this many professionals (default 50000)",
    )
    parser.add_argument(
        "--networkx-steps",
        type=lambda t: _names(t, STEP_NAMES, "step"),
        help="run only these steps with networkx (the slow ones take minutes at 50,000)",
    )
    parser.add_argument(
        "--networkx-estimate",
        type=int,
        default=0,
        metavar="SOURCES",
        help="above --networkx-max, estimate networkx's betweenness from this many sources",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=LIBRARY_BUDGET,
        help=f"seconds for all of one library's steps (default {LIBRARY_BUDGET:g}; "
        f"networkx {NETWORKX_SLACK:g}x; 0: none)",
    )
    parser.add_argument(
        "--step-timeout",
        type=float,
        default=STEP_TIMEOUT,
        help=f"seconds one step may take before its process is stopped and the next step "
        f"runs in a new one (default {STEP_TIMEOUT:g}; networkx {NETWORKX_SLACK:g}x; 0: none)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="threads for every library (numba, OpenMP, BLAS, NetworKit; the process is "
        "bound to that many CPUs); default: each library's own setting",
    )
    parser.add_argument(
        "--ties-per-professional",
        type=float,
        help=f"ties per professional of the synthetic regions (default {TIES_PER_PROFESSIONAL:g}; "
        f"{SMOKE_TIES_PER_PROFESSIONAL:g} in smoke mode, so that there are bridges to check)",
    )
    parser.add_argument(
        "--no-warm-up",
        action="store_true",
        help="time our first calls cold (numba compiles or loads its cache inside the steps)",
    )
    parser.add_argument(
        "--no-checks",
        action="store_true",
        help="skip the agreement checks (the results are then not converted at all)",
    )
    parser.add_argument(
        "--k", type=int, help=f"sampled betweenness sources (default {K}; {SMOKE_K} in smoke mode)"
    )
    parser.add_argument(
        "--max-memory-gb",
        type=float,
        default=MAX_MEMORY_GB,
        help=f"address-space cap per library process (default {MAX_MEMORY_GB:g}; 0: none)",
    )
    parser.add_argument("--output", type=Path, help="results file (default benchmarks/results/)")
    parser.add_argument("--quiet", action="store_true", help="print only the tables")
    options = parser.parse_args(args)
    smoke = options.smoke or os.environ.get("CI", "").lower() == "true"
    sizes = tuple(options.sizes) if options.sizes else SMOKE_SIZES if smoke else DEFAULT_SIZES
    libraries = options.only or list(SMOKE_LIBRARIES if smoke else LIBRARIES)
    k = options.k or (SMOKE_K if smoke else K)
    steps = ["build", *(s for s in (options.steps or STEP_NAMES) if s != "build")]
    log: Callable[[str], None] = (
        (lambda text: None)
        if options.quiet
        else (lambda text: print(text, flush=True) if text else None)
    )
    sizes_out = run(
        sizes,
        libraries,
        steps,
        networkx_max=options.networkx_max,
        networkx_steps=options.networkx_steps,
        timeout=options.timeout,
        k=k,
        networkx_estimate=options.networkx_estimate,
        max_memory_gb=options.max_memory_gb,
        log=log,
        step_timeout=options.step_timeout,
        threads=options.threads,
        checks=not options.no_checks,
        ties_per_professional=options.ties_per_professional
        or (SMOKE_TIES_PER_PROFESSIONAL if smoke else TIES_PER_PROFESSIONAL),
        warm_up=not options.no_warm_up,
    )
    if options.quiet:
        for size in sizes_out:
            print(_table(size, libraries, steps))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = options.output or RESULTS / f"analysis-{stamp}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    failures = [
        f"{size['professionals']:,}: {failure}"
        for size in sizes_out
        for failure in size.get("agreement", {}).get("failures", [])
    ]
    meta = {
        "benchmark": "analysis",
        "seed": SEED,
        "k": k,
        "threads": options.threads or None,
        "warm_up": not options.no_warm_up,
        "ties_per_professional": sizes_out[0]["ties_per_professional"] if sizes_out else None,
        "step_timeout_s": options.step_timeout or None,
        "budget_s": options.timeout or None,
        "load_average": _load(),
        "agreement_failed": bool(failures),
        "agreement_failures": failures,
        "permutations": PERMUTATIONS,
        "smoke": smoke,
        "libraries": libraries,
        "steps": steps,
        "versions": _versions(libraries),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "when": stamp,
    }
    target.write_text(json.dumps({"meta": meta, "sizes": sizes_out}, indent=2), encoding="utf-8")
    print(f"results written to {target}")
    if failures:
        print(f"AGREEMENT FAILED: {'; '.join(failures)}", file=sys.stderr)
        return 1
    return 0


def _internal(args: list[str]) -> None:
    """The child processes: ``--child`` (one library), ``--agree`` (checks), ``--prepare``."""
    if args[0] == "--child":
        library, datafile, steps, k, max_gb, threads, checks, warm = args[1:9]
        chosen = [s for s in steps.split(",") if s]
        _child(library, datafile, chosen, int(k), float(max_gb), int(threads), checks, warm == "1")
    elif args[0] == "--agree":
        datafile, folder, names = args[1:4]
        _emit(**_agree(datafile, folder, [lib for lib in names.split(",") if lib]))
    else:
        professionals, path, ties = args[1:4]
        _emit(**_prepare(int(professionals), path, float(ties)))


def _versions(libraries: list[str]) -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str | None] = {}
    for library in libraries:
        try:
            out[library] = version(IMPORT_NAME[library])
        except PackageNotFoundError:
            out[library] = None
    return out


if __name__ == "__main__":
    raise SystemExit(main())
