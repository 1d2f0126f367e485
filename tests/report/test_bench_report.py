"""The report benchmark runs in smoke mode, as CI runs it, and writes well-formed JSON."""

from __future__ import annotations

from pathlib import Path

from bench_smoke import run_smoke


def test_the_report_benchmark_smoke_run(tmp_path: Path) -> None:
    result, stdout = run_smoke("bench_report.py", tmp_path / "smoke.json")
    assert result["benchmark"] == "report" and result["smoke"] is True
    assert stdout == ""
    [size] = result["sizes"]
    assert size["status"] == "ok", size.get("stderr")
    assert size["professionals"] == 400 and size["cases"] == 20 and size["ties"] > 0
    sections = size["sections"]
    assert list(sections)[:3] == ["overview", "counts", "islands"]
    assert {"brokers", "cases", "map", "picture"} <= set(sections)
    assert all(seconds >= 0 for seconds in sections.values())
    assert sum(sections.values()) <= size["build_report_s"] + 1e-6
    assert size["total_s"] >= size["build_report_s"] > 0 and size["write_s"] > 0
    assert size["peak_mb"] > 0 and len(size["load_average_before"]) == 3
    assert size["betweenness"] == {"method": "exact"}  # 400 people: exact
