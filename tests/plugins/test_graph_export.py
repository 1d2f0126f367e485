"""Tests for the GraphML and GEXF exporters: networkx reads back the same graph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given

import samenwerking as sw
import strategies as s
from samenwerking.model import Region

READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


def _expected(region: Region, level: str) -> tuple[dict[str, Any], dict[frozenset[str], Any]]:
    """sw.to_graph with None dropped, dates as ISO text and tuples joined with ';'."""

    def plain(data: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in data.items():
            if value is None:
                continue
            if isinstance(value, dt.date):
                value = value.isoformat()
            if isinstance(value, tuple):
                value = ";".join(value)
            out[key] = value
        return out

    G = sw.to_graph(region, level)  # type: ignore[arg-type]  # noqa: N806
    nodes = {str(n): plain(d) for n, d in G.nodes(data=True)}
    edges = {frozenset((str(u), str(v))): plain(d) for u, v, d in G.edges(data=True)}
    return nodes, edges


def _read(path: Path, fmt: str) -> tuple[dict[str, Any], dict[frozenset[str], Any]]:
    G = READERS[fmt](path)  # noqa: N806
    assert not G.is_directed()
    nodes = {}
    for n, d in G.nodes(data=True):
        data = dict(d)
        if fmt == "gexf":
            assert data.pop("label") == data["name"]  # Gephi shows names
        nodes[n] = data
    edges = {}
    for u, v, d in G.edges(data=True):
        data = dict(d)
        data.pop("id", None)
        edges[frozenset((u, v))] = data
    return nodes, edges


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("level", ["professional", "organisation"])
def test_example_round_trip(tmp_path: Path, fmt: str, level: str) -> None:
    region = sw.example_region()
    options = {} if level == "professional" else {"level": level}
    target = sw.save(region, tmp_path / f"net.{fmt}", **options)
    assert _read(target, fmt) == _expected(region, level)
    assert [p.name for p in tmp_path.iterdir()] == [f"net.{fmt}"]  # no temporary left


@given(s.regions())
def test_generated_round_trip(tmp_path_factory: pytest.TempPathFactory, region: Region) -> None:
    folder = tmp_path_factory.mktemp("graphs")
    for fmt in ("graphml", "gexf"):
        target = sw.save(region, folder / f"g.{fmt}", format=fmt)
        assert _read(target, fmt) == _expected(region, "professional")


def test_failed_export_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = sw.save(sw.example_region(), tmp_path / "net.graphml")
    before = target.read_bytes()

    def explode(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(nx, "write_graphml", explode)
    with pytest.raises(OSError, match="disk full"):
        sw.save(Region("Leeg"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["net.graphml"]


def test_unknown_level_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown graph level 'school'"):
        sw.save(sw.example_region(), tmp_path / "x.gexf", level="school")
