"""The encoding policy, binary files and the size limits, for every built-in reader."""

from __future__ import annotations

import codecs
import warnings
from pathlib import Path

import pytest

import samenwerking as sw
from samenwerking.errors import InvalidRegionError, NotUtf8Warning, SamenwerkingWarning
from samenwerking.io import text
from samenwerking.io.text import UnreadableFileError, decode_text, text_encoding

ORGS = "id,name,sector,municipality\no1,Gemeente Caf\u00e9dorp,municipality,Caf\u00e9dorp\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return sw.save(sw.example_region(), tmp_path / "region")


def problems_of(source: Path) -> list[str]:
    with pytest.raises(InvalidRegionError) as info:
        sw.load(source)
    return [str(p) for p in info.value.problems]


# -- encodings ----------------------------------------------------------------------------
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_utf8_with_or_without_bom_is_read_without_warning(tmp_path: Path, bom: bytes) -> None:
    (tmp_path / "organisations.csv").write_bytes(bom + ORGS.encode())
    region = sw.load(tmp_path)  # filterwarnings=error: a warning would fail this test
    assert region.organisations[0].name == "Gemeente Caf\u00e9dorp"


def test_windows_1252_is_read_with_a_warning_naming_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "organisations.csv").write_bytes(ORGS.encode("cp1252"))
    with pytest.warns(NotUtf8Warning) as caught:
        region = sw.load(tmp_path)
    assert region.organisations[0].name == "Gemeente Caf\u00e9dorp"  # the é, not mojibake
    [warning] = caught
    message = str(warning.message)
    assert f"organisations.csv (in {tmp_path})" in message
    assert "byte 0xe9 on line 2" in message
    assert "CSV UTF-8" in message  # how to save it as UTF-8
    assert issubclass(NotUtf8Warning, SamenwerkingWarning)


def test_a_windows_1252_ties_file_reads_like_the_utf8_one(folder: Path) -> None:
    """An id with an accent, in UTF-8 in professionals.csv and in Windows-1252 in ties.csv."""
    for path in folder.glob("*.csv"):
        path.write_text(path.read_text(encoding="utf-8").replace("p-001", "p-\u00e901"))
    expected = sw.load(folder)
    ties = folder / "ties.csv"
    ties.write_bytes(ties.read_text(encoding="utf-8").encode("cp1252"))
    with pytest.warns(NotUtf8Warning, match=r"ties\.csv \(in .*\) is not UTF-8 \(byte 0xe9"):
        region = sw.load(folder)
    assert "p-\u00e901" in region.ties.ids
    assert region == expected


def test_a_bad_windows_1252_cell_is_named_with_its_row(folder: Path) -> None:
    ties = folder / "ties.csv"
    ties.write_bytes(ties.read_bytes() + "p-001,p-002,kn\u00e9ws\n".encode("cp1252"))
    rows = len(ties.read_bytes().splitlines())
    with pytest.warns(NotUtf8Warning, match=rf"ties\.csv .*byte 0xe9 on line {rows}"):
        found = problems_of(folder)
    assert any(
        p.startswith(f"ties.csv, row {rows}, field 'kind', value 'kn\u00e9ws'") for p in found
    )


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL byte"),
        ("id,name\n".encode("utf-16"), "NUL byte"),
        (b"id,name\no1,\x81\x8d\n", "byte 0x81 is neither UTF-8 nor Windows-1252"),
        (b"id,name\no1,\xe9\x07\n", "control byte 0x07"),
    ],
)
def test_binary_content_is_not_a_text_file(tmp_path: Path, data: bytes, why: str) -> None:
    (tmp_path / "organisations.csv").write_bytes(data)
    [problem] = problems_of(tmp_path)
    assert problem.startswith("organisations.csv, line ")
    assert "not a text file" in problem
    assert why in problem


def test_random_bytes_in_every_file_are_one_problem_each(folder: Path) -> None:
    import random

    rng = random.Random(12)
    for path in folder.iterdir():
        path.write_bytes(b"\0" + rng.randbytes(2000))
    found = problems_of(folder)
    assert len(found) == len(list(folder.iterdir()))
    assert all("not a text file" in p for p in found)


def test_a_json_file_of_random_bytes_is_not_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(b"\x00\xff" * 100)
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}, line 1: not a text file")


def test_a_json_file_in_windows_1252_is_refused_naming_the_byte(tmp_path: Path) -> None:
    path = sw.save(sw.Region("Caf\u00e9"), tmp_path / "r.json")
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    [problem] = problems_of(path)
    assert "not UTF-8 text" in problem
    assert "byte " in problem


