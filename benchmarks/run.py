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
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_OUTPUT = HERE / "results" / "latest.json"
DEFAULT_README = HERE / "README.md"
SCHEMA_FILE = ROOT / "schemas" / "1.0" / "dataset.schema.json"
TABLE_START = "<!-- results:start -->"
TABLE_END = "<!-- results:end -->"

#: The numbers of partners of the full run.
FULL_SIZES = [1_000, 10_000, 100_000]

#: Above this many partners the naive pipeline runs once: one run takes minutes.
NAIVE_ONCE_ABOVE = 10_000


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


def measure_size(
    size: int,
    repeats: int,
    workdir: Path,
    contenders: dict[str, Callable[[bytes], object]],
    log: Callable[[str], None],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Measure every case on files of ``size`` partners.

    The cases take turns, one run each per round, so that a slow spell of the machine falls
    on all of them alike rather than on one.
    """
    import partnering

    log(f"generating {size:,} partners")
    document = generate.dataset(size)
    valid = generate.encode(document)
    corrupt = generate.encode(generate.corrupt(document))
    del document
    valid_path = workdir / f"partners-{size}.json"
    corrupt_path = workdir / f"partners-{size}-corrupt.json"
    valid_path.write_bytes(valid)
    corrupt_path.write_bytes(corrupt)
    report = partnering.validate(corrupt_path)
    dataset = partnering.load(valid_path)
    files = {
        "partners": size,
        "valid_bytes": len(valid),
        "corrupt_bytes": len(corrupt),
        "corrupt_issues": len(report.issues),
        "corrupt_errors": len(report.errors),
        "corrupt_issue_codes": report.count_by_code(),
    }
    del report
    naive, peer_load = contenders["naive"], contenders["peer"]
    cases: list[tuple[str, str, Callable[[], object], int]] = [
        ("floor", "json.loads", lambda: json.loads(valid), repeats),
        (
            "naive",
            "json.loads + jsonschema + cattrs",
            lambda: naive(valid),
            1 if size > NAIVE_ONCE_ABOVE else repeats,
        ),
        ("peer", "pydantic model_validate_json", lambda: peer_load(valid), repeats),
        ("load", "partnering.load", lambda: partnering.load(valid_path), repeats),
        (
            "validate",
            "partnering.validate (valid)",
            lambda: partnering.validate(valid_path),
            repeats,
        ),
        (
            "validate_corrupt",
            "partnering.validate (1% corrupt)",
            lambda: partnering.validate(corrupt_path),
            repeats,
        ),
        ("dumps", "partnering.dumps", lambda: partnering.dumps(dataset), repeats),
    ]
    phases = measure_phases(valid_path, corrupt_path, repeats)
    runs: dict[str, list[float]] = {key: [] for key, _, _, _ in cases}
    for round_number in range(repeats):
        log(f"  {size:,} partners: round {round_number + 1} of {repeats}")
        for key, _, function, count in cases:
            if round_number < count:
                runs[key].extend(timed(function, 1))
    results = [
        {"size": size, "case": key, "label": label, "runs": runs[key], "median": median(runs[key])}
        for key, label, _, _ in cases
    ]
    files["phases"] = phases
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
                data = parse_json(read_bytes(path))
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


def measure_sizes(
    sizes: list[int], repeats: int, workdir: Path, log: Callable[[str], None]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    import partnering

    contenders = {"naive": naive_pipeline(), "peer": peer()}
    # Warm up every contender once on a small file: imports, compiled schemas, generated code.
    small = generate.encode(generate.dataset(200))
    small_path = workdir / "warm-up.json"
    small_path.write_bytes(small)
    for contender in contenders.values():
        contender(small)
    partnering.dumps(partnering.load(small_path))
    partnering.validate(small_path)

    files: dict[str, Any] = {}
    results: list[dict[str, Any]] = []
    for size in sizes:
        files[str(size)], found = measure_size(size, repeats, workdir, contenders, log)
        results.extend(found)
    return files, results


# --- Start-up: the command against check-jsonschema -----------------------------------------------


def measure_processes(repeats: int, log: Callable[[str], None]) -> dict[str, Any]:
    from partnering import example_path

    example = str(example_path())
    # The schema of the version the example declares.
    version = json.loads(example_path().read_text(encoding="utf-8"))["schema_version"]
    schema_file = ROOT / "schemas" / version / "dataset.schema.json"
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    commands = {
        "partnering": [sys.executable, "-m", "partnering", "validate", example],
        "check-jsonschema": [
            checker or "check-jsonschema",
            "--schemafile",
            str(schema_file),
            example,
        ],
    }
    measured: dict[str, Any] = {"file": "the bundled example (platforms-2014.json)"}
    for name, command in commands.items():
        log(f"process: {name} x{repeats}")
        completed = subprocess.run(command, capture_output=True, check=False)
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            runs.append(time.perf_counter() - start)
        measured[name] = {
            "command": " ".join(
                Path(part).name if index == 0 or part == example else part
                for index, part in enumerate(command)
            ).replace(str(schema_file), f"schemas/{version}/dataset.schema.json"),
            "exit_status": completed.returncode,
            "runs": runs,
            "median": median(runs),
        }
    return measured


# --- Peak memory ----------------------------------------------------------------------------------

# The peak resident set counts every allocation, Python's and jsonschema-rs's alike (tracemalloc
# sees only Python's). VmHWM is that peak for the current program image; ru_maxrss would do, but
# on Linux a child process inherits the parent's, which after the timed runs is far larger.
_MEMORY_PROBE = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path

    def peak_kib():
        status = Path("/proc/self/status")
        if status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    path, how = sys.argv[1], sys.argv[2]
    if how == "partnering.load":
        import partnering
        from partnering import example_path
        partnering.load(example_path())  # every module imported, the schema compiled
        run = lambda: partnering.load(path)
    else:
        run = lambda: json.loads(Path(path).read_bytes())
    before = peak_kib()
    result = run()
    after = peak_kib()
    print(json.dumps({"before_kib": before, "after_kib": after}))
    """
)


