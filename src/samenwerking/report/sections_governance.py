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
from samenwerking.report._format import Block, BlockSection, Items, Table, Text
from samenwerking.report.base import ReportContext
from samenwerking.report.i18n import (
    N_,
    _,
    format_date,
    format_int,
    format_measure,
    format_percent,
    ngettext,
    translate_all,
)
from samenwerking.report.verdicts import (
    agreement_findings,
    findings_text,
    group_findings,
    lea_verdict,
    provision_label,
    topic_findings,
)
from samenwerking.report.vocabulary import value_label

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


def _percent(share: float | None) -> str:
    return _("n/a") if share is None else format_percent(share, 0)


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
    title: str = N_("LEA table")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        out: list[Block] = []
        for table in self.tables:
            out.append(Text(lea_verdict(table)))
            rows: list[tuple[object, ...]] = []
            for provision in table.provisions:
                name = provision_label(provision.name)
                if not provision.representatives:
                    rows.append((name, provision_label("missing"), "", "", "", ""))
                for rep in provision.representatives:
                    rows.append(
                        (
                            name,
                            provision_label(provision.status),
                            f"{rep.name} ({_name(self.names, rep.organisation)})",
                            rep.constituency,
                            _percent(rep.share_1),
                            _percent(rep.share_2),
                        )
                    )
            out.append(
                Table(
                    translate_all(
                        (
                            N_("Provision"),
                            N_("Status"),
                            N_("Representative"),
                            N_("Constituency"),
                            N_("Reached directly"),
                            N_("Within 2 steps"),
                        )
                    ),
                    tuple(rows),
                    what=N_("rows"),
                )
            )
            if table.unrepresenting:
                out.append(Text(_("Members who represent no type of provision:")))
                out.append(
                    Items(
                        tuple(_name(self.names, m) for m in table.unrepresenting),
                        what=N_("members"),
                    )
                )
        out.append(
            Text(
                _(
                    "Constituency: everyone working in the provision's sectors. A "
                    "representative who reaches few of them directly speaks for people they "
                    "do not know."
                ),
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
    title: str = N_("Working groups")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        attention = [g for g in self.groups if g.problems]
        praat = [g for g in self.groups if g.praatclub]
        total = len(self.groups)
        if attention:
            intro = ngettext(
                "{n} of {total} group(s) need attention.",
                "{n} of {total} group(s) need attention.",
                total,
            ).format(n=format_int(len(attention)), total=format_int(total))
        else:
            intro = ngettext(
                "All {total} group(s) have a lead, the sectors they need and members who know "
                "each other.",
                "All {total} group(s) have a lead, the sectors they need and members who know "
                "each other.",
                total,
            ).format(total=format_int(total))
        out: list[Block] = [Text(intro)]
        if praat:
            out.append(
                Text(
                    ngettext(
                        "{n} group(s) are a praatclub: members who hardly know each other "
                        "around a table. Let them work together on something concrete first.",
                        "{n} group(s) are a praatclub: members who hardly know each other "
                        "around a table. Let them work together on something concrete first.",
                        len(praat),
                    ).format(n=format_int(len(praat)))
                )
            )
        out.append(
            Table(
                translate_all(
                    (
                        N_("Group"),
                        N_("Lead"),
                        N_("Members"),
                        N_("Tied pairs"),
                        N_("Without a tie"),
                        N_("Islands"),
                        N_("Findings"),
                    )
                ),
                tuple(
                    (
                        g.name,
                        _name(self.names, g.lead) or _("none"),
                        len(g.members),
                        g.tied_pairs,
                        len(g.untied_members),
                        g.islands,
                        findings_text(group_findings(g, self.names)),
                    )
                    for g in self.groups
                ),
                what=N_("groups"),
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
    title: str = N_("Agendas")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        out: list[Block] = []
        for agenda in self.agendas:
            if agenda.ended:
                summary = _(
                    "{agenda} ({start} to {end}, ended): {progress} of steps done, {open} of "
                    "{topics} topic(s) still open, {past_due} step(s) past due on {day}."
                )
            else:
                summary = _(
                    "{agenda} ({start} to {end}, running): {progress} of steps done, {open} "
                    "of {topics} topic(s) still open, {past_due} step(s) past due on {day}."
                )
            out.append(
                Text(
                    summary.format(
                        agenda=agenda.title,
                        start=format_date(agenda.start) if agenda.start else "?",
                        end=format_date(agenda.end) if agenda.end else "?",
                        progress=_percent(agenda.progress),
                        open=format_int(len(agenda.still_open)),
                        topics=format_int(len(agenda.topics)),
                        past_due=format_int(agenda.past_due),
                        day=format_date(agenda.today),
                    )
                )
            )
            out.append(
                Table(
                    translate_all(
                        (
                            N_("Topic"),
                            N_("Leads"),
                            N_("Steps"),
                            N_("Done"),
                            N_("Dropped"),
                            N_("Progress"),
                            N_("Findings"),
                        )
                    ),
                    tuple(
                        (
                            t.title,
                            ", ".join(_name(self.names, p) for p in t.leads) or _("none"),
                            t.steps,
                            t.done,
                            t.dropped,
                            _percent(t.progress),
                            findings_text(topic_findings(t)),
                        )
                        for t in agenda.topics
                    ),
                    what=N_("topics"),
                )
            )
            if agenda.timeline:
                out.append(
                    Table(
                        translate_all(
                            (
                                N_("Due in"),
                                N_("Steps"),
                                N_("Done"),
                                N_("Dropped"),
                                N_("Not done"),
                            )
                        ),
                        tuple(
                            (p.period, p.due, p.done, p.dropped, p.not_done)
                            for p in agenda.timeline
                        ),
                        what=N_("periods"),
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
    title: str = N_("Agreements")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        attention = [a for a in self.agreements if a.problems]
        paper = [a for a in self.agreements if a.paper_only]
        total = len(self.agreements)
        if paper:
            intro = ngettext(
                "{n} of {total} agreement(s) need attention; {paper} on paper only.",
                "{n} of {total} agreement(s) need attention; {paper} on paper only.",
                total,
            )
        else:
            intro = ngettext(
                "{n} of {total} agreement(s) need attention.",
                "{n} of {total} agreement(s) need attention.",
                total,
            )
        out: list[Block] = [
            Text(
                intro.format(
                    n=format_int(len(attention)),
                    total=format_int(total),
                    paper=format_int(len(paper)),
                )
            ),
            Table(
                translate_all(
                    (N_("Agreement"), N_("Theme"), N_("Status"), N_("Parties"), N_("Findings"))
                ),
                tuple(
                    (
                        a.title,
                        a.theme,
                        value_label(a.status.value),
                        len(a.parties),
                        findings_text(agreement_findings(a, self.names)),
                    )
                    for a in self.agreements
                ),
                what=N_("agreements"),
            ),
            Text(_("Agreements per party and theme:")),
            Table(
                (_("Party"), *self.matrix.themes),
                tuple(
                    (_name(self.names, p), *row)
                    for p, row in zip(self.matrix.parties, self.matrix.counts, strict=True)
                ),
                what=N_("parties"),
            ),
        ]
        if self.constitution is not None:
            c = self.constitution
            out.append(
                Text(
                    ngettext(
                        "Local youth constitution ({n} agreement(s)): {endorsed} of {parties} "
                        "parties endorsed all.",
                        "Local youth constitution ({n} agreement(s)): {endorsed} of {parties} "
                        "parties endorsed all.",
                        len(c.agreements),
                    ).format(
                        n=format_int(len(c.agreements)),
                        endorsed=format_int(len(c.parties) - len(c.missing)),
                        parties=format_int(len(c.parties)),
                    )
                )
            )
            if c.missing:
                out.append(
                    Items(
                        tuple(
                            _("{party} has not endorsed {agreements}").format(
                                party=p.name,
                                agreements=", ".join(_name(self.names, a) for a in p.not_endorsed),
                            )
                            for p in c.missing
                        ),
                        what=N_("parties"),
                    )
                )
        out.append(
            Text(
                _(
                    "Measurable: a success criterion with a number, percentage or date. Paper "
                    "only: no tie between the people of any two parties."
                ),
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
    title: str = N_("Meetings")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        fruitful = [m for m in self.meetings if m.new_pairs]
        return [
            Text(
                ngettext(
                    "{n} of {total} meeting(s) led to new ties between professionals.",
                    "{n} of {total} meeting(s) led to new ties between professionals.",
                    len(self.meetings),
                ).format(n=format_int(len(fruitful)), total=format_int(len(self.meetings)))
            ),
            Table(
                translate_all(
                    (
                        N_("Meeting"),
                        N_("Kind"),
                        N_("Date"),
                        N_("Participants"),
                        N_("New tied pairs"),
                        N_("Across domains"),
                        N_("Islands"),
                        N_("In largest island"),
                        N_("E-I index"),
                    )
                ),
                tuple(
                    (
                        m.name,
                        value_label(m.kind.value),
                        format_date(m.date) if m.date else "",
                        m.participants,
                        len(m.new_pairs),
                        m.new_cross_ties,
                        f"{format_measure(m.islands.before, 0)} → "
                        f"{format_measure(m.islands.after, 0)}",
                        f"{_percent(m.largest_share.before)} → {_percent(m.largest_share.after)}",
                        f"{format_measure(m.ei.before)} → {format_measure(m.ei.after)}",
                    )
                    for m in self.meetings
                ),
                what=N_("meetings"),
            ),
            Text(
                _(
                    "Before: the network without the ties met at the meeting and without ties "
                    "that began after it; after: with the ties met there."
                ),
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
