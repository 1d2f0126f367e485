"""Workbook XML is parsed with defusedxml: no entity expansion, no external entities.

The test files are made here: a workbook written by samenwerking with one XML part
replaced by a billion-laughs document or by one with an external entity (XXE) that
points at a local "secret" file.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

import samenwerking as sw
from samenwerking.errors import InvalidRegionError
from samenwerking.io import text

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n"
)


def xxe(secret: Path) -> str:
    return f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'


def with_part(book: Path, target: Path, part: str, prolog: str, body_entity: str) -> Path:
    """A copy of ``book`` whose ``part`` starts with ``prolog`` and uses the entity."""
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                xml = data.decode("utf-8")
                xml = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
                first_close = xml.index(">") + 1  # after the root element's start tag
                xml = xml[:first_close] + f"<!-- -->{body_entity}" + xml[first_close:]
                data = (prolog + xml.lstrip()).encode("utf-8")
            out.writestr(info, data)
    return target


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return sw.save(sw.example_region(), tmp_path / "good.xlsx")


def test_openpyxl_uses_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True
    from openpyxl.xml import functions

    assert functions.iterparse.__module__.startswith("defusedxml")


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet2.xml"])
def test_a_billion_laughs_is_refused_at_once(book: Path, tmp_path: Path, part: str) -> None:
    bomb = with_part(book, tmp_path / "bomb.xlsx", part, LAUGHS, "&lol9;")
    started = time.perf_counter()
    with pytest.raises(InvalidRegionError) as info:
        sw.load(bomb)
    assert time.perf_counter() - started < 30  # a bound on a hang, not a speed target
    messages = [str(p) for p in info.value.problems]
    assert any("bomb.xlsx" in m and "EntitiesForbidden" in m for m in messages), messages


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet2.xml"])
def test_an_external_entity_is_not_read(book: Path, tmp_path: Path, part: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42")
    bad = with_part(book, tmp_path / "xxe.xlsx", part, xxe(secret), "&xxe;")
    with pytest.raises(InvalidRegionError) as info:
        sw.load(bad)
    assert "TOP-SECRET-42" not in str(info.value)
    assert any("EntitiesForbidden" in str(p) for p in info.value.problems)


def test_reading_is_refused_when_defusedxml_is_switched_off(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(InvalidRegionError, match="not using defusedxml"):
        sw.load(book)


def test_a_zip_bomb_is_refused_before_unpacking(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text, "MAX_WORKBOOK_BYTES", 10_000)
    with pytest.raises(InvalidRegionError) as info:
        sw.load(book)
    [problem] = info.value.problems
    assert problem.source == "good.xlsx"
    assert "more than the 10,000 allowed" in problem.message


def test_a_broken_sheet_is_a_problem_naming_the_sheet(book: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(broken, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet3.xml":
                data = data[: len(data) // 2]  # cut in the middle of the XML
            out.writestr(info, data)
    with pytest.raises(InvalidRegionError) as info:
        sw.load(broken)
    [problem] = info.value.problems
    assert problem.source == "broken.xlsx"
    assert "ParseError" in problem.message and "\n" not in problem.message
