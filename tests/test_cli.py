"""The samenwerking command, run in-process (plus one run of the installed script)."""

from __future__ import annotations

import csv
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import samenwerking as sw
from samenwerking.analysis.change import compare
from samenwerking.cli import main


def test_report_on_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["report", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert (out / "report.md").is_file()
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert captured.out.startswith("Lindenhoeve: ")
    assert str(out / "report.md") in captured.out and str(out / "report.html") in captured.out
    assert "example region" in captured.err  # progress goes to stderr


def test_report_on_a_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = sw.save(sw.example_region().replace(name="Elders"), tmp_path / "region.json")
    assert main(["report", str(source), "--out", str(tmp_path / "r")]) == 0
    assert capsys.readouterr().out.startswith("Elders: ")
    assert "Elders" in (tmp_path / "r" / "report.md").read_text(encoding="utf-8")


def test_check_a_valid_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = sw.save(sw.example_region(), tmp_path / "csv", format="csv")
    assert main(["check", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("valid: Lindenhoeve")


def _edit_cell(path: Path, row: int, column: str, value: str) -> str:
    """Set one cell (``row`` numbered as in a spreadsheet, header = 1); return the old value."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    col = rows[0].index(column)
    old = rows[row - 1][col]
    rows[row - 1][col] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return old


def test_check_a_broken_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = sw.save(sw.example_region(), tmp_path / "csv", format="csv")
    _edit_cell(folder / "ties.csv", 4, "target", "p-999")
    _edit_cell(folder / "professionals.csv", 6, "organisations", "nowhere")
    _edit_cell(folder / "cases.csv", 3, "support_level", "enormous")
    assert main(["check", str(folder)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    expected = [
        ("ties.csv", "row 4", "'target'", "'p-999'"),
        ("professionals.csv", "row 6", "'organisations'", "'nowhere'"),
        ("cases.csv", "row 3", "'support_level'", "'enormous'"),
    ]
    for file, row, field, value in expected:
        assert any(
            file in line and f"{row}," in line and field in line and value in line for line in lines
        ), (file, lines)
    assert f"{len(lines)} problem" in captured.err
    assert "Traceback" not in captured.err


def test_check_a_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nothing.json")]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("samenwerking: error: ")
    assert "nothing.json" in captured.err
    assert "Traceback" not in captured.err


def test_convert_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    region = sw.example_region()
    first = sw.save(region, tmp_path / "first.json")
    assert main(["convert", str(first), str(tmp_path / "folder")]) == 0
    assert main(["convert", str(tmp_path / "folder"), str(tmp_path / "second.json")]) == 0
    assert (tmp_path / "folder" / "ties.csv").is_file()
    assert sw.load(tmp_path / "folder") == region
    assert sw.load(tmp_path / "second.json") == region
    assert "second.json" in capsys.readouterr().out


def test_example_writes_a_folder(tmp_path: Path) -> None:
    assert main(["example", str(tmp_path / "lindenhoeve")]) == 0
    assert (tmp_path / "lindenhoeve" / "organisations.csv").is_file()
    assert sw.load(tmp_path / "lindenhoeve") == sw.example_region()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["convert", "only-one"],
        ["report", "--bogus"],
        ["report", "--today", "2026-13-01"],
        ["nonsense"],
    ],
)
def test_argument_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"samenwerking {sw.__version__}"


def test_installed_console_script() -> None:
    scripts = Path(sysconfig.get_path("scripts"))
    script = scripts / ("samenwerking.exe" if sys.platform == "win32" else "samenwerking")
    if not script.exists():
        pytest.skip(f"the console script is not installed in {scripts}")
    result = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"samenwerking {sw.__version__}"


def test_report_with_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    region = sw.example_region()
    old = region.replace(ties=region.ties.select(range(len(region.ties) // 2)))
    now_path = sw.save(region, tmp_path / "now.json")
    old_path = sw.save(old, tmp_path / "old.json")
    out = tmp_path / "r"
    assert main(["report", str(now_path), "--before", str(old_path), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "## Change over time" in markdown
    change = compare(old, region)
    assert change.new_ties > 0
    assert f"{change.new_ties} new and 0 lost tied pair(s)" in markdown
    assert "Computing brokers" in captured.err and "betweenness" in captured.err
    assert "communities" in captured.err


def test_report_without_before_has_no_change(tmp_path: Path) -> None:
    assert main(["report", "--out", str(tmp_path / "r")]) == 0
    markdown = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    assert "## Change over time" not in markdown
    assert "## Brokers and weak points" in markdown


def test_report_with_a_missing_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", "--before", str(tmp_path / "old.json"), "--out", str(tmp_path / "r")])
    assert code == 1
    assert "old.json" in capsys.readouterr().err


def test_report_takes_the_reference_date(tmp_path: Path) -> None:
    early, late = tmp_path / "early", tmp_path / "late"
    assert main(["report", "--out", str(early), "--today", "2024-01-02"]) == 0
    assert main(["report", "--out", str(late), "--today", "2026-11-23"]) == 0
    assert "on 2024-01-02" in (early / "report.md").read_text(encoding="utf-8")
    assert "on 2026-11-23" in (late / "report.md").read_text(encoding="utf-8")


def test_cases_writes_only_suppressed_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cases"
    assert main(["cases", "--out", str(out), "--threshold", "5"]) == 0
    written = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert written and all(path.parent == out and path.is_file() for path in written)
    region = sw.example_region()
    case_ids = {str(case.id) for case in region.cases}
    for path in written:
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        cells = [cell for row in rows[1:] for cell in row[1:]]
        assert not case_ids & {cell for row in rows for cell in row}  # no case is named
        if path.name.startswith("cases_by_"):
            counts = [int(cell) for cell in cells if cell not in {"x", ""}]
            assert all(count == 0 or count >= 5 for count in counts), path.name
            assert rows[-1][-1] == str(len(region.cases))  # the grand total is published


def test_cases_rejects_a_threshold_that_hides_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cases", "--out", str(tmp_path / "c"), "--threshold", "1"]) == 1
    assert "threshold" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()


def test_plan_tables_for_a_meeting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    region = sw.example_region()
    meeting = next(m for m in region.meetings if len(m.participants) >= 12)
    target = tmp_path / "plan.csv"
    argv = ["plan-tables", "--meeting", str(meeting.id), "--tables", "6", "--rounds", "2"]
    assert main([*argv, "--trim", "--csv", str(target)]) == 0
    assert "new cross-domain acquaintances" in capsys.readouterr().out
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    seated = {row["professional"] for row in rows}
    assert seated <= {str(p) for p in meeting.participants}
    assert {row["round"] for row in rows} == {"1", "2"}
    for round_ in ("1", "2"):  # everyone seated once per round
        people = [row["professional"] for row in rows if row["round"] == round_]
        assert sorted(people) == sorted(seated)


def test_plan_tables_from_a_file_names_unknown_people(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invitees = tmp_path / "invitees.txt"
    invitees.write_text("# who comes\nid\np-001\n\np-002\nnobody-here\n", encoding="utf-8")
    argv = ["plan-tables", "--invitees", str(invitees), "--tables", "1", "--rounds", "1"]
    assert main(argv) == 1
    assert "nobody-here" in capsys.readouterr().err


def test_plan_tables_for_an_unknown_meeting(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan-tables", "--meeting", "m-none", "--tables", "2", "--rounds", "1"]
    assert main(argv) == 1
    assert "m-none" in capsys.readouterr().err


def test_introduce_connects_and_applies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target, listing = tmp_path / "after.json", tmp_path / "introductions.csv"
    argv = ["introduce", "--cap", "3", "--csv", str(listing), "--apply", str(target)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "connect the islands:" in out and "Islands: " in out
    after = sw.load(target)
    assert len(sw.analysis.islands(sw.compact_graph(after)).islands) == 1
    with listing.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(after.ties) == len(sw.example_region().ties) + len(rows)
    per_person: dict[str, int] = {}
    for row in rows:
        for person in (row["a"], row["b"]):
            per_person[person] = per_person.get(person, 0) + 1
    assert max(per_person.values()) <= 3


def test_introduce_one_goal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["introduce", "--goal", "reach", "--steps", "1"]) == 0
    out = capsys.readouterr().out
    assert "expertise within reach" in out and "connect the islands" not in out


def test_introduce_measures_what_it_aimed_at(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["introduce", "--goal", "robust", "--by", "sector", "--steps", "3"]) == 0
    out = capsys.readouterr().out
    assert "Lowest bus factor between sectors:" in out
    assert "Sector links hanging on one person:" in out
    assert "within 3 steps" in out and "between domains" not in out
    assert "proven minimal)" in out or "minimal count" in out


def test_cases_does_not_print_a_small_number_of_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    region = sw.example_region()
    source = sw.save(region.replace(cases=region.cases[:3]), tmp_path / "few.json")
    assert main(["cases", str(source), "--out", str(tmp_path / "c")]) == 0
    captured = capsys.readouterr()
    assert "fewer than 5 cases" in captured.err and " 3 cases" not in captured.err


def test_team_names_who_could_introduce_whom(capsys: pytest.CaptureFixture[str]) -> None:
    from samenwerking.team import team_gaps

    region = sw.example_region()
    gaps = max(team_gaps(region).teams, key=lambda t: len(t.missing))
    assert main(["team", str(gaps.case)]) == 0
    out = capsys.readouterr().out
    assert f"{len(gaps.missing)} of {gaps.pairs} pair(s) do not know each other" in out
    introducer = next(g.introducers[0] for g in gaps.missing if g.introducers)
    assert region.professional(introducer).name in out


def test_team_for_an_unknown_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", "c-nobody"]) == 1
    assert "c-nobody" in capsys.readouterr().err
