"""The Dutch message catalogue: compiled, complete and in step with the source.

These tests read the catalogue in the package and extract the messages from
``src/samenwerking/report`` with Babel, as ``pybabel extract -F babel.cfg -k N_`` does.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from samenwerking.report import i18n

REPORT_SOURCE = Path(i18n.__file__).resolve().parent
PO_FILE = i18n.LOCALE_DIR / "nl" / "LC_MESSAGES" / "samenwerking.po"
MO_FILE = PO_FILE.with_suffix(".mo")


def _catalogue() -> dict[str | tuple[str, ...], object]:
    with PO_FILE.open("rb") as fh:
        catalogue = read_po(fh, locale="nl")
    return {m.id: m for m in catalogue if m.id}


def _source_messages() -> set[str]:
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPORT_SOURCE), method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_the_compiled_catalogue_matches_the_po_file() -> None:
    """Fails when the .mo is stale: run ``pybabel compile`` (see docs/report.md)."""
    with MO_FILE.open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for message in _catalogue().values():
        if isinstance(message.id, str):
            assert compiled.gettext(message.id) == message.string, message.id
        else:
            singular, plural = message.id
            assert compiled.ngettext(singular, plural, 1) == message.string[0], singular
            assert compiled.ngettext(singular, plural, 2) == message.string[1], singular


def test_every_report_message_in_the_source_has_a_dutch_translation() -> None:
    catalogue = _catalogue()
    by_singular = {(k if isinstance(k, str) else k[0]): m for k, m in catalogue.items()}
    untranslated = []
    for text in sorted(_source_messages()):
        message = by_singular.get(text)
        strings = () if message is None else message.string
        strings = (strings,) if isinstance(strings, str) else tuple(strings)
        if message is None or not all(strings) or message.fuzzy:
            untranslated.append(text)
    assert untranslated == [], "run the extraction in docs/report.md and translate these"


def test_the_catalogue_holds_no_message_the_source_no_longer_has() -> None:
    in_source = _source_messages()
    stale = [k for k in _catalogue() if (k if isinstance(k, str) else k[0]) not in in_source]
    assert stale == []


def test_placeholders_are_kept_in_every_translation() -> None:
    import string

    def names(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}

    for message in _catalogue().values():
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        wanted = set().union(*(names(i) for i in ids))
        for form, text in enumerate(strings):
            if not text:
                continue  # the completeness test reports it
            assert names(text) <= wanted, (message.id, text)
            if not (form == 0 and len(strings) > 1):
                # only a singular may leave out its count ("de groep" for one group)
                assert wanted <= names(text), (message.id, text)


def test_an_unknown_language_is_refused_with_the_choices() -> None:
    from samenwerking.errors import InvalidArgumentError

    refused = pytest.raises(InvalidArgumentError, match=r"lang must be one of en, nl \(got 'fr'\)")
    with refused, i18n.use_language("fr"):
        pass
