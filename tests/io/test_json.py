"""Tests for the versioned JSON region file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

import strategies as s
from samenwerking.errors import InvalidRegionError
from samenwerking.io import jsonfile
from samenwerking.io.jsonfile import FORMAT_NAME, read_json, write_json
from samenwerking.model import FORMAT_VERSION, Region


@given(s.regions())
def test_round_trip(tmp_path_factory: pytest.TempPathFactory, region: Region) -> None:
    path = tmp_path_factory.mktemp("json") / "r.json"
    write_json(region, path)
    assert read_json(path) == region


def test_document_header_and_compact_ties(tmp_path: Path) -> None:
    from samenwerking.model import ProfessionalId, Tie

    region = Region("Dorp", ties=[Tie(ProfessionalId("a"), ProfessionalId("b"))] * 3)
    path = tmp_path / "r.json"
    write_json(region, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT_NAME
    assert document["version"] == FORMAT_VERSION
    assert document["region"]["ties"]["source"] == ["a", "a", "a"]
    # Each tie column sits on one line, however many ties there are.
    assert '"source": ["a","a","a"]' in path.read_text(encoding="utf-8")


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("document", "field", "words"),
    [
        ({"format": "other", "version": 1, "region": {}}, "format", FORMAT_NAME),
        ({"format": FORMAT_NAME, "version": 99, "region": {}}, "version", "newer"),
        ({"format": FORMAT_NAME, "version": "1", "region": {}}, "version", "whole number"),
        ({"format": FORMAT_NAME, "version": 1}, "region", "no 'region'"),
        ({"format": FORMAT_NAME, "version": 1, "region": {}, "x": 1}, "x", "unknown"),
        ([1, 2], "", "not a region document"),
    ],
)
def test_rejects_foreign_or_newer_documents(
    tmp_path: Path, document: object, field: str, words: str
) -> None:
    with pytest.raises(InvalidRegionError) as info:
        read_json(_write(tmp_path / "r.json", document))
    [problem] = info.value.problems
    assert problem.field == field
    assert words in problem.message


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{\n  "format": ,\n}', encoding="utf-8")
    with pytest.raises(InvalidRegionError) as info:
        read_json(path)
    assert info.value.problems[0].location == "line 2, column 13"
    assert info.value.problems[0].source == str(path)


def test_reference_problems_use_json_paths(tmp_path: Path) -> None:
    region = {
        "name": "r",
        "ties": {"source": ["a"], "target": ["b"]},
        "agreements": [
            {"id": "a", "title": "t", "theme": "t", "level": "policy", "parties": ["o"]}
        ],
    }
    path = _write(tmp_path / "r.json", {"format": FORMAT_NAME, "version": 1, "region": region})
    with pytest.raises(InvalidRegionError) as info:
        read_json(path)
    found = {(p.location, p.field, p.value) for p in info.value.problems}
    assert found == {
        ("$.region.ties[*][0]", "source", "a"),
        ("$.region.ties[*][0]", "target", "b"),
        ("$.region.agreements[0]", "parties", "o"),
    }
    assert read_json(path, validate=False).name == "r"


def test_failed_write_keeps_old_file_and_leaves_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.json"
    write_json(Region("old"), path)
    before = path.read_bytes()

    def explode(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(jsonfile, "iter_tie_columns", explode)
    with pytest.raises(RuntimeError):
        write_json(Region("new"), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
