"""The commands that help act: publish case tables, suggest introductions, plan tables."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from samenwerking.privacy import published_count
from samenwerking.progress import TerminalProgress

if TYPE_CHECKING:
    from samenwerking.model import Meeting, Region
from samenwerking.cli._common import installed_plugins, progress, region_and_day

__all__ = ["GOALS", "cmd_cases", "cmd_introduce", "cmd_plan_tables", "cmd_team", "read_invitees"]


def cmd_cases(args: argparse.Namespace) -> int:
    from samenwerking.cases import write_aggregates

    region, today = region_and_day(args.source, args.today, installed_plugins())
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
    progress(
        f"Wrote {len(written)} tables of {cases} cases to {args.out}; "
        f"counts below {args.threshold} are suppressed (x)."
    )
    return 0


GOALS = ("connect", "robust", "reach")


def cmd_introduce(args: argparse.Namespace) -> int:
    from samenwerking import introduce

    installed = installed_plugins()
    region, _today = region_and_day(args.source, None, installed)
    model = introduce.CostModel(cap=args.cap)
    goals = GOALS if args.goal == "all" else (args.goal,)
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
    names = {str(p.id): person_label(region, p.id) for p in region.professionals}
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
        from samenwerking.io.spreadsheet import spreadsheet_writer  # neutralises =, +, -, @

        writer = spreadsheet_writer(buffer, lineterminator="\n")
        writer.writerow(("purpose", "a", "b", "cost", "reason", "joins"))
        writer.writerows(rows)
        write_text_atomically(args.csv, buffer.getvalue())
        print(f"Wrote {args.csv}")
    if args.apply is not None:
        from samenwerking import save

        print(f"Wrote {save(after, args.apply, plugins=installed)}")
    return 0


def person_label(region: Region, professional_id: str) -> str:
    person = region.professional(professional_id)
    return f"{person.name} ({region.organisation(person.organisation).name})"


def read_invitees(path: Path) -> list[str]:
    """Professional ids from a file: one per line, or a CSV whose first column holds them.

    Blank lines, ``#`` comments and a header line ``id`` or ``professional`` are skipped.
    The file is read under the encoding policy of :mod:`samenwerking.io.text` (UTF-8, or
    Windows-1252 with a warning; not a text file, or not CSV: an ``InvalidRegionError``).
    """
    from samenwerking.errors import InvalidRegionError
    from samenwerking.io.text import csv_problem, text_encoding

    invitees = []
    with path.open(encoding=text_encoding(path), newline="") as stream:
        reader = csv.reader(stream)
        try:
            for row in reader:
                first = row[0].strip() if row else ""
                if not first or first.startswith("#") or first in {"id", "professional"}:
                    continue
                invitees.append(first)
        except csv.Error as error:
            problem = csv_problem(error, str(path), reader.line_num + 1)
            raise InvalidRegionError([problem], source=str(path)) from None
    return invitees


def cmd_plan_tables(args: argparse.Namespace) -> int:
    from samenwerking.planner import plan_tables, select_invitees

    region, _today = region_and_day(args.source, None, installed_plugins())
    if args.meeting is not None:
        invitees = [str(p) for p in find_meeting(region, args.meeting).participants]
    else:
        invitees = read_invitees(args.invitees)
    if args.trim:
        selection = select_invitees(
            region, invitees, max_per_organisation=args.max_per_organisation
        )
        invitees = list(selection.invited)
        if selection.left_out:
            progress(
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


def find_meeting(region: Region, meeting_id: str) -> Meeting:
    from samenwerking.errors import UnknownIdError

    for meeting in region.meetings:
        if meeting.id == meeting_id:
            return meeting
    raise UnknownIdError("meeting", meeting_id, [m.id for m in region.meetings])


def cmd_team(args: argparse.Namespace) -> int:
    from samenwerking.team import team_around

    region, _today = region_and_day(args.source, None, installed_plugins())
    gaps = team_around(region, args.case, max_steps=args.max_steps)
    names = {str(p.id): person_label(region, p.id) for p in region.professionals}
    orgs = {str(o.id): o.name for o in region.organisations}
    print(f"The team around case {gaps.case}: {len(gaps.members)} professional(s)")
    for member in gaps.members:
        role = " (coordinator)" if member == gaps.coordinator else ""
        print(f"  {names[member]}{role}")
    if gaps.coordinator is None:
        print("No coordinator: nobody holds the case together.")
    print(f"{len(gaps.missing)} of {gaps.pairs} pair(s) do not know each other")
    for gap in gaps.missing:
        print(f"  {names[gap.first]}  --  {names[gap.second]}")
        if gap.chain is not None and gap.introducers:
            via = " -> ".join(names[p] for p in gap.introducers)
            print(f"      could be introduced through: {via}")
        elif not gap.same_island:
            print("      on different islands: nobody in the network links them")
        else:
            print("      no chain within the step limit")
    if gaps.without_coordinator_tie:
        listed = ", ".join(orgs.get(o, o) for o in gaps.without_coordinator_tie)
        print(f"Organisations with nobody tied to the coordinator: {listed}")
    return 0
