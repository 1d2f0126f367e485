"""Run a benchmark script in smoke mode, as CI does, and read the JSON it writes.

The scripts are not part of the package; tests run them as programs, without ``CI`` in
the environment so that ``--smoke`` alone decides the size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def run_smoke(script: str, output: Path) -> tuple[dict[str, Any], str]:
    """Run ``benchmarks/<script> --smoke --quiet --output <output>``; its results and stdout."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--smoke", "--quiet", "--output", str(output)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return result, done.stdout
