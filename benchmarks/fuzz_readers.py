"""Nightly-style fuzzing of every reader, with the time and memory each input costs.

For each reader (the CSV folder, the JSON file, the Excel workbook and, when installed,
the DUO and survey plugins) this feeds ``--examples`` mutated versions of a valid input
(the bundled example region; the plugins' own fixtures) to the reader, with the mutations
of ``tests/fuzz/fuzz_engine.py`` drawn from a fixed seed, and counts regions, samenwerking
errors and crashes (any other exception). It records the slowest input per reader.

Then it measures the limits, each in a fresh process so that its peak memory is its own:
a 1 GiB cell (``--big`` only; a 5 MiB one otherwise), a million columns, JSON nested a
million deep, a 2 GiB-unpacking workbook (zip bomb) and a billion-laughs workbook; each
must give a samenwerking error.

Run ``python benchmarks/fuzz_readers.py`` (1,000 inputs per reader), ``--examples 5000``,
``--smoke`` (20 per reader, also when ``CI=true``), ``--big`` for the 1 GiB cell. Exits 1
if any input crashed a reader or a limit was not enforced. Results go to
``benchmarks/results/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

from fuzz_engine import mutate, outcome, random_mutations  # noqa: E402

import samenwerking as sw  # noqa: E402
from samenwerking.errors import SamenwerkingError  # noqa: E402

__all__ = ["main"]

SEED = 20261203
RESULTS = Path(__file__).resolve().parent / "results"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the readers and their seeds ----------------------------------------------------------------
Reader = Callable[[Path, random.Random], tuple[Callable[[], Any], list[str]]]


def _csv_reader(seed: Path) -> Reader:
    files = sorted(p.name for p in seed.iterdir())

    def prepare(scratch: Path, rng: random.Random) -> tuple[Callable[[], Any], list[str]]:
        folder = scratch / "region"
        shutil.copytree(seed, folder)
        path = folder / rng.choice(files)
        path.write_bytes(mutate(path.read_bytes(), random_mutations(rng)))
        return (lambda: sw.load(folder)), [str(folder), path.name]

    return prepare


def _file_reader(seed: Path) -> Reader:
    data = seed.read_bytes()

    def prepare(scratch: Path, rng: random.Random) -> tuple[Callable[[], Any], list[str]]:
        path = scratch / seed.name
        path.write_bytes(mutate(data, random_mutations(rng)))
        return (lambda: sw.load(path)), [str(path), path.name]

    return prepare


def _plugin_reader(fixtures: Path, read: Callable[[Path], Any]) -> Reader:
    files = sorted(str(p.relative_to(fixtures)) for p in fixtures.rglob("*.csv"))

    def prepare(scratch: Path, rng: random.Random) -> tuple[Callable[[], Any], list[str]]:
        folder = scratch / "sources"
        shutil.copytree(fixtures, folder)
        path = folder / rng.choice(files)
        path.write_bytes(mutate(path.read_bytes(), random_mutations(rng)))
        return (lambda: read(folder)), [str(folder)]

    return prepare


def _readers(root: Path) -> dict[str, Reader]:
    region = sw.example_region()
    readers: dict[str, Reader] = {
        "csv folder": _csv_reader(sw.save(region, root / "lindenhoeve")),
        "json": _file_reader(sw.save(region, root / "lindenhoeve.json")),
        "excel": _file_reader(sw.save(region, root / "lindenhoeve.xlsx")),
    }
    try:
        from samenwerking_duo import read_duo

        readers["duo plugin"] = _plugin_reader(ROOT / "plugins/duo/tests/fixtures", read_duo)
    except ImportError:
        pass
    try:
        from samenwerking_survey import read_survey

        fixtures = ROOT / "plugins/survey/tests/fixtures/elzenburg"
        readers["survey plugin"] = _plugin_reader(fixtures, read_survey)
    except ImportError:
        pass
    return readers


def _fuzz(name: str, prepare: Reader, examples: int, seed: int) -> dict[str, Any]:
    rng = random.Random(f"{seed}:{name}")
    counts = {"region": 0, "error": 0, "crash": 0}
    crashes: list[str] = []
    slowest = (0.0, "")
    started = time.perf_counter()
    for number in range(examples):
        with tempfile.TemporaryDirectory(prefix="fuzz-") as scratch:
            state = rng.getstate()
            read, names = prepare(Path(scratch), rng)
            begin = time.perf_counter()
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # plugins' label warnings, encodings
                    counts[outcome(read, names)] += 1
            except Exception as error:
                counts["crash"] += 1
                if len(crashes) < 5:
                    crashes.append(
                        f"input {number}: {type(error).__name__}: {error}"[:500]
                        + "\n"
                        + "".join(traceback.format_exception(error)[-3:])
                    )
            took = time.perf_counter() - begin
            if took > slowest[0]:
                slowest = (took, f"input {number} (rng state hash {hash(state) & 0xFFFF:04x})")
    return {
        "reader": name,
        "examples": examples,
        **counts,
        "seconds": round(time.perf_counter() - started, 2),
        "slowest_s": round(slowest[0], 3),
        "crashes": crashes,
    }


# -- the limits, each in a fresh process -------------------------------------------------------
def _limit_case(case: str, folder: Path) -> dict[str, Any]:
    """Build the input for one limit case, read it, and return what happened."""
    region = sw.example_region()
    if case.startswith("cell"):
        size = {"cell-1g": 1 << 30, "cell-5m": 5 << 20}[case]
        target = sw.save(region, folder / "region")
        with (target / "meetings.csv").open("ab") as handle:
            handle.write(b"m-big,")
            block = b"x" * (1 << 20)
            for _ in range(size // len(block)):
                handle.write(block)
            handle.write(b"\n")
    elif case == "columns-1m":
        target = sw.save(region, folder / "region")
        path = target / "ties.csv"
        header, rest = path.read_bytes().split(b"\n", 1)
        path.write_bytes(header + b",c" * 1_000_000 + b"\n" + rest)
    elif case == "json-deep-1m":
        target = folder / "deep.json"
        target.write_bytes(
            b'{"format": "samenwerking-region", "version": 1, "region": {"name": '
            + b"[" * 1_000_000
            + b"]" * 1_000_000
            + b"}}"
        )
    elif case == "xlsx-zip-bomb":
        target = folder / "bomb.xlsx"
        book = sw.save(region, folder / "seed.xlsx")
        with (
            zipfile.ZipFile(book) as source,
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
        ):
            for info in source.infolist():
                out.writestr(info, source.read(info))
            with out.open("xl/media/zeros.bin", "w", force_zip64=True) as member:
                block = bytes(1 << 20)
                for _ in range(2049):  # a little over 2 GiB unpacked, about 2 MB packed
                    member.write(block)
    elif case == "xlsx-billion-laughs":
        target = folder / "laughs.xlsx"
        book = sw.save(region, folder / "seed.xlsx")
        laughs = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol">' + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
        )
        with zipfile.ZipFile(book) as source, zipfile.ZipFile(target, "w") as out:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "xl/workbook.xml":
                    xml = data.decode()
                    xml = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
                    data = (laughs + "]>" + xml.replace("><", ">&j;<", 1)).encode()
                out.writestr(info, data)
    else:
        raise SystemExit(f"unknown case {case!r}")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sw.load(target)
        result, message = "region", ""
    except SamenwerkingError as error:
        result, message = "error", str(error).splitlines()[-1].strip()[:300]
    took = time.perf_counter() - started
    _, allocated = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "case": case,
        "result": result,
        "message": message,
        "input_mb": round(sum(p.stat().st_size for p in _files(target)) / 1e6, 1),
        "read_s": round(took, 3),
        "read_alloc_peak_mb": round(allocated / 1e6, 1),
        "process_peak_mb": round(_vm_hwm_mb(), 1),
    }


def _files(target: Path) -> list[Path]:
    return [target] if target.is_file() else [p for p in target.rglob("*") if p.is_file()]


def _vm_hwm_mb() -> float:
    """Peak resident memory of this process (``VmHWM``, which, unlike ``ru_maxrss``, does not
    carry over from the parent through ``exec``); ``ru_maxrss`` where there is no /proc."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _peak_mb()