def test_decode_text_follows_the_same_policy() -> None:
    assert decode_text(b"a\n", name="x") == "a\n"
    with pytest.warns(NotUtf8Warning, match="^x is not UTF-8"):
        assert decode_text("\u00e9\n".encode("cp1252"), name="x") == "\u00e9\n"
    with warnings.catch_warnings():
        assert decode_text("\u00e9".encode("cp1252"), name="x", warn=False) == "\u00e9"
    with pytest.raises(UnreadableFileError, match="NUL"):
        decode_text(b"a\0", name="x")


def test_a_multibyte_character_across_blocks_is_still_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text, "_BLOCK", 5)
    path = tmp_path / "x.csv"
    path.write_bytes("abcd\u00e9fgh\u20acij\n".encode())  # é and € straddle block ends
    assert text_encoding(path) == "utf-8-sig"
    path.write_bytes("abcd\u00e9fgh".encode()[:-4])  # cut inside é: not UTF-8
    with pytest.warns(NotUtf8Warning, match="its end"):
        assert text_encoding(path) == "cp1252"


# -- limits -------------------------------------------------------------------------------
def test_a_line_beyond_the_limit_is_refused_before_parsing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text, "MAX_LINE_BYTES", 1000)
    meetings = folder / "meetings.csv"
    meetings.write_bytes(meetings.read_bytes() + b"m-x," + b"y" * 5000 + b"\n")
    [problem] = [p for p in problems_of(folder) if "meetings.csv" in p]
    assert problem.startswith("meetings.csv, line ")
    assert "longer than 1,000 bytes" in problem


def test_a_cell_beyond_the_csv_limit_is_a_problem(folder: Path) -> None:
    cell = '"' + "x" * (text.MAX_FIELD_CHARS + 10) + '"'
    for name in ("meetings.csv", "ties.csv"):
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join([*lines[:3], f"m-1,{cell}", *lines[3:]]) + "\n")
    found = problems_of(folder)
    for name in ("meetings.csv", "ties.csv"):
        assert f"{name}, line 4: cannot be read as CSV: a cell is longer than 131,072" in "\n".join(
            found
        )


def test_an_open_quote_swallows_the_rest_and_is_named(folder: Path) -> None:
    ties = folder / "ties.csv"
    lines = ties.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b",", b',"', 1)
    ties.write_bytes(b"\n".join(lines))
    found = problems_of(folder)
    assert any(p.startswith("ties.csv, row 6, field 'target'") for p in found)


@pytest.mark.parametrize("name", ["organisations.csv", "ties.csv"])
def test_a_million_columns_are_refused(folder: Path, name: str) -> None:
    path = folder / name
    header, rest = path.read_bytes().split(b"\n", 1)
    path.write_bytes(header + b",c" * 1_000_000 + b"\n" + rest)
    found = problems_of(folder)
    assert f"{name}, row 1: the header has 1000" in "\n".join(found)
    assert "more than the 1,000 a table may have" in "\n".join(found)


def test_deep_json_is_refused_with_the_limit(tmp_path: Path) -> None:
    unbalanced = tmp_path / "open.json"
    unbalanced.write_text("[" * 200_000)
    balanced = tmp_path / "deep.json"
    body = "[" * 70 + "]" * 70
    balanced.write_text(
        '{"format": "samenwerking-region", "version": 1, "region": {"name": ' + body + "}}"
    )
    for path in (unbalanced, balanced):
        [problem] = problems_of(path)
        assert (
            problem
            == f"{path}, $: nested more deeply than the 64 levels a region document may have"
        )


def test_json_within_the_depth_limit_gets_the_usual_problems(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    body = "[" * 10 + "]" * 10
    path.write_text(
        '{"format": "samenwerking-region", "version": 1, "region": {"name": ' + body + "}}"
    )
    [problem] = problems_of(path)
    assert "$.region" in problem and "name" in problem


def test_the_invitees_file_follows_the_policy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from samenwerking.cli import main

    folder = sw.save(sw.example_region(), tmp_path / "r")
    ids = [str(p.id) for p in sw.example_region().professionals[:6]]
    invitees = tmp_path / "invitees.csv"
    invitees.write_bytes(("# genodigden caf\u00e9\n" + "\n".join(ids) + "\n").encode("cp1252"))
    argv = ["plan-tables", str(folder), "--invitees", str(invitees), "--tables", "2", "--trim"]
    assert main([*argv, "--rounds", "1"]) == 0
    err = capsys.readouterr().err
    assert f"samenwerking: warning: {invitees} is not UTF-8 (byte 0xe9 on line 1)" in err
    invitees.write_bytes(b"\x00\x01\x02" * 50)
    assert main([*argv, "--rounds", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{invitees}, line 1: not a text file" in err and "Traceback" not in err
