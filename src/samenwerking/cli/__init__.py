"""The ``samenwerking`` command: report, check, convert, publish case tables, plan tables.

The command only wires library functions together. Results go to standard output,
progress and errors to standard error. Exit codes: 0 success, 1 a problem with the
data or files, 2 a problem with the command line.

Example
-------
>>> main(["--version"])  # doctest: +ELLIPSIS
samenwerking ...
0
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

from samenwerking.cli._parser import build_parser

__all__ = ["main"]


@contextlib.contextmanager
def _warnings_as_lines() -> Iterator[None]:
    """Show samenwerking's warnings as one ``samenwerking: warning: ...`` line each."""
    from samenwerking.errors import SamenwerkingWarning

    shown = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
        if issubclass(category, SamenwerkingWarning):
            print(f"samenwerking: warning: {message}", file=sys.stderr)
        else:
            shown(message, category, *args, **kwargs)

    with warnings.catch_warnings():
        warnings.simplefilter("default", SamenwerkingWarning)  # shown, never an error
        warnings.showwarning = show
        yield


def main(argv: Sequence[str] | None = None) -> int:
    """Run the samenwerking command and return its exit code.

    Parameters
    ----------
    argv
        The arguments without the program name; by default ``sys.argv[1:]``.

    Returns
    -------
    int
        0 on success, 1 when the data or files have a problem, 2 for bad arguments.

    Example
    -------
    >>> main(["check"])  # SOURCE is missing: argparse explains on stderr
    2
    """
    from samenwerking.errors import SamenwerkingError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    try:
        with _warnings_as_lines():
            code: int = args.run(args)
    except SamenwerkingError as error:
        print(f"samenwerking: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"samenwerking: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("samenwerking: interrupted", file=sys.stderr)
        return 130
    return code
