"""Measure partnering against the floor, the naive pipeline and the peer, in one run.

Run from the repository's root, with the ``bench`` extra installed::

    python -m benchmarks                  # the full run: 1,000, 10,000 and 100,000 partners
    python -m benchmarks --quick          # 1,000 and 10,000 partners, fewer repeats

The full run writes ``benchmarks/results/latest.json`` and the table in
``benchmarks/README.md``; other runs only print, unless ``--output`` is given.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import _processes, _table, generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_OUTPUT = HERE / "results" / "latest.json"
DEFAULT_README = HERE / "README.md"

#: The numbers of partners of the full run.
FULL_SIZES = [1_000, 10_000, 100_000]

#: From NAIVE_ONCE_FROM partners the naive pipeline runs once, and above NAIVE_ONCE_ABOVE only
#: on the compact shape: one run takes minutes. Above NAIVE_ONCE_ABOVE, the other cases run
#: LARGE_REPEATS times, and the steps of loading once.
NAIVE_ONCE_FROM = 10_000
NAIVE_ONCE_ABOVE = 10_000
LARGE_REPEATS = 2

#: The text-rich file of 100,000 partners is larger than the reader's default limit (256 MiB):
#: the benchmark trusts its own files, as the how-to "Handle large files" says to.
MAX_BYTES = 2**30

#: Many files at once are measured after the files of this many partners.
JOBS_AFTER = 10_000

#: The sizes the targets are stated at, and the smallest whose peak memory is measured.
TARGET_SIZES = (10_000, 100_000)
MEMORY_FROM = 10_000


# --- The machine ----------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    from importlib.metadata import version

    def installed(name: str) -> str:
        try:
            return version(name)
        except Exception:  # any failure means "not known"
            return "unknown"

    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "packages": {
            name: installed(name)
            for name in (
                "partnering",
                "jsonschema-rs",
                "jsonschema",
                "cattrs",
                "attrs",
                "pydantic",
                "pydantic-core",
                "check-jsonschema",
            )
        },
    }


# --- Timing ---------------------------------------------------------------------------------------


def timed(function: Callable[[], object], repeats: int) -> list[float]:
    """Run ``function`` ``repeats`` times; return the wall-clock seconds of each run.

    Garbage from earlier runs is collected first, so each run starts from the same heap; the
    collector stays on during the run, as it is for users.
    """
    runs = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return runs


def median(runs: list[float]) -> float:
    return statistics.median(runs)


# --- The contenders -------------------------------------------------------------------------------


def naive_pipeline() -> Callable[[bytes], object]:
    """json.loads, jsonschema's validator with format checking, then the project's converter."""
    import jsonschema

    from partnering.convert import make_converter
    from partnering.models import Dataset
    from partnering.schemas import get_schema

    schema = get_schema(version="1.0")  # the generated files are of version 1.0
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    converter = make_converter()

    def run(data: bytes) -> object:
        document = json.loads(data)
        validator.validate(document)
        return converter.structure(document, Dataset)

    return run


def peer() -> Callable[[bytes], object]:
    from benchmarks import peer as models

    return models.load


def _case_repeats(size: int, repeats: int) -> int:
    return min(repeats, LARGE_REPEATS) if size > NAIVE_ONCE_ABOVE else repeats


def _naive_runs(shape: str, size: int, repeats: int) -> int:
    """How many times the naive pipeline runs: it is there for context, and slow."""
    if size < NAIVE_ONCE_FROM:
        return repeats
    if size <= NAIVE_ONCE_ABOVE:
        return 1
    return 1 if shape == "compact" else 0


def measure_size(
    shape: str,
    size: int,
    repeats: int,
    workdir: Path,
    contenders: dict[str, Callable[[bytes], object]],
    log: Callable[[str], None],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Measure every case on files of ``size`` partners of one shape.

    The cases take turns, one run each per round, so that a slow spell of the machine falls
    on all of them alike rather than on one.
    """
    import partnering

    log(f"generating {size:,} partners, {shape}")
    document = generate.dataset(size, shape=shape)
    valid = generate.encode(document)
    corrupt = generate.encode(generate.corrupt(document))
    del document
    valid_path = workdir / f"partners-{shape}-{size}.json"
    corrupt_path = workdir / f"partners-{shape}-{size}-corrupt.json"
    valid_path.write_bytes(valid)
    corrupt_path.write_bytes(corrupt)
    report = partnering.validate(corrupt_path, max_bytes=MAX_BYTES)
    dataset = partnering.load(valid_path, max_bytes=MAX_BYTES)
    files: dict[str, Any] = {
        "shape": shape,
        "partners": size,
        "valid_bytes": len(valid),
        "corrupt_bytes": len(corrupt),
        "corrupt_issues": len(report.issues),
        "corrupt_errors": len(report.errors),
        "corrupt_issue_codes": report.count_by_code(),
    }
    del report
    repeats = _case_repeats(size, repeats)
    naive, peer_load = contenders["naive"], contenders["peer"]
    cases: list[tuple[str, str, Callable[[], object], int]] = [
        ("floor", "json.loads", lambda: json.loads(valid), repeats),
        (
            "naive",
            "json.loads + jsonschema + cattrs",
            lambda: naive(valid),
            _naive_runs(shape, size, repeats),
        ),
        ("peer", "pydantic model_validate_json", lambda: peer_load(valid), repeats),
        (
            "load",
            "partnering.load",
            lambda: partnering.load(valid_path, max_bytes=MAX_BYTES),
            repeats,
        ),
        (
            "validate",
            "partnering.validate (valid)",
            lambda: partnering.validate(valid_path, max_bytes=MAX_BYTES),
            repeats,
        ),
        (
            "validate_corrupt",
            "partnering.validate (1% corrupt)",
            lambda: partnering.validate(corrupt_path, max_bytes=MAX_BYTES),
            repeats,
        ),
        (
            "dumps",
            "partnering.dumps",
            lambda: partnering.dumps(dataset),
            repeats if size <= NAIVE_ONCE_ABOVE else 0,
        ),
    ]
    phases = measure_phases(valid_path, corrupt_path, 1 if size > NAIVE_ONCE_ABOVE else repeats)
    runs: dict[str, list[float]] = {key: [] for key, _, _, _ in cases}
    for round_number in range(repeats):
        log(f"  {size:,} partners, {shape}: round {round_number + 1} of {repeats}")
        for key, _, function, count in cases:
            if round_number < count:
                runs[key].extend(timed(function, 1))
    results = [
        {
            "shape": shape,
            "size": size,
            "case": key,
            "label": label,
            "runs": runs[key],
            "median": median(runs[key]),
        }
        for key, label, _, _ in cases
        if runs[key]
    ]
    files["phases"] = phases
    if size >= MEMORY_FROM:
        files["memory"] = _processes.measure_memory(valid_path, log)
    valid_path.unlink()
    corrupt_path.unlink()
    return files, results


