"""An MkDocs hook: links in the notebooks' Markdown cells point at pages of the site.

A notebook links to other pages as files (``../analysis.md``), which works in Jupyter. MkDocs
rewrites such links in Markdown pages, but not in the HTML that mkdocs-jupyter makes from a
notebook, so this hook does it: each link to a ``.md`` or ``.ipynb`` file becomes the URL of
that page, and a link to a file the site does not have is a warning (an error in strict mode).
mkdocs.yml loads it; it is not part of the installed package.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

__all__ = ["on_page_content", "page_links"]

log = get_plugin_logger("notebook-links")

_HREF = re.compile(
    r'href="(?P<target>(?![a-z][a-z0-9+.-]*:|#|/)[^"#?]+\.(?:md|ipynb))(?P<anchor>#[^"]*)?"'
)


def page_links(html: str, source: str, url_of: Any) -> tuple[str, list[str]]:
    """Rewrite the file links in ``html`` of the page made from ``source``; also the missing ones.

    ``url_of(path)`` gives the URL of the docs file at ``path`` (relative to the docs folder),
    or None if there is none.

    Example
    -------
    >>> pages = {"analysis.md": "../../analysis/"}
    >>> page_links('<a href="../analysis.md#e-i">', "notebooks/a.ipynb", pages.get)
    ('<a href="../../analysis/#e-i">', [])
    >>> page_links('<a href="nope.md">', "notebooks/a.ipynb", pages.get)[1]
    ['nope.md']
    """
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(source), match["target"]))
        url = url_of(path)
        if url is None:
            missing.append(match["target"])
            return match.group(0)
        return f'href="{url}{match["anchor"] or ""}"'

    return _HREF.sub(replace, html), missing


def on_page_content(html: str, *, page: Page, config: Any, files: Files) -> str:
    """Rewrite the links of a notebook's page; warn about links to files the site lacks."""
    if not page.file.src_uri.endswith(".ipynb"):
        return html

    def url_of(path: str) -> str | None:
        found = files.get_file_from_path(path)
        return None if found is None else found.url_relative_to(page.file)

    html, missing = page_links(html, page.file.src_uri, url_of)
    for target in missing:
        log.warning(
            "Notebook '%s' links to '%s', which is not a documentation file",
            page.file.src_uri,
            target,
        )
    return html
