"""Whole reports in Dutch: every text looked up is translated, no English is left in the
headings and table headers, and numbers and dates read as Dutch readers write them.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.numbers import parse_decimal
from hypothesis import given
from hypothesis import strategies as st

import samenwerking as sw
from samenwerking.analysis import trend
from samenwerking.errors import InvalidArgumentError
from samenwerking.report import (
    DEFAULT_SECTIONS,
    build_report,
    i18n,
    render_html,
    render_markdown,
    summary_text,
    write_report,
)
from samenwerking.report.sections_trend import trend_builder

TODAY = dt.date(2026, 11, 23)
PO_FILE = i18n.LOCALE_DIR / "nl" / "LC_MESSAGES" / "samenwerking.po"


def _catalogue() -> dict[str, tuple[str, ...]]:
    """Dutch translations by msgid (the singular for plural messages)."""
    with PO_FILE.open("rb") as fh:
        catalogue = read_po(fh, locale="nl")
    out = {}
    for message in catalogue:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string
        out[key] = (strings,) if isinstance(strings, str) else tuple(strings)
    return out


class _Recording(gettext.NullTranslations):
    """Translations that remember every message looked up."""

    def __init__(self, real: gettext.NullTranslations, seen: set[str]) -> None:
        super().__init__()
        self.real, self.seen = real, seen

    def gettext(self, message: str) -> str:
        self.seen.add(message)
        return self.real.gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        self.seen.add(msgid1)
        return self.real.ngettext(msgid1, msgid2, n)


@pytest.fixture
def looked_up(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    seen: set[str] = set()
    real = i18n.translations

    def recording(lang: str) -> gettext.NullTranslations:
        return _Recording(real(lang), seen)

    monkeypatch.setattr(i18n, "translations", recording)
    yield seen


def _snapshots() -> list[tuple[dt.date, sw.Region]]:
    region = sw.example_region()
    earlier = region.replace(ties=list(region.ties)[: len(region.ties) // 2])
    return [(dt.date(2025, 11, 23), earlier), (TODAY, region)]


def _reports(lang: str) -> dict[str, object]:
    """Every kind of report: the example with --before and a trend, and synthetic ones."""
    example = sw.example_region()
    earlier = example.replace(ties=list(example.ties)[:-40])
    sections = (*DEFAULT_SECTIONS, trend_builder(trend(_snapshots())))
    synthetic = sw.synthetic.region(professionals=600, seed=3)
    synthetic = synthetic.replace(cases=sw.synthetic.cases(synthetic, 40, seed=3))
    large = sw.synthetic.region(professionals=2_400, seed=4)  # organisation picture, sampling
    return {
        "example": build_report(example, lang=lang, today=TODAY, before=earlier, sections=sections),
        "synthetic": build_report(synthetic, lang=lang, today=TODAY),
        "large": build_report(large, lang=lang, today=TODAY),
        "empty": build_report(sw.Region("Leegdorp"), lang=lang, today=TODAY),
    }


@pytest.fixture(scope="module")
def dutch_reports() -> dict[str, object]:
    return _reports("nl")


@pytest.fixture(scope="module")
def english_reports() -> dict[str, object]:
    return _reports("en")


def _render_all(report: object, folder: Path) -> str:
    write_report(report, folder)  # also the pictures written next to report.md
    return render_markdown(report) + render_html(report) + summary_text(report)


def test_every_text_the_dutch_reports_look_up_is_translated(
    looked_up: set[str], tmp_path: Path
) -> None:
    reports = _reports("nl")  # built while recording: builders translate too
    for name, report in reports.items():
        _render_all(report, tmp_path / name)
    catalogue = _catalogue()
    assert len(looked_up) > 150, "the recording saw the report's text"
    # a section title built in Dutch is looked up again when rendered: already translated
    dutch = {text for strings in catalogue.values() for text in strings}
    missing = sorted(m for m in looked_up if not all(catalogue.get(m, ("",))) and m not in dutch)
    assert missing == []


def test_recording_catches_a_text_without_translation(looked_up: set[str]) -> None:
    with i18n.use_language("nl"):
        i18n._("A sentence nobody translated")
    catalogue = _catalogue()
    assert [m for m in looked_up if not all(catalogue.get(m, ("",)))] == [
        "A sentence nobody translated"
    ]


class _Headings(HTMLParser):
    """The text of every heading, table header, caption and legend of a page, in order."""

    TAGS = frozenset({"h1", "h2", "h3", "th", "caption", "figcaption", "legend", "title"})

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._open: list[str] = []
        self._svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg":
            self._svg += 1
        if tag in self.TAGS and not self._svg:
            self._open.append(tag)
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg -= 1
        if self._open and tag == self._open[-1]:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            self.texts[-1] += data


def _headings(page: str) -> list[str]:
    parser = _Headings()
    parser.feed(page)
    return [" ".join(t.split()) for t in parser.texts]


def _data_words(region: sw.Region) -> set[str]:
    """Text that comes from the data (names, themes), which no translation changes."""
    words = {region.name, *(o.name for o in region.organisations)}
    words |= {p.name for p in region.professionals}
    words |= {a.theme for a in region.agreements} | set(region.municipalities)
    words |= {g.name for g in region.working_groups}
    return {w for w in words if w}


def _same_in_dutch() -> set[str]:
    """English texts whose Dutch translation is the same word ("Sector", "Professionals")."""
    return {k for k, v in _catalogue().items() if k in v}


def test_no_english_is_left_in_the_headings_and_table_headers(
    dutch_reports: dict[str, object], english_reports: dict[str, object]
) -> None:
    allowed = _same_in_dutch()
    region = sw.example_region()
    data = _data_words(region)
    left = []
    for name in dutch_reports:
        nl = _headings(render_html(dutch_reports[name]))
        en = _headings(render_html(english_reports[name]))
        assert len(nl) == len(en), name  # the same page, only the words differ
        for english, dutch in zip(en, nl, strict=True):
            if english != dutch or not re.search("[A-Za-z]", english):
                continue
            if english in allowed or english in data or dutch.startswith("#"):
                continue
            left.append((name, english))
    assert left == []


def test_the_comparison_would_see_an_untranslated_heading(
    english_reports: dict[str, object],
) -> None:
    page = render_html(english_reports["example"])
    assert "Brokers and weak points" in _headings(page)
    assert "Brokers and weak points" not in _same_in_dutch()


def test_the_dutch_page_says_it_is_dutch_and_uses_the_field_s_words(
    dutch_reports: dict[str, object],
) -> None:
    page = render_html(dutch_reports["example"])
    assert '<html lang="nl">' in page
    headings = _headings(page)
    for word in ("Eilandjes", "LEA-tafel", "Bruggenbouwers en kwetsbare schakels", "Trekker"):
        assert word in headings
    text = render_markdown(dutch_reports["example"])
    assert "23 november 2026" in text  # the date of the cases, as Dutch readers write it
    assert "thuiszitten" in text
    assert "2026-11-23" not in text


def test_dutch_numbers_in_tables_and_text(dutch_reports: dict[str, object]) -> None:
    text = render_markdown(dutch_reports["example"])
    # decimal commas in tables and running text, never a decimal point in a number
    assert re.search(r"\| -?0,\d+ \|", text)
    assert re.search(r"E-I-index naar domein: -0,\d+", text)
    assert not re.search(r"\b\d+\.\d{1,2}\b(?!\.)", _without_names(text))


def _without_names(text: str) -> str:
    """The text without file names (network.svg) and quarters (2025-Q3), for the test above."""
    return re.sub(r"\S+\.svg|\d{4}-Q\d|\b\d{4}-\d{4}\b", "", text)


def test_english_stays_the_default() -> None:
    report = build_report(sw.example_region(), today=TODAY)
    assert report.lang == "en"
    assert render_markdown(report).startswith("# Collaboration in Lindenhoeve")
    assert '<html lang="en">' in render_html(report)


def test_write_report_in_dutch_and_refuses_another_language_for_a_built_report(
    tmp_path: Path,
) -> None:
    md, _html = write_report(sw.example_region(), tmp_path, lang="nl")
    assert md.read_text(encoding="utf-8").startswith("# Samenwerking in Lindenhoeve")
    built = build_report(sw.example_region(), today=TODAY)
    with pytest.raises(InvalidArgumentError, match=r"lang must be the report's own language"):
        write_report(built, tmp_path / "other", lang="nl")
    write_report(built, tmp_path / "same", lang="en")


def test_the_command_line_writes_the_dutch_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from samenwerking.cli import main

    out = tmp_path / "rapport"
    assert main(["report", "--lang", "nl", "--out", str(out), "--today", "2026-11-23"]) == 0
    printed = capsys.readouterr().out
    assert "Eilandjes: 7; het grootste telt 161 van de 181 professionals (89%)" in printed
    page = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in page and "<h2>Overzicht</h2>" in page
    assert "Domein (professionals)" in (out / "network.svg").read_text(encoding="utf-8")


def test_the_command_line_refuses_an_unknown_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from samenwerking.cli import main

    assert main(["report", "--lang", "fr"]) == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err


# -- numbers and dates ----------------------------------------------------------------------
@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=6),
)
def test_a_dutch_number_parses_back_to_its_value(value: float, digits: int) -> None:
    with i18n.use_language("nl"):
        text = i18n.format_number(value, digits)
    parsed = parse_decimal(text, locale="nl_NL", strict=True)
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    assert parsed == rounded


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_a_dutch_whole_number_parses_back_and_groups_by_thousands(value: int) -> None:
    with i18n.use_language("nl"):
        text = i18n.format_int(value)
    assert parse_decimal(text, locale="nl_NL", strict=True) == value
    assert "," not in text
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", text)


@given(st.floats(min_value=0, max_value=1, allow_nan=False))
def test_a_dutch_percentage_parses_back_to_the_share(share: float) -> None:
    with i18n.use_language("nl"):
        text = i18n.format_percent(share)
    assert text.endswith("%")
    parsed = parse_decimal(text.removesuffix("%"), locale="nl_NL", strict=True)
    assert abs(parsed - Decimal(repr(share)) * 100) <= Decimal("0.05")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dutch_dates_name_day_month_and_year(day: dt.date) -> None:
    months = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]  # fmt: skip
    with i18n.use_language("nl"):
        text = i18n.format_date(day)
    assert text == f"{day.day} {months[day.month - 1]} {day.year}"
    assert i18n.format_date(day) == day.isoformat()  # English keeps ISO dates


# -- check names file, row and field ----------------------------------------------------------
def test_check_names_the_file_row_field_and_value_of_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from samenwerking.cli import main

    folder = tmp_path / "regio"
    sw.save(sw.example_region(), folder, format="csv")
    people = folder / "professionals.csv"
    lines = people.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    column = header.index("organisations")
    cells = lines[3].split(",")
    cells[column] = "org-does-not-exist"
    lines[3] = ",".join(cells)
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert main(["check", str(folder)]) == 1
    printed = capsys.readouterr().out
    [line] = [p for p in printed.splitlines() if "org-does-not-exist" in p]
    assert "professionals.csv" in line
    assert re.search(r"\brow 4\b", line)  # the fourth line of the file: header, then rows
    assert "'organisations'" in line
