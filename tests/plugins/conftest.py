"""Fixtures for the plugin tests: managers with test plugins, throw-away distributions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from samenwerking.plugins import Plugins, get_plugin_manager

HERE = Path(__file__).parent


@pytest.fixture(autouse=True)
def _no_env_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMENWERKING_BLOCK_PLUGINS", raising=False)


@pytest.fixture
def make_plugins() -> Callable[..., Plugins]:
    """Plugins over a fresh manager (no installed plugins) plus the given ones."""

    def make(*extra: object, blocked: list[str] | None = None) -> Plugins:
        pm = get_plugin_manager(load_entry_points=False, blocked=blocked)
        for plugin in extra:
            pm.register(plugin, name=type(plugin).__name__)
        pm.check_pending()
        return Plugins(pm)

    return make


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[str, str], None]:
    """Install a throw-away distribution with one entry point in the group samenwerking."""
    monkeypatch.syspath_prepend(str(HERE))

    def install_(name: str, module: str) -> None:
        info = tmp_path / "site" / f"samenwerking_{name}-1.2.3.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: samenwerking-{name}\nVersion: 1.2.3\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[samenwerking]\n{name} = {module}\n", encoding="utf-8"
        )
        monkeypatch.syspath_prepend(str(tmp_path / "site"))

    return install_
