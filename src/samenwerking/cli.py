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

import argparse
import csv
import datetime as dt
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from samenwerking.privacy import DEFAULT_THRESHOLD, published_count
from samenwerking.progress import Progress, TerminalProgress

if TYPE_CHECKING:
    from samenwerking.model import Meeting, Region
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


def _region_and_day(
    source: str | None, today: dt.date | None, installed: Plugins
) -> tuple[Region, dt.date | None]:
    """The region to work on (the bundled example without a source) and its reference day."""
    from samenwerking import example_region, load

    if source is None:
        from samenwerking.example import REFERENCE_DATE

        _progress("Using the bundled example region (Lindenhoeve).")
        # The example is written as of its reference date.
        return example_region(), REFERENCE_DATE if today is None else today
    _progress(f"Reading {source} ...")
    return load(source, plugins=installed), today


def _cmd_report(args: argparse.Namespace) -> int:
    from samenwerking import load
    from samenwerking.report import DEFAULT_SECTIONS, build_report, summary_text, write_report

    installed = _plugins()
    region, today = _region_and_day(args.source, args.today, installed)
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


def _cmd_cases(args: argparse.Namespace) -> int:
    from samenwerking.cases import write_aggregates

    region, today = _region_and_day(args.source, args.today, _plugins())
    written = write_aggregates(
        region,
        args.out,
        threshold=args.threshold,
        today=today,
        stranded_weeks=args.stranded_weeks,
    )
    for path in written:
        print(path)
    cases = published_count(len(region.cases), threshold=args.threshold)
    _progress(
        f"Wrote {len(written)} tables of {cases} cases to {args.out}; "
        f"counts below {args.threshold} are suppressed (x)."
    )
    return 0


_GOALS = ("connect", "robust", "reach")


def _cmd_introduce(args: argparse.Namespace) -> int:
    from samenwerking import introduce

    installed = _plugins()
    region, _today = _region_and_day(args.source, None, installed)
    model = introduce.CostModel(cap=args.cap)
    goals = _GOALS if args.goal == "all" else (args.goal,)
    planned: list[introduce.Introduction] = []
    found = []
    for goal in goals:
        if goal == "connect":
            result = introduce.connect_islands(region, cost=model, planned=planned)
        elif goal == "robust":
            result = introduce.make_links_robust(
                region, k=args.k, by=args.by, cost=model, planned=planned
            )
        else:
            result = introduce.expertise_within_reach(
                region, steps=args.steps, cost=model, planned=planned
            )
        found.append(result)
        planned.extend(result)
    names = {str(p.id): _person(region, p.id) for p in region.professionals}
    rows = []
    for result in found:
        print(f"{result.purpose}: {len(result)} introduction(s) ({result.quality})")
        if not result.complete:
            print(f"  goal not reached: {result.note}")
        for item in result:
            print(f"  {names[item.a]}  <->  {names[item.b]}\n      {item.reason}")
            rows.append((result.purpose, item.a, item.b, item.cost, item.reason, item.joins))
    after = introduce.apply_introductions(region, planned)
    print()
    # Measure what was aimed at: the links by --by, the reach within --steps.
    print(introduce.improvement(region, after, steps=args.steps, by=args.by))
    if args.csv is not None:
        from samenwerking._atomic import write_text_atomically

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(("purpose", "a", "b", "cost", "reason", "joins"))
        writer.writerows(rows)
        write_text_atomically(args.csv, buffer.getvalue())
        print(f"Wrote {args.csv}")
    if args.apply is not None:
        from samenwerking import save

        print(f"Wrote {save(after, args.apply, plugins=installed)}")
    return 0


def _person(region: Region, professional_id: str) -> str:
    person = region.professional(professional_id)
    return f"{person.name} ({region.organisation(person.organisation).name})"


def _read_invitees(path: Path) -> list[str]:
    """Professional ids from a file: one per line, or a CSV whose first column holds them.

    Blank lines, ``#`` comments and a header line ``id`` or ``professional`` are skipped.
    """
    invitees = []
    with path.open(encoding="utf-8-sig", newline="") as stream:
        for row in csv.reader(stream):
            first = row[0].strip() if row else ""
            if not first or first.startswith("#") or first in {"id", "professional"}:
                continue
            invitees.append(first)
    return invitees


def _cmd_plan_tables(args: argparse.Namespace) -> int:
    from samenwerking.planner import plan_tables, select_invitees

    region, _today = _region_and_day(args.source, None, _plugins())
    if args.meeting is not None:
        invitees = [str(p) for p in _meeting(region, args.meeting).participants]
    else:
        invitees = _read_invitees(args.invitees)
    if args.trim:
        selection = select_invitees(
            region, invitees, max_per_organisation=args.max_per_organisation
        )
        invitees = list(selection.invited)
        if selection.left_out:
            _progress(
                f"Left out {len(selection.left_out)} invitee(s) over the limit of "
                f"{args.max_per_organisation} per organisation: " + ", ".join(selection.left_out)
            )
    plan = plan_tables(
        region,
        invitees,
        tables=args.tables,
        rounds=args.rounds,
        max_per_organisation=args.max_per_organisation,
        seed=args.seed,
        progress=TerminalProgress("planning"),
    )
    if args.csv is not None:
        from samenwerking._atomic import write_text_atomically

        write_text_atomically(args.csv, plan.to_csv())
        print(plan.summary())
        print(f"Wrote {args.csv}")
    else:
        print(plan.to_text())
    return 0


