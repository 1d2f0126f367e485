"""The command line on mutated inputs: exit 0, or exit 1 with one line per problem."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from fuzz_engine import KINDS, Mutation, mutate
from hypothesis import given, settings
from hypothesis import strategies as st

import samenwerking as sw
from samenwerking.cli import main
from samenwerking.errors import InvalidRegionError
from samenwerking.io.csvfolder import TABLES

FUZZ = settings.get_profile("fuzz")
CLI = settings(FUZZ, max_examples=max(10, FUZZ.max_examples // 4))

mutations = st.lists(
    st.tuples(st.sampled_from(KINDS), st.floats(0, 1), st.integers(0, 10**6)),
    min_size=1,
    max_size=2,
)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sw.save(sw.example_region(), tmp_path_factory.mktemp("cli") / "lindenhoeve")


def expected_problems(source: Path) -> int | None:
    """How many problems loading finds (``None`` when the source is valid)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            sw.load(source)
        except InvalidRegionError as error:
            return len(error.problems)
    return None


@CLI
@given(file=st.sampled_from(sorted(TABLES)), changes=mutations, command=st.integers(0, 5))
def test_check_convert_report(
    seed: Path,
    capsys: pytest.CaptureFixture[str],
    file: str,
    changes: list[Mutation],
    command: int,
) -> None:
    with tempfile.TemporaryDirectory(prefix="fuzz-cli-") as name:
        folder = Path(name) / "region"
        shutil.copytree(seed, folder)
        (folder / file).write_bytes(mutate((folder / file).read_bytes(), changes))
        count = expected_problems(folder)
        capsys.readouterr()
        assert main(["check", str(folder)]) == (0 if count is None else 1)
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        if count is not None:
            assert len(out.splitlines()) == count, out[:2000]  # one line per problem
            assert err.splitlines()[-1].endswith(
                f"{count} problem{'s' if count != 1 else ''} found"
            )
        # convert (and, now and then, the slower report) on the same input
        if command == 0:
            argv = ["report", str(folder), "--out", str(Path(name) / "report")]
        else:
            argv = ["convert", str(folder), str(Path(name) / "out.json")]
        assert main(argv) == (0 if count is None else 1)
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        if count is not None:
            lines = [
                line
                for line in err.splitlines()
                if not line.startswith(("Reading ", "samenwerking: warning:"))
            ]
            assert lines[0].startswith(f"samenwerking: error: {count} problem")
            assert len(lines) == 1 + count, lines[:5]  # a head line, then one per problem
