"""Mutations of valid inputs, and the one rule every reader must keep on them.

Shared by the fuzz tests (``tests/fuzz``, driven by hypothesis) and the nightly-style
``benchmarks/fuzz_readers.py`` (driven by :mod:`random`): a mutation is a plain tuple
``(kind, where, size)`` applied by :func:`mutate`, so both produce the same inputs.

The rule (:func:`outcome`): reading gives a valid :class:`~samenwerking.model.Region` or a
:class:`~samenwerking.errors.SamenwerkingError` that names the source; any other
exception fails the test.

Importing this module registers the hypothesis profile ``fuzz`` the fuzz tests use: a few
hundred examples in all in the default run (``SAMENWERKING_FUZZ_EXAMPLES`` sets the examples
per test, default 100; the slow readers take a fraction), derandomized so that CI sees the
same inputs every time. ``benchmarks/fuzz_readers.py --examples 5000`` is the nightly run.
"""

from __future__ import annotations

import os
import random
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from hypothesis import HealthCheck, settings

from samenwerking.errors import InvalidRegionError, NotUtf8Warning, SamenwerkingError
from samenwerking.model import Region

__all__ = [
    "EXAMPLES",
    "KINDS",
    "Mutation",
    "mutate",
    "outcome",
    "random_mutations",
]

EXAMPLES = int(os.environ.get("SAMENWERKING_FUZZ_EXAMPLES", "100"))
"""Examples per fuzz test in the default run."""

settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)

Mutation = tuple[str, float, int]
"""``(kind, where, size)``: what to do, where in the data (0 to 1), and how much."""

KINDS = (
    "flip",  # xor one byte with size (1..255)
    "nul",  # insert size NUL bytes
    "cut",  # truncate the data
    "drop_line",  # remove a line
    "dup_line",  # repeat a line
    "swap_cells",  # swap two cells of a line
    "quote",  # insert an unbalanced double quote
    "huge",  # insert a cell of size characters
    "bytes",  # insert size pseudo-random bytes
    "wide",  # add size columns to the first line
    "deep",  # insert size opening brackets (deep nesting in JSON)
    "cp1252",  # re-encode the whole text as Windows-1252
    "crlf",  # old-style line ends (CR only)
    "semicolon",  # swap the delimiter
    "empty",  # an empty file
)
"""Every kind of mutation, in the order of :func:`mutate`'s cases."""

HUGE_SIZES = (10, 1_000, 200_000, 5_000_000)
"""Sizes for "huge": below, near and beyond the cell limit and the line limit."""


def _at(data: bytes, where: float) -> int:
    return min(len(data), max(0, int(where * len(data))))


def _line_bounds(data: bytes, where: float) -> tuple[int, int]:
    """Start and end (past the newline) of the line at ``where``."""
    position = _at(data, where)
    start = data.rfind(b"\n", 0, position) + 1
    end = data.find(b"\n", position)
    return start, (len(data) if end < 0 else end + 1)


def _apply(data: bytes, mutation: Mutation) -> bytes:
    kind, where, size = mutation
    position = _at(data, where)
    if kind == "flip" and data:
        position = min(position, len(data) - 1)
        return data[:position] + bytes([data[position] ^ (size % 255 + 1)]) + data[position + 1 :]
    if kind == "nul":
        return data[:position] + b"\0" * max(1, size % 8) + data[position:]
    if kind == "cut":
        return data[:position]
    if kind in ("drop_line", "dup_line", "swap_cells"):
        start, end = _line_bounds(data, where)
        line = data[start:end]
        if kind == "drop_line":
            return data[:start] + data[end:]
        if kind == "dup_line":
            return data[:end] + line + data[end:]
        cells = line.rstrip(b"\r\n").split(b",")
        if len(cells) > 1:
            i, j = size % len(cells), (size // 7) % len(cells)
            cells[i], cells[j] = cells[j], cells[i]
        return data[:start] + b",".join(cells) + line[len(line.rstrip(b"\r\n")) :] + data[end:]
    if kind == "quote":
        return data[:position] + b'"' + data[position:]
    if kind == "huge":
        return data[:position] + b"x" * HUGE_SIZES[size % len(HUGE_SIZES)] + data[position:]
    if kind == "bytes":
        noise = random.Random(size).randbytes(1 + size % 64)
        return data[:position] + noise + data[position:]
    if kind == "wide":
        end = data.find(b"\n")
        end = len(data) if end < 0 else end
        return data[:end] + b",c" * (1 + size * 97 % 1_200_000) + data[end:]
    if kind == "deep":
        return data[:position] + b"[" * (1 + size * 31 % 200_000) + data[position:]
    if kind == "cp1252":
        text = data.decode("utf-8", errors="replace").replace("\ufffd", "?")
        return (text + "\u00e9").encode("cp1252", errors="replace")
    if kind == "crlf":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    if kind == "semicolon":
        return data.replace(b",", b";")
    if kind == "empty":
        return b""
    return data


def mutate(data: bytes, mutations: Sequence[Mutation]) -> bytes:
    """``data`` with each mutation applied in turn.

    Example
    -------
    >>> mutate(b"a,b\\n", [("swap_cells", 0.0, 1), ("quote", 1.0, 0)])
    b'b,a\\n"'
    """
    for mutation in mutations:
        data = _apply(data, mutation)
    return data


def random_mutations(rng: random.Random, most: int = 3) -> list[Mutation]:
    """One to ``most`` random mutations (for the benchmark, which has no hypothesis)."""
    return [
        (rng.choice(KINDS), rng.random(), rng.randrange(1_000_000))
        for _ in range(rng.randint(1, most))
    ]


def outcome(read: Callable[[], Region], names: Sequence[str]) -> str:
    """``"region"`` or ``"error"``; anything other than a samenwerking error is raised.

    A samenwerking error must name the source: its message holds one of ``names`` (the
    file, folder or workbook), and an :class:`InvalidRegionError` says where every
    problem is. Warnings that a file was read as Windows-1252 are expected; any other
    warning is an error (the test suite's ``filterwarnings = error``).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotUtf8Warning)
        try:
            region = read()
        except SamenwerkingError as error:
            text = str(error)
            assert any(name in text for name in names), (names, text[:500])
            if isinstance(error, InvalidRegionError):
                assert error.problems, text
                for problem in error.problems:
                    assert problem.source or error.source, problem
                    assert problem.message, problem
            assert "Traceback" not in text
            return "error"
    assert isinstance(region, Region)
    region.validate()
    return "region"


def write(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` and return it."""
    path.write_bytes(data)
    return path
