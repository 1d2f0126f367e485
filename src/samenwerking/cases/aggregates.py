"""Regional counts of cases: per municipality, school board, SWV, support level, status, check.

Every case falls in exactly one row and one column of a table, so each table's grand
total is the number of cases. The dimensions:

- ``municipality``: the case's responsible municipality;
- ``board``: the school board (``parent``) of the case's school;
- ``swv``: the samenwerkingsverband (an organisation of sector ``swv_po`` or ``swv_vo``)
  among the school's ``memberships``, or else its board's; when there are several, the
  one that matches the school (PO for primary schools and SBO, VO for secondary schools),
  then the first listed;
- ``support_level`` (basic, extra, special) and ``status`` (open, resolved, closed);
- each check of :mod:`samenwerking.cases.checks` (``stranded``, ...): ``yes`` or ``no``,
  and ``not checked`` for cases a check does not look at (closed cases, for the checks
  on open cases).

A case without a school (or whose school has no board, or no SWV) is counted in the row
``unknown``.

:func:`count_cases` gives exact counts, for the case owner's own use. Anything published
goes through :func:`aggregate` (or :func:`write_aggregates`), which suppresses small counts
with :func:`samenwerking.privacy.suppress`.

Example
-------
>>> from samenwerking.model import Case, CaseId, Region
>>> cases = tuple(Case(CaseId(f"c-{i}"), "Dorp" if i < 7 else "Stad", "extra")
...               for i in range(9))
>>> table = aggregate(Region("Dorp", cases=cases), "municipality")
>>> table.row_labels, table.cells, table.grand_total  # 2 is small; 7 would give it away
(('Dorp', 'Stad'), ((None,), (None,)), 9)
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import networkx as nx
import numpy as np
from attrs import frozen

from samenwerking._atomic import write_text_atomically
from samenwerking.cases._base import (
    CaseArgumentError,
    check_positive_int,
    check_region,
    resolve_today,
)
from samenwerking.cases.checks import (
    CHECKS,
    DEFAULT_STRANDED_WEEKS,
    OPEN_ONLY,
    CaseChecks,
    check_cases,
)
from samenwerking.cases.durations import STATUSES, check_threshold, published_durations
from samenwerking.cases.tables import (
    DEFAULT_MARKER,
    check_marker,
    table_csv_text,
)
from samenwerking.model import Case, Organisation, OrganisationId, Region, Sector, SupportLevel
from samenwerking.privacy import (
    DEFAULT_THRESHOLD,
    Key,
    LinkedTable,
    SuppressedTable,
    check_no_bsn,
    suppress,
    suppress_together,
)
from samenwerking.tabular import Table, Tabular

__all__ = [
    "DIMENSIONS",
    "STANDARD_TABLES",
    "UNKNOWN",
    "CaseCounts",
    "aggregate",
    "count_cases",
    "standard_aggregates",
    "table_name",
    "write_aggregates",
]

UNKNOWN = "unknown"
"""The row label for cases whose school, board or SWV is not known."""

DIMENSIONS: tuple[str, ...] = (
    "municipality",
    "board",
    "swv",
    "support_level",
    "status",
    *CHECKS,
)
"""What cases can be counted by."""

STANDARD_TABLES: tuple[tuple[str, str | None], ...] = (
    ("municipality", "status"),
    ("municipality", "support_level"),
    ("board", "support_level"),
    ("swv", "support_level"),
    ("support_level", "status"),
    *(("municipality", check) for check in CHECKS),
)
"""The (rows, columns) of the tables :func:`write_aggregates` publishes."""

_YES_NO = ("yes", "no")
_NOT_CHECKED = "not checked"
_SWV = frozenset({Sector.SWV_PO, Sector.SWV_VO})
_PO = frozenset({Sector.PRIMARY_SCHOOL, Sector.SPECIAL_PRIMARY_SCHOOL})


def table_name(rows: str, columns: str | None = None) -> str:
    """The file stem of a table: ``cases_by_<rows>`` or ``cases_by_<rows>_and_<columns>``.

    Example
    -------
    >>> table_name("municipality", "status")
    'cases_by_municipality_and_status'
    """
    return f"cases_by_{rows}" if columns is None else f"cases_by_{rows}_and_{columns}"


def _check_dimension(value: object, name: str) -> str:
    if not isinstance(value, str) or value not in DIMENSIONS:
        raise CaseArgumentError(
            f"cannot count cases by {name}={value!r}; choose from {', '.join(DIMENSIONS)}"
        )
    return value


def _swv_of(orgs: dict[OrganisationId, Organisation], school: Organisation) -> str | None:
    board = orgs.get(school.parent) if school.parent is not None else None
    for holder in (school, board):
        if holder is None:
            continue
        swvs = [orgs[m] for m in holder.memberships if m in orgs and orgs[m].sector in _SWV]
        if not swvs:
            continue
        if school.sector in _PO:
            wanted: Sector | None = Sector.SWV_PO
        elif school.sector is Sector.SECONDARY_SCHOOL:
            wanted = Sector.SWV_VO
        else:
            wanted = None
        matching = [o for o in swvs if o.sector is wanted]
        return (matching or swvs)[0].id
    return None


Classifier = Callable[[Case], str]


def _single(_case: Case) -> str:
    return "cases"


def _classifier(
    region: Region, dimension: str, checks: Callable[[], CaseChecks]
) -> tuple[list[str], Classifier]:
    """The labels of a dimension (in table order) and the label of each case."""
    if dimension == "support_level":
        return [level.value for level in SupportLevel], lambda case: case.support_level.value
    if dimension == "status":
        return [status.value for status in STATUSES], lambda case: case.status.value
    if dimension in CHECKS:
        flagged = set(checks().flagged(dimension))
        open_only = dimension in OPEN_ONLY

        def check_label(case: Case) -> str:
            if open_only and not case.is_open:
                return _NOT_CHECKED
            return "yes" if case.id in flagged else "no"

        labels = [*_YES_NO, _NOT_CHECKED] if open_only else list(_YES_NO)
        return labels, check_label
    orgs = {o.id: o for o in region.organisations}

    def school_of(case: Case) -> Organisation | None:
        return orgs.get(case.school) if case.school is not None else None

    known: set[str]
    if dimension == "municipality":
        known = set(region.municipalities)

        def label(case: Case) -> str:
            return case.municipality
    elif dimension == "board":
        known = {o.id for o in region.organisations if o.sector is Sector.SCHOOL_BOARD}

        def label(case: Case) -> str:
            school = school_of(case)
            return school.parent if school is not None and school.parent else UNKNOWN
    else:
        known = {o.id for o in region.organisations if o.sector in _SWV}

        def label(case: Case) -> str:
            school = school_of(case)
            found = _swv_of(orgs, school) if school is not None else None
            return found or UNKNOWN

    used = {label(case) for case in region.cases}
    labels = sorted((known | used) - {UNKNOWN})
    if UNKNOWN in used:
        labels.append(UNKNOWN)
    return labels, label


@frozen(repr=False)
class CaseCounts(Tabular):
    """Exact counts of cases in a two-way table: for the case owner, NOT for publication.

    Publish with :meth:`publish`, which suppresses small counts.
    """

    rows: str
    """The row dimension."""
    columns: str | None
    """The column dimension; ``None`` for a single column ``cases``."""
    row_labels: tuple[str, ...]
    """One label per row."""
    column_labels: tuple[str, ...]
    """One label per column."""
    counts: tuple[tuple[int, ...], ...]
    """``counts[i][j]``: cases in row ``i`` and column ``j``."""

    @property
    def total(self) -> int:
        """The number of cases counted (every case once)."""
        return sum(map(sum, self.counts))

    def publish(self, *, threshold: int = DEFAULT_THRESHOLD) -> SuppressedTable:
        """The table as it may be published, small counts suppressed.

        Raises :class:`CaseArgumentError` for a threshold below
        :data:`~samenwerking.cases.durations.MIN_THRESHOLD`.
        """
        shape = (len(self.row_labels), len(self.column_labels))
        return suppress(
            np.array(self.counts, dtype=np.int64).reshape(shape),
            threshold=check_threshold(threshold),
            row_labels=self.row_labels,
            column_labels=self.column_labels,
        )

    def _tables(self) -> tuple[Table, ...]:
        labels = self.column_labels if self.columns is not None else ("cases",)
        rows = [(label, *row) for label, row in zip(self.row_labels, self.counts, strict=True)]
        return (Table(self.rows, (self.rows, *labels), rows),)

    def _notes(self) -> tuple[str, ...]:
        return (f"{self.total} cases; exact counts, not for publication: use publish()",)

    def __repr__(self) -> str:
        shape = f"{len(self.row_labels)} x {len(self.column_labels)}"
        return f"<CaseCounts {table_name(self.rows, self.columns)}: {shape}, {self.total} cases>"


def count_cases(
    region: Region,
    rows: str,
    columns: str | None = None,
    *,
    today: dt.date | None = None,
    stranded_weeks: int = DEFAULT_STRANDED_WEEKS,
) -> CaseCounts:
    """Count cases by one or two dimensions (exact counts: not for publication).

    Parameters
    ----------
    region : Region
    rows, columns : str
        Dimensions from :data:`DIMENSIONS`; without ``columns`` the table has one column,
        ``cases``.
    today, stranded_weeks
        For the ``stranded`` check (see :func:`~samenwerking.cases.checks.check_cases`).

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, Region
    >>> region = Region("Dorp", cases=(Case(CaseId("c-1"), "Dorp", "extra"),))
    >>> found = count_cases(region, "municipality", "support_level")
    >>> found.column_labels, found.counts, found.total
    (('basic', 'extra', 'special'), ((0, 1, 0),), 1)
    """
    check_region(region)
    row_dim = _check_dimension(rows, "rows")
    col_dim = None if columns is None else _check_dimension(columns, "columns")
    day = resolve_today(today)
    weeks = check_positive_int(stranded_weeks, "stranded_weeks")
    memo: list[CaseChecks] = []

    def checks() -> CaseChecks:
        if not memo:
            memo.append(check_cases(region, today=day, stranded_weeks=weeks))
        return memo[0]

    row_labels, row_of = _classifier(region, row_dim, checks)
    col_labels: list[str] = ["cases"]
    col_of: Classifier = _single
    if col_dim is not None:
        col_labels, col_of = _classifier(region, col_dim, checks)
    row_index = {label: i for i, label in enumerate(row_labels)}
    col_index = {label: j for j, label in enumerate(col_labels)}
    counts = [[0] * len(col_labels) for _ in row_labels]
    for case in region.cases:
        counts[row_index[row_of(case)]][col_index[col_of(case)]] += 1
    return CaseCounts(
        row_dim,
        col_dim,
        tuple(row_labels),
        tuple(col_labels),
        tuple(tuple(row) for row in counts),
    )


def aggregate(
    region: Region,
    rows: str,
    columns: str | None = None,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    today: dt.date | None = None,
    stranded_weeks: int = DEFAULT_STRANDED_WEEKS,
) -> SuppressedTable:
    """Count cases by one or two dimensions, for publication (small counts suppressed).

    The same table as :func:`count_cases`, passed through
    :func:`samenwerking.privacy.suppress`: counts (and totals) from 1 up to ``threshold``
    are hidden, with complementary suppression so that none can be recomputed from the
    totals. This protects ONE table: to publish several tables of the same cases, use
    :func:`standard_aggregates` (with ``tables=``), which suppresses them together.

    Parameters
    ----------
    region : Region
    rows, columns : str
        Dimensions from :data:`DIMENSIONS`.
    threshold : int
        Default 5; at least :data:`~samenwerking.cases.durations.MIN_THRESHOLD` (3).
    today, stranded_weeks
        For the ``stranded`` check.

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, Region
    >>> cases = tuple(Case(CaseId(f"c-{i}"), "Dorp", "basic" if i else "special")
    ...               for i in range(8))
    >>> aggregate(Region("Dorp", cases=cases), "municipality", "support_level").cells
    ((None, 0, None),)
    """
    check_region(region)
    check_no_bsn(region)
    limit = check_threshold(threshold)
    counts = count_cases(region, rows, columns, today=today, stranded_weeks=stranded_weeks)
    return counts.publish(threshold=limit)


def standard_aggregates(
    region: Region,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    today: dt.date | None = None,
    stranded_weeks: int = DEFAULT_STRANDED_WEEKS,
    tables: Sequence[tuple[str, str | None]] = STANDARD_TABLES,
) -> dict[str, SuppressedTable]:
    """Several tables of cases, suppressed together, by :func:`table_name`.

    The tables share totals (the municipality x status and municipality x support level
    tables both show the cases per municipality, ...), so they are suppressed together
    with :func:`samenwerking.privacy.suppress_together`: no hidden count can be worked
    out from all of them together. The reader is also assumed to know that a check on
    open cases splits the open cases into ``yes`` and ``no`` (and that ``not checked``
    are the resolved and closed ones), which school boards and SWVs share schools, and
    the number of cases (shown elsewhere, so never hidden unless it is small itself).
    Publish tables of one region only from one call: tables from separate calls (or from
    :func:`aggregate`) are not protected against each other.

    Parameters
    ----------
    region : Region
    threshold, today, stranded_weeks
        As for :func:`aggregate`.
    tables : sequence of (rows, columns)
        The tables, :data:`STANDARD_TABLES` by default.

    Raises
    ------
    CaseArgumentError
        For a bad region, dimension, threshold or ``stranded_weeks``.
    BsnLikeValueError
        If a case field looks like a citizen service number (never published).

    Example
    -------
    >>> list(standard_aggregates(Region("Dorp")))[:2]
    ['cases_by_municipality_and_status', 'cases_by_municipality_and_support_level']
    """
    check_region(region)
    check_no_bsn(region)
    limit = check_threshold(threshold)
    day = resolve_today(today)
    weeks = check_positive_int(stranded_weeks, "stranded_weeks")
    specs = [
        (
            _check_dimension(rows, "rows"),
            None if cols is None else _check_dimension(cols, "columns"),
        )
        for rows, cols in tables
    ]
    counted = {
        table_name(rows, cols): count_cases(region, rows, cols, today=day, stranded_weeks=weeks)
        for rows, cols in specs
    }
    linked = {
        name: LinkedTable(
            c.rows,
            c.columns if c.columns is not None else f"{c.rows}:cases",
            np.array(c.counts, dtype=np.int64).reshape(len(c.row_labels), len(c.column_labels)),
            c.row_labels,
            c.column_labels,
        )
        for name, c in counted.items()
    }
    # The number of cases is shown anyway (the report's overview, the team section):
    # it is never hidden to protect another count, and the check takes it as known.
    return suppress_together(
        linked, threshold=limit, relations=_relations(region, counted), known=[frozenset()]
    )


def _relations(region: Region, counted: dict[str, CaseCounts]) -> list[dict[Key, int]]:
    """What a reader knows beyond the tables' own lines (see :func:`standard_aggregates`)."""
    labels: dict[str, set[str]] = {}
    pairs: set[tuple[str, str | None]] = set()
    for c in counted.values():
        labels.setdefault(c.rows, set()).update(c.row_labels)
        if c.columns is not None:
            labels.setdefault(c.columns, set()).update(c.column_labels)
            pairs |= {(c.rows, c.columns), (c.columns, c.rows)}
        pairs.add((c.rows, None))
    statuses = [status.value for status in STATUSES]
    out: list[dict[Key, int]] = []
    # A check on open cases: yes + no = open; not checked = resolved + closed. Per value of
    # every variable it is crossed with, and overall.
    for check, other in sorted(pairs, key=str):
        if check not in OPEN_ONLY:
            continue
        values = [None] if other is None else sorted(labels[other])
        for value in values:
            base: Key = (
                frozenset() if other is None or value is None else frozenset({(other, value)})
            )

            def key(var: str, val: str, base: Key = base) -> Key:
                return base | {(var, val)}

            out.append({key(check, "yes"): 1, key(check, "no"): 1, key("status", statuses[0]): -1})
            relation = {key(check, _NOT_CHECKED): 1}
            relation.update({key("status", status): -1 for status in statuses[1:]})
            out.append(relation)
    # Boards and SWVs that share schools: their rows hold the same cases, per column too.
    if {"board", "swv"} <= labels.keys():
        others = sorted({o for r, o in pairs if r in ("board", "swv") and o is not None})
        out.extend(_board_swv_relations(region, labels, others))
    return out


