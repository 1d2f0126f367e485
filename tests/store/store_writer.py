"""A second process that adds a snapshot, for the crash and concurrency tests.

``python store_writer.py URL AS_OF PEOPLE MODE TIMEOUT`` adds ``small_region(PEOPLE)`` as of
``AS_OF`` and prints ``READY`` when the store is open and the adding starts. With MODE
``pause`` it stops inside the transaction, after every row is written and before the
commit: it prints ``MID`` and waits for a line on stdin. With MODE ``spill`` it also makes
SQLite write the uncommitted pages into the file (a tiny page cache), as a big transaction
would. It prints ``DONE <id>`` when committed, or ``BUSY <message>`` (exit 3) when another
writer held the store too long.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any


def main(url: str, as_of: str, people: str, mode: str, timeout: str) -> int:
    from sqlalchemy import event
    from store_helpers import small_region

    from samenwerking.store import StoreBusyError, open_store
    from samenwerking.store.store import Store

    original = Store._write_members

    def paused(self: Store, conn: Any, snapshot_id: int, pieces: Any) -> None:
        original(self, conn, snapshot_id, pieces)
        print("MID", flush=True)
        sys.stdin.readline()

    if mode in ("pause", "spill"):
        Store._write_members = paused  # type: ignore[method-assign]
    region = small_region(int(people))
    store = open_store(url, timeout=float(timeout))
    if mode == "spill" and store._db.sqlite:

        @event.listens_for(store._db.engine, "connect")
        def _tiny_cache(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA cache_size = 2")

    print("READY", flush=True)
    try:
        info = store.add(region, as_of=dt.date.fromisoformat(as_of))
    except StoreBusyError as error:
        print(f"BUSY {error}", flush=True)
        return 3
    finally:
        store.close()
    print(f"DONE {info.id}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
