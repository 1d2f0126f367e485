"""The JSON file is the same whether orjson (the fast-json extra) writes its tie columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

import samenwerking as sw
import strategies as s
from samenwerking.io import jsonfile
from samenwerking.model import Region

orjson = pytest.importorskip("orjson")


def _without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonfile, "_orjson", lambda: None)


def test_orjson_writes_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert jsonfile.json_writer() == "orjson"
    _without_orjson(monkeypatch)
    assert jsonfile.json_writer() == "json"


@given(s.regions())
def test_files_written_with_and_without_orjson_mean_the_same(
    tmp_path_factory: pytest.TempPathFactory, region: Region
) -> None:
    folder = tmp_path_factory.mktemp("json")
    fast, plain = folder / "fast.json", folder / "plain.json"
    jsonfile.write_json(region, fast)
    with pytest.MonkeyPatch.context() as patch:
        _without_orjson(patch)
        jsonfile.write_json(region, plain)
    assert json.loads(fast.read_text(encoding="utf-8")) == json.loads(
        plain.read_text(encoding="utf-8")
    )
    assert jsonfile.read_json(fast) == region == jsonfile.read_json(plain)


def test_every_tie_column_is_written_by_orjson(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    dumps = orjson.dumps

    def counting(value: list[object]) -> bytes:
        calls.append(len(value))
        return dumps(value)

    monkeypatch.setattr(orjson, "dumps", counting)
    region = sw.synthetic.region(200, seed=5)
    jsonfile.write_json(region, tmp_path / "r.json")
    assert calls == [len(region.ties)] * 9  # one call per tie column
    assert sw.load(tmp_path / "r.json") == region


def test_whole_numbers_beyond_64_bits_stay_whole(tmp_path: Path) -> None:
    """Reading is the standard library's, which keeps every whole number exact."""
    region = sw.example_region()
    person = region.professionals[0]
    big = 2**70
    bigger = person.__class__(
        person.id, person.name, person.role, person.organisations, capacity=big
    )
    region = region.replace(professionals=(bigger, *region.professionals[1:]))
    path = sw.save(region, tmp_path / "r.json")
    assert str(big) in path.read_text(encoding="utf-8")
    assert sw.load(path).professionals[0].capacity == big
