"""The errors of the snapshot store; each names the store (password hidden) and the snapshot.

Example
-------
>>> error = SnapshotNotFoundError("no snapshot with id 7", url="sqlite:///years.db")
>>> print(error)
store sqlite:///years.db: no snapshot with id 7
>>> isinstance(error, LookupError)
True
"""

from __future__ import annotations

from samenwerking.errors import InvalidArgumentError, SamenwerkingError, SourceNotFoundError

__all__ = [
    "NotAStoreError",
    "SnapshotExistsError",
    "SnapshotNotFoundError",
    "StoreArgumentError",
    "StoreBusyError",
    "StoreError",
    "StoreNotFoundError",
    "StoreVersionError",
]


class StoreError(SamenwerkingError):
    """Something went wrong with a snapshot store.

    ``url`` is the store's URL with any password replaced by ``***``; the message starts
    with it.
    """

    def __init__(self, message: str, *, url: str = "") -> None:
        self.url = url
        self.reason = message
        super().__init__(f"store {url}: {message}" if url else message)


class StoreNotFoundError(StoreError, SourceNotFoundError):
    """The store to open does not exist (and was not to be created)."""


class NotAStoreError(StoreError, ValueError):
    """The file or database is not a samenwerking store."""


class StoreVersionError(StoreError, ValueError):
    """The store was made by a newer samenwerking, whose schema this release does not know."""


class StoreBusyError(StoreError, TimeoutError):
    """Another writer held the store for longer than the time allowed to wait."""


class SnapshotNotFoundError(StoreError, LookupError):
    """No snapshot has the id or date asked for."""


class SnapshotExistsError(StoreError, ValueError):
    """A snapshot as of that date is already stored; nothing is overwritten."""


class StoreArgumentError(StoreError, InvalidArgumentError):
    """A store function was called with an argument it cannot use (a bad URL, date or period)."""
