"""The ``history`` command and ``report --db``: trends over the snapshots of a store."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from samenwerking.cli._common import progress
from samenwerking.privacy import DEFAULT_THRESHOLD

if TYPE_CHECKING:
    from samenwerking.analysis import Snapshot, Trend, TrendRow, TrendStep
    from samenwerking.model import Region
    from samenwerking.report.base import SectionBuilder
    from samenwerking.store import Store

__all__ = [
    "COLUMNS",
    "add_db_option",
    "add_history_command",
    "cmd_history",
    "history_csv",
    "history_table",
    "report_from_store",
]

COLUMNS = (
    "as_of",
    "note",
    "professionals",
    "islands",
    "isolates",
    "cross_domain",
    "ei",
    "fragile_links",
    "unreached_schools",
    "schools",
    "agreements_to_fix",
    "agreements",
    "open_thuiszitters",
)
"""The columns of ``history --csv``, one row per snapshot."""

_HEADERS = (
    "as of",
    "people",
    "islands",
    "isolates",
    "across",
    "E-I",
    "on 1 person",
    "no care",
    "agreements",
    "open thuiszitters",
    "note",
)


def add_history_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``samenwerking history``."""
    history = commands.add_parser(
        "history",
        help="the trend over the snapshots of a store: islands, reach, bus factor, cases",
        description="For every snapshot in the store at URL, oldest first: professionals, "
        "islands, isolates, the share of tied pairs across domains, the E-I index, links "
        "between domains that hang on one person, schools without care within reach, "
        "agreements to fix and open thuiszitter cases (small counts read 'fewer than N'); "
        "then, between each two snapshots, who joined and left, new and lost tied pairs, "
        "and the islands that merged or split.",
    )
    history.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="the store: a file path, sqlite:/// or postgresql://",
    )
    history.add_argument(
        "--by",
        choices=("domain", "sector", "municipality", "organisation"),
        default="domain",
        help="the groups for 'across', E-I and the bus factor (default: domain)",
    )
    history.add_argument(
        "--steps", type=int, default=2, metavar="N", help="care within N steps (default 2)"
    )
    history.add_argument(
        "--threshold",
        type=int,
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help=f"case counts below N read 'fewer than N' (default {DEFAULT_THRESHOLD}, at least 3)",
    )
    history.add_argument(
        "--people", action="store_true", help="also list who joined and who left, by name"
    )
    history.add_argument(
        "--csv", type=Path, metavar="FILE", help="also write one row per snapshot to FILE"
    )
    history.set_defaults(run=cmd_history)


def add_db_option(report: argparse.ArgumentParser) -> None:
    """Add ``--db URL`` to ``samenwerking report``."""
    report.add_argument(
        "--db",
        metavar="URL",
        help="a store of snapshots instead of SOURCE: report on the latest snapshot, with "
        "what changed since the one before and the trends over all of them",
    )


def _open(url: str) -> Store:
    from samenwerking.store import open_store

    return open_store(url, create=False)


def _read(store: Store) -> Iterator[Snapshot]:
    """Each snapshot in turn, oldest first: only the one being measured is in memory."""
    from samenwerking.analysis import Snapshot

    infos = store.snapshots()
    for number, info in enumerate(infos, start=1):
        progress(f"Reading {info.label()} ({number} of {len(infos)}) ...")
        yield Snapshot(info.as_of, store.load(info.id), note=info.note or None)


def cmd_history(args: argparse.Namespace) -> int:
    from samenwerking.analysis import trend

    with _open(args.db) as store:
        found = trend(_read(store), by=args.by, steps=args.steps, threshold=args.threshold)
        shown = store.url
    if not found.rows:
        print(f"No snapshots in {shown} yet: add one with 'samenwerking store add'.")
        return 0
    print(history_table(found))
    if found.steps:
        print()
        print("What changed:")
    names = _names(args.db, found) if args.people else {}
    for step in found.steps:
        print(f"  {_step_line(step)}")
        if args.people:
            for label, people in (("joined", step.joined), ("left", step.left)):
                for person in people:
                    print(f"      {label}: {names.get(person, person)}")
    if args.csv is not None:
        from samenwerking._atomic import write_text_atomically

        write_text_atomically(args.csv, history_csv(found.rows))
        print(f"Wrote {args.csv}")
    return 0


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{round(100 * value)}%"


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _cells(row: TrendRow) -> tuple[str, ...]:
    return (
        row.as_of.isoformat(),
        str(row.professionals),
        str(row.islands),
        str(row.isolates),
        _share(row.cross_share),
        _number(row.ei),
        str(len(row.fragile_links)),
        f"{len(row.unreached_schools)}/{row.schools}",
        f"{row.agreements_to_fix}/{row.agreements}",
        row.open_thuiszitters,
        row.note or "",
    )


