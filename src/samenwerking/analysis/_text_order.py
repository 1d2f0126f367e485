"""Compiled test of whether text ids come in ascending order, from their UTF-8 bytes.

The ids are joined with NUL characters and encoded once; one compiled pass compares each
id's bytes with the next one's. UTF-8 byte order is code point order, which is Python's
order of strings, so the answer is that of ``list(ids) == sorted(ids)`` without copying,
sorting or comparing the ids one Python call at a time.

Example
-------
>>> text_ascending(("p1", "p2", "q")), text_ascending(("b", "a"))
(True, False)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["ids_ascending", "text_ascending"]


@kernel
def _ascending(data: npt.NDArray[np.uint8], n: int) -> int:
    # 1 when the NUL-separated ids in data ascend, 0 when not, -1 when there are not n ids.
    ends = np.empty(len(data) + 2, np.int64)  # where each id ends (a NUL, then the end)
    k = 0
    for i in range(len(data)):
        ends[k] = i  # kept only at a NUL: branch free
        k += data[i] == 0
    if k != n - 1:
        return -1
    ends[k] = len(data)
    a, b = 0, ends[0]
    for j in range(1, n):
        c, d = b + 1, ends[j]
        common = min(b - a, d - c)
        i = 0
        while i < common and data[a + i] == data[c + i]:
            i += 1
        if (data[a + i] > data[c + i]) if i < common else (b - a > d - c):
            return 0  # larger where they part, or longer with the same start
        a, b = c, d
    return 1


def text_ascending(ids: tuple[str, ...]) -> bool | None:
    """Whether text ids come in ascending order (``None`` when an id holds a NUL).

    Compares the ids' UTF-8 bytes, whose order is that of their code points (Python's
    order of strings), in one compiled pass. Raises ``TypeError`` when an id is not text.

    Example
    -------
    >>> text_ascending(("a", "ab", "b")), text_ascending(("b", "a")), text_ascending(("a\\0",))
    (True, False, None)
    """
    data = np.frombuffer("\0".join(ids).encode("utf-8", "surrogatepass"), np.uint8)
    if not ids:
        return True
    verdict = _ascending(data, len(ids))
    return None if verdict < 0 else verdict == 1


def ids_ascending(ids: tuple[Any, ...]) -> bool | None:
    """Whether the ids come in sorted order; ``None`` when they are not all text.

    Example
    -------
    >>> ids_ascending(("a", "b")), ids_ascending(("b", "a")), ids_ascending((1, 2))
    (True, False, None)
    """
    try:
        verdict = text_ascending(ids)
    except TypeError:  # an id that is not a string
        return None
    return (list(ids) == sorted(ids)) if verdict is None else verdict
