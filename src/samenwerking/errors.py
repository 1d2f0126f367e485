"""Exceptions raised by samenwerking, and the :class:`Problem` records they carry.

Every exception derives from :class:`SamenwerkingError`, and each specific one also
inherits the built-in exception it resembles, so ``except ValueError`` keeps working.

Example
-------
>>> problem = Problem("unknown professional", source="ties.csv", location="row 3",
...                   field="target", value="p-99")
>>> print(problem)
ties.csv, row 3, field 'target', value 'p-99': unknown professional
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "InvalidArgumentError",
    "InvalidRegionError",
    "NotUtf8Warning",
    "Problem",
    "SamenwerkingError",
    "SamenwerkingWarning",
    "SourceNotFoundError",
    "UnknownIdError",
    "UnsupportedSourceError",
]


@attrs.frozen
class Problem:
    """One thing wrong with a source, precise enough to find and fix it."""

    message: str
    """What is wrong, in plain words."""
    source: str = ""
    """The file (or other source) the problem is in."""
    location: str = ""
    """The row (``row 12``) or JSON path (``$.ties.source[3]``) within the source."""
    field: str = ""
    """The field or column that holds the bad value."""
    value: object = None
    """The offending value, as read."""

    def __str__(self) -> str:
        parts = [p for p in (self.source, self.location) if p]
        if self.field:
            parts.append(f"field {self.field!r}")
        if self.value is not None:
            parts.append(f"value {_short(self.value)}")
        where = ", ".join(parts)
        return f"{where}: {self.message}" if where else self.message


def _short(value: object, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class SamenwerkingError(Exception):
    """Root of every error raised by samenwerking."""


class InvalidRegionError(SamenwerkingError, ValueError):
    """A region, or the source it was read from, has one or more problems.

    ``problems`` lists all of them; the message shows them one per line.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str = "") -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._format())

    def _format(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}"
        head += f" in {self.source}" if self.source else ""
        return head + ":\n" + "\n".join(f"  {p}" for p in self.problems)


class UnknownIdError(SamenwerkingError, LookupError):
    """An identifier names nothing in the region."""

    def __init__(self, kind: str, identifier: str, known: Sequence[str] = ()) -> None:
        self.kind = kind
        self.identifier = identifier
        hint = ""
        if known:
            sample = ", ".join(repr(k) for k in list(known)[:5])
            hint = f" (known {kind} ids include {sample})"
        super().__init__(f"no {kind} with id {identifier!r} in this region{hint}")


class SourceNotFoundError(SamenwerkingError, FileNotFoundError):
    """A source to read does not exist."""


class UnsupportedSourceError(SamenwerkingError, ValueError):
    """No reader knows how to read or write the given source."""


class InvalidArgumentError(SamenwerkingError, ValueError):
    """A function was called with an argument it cannot use.

    The message names the argument, the value and, where there is a fixed set, the choices.
    Every module's own argument error (e.g. ``CaseArgumentError``) is a subclass, so
    ``except InvalidArgumentError`` catches them all.

    Example
    -------
    >>> issubclass(InvalidArgumentError, ValueError)
    True
    """


class SamenwerkingWarning(UserWarning):
    """Root of every warning issued by samenwerking (filter them all with this class)."""


class NotUtf8Warning(SamenwerkingWarning):
    """A text file was not UTF-8 and was read as Windows-1252, as Excel on Windows saves CSV.

    The message names the file, the line and the first byte that is not UTF-8.

    Example
    -------
    >>> issubclass(NotUtf8Warning, UserWarning)
    True
    """
