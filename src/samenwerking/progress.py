"""Progress reporting for long work: a callback protocol and a terminal progress line.

Library functions that can take long accept ``progress: Progress | None``; they call it as
``progress(done, total)``. The command line passes :class:`TerminalProgress`, which draws
one updating line on standard error when it is a terminal, and a few plain lines otherwise
(so CI logs stay short).

Example
-------
>>> import io
>>> stream = io.StringIO()
>>> bar = TerminalProgress("betweenness", stream=stream, interactive=False)
>>> for i in range(1, 5):
...     bar(i, 4)
>>> stream.getvalue().splitlines()[-1]
'betweenness: 4/4 (100%)'
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

__all__ = ["Progress", "TerminalProgress", "report_progress"]


class Progress(Protocol):
    """Called with the units of work done so far and the total."""

    def __call__(self, done: int, total: int) -> None: ...


def report_progress(progress: Progress | None, done: int, total: int) -> None:
    """Call ``progress`` if there is one (a convenience for library code)."""
    if progress is not None:
        progress(done, total)


class TerminalProgress:
    """A progress line on a terminal; every quarter on a plain stream."""

    def __init__(
        self,
        label: str,
        *,
        stream: TextIO | None = None,
        interactive: bool | None = None,
        min_interval: float = 0.2,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.min_interval = min_interval
        self._last_draw = 0.0
        self._last_quarter = -1
        self._start = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        """Draw progress for ``done`` out of ``total`` units."""
        share = done / total if total else 1.0
        finished = done >= total
        if self.interactive:
            now = time.monotonic()
            if not finished and now - self._last_draw < self.min_interval:
                return
            self._last_draw = now
            filled = int(share * 30)
            bar = "#" * filled + "-" * (30 - filled)
            elapsed = now - self._start
            self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} {elapsed:5.1f}s")
            if finished:
                self.stream.write("\n")
            self.stream.flush()
            return
        quarter = int(share * 4)
        if quarter > self._last_quarter or finished:
            self._last_quarter = quarter if not finished else 5
            self.stream.write(f"{self.label}: {done}/{total} ({share:.0%})\n")
            self.stream.flush()
