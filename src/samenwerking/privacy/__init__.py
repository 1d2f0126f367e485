"""Privacy building blocks: keyed pseudonyms, BSN detection and small-count suppression.

Three independent helpers, described in ``docs/privacy.md``:

- :func:`pseudonymise` turns a source id into a case id with a keyed hash (HMAC-SHA256);
- :func:`looks_like_bsn` and :func:`find_bsn_like` spot values that look like a citizen
  service number (BSN) and report them without ever showing the number
  (:func:`samenwerking.load` rejects such regions with :class:`BsnLikeValueError`);
- :func:`suppress` hides counts below a threshold in a two-way table, with complementary
  suppression so that no hidden count can be recomputed from the published totals.

Example
-------
>>> key = "a secret kept apart from the data"
>>> pseudonymise("pupil-0042", key=key) == pseudonymise("pupil-0042", key=key)
True
>>> suppress([[2, 9], [8, 7]]).cells
((None, None), (None, None))
"""

from samenwerking.privacy.bsn import check_no_bsn, find_bsn_like, looks_like_bsn, withhold_bsn
from samenwerking.privacy.errors import (
    DEFAULT_THRESHOLD,
    BsnLikeValueError,
    PrivacyArgumentError,
    PrivacyError,
    PseudonymKeyError,
)
from samenwerking.privacy.linked import Key, LinkedTable, suppress_together
from samenwerking.privacy.pseudonyms import MIN_KEY_BYTES, pseudonymise
from samenwerking.privacy.suppression import SuppressedTable, published_count, suppress

__all__ = [
    "DEFAULT_THRESHOLD",
    "MIN_KEY_BYTES",
    "BsnLikeValueError",
    "Key",
    "LinkedTable",
    "PrivacyArgumentError",
    "PrivacyError",
    "PseudonymKeyError",
    "SuppressedTable",
    "check_no_bsn",
    "find_bsn_like",
    "looks_like_bsn",
    "pseudonymise",
    "published_count",
    "suppress",
    "suppress_together",
    "withhold_bsn",
]
