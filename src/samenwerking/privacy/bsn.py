"""Values that look like a citizen service number (BSN): found, reported, never shown.

Example
-------
>>> looks_like_bsn("111222333"), looks_like_bsn("c-7f3a")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from samenwerking.errors import (
    Problem,
)
from samenwerking.model.region import Region
from samenwerking.model.validation import Locator, json_path
from samenwerking.privacy.errors import BsnLikeValueError

__all__ = ["check_no_bsn", "find_bsn_like", "looks_like_bsn", "withhold_bsn"]

_BSN_SEPARATORS = str.maketrans("", "", " .-")


def looks_like_bsn(value: str) -> bool:
    """Tell whether ``value`` looks like a Dutch citizen service number (BSN).

    True for 9 digits (or 8, which BSNs zero-pad to 9) that pass the 11-test for BSNs:
    ``9*d1 + 8*d2 + 7*d3 + 6*d4 + 5*d5 + 4*d6 + 3*d7 + 2*d8 - 1*d9`` is divisible by 11,
    and not all digits are zero. Spaces, dots and hyphens between digits are ignored,
    so ``"1234.56.782"`` is checked as ``"123456782"``. Only whole values are checked:
    a number inside longer text (``"nr 123456782"``) is not detected.

    Example
    -------
    >>> digits = "12345678"  # a fictional number: compute its check digit
    >>> check = sum(w * int(d) for w, d in zip(range(9, 1, -1), digits)) % 11
    >>> looks_like_bsn(digits + str(check)), looks_like_bsn(digits + str((check + 1) % 10))
    (True, False)
    >>> looks_like_bsn("c-7f3a"), looks_like_bsn("000000000")
    (False, False)
    """
    if not isinstance(value, str):
        return False
    digits = value.strip().translate(_BSN_SEPARATORS)
    if not (digits.isascii() and digits.isdigit()) or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    weighted = sum(w * int(d) for w, d in zip(range(9, 1, -1), digits[:8], strict=True))
    return (weighted - int(digits[8])) % 11 == 0


def find_bsn_like(region: Region, *, locate: Locator | None = None) -> list[Problem]:
    """Every text field of every case that looks like a BSN, without showing the value.

    Checks a case's id, municipality, school, coordinator, involved professionals, and
    its events' actors and organisations. Each :class:`~samenwerking.errors.Problem` names the case
    (``$.cases[3]``, or ``$.cases[3].involved[0]``) and the field; its ``value`` is
    ``None``, so the number itself is never printed, logged or stored in an error.

    Parameters
    ----------
    region : Region
    locate : callable, optional
        Turns a path into (source, location), as in
        :func:`~samenwerking.model.validation.region_problems`; JSON paths by default.

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, SupportLevel
    >>> digits = "87654321"  # fictional; the check digit makes it pass the 11-test
    >>> number = digits + str(sum(w * int(d) for w, d in zip(range(9, 1, -1), digits)) % 11)
    >>> region = Region("Dorp", cases=(Case(CaseId(number), "Dorp", SupportLevel.EXTRA),))
    >>> for problem in find_bsn_like(region):
    ...     print(problem)
    $.cases[0], field 'id': looks like a citizen service number (BSN); value withheld
    """
    where = locate or _json_locator
    problems: list[Problem] = []

    def check(path: tuple[str | int, ...], field: str, value: str | None) -> None:
        if value is not None and looks_like_bsn(value):
            source, location = where(path)
            problems.append(
                Problem(
                    "looks like a citizen service number (BSN); value withheld",
                    source=source,
                    location=location,
                    field=field,
                )
            )

    for i, case in enumerate(region.cases):
        path: tuple[str | int, ...] = ("cases", i)
        check(path, "id", case.id)
        check(path, "municipality", case.municipality)
        check(path, "school", case.school)
        check(path, "coordinator", case.coordinator)
        for j, involvement in enumerate(case.involved):
            check((*path, "involved", j), "professional", involvement.professional)
        for j, event in enumerate(case.events):
            check((*path, "events", j), "actor", event.actor)
            check((*path, "events", j), "organisation", event.organisation)
    return problems


def check_no_bsn(region: Region, *, locate: Locator | None = None, source: str = "") -> Region:
    """Return ``region`` unchanged, or raise if any case field looks like a BSN.

    :func:`samenwerking.load` calls this on every region it reads, whatever the format.

    Raises
    ------
    BsnLikeValueError
        Listing every field found by :func:`find_bsn_like` (values withheld); it is an
        :class:`~samenwerking.errors.InvalidRegionError` and a :class:`PrivacyError`.

    Example
    -------
    >>> check_no_bsn(Region("Dorp")).name
    'Dorp'
    """
    problems = find_bsn_like(region, locate=locate)
    if problems:
        raise BsnLikeValueError(problems, source=source)
    return region


_NUMBER_LIKE = re.compile(r"(?<![0-9])[0-9](?:[0-9 .-]{6,12})[0-9](?![0-9])")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WITHHELD = "<withheld: looks like a BSN>"


def _bsn_like_text(text: str) -> bool:
    # An ISO date such as 2024-03-01 has 8 digits and may pass the 11-test: not a BSN.
    return looks_like_bsn(text) and _ISO_DATE.fullmatch(text.strip()) is None


def _withhold_text(text: str) -> str:
    return _NUMBER_LIKE.sub(
        lambda match: _WITHHELD if _bsn_like_text(match.group(0)) else match.group(0), text
    )


def withhold_bsn(problems: Iterable[Problem]) -> list[Problem]:
    """The problems with every BSN-like value withheld, from values and from messages.

    A problem whose ``value`` looks like a BSN (as text: an ``int`` such as a JSON number
    ``123456782`` counts too) gets ``value=None`` and a note in its message; a BSN-like number inside a message or field is replaced by a placeholder.
    Used by :func:`samenwerking.load` so that no error it raises shows such a number.

    Example
    -------
    >>> digits = "87654321"  # fictional; the check digit makes it pass the 11-test
    >>> number = digits + str(sum(w * int(d) for w, d in zip(range(9, 1, -1), digits)) % 11)
    >>> [clean] = withhold_bsn([Problem("unknown organisation", "cases.csv", "row 2",
    ...                                 "school", number)])
    >>> print(clean)
    cases.csv, row 2, field 'school': unknown organisation (value withheld: looks like a citizen service number (BSN))
    """  # noqa: E501
    out = []
    for problem in problems:
        message = _withhold_text(problem.message)
        value = problem.value
        # Any value, not only text: a JSON number 123456782 is as much a BSN as "123456782".
        text = None if value is None or isinstance(value, bool) else str(value)
        if text is not None and (_bsn_like_text(text) or _withhold_text(text) != text):
            value = None
            message += " (value withheld: looks like a citizen service number (BSN))"
        out.append(
            attrs.evolve(
                problem,
                message=message,
                value=value,
                source=_withhold_text(problem.source),
                location=_withhold_text(problem.location),
                field=_withhold_text(problem.field),
            )
        )
    return out


def _json_locator(path: tuple[str | int, ...]) -> tuple[str, str]:
    return "", json_path(path)
