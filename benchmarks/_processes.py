"""What runs in processes of its own: start-up, peak memory, and many files at once."""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import generate

ROOT = Path(__file__).resolve().parent.parent

#: Many files at once: how many, and how many partners each.
JOBS_FILES = 50
JOBS_PARTNERS = 2_000


def _median(runs: list[float]) -> float:
    return statistics.median(runs)


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
            "median": _median(runs),
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
        run = lambda: partnering.load(path, max_bytes=2**30)
    else:
        run = lambda: json.loads(Path(path).read_bytes())
    before = peak_kib()
    result = run()
    after = peak_kib()
    print(json.dumps({"before_kib": before, "after_kib": after}))
    """
)

MEMORY_READERS = ("json.loads", "partnering.load")


def measure_memory(path: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """Measure the growth of the peak resident set of each reader, each in a new process."""
    measured: dict[str, Any] = {"bytes": path.stat().st_size}
    for how in MEMORY_READERS:
        log(f"  peak memory: {how} of {path.name}")
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


# --- Many files at once ---------------------------------------------------------------------------


def _children_cpu() -> float:
    """Return the processor time, user and system, of every child process that has ended."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_jobs(workdir: Path, repeats: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Time ``partnering validate`` on many files with one job and with two, in turns.

    The files are distinct (each generated with its own seed), valid, of the compact shape.
    Besides the wall-clock time, the processor time of all the command's processes says what
    working in parallel costs, whatever else the machine is doing.
    """
    folder = workdir / "many"
    folder.mkdir(exist_ok=True)
    log(f"generating {JOBS_FILES} files of {JOBS_PARTNERS:,} partners")
    paths = []
    for number in range(JOBS_FILES):
        path = folder / f"file-{number:02d}.json"
        path.write_bytes(generate.encode(generate.dataset(JOBS_PARTNERS, seed=number + 1)))
        paths.append(str(path))
    jobs = (1, 2)
    runs: dict[int, list[float]] = {count: [] for count in jobs}
    cpu: dict[int, list[float]] = {count: [] for count in jobs}
    statuses: dict[int, int] = {}
    for round_number in range(repeats):
        log(f"  many files: round {round_number + 1} of {repeats}")
        for count in jobs:
            command = [sys.executable, "-m", "partnering", "validate", "--quiet"]
            used = _children_cpu()
            start = time.perf_counter()
            completed = subprocess.run(
                [*command, "--jobs", str(count), *paths], capture_output=True, check=False
            )
            runs[count].append(time.perf_counter() - start)
            cpu[count].append(_children_cpu() - used)
            statuses[count] = completed.returncode
    return {
        "files": JOBS_FILES,
        "partners": JOBS_PARTNERS,
        "bytes": sum(Path(path).stat().st_size for path in paths),
        "jobs": {
            str(count): {
                "runs": runs[count],
                "median": _median(runs[count]),
                "cpu_runs": cpu[count],
                "cpu_median": _median(cpu[count]),
                "status": statuses[count],
            }
            for count in jobs
        },
    }
