"""The team and planner benchmark runs in smoke mode and writes well-formed JSON."""

from __future__ import annotations

from pathlib import Path

from bench_smoke import run_smoke


def test_smoke_writes_well_formed_results(tmp_path: Path) -> None:
    result, stdout = run_smoke("bench_team_planner.py", tmp_path / "smoke.json")
    assert "team_gaps s" in stdout
    assert result["meta"]["benchmark"] == "team-planner" and result["meta"]["smoke"] is True
    (size,) = result["sizes"]
    assert size["cases"] > 0 and size["ties"] > 0
    assert size["team_gaps"]["seconds"] >= 0
    assert size["team_gaps"]["cases_with_missing_ties"] <= size["cases"]
    plan = size["plan_tables"]
    assert plan["seconds"] >= 0
    assert 0 <= plan["score"] <= plan["upper_bound"]
    assert size["plan_tables_cases"] == [plan]  # the smoke run plans one small meeting
    assert plan["random_score"] is None or plan["random_score"] <= plan["upper_bound"]
