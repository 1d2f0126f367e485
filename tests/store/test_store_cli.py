"""The ``samenwerking store`` commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from store_helpers import small_region

import samenwerking as sw
from samenwerking.cli import main
from samenwerking.cli._store_commands import retention_period
from samenwerking.store import open_store


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    first = sw.save(small_region(5), tmp_path / "veldhoek-2024.json")
    second = sw.save(small_region(9), tmp_path / "veldhoek-2025")
    return first, second


def _add(url: str, source: Path, day: str, note: str = "") -> int:
    return main(["store", "add", str(source), "--db", url, "--as-of", day, "--note", note])


def test_add_list_show_and_export(
    store_url: str, sources: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = sources
    assert _add(store_url, first, "2024-06-01", "nulmeting") == 0
    assert _add(store_url, second, "2025-06-01", "tweede meting") == 0
    out = capsys.readouterr().out
    assert (
        "Added snapshot 1 (as of 2024-06-01) of Veldhoek: 3 organisations, 5 professionals" in out
    )
    assert main(["store", "list", "--db", store_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "id",
        "as",
        "of",
        "added",
        "(UTC)",
        "region",
        "people",
        "ties",
        "cases",
        "note",
    ]
    assert lines[1].split()[:2] == ["1", "2024-06-01"] and lines[1].endswith("nulmeting")
    assert lines[2].split()[5:] == ["9", "9", "3", "tweede", "meting"]
    assert main(["store", "show", "2025-06-01", "--db", store_url]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("snapshot 2 (as of 2025-06-01) of Veldhoek")
    assert "  professionals  9" in shown
    target = tmp_path / "out.json"
    assert main(["store", "export", "1", str(target), "--db", store_url]) == 0
    assert sw.load(target) == small_region(5)
    folder = tmp_path / "out-2025"
    assert main(["store", "load", "2025-06-01", str(folder), "--db", store_url]) == 0
    assert sw.load(folder) == small_region(9)


def test_the_same_day_twice_is_refused(
    store_url: str, sources: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = sources
    assert _add(store_url, first, "2024-06-01") == 0
    assert _add(store_url, second, "2024-06-01") == 1
    assert "snapshot 1 is already as of 2024-06-01; nothing was written" in capsys.readouterr().err


def test_delete_needs_yes(
    store_url: str, sources: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(store_url, sources[0], "2024-06-01") == 0
    capsys.readouterr()
    assert main(["store", "delete", "1", "--db", store_url]) == 2
    captured = capsys.readouterr()
    assert "Would delete snapshot 1 (as of 2024-06-01)" in captured.out
    assert "add --yes" in captured.err
    with open_store(store_url) as store:
        assert len(store.snapshots()) == 1
    assert main(["store", "delete", "1", "--db", store_url, "--yes"]) == 0
    with open_store(store_url) as store:
        assert store.snapshots() == []
    assert main(["store", "delete", "1", "--db", store_url, "--yes"]) == 1
    assert "no snapshot with id 1; the store is empty" in capsys.readouterr().err


def test_purge_needs_yes_and_follows_the_period(
    store_url: str, sources: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(store_url, sources[0], "2024-06-01") == 0
    purge = ["store", "purge", "--db", store_url, "--older-than", "2y", "--today", "2026-01-01"]
    capsys.readouterr()
    assert main(purge) == 2
    assert capsys.readouterr().out.startswith("Would purge 1 case records closed before 2024-01-02")
    with open_store(store_url) as store:
        assert len(store.load(1).cases) == 3
    assert main([*purge, "--yes"]) == 0
    with open_store(store_url) as store:
        assert [c.id for c in store.load(1).cases] == ["c-0a1", "c-0c3"]


def test_reading_a_missing_store_does_not_create_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.db"
    assert main(["store", "list", "--db", str(missing)]) == 1
    assert "no store file here" in capsys.readouterr().err
    assert not missing.exists()


def test_bad_snapshot_and_period_arguments_are_command_line_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["store", "show", "June", "--db", "x.db"]) == 2
    assert "not a snapshot id or date" in capsys.readouterr().err
    assert main(["store", "purge", "--db", "x.db", "--older-than", "2 months"]) == 2
    assert "not a period" in capsys.readouterr().err


def test_periods() -> None:
    assert retention_period("730") == retention_period("730d") == dt.timedelta(days=730)
    assert retention_period("2y") == dt.timedelta(days=730)
    assert retention_period("3w") == dt.timedelta(days=21)
