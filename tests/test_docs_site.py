"""The documentation site (mkdocs.yml) lists every page, and every public package has an API page.

The strict build itself (``mkdocs build --strict``, run in CI) checks links and docstrings; these
tests catch what a build cannot: a new page or package that nobody put in the nav.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PACKAGE = ROOT / "src" / "samenwerking"

# Packages documented elsewhere: the command line in the README and `samenwerking --help`, the
# model through the top-level `samenwerking` page, which re-exports all of it.
NOT_OWN_PAGE = {"cli", "model"}
# Public single-module parts of the API that get a page of their own.
MODULES_WITH_PAGE = {"synthetic"}


def _nav_block() -> str:
    """The ``nav:`` block of mkdocs.yml (read as text: the file is not plain YAML for safe_load)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^nav:\n((?:[ \t]+.*\n?|\n)*)", text, re.MULTILINE)
    assert match, "mkdocs.yml has no nav"
    return match.group(1)


def nav_files() -> list[str]:
    """The files in mkdocs.yml's nav, in order."""
    return re.findall(r":\s*(\S+\.(?:md|ipynb))\s*$", _nav_block(), re.MULTILINE)


def test_the_nav_parser_reads_nested_entries() -> None:
    entries = nav_files()
    assert entries[0] == "index.md"
    assert "api/analysis.md" in entries
    assert "notebooks/first-analysis.ipynb" in entries


def test_every_page_is_in_the_nav() -> None:
    pages = {
        path.relative_to(DOCS).as_posix()
        for pattern in ("*.md", "api/*.md", "notebooks/*.ipynb")
        for path in DOCS.glob(pattern)
    }
    missing = sorted(pages - set(nav_files()))
    assert missing == [], f"add these pages to the nav in mkdocs.yml: {missing}"


def test_every_nav_entry_exists_once() -> None:
    entries = nav_files()
    assert [e for e in entries if not (DOCS / e).is_file()] == []
    assert len(entries) == len(set(entries))


def _public_parts() -> set[str]:
    packages = {
        p.name
        for p in PACKAGE.iterdir()
        if p.is_dir() and (p / "__init__.py").is_file() and not p.name.startswith("_")
    }
    return (packages - NOT_OWN_PAGE) | MODULES_WITH_PAGE


def test_every_public_package_has_an_api_page() -> None:
    pages = {}
    for path in (DOCS / "api").glob("*.md"):
        match = re.search(
            r"^::: (samenwerking(?:\.\w+)?)\s*$", path.read_text(encoding="utf-8"), re.M
        )
        assert match, f"{path.name} documents no module (expected a '::: samenwerking.X' line)"
        pages[match.group(1)] = path.name
    expected = {"samenwerking"} | {f"samenwerking.{name}" for name in _public_parts()}
    missing = sorted(expected - set(pages))
    assert missing == [], f"add docs/api/<name>.md with '::: <module>' and a nav entry: {missing}"
    assert "samenwerking.analysis" in expected and "samenwerking.cli" not in expected


def test_api_pages_name_importable_modules() -> None:
    import importlib

    for path in (DOCS / "api").glob("*.md"):
        for module in re.findall(r"^::: (\S+)\s*$", path.read_text(encoding="utf-8"), re.M):
            importlib.import_module(module)


def _load_demo(tmp_path: Path, extensions: list[str]) -> Any:
    griffe = pytest.importorskip("griffe")
    (tmp_path / "demo.py").write_text(
        "def f(x):\n"
        '    """Double; see :func:`g` and :class:`~nowhere.Thing`.\n\n'
        "    Example\n    -------\n    >>> f(2)\n    4\n"
        '    """\n\n\n'
        "def g():\n"
        '    """Nothing."""\n',
        encoding="utf-8",
    )
    loader = griffe.GriffeLoader(
        extensions=griffe.load_extensions(*extensions), search_paths=[str(tmp_path)]
    )
    return loader.load("demo")["f"].docstring


EXTENSION = f"{DOCS / 'api' / 'griffe_docstrings.py'}:SamenwerkingDocstrings"


def test_the_docstring_extension_reads_singular_example_headings(tmp_path: Path) -> None:
    plain = [s.kind.value for s in _load_demo(tmp_path, []).parse("numpy")]
    read = [s.kind.value for s in _load_demo(tmp_path, [EXTENSION]).parse("numpy")]
    assert "examples" not in plain  # without the extension: an admonition of Markdown text
    assert read == ["text", "examples"]


def test_the_docstring_extension_links_sphinx_roles_where_it_can(tmp_path: Path) -> None:
    assert ":func:`g`" in _load_demo(tmp_path, []).value
    text = _load_demo(tmp_path, [EXTENSION]).value
    assert '<autoref identifier="demo.g" optional><code>g</code></autoref>' in text
    assert "see <autoref" in text and " and <code>Thing</code>." in text  # no target: plain code


def test_links_in_the_notebooks_point_at_documentation_files() -> None:
    import json

    notebooks = sorted((DOCS / "notebooks").glob("*.ipynb"))
    links = []
    for path in notebooks:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                text = "".join(cell["source"])
                links += [(path, t) for t in re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", text)]
    assert len(links) >= len(notebooks)  # each notebook links on to the guide
    broken = [(p.name, t) for p, t in links if not (p.parent / t).resolve().is_file()]
    assert broken == [], "links the site build cannot turn into pages"
    assert all(t.endswith((".md", ".ipynb")) for _, t in links)
