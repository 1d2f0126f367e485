"""The team and planner benchmark runs in smoke mode and writes well-formed JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_team_planner.py"


def test_smoke_writes_well_formed_results(tmp_path: Path) -> None:
    target = tmp_path / "smoke.json"
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke", "--quiet", "--output", str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "team_gaps s" in done.stdout
    result = json.loads(target.read_text(encoding="utf-8"))
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