def history_table(found: Trend) -> str:
    """The trend as an aligned text table, one line per snapshot, oldest first.

    Example
    -------
    >>> import datetime as dt
    >>> from samenwerking.analysis import trend
    >>> from samenwerking.synthetic import region
    >>> table = history_table(trend([(dt.date(2025, 1, 1), region(60, seed=1))]))
    >>> table.splitlines()[0].split()[:6]
    ['as', 'of', 'people', 'islands', 'isolates', 'across']
    >>> table.splitlines()[1].split()[:2]
    ['2025-01-01', '60']
    """
    rows = [_HEADERS, *(_cells(row) for row in found.rows)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEADERS))]
    lines = []
    for row in rows:
        cells = [
            cell.ljust(width) if i in (0, len(row) - 1) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    lines.extend(
        textwrap.wrap(
            f"across: share of tied pairs between two {found.by} groups; on 1 person: links "
            f"between {found.by} groups that hang on one person; no care: schools with nobody in "
            f"care within {found.steps_within} steps; agreements: with a problem / checked; "
            f"open thuiszitters below {found.threshold} read 'fewer than {found.threshold}'.",
            width=100,
        )
    )
    return "\n".join(lines)


def _step_line(step: TrendStep) -> str:
    return (
        f"{step.since.isoformat()} -> {step.until.isoformat()}: {len(step.joined)} joined, "
        f"{len(step.left)} left, {step.new_ties} new and {step.lost_ties} lost tied pair(s), "
        f"{len(step.merged)} island(s) merged, {len(step.split)} split"
    )


def history_csv(rows: Sequence[TrendRow]) -> str:
    """One CSV row per snapshot with :data:`COLUMNS` (shares as fractions)."""
    buffer = io.StringIO()
    from samenwerking.io.spreadsheet import spreadsheet_writer  # neutralises =, +, -, @

    writer = spreadsheet_writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            (
                row.as_of.isoformat(),
                row.note or "",
                row.professionals,
                row.islands,
                row.isolates,
                "" if row.cross_share is None else round(row.cross_share, 6),
                "" if row.ei is None else round(row.ei, 6),
                len(row.fragile_links),
                len(row.unreached_schools),
                row.schools,
                row.agreements_to_fix,
                row.agreements,
                row.open_thuiszitters,
            )
        )
    return buffer.getvalue()


def _names(url: str, found: Trend) -> dict[str, str]:
    """Names of everyone who joined or left, from the snapshot they appear in."""
    wanted = {p for step in found.steps for p in (*step.joined, *step.left)}
    names: dict[str, str] = {}
    with _open(url) as store:
        for info in store.snapshots():
            if not wanted - names.keys():
                break
            for person in store.load(info.id).professionals:
                if person.id in wanted:
                    names.setdefault(person.id, f"{person.name} ({person.id})")
    return names


def report_from_store(
    args: argparse.Namespace,
) -> tuple[Region, dt.date | None, Region | None, tuple[SectionBuilder, ...]]:
    """For ``report --db``: the latest snapshot's region and reference day (``--today`` if
    given, else its as-of day), the snapshot before it (unless ``--before`` names another)
    and the report's sections with the trend section after "Change over time".

    The store is read once, oldest first; only the last two snapshots are kept.
    """
    from samenwerking.analysis import trend
    from samenwerking.errors import InvalidArgumentError
    from samenwerking.report import DEFAULT_SECTIONS
    from samenwerking.report.sections_change import change_section
    from samenwerking.report.sections_trend import trend_builder

    if args.source is not None:
        raise InvalidArgumentError(
            f"give SOURCE or --db, not both (got {args.source!r} and --db {args.db!r})"
        )
    kept: list[Snapshot] = []

    def remember(snapshots: Iterator[Snapshot]) -> Iterator[Snapshot]:
        for snapshot in snapshots:
            kept[:] = [*kept[-1:], snapshot]
            yield snapshot

    with _open(args.db) as store:
        found = trend(remember(_read(store)))
        if not kept:
            from samenwerking.store import SnapshotNotFoundError

            raise SnapshotNotFoundError("no snapshot yet: the store is empty", url=store.url)
        infos = store.snapshots()
    latest = kept[-1]
    progress(f"Reporting on {infos[-1].label()} ...")
    before = kept[-2].region if args.before is None and len(kept) == 2 else None
    at = DEFAULT_SECTIONS.index(change_section) + 1
    sections = (*DEFAULT_SECTIONS[:at], trend_builder(found), *DEFAULT_SECTIONS[at:])
    today = latest.as_of if args.today is None else args.today
    return latest.region, today, before, sections
