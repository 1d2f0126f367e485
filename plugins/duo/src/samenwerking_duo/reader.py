"""Read DUO's school-location files and the SWV map into plain, checked records.

Files are recognised by their header line, not their name:

- ``bo``: DUO "alle vestigingen basisonderwijs" (Windows-1252, ``;``);
- ``vo``: DUO "alle vestigingen voortgezet onderwijs" (the same, plus ONDERWIJSSTRUCTUUR);
- ``edugis``: the geocoded DUO school list (UTF-8, ``,``; includes SBAO, SO and VSO,
  but no board numbers);
- ``swv``: the SWV map (``sector,swv_code,gemeente_of_deelgebied``).

A file is decoded as UTF-8 when it is valid UTF-8 and as Windows-1252 otherwise.
Every problem (missing column, undecodable line, bad BRIN code, ...) is collected as a
:class:`~samenwerking.errors.Problem` naming the file, the row (the header is row 1),
the column and the value.

Example
-------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "swv.csv"
>>> _ = path.write_text("sector,swv_code,gemeente_of_deelgebied\\nPO,PO2501,Voorst\\n")
>>> kind_of(path)
'swv'
>>> problems = []
>>> read_swv_map(path, problems)[0].code, problems
('PO2501', [])
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from attrs import frozen

from samenwerking.errors import Problem
from samenwerking.io.text import csv_problem
from samenwerking.model import Sector
from samenwerking_duo.names import municipality_key, normalise_municipality, split_part

__all__ = [
    "FileKind",
    "SchoolLocation",
    "SwvArea",
    "kind_of",
    "read_locations",
    "read_swv_map",
]

FileKind = Literal["bo", "vo", "edugis", "swv"]

BO_COLUMNS = (
    "BEVOEGD GEZAG NUMMER",
    "BRIN NUMMER",
    "VESTIGINGSNUMMER",
    "VESTIGINGSNAAM",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
)
VO_COLUMNS = (*BO_COLUMNS, "ONDERWIJSSTRUCTUUR")
EDUGIS_COLUMNS = ("naam", "type", "brin_nummer", "vestigingscode", "gemeente")
SWV_COLUMNS = ("sector", "swv_code", "gemeente_of_deelgebied")

_REQUIRED: dict[FileKind, tuple[str, ...]] = {
    "bo": BO_COLUMNS,
    "vo": VO_COLUMNS,
    "edugis": EDUGIS_COLUMNS,
    "swv": SWV_COLUMNS,
}

_BRIN = re.compile(r"\d{2}[A-Z]{2}")
_NUMBER = re.compile(r"\d+")
_MUNICIPALITY_NUMBER = re.compile(r"\d{4}")
_POSTCODE = re.compile(r"(\d{4}) ?[A-Z]{2}")
_SWV_CODE = re.compile(r"(PO|VO)\d{4}")
_VO_TYPES = frozenset({"VBO", "MAVO", "HAVO", "VWO", "PRO", "BRUGJAAR"})
_EDUGIS_TYPES: dict[str, tuple[Sector, frozenset[str]]] = {
    "basisschool": (Sector.PRIMARY_SCHOOL, frozenset({"PO"})),
    "SBAO": (Sector.SPECIAL_PRIMARY_SCHOOL, frozenset({"PO"})),
    "SO": (Sector.SPECIAL_SCHOOL, frozenset({"PO"})),
    "VSO": (Sector.SPECIAL_SCHOOL, frozenset({"VO"})),
    "(V)SO": (Sector.SPECIAL_SCHOOL, frozenset({"PO", "VO"})),
}


@frozen
class SchoolLocation:
    """One school location (vestiging) as read from a DUO file."""

    code: str
    """The vestigingsnummer: BRIN code plus two digits, e.g. ``"16AH00"``."""
    brin: str
    """The school's BRIN code, e.g. ``"16AH"``."""
    name: str
    """The location's name (VESTIGINGSNAAM)."""
    sector: Sector
    """Primary, secondary, special or special primary school."""
    municipality: str
    """The municipality, normalised (``"Voorst"``)."""
    municipality_number: str | None
    """The CBS municipality number (GEMEENTENUMMER), when the file has one."""
    postcode: str
    """The four digits of the postcode, or ``""`` when unknown."""
    board: str | None
    """The board's number (BEVOEGD GEZAG NUMMER), or ``None`` when the file has none."""
    swv_sectors: frozenset[str]
    """Which SWVs it belongs to: ``{"PO"}``, ``{"VO"}`` or both (for SO/VSO)."""
    source: str
    """The file it was read from."""
    row: int
    """Its row in that file (the header is row 1)."""

    @property
    def municipality_key(self) -> str:
        """The key its municipality matches under (see :func:`municipality_key`)."""
        return municipality_key(self.municipality)


