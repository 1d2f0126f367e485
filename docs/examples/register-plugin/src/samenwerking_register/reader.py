"""Read the register export of the sociaal domein (CSV with ``;``) into a region.

The export has one row per professional: register number, name, job title,
organisation, kind of organisation, municipality, and the register numbers of the
colleagues they work with (separated by commas).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

from samenwerking.errors import InvalidRegionError, Problem, SourceNotFoundError
from samenwerking.model import (
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    Tie,
    TieKind,
)

__all__ = ["COLUMNS", "organisation_id", "read_register"]

NUMBER = "Registratienummer"
NAME = "Naam"
JOB = "Functie"
ORGANISATION = "Organisatie"
KIND = "Soort organisatie"
MUNICIPALITY = "Gemeente"
PARTNERS = "Werkt samen met"
COLUMNS = (NUMBER, NAME, JOB, ORGANISATION, KIND, MUNICIPALITY, PARTNERS)
"""The columns of the export, as the register names them."""


def organisation_id(name: str) -> str:
    """An identifier made from an organisation's name: ``OBS De Linde`` -> ``obs-de-linde``."""
    return re.sub(r"[^0-9a-z]+", "-", name.lower()).strip("-")


def read_register(
    path: Path,
    *,
    sector_of: Callable[[str], Sector | None],
    role_of: Callable[[str], Role | None],
    name: str | None = None,
) -> Region:
    """Read an export; raise InvalidRegionError listing every problem with its row."""
    if not path.is_file():
        raise SourceNotFoundError(f"no register export at {str(path)!r}")
    problems: list[Problem] = []

    def problem(row: int, column: str, value: str | None, message: str) -> None:
        problems.append(Problem(message, path.name, f"row {row}", column, value))

    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header = [cell.strip() for cell in rows[0]] if rows else []
    for column in COLUMNS:
        if column not in header:
            problem(1, column, None, "required column missing")
    if problems:
        raise InvalidRegionError(problems, source=str(path))

    organisations: dict[str, Organisation] = {}
    professionals: list[Professional] = []
    first_row: dict[str, int] = {}
    partners: list[tuple[int, str, str]] = []
    for row, cells in enumerate(rows[1:], start=2):
        values = dict(zip(header, (cell.strip() for cell in cells), strict=False))
        get = {column: values.get(column, "") for column in COLUMNS}
        if not any(get.values()):
            continue  # a blank line
        before = len(problems)
        for column in COLUMNS[:-1]:
            if not get[column]:
                problem(row, column, None, "required value missing")
        number = get[NUMBER]
        if number and not number.isdigit():
            problem(row, NUMBER, number, "expected a number")
        elif number in first_row:
            problem(row, NUMBER, number, f"appears twice (first on row {first_row[number]})")
        elif number:
            first_row[number] = row
        sector = sector_of(get[KIND]) if get[KIND] else None
        if get[KIND] and sector is None:
            problem(row, KIND, get[KIND], "unknown kind of organisation")
        role = role_of(get[JOB]) if get[JOB] else None
        if get[JOB] and role is None:
            problem(row, JOB, get[JOB], "unknown job title")
        if len(problems) > before or sector is None or role is None:
            continue
        org_id = OrganisationId(organisation_id(get[ORGANISATION]))
        organisation = Organisation(org_id, get[ORGANISATION], sector, get[MUNICIPALITY])
        known = organisations.setdefault(org_id, organisation)
        if known != organisation:
            problem(
                row, KIND, get[KIND], "this organisation has another kind or municipality above"
            )
        professionals.append(Professional(ProfessionalId(number), get[NAME], role, (org_id,)))
        partners.extend((row, number, p.strip()) for p in get[PARTNERS].split(",") if p.strip())

    ties: list[Tie] = []
    pairs: set[frozenset[str]] = set()
    for row, number, partner in partners:
        if partner not in first_row:
            problem(row, PARTNERS, partner, f"unknown {NUMBER}")
        elif partner == number:
            problem(row, PARTNERS, partner, "a professional cannot work with themselves")
        elif frozenset((number, partner)) not in pairs:
            pairs.add(frozenset((number, partner)))
            ties.append(Tie(ProfessionalId(number), ProfessionalId(partner), TieKind.COLLABORATES))
    if problems:
        raise InvalidRegionError(problems, source=str(path))
    return Region(
        name or path.stem,
        organisations=tuple(organisations.values()),
        professionals=tuple(professionals),
        ties=ties,
    )
