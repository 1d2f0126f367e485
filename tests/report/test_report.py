"""Reports: sections hold the right numbers; Markdown and HTML only format, safely."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from attrs import frozen
from hypothesis import given
from hypothesis import strategies as st

import samenwerking as sw
from samenwerking.model import (
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    Tie,
)
from samenwerking.report import (
    Report,
    ReportContext,
    build_report,
    render_html,
    render_markdown,
    summary_text,
    write_report,
)
from samenwerking.report import sections as sections_module
from samenwerking.report.html import esc, html_table
from samenwerking.report.markdown import md_escape, md_table
from samenwerking.report.sections import (
    CountsSection,
    IslandsSection,
    IsolatesSection,
    OverviewSection,
    PictureSection,
    SilosSection,
)

EVIL_ORG = '<script>alert("x")</script> & Co'
EVIL_PERSON = "K. Pipe|Star*"


def small_region() -> Region:
    """Four organisations, seven people; hand-counted below.

    Ties: m1-s1, s1-s2, s2-c1 (one island of 4: municipality, education, care),
    k1-k2 (a childcare silo), and s3 without any tie.
    """
    orgs = (
        Organisation(OrganisationId("m"), "Gemeente Dorp", Sector.MUNICIPALITY, "Dorp"),
        Organisation(OrganisationId("s"), "OBS Het Hek", Sector.PRIMARY_SCHOOL, "Dorp"),
        Organisation(OrganisationId("c"), "CJG Dorp", Sector.FAMILY_CENTRE, "Dorp"),
        Organisation(OrganisationId("k"), EVIL_ORG, Sector.CHILDCARE, "Dorp"),
    )
    people = (
        ("m1", Role.POLICY_ADVISER, "m"),
        ("s1", Role.DIRECTOR, "s"),
        ("s2", Role.INTERN_BEGELEIDER, "s"),
        ("s3", Role.TEACHER, "s"),
        ("c1", Role.YOUTH_CONSULTANT, "c"),
        ("k1", Role.MANAGER, "k"),
        ("k2", Role.CHILDCARE_WORKER, "k"),
    )
    professionals = tuple(
        Professional(
            ProfessionalId(pid),
            EVIL_PERSON if pid == "s3" else pid.upper(),
            role,
            (OrganisationId(org),),
        )
        for pid, role, org in people
    )
    ties = [
        Tie(ProfessionalId(a), ProfessionalId(b))
        for a, b in (("m1", "s1"), ("s1", "s2"), ("s2", "c1"), ("k1", "k2"))
    ]
    return Region("Dorp", orgs, professionals, ties=ties).validate()


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report(small_region())


def test_overview_numbers(report: Report) -> None:
    o = report.overview
    assert (o.organisations, o.professionals, o.ties, o.cases) == (4, 7, 4, 0)
    assert (o.islands, o.isolates, o.silos, o.largest) == (3, 1, 1, 4)
    assert o.share_in_largest == pytest.approx(4 / 7)
    assert isinstance(report.section("overview"), OverviewSection)


def test_counts_section(report: Report) -> None:
    counts = report.section("counts")
    assert isinstance(counts, CountsSection)
    by_sector = {s.sector: (s.organisations, s.professionals) for s in counts.sectors}
    assert by_sector == {
        "municipality": (1, 1),
        "primary_school": (1, 3),
        "family_centre": (1, 1),
        "childcare": (1, 2),
    }
    by_domain = {
        d.domain: (d.organisations, d.professionals, d.ties_within, d.ties_across)
        for d in counts.domains
    }
    # s1-s2 inside education; m1-s1 and s2-c1 cross; k1-k2 inside childcare.
    assert by_domain == {
        "education": (1, 3, 1, 2),
        "care": (1, 1, 0, 1),
        "municipality": (1, 1, 0, 1),
        "childcare": (1, 2, 1, 0),
    }


def test_islands_silos_and_isolates_sections(report: Report) -> None:
    islands = report.section("islands")
    assert isinstance(islands, IslandsSection)
    assert [(r.rank, r.size, r.is_silo) for r in islands.islands] == [(1, 4, False), (2, 2, True)]
    assert dict(islands.islands[0].domains) == {"education": 2, "municipality": 1, "care": 1}
    assert islands.islands[1].share == pytest.approx(2 / 7)

    silos = report.section("silos")
    assert isinstance(silos, SilosSection)
    (silo,) = silos.silos
    assert silo.organisations == ((EVIL_ORG, 2),)
    assert silo.domains == (("childcare", 2),)

    isolates = report.section("isolates")
    assert isinstance(isolates, IsolatesSection)
    assert [(p.id, p.name, p.organisation) for p in isolates.people] == [
        ("s3", EVIL_PERSON, "OBS Het Hek")
    ]


def test_picture_section_draws_every_professional(report: Report) -> None:
    picture = report.section("picture")
    assert isinstance(picture, PictureSection)
    assert picture.picture.level == "professional"
    assert len(picture.picture.nodes) == 7
    assert len(picture.picture.edges) == 4
    assert dict(picture.picture.legend) == {
        "education": 3,
        "care": 1,
        "municipality": 1,
        "childcare": 2,
    }
    assert picture.svg.count("<circle") == 7 + len(picture.picture.legend)


def test_large_regions_are_drawn_per_organisation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sections_module, "MAX_PROFESSIONAL_NODES", 3)
    picture = build_report(small_region()).section("picture")
    assert isinstance(picture, PictureSection)
    assert picture.picture.level == "organisation"
    assert len(picture.picture.nodes) == 4
    # Organisation edges: m-s and s-c (ties inside one organisation are left out).
    assert len(picture.picture.edges) == 2


def test_summary_text(report: Report) -> None:
    text = summary_text(report)
    assert text.splitlines()[0] == "Dorp: 4 organisations, 7 professionals, 4 ties, 0 cases"
    assert "4 of 7 professionals (57%)" in text
    assert "Isolates: 1 professional" in text
    assert "Silos: 1 island" in text


@pytest.mark.parametrize(
    ("cases", "shown"), [(1, "fewer than 5 cases"), (4, "fewer than 5 cases"), (5, "5 cases")]
)
def test_small_case_counts_are_not_published(cases: int, shown: str) -> None:
    region = sw.example_region()
    region = region.replace(cases=region.cases[:cases])
    report = build_report(region, sections=())
    assert summary_text(report).splitlines()[0].endswith(shown)
    overview = sections_module.overview_section(ReportContext.of(region)).to_markdown()
    assert f"| Cases | {shown.removesuffix(' cases')} |" in overview


def test_html_is_self_contained_and_holds_the_svg(report: Report) -> None:
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>")
    assert re.search(r"<svg\b", page)
    assert "<style>" in page
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<(link|img|iframe)\b", page, re.I)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)  # scripts only inline
    assert "@import" not in page and not re.search(r"url\((?!#)", page)  # only url(#id)
    assert "data:image" not in page
    for section in report.sections:
        assert f'<section id="{section.key}">' in page


def test_text_is_escaped(report: Report) -> None:
    page = render_html(report)
    # The map's own three script elements (its data, its words, its code) and no other.
    assert page.count("<script") == 3
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page
    markdown = render_markdown(report)
    assert "<script>" not in markdown
    assert r"K. Pipe\|Star\*" in markdown
    # Every table row keeps its column count despite the pipe in a name.
    rows = [line for line in markdown.splitlines() if line.startswith("| s3 ")]
    assert len(rows) == 1
    assert len(re.findall(r"(?<!\\)\|", rows[0])) == 6


def test_markdown_references_the_picture(report: Report) -> None:
    markdown = render_markdown(report)
    assert markdown.startswith("# Collaboration in Dorp\n")
    assert "](network.svg)" in markdown
    for section in report.sections:
        assert f"## {md_escape(section.title)}" in markdown


def test_write_report(tmp_path: Path, report: Report) -> None:
    md_path, html_path = write_report(small_region(), tmp_path / "out")
    assert (md_path.name, html_path.name) == ("report.md", "report.html")
    assert md_path.read_text(encoding="utf-8") == render_markdown(report)
    assert html_path.read_text(encoding="utf-8") == render_html(report)
    assert (tmp_path / "out" / "network.svg").read_text(encoding="utf-8").startswith("<svg")
    pictures = {
        name
        for section in report.sections
        for name in getattr(section, "files", dict)()  # every picture a section holds
    }
    assert "network.svg" in pictures
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        {*pictures, "report.html", "report.md"}
    )


def test_write_report_leaves_nothing_behind_on_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "report.md"
    blocker.mkdir()  # a folder where the file should go: the move fails
    with pytest.raises(OSError):
        write_report(small_region(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_reports_are_deterministic() -> None:
    assert build_report(small_region()) == build_report(small_region())


def test_sections_can_be_added(report: Report) -> None:
    @frozen
    class Note:
        key: str = "note"
        title: str = "A <note>"

        def to_markdown(self) -> str:
            return "note body"

        def to_html(self) -> str:
            return "<p>note body</p>"

    def note(context: ReportContext) -> Note:
        return Note()

    def nothing(context: ReportContext) -> None:
        return None

    extended = build_report(
        small_region(), sections=(*sections_module.DEFAULT_SECTIONS, note, nothing)
    )
    assert [s.key for s in extended.sections][-1] == "note"
    assert len(extended.sections) == len(report.sections) + 1
    assert "## A \\<note\\>\n\nnote body" in render_markdown(extended)
    assert "<h2>A &lt;note&gt;</h2>" in render_html(extended)


def test_unknown_section(report: Report) -> None:
    with pytest.raises(sw.UnknownIdError, match="no-such"):
        report.section("no-such")


@given(st.text())
def test_esc_leaves_no_markup(text: str) -> None:
    escaped = esc(text)
    assert not set("<>\"'") & set(escaped.replace("&lt;", "").replace("&gt;", ""))


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_md_table_rows_keep_their_columns(cells: list[str]) -> None:
    table = md_table([f"h{i}" for i in range(len(cells))], [cells])
    header, _rule, row = table.split("\n")
    unescaped = re.compile(r"(?<!\\)(?:\\\\)*\|")
    assert len(unescaped.findall(row)) == len(unescaped.findall(header)) == len(cells) + 1


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_html_table_cells_are_escaped(cells: list[str]) -> None:
    table = html_table([f"h{i}" for i in range(len(cells))], [cells])
    assert table.count("<td") == len(cells)
    stripped = re.sub(r"</?(table|thead|tbody|tr|th|td)( class=\"num\")?>", "", table)
    assert "<" not in stripped and ">" not in stripped


@given(st.integers(min_value=0, max_value=12), st.integers(min_value=0, max_value=40))
def test_overview_matches_networkx(n: int, seed: int) -> None:
    """Islands and isolates in the report equal plain networkx's counts on random graphs."""
    G = nx.gnm_random_graph(n, n, seed=seed)  # noqa: N806
    org = Organisation(OrganisationId("o"), "School", Sector.PRIMARY_SCHOOL, "Dorp")
    people = tuple(
        Professional(ProfessionalId(f"p{i}"), f"P {i}", Role.TEACHER, (org.id,)) for i in range(n)
    )
    ties = [Tie(ProfessionalId(f"p{u}"), ProfessionalId(f"p{v}")) for u, v in G.edges]
    region = Region("Dorp", (org,), people, ties=ties)
    overview = build_report(region, sections=()).overview
    assert overview.islands == nx.number_connected_components(G)
    assert overview.isolates == nx.number_of_isolates(G)
    largest = max((len(c) for c in nx.connected_components(G)), default=0)
    assert overview.largest == largest
    assert overview.silos == sum(len(c) > 1 for c in nx.connected_components(G))


