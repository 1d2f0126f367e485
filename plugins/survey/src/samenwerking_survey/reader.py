"""Read a roster survey export (and optionally the roster of everyone invited) into plain data.

The survey file has one row per respondent and named partner; the roster has one row per
invited person. Both are CSV, UTF-8 or Windows-1252, ``,`` ``;`` or tab separated (sniffed
from the header). Every problem is collected and raised together as an
:class:`~samenwerking.errors.InvalidRegionError`; rows are numbered as a spreadsheet
shows them (the header is row 1).

Example
-------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "s.csv").write_text(
...     "Naam;Organisatie;Naam partner;Organisatie partner;Frequentie\\n"
...     "Ans Bos;Gemeente Dorp;Kees Mol;OBS Dorp;wekelijks\\n", encoding="utf-8")
>>> data = read_survey_data(folder / "s.csv")
>>> [(p.name, p.responded) for p in data.people], data.answers[0].frequency
([('Ans Bos', True), ('Kees Mol', False)], 3)
"""

from __future__ import annotations

import csv
import difflib
import io
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs
from attrs import frozen

from samenwerking.errors import InvalidRegionError, Problem, SourceNotFoundError
from samenwerking.io.text import csv_problem, decode_text
from samenwerking_survey.columns import ROSTER_COLUMNS, SURVEY_COLUMNS, match_headers
from samenwerking_survey.labels import FREQUENCY_LABELS, normalise_label

__all__ = [
    "PREFIX",
    "ROSTER_FILES",
    "SURVEY_FILES",
    "Answer",
    "Label",
    "Person",
    "Scales",
    "SurveyData",
    "UnknownName",
    "read_survey_data",
    "resolve_source",
]

PREFIX = "survey:"
"""A source written as ``survey:<path>`` is always read by this plugin."""

SURVEY_FILES = ("survey.csv", "antwoorden.csv", "enquete.csv", "responses.csv")
"""File names recognised as the survey export inside a folder."""

ROSTER_FILES = ("roster.csv", "deelnemers.csv", "genodigden.csv", "invited.csv")
"""File names recognised as the roster inside a folder."""

PersonKey = tuple[str, str]
"""(normalised organisation, normalised name): who a row is about."""


@frozen
class Scales:
    """The answer scales, as inclusive (low, high) ranges of whole numbers."""

    frequency: tuple[int, int] = (0, 4)
    """Contact frequency: 0 never, 1 yearly, 2 monthly, 3 weekly, 4 daily."""
    trust: tuple[int, int] = (1, 4)
    """Trust in the partner (PARTNER tool: 1 not at all - 4 completely)."""
    value: tuple[int, int] = (1, 4)
    """Value of the partner for one's work (PARTNER tool: 1 not at all - 4 very)."""


@frozen
class Label:
    """A sector or role label as the source wrote it, and where."""

    text: str
    """The label."""
    source: str
    """The file it is in."""
    row: int
    """The spreadsheet row."""
    priority: int
    """0 the person's own answer, 1 the roster, 2 someone else's answer about them."""


@frozen
class Person:
    """Someone invited, responding or named."""

    key: PersonKey
    """Normalised (organisation, name)."""
    name: str
    """Display name."""
    organisation: str
    """Display name of the organisation."""
    role: Label | None
    """The best role label known for them."""
    sector: Label | None
    """The best sector label known for their organisation."""
    municipality: str | None
    """The municipality given with them, if any."""
    invited: bool
    """On the roster."""
    responded: bool
    """Answered the survey."""


@frozen
class Answer:
    """One respondent's answers about one named partner."""

    row: int
    """The spreadsheet row in the survey file."""
    respondent: PersonKey
    """Who answered."""
    partner: PersonKey
    """Whom they named."""
    frequency: int | None
    """Contact frequency on the frequency scale (``None``: not answered)."""
    trust: int | None
    """Trust on the trust scale."""
    value: int | None
    """Value on the value scale."""


