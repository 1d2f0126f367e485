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

import sys
from collections.abc import Sequence

from samenwerking.cli._parser import build_parser

__all__ = ["main"]


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
