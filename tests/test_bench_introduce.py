"""The introductions benchmark runs in smoke mode and writes well-formed JSON (not timings)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_introduce.py"


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    target = tmp_path_factory.mktemp("bench") / "introduce.json"
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
    assert str(target) in done.stdout
    result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return result


def test_meta_describes_the_run(smoke: dict[str, Any]) -> None:
    meta = smoke["meta"]
    assert meta["benchmark"] == "introduce"
    assert meta["smoke"] is True
    assert meta["reference"] == "islands"
    assert meta["steps"][0] == "compact_graph"


def test_every_step_is_timed_with_a_ratio(smoke: dict[str, Any]) -> None:
    (size,) = smoke["sizes"]
    assert size["professionals"] > 0 and size["ties"] > 0
    assert size["islands"] > size["isolates"] > 0  # dropped organisations make isolates
    assert list(size["steps"]) == smoke["meta"]["steps"]
    for step in size["steps"].values():
        assert step["seconds"] >= 0 and step["ratio"] >= 0
    connect = size["steps"]["connect_islands"]
    assert connect["introductions"] == size["islands"] - 1 == connect["lower_bound"]
    assert connect["complete"] and connect["exact"]
    after = size["steps"]["apply_and_improvement"]
    assert (after["islands_before"], after["islands_after"]) == (size["islands"], 1)