def measure_memory(size: int, workdir: Path, log: Callable[[str], None]) -> dict[str, Any]:
    path = workdir / f"partners-{size}.json"
    if not path.exists():
        path.write_bytes(generate.encode(generate.dataset(size)))
    measured: dict[str, Any] = {"size": size, "bytes": path.stat().st_size}
    for how in ("json.loads", "partnering.load"):
        log(f"peak memory: {how} of {size:,} partners")
        output = subprocess.run(
            [sys.executable, "-c", _MEMORY_PROBE, str(path), how],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        probe = json.loads(output)
        measured[how] = {
            "peak_increase_bytes": (probe["after_kib"] - probe["before_kib"]) * 1024,
            **probe,
        }
    return measured


# --- Targets and the table ------------------------------------------------------------------------


def _median_of(results: list[dict[str, Any]], size: int, case: str) -> float | None:
    for result in results:
        if result["size"] == size and result["case"] == case:
            return float(result["median"])
    return None


def targets(
    results: list[dict[str, Any]], processes: dict[str, Any], memory: dict[str, Any] | None
) -> list[dict[str, Any]]:
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

    for size in (10_000, 100_000):
        load = _median_of(results, size, "load")
        peer_time = _median_of(results, size, "peer")
        naive = _median_of(results, size, "naive")
        valid = _median_of(results, size, "validate")
        corrupt = _median_of(results, size, "validate_corrupt")
        if load is not None and peer_time is not None:
            add(f"load / pydantic, {size:,} partners", load / peer_time, 1.5)
        if load is not None and naive is not None:
            add(f"naive / load, {size:,} partners", naive / load, 15, at_least=True)
        if valid is not None and corrupt is not None:
            add(f"validate corrupt / validate valid, {size:,} partners", corrupt / valid, 2)
    for case in ("load", "validate", "validate_corrupt"):
        small = _median_of(results, 10_000, case)
        large = _median_of(results, 100_000, case)
        if small is not None and large is not None:
            add(f"{case}: 100,000 partners / 10,000 partners", large / small, 12)
    if memory is not None:
        add(
            f"peak memory of load / json.loads, {memory['size']:,} partners",
            memory["partnering.load"]["peak_increase_bytes"]
            / memory["json.loads"]["peak_increase_bytes"],
            3,
        )
    add(
        "partnering validate / check-jsonschema, bundled example",
        processes["partnering"]["median"] / processes["check-jsonschema"]["median"],
        1,
    )
    return found


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:,.0f}" if seconds >= 0.1 else f"{seconds * 1000:,.1f}"


def _ratio(value: float | None, base: float | None) -> str:
    if value is None or base is None or base == 0:
        return "-"
    return f"{value / base:.2f}"


def _joined(values: list[float] | None) -> str:
    return "unknown" if values is None else ", ".join(f"{value:.2f}" for value in values)


