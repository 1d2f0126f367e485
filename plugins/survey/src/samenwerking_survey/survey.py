"""Turn survey data into a :class:`~samenwerking.model.Region`, and the adapter that does it.

Organisations and professionals get ids derived from their normalised names
(:func:`organisation_id`, :func:`professional_id`); every answer becomes a *directed* tie
from the respondent to the partner they named, ``collaborates`` when contact is at least
monthly (frequency >= 2 by default), else ``knows``, with ``strength`` = frequency and the
trust and value answers. Sector and role labels go through the plugin manager's
``samenwerking_map_sector`` / ``samenwerking_map_role`` hooks; labels nobody maps become
``other`` with an :class:`UnmappedLabelWarning` (or problems, with ``strict_labels=True``).

Example
-------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "s.csv").write_text(
...     "Naam,Organisatie,Sector,Naam partner,Organisatie partner,Frequentie\\n"
...     "Ans Bos,Gemeente Dorp,gemeente,Kees Mol,OBS Dorp,wekelijks\\n", encoding="utf-8")
>>> region = read_survey(folder / "s.csv", municipality="Dorp", plugins=False)
>>> region.ties[0].source, region.ties[0].kind, region.ties[0].directed
('gemeente-dorp--ans-bos', <TieKind.COLLABORATES: 'collaborates'>, True)
"""

from __future__ import annotations

import csv
import hashlib
import os
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

from samenwerking.errors import InvalidRegionError, Problem, SamenwerkingWarning
from samenwerking.model import (
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    TieKind,
    TieStore,
)
from samenwerking_survey.columns import SURVEY_COLUMNS, match_headers
from samenwerking_survey.labels import default_role, default_sector, normalise_label
from samenwerking_survey.reader import (
    PREFIX,
    SURVEY_FILES,
    Label,
    PersonKey,
    Scales,
    SurveyData,
    decode,
    read_survey_data,
)

__all__ = [
    "ADAPTER_NAME",
    "SurveyAdapter",
    "SurveyRegion",
    "UnmappedLabelWarning",
    "build_region",
    "organisation_id",
    "professional_id",
    "read_survey",
]

ADAPTER_NAME = "survey"
"""The adapter's name, passed as ``source`` to the mapping hooks."""


class UnmappedLabelWarning(SamenwerkingWarning):
    """A sector or role label that no plugin maps; it was read as ``other``."""


def _slug(text: str) -> str:
    return normalise_label(text).replace(" ", "-")


def organisation_id(name: str) -> OrganisationId:
    """The id of an organisation: the slug of its normalised name.

    Example
    -------
    >>> organisation_id("OBS 't Klimrek"), organisation_id("obs t  klimrek")
    ('obs-t-klimrek', 'obs-t-klimrek')
    """
    slug = _slug(name)
    return OrganisationId(slug or "org-" + hashlib.sha1(name.encode()).hexdigest()[:8])


def professional_id(organisation: str, name: str) -> ProfessionalId:
    """The id of a professional: organisation slug, ``--``, name slug.

    Slugs are the normalised words joined by ``-``, so ``--`` cannot occur inside one
    and different (organisation, name) pairs get different ids.

    Example
    -------
    >>> professional_id("Gemeente Dorp", "J. de Vries")
    'gemeente-dorp--j-de-vries'
    """
    slug = _slug(name) or "p-" + hashlib.sha1(name.encode()).hexdigest()[:8]
    return ProfessionalId(f"{organisation_id(organisation)}--{slug}")


@frozen
class SurveyRegion:
    """A region read from a survey, with the ids given to each person and organisation."""

    region: Region
    """The region."""
    data: SurveyData
    """What was read."""
    person_ids: Mapping[PersonKey, ProfessionalId]
    """The professional id of each person."""
    organisation_ids: Mapping[str, OrganisationId]
    """The organisation id of each normalised organisation name."""
    unmapped_labels: tuple[Problem, ...] = ()
    """Sector and role labels no plugin mapped (read as ``other``), where first seen."""


Mapper = Callable[[str], Any]


def _hook_mappers(plugins: Any) -> tuple[Mapper | None, Mapper | None]:
    """Sector and role mappers from a pluggy manager, a ``Plugins`` wrapper, or ``None``."""
    if plugins is False:
        return None, None
    if plugins is None:
        try:
            from samenwerking.plugins import get_plugin_manager
        except ImportError:  # pragma: no cover - manager not yet available
            return None, None
        plugins = get_plugin_manager()
    hook = getattr(plugins, "hook", None)
    if hook is not None:
        return (
            lambda label: hook.samenwerking_map_sector(label=label, source=ADAPTER_NAME),
            lambda label: hook.samenwerking_map_role(label=label, source=ADAPTER_NAME),
        )
    return (
        lambda label: plugins.map_sector(label, ADAPTER_NAME),
        lambda label: plugins.map_role(label, ADAPTER_NAME),
    )