def _run_limit(case: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="fuzz-limit-") as folder:
        done = subprocess.run(
            [sys.executable, __file__, "--limit-case", case, "--dir", folder],
            capture_output=True,
            text=True,
            check=False,
            timeout=1800,
        )
    if done.returncode != 0:
        return {"case": case, "result": "crash", "message": done.stderr[-2000:]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# -- the command ----------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000, help="inputs per reader")
    parser.add_argument("--smoke", action="store_true", help="20 inputs per reader")
    parser.add_argument("--big", action="store_true", help="also a 1 GiB cell (needs 1 GB disk)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--readers", nargs="+", metavar="NAME", help="only these (e.g. excel)")
    parser.add_argument("--no-limits", action="store_true", help="skip the limit cases")
    parser.add_argument("--output", type=Path, help="where to write the JSON results")
    parser.add_argument("--quiet", action="store_true", help="print only the summary table")
    parser.add_argument("--limit-case", help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.limit_case:
        print(json.dumps(_limit_case(args.limit_case, args.dir)))
        return 0
    smoke = args.smoke or os.environ.get("CI") == "true"
    examples = 20 if smoke else args.examples
    with tempfile.TemporaryDirectory(prefix="fuzz-seeds-") as root:
        readers = _readers(Path(root))
        fuzzed = []
        for name, prepare in readers.items():
            if args.readers and not any(wanted in name for wanted in args.readers):
                continue
            fuzzed.append(_fuzz(name, prepare, examples, args.seed))
            if not args.quiet:
                row = fuzzed[-1]
                print(f"{name}: {row['examples']} inputs in {row['seconds']} s", flush=True)
    cases = ["cell-1g" if args.big else "cell-5m", "columns-1m", "json-deep-1m"]
    cases += ["xlsx-billion-laughs"] if smoke else ["xlsx-zip-bomb", "xlsx-billion-laughs"]
    limits = [] if args.no_limits else [_run_limit(case) for case in cases]
    print(
        f"{'reader':<14} {'inputs':>7} {'regions':>8} {'errors':>7} {'crashes':>8} "
        f"{'total s':>8} {'slowest s':>10}"
    )
    for row in fuzzed:
        print(
            f"{row['reader']:<14} {row['examples']:>7} {row['region']:>8} {row['error']:>7} "
            f"{row['crash']:>8} {row['seconds']:>8} {row['slowest_s']:>10}"
        )
        for crash in row["crashes"]:
            print("  CRASH", crash)
    print(
        f"\n{'limit case':<20} {'result':>7} {'input MB':>9} {'read s':>7} {'read MB':>8} "
        f"{'process MB':>11}  message"
    )
    for row in limits:
        print(
            f"{row['case']:<20} {row['result']:>7} {row.get('input_mb', '-'):>9} "
            f"{row.get('read_s', '-'):>7} {row.get('read_alloc_peak_mb', '-'):>8} "
            f"{row.get('process_peak_mb', '-'):>11}  {row['message'][:80]}"
        )
    failed = any(row["crash"] for row in fuzzed) or any(r["result"] != "error" for r in limits)
    results = {
        "benchmark": "fuzz_readers",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "python": platform.python_version(),
        "smoke": smoke,
        "seed": args.seed,
        "fuzzed": fuzzed,
        "limits": limits,
        "ok": not failed,
    }
    output = args.output or RESULTS / f"fuzz_readers-{'smoke' if smoke else examples}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if not args.quiet:
        print(f"Wrote {output}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
