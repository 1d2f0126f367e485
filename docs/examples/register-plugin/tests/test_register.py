"""Tests for the register plugin, on the sample export and on broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from samenwerking_register.plugin import (
    RegisterAdapter,
    samenwerking_map_role,
    samenwerking_map_sector,
)

import samenwerking as sw
from samenwerking.errors import InvalidRegionError, Problem
from samenwerking.model import Role, Sector

EXPORT = Path(__file__).parent.parent / "export.csv"
HEADER = "Registratienummer;Naam;Functie;Organisatie;Soort organisatie;Gemeente;Werkt samen met\n"


def test_load_reads_the_sample_export() -> None:
    region = sw.load(f"register:{EXPORT}", name="Wielendaal")
    assert region.name == "Wielendaal"
    assert len(region.professionals) == 7
    assert region.professional("1002").role is Role.INTERN_BEGELEIDER
    assert region.organisation("obs-de-linde").sector is Sector.PRIMARY_SCHOOL
    # 1001-1002, 1002-1004, 1002-1006, 1004-1005, 1004-1006, 1007-1004: named from either side
    assert len(region.ties) == 6


def test_labels_are_mapped_for_the_register_only() -> None:
    assert samenwerking_map_sector(label="Wijkteam", source="register") is Sector.NEIGHBOURHOOD_TEAM
    assert samenwerking_map_role(label="leerkracht", source="register") is Role.TEACHER
    assert samenwerking_map_sector(label="Wijkteam", source="csv") is None


def test_bad_rows_give_precise_problems(tmp_path: Path) -> None:
    export = tmp_path / "kapot.csv"
    export.write_text(
        HEADER
        + "1001;Ans de Wit;Leerkracht;OBS De Linde;Bakkerij;Wielendaal;1002\n"
        + "1002;Bram Kuipers;Kok;OBS De Linde;Basisonderwijs;Wielendaal;1099\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidRegionError) as caught:
        RegisterAdapter().read(f"register:{export}")
    assert caught.value.problems == (
        Problem(
            "unknown kind of organisation", "kapot.csv", "row 2", "Soort organisatie", "Bakkerij"
        ),
        Problem("unknown job title", "kapot.csv", "row 3", "Functie", "Kok"),
    )


def test_unknown_colleagues_are_named(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        HEADER + "1001;Ans de Wit;Leerkracht;OBS De Linde;Basisonderwijs;Wielendaal;1099\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidRegionError) as caught:
        RegisterAdapter().read(f"register:{export}")
    (problem,) = caught.value.problems
    assert str(problem) == (
        "export.csv, row 2, field 'Werkt samen met', value '1099': unknown Registratienummer"
    )


def test_only_register_sources_are_claimed() -> None:
    adapter = RegisterAdapter()
    assert adapter.can_read("register:export.csv")
    assert not adapter.can_read("export.csv")
