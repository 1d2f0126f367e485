"""The commands about a region as a whole: report, check, convert, plugins, example."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from samenwerking.cli._common import ReportProgress, installed_plugins, progress, region_and_day

if TYPE_CHECKING:
    from samenwerking.model import Region
from samenwerking.cli._history_commands import report_from_store

__all__ = ["cmd_check", "cmd_convert", "cmd_example", "cmd_plugins", "cmd_report"]


def cmd_report(args: argparse.Namespace) -> int:
    from samenwerking import load
    from samenwerking.report import DEFAULT_SECTIONS, build_report, summary_text, write_report

    installed = installed_plugins()
    if args.db is not None:  # the latest snapshot of a store, with the trends over all of them
        region, today, before, builtin = report_from_store(args)
    else:
        region, today = region_and_day(args.source, args.today, installed)
        before, builtin = None, DEFAULT_SECTIONS
    if args.before is not None:
        progress(f"Reading the earlier snapshot {args.before} ...")
        before = load(args.before, plugins=installed)
    sections = (*builtin, *installed.report_sections())
    report = build_report(
        region,
        sections=sections,
        before=before,
        progress=ReportProgress(),
        today=today,
        lang=args.lang,
    )
    md_path, html_path = write_report(report, args.out)
    print(summary_text(report))
    print(f"Wrote {md_path} and {html_path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from samenwerking import InvalidRegionError, load

    try:
        region = load(args.source, plugins=installed_plugins())
    except InvalidRegionError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        progress(f"{args.source}: {count} problem{'s' if count != 1 else ''} found")
        return 1
    print(
        f"valid: {region.name} in {args.source} has {len(region.organisations)} organisations, "
        f"{len(region.professionals)} professionals, {len(region.ties)} ties and "
        f"{len(region.cases)} cases"
    )
    _warn_formula_cells(region, args.source)
    return 0


def _warn_formula_cells(region: Region, source: str) -> None:
    """One warning line per value a spreadsheet could run as a formula (data stays exact)."""
    from pathlib import Path

    from samenwerking.io.csvfolder import csv_folder_locator
    from samenwerking.io.jsonfile import json_locator
    from samenwerking.io.spreadsheet import formula_cells

    path = Path(source)
    if (path / "organisations.csv").is_file():
        locate = csv_folder_locator(path)
    else:
        locate = json_locator(source)
    for problem in formula_cells(region, locate=locate):
        print(f"samenwerking: warning: {problem}", file=sys.stderr)


def cmd_convert(args: argparse.Namespace) -> int:
    from samenwerking import load, save
    from samenwerking.errors import UnsupportedSourceError

    target = args.target
    if target.exists() and not args.force:
        raise UnsupportedSourceError(
            f"{str(target)!r} exists; add --force to replace it (the old "
            f"{'folder' if target.is_dir() else 'file'} is replaced only once the new one is "
            "complete)"
        )
    installed = installed_plugins()
    progress(f"Reading {args.source} ...")
    region = load(args.source, plugins=installed)
    written = save(region, target, format=args.format, plugins=installed)
    print(f"Wrote {written}")
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    from samenwerking.plugins import BLOCK_ENV

    installed = installed_plugins()
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


def cmd_example(args: argparse.Namespace) -> int:
    from samenwerking import example_region, save

    written = save(example_region(), args.dir, format="csv")
    print(f"Wrote the example region Lindenhoeve as CSV files to {written}")
    return 0
