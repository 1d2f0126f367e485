"""Writes survive SIGKILL: the target is the complete old or the complete new content.

A child process overwrites one target again and again, alternating between two regions,
through ``samenwerking.save`` or ``samenwerking convert --force``; the test kills it with
SIGKILL at a random moment, then checks that the target holds exactly what one of the
writes produced, and that what the killed writer left beside it is only its own named
temporary files, which the next write removes. ``SAMENWERKING_KILL_TRIALS`` sets the
kills per case (default 3).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import samenwerking as sw
from samenwerking._atomic import clean_leftovers

TRIALS = int(os.environ.get("SAMENWERKING_KILL_TRIALS", "3"))

CHILD = """
import itertools, sys
import samenwerking as sw
from samenwerking.cli import main
mode, target, *sources = sys.argv[1:]
regions = [sw.load(s) for s in sources]
print("ready", flush=True)
for i in itertools.count():
    if mode == "save":
        sw.save(regions[i % 2], target)
    else:
        assert main(["convert", sources[i % 2], target, "--force"]) == 0
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def snapshot(path: Path) -> dict[str, bytes]:
    """Every file of a target (one file, or a folder's files) by relative name.

    A workbook is compared member by member, without ``docProps/core.xml``: it records
    the second it was written, so two complete writes of one region differ only there.
    """
    if path.is_file() and path.suffix == ".xlsx":
        try:
            with zipfile.ZipFile(path) as book:
                return {
                    name: book.read(name) for name in book.namelist() if name != "docProps/core.xml"
                }
        except zipfile.BadZipFile:
            return {"": path.read_bytes()}  # a torn workbook matches no complete write
    if path.is_file():
        return {"": path.read_bytes()}
    return {
        str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("sources")
    old = sw.save(sw.example_region(), root / "old.json")
    new = sw.save(sw.synthetic.region(professionals=1000, seed=4), root / "new.json")
    return old, new


@pytest.mark.parametrize(
    ("mode", "suffix"),
    [("save", ".json"), ("save", ""), ("convert", ""), ("convert", ".xlsx")],
    ids=["save-json", "save-csv-folder", "convert-csv-folder", "convert-xlsx"],
)
def test_sigkill_leaves_old_or_new_and_no_temporary_files(
    sources: tuple[Path, Path], tmp_path: Path, mode: str, suffix: str
) -> None:
    old, new = sources
    rng = random.Random(f"{mode}{suffix}")
    for trial in range(TRIALS):
        place = tmp_path / f"trial{trial}"
        place.mkdir()
        target = place / f"region{suffix}"
        expected = []
        for source in (new, old):  # the two contents a complete write can leave
            sw.save(sw.load(source), target)
            expected.append(snapshot(target))
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, mode, str(target), str(new), str(old)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        time.sleep(rng.uniform(0.05, 1.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()
        assert snapshot(target) in expected, f"trial {trial}: neither the old nor the new content"
        left = {p.name for p in place.iterdir()} - {target.name}
        prefix = f".{target.name}.{child.pid}."
        assert all(name.startswith(prefix) for name in left), left  # only the killed writer's
        clean_leftovers(target)
        assert [p.name for p in place.iterdir()] == [target.name]
        assert snapshot(target) in expected


def test_the_next_write_removes_a_killed_writers_leftovers(tmp_path: Path) -> None:
    target = sw.save(sw.Region("A"), tmp_path / "r")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int(dead.stdout)
    half = tmp_path / f".r.{pid}.abc123.tmp"
    half.mkdir()
    (half / "organisations.csv").write_text("id,na")
    stray = tmp_path / f".r.json.{pid}.xyz.tmp"
    stray.write_text("{")
    mine = tmp_path / f".r.{os.getpid()}.live.tmp"  # a live writer's: kept
    mine.mkdir()
    sw.save(sw.Region("B"), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["r", stray.name, mine.name])
    sw.save(sw.Region("B"), tmp_path / "r.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["r", "r.json", mine.name])


def test_an_old_folder_caught_between_two_renames_is_put_back(tmp_path: Path) -> None:
    """Where there is no atomic exchange, a kill between the renames leaves only ``.old``."""
    target = sw.save(sw.Region("Oud"), tmp_path / "r")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    retired = tmp_path / f".r.{int(dead.stdout)}.k7.old"
    target.replace(retired)
    assert [p.name for p in clean_leftovers(target)] == [retired.name]
    assert sw.load(target).name == "Oud"
