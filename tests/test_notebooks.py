"""Execute every notebook in docs/notebooks/ so that none of them can rot.

Each notebook runs top to bottom in a fresh ``python3`` kernel of this interpreter (ipykernel's
kernel spec: jupyter_client starts it with ``sys.executable``), in a temporary folder. A cell that
raises fails the test, and so does any text on stderr (a warning a reader would see). The
notebooks are committed without outputs: the documentation build executes them again.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import samenwerking as sw

NOTEBOOKS = Path(__file__).parent.parent / "docs" / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))


def _outputs(nb: Any) -> list[Any]:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


def _text(nb: Any) -> str:
    """Everything the notebook printed or displayed as text or HTML."""
    parts = []
    for output in _outputs(nb):
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts.extend(str(data.get(kind, "")) for kind in ("text/plain", "text/html"))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every notebook, executed once for all tests of this module."""
    done = {}
    for path in PATHS:
        folder = tmp_path_factory.mktemp(path.stem)
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            kernel_name="python3",
            timeout=600,
            startup_timeout=120,
            # the kernel is a child process: point its temporary files at pytest's folder
            resources={"metadata": {"path": str(folder)}},
        )
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("TMPDIR", str(folder))
            client.execute()
        done[path.name] = nb
    return done


def test_there_are_the_three_researcher_notebooks() -> None:
    assert {p.name for p in PATHS} >= {
        "first-analysis.ipynb",
        "comparing-snapshots.ipynb",
        "writing-an-adapter.ipynb",
    }


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], cell.source[:80]
            assert cell.execution_count is None, cell.source[:80]


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_every_cell_runs_cleanly(executed: dict[str, Any], path: Path) -> None:
    nb = executed[path.name]
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "a notebook without code"
    assert all(cell.execution_count is not None for cell in code)
    outputs = _outputs(nb)
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == []


def test_first_analysis_shows_a_picture_and_tables(executed: dict[str, Any]) -> None:
    nb = executed["first-analysis.ipynb"]
    svgs = [o.data["image/svg+xml"] for o in _outputs(nb) if "image/svg+xml" in o.get("data", {})]
    region = sw.example_region()
    assert len(svgs) == 1
    assert region.name in svgs[0]
    assert svgs[0].count("<circle") >= len(region.professionals)  # one dot per professional
    views = [o.data["text/html"] for o in _outputs(nb) if "text/html" in o.get("data", {})]
    assert "<svg" in views[0]  # the region's own notebook view, with its small picture
    assert (
        sum("<table" in view for view in views) >= 5
    )  # islands, brokers, weak points, E-I, mixing
    found = sw.analysis.islands(sw.compact_graph(region))
    text = _text(nb)
    assert f"{len(found)} islands" in text
    assert ", ".join(found.isolates) in text


def test_comparing_snapshots_finds_the_joined_and_split_islands(executed: dict[str, Any]) -> None:
    text = _text(executed["comparing-snapshots.ipynb"])
    region = sw.example_region()
    plan = sw.introduce.connect_islands(region)
    assert f"{len(plan.items)} new tied pairs, 0 lost" in text
    assert f"merged into one of {len(region.professionals)}" in text
    assert re.search(r"the island of \d+ split into islands of \d+", text)


def test_the_adapter_notebook_loads_its_csv_and_names_every_problem(
    executed: dict[str, Any],
) -> None:
    nb = executed["writing-an-adapter.ipynb"]
    text = _text(nb)
    assert "'contacts'" in text  # the adapter is registered next to the built-in ones
    assert "<Region 'Noord': 4 organisations, 6 professionals, 4 ties, 0 cases>" in text
    last = _outputs(nb)[-1].data["text/html"]
    for row, column, value in [
        ("3", "kind", "bakery"),
        ("4", "works with", "zoe"),
        ("5", "role", "cook"),
    ]:
        assert re.search(rf"row {row}</td>\s*<td>{column}</td>\s*<td>{value}</td>", last), row