def _board_swv_relations(
    region: Region, labels: dict[str, set[str]], others: list[str]
) -> list[dict[Key, int]]:
    _, board_of = _classifier(region, "board", _no_checks)
    _, swv_of = _classifier(region, "swv", _no_checks)
    links = nx.Graph()
    links.add_nodes_from(("board", b) for b in labels["board"])
    links.add_nodes_from(("swv", v) for v in labels["swv"])
    for case in region.cases:
        links.add_edge(("board", board_of(case)), ("swv", swv_of(case)))
    out: list[dict[Key, int]] = []
    for group in nx.connected_components(links):
        members = sorted(group)
        for other in [None, *others]:
            values = [None] if other is None else sorted(labels[other])
            for value in values:
                base: Key = (
                    frozenset() if other is None or value is None else frozenset({(other, value)})
                )
                out.append(
                    {base | {(var, label)}: 1 if var == "board" else -1 for var, label in members}
                )
    return out


def _no_checks() -> CaseChecks:  # pragma: no cover - boards and SWVs need no checks
    raise AssertionError("boards and SWVs need no checks")


def _durations_csv(region: Region, today: dt.date, threshold: int, marker: str) -> str:
    published = published_durations(region, today=today, threshold=threshold)
    out = io.StringIO()
    from samenwerking.io.spreadsheet import spreadsheet_writer  # neutralises =, +, -, @

    writer = spreadsheet_writer(out, lineterminator="\r\n")
    writer.writerow(["support_level", "median_days", "upper_quartile_days"])
    for i, level in enumerate(published.levels):
        values: Sequence[float | int | None] = (
            published.median_days[i],
            published.upper_quartile_days[i],
        )
        if published.withheld[i]:
            cells = [marker, marker]
        else:
            cells = ["" if v is None else f"{v:g}" for v in values]
        writer.writerow([level.value, *cells])
    return out.getvalue()


