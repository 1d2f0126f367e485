"""Importing samenwerking stays lean: the large optional parts load when first used."""

from __future__ import annotations

import subprocess
import sys


def _imported_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return set(done.stdout.split())


def test_import_does_not_load_scipy_sparse_pandas_or_pyarrow() -> None:
    # scipy.sparse alone adds some 20 MB and numpy.testing/f2py with it; only the analyses
    # that need a sparse matrix import it.
    loaded = _imported_after("import samenwerking, samenwerking.analysis, samenwerking.report")
    assert "samenwerking.analysis.reach" in loaded  # the check itself can see modules
    assert not {"scipy.sparse", "pandas", "pyarrow"} & loaded


def test_a_sparse_analysis_still_imports_it_when_used() -> None:
    loaded = _imported_after(
        "import networkx as nx\n"
        "from samenwerking.analysis.reach import within_reach\n"
        "within_reach(nx.path_graph(3), 0, k=1)"
    )
    assert "scipy.sparse.csgraph" in loaded
