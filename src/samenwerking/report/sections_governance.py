"""The governance sections: LEA table, working groups, agendas, agreements and meetings.

Each builder returns ``None`` when the region has nothing of its kind, so a region without
agendas gets no agenda section. Findings come first, in words a municipality can act on.

Example
-------
>>> from samenwerking.model import Region, WorkingGroup
>>> from samenwerking.report.base import ReportContext
>>> context = ReportContext.of(Region("Dorp", working_groups=(WorkingGroup("wg", "Overgang"),)))
>>> lea_table_section(context) is None
True
>>> print(working_groups_section(context).to_markdown().splitlines()[0])
1 of 1 group(s) need attention.
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from samenwerking.governance import (
    AgendaCheck,
    AgreementCheck,
    AgreementMatrix,
    Constitution,
    GroupCheck,
    LeaTable,
    MeetingEffect,
    agreement_matrix,
    check_agendas,
    check_agreements,
    check_working_groups,
    constitution,
    constitution_agreements,
    lea_table,
    meeting_effects,
)
from samenwerking.model import GroupKind, Region
from samenwerking.report._format import Block, BlockSection, Items, Table, Text, number
from samenwerking.report.base import ReportContext

__all__ = [
    "AgendasSection",
    "AgreementsSection",
    "LeaTableSection",
    "MeetingsSection",
    "WorkingGroupsSection",
    "agendas_section",
    "agreements_section",
    "lea_table_section",
    "meetings_section",
    "working_groups_section",
]


def _names(region: Region) -> dict[str, str]:
    """Display names of professionals and organisations, by id."""
    names = {str(o.id): o.name for o in region.organisations}
    names.update({str(p.id): p.name for p in region.professionals})
    names.update({str(a.id): a.title for a in region.agreements})
    return names


def _named(problems: tuple[str, ...], check: AgreementCheck, names: dict[str, str]) -> list[str]:
    """An agreement's findings with organisation names in place of their ids."""
    named = []
    for problem in problems:
        for prefix, ids in (
            ("not endorsed by ", check.not_endorsed_by),
            ("endorsed by non-parties ", check.outside_endorsers),
        ):
            if problem.startswith(prefix) and ids:
                problem = prefix + ", ".join(_name(names, i) for i in ids)
        named.append(problem)
    return named


def _percent(share: float | None) -> str:
    return "n/a" if share is None else f"{round(100 * share)}%"


def _name(names: dict[str, str], key: str | None) -> str:
    return "" if key is None else names.get(str(key), str(key))


# -- LEA table ----------------------------------------------------------------------------
@frozen
class LeaTableSection(BlockSection):
    """Per LEA table: which provisions are missing or crowded, and each representative's reach."""

    tables: tuple[LeaTable, ...]
    """One check per working group of kind ``lea_table``."""
    names: dict[str, str] = field(factory=dict)
    """Display names by id."""
    key: str = "lea-table"
    """Section key."""
    title: str = "LEA table"
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        out: list[Block] = []
        for table in self.tables:
            if table.ok:
                out.append(
                    Text(f"{table.name}: every type of provision has exactly one representative.")
                )
            else:
                parts = []
                if table.missing:
                    parts.append("no representative for " + ", ".join(table.missing))
                if table.crowded:
                    parts.append("more than one for " + ", ".join(table.crowded))
                out.append(Text(f"{table.name}: " + "; ".join(parts) + "."))
            rows: list[tuple[object, ...]] = []
            for provision in table.provisions:
                if not provision.representatives:
                    rows.append((provision.name, "missing", "", "", "", ""))
                for rep in provision.representatives:
                    rows.append(
                        (
                            provision.name,
                            provision.status,
                            f"{rep.name} ({_name(self.names, rep.organisation)})",
                            rep.constituency,
                            _percent(rep.share_1),
                            _percent(rep.share_2),
                        )
                    )
            out.append(
                Table(
                    (
                        "Provision",
                        "Status",
                        "Representative",
                        "Constituency",
                        "Reached directly",
                        "Within 2 steps",
                    ),
                    tuple(rows),
                    what="rows",
                )
            )
            if table.unrepresenting:
                out.append(Text("Members who represent no type of provision:"))
                out.append(
                    Items(tuple(_name(self.names, m) for m in table.unrepresenting), what="members")
                )
        out.append(
            Text(
                "Constituency: everyone working in the provision's sectors. A representative "
                "who reaches few of them directly speaks for people they do not know.",
                muted=True,
            )
        )
        return out


