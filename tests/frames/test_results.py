"""Every result class has to_frame(), a one-line repr and a notebook view.

The list of result classes is not written by hand: every attrs class exported from the
result packages must either be in ``results.RESULTS`` (with a real instance) or be named
in ``results.EXCLUDED`` with the reason, so a new result without ``to_frame`` fails here.
"""

from __future__ import annotations

import importlib
import inspect
from html.parser import HTMLParser
from typing import Any

import attrs
import pandas as pd
import pytest
from frame_results import EXCLUDED, RESULT_PACKAGES, RESULTS, result

from samenwerking.notebook import MAX_ROWS
from samenwerking.tabular import Tabular


def _exported_attrs_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for package in RESULT_PACKAGES:
        module = importlib.import_module(f"samenwerking.{package}")
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj) and attrs.has(obj) and not issubclass(obj, BaseException):
                found[name] = obj
    return found


def test_every_result_class_is_covered() -> None:
    classes = _exported_attrs_classes()
    missing = sorted(set(classes) - set(RESULTS) - set(EXCLUDED))
    assert missing == [], "give these a to_frame (Tabular) and an instance in results.py"
    assert sorted(set(RESULTS) - set(classes)) == []


@pytest.mark.parametrize("name", sorted(_exported_attrs_classes()))
def test_every_result_class_has_the_views(name: str) -> None:
    cls = _exported_attrs_classes()[name]
    if name in EXCLUDED:
        return
    assert issubclass(cls, Tabular)
    for method in ("to_frame", "to_frames", "_repr_html_"):
        assert callable(getattr(cls, method, None)), f"{name}.{method}"


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_instance_is_of_its_class(name: str) -> None:
    assert type(result(name)).__name__ == name


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_to_frame(name: str) -> None:
    value = result(name)
    tables = value._tables()
    frames = value.to_frames()
    assert list(frames) == [t.name for t in tables]
    frame = value.to_frame()
    assert isinstance(frame, pd.DataFrame)
    main = tables[0]
    assert len(frame) == len(main)
    assert [*(n for n in frame.index.names if n), *frame.columns] == list(
        main.index_columns + main.value_columns
    )
    for table, got in zip(tables, frames.values(), strict=True):
        assert len(got) == len(table)
        for column in table.counts:
            assert str(got[column].dtype) == "Int64"
            assert int(got[column].isna().sum()) == sum(
                row[table.columns.index(column)] is None for row in table.rows
            )


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_repr_is_one_short_line(name: str) -> None:
    text = repr(result(name))
    assert "\n" not in text
    assert len(text) <= 160, text


class _Structure(HTMLParser):
    """Tables, their header cells and body rows, and all text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, Any]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.svgs = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        if tag == "table":
            self.tables.append({"headers": [], "rows": 0, "caption": ""})
        elif tag == "tr" and "tbody" in self.stack:
            self.tables[-1]["rows"] += 1
        elif tag == "svg":
            self.svgs += 1

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if "svg" in self.stack:
            return
        if self.stack and self.stack[-1] == "th" and "thead" in self.stack:
            self.tables[-1]["headers"].append(data)
        if self.stack and self.stack[-1] == "caption":
            self.tables[-1]["caption"] += data


def _parse(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_repr_html_structure(name: str) -> None:
    value = result(name)
    html = value._repr_html_()
    parsed = _parse(html)
    assert repr(value) in "".join(parsed.text)  # the summary line, unescaped by the parser
    tables = value._tables()
    assert len(parsed.tables) == min(len(tables), 6)
    for table, seen in zip(tables, parsed.tables, strict=False):
        assert seen["headers"] == list(table.columns)
        assert seen["rows"] == min(len(table), MAX_ROWS)
        assert f"{len(table)} row" in seen["caption"]
        if len(table) > MAX_ROWS:
            assert f"first {MAX_ROWS} shown" in seen["caption"]
        if table.suppressed:
            assert f"{table.suppressed} suppressed" in seen["caption"]


def test_islands_view_has_a_small_picture() -> None:
    parsed = _parse(result("Islands")._repr_html_())
    assert parsed.svgs == 1


def test_views_escape_text() -> None:
    from samenwerking.analysis import Island, Islands

    islands = Islands((Island(("<b>x</b>", "a&b"), domains={"<care>": 2}),))
    html = islands._repr_html_()
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "&lt;care&gt;" in html
    parsed = _parse(html)
    assert "<b>x</b>" in "".join(parsed.text)


def _same(frame_value: Any, field_value: Any) -> bool:
    if field_value is None:
        return frame_value is None or bool(pd.isna(frame_value))
    if isinstance(field_value, float) and field_value != field_value:
        return bool(pd.isna(frame_value))
    if isinstance(field_value, tuple | list | dict):
        return bool(frame_value == field_value)
    return bool(frame_value == getattr(field_value, "value", field_value))


ONE_ROW = sorted(name for name in RESULTS if len(result(name)._tables()[0]) == 1)
COMPOSITE = {"IslandMerge", "IslandSplit"}
"""Records whose row describes their parts (the island's first member and sizes)."""
SPLIT = {("LinkCarriers", "carriers")}
"""Columns that show one part of a field (the first side's carriers; ``other_carriers``)."""


@pytest.mark.parametrize("name", sorted(set(ONE_ROW) - COMPOSITE))
def test_one_row_frames_hold_the_fields(name: str) -> None:
    """A record's frame shows its own fields and properties under their own names."""
    value = result(name)
    frame = value.to_frame().reset_index()
    checked = 0
    for column in frame.columns:
        if not hasattr(value, column) or (name, column) in SPLIT:
            continue
        field_value = getattr(value, column)
        if callable(field_value):
            continue
        frame_value = frame.loc[0, column]
        if isinstance(field_value, tuple) and not isinstance(frame_value, tuple):
            assert frame_value == len(field_value), f"{name}.{column}"  # shown as a count
        else:
            assert _same(frame_value, field_value), f"{name}.{column}"
        checked += 1
    assert checked >= 1, f"{name}: no column named after a field"
