"""Municipality names: DUO writes them in capitals, the SWV map as the regulation does.

:func:`normalise_municipality` turns DUO's ``"VOORST"`` into ``"Voorst"``;
:func:`municipality_key` gives the key under which differently written names match
(``"BERGEN NH"`` in DUO, ``"Bergen (NH.)"`` in the SWV regulation).

Example
-------
>>> normalise_municipality("CAPELLE AAN DEN IJSSEL"), normalise_municipality("S GRAVENHAGE")
('Capelle aan den IJssel', "'s-Gravenhage")
>>> municipality_key("Bergen (NH.)") == municipality_key("BERGEN NH")
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["municipality_key", "normalise_municipality", "split_part"]

_PARTICLES = frozenset({"aan", "bij", "de", "den", "der", "en", "het", "in", "op", "over", "van"})

# Names the SWV regulation (2013) writes differently from DUO (2020), by key.
_ALIASES = {
    "bergen l": "bergen lb",
    "nuenen gerwen en nederwetten": "nuenen ca",
}

_PART = re.compile(r"^(?P<name>.*?)\s*\((?P<detail>[^()]*\d{4}[^()]*)\)\s*$")


def _word(word: str, *, first: bool) -> str:
    low = word.lower()
    if not first and low in _PARTICLES:
        return low
    if not first and len(word) <= 2 and word.isalpha():
        return word.upper()  # a disambiguator such as NH, LB or CA
    if not word[:1].isalpha():
        return word
    if low.startswith("ij"):
        return "IJ" + low[2:]
    return low[:1].upper() + low[1:]


def normalise_municipality(name: str) -> str:
    """A municipality name as people write it: ``"VOORST"`` -> ``"Voorst"``.

    Names that are not all capitals are returned as they are (spaces collapsed).

    Example
    -------
    >>> normalise_municipality("HORST AAN DE MAAS"), normalise_municipality("Bergen (NH.)")
    ('Horst aan de Maas', 'Bergen (NH.)')
    """
    text = " ".join(name.split())
    if text != text.upper():
        return text
    tokens = text.split(" ")
    if len(tokens) > 1 and tokens[0] in {"S", "'S"}:
        tokens = ["'s-" + tokens[1], *tokens[2:]]
    out = []
    for i, token in enumerate(tokens):
        parts = token.split("-")
        words = []
        for j, part in enumerate(parts):
            if i == 0 and j == 0 and part.lower() in {"'s", "s"} and len(parts) > 1:
                words.append("'s")
            else:
                words.append(_word(part, first=(i == 0) or j > 0))
        out.append("-".join(words))
    return " ".join(out)


def split_part(text: str) -> tuple[str, str]:
    """Split ``"Staphorst (postcodes 7951 en 7955)"`` into the name and the part's detail.

    The detail is ``""`` for a whole municipality.

    Example
    -------
    >>> split_part("Staphorst (postcodes 7951 en 7955)")
    ('Staphorst', 'postcodes 7951 en 7955')
    >>> split_part("Bergen (NH.)")
    ('Bergen (NH.)', '')
    """
    match = _PART.match(text.strip())
    if match is None:
        return " ".join(text.split()), ""
    return " ".join(match["name"].split()), " ".join(match["detail"].split())


def municipality_key(name: str) -> str:
    """The key that matches one municipality however it is written.

    Case, accents, punctuation and a postcode part (``"(m.u.v. postcode 8064)"``) are
    ignored; two old spellings of the SWV regulation are mapped to DUO's.

    Example
    -------
    >>> municipality_key("'s-Gravenhage"), municipality_key("Zwartewaterland (postcode 8064)")
    ('s gravenhage', 'zwartewaterland')
    """
    base, _ = split_part(name)
    plain = unicodedata.normalize("NFKD", base.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    key = " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())
    return _ALIASES.get(key, key)
