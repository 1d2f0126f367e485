"""The errors of the privacy helpers, and the default threshold.

Example
-------
>>> issubclass(PrivacyArgumentError, InvalidArgumentError)
True
"""

from __future__ import annotations

from samenwerking.errors import (
    InvalidArgumentError,
    InvalidRegionError,
    SamenwerkingError,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "BsnLikeValueError",
    "PrivacyArgumentError",
    "PrivacyError",
    "PseudonymKeyError",
]

DEFAULT_THRESHOLD = 5
"""Counts from 1 up to (not including) this value are suppressed by default."""


class PrivacyError(SamenwerkingError, ValueError):
    """A privacy helper was given input it cannot safely work with."""


class PrivacyArgumentError(PrivacyError, InvalidArgumentError):
    """A suppression helper was called with an argument it cannot use (a bad table,
    labels or threshold).

    Also an :class:`~samenwerking.errors.InvalidArgumentError`, like
    :class:`~samenwerking.cases.CaseArgumentError`, so ``except InvalidArgumentError``
    catches a bad threshold whichever module checked it.
    """


class PseudonymKeyError(PrivacyError):
    """The key for :func:`pseudonymise` is missing or too short."""


class BsnLikeValueError(InvalidRegionError, PrivacyError):
    """A region holds values that look like a citizen service number (BSN).

    Both an :class:`~samenwerking.errors.InvalidRegionError` (``problems`` lists every
    place, values withheld) and a :class:`PrivacyError`.
    """
