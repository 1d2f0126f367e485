"""The CSV folder: one UTF-8 CSV file per kind of record, editable in a spreadsheet.

A file saved as Windows-1252 (Excel on Windows) is read with a warning, and a file that
is not text gives a problem naming it (:mod:`samenwerking.io.text`).

See ``docs/file-formats.md`` for every file and column. Reading collects every problem
in every file (file, row as a spreadsheet numbers it, field, value) before raising;
ties.csv is read column by column, so millions of ties load quickly.

Example
-------
>>> import tempfile, pathlib
>>> from samenwerking.model import Region
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "dorp"
>>> write_csv_folder(Region("Dorp"), folder)
>>> read_csv_folder(folder) == Region("Dorp")
True
"""

from __future__ import annotations

import csv
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs
import numpy as np
import numpy.typing as npt

from samenwerking._atomic import replace_folder_atomically
from samenwerking.errors import InvalidRegionError, Problem
from samenwerking.io import cells, csv_ties, text
from samenwerking.model import (
    FORMAT_VERSION,
    Agenda,
    AgendaKind,
    Agreement,
    AgreementLevel,
    AgreementStatus,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseInvolvement,
    CaseRole,
    CaseStatus,
    Commitment,
    Endorsement,
    GroupKind,
    Meeting,
    MeetingKind,
    Organisation,
    Professional,
    Region,
    Role,
    Sector,
    Step,
    StepStatus,
    SupportLevel,
    TieKind,
    TieStore,
    Topic,
    WorkingGroup,
)
from samenwerking.model.partners import _checked_professionals
from samenwerking.model.validation import Locator, json_path, region_problems
from samenwerking.model.validation import Path as ModelPath

__all__ = [
    "TABLES",
    "csv_folder_locator",
    "csv_folder_problems",
    "read_csv_folder",
    "write_csv_folder",
]


def _plain(value: Any) -> str:
    return "" if value is None else str(value)


def _enum_value(value: Any) -> str:
    return "" if value is None else str(value.value)


def _enum_list_parser(enum_type: Any) -> Callable[[str], tuple[Any, ...]]:
    parse = cells.enum_parser(enum_type)
    return lambda cell: tuple(parse(item) for item in cell.split(";") if item.strip())


@attrs.frozen
class Column:
    """One column of a CSV file: how to read and write its cells."""

    name: str
    """The header name (also the model field, or the parent's key)."""
    parse: Callable[[str], Any]
    """Cell text to value."""
    format: Callable[[Any], str] = _plain
    """Value to cell text."""
    required: bool = False
    """Whether the column must be present and every cell filled in."""


def _id(name: str, required: bool = False) -> Column:
    return Column(name, cells.parse_id, _plain, required)


def _text(name: str, required: bool = False) -> Column:
    return Column(name, cells.parse_text, _plain, required)


def _ids(name: str, required: bool = False) -> Column:
    return Column(name, cells.parse_ids, cells.format_ids, required)


def _texts(name: str) -> Column:
    return Column(name, cells.parse_texts, cells.format_texts)


def _date(name: str, required: bool = False) -> Column:
    return Column(name, cells.parse_date, cells.format_date, required)


def _enum(name: str, enum_type: Any, required: bool = False) -> Column:
    return Column(name, cells.enum_parser(enum_type), _enum_value, required)


