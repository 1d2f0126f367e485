"""The introductions benchmark runs in smoke mode and writes well-formed JSON (not timings)."""

from __future__ import annotations

from typing import Any

import pytest

from bench_smoke import run_smoke


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    target = tmp_path_factory.mktemp("bench") / "introduce.json"
    result, stdout = run_smoke("bench_introduce.py", target)
    assert str(target) in stdout
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
