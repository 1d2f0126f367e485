"""The command line's arguments: one subcommand per job."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from samenwerking.cli._action_commands import (
    GOALS,
    cmd_cases,
    cmd_introduce,
    cmd_plan_tables,
    cmd_team,
)
from samenwerking.cli._history_commands import add_db_option, add_history_command
from samenwerking.cli._region_commands import (
    cmd_check,
    cmd_convert,
    cmd_example,
    cmd_plugins,
    cmd_report,
)
from samenwerking.cli._store_commands import add_store_command
from samenwerking.privacy import DEFAULT_THRESHOLD
from samenwerking.report.i18n import LANGUAGES

__all__ = ["build_parser", "iso_date"]


def iso_date(text: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` argument; argparse reports the error on failure."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def optional_source(command: argparse.ArgumentParser) -> None:
    """The SOURCE argument of commands that default to the bundled example region."""
    command.add_argument(
        "source",
        nargs="?",
        metavar="SOURCE",
        help="a region JSON file or CSV folder (default: the bundled example region)",
    )


def build_parser() -> argparse.ArgumentParser:
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
        "and, with --before, what changed since an earlier snapshot; with --db, the latest "
        "snapshot of a store, what changed since the one before and the trends over all.",
    )
    optional_source(report)
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
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="reference date for steps past due, expired agreements and stranded cases "
        "(default: the current date; for the bundled example, the day it describes)",
    )
    report.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="the language of report.md, report.html and the summary: en (default) or nl (Dutch)",
    )
    add_db_option(report)
    report.set_defaults(run=cmd_report)

    check = commands.add_parser(
        "check",
        help="check a region and list every problem",
        description="Exit 0 if SOURCE is a valid region; otherwise print every problem, one "
        "per line, with file, row or path, field and value, and exit 1.",
    )
    # Sources stay text: an adapter may take a "scheme:..." source that is no path at all.
    check.add_argument("source", metavar="SOURCE")
    check.set_defaults(run=cmd_check)

    convert = commands.add_parser(
        "convert",
        help="convert between formats (JSON, CSV or Parquet folder, Excel, GraphML, GEXF, ...)",
        description="Read SOURCE and write it to TARGET: a path ending in .json becomes a "
        "JSON file, .parquet a folder of Parquet files, .xlsx an Excel workbook, .graphml or "
        ".gexf the collaboration graph, any other path a folder of CSV files; installed "
        "plugins may add formats (see 'samenwerking plugins').",
    )
    convert.add_argument("source", metavar="SOURCE")
    convert.add_argument("target", type=Path, metavar="TARGET")
    convert.add_argument(
        "--format", metavar="NAME", help="the exporter to use (default: chosen by TARGET)"
    )
    convert.add_argument(
        "--force",
        action="store_true",
        help="replace TARGET if it exists (without it, an existing TARGET is an error)",
    )
    convert.set_defaults(run=cmd_convert)

    cases = commands.add_parser(
        "cases",
        help="write the published case tables (small counts suppressed) as CSV files",
        description="Count the cases of SOURCE per municipality, school board, SWV, support "
        "level, status and check, and write each table to DIR as a CSV file. Counts below "
        "the threshold, and the counts that would give them away through the totals, are "
        "written as x. No case id is written.",
    )
    optional_source(cases)
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
        "--today", type=iso_date, metavar="YYYY-MM-DD", help="reference date (default: today)"
    )
    cases.set_defaults(run=cmd_cases)

    intro = commands.add_parser(
        "introduce",
        help="suggest whom to introduce to whom, with the reason for each",
        description="Suggest the fewest introductions that connect the islands (connect), "
        "give every pair of domains at least K people who carry their link (robust), and "
        "give every school a youth-care or youth-health contact within STEPS steps (reach); "
        "with --goal all, each on top of the ones before, at most CAP per person in total. "
        "Prints the introductions with their reasons and the figures before and after.",
    )
    optional_source(intro)
    intro.add_argument(
        "--goal", choices=(*GOALS, "all"), default="all", help="what to achieve (default: all)"
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
    intro.set_defaults(run=cmd_introduce)

    team = commands.add_parser(
        "team",
        help="who in the team around one child does not know whom, and who could introduce them",
        description="For one case (by its pseudonymous id): the professionals involved, the "
        "pairs of them without a tie and the shortest chain of people who could introduce "
        "them, and the organisations with nobody tied to the coordinator. For the case "
        "owner's own use: it names professionals, never the child.",
    )
    team.add_argument("case", metavar="CASE", help="the case's pseudonymous id")
    optional_source(team)
    team.add_argument(
        "--max-steps",
        type=int,
        metavar="N",
        help="only chains of at most N ties (default: any length)",
    )
    team.set_defaults(run=cmd_team)

    plan = commands.add_parser(
        "plan-tables",
        help="seat the invitees of a sociaal cafe or conference so that new people meet",
        description="Assign the invitees to tables (or workshops) for every round so that "
        "as many people as possible meet someone from another domain they did not know yet, "
        "and nobody sits with the same person twice. Prints the plan with its score, the "
        "score of random plans and an upper bound, or writes it as CSV.",
    )
    optional_source(plan)
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
    plan.set_defaults(run=cmd_plan_tables)

    add_history_command(commands)
    add_store_command(commands)

    listing = commands.add_parser(
        "plugins",
        help="list the installed plugins and what each provides",
        description="List every registered plugin (built-in, or the distribution and version "
        "it was installed from) with the adapters, exporters, label mappings, checks and "
        "report sections it provides.",
    )
    listing.set_defaults(run=cmd_plugins)

    example = commands.add_parser(
        "example",
        help="write the bundled example region as a CSV folder",
        description="Write the fictional example region Lindenhoeve to DIR as CSV files, "
        "to show the format.",
    )
    example.add_argument("dir", type=Path, metavar="DIR")
    example.set_defaults(run=cmd_example)
    return parser
