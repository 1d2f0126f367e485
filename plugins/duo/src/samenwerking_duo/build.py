"""Turn school locations and SWV areas into a region, filtered to some municipalities.

- every school location becomes an :class:`~samenwerking.model.Organisation` with id
  its vestigingsnummer (``"16AH00"``) and identifiers ``brin`` and ``vestiging``;
- every board (bevoegd gezag) with a school in the selection becomes an organisation
  ``"bg-<number>"`` of sector ``school_board``, the ``parent`` of its schools;
- every SWV covering a selected municipality (or part of one) becomes an organisation
  with id its code (``"PO2501"``); boards are members (``memberships``) of the SWVs
  that cover their schools' locations, and schools without a known board are members
  themselves.

Example
-------
>>> loc = SchoolLocation("99XX00", "99XX", "De Linde", Sector.PRIMARY_SCHOOL, "Dorp", None,
...                      "", "12345", frozenset({"PO"}), "bo.csv", 2)
>>> region = build_region([loc], [], municipalities=["dorp"])
>>> [(o.id, o.parent) for o in region.organisations]
[('bg-12345', None), ('99XX00', 'bg-12345')]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from samenwerking.errors import InvalidRegionError, Problem
from samenwerking.model import Organisation, OrganisationId, Region, Sector
from samenwerking_duo.names import municipality_key
from samenwerking_duo.reader import SchoolLocation, SwvArea

__all__ = ["board_id", "build_region"]

_SWV_SECTOR = {"PO": Sector.SWV_PO, "VO": Sector.SWV_VO}


def board_id(number: str) -> OrganisationId:
    """The organisation id of the board with this BEVOEGD GEZAG NUMMER: ``"bg-41566"``."""
    return OrganisationId(f"bg-{number}")


def _selected(
    locations: Sequence[SchoolLocation], municipalities: Iterable[str] | None, source: str
) -> tuple[list[str], set[str] | None]:
    """The selected municipalities' display names and keys (``None``: all)."""
    names: dict[str, str] = {}
    for loc in locations:
        names.setdefault(loc.municipality_key, loc.municipality)
    if municipalities is None:
        return sorted(names.values()), None
    wanted = list(dict.fromkeys(municipality_key(m) for m in municipalities if m.strip()))
    problems = []
    for key in wanted:
        if key not in names:
            close = difflib.get_close_matches(key, list(names), n=3)
            hint = f"; did you mean {', '.join(names[c] for c in close)}?" if close else ""
            problems.append(
                Problem(
                    f"no school locations in this municipality{hint}",
                    source=source,
                    field="municipality",
                    value=key,
                )
            )
    if not wanted:
        problems.append(
            Problem(
                "no municipality given to filter on", source=source, field="municipality", value=""
            )
        )
    if problems:
        raise InvalidRegionError(problems, source=source)
    return [names[k] for k in wanted], set(wanted)


def build_region(
    locations: Sequence[SchoolLocation],
    areas: Sequence[SwvArea],
    *,
    municipalities: Iterable[str] | None = None,
    name: str | None = None,
    source: str = "",
) -> Region:
    """Build a region from school locations and the SWV map.

    Parameters
    ----------
    locations
        School locations, as :func:`~samenwerking_duo.reader.read_locations` reads them.
        The first location with a given code wins (DUO files are read before edugis).
    areas
        Lines of the SWV map (may be empty).
    municipalities
        The municipalities to keep, matched however they are written; ``None`` keeps all.
    name
        The region's name; by default the selected municipalities joined by ``", "``.
    source
        Named in the problems raised.

    Raises
    ------
    InvalidRegionError
        When a municipality to filter on has no school locations.

    Example
    -------
    >>> build_region([], [], municipalities=None).organisations
    ()
    """
    chosen_names, keys = _selected(locations, municipalities, source)
    first: dict[str, SchoolLocation] = {}
    for loc in locations:
        first.setdefault(loc.code, loc)
    kept = [loc for loc in first.values() if keys is None or loc.municipality_key in keys]

    def swvs_of(loc: SchoolLocation) -> list[SwvArea]:
        return [
            a
            for a in areas
            if a.sector in loc.swv_sectors and a.covers(loc.municipality_key, loc.postcode)
        ]

    swv_municipality: dict[str, str] = {}
    selected_keys = keys if keys is not None else {loc.municipality_key for loc in kept}
    display = {loc.municipality_key: loc.municipality for loc in kept}
    for area in areas:
        key = municipality_key(area.municipality)
        if key in selected_keys:
            swv_municipality.setdefault(area.code, display.get(key, area.municipality))

    board_municipality: dict[str, str] = {}
    board_swvs: dict[str, set[str]] = {}
    schools: list[Organisation] = []
    for loc in kept:
        memberships = sorted({a.code for a in swvs_of(loc)})
        identifiers = {"brin": loc.brin, "vestiging": loc.code}
        if loc.municipality_number:
            identifiers["gemeentenummer"] = loc.municipality_number
        if loc.board is not None:
            board_municipality.setdefault(loc.board, loc.municipality)
            board_swvs.setdefault(loc.board, set()).update(memberships)
        schools.append(
            Organisation(
                OrganisationId(loc.code),
                loc.name,
                loc.sector,
                loc.municipality,
                parent=board_id(loc.board) if loc.board is not None else None,
                memberships=tuple(OrganisationId(m) for m in memberships)
                if loc.board is None
                else (),
                identifiers=identifiers,
            )
        )
    boards = [
        Organisation(
            board_id(number),
            f"Bevoegd gezag {number}",
            Sector.SCHOOL_BOARD,
            board_municipality[number],
            memberships=tuple(OrganisationId(m) for m in sorted(board_swvs[number])),
            identifiers={"bevoegd_gezag": number},
        )
        for number in sorted(board_municipality, key=lambda n: (len(n), n))
    ]
    swvs = [
        Organisation(
            OrganisationId(code),
            f"Samenwerkingsverband {code}",
            _SWV_SECTOR[code[:2]],
            municipality,
            identifiers={"swv": code},
        )
        for code, municipality in sorted(swv_municipality.items())
    ]
    title = name or (", ".join(chosen_names) if keys is not None else "Nederland")
    return Region(title, organisations=(*swvs, *boards, *schools))
