"""The report's language: translated text and numbers and dates as its readers write them.

English is the default; :func:`use_language` switches the text of everything rendered
inside it (``with use_language("nl"): ...``). Text comes from the gettext catalogue in
the package (``samenwerking/locale/<lang>/LC_MESSAGES/samenwerking.mo``); numbers, shares
and dates are formatted by Babel for the language's locale.

Mark report text with :func:`_` (or :func:`ngettext` when it depends on a count) and
put values in named placeholders, so a translation can move them::

    _("{n} islands of two or more professionals").format(n=format_int(n))

Text that must be defined before the language is known (a default title) is marked
with :func:`N_` and translated with :func:`_` when it is rendered.

Example
-------
>>> with use_language("en"):
...     _("Islands")
'Islands'
>>> with use_language("nl"):
...     _("Islands"), format_number(1234.5), format_percent(0.125)
('Eilandjes', '1.234,5', '12,5%')
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import gettext
import math
from collections.abc import Iterable, Iterator
from pathlib import Path

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal
from babel.numbers import format_percent as _babel_percent

from samenwerking.errors import InvalidArgumentError

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "_",
    "current_language",
    "format_cell",
    "format_date",
    "format_int",
    "format_measure",
    "format_number",
    "format_percent",
    "format_published",
    "ngettext",
    "translate_all",
    "translations",
    "use_language",
]

DOMAIN = "samenwerking"
"""The gettext domain: the catalogues are called ``samenwerking.po`` / ``.mo``."""

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
"""Where the catalogues live: ``<LOCALE_DIR>/<lang>/LC_MESSAGES/samenwerking.mo``."""

LANGUAGES = ("en", "nl")
"""The languages a report can be written in; English is the source language."""

_LOCALES = {"en": "en_GB", "nl": "nl_NL"}
"""The Babel locale per language, for numbers and dates."""

_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("report_language", default="en")


def _checked(lang: str) -> str:
    if lang not in LANGUAGES:
        choices = ", ".join(LANGUAGES)
        raise InvalidArgumentError(f"lang must be one of {choices} (got {lang!r})")
    return lang


def current_language() -> str:
    """The language the report is being written in (``"en"`` or ``"nl"``).

    Example
    -------
    >>> current_language()
    'en'
    """
    return _LANGUAGE.get()


@contextlib.contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Write everything inside the block in ``lang`` (one of :data:`LANGUAGES`).

    Raises :class:`~samenwerking.errors.InvalidArgumentError` for any other language.

    Example
    -------
    >>> with use_language("nl"):
    ...     current_language()
    'nl'
    """
    token = _LANGUAGE.set(_checked(lang))
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext translations for ``lang``, read once from the package catalogue.

    English, the source language, translates every message to itself.

    Example
    -------
    >>> translations("nl").gettext("Islands")
    'Eilandjes'
    """
    if _checked(lang) == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang])


def N_(message: str) -> str:  # noqa: N802 - the gettext name for "mark, translate later"
    """Mark ``message`` for translation without translating it now (see :func:`_`).

    Example
    -------
    >>> N_("Islands")
    'Islands'
    """
    return message


def _(message: str) -> str:
    """``message`` in the current language (itself when it has no translation).

    Example
    -------
    >>> with use_language("nl"):
    ...     _("Overview")
    'Overzicht'
    """
    return translations(current_language()).gettext(message)


def translate_all(messages: Iterable[str]) -> tuple[str, ...]:
    """Each of ``messages`` (e.g. table headers marked with :func:`N_`) in the current language.

    Example
    -------
    >>> with use_language("nl"):
    ...     translate_all((N_("Figure"), N_("Value")))
    ('Kengetal', 'Waarde')
    """
    return tuple(_(m) for m in messages)


def ngettext(singular: str, plural: str, n: int) -> str:
    """``singular`` or ``plural`` for ``n``, in the current language.

    Example
    -------
    >>> with use_language("nl"):
    ...     ngettext("{n} organisation", "{n} organisations", 2).format(n=2)
    '2 organisaties'
    """
    return translations(current_language()).ngettext(singular, plural, n)


def _locale() -> str:
    return _LOCALES[current_language()]


def format_int(value: int) -> str:
    """A whole number with the language's digit grouping (``1.234`` in Dutch).

    Example
    -------
    >>> with use_language("nl"):
    ...     format_int(50000)
    '50.000'
    """
    return format_decimal(int(value), locale=_locale())


def format_number(value: float, digits: int = 3) -> str:
    """A number rounded to at most ``digits`` decimals, written as the language does.

    Trailing zeros are dropped (``0.5``, not ``0.500``).

    Example
    -------
    >>> with use_language("nl"):
    ...     format_number(1234.5), format_number(2 / 3), format_number(-0.25, 1)
    ('1.234,5', '0,667', '-0,2')
    """
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=_locale())


def format_measure(value: float | None, digits: int = 3) -> str:
    """A measure for running text: :func:`format_number`, or "n/a" when it is missing.

    Example
    -------
    >>> with use_language("nl"):
    ...     format_measure(0.12345), format_measure(None), format_measure(float("nan"))
    ('0,123', 'n.v.t.', 'n.v.t.')
    """
    if value is None or math.isnan(value):
        return _("n/a")
    return format_number(value, digits)


def format_percent(share: float, digits: int = 1) -> str:
    """A share (0 to 1) as a percentage with at most ``digits`` decimals (``12,5%``).

    Example
    -------
    >>> format_percent(0.125), format_percent(0.9, 0)
    ('12.5%', '90%')
    """
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "") + "%"
    return _babel_percent(share, format=pattern, locale=_locale())


def format_date(day: dt.date) -> str:
    """A date as the report's readers write it.

    Dutch: ``23 november 2026``; English keeps the unambiguous ISO form
    ``2026-11-23`` that an international reader cannot misread.

    Example
    -------
    >>> day = dt.date(2026, 11, 23)
    >>> with use_language("nl"):
    ...     format_date(day)
    '23 november 2026'
    >>> format_date(day)
    '2026-11-23'
    """
    if current_language() == "en":
        return day.isoformat()
    return _babel_date(day, format="long", locale=_locale())


def format_published(count: int) -> str:
    """A count of children or cases as it may be published on its own (see
    :func:`samenwerking.privacy.published_count`): small counts read "fewer than N".

    Example
    -------
    >>> with use_language("nl"):
    ...     format_published(3), format_published(1200)
    ('minder dan 5', '1.200')
    """
    from samenwerking.privacy import DEFAULT_THRESHOLD, published_count

    if published_count(count) != str(count):
        return _("fewer than {n}").format(n=format_int(DEFAULT_THRESHOLD))
    return format_int(count)


def format_cell(value: object) -> str:
    """A table cell's text: numbers as the language writes them, other values as text.

    Example
    -------
    >>> with use_language("nl"):
    ...     format_cell(1234), format_cell(0.5), format_cell("n/a")
    ('1.234', '0,5', 'n.v.t.')
    """
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_int(value)
    if isinstance(value, float):
        return format_number(value, 10)  # as rounded by the section, never further
    if isinstance(value, dt.date):
        return format_date(value)
    if value == "n/a":
        return _("n/a")
    return str(value)
