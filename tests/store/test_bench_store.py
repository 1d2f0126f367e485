"""The store benchmark runs in smoke mode, as CI runs it, and measures what it says."""

from __future__ import annotations

from pathlib import Path

from bench_smoke import run_smoke


def test_the_store_benchmark_smoke_run(tmp_path: Path) -> None:
    result, stdout = run_smoke("bench_store.py", tmp_path / "smoke.json")
    assert result["benchmark"] == "store" and result["smoke"] is True
    [size] = result["sizes"]
    people = size["professionals"]
    assert people == 500
    later = size["add_resurvey"]
    # Every 100th professional renamed, one newcomer per 100: only those records are new.
    assert later["new_records"] == 2 * len(range(0, people, 100))
    # The id vocabulary changed and the ties' last chunk grew; everything else is shared.
    assert later["new_chunks"] == 2
    assert later["record_references"] > later["records"]
    assert size["add"]["seconds"] > 0 and size["load"]["ratio"] > 0
    assert stdout == ""