TABLES: dict[str, tuple[Column, ...]] = {
    "region.csv": (_text("name"), Column("format_version", cells.parse_int, cells.format_int)),
    "organisations.csv": (
        _id("id", True),
        _text("name", True),
        _enum("sector", Sector, True),
        _text("municipality", True),
        _id("parent"),
        _ids("memberships"),
        Column("identifiers", cells.parse_identifiers, cells.format_identifiers),
    ),
    "professionals.csv": (
        _id("id", True),
        _text("name", True),
        _enum("role", Role, True),
        _ids("organisations", True),
        Column("capacity", cells.parse_int, cells.format_int),
    ),
    "ties.csv": (
        _id("source", True),
        _id("target", True),
        _enum("kind", TieKind),
        Column("strength", cells.parse_float, cells.format_float),
        Column("trust", cells.parse_float, cells.format_float),
        Column("value", cells.parse_float, cells.format_float),
        _date("since"),
        _id("met_at"),
        Column("directed", cells.parse_bool, cells.format_bool),
    ),
    "agreements.csv": (
        _id("id", True),
        _text("title", True),
        _text("theme", True),
        _enum("level", AgreementLevel, True),
        _enum("status", AgreementStatus),
        _ids("parties", True),
        _date("valid_from"),
        _date("valid_until"),
        _texts("success_criteria"),
    ),
    "commitments.csv": (
        _id("agreement", True),
        _id("party", True),
        _text("action", True),
        _date("due"),
        _id("owner"),
    ),
    "endorsements.csv": (_id("agreement", True), _id("party", True), _date("date")),
    "agendas.csv": (
        _id("id", True),
        _text("title", True),
        _enum("kind", AgendaKind, True),
        _id("owner", True),
        _date("start"),
        _date("end"),
        _text("ambition"),
    ),
    "topics.csv": (
        _id("agenda", True),
        _id("id", True),
        _text("title", True),
        _id("working_group"),
        _ids("leads"),
        _texts("outcomes"),
    ),
    "steps.csv": (
        _id("agenda", True),
        _id("topic", True),
        _text("description", True),
        _id("owner"),
        _date("due"),
        _enum("status", StepStatus),
    ),
    "working_groups.csv": (
        _id("id", True),
        _text("name", True),
        _enum("kind", GroupKind),
        _text("theme"),
        _id("lead"),
        _ids("members"),
        Column(
            "needed_sectors",
            _enum_list_parser(Sector),
            lambda v: ";".join(s.value for s in v),
        ),
    ),
    "meetings.csv": (
        _id("id", True),
        _text("name", True),
        _enum("kind", MeetingKind, True),
        _date("date"),
        _id("organiser"),
        _ids("participants"),
    ),
    "cases.csv": (
        _id("id", True),
        _text("municipality", True),
        _enum("support_level", SupportLevel, True),
        _enum("status", CaseStatus),
        _id("school"),
        _date("opened"),
        _date("closed"),
        _id("coordinator"),
        Column("has_plan", cells.parse_bool, cells.format_bool),
    ),
    "case_involvements.csv": (
        _id("case", True),
        _id("professional", True),
        _enum("role", CaseRole),
    ),
    "case_events.csv": (
        _id("case", True),
        _date("date", True),
        _enum("kind", CaseEventKind, True),
        _id("actor"),
        _id("organisation"),
    ),
}
"""Every file of the folder, with its columns in order."""

_REQUIRED_FILES = ("organisations.csv",)
_UNKNOWN_REFERENCE = {
    "unknown organisation": "organisations",
    "unknown professional": "professionals",
    "unknown meeting": "meetings",
    "unknown working group": "working_groups",
}


# -- reading ------------------------------------------------------------------------------------
@attrs.define
class _Reading:
    """What reading a folder produced: rows kept, rows dropped, where each record came from."""

    folder: Path
    problems: list[Problem] = attrs.Factory(list)
    rows: dict[ModelPath, tuple[str, int]] = attrs.Factory(dict)
    dropped: dict[str, set[str]] = attrs.Factory(dict)
    unreadable: set[str] = attrs.Factory(set)
    """Kinds (file stems) whose whole file could not be read: not text, or not CSV."""
    tie_rows: npt.NDArray[np.int64] | None = None

    def problem(self, file: str, row: int, field: str, value: object, message: str) -> None:
        self.problems.append(Problem(message, file, f"row {row}", field, value))

    def locate(self, path: ModelPath) -> tuple[str, str]:
        if len(path) == 2 and path[0] == "ties" and isinstance(path[1], int):
            row = path[1] + 2 if self.tie_rows is None else int(self.tie_rows[path[1]])
            return "ties.csv", f"row {row}"
        for end in range(len(path), 0, -1):
            found = self.rows.get(path[:end])
            if found is not None:
                return found[0], f"row {found[1]}"
        return "", json_path(path)


def _open(path: Path, file: str) -> tuple[IO[str], list[str], str]:
    """Open a table under the encoding policy of :mod:`samenwerking.io.text`.

    Raises :class:`~samenwerking.io.text.UnreadableFileError` for a file that is not text.
    """
    encoding = text.text_encoding(path, name=f"{file} (in {path.parent})")
    handle = path.open(encoding=encoding, newline="")
    header, delimiter = csv_ties.sniff_header(handle.readline())
    return handle, header, delimiter


