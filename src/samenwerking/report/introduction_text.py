"""The words of the introductions section in the report's language.

:mod:`samenwerking.introduce` explains each suggestion in English (``"cross-domain (care -
education); same municipality (Dorp)"``) and keeps its figures as data. The report
rewords each known part of an explanation here; a part it does not know is shown as it
is, so nothing is lost.

Example
-------
>>> from samenwerking.report.i18n import use_language
>>> with use_language("nl"):
...     reason_text("cross-domain (care - education); different municipalities")
'over domeinen heen (zorg - onderwijs); verschillende gemeenten'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from samenwerking.introduce import Improvement
from samenwerking.report.i18n import N_, _, current_language, format_int, ngettext
from samenwerking.report.vocabulary import domain_label, role_label

__all__ = ["PURPOSES", "figure_rows", "note_text", "reason_text"]

PURPOSES = {
    "connect the islands": N_("connect the islands"),
    "make links robust": N_("make links robust"),
    "expertise within reach": N_("expertise within reach"),
}
"""The purposes of the three introduction lists, for translation."""

_GROUPS = {
    "domain": (N_("domains"), N_("Domain links hanging on one person")),
    "sector": (N_("sectors"), N_("Sector links hanging on one person")),
    "municipality": (N_("municipalities"), N_("Municipality links hanging on one person")),
    "organisation": (N_("organisations"), N_("Organisation links hanging on one person")),
}

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _role(value: str) -> str:
    if current_language() == "en":
        return value  # the planner's own words
    try:
        return role_label(value)
    except ValueError:
        return value


_REASONS: tuple[_Rule, ...] = (
    (
        re.compile(r"cross-domain \((.+) - (.+)\)"),
        lambda m: _("cross-domain ({a} - {b})").format(a=domain_label(m[1]), b=domain_label(m[2])),
    ),
    (
        re.compile(r"same domain \((.+)\)"),
        lambda m: _("same domain ({domain})").format(domain=domain_label(m[1])),
    ),
    (
        re.compile(r"same municipality \((.+)\)"),
        lambda m: _("same municipality ({municipality})").format(municipality=m[1]),
    ),
    (re.compile(r"different municipalities"), lambda m: _("different municipalities")),
    (
        re.compile(r"roles fit \((\w+) - (\w+)\)"),
        lambda m: _("roles fit ({a} - {b})").format(a=_role(m[1]), b=_role(m[2])),
    ),
    (
        re.compile(r"both in working group (.+)"),
        lambda m: _("both in working group {name}").format(name=m[1]),
    ),
    (
        re.compile(r"both in agenda (.+)"),
        lambda m: _("both on the agenda {name}").format(name=m[1]),
    ),
    (re.compile(r"both in (.+)"), lambda m: _("both in {group}").format(group=m[1])),
    (
        re.compile(r"(\S+) has no spare capacity"),
        lambda m: _("{person} has no spare capacity").format(person=m[1]),
    ),
)

_CAP = re.compile(r"the cap of (\d+) introduction\(s\) per person(?: \(counting (\d+) planned\))?")


def _cap(text: str) -> str:
    def cap(m: re.Match[str]) -> str:
        n = int(m[1])
        words = ngettext(
            "the cap of {n} introduction(s) per person",
            "the cap of {n} introduction(s) per person",
            n,
        ).format(n=format_int(n))
        if m[2] is not None:
            words += " " + _("(counting {n} planned)").format(n=format_int(int(m[2])))
        return words

    return _CAP.sub(cap, text)


_NOTES: tuple[_Rule, ...] = (
    (
        re.compile(r"(.+) leaves (\d+) islands that cannot all be joined(?: \((.+)\))?"),
        lambda m: _("{cap} leaves {n} islands that cannot all be joined").format(
            cap=_cap(m[1]), n=format_int(int(m[2]))
        )
        + (f" ({_joining(m[3])})" if m[3] else ""),
    ),
    (
        re.compile(r"(.+ - .+) can reach only (\d+) \(too few people\)"),
        lambda m: _("{pair} can reach only {n} (too few people)").format(
            pair=_pair(m[1]), n=format_int(int(m[2]))
        ),
    ),
    (
        re.compile(r"(.+ - .+) lacks (\d+) \((.+) leaves too few people with room for the "
                   r"fewest introductions\)"),
        lambda m: _(
            "{pair} lacks {n} ({cap} leaves too few people with room for the fewest "
            "introductions)"
        ).format(pair=_pair(m[1]), n=format_int(int(m[2])), cap=_cap(m[3])),
    ),
    (re.compile(r"the region has no experts"), lambda m: _("the region has no experts")),
    (
        re.compile(r"(the cap of .+?) leaves nobody to serve (.+)"),
        lambda m: _("{cap} leaves nobody to serve {schools}").format(
            cap=_cap(m[1]), schools=_listed(m[2])
        ),
    ),
    (
        re.compile(r"with (the cap of .+?) the search found no introductions for (.+) \(the "
                   r"experts have no room left; a way may still exist\)"),
        lambda m: _(
            "with {cap} the search found no introductions for {schools} (the experts have "
            "no room left; a way may still exist)"
        ).format(cap=_cap(m[1]), schools=_listed(m[2])),
    ),
)  # fmt: skip


def _joining(text: str) -> str:
    m = re.fullmatch(r"joining (\d+) islands needs (\d+) ends", text)
    if m is None:
        return text
    return _("joining {n} islands needs {ends} ends").format(
        n=format_int(int(m[1])), ends=format_int(int(m[2]))
    )


def _pair(text: str) -> str:
    return " - ".join(domain_label(part) for part in text.split(" - ", 1))


def _listed(text: str) -> str:
    m = re.fullmatch(r"(.+) and (\d+) more", text)
    if m is None:
        return text
    return _("{names} and {n} more").format(names=m[1], n=format_int(int(m[2])))


def _reword(text: str, rules: tuple[_Rule, ...]) -> str:
    for pattern, words in rules:
        m = pattern.fullmatch(text)
        if m is not None:
            return words(m)
    return text


def reason_text(reason: str) -> str:
    """Why two people are introduced, part by part, in the report's language.

    Example
    -------
    >>> reason_text("same domain (care)")
    'same domain (care)'
    """
    return "; ".join(_reword(part, _REASONS) for part in reason.split("; ") if part)


def note_text(purpose: str, note: str) -> str:
    """Why a list of introductions does not reach its goal, in the report's language.

    Example
    -------
    >>> note_text("make links robust", "the region has no experts")
    'Not every goal can be reached (make links robust): the region has no experts.'
    """
    parts = "; ".join(_reword(part, _NOTES) for part in note.split("; ") if part)
    return _("Not every goal can be reached ({purpose}): {note}.").format(
        purpose=_(PURPOSES.get(purpose, purpose)), note=parts
    )


def figure_rows(change: Improvement) -> list[tuple[str, float | str, float | str]]:
    """The ``(figure, before, after)`` rows of :meth:`Improvement.rows`, named in the
    report's language (the values are the same; experts are the default care sectors).

    Example
    -------
    >>> import samenwerking as sw
    >>> from samenwerking.introduce import improvement
    >>> region = sw.example_region()
    >>> figure_rows(improvement(region, region))[0]
    ('Islands', 7, 7)
    """
    values = [row[1:] for row in change.rows()]
    plural, links = _GROUPS.get(change.by, (change.by, change.by))
    if change.chosen_pairs:
        scope = ngettext(
            "Lowest bus factor between the {n} chosen pair of {groups}",
            "Lowest bus factor between the {n} chosen pairs of {groups}",
            change.chosen_pairs,
        ).format(n=format_int(change.chosen_pairs), groups=_(plural))
        hanging = _("Chosen {groups} links hanging on one person").format(groups=_(plural))
    else:
        scope = _("Lowest bus factor between {groups}").format(groups=_(plural))
        hanging = _(links)
    if change.chosen_schools:
        schools = ngettext(
            "{n} chosen school without a care contact within {steps} steps",
            "{n} chosen schools without a care contact within {steps} steps",
            change.chosen_schools,
        ).format(n=format_int(change.chosen_schools), steps=format_int(change.steps))
    else:
        schools = _("Schools without a care contact within {steps} steps").format(
            steps=format_int(change.steps)
        )
    names = (
        _("Islands"),
        _("Share in largest island"),
        _("E-I index (domains)"),
        scope,
        hanging,
        schools,
    )
    return [(name, *pair) for name, pair in zip(names, values, strict=True)]
