"""report.html in a real headless Chromium: it loads cleanly and offline, the map draws,
searches, filters, shows introductions and people on demand, and the page passes an
axe-core accessibility check. Expected figures come from the library, not the page."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import samenwerking as sw
from samenwerking.report import build_report, write_report
from samenwerking.report import map_data as map_data_module

from .conftest import Visit

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def region() -> sw.Region:
    return sw.example_region()


@pytest.fixture(scope="module")
def report_file(region: sw.Region, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    return write_report(build_report(region), folder)[1]


def _ready(visit: Visit, path: Path) -> Any:
    visit.open(path)
    visit.page.wait_for_selector("#sw-map[data-ready=true]", timeout=30_000)
    return visit.page


def test_the_page_loads_with_no_errors_and_no_requests(visit: Visit, report_file: Path) -> None:
    page = _ready(visit, report_file)
    assert visit.console_errors == []
    assert visit.page_errors == []
    assert visit.requests == []
    assert page.is_visible("#sw-map-canvas")


def test_the_map_draws_every_professional(
    visit: Visit, report_file: Path, region: sw.Region
) -> None:
    page = _ready(visit, report_file)
    assert page.evaluate("window.samenwerkingMap.level") == "people"
    assert page.evaluate("window.samenwerkingMap.drawnNodes()") == len(region.professionals)


def test_search_finds_an_organisation(visit: Visit, report_file: Path, region: sw.Region) -> None:
    page = _ready(visit, report_file)
    compact = sw.compact_graph(region)
    target = region.organisations[3]
    code = compact.organisations.index(target.id)
    staff = int((compact.organisation == code).sum())
    page.fill("#sw-map-search", target.name)
    page.press("#sw-map-search", "Enter")
    assert target.name in page.text_content("#sw-map-status")
    assert page.evaluate("window.samenwerkingMap.highlighted()") == staff
    page.fill("#sw-map-search", "no such organisation anywhere")
    page.press("#sw-map-search", "Enter")
    assert "no such organisation anywhere" in page.text_content("#sw-map-status")
    assert page.evaluate("window.samenwerkingMap.highlighted()") == 0


def test_a_sector_filter_hides_the_others(
    visit: Visit, report_file: Path, region: sw.Region
) -> None:
    page = _ready(visit, report_file)
    compact = sw.compact_graph(region)
    sectors = Counter(
        compact.sectors[s] for s in compact.sector.tolist() if s >= 0
    )  # people by the sector of their main organisation
    sector, expected = sectors.most_common(2)[1]
    page.select_option("#sw-map-sector", sector)
    assert page.evaluate("window.samenwerkingMap.drawnNodes()") == expected
    assert expected < len(region.professionals)
    page.select_option("#sw-map-sector", "")
    assert page.evaluate("window.samenwerkingMap.drawnNodes()") == len(region.professionals)


def test_a_municipality_filter_hides_the_others(
    visit: Visit, report_file: Path, region: sw.Region
) -> None:
    page = _ready(visit, report_file)
    town = {o.id: o.municipality for o in region.organisations}
    counts = Counter(town[p.organisations[0]] for p in region.professionals)
    place, expected = counts.most_common()[-1]
    page.select_option("#sw-map-municipality", place)
    assert page.evaluate("window.samenwerkingMap.drawnNodes()") == expected


def test_the_toggle_shows_the_suggested_introductions(
    visit: Visit, report_file: Path, region: sw.Region
) -> None:
    page = _ready(visit, report_file)
    section: Any = build_report(region).section("introductions")
    suggested = section.connect_total + section.robust_total + section.reach_total
    assert suggested > 0
    assert page.evaluate("window.samenwerkingMap.drawnIntroductions()") == 0
    page.check("#sw-map-introductions")
    assert page.evaluate("window.samenwerkingMap.drawnIntroductions()") == suggested
    page.uncheck("#sw-map-introductions")
    assert page.evaluate("window.samenwerkingMap.drawnIntroductions()") == 0


def test_hovering_a_dot_names_the_person(
    visit: Visit, report_file: Path, region: sw.Region
) -> None:
    page = _ready(visit, report_file)
    person = max(region.professionals, key=lambda p: len(p.name))
    page.locator("#sw-map-canvas").scroll_into_view_if_needed()
    where = page.evaluate("name => window.samenwerkingMap.whereIs(name)", person.name)
    assert where is not None
    page.mouse.move(where["x"], where["y"])
    assert page.is_visible("#sw-map-tooltip")
    assert person.name in page.text_content("#sw-map-tooltip")


def test_clicking_an_island_highlights_its_members(
    visit: Visit, report_file: Path, region: sw.Region
) -> None:
    page = _ready(visit, report_file)
    second = sw.analysis.islands(sw.compact_graph(region)).islands[1]
    page.click("#sw-map-islands li:nth-child(2) button")
    assert page.evaluate("window.samenwerkingMap.highlighted()") == second.size
    assert page.get_attribute("#sw-map-islands li:nth-child(2) button", "aria-pressed") == "true"


def test_big_regions_open_by_organisation_and_show_people_on_demand(
    visit: Visit, region: sw.Region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(map_data_module, "MAP_PEOPLE_LEVEL", 50)
    path = write_report(build_report(region), tmp_path)[1]
    page = _ready(visit, path)
    compact = sw.compact_graph(region)
    assert page.evaluate("window.samenwerkingMap.level") == "organisations"
    drawn = page.evaluate("window.samenwerkingMap.drawnNodes()")
    staffed = {int(o) for o in compact.organisation.tolist() if o >= 0}
    assert drawn == len(region.organisations) >= len(staffed)
    code = Counter(compact.organisation.tolist()).most_common(1)[0][0]
    staff = int((compact.organisation == code).sum())
    page.evaluate("code => window.samenwerkingMap.open(code)", code)
    assert page.evaluate("window.samenwerkingMap.drawnNodes()") == drawn + staff
    assert compact.organisations[code] in {o.id for o in region.organisations}
    name = next(o.name for o in region.organisations if o.id == compact.organisations[code])
    assert name in page.text_content("#sw-map-people")
    person = region.professionals[0]
    page.evaluate("name => window.samenwerkingMap.find(name)", person.name)
    assert person.name in page.text_content("#sw-map-status")
    assert visit.page_errors == []


def test_without_javascript_the_picture_and_tables_remain(
    no_script_page: Any, report_file: Path
) -> None:
    no_script_page.goto(report_file.as_uri())
    assert no_script_page.is_hidden("#sw-map")
    assert no_script_page.is_visible("#picture svg")
    assert no_script_page.locator("table").count() >= 10
    assert "JavaScript" in no_script_page.text_content("#map")


@pytest.fixture(scope="module")
def dutch_report_file(region: sw.Region, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rapport")
    return write_report(build_report(region, lang="nl"), folder)[1]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_serious_accessibility_violations(
    visit: Visit, report_file: Path, dutch_report_file: Path, lang: str
) -> None:
    page = _ready(visit, report_file if lang == "en" else dutch_report_file)
    assert page.get_attribute("html", "lang") == lang
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert visit.requests == [] and visit.console_errors == [] and visit.page_errors == []


def test_the_dutch_map_speaks_dutch(visit: Visit, dutch_report_file: Path) -> None:
    page = _ready(visit, dutch_report_file)
    controls = page.text_content(".sw-map-controls")
    assert "Zoek een persoon of organisatie" in controls
    page.check("#sw-map-introductions")
    assert "kennismaking" in page.text_content("#sw-map-status")
    assert visit.page_errors == [] and visit.requests == []
