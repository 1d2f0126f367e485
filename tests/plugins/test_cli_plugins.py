"""Tests for the command line with plugins: ``samenwerking plugins``, sections, errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

import samenwerking as sw
from samenwerking.cli import main
from samenwerking.plugins import BLOCK_ENV

Install = Callable[[str, str], None]


def test_plugins_command_lists_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "builtin-json (built-in)\n  adapter json: the versioned" in out
    for line in ("  exporter graphml: ", "  exporter gexf: ", "  sector mapping ", BLOCK_ENV):
        assert line in out


def test_plugins_command_names_the_distribution(
    install: Install, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install("extra", "sample_plugins:SECTION_PLUGIN")
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "extra (from samenwerking-extra 1.2.3)\n" in out
    assert "  report section organisation_count_section: Counts the organisations." in out
    monkeypatch.setenv(BLOCK_ENV, "extra,builtin-gexf")
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "extra (" not in out and "builtin-gexf" not in out and "builtin-graphml" in out


def test_report_includes_plugin_sections(
    install: Install, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install("extra", "sample_plugins:SECTION_PLUGIN")
    assert main(["report", "--out", str(tmp_path)]) == 0
    count = len(sw.example_region().organisations)
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Organisations counted by a plugin" in markdown
    assert f"{count} organisations" in markdown


def test_a_raising_plugin_does_not_stop_the_command(
    install: Install, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = sw.save(sw.example_region(), tmp_path / "r.json")
    install("bad", "sample_plugins:RAISING_PLUGIN")
    assert main(["check", str(source)]) == 0  # the warning is a line, not an exception
    out, err = capsys.readouterr()
    assert out.startswith("valid: Lindenhoeve")
    assert "samenwerking: warning: plugin 'bad' failed in samenwerking_validation_checks" in err


def test_a_misspelt_plugin_is_an_error_naming_it(
    install: Install, capsys: pytest.CaptureFixture[str]
) -> None:
    install("typo", "misspelt_plugin")
    assert main(["plugins"]) == 1
    assert "plugin 'typo'" in capsys.readouterr().err


def test_convert_to_graph_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = sw.save(sw.example_region(), tmp_path / "r.json")
    assert main(["convert", str(source), str(tmp_path / "g.gexf")]) == 0
    assert main(["convert", str(source), str(tmp_path / "g.xml"), "--format", "graphml"]) == 0
    people = len(sw.example_region().professionals)
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == people
    assert nx.read_graphml(tmp_path / "g.xml").number_of_nodes() == people
