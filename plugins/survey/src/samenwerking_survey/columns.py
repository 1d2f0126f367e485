"""The columns of a survey export and of a roster, with their Dutch and English aliases.

Headers are matched after :func:`normalise_header`: case-insensitive, with ``_``, ``-``,
``.``, ``:`` and ``?`` read as spaces and runs of spaces collapsed.

Example
-------
>>> normalise_header("  Naam_Partner ")
'naam partner'
>>> match_headers(["Naam respondent", "Organisatie", "Naam partner"], SURVEY_COLUMNS)[0]
{'respondent': 0, 'respondent_organisation': 1, 'partner': 2}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = [
    "ROSTER_COLUMNS",
    "SURVEY_COLUMNS",
    "match_headers",
    "normalise_header",
]

SURVEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "respondent": (
        "respondent",
        "naam respondent",
        "respondent naam",
        "respondentnaam",
        "naam",
        "uw naam",
        "jouw naam",
        "respondent name",
        "name",
    ),
    "respondent_id": (
        "respondent id",
        "respondentnummer",
        "respondent nummer",
        "respondentid",
        "response id",
        "responsnummer",
    ),
    "respondent_organisation": (
        "organisatie",
        "organisatie respondent",
        "uw organisatie",
        "jouw organisatie",
        "organisation",
        "organization",
        "respondent organisation",
        "respondent organization",
    ),
    "respondent_role": (
        "functie",
        "functie respondent",
        "uw functie",
        "jouw functie",
        "rol",
        "role",
        "respondent role",
        "job title",
    ),
    "respondent_sector": (
        "sector",
        "sector respondent",
        "type organisatie",
        "organisatietype",
        "soort organisatie",
        "organisation type",
        "organization type",
        "respondent sector",
    ),
    "municipality": ("gemeente", "municipality"),
    "partner": (
        "partner",
        "naam partner",
        "partner naam",
        "partnernaam",
        "samenwerkingspartner",
        "genoemde persoon",
        "partner name",
        "named partner",
        "alter",
    ),
    "partner_organisation": (
        "organisatie partner",
        "partner organisatie",
        "partnerorganisatie",
        "partner organisation",
        "partner organization",
        "alter organisation",
    ),
    "partner_role": ("functie partner", "partner functie", "partner role"),
    "partner_sector": (
        "sector partner",
        "partner sector",
        "type organisatie partner",
        "partner organisation type",
    ),
    "frequency": (
        "frequentie",
        "contactfrequentie",
        "hoe vaak contact",
        "hoe vaak",
        "frequency",
        "contact frequency",
    ),
    "trust": ("vertrouwen", "trust"),
    "value": ("waarde", "meerwaarde", "value"),
}
"""Survey columns: canonical name -> accepted headers (already normalised)."""

ROSTER_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("naam", "name", "respondent", "naam respondent", "deelnemer", "genodigde"),
    "respondent_id": SURVEY_COLUMNS["respondent_id"],
    "organisation": SURVEY_COLUMNS["respondent_organisation"],
    "role": SURVEY_COLUMNS["respondent_role"],
    "sector": SURVEY_COLUMNS["respondent_sector"],
    "municipality": SURVEY_COLUMNS["municipality"],
}
"""Roster columns (everyone invited): canonical name -> accepted headers."""

_SEPARATORS = re.compile(r"[\s_\-.:?]+")


def normalise_header(header: str) -> str:
    """A header as it is compared with the aliases: lower case, single spaces."""
    return _SEPARATORS.sub(" ", header.replace("\ufeff", "")).strip().casefold()


def match_headers(
    headers: Sequence[str], columns: Mapping[str, Sequence[str]]
) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Find each canonical column among ``headers``.

    Returns
    -------
    tuple
        ``{canonical: position}`` for the columns found, and ``(position, canonical)`` for
        every header that repeats a column already found (a duplicate).

    Example
    -------
    >>> match_headers(["Trust", "vertrouwen"], SURVEY_COLUMNS)
    ({'trust': 0}, [(1, 'trust')])
    """
    lookup = {alias: name for name, aliases in columns.items() for alias in aliases}
    found: dict[str, int] = {}
    duplicates: list[tuple[int, str]] = []
    for position, header in enumerate(headers):
        name = lookup.get(normalise_header(header))
        if name is None:
            continue
        if name in found:
            duplicates.append((position, name))
        else:
            found[name] = position
    return found, duplicates
