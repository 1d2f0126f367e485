"""The DUO reader on mutated copies of its fixtures: a valid region or a samenwerking error.

The mutations and the rule come from the main suite's ``tests/fuzz/fuzz_engine.py``
(bytes flipped, rows cut, cells swapped, quotes unbalanced, huge cells, NUL bytes, ...).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samenwerking_duo import read_duo

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tests" / "fuzz"))
from fuzz_engine import KINDS, mutate, outcome

FIXTURES = Path(__file__).parent / "fixtures"
FILES = sorted(str(p.relative_to(FIXTURES)) for p in FIXTURES.rglob("*.csv"))

mutations = st.lists(
    st.tuples(st.sampled_from(KINDS), st.floats(0, 1), st.integers(0, 10**6)),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(file=st.sampled_from(FILES), changes=mutations, everywhere=st.booleans())
def test_mutated_duo_files(
    file: str, changes: list[tuple[str, float, int]], everywhere: bool
) -> None:
    with tempfile.TemporaryDirectory(prefix="duo-fuzz-") as name:
        folder = Path(name) / "duo"
        shutil.copytree(FIXTURES, folder, ignore=shutil.ignore_patterns("*.md"))
        path = folder / file
        path.write_bytes(mutate(path.read_bytes(), changes))
        municipalities = None if everywhere else ["Voorst"]
        outcome(
            lambda: read_duo(folder, municipalities=municipalities), [str(folder), Path(file).name]
        )
