"""Read-only views, so a compiled kernel sees one array type and compiles once.

numba types a read-only array apart from a writable one: a kernel called with both (the
graph's frozen CSR arrays and freshly computed ones) is compiled twice on a machine's first
run. Passing :func:`readonly` views keeps every call on the read-only signature, at no copy.

Example
-------
>>> import numpy as np
>>> a = np.arange(3)
>>> view = readonly(a)
>>> view.flags.writeable, a.flags.writeable, np.shares_memory(view, a)
(False, True, True)
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np

__all__ = ["readonly"]

A = TypeVar("A", bound=np.ndarray)


def readonly(array: A) -> A:
    """A read-only view of ``array`` (no copy; ``array`` itself stays as it is)."""
    view = array.view()
    view.flags.writeable = False
    return view
