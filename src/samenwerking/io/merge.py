"""Merge regions read from several sources into one, reporting conflicts.

Schools from one source, ties from a survey, cases from a third: :func:`merge_regions`
joins every collection by id. A record that appears in two sources with the same
content is kept once; with different content it is a conflict, and all conflicts are
raised together as an :class:`~samenwerking.errors.InvalidRegionError` whose problems
name both sources and the fields that differ. Ties are concatenated; a tie identical to
one from an earlier source is kept once. The merged region takes the first source's name.

Example
-------
>>> from samenwerking.model import Organisation, OrganisationId, Region, Sector
>>> town = Organisation(OrganisationId("g1"), "Gemeente Dorp", Sector.MUNICIPALITY, "Dorp")
>>> school = Organisation(OrganisationId("s1"), "De Linde", Sector.PRIMARY_SCHOOL, "Dorp")
>>> merged = merge_regions([("a.json", Region("Dorp", (town,))),
...                         ("b.json", Region("Dorp", (town, school)))])
>>> [o.id for o in merged.region.organisations]
['g1', 's1']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from samenwerking.errors import InvalidRegionError, Problem
from samenwerking.model import Region, TieStore
from samenwerking.model.validation import Path as ModelPath
from samenwerking.model.validation import json_path

__all__ = ["COLLECTIONS", "Merged", "merge_regions"]

COLLECTIONS: tuple[str, ...] = (
    "organisations",
    "professionals",
    "agreements",
    "agendas",
    "working_groups",
    "meetings",
    "cases",
)
"""The region's collections of records with an ``id``, merged by id."""


@attrs.frozen
class Merged:
    """A merged region and where each of its records came from."""

    region: Region
    """The merged region (not yet validated)."""
    origins: dict[tuple[str, int], str]
    """``(collection, position)`` -> the source it came from; ties as ``("ties", row)``."""

    def locate(self, path: ModelPath) -> tuple[str, str]:
        """A locator for validation: the source of the record, and its path in the merge."""
        if len(path) >= 2 and isinstance(path[1], int):
            return self.origins.get((str(path[0]), path[1]), ""), json_path(path)
        return "", json_path(path)


def _differences(a: Any, b: Any) -> list[str]:
    return [f.name for f in attrs.fields(type(a)) if getattr(a, f.name) != getattr(b, f.name)]


def _tie_rows(store: TieStore) -> list[tuple[Any, ...]]:
    return list(zip(*store.to_columns().values(), strict=True))


def merge_regions(parts: Sequence[tuple[str, Region]]) -> Merged:
    """Merge regions, each named by its source, into one; raise if records conflict.

    Parameters
    ----------
    parts
        ``(source, region)`` pairs, in order; the first source's order and name lead.

    Returns
    -------
    Merged
        The region and the origin of each record (for locating validation problems).

    Raises
    ------
    InvalidRegionError
        Listing every conflict: the same id in two sources with different content.
    """
    if not parts:
        raise ValueError("merge_regions needs at least one region")
    problems: list[Problem] = []
    origins: dict[tuple[str, int], str] = {}
    merged: dict[str, tuple[Any, ...]] = {}
    for collection in COLLECTIONS:
        kept: dict[str, tuple[str, Any]] = {}
        items: list[Any] = []
        for source, region in parts:
            for item in getattr(region, collection):
                seen = kept.get(item.id)
                if seen is None:
                    kept[item.id] = (source, item)
                    origins[(collection, len(items))] = source
                    items.append(item)
                elif seen[1] != item:
                    fields = ", ".join(_differences(seen[1], item))
                    problems.append(
                        Problem(
                            f"conflict: {seen[0]} and {source} both have {collection} id "
                            f"{item.id!r} but disagree on {fields}",
                            source=source,
                            location=collection,
                            field="id",
                            value=item.id,
                        )
                    )
        merged[collection] = tuple(items)
    if problems:
        raise InvalidRegionError(problems, source=" + ".join(s for s, _ in parts))

    stores: list[TieStore] = []
    seen_ties: set[tuple[Any, ...]] = set()
    row = 0
    for source, region in parts:
        rows = _tie_rows(region.ties)
        keep = np.array([r not in seen_ties for r in rows], dtype=bool)
        stores.append(region.ties.select(keep) if len(rows) else region.ties)
        for _ in range(int(keep.sum())):
            origins[("ties", row)] = source
            row += 1
        seen_ties.update(rows)
    region = parts[0][1].replace(ties=TieStore.concat(stores), **merged)
    return Merged(region, origins)
