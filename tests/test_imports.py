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


def test_running_kernels_does_not_load_scipy_linalg() -> None:
    # numba's array functions would import scipy.linalg (some 30 MB) to probe for BLAS;
    # samenwerking._jit loads them without it.
    loaded = _imported_after(
        "import networkx as nx\n"
        "import samenwerking as sw\n"
        "G = sw.graph.CompactGraph.from_networkx(nx.karate_club_graph())\n"
        "sw.analysis.betweenness(G), sw.analysis.core_numbers(G), sw.analysis.islands(G)"
    )
    assert "numba.np.arraymath" in loaded  # the kernels did load numba's array support
    assert "scipy.linalg" not in loaded


def test_user_numba_code_with_blas_still_works_after_import() -> None:
    code = (
        "import numba, numpy as np\n"
        "import samenwerking\n"
        "@numba.njit\n"
        "def both(a, b):\n"
        "    return np.correlate(a, b)[0], np.dot(a, b)\n"
        "a, b = np.arange(6.0), np.linspace(1.0, 2.0, 6)\n"
        "print(np.allclose(both(a, b), (np.correlate(a, b)[0], np.dot(a, b))))\n"
        "import numba.np.arraymath as m\n"
        "print(m._HAVE_BLAS)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert done.stdout.split() == ["True", "True"]
