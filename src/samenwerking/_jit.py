"""Compiled loops: :func:`numba.njit` with the project's defaults, and the thread count.

Every kernel that needs a loop numpy cannot vectorise is a plain Python function over numpy
arrays, compiled by numba on its first call and cached on disk (``cache=True``), so a new
process pays the compilation once per machine, not once per call. Kernels release the GIL.

The number of threads a parallel kernel uses is numba's: all cores by default, fewer with
the environment variable ``NUMBA_NUM_THREADS`` or :func:`threads`.

Example
-------
A kernel is written in a module's source file (numba caches by file), for example::

    @kernel
    def total(values):
        s = 0
        for v in values:
            s += v
        return s

>>> with threads(1):
...     get_threads()
1
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import numba

__all__ = ["get_threads", "kernel", "parallel_kernel", "prange", "threads"]

F = TypeVar("F", bound=Callable[..., Any])

prange = numba.prange
"""``range`` that a :func:`parallel_kernel` splits over its threads (plain ``range`` elsewhere)."""


def kernel(function: F) -> F:
    """Compile ``function`` with numba (no Python objects, no GIL, cached on disk)."""
    return cast(F, numba.njit(cache=True, nogil=True)(function))


def parallel_kernel(function: F) -> F:
    """As :func:`kernel`, with its :data:`prange` loops run on numba's threads."""
    return cast(F, numba.njit(cache=True, nogil=True, parallel=True)(function))


def get_threads() -> int:
    """How many threads a parallel kernel uses now.

    Example
    -------
    >>> get_threads() >= 1
    True
    """
    return int(numba.get_num_threads())


def _max_threads() -> int:
    return int(getattr(numba.config, "NUMBA_NUM_THREADS"))  # noqa: B009 (untyped module)


@contextmanager
def threads(count: int) -> Iterator[None]:
    """Run the parallel kernels inside the block on ``count`` threads (at most numba's maximum).

    Example
    -------
    >>> with threads(1):
    ...     get_threads()
    1
    """
    count = max(1, min(int(count), _max_threads()))
    before = numba.get_num_threads()
    numba.set_num_threads(count)
    try:
        yield
    finally:
        numba.set_num_threads(before)
