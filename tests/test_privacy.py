"""Tests for the privacy helpers: pseudonyms, BSN detection and small-count suppression.

The suppression properties are checked against an independent reference: the linear
system of everything published (cells, row totals, column totals, grand total) over the
unknown true cells. A hidden count is safe when its value is not in the row space of that
system, and when a linear programme over non-negative counts finds a range, not a point.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from itertools import product
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy.optimize import linprog

import samenwerking as sw
from samenwerking.cases import CaseArgumentError, aggregate
from samenwerking.errors import (
    InvalidArgumentError,
    InvalidRegionError,
    Problem,
    SamenwerkingError,
)
from samenwerking.model import (
    Case,
    CaseEvent,
    CaseEventKind,
    CaseId,
    CaseInvolvement,
    OrganisationId,
    ProfessionalId,
    Region,
    SupportLevel,
)
from samenwerking.privacy import (
    BsnLikeValueError,
    LinkedTable,
    PrivacyArgumentError,
    PrivacyError,
    PseudonymKeyError,
    SuppressedTable,
    check_no_bsn,
    find_bsn_like,
    looks_like_bsn,
    pseudonymise,
    published_count,
    suppress,
    suppress_together,
    withhold_bsn,
)

KEY = b"test-key-0123456789-not-a-real-secret"
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _check_digit(prefix: str) -> int:
    """The ninth digit that makes ``prefix`` pass the BSN 11-test (10 means none does)."""
    return sum(w * int(d) for w, d in zip(WEIGHTS, prefix, strict=True)) % 11


def _fictional_bsn(prefix: str) -> str:
    """A made-up number that passes the 11-test: ``prefix`` (last digit bumped if needed)."""
    while _check_digit(prefix) == 10:
        prefix = prefix[:-1] + str((int(prefix[-1]) + 1) % 10)
    return prefix + str(_check_digit(prefix))


# -- pseudonyms ------------------------------------------------------------------------------


def test_pseudonym_is_stable_valid_and_key_dependent() -> None:
    a = pseudonymise("pupil-1", key=KEY)
    assert a == pseudonymise("pupil-1", key=KEY)
    assert a == pseudonymise("pupil-1", key=KEY.decode())  # str keys are UTF-8 encoded
    assert a != pseudonymise("pupil-1", key=KEY + b"!")
    assert a != pseudonymise("pupil-2", key=KEY)
    assert a.startswith("c-")
    assert len(a) == 18
    int(a[2:], 16)  # hex
    Case(a, "Dorp", SupportLevel.BASIC)  # a valid case id
    assert not looks_like_bsn(a)


def test_pseudonym_is_the_hmac_prefix() -> None:
    import hashlib
    import hmac

    expected = hmac.new(KEY, b"pupil-1", hashlib.sha256).hexdigest()[:16]
    assert pseudonymise("pupil-1", key=KEY) == "c-" + expected
    assert pseudonymise("pupil-1", key=KEY, prefix="case-") == "case-" + expected


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_distinct_source_ids_get_distinct_pseudonyms(x: str, y: str) -> None:
    assume(x != y)
    assert pseudonymise(x, key=KEY) != pseudonymise(y, key=KEY)


@pytest.mark.parametrize("key", [b"", "", b"short", "fifteen-chars!!", b"x" * 15])
def test_short_keys_are_refused(key: bytes | str) -> None:
    with pytest.raises(PseudonymKeyError, match="apart from the data") as info:
        pseudonymise("pupil-1", key=key)
    assert isinstance(info.value, SamenwerkingError)
    assert isinstance(info.value, ValueError)


def test_sixteen_byte_key_is_enough() -> None:
    assert pseudonymise("pupil-1", key=b"x" * 16).startswith("c-")


@pytest.mark.parametrize("prefix", ["", " c", "c;"])
def test_bad_prefix_or_source_id(prefix: str) -> None:
    with pytest.raises(PrivacyError, match="prefix"):
        pseudonymise("pupil-1", key=KEY, prefix=prefix)
    with pytest.raises(PrivacyError, match="source_id"):
        pseudonymise("", key=KEY)


# -- BSN detection -------------------------------------------------------------------------


digit_strings = st.text(alphabet="0123456789", min_size=8, max_size=8)


@given(digit_strings)
def test_numbers_with_the_right_check_digit_look_like_bsn(prefix: str) -> None:
    check = _check_digit(prefix)
    assume(check < 10 and prefix != "00000000")
    number = prefix + str(check)
    assert looks_like_bsn(number)
    assert looks_like_bsn(f"{number[:4]}.{number[4:6]}.{number[6:]}")
    assert looks_like_bsn(f" {number} ")
    for wrong in set("0123456789") - {str(check)}:
        assert not looks_like_bsn(prefix + wrong)


@given(digit_strings, st.integers(0, 8), st.integers(1, 9))
def test_a_single_changed_digit_fails_the_11_test(prefix: str, place: int, delta: int) -> None:
    # Every weight is 1..9 and 11 is prime, so changing one digit changes the sum by a
    # non-multiple of 11: a valid number never stays valid.
    check = _check_digit(prefix)
    assume(check < 10)
    number = prefix + str(check)
    changed = number[:place] + str((int(number[place]) + delta) % 10) + number[place + 1 :]
    assert not looks_like_bsn(changed)


@given(digit_strings)
def test_eight_digits_are_zero_padded(digits: str) -> None:
    assert looks_like_bsn(digits) == looks_like_bsn("0" + digits)


@pytest.mark.parametrize(
    "value",
    ["000000000", "00000000", "1234567", "1234567890", "c-1234", "", "12345678a", "١٢٣٤٥٦٧٨٢"],
)
def test_values_that_are_not_bsn_like(value: str) -> None:
    assert not looks_like_bsn(value)


def test_a_hand_computed_number() -> None:
    # 9*1 + 8*2 + 7*3 + 6*4 + 5*5 + 4*6 + 3*7 + 2*8 = 156 = 14*11 + 2, so the check digit is 2.
    assert looks_like_bsn("12345678" + "2")
    assert not looks_like_bsn("12345678" + "3")


def _case(case_id: str, **kwargs: object) -> Case:
    return Case(CaseId(case_id), kwargs.pop("municipality", "Dorp"), SupportLevel.EXTRA, **kwargs)  # type: ignore[arg-type]


def test_find_bsn_like_names_case_and_field_but_never_the_number() -> None:
    a, b, c = _fictional_bsn("24681357"), _fictional_bsn("13572468"), _fictional_bsn("11223344")
    region = Region(
        "Dorp",
        cases=(
            _case("c-0001"),
            _case(a),
            _case(
                "c-0003",
                coordinator=ProfessionalId(b),
                involved=(
                    CaseInvolvement(ProfessionalId("p-1")),
                    CaseInvolvement(ProfessionalId(c)),
                ),
                events=(
                    CaseEvent(
                        dt.date(2024, 1, 8), CaseEventKind.SIGNALLED, actor=ProfessionalId(c)
                    ),
                ),
            ),
        ),
    )
    problems = find_bsn_like(region)
    assert [(p.location, p.field) for p in problems] == [
        ("$.cases[1]", "id"),
        ("$.cases[2]", "coordinator"),
        ("$.cases[2].involved[1]", "professional"),
        ("$.cases[2].events[0]", "actor"),
    ]
    for problem in problems:
        assert problem.value is None
        assert "BSN" in str(problem)
        for number in (a, b, c):
            for text in (str(problem), repr(problem)):
                assert number[-4:] not in text
                assert number[:4] not in text
    with pytest.raises(InvalidRegionError) as info:
        check_no_bsn(region, source="cases.csv")
    assert len(info.value.problems) == 4
    assert all(n[-4:] not in str(info.value) for n in (a, b, c))


def test_find_bsn_like_uses_the_locator_and_passes_clean_regions() -> None:
    region = Region("Dorp", cases=(_case("c-1"), _case(_fictional_bsn("98765432"))))
    problems = find_bsn_like(region, locate=lambda path: ("cases.csv", f"row {int(path[1]) + 2}"))
    assert [(p.source, p.location) for p in problems] == [("cases.csv", "row 3")]
    clean = Region("Dorp", cases=(_case("c-1"), _case("123456789a")))
    assert find_bsn_like(clean) == []
    assert check_no_bsn(clean) is clean


# -- suppression: reference ------------------------------------------------------------------


def _published_system(t: SuppressedTable) -> tuple[np.ndarray, np.ndarray]:
    """Equations ``A @ x = b`` over the true cells ``x`` (row-major) from what is published."""
    n_rows, n_cols = len(t.row_labels), len(t.column_labels)
    rows: list[np.ndarray] = []
    values: list[int] = []

    def add(mask: np.ndarray, value: int | None) -> None:
        if value is not None:
            rows.append(mask.reshape(-1).astype(float))
            values.append(value)

    for i in range(n_rows):
        for j in range(n_cols):
            mask = np.zeros((n_rows, n_cols))
            mask[i, j] = 1
            add(mask, t.cells[i][j])
        mask = np.zeros((n_rows, n_cols))
        mask[i, :] = 1
        add(mask, t.row_totals[i])
    for j in range(n_cols):
        mask = np.zeros((n_rows, n_cols))
        mask[:, j] = 1
        add(mask, t.column_totals[j])
    add(np.ones((n_rows, n_cols)), t.grand_total)
    size = n_rows * n_cols
    if not rows:
        return np.zeros((0, size)), np.zeros(0)
    return np.array(rows), np.array(values, dtype=float)


def _target(t: SuppressedTable, place: tuple[int | None, int | None]) -> np.ndarray:
    n_rows, n_cols = len(t.row_labels), len(t.column_labels)
    mask = np.zeros((n_rows, n_cols))
    i, j = place
    mask[slice(None) if i is None else i, slice(None) if j is None else j] = 1
    return mask.reshape(-1)


def _determined(a: np.ndarray, target: np.ndarray) -> bool:
    """True when the published equations fix ``target @ x`` (target in their row space)."""
    if a.shape[0] == 0:
        return False
    return bool(np.linalg.matrix_rank(np.vstack([a, target])) == np.linalg.matrix_rank(a))


def _range(a: np.ndarray, b: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """Smallest and largest ``target @ x`` over non-negative x meeting ``a @ x = b``."""
    eq = {"A_eq": a, "b_eq": b} if a.shape[0] else {}
    low = linprog(target, bounds=(0, None), method="highs", **eq)
    high = linprog(-target, bounds=(0, None), method="highs", **eq)
    assert low.status == 0  # the truth is feasible, and x >= 0 bounds it below
    assert high.status in (0, 3)  # 3: unbounded, nothing published caps it
    return low.fun, (np.inf if high.status == 3 else -high.fun)


tables = st.tuples(st.integers(1, 4), st.integers(1, 4)).flatmap(
    lambda shape: hnp.arrays(
        np.int64,
        shape,
        elements=st.one_of(st.integers(0, 6), st.integers(0, 30)),
    )
)


@given(tables, st.integers(1, 8))
def test_no_small_count_is_published(table: np.ndarray, threshold: int) -> None:
    t = suppress(table, threshold=threshold)
    published = [v for row in t.cells for v in row]
    published += [*t.row_totals, *t.column_totals, t.grand_total]
    assert all(v is None or v == 0 or v >= threshold for v in published)
    # What is published is the truth, and zeros are never hidden.
    for i, row in enumerate(t.cells):
        for j, value in enumerate(row):
            assert value in (None, table[i, j])
            assert value is not None or table[i, j] > 0
            assert ((i, j) in t.primary) == (0 < table[i, j] < threshold)
    for i, value in enumerate(t.row_totals):
        assert value in (None, table[i].sum())
    for j, value in enumerate(t.column_totals):
        assert value in (None, table[:, j].sum())
    assert t.grand_total in (None, table.sum())
    assert not t.primary & t.secondary


@given(tables, st.integers(1, 8))
def test_no_suppressed_count_can_be_recomputed(table: np.ndarray, threshold: int) -> None:
    t = suppress(table, threshold=threshold)
    a, b = _published_system(t)
    truth = table.reshape(-1).astype(float)
    if a.shape[0]:
        assert np.allclose(a @ truth, b)
    for place in t.suppressed:
        target = _target(t, place)
        assert not _determined(a, target), place
        low, high = _range(a, b, target)
        # At least two non-negative integer values fit everything published (the
        # constraint matrix is a network matrix, so the LP bounds are integers).
        assert high - low >= 1 - 1e-9, (place, low, high)


def test_the_rule_that_every_line_holds_two_is_not_enough() -> None:
    # Two 2x2 blocks of small counts joined by one shared row: every line with a hidden
    # cell has two hidden cells, yet (r0 + r1 - c0 - c1) gives the linking cell (1, 2).
    table = np.array(
        [
            [2, 2, 0, 0, 50],
            [2, 2, 2, 0, 50],
            [0, 0, 2, 2, 50],
            [0, 0, 2, 2, 50],
            [50, 50, 50, 50, 50],
        ]
    )
    t = suppress(table)
    a, _ = _published_system(t)
    for place in t.suppressed:
        assert not _determined(a, _target(t, place))
    assert t.secondary  # something beyond the ten small cells had to go


def test_hand_worked_example() -> None:
    # Only the 1 is small. Closing a cycle through it costs 6 + 8 + 7 = 21 with the other
    # cells, more through any total (row 0 total 7 + grand total 22 + column 0 total 8).
    t = suppress([[1, 6], [7, 8]], row_labels=["A", "B"], column_labels=["x", "y"])
    assert t.primary == {(0, 0)}
    assert t.secondary == {(0, 1), (1, 0), (1, 1)}
    assert t.cells == ((None, None), (None, None))
    assert (t.row_totals, t.column_totals, t.grand_total) == ((7, 15), (8, 14), 22)
    assert (t.row_labels, t.column_labels) == (("A", "B"), ("x", "y"))


def test_a_small_total_is_suppressed_with_its_cells() -> None:
    # Row 0 holds 1 + 2 = 3 children: both cells and its total are below 5.
    t = suppress([[1, 2], [10, 20]])
    assert {(0, 0), (0, 1), (0, None)} <= t.primary
    assert t.row_totals[0] is None


def test_nothing_to_hide() -> None:
    t = suppress(np.array([[0, 5], [7, 0]]))
    assert t.suppressed == frozenset()
    assert t.cells == ((0, 5), (7, 0))
    assert t.grand_total == 12
    assert suppress([[3]], threshold=1).cells == ((3,),)
    assert suppress([[6.0, 7.0]]).cells == ((6, 7),)  # whole floats are counts too


@pytest.mark.parametrize(
    ("table", "kwargs", "match"),
    [
        ([1, 2, 3], {}, "2-D"),
        ([[1, -2]], {}, "non-negative"),
        ([[1, 2], [3]], {}, "rectangular"),
        ([[True, False]], {}, "integer"),
        ([[1.5, 2]], {}, "integer"),
        ([[1, 2]], {"threshold": 0}, "at least 1"),
        ([[1, 2]], {"row_labels": ["a", "b"]}, "row_labels"),
        ([[1, 2]], {"column_labels": ["a"]}, "column_labels"),
    ],
)
def test_bad_tables_are_refused(table: object, kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(PrivacyError, match=match):
        suppress(table, **kwargs)  # type: ignore[arg-type]


# -- BSN: event organisations, the error type, withholding from other problems ----------------


def test_event_organisations_are_checked_and_the_error_is_a_privacy_error() -> None:
    number = _fictional_bsn("55667788")
    event = CaseEvent(
        dt.date(2024, 1, 8), CaseEventKind.PLACEMENT, organisation=OrganisationId(number)
    )
    region = Region("Dorp", cases=(_case("c-1", events=(event,)),))
    assert [(p.location, p.field) for p in find_bsn_like(region)] == [
        ("$.cases[0].events[0]", "organisation")
    ]
    with pytest.raises(BsnLikeValueError) as info:
        check_no_bsn(region)
    assert isinstance(info.value, PrivacyError) and isinstance(info.value, InvalidRegionError)
    assert number not in str(info.value)


def test_withhold_bsn_hides_values_and_numbers_in_messages() -> None:
    number = _fictional_bsn("12121212")
    spaced = f"{number[:4]}.{number[4:6]}.{number[6:]}"
    problems = [
        Problem("unknown professional", "cases.csv", "row 2", "coordinator", number),
        Problem(f"conflict: both have case id {spaced!r}", "a.json", "cases", "id", "c-1"),
        Problem(
            "ends before it starts (2024-03-01)", "b.json", "$.cases[0]", "closed", "2024-03-01"
        ),
        Problem("unknown professional", "cases.csv", "row 3", "coordinator", "p-12"),
    ]
    clean = withhold_bsn(problems)
    assert clean[0].value is None and "withheld" in clean[0].message
    assert (clean[0].source, clean[0].location, clean[0].field) == (
        "cases.csv",
        "row 2",
        "coordinator",
    )
    assert spaced not in clean[1].message and "withheld" in clean[1].message
    assert clean[1].value == "c-1"
    # dates and ordinary ids are left alone
    assert clean[2:] == problems[2:]
    for problem in clean:
        assert number not in str(problem) and spaced not in str(problem)


@given(st.text(min_size=8, max_size=9, alphabet="0123456789"))
def test_withhold_bsn_never_lets_a_bsn_like_value_through(value: str) -> None:
    [clean] = withhold_bsn([Problem(f"id {value} is odd", "f.csv", "row 2", "id", value)])
    if looks_like_bsn(value):
        assert value not in str(clean) and clean.value is None
    else:
        assert clean.value == value


@given(st.integers(0, 1000), st.integers(1, 20))
def test_a_published_count_is_zero_large_or_hidden(count: int, threshold: int) -> None:
    shown = published_count(count, threshold=threshold)
    if shown.isdigit():
        assert int(shown) == count and (count == 0 or count >= threshold)
    else:
        assert shown == f"fewer than {threshold}" and 0 < count < threshold


def test_a_published_count_rejects_nonsense() -> None:
    with pytest.raises(PrivacyError, match="negative"):
        published_count(-1)
    with pytest.raises(PrivacyError, match="threshold"):
        published_count(3, threshold=0)


# -- suppression of linked tables --------------------------------------------------------------

VARIABLES = ("a", "b", "c")


@st.composite
def linked_tables(draw: st.DrawFn) -> tuple[list[tuple[int, ...]], dict[str, Any], list[int]]:
    """One random list of records over 2-3 variables, and 2-4 tables counting them."""
    n_vars = draw(st.integers(2, 3))
    sizes = [draw(st.integers(1, 3)) for _ in range(n_vars)]
    records = draw(st.lists(st.tuples(*(st.integers(0, size - 1) for size in sizes)), max_size=40))
    pairs = [(r, c) for r in range(n_vars) for c in range(n_vars) if r != c]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=2, max_size=4))
    tables = {}
    for k, (r, c) in enumerate(chosen):
        counts = np.zeros((sizes[r], sizes[c]), dtype=np.int64)
        for record in records:
            counts[record[r], record[c]] += 1
        tables[f"t{k}"] = (r, c, counts)
    return records, tables, sizes


def _functional(sizes: list[int], r: int, c: int, i: int | None, j: int | None) -> np.ndarray:
    """A place of a table over (r, c) as a sum over the full cross-classification."""
    out = np.zeros(sizes)
    index: list[Any] = [slice(None)] * len(sizes)
    if i is not None:
        index[r] = i
    if j is not None:
        index[c] = j
    out[tuple(index)] = 1
    return out.reshape(-1)


# Suppressed one by one, these tables leak (found by this very test on ``suppress``).
_LEAKY = (
    [(0, 0, 0), (0, 0, 0), (1, 1, 0)],
    {"t0": (0, 1, np.array([[2, 0], [0, 1]])), "t1": (0, 2, np.array([[2], [1]]))},
    [2, 2, 1],
)


@given(linked_tables(), st.integers(2, 6), st.booleans())
@example(drawn=_LEAKY, threshold=2, know_total=False)
def test_no_hidden_count_is_recoverable_from_all_linked_tables(
    drawn: tuple[list[tuple[int, ...]], dict[str, Any], list[int]],
    threshold: int,
    know_total: bool,
) -> None:
    records, tables, sizes = drawn
    found = suppress_together(
        {
            name: LinkedTable(
                VARIABLES[r],
                VARIABLES[c],
                counts,
                [str(v) for v in range(sizes[r])],
                [str(v) for v in range(sizes[c])],
            )
            for name, (r, c, counts) in tables.items()
        },
        threshold=threshold,
        known=[frozenset()] if know_total else (),
    )
    # An independent reference: the unknowns are the counts of every combination of
    # values (the records themselves); every published count is one equation on them.
    truth = np.zeros(sizes)
    for record in records:
        truth[record] += 1
    published, hidden = [], []
    for name, (r, c, _counts) in tables.items():
        t = found[name]
        grid: dict[tuple[int | None, int | None], int | None] = {}
        for i in range(sizes[r]):
            grid[(i, None)] = t.row_totals[i]
            for j in range(sizes[c]):
                grid[(i, j)] = t.cells[i][j]
        for j in range(sizes[c]):
            grid[(None, j)] = t.column_totals[j]
        grid[(None, None)] = t.grand_total
        for (i, j), value in grid.items():
            vector = _functional(sizes, r, c, i, j)
            true = int(vector @ truth.reshape(-1))
            if value is None:
                hidden.append(vector)
                assert true > 0  # zeros are never hidden
            else:
                assert value == true
                assert value == 0 or value >= threshold
                published.append(vector)
    if know_total and not 0 < len(records) < threshold:
        # The number of records is known, so it is published wherever a table shows it.
        assert all(t.grand_total == len(records) for t in found.values())
    a = np.array(published) if published else np.zeros((0, truth.size))
    for vector in hidden:
        assert not _determined(a, vector)


def test_the_reviewers_leak_through_a_shared_total_is_closed() -> None:
    level = LinkedTable("level", "status", [[5, 4], [5, 0]], ["basic", "special"], ["o", "c"])
    town = LinkedTable("town", "level", [[6, 0], [3, 5]], ["Dorp", "Stad"], ["basic", "special"])
    # Apart, the level table shows basic = 9 and the town table Dorp-basic = 6: so 3.
    assert suppress(level.counts).row_totals[0] == 9
    assert suppress(town.counts).cells[0][0] == 6
    found = suppress_together({"level": level, "town": town})
    assert found["town"].cells[1][0] is None
    assert found["level"].row_totals[0] is None or found["town"].cells[0][0] is None


def test_a_key_hidden_in_one_table_is_hidden_in_every_table() -> None:
    # Only "town" has a small count, but Dorp's row total is also the other table's.
    town = LinkedTable("town", "level", [[2, 40], [30, 30]], ["Dorp", "Stad"], ["x", "y"])
    status = LinkedTable("town", "status", [[21, 21], [30, 30]], ["Dorp", "Stad"], ["o", "c"])
    found = suppress_together({"town": town, "status": status})
    hidden = {frozenset(town.key(*p)) for p in found["town"].suppressed} | {
        frozenset(status.key(*p)) for p in found["status"].suppressed
    }
    for name, table in (("town", town), ("status", status)):
        for i in (0, 1, None):
            for j in (0, 1, None):
                assert ((i, j) in found[name].suppressed) == (table.key(i, j) in hidden)


def test_relations_are_taken_into_account() -> None:
    # The check's yes + no is the number of open cases: with it, "no" gives "yes" away.
    status = LinkedTable("town", "status", [[9, 20]], ["Dorp"], ["open", "closed"])
    check = LinkedTable("town", "check", [[3, 6, 20]], ["Dorp"], ["yes", "no", "not checked"])
    relation = {
        frozenset({("check", "yes")}): 1,
        frozenset({("check", "no")}): 1,
        frozenset({("status", "open")}): -1,
    }
    without = suppress_together({"status": status, "check": check})
    assert without["status"].column_totals[0] == 9  # with nothing else known: fine
    found = suppress_together({"status": status, "check": check}, relations=[relation])
    shown_open = found["status"].column_totals[0]
    shown_no = found["check"].column_totals[1]
    assert shown_open is None or shown_no is None


def test_tables_that_disagree_are_refused() -> None:
    one = LinkedTable("town", "status", [[9, 20]], ["Dorp"], ["open", "closed"])
    other = LinkedTable("town", "level", [[9, 21]], ["Dorp"], ["x", "y"])
    with pytest.raises(PrivacyArgumentError, match="same cases"):
        suppress_together({"one": one, "other": other})
    with pytest.raises(PrivacyArgumentError):
        suppress_together({"one": one}, threshold=0)
    with pytest.raises(PrivacyArgumentError, match="LinkedTable"):
        suppress_together({"one": [[1]]})  # type: ignore[dict-item]


def test_forced_places_are_hidden_and_protected() -> None:
    t = suppress([[20, 30], [40, 50]], force=[(0, 0)])
    assert (0, 0) in t.secondary and not t.primary
    a, _ = _published_system(t)
    for place in t.suppressed:
        assert not _determined(a, _target(t, place))
    for bad in ([(2, 0)], [(0, -1)], [(True, 0)], ["x"]):
        with pytest.raises(PrivacyArgumentError):
            suppress([[20, 30]], force=bad)  # type: ignore[arg-type]


def test_threshold_errors_are_argument_errors_everywhere() -> None:
    with pytest.raises(InvalidArgumentError):
        suppress([[3]], threshold=0)
    with pytest.raises(InvalidArgumentError):
        aggregate(Region("Dorp"), "municipality", threshold=1)
    assert issubclass(PrivacyArgumentError, PrivacyError)
    assert issubclass(CaseArgumentError, InvalidArgumentError)


def test_suppress_scales_to_a_thousand_rows() -> None:
    rng = np.random.default_rng(7)
    table = rng.integers(0, 12, (1000, 3))
    start = time.perf_counter()
    t = suppress(table)
    assert time.perf_counter() - start < 10  # about a second; generous for slow machines
    # Every suppressed place lies on a cycle of suppressed places (no bridge).
    graph = nx.Graph()
    graph.add_edges_from(
        (("r", -1 if i is None else i), ("c", -1 if j is None else j)) for i, j in t.suppressed
    )
    assert not list(nx.bridges(graph))
    assert all(
        0 < table[i, j] < 5 for i, j in product(range(1000), range(3)) if (i, j) in t.primary
    )


@pytest.mark.parametrize("number", [123456782, "123456782"])
def test_withhold_bsn_hides_numbers_given_as_int(number: object) -> None:
    digits = _fictional_bsn("12345678")
    value = int(digits) if isinstance(number, int) else digits
    [clean] = withhold_bsn([Problem("expected text, got int", "r.json", "$.cases[0]", "id", value)])
    assert clean.value is None
    assert digits not in str(clean)


def test_a_json_number_that_looks_like_a_bsn_is_never_shown(tmp_path: Path) -> None:
    digits = _fictional_bsn("87654321")
    document = {
        "format": "samenwerking-region",
        "version": 1,
        "region": {
            "name": "Dorp",
            "cases": [{"id": int(digits), "municipality": int(digits), "support_level": "extra"}],
        },
    }
    path = tmp_path / "region.json"
    path.write_text(json.dumps(document))
    with pytest.raises(InvalidRegionError) as caught:
        sw.load(path)
    assert digits not in str(caught.value)
    assert all(digits not in str(problem) for problem in caught.value.problems)
