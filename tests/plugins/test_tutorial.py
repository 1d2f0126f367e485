"""The adapter tutorial works: its plugin installs with pip, is found, and reads its sample.

The plugin of ``docs/writing-an-adapter.md`` lives in ``docs/examples/register-plugin``. These
tests install a copy of it with pip into a temporary folder (offline: no index, no build
isolation), put that folder on ``sys.path`` so ``importlib.metadata`` sees its entry point,
and use it through samenwerking's plugin manager, as an installed plugin would be used. They
also check that every file shown in the tutorial is exactly the file in the example folder.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import samenwerking as sw
from samenwerking.cli import main
from samenwerking.errors import InvalidRegionError
from samenwerking.model import Role, Sector, TieKind
from samenwerking.plugins import get_plugin_manager, plugins

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "docs" / "writing-an-adapter.md"
EXAMPLE = ROOT / "docs" / "examples" / "register-plugin"
MODULE = "samenwerking_register"
_IGNORED = ("__pycache__", "*.egg-info", "build", ".*_cache", "*.pyc")

# A fenced block is a file when an HTML comment before it, or a comment on its first
# line, names the file: "<!-- file: export.csv -->" or "# file: src/x/plugin.py".
_BLOCK = re.compile(
    r"^(?:<!-- file: (?P<marker>\S+) -->\n)?```(?P<lang>[\w-]*)\n(?P<body>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)
_FILE_COMMENT = re.compile(r"# file: (\S+)\n")


def _blocks() -> list[tuple[str | None, str, str]]:
    """(file or None, language, contents) of every fenced block of the tutorial."""
    out = []
    for match in _BLOCK.finditer(TUTORIAL.read_text(encoding="utf-8")):
        body, name = match["body"], match["marker"]
        comment = _FILE_COMMENT.match(body)
        if name is None and comment is not None:
            name, body = comment.group(1), body[comment.end() :]
        out.append((name, match["lang"], body))
    return out


def _example_files() -> set[str]:
    ignored = shutil.ignore_patterns(*_IGNORED)
    found = set()
    for folder, dirs, files in os.walk(EXAMPLE):
        dirs[:] = [d for d in dirs if d not in ignored(folder, [d])]
        for file in set(files) - ignored(folder, files):
            found.add((Path(folder) / file).relative_to(EXAMPLE).as_posix())
    return found


# -- the tutorial shows the example's files exactly -------------------------------------------
def test_every_file_shown_is_the_example_file() -> None:
    shown = [(name, body) for name, _lang, body in _blocks() if name is not None]
    assert shown, "the tutorial shows no files"
    for name, body in shown:
        path = EXAMPLE / name
        assert path.is_file(), f"the tutorial shows {name}, which is not in {EXAMPLE}"
        assert body == path.read_text(encoding="utf-8"), f"{name} differs from the tutorial"


def test_every_example_file_is_shown_once() -> None:
    shown = [name for name, _lang, _body in _blocks() if name is not None]
    assert sorted(shown) == sorted(_example_files())


def test_other_python_blocks_compile() -> None:
    snippets = [body for name, lang, body in _blocks() if name is None and lang == "python"]
    assert snippets
    for body in snippets:
        compile(body, str(TUTORIAL), "exec")


# -- installed with pip, the plugin is found and works ------------------------------------------
@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example package, in a fresh folder as a developer would have it."""
    copy = tmp_path_factory.mktemp("tutorial") / "register-plugin"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns(*_IGNORED))
    return copy


@pytest.fixture(scope="module")
def site(package: Path) -> Path:
    """The copy, installed by pip into its own site folder (offline)."""
    target = package.parent / "site"
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "--target",
        str(target),
        str(package),
    ]
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, f"pip install failed:\n{done.stdout}\n{done.stderr}"
    return target


@pytest.fixture
def installed(site: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The installed plugin on ``sys.path`` for one test, forgotten afterwards."""
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("SAMENWERKING_BLOCK_PLUGINS", raising=False)
    yield site
    for name in [m for m in sys.modules if m == MODULE or m.startswith(MODULE + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def test_pip_installs_the_entry_point(installed: Path) -> None:
    (dist_info,) = installed.glob("samenwerking_register-*.dist-info")
    points = importlib.metadata.entry_points(group="samenwerking")
    ours = [ep for ep in points if ep.name == "register"]
    assert [ep.value for ep in ours] == [f"{MODULE}.plugin"]
    assert (installed / MODULE / "plugin.py").is_file()
    assert dist_info.is_dir()


def test_the_plugin_manager_discovers_it(installed: Path) -> None:
    pm = get_plugin_manager()
    assert pm.has_plugin("register")
    found = plugins()
    adapter = found.adapter("register")
    assert adapter.can_read("register:export.csv")
    (info,) = [i for i in found.describe() if i.name == "register"]
    assert info.distribution == "samenwerking-register 0.1.0"
    kinds = {(p.kind, p.name) for p in info.provides}
    assert ("adapter", "register") in kinds
    assert found.map_sector("Jeugdgezondheidszorg", "register") is Sector.YOUTH_HEALTH
    assert found.map_role("Leerplichtambtenaar", "register") is Role.ATTENDANCE_OFFICER


def test_blocking_it_leaves_it_out(installed: Path) -> None:
    assert not get_plugin_manager(blocked=["register"]).has_plugin("register")


def test_load_reads_the_tutorial_sample(installed: Path, package: Path) -> None:
    region = sw.load(f"register:{package / 'export.csv'}", name="Wielendaal")
    assert region.name == "Wielendaal"
    # export.csv: seven people in five organisations; 1003 names nobody and nobody names 1003.
    assert len(region.professionals) == 7
    assert {o.id for o in region.organisations} == {
        "obs-de-linde",
        "cbs-het-anker",
        "gemeente-wielendaal",
        "wijkteam-wielendaal",
        "jgz-wielendaal",
    }
    assert region.organisation("wijkteam-wielendaal").sector is Sector.NEIGHBOURHOOD_TEAM
    assert region.professional("1004").role is Role.YOUTH_CONSULTANT
    pairs = {frozenset((t.source, t.target)) for t in region.ties}
    assert len(region.ties) == len(pairs) == 6
    assert frozenset(("1004", "1007")) in pairs
    assert all(t.kind is TieKind.COLLABORATES for t in region.ties)
    assert not any("1003" in pair for pair in pairs)


def test_load_reports_bad_rows_of_the_tutorial_format(installed: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    header = (EXAMPLE / "export.csv").read_text(encoding="utf-8").splitlines()[0]
    row = "1001;Ans de Wit;Leerkracht;OBS De Linde;Basisonderwijs;Wielendaal;1001"
    export.write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(InvalidRegionError) as caught:
        sw.load(f"register:{export}")
    (problem,) = caught.value.problems
    assert (problem.source, problem.location, problem.field, problem.value) == (
        "export.csv",
        "row 2",
        "Werkt samen met",
        "1001",
    )


def test_samenwerking_plugins_lists_it(installed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "register (from samenwerking-register 0.1.0)" in out
    assert "  adapter register: the sociaal-domein register export" in out


def test_the_plugin_s_own_tests_pass(site: Path, package: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    env.pop("SAMENWERKING_BLOCK_PLUGINS", None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=package,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout
