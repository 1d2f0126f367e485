"""The duo plugin through samenwerking's plugin manager and ``sw.load``."""

from __future__ import annotations

import importlib.metadata
import shutil
from pathlib import Path

import pytest
import samenwerking_duo.plugin
from samenwerking_duo import DuoAdapter

import samenwerking as sw
from samenwerking.plugins import Plugins, get_plugin_manager
from samenwerking.plugins.hookspecs import SourceAdapter

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_hook_contributes_the_duo_adapter() -> None:
    (adapter,) = samenwerking_duo.plugin.samenwerking_source_adapters()
    assert isinstance(adapter, SourceAdapter)
    assert adapter.name == "duo"


def test_the_adapter_is_found_through_the_plugin_manager(tmp_path: Path) -> None:
    pm = get_plugin_manager(load_entry_points=False)
    pm.register(samenwerking_duo.plugin, name="duo")
    found = Plugins(pm)
    adapter = found.adapter("duo")
    assert isinstance(adapter, DuoAdapter)
    for path in (
        "duo/duo_alle-vestigingen-bo_2020-12.csv",
        "swv/swv_regio_indeling_gemeente_2013.csv",
    ):
        shutil.copy(FIXTURES / path, tmp_path / Path(path).name)
    assert found.adapter_for(f"duo:{tmp_path}?municipality=Voorst") is adapter
    assert found.adapter_for(tmp_path) is adapter
    region = adapter.read(f"duo:{tmp_path}?municipality=Voorst")
    assert region.municipalities == ("Voorst",)


def test_sw_load_reads_duo_sources(tmp_path: Path) -> None:
    if "duo" not in {ep.name for ep in importlib.metadata.entry_points(group="samenwerking")}:
        pytest.skip("samenwerking-duo is not installed (pip install -e plugins/duo)")
    for path in (
        "duo/duo_alle-vestigingen-bo_2020-12.csv",
        "swv/swv_regio_indeling_gemeente_2013.csv",
    ):
        shutil.copy(FIXTURES / path, tmp_path / Path(path).name)
    by_scheme = sw.load(f"duo:{tmp_path}?municipality=Voorst")
    by_name = sw.load(tmp_path, adapter="duo", municipalities=["Voorst"])
    assert by_scheme == by_name
    assert by_scheme.municipalities == ("Voorst",)
