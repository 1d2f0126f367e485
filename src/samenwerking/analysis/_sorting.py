"""An in-place heapsort for compiled kernels that sort many short runs of integers.

``np.sort`` inside a numba kernel pulls numba's whole sort implementation into that
kernel's compilation (one to two seconds per kernel on the first run on a machine); a
plain loop compiles in a fraction of that and, for runs of distinct integers (or where
equal values are interchangeable), gives the same result.

Example
-------
>>> import numpy as np
>>> values = np.array([9, 3, 7, 1, 8, 2], np.int64)
>>> sort_run(values, 1, 5)
>>> values.tolist()
[9, 1, 3, 7, 8, 2]
>>> reverse_run(values, 1, 5)
>>> values.tolist()
[9, 8, 7, 3, 1, 2]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["reverse_run", "sort_run"]

Int = int | np.int64
"""A position: a Python int or (to keep numba off literal constants) a numpy int64."""


@kernel
def _sift(values: npt.NDArray[np.int64], lo: Int, root: Int, end: Int) -> None:  # pragma: no cover
    """Let ``values[lo + root]`` sink into the max-heap ``values[lo : lo + end]``."""
    item = values[lo + root]
    child = 2 * root + 1
    while child < end:
        if child + 1 < end and values[lo + child + 1] > values[lo + child]:
            child += 1
        if values[lo + child] <= item:
            break
        values[lo + root] = values[lo + child]
        root = child
        child = 2 * root + 1
    values[lo + root] = item


@kernel
def sort_run(values: npt.NDArray[np.int64], lo: Int, hi: Int) -> None:  # pragma: no cover
    """Sort ``values[lo:hi]`` ascending, in place (not stable)."""
    n = hi - lo
    for root in range(n // 2 - 1, -1, -1):
        _sift(values, lo, root, n)
    for end in range(n - 1, 0, -1):
        top = values[lo]
        values[lo] = values[lo + end]
        values[lo + end] = top
        _sift(values, lo, np.int64(0), end)  # not the literal 0: one compilation


@kernel
def reverse_run(values: npt.NDArray[np.int64], lo: int, hi: int) -> None:  # pragma: no cover
    """Reverse ``values[lo:hi]`` in place."""
    a, b = lo, hi - 1
    while a < b:
        values[a], values[b] = values[b], values[a]
        a += 1
        b -= 1
