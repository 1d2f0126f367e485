"""Whose fault is it: a third-party plugin's crash is a PluginError, our readers' errors never."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import samenwerking as sw
from samenwerking.cli import main
from samenwerking.plugins import PluginError, builtin

Install = Callable[[str, str], None]


def test_an_installed_plugin_crash_names_plugin_package_and_message(
    install: Install, tmp_path: Path
) -> None:
    install("broken", "sample_plugins:BROKEN_ADAPTER_PLUGIN")
    source = tmp_path / "x.broken"
    with pytest.raises(PluginError) as info:
        sw.load(source)
    assert str(info.value) == (
        f"plugin 'broken' (package samenwerking-broken 1.2.3): adapter 'broken' failed "
        f"reading {str(source)!r}: ZeroDivisionError: the adapter has a bug"
    )
    assert info.value.plugin == "broken"
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_a_builtin_reader_is_never_reported_as_a_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = sw.save(sw.example_region(), tmp_path / "r")

    def bug(source: object, *, validate: bool = True) -> sw.Region:
        raise KeyError("a bug of ours")

    monkeypatch.setattr(builtin, "read_csv_folder", bug)
    with pytest.raises(KeyError, match="a bug of ours") as info:
        sw.load(folder)
    assert not isinstance(info.value, PluginError)


def test_check_on_a_windows_1252_folder_warns_once_and_names_no_plugin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = sw.save(sw.example_region(), tmp_path / "r")
    orgs = folder / "organisations.csv"
    orgs.write_bytes(
        orgs.read_text(encoding="utf-8").replace("Gemeente", "Gemeenté").encode("cp1252")
    )
    assert main(["check", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("valid: Lindenhoeve")
    warning = f"samenwerking: warning: organisations.csv (in {folder}) is not UTF-8 (byte 0xe9"
    [line] = [line for line in err.splitlines() if "warning" in line]  # once, though read twice
    assert line.startswith(warning)
    assert "plugin" not in err


def test_check_on_random_bytes_is_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import random

    folder = sw.save(sw.example_region(), tmp_path / "r")
    (folder / "organisations.csv").write_bytes(random.Random(3).randbytes(4000) + b"\0")
    assert main(["check", str(folder)]) == 1
    out, err = capsys.readouterr()
    [line] = out.splitlines()
    assert line.startswith("organisations.csv, line ") and "not a text file" in line
    assert "plugin" not in out + err and "Traceback" not in err
