"""A griffe extension: read samenwerking's singular ``Example`` heading as numpydoc's ``Examples``.

samenwerking's docstrings head their runnable examples ``Example`` (one example each). Griffe's
numpy parser knows only the plural, and would render the ``>>>`` lines as Markdown text. This
extension renames the heading before the docstring is parsed, so the examples show as code.
mkdocs.yml loads it for mkdocstrings; it is not part of the installed package.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

__all__ = ["SingularExampleHeading"]

_HEADING = re.compile(r"^(?P<indent>[ \t]*)Example\n(?P=indent)-{7}$", re.MULTILINE)


class SingularExampleHeading(griffe.Extension):
    """Rename every ``Example`` section heading to ``Examples`` as objects are loaded."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite the object's docstring, if it has one."""
        if obj.docstring is not None:
            obj.docstring.value = _HEADING.sub(
                r"\g<indent>Examples\n\g<indent>--------", obj.docstring.value
            )