def measure_phases(valid_path: Path, corrupt_path: Path, repeats: int) -> dict[str, Any]:
    """Time each step of loading the valid file and validating the corrupt one.

    The steps run as partnering.load and partnering.validate run them, with the collector
    paused; these medians say where the time goes, not how long the whole takes.
    """
    from datetime import date

    from partnering import _fast, _gc
    from partnering._json import parse_json
    from partnering.documents import read_bytes
    from partnering.rules import rule_issues

    today = date.today()
    steps: dict[str, dict[str, list[float]]] = {"load": {}, "validate_corrupt": {}}
    for _ in range(repeats):
        for case, path in (("load", valid_path), ("validate_corrupt", corrupt_path)):
            times = steps[case]
            gc.collect()
            with _gc.collection_paused():
                start = time.perf_counter()
                data = parse_json(read_bytes(path, max_bytes=MAX_BYTES), max_bytes=MAX_BYTES)
                parsed = time.perf_counter()
                list(_fast.schema_issues(data, plain=True))
                checked = time.perf_counter()
                list(rule_issues(data, today=today))
                ruled = time.perf_counter()
                if case == "load":
                    _fast.structure(data)
                built = time.perf_counter()
                del data
                freed = time.perf_counter()
            for step, seconds in (
                ("read and strict parse", parsed - start),
                ("schema", checked - parsed),
                ("rules", ruled - checked),
                ("structure", built - ruled),
                ("free the parsed data", freed - built),
            ):
                if case == "load" or step != "structure":
                    times.setdefault(step, []).append(seconds)
    return {
        case: {step: median(values) for step, values in times.items()}
        for case, times in steps.items()
    }