class _Labels:
    """Maps labels through the hooks, then the defaults; remembers what nobody knew."""

    def __init__(self, plugins: Any) -> None:
        self.sector_hook, self.role_hook = _hook_mappers(plugins)
        self.unmapped: dict[tuple[str, str], list[Label]] = {}
        self.failures: list[Problem] = []
        self._cache: dict[tuple[str, str], Any] = {}

    def _map(self, kind: str, label: Label, hook: Mapper | None, default: Mapper) -> Any:
        cache_key = (kind, label.text)
        if cache_key not in self._cache:
            result = None
            if hook is not None:
                try:
                    result = hook(label.text)
                except Exception as exc:
                    self.failures.append(
                        Problem(
                            f"a samenwerking_map_{kind} hook failed: {exc!r}",
                            label.source,
                            f"row {label.row}",
                            kind,
                            label.text,
                        )
                    )
            self._cache[cache_key] = default(label.text) if result is None else result
        result = self._cache[cache_key]
        if result is None:
            self.unmapped.setdefault(cache_key, []).append(label)
        return result

    def sector(self, label: Label | None) -> Sector:
        if label is None:
            return Sector.OTHER
        return Sector(self._map("sector", label, self.sector_hook, default_sector) or "other")

    def role(self, label: Label | None) -> Role:
        if label is None:
            return Role.OTHER
        return Role(self._map("role", label, self.role_hook, default_role) or "other")

    def problems(self) -> list[Problem]:
        out = list(self.failures)
        for (kind, text), labels in self.unmapped.items():
            first = labels[0]
            out.append(
                Problem(
                    f"unknown {kind} label (no plugin maps it; add a samenwerking_map_{kind} "
                    f"hook or use a known label)",
                    first.source,
                    f"row {first.row}",
                    kind,
                    text,
                )
            )
        return out


def build_region(
    data: SurveyData,
    *,
    name: str | None = None,
    municipality: str | None = None,
    plugins: Any = None,
    collaborates_from: int = 2,
    strict_labels: bool = False,
    warn: bool = True,
) -> SurveyRegion:
    """Build the region (organisations, professionals, directed ties) from survey data.

    Parameters
    ----------
    data
        What :func:`~samenwerking_survey.reader.read_survey_data` read.
    name
        The region's name (default: the survey file's stem).
    municipality
        The municipality for organisations whose rows give none (default: ``name``).
    plugins
        A pluggy manager or ``samenwerking.plugins.Plugins`` for the mapping hooks;
        ``None`` uses ``samenwerking.plugins.get_plugin_manager()``; ``False`` only this
        plugin's default mapping.
    collaborates_from
        The lowest frequency that makes a tie ``collaborates`` rather than ``knows``.
    strict_labels
        Report unknown sector and role labels as problems instead of warnings.
    warn
        Emit an :class:`UnmappedLabelWarning` for unknown labels (they are also listed
        in :attr:`SurveyRegion.unmapped_labels`).

    Raises
    ------
    InvalidRegionError
        With ``strict_labels``, for unknown labels; always, when a mapping hook fails.
    """
    region_name = name or Path(data.source).stem
    default_municipality = municipality or region_name
    labels = _Labels(plugins)

    organisations: dict[str, Organisation] = {}
    org_ids: dict[str, OrganisationId] = {}
    used_org_ids: set[str] = set()
    org_sector_label: dict[str, Label] = {}
    org_display: dict[str, str] = {}
    for person in data.people:
        org_key = person.key[0]
        org_display.setdefault(org_key, person.organisation)
        current = org_sector_label.get(org_key)
        if person.sector is not None and (
            current is None or person.sector.priority < current.priority
        ):
            org_sector_label[org_key] = person.sector
    for org_key in org_display:
        org_ids[org_key] = OrganisationId(
            _unique(organisation_id(org_display[org_key]), used_org_ids)
        )
        organisations[org_key] = Organisation(
            org_ids[org_key],
            org_display[org_key],
            labels.sector(org_sector_label.get(org_key)),
            data.organisation_municipalities.get(org_key, default_municipality),
        )

    person_ids: dict[PersonKey, ProfessionalId] = {}
    used_person_ids: set[str] = set()
    professionals = []
    for person in data.people:
        pid = _unique(professional_id(person.organisation, person.name), used_person_ids)
        person_ids[person.key] = ProfessionalId(pid)
        professionals.append(
            Professional(
                ProfessionalId(pid),
                person.name,
                labels.role(person.role),
                (org_ids[person.key[0]],),
            )
        )

    problems = labels.problems()
    if labels.failures or (strict_labels and problems):
        raise InvalidRegionError(problems, source=data.source)
    if problems and warn:
        warnings.warn(
            UnmappedLabelWarning(
                "labels read as 'other':\n" + "\n".join(f"  {p}" for p in problems)
            ),
            stacklevel=3,
        )

    answers = data.answers
    ties = TieStore.from_columns(
        source=[person_ids[a.respondent] for a in answers],
        target=[person_ids[a.partner] for a in answers],
        kind=[
            TieKind.COLLABORATES
            if a.frequency is not None and a.frequency >= collaborates_from
            else TieKind.KNOWS
            for a in answers
        ],
        strength=[None if a.frequency is None else float(a.frequency) for a in answers],
        trust=[None if a.trust is None else float(a.trust) for a in answers],
        value=[None if a.value is None else float(a.value) for a in answers],
        directed=[True] * len(answers),
    )
    region = Region(
        name=region_name,
        organisations=tuple(organisations.values()),
        professionals=tuple(professionals),
        ties=ties,
    )
    return SurveyRegion(region, data, person_ids, org_ids, tuple(problems))


