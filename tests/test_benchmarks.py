"""The analysis benchmark runs in smoke mode and writes well-formed results.

The benchmark is a script, not part of the package: it is loaded from its file. The
checks are about the harness (processes, JSON, ratios, missing libraries), never about
how fast anything is.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bench_smoke import BENCHMARKS, run_smoke

SCRIPT = BENCHMARKS / "bench_analysis.py"
STATUSES = {"ok", "missing", "n/a", "error", "timeout", "failed"}
EXACT = ("components", "articulation_points", "bridges", "core_numbers")


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_analysis", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    target = tmp_path_factory.mktemp("bench") / "smoke.json"
    result, stdout = run_smoke("bench_analysis.py", target)
    assert "networkx / ours" in stdout or "ours s" in stdout
    return result


def test_smoke_writes_one_size_for_ours_and_networkx(smoke: dict[str, Any]) -> None:
    meta = smoke["meta"]
    assert meta["benchmark"] == "analysis"
    assert meta["smoke"] is True
    assert meta["libraries"] == ["ours", "networkx"]
    assert meta["steps"][0] == "build"
    (size,) = smoke["sizes"]
    assert size["ties"] > 0
    assert 0 < size["edges"] <= size["ties"]
    assert set(size["libraries"]) == {"ours", "networkx"}


def test_smoke_steps_are_well_formed(smoke: dict[str, Any]) -> None:
    (size,) = smoke["sizes"]
    steps = smoke["meta"]["steps"]
    for library, row in size["libraries"].items():
        assert row["status"] == "ok", (library, row.get("stderr"))
        assert set(row["steps"]) == set(steps)
        assert row["steps"]["build"]["status"] == "ok"
        assert row["peak_mb"] >= row["import_peak_mb"] > 0
        for step, entry in row["steps"].items():
            assert entry["status"] in STATUSES, (library, step, entry)
            if entry["status"] == "ok":
                assert entry["seconds"] >= 0
                assert 0 < entry["peak_mb"] <= row["peak_mb"]
            else:
                assert "seconds" not in entry
    # The plain networkx script has every step except the ones only samenwerking offers.
    networkx = size["libraries"]["networkx"]["steps"]
    assert {s for s, e in networkx.items() if e["status"] != "ok"} == {"weak_points"}


def test_smoke_ratios_cover_the_steps_both_ran(smoke: dict[str, Any]) -> None:
    (size,) = smoke["sizes"]
    pair = size["ratios"]["networkx"]
    rows = size["libraries"]
    both = [
        s
        for s in smoke["meta"]["steps"]
        if rows["ours"]["steps"][s]["status"] == "ok"
        and rows["networkx"]["steps"][s]["status"] == "ok"
    ]
    assert pair["steps"] == both
    ours = sum(rows["ours"]["steps"][s]["seconds"] for s in both)
    theirs = sum(rows["networkx"]["steps"][s]["seconds"] for s in both)
    assert pair["other_over_ours"] == pytest.approx(theirs / ours)
    assert pair["ours_over_other"] == pytest.approx(ours / theirs)


def test_ratios_pick_the_compiled_library_we_compare_worst_against(bench: ModuleType) -> None:
    def row(**seconds: float) -> dict[str, Any]:
        return {"steps": {s: {"status": "ok", "seconds": t} for s, t in seconds.items()}}

    rows = {
        "ours": row(build=1.0, betweenness=2.0, density=1.0),
        "networkx": row(build=10.0, betweenness=50.0),
        "igraph": row(build=0.5, betweenness=1.5),
        "networkit": row(build=2.0, density=2.0),
    }
    ratios = bench._ratios(rows, ["build", "betweenness", "density"])
    assert ratios["networkx"]["steps"] == ["build", "betweenness"]
    assert ratios["networkx"]["other_over_ours"] == pytest.approx(60 / 3)
    assert ratios["igraph"]["ours_over_other"] == pytest.approx(3 / 2)
    assert ratios["networkit"]["ours_over_other"] == pytest.approx(2 / 4)
    assert ratios["fastest_compiled"] == {"library": "igraph", "ours_over_other": 1.5}


def test_a_missing_library_is_reported_not_fatal(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(bench.IMPORT_NAME, "igraph", "no_such_library_for_samenwerking")
    lines: list[str] = []
    libraries, steps = ["igraph", "networkx"], ["build", "density"]
    (size,) = bench.run([300], libraries, steps, networkx_max=100, log=lines.append)
    assert size["libraries"]["igraph"]["status"] == "n/a"
    assert size["libraries"]["networkx"]["status"] == "skipped"
    assert size["ratios"]["igraph"] is None
    table = bench._table(size, libraries, steps)
    assert [line.split()[1:] for line in table.splitlines()[2:4]] == [["n/a", "skipped"]] * 2
    assert "networkx skipped above 100 professionals" in table


def test_unknown_names_are_rejected() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--only", "ours,graphtool"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "graphtool" in done.stderr


def test_smoke_checks_ours_against_networkx(smoke: dict[str, Any]) -> None:
    (size,) = smoke["sizes"]
    agreement = size["agreement"]
    assert agreement["status"] == "ok"
    assert agreement["failed"] is False and agreement["failures"] == []
    assert smoke["meta"]["agreement_failed"] is False
    checks = agreement["checks"]["networkx"]
    for name in EXACT:
        assert checks[name]["status"] == "agree", (name, checks[name])
    # The sparse smoke region has something to compare in every exact check.
    assert checks["components"]["ours"] > 1
    assert checks["articulation_points"]["ours"] > 0 and checks["bridges"]["ours"] > 0
    modularity = checks["modularity"]
    assert modularity["status"] == "reported"
    assert 0 < modularity["ours"] < 1 and 0 < modularity["other"] < 1
    # Ours samples the same sources as networkx for the same seed: the same ranking.
    assert checks["betweenness"]["top100_overlap"] == 1.0


def test_smoke_states_threads_and_cores_used(smoke: dict[str, Any]) -> None:
    (size,) = smoke["sizes"]
    ours, networkx = size["libraries"]["ours"], size["libraries"]["networkx"]
    assert ours["threads"]["kind"] == "numba" and ours["threads"]["threads"] >= 1
    assert networkx["threads"]["threads"] == 1
    assert ours["warm_up_s"] >= 0
    for row in (ours, networkx):
        for entry in row["steps"].values():
            if entry["status"] == "ok":
                assert entry["cpu_s"] >= 0


def _write(folder: Path, library: str, **results: Any) -> None:
    import numpy as np

    for step, values in results.items():
        np.save(folder / f"{library}.{step}.npy", np.asarray(values))


def test_agreement_flags_an_exact_difference_and_reports_the_rest(
    bench: ModuleType, tmp_path: Path
) -> None:
    import networkx as nx
    import numpy as np

    # Two triangles joined by the bridge 2-3; node 6 is an isolate.
    edges = [(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)]
    source, target = np.array(edges).T
    datafile = tmp_path / "data.npz"
    np.savez(datafile, n=np.int64(7), source=source, target=target)
    folder = tmp_path / "checks"
    folder.mkdir()
    common = {"islands": [0, 0, 0, 0, 0, 0, 1], "core_numbers": [2, 2, 2, 2, 2, 2, 0]}
    _write(folder, "ours", **common, articulation_points=[2, 3], bridges=[2 * 7 + 3])
    _write(folder, "ours", communities=[0, 0, 0, 1, 1, 1, 2], betweenness=np.arange(7.0))
    relabelled = {"islands": [5, 5, 5, 5, 5, 5, 2], "core_numbers": common["core_numbers"]}
    _write(folder, "networkx", **relabelled, articulation_points=[2], bridges=[2 * 7 + 3])
    _write(folder, "networkx", communities=[0, 0, 1, 1, 1, 1, 2], betweenness=-np.arange(7.0))
    rows = {
        "ours": {"steps": {}},
        "networkx": {"steps": {}},
        "igraph": {"library": "igraph", "status": "n/a", "note": "not installed"},
    }
    libraries = ["ours", "networkx", "igraph"]
    out = bench._agreement(datafile, folder, rows, libraries, lambda text: None)
    checks = out["checks"]["networkx"]
    assert checks["components"]["status"] == "agree"  # the same partition, other labels
    assert checks["bridges"]["status"] == "agree"
    assert checks["core_numbers"]["status"] == "agree"
    assert checks["articulation_points"]["status"] == "differ"
    assert checks["articulation_points"]["examples_only_ours"] == [3]
    assert out["failed"] is True and out["failures"] == ["networkx: articulation_points"]
    graph = nx.Graph(edges)
    graph.add_node(6)
    ours_q = nx.community.modularity(graph, [{0, 1, 2}, {3, 4, 5}, {6}])
    other_q = nx.community.modularity(graph, [{0, 1}, {2, 3, 4, 5}, {6}])
    assert out["modularity"] == pytest.approx({"ours": ours_q, "networkx": other_q})
    relative = checks["modularity"]["relative_difference"]
    assert relative == pytest.approx((ours_q - other_q) / other_q)
    assert checks["modularity"]["within_tolerance"] is True  # ours is the higher one
    assert checks["betweenness"]["spearman_top500"] == pytest.approx(-1.0)
    assert all(e["status"] == "skipped" for e in out["checks"]["igraph"].values())
    assert "igraph n/a (not installed)" in out["checks"]["igraph"]["components"]["note"]
    assert out["skipped"] == {"igraph": "igraph n/a (not installed)"}
    table = bench._agreement_lines(out, libraries)
    assert "AGREEMENT FAILED (exact checks): networkx: articulation_points" in table


def test_a_hanging_step_is_stopped_and_the_next_steps_run(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(bench.STALL_VARIABLE, "networkx.density")
    steps = ["build", "density", "islands", "bridges"]
    (size,) = bench.run(
        [300], ["networkx"], steps, networkx_max=1000, step_timeout=0.5, log=lambda t: None
    )
    row = size["libraries"]["networkx"]
    assert row["status"] == "ok"
    assert row["steps"]["density"]["status"] == "timeout"
    assert [r["step"] for r in row["restarts"]] == ["density"]
    assert row["steps"]["islands"]["status"] == row["steps"]["bridges"]["status"] == "ok"
    assert row["peak_mb"] > 0
    # ours did not run: nothing to compare, and no failure
    assert size["agreement"]["status"] == "skipped" and size["agreement"]["failed"] is False


def test_threads_option_reaches_every_library_and_checks_skip_a_missing_one(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(bench.IMPORT_NAME, "igraph", "no_such_library_for_samenwerking")
    libraries, steps = ["ours", "networkx", "igraph"], ["build", "islands", "bridges"]
    (size,) = bench.run([300], libraries, steps, networkx_max=1000, threads=1, log=lambda t: None)
    for library in ("ours", "networkx"):
        threads = size["libraries"][library]["threads"]
        assert threads["requested"] == 1 and threads["threads"] == 1
        assert threads["OMP_NUM_THREADS"] == "1" and threads["NUMBA_NUM_THREADS"] == "1"
    agreement = size["agreement"]
    assert agreement["failed"] is False
    assert agreement["checks"]["networkx"]["components"]["status"] == "agree"
    assert agreement["checks"]["networkx"]["core_numbers"]["status"] == "skipped"
    assert agreement["checks"]["igraph"]["bridges"]["status"] == "skipped"
    table = bench._table(size, libraries, steps)
    assert "threads (--threads 1)" in table


def test_fast_steps_are_timed_as_their_best_call(smoke: dict[str, Any], bench: ModuleType) -> None:
    (size,) = smoke["sizes"]
    repeated = 0
    for library, row in size["libraries"].items():
        for step, entry in row["steps"].items():
            if entry["status"] != "ok":
                continue
            fast = entry["first_s"] < bench.REPEAT_BELOW_S and step not in bench.NOT_REPEATED
            assert entry["runs"] == (bench.REPEATS if fast else 1), (library, step, entry)
            assert entry["seconds"] <= entry["first_s"], (library, step, entry)
            repeated += fast
    assert size["libraries"]["ours"]["steps"]["build"]["runs"] == 1
    assert repeated > 0  # the smoke size has fast steps: the rule was exercised
