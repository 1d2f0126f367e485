"""``benchmarks/fuzz_readers.py --smoke`` runs, crashes nothing and enforces every limit."""

from __future__ import annotations

from pathlib import Path

from bench_smoke import run_smoke


def test_fuzz_readers_smoke(tmp_path: Path) -> None:
    result, stdout = run_smoke("fuzz_readers.py", tmp_path / "fuzz.json")
    assert result["ok"] is True
    readers = {row["reader"]: row for row in result["fuzzed"]}
    assert {"csv folder", "json", "excel"} <= set(readers)
    for row in readers.values():
        assert row["crash"] == 0 and row["region"] + row["error"] == row["examples"] > 0
    limits = {row["case"]: row for row in result["limits"]}
    assert set(limits) == {"cell-5m", "columns-1m", "json-deep-1m", "xlsx-billion-laughs"}
    assert all(row["result"] == "error" for row in limits.values())
    assert "limit case" in stdout