@frozen
class UnknownName:
    """A named partner who is on no roster, with the rows naming them and close matches."""

    name: str
    """The name as written."""
    organisation: str
    """The organisation as written."""
    rows: tuple[int, ...]
    """The survey rows that name them."""
    suggestions: tuple[str, ...]
    """Close matches among the known people, as ``"Name (Organisation)"``, best first."""

    def __str__(self) -> str:
        where = ", ".join(str(r) for r in self.rows)
        text = f"{self.name} ({self.organisation}), named in row{'s' if len(self.rows) > 1 else ''}"
        text += f" {where}"
        if self.suggestions:
            text += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        return text


@frozen
class SurveyData:
    """Everything read from a survey export and its roster, before it becomes a region."""

    source: str
    """The survey file."""
    roster_source: str | None
    """The roster file, if one was read."""
    people: tuple[Person, ...]
    """Everyone invited, responding or named, in first-seen order."""
    answers: tuple[Answer, ...]
    """Every answer row that names a partner."""
    unknown_names: tuple[UnknownName, ...]
    """Named partners not on the roster (without a roster: not among the respondents)."""
    organisation_municipalities: Mapping[str, str] = attrs.field(factory=dict)
    """Municipality per normalised organisation, where the files give one."""

    @property
    def has_roster(self) -> bool:
        """Whether a roster of invited people was read."""
        return self.roster_source is not None


def resolve_source(
    source: str | os.PathLike[str], roster: str | os.PathLike[str] | None = None
) -> tuple[Path, Path | None]:
    """The survey file and roster file for a source (a file, a folder or ``survey:<path>``).

    A folder must hold one of :data:`SURVEY_FILES` and may hold one of :data:`ROSTER_FILES`;
    an explicit ``roster`` wins over the folder's.

    Example
    -------
    >>> resolve_source("survey:antwoorden.csv", "deelnemers.csv")
    (PosixPath('antwoorden.csv'), PosixPath('deelnemers.csv'))
    """
    text = os.fspath(source)
    if text.startswith(PREFIX):
        text = text[len(PREFIX) :]
    path = Path(text)
    roster_path = None if roster is None else Path(roster)
    if path.is_dir():
        survey_file = _first_existing(path, SURVEY_FILES)
        if survey_file is None:
            raise SourceNotFoundError(
                f"{path}: no survey export in this folder (expected one of "
                f"{', '.join(SURVEY_FILES)})"
            )
        if roster_path is None:
            roster_path = _first_existing(path, ROSTER_FILES)
        path = survey_file
    return path, roster_path


def _first_existing(folder: Path, names: Sequence[str]) -> Path | None:
    for name in names:
        if (folder / name).is_file():
            return folder / name
    return None


def decode(data: bytes, name: str = "", *, warn: bool = True) -> str:
    """Text from UTF-8 (with or without BOM), else Windows-1252 with a warning naming ``name``.

    The policy of :mod:`samenwerking.io.text`: bytes that are not text raise its
    ``UnreadableFileError`` (an ``InvalidRegionError``) naming the file and line.
    """
    return decode_text(data, name=name or "the survey file", warn=warn)


