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

The child region of ``ours`` is regenerated from the seed (identical ties); generating it
is not timed. Analyses that do not exist yet are reported as ``missing``, steps a library
has no counterpart for as ``n/a``; an exception in one step is recorded and the run goes
on. Ratios are computed over the steps both sides ran.

Run ``python benchmarks/bench_analysis.py`` (2,000 / 50,000 / 600,000 professionals),
``--smoke`` (one tiny size, ours and networkx only; also when ``CI=true``), ``--sizes
50000``, ``--only ours,igraph``, ``--steps betweenness,communities``. Results go to
``benchmarks/results/analysis-<time>.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import importlib.util
import json
import os
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
PERMUTATIONS = 99
"""Permutations for the E-I index test (ours and the scripts)."""
DROP_SHARE = 0.05
"""Share of ties dropped to make the 'after' snapshot for ``compare``."""
TIES_PER_PROFESSIONAL = 10.0
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


def _region(professionals: int) -> Any:
    import samenwerking as sw

    return sw.synthetic.region(
        professionals, seed=SEED, ties_per_professional=TIES_PER_PROFESSIONAL
    )


def _prepare(professionals: int, path: str) -> dict[str, Any]:
    """Generate one region; write its edge list and node table to ``path`` (child process)."""
    import numpy as np

    import samenwerking as sw

    start = time.perf_counter()
    region = _region(professionals)
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
    sectors = np.array(graph.sectors)
    np.savez(
        path,
        n=np.int64(len(ids)),
        source=source,
        target=target,
        trust=store.column("trust"),
        value=store.column("value"),
        keep=_keep_mask(len(store)),
        directed=store.column("directed"),
        sector=np.asarray(graph.sector, np.int64),
        domain=np.asarray(graph.domain, np.int64),
        municipality=np.asarray(graph.municipality, np.int64),
        organisation=np.asarray(graph.organisation, np.int64),
        school=np.isin(sectors, SCHOOL_SECTORS)[graph.sector] & (graph.sector >= 0),
        contact=(sectors == CONTACT_SECTOR)[graph.sector] & (graph.sector >= 0),
    )
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

        def go() -> Any:
            function = _analysis(module, name)
            return function(*(ctx[a] for a in args), **kwargs)

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


def _ours_input(ctx: dict[str, Any], data: dict[str, Any]) -> None:
    # Import up front what the analyses import lazily: imports are not part of the timings.
    importlib.import_module("scipy.sparse.csgraph")
    for module in sorted({m for _, m, _ in STEPS if m}):
        # A missing or broken module is reported by its step.
        with contextlib.suppress(Exception):
            importlib.import_module(f"samenwerking.analysis.{module}")
    region = _region(int(data["n"]))
    if len(region.ties) != len(data["source"]):
        raise RuntimeError("the regenerated region differs from the prepared edge list")
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


# -- one library in one (fresh) process --------------------------------------------------------
def _child(library: str, datafile: str, steps: list[str], k: int, max_gb: float) -> None:
    """Run the steps of one library, printing one JSON line per event (child process).

    The address space is capped at ``max_gb``, so a step that would exhaust the machine
    fails with ``MemoryError`` (recorded) instead of waking the kernel's OOM killer.
    """
    if max_gb > 0:
        limit = int(max_gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import numpy as np

    importlib.import_module(IMPORT_NAME[library])  # imports are not part of the timings

    _emit(event="start", import_peak_mb=_peak_mb())
    with np.load(datafile) as archive:
        data = {name: archive[name] for name in archive.files}
    data["k"] = k
    ctx: dict[str, Any] = {}
    start = time.perf_counter()
    if library == "ours":
        _ours_input(ctx, data)
        table = _ours_steps(ctx, k)
    else:
        maker = {
            "networkx": _networkx_steps,
            "igraph": _igraph_steps,
            "networkit": _networkit_steps,
        }[library]
        table = maker(ctx, data)
    _emit(event="input", seconds=time.perf_counter() - start, peak_mb=_peak_mb())
    for step in steps:
        function = table.get(step)
        if function is None:
            _emit(event="step", step=step, status="n/a", note=f"no {library} counterpart")
            continue
        _emit(event="begin", step=step)
        start = time.perf_counter()
        try:
            function()
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
        seconds = time.perf_counter() - start
        _emit(event="step", step=step, status="ok", seconds=seconds, peak_mb=_peak_mb())
    _emit(event="end", peak_mb=_peak_mb(), high_water_mb=_high_water_mb())


# -- the parent --------------------------------------------------------------------------------
def _spawn(
    args: Iterable[object], timeout: float | None, log: Callable[[str], None]
) -> tuple[list[dict[str, Any]], str, int | None, bool]:
    """Run this script in a child; return its events, stderr, exit code and whether it timed out.

    The events arrive as they happen, so a child killed at ``timeout`` keeps what it did.
    """
    command = [sys.executable, str(Path(__file__).resolve()), *(str(a) for a in args)]
    events: list[dict[str, Any]] = []
    timed_out: list[bool] = []
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as errors:
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True) as process:

            def stop() -> None:
                timed_out.append(True)
                process.kill()

            timer = threading.Timer(timeout, stop) if timeout else None
            if timer:
                timer.start()
            try:
                assert process.stdout is not None
                for line in process.stdout:
                    if not line.startswith("{"):
                        continue
                    event = json.loads(line)
                    events.append(event)
                    log(_describe(event))
                code = process.wait()
            finally:
                if timer:
                    timer.cancel()
        errors.seek(0)
        stderr = errors.read()
    return events, stderr, None if code == 0 else code, bool(timed_out)