def test_organisation_picture_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sections_module, "MAX_PROFESSIONAL_NODES", 3)
    monkeypatch.setattr(sections_module, "MAX_ORGANISATION_NODES", 2)
    picture = build_report(small_region()).section("picture")
    assert isinstance(picture, PictureSection)
    # Ties to other organisations: s has two (m-s, s-c), m and c one each, k none;
    # m and c tie, and the one with more staff comes first (both have one person).
    drawn = {node.label.split(" (")[0] for node in picture.picture.nodes}
    assert len(drawn) == 2 and "OBS Het Hek" in drawn
    assert (picture.shown, picture.total) == (2, 4)
    assert "Only the 2 organisations with the most ties" in picture.to_markdown()


def test_the_page_lists_its_sections_and_has_a_main_landmark() -> None:
    report = build_report(sw.example_region())
    page = render_html(report)
    contents = page[page.index('<nav class="contents"') : page.index("</nav>")]
    links = re.findall(r'<a href="#([^"]+)">', contents)
    assert links == [section.key for section in report.sections]
    assert page.count("<main>") == 1 and page.index("<main>") < page.index("<footer>")
    dutch = render_html(build_report(sw.example_region(), lang="nl"))
    assert '<h2 id="contents-title">Inhoud</h2>' in dutch
