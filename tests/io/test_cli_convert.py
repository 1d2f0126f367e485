"""``samenwerking convert`` refuses to replace an existing target unless told ``--force``."""

from __future__ import annotations

from pathlib import Path

import pytest

import samenwerking as sw
from samenwerking.cli import main


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return sw.save(sw.example_region(), tmp_path / "new.json")


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_an_existing_target_is_refused_and_left_as_it_was(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    old = sw.Region("Oud")
    target = sw.save(old, tmp_path / ("old.json" if kind == "file" else "old"))
    before = {p: p.read_bytes() for p in ([target] if kind == "file" else target.iterdir())}
    assert main(["convert", str(source), str(target)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        f"samenwerking: error: {str(target)!r} exists; add --force to replace it (the old "
        f"{kind} is replaced only once the new one is complete)"
    )
    assert {p: p.read_bytes() for p in before} == before
    assert sw.load(target) == old


def test_force_replaces_the_target(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = sw.save(sw.Region("Oud"), tmp_path / "old")
    assert main(["convert", str(source), str(target), "--force"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {target}"
    assert sw.load(target) == sw.example_region()


def test_a_new_target_needs_no_force(source: Path, tmp_path: Path) -> None:
    assert main(["convert", str(source), str(tmp_path / "fresh")]) == 0
    assert sw.load(tmp_path / "fresh") == sw.example_region()
