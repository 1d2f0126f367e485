"""Adding is one transaction: a failure or a killed writer leaves the store as it was, and a
second writer waits for the first or fails cleanly."""

from __future__ import annotations

import datetime as dt
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_helpers import small_region

from samenwerking.store import StoreBusyError, open_store
from samenwerking.store.store import Store
from samenwerking.store.urls import sqlite_path
from samenwerking.store.urls import store_url as to_url

WRITER = Path(__file__).with_name("store_writer.py")
BASE = dt.date(2024, 1, 1)


def _writer(
    url: str, as_of: str, people: int, mode: str, timeout: float = 30
) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(WRITER.parent), *sys.path]))
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, as_of, str(people), mode, str(timeout)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _line(process: subprocess.Popen[str], seconds: float = 120) -> str:
    """The process's next line on stdout, failing the test if none comes in time."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    if not ready:
        process.kill()
        pytest.fail(f"no output from the writer within {seconds} s")
    line = process.stdout.readline().strip()
    if not line:
        _, err = process.communicate()
        pytest.fail(f"the writer stopped: {err}")
    return line


def _baseline(url: str) -> None:
    with open_store(url) as store:
        store.add(small_region(5), as_of=BASE, note="baseline")


def _state(url: str) -> tuple[object, ...]:
    with open_store(url) as store:
        return (store.snapshots(), store.storage(), store.load(BASE))


def test_a_failure_mid_write_leaves_the_store_as_it_was(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _baseline(store_url)
    before = _state(store_url)
    original = Store._write_members

    def crash(self: Store, *args: object) -> None:
        original(self, *args)  # type: ignore[arg-type]
        raise RuntimeError("disk full (simulated)")

    monkeypatch.setattr(Store, "_write_members", crash)
    with open_store(store_url) as store, pytest.raises(RuntimeError, match="simulated"):
        store.add(small_region(40), as_of=dt.date(2025, 1, 1))
    assert _state(store_url) == before


def test_a_writer_killed_mid_transaction_leaves_the_store_as_it_was(store_url: str) -> None:
    _baseline(store_url)
    before = _state(store_url)
    writer = _writer(store_url, "2025-01-01", 3000, "spill")
    assert [_line(writer), _line(writer)] == ["READY", "MID"]
    path = sqlite_path(to_url(store_url))
    if path is not None:
        # The uncommitted pages are in the file already; the journal holds the old ones.
        assert Path(f"{path}-journal").stat().st_size > 0
    os.kill(writer.pid, signal.SIGKILL)
    writer.communicate()
    assert writer.returncode == -signal.SIGKILL
    assert _state(store_url) == before
    with open_store(store_url) as store:  # and the store takes the next writer
        info = store.add(small_region(7), as_of=dt.date(2025, 1, 1))
        assert store.load(info.id) == small_region(7)


def test_a_second_writer_fails_cleanly_while_the_first_holds_the_store(store_url: str) -> None:
    _baseline(store_url)
    before = _state(store_url)
    first = _writer(store_url, "2025-01-01", 30, "pause")
    try:
        assert [_line(first), _line(first)] == ["READY", "MID"]
        # Readers see the store as it was, without the half-written snapshot.
        assert _state(store_url) == before
        started = time.monotonic()
        with open_store(store_url, timeout=1) as store, pytest.raises(StoreBusyError) as caught:
            store.add(small_region(8), as_of=dt.date(2026, 1, 1))
        assert time.monotonic() - started >= 0.9
        assert str(caught.value).startswith(f"store {store.url}: adding the snapshot as of 2026")
        assert "another writer is using the store; waited 1 s" in str(caught.value)
        assert first.stdin is not None
        first.stdin.write("go on\n")
        first.stdin.flush()
        assert _line(first).startswith("DONE ")
    finally:
        first.kill()
        first.communicate()
    with open_store(store_url) as store:
        assert [s.as_of for s in store.snapshots()] == [BASE, dt.date(2025, 1, 1)]
        assert store.load(dt.date(2025, 1, 1)) == small_region(30)


def test_a_second_writer_waits_for_the_first_and_nothing_is_mixed(store_url: str) -> None:
    _baseline(store_url)
    first = _writer(store_url, "2025-01-01", 30, "pause")
    second = None
    try:
        assert [_line(first), _line(first)] == ["READY", "MID"]
        second = _writer(store_url, "2026-01-01", 12, "plain", timeout=60)
        assert _line(second) == "READY"
        time.sleep(1.5)
        assert second.poll() is None  # adding, but waiting for the lock
        assert first.stdin is not None
        first.stdin.write("go on\n")
        first.stdin.flush()
        assert _line(first).startswith("DONE ")
        assert _line(second).startswith("DONE ")
    finally:
        for process in (first, second):
            if process is not None:
                process.kill()
                process.communicate()
    with open_store(store_url) as store:
        assert [s.as_of for s in store.snapshots()] == [
            BASE,
            dt.date(2025, 1, 1),
            dt.date(2026, 1, 1),
        ]
        assert store.load(dt.date(2025, 1, 1)) == small_region(30)
        assert store.load(dt.date(2026, 1, 1)) == small_region(12)
        assert store.load(BASE) == small_region(5)


def test_two_processes_creating_the_same_new_store_at_once_both_succeed(store_url: str) -> None:
    # Neither has made the schema yet: whichever takes the lock first creates it, the other
    # finds it made and only adds its snapshot.
    writers = [_writer(store_url, f"202{i}-01-01", 4 + i, "plain") for i in (5, 6)]
    try:
        for writer in writers:
            assert _line(writer) == "READY"
            assert _line(writer).startswith("DONE ")
    finally:
        for writer in writers:
            writer.kill()
            writer.communicate()
    with open_store(store_url) as store:
        assert [s.as_of for s in store.snapshots()] == [dt.date(2025, 1, 1), dt.date(2026, 1, 1)]
        assert store.load(dt.date(2026, 1, 1)) == small_region(10)