def table(run: dict[str, Any]) -> str:
    results = run["results"]
    sizes = run["settings"]["sizes"]
    lines = []
    info = run["machine"]
    load = run["load_average"]
    lines.append(
        f"Run of {run['finished']} on {info['cpu']} ({info['cores']} cores), "
        f"{info['platform']}, Python {info['python']}; medians of "
        f"{run['settings']['repeats']} runs (the naive pipeline runs once above "
        f"{NAIVE_ONCE_ABOVE:,} partners). Load average (1, 5, 15 min) at the start "
        f"{_joined(load['start'])}, at the end {_joined(load['end'])}."
    )
    lines.append("")
    lines.append(
        "Versions: "
        + ", ".join(f"{name} {version}" for name, version in info["packages"].items())
        + ". The corrupt files hold "
        + ", ".join(
            f"{run['files'][str(size)]['corrupt_issues']:,} issues ({size:,} partners)"
            for size in sizes
        )
        + "."
    )
    lines.append("")
    lines.append("| partners | file | case | median ms | × floor | × naive | × pydantic |")  # noqa: RUF001
    lines.append("|---:|---:|---|---:|---:|---:|---:|")
    for size in sizes:
        floor = _median_of(results, size, "floor")
        naive = _median_of(results, size, "naive")
        peer_time = _median_of(results, size, "peer")
        megabytes = run["files"][str(size)]["valid_bytes"] / 1_000_000
        for result in results:
            if result["size"] != size:
                continue
            value = result["median"]
            runs = len(result["runs"])
            label = result["label"] + (
                " (1 run)" if runs == 1 and result["case"] == "naive" else ""
            )
            lines.append(
                f"| {size:,} | {megabytes:.1f} MB | {label} | {_ms(value)} | "
                f"{_ratio(value, floor)} | {_ratio(value, naive)} | {_ratio(value, peer_time)} |"
            )
    lines.append("")
    lines.append(
        "Where the time goes: each step of `partnering.load` (valid file) and of "
        "`partnering.validate` (corrupt file), medians in ms:"
    )
    lines.append("")
    steps = [
        "read and strict parse",
        "schema",
        "rules",
        "structure",
        "free the parsed data",
    ]
    lines.append("| partners | case | " + " | ".join(steps) + " |")
    lines.append("|---:|---|" + "---:|" * len(steps))
    for size in sizes:
        phases = run["files"][str(size)]["phases"]
        for case, label in (("load", "load"), ("validate_corrupt", "validate, 1% corrupt")):
            cells = [_ms(phases[case].get(step)) for step in steps]
            lines.append(f"| {size:,} | {label} | " + " | ".join(cells) + " |")
    lines.append("")
    processes = run["processes"]
    lines.append(
        f"Start-up, {processes['file']}, medians of {len(processes['partnering']['runs'])} runs:"
    )
    lines.append("")
    lines.append("| command | exit status | median ms |")
    lines.append("|---|---:|---:|")
    for name in ("partnering", "check-jsonschema"):
        entry = processes[name]
        lines.append(f"| `{entry['command']}` | {entry['exit_status']} | {_ms(entry['median'])} |")
    memory = run.get("memory")
    if memory is not None:
        lines.append("")
        lines.append(
            f"Peak memory (growth of the peak resident set, VmHWM) reading the "
            f"{memory['size']:,}-partner file ({memory['bytes'] / 1_000_000:.0f} MB):"
        )
        lines.append("")
        lines.append("| reader | peak growth MB |")
        lines.append("|---|---:|")
        for how in ("json.loads", "partnering.load"):
            growth = memory[how]["peak_increase_bytes"] / 1_000_000
            lines.append(f"| {how} | {growth:,.0f} |")
    lines.append("")
    lines.append("| target | measured | limit | met |")
    lines.append("|---|---:|---:|:---:|")
    for target in run["targets"]:
        lines.append(
            f"| {target['target']} | {target['value']:.2f} | {target['kind']} "
            f"{target['limit']:g} | {'yes' if target['met'] else '**no**'} |"
        )
    return "\n".join(lines)


def update_readme(readme: Path, text: str) -> None:
    content = readme.read_text(encoding="utf-8")
    start = content.index(TABLE_START) + len(TABLE_START)
    end = content.index(TABLE_END)
    readme.write_text(content[:start] + "\n" + text + "\n" + content[end:], encoding="utf-8")


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
        "--repeats", type=int, default=None, help="runs per measurement (default 5; quick 3)"
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
        "--process-repeats", type=int, default=10, help="runs of each command (default 10)"
    )
    args = parser.parse_args(argv)

    sizes = (
        [int(size) for size in args.sizes.split(",")]
        if args.sizes
        else (FULL_SIZES[:2] if args.quick else FULL_SIZES)
    )
    repeats = args.repeats or (3 if args.quick else 5)
    # Only the full run replaces the committed results; others print unless told where to write.
    full = sizes == FULL_SIZES
    output = args.output if args.output is not None else (DEFAULT_OUTPUT if full else None)
    readme = args.readme
    if readme is None and output == DEFAULT_OUTPUT:
        readme = DEFAULT_README

    started = time.perf_counter()
    load_at_start = _load_average()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="partnering-bench-") as folder:
        workdir = Path(folder)
        files, results = measure_sizes(sizes, repeats, workdir, log)
        processes = measure_processes(args.process_repeats, log)
        largest = max(sizes)
        memory = measure_memory(largest, workdir, log) if largest >= 10_000 else None
    run: dict[str, Any] = {
        "finished": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        # Other work on the machine slows every case; the load average says how busy it was.
        "load_average": {"start": load_at_start, "end": _load_average()},
        "command": "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(),
        "settings": {
            "sizes": sizes,
            "repeats": repeats,
            "process_repeats": args.process_repeats,
            "seed": generate.SEED,
            "naive_once_above": NAIVE_ONCE_ABOVE,
        },
        "files": files,
        "results": results,
        "processes": processes,
        "memory": memory,
    }
    run["targets"] = targets(results, processes, memory)
    run["seconds"] = round(time.perf_counter() - started, 1)
    text = table(run)
    print(text)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(run, indent=2) + "\n", encoding="utf-8")
        log(f"wrote {output}")
    if readme is not None:
        update_readme(readme, text)
        log(f"updated the table in {readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
