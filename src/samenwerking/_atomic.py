"""Write files atomically: to a temporary file beside the target, then rename it into place.

Either the whole new file is there afterwards or, on any failure, the old one (if any) is
left as it was and no temporary file remains. That holds even when the writing process is
killed (``SIGKILL``, a power cut aside): a rename is atomic, a folder is swapped in with
one atomic exchange where the system has one (Linux ``renameat2``), and a temporary file
or folder is named after the process that made it (``.<target>.<pid>.<random>.tmp``), so
that the next write to the same target removes what a killed writer left behind (and
puts back an old folder caught between two renames where there is no exchange).

Example
-------
>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
>>> write_text_atomically(target, "x\\n").read_text()
'x\\n'
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "clean_leftovers",
    "replace_folder_atomically",
    "write_atomically",
    "write_text_atomically",
]

_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


def _prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def clean_leftovers(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files and folders that killed writers of ``path`` left behind.

    Only entries named ``.<name>.<pid>.<random>.tmp`` or ``.old`` whose process is gone are
    touched. If ``path`` itself is missing because a writer was killed between moving the
    old folder away and the new one in (only where there is no atomic exchange), the old
    folder is put back. Returns what was removed or restored.

    Example
    -------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".a.json.999999999.x1.tmp").write_text("half")
    >>> [p.name for p in clean_leftovers(folder / "a.json")]
    ['.a.json.999999999.x1.tmp']
    """
    target = Path(path)
    pattern = re.compile(re.escape(f".{target.name}.") + r"(\d+)\.[^.]+\.(tmp|old)\Z")
    done: list[Path] = []
    try:
        entries = sorted(target.parent.iterdir())
    except OSError:
        return done
    for entry in entries:
        found = pattern.match(entry.name)
        if found is None or _alive(int(found.group(1))):
            continue
        if found.group(2) == "old" and not target.exists() and entry.is_dir():
            entry.replace(target)  # killed between two renames: the old folder comes back
        elif entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        done.append(entry)
    return done


def write_atomically(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Let ``write`` fill a temporary file beside ``path``, then move it into place.

    The folder is created if needed. An existing file's permissions are kept; a new file
    gets ``0o644``.

    Example
    -------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "b.txt"
    >>> write_atomically(target, lambda p: p.write_text("hello")).read_text()
    'hello'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(target)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=_prefix(target), suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        if target.is_file():
            shutil.copymode(target, temporary)
        else:
            temporary.chmod(0o644)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8, line endings as given) to ``path`` atomically."""

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())

    return write_atomically(path, write)


def replace_folder_atomically(
    path: str | os.PathLike[str], fill: Callable[[Path], None], *, marker: str, kind: str
) -> Path:
    """Let ``fill`` write a temporary sibling folder, then put it in the place of ``path``.

    An existing folder is replaced only if it is empty or holds the file ``marker`` (so
    that it looks like a folder of this ``kind``); otherwise, or if ``path`` is a file,
    this raises :class:`~samenwerking.errors.UnsupportedSourceError` and touches nothing.
    On any failure the old folder (if any) is left as it was and no temporary one remains.

    Example
    -------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> done = replace_folder_atomically(
    ...     target, lambda p: (p / "a.txt").write_text("x"), marker="a.txt", kind="test")
    >>> sorted(p.name for p in done.iterdir())
    ['a.txt']
    """
    from samenwerking.errors import UnsupportedSourceError

    target = Path(path)
    clean_leftovers(target)
    existed = target.exists()
    if existed:
        if not target.is_dir():
            raise UnsupportedSourceError(
                f"{target} exists and is not a folder; cannot write {kind}"
            )
        if any(target.iterdir()) and not (target / marker).is_file():
            raise UnsupportedSourceError(
                f"{target} is a non-empty folder without {marker}, so it does not look like a "
                f"samenwerking {kind}; refusing to overwrite it (choose another path)"
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=_prefix(target), suffix=".tmp"))
    try:
        if existed:
            shutil.copymode(target, staging)
        else:
            staging.chmod(0o755)
        fill(staging)
        if not existed:
            staging.replace(target)
            return target
        if _exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)  # it now holds the old folder
            return target
        retired = Path(tempfile.mkdtemp(dir=target.parent, prefix=_prefix(target), suffix=".old"))
        target.replace(retired)
        try:
            staging.replace(target)
        except BaseException:
            retired.replace(target)
            raise
        shutil.rmtree(retired, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2``); False where not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    with contextlib.suppress(Exception):
        done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
        return bool(done == 0)
    return False
