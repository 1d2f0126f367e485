"""The JSON file reads and writes the same with orjson (the fast-json extra) as without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import samenwerking as sw
import strategies as s
from samenwerking.errors import InvalidRegionError
from samenwerking.io import jsonfile
from samenwerking.model import Region

orjson = pytest.importorskip("orjson")


def _without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonfile, "_orjson", lambda: None)


def test_orjson_is_used_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert jsonfile.json_parser() == "orjson"
    _without_orjson(monkeypatch)
    assert jsonfile.json_parser() == "json"


@given(s.regions())
def test_both_parsers_read_and_write_the_same(
    tmp_path_factory: pytest.TempPathFactory, region: Region
) -> None:
    folder = tmp_path_factory.mktemp("json")
    fast = folder / "fast.json"
    jsonfile.write_json(region, fast)
    with pytest.MonkeyPatch.context() as patch:
        _without_orjson(patch)
        plain = folder / "plain.json"
        jsonfile.write_json(region, plain)
        assert jsonfile.read_json(fast) == region
        assert jsonfile.read_json(plain) == region
    assert jsonfile.read_json(plain) == region
    assert jsonfile.read_json(fast) == jsonfile.read_json(plain)


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "samenwerking-region", "version": 1, "region": {"name": "x",}}',
        '{"format": "samenwerking-region", "version": 1, "region": {"name": NaN}}',
        '\ufeff{"format": "samenwerking-region", "version": 1, "region": {}}',
        '{"format": "samenwerking-region", "version": 1, "region": {"name": "a\\ud800"}}',
        '{"format": "samenwerking-region", "version": 1, "region": {"name": 1' + "0" * 30 + "}}",
        '{"format": "samenwerking-region", "version": 1' + "0" * 30 + ', "region": {}}',
        "[" * 2000 + "]" * 2000,
    ],
)
def test_both_parsers_give_the_same_region_or_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")

    def outcome() -> object:
        try:
            return sw.load(path)
        except InvalidRegionError as error:
            return [str(p) for p in error.problems]

    fast = outcome()
    _without_orjson(monkeypatch)
    assert outcome() == fast


def test_whole_numbers_beyond_64_bits_stay_whole(tmp_path: Path) -> None:
    """orjson would read them as floats; the region is json's, with the exact number."""
    region = sw.example_region()
    big = 2**70
    person = region.professionals[0]
    region = region.replace(
        professionals=(
            person.__class__(
                person.id, person.name, person.role, person.organisations, capacity=big
            ),
            *region.professionals[1:],
        )
    )
    path = sw.save(region, tmp_path / "r.json")
    assert str(big) in path.read_text(encoding="utf-8")
    assert sw.load(path).professionals[0].capacity == big


def test_a_national_sized_column_is_written_by_orjson(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    dumps = orjson.dumps

    def counting(value: object) -> bytes:
        calls.append(len(value))  # type: ignore[arg-type]
        return dumps(value)

    monkeypatch.setattr(orjson, "dumps", counting)
    region = sw.synthetic.region(200, seed=5)
    jsonfile.write_json(region, tmp_path / "r.json")
    assert calls == [len(region.ties)] * 9  # one call per tie column
    assert sw.load(tmp_path / "r.json") == region
