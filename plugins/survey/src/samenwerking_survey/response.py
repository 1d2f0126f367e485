"""Response-rate figures and the report of unknown names for a survey.

Example
-------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "roster.csv").write_text(
...     "Naam,Organisatie,Sector\\n"
...     "Ans Bos,Gemeente Dorp,gemeente\\nKees Mol,OBS Dorp,basisschool\\n")
>>> _ = (folder / "survey.csv").write_text(
...     "Naam,Organisatie,Naam partner,Organisatie partner,Frequentie\\n"
...     "Ans Bos,Gemeente Dorp,Kees Mool,OBS Dorp,2\\n")
>>> summary = response_summary(folder, plugins=False)
>>> summary.invited, summary.responded, summary.response_rate
(2, 1, 0.5)
>>> print(summary.unknown_names[0])
Kees Mool (OBS Dorp), named in row 2; did you mean 'Kees Mol (OBS Dorp)'?
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from attrs import frozen

from samenwerking.errors import Problem
from samenwerking.model import Sector
from samenwerking_survey.reader import Scales, UnknownName, read_survey_data
from samenwerking_survey.survey import build_region

__all__ = ["GroupResponse", "ResponseSummary", "response_summary"]


@frozen
class GroupResponse:
    """Invited and responded counts for one organisation or sector."""

    name: str
    """The organisation's display name, or the sector's value."""
    invited: int | None
    """How many on the roster (``None`` without a roster)."""
    responded: int
    """How many of them answered."""

    @property
    def rate(self) -> float | None:
        """``responded / invited`` (``None`` without a roster or when nobody was invited)."""
        return self.responded / self.invited if self.invited else None


@frozen
class ResponseSummary:
    """How many were invited and answered, overall and per group, and who is unknown."""

    source: str
    """The survey file."""
    invited: int | None
    """People on the roster (``None`` without a roster)."""
    responded: int
    """Respondents (with a roster: respondents who are on it)."""
    by_organisation: tuple[GroupResponse, ...]
    """Per organisation, in first-seen order."""
    by_sector: tuple[GroupResponse, ...]
    """Per sector (of the person's organisation), in the order of :class:`Sector`."""
    unknown_names: tuple[UnknownName, ...]
    """Named partners on no roster (without one: not among the respondents)."""
    respondents_not_on_roster: tuple[str, ...]
    """Respondents missing from the roster, as ``"Name (Organisation)"``."""
    unmapped_labels: tuple[Problem, ...] = ()
    """Sector and role labels no plugin maps (read as ``other``), where first seen."""

    @property
    def response_rate(self) -> float | None:
        """``responded / invited`` (``None`` without a roster)."""
        return self.responded / self.invited if self.invited else None

    def report(self) -> str:
        """A plain-text report of the figures and the unknown names."""
        lines = [f"Survey {self.source}"]
        if self.invited is None:
            lines.append(f"  {self.responded} respondents (no roster: response rate unknown)")
        else:
            lines.append(
                f"  {self.responded} of {self.invited} invited responded "
                f"({_percent(self.response_rate)})"
            )
        for title, groups in (("organisation", self.by_organisation), ("sector", self.by_sector)):
            lines.append(f"By {title}:")
            lines.extend(
                f"  {g.name}: {g.responded}"
                + ("" if g.invited is None else f" of {g.invited} ({_percent(g.rate)})")
                for g in groups
            )
        if self.unknown_names:
            lines.append("Named partners not on the roster:")
            lines.extend(f"  {u}" for u in self.unknown_names)
        if self.respondents_not_on_roster:
            lines.append("Respondents not on the roster:")
            lines.extend(f"  {r}" for r in self.respondents_not_on_roster)
        if self.unmapped_labels:
            lines.append("Labels read as 'other':")
            lines.extend(f"  {p}" for p in self.unmapped_labels)
        return "\n".join(lines)


def _percent(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.0%}"


def response_summary(
    source: str | os.PathLike[str],
    *,
    roster: str | os.PathLike[str] | None = None,
    plugins: Any = None,
    scales: Scales | None = None,
) -> ResponseSummary:
    """Response rates (overall, per organisation, per sector) and unknown names of a survey.

    Parameters
    ----------
    source
        The survey CSV, a folder with the survey and roster, or ``survey:<path>``.
    roster
        The roster of everyone invited; without one, rates are ``None``.
    plugins
        For the sector mapping, as in :func:`~samenwerking_survey.survey.build_region`.
    scales
        The answer scales.

    Raises
    ------
    InvalidRegionError
        When the files have problems (as :func:`~samenwerking_survey.read_survey`).
    """
    data = read_survey_data(source, roster=roster, scales=scales)
    built = build_region(data, plugins=plugins, warn=False)
    region = built.region
    has_roster = data.has_roster
    counted = [p for p in data.people if (p.invited if has_roster else p.responded)]

    def groups(names: Iterable[str], keyed: list[tuple[str, bool]]) -> tuple[GroupResponse, ...]:
        out = []
        for name in names:
            members = [answered for key, answered in keyed if key == name]
            if members:
                invited = len(members) if has_roster else None
                out.append(GroupResponse(name, invited, sum(members)))
        return tuple(out)

    org_names = {o.id: o.name for o in region.organisations}
    org_of = [(org_names[built.organisation_ids[p.key[0]]], p.responded) for p in counted]
    sector_of = [
        (region.organisation(built.organisation_ids[p.key[0]]).sector.value, p.responded)
        for p in counted
    ]
    return ResponseSummary(
        source=data.source,
        invited=len(counted) if has_roster else None,
        responded=sum(p.responded for p in counted),
        by_organisation=groups(dict.fromkeys(name for name, _ in org_of), org_of),
        by_sector=groups((s.value for s in Sector), sector_of),
        unknown_names=data.unknown_names,
        respondents_not_on_roster=tuple(
            f"{p.name} ({p.organisation})" for p in data.people if p.responded and not p.invited
        )
        if has_roster
        else (),
        unmapped_labels=built.unmapped_labels,
    )
