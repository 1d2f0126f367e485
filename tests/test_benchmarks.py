"""The analysis benchmark runs in smoke mode and writes well-formed results.

The benchmark is a script, not part of the package: it is loaded from its file. The
checks are about the harness (processes, JSON, ratios, missing libraries), never about
how fast anything is.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from bench_smoke import BENCHMARKS, run_smoke

SCRIPT = BENCHMARKS / "bench_analysis.py"
STATUSES = {"ok", "missing", "n/a", "error", "timeout", "failed"}


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
