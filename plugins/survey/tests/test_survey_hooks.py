"""Sector and role labels go through the plugin manager's mapping hooks."""

from __future__ import annotations

import importlib.metadata
from typing import Any

import pytest
import samenwerking_survey.plugin
from samenwerking_survey import SurveyAdapter, UnmappedLabelWarning, read_survey
from survey_helpers import DUTCH, plain_rows

from samenwerking.errors import InvalidRegionError
from samenwerking.model import Role, Sector
from samenwerking.plugins import Plugins, get_plugin_manager, plugins
from samenwerking.plugins.hookspecs import hookimpl


class ExtraLabels:
    """A municipality's own mapping: its sports club and the CJG as youth health."""

    @hookimpl
    def samenwerking_map_sector(self, label: str, source: str) -> Sector | None:
        return {"sportvereniging": Sector.WELFARE, "cjg": Sector.YOUTH_HEALTH}.get(label.lower())

    @hookimpl
    def samenwerking_map_role(self, label: str) -> Role | None:
        return Role.YOUTH_WORKER if label.lower() == "buurtsportcoach" else None


class Broken:
    @hookimpl
    def samenwerking_map_sector(self, label: str, source: str) -> Sector | None:
        raise RuntimeError("mapping table missing")


def manager(*extra: object) -> Any:
    pm = get_plugin_manager(load_entry_points=False)
    pm.register(samenwerking_survey.plugin, name="survey")
    for i, plugin in enumerate(extra):
        pm.register(plugin, name=f"test-{i}")
    return pm


def sector_by_org(region: Any) -> dict[str, Sector]:
    return {o.name: o.sector for o in region.organisations}


def test_plugin_hooks_map_default_dutch_labels() -> None:
    pm = manager()
    assert pm.hook.samenwerking_map_sector(label="Basisschool", source="x") is Sector.PRIMARY_SCHOOL
    assert pm.hook.samenwerking_map_sector(label="JGZ", source="x") is Sector.YOUTH_HEALTH
    assert pm.hook.samenwerking_map_role(label="IB'er", source="x") is Role.INTERN_BEGELEIDER
    assert pm.hook.samenwerking_map_sector(label="sportvereniging", source="x") is None


def test_extra_mapping_plugin_is_used_and_wins_over_defaults() -> None:
    survey = plain_rows(DUTCH / "antwoorden.csv")
    jet = next(r for r in survey if r["Sector"] == "sportvereniging")
    region = read_survey(DUTCH, plugins=manager(ExtraLabels()))  # no warning: all mapped
    sectors = sector_by_org(region)
    assert sectors[jet["Organisatie"]] is Sector.WELFARE
    assert sectors["CJG Elzenburg"] is Sector.YOUTH_HEALTH  # overrides the default CJG
    person = next(p for p in region.professionals if p.name == jet["Naam"])
    assert person.role is Role.YOUTH_WORKER


def test_typed_plugins_wrapper_is_accepted() -> None:
    region = read_survey(DUTCH, plugins=Plugins(manager(ExtraLabels())))
    assert sector_by_org(region)["Buurtsportclub Elzenburg"] is Sector.WELFARE


def test_unknown_labels_warn_and_become_other() -> None:
    survey = plain_rows(DUTCH / "antwoorden.csv")
    row = next(n for n, r in enumerate(survey, start=2) if r["Sector"] == "sportvereniging")
    with pytest.warns(UnmappedLabelWarning, match=f"row {row}, field 'sector'"):
        region = read_survey(DUTCH, plugins=manager())
    assert sector_by_org(region)["Buurtsportclub Elzenburg"] is Sector.OTHER
    with pytest.raises(InvalidRegionError) as caught:
        read_survey(DUTCH, plugins=manager(), strict_labels=True)
    assert {(p.location, p.field, p.value) for p in caught.value.problems} == {
        (f"row {row}", "sector", "sportvereniging"),
        (f"row {row}", "role", "buurtsportcoach"),
    }


def test_failing_mapping_plugin_is_a_problem_not_a_traceback() -> None:
    with pytest.raises(InvalidRegionError, match="samenwerking_map_sector hook failed"):
        read_survey(DUTCH, plugins=manager(Broken()))


def test_installed_entry_point_provides_the_adapter() -> None:
    points = importlib.metadata.entry_points(group="samenwerking")
    assert any(p.name == "survey" and p.value == "samenwerking_survey.plugin" for p in points)
    found = plugins().adapter("survey")
    assert isinstance(found, SurveyAdapter)