def write_aggregates(
    region: Region,
    folder: str | os.PathLike[str],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    today: dt.date | None = None,
    stranded_weeks: int = DEFAULT_STRANDED_WEEKS,
    marker: str = DEFAULT_MARKER,
) -> tuple[Path, ...]:
    """Write the published case tables as CSV files into ``folder``; return their paths.

    One file per table of :data:`STANDARD_TABLES` (``cases_by_municipality_and_status.csv``,
    ...), in the layout of :func:`~samenwerking.cases.tables.write_table_csv`, plus
    ``durations_by_support_level.csv`` (median and upper quartile of the days out of school
    per level; the marker where a level has fewer than ``threshold`` cases with a known
    duration, empty where it has none). The tables are suppressed together
    (:func:`standard_aggregates`).

    All or nothing: every table is computed, then every file is written into a temporary
    folder beside ``folder``; only when all are written are they renamed into place. If
    anything fails (including a rename), the files already moved are put back, so the
    folder keeps either all old or all new tables, never a mix (which would let a reader
    compare old and new counts). Only a crash in the split second of the renames could
    leave a mix. Other files in the folder are left alone.

    Raises
    ------
    BsnLikeValueError
        If a case field looks like a citizen service number (nothing is written).
    CaseArgumentError
        For a bad argument, or when ``folder`` exists and is not a folder.

    Example
    -------
    >>> import tempfile, pathlib
    >>> paths = write_aggregates(Region("Dorp"), pathlib.Path(tempfile.mkdtemp()))
    >>> paths[0].name, len(paths)
    ('cases_by_municipality_and_status.csv', 11)
    """
    check_region(region)
    check_no_bsn(region)
    limit = check_threshold(threshold)
    mark = check_marker(marker)
    day = resolve_today(today)
    target = Path(folder)
    tables = standard_aggregates(region, threshold=limit, today=day, stranded_weeks=stranded_weeks)
    texts: dict[str, str] = {
        f"{name}.csv": table_csv_text(table, corner=rows, marker=mark)
        for (name, table), (rows, _columns) in zip(tables.items(), STANDARD_TABLES, strict=True)
    }
    texts["durations_by_support_level.csv"] = _durations_csv(region, day, limit, mark)
    if target.exists() and not target.is_dir():
        raise CaseArgumentError(f"folder {str(target)!r} exists and is not a folder")
    return _write_all(target, texts)


def _write_all(target: Path, texts: dict[str, str]) -> tuple[Path, ...]:
    """Write every file to a temporary folder beside ``target``, then move all into place."""
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    fresh, old = staging / "new", staging / "old"
    moved: list[tuple[str, bool]] = []  # (name, whether an old file was kept aside)
    try:
        fresh.mkdir()
        old.mkdir()
        for name, text in texts.items():
            write_text_atomically(fresh / name, text)
        for name in texts:
            had = (target / name).exists()
            if had:
                (target / name).replace(old / name)
            moved.append((name, had))
            (fresh / name).replace(target / name)
    except BaseException:
        for name, had in reversed(moved):
            if had:
                (old / name).replace(target / name)
            else:
                (target / name).unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return tuple(target / name for name in texts)