def _rows_of(reading: _Reading, file: str, handle: IO[str], delimiter: str) -> list[list[str]]:
    """Every row after the header; a CSV error (a huge cell, an open quote) is a problem."""
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as error:
        reading.problems.append(text.csv_problem(error, file, reader.line_num + 1))
        reading.unreadable.add(Path(file).stem)
        return []


def _renamed(problems: Iterable[Problem], file: str) -> list[Problem]:
    """Problems of :mod:`samenwerking.io.text` with the file named as the folder's others."""
    return [attrs.evolve(p, source=file) for p in problems]


def _check_header(
    reading: _Reading, file: str, header: list[str], columns: tuple[Column, ...]
) -> bool:
    """Report unknown, doubled and missing columns; True if the rows can be read."""
    wide = text.too_many_columns(header, file)
    if wide is not None:
        reading.problems.append(wide)
        return False
    expected = ", ".join(c.name for c in columns)
    known = {c.name for c in columns}
    ok = True
    for name in header:
        if name not in known:
            reading.problem(file, 1, name, None, f"unknown column; expected columns: {expected}")
    for name in sorted({h for h in header if header.count(h) > 1 and h}):
        reading.problem(file, 1, name, None, "column appears more than once")
        ok = False
    for column in columns:
        if column.required and column.name not in header:
            reading.problem(
                file, 1, column.name, None, f"required column missing; expected columns: {expected}"
            )
            ok = False
    return ok


_fast_tables = True
"""Whether tables whose every row is good are parsed column by column (tests compare)."""


def _read_table(
    reading: _Reading, file: str
) -> tuple[list[tuple[int, dict[str, Any]]], list[dict[str, str]]] | None:
    """Parse one small table: (row, values) of good rows, raw cells of bad rows."""
    table = _read_table_columns(reading, file)
    if table is None or isinstance(table, tuple):
        return table
    names = list(table)
    good = [
        (row, dict(zip(names, values, strict=True)))
        for row, values in enumerate(zip(*table.values(), strict=True), start=2)
    ]
    return good, []


def _read_table_columns(
    reading: _Reading, file: str
) -> dict[str, list[Any]] | tuple[list[tuple[int, dict[str, Any]]], list[dict[str, str]]] | None:
    """Parse one table, column by column when every row is good.

    Returns ``None`` for a missing file; the parsed columns (row ``i`` of every column is
    spreadsheet row ``i + 2``) when every row is regular and every cell parses; otherwise
    the precise result of :func:`_parse_rows`, which reports every problem.
    """
    path = reading.folder / file
    if not path.is_file():
        if file in _REQUIRED_FILES:
            reading.problems.append(Problem("required file missing", file))
        return None
    columns = TABLES[file]
    try:
        handle, header, delimiter = _open(path, file)
    except text.UnreadableFileError as error:
        reading.problems.extend(_renamed(error.problems, file))
        reading.unreadable.add(Path(file).stem)
        return [], []
    with handle:
        if not _check_header(reading, file, header, columns):
            return [], []
        positions = [(c, header.index(c.name)) for c in columns if c.name in header]
        rows = _rows_of(reading, file, handle, delimiter)
    if _fast_tables:
        parsed = _parse_columns(positions, rows, len(header))
        if parsed is not None:
            return parsed
    return _parse_rows(reading, file, header, positions, rows)


def _parse_columns(
    positions: list[tuple[Column, int]], rows: list[list[str]], width: int
) -> dict[str, list[Any]] | None:
    """Parse every column at once, each distinct cell once; ``None`` if any row needs care.

    Blank, short or long rows, blank required cells and cells the parser rejects all give
    ``None``, so that :func:`_parse_rows` reads the table again and names each problem.
    """
    if rows and set(map(len, rows)) != {width}:
        return None
    if not any(column.required for column, _position in positions) and any(
        not any(c.strip() for c in row) for row in rows
    ):
        return None  # a blank row, which is skipped (a blank required cell is caught below)
    transposed = list(zip(*rows, strict=True)) if rows else [() for _ in range(width)]
    out: dict[str, list[Any]] = {}
    for column, position in positions:
        cells_ = transposed[position]
        distinct: dict[str, Any] = dict.fromkeys(cells_)
        try:
            for cell in distinct:
                if column.required and not cell.strip():
                    return None
                distinct[cell] = column.parse(cell)
        except cells.CellError:
            return None
        out[column.name] = list(map(distinct.__getitem__, cells_))
    return out


