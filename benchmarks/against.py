"""Time this tree's ``validate`` and ``load`` against another installed release, in one run.

The other release is named by the Python interpreter of an environment it is installed in,
such as a virtual environment made with ``pip install partnering==0.1.0``. Both are given the
same generated files (valid, of format 1.0, which every release reads); each measurement runs
in a process of its own interpreter, and the two take turns, so that a busy spell of the
machine falls on both alike. The table gives each median and the ratio, this tree over the
other: below 1 is faster.

Run it from the repository's root::

    python -m benchmarks.against --baseline /path/to/venv-0.1.0/bin/python
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from benchmarks import generate

_PROBE = textwrap.dedent(
    """
    import gc, json, sys, time
    from importlib.metadata import version
    from pathlib import Path
    import partnering

    path, case, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = Path(path).read_bytes()
    if case == "validate":
        run = lambda: partnering.validate(data)
    else:
        run = lambda: partnering.loads(data)
    run()  # every module imported, the schema compiled
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    print(json.dumps({"version": version("partnering"), "times": times}))
    """
)

CASES = ("validate", "load")


def _measure(python: str, path: Path, case: str, repeats: int) -> tuple[str, list[float]]:
    completed = subprocess.run(
        [python, "-c", _PROBE, str(path), case, str(repeats)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(completed.stdout)
    return str(found["version"]), list(found["times"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.against", description=__doc__)
    parser.add_argument("--baseline", required=True, help="the interpreter of the other release")
    parser.add_argument("--sizes", default="10000", help="numbers of partners, comma-separated")
    parser.add_argument("--rounds", type=int, default=5, help="turns each release takes")
    parser.add_argument("--repeats", type=int, default=3, help="runs a turn")
    args = parser.parse_args(argv)
    interpreters = {"this tree": sys.executable, "baseline": args.baseline}
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(size) for size in args.sizes.split(",")):
            path = Path(folder) / f"partners-{size}.json"
            path.write_bytes(generate.encode(generate.dataset(size)))
            for case in CASES:
                times: dict[str, list[float]] = {name: [] for name in interpreters}
                versions: dict[str, str] = {}
                for _ in range(args.rounds):
                    for name, python in interpreters.items():
                        versions[name], runs = _measure(python, path, case, args.repeats)
                        times[name].extend(runs)
                medians = {name: statistics.median(runs) for name, runs in times.items()}
                rows.append((size, case, versions, medians))
    print(f"baseline: partnering {rows[0][2]['baseline']}" if rows else "")
    print("| partners | case | this tree | baseline | ratio |")
    print("|---:|---|---:|---:|---:|")
    for size, case, _, medians in rows:
        ratio = medians["this tree"] / medians["baseline"]
        print(
            f"| {size:,} | `{case}` "
            f"| {medians['this tree'] * 1000:,.0f} ms | {medians['baseline'] * 1000:,.0f} ms "
            f"| {ratio:.2f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