@frozen
class SwvArea:
    """One line of the SWV map: a municipality, or part of one, in a samenwerkingsverband."""

    code: str
    """The SWV code, e.g. ``"PO2501"``."""
    sector: str
    """``"PO"`` or ``"VO"``."""
    municipality: str
    """The municipality as the regulation writes it, without the part."""
    postcodes: frozenset[str]
    """For a part: the four-digit postcodes it consists of (empty: no such list)."""
    except_postcodes: frozenset[str]
    """For a part: the four-digit postcodes it leaves out (empty: none)."""
    source: str
    """The file it was read from."""
    row: int
    """Its row in that file."""

    def covers(self, key: str, postcode: str) -> bool:
        """Whether a location in municipality ``key`` with four-digit ``postcode`` lies in it.

        A location without a postcode lies in every part of its municipality.
        """
        if key != municipality_key(self.municipality):
            return False
        if not postcode:
            return True
        if self.postcodes and postcode not in self.postcodes:
            return False
        return postcode not in self.except_postcodes


# -- recognising and decoding files ---------------------------------------------------
def _header(path: Path) -> list[str] | None:
    try:
        with path.open("rb") as handle:
            first = handle.readline(65536)
    except OSError:
        return None
    if b"\x00" in first:
        return None
    text = first.decode("latin-1").lstrip("\ufeff").removeprefix("ï»¿")
    return [text.splitlines()[0] if text else ""]  # old Mac line ends (CR) too


def kind_of(path: str | Path) -> FileKind | None:
    """Which kind of DUO or SWV file ``path`` is, judged by its header; ``None`` if none.

    A file that shares three or more column names with a kind counts as that kind, so
    that a file with a missing column is still recognised (and its problem reported).
    """
    path = Path(path)
    if not path.is_file():
        return None
    header = _header(path)
    if header is None:
        return None
    best: tuple[int, FileKind | None] = (0, None)
    for delimiter in (";", ","):
        names = {n.strip().casefold() for n in next(csv.reader(header, delimiter=delimiter))}
        for kind, columns in (("bo", BO_COLUMNS), ("edugis", EDUGIS_COLUMNS), ("swv", SWV_COLUMNS)):
            score = len(names & {c.casefold() for c in columns})
            if score > best[0] and score >= (2 if kind == "swv" else 3):
                best = (score, kind)  # type: ignore[assignment]
        if best[1] == "bo" and ("onderwijsstructuur" in names or _looks_vo(path)):
            best = (best[0], "vo")
    return best[1]


def _looks_vo(path: Path) -> bool:
    stem = path.stem.casefold()
    return bool(re.search(r"(?<![a-z])vo(?![a-z])", stem)) or "voortgezet" in stem


def _decode(path: Path, data: bytes, problems: list[Problem]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("cp1252"))
        except UnicodeDecodeError as error:
            bad = raw[error.start : error.end]
            problems.append(
                Problem(
                    f"cannot decode byte 0x{bad.hex()} at position {error.start + 1}: the file "
                    "is neither UTF-8 nor Windows-1252 (as DUO ships it); save it in one of those",
                    source=str(path),
                    location=f"row {number}",
                    value=raw.decode("cp1252", errors="replace").rstrip("\r"),
                )
            )
            lines.append(raw.decode("cp1252", errors="replace"))
    return "\n".join(lines)


