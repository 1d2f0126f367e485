"""Checks on arguments that every module needs: whole numbers with a lower bound.

Example
-------
>>> check_whole(3, "rounds")
3
>>> check_whole(0, "rounds")
Traceback (most recent call last):
...
samenwerking.errors.InvalidArgumentError: rounds must be a positive integer (got 0)
"""

from __future__ import annotations

import numpy as np

from samenwerking.errors import InvalidArgumentError

__all__ = ["check_whole"]


def check_whole(
    value: object,
    name: str,
    *,
    minimum: int = 1,
    error: type[InvalidArgumentError] = InvalidArgumentError,
    numpy: bool = False,
) -> int:
    """``value`` as an ``int`` if it is a whole number of at least ``minimum``.

    Booleans are refused; numpy integers only with ``numpy=True``. The error (``error``,
    a subclass of :class:`~samenwerking.errors.InvalidArgumentError` of the caller's
    module) names ``name``, the bound and the value.
    """
    whole: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        whole = value
    elif numpy and isinstance(value, np.integer):
        whole = int(value)
    if whole is not None and whole >= minimum:
        return whole
    if minimum == 0:
        what = "a non-negative integer"
    elif minimum == 1:
        what = "a positive integer"
    else:
        what = f"an integer of at least {minimum}"
    raise error(f"{name} must be {what} (got {value!r})")