def _parse_rows(
    reading: _Reading,
    file: str,
    header: list[str],
    positions: list[tuple[Column, int]],
    rows: Iterable[list[str]],
) -> tuple[list[tuple[int, dict[str, Any]]], list[dict[str, str]]]:
    """Parse rows one by one: (row, values) of good rows, raw cells of bad rows."""
    good: list[tuple[int, dict[str, Any]]] = []
    bad: list[dict[str, str]] = []
    for row, cells_ in enumerate(rows, start=2):
        if not any(c.strip() for c in cells_):
            continue
        before = len(reading.problems)
        if any(c.strip() for c in cells_[len(header) :]):
            reading.problem(file, row, "", None, f"more cells than columns ({len(header)})")
        values: dict[str, Any] = {}
        raw: dict[str, str] = {}
        for column, position in positions:
            cell = cells_[position] if position < len(cells_) else ""
            raw[column.name] = cell.strip()
            if column.required and not cell.strip():
                reading.problem(file, row, column.name, None, "required value missing")
                continue
            try:
                values[column.name] = column.parse(cell)
            except cells.CellError as exc:
                reading.problem(file, row, column.name, cell, str(exc))
        if len(reading.problems) == before:
            good.append((row, values))
        else:
            bad.append(raw)
    return good, bad


def _read_professionals(reading: _Reading) -> list[tuple[int, Professional]]:
    """Read professionals.csv; when every row parses, build the objects the fast way."""
    file = "professionals.csv"
    table = _read_table_columns(reading, file)
    dropped = reading.dropped.setdefault("professionals", set())
    if table is None:
        return []
    if isinstance(table, tuple):
        return [
            (row, obj)
            for row, _values, obj in _build_records(reading, file, Professional, dropped, table)
        ]
    count = len(table["id"])
    nothing = list(itertools.repeat(None, count))
    capacities = table.get("capacity", nothing)
    # Every cell was checked by its parser (ids, text, role, organisations, capacity);
    # the rules parsers do not check (an organisation at all, capacity >= 0) are checked
    # by the fast constructor, which leaves such rows to the normal one.
    built = _checked_professionals(
        zip(
            table["id"],
            table["name"],
            table["role"],
            table["organisations"],
            capacities,
            strict=True,
        )
    )
    out: list[tuple[int, Professional]] = []
    for i, obj in enumerate(built):
        if obj is None:
            values = {name: column[i] for name, column in table.items()}
            obj = _build(reading, file, i + 2, Professional, values, ())
            if obj is None:
                dropped.add(values.get("id") or "")
                continue
        out.append((i + 2, obj))
    return out


def _build(
    reading: _Reading, file: str, row: int, cls: Any, values: dict[str, Any], skip: Iterable[str]
) -> Any:
    skipped = set(skip)
    kwargs = {k: v for k, v in values.items() if v is not None and k not in skipped}
    try:
        return cls(**kwargs)
    except (ValueError, TypeError) as exc:
        reading.problem(file, row, "", None, str(exc))
        return None


def _records(
    reading: _Reading, file: str, cls: Any, kind: str
) -> list[tuple[int, dict[str, Any], Any]]:
    """Read a top-level table into (row, values, object); record ids of dropped rows."""
    table = _read_table(reading, file)
    dropped = reading.dropped.setdefault(kind, set())
    if table is None:
        return []
    return _build_records(reading, file, cls, dropped, table)


def _build_records(
    reading: _Reading,
    file: str,
    cls: Any,
    dropped: set[str],
    table: tuple[list[tuple[int, dict[str, Any]]], list[dict[str, str]]],
) -> list[tuple[int, dict[str, Any], Any]]:
    good, bad = table
    dropped.update(raw.get("id", "") for raw in bad)
    out = []
    for row, values in good:
        obj = _build(reading, file, row, cls, values, ())
        if obj is None:
            dropped.add(values.get("id") or "")
        else:
            out.append((row, values, obj))
    return out


