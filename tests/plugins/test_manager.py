"""Tests for the plugin manager: factory, block list, entry points, each hook, error isolation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sample_plugins import (
    JeugdzorgPlugin,
    MemoryPlugin,
    OneMunicipalityCheckPlugin,
    RaisingPlugin,
    SectionPlugin,
    TextExporterPlugin,
    organisation_count_section,
    organisations_in_one_municipality,
    town,
)

import samenwerking as sw
from samenwerking.errors import UnsupportedSourceError
from samenwerking.plugins import (
    BLOCK_ENV,
    PluginError,
    Plugins,
    PluginWarning,
    get_plugin_manager,
    plugins,
)
from samenwerking.plugins.builtin import BUILTIN_NAMES

MakePlugins = Callable[..., Plugins]


def test_each_call_makes_a_new_manager() -> None:
    first, second = get_plugin_manager(), get_plugin_manager()
    assert first is not second
    first.unregister(name="builtin-gexf")
    assert second.has_plugin("builtin-gexf")
    assert not first.has_plugin("builtin-gexf")


def test_builtins_are_ordinary_plugins() -> None:
    p = plugins(load_entry_points=False)
    assert list(p.names()) == list(BUILTIN_NAMES)
    assert [a.name for a in p.adapters()] == ["json", "csv", "excel", "parquet"]
    assert [e.name for e in p.exporters()] == [
        "json",
        "csv",
        "graphml",
        "gexf",
        "excel",
        "parquet",
    ]


def test_block_list_argument_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    p = plugins(load_entry_points=False, blocked=["builtin-graphml"])
    assert "graphml" not in [e.name for e in p.exporters()]
    monkeypatch.setenv(BLOCK_ENV, " builtin-gexf , builtin-csv")
    p = plugins(load_entry_points=False)
    assert [e.name for e in p.exporters()] == ["json", "graphml", "excel", "parquet"]
    assert [a.name for a in p.adapters()] == ["json", "excel", "parquet"]


def test_entry_points_are_loaded_with_their_distribution(
    install: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    install("wijk", "entry_plugin")
    p = plugins()
    assert p.map_sector("Wijkteam", "any") is sw.Sector.NEIGHBOURHOOD_TEAM
    [info] = [i for i in p.describe() if i.name == "wijk"]
    assert info.distribution == "samenwerking-wijk 1.2.3"
    assert not info.builtin
    assert [(x.kind, x.description) for x in info.provides] == [
        ("sector mapping", 'Maps "Wijkteam" to neighbourhood team.')
    ]
    assert plugins(load_entry_points=False).map_sector("Wijkteam", "any") is None
    monkeypatch.setenv(BLOCK_ENV, "wijk")
    assert "wijk" not in plugins().names()


def test_check_pending_catches_a_misspelt_hook(install: Callable[[str, str], None]) -> None:
    install("typo", "misspelt_plugin")
    with pytest.raises(PluginError, match=r"'typo'.*samenwerking_map_sektor") as info:
        get_plugin_manager()
    assert info.value.plugin == "typo"
    assert BLOCK_ENV in str(info.value)
    get_plugin_manager(blocked=["typo"])  # blocked, so it loads fine


def test_a_plugin_that_cannot_be_imported_is_named(install: Callable[[str, str], None]) -> None:
    install("ghost", "no_such_module_anywhere")
    with pytest.raises(PluginError, match=r"plugin 'ghost'.*failed to load.*ModuleNotFoundError"):
        get_plugin_manager()


def test_samenwerking_source_adapters_contributes_adapters(make_plugins: MakePlugins) -> None:
    region = sw.Region("Dorp", (town("g1", "Gemeente Dorp"),))
    p = make_plugins(MemoryPlugin({"dorp": region}))
    assert [a.name for a in p.adapters()] == ["json", "csv", "excel", "parquet", "memory"]
    assert p.adapter_for("memory:dorp") is p.adapter("memory")
    assert p.plugin_of(p.adapter("memory")) == "MemoryPlugin"
    with pytest.raises(
        UnsupportedSourceError, match="installed adapters: json, csv, excel, parquet, memory"
    ):
        p.adapter("pdf")


def test_samenwerking_exporters_contributes_exporters(
    make_plugins: MakePlugins, tmp_path: Path
) -> None:
    p = make_plugins(TextExporterPlugin())
    assert p.exporter_for(tmp_path / "names.txt") is p.exporter("text")
    region = sw.Region("Dorp", (town("g1", "Gemeente Dorp"), town("g2", "Buurgemeente")))
    sw.save(region, tmp_path / "names.txt", plugins=p)
    assert (tmp_path / "names.txt").read_text(encoding="utf-8") == "Gemeente Dorp\nBuurgemeente\n"
    with pytest.raises(UnsupportedSourceError, match="installed exporters: json, csv, graphml"):
        p.exporter("pdf")


def test_samenwerking_map_sector_and_fallback(make_plugins: MakePlugins) -> None:
    p = make_plugins(JeugdzorgPlugin())
    assert p.map_sector("Jeugdzorg", "survey") is sw.Sector.YOUTH_CARE
    assert p.map_sector("Primary school", "survey") is sw.Sector.PRIMARY_SCHOOL  # built-in
    assert p.map_sector("Bakkerij", "survey") is None


def test_samenwerking_map_role_with_fewer_arguments(make_plugins: MakePlugins) -> None:
    p = make_plugins(JeugdzorgPlugin())
    assert p.map_role("Jeugdconsulent", "survey") is sw.Role.YOUTH_CONSULTANT
    assert p.map_role("youth-nurse", "survey") is sw.Role.YOUTH_NURSE
    assert p.map_role("Bakker", "survey") is None


def test_samenwerking_validation_checks_run(make_plugins: MakePlugins) -> None:
    p = make_plugins(OneMunicipalityCheckPlugin())
    assert p.validation_checks() == [organisations_in_one_municipality]
    region = sw.Region("R", (town("g1", "A", "Dorp"), town("g2", "B", "Stad")))
    [problem] = p.check_problems(region)
    assert (problem.field, problem.value) == ("municipality", "Stad")


def test_samenwerking_report_sections_are_collected(make_plugins: MakePlugins) -> None:
    assert make_plugins(SectionPlugin()).report_sections() == [organisation_count_section]
    assert make_plugins().report_sections() == []


def test_a_raising_plugin_is_named_and_others_still_count(make_plugins: MakePlugins) -> None:
    region = sw.Region("R", (town("g1", "A", "Dorp"), town("g2", "B", "Stad")))
    p = make_plugins(
        RaisingPlugin(), JeugdzorgPlugin(), OneMunicipalityCheckPlugin(), SectionPlugin()
    )
    with pytest.warns(PluginWarning, match=r"'RaisingPlugin' failed in samenwerking_source"):
        assert [a.name for a in p.adapters()] == ["json", "csv", "excel", "parquet"]
    with pytest.warns(PluginWarning, match=r"'RaisingPlugin' failed in samenwerking_exporters"):
        assert len(p.exporters()) == 6
    with pytest.warns(PluginWarning, match="sector mapping exploded"):
        assert p.map_sector("Jeugdzorg", "x") is sw.Sector.YOUTH_CARE
    with pytest.warns(PluginWarning, match="role mapping exploded"):
        assert p.map_role("Jeugdconsulent", "x") is sw.Role.YOUTH_CONSULTANT
    with pytest.warns(PluginWarning, match=r"'RaisingPlugin'.*exploding_check.*check exploded"):
        assert [x.value for x in p.check_problems(region)] == ["Stad"]
    with pytest.warns(PluginWarning, match="sections exploded"):
        assert p.report_sections() == [organisation_count_section]
    assert all(problem.source == "RaisingPlugin" for problem in p.problems)
    assert len(p.problems) == 6


def test_nonsense_results_are_skipped(make_plugins: MakePlugins) -> None:
    class Nonsense:
        @sw.plugins.hookimpl
        def samenwerking_source_adapters(self) -> object:
            return [42]

        @sw.plugins.hookimpl
        def samenwerking_map_sector(self, label: str) -> object:
            return "not a sector"

    p = make_plugins(Nonsense())
    with pytest.warns(PluginWarning, match="42, which is not a SourceAdapter"):
        assert [a.name for a in p.adapters()] == ["json", "csv", "excel", "parquet"]
    with pytest.warns(PluginWarning, match="'not a sector', not a Sector"):
        assert p.map_sector("primary_school", "x") is sw.Sector.PRIMARY_SCHOOL


def test_describe_lists_what_each_plugin_provides(make_plugins: MakePlugins) -> None:
    p = make_plugins(JeugdzorgPlugin(), OneMunicipalityCheckPlugin(), SectionPlugin())
    info = {i.name: i for i in p.describe()}
    assert [(x.kind, x.name) for x in info["builtin-json"].provides] == [
        ("adapter", "json"),
        ("exporter", "json"),
    ]
    assert info["builtin-json"].builtin and info["builtin-json"].distribution is None
    assert [x.kind for x in info["JeugdzorgPlugin"].provides] == ["sector mapping", "role mapping"]
    assert not info["JeugdzorgPlugin"].builtin
    [check] = info["OneMunicipalityCheckPlugin"].provides
    assert (check.kind, check.name) == ("check", "organisations_in_one_municipality")
    [section] = info["SectionPlugin"].provides
    assert (section.kind, section.description) == ("report section", "Counts the organisations.")
