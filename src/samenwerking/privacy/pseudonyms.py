"""Keyed pseudonyms for cases: the same source id and key always give the same case id.

Example
-------
>>> key = "a secret kept apart from the data"
>>> pseudonymise("pupil-0042", key=key) == pseudonymise("pupil-0042", key=key)
True
"""

from __future__ import annotations

import hashlib
import hmac

from samenwerking.model.ids import CaseId, is_valid_id
from samenwerking.privacy.errors import PrivacyError, PseudonymKeyError

__all__ = ["MIN_KEY_BYTES", "pseudonymise"]

MIN_KEY_BYTES = 16
"""The shortest key :func:`pseudonymise` accepts, in bytes (after UTF-8 encoding)."""

_HEX_CHARS = 16


def pseudonymise(source_id: str, *, key: bytes | str, prefix: str = "c-") -> CaseId:
    """Derive a pseudonymous case id from a source id with a keyed hash.

    The id is ``prefix`` followed by the first 16 hex characters of
    HMAC-SHA256(key, source_id). The same key and source id always give the same
    pseudonym; without the key, a pseudonym cannot be traced back to the source id
    (not even by trying every possible source id). Keep the key apart from the data.

    Parameters
    ----------
    source_id : str
        The id in the data owner's own system (hashed exactly as given).
    key : bytes or str
        A secret of at least 16 bytes (``str`` is UTF-8 encoded), stored away from the data.
    prefix : str
        Put before the hex digits, so that a pseudonym never looks like a number.

    Returns
    -------
    CaseId

    Raises
    ------
    PseudonymKeyError
        If the key is empty or shorter than 16 bytes.
    PrivacyError
        If ``source_id`` is empty, or the prefix makes an invalid id.

    Example
    -------
    >>> key = b"0123456789abcdef-keep-me-elsewhere"
    >>> pid = pseudonymise("pupil-0042", key=key)
    >>> pid.startswith("c-"), len(pid)
    (True, 18)
    >>> pid == pseudonymise("pupil-0042", key=key), pid == pseudonymise("pupil-0043", key=key)
    (True, False)
    """
    secret = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if len(secret) < MIN_KEY_BYTES:
        raise PseudonymKeyError(
            f"the pseudonymisation key must be at least {MIN_KEY_BYTES} bytes "
            f"(got {len(secret)}); use a long random secret and keep it apart from the data, "
            "since anyone holding both can link pseudonyms back to source ids"
        )
    if not isinstance(source_id, str) or not source_id:
        raise PrivacyError(f"source_id must be a non-empty string (got {source_id!r})")
    digest = hmac.new(secret, source_id.encode("utf-8"), hashlib.sha256).hexdigest()
    pseudonym = prefix + digest[:_HEX_CHARS]
    if not is_valid_id(pseudonym) or not prefix:
        raise PrivacyError(
            f"prefix {prefix!r} does not make a valid id: use non-empty text without "
            "spaces or any of ; | ="
        )
    return CaseId(pseudonym)