def warm_up(shapes: list[str], workdir: Path) -> dict[str, Callable[[bytes], object]]:
    """Make the contenders, and run each once on a small file of each shape.

    That imports every module, compiles the schemas and writes the generated code first.
    """
    import partnering

    contenders = {"naive": naive_pipeline(), "peer": peer()}
    for shape in shapes:
        small = generate.encode(generate.dataset(200, shape=shape))
        small_path = workdir / "warm-up.json"
        small_path.write_bytes(small)
        for contender in contenders.values():
            contender(small)
        partnering.dumps(partnering.load(small_path))
        partnering.validate(small_path)
    return contenders


# --- Targets --------------------------------------------------------------------------------------


def median_of(results: list[dict[str, Any]], shape: str, size: int, case: str) -> float | None:
    for result in results:
        if result["shape"] == shape and result["size"] == size and result["case"] == case:
            return float(result["median"])
    return None


def targets(run: dict[str, Any]) -> list[dict[str, Any]]:
    """Work out each target's measure from the run, and whether it is met."""
    results = run["results"]
    found: list[dict[str, Any]] = []

    def add(name: str, value: float | None, limit: float, *, at_least: bool = False) -> None:
        if value is None:
            return
        met = value >= limit if at_least else value <= limit
        found.append(
            {
                "target": name,
                "value": round(value, 3),
                "limit": limit,
                "kind": "at least" if at_least else "at most",
                "met": met,
            }
        )

    def ratio(top: float | None, bottom: float | None) -> float | None:
        return None if top is None or bottom is None or bottom == 0 else top / bottom

    for shape in run["settings"]["shapes"]:
        for size in TARGET_SIZES:
            peer_time = median_of(results, shape, size, "peer")
            load = median_of(results, shape, size, "load")
            valid = median_of(results, shape, size, "validate")
            where = f"{shape}, {size:,} partners"
            add(f"load / pydantic, {where}", ratio(load, peer_time), 0.8)
            add(f"validate (valid) / pydantic, {where}", ratio(valid, peer_time), 0.6)
            corrupt = median_of(results, shape, size, "validate_corrupt")
            add(f"validate corrupt / validate valid, {where}", ratio(corrupt, valid), 2)
            memory = run["files"].get(f"{shape}/{size}", {}).get("memory")
            if memory is not None:
                add(
                    f"peak memory of load / json.loads, {where}",
                    ratio(
                        memory["partnering.load"]["peak_increase_bytes"],
                        memory["json.loads"]["peak_increase_bytes"],
                    ),
                    1.3,
                )
        small, large = TARGET_SIZES
        for case in ("load", "validate", "validate_corrupt"):
            # Linear growth: the time per partner at 100,000 within a fifth of that at 10,000.
            at_small = median_of(results, shape, small, case)
            at_large = median_of(results, shape, large, case)
            per_partner = ratio(
                None if at_large is None else at_large / large,
                None if at_small is None else at_small / small,
            )
            add(f"{case}: time per partner at {large:,} / at {small:,}, {shape}", per_partner, 1.2)
    jobs = run.get("jobs")
    if jobs is not None:
        add(
            f"validate {jobs['files']} files: --jobs 1 / --jobs 2",
            ratio(jobs["jobs"]["1"]["median"], jobs["jobs"]["2"]["median"]),
            1.7,
            at_least=True,
        )
    processes = run["processes"]
    if processes is not None:
        add(
            "partnering validate / check-jsonschema, bundled example",
            ratio(processes["partnering"]["median"], processes["check-jsonschema"]["median"]),
            1,
        )
    return found


def _load_average() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:  # pragma: no cover - not available on this system
        return None


