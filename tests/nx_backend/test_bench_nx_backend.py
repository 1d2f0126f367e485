"""The networkx backend benchmark runs in smoke mode and writes well-formed JSON."""

from __future__ import annotations

from pathlib import Path

from bench_smoke import run_smoke


def test_smoke_writes_well_formed_results(tmp_path: Path) -> None:
    result, stdout = run_smoke("bench_nx_backend.py", tmp_path / "smoke.json")
    assert "whole script" in stdout
    assert result["meta"]["benchmark"] == "nx-backend" and result["meta"]["smoke"] is True
    run = result["result"]
    assert run["nodes"] == 400 and run["k"] == 32
    labels = {"samenwerking", "samenwerking, no cache", "networkx"}
    assert set(run["seconds"]) == labels
    for label in labels:
        assert run["totals"][label] == sum(run["seconds"][label].values()) > 0
    assert run["not_run_by_networkx"] == []  # at 400 nodes networkx runs every step
    assert len(run["compared_steps"]) == len(run["seconds"]["networkx"]) == 11
    assert run["ratio"] == run["totals"]["networkx"] / run["totals"]["samenwerking"]
    assert run["repeat"] == 3 and len(run["all_totals"]["networkx"]) == 1
    for label in ("samenwerking", "samenwerking, no cache"):
        assert sorted(run["all_totals"][label])[1] == run["totals"][label]  # the median run
    assert max(run["largest_difference"].values()) < 1e-9  # the same results as networkx
    q = run["louvain_modularity"]
    assert abs(q["samenwerking"] - q["networkx"]) < 0.05