def sniff_delimiter(first_line: str) -> str:
    """The most frequent of ``;``, ``,`` and tab in the header line (``,`` on a tie)."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """The header and data rows of a CSV file, decoded and with its delimiter sniffed."""
    if not path.is_file():
        raise SourceNotFoundError(f"{path}: no such file")
    text = decode(path.read_bytes(), str(path))
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    try:
        rows = list(reader)
    except csv.Error as error:
        problem = csv_problem(error, str(path), reader.line_num + 1)
        raise InvalidRegionError([problem], source=str(path)) from None
    rows = [row for row in rows if any(cell.strip() for cell in row)] if rows else rows
    if not rows:
        return [], []
    return rows[0], rows[1:]


class _Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(
        self, message: str, source: Path, row: int, field: str = "", value: object = None
    ) -> None:
        self.items.append(Problem(message, str(source), f"row {row}", field, value))


class _Rows:
    """Cells by canonical column name for one table."""

    def __init__(
        self,
        path: Path,
        columns: Mapping[str, Sequence[str]],
        required: Sequence[Sequence[str]],
        problems: _Problems,
    ) -> None:
        self.path = path
        try:
            self.header, self.rows = read_table(path)
        except InvalidRegionError as error:  # not text, or not CSV
            problems.items.extend(error.problems)
            self.header, self.rows, self.ok = [], [], False
            self.found: dict[str, int] = {}
            return
        self.found, duplicates = match_headers(self.header, columns)
        self.ok = True
        if not self.header:
            problems.add("the file is empty (no header row)", path, 1)
            self.ok = False
            return
        for position, name in duplicates:
            problems.add(
                f"column {name!r} appears twice (also as {self.header[self.found[name]]!r})",
                path,
                1,
                name,
                self.header[position],
            )
            self.ok = False
        for options in required:
            if not any(name in self.found for name in options):
                accepted = sorted({alias for name in options for alias in columns[name]})
                problems.add(
                    f"missing required column {' or '.join(repr(n) for n in options)}; "
                    f"accepted headers (any case): {', '.join(accepted)}",
                    path,
                    1,
                    options[0],
                )
                self.ok = False

    def cell(self, row: Sequence[str], name: str) -> str:
        position = self.found.get(name)
        if position is None or position >= len(row):
            return ""
        return row[position].strip()


@attrs.define
class _Builder:
    key: PersonKey
    name: str
    organisation: str
    role: Label | None = None
    sector: Label | None = None
    municipality: str | None = None
    invited: bool = False
    responded: bool = False
    respondent_id: str | None = None

    def offer(self, role: Label | None, sector: Label | None) -> None:
        if role is not None and (self.role is None or role.priority < self.role.priority):
            self.role = role
        if sector is not None and (self.sector is None or sector.priority < self.sector.priority):
            self.sector = sector

    def freeze(self) -> Person:
        return Person(
            self.key,
            self.name,
            self.organisation,
            self.role,
            self.sector,
            self.municipality,
            self.invited,
            self.responded,
        )


def _label(text: str, source: Path, row: int, priority: int) -> Label | None:
    return Label(text, str(source), row, priority) if text else None


def _scale(
    text: str, scale: tuple[int, int], name: str, labels: Mapping[str, int] | None = None
) -> tuple[int | None, str | None]:
    """A scale answer, or an error message."""
    if not text:
        return None, None
    if labels is not None and normalise_label(text) in labels:
        return labels[normalise_label(text)], None
    low, high = scale
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        number = None
    if number is None or not number.is_integer() or not low <= number <= high:
        hint = f"a whole number {low}-{high}"
        if labels is not None:
            hint += " or one of " + "/".join(k for k in labels if " " not in k)
        return None, f"{name} answer out of scale: expected {hint}"
    return int(number), None


def read_survey_data(
    source: str | os.PathLike[str],
    *,
    roster: str | os.PathLike[str] | None = None,
    scales: Scales | None = None,
) -> SurveyData:
    """Read a survey export (and roster) into :class:`SurveyData`.

    Parameters
    ----------
    source
        The survey CSV, a folder holding it (and the roster), or ``survey:<path>``.
    roster
        The roster CSV of everyone invited, if not in the folder.
    scales
        The answer scales; PARTNER-style defaults (frequency 0-4, trust and value 1-4).

    Raises
    ------
    SourceNotFoundError
        When a file does not exist.
    InvalidRegionError
        Listing every problem: missing columns, blank names, answers out of scale, ...
    """
    scales = scales or Scales()
    survey_path, roster_path = resolve_source(source, roster)
    problems = _Problems()
    people: dict[PersonKey, _Builder] = {}
    by_id: dict[str, PersonKey] = {}
    roster_keys: set[PersonKey] = set()
    first_roster_row: dict[PersonKey, int] = {}
    municipalities: dict[str, str] = {}

    def note_municipality(org_key: str, text: str) -> None:
        if text:
            municipalities.setdefault(org_key, text)

    if roster_path is not None:
        table = _Rows(roster_path, ROSTER_COLUMNS, (("name",), ("organisation",)), problems)
        for number, row in enumerate(table.rows if table.ok else [], start=2):
            name, org = table.cell(row, "name"), table.cell(row, "organisation")
            key = _person_key(org, name, table, number, problems, "name", "organisation")
            if key is None:
                continue
            if key in first_roster_row:
                problems.add(
                    f"listed twice on the roster (first in row {first_roster_row[key]})",
                    roster_path,
                    number,
                    "name",
                    name,
                )
                continue
            first_roster_row[key] = number
            roster_keys.add(key)
            person = people.setdefault(key, _Builder(key, name, org))
            person.invited = True
            person.offer(
                _label(table.cell(row, "role"), roster_path, number, 1),
                _label(table.cell(row, "sector"), roster_path, number, 1),
            )
            note_municipality(key[0], table.cell(row, "municipality"))
            rid = table.cell(row, "respondent_id")
            if rid:
                person.respondent_id = rid
                by_id[rid] = key

    table = _Rows(
        survey_path,
        SURVEY_COLUMNS,
        (
            ("respondent", "respondent_id"),
            ("respondent_organisation", "respondent_id"),
            ("partner",),
            ("partner_organisation",),
            ("frequency",),
        ),
        problems,
    )
    raw: list[tuple[int, PersonKey, Sequence[str]]] = []
    for number, row in enumerate(table.rows if table.ok else [], start=2):
        if len(row) > len(table.header):
            problems.add(
                f"row has {len(row)} cells but the header has {len(table.header)}",
                survey_path,
                number,
                "",
                row[len(table.header) :],
            )
            continue
        key = _respondent(row, table, number, by_id, problems)
        if key is None:
            continue
        if key not in people:
            people[key] = _Builder(key, table.cell(row, "respondent"), _org_text(row, table))
        person = people[key]
        person.responded = True
        person.offer(
            _label(table.cell(row, "respondent_role"), survey_path, number, 0),
            _label(table.cell(row, "respondent_sector"), survey_path, number, 0),
        )
        note_municipality(key[0], table.cell(row, "municipality"))
        raw.append((number, key, row))

    known = dict(people)
    answers: list[Answer] = []
    seen_pairs: dict[tuple[PersonKey, PersonKey], int] = {}
    for number, respondent, cells_row in raw:
        row = list(cells_row)
        partner_name = table.cell(row, "partner")
        cells = {n: table.cell(row, n) for n in ("frequency", "trust", "value")}
        if not partner_name:
            if any(cells.values()):
                problems.add(
                    "an answer is given but the partner name is blank",
                    survey_path,
                    number,
                    "partner",
                    "",
                )
            continue
        partner = _partner(row, table, number, known, problems)
        answer_values: dict[str, int | None] = {}
        bad = False
        for name, text in cells.items():
            labels = FREQUENCY_LABELS if name == "frequency" else None
            number_value, error = _scale(text, getattr(scales, name), name, labels)
            if error:
                problems.add(error, survey_path, number, name, text)
                bad = True
            answer_values[name] = number_value
        if partner is None or bad:
            continue
        if partner == respondent:
            problems.add(
                "a respondent names themselves as a partner",
                survey_path,
                number,
                "partner",
                partner_name,
            )
            continue
        if (respondent, partner) in seen_pairs:
            problems.add(
                f"the same partner is named twice by this respondent (first in row "
                f"{seen_pairs[respondent, partner]})",
                survey_path,
                number,
                "partner",
                partner_name,
            )
            continue
        seen_pairs[respondent, partner] = number
        if partner not in people:
            people[partner] = _Builder(
                partner, partner_name, table.cell(row, "partner_organisation")
            )
        people[partner].offer(
            _label(table.cell(row, "partner_role"), survey_path, number, 2),
            _label(table.cell(row, "partner_sector"), survey_path, number, 2),
        )
        answers.append(
            Answer(
                number,
                respondent,
                partner,
                answer_values["frequency"],
                answer_values["trust"],
                answer_values["value"],
            )
        )

    if problems.items:
        ordered = sorted(problems.items, key=lambda p: (p.source, int(p.location.split()[-1])))
        raise InvalidRegionError(ordered, source=str(survey_path))
    frozen_people = tuple(p.freeze() for p in people.values())
    return SurveyData(
        source=str(survey_path),
        roster_source=None if roster_path is None else str(roster_path),
        people=frozen_people,
        answers=tuple(answers),
        unknown_names=_unknown_names(frozen_people, answers, roster_path is not None),
        organisation_municipalities=municipalities,
    )


def _org_text(row: Sequence[str], table: _Rows) -> str:
    return table.cell(row, "respondent_organisation")


def _person_key(
    org: str,
    name: str,
    table: _Rows,
    number: int,
    problems: _Problems,
    name_field: str,
    org_field: str,
) -> PersonKey | None:
    name_key, org_key = normalise_label(name), normalise_label(org)
    ok = True
    if not name_key:
        message = "blank name" if not name else "a name needs a letter or digit"
        problems.add(message, table.path, number, name_field, name)
        ok = False
    if not org_key:
        problems.add(
            "blank organisation" if not org else "an organisation needs a letter or digit",
            table.path,
            number,
            org_field,
            org,
        )
        ok = False
    return (org_key, name_key) if ok else None


def _respondent(
    row: Sequence[str],
    table: _Rows,
    number: int,
    by_id: Mapping[str, PersonKey],
    problems: _Problems,
) -> PersonKey | None:
    name, org = table.cell(row, "respondent"), _org_text(row, table)
    rid = table.cell(row, "respondent_id")
    if rid and not (name and org):
        if rid in by_id:
            return by_id[rid]
        if not name and not org:
            problems.add(
                "respondent id is not on the roster and the row gives no name",
                table.path,
                number,
                "respondent_id",
                rid,
            )
            return None
    return _person_key(org, name, table, number, problems, "respondent", "respondent_organisation")


def _partner(
    row: Sequence[str],
    table: _Rows,
    number: int,
    known: Mapping[PersonKey, _Builder],
    problems: _Problems,
) -> PersonKey | None:
    name, org = table.cell(row, "partner"), table.cell(row, "partner_organisation")
    name_key = normalise_label(name)
    if name_key and not org:
        matches = [key for key in known if key[1] == name_key]
        if len(matches) == 1:
            return matches[0]
        names = ", ".join(f"{known[k].name} ({known[k].organisation})" for k in matches)
        hint = f"; several people have this name: {names}" if matches else ""
        problems.add(
            f"blank partner organisation: cannot tell who {name!r} is{hint}",
            table.path,
            number,
            "partner_organisation",
            org,
        )
        return None
    return _person_key(org, name, table, number, problems, "partner", "partner_organisation")


def _display(person: Person) -> str:
    return f"{person.name} ({person.organisation})"


def _unknown_names(
    people: Sequence[Person], answers: Sequence[Answer], has_roster: bool
) -> tuple[UnknownName, ...]:
    known = [p for p in people if (p.invited if has_roster else p.responded)]
    known_keys = {p.key for p in known}
    by_key = {p.key: p for p in people}
    choices = {f"{p.key[1]} {p.key[0]}": _display(p) for p in known}
    rows: dict[PersonKey, list[int]] = {}
    for answer in answers:
        if answer.partner not in known_keys:
            rows.setdefault(answer.partner, []).append(answer.row)
    out = []
    for key, where in rows.items():
        person = by_key[key]
        close = difflib.get_close_matches(f"{key[1]} {key[0]}", list(choices), n=3, cutoff=0.6)
        out.append(
            UnknownName(
                person.name, person.organisation, tuple(where), tuple(choices[c] for c in close)
            )
        )
    return tuple(out)
