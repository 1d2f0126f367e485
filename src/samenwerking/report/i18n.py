"""The report's language: translated text and numbers and dates as its readers write them.

English is the default; :func:`use_language` switches the text of everything rendered
inside it (``with use_language("nl"): ...``).

Example
-------
>>> with use_language("en"):
...     _("Islands")
'Islands'
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

__all__ = ["_", "current_language", "ngettext", "use_language"]

_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("report_language", default="en")


def current_language() -> str:
    """The language the report is being written in (``"en"`` or ``"nl"``)."""
    return _LANGUAGE.get()


@contextlib.contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Write everything inside the block in ``lang``."""
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def _(message: str) -> str:
    """``message`` in the current language."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """``singular`` or ``plural`` for ``n``, in the current language."""
    return singular if n == 1 else plural
