"""Ids derived from names: valid, deterministic and collision-free."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from samenwerking_survey import organisation_id, professional_id
from samenwerking_survey.labels import normalise_label

from samenwerking.model.ids import is_valid_id

names = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)


@given(st.lists(st.tuples(names, names), min_size=1, max_size=8))
def test_professional_ids_valid_and_injective_on_normalised_names(
    people: list[tuple[str, str]],
) -> None:
    for org, name in people:
        assert is_valid_id(professional_id(org, name))
        assert is_valid_id(organisation_id(org))
        if normalise_label(org) and normalise_label(name):
            assert professional_id(org, name) == professional_id(f" {org}  ", f"{name}.")
    keyed = {(normalise_label(o), normalise_label(n)): (o, n) for o, n in people}
    with_words = {k: v for k, v in keyed.items() if k[0] and k[1]}
    ids = {professional_id(*v) for v in with_words.values()}
    assert len(ids) == len(with_words)


def test_examples() -> None:
    assert professional_id("OBS 't Klimrek", "J. de Vries") == "obs-t-klimrek--j-de-vries"
    assert professional_id("OBS t Klimrek", "J de Vries") == "obs-t-klimrek--j-de-vries"
    assert organisation_id("Zoë's School") == "zoe-s-school"