def lea_table_section(context: ReportContext) -> LeaTableSection | None:
    """The LEA table section; ``None`` when the region has no group of kind ``lea_table``."""
    region = context.region
    tables = [g for g in region.working_groups if g.kind is GroupKind.LEA_TABLE]
    if not tables:
        return None
    return LeaTableSection(
        tuple(lea_table(region, table=g.id, graph=context.compact) for g in tables),
        _names(region),
    )


# -- working groups ---------------------------------------------------------------------
@frozen
class WorkingGroupsSection(BlockSection):
    """Per working group: lead, missing sectors and whether its members know each other."""

    groups: tuple[GroupCheck, ...]
    """Every group, in the region's order."""
    names: dict[str, str] = field(factory=dict)
    """Display names by id."""
    key: str = "working-groups"
    """Section key."""
    title: str = "Working groups"
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        attention = [g for g in self.groups if g.problems]
        praat = [g for g in self.groups if g.praatclub]
        intro = (
            f"{len(attention)} of {len(self.groups)} group(s) need attention."
            if attention
            else f"All {len(self.groups)} group(s) have a lead, the sectors they need and "
            "members who know each other."
        )
        out: list[Block] = [Text(intro)]
        if praat:
            out.append(
                Text(
                    f"{len(praat)} group(s) are a praatclub: members who hardly know each other "
                    "around a table. Let them work together on something concrete first."
                )
            )
        out.append(
            Table(
                ("Group", "Lead", "Members", "Tied pairs", "Without a tie", "Islands", "Findings"),
                tuple(
                    (
                        g.name,
                        _name(self.names, g.lead) or "none",
                        len(g.members),
                        g.tied_pairs,
                        len(g.untied_members),
                        g.islands,
                        "; ".join(g.problems) or "ok",
                    )
                    for g in self.groups
                ),
                what="groups",
            )
        )
        return out


def working_groups_section(context: ReportContext) -> WorkingGroupsSection | None:
    """The working groups section; ``None`` when the region has no groups."""
    region = context.region
    if not region.working_groups:
        return None
    return WorkingGroupsSection(check_working_groups(region, graph=context.compact), _names(region))


# -- agendas -----------------------------------------------------------------------------
@frozen
class AgendasSection(BlockSection):
    """Per agenda: its period, progress, topics still open and steps past due."""

    agendas: tuple[AgendaCheck, ...]
    """Every agenda, in the region's order."""
    names: dict[str, str] = field(factory=dict)
    """Display names by id."""
    key: str = "agendas"
    """Section key."""
    title: str = "Agendas"
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        out: list[Block] = []
        for agenda in self.agendas:
            state = "ended" if agenda.ended else "running"
            out.append(
                Text(
                    f"{agenda.title} ({agenda.period}, {state}): {_percent(agenda.progress)} of "
                    f"steps done, {len(agenda.still_open)} of {len(agenda.topics)} topic(s) "
                    f"still open, {agenda.past_due} step(s) past due on {agenda.today}."
                )
            )
            out.append(
                Table(
                    ("Topic", "Leads", "Steps", "Done", "Dropped", "Progress", "Findings"),
                    tuple(
                        (
                            t.title,
                            ", ".join(_name(self.names, p) for p in t.leads) or "none",
                            t.steps,
                            t.done,
                            t.dropped,
                            _percent(t.progress),
                            "; ".join(t.problems) or "ok",
                        )
                        for t in agenda.topics
                    ),
                    what="topics",
                )
            )
            if agenda.timeline:
                out.append(
                    Table(
                        ("Due in", "Steps", "Done", "Dropped", "Not done"),
                        tuple(
                            (p.period, p.due, p.done, p.dropped, p.not_done)
                            for p in agenda.timeline
                        ),
                        what="periods",
                    )
                )
        return out


def agendas_section(context: ReportContext) -> AgendasSection | None:
    """The agendas section; ``None`` when the region has no agendas."""
    region = context.region
    if not region.agendas:
        return None
    return AgendasSection(check_agendas(region, today=context.today), _names(region))


