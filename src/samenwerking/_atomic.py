"""Write files atomically: to a temporary file beside the target, then rename it into place.

Either the whole new file is there afterwards or, on any failure, the old one (if any) is
left as it was and no temporary file remains.

Example
-------
>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
>>> write_text_atomically(target, "x\\n").read_text()
'x\\n'
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["replace_folder_atomically", "write_atomically", "write_text_atomically"]


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
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
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
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        if existed:
            shutil.copymode(target, staging)
        else:
            staging.chmod(0o755)
        fill(staging)
        if not existed:
            staging.replace(target)
            return target
        retired = Path(
            tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old")
        )
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
