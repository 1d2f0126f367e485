"""The fuzz tests' hypothesis profile: a few hundred examples in all in the default run.

``SAMENWERKING_FUZZ_EXAMPLES`` sets the examples per test (default 100 for the quick
readers; the slow ones take a fraction). ``benchmarks/fuzz_readers.py --examples 5000``
is the nightly-style run with many more, and records time and memory.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("SAMENWERKING_FUZZ_EXAMPLES", "100"))

settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same inputs on every run: a failure in CI is reproducible
)