def _meeting(region: Region, meeting_id: str) -> Meeting:
    from samenwerking.errors import UnknownIdError

    for meeting in region.meetings:
        if meeting.id == meeting_id:
            return meeting
    raise UnknownIdError("meeting", meeting_id, [m.id for m in region.meetings])


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


def _optional_source(command: argparse.ArgumentParser) -> None:
    """The SOURCE argument of commands that default to the bundled example region."""
    command.add_argument(
        "source",
        nargs="?",
        metavar="SOURCE",
        help="a region JSON file or CSV folder (default: the bundled example region)",
    )


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
        "sectors, cohesion, trust and value, reach, bus factor, the LEA table, working groups, "
        "agendas, agreements, meetings, cases (small counts suppressed), the team around a "
        "child, suggested introductions with before/after figures, a picture of the network "
        "and, with --before, what changed since an earlier snapshot.",
    )
    _optional_source(report)
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

    cases = commands.add_parser(
        "cases",
        help="write the published case tables (small counts suppressed) as CSV files",
        description="Count the cases of SOURCE per municipality, school board, SWV, support "
        "level, status and check, and write each table to DIR as a CSV file. Counts below "
        "the threshold, and the counts that would give them away through the totals, are "
        "written as x. No case id is written.",
    )
    _optional_source(cases)
    cases.add_argument(
        "--out", type=Path, default=Path("cases"), metavar="DIR", help="default: cases"
    )
    cases.add_argument(
        "--threshold",
        type=int,
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help=f"suppress counts below N (default {DEFAULT_THRESHOLD}, at least 3)",
    )
    cases.add_argument(
        "--stranded-weeks",
        type=int,
        default=6,
        metavar="N",
        help="an open case without any event for N weeks is stranded (default 6)",
    )
    cases.add_argument(
        "--today", type=_date, metavar="YYYY-MM-DD", help="reference date (default: today)"
    )
    cases.set_defaults(run=_cmd_cases)

    intro = commands.add_parser(
        "introduce",
        help="suggest whom to introduce to whom, with the reason for each",
        description="Suggest the fewest introductions that connect the islands (connect), "
        "give every pair of domains at least K people who carry their link (robust), and "
        "give every school a youth-care or youth-health contact within STEPS steps (reach); "
        "with --goal all, each on top of the ones before, at most CAP per person in total. "
        "Prints the introductions with their reasons and the figures before and after.",
    )
    _optional_source(intro)
    intro.add_argument(
        "--goal", choices=(*_GOALS, "all"), default="all", help="what to achieve (default: all)"
    )
    intro.add_argument("--k", type=int, default=2, metavar="K", help="people per link (default 2)")
    intro.add_argument(
        "--by", choices=("domain", "sector"), default="domain", help="groups for --goal robust"
    )
    intro.add_argument(
        "--steps", type=int, default=2, metavar="N", help="reach within N steps (default 2)"
    )
    intro.add_argument(
        "--cap", type=int, default=2, metavar="N", help="at most N introductions per person"
    )
    intro.add_argument("--csv", type=Path, metavar="FILE", help="also write them as CSV to FILE")
    intro.add_argument(
        "--apply",
        type=Path,
        metavar="TARGET",
        help="write a copy of the region with the introductions as ties (JSON file or CSV folder)",
    )
    intro.set_defaults(run=_cmd_introduce)

    plan = commands.add_parser(
        "plan-tables",
        help="seat the invitees of a sociaal cafe or conference so that new people meet",
        description="Assign the invitees to tables (or workshops) for every round so that "
        "as many people as possible meet someone from another domain they did not know yet, "
        "and nobody sits with the same person twice. Prints the plan with its score, the "
        "score of random plans and an upper bound, or writes it as CSV.",
    )
    _optional_source(plan)
    who = plan.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--invitees",
        type=Path,
        metavar="FILE",
        help="a file with one professional id per line (or a CSV with ids in its first column)",
    )
    who.add_argument("--meeting", metavar="ID", help="invite the participants of this meeting")
    plan.add_argument("--tables", type=int, required=True, metavar="N", help="tables per round")
    plan.add_argument("--rounds", type=int, required=True, metavar="N", help="number of rounds")
    plan.add_argument(
        "--max-per-organisation",
        type=int,
        default=4,
        metavar="N",
        help="at most N invitees from one organisation (default 4)",
    )
    plan.add_argument(
        "--trim",
        action="store_true",
        help="leave out invitees over the per-organisation limit instead of stopping",
    )
    plan.add_argument("--seed", type=int, default=0, metavar="N", help="default: 0")
    plan.add_argument("--csv", type=Path, metavar="FILE", help="write the plan as CSV to FILE")
    plan.set_defaults(run=_cmd_plan_tables)

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
