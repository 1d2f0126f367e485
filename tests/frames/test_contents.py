"""The frames hold what the results hold: content checks against each result's own fields."""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from frame_results import DAY, example, result

import samenwerking as sw
from samenwerking.errors import InvalidArgumentError, SamenwerkingError
from samenwerking.frames import PandasMissingError
from samenwerking.notebook import MAX_PICTURE_ORGANISATIONS, MAX_ROWS


def _graph() -> sw.CompactGraph:
    return sw.compact_graph(example())


def test_islands() -> None:
    found = result("Islands")
    frame = found.to_frame()
    assert frame.index.name == "island"
    assert frame["size"].tolist() == [i.size for i in found.islands]
    assert frame["silo"].sum() == len(found.silos)
    assert frame.loc[0, "domains"] == found.islands[0].domains
    members = found.to_frames()["members"]
    assert len(members) == sum(i.size for i in found.islands)
    for number, island in enumerate(found.islands):
        assert (members.loc[list(island.members), "island"] == number).all()


def test_ei_index() -> None:
    ei = result("EIIndex")
    assert ei.to_frame()["ei_index"].to_dict() == ei.groups
    assert ei.to_frames()["nodes"]["ei_index"].to_dict() == ei.nodes


def test_mixing_matrix() -> None:
    matrix = result("MixingMatrix")
    frame = matrix.to_frame()
    assert frame.index.tolist() == list(matrix.labels)
    assert frame.columns.tolist() == list(matrix.labels)
    assert frame.to_numpy().tolist() == matrix.counts.tolist()
    pairs = matrix.to_frames()["pairs"]["ties"]
    assert {k: int(v) for k, v in pairs.items()} == matrix.as_dict()


def test_communities_and_reach() -> None:
    found = result("Communities")
    assert found.to_frame()["community"].to_dict() == found.membership
    sizes = found.to_frames()["communities"]["size"].tolist()
    assert sizes == [len(g) for g in found.groups]
    reach = result("ContactReach")
    frame = reach.to_frame()
    assert str(frame["distance"].dtype) == "Int64"
    unreached = frame.index[frame["distance"].isna()].tolist()
    assert sorted(unreached) == list(reach.unreached)


def test_trust_value() -> None:
    trust = result("TrustValue")
    frame = trust.to_frame()
    for group, rating in trust.groups.items():
        assert frame.loc[group, "ratings"] == rating.ratings
        assert frame.loc[group, "trust"] == pytest.approx(rating.trust, nan_ok=True)
    pairs = trust.to_frames()["pairs"]
    assert pairs.index.names == ["rater_group", "rated_group"]
    assert len(pairs) == len(trust.pairs)


def test_plain_results_of_analyses() -> None:
    G = _graph()  # noqa: N806
    links = sw.analysis.bus_factor(G)
    frame = sw.to_frame(links)
    assert frame.index.tolist() == [link.groups for link in links]
    assert frame["bus_factor"].tolist() == [link.bus_factor for link in links]
    roles = sw.analysis.brokerage_roles(G)
    frame = sw.to_frame(roles)
    assert frame.index.name == "node"
    assert frame["total"].to_dict() == {node: r.total for node, r in roles.items()}
    scores = sw.analysis.betweenness(G)
    frame = sw.to_frame(scores, column="betweenness")
    assert frame["betweenness"].to_dict() == scores
    points = sw.analysis.weak_points(G)
    assert sw.to_frame(points)["cut_off"].tolist() == [p.cut_off for p in points]
    assert sw.to_frame(()).empty


def test_to_frame_rejects_what_is_no_result() -> None:
    with pytest.raises(InvalidArgumentError, match="cannot make a DataFrame of a int"):
        sw.to_frame(42)
    with pytest.raises(InvalidArgumentError, match="of a str"):
        sw.to_frame(["a", "b"])


def test_change() -> None:
    change = result("Change")
    frames = change.to_frames()
    assert int(frames["pairs"]["new_ties"].sum()) == sum(change.new_by_pair.values())
    ties = frames["ties"]
    assert (ties["change"] == "new").sum() == change.new_ties
    assert len(frames["islands"]) == len(change.merged) + len(change.split)


