"""Tests for load and save through the plugins: dispatch, merging, checks, failing adapters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sample_plugins import BrokenAdapterPlugin, MemoryPlugin, OneMunicipalityCheckPlugin, town

import samenwerking as sw
from samenwerking.errors import InvalidRegionError, SourceNotFoundError, UnsupportedSourceError
from samenwerking.model import (
    Case,
    CaseId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    SupportLevel,
    Tie,
)
from samenwerking.plugins import PluginError, Plugins

MakePlugins = Callable[..., Plugins]

TOWN = town("g1", "Gemeente Dorp")
ANNA = Professional(ProfessionalId("p1"), "A. Aap", Role.POLICY_ADVISER, (TOWN.id,))
BERT = Professional(ProfessionalId("p2"), "B. Beer", Role.ATTENDANCE_OFFICER, (TOWN.id,))


def test_dispatch_by_suffix_folder_scheme_and_name(
    make_plugins: MakePlugins, tmp_path: Path
) -> None:
    region = Region("Dorp", (TOWN,), (ANNA, BERT), ties=[Tie(ANNA.id, BERT.id)])
    p = make_plugins(MemoryPlugin({"dorp": region}))
    assert sw.load(sw.save(region, tmp_path / "a.json", plugins=p), plugins=p) == region
    assert sw.load(sw.save(region, tmp_path / "folder", plugins=p), plugins=p) == region
    assert sw.load("memory:dorp", plugins=p) == region
    copy = tmp_path / "copy.data"
    sw.save(region, copy, format="json", plugins=p)
    assert sw.load(copy, adapter="json", plugins=p) == region
    sw.load("memory:dorp", plugins=p, colour="blue")
    assert p.adapter("memory").options == {"colour": "blue"}  # type: ignore[attr-defined]


def test_unknown_sources_and_names(make_plugins: MakePlugins, tmp_path: Path) -> None:
    p = make_plugins()
    with pytest.raises(UnsupportedSourceError, match="no adapter called 'xlsx'; installed"):
        sw.load(tmp_path, adapter="xlsx", plugins=p)
    with pytest.raises(UnsupportedSourceError, match=r"'memory:x'.*adapters: json, csv, excel"):
        sw.load("memory:x", plugins=p)
    with pytest.raises(SourceNotFoundError):
        sw.load(tmp_path / "gone", plugins=p)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "leerlingen.csv").write_text("a;b\n", encoding="utf-8")
    with pytest.raises(UnsupportedSourceError, match="adapter=NAME"):
        sw.load(foreign, plugins=p)
    with pytest.raises(UnsupportedSourceError, match=r"unknown format 'pdf'"):
        sw.save(Region("Dorp"), tmp_path / "x", format="pdf", plugins=p)
    with pytest.raises(UnsupportedSourceError, match=r"r\.pdf.*exporters: json, csv, graphml"):
        sw.save(Region("Dorp"), tmp_path / "r.pdf", plugins=p)


def test_default_plugins_are_used_without_plugins_argument(tmp_path: Path) -> None:
    region = Region("Dorp", (TOWN,))
    assert sw.load(sw.save(region, tmp_path / "r.json")) == region


def test_merge_concatenates_by_id_and_dedups(make_plugins: MakePlugins) -> None:
    schools = Region("Dorp", (TOWN, town("g2", "Buurgemeente")))
    people = Region("Enquête", (TOWN,), (ANNA, BERT), ties=[Tie(ANNA.id, BERT.id)])
    case = Case(CaseId("c1"), "Dorp", SupportLevel.EXTRA, coordinator=ANNA.id)
    cases = Region("Zaken", (), (ANNA,), ties=[Tie(ANNA.id, BERT.id)], cases=(case,))
    p = make_plugins(MemoryPlugin({"a": schools, "b": people, "c": cases}))
    merged = sw.load(["memory:a", "memory:b", "memory:c"], plugins=p)
    assert merged.name == "Dorp"
    assert [o.id for o in merged.organisations] == ["g1", "g2"]
    assert [x.id for x in merged.professionals] == ["p1", "p2"]
    assert list(merged.ties) == [Tie(ANNA.id, BERT.id)]
    assert merged.cases == (case,)


def test_merge_reports_every_conflict_naming_both_sources(make_plugins: MakePlugins) -> None:
    a = Region("A", (TOWN,), (ANNA,))
    renamed = town("g1", "Gemeente Elders", "Elders")
    b = Region("B", (renamed,), (ANNA.__class__(ANNA.id, ANNA.name, Role.TEACHER, (TOWN.id,)),))
    p = make_plugins(MemoryPlugin({"a": a, "b": b}))
    with pytest.raises(InvalidRegionError) as info:
        sw.load(["memory:a", "memory:b"], plugins=p)
    first, second = info.value.problems
    assert "memory:a and memory:b" in first.message and "name, municipality" in first.message
    assert (first.location, first.value) == ("organisations", "g1")
    assert (second.location, second.value) == ("professionals", "p1")
    assert "disagree on role" in second.message


def test_merged_region_is_validated_with_sources_named(make_plugins: MakePlugins) -> None:
    a = Region("A", (TOWN,), (ANNA,))
    b = Region("B", ties=[Tie(ANNA.id, ProfessionalId("p9"))])
    p = make_plugins(MemoryPlugin({"a": a, "b": b}))
    with pytest.raises(InvalidRegionError) as info:
        sw.load(["memory:a", "memory:b"], plugins=p)
    [problem] = info.value.problems
    assert (problem.source, problem.location, problem.value) == ("memory:b", "$.ties[0]", "p9")
    assert len(sw.load(["memory:a", "memory:b"], plugins=p, validate=False).ties) == 1


def test_plugin_checks_run_inside_load(make_plugins: MakePlugins, tmp_path: Path) -> None:
    region = Region("R", (TOWN, town("g2", "Stad", "Stad")))
    target = sw.save(region, tmp_path / "r.json")
    p = make_plugins(OneMunicipalityCheckPlugin())
    with pytest.raises(InvalidRegionError) as info:
        sw.load(target, plugins=p)
    assert [x.value for x in info.value.problems] == ["Stad"]
    assert sw.load(target, plugins=p, validate=False) == region
    assert sw.load(target, plugins=make_plugins()) == region


def test_a_failing_adapter_is_named(make_plugins: MakePlugins, tmp_path: Path) -> None:
    p = make_plugins(BrokenAdapterPlugin())
    with pytest.raises(PluginError, match=r"'BrokenAdapterPlugin': adapter 'broken'.*bug") as info:
        sw.load(str(tmp_path / "x.broken"), plugins=p)
    assert info.value.plugin == "BrokenAdapterPlugin"
    assert sw.load(sw.save(Region("Dorp"), tmp_path / "ok.json"), plugins=p) == Region("Dorp")
