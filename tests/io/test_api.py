"""Tests for load and save: format inference, whole-region round trips, atomic saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import strategies as s
from samenwerking.errors import InvalidRegionError, SourceNotFoundError, UnsupportedSourceError
from samenwerking.io import csv_ties, jsonfile
from samenwerking.io.api import load, save
from samenwerking.model import Region


@given(s.regions())
def test_json_round_trip(tmp_path_factory: pytest.TempPathFactory, region: Region) -> None:
    target = tmp_path_factory.mktemp("api") / "region.json"
    assert save(region, target) == target
    assert load(target) == region


@given(s.regions())
def test_csv_round_trip(tmp_path_factory: pytest.TempPathFactory, region: Region) -> None:
    target = tmp_path_factory.mktemp("api") / "region"
    assert save(region, target) == target
    assert target.is_dir()
    assert load(target) == region


@given(s.regions())
def test_json_to_csv_to_json(tmp_path_factory: pytest.TempPathFactory, region: Region) -> None:
    base = tmp_path_factory.mktemp("api")
    save(region, base / "a.json")
    save(load(base / "a.json"), base / "folder")
    save(load(base / "folder"), base / "b.json")
    assert (base / "a.json").read_bytes() == (base / "b.json").read_bytes()


def test_format_inference(tmp_path: Path) -> None:
    region = Region("r")
    save(region, tmp_path / "explicit.data", format="csv")
    assert (tmp_path / "explicit.data" / "organisations.csv").is_file()
    existing = tmp_path / "existing.dir"
    existing.mkdir()
    save(region, existing)
    assert (existing / "organisations.csv").is_file()
    assert load(existing) == region
    with pytest.raises(UnsupportedSourceError, match=r"region\.pdf"):
        save(region, tmp_path / "region.pdf")
    (tmp_path / "notes.txt").write_text("hi", encoding="utf-8")
    with pytest.raises(
        UnsupportedSourceError, match=r"a \.json file, a \.parquet folder or a folder"
    ):
        load(tmp_path / "notes.txt")


def test_missing_source(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match=r"nothing\.json"):
        load(tmp_path / "nothing.json")
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "nothing")


def test_validate_false_skips_reference_checks(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "organisations.csv").write_text(
        "id,name,sector,municipality,parent\no1,G,municipality,Dorp,o9\n", encoding="utf-8"
    )
    with pytest.raises(InvalidRegionError) as info:
        load(folder)
    [problem] = info.value.problems
    assert (problem.source, problem.location, problem.field, problem.value) == (
        "organisations.csv",
        "row 2",
        "parent",
        "o9",
    )
    assert load(folder, validate=False).organisations[0].parent == "o9"


@pytest.mark.parametrize(
    ("name", "module", "attribute"),
    [("r.json", jsonfile, "iter_tie_columns"), ("r", csv_ties, "_tie_columns")],
)
def test_failed_save_leaves_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, module: object, attribute: str
) -> None:
    target = save(Region("old"), tmp_path / name)

    def explode(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(module, attribute, explode)
    with pytest.raises(OSError, match="disk full"):
        save(Region("new"), target)
    monkeypatch.undo()
    assert load(target).name == "old"
    assert [p.name for p in tmp_path.iterdir()] == [name]