def _children(
    reading: _Reading,
    file: str,
    cls: Any,
    keys: tuple[str, ...],
    parents: dict[Any, Any],
    dropped: set[Any],
) -> list[dict[str, str]]:
    """Attach the rows of a child table to their parents (in file order); return bad rows."""
    table = _read_table(reading, file)
    if table is None:
        return []
    good, bad = table
    for row, values in good:
        key = values[keys[0]] if len(keys) == 1 else tuple(values[k] for k in keys)
        if key not in parents:
            if key not in dropped:
                shown = key if len(keys) == 1 else "/".join(key)
                reading.problem(file, row, "/".join(keys), shown, f"unknown {' '.join(keys)}")
            continue
        obj = _build(reading, file, row, cls, values, keys)
        if obj is not None:
            parents[key].append((row, obj))
        else:
            bad.append({k: str(v) for k, v in values.items()})
    return bad


def _read_region_row(reading: _Reading) -> str:
    name = reading.folder.resolve().name or "region"
    table = _read_table(reading, "region.csv")
    if table is None:
        return name
    good, _bad = table
    if len(good) > 1:
        reading.problem("region.csv", good[1][0], "", None, "region.csv holds one row only")
    if good:
        values = good[0][1]
        version = values.get("format_version")
        if version is not None and version > FORMAT_VERSION:
            reading.problem(
                "region.csv",
                good[0][0],
                "format_version",
                version,
                f"written by a newer samenwerking (this release reads up to {FORMAT_VERSION}):"
                " upgrade",
            )
        name = values.get("name") or name
    return str(name)


def _read_ties(reading: _Reading) -> TieStore | None:
    file = csv_ties.FILE
    columns = TABLES[file]
    read = csv_ties.read_ties(
        reading.folder / file,
        reading,
        lambda header: _check_header(reading, file, header, columns),
    )
    if read is None:
        return None
    reading.tie_rows = read.rows
    return read.store


