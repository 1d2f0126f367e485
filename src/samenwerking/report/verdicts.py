"""The findings of the governance checks in the report's language.

The checks in :mod:`samenwerking.governance` keep their results as data (and their own
English ``problems`` for the library's users); the report words each finding from that
data here, so the Dutch report reads "geen trekker" where the data says ``has_lead=False``.
Each function returns the findings in the order of the check's ``problems``.

Example
-------
>>> from samenwerking.governance import check_working_groups
>>> from samenwerking.model import Region, WorkingGroup
>>> from samenwerking.report.i18n import use_language
>>> [check] = check_working_groups(Region("Dorp", working_groups=(WorkingGroup("wg", "Overgang"),)))
>>> group_findings(check, {})
['no lead']
>>> with use_language("nl"):
...     group_findings(check, {})
['geen trekker']
"""

from __future__ import annotations

from collections.abc import Mapping

from samenwerking.governance import AgreementCheck, GroupCheck, LeaTable, TopicCheck
from samenwerking.report.i18n import N_, _, format_date, format_int, ngettext
from samenwerking.report.vocabulary import term

__all__ = [
    "PROVISIONS",
    "agreement_findings",
    "findings_text",
    "group_findings",
    "lea_verdict",
    "provision_label",
    "topic_findings",
]

PROVISIONS = (
    N_("pre-school"),
    N_("primary"),
    N_("secondary"),
    N_("special"),
    N_("youth care / family centre"),
    N_("municipality"),
    N_("missing"),
    N_("ok"),
    N_("more than one"),
)
"""The default types of provision at an LEA table and their statuses, for translation."""


def _names(names: Mapping[str, str], ids: tuple[str, ...]) -> str:
    return ", ".join(names.get(str(i), str(i)) for i in ids)


def findings_text(findings: list[str]) -> str:
    """Findings joined for a table cell, or "ok" when there are none.

    Example
    -------
    >>> findings_text([]), findings_text(["no lead", "expired"])
    ('ok', 'no lead; expired')
    """
    return "; ".join(findings) or _("ok")


def provision_label(name: str) -> str:
    """A type of provision (``"primary"``) or its status in the report's language."""
    return _(name)


def group_findings(group: GroupCheck, names: Mapping[str, str]) -> list[str]:
    """What to fix in a working group (see :attr:`GroupCheck.problems`)."""
    out = []
    if not group.has_lead:
        out.append(_("no lead"))
    elif not group.lead_is_member:
        out.append(_("lead is not a member"))
    if group.missing_sectors:
        sectors = ", ".join(term(s.label) for s in group.missing_sectors)
        out.append(_("missing {sectors}").format(sectors=sectors))
    if group.praatclub:
        out.append(_("praatclub: members hardly know each other"))
    if group.unknown_members:
        out.append(
            _("unknown members {ids}").format(ids=", ".join(map(str, group.unknown_members)))
        )
    return out


def topic_findings(topic: TopicCheck) -> list[str]:
    """What to fix in an agenda topic (see :attr:`TopicCheck.problems`)."""
    out = []
    if topic.outcomes_without_steps:
        out.append(_("outcomes without steps"))
    if topic.steps_without_owner:
        n = len(topic.steps_without_owner)
        out.append(
            ngettext("{n} step(s) without owner", "{n} step(s) without owner", n).format(
                n=format_int(n)
            )
        )
    if topic.past_due:
        n = len(topic.past_due)
        out.append(
            ngettext("{n} step(s) past due", "{n} step(s) past due", n).format(n=format_int(n))
        )
    if topic.due_after_end:
        n = len(topic.due_after_end)
        out.append(
            ngettext(
                "{n} step(s) due after the agenda ends", "{n} step(s) due after the agenda ends", n
            ).format(n=format_int(n))
        )
    if topic.without_leads:
        out.append(_("no lead"))
    return out


def agreement_findings(check: AgreementCheck, names: Mapping[str, str]) -> list[str]:
    """What to fix in an agreement, parties by name (see :attr:`AgreementCheck.problems`)."""
    out = []
    if not check.parties:
        out.append(_("no parties"))
    if not check.criteria:
        out.append(_("no success criteria"))
    elif not check.measurable:
        out.append(_("no measurable success criteria"))
    if check.not_yet_in_force:
        if check.valid_from is not None:
            out.append(_("not yet in force (from {day})").format(day=format_date(check.valid_from)))
        else:
            out.append(_("not yet in force"))
    if check.expired:
        out.append(_("expired"))
    if check.unendorsed:
        out.append(_("not endorsed"))
    elif check.partly_endorsed:
        out.append(
            _("not endorsed by {parties}").format(parties=_names(names, check.not_endorsed_by))
        )
    if check.outside_endorsers:
        out.append(
            _("endorsed by non-parties {parties}").format(
                parties=_names(names, check.outside_endorsers)
            )
        )
    if check.paper_only:
        out.append(_("paper only: no ties between the parties' people"))
    return out


def lea_verdict(table: LeaTable) -> str:
    """One sentence on an LEA table: complete, or which provisions are missing or crowded.

    Example
    -------
    >>> from samenwerking.governance import lea_table
    >>> import samenwerking as sw
    >>> from samenwerking.report.i18n import use_language
    >>> with use_language("nl"):
    ...     print(lea_verdict(lea_table(sw.example_region())))
    LEA table Lindenhoeve: niemand voor voorschool; meer dan één voor primair onderwijs.
    """
    if table.ok:
        return _("{table}: every type of provision has exactly one representative.").format(
            table=table.name
        )
    parts = []
    if table.missing:
        parts.append(
            _("no representative for {provisions}").format(
                provisions=", ".join(provision_label(p) for p in table.missing)
            )
        )
    if table.crowded:
        parts.append(
            _("more than one for {provisions}").format(
                provisions=", ".join(provision_label(p) for p in table.crowded)
            )
        )
    return f"{table.name}: " + "; ".join(parts) + "."