def _rows(
    path: Path, kind: FileKind, problems: list[Problem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """The data rows of a file as ``(row number, {column: stripped cell})``.

    Yields nothing when a required column is missing (after reporting it).
    """
    source = str(path)
    data = path.read_bytes()
    if b"\x00" in data:
        problems.append(
            Problem(
                "the file holds NUL bytes: it is not a text CSV file "
                "(UTF-16 or a spreadsheet?); save it as CSV in UTF-8 or Windows-1252",
                source=source,
            )
        )
        return
    text = _decode(path, data, problems)
    header_line = text.split("\n", 1)[0]
    delimiter = max((";", ","), key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as error:
        problems.append(csv_problem(error, source, 1))
        return
    if not any(header):
        problems.append(Problem("the file is empty (no header line)", source=source))
        return
    required = _REQUIRED[kind]
    present = {h.casefold(): h for h in header}
    missing = [c for c in required if c.casefold() not in present]
    for column in missing:
        problems.append(
            Problem(
                f"missing required column (a {kind} file needs {', '.join(required)}; "
                f"the header has {', '.join(header)})",
                source=source,
                location="row 1",
                field=column,
            )
        )
    if missing:
        return
    names = [{c.casefold(): c for c in required}.get(h.casefold(), h) for h in header]
    try:
        yield from _data_rows(reader, names, delimiter, source, problems)
    except csv.Error as error:  # a cell beyond the csv module's limit, a quote left open
        problems.append(csv_problem(error, source, reader.line_num + 1))


def _data_rows(
    reader: Iterator[list[str]],
    names: list[str],
    delimiter: str,
    source: str,
    problems: list[Problem],
) -> Iterator[tuple[int, dict[str, str]]]:
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(names):
            problems.append(
                Problem(
                    f"the row has {len(cells)} cells where the header has {len(names)} "
                    f"(a {delimiter!r} too many or too few?)",
                    source=source,
                    location=f"row {number}",
                    value=delimiter.join(cells),
                )
            )
            continue
        yield number, {n: c.strip() for n, c in zip(names, cells, strict=True)}


# -- school locations -------------------------------------------------------------------
class _RowChecker:
    def __init__(self, path: Path, number: int, problems: list[Problem]) -> None:
        self.path = path
        self.number = number
        self.problems = problems
        self.ok = True

    def bad(self, column: str, value: str, message: str) -> None:
        self.ok = False
        self.problems.append(
            Problem(
                message,
                source=str(self.path),
                location=f"row {self.number}",
                field=column,
                value=value,
            )
        )

    def text(self, row: dict[str, str], column: str) -> str:
        value = row[column]
        if not value:
            self.bad(column, value, "empty; every location needs one")
        return value

    def match(self, row: dict[str, str], column: str, pattern: re.Pattern[str], what: str) -> str:
        value = row[column]
        if not pattern.fullmatch(value):
            self.bad(column, value, f"not {what}")
        return value


def _postcode(row: dict[str, str], column: str) -> str:
    match = _POSTCODE.fullmatch(row.get(column, ""))
    return match.group(1) if match else ""


def _duo_location(
    path: Path, kind: FileKind, number: int, row: dict[str, str], problems: list[Problem]
) -> SchoolLocation | None:
    check = _RowChecker(path, number, problems)
    board = check.match(row, "BEVOEGD GEZAG NUMMER", _NUMBER, "a board number (digits only)")
    brin = check.match(row, "BRIN NUMMER", _BRIN, "a BRIN code (two digits, two capitals: 16AH)")
    code = row["VESTIGINGSNUMMER"]
    if not (re.fullmatch(r"\d{2}[A-Z]{2}\d{2}", code) and code.startswith(brin)):
        check.bad(
            "VESTIGINGSNUMMER",
            code,
            f"not a location number: the BRIN code {brin!r} followed by two digits",
        )
    name = check.text(row, "VESTIGINGSNAAM")
    municipality = check.text(row, "GEMEENTENAAM")
    number_ = check.match(row, "GEMEENTENUMMER", _MUNICIPALITY_NUMBER, "a four-digit number")
    if not check.ok:
        return None
    return SchoolLocation(
        code=code,
        brin=brin,
        name=name,
        sector=Sector.PRIMARY_SCHOOL if kind == "bo" else Sector.SECONDARY_SCHOOL,
        municipality=normalise_municipality(municipality),
        municipality_number=number_,
        postcode=_postcode(row, "POSTCODE"),
        board=board,
        swv_sectors=frozenset({"PO"} if kind == "bo" else {"VO"}),
        source=str(path),
        row=number,
    )


def _edugis_type(value: str) -> tuple[Sector, frozenset[str]] | None:
    if value in _EDUGIS_TYPES:
        return _EDUGIS_TYPES[value]
    if value and set(value.split("/")) <= _VO_TYPES:
        return Sector.SECONDARY_SCHOOL, frozenset({"VO"})
    return None


def _edugis_location(
    path: Path, number: int, row: dict[str, str], problems: list[Problem]
) -> SchoolLocation | None:
    check = _RowChecker(path, number, problems)
    brin = check.match(row, "brin_nummer", _BRIN, "a BRIN code (two digits, two capitals: 16AH)")
    code = row["vestigingscode"]
    if not (re.fullmatch(r"\d{2}[A-Z]{2}\d{2}", code) and code.startswith(brin)):
        check.bad(
            "vestigingscode",
            code,
            f"not a location number: the BRIN code {brin!r} followed by two digits",
        )
    name = check.text(row, "naam")
    municipality = check.text(row, "gemeente")
    kind = _edugis_type(row["type"])
    if kind is None:
        known = ", ".join([*_EDUGIS_TYPES, "VBO/MAVO/HAVO/VWO/PRO/BRUGJAAR combinations"])
        check.bad("type", row["type"], f"unknown school type (known: {known})")
    if not check.ok or kind is None:
        return None
    return SchoolLocation(
        code=code,
        brin=brin,
        name=name,
        sector=kind[0],
        municipality=normalise_municipality(municipality),
        municipality_number=None,
        postcode=_postcode(row, "postcode"),
        board=None,
        swv_sectors=kind[1],
        source=str(path),
        row=number,
    )


def read_locations(path: str | Path, problems: list[Problem]) -> list[SchoolLocation]:
    """Read the school locations of one DUO file, appending every problem to ``problems``.

    Example
    -------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "scholen.csv"
    >>> _ = path.write_text("naam,type,brin_nummer,vestigingscode,gemeente\\n"
    ...                     "De Linde,SBAO,99XX,99XY00,DORP\\n")
    >>> problems = []
    >>> read_locations(path, problems), [p.field for p in problems]
    ([], ['vestigingscode'])
    """
    path = Path(path)
    kind = kind_of(path)
    if kind is None or kind == "swv":
        problems.append(
            Problem(
                "not a DUO school-location file (header not recognised)",
                source=str(path),
                location="row 1",
            )
        )
        return []
    out: list[SchoolLocation] = []
    first_row: dict[str, tuple[int, SchoolLocation | None]] = {}
    code_column = "vestigingscode" if kind == "edugis" else "VESTIGINGSNUMMER"
    for number, row in _rows(path, kind, problems):
        if kind == "edugis":
            location = _edugis_location(path, number, row, problems)
        else:
            location = _duo_location(path, kind, number, row, problems)
        code = row[code_column]
        if code in first_row:
            earlier_row, earlier = first_row[code]
            same = (
                kind == "edugis"
                and earlier is not None
                and location is not None
                and (earlier.name, earlier.sector, earlier.municipality)
                == (location.name, location.sector, location.municipality)
            )
            if not same:  # edugis repeats a location once per geocoded address
                problems.append(
                    Problem(
                        f"duplicate location number (also on row {earlier_row})",
                        source=str(path),
                        location=f"row {number}",
                        field=code_column,
                        value=code,
                    )
                )
            continue
        first_row[code] = (number, location)
        if location is not None:
            out.append(location)
    return out


# -- the SWV map --------------------------------------------------------------------------
def read_swv_map(path: str | Path, problems: list[Problem]) -> list[SwvArea]:
    """Read the SWV map (one municipality or part per row), appending problems to ``problems``.

    A part such as ``"Staphorst (postcodes 7951 en 7955)"`` becomes an area with those
    postcodes; ``"Zwartewaterland (m.u.v. postcode 8064)"`` one without them.

    Example
    -------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "swv.csv"
    >>> _ = path.write_text("sector,swv_code,gemeente_of_deelgebied\\n"
    ...                     "PO,PO2305,Staphorst (postcodes 7715 en 7954)\\n")
    >>> area = read_swv_map(path, [])[0]
    >>> area.municipality, sorted(area.postcodes)
    ('Staphorst', ['7715', '7954'])
    """
    path = Path(path)
    out: list[SwvArea] = []
    for number, row in _rows(path, "swv", problems):
        check = _RowChecker(path, number, problems)
        sector = row["sector"]
        if sector not in {"PO", "VO"}:
            check.bad("sector", sector, "not a sector of the SWV map (PO or VO)")
        code = check.match(row, "swv_code", _SWV_CODE, "an SWV code (PO or VO and four digits)")
        if check.ok and not code.startswith(sector):
            check.bad("swv_code", code, f"the code does not belong to sector {sector}")
        text = check.text(row, "gemeente_of_deelgebied")
        if not check.ok:
            continue
        name, detail = split_part(text)
        codes = frozenset(re.findall(r"\d{4}", detail))
        excluded = "m.u.v" in detail
        out.append(
            SwvArea(
                code=code,
                sector=sector,
                municipality=name,
                postcodes=frozenset() if excluded else codes,
                except_postcodes=codes if excluded else frozenset(),
                source=str(path),
                row=number,
            )
        )
    return out