def _parse_folder(folder: Path) -> tuple[Region | None, _Reading]:
    reading = _Reading(folder)
    for entry in sorted(folder.glob("*.csv")):
        if entry.name not in TABLES:
            reading.problems.append(
                Problem(f"unknown file; expected: {', '.join(TABLES)}", entry.name)
            )
    name = _read_region_row(reading)
    organisations = _records(reading, "organisations.csv", Organisation, "organisations")
    professionals = _read_professionals(reading)
    ties = _read_ties(reading)

    agreements = _records(reading, "agreements.csv", Agreement, "agreements")
    commitments: dict[Any, list[Any]] = {}
    endorsements: dict[Any, list[Any]] = {}
    for _row, values, _obj in agreements:
        commitments.setdefault(values["id"], [])
        endorsements.setdefault(values["id"], [])
    gone = reading.dropped["agreements"]
    _children(reading, "commitments.csv", Commitment, ("agreement",), commitments, gone)
    _children(reading, "endorsements.csv", Endorsement, ("agreement",), endorsements, gone)

    agendas = _records(reading, "agendas.csv", Agenda, "agendas")
    topic_table: dict[Any, list[Any]] = {values["id"]: [] for _r, values, _o in agendas}
    bad_topics = _children(
        reading, "topics.csv", Topic, ("agenda",), topic_table, reading.dropped["agendas"]
    )
    steps: dict[Any, list[Any]] = {}
    for agenda_id, topics in topic_table.items():
        for _row, topic in topics:
            steps.setdefault((agenda_id, topic.id), [])
    steps_dropped = {(raw.get("agenda", ""), raw.get("id", "")) for raw in bad_topics}
    table = _read_table(reading, "steps.csv")
    if table is not None:
        for row, values in table[0]:
            key = (values["agenda"], values["topic"])
            if key not in steps:
                if values["agenda"] not in reading.dropped["agendas"] and key not in steps_dropped:
                    reading.problem(
                        "steps.csv", row, "agenda/topic", "/".join(key), "unknown agenda topic"
                    )
                continue
            obj = _build(reading, "steps.csv", row, Step, values, ("agenda", "topic"))
            if obj is not None:
                steps[key].append((row, obj))

    groups = _records(reading, "working_groups.csv", WorkingGroup, "working_groups")
    meetings = _records(reading, "meetings.csv", Meeting, "meetings")
    cases = _records(reading, "cases.csv", Case, "cases")
    involved: dict[Any, list[Any]] = {values["id"]: [] for _r, values, _o in cases}
    events: dict[Any, list[Any]] = {values["id"]: [] for _r, values, _o in cases}
    gone = reading.dropped["cases"]
    _children(reading, "case_involvements.csv", CaseInvolvement, ("case",), involved, gone)
    _children(reading, "case_events.csv", CaseEvent, ("case",), events, gone)

    def place(kind: str, file: str, records: list[tuple[int, dict[str, Any], Any]]) -> None:
        for i, (row, _values, _obj) in enumerate(records):
            reading.rows[(kind, i)] = (file, row)

    place("organisations", "organisations.csv", organisations)
    for i, (row, _obj) in enumerate(professionals):
        reading.rows[("professionals", i)] = ("professionals.csv", row)
    place("working_groups", "working_groups.csv", groups)
    place("meetings", "meetings.csv", meetings)
    place("agreements", "agreements.csv", agreements)
    place("agendas", "agendas.csv", agendas)
    place("cases", "cases.csv", cases)

    def attach(path: ModelPath, file: str, children: list[tuple[int, Any]]) -> tuple[Any, ...]:
        for j, (row, _obj) in enumerate(children):
            reading.rows[(*path, j)] = (file, row)
        return tuple(obj for _row, obj in children)

    built_agreements = []
    for i, (_row, values, obj) in enumerate(agreements):
        key = values["id"]
        built_agreements.append(
            attrs.evolve(
                obj,
                commitments=attach(
                    ("agreements", i, "commitments"), "commitments.csv", commitments.get(key, [])
                ),
                endorsements=attach(
                    ("agreements", i, "endorsements"), "endorsements.csv", endorsements.get(key, [])
                ),
            )
        )
        # Only the first agreement with an id receives its children.
        commitments[key] = []
        endorsements[key] = []
    built_agendas = []
    for i, (_row, values, obj) in enumerate(agendas):
        topics = []
        for j, (row, topic) in enumerate(topic_table.get(values["id"], [])):
            reading.rows[("agendas", i, "topics", j)] = ("topics.csv", row)
            key = (values["id"], topic.id)
            topics.append(
                attrs.evolve(
                    topic,
                    steps=attach(
                        ("agendas", i, "topics", j, "steps"), "steps.csv", steps.get(key, [])
                    ),
                )
            )
            steps[key] = []
        topic_table[values["id"]] = []
        built_agendas.append(attrs.evolve(obj, topics=tuple(topics)))
    built_cases = []
    for i, (_row, values, obj) in enumerate(cases):
        key = values["id"]
        built_cases.append(
            attrs.evolve(
                obj,
                involved=attach(
                    ("cases", i, "involved"), "case_involvements.csv", involved.get(key, [])
                ),
                events=attach(("cases", i, "events"), "case_events.csv", events.get(key, [])),
            )
        )
        involved[key] = []
        events[key] = []
    if ties is None:
        ties = TieStore.empty()
    region = Region(
        name=name,
        organisations=tuple(o for _r, _v, o in organisations),
        professionals=tuple(p for _r, p in professionals),
        ties=ties,
        agreements=tuple(built_agreements),
        agendas=tuple(built_agendas),
        working_groups=tuple(g for _r, _v, g in groups),
        meetings=tuple(m for _r, _v, m in meetings),
        cases=tuple(built_cases),
    )
    return region, reading


def csv_folder_problems(
    folder: str | os.PathLike[str], *, validate: bool = True
) -> tuple[Region | None, list[Problem]]:
    """Read a folder and list every problem found (cells, headers and, if asked, references).

    Example
    -------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _, problems = csv_folder_problems(folder)
    >>> print(problems[0])
    organisations.csv: required file missing
    """
    region, reading = _parse_folder(Path(folder))
    problems = list(reading.problems)
    if validate and region is not None:
        for problem in region_problems(region, locate=reading.locate):
            kind = _UNKNOWN_REFERENCE.get(problem.message)
            if kind is not None and (
                problem.value in reading.dropped.get(kind, ()) or kind in reading.unreadable
            ):
                continue  # the row (or file) it names was dropped, and is reported already
            problems.append(problem)
    return region, problems


def csv_folder_locator(folder: str | os.PathLike[str]) -> Locator:
    """Where each record of a CSV folder is: a function from model path to (file, row).

    Reads the folder again; meant for reporting problems found after loading.

    Example
    -------
    >>> import tempfile, pathlib, samenwerking as sw
    >>> folder = sw.save(sw.example_region(), pathlib.Path(tempfile.mkdtemp()) / "r")
    >>> csv_folder_locator(folder)(("cases", 0))
    ('cases.csv', 'row 2')
    """
    return _parse_folder(Path(folder))[1].locate


