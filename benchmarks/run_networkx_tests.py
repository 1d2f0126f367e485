"""Run networkx's own tests for the backend's functions against the samenwerking backend.

networkx ships its test-suite in the wheel, with the hooks to run it against a backend:
its ``conftest.py`` takes ``--backend NAME`` (or ``NETWORKX_TEST_BACKEND``), then every
dispatchable call in a test converts its graphs to the backend and calls it there
(networkx's ``_convert_and_call_for_tests``); with ``--fallback-to-nx`` a call the backend
cannot run (``can_run`` false, or a function it does not implement) runs in networkx.

This script runs the test files of the functions in ``samenwerking.nx_backend.FUNCTIONS``
that way, in a child pytest with an empty configuration (not this project's), and reports
per file the outcome and how many calls reached the backend or fell back, read from
networkx's debug log. Tests known to fail are listed in :data:`KNOWN_FAILURES` with the
reason; the exit status is non-zero for any other failure.

Run ``python benchmarks/run_networkx_tests.py`` (about half a minute); ``--output FILE``
writes the summary as JSON. Not part of the default CI run.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["KNOWN_FAILURES", "TEST_FILES", "main"]

TEST_FILES: tuple[str, ...] = (
    "algorithms/components/tests/test_connected.py",
    "algorithms/centrality/tests/test_betweenness_centrality.py",
    "algorithms/tests/test_bridges.py",
    "algorithms/components/tests/test_biconnected.py",
    "algorithms/tests/test_core.py",
    "algorithms/community/tests/test_louvain.py",
    "algorithms/tests/test_structuralholes.py",
    "algorithms/assortativity/tests/test_mixing.py",
    "algorithms/assortativity/tests/test_correlation.py",
)
"""networkx's test files (relative to the installed ``networkx`` package)."""

_LOUVAIN = (
    "compares Louvain partitions with networkx's own for a seed; the backend finds a "
    "partition of comparable modularity, not networkx's (docs/networkx-backend.md)"
)
KNOWN_FAILURES: dict[str, str] = {
    "test_louvain.py::test_karate_club_partition": _LOUVAIN,
    "test_louvain.py::test_undirected_selfloops": _LOUVAIN,
    "test_louvain.py::test_none_weight_param": _LOUVAIN,
    "test_louvain.py::test_multigraph": _LOUVAIN + " (the multigraph runs in networkx)",
}

_RAN = re.compile(r"Using backend 'samenwerking' for call to '(\w+)'")
_FELL_BACK = re.compile(
    r"Falling back to use 'networkx' instead of 'samenwerking' backend for call to '(\w+)'"
)
_OUTCOME = re.compile(r"^(\S+\.py)::(\S+) (PASSED|FAILED|XFAIL|XPASS|SKIPPED|ERROR)", re.M)


def main(argv: list[str] | None = None) -> int:
    """Run the tests, print the summary, exit 1 on an unexpected failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, help="write the summary as JSON")
    options = parser.parse_args(argv)

    import networkx as nx

    from samenwerking.nx_backend import FUNCTIONS

    package = Path(nx.__file__).parent
    with tempfile.TemporaryDirectory() as scratch:
        ini = Path(scratch) / "pytest.ini"
        ini.write_text("[pytest]\n", encoding="utf-8")
        log = Path(scratch) / "dispatch.log"
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ini),
            "--rootdir",
            str(package),
            "-p",
            "no:cacheprovider",
            "-rA",
            "-v",
            "--backend",
            "samenwerking",
            "--fallback-to-nx",
            f"--log-file={log}",
            "--log-file-level=DEBUG",
            *(str(package / name) for name in TEST_FILES),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        lines = log.read_text(encoding="utf-8") if log.exists() else ""
    ran = collections.Counter(m for m in _RAN.findall(lines) if m in FUNCTIONS)
    fell_back = collections.Counter(m for m in _FELL_BACK.findall(lines) if m in FUNCTIONS)
    outcomes: dict[str, str] = {}
    for file, test, outcome in _OUTCOME.findall(done.stdout):
        outcomes[f"{Path(file).name}::{test}"] = outcome
    if not outcomes:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n", file=sys.stderr)
        return 1
    per_file: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for test, outcome in outcomes.items():
        per_file[test.split("::")[0]][outcome] += 1
    failed = sorted(t for t, o in outcomes.items() if o in {"FAILED", "ERROR"})
    unexpected = [t for t in failed if t not in KNOWN_FAILURES]
    print(f"networkx {nx.__version__}: {len(outcomes)} tests against backend 'samenwerking'")
    for file, counts in per_file.items():
        print(f"  {file:<40} " + ", ".join(f"{n} {o.lower()}" for o, n in sorted(counts.items())))
    print("calls run by the backend:  " + ", ".join(f"{f} {n}" for f, n in sorted(ran.items())))
    print(
        "calls it left to networkx: " + ", ".join(f"{f} {n}" for f, n in sorted(fell_back.items()))
    )
    for test in failed:
        print(f"  failed: {test}: {KNOWN_FAILURES.get(test, 'UNEXPECTED')}")
    summary: dict[str, Any] = {
        "networkx": nx.__version__,
        "outcomes": outcomes,
        "backend_calls": dict(ran),
        "fallbacks": dict(fell_back),
        "known_failures": {t: KNOWN_FAILURES[t] for t in failed if t in KNOWN_FAILURES},
        "unexpected_failures": unexpected,
    }
    if options.output:
        options.output.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
