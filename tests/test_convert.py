"""Tests for samenwerking.convert: round trips for every model class, located errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import strategies as s
from samenwerking.convert import (
    MODEL_CLASSES,
    structure,
    structure_region,
    unstructure,
    unstructure_region,
)
from samenwerking.errors import InvalidRegionError
from samenwerking.model import Region, Role, TieStore

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    cls: getattr(s, name)()
    for cls, name in zip(
        MODEL_CLASSES,
        [
            "organisations",
            "professionals",
            "commitments",
            "endorsements",
            "agreements",
            "steps",
            "topics",
            "agendas",
            "working_groups",
            "meetings",
            "case_involvements",
            "case_events",
            "cases",
            "regions",
        ],
        strict=True,
    )
}


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_structure_unstructure_round_trip(cls: type, data: st.DataObject) -> None:
    obj = data.draw(STRATEGIES[cls])
    plain = unstructure(obj)
    # Plain data survives JSON exactly, and comes back as the same object.
    assert structure(json.loads(json.dumps(plain)), cls) == obj


@given(s.tie_stores())
def test_tie_store_round_trips_as_columns(store: TieStore) -> None:
    region = Region("r", ties=store)
    data = unstructure_region(region)
    assert set(data["ties"]) >= {"source", "target", "kind", "since", "directed"}
    assert all(len(column) == len(store) for column in data["ties"].values())
    assert structure_region(json.loads(json.dumps(data)), source="x").ties == store


def test_enum_values_and_iso_dates_in_plain_data() -> None:
    data = unstructure_region(
        structure_region(
            {
                "name": "r",
                "cases": [
                    {
                        "id": "c",
                        "municipality": "m",
                        "support_level": "extra",
                        "opened": "2024-09-02",
                    }
                ],
            },
            source="",
        )
    )
    assert data["cases"][0]["support_level"] == "extra"
    assert data["cases"][0]["opened"] == "2024-09-02"
    assert "status" not in data["cases"][0]  # defaults are left out


def _problems(data: object) -> list[tuple[str, str, object, str]]:
    with pytest.raises(InvalidRegionError) as info:
        structure_region(data, source="f.json")
    assert all(p.source == "f.json" for p in info.value.problems)
    return [(p.location, p.field, p.value, p.message) for p in info.value.problems]


def _person(**changes: object) -> dict[str, object]:
    return {"id": "p", "name": "A", "role": "teacher", "organisations": ["o"], **changes}


def test_errors_carry_path_field_value_and_choices() -> None:
    data = {"name": "r", "professionals": [_person(), _person(), _person(), _person(role="teachr")]}
    [(location, field, value, message)] = _problems(data)
    assert (location, field, value) == ("$.region.professionals[3]", "role", "teachr")
    assert all(role.value in message for role in Role)


def test_all_problems_are_collected() -> None:
    data = {
        "name": "r",
        "professionals": [_person(name=" A", capacity=1.5, extra=1), _person(organisations="o")],
        "agreements": [
            {
                "id": "a",
                "title": "t",
                "theme": "t",
                "level": "policy",
                "parties": ["o"],
                "commitments": [{"party": "o"}, {"party": "o", "action": "x", "due": "2024-13-01"}],
            }
        ],
        "ties": {"source": ["a", "b"], "target": ["b", 3], "kind": ["knows", "x"]},
    }
    found = {(loc, field) for loc, field, _v, _m in _problems(data)}
    assert found == {
        ("$.region.professionals[0]", "name"),
        ("$.region.professionals[0]", "capacity"),
        ("$.region.professionals[0]", "extra"),
        ("$.region.professionals[1]", "organisations"),
        ("$.region.agreements[0].commitments[0]", "action"),
        ("$.region.agreements[0].commitments[1]", "due"),
        ("$.region.ties.target[1]", "target"),
        ("$.region.ties.kind[1]", "kind"),
    }


@pytest.mark.parametrize(
    ("ties", "field"),
    [
        ({"source": ["a"]}, "target"),
        ({"source": ["a"], "target": ["b"], "colour": ["red"]}, "colour"),
        ({"source": ["a"], "target": ["b", "c"]}, ""),
        ({"source": ["a"], "target": ["b"], "strength": [float("inf")]}, "strength"),
        ({"source": ["a"], "target": ["b"], "since": ["2024"]}, "since"),
        ({"source": ["a"], "target": ["b"], "directed": ["yes"]}, "directed"),
        ({"source": ["a"], "target": ["b"], "met_at": ["a;b"]}, "met_at"),
    ],
)
def test_bad_tie_columns(ties: dict[str, list[object]], field: str) -> None:
    [(_location, found, _value, _message)] = _problems({"name": "r", "ties": ties})
    assert found == field


def test_wrong_shapes_are_problems_not_crashes() -> None:
    assert _problems([])[0][:2] == ("$.region", "")
    assert _problems({"name": "r", "cases": ["c1"]})[0][0] == "$.region.cases[0]"
    assert _problems({"name": "r", "cases": "c1"})[0][1] == "cases"
    ties = {"source": [], "target": [], "directed": [1]}
    [(_loc, field, _value, message)] = _problems({"name": "r", "ties": ties})
    assert field == ""
    assert "differ in length" in message


def test_strict_types() -> None:
    # "3" is not silently a number, and 1 is not a boolean.
    problems = _problems(
        {
            "name": "r",
            "cases": [
                {"id": "c", "municipality": "m", "support_level": "basic", "has_plan": 1},
            ],
            "professionals": [_person(capacity="3")],
        }
    )
    assert {(field, value) for _loc, field, value, _m in problems} == {
        ("has_plan", 1),
        ("capacity", "3"),
    }


# -- fast paths must agree with the generic, precise ones ----------------------------------
PROFESSIONAL_VALUES = {
    "id": st.sampled_from(["p1", " p1", "", "a;b", 3, None]),
    "name": st.sampled_from(["A. Jansen", " A", "", 1.5]),
    "role": st.sampled_from(["teacher", "Teacher", "chef", ["teacher"]]),
    "organisations": st.sampled_from([["o1"], ["o1", "o2"], [], ["o 1"], "o1", ("o1",), [4]]),
    "capacity": st.sampled_from([None, 0, 3, -1, True, 2.5]),
    "extra": st.just("x"),
}


@given(
    st.dictionaries(st.sampled_from(sorted(PROFESSIONAL_VALUES)), st.none(), max_size=6).flatmap(
        lambda keys: st.fixed_dictionaries({k: PROFESSIONAL_VALUES[k] for k in keys})
    )
)
def test_fast_professionals_agree_with_the_generic_hook(value: dict[str, Any]) -> None:
    from samenwerking import convert
    from samenwerking.model import Professional

    def outcome(hook: Any) -> tuple[str, object]:
        try:
            return "ok", hook(value, Professional)
        except Exception as exc:
            problems: list[Any] = []
            convert._collect(exc, [], problems, "s", "$")
            return "error", problems

    generic = convert._class_hook(convert._converter, Professional)
    assert outcome(convert._professional_hook(generic)) == outcome(generic)


@given(
    st.lists(st.sampled_from([None, "m1", "m2", "m3"]), max_size=8),
    st.lists(st.sampled_from([None, "2024-09-03", "2023-01-31"]), max_size=8),
)
def test_tie_columns_with_gaps_match_from_columns(
    met_at: list[str | None], since: list[str | None]
) -> None:
    import datetime as dt

    n = min(len(met_at), len(since))
    met_at, since = met_at[:n], since[:n]
    source = [f"p{i % 3}" for i in range(n)]
    target = [f"q{i % 2}" for i in range(n)]
    data = {
        "name": "r",
        "ties": {"source": source, "target": target, "met_at": met_at, "since": since},
    }
    region = structure_region(data, source="x.json")
    expected = TieStore.from_columns(
        source=source,
        target=target,
        met_at=met_at,
        since=[None if d is None else dt.date.fromisoformat(d) for d in since],
    )
    assert region.ties == expected
    assert region.ties.ids == expected.ids and region.ties.meetings == expected.meetings
