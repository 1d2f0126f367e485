"""A griffe extension that reads samenwerking's docstrings as the site should show them.

Two habits of the docstrings need a translation for mkdocstrings, which reads numpydoc
sections and Markdown:

- runnable examples are headed ``Example`` (one example each), and griffe's numpy parser
  knows only the plural ``Examples``: without the rename the ``>>>`` lines would render as
  Markdown text;
- cross-references are Sphinx roles (``:func:`load```, ``:class:`~samenwerking.Region```).
  They become inline code that links to the object's API entry where it has one
  (mkdocs-autorefs' *optional* references: an object the site does not show stays plain
  code, without a warning).

mkdocs.yml loads this for mkdocstrings; it is not part of the installed package.
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

__all__ = ["SamenwerkingDocstrings", "sphinx_roles_to_autorefs"]

_HEADING = re.compile(r"^(?P<indent>[ \t]*)Example\n(?P=indent)-{7}$", re.MULTILINE)
_ROLE = re.compile(
    r":(?:py:)?(?:func|class|meth|attr|data|mod|exc|obj|const):"
    r"`(?P<tilde>~?)(?P<text>[^`<]+?)(?:\s*<(?P<target>[^>`]+)>)?`"
)


def _resolve(name: str, obj: griffe.Object, loader: griffe.GriffeLoader) -> str | None:
    """The path of the object ``name`` means inside ``obj``'s docstring, or None."""
    scopes = obj.path.split(".")
    for depth in range(len(scopes), -1, -1):
        candidate = ".".join([*scopes[:depth], name])
        try:
            found = loader.modules_collection[candidate]
        except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
            continue
        try:
            return str(found.canonical_path)
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            return None
    return None


def sphinx_roles_to_autorefs(text: str, resolve: Any) -> str:
    """Replace each Sphinx role in ``text`` by inline code, linked where ``resolve`` finds it.

    Example
    -------
    >>> sphinx_roles_to_autorefs(":func:`~a.b.load` and :class:`X`", lambda name: None)
    '<code>load</code> and <code>X</code>'
    >>> sphinx_roles_to_autorefs(":func:`load`", lambda name: "pkg.io.load")
    '<autoref identifier="pkg.io.load" optional><code>load</code></autoref>'
    """

    def replace(match: re.Match[str]) -> str:
        name = (match["target"] or match["text"]).strip().lstrip("~").removesuffix("()")
        title = match["text"].strip() if match["target"] else name
        if match["tilde"]:
            title = title.rsplit(".", 1)[-1]
        code = f"<code>{html.escape(title)}</code>"
        path = resolve(name)
        if path is None:
            return code
        return f'<autoref identifier="{html.escape(path)}" optional>{code}</autoref>'

    return _ROLE.sub(replace, text)


class SamenwerkingDocstrings(griffe.Extension):
    """Rename ``Example`` headings to ``Examples`` and turn Sphinx roles into links."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite every docstring of the package once it is fully loaded."""
        for obj in _objects(pkg):
            docstring = obj.docstring
            if docstring is None:
                continue
            value = _HEADING.sub(r"\g<indent>Examples\n\g<indent>--------", docstring.value)
            docstring.value = sphinx_roles_to_autorefs(
                value, lambda name, obj=obj: _resolve(name, obj, loader)
            )


def _objects(obj: griffe.Object) -> list[griffe.Object]:
    """``obj`` and every object defined in it (not the names it imports)."""
    found = [obj]
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, griffe.Object):
            found.extend(_objects(member))
    return found
