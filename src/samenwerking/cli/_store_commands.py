"""The ``store`` commands: add, list, show, export, delete and purge dated snapshots."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from samenwerking.cli._common import installed_plugins, progress

if TYPE_CHECKING:
    from samenwerking.store import SnapshotInfo, Store

__all__ = ["add_store_command", "retention_period", "snapshot_ref"]

_PERIOD = re.compile(r"(\d+)\s*([dwy]?)")
_DAYS = {"": 1, "d": 1, "w": 7, "y": 365}


def snapshot_ref(text: str) -> int | dt.date:
    """A snapshot on the command line: an id (``3``) or an as-of date (``2025-06-01``)."""
    if text.isdigit():
        return int(text)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a snapshot id or date (YYYY-MM-DD): {text!r}"
        ) from None


def retention_period(text: str) -> dt.timedelta:
    """``730``, ``730d``, ``104w`` or ``2y`` (a year counts 365 days) as a period.

    Example
    -------
    >>> retention_period("2y").days, retention_period("6w").days
    (730, 42)
    """
    match = _PERIOD.fullmatch(text.strip().lower())
    if match is None or int(match.group(1)) < 1:
        raise argparse.ArgumentTypeError(
            f"not a period: {text!r} (use days, weeks or years: 730, 730d, 104w, 2y)"
        )
    return dt.timedelta(days=int(match.group(1)) * _DAYS[match.group(2)])


def _iso_date(text: str) -> dt.date:
    from samenwerking.cli._parser import iso_date

    return iso_date(text)


def _open(url: str, *, create: bool = False) -> Store:
    from samenwerking.errors import SamenwerkingError

    try:
        from samenwerking.store import open_store
    except ImportError as missing:  # without the 'store' extra: say what to install
        raise SamenwerkingError(str(missing)) from None

    return open_store(url, create=create)


def _summary(info: SnapshotInfo) -> str:
    c = info.counts
    return (
        f"{c.organisations} organisations, {c.professionals} professionals, {c.ties} ties, "
        f"{c.cases} cases"
    )


def cmd_store_add(args: argparse.Namespace) -> int:
    from samenwerking import load

    installed = installed_plugins()
    progress(f"Reading {args.source} ...")
    region = load(args.source, plugins=installed)
    with _open(args.db, create=True) as store:
        progress(f"Adding it to {store.url} ...")
        info = store.add(region, as_of=args.as_of, note=args.note)
    print(f"Added {info.label()} of {info.region_name}: {_summary(info)}")
    return 0


def cmd_store_list(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        infos = store.snapshots()
        url = store.url
    if not infos:
        print(f"{url} holds no snapshots yet")
        return 0
    rows = [("id", "as of", "added (UTC)", "region", "people", "ties", "cases", "note")]
    for info in infos:
        rows.append(
            (
                str(info.id),
                info.as_of.isoformat(),
                info.added_at.strftime("%Y-%m-%d %H:%M"),
                info.region_name,
                str(info.counts.professionals),
                str(info.counts.ties),
                str(info.counts.cases),
                info.note,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())
    return 0


def cmd_store_show(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        info = store.snapshot(args.snapshot)
    print(f"{info.label()} of {info.region_name}")
    print(f"  added    {info.added_at.isoformat(timespec='seconds')}")
    print(f"  note     {info.note}")
    for kind, count in info.counts.as_dict().items():
        print(f"  {kind.replace('_', ' '):<15}{count}")
    if info.purged_cases:
        print(f"  purged   {info.purged_cases} cases removed by retention since it was added")
    return 0


def cmd_store_export(args: argparse.Namespace) -> int:
    from samenwerking import save

    installed = installed_plugins()
    with _open(args.db) as store:
        info = store.snapshot(args.snapshot)
        region = store.load(info.id)
    written = save(region, args.target, format=args.format, plugins=installed)
    print(f"Wrote {info.label()} to {written}")
    return 0


def cmd_store_delete(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        info = store.snapshot(args.id)
        if not args.yes:
            print(f"Would delete {info.label()} of {info.region_name}: {_summary(info)}")
            print("Nothing was deleted: add --yes to delete it.", file=sys.stderr)
            return 2
        store.delete(info.id)
    print(f"Deleted {info.label()} of {info.region_name}")
    return 0


def cmd_store_purge(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        result = store.purge(older_than=args.older_than, today=args.today, dry_run=not args.yes)
    verb = "Purged" if args.yes else "Would purge"
    print(
        f"{verb} {result.cases} case records closed before {result.closed_before.isoformat()} "
        f"from {len(result.per_snapshot)} snapshots"
    )
    for snapshot_id, count in result.per_snapshot:
        print(f"  snapshot {snapshot_id}: {count}")
    if not args.yes:
        print("Nothing was purged: add --yes to purge them.", file=sys.stderr)
        return 2
    return 0


def _db(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="the store: a file path or sqlite:///PATH, or postgresql://USER@HOST/DATABASE",
    )


def add_store_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``samenwerking store`` and its subcommands to the command line."""
    store = commands.add_parser(
        "store",
        help="keep dated snapshots of a region in a database (SQLite file or PostgreSQL)",
        description="Add, list, show, export, delete and purge dated snapshots of a region in "
        "a store: an SQLite file (a path) or a PostgreSQL database (a URL). See docs/store.md.",
    )
    actions = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="add a region as the snapshot as of a date",
        description="Read SOURCE (checked as 'samenwerking check' does) and add it to the "
        "store as the snapshot as of DATE, in one transaction. The store is created if it "
        "does not exist. A store holds one snapshot per date: nothing is overwritten.",
    )
    add.add_argument("source", metavar="SOURCE", help="a region JSON file or CSV folder")
    _db(add)
    add.add_argument(
        "--as-of", type=_iso_date, required=True, metavar="YYYY-MM-DD", help="the day it describes"
    )
    add.add_argument("--note", default="", metavar="TEXT", help="what this snapshot is")
    add.set_defaults(run=cmd_store_add)

    listing = actions.add_parser("list", help="list the snapshots, oldest first")
    _db(listing)
    listing.set_defaults(run=cmd_store_list)

    show = actions.add_parser("show", help="show one snapshot: when, what, how many")
    show.add_argument("snapshot", type=snapshot_ref, metavar="SNAPSHOT", help="an id or a date")
    _db(show)
    show.set_defaults(run=cmd_store_show)

    export = actions.add_parser(
        "export",
        aliases=["load"],
        help="write one snapshot as a JSON file, CSV folder or another format (alias: load)",
        description="Write the snapshot (an id or an as-of date) to TARGET, in the format "
        "its name asks for, as 'samenwerking convert' does.",
    )
    export.add_argument("snapshot", type=snapshot_ref, metavar="SNAPSHOT", help="an id or a date")
    export.add_argument("target", type=Path, metavar="TARGET")
    _db(export)
    export.add_argument(
        "--format", metavar="NAME", help="the exporter to use (default: chosen by TARGET)"
    )
    export.set_defaults(run=cmd_store_export)

    delete = actions.add_parser(
        "delete",
        help="delete one snapshot (only with --yes)",
        description="Delete the snapshot with this id. Without --yes, only say what would be "
        "deleted and exit 2.",
    )
    delete.add_argument("id", type=int, metavar="ID", help="the snapshot's id (see 'store list')")
    _db(delete)
    delete.add_argument("--yes", action="store_true", help="really delete it")
    delete.set_defaults(run=cmd_store_delete)

    purge = actions.add_parser(
        "purge",
        help="remove cases closed longer ago than a period from every snapshot (with --yes)",
        description="The retention rule: remove from every snapshot the cases that were "
        "resolved or closed more than PERIOD before TODAY. Cases without a closing date stay. "
        "Without --yes, only say what would be removed and exit 2.",
    )
    _db(purge)
    purge.add_argument(
        "--older-than",
        type=retention_period,
        required=True,
        metavar="PERIOD",
        help="e.g. 2y, 104w or 730d (a year counts 365 days)",
    )
    purge.add_argument(
        "--today", type=_iso_date, metavar="YYYY-MM-DD", help="reference date (default: today)"
    )
    purge.add_argument("--yes", action="store_true", help="really remove them")
    purge.set_defaults(run=cmd_store_purge)