# --- The command ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--sizes",
        default=None,
        help="numbers of partners, comma-separated (default 1000,10000,100000)",
    )
    parser.add_argument(
        "--shapes",
        default=None,
        help=f"shapes of file, comma-separated (default {','.join(generate.SHAPES)})",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=None,
        help=f"runs per measurement (default 5, and at most {LARGE_REPEATS} above "
        f"{NAIVE_ONCE_ABOVE:,} partners; quick 3)",
    )
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 partners only")
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help=f"where to write the JSON results (default for the full run: "
        f"{DEFAULT_OUTPUT.relative_to(ROOT)}; otherwise none)",
    )
    parser.add_argument(
        "--readme",
        type=Path,
        default=None,
        help=f"the file whose table to replace (default {DEFAULT_README.relative_to(ROOT)} "
        "when writing the default output)",
    )
    parser.add_argument(
        "--process-repeats",
        type=int,
        default=10,
        help="runs of each command (default 10; 0 skips them)",
    )
    parser.add_argument(
        "--jobs-repeats",
        type=int,
        default=3,
        help="runs of each --jobs setting on many files (default 3; 0 skips them)",
    )
    parser.add_argument(
        "--table-from",
        type=Path,
        default=None,
        metavar="JSON",
        help="measure nothing: print the tables of a run written before (with --readme, "
        "replace them there too)",
    )
    args = parser.parse_args(argv)
    if args.table_from is not None:
        saved = json.loads(args.table_from.read_text(encoding="utf-8"))
        text = _table.table(saved)
        print(text)
        if args.readme is not None:
            _table.update_readme(args.readme, text)
        return 0

    sizes = (
        [int(size) for size in args.sizes.split(",")]
        if args.sizes
        else (FULL_SIZES[:2] if args.quick else FULL_SIZES)
    )
    shapes = args.shapes.split(",") if args.shapes else list(generate.SHAPES)
    unknown = sorted(set(shapes) - set(generate.SHAPES))
    if unknown:
        parser.error(f"unknown shape {unknown[0]!r}; expected {', '.join(generate.SHAPES)}")
    repeats = args.repeats or (3 if args.quick else 5)
    # Only the full run replaces the committed results; others print unless told where to write.
    full = sizes == FULL_SIZES and shapes == list(generate.SHAPES)
    output = args.output if args.output is not None else (DEFAULT_OUTPUT if full else None)
    readme = args.readme
    if readme is None and output == DEFAULT_OUTPUT:
        readme = DEFAULT_README

    started = time.perf_counter()
    load_at_start = _load_average()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {message}", file=sys.stderr, flush=True)

    run: dict[str, Any] = {
        "finished": None,
        # Other work on the machine slows every case; the load average says how busy it was.
        "load_average": {"start": load_at_start, "end": None},
        "command": "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(),
        "settings": {
            "shapes": shapes,
            "sizes": sizes,
            "repeats": repeats,
            "large_repeats": LARGE_REPEATS,
            "process_repeats": args.process_repeats,
            "jobs_repeats": args.jobs_repeats,
            "seed": generate.SEED,
            "naive_once_from": NAIVE_ONCE_FROM,
            "naive_once_above": NAIVE_ONCE_ABOVE,
        },
        "files": {},
        "results": [],
        "processes": None,
        "jobs": None,
    }

    def save(done: str) -> None:
        # Written after each step, so that an interrupted run keeps what it measured.
        run["finished"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        run["load_average"]["end"] = _load_average()
        run["targets"] = targets(run)
        run["seconds"] = round(time.perf_counter() - started, 1)
        run["done"] = done
        if output is not None:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(json.dumps(run, indent=2) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="partnering-bench-") as folder:
        workdir = Path(folder)
        contenders = warm_up(shapes, workdir)
        if args.process_repeats > 0:  # 0 skips the start-up comparison
            run["processes"] = _processes.measure_processes(args.process_repeats, log)
            save("start-up")
        for size in sorted(sizes):
            for shape in shapes:
                run["files"][f"{shape}/{size}"], found = measure_size(
                    shape, size, repeats, workdir, contenders, log
                )
                run["results"].extend(found)
                save(f"{shape}, {size:,} partners")
            if args.jobs_repeats > 0 and run["jobs"] is None and size >= JOBS_AFTER:
                run["jobs"] = _processes.measure_jobs(workdir, args.jobs_repeats, log)
                save("many files")
        if args.jobs_repeats > 0 and run["jobs"] is None:
            run["jobs"] = _processes.measure_jobs(workdir, args.jobs_repeats, log)
    save("all")
    if output is not None:
        log(f"wrote {output}")
    text = _table.table(run)
    print(text)
    if readme is not None:
        _table.update_readme(readme, text)
        log(f"updated the table in {readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