def test_suppressed_counts_stay_suppressed() -> None:
    """A hidden count is <NA> in the frame, never the true count."""
    exact = sw.cases.count_cases(example(), "swv", "support_level", today=DAY)
    for name in ("PublishedTable", "SuppressedTable"):
        table = result(name)
        frame = table.to_frame()
        body = frame.drop(index="total").drop(columns="total")
        assert body.index.tolist() == list(table.row_labels)
        for i, row in enumerate(table.cells):
            for j, cell in enumerate(row):
                got = body.iloc[i, j]
                if cell is None:
                    assert got is pd.NA
                else:
                    assert got == cell == exact.counts[i][j]
        hidden = sum(c is None for row in table.cells for c in row)
        assert hidden > 0  # the example has small counts: the test checks something
        assert int(body.isna().sum().sum()) == hidden
        assert all(str(t) == "Int64" for t in frame.dtypes)
    published = result("PublishedTable")
    assert published.to_frame().loc["total", "total"] == published.grand_total


def test_published_durations_and_team_links() -> None:
    durations = result("PublishedDurations")
    frame = durations.to_frame()
    statuses = list(durations.counts.column_labels)
    for level, cells in zip(durations.levels, durations.counts.cells, strict=True):
        got = frame.loc[level.value, statuses].tolist()
        assert [None if g is pd.NA else g for g in got] == list(cells)
    summary = result("TeamGapsSummary")
    links = summary.to_frames()["links"]
    published = summary.suppressed_links()
    assert [None if c is pd.NA else c for c in links["cases"].tolist()] == [
        row[0] for row in published.cells
    ]
    assert links["cases"].isna().any()


def test_governance_and_people() -> None:
    table = result("LeaTable")
    frame = table.to_frame()
    assert frame.index.tolist() == [p.name for p in table.provisions]
    assert sorted(frame.index[frame["status"] == "missing"]) == sorted(table.missing)
    plan = result("Introductions")
    assert plan.to_frame().reset_index().to_records(index=False).tolist() == plan.rows()
    seating = result("TablePlan")
    seats = seating.to_frame()
    assert len(seats) == len(seating.invitees) * seating.rounds
    assert seats.index.names == ["professional", "round"]
    checks = result("CaseChecks")
    frame = checks.to_frame()
    assert sorted(frame.index[frame["stranded"]]) == sorted(checks.stranded)


def test_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    islands = result("Islands")
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(PandasMissingError) as caught:
        islands.to_frame()
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, SamenwerkingError)
    assert "pip install 'samenwerking[pandas]'" in str(caught.value)
    with pytest.raises(PandasMissingError):
        example().to_frames()
    with pytest.raises(PandasMissingError):
        sw.from_frames({}, name="x")
    assert "<table" in islands._repr_html_()  # notebook views need no pandas
    assert "<table" in example()._repr_html_()


def test_region_view() -> None:
    region = example()
    html = region._repr_html_()
    assert html.count("<table") == 2 and html.count("<svg") == 1
    assert html.count("<tr>") == 2 * MAX_ROWS + 2  # two header rows, ten rows each
    named = region.replace(name="<Dorp & Stad>")
    assert "&lt;Dorp &amp; Stad&gt;" in named._repr_html_()
    assert "<Dorp" not in named._repr_html_()


def test_big_region_picture_is_capped() -> None:
    big = sw.synthetic.region(professionals=3000, seed=1)
    html = big._repr_html_()
    dots = html.count("<circle")
    assert 10 < dots <= MAX_PICTURE_ORGANISATIONS + 10  # organisations, plus the legend
    many = sw.analysis.Islands(
        tuple(sw.analysis.Island((f"p{i}",), domains={"care": 1}) for i in range(400))
    )
    assert many._repr_html_().count("<circle") <= 150 + 10


def test_empty_results_and_regions() -> None:
    empty = sw.analysis.islands(sw.compact_graph(sw.Region("Leeg")))
    frame = empty.to_frame()
    assert frame.empty and frame.index.name == "island"
    assert "islands: 0 rows" in empty._repr_html_()
    frames = sw.Region("Leeg").to_frames()
    assert all(f.empty for f in frames.values())
    assert sw.from_frames(frames, name="Leeg") == sw.Region("Leeg")
    assert "<svg" not in sw.Region("Leeg")._repr_html_()


def test_importing_samenwerking_does_not_import_pandas() -> None:
    import subprocess

    code = "import sys, samenwerking; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