def _describe(event: dict[str, Any]) -> str:
    if event.get("event") == "step":
        seconds = f" {event['seconds']:.2f} s" if "seconds" in event else ""
        note = f" ({event['note']})" if event.get("note") else ""
        return f"    {event['step']}: {event['status']}{seconds}{note}"
    return ""


def _available(library: str) -> bool:
    return importlib.util.find_spec(IMPORT_NAME[library]) is not None


def _measure(
    library: str,
    datafile: Path,
    steps: list[str],
    timeout: float | None,
    log: Callable[[str], None],
    k: int = K,
    max_memory_gb: float = MAX_MEMORY_GB,
) -> dict[str, Any]:
    arguments = ("--child", library, datafile, ",".join(steps), k, max_memory_gb)
    events, stderr, code, timed_out = _spawn(arguments, timeout, log)
    result: dict[str, Any] = {"library": library, "status": "ok", "steps": {}}
    pending = None
    for event in events:
        kind = event.pop("event")
        if kind == "begin":
            pending = event["step"]
        elif kind == "step":
            result["steps"][event.pop("step")] = event
            pending = None
        elif kind == "start":
            result["import_peak_mb"] = event["import_peak_mb"]
        elif kind == "input":
            result["input_s"], result["input_peak_mb"] = event["seconds"], event["peak_mb"]
        elif kind == "end":
            result["peak_mb"], result["high_water_mb"] = event["peak_mb"], event["high_water_mb"]
    if code is not None:
        result["status"] = "timeout" if timed_out else "failed"
        result["exit_code"] = code
        if code < 0 and not timed_out:
            result["note"] = f"killed by signal {-code} (out of memory?)"
        result["stderr"] = stderr[-3000:]
        if pending is not None:
            result["steps"][pending] = {"status": result["status"]}
        peaks = [s["peak_mb"] for s in result["steps"].values() if "peak_mb" in s]
        result["peak_mb"] = max(peaks, default=None)
        log(f"    {library} {result['status']} (exit code {code}):\n{stderr[-1500:]}")
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
    head += f"{'nx/ours':>9}{'ours/C++':>10}"
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
        compiled = [t for t in (ok("igraph", step), ok("networkit", step)) if t is not None]
        line += f"{nx_s / ours:>8.1f}x" if ours and nx_s is not None else f"{'':>9}"
        if ours is not None and compiled and min(compiled) > 0:
            line += f"{ours / min(compiled):>10.2f}"
        lines.append(line)
    totals = f"{'total (steps run)':<22}"
    peaks = f"{'peak MB':<22}"
    inputs = f"{'  of which input MB':<22}"

    def megabytes(value: Any) -> str:
        return f"{value:>{width}.0f}" if isinstance(value, int | float) else f"{'-':>{width}}"

    for lib in libraries:
        row = rows.get(lib, {})
        steps_run = row.get("steps", {}).values()
        done = [s.get("seconds", 0.0) for s in steps_run if s.get("status") == "ok"]
        totals += f"{sum(done):>{width}.2f}" if done else f"{row.get('status', '-'):>{width}}"
        peaks += megabytes(row.get("peak_mb"))
        inputs += megabytes(row.get("input_peak_mb"))
    lines += [totals, peaks, inputs]
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
    return "\n".join(lines)


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
) -> list[dict[str, Any]]:
    """Prepare and measure every size; return one record per size (see the module docstring)."""
    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-analysis-") as scratch:
        for professionals in sizes:
            datafile = Path(scratch) / f"region-{professionals}.npz"
            log(f"preparing {professionals:,} professionals ...")
            events, stderr, code, _ = _spawn(("--prepare", professionals, datafile), None, log)
            if code is not None or not events:
                raise RuntimeError(f"preparing {professionals} failed:\n{stderr}")
            prepared = events[-1]
            size: dict[str, Any] = {
                "professionals": professionals,
                "name": SIZE_NAMES.get(professionals, "custom"),
                **{k: prepared[k] for k in ("ties", "edges", "generate_s", "graph_mb")},
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
                size["libraries"][library] = _measure(
                    library, datafile, chosen, timeout, log, k, max_memory_gb
                )
            size["ratios"] = _ratios(size["libraries"], steps)
            log(_table(size, libraries, steps))
            out.append(size)
            datafile.unlink(missing_ok=True)
    return out


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
    if args[:1] == ["--child"]:
        library, datafile, steps, k, max_gb = args[1:6]
        _child(library, datafile, [s for s in steps.split(",") if s], int(k), float(max_gb))
        return 0
    if args[:1] == ["--prepare"]:
        professionals, path = args[1:3]
        _emit(**_prepare(int(professionals), path))
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
        "--timeout", type=float, help="seconds before a library's process is stopped"
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
    )
    if options.quiet:
        for size in sizes_out:
            print(_table(size, libraries, steps))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = options.output or RESULTS / f"analysis-{stamp}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "benchmark": "analysis",
        "seed": SEED,
        "k": k,
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
    return 0


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
