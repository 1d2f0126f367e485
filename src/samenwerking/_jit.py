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

import importlib.util
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import numba

__all__ = ["get_threads", "kernel", "parallel_kernel", "prange", "threads"]

F = TypeVar("F", bound=Callable[..., Any])

_BLAS_PROBE = "scipy.linalg.cython_blas"


def _load_array_support_without_scipy_linalg() -> None:
    """Import numba's array functions without the ``scipy.linalg`` they import to probe BLAS.

    ``numba.np.arraymath`` imports ``scipy.linalg`` (about 30 MB resident and 0.2 s) when it
    is first loaded, only to learn whether ``np.correlate`` and ``np.convolve`` may call BLAS;
    no kernel here uses BLAS. It is imported here with that probe answered "missing"
    (a ``None`` entry in ``sys.modules`` halts an import before its parent packages load),
    and its answer is then set to whether scipy is installed, as numba would have found it.
    Functions that do use BLAS (``np.dot`` and the like in a user's own numba code) import
    ``scipy.linalg`` when they are compiled, as always. Nothing is done if ``scipy.linalg`` or
    numba's array functions are loaded already.
    """
    if {"numba.np.arraymath", "scipy.linalg", _BLAS_PROBE} & sys.modules.keys():
        return
    sys.modules[_BLAS_PROBE] = None  # type: ignore[assignment]
    try:
        import numba.np.arraymath as arraymath
    finally:
        if _BLAS_PROBE in sys.modules and sys.modules[_BLAS_PROBE] is None:
            del sys.modules[_BLAS_PROBE]
    if hasattr(arraymath, "_HAVE_BLAS"):
        arraymath._HAVE_BLAS = importlib.util.find_spec("scipy") is not None


_load_array_support_without_scipy_linalg()

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
