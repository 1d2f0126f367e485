"""Paths of the fictional survey exports and a plain (independent) reading of them."""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = ["DUTCH", "ENGLISH_ROSTER", "ENGLISH_SURVEY", "FIXTURES", "key", "plain_rows"]

FIXTURES = Path(__file__).parent / "fixtures"
DUTCH = FIXTURES / "elzenburg"
ENGLISH_SURVEY = FIXTURES / "oosterwaarde_survey.csv"
ENGLISH_ROSTER = FIXTURES / "oosterwaarde_roster.csv"


def plain_rows(path: Path, encoding: str = "utf-8", delimiter: str = ",") -> list[dict[str, str]]:
    """The rows of a fixture read with the csv module and known encoding/delimiter."""
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def key(organisation: str, name: str) -> tuple[str, str]:
    """A person as the tests identify them: lower-cased, single-spaced organisation and name."""
    return (" ".join(organisation.lower().split()), " ".join(name.lower().split()))