# -- agreements --------------------------------------------------------------------------
@frozen
class AgreementsSection(BlockSection):
    """Who agreed on what, which agreements need work, and the local youth constitution."""

    matrix: AgreementMatrix
    """Parties x themes."""
    agreements: tuple[AgreementCheck, ...]
    """Every agreement, in the region's order."""
    constitution: Constitution | None = None
    """The local youth constitution, when agreements have a constitution theme."""
    names: dict[str, str] = field(factory=dict)
    """Display names by id."""
    key: str = "agreements"
    """Section key."""
    title: str = "Agreements"
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        attention = [a for a in self.agreements if a.problems]
        paper = [a for a in self.agreements if a.paper_only]
        out: list[Block] = [
            Text(
                f"{len(attention)} of {len(self.agreements)} agreement(s) need attention"
                + (f"; {len(paper)} on paper only." if paper else ".")
            ),
            Table(
                ("Agreement", "Theme", "Status", "Parties", "Findings"),
                tuple(
                    (
                        a.title,
                        a.theme,
                        a.status.value,
                        len(a.parties),
                        "; ".join(_named(a.problems, a, self.names)) or "ok",
                    )
                    for a in self.agreements
                ),
                what="agreements",
            ),
            Text("Agreements per party and theme:"),
            Table(
                ("Party", *self.matrix.themes),
                tuple(
                    (_name(self.names, p), *row)
                    for p, row in zip(self.matrix.parties, self.matrix.counts, strict=True)
                ),
                what="parties",
            ),
        ]
        if self.constitution is not None:
            c = self.constitution
            out.append(
                Text(
                    f"Local youth constitution ({len(c.agreements)} agreement(s)): "
                    f"{len(c.parties) - len(c.missing)} of {len(c.parties)} parties endorsed all."
                )
            )
            if c.missing:
                out.append(
                    Items(
                        tuple(
                            f"{p.name} has not endorsed "
                            + ", ".join(_name(self.names, a) for a in p.not_endorsed)
                            for p in c.missing
                        ),
                        what="parties",
                    )
                )
        out.append(
            Text(
                "Measurable: a success criterion with a number, percentage or date. Paper "
                "only: no tie between the people of any two parties.",
                muted=True,
            )
        )
        return out


def agreements_section(context: ReportContext) -> AgreementsSection | None:
    """The agreements section; ``None`` when the region has no agreements."""
    region = context.region
    if not region.agreements:
        return None
    youth = constitution(region) if constitution_agreements(region) else None
    return AgreementsSection(
        agreement_matrix(region),
        check_agreements(region, today=context.today, graph=context.compact),
        youth,
        _names(region),
    )


# -- meetings ----------------------------------------------------------------------------
@frozen
class MeetingsSection(BlockSection):
    """Per meeting: the ties that began there and what they did to islands and mixing."""

    meetings: tuple[MeetingEffect, ...]
    """Every meeting, by date (undated last; equal dates in the region's order)."""
    key: str = "meetings"
    """Section key."""
    title: str = "Meetings"
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        fruitful = [m for m in self.meetings if m.new_pairs]
        return [
            Text(
                f"{len(fruitful)} of {len(self.meetings)} meeting(s) led to new ties between "
                "professionals."
            ),
            Table(
                (
                    "Meeting",
                    "Kind",
                    "Date",
                    "Participants",
                    "New tied pairs",
                    "Across domains",
                    "Islands",
                    "In largest island",
                    "E-I index",
                ),
                tuple(
                    (
                        m.name,
                        m.kind.value.replace("_", " "),
                        m.date.isoformat() if m.date else "",
                        m.participants,
                        len(m.new_pairs),
                        m.new_cross_ties,
                        f"{m.islands.before:.0f} → {m.islands.after:.0f}",
                        f"{_percent(m.largest_share.before)} → {_percent(m.largest_share.after)}",
                        f"{number(m.ei.before)} → {number(m.ei.after)}",
                    )
                    for m in self.meetings
                ),
                what="meetings",
            ),
            Text(
                "Before: the network without the ties met at the meeting and without ties that "
                "began after it; after: with the ties met there.",
                muted=True,
            ),
        ]


def meetings_section(context: ReportContext) -> MeetingsSection | None:
    """The meetings section, meetings by date; ``None`` when the region has no meetings."""
    region = context.region
    if not region.meetings:
        return None
    effects = meeting_effects(region)
    return MeetingsSection(
        tuple(sorted(effects, key=lambda e: (e.date is None, e.date or dt.date.min)))
    )
