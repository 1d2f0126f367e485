"""The load benchmark runs in smoke mode for every format and writes well-formed results.

The checks are about the harness (one child process per step, every installed format,
the same region in each), never about how fast anything is.
"""

from __future__ import annotations

from typing import Any

import pytest

from bench_smoke import run_smoke


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    target = tmp_path_factory.mktemp("bench") / "load.json"
    result, stdout = run_smoke("bench_load.py", target)
    assert "load s" not in stdout  # --quiet
    return result


def test_every_format_is_measured_on_the_same_region(smoke: dict[str, Any]) -> None:
    meta, rows = smoke["meta"], smoke["rows"]
    assert meta["benchmark"] == "load" and meta["smoke"] is True
    assert meta["formats"] == ["csv", "json", "parquet"]  # pyarrow is in the test extra
    assert [row["format"] for row in rows] == meta["formats"]
    assert len({row["ties"] for row in rows}) == 1 and rows[0]["ties"] > 0
    # The same region, whichever file it came from: the same islands.
    assert len({(row["islands"], row["share_in_largest"]) for row in rows}) == 1


def test_rows_are_well_formed(smoke: dict[str, Any]) -> None:
    for row in smoke["rows"]:
        assert row["save_s"] > 0 and row["load_s"] > 0 and row["disk_mb"] > 0
        assert row["load_peak_mb"] >= row["import_peak_mb"] > 0
        assert row["load_vs_reference"] == pytest.approx(row["load_s"] / row["reference_sort_s"])
        assert row["json_writer"] in ("orjson", "json")
