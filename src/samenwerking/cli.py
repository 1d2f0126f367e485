"""The ``samenwerking`` command: report on, check, convert, show examples, list plugins.

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

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from samenwerking.progress import Progress, TerminalProgress

if TYPE_CHECKING:
    from samenwerking.plugins import Plugins

__all__ = ["main"]


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class _ReportProgress:
    """Tells the user on stderr which report section is computed, with a bar per long step."""

    def section(self, label: str) -> None:
        _progress(f"Computing {label} ...")

    def step(self, label: str) -> Progress:
        return TerminalProgress(f"  {label}")


def _plugins() -> Plugins:
    """One plugin manager for the whole command, so every step sees the same plugins."""
    from samenwerking.plugins import plugins

    return plugins()


def _cmd_report(args: argparse.Namespace) -> int:
    from samenwerking import example_region, load
    from samenwerking.report import DEFAULT_SECTIONS, build_report, summary_text, write_report

    installed = _plugins()
    today = args.today
    if args.source is None:
        _progress("Using the bundled example region (Lindenhoeve).")
        region = example_region()
        if today is None:
            from samenwerking.example import REFERENCE_DATE

            today = REFERENCE_DATE  # the example is written as of this day
    else:
        _progress(f"Reading {args.source} ...")
        region = load(args.source, plugins=installed)
    before = None
    if args.before is not None:
        _progress(f"Reading the earlier snapshot {args.before} ...")
        before = load(args.before, plugins=installed)
    sections = (*DEFAULT_SECTIONS, *installed.report_sections())
    report = build_report(
        region, sections=sections, before=before, progress=_ReportProgress(), today=today
    )
    md_path, html_path = write_report(report, args.out)
    print(summary_text(report))
    print(f"Wrote {md_path} and {html_path}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from samenwerking import InvalidRegionError, load

    try:
        region = load(args.source, plugins=_plugins())
    except InvalidRegionError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        _progress(f"{args.source}: {count} problem{'s' if count != 1 else ''} found")
        return 1
    print(
        f"valid: {region.name} in {args.source} has {len(region.organisations)} organisations, "
        f"{len(region.professionals)} professionals, {len(region.ties)} ties and "
        f"{len(region.cases)} cases"
    )
    return 0


def _cmd_convert(args: argparse.Namespace) -> int:
    from samenwerking import load, save

    installed = _plugins()
    _progress(f"Reading {args.source} ...")
    region = load(args.source, plugins=installed)
    written = save(region, args.target, format=args.format, plugins=installed)
    print(f"Wrote {written}")
    return 0


def _cmd_plugins(args: argparse.Namespace) -> int:
    from samenwerking.plugins import BLOCK_ENV

    installed = _plugins()
    for info in installed.describe():
        if info.builtin:
            origin = "built-in"
        elif info.distribution is not None:
            origin = f"from {info.distribution}"
        else:
            origin = "registered directly"
        print(f"{info.name} ({origin})")
        for item in info.provides:
            described = f": {item.description}" if item.description else ""
            print(f"  {item.kind} {item.name}{described}")
        if not info.provides:
            print("  (provides nothing)")
    print(f"Block a plugin with {BLOCK_ENV}=name[,name...]")
    return 0


def _cmd_example(args: argparse.Namespace) -> int:
    from samenwerking import example_region, save

    written = save(example_region(), args.dir, format="csv")
    print(f"Wrote the example region Lindenhoeve as CSV files to {written}")
    return 0


def _date(text: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` argument; argparse reports the error on failure."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    from samenwerking import __version__

    parser = argparse.ArgumentParser(
        prog="samenwerking",
        description="Measure collaboration between schools, municipalities and youth care "
        "around children as a network.",
    )
    parser.add_argument("--version", action="version", version=f"samenwerking {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    report = commands.add_parser(
        "report",
        help="print a summary and write report.md and report.html",
        description="Print a short summary and write DIR/report.md and a self-contained "
        "DIR/report.html: islands, counts per sector, brokers and weak points, ties across "
        "sectors, cohesion, trust and value, reach, bus factor, a picture of the network and, "
        "with --before, what changed since an earlier snapshot.",
    )
    report.add_argument(
        "source",
        nargs="?",
        metavar="SOURCE",
        help="a region JSON file or CSV folder (default: the bundled example region)",
    )
    report.add_argument(
        "--out", type=Path, default=Path("report"), metavar="DIR", help="default: report"
    )
    report.add_argument(
        "--before",
        metavar="OLD_SOURCE",
        help="an earlier snapshot of the region (JSON file or CSV folder): adds what changed",
    )
    report.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="reference date for steps past due, expired agreements and stranded cases "
        "(default: the current date; for the bundled example, the day it describes)",
    )
    report.set_defaults(run=_cmd_report)

    check = commands.add_parser(
        "check",
        help="check a region and list every problem",
        description="Exit 0 if SOURCE is a valid region; otherwise print every problem, one "
        "per line, with file, row or path, field and value, and exit 1.",
    )
    # Sources stay text: an adapter may take a "scheme:..." source that is no path at all.
    check.add_argument("source", metavar="SOURCE")
    check.set_defaults(run=_cmd_check)

    convert = commands.add_parser(
        "convert",
        help="convert between formats (JSON, CSV folder, GraphML, GEXF, plugin formats)",
        description="Read SOURCE and write it to TARGET: a path ending in .json becomes a "
        "JSON file, .graphml or .gexf the collaboration graph, any other path a folder of "
        "CSV files; installed plugins may add formats (see 'samenwerking plugins').",
    )
    convert.add_argument("source", metavar="SOURCE")
    convert.add_argument("target", type=Path, metavar="TARGET")
    convert.add_argument(
        "--format", metavar="NAME", help="the exporter to use (default: chosen by TARGET)"
    )
    convert.set_defaults(run=_cmd_convert)

    listing = commands.add_parser(
        "plugins",
        help="list the installed plugins and what each provides",
        description="List every registered plugin (built-in, or the distribution and version "
        "it was installed from) with the adapters, exporters, label mappings, checks and "
        "report sections it provides.",
    )
    listing.set_defaults(run=_cmd_plugins)

    example = commands.add_parser(
        "example",
        help="write the bundled example region as a CSV folder",
        description="Write the fictional example region Lindenhoeve to DIR as CSV files, "
        "to show the format.",
    )
    example.add_argument("dir", type=Path, metavar="DIR")
    example.set_defaults(run=_cmd_example)
    return parser


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

    parser = _parser()
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