def read_csv_folder(folder: str | os.PathLike[str], *, validate: bool = True) -> Region:
    """Read a region from a CSV folder, reporting every problem in every file at once.

    Raises :class:`InvalidRegionError` whose problems name the file, row (the header is
    row 1), field and value.

    Example
    -------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "organisations.csv").write_text(
    ...     "id,name,sector,municipality\\no1,Gemeente,gemeente,Dorp\\n")
    >>> try:
    ...     read_csv_folder(folder)
    ... except InvalidRegionError as error:
    ...     print(error.problems[0].location, error.problems[0].field, error.problems[0].value)
    row 2 sector gemeente
    """
    region, problems = csv_folder_problems(folder, validate=validate)
    if problems or region is None:
        raise InvalidRegionError(problems, source=str(folder))
    return region


# -- writing -------------------------------------------------------------------------------------
def _rows(
    columns: tuple[Column, ...], items: Iterable[tuple[dict[str, str], Any]]
) -> Iterator[list[str]]:
    for keys, obj in items:
        yield [keys[c.name] if c.name in keys else c.format(getattr(obj, c.name)) for c in columns]


def _table_rows(region: Region) -> dict[str, Iterable[list[str]]]:
    def top(file: str, items: Iterable[Any]) -> Iterable[list[str]]:
        return _rows(TABLES[file], (({}, item) for item in items))

    def nested(file: str, items: Iterable[tuple[dict[str, str], Any]]) -> Iterable[list[str]]:
        return _rows(TABLES[file], items)

    return {
        "region.csv": [[region.name, str(FORMAT_VERSION)]],
        "organisations.csv": top("organisations.csv", region.organisations),
        "professionals.csv": top("professionals.csv", region.professionals),
        "agreements.csv": top("agreements.csv", region.agreements),
        "commitments.csv": nested(
            "commitments.csv",
            (({"agreement": a.id}, c) for a in region.agreements for c in a.commitments),
        ),
        "endorsements.csv": nested(
            "endorsements.csv",
            (({"agreement": a.id}, e) for a in region.agreements for e in a.endorsements),
        ),
        "agendas.csv": top("agendas.csv", region.agendas),
        "topics.csv": nested(
            "topics.csv", (({"agenda": a.id}, t) for a in region.agendas for t in a.topics)
        ),
        "steps.csv": nested(
            "steps.csv",
            (
                ({"agenda": a.id, "topic": t.id}, s)
                for a in region.agendas
                for t in a.topics
                for s in t.steps
            ),
        ),
        "working_groups.csv": top("working_groups.csv", region.working_groups),
        "meetings.csv": top("meetings.csv", region.meetings),
        "cases.csv": top("cases.csv", region.cases),
        "case_involvements.csv": nested(
            "case_involvements.csv",
            (({"case": c.id}, inv) for c in region.cases for inv in c.involved),
        ),
        "case_events.csv": nested(
            "case_events.csv", (({"case": c.id}, ev) for c in region.cases for ev in c.events)
        ),
    }


def _write_file(path: Path, header: Iterable[str], rows: Iterable[Iterable[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _write_all(region: Region, folder: Path) -> None:
    tables = _table_rows(region)
    for file, columns in TABLES.items():
        path = folder / file
        header = [c.name for c in columns]
        if file == csv_ties.FILE:
            with path.open("w", encoding="utf-8", newline="") as handle:
                csv_ties.write_ties(region.ties, handle)
        else:
            _write_file(path, header, tables[file])


def write_csv_folder(region: Region, folder: str | os.PathLike[str]) -> None:
    """Write a region as a CSV folder, atomically, writing every file (empty ones too).

    The files are written into a temporary sibling folder that then takes the place of
    ``folder``. An existing non-empty folder is only replaced if it holds an
    ``organisations.csv`` (so it looks like a region folder); otherwise this raises
    :class:`UnsupportedSourceError` and touches nothing.

    Example
    -------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "dorp"
    >>> write_csv_folder(Region("Dorp"), folder)
    >>> (folder / "organisations.csv").read_text()
    'id,name,sector,municipality,parent,memberships,identifiers\\n'
    """
    replace_folder_atomically(
        folder,
        lambda staging: _write_all(region, staging),
        marker="organisations.csv",
        kind="CSV folder",
    )
