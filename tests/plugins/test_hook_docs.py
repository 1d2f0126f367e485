"""Every hook is documented in docs/plugins.md with its exact signature, and has its own test."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from samenwerking.plugins import hookspecs

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "plugins.md"


def _hook_signatures() -> dict[str, str]:
    """``name(args) -> returns`` of every function in hookspecs.py decorated as a hookspec."""
    tree = ast.parse(Path(hookspecs.__file__).read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and any(
            "hookspec" in ast.unparse(d) for d in node.decorator_list
        ):
            returns = f" -> {ast.unparse(node.returns)}" if node.returns else ""
            out[node.name] = f"{node.name}({ast.unparse(node.args)}){returns}"
    return out


HOOKS = _hook_signatures()


def _test_names() -> set[str]:
    names = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                names.add(node.name)
    return names


def test_the_hooks_are_found() -> None:
    assert set(HOOKS) == {n for n in hookspecs.__all__ if n.startswith("samenwerking_")}


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_hook_is_documented_with_its_exact_signature(hook: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert HOOKS[hook] in text, f"docs/plugins.md lacks the signature {HOOKS[hook]}"


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_hook_has_a_test_of_its_own(hook: str) -> None:
    tests = _test_names()
    assert any(hook in name for name in tests), f"no test function named after {hook}"