def _unique(candidate: str, used: set[str]) -> str:
    result, n = candidate, 1
    while result in used:
        n += 1
        result = f"{candidate}-{n}"
    used.add(result)
    return result


def read_survey(
    source: str | os.PathLike[str],
    *,
    roster: str | os.PathLike[str] | None = None,
    validate: bool = True,
    name: str | None = None,
    municipality: str | None = None,
    plugins: Any = None,
    scales: Scales | None = None,
    collaborates_from: int = 2,
    strict_labels: bool = False,
) -> Region:
    """Read a roster survey export (and roster) into a region with directed ties.

    Parameters are those of :func:`~samenwerking_survey.reader.read_survey_data` and
    :func:`build_region`; ``validate`` checks the region's references too.

    Raises
    ------
    SourceNotFoundError
        When a file does not exist.
    InvalidRegionError
        Listing every problem with file, row, column and value.
    """
    data = read_survey_data(source, roster=roster, scales=scales)
    folder = Path(os.fspath(source).removeprefix(PREFIX))
    built = build_region(
        data,
        name=name or (folder.name if folder.is_dir() else None),
        municipality=municipality,
        plugins=plugins,
        collaborates_from=collaborates_from,
        strict_labels=strict_labels,
    )
    return built.region.validate() if validate else built.region


@frozen
class SurveyAdapter:
    """The ``survey`` source adapter: roster survey exports (CSV) into directed ties.

    Example
    -------
    >>> SurveyAdapter().can_read("survey:anything.csv"), SurveyAdapter().can_read("x.json")
    (True, False)
    """

    name: str = ADAPTER_NAME
    """``"survey"``."""
    description: str = (
        "Roster network survey export (CSV, PARTNER-style frequency/trust/value) "
        "into professionals, organisations and directed ties"
    )
    """One line for ``samenwerking plugins``."""

    def can_read(self, source: str | os.PathLike[str]) -> bool:
        """A ``survey:`` source, a folder with a survey file, or a CSV with survey headers."""
        text = os.fspath(source)
        if text.startswith(PREFIX):
            return True
        path = Path(text)
        try:
            if path.is_dir():
                return any((path / f).is_file() for f in SURVEY_FILES)
            if path.suffix.lower() not in (".csv", ".txt") or not path.is_file():
                return False
            with path.open("rb") as handle:
                first = decode(handle.readline(65536), str(path), warn=False)
        except (OSError, InvalidRegionError):
            return False
        delimiter = max((",", ";", "\t"), key=first.count)
        headers = next(csv.reader([first.strip("\r\n")], delimiter=delimiter), [])
        found, _ = match_headers(headers, SURVEY_COLUMNS)
        return {"partner", "frequency"} <= found.keys()

    def read(
        self, source: str | os.PathLike[str], *, validate: bool = True, **options: Any
    ) -> Region:
        """Read the source with :func:`read_survey` (options are passed on)."""
        return read_survey(source, validate=validate, **options)
