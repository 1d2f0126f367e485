"""The survey reader on mutated copies of its fixtures: a region or a samenwerking error.

The mutations and the rule come from the main suite's ``tests/fuzz/fuzz_engine.py``.
Labels a mutation garbles are reported with an ``UnmappedLabelWarning``, which is
expected here.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import warnings
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from samenwerking_survey import UnmappedLabelWarning, read_survey
from survey_helpers import DUTCH, ENGLISH_ROSTER, ENGLISH_SURVEY

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tests" / "fuzz"))
from fuzz_engine import KINDS, mutate, outcome

mutations = st.lists(
    st.tuples(st.sampled_from(KINDS), st.floats(0, 1), st.integers(0, 10**6)),
    min_size=1,
    max_size=3,
)


@settings(max_examples=60, derandomize=True)
@given(which=st.integers(0, 3), changes=mutations)
def test_mutated_survey_exports(which: int, changes: list[tuple[str, float, int]]) -> None:
    with tempfile.TemporaryDirectory(prefix="survey-fuzz-") as name:
        root = Path(name)
        shutil.copytree(DUTCH, root / "dutch")
        survey = shutil.copy(ENGLISH_SURVEY, root / ENGLISH_SURVEY.name)
        roster = shutil.copy(ENGLISH_ROSTER, root / ENGLISH_ROSTER.name)
        files = [
            root / "dutch" / "antwoorden.csv",
            root / "dutch" / "deelnemers.csv",
            survey,
            roster,
        ]
        target = Path(files[which])
        target.write_bytes(mutate(target.read_bytes(), changes))

        def read() -> object:
            if which < 2:
                return read_survey(root / "dutch")
            return read_survey(survey, roster=roster)

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UnmappedLabelWarning)
            outcome(read, [str(root)])  # type: ignore[arg-type]  # names one of the files
