"""The repulsion step of :func:`~samenwerking.report.layout.force_layout`, compiled.

Every pair of nodes pushes apart with force ``k^2 / d``; numpy needs several ``n x n``
temporaries per step for it (a gigabyte of traffic for 3,000 organisations), this loop
visits each pair once and keeps nothing but the two sums.

Example
-------
>>> import numpy as np
>>> x, y = np.array([0.0, 1.0], np.float32), np.zeros(2, np.float32)
>>> push_x, push_y = repulsion(x, y, np.float32(1.0))
>>> push_x.tolist(), push_y.tolist()
([-1.0, 1.0], [0.0, 0.0])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["repulsion"]

Floats = npt.NDArray[np.float32]


@kernel
def repulsion(x: Floats, y: Floats, k2: np.float32) -> tuple[Floats, Floats]:
    """Per node, the sum over the others of ``(p_i - p_j) k^2 / max(d^2, 1e-4)``."""
    n = len(x)
    push_x = np.zeros(n, np.float64)
    push_y = np.zeros(n, np.float64)
    floor = np.float32(1e-4)
    for i in range(n):
        xi, yi = x[i], y[i]
        sx, sy = 0.0, 0.0
        for j in range(i + 1, n):
            dx = xi - x[j]
            dy = yi - y[j]
            d2 = dx * dx + dy * dy
            if d2 < floor:
                d2 = floor
            w = k2 / d2
            fx, fy = dx * w, dy * w
            sx += fx
            sy += fy
            push_x[j] -= fx
            push_y[j] -= fy
        push_x[i] += sx
        push_y[i] += sy
    return push_x.astype(np.float32), push_y.astype(np.float32)
