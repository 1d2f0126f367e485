"""Tests of the DUO reader on real slices of DUO and SWV data (see fixtures/README.md).

Expected values are computed here from the fixture files with the csv module, never
taken from the adapter's own output.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samenwerking_duo import (
    DuoAdapter,
    municipality_key,
    normalise_municipality,
    read_duo,
)

from samenwerking.errors import InvalidRegionError, SourceNotFoundError, UnsupportedSourceError
from samenwerking.model import Region, Sector

FIXTURES = Path(__file__).parent / "fixtures"
BO = FIXTURES / "duo" / "duo_alle-vestigingen-bo_2020-12.csv"
VO = FIXTURES / "duo" / "duo_alle-vestigingen-vo_2020-12.csv"
EDUGIS = FIXTURES / "duo" / "edugis_scholen20241122.csv"
SWV = FIXTURES / "swv" / "swv_regio_indeling_gemeente_2013.csv"
MUNICIPALITIES = ["VOORST", "STAPHORST", "BERGEN NH", "AMELAND"]


def duo_rows(*paths: Path) -> list[dict[str, str]]:
    """The rows of DUO files as shipped: Windows-1252, ';'."""
    rows: list[dict[str, str]] = []
    for path in paths:
        with path.open(encoding="cp1252", newline="") as handle:
            rows.extend(csv.DictReader(handle, delimiter=";"))
    return rows


@pytest.fixture
def duo_folder(tmp_path: Path) -> Path:
    """A folder with the DUO 2020 files and the SWV map (no edugis file)."""
    for path in (BO, VO, SWV):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def schools(region: Region) -> list[str]:
    return [o.id for o in region.organisations if o.sector.is_school]


def boards(region: Region) -> list[str]:
    return [o.id for o in region.organisations if o.sector is Sector.SCHOOL_BOARD]


# -- counts, identifiers, filter ----------------------------------------------------------
@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_schools_and_boards_per_municipality_match_the_fixture(
    duo_folder: Path, municipality: str
) -> None:
    rows = [r for r in duo_rows(BO, VO) if r["GEMEENTENAAM"] == municipality]
    region = read_duo(duo_folder, municipalities=[municipality.lower()])
    assert sorted(schools(region)) == sorted(r["VESTIGINGSNUMMER"] for r in rows)
    assert sorted(boards(region)) == sorted({f"bg-{r['BEVOEGD GEZAG NUMMER']}" for r in rows})
    assert len(schools(region)) == len(rows)


def test_brin_codes_names_and_boards_are_kept(duo_folder: Path) -> None:
    region = read_duo(duo_folder, municipalities=[m.title() for m in MUNICIPALITIES])
    rows = duo_rows(BO, VO)
    assert len(schools(region)) == len(rows)
    for row in rows:
        school = region.organisation(row["VESTIGINGSNUMMER"])
        assert school.identifiers["brin"] == row["BRIN NUMMER"]
        assert school.identifiers["vestiging"] == row["VESTIGINGSNUMMER"]
        assert school.name == row["VESTIGINGSNAAM"].strip()  # Windows-1252 text decoded
        assert school.parent == f"bg-{row['BEVOEGD GEZAG NUMMER']}"
        board = region.organisation(school.parent)
        assert board.identifiers == {"bevoegd_gezag": row["BEVOEGD GEZAG NUMMER"]}
        in_vo = row in duo_rows(VO)
        assert school.sector is (Sector.SECONDARY_SCHOOL if in_vo else Sector.PRIMARY_SCHOOL)
    # The fixture is not valid UTF-8 (Ameland's rows hold Windows-1252 bytes).
    with pytest.raises(UnicodeDecodeError):
        BO.read_bytes().decode("utf-8")


def test_municipality_names_are_title_case() -> None:
    assert normalise_municipality("VOORST") == "Voorst"
    assert normalise_municipality("BERGEN NH") == "Bergen NH"
    assert normalise_municipality("S HERTOGENBOSCH") == "'s-Hertogenbosch"
    assert normalise_municipality("REUSEL-DE MIERDEN") == "Reusel-De Mierden"


def test_the_filter_keeps_only_the_chosen_municipalities(duo_folder: Path) -> None:
    region = read_duo(duo_folder, municipalities=["voorst", "AMELAND"])
    assert region.municipalities == ("Ameland", "Voorst")
    assert region.name == "Voorst, Ameland"
    expected = [r for r in duo_rows(BO, VO) if r["GEMEENTENAAM"] in {"VOORST", "AMELAND"}]
    assert len(schools(region)) == len(expected)
    for spelling in ("Voorst", "VOORST", " voorst "):
        again = read_duo(duo_folder, municipalities=[spelling])
        assert sorted(schools(again)) == sorted(
            r["VESTIGINGSNUMMER"] for r in expected if r["GEMEENTENAAM"] == "VOORST"
        )


def test_without_a_filter_everything_is_read(duo_folder: Path) -> None:
    region = read_duo(duo_folder)
    assert len(schools(region)) == len(duo_rows(BO, VO))


def test_an_unknown_municipality_is_a_precise_error(duo_folder: Path) -> None:
    with pytest.raises(InvalidRegionError) as info:
        read_duo(duo_folder, municipalities=["Voorstt"])
    (problem,) = info.value.problems
    assert problem.field == "municipality"
    assert problem.value == "voorstt"
    assert "Voorst" in problem.message  # the suggestion


def test_the_region_validates(duo_folder: Path) -> None:
    region = read_duo(duo_folder, municipalities=MUNICIPALITIES, validate=False)
    assert region.validate() is region


# -- samenwerkingsverbanden ---------------------------------------------------------------
def swv_rows() -> list[dict[str, str]]:
    with SWV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_boards_are_members_of_the_swvs_covering_their_schools(duo_folder: Path) -> None:
    region = read_duo(duo_folder, municipalities=MUNICIPALITIES)
    swv_ids = {o.id for o in region.organisations if o.sector in {Sector.SWV_PO, Sector.SWV_VO}}
    assert swv_ids == {r["swv_code"] for r in swv_rows()}
    for code in swv_ids:
        swv = region.organisation(code)
        assert swv.identifiers == {"swv": code}
        assert swv.sector is (Sector.SWV_PO if code.startswith("PO") else Sector.SWV_VO)

    # Expected memberships, worked out from the fixture rows: a map line covers a school
    # if its municipality matches and, for a part, the school's postcode is listed.
    def covers(line: dict[str, str], school: dict[str, str]) -> bool:
        name, _, detail = line["gemeente_of_deelgebied"].partition(" (postcode")
        name = {"Bergen (NH.)": "BERGEN NH"}.get(name, name.upper())
        listed = re.findall(r"\d{4}", detail)
        return name == school["GEMEENTENAAM"] and (not listed or school["POSTCODE"][:4] in listed)

    expected: dict[str, set[str]] = {}
    for sector, path in (("PO", BO), ("VO", VO)):
        for school in duo_rows(path):
            codes = {
                line["swv_code"]
                for line in swv_rows()
                if line["sector"] == sector and covers(line, school)
            }
            expected.setdefault(f"bg-{school['BEVOEGD GEZAG NUMMER']}", set()).update(codes)
    for board_id, codes in expected.items():
        assert set(region.organisation(board_id).memberships) == codes, board_id
    # Staphorst is split between two PO SWVs by postcode (7951/7955 and 7715/7954).
    split = {b for b, codes in expected.items() if {"PO2203", "PO2305"} <= codes}
    assert split


def test_a_folder_without_the_swv_map_gives_no_swvs(tmp_path: Path) -> None:
    shutil.copy(BO, tmp_path / BO.name)
    region = read_duo(tmp_path, municipalities=["Voorst"])
    assert all(o.memberships == () for o in region.organisations)
    assert not [o for o in region.organisations if o.sector is Sector.SWV_PO]


# -- the edugis file (special education, no boards) ------------------------------------------
def edugis_rows() -> list[dict[str, str]]:
    with EDUGIS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_edugis_adds_special_schools_without_boards(tmp_path: Path) -> None:
    for path in (EDUGIS, SWV):
        shutil.copy(path, tmp_path / path.name)
    region = read_duo(tmp_path, municipalities=["Voorst"])
    rows = [r for r in edugis_rows() if r["gemeente"] == "VOORST"]
    assert sorted(schools(region)) == sorted({r["vestigingscode"] for r in rows})
    assert boards(region) == []
    special = {r["vestigingscode"]: r["type"] for r in rows if "SO" in r["type"]}
    assert special
    for code, kind in special.items():
        school = region.organisation(code)
        assert school.sector is Sector.SPECIAL_SCHOOL
        assert school.parent is None
        expected = {"(V)SO": {"PO2501", "VO2505"}, "SO": {"PO2501"}, "VSO": {"VO2505"}}[kind]
        assert set(school.memberships) == expected


def test_duo_rows_win_over_edugis_rows_of_the_same_location(tmp_path: Path) -> None:
    for path in (BO, VO, EDUGIS, SWV):
        shutil.copy(path, tmp_path / path.name)
    region = read_duo(tmp_path, municipalities=["Voorst"])
    duo = {r["VESTIGINGSNUMMER"] for r in duo_rows(BO, VO) if r["GEMEENTENAAM"] == "VOORST"}
    edugis = {r["vestigingscode"] for r in edugis_rows() if r["gemeente"] == "VOORST"}
    assert sorted(schools(region)) == sorted(duo | edugis)
    for code in duo:
        assert region.organisation(code).parent is not None
    for code in edugis - duo:
        assert region.organisation(code).parent is None


# -- the adapter and its source syntax ----------------------------------------------------
def test_scheme_and_option_give_the_same_region(duo_folder: Path) -> None:
    by_scheme = DuoAdapter().read(f"duo:{duo_folder}?municipality=Voorst&municipality=Ameland")
    by_option = DuoAdapter().read(duo_folder, municipalities=["Voorst", "Ameland"])
    assert by_scheme == by_option
    named = DuoAdapter().read(f"duo:{duo_folder}?municipality=Voorst&name=Twello%20e.o.")
    assert named.name == "Twello e.o."


def test_can_read(duo_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    adapter = DuoAdapter()
    other = tmp_path_factory.mktemp("other")
    (other / "organisations.csv").write_text("id,name,sector,municipality\n", encoding="utf-8")
    assert adapter.can_read(duo_folder)
    assert adapter.can_read(duo_folder / BO.name)
    assert adapter.can_read("duo:/anywhere")
    assert not adapter.can_read(other)
    assert not adapter.can_read(other / "organisations.csv")
    assert not adapter.can_read(duo_folder / SWV.name)  # the SWV map alone has no schools


def test_bad_sources_and_options(duo_folder: Path) -> None:
    with pytest.raises(SourceNotFoundError):
        read_duo(duo_folder / "missing")
    with pytest.raises(UnsupportedSourceError, match="gemeente"):
        read_duo(f"duo:{duo_folder}?gemeente=Voorst")
    with pytest.raises(TypeError, match="municipality"):
        DuoAdapter().read(duo_folder, municipality="Voorst")


# -- broken files ---------------------------------------------------------------------------
def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    lines = lines_of(BO)
    drop = lines[0].split(b";").index(b"GEMEENTENAAM")
    cut = [b";".join(c for i, c in enumerate(line.split(b";")) if i != drop) for line in lines]
    (tmp_path / BO.name).write_bytes(b"\n".join(cut))
    with pytest.raises(InvalidRegionError) as info:
        read_duo(tmp_path, municipalities=["Voorst"])
    (problem,) = info.value.problems
    assert problem.source.endswith(BO.name)
    assert (problem.location, problem.field) == ("row 1", "GEMEENTENAAM")


def test_a_missing_vo_column_is_named(tmp_path: Path) -> None:
    lines = lines_of(VO)
    drop = lines[0].split(b";").index(b"ONDERWIJSSTRUCTUUR")
    cut = [b";".join(c for i, c in enumerate(line.split(b";")) if i != drop) for line in lines]
    (tmp_path / VO.name).write_bytes(b"\n".join(cut))
    with pytest.raises(InvalidRegionError) as info:
        read_duo(tmp_path)
    assert [p.field for p in info.value.problems] == ["ONDERWIJSSTRUCTUUR"]


def test_bad_rows_in_several_files_are_all_reported(tmp_path: Path) -> None:
    bo = lines_of(BO)
    cells = bo[3].split(b";")
    cells[2] = b"1X6A"  # BRIN NUMMER
    bo[3] = b";".join(cells)
    cells = bo[5].split(b";")
    cells[1] = b"41A66"  # BEVOEGD GEZAG NUMMER
    bo[5] = b";".join(cells)
    bo[7] = bo[7] + b";extra"
    (tmp_path / BO.name).write_bytes(b"\n".join(bo))
    vo = lines_of(VO)
    vo[2] = vo[2].replace(b";", b";\x81", 1)  # not Windows-1252, not UTF-8
    (tmp_path / VO.name).write_bytes(b"\n".join(vo))
    shutil.copy(SWV, tmp_path / SWV.name)
    with pytest.raises(InvalidRegionError) as info:
        read_duo(tmp_path, municipalities=["Voorst"])
    found = {(Path(p.source).name, p.location, p.field) for p in info.value.problems}
    assert (BO.name, "row 4", "BRIN NUMMER") in found
    assert (BO.name, "row 4", "VESTIGINGSNUMMER") in found  # no longer starts with the BRIN
    assert (BO.name, "row 6", "BEVOEGD GEZAG NUMMER") in found
    assert (BO.name, "row 8", "") in found  # one cell too many
    assert (VO.name, "row 3", "") in found  # the undecodable byte
    brin = next(p for p in info.value.problems if p.field == "BRIN NUMMER")
    assert brin.value == "1X6A"
    assert "row 4" in str(info.value)


def test_a_duplicate_location_is_reported(tmp_path: Path) -> None:
    bo = lines_of(BO)
    (tmp_path / BO.name).write_bytes(b"\n".join([*bo[:-1], bo[2], b""]))
    with pytest.raises(InvalidRegionError) as info:
        read_duo(tmp_path)
    (problem,) = info.value.problems
    assert problem.field == "VESTIGINGSNUMMER"
    assert problem.location == f"row {len(bo)}"
    assert "row 3" in problem.message


def test_a_utf16_file_is_refused(tmp_path: Path) -> None:
    text = BO.read_bytes().decode("cp1252")
    (tmp_path / "vestigingen.csv").write_bytes(text.encode("utf-16"))
    with pytest.raises(InvalidRegionError) as info:
        read_duo(tmp_path / "vestigingen.csv")
    (problem,) = info.value.problems
    assert "no DUO school-location file" in problem.message
    assert problem.source.endswith("vestigingen.csv")


def test_a_utf8_copy_reads_the_same(tmp_path: Path) -> None:
    text = BO.read_bytes().decode("cp1252")
    (tmp_path / BO.name).write_bytes(text.encode("utf-8"))
    assert read_duo(tmp_path, municipalities=["Ameland"]) == read_duo(
        BO, municipalities=["Ameland"]
    )


def test_a_bad_swv_line_is_reported(tmp_path: Path) -> None:
    shutil.copy(BO, tmp_path / BO.name)
    (tmp_path / SWV.name).write_bytes(SWV.read_bytes() + b"PO,VO2501,Voorst\nXO,PO2501,\n")
    with pytest.raises(InvalidRegionError) as info:
        read_duo(tmp_path, municipalities=["Voorst"])
    rows = len(lines_of(SWV))
    found = {(p.location, p.field) for p in info.value.problems}
    assert found == {
        (f"row {rows}", "swv_code"),
        (f"row {rows + 1}", "sector"),
        (f"row {rows + 1}", "gemeente_of_deelgebied"),
    }


# -- names ------------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.from_regex(r"[A-Z]{1,8}( (AAN|DEN|EN|DE|[A-Z]{1,8})){0,3}", fullmatch=True))
def test_normalising_keeps_the_matching_key(name: str) -> None:
    pretty = normalise_municipality(name)
    assert municipality_key(pretty) == municipality_key(name)
    assert normalise_municipality(pretty) == pretty
